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

#include "panel.h"
#include "ruleset.h"
#include "shingle.h"

struct gate_result {
	int passed;
	char *message; /* why it failed, or the rule error; NULL when passed */
};

struct score {
	enum { SCORE_DONE, SCORE_PENDING, SCORE_ERROR, SCORE_NOT_SCORED } state;
	int64_t points; /* points units (number.h): exact fixed point */
	char *explanation;
	int has_price;       /* price criteria: price_minor was read */
	int64_t price_minor;
	int has_ceiling;     /* price criteria with formula="linear" */
	int64_t ceiling_minor;
	struct panel_record *panel; /* panel criteria with the panel's scores */
};

struct flag_hit {
	size_t flag; /* index into ruleset.flags */
	char *message;
	char *questions; /* panel flags: the questions concerned ("Q1 Q3"), else NULL */
	const struct panel_decision *decision; /* the panel's, or NULL */
};

struct bid_result {
	char *file;        /* as the tender names it */
	unsigned char sha256[32];
	int hashed;
	char *id, *bidder;
	char **members;
	size_t n_members;
	int evaluated;     /* the file was read, valid, and the rules ran */
	char **problems;   /* why it could not be (fully) evaluated */
	size_t n_problems;
	struct gate_result *gates; /* one per ruleset gate */
	struct score *scores;      /* one per ruleset node (groups: subtotals) */
	struct flag_hit *flags;
	size_t n_flags;
	struct shingles *texts; /* per flag: shared-text flags' text, until compared */
	struct panel_conflict *conflicts; /* the panel's declared interests in it */
	size_t n_conflicts;
	int compliant;
	char *exclusion;   /* why not ranked, besides failed gates */
	int64_t total;     /* points units */
	int rank;          /* 1-based; 0 when not ranked */
	int tied;
	struct tie_result { /* equal totals that a tie-break separated */
		size_t other;   /* the other bid's index */
		size_t tie;     /* index into ruleset.ties */
		int above;      /* 1: this bid was placed above the other */
		char *text;     /* how, in words */
	} *ties;
	size_t n_ties;
};

/* The exclusion of a bid that has problems: the problems are its reasons. */
#define EVAL_EXCLUSION_PROBLEMS "not every rule could be evaluated"

/* Money display for explanations: decimals of the tender's currency. */
struct eval_options {
	int decimals;
	const struct panel_scores *panel; /* NULL: panel criteria stay pending */
	xmlNodePtr tender_root;           /* NULL: $tender is empty */
	const struct competition *tender; /* NULL: no market, no concentration flag */
};

/* Runs the per-bid phase on a loaded, valid bid into out (initialised
 * here). Comments and processing instructions are removed from the
 * document first: nothing a rule scores lives in them, and a bid must not
 * slow the XPath engine down with thousands of them. Returns TENDER_OK (rule
 * errors are recorded in out, not returned) or TENDER_ERR_NOMEM. */
enum tender_status bid_evaluate(const struct ruleset *rs, struct xml_doc *doc,
				const struct eval_options *opt, struct bid_result *out);

/* Adds a problem to a bid (it will not be ranked). Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status bid_add_problem(struct bid_result *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Records a bid that could not be evaluated: problems are copied. */
enum tender_status bid_reject(const struct ruleset *rs, const char *file, const char *why,
			      struct bid_result *out);

void bid_result_release(struct bid_result *b, const struct ruleset *rs);

/* The cross-bid phase over all bids: compliance, cross-bid flags, the
 * panel's decisions on flags (panel may be NULL; a decision is marked used
 * when a flag takes it, and one about a flag not raised on its bid is a
 * problem of that bid), price scores, totals, ranking. tender_root (may be
 * NULL) is the tender, whose own text bids may share without suspicion.
 * Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status evaluate_across(const struct ruleset *rs, struct bid_result *bids,
				   size_t n_bids, int decimals, xmlNodePtr tender_root,
				   struct panel_scores *panel);

/* Formats points with the rule set's precision. */
void format_points(const struct ruleset *rs, int64_t points, char *buf, size_t size);

/* points as a percentage of the rule set's scale, in points units. */
int64_t points_percent(const struct ruleset *rs, int64_t points);

#endif
