/*
 * ruleset.h - a rule set (urn:tender:rules:1) loaded, checked and compiled:
 * every XPath and regex compiled once, every weight resolved to points and
 * checked to add up. The rule language is documented in rules/README.md.
 *
 * Criteria and groups form a tree kept as a flat array in document order
 * (each node knows its parent), so that scoring and reporting are simple
 * loops.
 */
#ifndef TENDER_RULESET_H
#define TENDER_RULESET_H

#include "diag.h"
#include "input.h"
#include "panel.h"
#include "number.h"
#include "template.h"
#include "regime.h"
#include "xpath.h"

#define RULES_NS "urn:tender:rules:1"

enum severity { SEVERITY_INFO, SEVERITY_LOW, SEVERITY_MEDIUM, SEVERITY_HIGH,
		SEVERITY_CRITICAL };

struct method_ops; /* kinds.h */
struct flag_ops;   /* kinds.h */

/* A group or a criterion. */
struct rule_node {
	char *id, *title, *cite;
	char *key_criterion; /* the PSR 2023 reg 5 key criterion it answers to, or NULL */
	int line, column;
	int parent; /* index into ruleset.nodes; -1 at the top level */
	int depth;
	int64_t points; /* the maximum, resolved from the weight (points units) */
	char *weight;  /* as written: "40" or "40%" */
	const struct method_ops *ops; /* the criterion's scoring method; NULL for a group */
	void *data; /* the method's own rule data, owned: ops->release frees it */
};

/* Whether n is a group (else a criterion). */
static inline int rule_is_group(const struct rule_node *n)
{
	return n->ops == NULL;
}

struct gate {
	char *id, *title, *cite;
	int line, column;
	struct xpath_expr test;
	struct template message;
};

struct flag {
	char *id, *title, *cite;
	int line, column;
	enum severity severity;
	int excludes;
	const struct flag_ops *ops; /* the kind of its condition */
	void *data; /* the kind's own rule data, owned: ops->release frees it */
	struct template message;
};

struct tie_break {
	int node;
	int prefer_higher;
	int on_value;
};

struct ruleset {
	char *id, *version, *title;
	enum regime regime;       /* the regime it is written for; REGIME_NONE: any */
	char *key_justification;  /* <key-criteria><justification>, or NULL */
	int line, column;         /* of <ruleset> */
	int64_t scale; /* the total of the weights, in points units */
	int precision;
	int currency_decimals;
	struct xpath_bindings bindings;
	struct xpath_expr id_expr, name_expr, members_expr, address_expr;
	int has_members, has_address;
	struct gate *gates;
	size_t n_gates;
	struct rule_node *nodes;
	size_t n_nodes;
	struct flag *flags;
	size_t n_flags;
	struct tie_break *ties;
	size_t n_ties;
	struct panel_policy moderation; /* <moderation>, or its defaults */
	char *moderation_cite;          /* NULL when the rule set has none */
	unsigned char sha256[32]; /* of the file's exact bytes */
};

/* Loads the rule set at path: safe XML reading, the rule schema (embedded),
 * then every check of `tender rules lint`: XPaths and patterns compile and
 * run on an empty document, weights add up, references resolve, templates
 * parse. Findings go to diags, each at the rule's line and column with the
 * rule id in the message. Returns TENDER_OK (then *out owns the rule set),
 * TENDER_ERR_RULE (diags says why), TENDER_ERR_IO or TENDER_ERR_NOMEM. */
enum tender_status ruleset_load(const char *path, size_t max_bytes, struct ruleset **out,
				struct diag_list *diags);

/* As ruleset_load, for an input already read (borrowed: its name is used
 * in messages only; nothing is opened). */
enum tender_status ruleset_load_input(const struct input *in, struct ruleset **out,
				      struct diag_list *diags);
void ruleset_free(struct ruleset *rs);

const char *severity_str(enum severity s);

/* Formats points with the rule set's precision. */
void format_points(const struct ruleset *rs, int64_t points, char *buf, size_t size);

/* points as a percentage of the rule set's scale, in points units. */
int64_t points_percent(const struct ruleset *rs, int64_t points);

/* The node with this id, or -1. */
int ruleset_find(const struct ruleset *rs, const char *id);

#endif
