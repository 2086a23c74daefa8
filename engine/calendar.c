/*
 * calendar.c - calendar days (see calendar.h).
 */
#include "calendar.h"

#include <stdio.h>

long long calendar_days(long long y, int m, int d)
{
	long long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void calendar_date(long long z, long long *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

void calendar_iso(long long days, char out[CALENDAR_ISO_SIZE])
{
	long long y;
	int m, d;

	calendar_date(days, &y, &m, &d);
	snprintf(out, CALENDAR_ISO_SIZE, "%04lld-%02d-%02d", y, m, d);
}

int calendar_weekday(long long days)
{
	/* 1970-01-01 was a Thursday (3) */
	long long w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}
