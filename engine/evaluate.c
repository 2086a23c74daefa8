/*
 * evaluate.c - the phases of an evaluation (see evaluate.h): per bid, then
 * across bids. What each scoring method and flag kind does lives in its own
 * file (kinds.h); compliance, totals and ranking in rank.c. Formulas are
 * documented in rules/README.md; each score's explanation spells out its
 * own.
 */
#include "evaluate.h"

#include "alloc.h"
#include "kinds.h"
#include "number.h"
#include "rank.h"
#include "score.h"
#include "strbuf.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------- */
/* Per-bid phase. */

static void run_gates(struct bid_ctx *c)
{
	for (size_t i = 0; i < c->rs->n_gates; i++) {
		const struct gate *g = &c->rs->gates[i];
		struct gate_result *r = &c->b->gates[i];
		int holds;

		if (xpath_bool(&c->env, &g->test, &holds)) {
			struct strbuf sb = STRBUF_INIT_WHOLE;

			strbuf_addf(&sb, "could not evaluate: %s", c->env.error);
			r->message = strbuf_detach(&sb);
			if (bid_add_problem(c->b, "gate %s could not be evaluated: %s", g->id,
					 c->env.error) || !r->message)
				c->nomem = 1;
			holds = 0;
		} else if (!holds &&
			   template_render(&g->message, &c->env, NULL, 0, &r->message)) {
			c->nomem = 1;
		}
		r->passed = holds;
	}
}

/* The per-bid flag kinds, in the rule set's order (cross-bid kinds that
 * keep something per bid keep it now). */
static void run_flags(struct bid_ctx *c)
{
	for (size_t i = 0; i < c->rs->n_flags && !c->nomem; i++) {
		const struct flag_ops *ops = c->rs->flags[i].ops;

		if (ops->run_bid)
			ops->run_bid(c, i);
	}
}

/* Every score that needs no rival, in document order. */
static void score_bid(struct bid_ctx *c)
{
	for (size_t i = 0; i < c->rs->n_nodes && !c->nomem; i++) {
		const struct rule_node *n = &c->rs->nodes[i];
		struct score *s = &c->b->scores[i];

		if (rule_is_group(n))
			continue;
		n->ops->score_bid(c, n, s);
		assert(s->state != SCORE_DONE || (s->points >= 0 && s->points <= n->points));
	}
}

static void read_identity(struct bid_ctx *c)
{
	char *id = NULL, *name = NULL;
	xmlXPathObjectPtr r;

	/* the id and the bidder's name read whole (they identify the bidder) */
	if (xpath_string_dup(&c->env, &c->rs->id_expr, &id) == TENDER_ERR_NOMEM)
		c->nomem = 1;
	if (!id || !id[0]) {
		tender_free(id);
		id = tender_strdup(c->b->file);
	}
	c->b->id = id;
	if (xpath_string_dup(&c->env, &c->rs->name_expr, &name) == TENDER_ERR_NOMEM)
		c->nomem = 1;
	if (!name)
		name = tender_strdup("");
	c->b->bidder = name;
	if (!c->b->id || !c->b->bidder)
		c->nomem = 1;
	if (c->rs->has_address &&
	    xpath_string_dup(&c->env, &c->rs->address_expr, &c->b->address) == TENDER_ERR_NOMEM)
		c->nomem = 1;
	if (c->b->address && !c->b->address[0]) {
		tender_free(c->b->address);
		c->b->address = NULL;
	}
	if (!c->rs->has_members || xpath_eval(&c->env, &c->rs->members_expr, &r))
		return;
	if (r->type == XPATH_NODESET && r->nodesetval && r->nodesetval->nodeNr > 0) {
		c->b->members = tender_calloc((size_t)r->nodesetval->nodeNr, sizeof(char *));
		for (int i = 0; c->b->members && i < r->nodesetval->nodeNr; i++) {
			xmlChar *text = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

			c->b->members[c->b->n_members] =
				tender_strdup(text ? (const char *)text : "");
			xmlFree(text);
			if (!c->b->members[c->b->n_members++])
				c->nomem = 1;
		}
		if (!c->b->members)
			c->nomem = 1;
	}
	xmlXPathFreeObject(r);
}

/* Removes comments and processing instructions under node. */
static void strip_annotations(xmlNodePtr node)
{
	xmlNodePtr c = node->children;

	while (c) {
		xmlNodePtr next = c->next;

		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			strip_annotations(c);
		}
		c = next;
	}
}

enum tender_status bid_evaluate(const struct ruleset *rs, struct xml_doc *doc,
				const struct eval_options *opt, struct bid_result *out)
{
	struct bid_ctx c = {.rs = rs, .opt = opt, .b = out};
	enum tender_status rc;
	const char *file = (const char *)xml_doc_tree(doc)->URL;

	strip_annotations((xmlNodePtr)xml_doc_tree(doc));

	rc = bid_result_init(rs, file ? file : "", out);
	if (!rc)
		rc = xpath_env_init(&c.env, xml_doc_tree(doc), &rs->bindings, opt->tender_root);
	if (rc)
		return rc;
	out->evaluated = 1;
	read_identity(&c);
	if (!c.nomem && opt->panel &&
	    panel_find_conflicts(opt->panel, out->bidder, out->members, out->n_members,
				 &out->conflicts, &out->n_conflicts))
		c.nomem = 1;
	run_gates(&c);
	score_bid(&c);
	if (!c.nomem)
		run_flags(&c);
	xpath_env_release(&c.env);
	return c.nomem ? TENDER_ERR_NOMEM : TENDER_OK;
}

/* ---------------------------------------------------------------------- */
/* Cross-bid phase. */

/* Compliance per bid before rivals are compared: the rule set's, then each
 * method's (a price of zero or less). */
static int comply(const struct across_ctx *x, struct bid_result *b)
{
	if (!rank_first_compliance(x->rs, b))
		return 0;
	for (size_t i = 0; i < x->rs->n_nodes && b->compliant; i++) {
		const struct rule_node *n = &x->rs->nodes[i];

		if (!rule_is_group(n) && n->ops->comply && !n->ops->comply(x, i, b))
			return 0;
	}
	return 1;
}

/* The cross-bid flags, in the rule set's order. */
static int run_flags_across(const struct across_ctx *x)
{
	for (size_t f = 0; f < x->rs->n_flags; f++) {
		const struct flag_ops *ops = x->rs->flags[f].ops;

		if (ops->run_across && !ops->run_across(x, f))
			return 0;
	}
	return 1;
}

/* What the flag kinds kept per bid has been compared: its memory goes back
 * before scoring. */
static void release_flag_data(const struct across_ctx *x)
{
	for (size_t i = 0; i < x->n_bids; i++)
		bid_flag_data_release(&x->bids[i], x->rs);
}

/* The scores that need rivals, criterion by criterion. */
static int score_across(const struct across_ctx *x)
{
	for (size_t i = 0; i < x->rs->n_nodes; i++) {
		const struct rule_node *n = &x->rs->nodes[i];

		if (!rule_is_group(n) && n->ops->score_across && !n->ops->score_across(x, i))
			return 0;
	}
	return 1;
}

enum tender_status evaluate_across(const struct ruleset *rs, struct bid_result *bids,
				   size_t n_bids, int decimals, xmlNodePtr tender_root,
				   struct panel_scores *panel)
{
	const struct across_ctx x = {rs, bids, n_bids, decimals, tender_root};
	int ok = 1;

	for (size_t i = 0; i < n_bids && ok; i++)
		ok = comply(&x, &bids[i]);
	ok = ok && run_flags_across(&x) && rank_apply_decisions(rs, bids, n_bids, panel);
	if (ok)
		release_flag_data(&x);
	/* Cross-bid flags that exclude take effect before prices are compared. */
	ok = ok && rank_exclude_flagged(rs, bids, n_bids) && score_across(&x);
	for (size_t i = 0; i < n_bids && ok; i++)
		ok = rank_add_up(rs, &bids[i]);
	ok = ok && rank_bids(rs, bids, n_bids, decimals);
	return ok ? TENDER_OK : TENDER_ERR_NOMEM;
}
