/*
 * market.c - market concentration after an award (see market.h).
 */
#include "market.h"

#include "alloc.h"
#include "names.h"

#include <stdio.h>
#include <string.h>

void market_effect_release(struct market_effect *e)
{
	tender_free(e->matched);
	memset(e, 0, sizeof(*e));
}

static int is_party(const char *provider, const char *bidder, char *const *members,
		    size_t n_members)
{
	if (bidder && names_same_organisation(provider, bidder))
		return 1;
	for (size_t k = 0; k < n_members; k++)
		if (names_same_organisation(provider, members[k]))
			return 1;
	return 0;
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

		out->hhi_before += s * s;
		if (is_party(t->market[i].provider, bidder, members, n_members)) {
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
	/* hundredths of an HHI point, rounded half up (hhi is never negative) */
	int64_t h = (hhi + 50) / 100, whole = h / 100, frac = h % 100;
	char digits[32], grouped[48];
	size_t n, k = 0;

	n = (size_t)snprintf(digits, sizeof(digits), "%lld", (long long)whole);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	if (frac == 0)
		snprintf(buf, size, "%s", grouped);
	else if (frac % 10 == 0)
		snprintf(buf, size, "%s.%lld", grouped, (long long)(frac / 10));
	else
		snprintf(buf, size, "%s.%02lld", grouped, (long long)frac);
}
