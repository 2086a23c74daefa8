/*
 * test_store.c - the store's panel record: the rows audit_record writes for
 * a tender with a panel (tests/cases/0704-panel-conflict-bidder-excluded),
 * audit_verify naming a tampered row, and an out-of-memory loop over
 * verification (the re-run, then the row-by-row comparison of the panel
 * record).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "audit.h"
#include "result.h"
#include "run.h"
#include "store.h"
#include "support.h"

#define CASE_DIR TENDER_SOURCE_DIR "/tests/cases/0704-panel-conflict-bidder-excluded"

static char dir[64], db_path[128];

/* Evaluates the case's tender into a new store at db_path. */
static int setup(void **state)
{
	struct run r;
	struct evaluation record;
	struct run_options opt = {.max_bytes = (size_t)1 << 24};
	struct tender_error err = {0};
	struct store *s = NULL;
	char *xml = NULL;
	size_t size = 0;
	long long id = 0;
	enum tender_status rc;

	(void)state;
	tender_library_init();
	snprintf(dir, sizeof(dir), "/tmp/tender-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db_path, sizeof(db_path), "%s/store.db", dir);
	setenv("SOURCE_DATE_EPOCH", "1800000000", 1);
	memset(&r, 0, sizeof(r));
	rc = run_evaluate(&r, CASE_DIR "/tender.xml", &opt, &err);
	record = run_record(&r);
	if (!rc)
		rc = result_serialise(&record, &xml, &size);
	if (!rc)
		rc = store_open(db_path, 0, &s, &err);
	if (!rc)
		rc = audit_record(s, &record, xml, size, &id, &err);
	if (rc)
		fprintf(stderr, "setup: %s\n", err.message);
	store_close(s);
	tender_free(xml);
	run_release(&r);
	return rc || id != 1 ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	support_remove_store(dir, db_path);
	return 0;
}

static long long count(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_records_the_panel(void **state)
{
	struct store *s = NULL;
	struct tender_error err = {0};

	(void)state;
	assert_int_equal(store_open(db_path, 1, &s, &err), TENDER_OK);
	assert_int_equal(store_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(count(s, "SELECT count(*) FROM panel_policy"), 1);
	assert_int_equal(count(s, "SELECT count(*) FROM panel_member"), 4);
	/* one conflict: E2 with the bidder of B2, managed by exclusion */
	assert_int_equal(count(s, "SELECT count(*) FROM panel_conflict WHERE evaluator_id = 'E2'"
				  " AND relation = 'bidder' AND managed = 'excluded'"),
			 1);
	/* every member has a mark on every panel record */
	assert_int_equal(count(s, "SELECT count(*) FROM panel_mark"),
			 4 * count(s, "SELECT count(*) FROM panel_record"));
	assert_int_equal(count(s, "SELECT count(*) FROM panel_mark WHERE state = 'excluded'"),
			 count(s, "SELECT count(*) FROM panel_record WHERE excluded = 1"));
	assert_int_equal(
		count(s, "SELECT first_evaluation FROM schema_history WHERE version = 2"), 1);
	store_close(s);
}

struct findings {
	int n;
	char first[512];
};

static void keep_finding(void *ctx, const char *finding)
{
	struct findings *f = ctx;

	if (f->n++ == 0)
		snprintf(f->first, sizeof(f->first), "%s", finding);
}

static void test_verify_names_a_tampered_mark(void **state)
{
	struct store *s = NULL;
	struct tender_error err = {0};
	struct audit_counts counts;
	struct findings f = {0};

	(void)state;
	assert_int_equal(store_open(db_path, 1, &s, &err), TENDER_OK);
	assert_int_equal(audit_verify(s, 0, keep_finding, &f, &counts, &err), TENDER_OK);
	assert_int_equal(counts.findings, 0);
	store_close(s);

	assert_int_equal(store_open(db_path, 0, &s, &err), TENDER_OK);
	assert_int_equal(sqlite3_exec(store_db(s),
				      "UPDATE panel_mark SET state = 'counted'"
				      " WHERE state = 'excluded' AND evaluator_id = 'E2'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(audit_verify(s, 0, keep_finding, &f, &counts, &err), TENDER_OK);
	assert_true(counts.findings >= 1);
	assert_non_null(strstr(f.first, "evaluator E2: stored state counted, recomputed excluded"));
	assert_int_equal(sqlite3_exec(store_db(s),
				      "UPDATE panel_mark SET state = 'excluded'"
				      " WHERE state = 'counted' AND evaluator_id = 'E2'"
				      " AND bid_seq IN (SELECT bid_seq FROM panel_conflict)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	f.n = 0;
	assert_int_equal(audit_verify(s, 0, keep_finding, &f, &counts, &err), TENDER_OK);
	assert_int_equal(counts.findings, 0);
	store_close(s);
}

static void test_verify_out_of_memory(void **state)
{
	struct store *s = NULL;
	struct tender_error err = {0};
	struct audit_counts counts;
	struct findings f = {0};
	int completed = 0;
	/* every failure point, or every stride-th: the sweep re-runs a whole
	 * evaluation per point, which valgrind makes slow (scripts/test sets a
	 * stride there; the ASan build sweeps every point) */
	const char *stride_env = getenv("TENDER_OOM_STRIDE");
	long n, stride = stride_env ? strtol(stride_env, NULL, 10) : 1;

	(void)state;
	if (stride < 1)
		stride = 1;
	assert_int_equal(store_open(db_path, 1, &s, &err), TENDER_OK);
	for (n = 0; !completed && n < 100000; n += stride) {
		enum tender_status rc;

		f.n = 0;
		alloc_fail_after(n);
		rc = audit_verify(s, 0, keep_finding, &f, &counts, &err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (!completed) {
			if (rc != TENDER_ERR_NOMEM)
				print_message("failure %ld: %d %s %s\n", n, rc, err.code,
					      err.message);
			assert_int_equal(rc, TENDER_ERR_NOMEM);
		} else {
			assert_int_equal(rc, TENDER_OK);
			assert_int_equal(counts.findings, 0);
		}
	}
	assert_true(completed);
	print_message("verified through %ld injected allocation failures (every %ld-th point)\n",
		      n / stride - 1, stride);
	store_close(s);
}

/* The record of a run that evaluated holds everything the store needs
 * (what store_insert_evaluation and store_rows assert); without its rule
 * set, its time, its tender's id or its inputs it does not. */
static void test_record_is_complete(void **state)
{
	struct run r;
	struct run_options opt = {.max_bytes = (size_t)1 << 24};
	struct tender_error err = {0};
	struct evaluation record, lacking;

	(void)state;
	assert_int_equal(run_evaluate(&r, CASE_DIR "/tender.xml", &opt, &err), TENDER_OK);
	record = run_record(&r);
	assert_true(evaluation_complete(&record));
	assert_int_equal(record.n_bids, r.n_bids);
	assert_ptr_equal(record.panel, &r.panel);
	assert_null(record.contact); /* the case's tender names no <contact> */
	lacking = record;
	lacking.rules = NULL;
	assert_false(evaluation_complete(&lacking));
	lacking = record;
	lacking.created = "";
	assert_false(evaluation_complete(&lacking));
	lacking = record;
	lacking.tender_id = NULL;
	assert_false(evaluation_complete(&lacking));
	lacking = record;
	lacking.n_inputs = 0;
	assert_false(evaluation_complete(&lacking));
	lacking = record;
	lacking.n_rejected = record.n_bids + 1;
	assert_false(evaluation_complete(&lacking));
	run_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_the_panel),
		cmocka_unit_test(test_record_is_complete),
		cmocka_unit_test(test_verify_names_a_tampered_mark),
		cmocka_unit_test(test_verify_out_of_memory),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
