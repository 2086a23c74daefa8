/*
 * market.c - market concentration after an award (see market.h).
 */
#include "market.h"

#include "alloc.h"
#include "money.h"
#include "names.h"

#include <stdio.h>
#include <string.h>

void market_effect_release(struct market_effect *e)
{
	tender_free(e->matched);
	memset(e, 0, sizeof(*e));
}

/* 1 when provider is the bidder or one of its members (names.h), 0 when
 * not, -1 when out of memory. */
static int is_party(const char *provider, const char *bidder, char *const *members,
		    size_t n_members)
{
	int same = bidder ? names_same_organisation(provider, bidder) : 0;

	for (size_t k = 0; !same && k < n_members; k++)
		same = names_same_organisation(provider, members[k]);
	return same;
}

enum tender_status market_effect(const struct competition *t, const char *bidder,
				 char *const *members, size_t n_members,
				 struct market_effect *out)
{
	int64_t others = 0;

	memset(out, 0, sizeof(*out));
	out->matched = tender_calloc(t->n_market, sizeof(*out->matched));
	if (!out->matched)
		return TENDER_ERR_NOMEM;
	for (size_t i = 0; i < t->n_market; i++) {
		int64_t s = t->market[i].pct;
		int party = is_party(t->market[i].provider, bidder, members, n_members);

		if (party < 0) {
			market_effect_release(out);
			return TENDER_ERR_NOMEM;
		}
		out->hhi_before += s * s;
		if (party) {
			out->matched[out->n_matched++] = i;
			out->combined += s;
		} else {
			others += s * s;
		}
	}
	out->hhi_after = out->combined * out->combined + others;
	return TENDER_OK;
}

void market_hhi_text(int64_t hhi, char *buf, size_t size)
{
	/* hundredths of an HHI point, rounded half up (hhi is never negative),
	 * written as money is ("2,250.50"), then without trailing zeros */
	size_t n = (size_t)snprintf(buf, size, "%s", money_text((hhi + 50) / 100, 2).s);

	while (n > 0 && n < size && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && n < size && buf[n - 1] == '.')
		buf[--n] = '\0';
}
