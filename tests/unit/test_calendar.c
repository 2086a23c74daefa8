/*
 * test_calendar.c - day numbers, weekdays and YYYY-MM-DD, on dates checked
 * against a printed calendar (the standstill periods: test_standstill.c).
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

/* A day as YYYY-MM-DD, the one formatting of a date the engine records. */
static void test_iso(void **state)
{
	char iso[CALENDAR_ISO_SIZE];

	(void)state;
	calendar_iso(calendar_days(2027, 4, 9), iso);
	assert_string_equal(iso, "2027-04-09");
	calendar_iso(calendar_days(900, 1, 2), iso);
	assert_string_equal(iso, "0900-01-02");
	calendar_iso(calendar_days(2028, 2, 29), iso);
	assert_string_equal(iso, "2028-02-29");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_numbers_and_weekdays),
		cmocka_unit_test(test_iso),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
