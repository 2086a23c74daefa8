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

/* ---------------------------------------------------------------------- */
/* The string budget. libxml2 counts steps and node visits against opLimit
 * but not the bytes its string functions copy: concat() of 390 copies of
 * string(/) on a 16 MB bid took two minutes and 6 GB. Every string function
 * here first turns its text arguments into strings itself, counting their
 * bytes, then counts the string it returns; past XPATH_STRING_LIMIT bytes
 * in one evaluation the evaluation stops with a limit error, as it does at
 * the operation limit. */

/* The environment of the evaluation ctxt belongs to (its userData). */
static struct xpath_env *env_of(xmlXPathParserContextPtr ctxt)
{
	return ctxt->context->userData;
}

/* Adds n bytes to the evaluation's count; 0 when that passes the limit
 * (the evaluation is then stopped with env->error saying why). */
static int string_spend(xmlXPathParserContextPtr ctxt, size_t n)
{
	struct xpath_env *env = env_of(ctxt);

	if (n <= XPATH_STRING_LIMIT - env->string_bytes) {
		env->string_bytes += n;
		return 1;
	}
	if (!env->error[0])
		snprintf(env->error, sizeof(env->error),
			 "String limit exceeded: the expression makes or reads more than %zu "
			 "MiB of text",
			 (size_t)XPATH_STRING_LIMIT >> 20);
	xmlXPathErr(ctxt, XPATH_MEMORY_ERROR); /* stops the evaluation */
	return 0;
}

/* Replaces the argument `depth` places below the top of the stack with its
 * string value (XPath's string()), counting its bytes. 0 on failure (the
 * evaluation is stopped). */
static int string_arg(xmlXPathParserContextPtr ctxt, int depth)
{
	xmlXPathObjectPtr *slot = &ctxt->valueTab[ctxt->valueNr - 1 - depth], text;

	if ((*slot)->type != XPATH_STRING) {
		text = xmlXPathConvertString(*slot); /* frees the old object */
		*slot = text;
		ctxt->value = ctxt->valueTab[ctxt->valueNr - 1]; /* the top, cached */
		if (!text) {
			xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
			return 0;
		}
	}
	return string_spend(ctxt, (size_t)xmlStrlen((*slot)->stringval));
}

/* concat(): the arguments' strings (counted) joined in one allocation. */
static void bounded_concat(xmlXPathParserContextPtr ctxt, int nargs)
{
	size_t total = 0, at = 0;
	xmlChar *joined;

	if (nargs < 2) {
		CHECK_ARITY(2);
	}
	if (ctxt->valueNr < ctxt->valueFrame + nargs) {
		xmlXPathErr(ctxt, XPATH_STACK_ERROR);
		return;
	}
	for (int i = 0; i < nargs; i++) {
		if (!string_arg(ctxt, i))
			return;
		total += (size_t)xmlStrlen(ctxt->valueTab[ctxt->valueNr - 1 - i]->stringval);
	}
	if (!string_spend(ctxt, total))
		return;
	joined = xmlMalloc(total + 1);
	if (!joined) {
		xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	for (int i = nargs - 1; i >= 0; i--) {
		const xmlChar *part = ctxt->valueTab[ctxt->valueNr - 1 - i]->stringval;
		size_t len = (size_t)xmlStrlen(part);

		memcpy(joined + at, part, len);
		at += len;
	}
	joined[at] = '\0';
	for (int i = 0; i < nargs; i++)
		xmlXPathFreeObject(valuePop(ctxt));
	valuePush(ctxt, xmlXPathWrapString(joined));
}

/* XPath 1.0's string functions from libxml2, each with the arguments that
 * it reads as strings (a bit per argument from the first) turned into
 * counted strings before it runs and its string result counted after. */
static const struct {
	const char *name;
	xmlXPathFunction run;
	unsigned text_args;
} string_functions[] = {
	{"string", xmlXPathStringFunction, 1u},
	{"substring", xmlXPathSubstringFunction, 1u},
	{"substring-before", xmlXPathSubstringBeforeFunction, 3u},
	{"substring-after", xmlXPathSubstringAfterFunction, 3u},
	{"translate", xmlXPathTranslateFunction, 7u},
	{"normalize-space", xmlXPathNormalizeFunction, 1u},
	{"contains", xmlXPathContainsFunction, 3u},
	{"starts-with", xmlXPathStartsWithFunction, 3u},
	{"string-length", xmlXPathStringLengthFunction, 1u},
};

static void bounded_string_function(xmlXPathParserContextPtr ctxt, int nargs,
				    size_t which)
{
	xmlXPathObjectPtr result;

	if (nargs >= 0 && ctxt->valueNr >= ctxt->valueFrame + nargs) {
		for (int i = 0; i < nargs && i < 3; i++) /* argument i is nargs-1-i deep */
			if ((string_functions[which].text_args & (1u << i)) &&
			    !string_arg(ctxt, nargs - 1 - i))
				return;
	}
	string_functions[which].run(ctxt, nargs);
	result = ctxt->error == XPATH_EXPRESSION_OK ? ctxt->value : NULL;
	if (result && result->type == XPATH_STRING)
		string_spend(ctxt, (size_t)xmlStrlen(result->stringval));
}

#define BOUNDED(i)                                                                     \
	static void bounded_##i(xmlXPathParserContextPtr ctxt, int nargs)              \
	{                                                                              \
		bounded_string_function(ctxt, nargs, i);                               \
	}
BOUNDED(0)
BOUNDED(1)
BOUNDED(2)
BOUNDED(3)
BOUNDED(4)
BOUNDED(5)
BOUNDED(6)
BOUNDED(7)
BOUNDED(8)
#undef BOUNDED

static const xmlXPathFunction bounded[] = {bounded_0, bounded_1, bounded_2,
					    bounded_3, bounded_4, bounded_5,
					    bounded_6, bounded_7, bounded_8};

/* Errors of an evaluation go to its environment's buffer. */
static void on_eval_error(void *data, xmlErrorPtr e)
{
	on_xpath_error(((struct xpath_env *)data)->error, e);
}

enum tender_status xpath_env_init(struct xpath_env *env, xmlDocPtr doc,
				  const struct xpath_bindings *b, xmlNodePtr tender_root)
{
	xmlXPathObjectPtr tender;

	memset(env, 0, sizeof(*env));
	env->ctxt = xmlXPathNewContext(doc);
	if (!env->ctxt)
		return TENDER_ERR_NOMEM;
	env->ctxt->error = on_eval_error;
	env->ctxt->userData = env; /* env stays where it is until released */
	env->ctxt->opLimit = XPATH_OP_LIMIT;
	/* number() and sum() read decimals exactly (see text_number); the
	 * string functions count their text (see string_spend). A context
	 * starts with libxml2's own functions: each is removed first. */
	xmlXPathRegisterFunc(env->ctxt, BAD_CAST "number", NULL);
	xmlXPathRegisterFunc(env->ctxt, BAD_CAST "sum", NULL);
	xmlXPathRegisterFunc(env->ctxt, BAD_CAST "concat", NULL);
	for (size_t i = 0; i < sizeof(bounded) / sizeof(bounded[0]); i++)
		xmlXPathRegisterFunc(env->ctxt, BAD_CAST string_functions[i].name, NULL);
	if (xmlXPathRegisterFunc(env->ctxt, BAD_CAST "number", exact_number) ||
	    xmlXPathRegisterFunc(env->ctxt, BAD_CAST "sum", exact_sum) ||
	    xmlXPathRegisterFunc(env->ctxt, BAD_CAST "concat", bounded_concat))
		goto nomem;
	_Static_assert(sizeof(bounded) / sizeof(bounded[0]) ==
			       sizeof(string_functions) / sizeof(string_functions[0]),
		       "one bounded wrapper per string function");
	for (size_t i = 0; i < sizeof(bounded) / sizeof(bounded[0]); i++)
		if (xmlXPathRegisterFunc(env->ctxt, BAD_CAST string_functions[i].name, bounded[i]))
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
	env->string_bytes = 0;
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
