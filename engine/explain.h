/*
 * explain.h - what the store says of one bid (`tender audit explain`): its
 * outcome, its problems, every gate, every score with its explanation,
 * every flag, and the panel's record of it (the moderation policy, the
 * decision makers and their interests, the bid's conflicts, and for each
 * panel question who scored what and the moderated score). Read from the
 * store only, as rows handed one by one to a callback that formats them;
 * nothing is printed here.
 *
 * Ownership: every text and row handed to the callback is borrowed from
 * the store's statements and valid only during the call (copy what must
 * outlive it). A text is NULL where the store holds NULL.
 */
#ifndef TENDER_EXPLAIN_H
#define TENDER_EXPLAIN_H

#include "number.h"
#include "store.h"

/* A stored number that may be NULL ("no score", "no moderated score"). */
struct explain_number {
	int present;
	double value;
};

/* The bid and the evaluation it is explained from. */
struct explain_bid {
	const char *bid_id; /* as asked */
	long long evaluation_id;
	int seq; /* the bid's seq in that evaluation */
	const char *bidder, *file;
	int compliant;
	int ranked, rank, tied; /* rank and tied mean something when ranked */
	double total_points;    /* as stored (explain_points_text) */
	const char *exclusion;  /* why it is not ranked; NULL: no reason stored */
	const char *tender_id, *created, *ruleset_id, *ruleset_version;
	int precision; /* decimals of points in the rule set the store keeps */
};

struct explain_gate {
	const char *gate_id;
	int passed;
	const char *message;
};

struct explain_score {
	const char *rule_id;
	const char *state; /* scored, subtotal, pending, error, not-scored */
	double points, max_points; /* as stored (explain_points_text) */
	const char *explanation;
	int precision; /* as explain_bid's */
};

struct explain_flag {
	const char *flag_id, *severity, *cite, *message;
};

/* The rule set's moderation policy: the panel's record follows only when
 * the evaluation has one. */
struct explain_policy {
	const char *method; /* median, mean, moderated */
	int min_evaluators;
	const char *missing, *conflicts; /* what was done with them */
	const char *cite;
};

/* A decision maker; its declared interests follow it. */
struct explain_member {
	const char *evaluator_id, *name, *role;
};

struct explain_interest {
	const char *organisation, *nature;
};

/* An interest of a decision maker that names a party of the bid. */
struct explain_conflict {
	const char *evaluator_id, *organisation, *party;
	const char *relation; /* bidder, member (of the consortium) */
	const char *managed;  /* excluded, kept */
	const char *nature;
};

/* The panel's record of the bid on one question: EXPLAIN_RECORD, then its
 * marks, then the same record again as EXPLAIN_RECORD_END. */
struct explain_record {
	const char *rule_id, *question;
	const char *basis; /* none, moderated, median, mean */
	struct explain_number value;
	int counted, excluded, missing;
	struct explain_number low, high; /* of the counted scores */
	struct explain_number moderated;
	const char *agreed_by, *moderation_note;
	const char *why; /* why there is no score */
};

/* One evaluator's part in a record. */
struct explain_mark {
	const char *evaluator_id;
	const char *state; /* counted, excluded, missing */
	struct explain_number value;
	const char *justification;
};

enum explain_kind {
	EXPLAIN_BID,      /* first, once */
	EXPLAIN_PROBLEM,  /* why the bid could not be evaluated: problem */
	EXPLAIN_GATE,     /* in the rule set's order */
	EXPLAIN_SCORE,    /* criteria and groups, in the rule set's order */
	EXPLAIN_FLAG,
	EXPLAIN_POLICY,   /* then the panel's record, when there is one: */
	EXPLAIN_MEMBER,   /* each decision maker, followed by */
	EXPLAIN_INTEREST, /* its interests */
	EXPLAIN_CONFLICT,
	EXPLAIN_RECORD,
	EXPLAIN_MARK,
	EXPLAIN_RECORD_END,
};

struct explain_row {
	enum explain_kind kind;
	union {
		struct explain_bid bid;
		const char *problem;
		struct explain_gate gate;
		struct explain_score score;
		struct explain_flag flag;
		struct explain_policy policy;
		struct explain_member member;
		struct explain_interest interest;
		struct explain_conflict conflict;
		struct explain_record record;
		struct explain_mark mark;
	};
};

/* Receives one row; returns TENDER_OK to go on, or a status (such as
 * TENDER_ERR_NOMEM) that stops explain_bid, which returns it. */
typedef enum tender_status (*explain_row_fn)(void *ctx, const struct explain_row *row);

/* Explains bid bid_id from the newest evaluation in s that has it, or from
 * evaluation evaluation_id (0: the newest): hands fn every row, in the
 * order of enum explain_kind (problems, gates, scores, flags; then, when
 * the evaluation has a panel record, the policy, each decision maker with
 * its interests, the bid's conflicts, and each record with its marks).
 * *found is 0 (and fn is not called) when no such bid is stored. Returns
 * TENDER_OK, TENDER_ERR_DB (err says why; the rows handed so far stand) or
 * what fn returned. */
enum tender_status explain_bid(struct store *s, const char *bid_id, long long evaluation_id,
			       explain_row_fn fn, void *ctx, int *found, struct tender_error *err);

/* A stored number of points (a REAL) as text at precision decimals, by the
 * one rounding rule (number.h); exact below 9,007 points, where a double
 * holds every unit of points. */
struct number_text explain_points_text(double stored_points, int precision);

#endif
