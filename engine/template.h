/*
 * template.h - message templates of gates and flags:
 *   "The bidder declares a conflict with {=b:declarations//b:party}."
 * {=XPATH} inserts the string value of an XPath over the bid (compiled when
 * the rule set loads); {name} inserts a value the engine provides (a
 * cross-bid figure such as {price}); {{ and }} are literal braces.
 */
#ifndef TENDER_TEMPLATE_H
#define TENDER_TEMPLATE_H

#include "xpath.h"

struct template_segment {
	enum { SEG_TEXT, SEG_XPATH, SEG_NAME } kind;
	char *text; /* literal text, or the name */
	struct xpath_expr expr;
};

struct template {
	struct template_segment *segs;
	size_t n;
};

/* Parses and compiles text. On a malformed template (an unclosed brace, an
 * XPath that does not compile) returns TENDER_ERR_RULE with why. */
enum tender_status template_parse(const char *text, struct template *t, char *why,
				  size_t why_size);
void template_release(struct template *t);

struct template_value {
	const char *name;
	const char *value;
};

/* Renders t into *out, a new string the caller frees with tender_free.
 * env may be NULL when the template has no XPath; an XPath that fails
 * renders as "[error: ...]"; unknown names render as "{name}". The message
 * is whole, never cut: returns TENDER_OK, TENDER_ERR_NOMEM, or
 * TENDER_ERR_LIMIT (*out NULL) when it would be over STRBUF_TEXT_MAX. */
enum tender_status template_render(const struct template *t, struct xpath_env *env,
				   const struct template_value *values, size_t n_values,
				   char **out);

/* Whether t contains an {=XPATH} segment. */
int template_has_xpath(const struct template *t);

/* Names used by t that are not in `known` (NULL-terminated): the first one,
 * or NULL. For lint. */
const char *template_unknown_name(const struct template *t, const char *const *known);

#endif
