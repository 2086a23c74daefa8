/*
 * standstill.h - the standstill period of each regime: the days after the
 * award notice (or the letters) before the contract may be entered into,
 * counted as the regime's own provision says, against the shipped UK bank
 * holidays and the tender's own non-working days. The counting rules and
 * their sources are in law/README.md.
 */
#ifndef TENDER_STANDSTILL_H
#define TENDER_STANDSTILL_H

#include "holidays.h"
#include "regime.h"

#include <stddef.h>

/* A day the tender lists in <non-working-days>. */
struct standstill_extra_day {
	long long day;
	const char *name; /* borrowed */
};

/* A day passed over in the count, or over which the end was carried. */
struct standstill_skipped {
	long long day;
	const char *reason; /* "Saturday", a bank holiday's or the tender's name (borrowed) */
	const char *source; /* "weekend", "bank-holiday", "tender" */
};

struct standstill_input {
	enum regime regime;
	long long notice;       /* the day the notice is published or sent */
	int sent_other;         /* pcr-2015/nhs-2013: not sent by electronic means */
	int northern_ireland;   /* pcr-2015/nhs-2013: Northern Ireland's bank holidays */
	const struct standstill_extra_day *extra; /* the tender's days (borrowed) */
	size_t n_extra;
};

struct standstill {
	long long begins, ends; /* day numbers; ends: midnight at its end */
	long long length;       /* in the unit below */
	int working_days;       /* 1: working days; 0: calendar days */
	const char *calendar;   /* "england", "united-kingdom", "england-and-wales", "northern-ireland" */
	const char *cite;       /* the provisions applied (static) */
	const char *rule;       /* how it was counted, one sentence (static) */
	struct standstill_skipped *skipped; /* in date order (owned) */
	size_t n_skipped;
	/* a year the count passed through that the shipped bank holidays do not
	 * cover and the tender lists no non-working day in (0: none) */
	long long uncovered_year;
	/* such a year in which the tender does list days: they are taken as
	 * that year's bank holidays, which nothing can check (0: none) */
	long long tender_only_year;
};

/* Counts the period of in->regime from in->notice into s (initialised
 * here). Returns TENDER_OK, TENDER_ERR_NOMEM, or TENDER_ERR_INVALID when
 * the count needs the bank holidays of a year neither the shipped table
 * nor the tender gives (s->uncovered_year says which). */
enum tender_status standstill_count(const struct standstill_input *in, const struct holidays *h,
				    struct standstill *s);

void standstill_release(struct standstill *s);

#endif
