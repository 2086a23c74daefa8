/*
 * flag_market_concentration.c - <market-concentration hhi-above=""
 * delta-above=""/>: per bid, from the tender's <market>; raised when the
 * HHI if the bid wins (its bidder's and members' shares combined) is above
 * hhi-above and has risen by more than delta-above.
 */
#include "kinds.h"

#include "alloc.h"
#include "market.h"
#include "money.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

#include <stdio.h>

struct market_flag {
	struct decimal hhi_above, delta_above;
};

static const char *const market_names[] = {"hhi-before", "hhi-after", "delta",
					   "combined",	 "providers", NULL};

static void read_market(struct loader *l, const xmlNode *el, struct flag *f)
{
	struct market_flag *market = kind_data_new(l, sizeof(*market));

	if (!market)
		return;
	f->data = market;
	attr_decimal(l, el, "hhi-above", &market->hhi_above);
	attr_decimal(l, el, "delta-above", &market->delta_above);
	if (market->hhi_above.coef < 0 ||
	    decimal_cmp(market->hhi_above, decimal_from_int(10000)) >= 0 ||
	    market->delta_above.coef < 0)
		check_report(&l->c, el, DIAG_ERROR, "rule-flag",
			     "rule %s: hhi-above must be 0 to below 10,000 and "
			     "delta-above 0 or more",
			     f->id);
}

/* Raises the flag with the effect's figures. */
static void raise_market(struct bid_ctx *c, size_t fi, const struct market_effect *e)
{
	const struct flag *f = &c->rs->flags[fi];
	const struct competition *t = c->opt->tender;
	struct strbuf providers = STRBUF_INIT_WHOLE;
	char before[48], after[48], delta[48], combined[48], *message = NULL;

	for (size_t i = 0; i < e->n_matched; i++) {
		strbuf_addf(&providers, "%s%s %s%%", i ? ", " : "",
			    t->market[e->matched[i]].provider,
			    money_text(t->market[e->matched[i]].pct, 2).s); /* hundredths */
	}
	market_hhi_text(e->hhi_before, before, sizeof(before));
	market_hhi_text(e->hhi_after, after, sizeof(after));
	market_hhi_text(e->hhi_after - e->hhi_before, delta, sizeof(delta));
	snprintf(combined, sizeof(combined), "%s", money_text(e->combined, 2).s);
	{
		const struct template_value values[] = {
		    {"hhi-before", before},
		    {"hhi-after", after},
		    {"delta", delta},
		    {"combined", combined},
		    {"providers", strbuf_str(&providers)},
		};

		if (providers.nomem || template_render(&f->message, &c->env, values, 5, &message) ||
		    !add_flag(c->b, fi, message))
			c->nomem = 1;
	}
	strbuf_release(&providers);
}

/* The HHI if this bid wins, against the flag's limits. */
static void run_market(struct bid_ctx *c, size_t fi)
{
	const struct market_flag *market = c->rs->flags[fi].data;
	const struct competition *t = c->opt->tender;
	struct market_effect e;

	if (!t || t->n_market == 0)
		return;
	if (market_effect(t, c->b->bidder, c->b->members, c->b->n_members, &e)) {
		c->nomem = 1;
		return;
	}
	/* the HHI in units of 1/10,000, compared exactly */
	if (decimal_cmp((struct decimal){e.hhi_after, 4}, market->hhi_above) > 0 &&
	    decimal_cmp((struct decimal){e.hhi_after - e.hhi_before, 4}, market->delta_above) > 0)
		raise_market(c, fi, &e);
	market_effect_release(&e);
}

static void market_result_attrs(const struct flag *f, kind_attr_fn *put, void *ctx)
{
	const struct market_flag *market = f->data;

	put(ctx, "hhi-above", decimal_text(market->hhi_above).s);
	put(ctx, "delta-above", decimal_text(market->delta_above).s);
}

const struct flag_ops flag_market_concentration = {
    .element = "market-concentration",
    .message_names = market_names,
    .read = read_market,
    .run_bid = run_market,
    .result_attrs = market_result_attrs,
    .release = tender_free,
};
