/*
 * xpath.c - compiled rule expressions and their bounded evaluation (see
 * xpath.h).
 */
#include "xpath.h"

#include "alloc.h"
#include "number.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpathInternals.h>

/* libxml2 2.9 hands a context's error handler the error code without a
 * message: these are its texts (xpath.c, xmlXPathErrorMessages), indexed by
 * the code less XML_XPATH_EXPRESSION_OK. */
static const char *const xpath_messages[] = {
	"Ok", "Number encoding", "Unfinished literal", "Start of literal",
	"Expected $ for variable reference", "Undefined variable", "Invalid predicate",
	"Invalid expression", "Missing closing curly brace", "Unregistered function",
	"Invalid operand", "Invalid type", "Invalid number of arguments", "Invalid context size",
	"Invalid context position", "Memory allocation error", "Syntax error", "Resource error",
	"Sub resource error", "Undefined namespace prefix", "Encoding error",
	"Char out of XML range", "Invalid or incomplete context", "Stack usage error",
	"Forbidden variable", "Operation limit exceeded", "Recursion limit exceeded",
};

/* Keeps the first error message of an evaluation or compilation. */
static void on_xpath_error(void *data, xmlErrorPtr e)
{
	char *buf = data;
	int index = e->code - XML_XPATH_EXPRESSION_OK;
	size_t len;

	if (buf[0])
		return;
	if (e->message)
		snprintf(buf, 256, "%s", e->message);
	else if (index >= 0 && index < (int)(sizeof(xpath_messages) / sizeof(xpath_messages[0])))
		snprintf(buf, 256, "%s", xpath_messages[index]);
	else
		snprintf(buf, 256, "XPath error %d", e->code);
	len = strcspn(buf, "\n");
	buf[len] = '\0';
}

enum tender_status xpath_compile(const char *text, struct xpath_expr *e, char *why,
				 size_t why_size)
{
	char message[256] = "";
	xmlXPathContextPtr ctxt;

	memset(e, 0, sizeof(*e));
	ctxt = xmlXPathNewContext(NULL);
	if (!ctxt)
		return TENDER_ERR_NOMEM;
	ctxt->error = on_xpath_error;
	ctxt->userData = message;
	e->comp = xmlXPathCtxtCompile(ctxt, BAD_CAST text);
	xmlXPathFreeContext(ctxt);
	if (!e->comp) {
		snprintf(why, why_size, "XPath '%.200s' does not compile: %s", text,
			 message[0] ? message : "syntax error");
		return TENDER_ERR_RULE;
	}
	e->text = tender_strdup(text);
	if (!e->text) {
		xmlXPathFreeCompExpr(e->comp);
		e->comp = NULL;
		return TENDER_ERR_NOMEM;
	}
	return TENDER_OK;
}

void xpath_expr_release(struct xpath_expr *e)
{
	if (!e)
		return;
	xmlXPathFreeCompExpr(e->comp);
	tender_free(e->text);
	memset(e, 0, sizeof(*e));
}

/* A parameter is a number when its whole value reads as a decimal (the
 * one parser of number.c). */
static xmlXPathObjectPtr param_object(const char *value)
{
	struct decimal d;
	char why[128];

	if (decimal_parse(value, &d, why, sizeof(why)) == TENDER_OK)
		return xmlXPathNewFloat(decimal_to_double(d));
	return xmlXPathNewString(BAD_CAST value);
}

/* Text as XPath number() reads it, but through tender's one decimal parser:
 * the nearest double to the exact decimal (libxml2's own conversion is off
 * by one unit in the last place for values such as 1.57), or NaN when the
 * text is not a decimal. */
static double text_number(const xmlChar *text)
{
	struct decimal d;
	char why[128];

	if (!text || decimal_parse((const char *)text, &d, why, sizeof(why)))
		return NAN;
	return decimal_to_double(d);
}

/* number(): XPath 1.0's, with text read by text_number(). */
static void exact_number(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr arg;
	xmlChar *text;
	double v;

	if (nargs == 0) {
		text = xmlXPathCastNodeToString(ctxt->context->node);
		valuePush(ctxt, xmlXPathNewFloat(text_number(text)));
		xmlFree(text);
		return;
	}
	CHECK_ARITY(1);
	arg = valuePop(ctxt);
	if (!arg) {
		xmlXPathErr(ctxt, XPATH_INVALID_OPERAND);
		return;
	}
	if (arg->type == XPATH_NUMBER || arg->type == XPATH_BOOLEAN) {
		v = xmlXPathCastToNumber(arg);
	} else {
		text = xmlXPathCastToString(arg);
		v = text_number(text);
		xmlFree(text);
	}
	xmlXPathFreeObject(arg);
	valuePush(ctxt, xmlXPathNewFloat(v));
}

/* sum(): XPath 1.0's, adding the nodes' decimals exactly (text_number's
 * reading); a sum beyond 18 significant digits is added in doubles. */
static void exact_sum(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr arg;
	struct decimal total = decimal_from_int(0);
	double inexact = 0;
	int exact = 1, nan = 0;

	CHECK_ARITY(1);
	if (!ctxt->value || (ctxt->value->type != XPATH_NODESET &&
			     ctxt->value->type != XPATH_XSLT_TREE)) {
		xmlXPathErr(ctxt, XPATH_INVALID_TYPE);
		return;
	}
	arg = valuePop(ctxt);
	for (int i = 0; arg->nodesetval && i < arg->nodesetval->nodeNr && !nan; i++) {
		xmlChar *text = xmlXPathCastNodeToString(arg->nodesetval->nodeTab[i]);
		struct decimal d;
		char why[128];

		if (!text || decimal_parse((const char *)text, &d, why, sizeof(why)))
			nan = 1;
		else if (exact && decimal_add(total, d, &total))
			exact = 0;
		if (!nan)
			inexact += decimal_to_double(d);
		xmlFree(text);
	}
	xmlXPathFreeObject(arg);
	valuePush(ctxt, xmlXPathNewFloat(nan ? NAN : exact ? decimal_to_double(total) : inexact));
}

enum tender_status xpath_env_init(struct xpath_env *env, xmlDocPtr doc,
				  const struct xpath_bindings *b, xmlNodePtr tender_root)
{
	xmlXPathObjectPtr tender;

	memset(env, 0, sizeof(*env));
	env->ctxt = xmlXPathNewContext(doc);
	if (!env->ctxt)
		return TENDER_ERR_NOMEM;
	env->ctxt->error = on_xpath_error;
	env->ctxt->userData = env->error;
	env->ctxt->opLimit = XPATH_OP_LIMIT;
	/* number() and sum() read decimals exactly (see text_number) */
	xmlXPathRegisterFunc(env->ctxt, BAD_CAST "number", NULL);
	xmlXPathRegisterFunc(env->ctxt, BAD_CAST "sum", NULL);
	if (xmlXPathRegisterFunc(env->ctxt, BAD_CAST "number", exact_number) ||
	    xmlXPathRegisterFunc(env->ctxt, BAD_CAST "sum", exact_sum))
		goto nomem;
	for (size_t i = 0; i < b->n_namespaces; i++)
		if (xmlXPathRegisterNs(env->ctxt, BAD_CAST b->namespaces[i].name,
				       BAD_CAST b->namespaces[i].value))
			goto nomem;
	for (size_t i = 0; i < b->n_params; i++) {
		xmlXPathObjectPtr v = param_object(b->params[i].value);

		if (!v || xmlXPathRegisterVariable(env->ctxt, BAD_CAST b->params[i].name, v)) {
			xmlXPathFreeObject(v);
			goto nomem;
		}
	}
	tender = xmlXPathNewNodeSet(tender_root);
	if (!tender || xmlXPathRegisterVariable(env->ctxt, BAD_CAST "tender", tender)) {
		xmlXPathFreeObject(tender);
		goto nomem;
	}
	return TENDER_OK;
nomem:
	xpath_env_release(env);
	return TENDER_ERR_NOMEM;
}

void xpath_env_release(struct xpath_env *env)
{
	if (env->ctxt)
		xmlXPathFreeContext(env->ctxt);
	env->ctxt = NULL;
}

enum tender_status xpath_eval(struct xpath_env *env, const struct xpath_expr *e,
			      xmlXPathObjectPtr *out)
{
	xmlXPathObjectPtr result;
	xmlDocPtr doc = env->ctxt->doc;

	env->error[0] = '\0';
	env->ctxt->opCount = 0;
	env->ctxt->node = doc ? (xmlNodePtr)doc : NULL;
	result = xmlXPathCompiledEval(e->comp, env->ctxt);
	if (!result || env->error[0]) {
		int code = env->ctxt->lastError.code - XML_XPATH_EXPRESSION_OK;
		int limit = code == XPATH_OP_LIMIT_EXCEEDED ||
			    code == XPATH_RECURSION_LIMIT_EXCEEDED ||
			    strstr(env->error, "limit exceeded");

		xmlXPathFreeObject(result);
		if (!env->error[0])
			snprintf(env->error, sizeof(env->error), "evaluation failed");
		*out = NULL;
		xmlResetError(&env->ctxt->lastError);
		return limit ? TENDER_ERR_LIMIT : TENDER_ERR_RULE;
	}
	*out = result;
	return TENDER_OK;
}

enum tender_status xpath_bool(struct xpath_env *env, const struct xpath_expr *e, int *out)
{
	xmlXPathObjectPtr r;
	enum tender_status rc = xpath_eval(env, e, &r);

	if (rc)
		return rc;
	*out = xmlXPathCastToBoolean(r) != 0;
	xmlXPathFreeObject(r);
	return TENDER_OK;
}

enum tender_status xpath_string_dup(struct xpath_env *env, const struct xpath_expr *e,
				    char **out)
{
	xmlXPathObjectPtr r;
	xmlChar *s;
	enum tender_status rc = xpath_eval(env, e, &r);

	*out = NULL;
	if (rc)
		return rc;
	s = xmlXPathCastToString(r);
	xmlXPathFreeObject(r);
	if (!s)
		return TENDER_ERR_NOMEM;
	*out = tender_strdup((const char *)s);
	xmlFree(s);
	return *out ? TENDER_OK : TENDER_ERR_NOMEM;
}

enum tender_status xpath_decimal(struct xpath_env *env, const struct xpath_expr *e,
				 struct decimal *out, int *is_number, char **text)
{
	xmlXPathObjectPtr r;
	enum tender_status rc = xpath_eval(env, e, &r);
	char why[160];
	xmlChar *s;

	*is_number = 0;
	*text = NULL;
	if (rc)
		return rc;
	if (r->type == XPATH_NUMBER || r->type == XPATH_BOOLEAN) {
		double v = xmlXPathCastToNumber(r);

		xmlXPathFreeObject(r);
		if (v != v) /* NaN: no number */
			return TENDER_OK;
		rc = decimal_from_double(v, out, why, sizeof(why));
		if (rc) {
			snprintf(env->error, sizeof(env->error), "the computed value %s", why);
			return rc;
		}
		*is_number = 1;
		return TENDER_OK;
	}
	s = xmlXPathCastToString(r);
	xmlXPathFreeObject(r);
	if (!s)
		return TENDER_ERR_NOMEM;
	*text = tender_strdup((const char *)s);
	xmlFree(s);
	if (!*text)
		return TENDER_ERR_NOMEM;
	*is_number = decimal_parse(*text, out, why, sizeof(why)) == TENDER_OK;
	return TENDER_OK;
}
