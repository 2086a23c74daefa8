/*
 * rule_read.h - the rule set loader's helpers that the rule kinds' readers
 * share (ruleset.c and the kinds' files only; not an API). Every helper
 * reports a finding at the element with check_report and records
 * out-of-memory in the loader, so a reader goes on and reports all it can.
 */
#ifndef TENDER_RULE_READ_H
#define TENDER_RULE_READ_H

#include "check.h"
#include "number.h"
#include "xml.h"
#include "xpath.h"

/* The rule set's types, named without including ruleset.h: the loader
 * (ruleset.c) includes this header, and R() needs RULES_NS from ruleset.h
 * where it is used. */
struct ruleset;
struct template;

/* Reading state. */
struct loader {
	struct ruleset *rs;
	struct checker c;
	xmlDocPtr dummy; /* an empty document every XPath is tried on */
	const xmlNode *criteria;
	struct xpath_env dummy_env;
};

/* The first child element `name` of node in the rules namespace, or NULL. */
#define R(node, name) xml_child((node), RULES_NS, (name))

/* Records out-of-memory (the first failure stands). */
void fail_nomem(struct loader *l);

/* A copy of s ("" for NULL) the caller frees; NULL on out of memory
 * (recorded). */
char *dup_or_fail(struct loader *l, const char *s);

/* The attribute's whole trimmed value ("" when absent); caller frees. */
char *attr_dup(struct loader *l, const xmlNode *node, const char *name);

/* The element's whole trimmed text ("" when node is NULL); caller frees. */
char *text_dup(struct loader *l, const xmlNode *node);

/* Reads a decimal attribute through the one parser (number.h): 1 when
 * present and a decimal, 0 when absent; present but not a decimal is an
 * error at the element. */
int attr_decimal(struct loader *l, const xmlNode *node, const char *name, struct decimal *out);

/* A whole-number attribute within [min, max] (the schema bounds most);
 * *out is left as it is when the attribute is absent or wrong. */
void attr_integer(struct loader *l, const xmlNode *node, const char *name, int min, int max,
		  int *out);

/* Whether the attribute's trimmed value is value. */
int attr_is(const xmlNode *node, const char *name, const char *value);

/* Compiles an XPath found in attribute `name` of node into e (released by
 * xpath_expr_release), and tries it on the empty document to catch unknown
 * prefixes, variables and functions. Nothing happens when it is absent. */
void compile_xpath(struct loader *l, const xmlNode *node, const char *name, const char *rule_id,
		   struct xpath_expr *e);

/* The element's line and column in the rule set. */
void position(struct loader *l, const xmlNode *node, int *line, int *column);

/* Allocates a kind's zeroed rule data of size bytes; NULL on out of memory
 * (recorded). */
void *kind_data_new(struct loader *l, size_t size);

#endif
