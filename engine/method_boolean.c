/*
 * method_boolean.c - <boolean test="XPATH"/>: full points when the test
 * holds, none otherwise.
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

struct boolean_rule {
	struct xpath_expr test;
};

static void read_boolean(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct boolean_rule *rule = kind_data_new(l, sizeof(*rule));

	if (!rule)
		return;
	n->data = rule;
	compile_xpath(l, el, "test", n->id, &rule->test);
}

static void score_boolean(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct boolean_rule *rule = n->data;
	int holds;

	if (xpath_bool(&c->env, &rule->test, &holds)) {
		rule_error(c, s, n->id, c->env.error);
		return;
	}
	s->points = holds ? n->points : 0;
	if (!explain(s, "%s: %s of %s", holds ? "holds" : "does not hold", pts(c->rs, s->points).s,
		     pts(c->rs, n->points).s))
		c->nomem = 1;
}

static void release_boolean(void *data)
{
	struct boolean_rule *rule = data;

	if (!rule)
		return;
	xpath_expr_release(&rule->test);
	tender_free(rule);
}

const struct method_ops method_boolean = {
    .element = "boolean",
    .read = read_boolean,
    .score_bid = score_boolean,
    .release = release_boolean,
};
