/*
 * evaluate.h - evaluating bids under a rule set, in the phases of DESIGN.md
 * section 3:
 *   per bid (independent; the document is freed as soon as its facts are
 *   out): identity, the panel's conflicts of interest with it, gates, every
 *   score that needs no rival (the panel's through its moderation record),
 *   the price, per-bid flags (XPath conditions, the panel's record, market
 *   concentration), and the text that shared-text flags compare;
 *   across bids: compliance, cross-bid flags (abnormally low and identical
 *   prices, shared text), relative price scores, totals, ranking with the
 *   rule set's tie-breaks (each one that decided is recorded).
 * Every score carries an explanation with its inputs and formula.
 */
#ifndef TENDER_EVALUATE_H
#define TENDER_EVALUATE_H

#include "bid_result.h"
#include "ruleset.h"

/* Runs the per-bid phase on a loaded, valid bid into out (initialised
 * here). Comments and processing instructions are removed from the
 * document first: nothing a rule scores lives in them, and a bid must not
 * slow the XPath engine down with thousands of them. Returns TENDER_OK (rule
 * errors are recorded in out, not returned) or TENDER_ERR_NOMEM. */
enum tender_status bid_evaluate(const struct ruleset *rs, struct xml_doc *doc,
				const struct eval_options *opt, struct bid_result *out);

/* The cross-bid phase over all bids: compliance, cross-bid flags, the
 * panel's decisions on flags (panel may be NULL; a decision is marked used
 * when a flag takes it, and one about a flag not raised on its bid is a
 * problem of that bid), price scores, totals, ranking. tender_root (may be
 * NULL) is the tender, whose own text bids may share without suspicion.
 * Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status evaluate_across(const struct ruleset *rs, struct bid_result *bids,
				   size_t n_bids, int decimals, xmlNodePtr tender_root,
				   struct panel_scores *panel);

#endif
