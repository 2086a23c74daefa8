/*
 * standstill.c - the standstill period of each regime (see standstill.h).
 */
#include "standstill.h"

#include "alloc.h"
#include "calendar.h"

#include <string.h>

/* How each regime counts. Sources, quoted: law/README.md. */
struct counting {
	enum regime regime;
	long long length;
	int working_days;
	int from_next_day; /* count the days after the day after the notice */
	const char *cite, *rule;
};

/* PCR 2015 reg 87, which the 2013 Regulations' procurements kept too. */
#define SENT_ELECTRONIC_PCR                                                                   \
	"the standstill period ends at midnight at the end of the 10th day after the day the " \
	"award decision notices were sent by electronic means, carried to the next working "  \
	"day when that day is not one"

static const struct counting countings[] = {
	{REGIME_PSR_2023, 8, 1, 1,
	 "Provider Selection Regime 2023 reg 12(2)-(3); working day: reg 2",
	 "the standstill period begins on the day after the notice of intention is published "
	 "and ends at midnight at the end of the 8th working day after the day it begins; "
	 "working days exclude Saturdays, Sundays, Christmas Day, Good Friday and bank holidays "
	 "in England"},
	{REGIME_PA_2023, 8, 1, 0, "Procurement Act 2023 s.51(2); working day: s.123",
	 "the standstill period is the 8 working days beginning with the day the contract award "
	 "notice is published; working days exclude Saturdays, Sundays, Christmas Day, Good "
	 "Friday and the bank holidays of any part of the United Kingdom"},
	{REGIME_PCR_2015, 10, 0, 0,
	 "Public Contracts Regulations 2015 reg 87; an end on a non-working day carried to the "
	 "next working day as Regulation (EEC, Euratom) No 1182/71 art 3(4) provides (UK "
	 "practice: the 2015 Regulations state no such rule)",
	 SENT_ELECTRONIC_PCR},
	{REGIME_NHS_2013, 10, 0, 0,
	 "Public Contracts Regulations 2015 regs 86-87 (the light-touch regime under which NHS "
	 "health care services were bought with the 2013 Regulations); an end on a non-working "
	 "day carried to the next working day as Regulation (EEC, Euratom) No 1182/71 art 3(4) "
	 "provides",
	 SENT_ELECTRONIC_PCR},
};

static const char SENT_OTHER_PCR[] =
	"the standstill period ends at midnight at the end of the 15th day after the day the "
	"award decision notices were sent by other than electronic means, carried to the next "
	"working day when that day is not one";

struct counter {
	const struct holidays *h;
	const struct standstill_input *in;
	unsigned regions;
	struct standstill *s;
	size_t cap;
	int nomem;
};

/* Why `day` is not a working day (NULL when it is one); *source receives
 * the kind. */
static const char *not_working(struct counter *c, long long day, const char **source)
{
	static const char *const weekend[] = {"Saturday", "Sunday"};
	int weekday = calendar_weekday(day);
	const struct holiday *bh;
	long long year;
	int month, d;

	if (weekday >= 5) {
		*source = "weekend";
		return weekend[weekday - 5];
	}
	/* a bank holiday the tender lists too is the law's, not the tender's */
	bh = holidays_find(c->h, day, c->regions);
	if (bh) {
		*source = "bank-holiday";
		return bh->name;
	}
	for (size_t i = 0; i < c->in->n_extra; i++)
		if (c->in->extra[i].day == day) {
			*source = "tender";
			return c->in->extra[i].name;
		}
	calendar_date(day, &year, &month, &d);
	if ((year < c->h->first_year || year > c->h->last_year) && !c->s->uncovered_year &&
	    c->s->tender_only_year != year) {
		int listed = 0;

		for (size_t i = 0; i < c->in->n_extra && !listed; i++) {
			long long y;
			int m, dd;

			calendar_date(c->in->extra[i].day, &y, &m, &dd);
			listed = y == year;
		}
		if (!listed)
			c->s->uncovered_year = year;
		else
			c->s->tender_only_year = year;
	}
	return NULL;
}

static void skip(struct counter *c, long long day, const char *reason, const char *source)
{
	struct standstill *s = c->s;

	if (s->n_skipped == c->cap) {
		size_t more = c->cap ? c->cap * 2 : 8;
		struct standstill_skipped *p = tender_realloc(s->skipped, more * sizeof(*p));

		if (!p) {
			c->nomem = 1;
			return;
		}
		s->skipped = p;
		c->cap = more;
	}
	s->skipped[s->n_skipped++] = (struct standstill_skipped){day, reason, source};
}

/* Whether day is a working day; a day that is not is recorded as skipped. */
static int working(struct counter *c, long long day)
{
	const char *source, *reason = not_working(c, day, &source);

	if (reason)
		skip(c, day, reason, source);
	return !reason;
}

enum tender_status standstill_count(const struct standstill_input *in, const struct holidays *h,
				    struct standstill *s)
{
	const struct counting *how = NULL;
	struct counter c = {h, in, HOLIDAY_ENGLAND_AND_WALES, s, 0, 0};

	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < sizeof(countings) / sizeof(countings[0]); i++)
		if (countings[i].regime == in->regime)
			how = &countings[i];
	if (!how)
		return TENDER_ERR_INVALID;
	s->length = how->length;
	s->working_days = how->working_days;
	s->cite = how->cite;
	s->rule = how->rule;
	switch (in->regime) {
	case REGIME_PSR_2023:
		s->calendar = "england";
		break;
	case REGIME_PA_2023:
		c.regions = HOLIDAY_ANY_REGION;
		s->calendar = "united-kingdom";
		break;
	default:
		if (in->northern_ireland)
			c.regions = HOLIDAY_NORTHERN_IRELAND;
		s->calendar = in->northern_ireland ? "northern-ireland" : "england-and-wales";
		if (in->sent_other) {
			s->length = 15;
			s->rule = SENT_OTHER_PCR;
		}
		break;
	}
	if (how->working_days) {
		/* PSR: begins the day after the notice, ends on the 8th working
		 * day after the day it begins. PA: the 8 working days beginning
		 * with the day of the notice. */
		long long day = in->notice, counted = 0;

		s->begins = how->from_next_day ? in->notice + 1 : in->notice;
		if (!how->from_next_day) {
			counted = working(&c, day);
		} else {
			day = s->begins;
		}
		while (counted < s->length)
			counted += working(&c, ++day);
		s->ends = day;
	} else {
		/* PCR 2015 reg 87: the nth day after the sending, carried past
		 * a day that is not a working day. */
		s->begins = in->notice + 1;
		s->ends = in->notice + s->length;
		while (!working(&c, s->ends))
			s->ends++;
	}
	if (c.nomem)
		return TENDER_ERR_NOMEM;
	return s->uncovered_year ? TENDER_ERR_INVALID : TENDER_OK;
}

void standstill_release(struct standstill *s)
{
	tender_free(s->skipped);
	memset(s, 0, sizeof(*s));
}
