/*
 * test_api.c - the public API's out-of-memory paths (STYLE.md: allocation
 * failure is a tested path). Unlike embed.c this test sees the engine's
 * allocation hook (alloc.h). It makes the Nth allocation fail in
 * tender_evaluate (the last ones, the API's copy of bids, scores, flags and
 * reasons, each; the run's before them, a sample), in tender_evaluation_xml
 * and in tender_store_record (each), and checks that each failure returns
 * TENDER_ERR_NOMEM with the error filled, a NULL handle, and nothing
 * recorded; ASan and valgrind (scripts/test) check that nothing leaks.
 * TENDER_OOM_STRIDE=k takes every k-th failure point only (valgrind).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc.h"
#include "tender.h"

static const char *const sample = TENDER_SOURCE_DIR "/bids/examples/wessex-vale/tender.xml";

static long oom_stride(void)
{
	const char *env = getenv("TENDER_OOM_STRIDE");
	long stride = env ? strtol(env, NULL, 10) : 1;

	return stride < 1 ? 1 : stride;
}

static const struct tender_evaluate_options fixed_time = {.use_created_epoch = 1,
							  .created_epoch = 1800000000};

/* The ranking the accessors give once an evaluation completes. */
static void check_complete(const tender_evaluation *e)
{
	const tender_bid *first = tender_evaluation_bid(e, 0), *last = tender_evaluation_bid(e, 6);

	assert_int_equal(tender_evaluation_bid_count(e), 7);
	assert_string_equal(tender_bid_id(first), "WV-B01");
	assert_string_equal(tender_bid_total(first), "82.928041217477");
	assert_int_equal(tender_bid_score_count(first),
			 tender_bid_score_count(tender_evaluation_bid(e, 1)));
	assert_int_equal(tender_bid_flag_count(first), 1);
	assert_string_equal(tender_bid_id(last), "WV-B02");
	assert_int_equal(tender_bid_reason_count(last), 1);
}

/* Evaluates the sample with the allocation after the first n failing
 * (n < 0: none), checks the outcome, and tells whether it completed. */
static int evaluate_failing_after(long n)
{
	struct tender_error err = {0};
	tender_evaluation *e = (tender_evaluation *)&err; /* must become NULL */
	enum tender_status rc;
	int completed;

	alloc_fail_after(n);
	rc = tender_evaluate(sample, &fixed_time, &e, &err);
	completed = !alloc_failed();
	alloc_fail_after(-1);
	if (completed) {
		assert_int_equal(rc, TENDER_OK);
		check_complete(e);
	} else {
		if (rc != TENDER_ERR_NOMEM)
			print_message("failure %ld: %d %s %s\n", n, rc, err.code, err.message);
		assert_int_equal(rc, TENDER_ERR_NOMEM);
		assert_int_equal(err.status, TENDER_ERR_NOMEM);
		assert_null(e);
	}
	tender_evaluation_free(e);
	return completed;
}

/* An evaluation makes thousands of allocations; the API's own (the copy of
 * bids, scores, flags and reasons) are its last ones, after the run's. So
 * the sweep finds how many there are (the first n that completes), fails
 * each of the last API_TAIL, and every API_COARSE-th before them. */
#define API_TAIL 120
#define API_COARSE 97

static void test_evaluate_out_of_memory(void **state)
{
	long stride = oom_stride(), low = 0, high = 1, n_checked = 0;

	(void)state;
	while (!evaluate_failing_after(high)) {
		low = high;
		high *= 2;
		assert_true(high < 100000000);
	}
	while (high - low > 1) { /* low fails, high completes */
		long mid = low + (high - low) / 2;

		if (evaluate_failing_after(mid))
			high = mid;
		else
			low = mid;
	}
	for (long n = high - 1; n >= 0 && n >= high - API_TAIL; n -= stride, n_checked++)
		assert_false(evaluate_failing_after(n));
	for (long n = 0; n < high - API_TAIL; n += API_COARSE * stride, n_checked++)
		assert_false(evaluate_failing_after(n));
	print_message("%ld allocations; failed %ld of them (the last %d, every %ld-th before)\n",
		      high, n_checked, API_TAIL, API_COARSE * stride);
}

static void test_xml_out_of_memory(void **state)
{
	struct tender_error err = {0};
	tender_evaluation *e = NULL;
	int completed = 0;
	long n;

	(void)state;
	assert_int_equal(tender_evaluate(sample, &fixed_time, &e, &err), TENDER_OK);
	for (n = 0; !completed && n < 1000000; n++) {
		const char *xml = NULL;
		size_t size = 0;
		enum tender_status rc;

		alloc_fail_after(n);
		rc = tender_evaluation_xml(e, &xml, &size, &err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (completed) {
			assert_int_equal(rc, TENDER_OK);
			assert_non_null(xml);
			assert_true(size > 0);
		} else {
			assert_int_equal(rc, TENDER_ERR_NOMEM);
			assert_int_equal(err.status, TENDER_ERR_NOMEM);
		}
	}
	assert_true(completed);
	tender_evaluation_free(e);
}

static void count_finding(void *ctx, const char *finding)
{
	print_message("finding: %s\n", finding);
	++*(int *)ctx;
}

/* A failed record leaves nothing: the evaluation that completes is the
 * store's first, and the store verifies. */
static void test_record_out_of_memory(void **state)
{
	char db[] = "/tmp/tender-test-api-XXXXXX";
	struct tender_error err = {0};
	struct tender_verify_counts counts = {0};
	tender_evaluation *e = NULL;
	tender_store *store = NULL;
	long n, stride = oom_stride();
	long long id = 0;
	int completed = 0, findings = 0, fd = mkstemp(db);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	remove(db); /* the store creates it */
	assert_int_equal(tender_evaluate(sample, &fixed_time, &e, &err), TENDER_OK);
	assert_int_equal(tender_store_open(db, TENDER_STORE_READ_WRITE, &store, &err), TENDER_OK);
	for (n = 0; !completed && n < 1000000; n += stride) {
		enum tender_status rc;

		alloc_fail_after(n);
		rc = tender_store_record(store, e, &id, &err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (completed) {
			assert_int_equal(rc, TENDER_OK);
		} else {
			if (rc != TENDER_ERR_NOMEM)
				print_message("failure %ld: %d %s %s\n", n, rc, err.code,
					      err.message);
			assert_int_equal(rc, TENDER_ERR_NOMEM);
		}
	}
	assert_true(completed);
	assert_int_equal(tender_store_verify(store, 0, count_finding, &findings, &counts, &err),
			 TENDER_OK);
	assert_int_equal(counts.evaluations, 1);
	assert_int_equal(counts.findings, 0);
	assert_int_equal(findings, 0);
	tender_store_free(store);
	tender_evaluation_free(e);
	for (size_t i = 0; i < 3; i++) {
		char path[sizeof(db) + 8];

		snprintf(path, sizeof(path), "%s%s", db, (const char *[]){"", "-wal", "-shm"}[i]);
		remove(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_evaluate_out_of_memory),
	    cmocka_unit_test(test_xml_out_of_memory),
	    cmocka_unit_test(test_record_out_of_memory),
	};

	tender_library_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
