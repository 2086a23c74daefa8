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

/* Validates path and checks that a diagnostic with this code says `part`. */
static void expect_message(struct validator *v, const char *path, const char *code,
			   const char *part)
{
	struct diag_list diags;
	enum doc_kind kind;
	int found = 0;

	diag_list_init(&diags);
	assert_int_equal(validator_load(v, path, &kind, NULL, &diags), TENDER_OK);
	for (size_t i = 0; i < diags.n; i++)
		found |= strcmp(diags.items[i].code, code) == 0 &&
			 strstr(diags.items[i].message, part) != NULL;
	if (!found) {
		for (size_t i = 0; i < diags.n; i++)
			print_message("  %s: %s\n", diags.items[i].code, diags.items[i].message);
		fail_msg("%s: no %s diagnostic says '%s'", path, code, part);
	}
	diag_list_release(&diags);
}

static void check_mutation_says(struct validator *v, const char *from, const char *to,
				const char *expected, const char *code, const char *part)
{
	const char *path = mutate(WINNER, from, to);

	expect_codes(v, path, expected);
	expect_message(v, path, code, part);
	unlink(path);
}

/* Text made of `n` copies of `unit` between `before` and `after` (static
 * buffer). */
static const char *repeated(const char *before, const char *unit, size_t n, const char *after)
{
	static char text[16384];
	size_t o = (size_t)snprintf(text, sizeof(text), "%s", before);

	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(text + o, sizeof(text) - o, "%s", unit);
	snprintf(text + o, sizeof(text) - o, "%s", after);
	assert_true(strlen(text) + 1 < sizeof(text));
	return text;
}

/* Overflow in the price arithmetic: every message stays true. */
static void test_price_arithmetic_never_overflows(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;

	/* total - sum beyond int64_t */
	check_price_block(v, "<annual year=\"1\">-92233720368547758.08</annual>",
			  "92233720368547758.07", "1478104493085.70", "price-sum:E");
	/* total + divisor / 2 would overflow: the per-head price is still checked */
	check_price_block(v, "<annual year=\"1\">92233720368547758.07</annual>",
			  "92233720368547758.07", "1478104493085.70", "");
	check_price_block(v, "<annual year=\"1\">92233720368547758.07</annual>",
			  "92233720368547758.07", "1478104493085.72", "per-head:E");
	/* years * population beyond 64 bits */
	check_mutation_says(v, "population=\"62400\"", "population=\"9000000000000000000\"",
			    "per-head:E", "per-head",
			    "for 9000000000000000000 people is 0.00 a head a year");
	/* a per-head price of INT64_MIN: per_head - expected would overflow */
	check_mutation_says(v, "<per-head-annual>2461.52</per-head-annual>",
			    "<per-head-annual>-92233720368547758.08</per-head-annual>",
			    "per-head:E", "per-head", "is 2,461.52 a head a year");
}

static void test_money_difference_is_exact(void **state)
{
	char buf[48];

	(void)state;
	check_money_difference(INT64_MAX, INT64_MIN, 2, buf, sizeof(buf));
	assert_string_equal(buf, "184,467,440,737,095,516.15");
	check_money_difference(INT64_MIN, INT64_MAX, 2, buf, sizeof(buf));
	assert_string_equal(buf, "-184,467,440,737,095,516.15");
	check_money_difference(INT64_MAX, -1, 0, buf, sizeof(buf));
	assert_string_equal(buf, "9,223,372,036,854,775,808");
	check_money_difference(5, 7, 2, buf, sizeof(buf));
	assert_string_equal(buf, "-0.02");
}

/* Integers beyond 64 bits are read, never silently taken as 0. */
static void test_integers_beyond_64_bits(void **state)
{
	struct fixture *f = *state;
	struct validator big_tender;
	struct tender_error err = {0};
	struct diag_list diags;
	const char *tender_path;
	uint64_t value = 7;
	long long ll = 7;
	char *digits = NULL;

	assert_int_equal(check_integer("62400", &value, &digits), TENDER_OK);
	assert_true(value == 62400);
	tender_free(digits);
	assert_int_equal(check_integer("+0062400", &value, &digits), TENDER_OK);
	assert_string_equal(digits, "62400");
	tender_free(digits);
	assert_int_equal(check_integer("18446744073709551615", &value, NULL), TENDER_OK);
	assert_true(value == UINT64_MAX);
	assert_int_equal(check_integer("18446744073709551616", &value, &digits), TENDER_ERR_LIMIT);
	tender_free(digits);
	assert_int_equal(check_integer("99999999999999999999", &value, &digits), TENDER_ERR_LIMIT);
	assert_true(value == UINT64_MAX);
	assert_string_equal(digits, "99999999999999999999");
	tender_free(digits);
	/* every digit, however many: no buffer decides the value */
	assert_int_equal(check_integer(repeated("+", "0", 200, "1"), &value, &digits), TENDER_OK);
	assert_true(value == 1);
	assert_string_equal(digits, "1");
	tender_free(digits);
	assert_int_equal(check_integer(repeated("1", "0", 200, ""), &value, &digits),
			 TENDER_ERR_LIMIT);
	assert_int_equal(strlen(digits), 201);
	tender_free(digits);
	value = 7;
	assert_int_equal(check_integer("", &value, &digits), TENDER_ERR_INVALID);
	assert_null(digits);
	assert_int_equal(check_integer("12a", &value, NULL), TENDER_ERR_INVALID);
	assert_int_equal(check_integer("-1", &value, NULL), TENDER_ERR_INVALID);
	assert_true(value == 7);
	assert_int_equal(check_uint("9223372036854775807", &ll), 1);
	assert_int_equal(check_uint("9223372036854775808", &ll), 0);

	/* in a bid: the per-head check sees the population, and says it */
	check_mutation_says(&f->plain, "population=\"62400\"",
			    "population=\"99999999999999999999\"", "per-head:E", "per-head",
			    "for 99999999999999999999 people is 0.00 a head a year");
	check_mutation_says(&f->with_tender, "population=\"62400\"",
			    "population=\"99999999999999999999\"", "population:E per-head:E",
			    "population", "a population of 99999999999999999999, but");
	/* a value is read whole, however long: 100 leading zeros are the same
	 * number, and the tender's population is compared with all its digits */
	check_mutation(&f->plain, "population=\"62400\"",
		       repeated("population=\"", "0", 100, "62400\""), "");
	check_mutation(&f->with_tender, "population=\"62400\"",
		       repeated("population=\"", "0", 100, "62400\""), "");

	/* in the tender: beyond the documented range (1 to 10^10), refused and
	 * quoted exactly */
	tender_path = mutate(SAMPLE "tender.xml", "<population>62400</population>",
			     "<population>99999999999999999999</population>");
	assert_int_equal(validator_init(&big_tender, XML_DEFAULT_MAX_BYTES, &err), TENDER_OK);
	diag_list_init(&diags);
	assert_int_equal(validator_use_tender(&big_tender, tender_path, NULL, &diags),
			 TENDER_ERR_INVALID);
	assert_int_equal(diags.n, 1);
	assert_string_equal(diags.items[0].code, "range");
	assert_string_equal(diags.items[0].message,
			    "the population 99999999999999999999 is out of range: it must be "
			    "between 1 and 10000000000");
	diag_list_release(&diags);
	unlink(tender_path);
	validator_release(&big_tender);
}

/* Values are read whole: indentation and long lists never cause a finding
 * of their own. */
static void test_long_values_are_read_whole(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;

	check_mutation(v, "<total>767993645.75</total>",
		       repeated("<total>\n", " ", 120, "767993645.75\n    </total>"), "");
	/* what follows the spaces is seen too: never cut off silently */
	check_mutation(v, "<total>767993645.75</total>",
		       repeated("<total>767993645.75", " ", 120, "1</total>"), "money:E");
	check_mutation(v, "<services>acute community</services>",
		       repeated("<services>", "\n                    ", 40,
				"acute\n                    community\n      </services>"),
		       "");
	check_mutation(v, "delivered-by=\"M1 M2 M5\"",
		       repeated("delivered-by=\"M1 M2 M5", " M2 M5 M1", 200, "\""), "");
	check_mutation_says(v, "delivered-by=\"M1 M2 M5\"",
			    repeated("delivered-by=\"M1 M2 M5", " M2 M5 M1", 200, " M9\""),
			    "service-member:E", "service-member", "delivered by 'M9'");
}

static void test_blank_answer_is_not_an_answer(void **state)
{
	struct fixture *f = *state;

	check_mutation_says(&f->plain, "<answer question=\"Q2\">",
			    "<answer question=\"Q2\"> \n\t </answer><answer question=\"Q9\">",
			    "answer-missing:E", "answer-missing",
			    "the answer to question Q2 is blank");
	check_mutation(&f->with_tender, "<answer question=\"Q2\">",
		       "<answer question=\"Q2\"> \n\t </answer><answer question=\"Q9\">",
		       "answer-missing:E answer-unknown:W");
}

static void test_dates_compare_as_dates(void **state)
{
	struct validator *v = &((struct fixture *)*state)->plain;
	struct check_date d;
	long long year;

	(void)state;
	assert_true(check_date_cmp("2027-10-01", "2027-10-02") < 0);
	assert_true(check_date_cmp("2027-10-02", "2027-10-01") > 0);
	assert_true(check_date_cmp("2027-10-01", "2027-10-01") == 0);
	assert_true(check_date_cmp("12027-10-01", "2028-04-01") > 0); /* not "1202" < "2028" */
	assert_true(check_date_cmp("100000-01-01", "99999-12-31") > 0);
	assert_true(check_date_cmp("2027-10-01Z", "2027-10-01+14:00") == 0);
	assert_true(check_date_cmp("2027-10-01-05:00", "2027-10-02") < 0);
	assert_true(check_date_cmp(" 2027-10-01\n", "2027-10-01") == 0);
	assert_true(check_date_cmp("-0044-03-15", "0001-01-01") < 0);
	assert_true(check_date_cmp("-0045-12-31", "-0044-01-01") < 0); /* 45 BCE first */
	assert_true(check_date_cmp("-0044-02-01", "-0044-01-01") > 0);
	assert_true(check_date_cmp("02028-01-01", "2027-12-31") > 0);
	assert_int_equal(check_date_parse("2027-9-01", &d), 0);
	assert_int_equal(check_date_parse("27-09-01", &d), 0);
	assert_int_equal(check_date_parse("2027-13-01", &d), 0);
	assert_int_equal(check_date_parse("2027-10-01+15:00", &d), 0);
	assert_int_equal(check_date_parse("2027-10-01T00:00", &d), 0);
	assert_int_equal(check_date_parse("-12027-10-01Z", &d), 1);
	assert_int_equal(check_date_year(&d, &year), 1);
	assert_true(year == -12027);
	assert_int_equal(check_date_parse("1234567890123456789-01-01", &d), 1);
	assert_int_equal(check_date_year(&d, &year), 0);

	check_mutation_says(v, "<service-start>2027-10-01", "<service-start>12027-10-01", "dates:E",
			    "dates", "full operation (2028-04-01) comes before");
}

/* Text quoted from a bid cannot forge a line or hide what it says. */
static void test_diagnostics_escape_what_could_disguise_them(void **state)
{
	static const struct {
		const char *in, *shown;
	} cases[] = {
	    {"a\nb\rc\td", "a\\nb\\rc\\td"},
	    {"\x1b[31mred\x7f\x01", "\\x1B[31mred\\x7F\\x01"},
	    {"evil\xe2\x80\xaetxt.exe", "evil\\u{202E}txt.exe"},  /* RLO */
	    {"\xe2\x81\xa6x\xe2\x81\xa9", "\\u{2066}x\\u{2069}"}, /* isolates */
	    {"zero\xe2\x80\x8bwidth\xef\xbb\xbf", "zero\\u{200B}width\\u{FEFF}"},
	    {"line\xe2\x80\xa8sep", "line\\u{2028}sep"},
	    {"c1\xc2\x85", "c1\\u{0085}"},
	    {"tag\xf3\xa0\x81\x81", "tag\\u{E0041}"},
	    {"bad\xff\xc3", "bad\\xFF\\xC3"},
	    {"caf\xc3\xa9 \xc2\xa3 \xe2\x82\xac \xf0\x9f\x98\x80 back\\slash",
	     "caf\xc3\xa9 \xc2\xa3 \xe2\x82\xac \xf0\x9f\x98\x80 back\\slash"},
	};
	struct diag_list diags;
	char big[1100], out[8];

	(void)state;
	diag_list_init(&diags);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(diag_add(&diags, DIAG_ERROR, 1, 1, "x", "'%s'", cases[i].in),
				 TENDER_OK);
		assert_true(diags.items[i].message[0] == '\'');
		if (strncmp(diags.items[i].message + 1, cases[i].shown, strlen(cases[i].shown)))
			fail_msg("case %zu: shown as '%s'", i, diags.items[i].message);
	}
	/* a message cut to its 1023 bytes never ends in half a character */
	memset(big, 'x', sizeof(big));
	memcpy(big + 1022, "\xc3\xa9", 2);
	big[1024] = '\0';
	assert_int_equal(diag_add(&diags, DIAG_ERROR, 1, 1, "x", "%s", big), TENDER_OK);
	assert_int_equal(strlen(diags.items[diags.n - 1].message), 1022);
	diag_list_release(&diags);
	/* an escape is never cut in half */
	assert_int_equal(diag_escape("ab\n", out, 4), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(diag_escape("\xe2\x80\xae", out, 8), 0);
	assert_string_equal(out, "");
}

/* A file given as the tender is reported as what it is. */
static void test_tender_kind_says_what_the_file_is(void **state)
{
	struct validator v;
	struct tender_error err = {0};
	struct diag_list diags;
	enum doc_kind kind = DOC_TENDER;

	(void)state;
	assert_int_equal(validator_init(&v, XML_DEFAULT_MAX_BYTES, &err), TENDER_OK);
	diag_list_init(&diags);
	assert_int_equal(validator_use_tender_kind(&v, WINNER, NULL, &kind, &diags),
			 TENDER_ERR_INVALID);
	assert_int_equal(kind, DOC_BID);
	diag_list_release(&diags);
	assert_int_equal(validator_use_tender_kind(&v, SAMPLE "no-such-file.xml", NULL, &kind,
						   &diags),
			 TENDER_ERR_IO);
	assert_int_equal(kind, DOC_UNKNOWN);
	diag_list_release(&diags);
	assert_int_equal(validator_use_tender_kind(&v, SAMPLE "tender.xml", NULL, &kind, &diags),
			 TENDER_OK);
	assert_int_equal(kind, DOC_TENDER);
	diag_list_release(&diags);
	validator_release(&v);
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
		cmocka_unit_test(test_price_arithmetic_never_overflows),
		cmocka_unit_test(test_money_difference_is_exact),
		cmocka_unit_test(test_integers_beyond_64_bits),
		cmocka_unit_test(test_long_values_are_read_whole),
		cmocka_unit_test(test_blank_answer_is_not_an_answer),
		cmocka_unit_test(test_dates_compare_as_dates),
		cmocka_unit_test(test_diagnostics_escape_what_could_disguise_them),
		cmocka_unit_test(test_tender_kind_says_what_the_file_is),
		cmocka_unit_test(test_out_of_memory_at_every_allocation),
	};
	return cmocka_run_group_tests_name("validate", tests, setup, teardown);
}
