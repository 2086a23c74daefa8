/*
 * flag_identical_price.c - <identical-price price=""/>: cross-bid; raised
 * on an evaluated bid whose price under the price criterion equals, to the
 * minor unit, that of a bid of another organisation (names.h).
 */
#include "kinds.h"

#include "alloc.h"
#include "money.h"
#include "names.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

#include <assert.h>

struct identical_price_flag {
	int price_node; /* the price criterion; -1 when the rule names none */
};

static const char *const identical_price_names[] = {"price", "others", NULL};

static void read_identical_price(struct loader *l, const xmlNode *el, struct flag *f)
{
	struct identical_price_flag *same = kind_data_new(l, sizeof(*same));

	if (!same)
		return;
	f->data = same;
	same->price_node = price_rule_ref(l, el, f->id);
}

/* The price of bid b that the flag compares: 1 when it was evaluated and
 * read one. */
static int compared_price(const struct bid_result *b, int node, int64_t *price)
{
	return b->evaluated && price_score_value(&b->scores[node], price);
}

/* The ids of the other organisations' bids with this price into others;
 * returns 0 on out of memory. */
static int same_price_others(const struct across_ctx *x, const struct identical_price_flag *same,
			     size_t i, int64_t price, struct strbuf *others)
{
	for (size_t k = 0; k < x->n_bids; k++) {
		int64_t theirs;
		int same_organisation;

		if (k == i || !compared_price(&x->bids[k], same->price_node, &theirs) ||
		    theirs != price)
			continue;
		same_organisation = names_same_organisation(x->bids[k].bidder, x->bids[i].bidder);
		if (same_organisation < 0)
			return 0;
		if (!same_organisation)
			strbuf_addf(others, "%s%s", others->len ? ", " : "", x->bids[k].id);
	}
	return 1;
}

static int run_identical_price(const struct across_ctx *x, size_t fi)
{
	const struct flag *f = &x->rs->flags[fi];
	const struct identical_price_flag *same = f->data;

	assert(same->price_node >= 0 && (size_t)same->price_node < x->rs->n_nodes);
	for (size_t i = 0; i < x->n_bids; i++) {
		struct strbuf others = STRBUF_INIT_WHOLE;
		char *message = NULL;
		int64_t price;
		int ok;

		if (!compared_price(&x->bids[i], same->price_node, &price))
			continue;
		if (!same_price_others(x, same, i, price, &others)) {
			strbuf_release(&others);
			return 0;
		}
		if (!others.len) {
			strbuf_release(&others);
			continue;
		}
		{
			struct money_text price_text = money_text(price, x->decimals);
			const struct template_value values[] = {{"price", price_text.s},
								{"others", strbuf_str(&others)}};

			ok = !others.nomem &&
			     template_render(&f->message, NULL, values, 2, &message) == TENDER_OK;
		}
		strbuf_release(&others);
		if (!ok || !add_flag(&x->bids[i], fi, message))
			return 0;
	}
	return 1;
}

const struct flag_ops flag_identical_price = {
    .element = "identical-price",
    .message_names = identical_price_names,
    .read = read_identical_price,
    .run_across = run_identical_price,
    .release = tender_free,
};
