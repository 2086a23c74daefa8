/*
 * kinds.h - the rule kinds: each scoring method of a criterion and each kind
 * of flag condition is a table of operations in a file of its own
 * (method_*.c, flag_*.c), and kinds.c holds the one table of each.
 *
 * A kind owns everything about itself: its element in the rule set, its
 * reading and checking, its rule data (hung on rule_node.data or flag.data
 * and freed by its release), what it keeps of each bid between the phases
 * (hung on score.data or bid_result.flag_data and freed by its release_score
 * or release_bid), its scoring or condition, and what the result document
 * writes about it. Code outside a kind that needs one of its facts
 * asks through a function the kind exports below, never by reading its
 * struct.
 *
 * Adding a scoring method is: a file method_<name>.c defining a
 * `const struct method_ops method_<name>` (CMake finds it), its line in
 * kinds.c, its element in the rule schema (rules/schema/rules.xsd) and its
 * method="" value in the result schema (reports/schema/evaluation.xsd), and
 * its section in rules/README.md. tests/unit/test_kinds.c fails until the
 * table and both schemas agree. A flag kind is the same without the
 * result schema.
 */
#ifndef TENDER_KINDS_H
#define TENDER_KINDS_H

#include "panel.h"

#include <libxml/tree.h>
#include <stdint.h>

/* The kinds' tables sit below what they operate on: this header names the
 * rule set's and the results' types without including them, so that the
 * loader (ruleset.c) and the phases (evaluate.c) include it and no module
 * depends on its own dependants (tests/e2e/include-graph). */
struct loader;	   /* rule_read.h */
struct bid_ctx;	   /* score.h */
struct across_ctx; /* score.h */
struct rule_node;  /* ruleset.h */
struct flag;	   /* ruleset.h */
struct ruleset;	   /* ruleset.h */
struct score;	   /* bid_result.h */
struct bid_result; /* bid_result.h */
struct strbuf;	   /* strbuf.h */

/* Receives one attribute the result document writes for a kind. */
typedef void kind_attr_fn(void *ctx, const char *name, const char *value);

struct method_ops {
	const char *element; /* under <criterion>: "scale"; also its result's method="" */
	/* Why a score of this method can stay pending, in words for `tender
	 * check` ("depends on rival bids"); NULL when it never does. */
	const char *pending;
	/* Reads and checks the method's element into n->data; findings and
	 * out-of-memory go to l (rule_read.h). */
	void (*read)(struct loader *l, const xmlNode *el, struct rule_node *n);
	/* Scores one bid on its own (no rival needed) into s: done, pending
	 * (for score_across or the panel), or a rule error recorded on the bid.
	 * What the method keeps of the bid for score_across it hangs on
	 * s->data (bid_result.h), which release_score frees. Out of memory
	 * sets c->nomem. */
	void (*score_bid)(struct bid_ctx *c, const struct rule_node *n, struct score *s);
	/* Cross-bid phase, per bid, before any flag compares bids: may exclude
	 * the bid or settle its score. NULL for most. Returns 0 on out of
	 * memory. */
	int (*comply)(const struct across_ctx *x, size_t node, struct bid_result *b);
	/* Cross-bid phase, after every exclusion: scores the pending scores
	 * against the rivals. NULL for most. Returns 0 on out of memory. */
	int (*score_across)(const struct across_ctx *x, size_t node);
	/* The result document's attributes of the criterion that belong to the
	 * method (besides method=""), in order. NULL for none. */
	void (*result_attrs)(const struct rule_node *n, kind_attr_fn *put, void *ctx);
	/* Frees n->data (NULL allowed). */
	void (*release)(void *data);
	/* Frees a score's s->data, what score_bid kept of one bid (NULL
	 * allowed); bid_result_release calls it. NULL when the method keeps
	 * nothing per bid. */
	void (*release_score)(void *data);
};

struct flag_ops {
	const char *element; /* under <flag>: "panel-spread"; also its result's kind="" */
	const char *const *message_names; /* the {names} its message may use; NULL: none */
	/* Reads and checks the condition's element into f->data. */
	void (*read)(struct loader *l, const xmlNode *el, struct flag *f);
	/* Per bid: raises the flag on c->b, or keeps what run_across needs in
	 * c->b->flag_data[flag] (bid_result.h), which release_bid frees. NULL
	 * when the kind is only cross-bid. Out of memory sets c->nomem. */
	void (*run_bid)(struct bid_ctx *c, size_t flag);
	/* Cross-bid, after compliance: raises the flag on the bids that it
	 * concerns, from what run_bid kept in each bid's flag_data[flag] (NULL
	 * for a bid that was not evaluated). NULL for per-bid kinds; a kind
	 * with it cannot use {=XPATH} in its message. Returns 0 on out of
	 * memory. */
	int (*run_across)(const struct across_ctx *x, size_t flag);
	/* The result document's attributes of the flag that belong to the
	 * kind (besides kind=""), in order. NULL for none. */
	void (*result_attrs)(const struct flag *f, kind_attr_fn *put, void *ctx);
	/* Frees f->data (NULL allowed). */
	void (*release)(void *data);
	/* Frees what run_bid kept of one bid, a b->flag_data[flag] (NULL
	 * allowed): once the cross-bid flags have run (bid_flag_data_release),
	 * or with the bid's result. NULL when the kind keeps nothing per bid. */
	void (*release_bid)(void *data);
};

/* The method or flag kind of this element name, or NULL. */
const struct method_ops *method_find(const char *element);
const struct flag_ops *flag_kind_find(const char *element);

/* The tables, for those that go through every kind (tests, the loader):
 * the i-th entry, or NULL past the end. */
const struct method_ops *method_at(size_t i);
const struct flag_ops *flag_kind_at(size_t i);

/* ---------------------------------------------------------------------- */
/* What kinds export to the rest of the engine. */

/* method_price.c: whether n is a price criterion. */
int price_rule_is(const struct rule_node *n);

/* method_price.c: whether a bid's score under a price criterion read its
 * price (1) or not (0); *price_minor is set either way, to the price or to
 * what the score holds instead (0 unless reading failed half-way), which a
 * tie-break on the value compares as it is. */
int price_score_value(const struct score *s, int64_t *price_minor);

/* method_price.c: the index of the price criterion that attribute price=""
 * of el names (a flag's); -1 after reporting at el that it names none. */
int price_rule_ref(struct loader *l, const xmlNode *el, const char *rule_id);

/* method_panel.c: the question a panel criterion scores, or NULL when n
 * is not one. */
const char *panel_rule_question(const struct rule_node *n);

/* method_panel.c: the scale of a panel criterion's question (n must be
 * one: panel_rule_question(n) != NULL). */
void panel_rule_scale(const struct rule_node *n, struct decimal *min, struct decimal *max);

/* method_panel.c: the moderation policy of a panel criterion: the rule
 * set's, with the criterion's own method when it names one. */
struct panel_policy panel_rule_policy(const struct ruleset *rs, const struct rule_node *n);

/* method_panel.c: "E1 5, E2 4 (excluded: conflict of interest), E4 no
 * score" for a panel record, appended to how. */
void panel_describe_marks(const struct panel_scores *ps, const struct panel_record *r,
			  struct strbuf *how);

#endif
