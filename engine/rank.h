/*
 * rank.h - the cross-bid phase's compliance, totals and ranking (rank.c):
 * who is compliant, group subtotals and totals, and the order of the
 * compliant bids with the rule set's tie-breaks. evaluate.c calls these in
 * the order of DESIGN.md section 3; each returns 0 on out of memory.
 */
#ifndef TENDER_RANK_H
#define TENDER_RANK_H

#include "bid_result.h"
#include "ruleset.h"

/* Compliance before any rival is compared: valid, every gate passed, every
 * rule evaluated, no per-bid flag that excludes. */
int rank_first_compliance(const struct ruleset *rs, struct bid_result *b);

/* Attaches the panel's decisions (panel may be NULL) to the flags they
 * answer, excluding a bid when a decision says so; a decision about a flag
 * not raised on its bid is a problem of that bid. */
int rank_apply_decisions(const struct ruleset *rs, struct bid_result *bids, size_t n_bids,
			 struct panel_scores *panel);

/* Excludes the compliant bids with a flag that excludes (the cross-bid
 * flags', raised since rank_first_compliance). */
int rank_exclude_flagged(const struct ruleset *rs, struct bid_result *bids, size_t n_bids);

/* Group subtotals with their explanations, and the bid's total. */
int rank_add_up(const struct ruleset *rs, struct bid_result *b);

/* Ranks the compliant bids by total, then by the tie-breaks; records each
 * tie-break that decided on both bids. */
int rank_bids(const struct ruleset *rs, struct bid_result *bids, size_t n_bids, int decimals);

#endif
