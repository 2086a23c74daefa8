/*
 * test_validate.c - the checks beyond the schema, one mutation of a sample
 * bid at a time: each must give exactly the expected diagnostic codes, and
 * the untouched samples must give none. Also: the validator survives an
 * allocation failure at every point.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "validate.h"

#define SAMPLE TENDER_SOURCE_DIR "/bids/examples/wessex-vale/"
#define WINNER SAMPLE "bids/wessex-vale-care-partnership.xml"

struct fixture {
	struct validator plain;       /* no tender */
	struct validator with_tender; /* --tender tender.xml */
};

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long size;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
	data[size] = '\0';
	fclose(f);
	return data;
}

/* Writes `base` with the first occurrence of `from` replaced by `to` to a
 * temporary file; returns its path (static buffer). */
static const char *mutate(const char *base_path, const char *from, const char *to)
{
	static char path[64];
	char *base = read_all(base_path), *hit = strstr(base, from);
	FILE *f;
	int fd;

	if (!hit)
		fail_msg("'%s' is not in %s", from, base_path);
	snprintf(path, sizeof(path), "/tmp/tender-validate-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	fwrite(base, 1, (size_t)(hit - base), f);
	fputs(to, f);
	fputs(hit + strlen(from), f);
	fclose(f);
	free(base);
	return path;
}

/* Validates path and checks the diagnostic codes, in order, as a
 * space-separated list of "code:severity" ("" for none). */
static void expect_codes(struct validator *v, const char *path, const char *expected)
{
	struct diag_list diags;
	enum doc_kind kind;
	char got[1024] = "";
	size_t o = 0;

	diag_list_init(&diags);
	assert_int_equal(validator_load(v, path, &kind, NULL, &diags), TENDER_OK);
	for (size_t i = 0; i < diags.n; i++)
		o += (size_t)snprintf(got + o, sizeof(got) - o, "%s%s:%c", i ? " " : "",
				      diags.items[i].code,
				      diags.items[i].severity == DIAG_ERROR ? 'E' : 'W');
	if (strcmp(got, expected) != 0) {
		for (size_t i = 0; i < diags.n; i++)
			print_message("  %d:%d %s\n", diags.items[i].line, diags.items[i].column,
				      diags.items[i].message);
		fail_msg("%s: got '%s', expected '%s'", path, got, expected);
	}
	diag_list_release(&diags);
}

static void check_mutation(struct validator *v, const char *from, const char *to,
			   const char *expected)
{
	const char *path = mutate(WINNER, from, to);

	expect_codes(v, path, expected);
	unlink(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tender_error err = {0};
	struct diag_list diags;

	tender_library_init();
	if (!f || validator_init(&f->plain, XML_DEFAULT_MAX_BYTES, &err) ||
	    validator_init(&f->with_tender, XML_DEFAULT_MAX_BYTES, &err))
		return -1;
	diag_list_init(&diags);
	if (validator_use_tender(&f->with_tender, SAMPLE "tender.xml", NULL, &diags) || diags.n)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	validator_release(&f->plain);
	validator_release(&f->with_tender);
	free(f);
	tender_library_cleanup();
	return 0;
}

static void test_samples_are_clean(void **state)
{
	struct fixture *f = *state;
	static const char *const files[] = {
		"bids/wessex-vale-care-partnership.xml", "bids/meridian-health-partners.xml",
		"bids/brightpath-care-solutions.xml",    "bids/castlegate-health-group.xml",
		"bids/avebury-healthcare.xml",           "bids/harnham-health.xml",
		"bids/avonbridge-integrated-care.xml",   "panel.xml",
		"tender.xml",
	};

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512];

		snprintf(path, sizeof(path), SAMPLE "%s", files[i]);
		expect_codes(&f->plain, path, "");
		expect_codes(&f->with_tender, path, "");
	}
}

static void test_consortium_checks(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;

	check_mutation(v, "<share-pct>52.00</share-pct>", "<share-pct>60.00</share-pct>",
		       "share-sum:E");
	check_mutation(v, "<share-pct>52.00</share-pct>", "<share-pct>120</share-pct>",
		       "percentage:E");
	check_mutation(v, "<share-pct>52.00</share-pct>", "<share-pct>-1</share-pct>",
		       "percentage:E");
	check_mutation(v, "role=\"prime\"", "role=\"partner\"", "prime:E");
	check_mutation(v, "id=\"M2\" role=\"partner\"", "id=\"M2\" role=\"prime\"", "prime:E");
	check_mutation(v, "delivered-by=\"M4\"", "delivered-by=\"M9\"", "service-member:E");
	check_mutation(v, "delivered-by=\"M4\"", "delivered-by=\"M3\"", "service-member:W");
	check_mutation(v, "<services>primary-care</services>",
		       "<services>primary-care acute</services>", "");
	check_mutation(v, "<service line=\"primary-care\" delivered-by=\"M4\">",
		       "<service line=\"primary-care\" delivered-by=\"M4 M4\">", "");
}

static void test_price_checks(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;

	check_mutation(v, "<total>767993645.75</total>", "<total>767993645.76</total>",
		       "price-sum:E");
	check_mutation(v, "<annual year=\"3\">", "<annual year=\"6\">",
		       "price-years:E");
	check_mutation(v, "<per-head-annual>2461.52</per-head-annual>",
		       "<per-head-annual>2461.53</per-head-annual>", "");
	check_mutation(v, "<per-head-annual>2461.52</per-head-annual>",
		       "<per-head-annual>2461.54</per-head-annual>", "per-head:E");
	check_mutation(v, "<total>767993645.75</total>", "<total>7.67993645e8</total>",
		       "money:E");
	check_mutation(v, "<annual year=\"1\">150236480.00</annual>",
		       "<annual year=\"1\">150,236,480.00</annual>", "money:E");
	check_mutation(v, "<annual year=\"1\">150236480.00</annual>",
		       "<annual year=\"1\">150236480.001</annual>", "money:E");
	check_mutation(v, "<price currency=\"GBP\"", "<price currency=\"XXX\"", "currency:E");
	check_mutation(v, "<outcomes-based-pct>15.00</outcomes-based-pct>",
		       "<outcomes-based-pct>100.01</outcomes-based-pct>", "percentage:E");
}

/* A price block whose five years add up to `total` (in pounds). */
static void check_price_block(struct validator *v, const char *years, const char *total,
			      const char *per_head, const char *expected)
{
	char block[512];
	const char *path;
	char *base = read_all(WINNER), *from = strstr(base, "<annual year=\"1\">"),
	     *to = strstr(base, "<outcomes-based-pct>");
	FILE *f;

	assert_non_null(from);
	assert_non_null(to);
	snprintf(block, sizeof(block), "%s<total>%s</total><per-head-annual>%s</per-head-annual>",
		 years, total, per_head);
	path = mutate(WINNER, "<annual year=\"1\">", "<annual year=\"1\">"); /* a copy */
	f = fopen(path, "wb");
	fwrite(base, 1, (size_t)(from - base), f);
	fputs(block, f);
	fputs(to, f);
	fclose(f);
	free(base);
	expect_codes(v, path, expected);
	unlink(path);
}

static void test_zero_and_negative_prices_are_warnings(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;

	/* The rule set decides what a zero or negative price means; validate
	 * warns, so that the bidder knows. */
	check_price_block(v, "<annual year=\"1\">0.00</annual>", "0", "0.00",
			  "price-nonpositive:W");
	check_price_block(v, "<annual year=\"1\">-5.00</annual><annual year=\"2\">1</annual>",
			  "-4.00", "0.00", "price-nonpositive:W");
	check_price_block(v, "<annual year=\"1\">62400.00</annual>", "62400.00", "1.00", "");
	check_price_block(v, "<annual year=\"2\">62400.00</annual>", "62400.00", "1.00",
			  "price-years:E");
	check_price_block(v,
			  "<annual year=\"1\">92233720368547758.07</annual>"
			  "<annual year=\"2\">1</annual>",
			  "1", "0.01", "money:E");
}

static void test_date_and_declaration_checks(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;

	check_mutation(v, "<mobilisation-start>2027-05-10", "<mobilisation-start>2027-10-02",
		       "dates:E");
	check_mutation(v, "<full-operation>2028-04-01", "<full-operation>2027-09-30",
		       "dates:E");
	check_mutation(v, "date=\"2027-03-", "date=\"2027-04-", "dates:E");
	check_mutation(v, "applies=\"false\"", "applies=\"true\"", "exclusion-ground:W");
	check_mutation(v, " local-authority=\"Wessex Vale County Council\"", "", "section-75:W");
}

static void test_checks_against_the_tender(void **state)
{
	struct validator *v = &((struct fixture *)*state)->with_tender;
	struct validator *plain = &((struct fixture *)*state)->plain;

	check_mutation(v, "tender=\"WV-ICB-2027-OPIC\"", "tender=\"OTHER\"", "tender-id:E");
	check_mutation(plain, "tender=\"WV-ICB-2027-OPIC\"", "tender=\"OTHER\"", "");
	check_mutation(v, "population=\"62400\"", "population=\"62401\"",
		       "population:E per-head:E");
	check_mutation(v, "<answer question=\"Q2\"", "<answer question=\"Q9\"",
		       "answer-missing:E answer-unknown:W");
	check_mutation(plain, "<answer question=\"Q2\"", "<answer question=\"Q9\"", "");
	check_mutation(v, "<service-start>2027-10-01", "<service-start>2027-09-30",
		       "dates:E");
	check_mutation(v, "<by>2030-03-31</by>", "<by>2033-03-31</by>", "dates:W");
}

/* Fail each allocation in turn while validating a full bid against the
 * tender: every run either completes with no findings or reports out of
 * memory, and nothing leaks (LeakSanitizer and valgrind watch). */
static void test_out_of_memory_at_every_allocation(void **state)
{
	struct validator *v = &((struct fixture *)*state)->with_tender;
	int completed = 0;
	long n;

	for (n = 0; n < 200000 && !completed; n++) {
		struct diag_list diags;
		enum doc_kind kind;
		enum tender_status rc;

		diag_list_init(&diags);
		alloc_fail_after(n);
		rc = validator_load(v, WINNER, &kind, NULL, &diags);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (completed) {
			assert_int_equal(rc, TENDER_OK);
			assert_int_equal(diags.n, 0);
		} else if (rc == TENDER_OK) {
			/* libxml2 reports some failures as XML errors: a finding,
			 * never a silent pass */
			assert_true(diags.n_errors > 0);
		}
		diag_list_release(&diags);
	}
	assert_true(completed);
	print_message("validated through %ld injected allocation failures\n", n - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples_are_clean),
		cmocka_unit_test(test_consortium_checks),
		cmocka_unit_test(test_price_checks),
		cmocka_unit_test(test_zero_and_negative_prices_are_warnings),
		cmocka_unit_test(test_date_and_declaration_checks),
		cmocka_unit_test(test_checks_against_the_tender),
		cmocka_unit_test(test_out_of_memory_at_every_allocation),
	};
	return cmocka_run_group_tests_name("validate", tests, setup, teardown);
}
