/*
 * calendar.h - calendar days: proleptic Gregorian dates as day numbers,
 * back to dates and to YYYY-MM-DD, and weekdays. The standstill periods
 * that count them are in standstill.c.
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

#endif
