/*
 * method_coverage.c - <coverage> with <require label="" test="XPATH"/>s:
 * points in proportion to the requirements the bid meets.
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

struct requirement {
	char *label;
	struct xpath_expr test;
};

struct coverage_rule {
	struct requirement *reqs;
	size_t n_reqs;
};

static void read_coverage(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct coverage_rule *rule = kind_data_new(l, sizeof(*rule));
	size_t count = 0;

	if (!rule)
		return;
	n->data = rule;
	for (const xmlNode *r = R(el, "require"); r; r = xml_next_same(r))
		count++;
	rule->reqs = tender_calloc(count, sizeof(*rule->reqs));
	if (!rule->reqs) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *r = R(el, "require"); r; r = xml_next_same(r)) {
		struct requirement *req = &rule->reqs[rule->n_reqs++];

		req->label = attr_dup(l, r, "label");
		compile_xpath(l, r, "test", n->id, &req->test);
	}
}

static void score_coverage(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct coverage_rule *rule = n->data;
	struct strbuf missing = STRBUF_INIT_WHOLE;
	size_t present = 0;

	for (size_t i = 0; i < rule->n_reqs; i++) {
		int holds;

		if (xpath_bool(&c->env, &rule->reqs[i].test, &holds)) {
			strbuf_release(&missing);
			rule_error(c, s, n->id, c->env.error);
			return;
		}
		if (holds)
			present++;
		else
			strbuf_addf(&missing, "%s%s", missing.len ? ", " : "", rule->reqs[i].label);
	}
	s->points = 0;
	if (rule->n_reqs)
		points_ratio(n->points, (number_wide)present, (number_wide)rule->n_reqs,
			     &s->points); /* present <= n_reqs: cannot overflow */
	if (missing.nomem ||
	    !explain(s, "%zu of %zu present%s%s%s: %zu/%zu × %s = %s", present, rule->n_reqs,
		     missing.len ? " (missing: " : "", strbuf_str(&missing), missing.len ? ")" : "",
		     present, rule->n_reqs, pts(c->rs, n->points).s, pts(c->rs, s->points).s))
		c->nomem = 1;
	strbuf_release(&missing);
}

static void release_coverage(void *data)
{
	struct coverage_rule *rule = data;

	if (!rule)
		return;
	for (size_t k = 0; k < rule->n_reqs; k++) {
		tender_free(rule->reqs[k].label);
		xpath_expr_release(&rule->reqs[k].test);
	}
	tender_free(rule->reqs);
	tender_free(rule);
}

const struct method_ops method_coverage = {
    .element = "coverage",
    .read = read_coverage,
    .score_bid = score_coverage,
    .release = release_coverage,
};
