/*
 * holidays.h - the UK bank holidays shipped with tender (law/bank-holidays.csv,
 * compiled in): England and Wales, Scotland and Northern Ireland, with the
 * source of each. The standstill periods count working days against them.
 */
#ifndef TENDER_HOLIDAYS_H
#define TENDER_HOLIDAYS_H

#include "csv.h"

enum holiday_region {
	HOLIDAY_ENGLAND_AND_WALES = 1,
	HOLIDAY_SCOTLAND = 2,
	HOLIDAY_NORTHERN_IRELAND = 4,
	HOLIDAY_ANY_REGION = 7
};

struct holiday {
	long long day;       /* days since 1970-01-01 */
	unsigned region;     /* one enum holiday_region */
	const char *name;    /* borrowed from the table */
	const char *source;
};

struct holidays {
	struct csv_table table;
	struct holiday *days; /* sorted by day (owned) */
	size_t n_days;
	long long first_year, last_year; /* the years the table covers */
};

/* Reads the shipped table into h (initialised here). TENDER_ERR_INVALID
 * means the table compiled in is broken (a test guards it). h is valid for
 * holidays_release either way. */
enum tender_status holidays_load(struct holidays *h);

/* The first bank holiday on `day` in one of `regions`, or NULL. */
const struct holiday *holidays_find(const struct holidays *h, long long day, unsigned regions);

void holidays_release(struct holidays *h);

#endif
