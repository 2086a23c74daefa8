/*
 * bid_result.h - what the evaluation finds about one bid: its identity,
 * problems, gates, scores (points in exact fixed point, with their
 * explanations), flags, compliance, total, rank and the tie-breaks that
 * decided it; and what the per-bid phase is given besides the bid. The
 * phases (evaluate.h) fill it; the rule kinds (kinds.h), the ranking
 * (rank.h) and the record of an evaluation (evaluation.h) read it.
 */
#ifndef TENDER_BID_RESULT_H
#define TENDER_BID_RESULT_H

#include "panel.h"

#include <libxml/tree.h>
#include <stdint.h>

struct rule_node; /* ruleset.h */
struct ruleset;   /* ruleset.h */

struct gate_result {
	int passed;
	char *message; /* why it failed, or the rule error; NULL when passed */
};

struct score {
	enum { SCORE_DONE, SCORE_PENDING, SCORE_ERROR, SCORE_NOT_SCORED } state;
	int64_t points; /* points units (number.h): exact fixed point */
	char *explanation;
	/* Facts the record keeps, not the kinds' own: the store's
	 * score.price_minor column, evaluation.xml's price-minor="" and the
	 * panel_record tables read them. */
	int has_price;       /* price criteria: price_minor was read */
	int64_t price_minor;
	struct panel_record *panel; /* panel criteria with the panel's scores */
	/* What the criterion's method keeps of this bid from its score_bid
	 * for its score_across (kinds.h; the price's ceiling), NULL when
	 * nothing; owned here, freed by the method's release_score in
	 * bid_result_release. */
	void *data;
};

struct flag_hit {
	size_t flag; /* index into ruleset.flags */
	char *message;
	char *questions; /* panel flags: the questions concerned ("Q1 Q3"), else NULL */
	const struct panel_decision *decision; /* the panel's, or NULL */
	const struct panel_explanation *explanation; /* asked of the bidder, or NULL */
};

struct bid_result {
	char *file;        /* as the tender names it */
	unsigned char sha256[32];
	int hashed;
	char *id, *bidder;
	char *address; /* the bidder's registered office (bid-identity/@address), or NULL */
	char **members;
	size_t n_members;
	int evaluated;     /* the file was read, valid, and the rules ran */
	char **problems;   /* why it could not be (fully) evaluated */
	size_t n_problems;
	struct gate_result *gates; /* one per ruleset gate */
	struct score *scores;      /* one per ruleset node (groups: subtotals) */
	struct flag_hit *flags;
	size_t n_flags;
	/* One per ruleset flag: what the flag's kind keeps of this bid from
	 * run_bid for run_across (kinds.h), NULL when nothing; owned here,
	 * freed by the kind's release_bid (bid_flag_data_release). The array
	 * is NULL once the cross-bid flags have run. */
	void **flag_data;
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

/* Adds a problem to a bid (it will not be ranked). Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status bid_add_problem(struct bid_result *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Initialises out for a bid of the rule set: its file, and room for a
 * result per gate, a score per node and the kinds' data per flag. Returns
 * TENDER_OK or TENDER_ERR_NOMEM (out is then valid for
 * bid_result_release). */
enum tender_status bid_result_init(const struct ruleset *rs, const char *file,
				   struct bid_result *out);

/* Records a bid that could not be evaluated: problems are copied. */
enum tender_status bid_reject(const struct ruleset *rs, const char *file, const char *why,
			      struct bid_result *out);

/* Frees what the flag kinds kept of b for the cross-bid flags, each
 * through its kind's release_bid, and the array: b->flag_data is NULL
 * after. rs is the rule set b was evaluated under. */
void bid_flag_data_release(struct bid_result *b, const struct ruleset *rs);

/* Frees everything b holds, the kinds' data of the bid included (through
 * their release_score and release_bid), and zeroes it. rs is the rule set
 * b was made for. */
void bid_result_release(struct bid_result *b, const struct ruleset *rs);

/* Receives one reason; returns 0 to stop (out of memory). */
typedef int (*bid_reason_fn)(void *ctx, const char *reason);

/* Why a bid is not ranked, in the words `tender evaluate` and the API
 * give: each failed gate ("failed gate ID (TITLE)"), each problem (a rule
 * that could not be evaluated and why: a missing score, a quorum not met, a
 * bid id claimed twice, ...), then the exclusion unless it only says that
 * there are problems; each handed to fn. Nothing for a ranked bid. Returns
 * TENDER_OK, or TENDER_ERR_NOMEM when fn or a text failed. */
enum tender_status bid_reasons(const struct ruleset *rs, const struct bid_result *b,
			       bid_reason_fn fn, void *ctx);

/* A score's state as evaluation.xml, the store and the API name it:
 * "subtotal" for a group, else "scored", "pending", "error" or
 * "not-scored". */
const char *score_state_str(const struct rule_node *n, const struct score *s);

#endif
