/*
 * flag_when.c - <when test="XPATH"/>: raised on a bid for which the test
 * holds; its message may quote the bid ({=XPATH}).
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

struct when_flag {
	struct xpath_expr test;
};

static void read_when(struct loader *l, const xmlNode *el, struct flag *f)
{
	struct when_flag *when = kind_data_new(l, sizeof(*when));

	if (!when)
		return;
	f->data = when;
	compile_xpath(l, el, "test", f->id, &when->test);
}

static void run_when(struct bid_ctx *c, size_t fi)
{
	const struct flag *f = &c->rs->flags[fi];
	const struct when_flag *when = f->data;
	char *message = NULL;
	int holds;

	if (xpath_bool(&c->env, &when->test, &holds)) {
		if (bid_add_problem(c->b, "flag %s could not be evaluated: %s", f->id,
				    c->env.error))
			c->nomem = 1;
		return;
	}
	if (!holds)
		return;
	if (template_render(&f->message, &c->env, NULL, 0, &message) ||
	    !add_flag(c->b, fi, message))
		c->nomem = 1;
}

static void release_when(void *data)
{
	struct when_flag *when = data;

	if (!when)
		return;
	xpath_expr_release(&when->test);
	tender_free(when);
}

const struct flag_ops flag_when = {
    .element = "when",
    .read = read_when,
    .run_bid = run_when,
    .release = release_when,
};
