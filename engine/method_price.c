/*
 * method_price.c - <price select="XPATH" formula="..."/>: each bid's price
 * is read on its own (money text, exactly, in minor units); the points need
 * the lowest compliant price, so they are given in the cross-bid phase, by
 * one of three formulas (rules/README.md). A price of zero or less never
 * reaches a division: it is rejected, or given no points.
 */
#include "kinds.h"

#include "alloc.h"
#include "money.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

#include <assert.h>

enum price_formula { PRICE_LOWEST_RATIO, PRICE_LINEAR, PRICE_DEVIATION };

struct price_rule {
	enum price_formula formula;
	struct xpath_expr select;
	struct xpath_expr ceiling;
	int has_ceiling;
	int nonpositive_zero; /* 1: zero points; 0: reject the bid */
};

/* What a bid's score keeps for the cross-bid phase (score.data) besides
 * its price, which the record keeps (has_price, price_minor): the ceiling
 * the bid read, when the rule has one. */
struct price_bid {
	int64_t ceiling_minor;
};

extern const struct method_ops method_price;

int price_rule_is(const struct rule_node *n)
{
	return n->ops == &method_price;
}

int price_score_value(const struct score *s, int64_t *price_minor)
{
	*price_minor = s->price_minor;
	return s->has_price;
}

int price_rule_ref(struct loader *l, const xmlNode *el, const char *rule_id)
{
	char *price = attr_dup(l, el, "price");
	int node = price ? ruleset_find(l->rs, price) : -1;

	if (node < 0 || !price_rule_is(&l->rs->nodes[node])) {
		check_report(&l->c, el, DIAG_ERROR, "rule-ref",
			     "rule %s: '%s' is not a price criterion of this rule set", rule_id,
			     price ? price : "");
		node = -1;
	}
	tender_free(price);
	return node;
}

static void read_price(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct price_rule *rule = kind_data_new(l, sizeof(*rule));

	if (!rule)
		return;
	n->data = rule;
	rule->formula = attr_is(el, "formula", "linear")      ? PRICE_LINEAR
			: attr_is(el, "formula", "deviation") ? PRICE_DEVIATION
							      : PRICE_LOWEST_RATIO;
	rule->nonpositive_zero = attr_is(el, "nonpositive", "zero-points");
	compile_xpath(l, el, "select", n->id, &rule->select);
	rule->has_ceiling = xmlHasProp(el, BAD_CAST "ceiling") != NULL;
	if (rule->has_ceiling)
		compile_xpath(l, el, "ceiling", n->id, &rule->ceiling);
	if (rule->formula == PRICE_LINEAR && !rule->has_ceiling)
		check_report(&l->c, el, DIAG_ERROR, "rule-price",
			     "rule %s: formula=\"linear\" needs a ceiling (the price that gets "
			     "no points)",
			     n->id);
}

/* Reads money text from an XPath; 0 on failure (recorded). */
static int read_money(struct bid_ctx *c, const struct rule_node *n, struct score *s,
		      const struct xpath_expr *e, const char *what, int64_t *out)
{
	char *text = NULL, why[160];
	enum tender_status rc = xpath_string_dup(&c->env, e, &text);

	if (rc == TENDER_ERR_NOMEM) {
		c->nomem = 1;
		return 0;
	}
	if (rc) {
		rule_error(c, s, n->id, c->env.error);
		return 0;
	}
	rc = money_parse(text, c->opt->decimals, out, why, sizeof(why));
	if (rc) {
		struct strbuf message = STRBUF_INIT_WHOLE;

		strbuf_addf(&message, "the %s '%s' %s", what, text, why);
		rule_error(c, s, n->id, message.nomem ? why : strbuf_str(&message));
		strbuf_release(&message);
	}
	tender_free(text);
	return rc == TENDER_OK;
}

/* Per bid: the price (and ceiling, kept in s->data) only; the score is
 * pending. */
static void score_price_bid(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct price_rule *rule = n->data;

	if (!read_money(c, n, s, &rule->select, "price", &s->price_minor))
		return;
	if (rule->has_ceiling) {
		int64_t ceiling_minor = 0;
		struct price_bid *kept;

		if (!read_money(c, n, s, &rule->ceiling, "ceiling", &ceiling_minor))
			return;
		kept = tender_malloc(sizeof(*kept));
		if (!kept) {
			c->nomem = 1;
			return;
		}
		kept->ceiling_minor = ceiling_minor;
		s->data = kept;
	}
	s->has_price = 1;
	s->state = SCORE_PENDING;
	if (!explain(s, "price %s; scored against the lowest compliant price",
		     money_text(s->price_minor, c->opt->decimals).s))
		c->nomem = 1;
}

/* A price of zero or less: no points, or the bid is excluded. */
static int comply_price(const struct across_ctx *x, size_t node, struct bid_result *b)
{
	const struct rule_node *n = &x->rs->nodes[node];
	const struct price_rule *rule = n->data;
	struct score *s = &b->scores[node];

	if (!s->has_price || s->price_minor > 0)
		return 1;
	if (rule->nonpositive_zero) {
		s->state = SCORE_DONE;
		s->points = 0;
		return explain(s,
			       "price %s is zero or less: no points (nonpositive=\"zero-points\")",
			       money_text(s->price_minor, x->decimals).s);
	}
	return bid_exclude(b, "price %s for %s is zero or less; the rule set rejects such a price",
			   money_text(s->price_minor, x->decimals).s, n->id);
}

/* The lowest positive price of the compliant bids (0: none). */
static int64_t lowest_price(const struct across_ctx *x, size_t node)
{
	int64_t lowest = 0;

	for (size_t i = 0; i < x->n_bids; i++) {
		const struct score *s = &x->bids[i].scores[node];

		if (x->bids[i].compliant && s->has_price && s->price_minor > 0 &&
		    (!lowest || s->price_minor < lowest))
			lowest = s->price_minor;
	}
	return lowest;
}

/* The points of one compliant bid by the criterion's formula, with the
 * explanation. Returns 0 on out of memory; *rc is set when the numbers are
 * too large to score exactly. */
static int price_points(const struct across_ctx *x, const struct rule_node *n, struct score *s,
			int64_t lowest, enum tender_status *rc)
{
	const struct price_rule *rule = n->data;
	const struct ruleset *rs = x->rs;
	struct money_text lo = money_text(lowest, x->decimals),
			  me = money_text(s->price_minor, x->decimals);
	number_wide this_price = s->price_minor, low = lowest;

	if (rule->formula == PRICE_LOWEST_RATIO) {
		*rc = points_ratio(n->points, low, this_price, &s->points);
		return explain(s, "lowest %s / this %s × %s = %s", lo.s, me.s, pts(rs, n->points).s,
			       pts(rs, s->points).s);
	}
	if (rule->formula == PRICE_DEVIATION) {
		/* points × (1 − (this − lowest) / lowest) = points × (2 lowest − this) / lowest */
		number_wide left = 2 * low - this_price;

		s->points = 0;
		if (left > 0)
			*rc = points_ratio(n->points, left, low, &s->points);
		return explain(s, "%s × (1 − (this %s − lowest %s) / lowest %s) = %s%s",
			       pts(rs, n->points).s, me.s, lo.s, lo.s, pts(rs, s->points).s,
			       left < 0 ? " (floored at 0)" : "");
	}
	{
		const struct price_bid *kept = s->data;
		struct money_text ceil;
		number_wide c;

		assert(kept); /* formula="linear" needs a ceiling, which score_price_bid kept */
		ceil = money_text(kept->ceiling_minor, x->decimals);
		c = kept->ceiling_minor;
		if (c <= low)
			s->points = this_price <= low ? n->points : 0;
		else if (this_price >= c)
			s->points = 0;
		else if (this_price <= low)
			s->points = n->points;
		else
			*rc = points_ratio(n->points, c - this_price, c - low, &s->points);
		return explain(s, "%s × (ceiling %s − this %s) / (ceiling %s − lowest %s) = %s",
			       pts(rs, n->points).s, ceil.s, me.s, ceil.s, lo.s,
			       pts(rs, s->points).s);
	}
}

static int score_price_across(const struct across_ctx *x, size_t node)
{
	const struct rule_node *n = &x->rs->nodes[node];
	int64_t lowest = lowest_price(x, node);

	for (size_t i = 0; i < x->n_bids; i++) {
		struct bid_result *b = &x->bids[i];
		struct score *s = &b->scores[node];
		enum tender_status rc = TENDER_OK;
		int ok;

		if (s->state != SCORE_PENDING)
			continue;
		if (!b->compliant) {
			s->state = SCORE_NOT_SCORED;
			ok = explain(s, "price %s; not scored: the bid is not compliant",
				     money_text(s->price_minor, x->decimals).s);
		} else {
			ok = price_points(x, n, s, lowest, &rc);
		}
		if (rc) { /* products below 2^127 always fit: not reached */
			s->state = SCORE_ERROR;
			ok = bid_add_problem(b,
					     "rule %s could not be evaluated: the prices are "
					     "too large to score exactly",
					     n->id) == TENDER_OK;
			b->compliant = 0;
		}
		if (s->state == SCORE_PENDING)
			s->state = SCORE_DONE;
		assert(s->state != SCORE_DONE || (s->points >= 0 && s->points <= n->points));
		if (!ok)
			return 0;
	}
	return 1;
}

static void release_price(void *data)
{
	struct price_rule *rule = data;

	if (!rule)
		return;
	xpath_expr_release(&rule->select);
	xpath_expr_release(&rule->ceiling);
	tender_free(rule);
}

const struct method_ops method_price = {
    .element = "price",
    .pending = "depends on rival bids",
    .read = read_price,
    .score_bid = score_price_bid,
    .comply = comply_price,
    .score_across = score_price_across,
    .release = release_price,
    .release_score = tender_free, /* struct price_bid holds no pointer */
};
