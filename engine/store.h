/*
 * store.h - the evaluation store: one SQLite file holding many tenders and
 * many evaluation runs of each, so that an auditor can re-run and verify a
 * decision years later (DESIGN.md section 6).
 *
 * Every input is kept as a content-addressed blob (SHA-256 of its exact
 * bytes), with the result document and every gate, score, flag, total and
 * rank, and the panel's decision record, as rows an auditor can query with
 * the sqlite3 shell (the schema is in README.md). One transaction per
 * evaluation (BEGIN IMMEDIATE), so a crash leaves all of an evaluation or
 * none of it. An append-only audit log chains each evaluation to the one
 * before by hash: that chain is audit.h's, on top of this module, and an
 * evaluation is recorded with its chain entry by audit_record.
 *
 * The store reads an evaluation's record (evaluation.h), never the run that
 * made it.
 */
#ifndef TENDER_STORE_H
#define TENDER_STORE_H

#include "evaluation.h"

typedef struct sqlite3 sqlite3;

#define STORE_APPLICATION_ID 0x54454E44 /* "TEND" */
#define STORE_SCHEMA_VERSION 3

struct store;

/* Opens (creating when absent, unless read_only) the store at path.
 * Refuses a file that is not a tender store (another application_id), one
 * from a newer tender (user_version), and a corrupt file, with a clear
 * message. A store with an older schema is upgraded in place when opened
 * for writing, and read as it is when opened read_only (store_version says
 * which tables it has). Returns TENDER_OK, TENDER_ERR_DB or
 * TENDER_ERR_NOMEM. */
enum tender_status store_open(const char *path, int read_only, struct store **out,
			      struct tender_error *err);
void store_close(struct store *s);

/* The database handle, for the audit and query code; borrowed. */
sqlite3 *store_db(struct store *s);

/* The schema version of the open store: STORE_SCHEMA_VERSION, or less for
 * an older store opened read-only (version 1 has no panel tables). */
int store_version(const struct store *s);

/* Begins a transaction (BEGIN IMMEDIATE) and writes evaluation ev
 * (borrowed; complete: evaluation_complete) in it: its inputs' bytes (those
 * its run read once and kept: no file is opened again), the result document
 * (result_size bytes, borrowed), the tender's row and every row store_rows
 * gives. *id receives the evaluation's number. The audit log's row is not
 * among them: use audit_record_pending (audit.h), which adds it; this is its
 * first half. The transaction stays open: the evaluation is visible to no
 * one until store_commit, and store_rollback (or a crash) leaves no trace
 * of it. On failure the transaction is rolled back. No other transaction
 * may be open. */
enum tender_status store_insert_evaluation(struct store *s, const struct evaluation *ev,
					   const char *result, size_t result_size, long long *id,
					   struct tender_error *err);

/* Inside a pending evaluation id: when the store is bound to a signer,
 * refuses (TENDER_ERR_USAGE) an evaluation not signed by it (public_key:
 * the hex of the key that signs this one's manifest, NULL when unsigned);
 * with bind, binds an unbound store to public_key from this evaluation on.
 * The caller rolls back on failure. */
enum tender_status store_check_signer(struct store *s, long long id, const char *public_key,
				      int bind, struct tender_error *err);

/* The hex public key the store is bound to, or "" (none, or a store older
 * than version 3). */
enum tender_status store_signer(struct store *s, char public_key[65], struct tender_error *err);

/* Commits the pending evaluation (rolling it back when that fails), then
 * copies it from the -wal file into the store file where it can. */
enum tender_status store_commit(struct store *s, struct tender_error *err);

/* Rolls a pending evaluation back; nothing when none is pending. */
void store_rollback(struct store *s);

/* The largest evaluation id the store ever gave (schema version 3: ids are
 * never reused), or -1 for an older store, which keeps no mark. */
enum tender_status store_high_water(struct store *s, long long *value, struct tender_error *err);

/* ---------------------------------------------------------------------- */
/* The rows of an evaluation, every table of it, from one description:
 * what store_insert_evaluation writes and what audit_verify compares with a
 * re-run, column by column, in both directions. The store-wide tables (blob,
 * audit_log, schema_history) are not described here: they are checked as a
 * whole (re-hashed, chained, shaped: audit.h). */

enum store_table_id {
	SR_TENDER,     /* tender: as its newest evaluation recorded it */
	SR_EVALUATION, /* evaluation: the run itself */
	SR_INPUT,      /* input: every file the run read */
	SR_BID,        /* bid: each bid's outcome */
	SR_PROBLEM,    /* problem: why a bid could not be evaluated */
	SR_GATE,       /* gate_result */
	SR_SCORE,      /* score: criteria and groups */
	SR_FLAG,       /* flag */
	SR_POLICY,     /* panel_policy: the rule set's moderation policy */
	SR_MEMBER,     /* panel_member: the decision makers */
	SR_INTEREST,   /* panel_interest: their declared interests */
	SR_CONFLICT,   /* panel_conflict: interests that name a bid's parties */
	SR_RECORD,     /* panel_record: one bid on one panel question */
	SR_MARK,       /* panel_mark: one evaluator's part in a panel_record */
	SR_COUNT
};

#define SR_FIRST_PANEL SR_POLICY

/* How a column's value names its row in a finding. */
enum store_column_kind {
	SC_PLAIN,    /* the value itself */
	SC_BID,      /* a bid's seq: named by the bid's id */
	SC_MEMBER,   /* a decision maker's seq: named by the evaluator's id */
	SC_QUESTION, /* a rule id: named by its panel question */
};

struct store_column {
	const char *name;  /* in SQL */
	const char *words; /* in a finding: "moderation note" */
	int quoted;        /* free text, quoted in findings */
	/* When the column names its row in findings, the words before its
	 * value (", conflict of evaluator "); NULL when it does not. */
	const char *names;
	enum store_column_kind kind;
};

/* A table of an evaluation: the column `scope` holding the evaluation's
 * id (NULL for tender, whose row is its newest evaluation's), then its
 * other columns in schema order, the n_keys first of which (with scope)
 * are its primary key. */
struct store_table {
	const char *name, *noun;
	const char *whole; /* the name of its one row, when it has no key */
	const char *scope;
	const struct store_column *columns;
	size_t n_columns, n_keys;
};

/* The description of table t; static. */
const struct store_table *store_table(enum store_table_id t);

/* The tables every store holds that store_table does not describe, NULL
 * terminated; static. */
extern const char *const store_wide_tables[];

#define STORE_MAX_COLUMNS 14 /* panel_record's */

struct store_value {
	enum { SV_NULL, SV_INT, SV_REAL, SV_TEXT } type;
	long long i;
	double d;
	const char *text; /* borrowed; NULL reads as SV_NULL */
};

/* Receives one row of table t: n_columns values (borrowed, valid during
 * the call), after the scope column. Returns 0 to stop. */
typedef int (*store_row_fn)(void *ctx, enum store_table_id t, const struct store_value *row);

/* What a row of the evaluation table holds that a run does not recompute:
 * the time recorded, the engine's version and the result's SHA-256 (hex),
 * borrowed. A verification takes the time and engine from the chained
 * audit row. */
struct store_given {
	const char *created, *engine_version, *result_sha256;
};

/* Hands every row of every table of evaluation ev (borrowed; complete) to
 * fn, parents before children (tender, evaluation, inputs, each bid with
 * its problems, gates, scores and flags, then the panel's rows); no panel
 * rows when ev has no panel. Returns 1, or 0 when fn stopped. */
int store_rows(const struct evaluation *ev, const struct store_given *given, store_row_fn fn,
	       void *ctx);

/* Receives one way the store's shape differs from tender's schema. */
typedef void (*store_shape_fn)(void *ctx, const char *difference);

/* Compares the store's tables, columns, indexes and triggers (the SQL of
 * every object in sqlite_schema) with those tender creates at the store's
 * user_version, and checks that store_table describes each of them. Each
 * difference goes to report: an object missing, added or redefined (panel
 * tables in a version-1 store; a dropped trigger; a table made non-STRICT).
 * SQLite's own statistics tables (ANALYZE) are allowed. Returns TENDER_OK,
 * TENDER_ERR_DB or TENDER_ERR_NOMEM. */
enum tender_status store_check_shape(struct store *s, store_shape_fn report, void *ctx,
				     struct tender_error *err);

/* The first evaluation recorded with panel rows (evaluations before it were
 * recorded by a tender whose store had no panel tables), in *id; INT64_MAX
 * when the store has no panel tables. */
enum tender_status store_panel_since(struct store *s, long long *id, struct tender_error *err);

/* Records a failure of SQLite in err; returns TENDER_ERR_DB. */
enum tender_status store_error(struct store *s, struct tender_error *err, const char *what);

#endif
