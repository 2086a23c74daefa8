/*
 * market.h - market concentration after an award: the Herfindahl-Hirschman
 * Index (HHI, the sum of the squared market shares in percent, 0 to 10,000)
 * of the incumbents' market before the award, and after it if one bid wins:
 * the incumbents that are the bidder or its consortium members then act as
 * one, their shares added. Exact: shares are hundredths of a percent, so an
 * HHI is kept in units of 1/10,000.
 */
#ifndef TENDER_MARKET_H
#define TENDER_MARKET_H

#include "competition.h"

struct market_effect {
	int64_t hhi_before, hhi_after; /* × 10,000 */
	int64_t combined;              /* the bid's incumbents' shares, hundredths of a percent */
	size_t *matched;               /* indexes into competition.market, in its order */
	size_t n_matched;
};

/* The effect of awarding to a bid whose bidder and members are named (names
 * compared as names_same_organisation does). Returns TENDER_OK or
 * TENDER_ERR_NOMEM; out is valid for market_effect_release either way. */
enum tender_status market_effect(const struct competition *t, const char *bidder,
				 char *const *members, size_t n_members,
				 struct market_effect *out);
void market_effect_release(struct market_effect *e);

/* An HHI in units of 1/10,000 as text with at most two decimals:
 * 22505000 -> "2,250.5", 55930000 -> "5,593". */
void market_hhi_text(int64_t hhi, char *buf, size_t size);

#endif
