/*
 * tender.h - the public API of libtender.
 *
 * libtender evaluates public-procurement bids against a published rule set.
 * This header is all a program needs: status codes, the error record, and
 * opaque handles. No libxml2, PCRE2, SQLite or jansson type appears here,
 * and it includes standard C headers only.
 *
 * Conventions (see STYLE.md): every fallible function returns a
 * tender_status; details of a failure go into a caller-provided
 * struct tender_error, which never allocates. `x_free(NULL)` is a no-op.
 *
 * Ownership: a handle made by tender_x_open/tender_evaluate is the
 * caller's, to free with its x_free. Every pointer an accessor returns is
 * borrowed: a string (never NULL; "" when there is nothing) or a sub-handle
 * (tender_bid, tender_score, tender_flag) stays valid until the handle it
 * came from is freed. Handles are not shared between threads.
 */
#ifndef TENDER_H
#define TENDER_H

#include <stddef.h>

#define TENDER_VERSION "0.3.0"

enum tender_status {
	TENDER_OK = 0,
	TENDER_ERR_NOMEM,   /* an allocation failed */
	TENDER_ERR_IO,      /* a file could not be read or written */
	TENDER_ERR_XML,     /* not acceptable XML (syntax, DOCTYPE, encoding) */
	TENDER_ERR_SCHEMA,  /* the document does not follow its schema */
	TENDER_ERR_INVALID, /* well-formed and schema-valid, but inconsistent */
	TENDER_ERR_LIMIT,   /* a size, depth or time limit was hit */
	TENDER_ERR_RULE,    /* a rule set is wrong */
	TENDER_ERR_DB,      /* the store failed */
	TENDER_ERR_USAGE,   /* the caller passed something meaningless */
	TENDER_ERR_INTERNAL /* a bug or a broken installation */
};

/* Where and why something failed. Fixed-size, so filling it never allocates;
 * long texts are truncated. line and column are 1-based, 0 when unknown. */
struct tender_error {
	enum tender_status status;
	char file[512];
	int line;
	int column;
	char rule_id[64]; /* the rule involved, "" when none */
	char code[32];    /* stable identifier of the kind of failure, e.g. "xml-doctype" */
	char message[512];
};

/* A short lower-case name of a status ("out of memory", "io", ...). */
const char *tender_status_str(enum tender_status status);

/* Sets up the XML library for untrusted input: parser initialised and an
 * external-entity loader that refuses everything. Call once, before any
 * other function, from the main thread. Idempotent. */
void tender_library_init(void);

/* Releases the XML library's global state; for leak checkers. */
void tender_library_cleanup(void);

/* ---------------------------------------------------------------------- */
/* Evaluating a tender (README.md, `tender evaluate`). */

typedef struct tender_evaluation tender_evaluation;
typedef struct tender_bid tender_bid;     /* one bid of an evaluation */
typedef struct tender_score tender_score; /* one criterion or group of a bid */
typedef struct tender_flag tender_flag;   /* one flag raised on a bid */

/* One finding about an input file while it is evaluated (what `tender
 * evaluate` prints as FILE:LINE:COLUMN: SEVERITY: MESSAGE). Every pointer is
 * borrowed, valid during the call only. */
struct tender_diagnostic {
	const char *file;
	int line;         /* 1-based; 0 when the whole file is meant */
	int column;       /* 1-based; 0 when unknown */
	const char *severity; /* "error" or "warning" */
	const char *code;     /* stable identifier, e.g. "share-sum" */
	const char *message;  /* safe to print: controls are escaped */
};

typedef void (*tender_diagnostic_fn)(void *ctx, const struct tender_diagnostic *diagnostic);

/* How to evaluate; a zeroed struct (or NULL) means what `tender evaluate`
 * does without options. */
struct tender_evaluate_options {
	/* Refuse input files larger than this; 0: 16 MiB (the command's
	 * default); at most 2 GiB. */
	size_t max_input_bytes;
	/* Folders the bids and the panel's scores may come from besides the
	 * tender's folder and those it names (`--allow-outside DIR`). Each must
	 * be a folder. Borrowed during the call. */
	const char *const *allow_outside;
	size_t n_allow_outside;
	/* The time recorded in the outputs. 0: as the command, the
	 * SOURCE_DATE_EPOCH environment variable when set (digits only, else
	 * TENDER_ERR_USAGE), otherwise now. 1: created_epoch, seconds since
	 * 1970-01-01 UTC (0 to 253402300799). */
	int use_created_epoch;
	long long created_epoch;
	/* Receives the findings about each file (may be NULL). */
	tender_diagnostic_fn diagnostic;
	void *diagnostic_ctx;
};

/* Evaluates the tender description at tender_path: reads it, the rule set,
 * the bids and the panel's scores it names (each once), and evaluates every
 * bid. On TENDER_OK *out is a new evaluation (tender_evaluation_free) --
 * even when some bids could not be evaluated (they are kept, not ranked,
 * with their reasons). Otherwise *out is NULL and err says why:
 * TENDER_ERR_INVALID (the tender, rule set or panel scores are unusable:
 * the diagnostics say why), TENDER_ERR_USAGE (bad options or
 * SOURCE_DATE_EPOCH), TENDER_ERR_NOMEM. options may be NULL. */
enum tender_status tender_evaluate(const char *tender_path,
				   const struct tender_evaluate_options *options,
				   tender_evaluation **out, struct tender_error *err);

/* Frees the evaluation and everything borrowed from it. NULL: nothing. */
void tender_evaluation_free(tender_evaluation *evaluation);

/* The tender's id and title, the time recorded ("2027-01-15T08:00:00Z"),
 * the rule set's id and version, and its scale (the points all the weights
 * add up to, exact, as evaluation.xml writes points: "100"). Borrowed. */
const char *tender_evaluation_tender_id(const tender_evaluation *evaluation);
const char *tender_evaluation_tender_title(const tender_evaluation *evaluation);
const char *tender_evaluation_created(const tender_evaluation *evaluation);
const char *tender_evaluation_ruleset_id(const tender_evaluation *evaluation);
const char *tender_evaluation_ruleset_version(const tender_evaluation *evaluation);
const char *tender_evaluation_scale(const tender_evaluation *evaluation);

/* The number of bids, and bid index (0-based) in the order of
 * evaluation.xml: the ranked bids by rank then id, then the others by id.
 * NULL when index is out of range. Borrowed. */
size_t tender_evaluation_bid_count(const tender_evaluation *evaluation);
const tender_bid *tender_evaluation_bid(const tender_evaluation *evaluation, size_t index);

/* The evaluation document, evaluation.xml, byte for byte what `tender
 * evaluate` writes for the same inputs and time: *xml (borrowed, NUL
 * terminated, valid until the evaluation is freed) holds *size bytes. Made
 * on the first call. Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status tender_evaluation_xml(tender_evaluation *evaluation, const char **xml,
					 size_t *size, struct tender_error *err);

/* A bid: its id and bidder as the bid states them, the file as the tender
 * names it. Borrowed. */
const char *tender_bid_id(const tender_bid *bid);
const char *tender_bid_bidder(const tender_bid *bid);
const char *tender_bid_file(const tender_bid *bid);
/* 1 when the file was read, valid, and the rules ran on it; else 0. */
int tender_bid_evaluated(const tender_bid *bid);
/* 1 when every gate passed, every rule was evaluated and no flag excludes
 * it; else 0. */
int tender_bid_compliant(const tender_bid *bid);
/* The rank (1-based), 0 when not ranked; tied is 1 for an unbroken tie. */
int tender_bid_rank(const tender_bid *bid);
int tender_bid_tied(const tender_bid *bid);
/* The total points exactly as evaluation.xml writes them ("83.176718188513");
 * borrowed. The same as a double, for convenience (not exact). */
const char *tender_bid_total(const tender_bid *bid);
double tender_bid_total_value(const tender_bid *bid);

/* Why the bid is not ranked, as `tender evaluate` lists them: each failed
 * gate, each problem (a rule that could not be evaluated and why), then the
 * exclusion. None for a ranked bid. NULL when index is out of range. */
size_t tender_bid_reason_count(const tender_bid *bid);
const char *tender_bid_reason(const tender_bid *bid, size_t index);

/* The bid's score on each criterion and group of the rule set, in the
 * rule set's order; none when the bid was not evaluated. NULL when index
 * is out of range. Borrowed. */
size_t tender_bid_score_count(const tender_bid *bid);
const tender_score *tender_bid_score(const tender_bid *bid, size_t index);

/* The flags raised on the bid. NULL when index is out of range. Borrowed. */
size_t tender_bid_flag_count(const tender_bid *bid);
const tender_flag *tender_bid_flag(const tender_bid *bid, size_t index);

/* A score: the criterion's (or group's) id and title; its state, "scored",
 * "pending" (a panel score not given), "error" (could not be evaluated),
 * "not-scored", or "subtotal" (a group); the points and the maximum
 * exactly as evaluation.xml writes points ("17.24338485518", "30"), the
 * points as a double; the explanation of how they were reached. Borrowed. */
const char *tender_score_criterion_id(const tender_score *score);
const char *tender_score_title(const tender_score *score);
const char *tender_score_state(const tender_score *score);
const char *tender_score_points(const tender_score *score);
double tender_score_points_value(const tender_score *score);
const char *tender_score_maximum(const tender_score *score);
const char *tender_score_explanation(const tender_score *score);

/* A flag: the rule set's flag id and title, its severity ("info", "low",
 * "medium", "high", "critical"), the law or policy it cites, and the
 * message about this bid. Borrowed. */
const char *tender_flag_id(const tender_flag *flag);
const char *tender_flag_title(const tender_flag *flag);
const char *tender_flag_severity(const tender_flag *flag);
const char *tender_flag_cite(const tender_flag *flag);
const char *tender_flag_message(const tender_flag *flag);

/* ---------------------------------------------------------------------- */
/* The evaluation store (README.md, `tender audit`): one SQLite file that
 * keeps every evaluation with its inputs, hash-chained. */

typedef struct tender_store tender_store;

enum tender_store_mode {
	TENDER_STORE_READ_WRITE, /* created when absent; an older schema upgraded */
	TENDER_STORE_READ_ONLY
};

/* Opens the store at path. On TENDER_OK *out is the caller's
 * (tender_store_free); otherwise *out is NULL and err says why:
 * TENDER_ERR_DB (not a tender store, from a newer tender, corrupt, cannot
 * be opened), TENDER_ERR_NOMEM. */
enum tender_status tender_store_open(const char *path, enum tender_store_mode mode,
				     tender_store **out, struct tender_error *err);

/* Closes the store. NULL: nothing. */
void tender_store_free(tender_store *store);

/* Records the evaluation in the store, in one transaction: its inputs'
 * bytes (as read: no file is opened again), evaluation.xml, every result
 * row and the audit log entry. *evaluation_id receives its number. The
 * evaluation is borrowed (its evaluation.xml is made if it was not). On
 * failure nothing is recorded. Returns TENDER_OK, TENDER_ERR_DB,
 * TENDER_ERR_USAGE (a read-only store) or TENDER_ERR_NOMEM. */
enum tender_status tender_store_record(tender_store *store, tender_evaluation *evaluation,
				       long long *evaluation_id, struct tender_error *err);

/* Receives one finding of a verification, in words for an auditor, safe
 * to print; borrowed, valid during the call. */
typedef void (*tender_finding_fn)(void *ctx, const char *finding);

struct tender_verify_counts {
	long long evaluations; /* evaluations re-run */
	long long blobs;       /* stored inputs re-hashed */
	long long audit_rows;  /* audit log rows checked */
	long long findings;    /* differences found: 0 when the store is intact */
};

/* Verifies the store as `tender audit verify` does: its integrity, schema,
 * blobs and hash chain, then re-runs evaluation_id (0: every evaluation)
 * from its stored inputs and compares every recorded row with the re-run.
 * Each finding goes to finding (may be NULL); counts (may be NULL) receives
 * the totals. Returns TENDER_OK when the checks ran -- look at
 * counts->findings -- or TENDER_ERR_DB, TENDER_ERR_USAGE (no such
 * evaluation), TENDER_ERR_NOMEM. */
enum tender_status tender_store_verify(tender_store *store, long long evaluation_id,
				       tender_finding_fn finding, void *ctx,
				       struct tender_verify_counts *counts,
				       struct tender_error *err);

#endif
