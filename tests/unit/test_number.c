/*
 * test_number.c - the one number module: exact decimals read from text and
 * through XPath (number(), sum(), a bare path), compared exactly on every
 * two-decimal band edge 0.00-100.00; fixed-point points with one rounding;
 * display half away from zero, never "-0". (e2e/locale-host runs the whole
 * evaluation in a host program under a decimal-comma locale.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "number.h"
#include "xml.h"
#include "xpath.h"

static struct decimal parse_ok(const char *text)
{
	struct decimal d;
	char why[128] = "";

	if (decimal_parse(text, &d, why, sizeof(why)))
		fail_msg("'%s' did not parse: %s", text, why);
	return d;
}

static void parse_bad(const char *text, const char *reason_part)
{
	struct decimal d = {7, 0};
	char why[128] = "";

	assert_int_equal(decimal_parse(text, &d, why, sizeof(why)), TENDER_ERR_INVALID);
	if (!strstr(why, reason_part))
		fail_msg("'%s': reason '%s' lacks '%s'", text, why, reason_part);
	assert_int_equal(d.coef, 7); /* untouched */
}

static void test_reads_decimals_exactly(void **state)
{
	(void)state;
	assert_string_equal(decimal_text(parse_ok("1.57")).s, "1.57");
	assert_string_equal(decimal_text(parse_ok(" \n 42 \t")).s, "42");
	assert_string_equal(decimal_text(parse_ok("-0")).s, "0");
	assert_string_equal(decimal_text(parse_ok("-0.000")).s, "0");
	assert_string_equal(decimal_text(parse_ok("2.50000000000000000000000000")).s, "2.5");
	/* ~70 leading zeros used to read as 0 (a 64-byte buffer) */
	assert_string_equal(
		decimal_text(parse_ok("0000000000000000000000000000000000000000000000000000000"
				      "0000000000000004")).s,
		"4");
	assert_string_equal(decimal_text(parse_ok("123456789012345678")).s, "123456789012345678");
	assert_string_equal(decimal_text(parse_ok("0.000000000000000001")).s,
			    "0.000000000000000001");
	parse_bad("1234567890123456789", "more than 18 significant digits");
	parse_bad("0.0000000000000000001", "more than 18 decimal places");
	parse_bad("1e5", "exponent");
	parse_bad("1,000", "thousands separator");
	parse_bad("+1", "plus sign");
	parse_bad(".5", "no digits before the decimal point");
	parse_bad("5.", "no digits after the decimal point");
	parse_bad("", "empty");
	parse_bad("five", "letters");
}

static void test_compares_exactly(void **state)
{
	(void)state;
	assert_int_equal(decimal_cmp(parse_ok("1.57"), parse_ok("1.570")), 0);
	assert_true(decimal_cmp(parse_ok("0.1"), parse_ok("0.10000000000000001")) < 0);
	assert_true(decimal_cmp(parse_ok("-2"), parse_ok("-1.99999999999999999")) < 0);
	assert_true(decimal_cmp(parse_ok("100000000000000000"), parse_ok("0.000000000000000001")) >
		    0);
}

/* The value of expression over <v>TEXT</v>, exactly. */
static struct decimal through_xpath(const char *text, const char *expression)
{
	char xml[128], why[256];
	struct xml_doc *doc = NULL;
	struct tender_error err = {0};
	struct xpath_env env;
	struct xpath_expr e;
	struct xpath_bindings none = {0};
	struct decimal d = {0, 0};
	char *raw = NULL;
	int is_number = 0;

	snprintf(xml, sizeof(xml), "<v>%s</v>", text);
	assert_int_equal(xml_load_memory(xml, strlen(xml), "v.xml", &doc, &err), TENDER_OK);
	assert_int_equal(xpath_compile(expression, &e, why, sizeof(why)), TENDER_OK);
	assert_int_equal(xpath_env_init(&env, xml_doc_tree(doc), &none, NULL), TENDER_OK);
	assert_int_equal(xpath_decimal(&env, &e, &d, &is_number, &raw), TENDER_OK);
	assert_true(is_number);
	tender_free(raw);
	xpath_env_release(&env);
	xpath_expr_release(&e);
	xml_doc_free(doc);
	return d;
}

/* A bid exactly on a band edge is on it, for every two-decimal value
 * 0.00-100.00, whether the rule reads it with number(), sum() or a path:
 * libxml2's own conversion disagreed with the rule's for 43 of them. */
static void test_every_band_edge(void **state)
{
	static const char *const expressions[] = {"number(/v)", "/v", "sum(/v)"};

	(void)state;
	for (int cents = 0; cents <= 10000; cents++) {
		char text[16];
		struct decimal edge;

		snprintf(text, sizeof(text), "%d.%02d", cents / 100, cents % 100);
		edge = parse_ok(text);
		for (size_t k = 0; k < 3; k++) {
			struct decimal v = through_xpath(text, expressions[k]);

			if (decimal_cmp(v, edge) != 0)
				fail_msg("%s of %s gave %s", expressions[k], text,
					 decimal_text(v).s);
		}
	}
}

static void test_computed_doubles(void **state)
{
	struct decimal d;
	char why[128];

	(void)state;
	assert_int_equal(decimal_from_double(0.1 + 0.2, &d, why, sizeof(why)), TENDER_OK);
	assert_string_equal(decimal_text(d).s, "0.30000000000000004");
	assert_int_equal(decimal_from_double(1e17, &d, why, sizeof(why)), TENDER_OK);
	assert_string_equal(decimal_text(d).s, "100000000000000000");
	assert_int_equal(decimal_from_double(1e30, &d, why, sizeof(why)), TENDER_ERR_INVALID);
	assert_int_equal(decimal_from_double(0.0 / 0.0 * 0, &d, why, sizeof(why)),
			 TENDER_ERR_INVALID);
}

static void test_display_rounds_half_away_from_zero(void **state)
{
	(void)state;
	/* 0.125 is a binary tie that printf rounds to 0.12 */
	assert_string_equal(points_text(POINTS_ONE / 8, 2).s, "0.13");
	assert_string_equal(points_text(-POINTS_ONE / 8, 2).s, "-0.13");
	assert_string_equal(points_text(5625 * (POINTS_ONE / 1000), 2).s, "5.63");
	assert_string_equal(points_text(-1, 2).s, "0.00"); /* never -0.00 */
	assert_string_equal(points_text(0, 0).s, "0");
	assert_string_equal(points_text(99999 * (POINTS_ONE / 1000), 2).s, "100.00");
	assert_string_equal(points_exact(POINTS_ONE * 100 / 3).s, "33.333333333333");
	assert_string_equal(points_exact(-POINTS_ONE / 2).s, "-0.5");
}

static void test_points_ratio_rounds_once(void **state)
{
	int64_t p = 0;

	(void)state;
	assert_int_equal(points_ratio(40 * POINTS_ONE, 1, 3, &p), TENDER_OK);
	assert_int_equal(p, 13333333333333);
	assert_int_equal(points_ratio(40 * POINTS_ONE, 2, 3, &p), TENDER_OK);
	assert_int_equal(p, 26666666666667);
	assert_int_equal(points_ratio(INT64_MAX, INT64_MAX, 1, &p), TENDER_ERR_LIMIT);
	/* reduced before multiplying: no false overflow */
	assert_int_equal(points_ratio(INT64_MAX / 2, (number_wide)1 << 100, (number_wide)1 << 100,
				      &p),
			 TENDER_OK);
	assert_int_equal(p, INT64_MAX / 2);
}

/* A penny apart is apart, at £100m and at £1bn alike (a tolerance in points
 * made 1p a tie at £1bn and not at £100m). */
static void test_a_penny_apart(void **state)
{
	static const int64_t lows[] = {INT64_C(10000000000), INT64_C(100000000000),
				       INT64_C(10000000000000)};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		int64_t a = 0, b = 0;

		assert_int_equal(points_ratio(40 * POINTS_ONE, lows[i], lows[i], &a), TENDER_OK);
		assert_int_equal(points_ratio(40 * POINTS_ONE, lows[i], lows[i] + 1, &b), TENDER_OK);
		assert_true(a > b);
	}
}

static void test_ratios(void **state)
{
	struct ratio third = ratio_reduce((struct ratio){10, 3});

	(void)state;
	assert_string_equal(ratio_text(third).s, "3.333333333333…");
	assert_string_equal(ratio_text(ratio_reduce((struct ratio){17, 2})).s, "8.5");
	assert_string_equal(ratio_text(ratio_reduce((struct ratio){20, 3})).s, "6.666666666667…");
	assert_true(ratio_cmp_decimal(third, parse_ok("3.33333333333333333")) > 0);
	assert_true(ratio_cmp_decimal(third, parse_ok("3.34")) < 0);
	assert_int_equal(ratio_cmp_decimal((struct ratio){5, 2}, parse_ok("2.5")), 0);
	assert_int_equal(ratio_cmp_decimal((struct ratio){-5, 2}, parse_ok("-2.5")), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_decimals_exactly),
		cmocka_unit_test(test_compares_exactly),
		cmocka_unit_test(test_every_band_edge),
		cmocka_unit_test(test_computed_doubles),
		cmocka_unit_test(test_display_rounds_half_away_from_zero),
		cmocka_unit_test(test_points_ratio_rounds_once),
		cmocka_unit_test(test_a_penny_apart),
		cmocka_unit_test(test_ratios),
	};

	tender_library_init();
	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
