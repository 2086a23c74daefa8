/*
 * store.h - the evaluation store: one SQLite file holding many tenders and
 * many evaluation runs of each, so that an auditor can re-run and verify a
 * decision years later (DESIGN.md section 6).
 *
 * Every input is kept as a content-addressed blob (SHA-256 of its exact
 * bytes), with the result document and every gate, score, flag, total and
 * rank as rows an auditor can query with the sqlite3 shell (the schema is
 * in README.md). One transaction per evaluation (BEGIN IMMEDIATE), so a
 * crash leaves all of an evaluation or none of it. An append-only audit log
 * chains each evaluation to the one before by hash (audit.h).
 */
#ifndef TENDER_STORE_H
#define TENDER_STORE_H

#include "run.h"

typedef struct sqlite3 sqlite3;

#define STORE_APPLICATION_ID 0x54454E44 /* "TEND" */
#define STORE_SCHEMA_VERSION 1

struct store;

/* Opens (creating when absent, unless read_only) the store at path.
 * Refuses a file that is not a tender store (another application_id), one
 * from a newer tender (user_version), and a corrupt file, with a clear
 * message. Returns TENDER_OK, TENDER_ERR_DB or TENDER_ERR_NOMEM. */
enum tender_status store_open(const char *path, int read_only, struct store **out,
			      struct tender_error *err);
void store_close(struct store *s);

/* The database handle, for the audit and query code; borrowed. */
sqlite3 *store_db(struct store *s);

/* Records an evaluation run: its inputs' bytes (read again from the files
 * the run read, and checked against the hashes the run recorded), the
 * result document, every result row and the audit log entry, in one
 * transaction. *id receives the evaluation's number. */
enum tender_status store_record(struct store *s, const struct run *r, const char *result,
				size_t result_size, long long *id, struct tender_error *err);

/* Records a failure of SQLite in err; returns TENDER_ERR_DB. */
enum tender_status store_error(struct store *s, struct tender_error *err, const char *what);

#endif
