/*
 * test_standstill.c - the standstill period of each regime on dates worked
 * by hand around Christmas 2026 and Easter 2027 (law/README.md shows the
 * working day by day), against the shipped bank holidays; and the shipped
 * tables themselves (law/bank-holidays.csv, compiled in) and their reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "calendar.h"
#include "csv.h"
#include "embedded.h"
#include "standstill.h"

static struct holidays holidays;

static int setup(void **state)
{
	(void)state;
	return holidays_load(&holidays) != TENDER_OK;
}

static int teardown(void **state)
{
	(void)state;
	holidays_release(&holidays);
	return 0;
}

/* The standstill of regime from a notice on y-m-d ends on want (YYYY-MM-DD)
 * and skips exactly the days listed (comma-separated MM-DD, "" for none). */
static void check(enum regime regime, int sent_other, const char *notice, const char *want,
		  const char *want_skipped)
{
	struct standstill_input in = {regime, 0, sent_other, 0, NULL, 0};
	struct standstill s;
	char got[CALENDAR_ISO_SIZE], skipped[256] = "";
	long long y;
	int m, d;

	assert_int_equal(sscanf(notice, "%lld-%d-%d", &y, &m, &d), 3);
	in.notice = calendar_days(y, m, d);
	assert_int_equal(standstill_count(&in, &holidays, &s), TENDER_OK);
	calendar_iso(s.ends, got);
	assert_string_equal(got, want);
	for (size_t i = 0; i < s.n_skipped; i++) {
		calendar_date(s.skipped[i].day, &y, &m, &d);
		snprintf(skipped + strlen(skipped), sizeof(skipped) - strlen(skipped), "%s%02d-%02d",
			 i ? "," : "", m, d);
	}
	assert_string_equal(skipped, want_skipped);
	standstill_release(&s);
}

/* PSR 2023 reg 12: begins the day after the notice; ends at midnight at the
 * end of the 8th working day after the day it begins (England). */
static void test_psr(void **state)
{
	(void)state;
	/* Tue 22 Dec 2026: begins Wed 23; 24 (1), 29-31 (2-4), 4-7 Jan (5-8) */
	check(REGIME_PSR_2023, 0, "2026-12-22", "2027-01-07",
	      "12-25,12-26,12-27,12-28,01-01,01-02,01-03");
	/* Wed 24 Mar 2027: begins Thu 25; 30 Mar-2 Apr (1-4), 5-8 Apr (5-8) */
	check(REGIME_PSR_2023, 0, "2027-03-24", "2027-04-08", "03-26,03-27,03-28,03-29,04-03,04-04");
}

/* PA 2023 s.51: 8 working days beginning with the day of the notice; not a
 * working day: a bank holiday in any part of the UK (Scotland's 2 January
 * substitute, Mon 4 Jan 2027, included). */
static void test_pa(void **state)
{
	(void)state;
	check(REGIME_PA_2023, 0, "2026-12-22", "2027-01-06",
	      "12-25,12-26,12-27,12-28,01-01,01-02,01-03,01-04");
	check(REGIME_PA_2023, 0, "2027-03-24", "2027-04-06", "03-26,03-27,03-28,03-29,04-03,04-04");
}

/* PCR 2015 reg 87: the 10th day after sending by electronic means (15th
 * otherwise), carried past a day that is not a working day. */
static void test_pcr(void **state)
{
	(void)state;
	/* the 10th day, Fri 1 Jan 2027, is New Year's Day: Mon 4 Jan */
	check(REGIME_PCR_2015, 0, "2026-12-22", "2027-01-04", "01-01,01-02,01-03");
	/* the 10th day is Sat 3 Apr 2027: Mon 5 Apr */
	check(REGIME_PCR_2015, 0, "2027-03-24", "2027-04-05", "04-03,04-04");
	check(REGIME_PCR_2015, 1, "2026-12-22", "2027-01-06", "");
	/* 15 days from Thu 11 Mar 2027 is Good Friday: past Easter to Tue 30 Mar */
	check(REGIME_PCR_2015, 1, "2027-03-11", "2027-03-30", "03-26,03-27,03-28,03-29");
	check(REGIME_NHS_2013, 0, "2026-12-22", "2027-01-04", "01-01,01-02,01-03");
	check(REGIME_NHS_2013, 0, "2027-03-24", "2027-04-05", "04-03,04-04");
	check(REGIME_NHS_2013, 1, "2027-03-24", "2027-04-08", "");
}

/* A count through a year the shipped table does not cover needs the
 * tender's own non-working days for it. */
static void test_uncovered_year(void **state)
{
	struct standstill_input in = {REGIME_PCR_2015, 0, 0, 0, NULL, 0};
	struct standstill_extra_day christmas[] = {{0, "Christmas Day"}};
	struct standstill s;

	(void)state;
	in.notice = calendar_days(2019, 12, 13);
	assert_int_equal(standstill_count(&in, &holidays, &s), TENDER_ERR_INVALID);
	assert_int_equal(s.uncovered_year, 2019);
	standstill_release(&s);
	christmas[0].day = calendar_days(2019, 12, 25);
	in.extra = christmas;
	in.n_extra = 1;
	assert_int_equal(standstill_count(&in, &holidays, &s), TENDER_OK);
	assert_int_equal(s.ends, calendar_days(2019, 12, 23));
	standstill_release(&s);
}

/* The tender's own days lengthen the period; they are named as skipped. A
 * bank holiday the tender lists too is the law's (source bank-holiday). */
static void test_tender_days(void **state)
{
	struct standstill_extra_day closed[] = {{0, "Office closed"}, {0, "Good Friday (ours)"}};
	struct standstill_input in = {REGIME_PSR_2023, 0, 0, 0, closed, 2};
	struct standstill s;

	(void)state;
	in.notice = calendar_days(2027, 3, 24);
	closed[0].day = calendar_days(2027, 4, 1);
	closed[1].day = calendar_days(2027, 3, 26);
	assert_int_equal(standstill_count(&in, &holidays, &s), TENDER_OK);
	assert_int_equal(s.ends, calendar_days(2027, 4, 9));
	assert_string_equal(s.skipped[0].reason, "Good Friday");
	assert_string_equal(s.skipped[0].source, "bank-holiday");
	assert_string_equal(s.skipped[4].reason, "Office closed");
	assert_string_equal(s.skipped[4].source, "tender");
	standstill_release(&s);
}

/* The bank holidays cover 2020-2030 in every region: Christmas Day each
 * year it falls on a weekday; Scotland's 2 January substitute and Northern
 * Ireland's 12 July in 2027 and no other region's. */
static void test_shipped_holidays(void **state)
{
	(void)state;
	assert_int_equal(holidays.first_year, 2020);
	assert_int_equal(holidays.last_year, 2030);
	for (long long y = 2020; y <= 2030; y++) {
		unsigned regions[] = {HOLIDAY_ENGLAND_AND_WALES, HOLIDAY_SCOTLAND,
				      HOLIDAY_NORTHERN_IRELAND};

		long long christmas = calendar_days(y, 12, 25);

		/* on a weekend GOV.UK lists the substitute day instead */
		for (size_t r = 0; r < 3 && calendar_weekday(christmas) < 5; r++) {
			const struct holiday *h = holidays_find(&holidays, christmas, regions[r]);

			assert_non_null(h);
			assert_string_equal(h->name, "Christmas Day");
		}
	}
	assert_null(holidays_find(&holidays, calendar_days(2027, 1, 4), HOLIDAY_ENGLAND_AND_WALES));
	assert_non_null(holidays_find(&holidays, calendar_days(2027, 1, 4), HOLIDAY_SCOTLAND));
	assert_non_null(holidays_find(&holidays, calendar_days(2027, 7, 12), HOLIDAY_NORTHERN_IRELAND));
	assert_null(holidays_find(&holidays, calendar_days(2027, 7, 12), HOLIDAY_SCOTLAND));
}

/* Whether s is empty or a real date written YYYY-MM-DD. */
static int empty_or_iso(const char *s)
{
	long long y;
	int m, d, n = 0;
	char back[CALENDAR_ISO_SIZE];

	if (!*s)
		return 1;
	if (strlen(s) != 10 || sscanf(s, "%4lld-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return 0;
	calendar_iso(calendar_days(y, m, d), back);
	return !strcmp(back, s);
}

/* The instruments table reads, and its dates are dates: the citation check
 * compares them with the notice date as text (regime_check.c). */
static void test_shipped_instruments(void **state)
{
	struct csv_table t;
	size_t line;

	(void)state;
	assert_int_equal(csv_read(embedded_instruments_csv, embedded_instruments_csv_size,
				  "id,title,number,in_force,no_new_from,names,url", &t, &line),
			 TENDER_OK);
	assert_true(t.n_rows >= 5);
	for (size_t r = 0; r < t.n_rows; r++) {
		if (!empty_or_iso(csv_cell(&t, r, 3)) || !empty_or_iso(csv_cell(&t, r, 4)))
			fail_msg("instrument %s: a date is not YYYY-MM-DD", csv_cell(&t, r, 0));
		assert_true(strlen(csv_cell(&t, r, 5)) > 0); /* names to find it by */
	}
	csv_release(&t);
}

/* The table reader: RFC 4180 quoting, the header, the field count. */
static void test_csv(void **state)
{
	static const char good[] = "a,b\n\"x, \"\"y\"\"\",z\r\n1,\n";
	struct csv_table t;
	size_t line;

	(void)state;
	assert_int_equal(csv_read(good, strlen(good), "a,b", &t, &line), TENDER_OK);
	assert_int_equal(t.n_rows, 2);
	assert_string_equal(csv_cell(&t, 0, 0), "x, \"y\"");
	assert_string_equal(csv_cell(&t, 0, 1), "z");
	assert_string_equal(csv_cell(&t, 1, 1), "");
	csv_release(&t);
	assert_int_equal(csv_read("a,c\n1,2\n", 8, "a,b", &t, &line), TENDER_ERR_INVALID);
	assert_int_equal(line, 1);
	csv_release(&t);
	assert_int_equal(csv_read("a,b\n1,2,3\n", 10, "a,b", &t, &line), TENDER_ERR_INVALID);
	assert_int_equal(line, 2);
	csv_release(&t);
	assert_int_equal(csv_read("a,b\n1,\"2\n", 9, "a,b", &t, &line), TENDER_ERR_INVALID);
	csv_release(&t);
	assert_int_equal(csv_read("a,b\n1,x\"y\n", 10, "a,b", &t, &line), TENDER_ERR_INVALID);
	csv_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_psr),
		cmocka_unit_test(test_pa),
		cmocka_unit_test(test_pcr),
		cmocka_unit_test(test_uncovered_year),
		cmocka_unit_test(test_tender_days),
		cmocka_unit_test(test_shipped_holidays),
		cmocka_unit_test(test_shipped_instruments),
		cmocka_unit_test(test_csv),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
