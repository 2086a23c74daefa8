/*
 * test_market.c - market concentration after an award: which incumbents a
 * bid brings together, the Herfindahl-Hirschman Index before and after,
 * worked out here by hand, and how an HHI is written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "market.h"

/* 38.5, 21, 14.5, 9, 6 (the sample tender's market) */
static struct market_share shares[] = {
	{"Wessex Vale Hospitals NHS Foundation Trust", 3850},
	{"Vale and Downs Partnership NHS Trust", 2100},
	{"Wessex Vale County Council", 1450},
	{"Wyvern Home Care Ltd", 900},
	{"Homeward Care Wessex Ltd", 600},
};
static const struct competition tender = {.market = shares, .n_market = 5};

static void test_consortium_of_incumbents(void **state)
{
	char *members[] = {"Wessex Vale Hospitals NHS Foundation Trust",
			   "VALE AND DOWNS PARTNERSHIP NHS TRUST", "Wessex Vale County Council",
			   "Wessex Vale Primary Care Collaborative Ltd"};
	struct market_effect e;

	(void)state;
	assert_int_equal(market_effect(&tender, members[0], members, 4, &e), TENDER_OK);
	/* before: 38.5² + 21² + 14.5² + 9² + 6² = 1482.25 + 441 + 210.25 + 81 + 36 */
	assert_int_equal(e.hhi_before, 22505000);
	/* after: (38.5 + 21 + 14.5)² + 9² + 6² = 5476 + 81 + 36 */
	assert_int_equal(e.hhi_after, 55930000);
	assert_int_equal(e.combined, 7400);
	assert_int_equal(e.n_matched, 3);
	assert_int_equal(e.matched[1], 1);
	market_effect_release(&e);
}

static void test_one_incumbent_changes_nothing(void **state)
{
	char *members[] = {"Castlegate Health Group plc", "Wyvern Home Care Limited"};
	struct market_effect e;

	(void)state;
	assert_int_equal(market_effect(&tender, members[0], members, 2, &e), TENDER_OK);
	assert_int_equal(e.n_matched, 1);
	assert_int_equal(e.hhi_after, e.hhi_before);
	market_effect_release(&e);
	/* no incumbent at all */
	assert_int_equal(market_effect(&tender, "Newco", NULL, 0, &e), TENDER_OK);
	assert_int_equal(e.n_matched, 0);
	assert_int_equal(e.combined, 0);
	assert_int_equal(e.hhi_after, e.hhi_before);
	market_effect_release(&e);
}

static void test_no_market(void **state)
{
	const struct competition empty = {0};
	struct market_effect e;

	(void)state;
	assert_int_equal(market_effect(&empty, "Anyone", NULL, 0, &e), TENDER_OK);
	assert_int_equal(e.hhi_before, 0);
	assert_int_equal(e.hhi_after, 0);
	market_effect_release(&e);
}

static void test_hhi_text(void **state)
{
	char buf[48];

	(void)state;
	market_hhi_text(22505000, buf, sizeof(buf));
	assert_string_equal(buf, "2,250.5");
	market_hhi_text(55930000, buf, sizeof(buf));
	assert_string_equal(buf, "5,593");
	market_hhi_text(14822500, buf, sizeof(buf));
	assert_string_equal(buf, "1,482.25");
	market_hhi_text(100000000, buf, sizeof(buf));
	assert_string_equal(buf, "10,000");
	market_hhi_text(0, buf, sizeof(buf));
	assert_string_equal(buf, "0");
	/* 0.333... of a point (shares 0.01% and 0.57%: 0.0001 + 0.3249) rounds to 0.33;
	 * 999.995 rounds half up to 1,000 */
	market_hhi_text(3250, buf, sizeof(buf));
	assert_string_equal(buf, "0.33");
	market_hhi_text(9999950, buf, sizeof(buf));
	assert_string_equal(buf, "1,000");
}

static void test_out_of_memory(void **state)
{
	struct market_effect e;

	(void)state;
	alloc_fail_after(0);
	assert_int_equal(market_effect(&tender, "x", NULL, 0, &e), TENDER_ERR_NOMEM);
	alloc_fail_after(-1);
	market_effect_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consortium_of_incumbents),
		cmocka_unit_test(test_one_incumbent_changes_nothing),
		cmocka_unit_test(test_no_market),
		cmocka_unit_test(test_hhi_text),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
