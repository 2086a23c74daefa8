/*
 * flag_abnormally_low.c - <abnormally-low price="" below-pct="" basis=""/>:
 * cross-bid; raised on a compliant bid whose price under the price
 * criterion is below below-pct % of the median (or mean) of the compliant
 * bids' prices, compared exactly.
 */
#include "kinds.h"

#include "alloc.h"
#include "money.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

#include <assert.h>
#include <stdlib.h>

struct abnormally_low_flag {
	int price_node; /* the price criterion; -1 when the rule names none */
	int basis_mean; /* else the median */
	struct decimal below_pct;
};

static const char *const abnormally_low_names[] = {"price",	"basis",	"basis-value",
						   "threshold", "pct-of-basis", NULL};

static void read_abnormally_low(struct loader *l, const xmlNode *el, struct flag *f)
{
	struct abnormally_low_flag *low = kind_data_new(l, sizeof(*low));

	if (!low)
		return;
	f->data = low;
	low->basis_mean = attr_is(el, "basis", "mean");
	attr_decimal(l, el, "below-pct", &low->below_pct);
	low->price_node = price_rule_ref(l, el, f->id);
	if (low->below_pct.coef <= 0 || decimal_cmp(low->below_pct, decimal_from_int(100)) > 0)
		check_report(&l->c, el, DIAG_ERROR, "rule-flag",
			     "rule %s: below-pct must be above 0 and at most 100", f->id);
}

/* The price of bid b that the flag compares: 1 when it has one above zero
 * and is compliant. */
static int compared_price(const struct bid_result *b, int node, int64_t *price)
{
	return b->compliant && price_score_value(&b->scores[node], price) && *price > 0;
}

static int compare_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Whether price × den < basis × pct / 100, with basis = num / den: exact.
 * -1 when the numbers are too large to compare exactly. */
static int below_share(int64_t price, struct ratio basis, struct decimal pct)
{
	number_wide left, right, scale = (number_wide)100 * DECIMAL_WIDE_ONE;

	if (wide_mul(price, basis.den, &left) || wide_mul(left, scale, &left) ||
	    wide_mul(basis.num, decimal_wide18(pct), &right))
		return -1;
	return left < right;
}

/* The basis of the compared prices, exactly: a mean or a median of two may
 * fall between pennies. Returns 0 on out of memory; *n is 0 when no bid
 * has a price compared. */
static int price_basis(const struct across_ctx *x, const struct abnormally_low_flag *low,
		       struct ratio *basis, size_t *n)
{
	int64_t *prices = tender_calloc(x->n_bids, sizeof(*prices));
	number_wide sum = 0;

	*n = 0;
	if (!prices)
		return 0;
	for (size_t i = 0; i < x->n_bids; i++)
		if (compared_price(&x->bids[i], low->price_node, &prices[*n]))
			++*n;
	if (*n) {
		qsort(prices, *n, sizeof(*prices), compare_int64);
		for (size_t i = 0; i < *n; i++)
			sum += prices[i]; /* n int64 values: no overflow below 2^63 bids */
		if (low->basis_mean)
			*basis = ratio_reduce((struct ratio){sum, (number_wide)*n});
		else
			*basis = *n % 2 ? (struct ratio){prices[*n / 2], 1}
					: ratio_reduce((struct ratio){
					      (number_wide)prices[*n / 2 - 1] + prices[*n / 2], 2});
	}
	tender_free(prices);
	return 1;
}

/* Raises the flag on bid b, whose price is below the threshold. */
static int raise_low(const struct across_ctx *x, size_t fi, struct bid_result *b, int64_t price,
		     struct ratio basis, int64_t basis_minor, int64_t threshold_minor)
{
	const struct flag *f = &x->rs->flags[fi];
	const struct abnormally_low_flag *low = f->data;
	int64_t tenths = 0;
	number_wide scaled;
	char *message = NULL;

	/* the price as a percentage of the basis, to one decimal (half up) */
	if (!wide_mul(price, basis.den * 1000, &scaled))
		wide_div_round(scaled, basis.num, &tenths);
	{
		struct number_text pct = decimal_text((struct decimal){tenths, 1});
		struct money_text price_text = money_text(price, x->decimals);
		struct money_text basis_text = money_text(basis_minor, x->decimals);
		struct money_text threshold_text = money_text(threshold_minor, x->decimals);
		const struct template_value values[] = {
		    {"price", price_text.s},	   {"basis", low->basis_mean ? "mean" : "median"},
		    {"basis-value", basis_text.s}, {"threshold", threshold_text.s},
		    {"pct-of-basis", pct.s},
		};

		if (template_render(&f->message, NULL, values, 5, &message))
			return 0;
	}
	return add_flag(b, fi, message);
}

static int run_abnormally_low(const struct across_ctx *x, size_t fi)
{
	const struct flag *f = &x->rs->flags[fi];
	const struct abnormally_low_flag *low = f->data;
	struct ratio basis;
	int64_t basis_minor = 0, threshold_minor = 0;
	number_wide tn;
	size_t n;

	assert(low->price_node >= 0 && (size_t)low->price_node < x->rs->n_nodes);
	if (!price_basis(x, low, &basis, &n))
		return 0;
	if (n == 0)
		return 1;
	wide_div_round(basis.num, basis.den, &basis_minor); /* between two prices: fits */
	if (!wide_mul(basis.num, decimal_wide18(low->below_pct), &tn))
		wide_div_round(tn, basis.den * 100 * DECIMAL_WIDE_ONE, &threshold_minor);
	for (size_t i = 0; i < x->n_bids; i++) {
		struct bid_result *b = &x->bids[i];
		int64_t price;
		int below;

		if (!compared_price(b, low->price_node, &price))
			continue;
		below = below_share(price, basis, low->below_pct);
		if (below < 0) {
			if (bid_add_problem(b,
					    "flag %s could not be evaluated: the price and the "
					    "basis are too large to compare exactly",
					    f->id))
				return 0;
			b->compliant = 0;
			continue;
		}
		if (below && !raise_low(x, fi, b, price, basis, basis_minor, threshold_minor))
			return 0;
	}
	return 1;
}

const struct flag_ops flag_abnormally_low = {
    .element = "abnormally-low",
    .message_names = abnormally_low_names,
    .read = read_abnormally_low,
    .run_across = run_abnormally_low,
    .release = tender_free,
};
