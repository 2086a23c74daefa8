/*
 * test_money.c - money text to minor units and back: every accepted form,
 * every rejected form with its reason, overflow at the int64 edge.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "money.h"

static int64_t parse_ok(const char *text, int decimals)
{
	char why[160] = "";
	int64_t v = -12345;

	assert_int_equal(money_parse(text, decimals, &v, why, sizeof(why)), TENDER_OK);
	return v;
}

static void parse_bad(const char *text, int decimals, const char *reason_part)
{
	char why[160] = "";
	int64_t v = 777;

	assert_int_equal(money_parse(text, decimals, &v, why, sizeof(why)), TENDER_ERR_INVALID);
	assert_int_equal(v, 777); /* untouched on failure */
	if (!strstr(why, reason_part))
		fail_msg("'%s': reason '%s' does not mention '%s'", text, why, reason_part);
}

static void test_accepts_plain_decimals(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("152000000.00", 2), INT64_C(15200000000));
	assert_int_equal(parse_ok("152000000", 2), INT64_C(15200000000));
	assert_int_equal(parse_ok("1.5", 2), 150);
	assert_int_equal(parse_ok("0.01", 2), 1);
	assert_int_equal(parse_ok("  42.10\n", 2), 4210);
	assert_int_equal(parse_ok("-3.25", 2), -325);
	assert_int_equal(parse_ok("007", 0), 7);
	assert_int_equal(parse_ok("1.234", 3), 1234);
	assert_int_equal(parse_ok("0", 2), 0);
}

static void test_edges_of_int64(void **state)
{
	(void)state;
	assert_true(parse_ok("92233720368547758.07", 2) == INT64_MAX);
	assert_true(parse_ok("-92233720368547758.08", 2) == INT64_MIN);
	parse_bad("92233720368547758.08", 2, "too large");
	parse_bad("99999999999999999999", 2, "too large");
	parse_bad("9223372036854775808", 0, "too large");
	parse_bad("92233720368547758080", 0, "too large");
}

static void test_rejects_what_people_write(void **state)
{
	(void)state;
	parse_bad("1.5e8", 2, "exponent");
	parse_bad("15E6", 2, "exponent");
	parse_bad("152,000,000.00", 2, "thousands separator ','");
	parse_bad("152 000 000", 2, "thousands separator ' '");
	parse_bad("152'000", 2, "thousands separator");
	parse_bad("£152000000", 2, "currency symbol");
	parse_bad("GBP 10", 2, "currency symbol");
	parse_bad("$10", 2, "currency symbol");
	parse_bad("+10", 2, "plus sign");
	parse_bad("1.234", 2, "3 decimal places; at most 2");
	parse_bad("1.5", 0, "this currency has none");
	parse_bad("", 2, "empty");
	parse_bad("   ", 2, "empty");
	parse_bad("-", 2, "no digits");
	parse_bad(".50", 2, "no digits before");
	parse_bad("152.", 2, "no digits after");
	parse_bad("1..2", 2, "no digits after");
	parse_bad("1-2", 2, "'-'");
	parse_bad("0x10", 2, "letters");
}

static void test_format_groups_thousands(void **state)
{
	char buf[48];

	(void)state;
	money_format(INT64_C(15200000000), 2, buf, sizeof(buf));
	assert_string_equal(buf, "152,000,000.00");
	money_format(5, 2, buf, sizeof(buf));
	assert_string_equal(buf, "0.05");
	money_format(-123456, 2, buf, sizeof(buf));
	assert_string_equal(buf, "-1,234.56");
	money_format(1000, 0, buf, sizeof(buf));
	assert_string_equal(buf, "1,000");
	money_format(INT64_MIN, 2, buf, sizeof(buf));
	assert_string_equal(buf, "-92,233,720,368,547,758.08");
	money_format(INT64_C(1234567), 3, buf, sizeof(buf));
	assert_string_equal(buf, "1,234.567");
	money_format(INT64_C(15200000000), 2, buf, 6); /* truncates, terminates */
	assert_string_equal(buf, "152,0");
}

static void test_format_then_parse_round_trips(void **state)
{
	const int64_t values[] = {0, 1, 99, 100, 123456789, INT64_C(76799364575), -42};

	(void)state;
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		char text[48], plain[48];
		size_t o = 0;

		money_format(values[i], 2, text, sizeof(text));
		for (const char *p = text; *p; p++)
			if (*p != ',')
				plain[o++] = *p;
		plain[o] = '\0';
		assert_true(parse_ok(plain, 2) == values[i]);
	}
}

static void test_currency_decimals(void **state)
{
	(void)state;
	assert_int_equal(currency_decimals("GBP"), 2);
	assert_int_equal(currency_decimals("JPY"), 0);
	assert_int_equal(currency_decimals("KWD"), 3);
	assert_int_equal(currency_decimals("XXX"), -1);
	assert_int_equal(currency_decimals("gbp"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts_plain_decimals),
		cmocka_unit_test(test_edges_of_int64),
		cmocka_unit_test(test_rejects_what_people_write),
		cmocka_unit_test(test_format_groups_thousands),
		cmocka_unit_test(test_format_then_parse_round_trips),
		cmocka_unit_test(test_currency_decimals),
	};
	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
