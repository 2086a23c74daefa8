/*
 * calendar.h - calendar days for the standstill period: proleptic Gregorian
 * dates as day numbers, weekdays, and the end of a period that may not end
 * on a day that is not a working day.
 */
#ifndef TENDER_CALENDAR_H
#define TENDER_CALENDAR_H

#include <stddef.h>

/* Days since 1970-01-01 of a date, and back (H. Hinnant's algorithms). */
long long calendar_days(long long year, int month, int day);
void calendar_date(long long days, long long *year, int *month, int *day);

/* The date of a day number as YYYY-MM-DD (more digits, or a '-', for a
 * year outside 0-9999) into out. */
#define CALENDAR_ISO_SIZE 48
void calendar_iso(long long days, char out[CALENDAR_ISO_SIZE]);

/* 0 = Monday ... 6 = Sunday. */
int calendar_weekday(long long days);

/* The last day of a period of n calendar days beginning the day after
 * `from`: that day, or when it is a Saturday, a Sunday or one of the
 * non-working days listed (day numbers, any order), the next working day
 * (Regulation (EEC, Euratom) No 1182/71 art 3(4), which the Public
 * Contracts Regulations 2015 apply to their periods). *extended receives
 * the days added. */
long long calendar_period_end(long long from, long long n, const long long *non_working,
			      size_t n_non_working, long long *extended);

#endif
