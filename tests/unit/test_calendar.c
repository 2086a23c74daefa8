/*
 * test_calendar.c - day numbers, weekdays and the end of a standstill
 * period carried past weekends and bank holidays, on dates checked against
 * a printed calendar.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "calendar.h"

static void test_day_numbers_and_weekdays(void **state)
{
	long long y;
	int m, d;

	(void)state;
	assert_int_equal(calendar_days(1970, 1, 1), 0);
	assert_int_equal(calendar_weekday(0), 3); /* Thursday */
	assert_int_equal(calendar_weekday(calendar_days(2027, 1, 15)), 4); /* Friday */
	assert_int_equal(calendar_weekday(calendar_days(2027, 12, 25)), 5); /* Saturday */
	assert_int_equal(calendar_weekday(calendar_days(1969, 12, 28)), 6); /* Sunday */
	/* 2028 is a leap year, 2100 is not */
	assert_int_equal(calendar_days(2028, 3, 1) - calendar_days(2028, 2, 28), 2);
	assert_int_equal(calendar_days(2100, 3, 1) - calendar_days(2100, 2, 28), 1);
	calendar_date(calendar_days(2027, 2, 28) + 1, &y, &m, &d);
	assert_true(y == 2027 && m == 3 && d == 1);
	calendar_date(-1, &y, &m, &d);
	assert_true(y == 1969 && m == 12 && d == 31);
}

static void test_period_end(void **state)
{
	/* England and Wales, Easter 2027 */
	const long long easter[] = {calendar_days(2027, 3, 29), calendar_days(2027, 3, 26)};
	long long ext;

	(void)state;
	/* Friday 15 January + 10 = Monday 25 January: nothing to add */
	assert_int_equal(calendar_period_end(calendar_days(2027, 1, 15), 10, NULL, 0, &ext),
			 calendar_days(2027, 1, 25));
	assert_int_equal(ext, 0);
	/* Wednesday 13 January + 10 = Saturday 23: runs to Monday 25 */
	assert_int_equal(calendar_period_end(calendar_days(2027, 1, 13), 10, NULL, 0, &ext),
			 calendar_days(2027, 1, 25));
	assert_int_equal(ext, 2);
	/* Tuesday 16 March + 10 = Good Friday 26 March: past the weekend and
	 * Easter Monday to Tuesday 30 March */
	assert_int_equal(calendar_period_end(calendar_days(2027, 3, 16), 10, easter, 2, &ext),
			 calendar_days(2027, 3, 30));
	assert_int_equal(ext, 4);
	/* without the list, Good Friday is a working day */
	assert_int_equal(calendar_period_end(calendar_days(2027, 3, 16), 10, NULL, 0, &ext),
			 calendar_days(2027, 3, 26));
	/* 15 days (notice not sent electronically): Thursday 11 March + 15 =
	 * Friday 26 March, Good Friday: Tuesday 30 */
	assert_int_equal(calendar_period_end(calendar_days(2027, 3, 11), 15, easter, 2, &ext),
			 calendar_days(2027, 3, 30));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_numbers_and_weekdays),
		cmocka_unit_test(test_period_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
