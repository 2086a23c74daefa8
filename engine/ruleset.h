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
#include "match.h"
#include "number.h"
#include "template.h"
#include "xpath.h"

#define RULES_NS "urn:tender:rules:1"

enum method { METHOD_GROUP, METHOD_BOOLEAN, METHOD_SCALE, METHOD_PRICE, METHOD_COVERAGE,
	      METHOD_MATCH, METHOD_PANEL };
enum price_formula { PRICE_LOWEST_RATIO, PRICE_LINEAR, PRICE_DEVIATION };
enum flag_kind { FLAG_WHEN, FLAG_ABNORMALLY_LOW, FLAG_IDENTICAL_PRICE, FLAG_PANEL_MISSING,
		 FLAG_PANEL_SPREAD, FLAG_PANEL_MODERATION, FLAG_PANEL_CONFLICT,
		 FLAG_MARKET_CONCENTRATION, FLAG_SHARED_TEXT };
enum severity { SEVERITY_INFO, SEVERITY_LOW, SEVERITY_MEDIUM, SEVERITY_HIGH,
		SEVERITY_CRITICAL };

struct band {
	int has_from, has_to;
	struct decimal from, to, pct;
};

struct requirement {
	char *label;
	struct xpath_expr test;
};

struct pattern {
	char *label;
	char *source;
	int64_t points; /* points units (number.h) */
	struct match_pattern *re;
};

/* A group or a criterion. */
struct rule_node {
	char *id, *title, *cite;
	int line, column;
	int parent; /* index into ruleset.nodes; -1 at the top level */
	int depth;
	int64_t points; /* the maximum, resolved from the weight (points units) */
	char *weight;  /* as written: "40" or "40%" */
	enum method method;

	struct xpath_expr expr; /* boolean test, scale value, price and match select */
	/* scale */
	int has_from, has_to;
	struct decimal from, to;
	struct band *bands;
	size_t n_bands;
	/* price */
	enum price_formula formula;
	struct xpath_expr ceiling;
	int has_ceiling;
	int nonpositive_zero; /* 1: zero points; 0: reject the bid */
	/* coverage */
	struct requirement *reqs;
	size_t n_reqs;
	/* match */
	struct pattern *patterns;
	size_t n_patterns;
	/* panel */
	char *question;
	struct decimal panel_min, panel_max;
	int has_panel_method; /* else the rule set's <moderation method> */
	enum panel_method panel_method;
};

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
	enum flag_kind kind;
	struct xpath_expr test; /* FLAG_WHEN; FLAG_SHARED_TEXT: the text compared */
	int price_node;         /* cross-bid kinds: the price criterion */
	int basis_mean;
	struct decimal below_pct;
	struct decimal spread_above;           /* FLAG_PANEL_SPREAD */
	struct decimal hhi_above, delta_above; /* FLAG_MARKET_CONCENTRATION */
	int words, min_passages;       /* FLAG_SHARED_TEXT */
	struct template message;
};

struct tie_break {
	int node;
	int prefer_higher;
	int on_value;
};

struct ruleset {
	char *id, *version, *title;
	int64_t scale; /* the total of the weights, in points units */
	int precision;
	int currency_decimals;
	struct xpath_bindings bindings;
	struct xpath_expr id_expr, name_expr, members_expr;
	int has_members;
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
/* The condition's element name: "when", "abnormally-low", "panel-spread"... */
const char *flag_kind_str(enum flag_kind k);
const char *method_str(enum method m);

/* The moderation policy of a panel criterion: the rule set's, with the
 * criterion's own method when it names one. */
struct panel_policy ruleset_panel_policy(const struct ruleset *rs, const struct rule_node *n);

/* Whether a flag kind is computed from the panel's record. */
int flag_is_panel(enum flag_kind kind);

/* The node with this id, or -1. */
int ruleset_find(const struct ruleset *rs, const char *id);

#endif
