/*
 * score.h - what the rule kinds' scoring shares (evaluate.c, rank.c and the
 * kinds' files only; not an API): the per-bid and cross-bid contexts, the
 * explanation of a score, a rule that could not be evaluated, a flag raised,
 * a bid excluded, and numbers as explanations show them.
 */
#ifndef TENDER_SCORE_H
#define TENDER_SCORE_H

#include "bid_result.h"
#include "number.h"
#include "ruleset.h"

#include <stdarg.h>

/* The per-bid phase's state for one bid. */
struct bid_ctx {
	const struct ruleset *rs;
	const struct eval_options *opt;
	struct xpath_env env; /* on the bid's document */
	struct bid_result *b;
	int nomem; /* out of memory: the phase stops */
};

/* The cross-bid phase's state: every bid. */
struct across_ctx {
	const struct ruleset *rs;
	struct bid_result *bids;
	size_t n_bids;
	int decimals;		/* of the tender's currency */
	xmlNodePtr tender_root; /* may be NULL */
};

/* Sets a score's explanation (the old one is freed); returns 0 on out of
 * memory. */
int explain(struct score *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Records a rule that could not be evaluated for this bid: an error score
 * and a problem of the bid. */
void rule_error(struct bid_ctx *c, struct score *s, const char *rule_id, const char *why);

/* Records flag (index into ruleset.flags) on a bid; takes message (NULL:
 * out of memory). Returns 0 on out of memory. */
int add_flag(struct bid_result *b, size_t flag, char *message);

/* Makes a bid not compliant; the first reason stands. Returns 0 on out of
 * memory. */
int bid_exclude(struct bid_result *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Points with the rule set's precision. */
static inline struct number_text pts(const struct ruleset *rs, int64_t points)
{
	return points_text(points, rs->precision);
}

/* A number from a rule or bid, exactly as it reads. */
static inline struct number_text num(struct decimal v)
{
	return decimal_text(v);
}

#endif
