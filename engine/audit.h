/*
 * audit.h - the auditor's side of the store: the hash-chained audit log,
 * verification of a stored evaluation by re-running it from the stored
 * blobs, explanation of one bid, and export of the inputs as files.
 *
 * The audit log is append-only (triggers refuse UPDATE and DELETE) and each
 * row is chained to the one before: hash = SHA-256("tender-audit-v1" NUL
 * prev_hash NUL entry), where entry is the canonical JSON (sorted keys, no
 * spaces) of what the evaluation recorded: tender, time, engine version, rule
 * set, every input's role, path and SHA-256, and the result's SHA-256.
 * Hashing comes from libsodium.
 *
 * This module sits on top of the store (store.h), which knows nothing of
 * it: recording an evaluation with its chain entry is audit_record's.
 */
#ifndef TENDER_AUDIT_H
#define TENDER_AUDIT_H

#include "evaluation.h"
#include "store.h"

/* Records evaluation ev (borrowed; complete: evaluation_complete) with the
 * result document (result_size bytes, borrowed) in one transaction that
 * stays open: its rows (store_insert_evaluation), then its audit row,
 * chained to the one before. *id receives the evaluation's number and
 * chain_head (may be NULL) the audit log's hash after it (lower-case hex),
 * which the signed manifest records. The evaluation is visible to no one until store_commit, and
 * store_rollback (or a crash) leaves no trace of it; on failure the
 * transaction is rolled back. Between the two calls the store is locked for
 * writing: do only what must happen before the commit (write the
 * outputs). */
enum tender_status audit_record_pending(struct store *s, const struct evaluation *ev,
					const char *result, size_t result_size, long long *id,
					char chain_head[65], struct tender_error *err);

/* audit_record_pending, then store_commit: the evaluation and its audit
 * row, in one transaction. */
enum tender_status audit_record(struct store *s, const struct evaluation *ev, const char *result,
				size_t result_size, long long *id, struct tender_error *err);

/* Receives one finding of a verification, in words for an auditor. */
typedef void (*audit_report_fn)(void *ctx, const char *finding);

struct audit_counts {
	long long evaluations, blobs, audit_rows, findings;
};

/* Runs every check on the store: integrity_check; its schema against the
 * one tender creates at its user_version (store_check_shape); PRAGMA
 * foreign_key_check; every blob re-hashed, and blobs and tenders no
 * evaluation owns; schema_history; the chain walked, every evaluation's
 * audit row present. Then re-runs evaluation `only` (0: every evaluation)
 * from its stored inputs with the current engine and compares every column
 * of every row of every table store_table describes with what the re-run
 * would store (store_rows), both ways (rows on one side only are named);
 * the evaluation and input rows also with what its audit row recorded.
 * No panel rows are expected of an evaluation recorded before the store
 * had panel tables. Each difference goes to report, made safe to print
 * (diag_escape). Returns TENDER_OK when the checks ran (look at
 * counts->findings), or TENDER_ERR_DB / TENDER_ERR_NOMEM /
 * TENDER_ERR_USAGE (no such evaluation). */
enum tender_status audit_verify(struct store *s, long long only, audit_report_fn report,
				void *ctx, struct audit_counts *counts, struct tender_error *err);

/* Writes evaluation id's inputs as files under dir, laid out so that
 * `tender evaluate DIR/.../TENDER` finds them and gives the stored
 * evaluation.xml byte for byte (with SOURCE_DATE_EPOCH set to the stored
 * time, in *epoch). *tender_path receives the tender file's path
 * (tender_free); *outside is 1 when a bid or the panel's scores lies above
 * the tender's folder (the re-run then needs --allow-outside dir).
 *
 * A stored path is a label, read as the re-run reads the tender's href
 * ("./x" and "a//b" are x and a/b; ".." goes up): nothing is ever written
 * outside dir, and no symbolic link beneath dir is followed (one on the way
 * is an error). An absolute stored path, or a tender file name that is not
 * a plain name, is refused (TENDER_ERR_USAGE) before anything is written. */
enum tender_status audit_export(struct store *s, long long id, const char *dir,
				char **tender_path, long long *epoch, int *outside,
				struct tender_error *err);

/* The newest evaluation (0 when the store has none), or the newest of the
 * tender with this id. */
enum tender_status audit_latest(struct store *s, const char *tender_id, long long *id,
				struct tender_error *err);

#endif
