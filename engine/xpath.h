/*
 * xpath.h - rule expressions: XPath 1.0 compiled once when a rule set loads,
 * evaluated per bid under an operation limit (DESIGN.md section 8), so that
 * a hostile bid cannot stall the panel with a cubic expression.
 *
 * An environment binds what every expression may use: the rule set's
 * namespace prefixes, $tender (the tender description's root element) and
 * one variable per rule-set parameter.
 */
#ifndef TENDER_XPATH_H
#define TENDER_XPATH_H

#include "tender.h"

#include <libxml/xpath.h>

/* Operations one evaluation may take (libxml2 counts steps and node visits). */
#define XPATH_OP_LIMIT 1000000UL

/* Bytes of text the string functions (string, concat, substring, translate,
 * normalize-space, contains, ...) may make or read in one evaluation:
 * libxml2 does not count that work against the operation limit. */
#define XPATH_STRING_LIMIT ((size_t)64 << 20)

struct xpath_expr {
	char *text;
	xmlXPathCompExprPtr comp;
};

/* A name bound in every expression of a rule set. */
struct xpath_binding {
	char *name;
	char *value; /* namespace URI, or a parameter's value */
};

struct xpath_bindings {
	struct xpath_binding *namespaces;
	size_t n_namespaces;
	struct xpath_binding *params;
	size_t n_params;
};

/* Compiles text into e (which owns a copy of the text). On a syntax error
 * returns TENDER_ERR_RULE with the reason in why. */
enum tender_status xpath_compile(const char *text, struct xpath_expr *e, char *why,
				 size_t why_size);
void xpath_expr_release(struct xpath_expr *e);

struct xpath_env {
	xmlXPathContextPtr ctxt;
	char error[256]; /* the last evaluation's error */
	size_t string_bytes; /* text made so far by this evaluation */
};

/* The environment must not move between xpath_env_init and
 * xpath_env_release: its context points back at it. */

/* Prepares to evaluate expressions over doc. tender_root may be NULL ($tender
 * is then an empty node-set). Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status xpath_env_init(struct xpath_env *env, xmlDocPtr doc,
				  const struct xpath_bindings *b, xmlNodePtr tender_root);
void xpath_env_release(struct xpath_env *env);

/* Evaluate e against the document's root, converting the result as XPath's
 * boolean() and string() do. On failure return TENDER_ERR_RULE (the
 * expression failed: unknown prefix, variable or function, wrong types) or
 * TENDER_ERR_LIMIT (the operation limit or XPATH_STRING_LIMIT), with env->error saying why. The
 * string is whole, in a new string the caller frees with tender_free (*out
 * is NULL on failure; TENDER_ERR_NOMEM when allocation failed). */
enum tender_status xpath_bool(struct xpath_env *env, const struct xpath_expr *e, int *out);
enum tender_status xpath_string_dup(struct xpath_env *env, const struct xpath_expr *e,
				    char **out);

/* Evaluates e to an exact decimal. A node-set or string result is read
 * as text by the one decimal parser (number.h); *text receives that text
 * (caller frees with tender_free) and *is_number says whether it is a
 * decimal. A number result (count(), arithmetic) is a binary double, taken
 * as the shortest decimal that reads back as it (*text NULL); NaN leaves
 * *is_number 0. Returns TENDER_OK, TENDER_ERR_NOMEM, or as xpath_eval (and
 * TENDER_ERR_INVALID for a computed value beyond the decimal range), with
 * env->error saying why. */
struct decimal;
enum tender_status xpath_decimal(struct xpath_env *env, const struct xpath_expr *e,
				 struct decimal *out, int *is_number, char **text);

/* Evaluates e to an XPath object the caller frees with xmlXPathFreeObject. */
enum tender_status xpath_eval(struct xpath_env *env, const struct xpath_expr *e,
			      xmlXPathObjectPtr *out);

#endif
