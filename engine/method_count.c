/*
 * method_count.c - <count select="XPATH" per=""/>: `per` points for each
 * node that select picks, capped at the criterion's points.
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "score.h"

struct count_rule {
	struct xpath_expr select;
	int64_t per_points; /* points units (number.h) */
};

static void read_count(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct count_rule *rule = kind_data_new(l, sizeof(*rule));
	struct decimal per = {0, 0};

	if (!rule)
		return;
	n->data = rule;
	compile_xpath(l, el, "select", n->id, &rule->select);
	attr_decimal(l, el, "per", &per);
	if (points_from_decimal(per, &rule->per_points) || rule->per_points <= 0)
		check_report(&l->c, el, DIAG_ERROR, "rule-count",
			     "rule %s: per must be above zero and within range", n->id);
}

static void score_count(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct count_rule *rule = n->data;
	xmlXPathObjectPtr r;
	size_t count;
	number_wide sum;

	if (xpath_eval(&c->env, &rule->select, &r)) {
		rule_error(c, s, n->id, c->env.error);
		return;
	}
	if (r->type != XPATH_NODESET) {
		xmlXPathFreeObject(r);
		rule_error(c, s, n->id, "select gives no nodes to count");
		return;
	}
	count = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(r);
	sum = (number_wide)count * rule->per_points; /* below 2^31 × 2^63 */
	s->points = sum > n->points ? n->points : (int64_t)sum;
	if (!explain(s, "%zu × %s, capped at %s = %s", count, points_exact(rule->per_points).s,
		     pts(c->rs, n->points).s, pts(c->rs, s->points).s))
		c->nomem = 1;
}

static void release_count(void *data)
{
	struct count_rule *rule = data;

	if (!rule)
		return;
	xpath_expr_release(&rule->select);
	tender_free(rule);
}

const struct method_ops method_count = {
    .element = "count",
    .read = read_count,
    .score_bid = score_count,
    .release = release_count,
};
