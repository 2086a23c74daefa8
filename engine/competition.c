/*
 * competition.c - reading and checking the tender description (see
 * competition.h).
 */
#include "competition.h"

#include "alloc.h"
#include "calendar.h"
#include "money.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

void competition_release(struct competition *t)
{
	for (size_t i = 0; i < t->n_questions; i++) {
		tender_free(t->questions[i].id);
		tender_free(t->questions[i].title);
	}
	tender_free(t->questions);
	for (size_t i = 0; i < t->n_market; i++)
		tender_free(t->market[i].provider);
	tender_free(t->market);
	tender_free(t->id);
	tender_free(t->contract_start);
	tender_free(t->contract_end);
	tender_free(t->notice_date);
	for (size_t i = 0; i < t->n_extra_days; i++)
		tender_free((char *)t->extra_days[i].name);
	tender_free(t->extra_days);
	standstill_release(&t->standstill);
	holidays_release(&t->holidays);
	memset(t, 0, sizeof(*t));
}

const struct question *competition_question(const struct competition *t, const char *id)
{
	for (size_t i = 0; i < t->n_questions; i++)
		if (strcmp(t->questions[i].id, id) == 0)
			return &t->questions[i];
	return NULL;
}

static void read_questions(struct checker *c, const xmlNode *root, struct competition *t)
{
	const xmlNode *questions = xml_child(root, BID_NS, "questions");
	size_t n = 0;

	for (const xmlNode *q = xml_child(questions, BID_NS, "question"); q; q = xml_next_same(q))
		n++;
	t->questions = tender_calloc(n, sizeof(*t->questions));
	if (!t->questions) {
		c->status = TENDER_ERR_NOMEM;
		return;
	}
	for (const xmlNode *q = xml_child(questions, BID_NS, "question"); q; q = xml_next_same(q)) {
		struct question *dst = &t->questions[t->n_questions];

		/* read whole: a title is quoted in messages, an id matched exactly */
		if (xml_attr_dup(q, "id", &dst->id) || xml_attr_dup(q, "title", &dst->title) ||
		    (!dst->id && !(dst->id = tender_strdup(""))) ||
		    (!dst->title && !(dst->title = tender_strdup("")))) {
			tender_free(dst->id);
			tender_free(dst->title);
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		t->n_questions++;
	}
}

/* Reads a positive integer fact of the tender (xs:positiveInteger: digits,
 * perhaps a '+' and leading zeros) from text (which it frees; NULL: absent),
 * held by node: its value when it lies in [1, max]; otherwise 0, and an
 * error (code "range") naming `what` and the limits when it is an integer
 * out of that range (a malformed one the schema has reported). When digits
 * is not NULL, *digits receives the value as written, without sign or
 * leading zeros, for messages, as a new string ("" when unreadable; NULL
 * only when out of memory, recorded in c->status). */
static long long read_fact(struct checker *c, const xmlNode *node, char *text, const char *what,
			   long long max, char **digits)
{
	uint64_t value = 0;
	long long fact = 0;
	char *all = NULL;
	enum tender_status rc = text ? check_integer(text, &value, &all) : TENDER_ERR_INVALID;

	tender_free(text);
	if (rc == TENDER_ERR_NOMEM)
		c->status = rc;
	if (!all && !(all = tender_strdup("")))
		c->status = TENDER_ERR_NOMEM;
	if (rc == TENDER_OK && value >= 1 && value <= (uint64_t)max)
		fact = (long long)value;
	else if (rc == TENDER_OK || rc == TENDER_ERR_LIMIT)
		check_report(c, node, DIAG_ERROR, "range",
			     "%s %s is out of range: it must be between 1 and %lld", what,
			     all ? all : "", max);
	if (digits)
		*digits = all;
	else
		tender_free(all);
	return fact;
}

/* Whether the date d (as written: text) lies in the years
 * TENDER_YEAR_MIN..TENDER_YEAR_MAX; if not, reports an error (code
 * "range") at node naming `what`. */
static int date_in_range(struct checker *c, const xmlNode *node, const char *what, const char *text,
			 const struct check_date *d)
{
	long long year;

	if (check_date_year(d, &year) && year >= TENDER_YEAR_MIN && year <= TENDER_YEAR_MAX)
		return 1;
	check_report(c, node, DIAG_ERROR, "range",
		     "%s %s is out of range: its year must be between %d and %d", what, text,
		     TENDER_YEAR_MIN, TENDER_YEAR_MAX);
	return 0;
}

static int is_leap(long long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* The day number of the last day of a term of `years` whole years from
 * start: the day before the years-th anniversary of start. The anniversary
 * of 29 February in a year without one is 1 March, so one year from
 * 2028-02-29 ends on 2029-02-28. */
static long long term_end(long long start_year, int month, int day, long long years)
{
	long long year = start_year + years;

	if (month == 2 && day == 29 && !is_leap(year)) {
		month = 3;
		day = 1;
	}
	return calendar_days(year, month, day) - 1;
}

/* Reads the contract term into t (its dates whole, and years, each within
 * its range); *years receives the number of years
 * as written (digits without leading zeros, "" when unreadable) as a new
 * string the caller frees. A term must be whole years: end is the day
 * before the years-th anniversary of start. */
static void check_contract(struct checker *c, const xmlNode *root, struct competition *t,
			   char **years)
{
	const xmlNode *contract = xml_child(root, BID_NS, "contract");
	char *start = check_attr(c, contract, "start"), *end = check_attr(c, contract, "end");
	struct check_date d_start, d_end;
	long long start_year, end_year, want_end;
	int in_range;

	t->contract_start = start ? start : tender_strdup("");
	t->contract_end = end ? end : tender_strdup("");
	if (!t->contract_start || !t->contract_end)
		c->status = TENDER_ERR_NOMEM;
	t->contract_years = read_fact(c, contract, check_attr(c, contract, "years"), "years",
				      TENDER_CONTRACT_YEARS_MAX, years);
	if (!start || !end || !check_date_parse(start, &d_start) || !check_date_parse(end, &d_end))
		return; /* reported already by the schema */
	in_range = date_in_range(c, contract, "the contract start", t->contract_start, &d_start);
	in_range &= date_in_range(c, contract, "the contract end", t->contract_end, &d_end);
	if (!in_range)
		return;
	if (check_date_order(&d_start, &d_end) >= 0) {
		check_report(c, contract, DIAG_ERROR, "dates",
			     "the contract ends (%s) before it starts (%s)", t->contract_end,
			     t->contract_start);
		return;
	}
	if (t->contract_years <= 0)
		return;
	/* Both years lie within TENDER_YEAR_MIN..MAX and contract_years within
	 * 1..TENDER_CONTRACT_YEARS_MAX: no day number below can overflow. */
	check_date_year(&d_start, &start_year);
	check_date_year(&d_end, &end_year);
	want_end = term_end(start_year, d_start.month, d_start.day, t->contract_years);
	if (calendar_days(end_year, d_end.month, d_end.day) != want_end) {
		long long y;
		int m, d;

		calendar_date(want_end, &y, &m, &d);
		check_report(c, contract, DIAG_ERROR, "contract-years",
			     "the contract runs from %s to %s, which is not %s whole years: %s "
			     "years from %s end on %04lld-%02d-%02d",
			     t->contract_start, t->contract_end, *years ? *years : "",
			     *years ? *years : "", t->contract_start, y,
			     m, d);
	}
}

/* The day number of a date the schema let through, within the years of a
 * tender's dates (else reported at node as `what`); -1 when it is not one. */
static long long read_day(struct checker *c, const xmlNode *node, const char *what,
			  const char *text)
{
	struct check_date date;
	long long year;

	if (!text || !check_date_parse(text, &date) || !date_in_range(c, node, what, text, &date) ||
	    !check_date_year(&date, &year))
		return -1;
	return calendar_days(year, date.month, date.day);
}

/* Every non-working day's date lies within the years of a tender's dates;
 * they are kept, with their names, for the standstill count. */
static void check_non_working_days(struct checker *c, const xmlNode *root, struct competition *t)
{
	const xmlNode *list = xml_child(root, BID_NS, "non-working-days");
	size_t n = 0;

	for (const xmlNode *d = xml_child(list, BID_NS, "day"); d; d = xml_next_same(d))
		n++;
	t->extra_days = tender_calloc(n ? n : 1, sizeof(*t->extra_days));
	if (!t->extra_days) {
		c->status = TENDER_ERR_NOMEM;
		return;
	}
	for (const xmlNode *d = xml_child(list, BID_NS, "day"); d; d = xml_next_same(d)) {
		char *text = check_attr(c, d, "date"); /* read whole */
		long long day = read_day(c, d, "the non-working day", text);
		char *name;

		tender_free(text);
		if (day < 0)
			continue;
		name = check_text(c, d);
		if (c->status) {
			tender_free(name);
			return;
		}
		t->extra_days[t->n_extra_days].day = day;
		t->extra_days[t->n_extra_days++].name = name ? name : tender_strdup("non-working day");
		if (!t->extra_days[t->n_extra_days - 1].name)
			c->status = TENDER_ERR_NOMEM;
	}
}

/* An attribute of <contract> (value: NULL when absent) that only the
 * legacy regimes read. */
static void legacy_only(struct checker *c, const xmlNode *contract, const char *name,
			const char *value, const struct regime_info *regime)
{
	if (value && regime->id != REGIME_PCR_2015 && regime->id != REGIME_NHS_2013)
		check_report(c, contract, DIAG_ERROR, "regime",
			     "%s=\"%s\" concerns the standstill of pcr-2015 and nhs-2013 only; "
			     "under %s it is not read: remove it",
			     name, value, regime->token);
}

/* The regime the award is made under, the date of its notice, and the
 * standstill period that follows (standstill.h). */
static void check_regime(struct checker *c, const xmlNode *root, struct competition *t)
{
	const xmlNode *contract = xml_child(root, BID_NS, "contract");
	char *token = check_attr(c, contract, "regime"), *sent, *region;
	const struct regime_info *regime = regime_by_token(token);
	struct standstill_input in = {0};
	long long notice;
	enum tender_status rc;

	t->notice_date = check_attr(c, contract, "notice-date");
	if (!t->notice_date && !(t->notice_date = tender_strdup("")))
		c->status = TENDER_ERR_NOMEM;
	notice = read_day(c, contract, "the notice date", t->notice_date);
	if (notice >= 0) {
		/* from here on as YYYY-MM-DD, whatever the schema let through
		 * (a time zone, leading zeros): compared and recorded as such */
		char iso[CALENDAR_ISO_SIZE];

		calendar_iso(notice, iso);
		tender_free(t->notice_date);
		if (!(t->notice_date = tender_strdup(iso)))
			c->status = TENDER_ERR_NOMEM;
	}
	if (!regime) {
		if (!token) {
			struct strbuf list = STRBUF_INIT;

			regime_list(&list);
			check_report(c, contract, DIAG_ERROR, "regime",
				     "the contract declares no regime: add regime=\"...\" to "
				     "<contract>, one of %s",
				     list.buf ? list.buf : "");
			strbuf_release(&list);
		}
		tender_free(token); /* another value: reported by the schema */
		return;
	}
	tender_free(token);
	t->regime = regime->id;
	sent = check_attr(c, contract, "notice-sent");
	region = check_attr(c, contract, "bank-holidays");
	legacy_only(c, contract, "notice-sent", sent, regime);
	legacy_only(c, contract, "bank-holidays", region, regime);
	in.sent_other = sent && !strcmp(sent, "other");
	in.northern_ireland = region && !strcmp(region, "northern-ireland");
	tender_free(sent);
	tender_free(region);
	if (notice < 0 || c->status || !t->notice_date)
		return;
	if (strcmp(t->notice_date, regime->from) < 0) {
		check_report(c, contract, DIAG_ERROR, "regime",
			     "the notice date %s is before %s applies (%s; from %s)", t->notice_date,
			     regime->token, regime->applies, regime->from);
		return;
	}
	in.regime = regime->id;
	in.notice = notice;
	in.extra = t->extra_days;
	in.n_extra = t->n_extra_days;
	rc = holidays_load(&t->holidays);
	if (!rc)
		rc = standstill_count(&in, &t->holidays, &t->standstill);
	if (rc == TENDER_ERR_INVALID && t->standstill.uncovered_year)
		check_report(c, contract, DIAG_ERROR, "bank-holidays",
			     "the standstill period after the notice of %s runs into %lld, for "
			     "which tender ships no bank holidays (it has %lld to %lld): list "
			     "%lld's in <non-working-days>",
			     t->notice_date, t->standstill.uncovered_year, t->holidays.first_year,
			     t->holidays.last_year, t->standstill.uncovered_year);
	else if (rc == TENDER_ERR_NOMEM)
		c->status = rc;
	else if (rc)
		check_report(c, contract, DIAG_ERROR, "bank-holidays",
			     "the bank holidays compiled into tender cannot be read");
	else
		t->has_standstill = 1;
	if (t->has_standstill && t->standstill.tender_only_year)
		check_report(c, contract, DIAG_WARNING, "bank-holidays",
			     "tender ships no bank holidays for %lld (it has %lld to %lld): the "
			     "standstill is counted with the days <non-working-days> lists in %lld "
			     "as that year's bank holidays; check that they are all there",
			     t->standstill.tender_only_year, t->holidays.first_year,
			     t->holidays.last_year, t->standstill.tender_only_year);
}

/* years: the contract's years as written (check_contract). */
static void check_budget(struct checker *c, const xmlNode *root, struct competition *t,
			 const char *years)
{
	const xmlNode *budget = xml_child(root, BID_NS, "budget");
	const xmlNode *annual = xml_child(budget, BID_NS, "annual-max");
	const xmlNode *total = xml_child(budget, BID_NS, "total-max");
	char *annual_text, *total_text, *currency = check_attr(c, budget, "currency");
	int64_t all_years;
	int ok, short_of_total;

	/* read whole: a code longer than t->currency holds is no currency */
	t->decimals = -1;
	if (currency && strlen(currency) < sizeof(t->currency)) {
		memcpy(t->currency, currency, strlen(currency) + 1);
		t->decimals = currency_decimals(t->currency);
	}
	if (t->decimals < 0) {
		if (!c->status)
			check_report(c, budget, DIAG_ERROR, "currency",
				     "unknown currency '%s'; use an ISO 4217 code such as GBP",
				     currency ? currency : "");
		t->currency[0] = '\0';
		tender_free(currency);
		return;
	}
	tender_free(currency);
	annual_text = check_text(c, annual);
	total_text = check_text(c, total);
	ok = annual_text && check_money(c, annual, annual_text, t->decimals, "the annual budget",
					&t->budget_annual_max);
	ok &= total_text && check_money(c, total, total_text, t->decimals, "the total budget",
					&t->budget_total_max);
	tender_free(annual_text);
	tender_free(total_text);
	if (!ok || t->contract_years <= 0)
		return;
	/* A product beyond int64_t lies beyond any total, above or below. */
	if (__builtin_mul_overflow(t->budget_annual_max, t->contract_years, &all_years))
		short_of_total = t->budget_annual_max < 0;
	else
		short_of_total = all_years < t->budget_total_max;
	if (short_of_total) {
		char a[48], b[48];

		money_format(t->budget_annual_max, t->decimals, a, sizeof(a));
		money_format(t->budget_total_max, t->decimals, b, sizeof(b));
		check_report(c, total, DIAG_ERROR, "budget",
			     "the total budget %s is more than %s years of the annual "
			     "budget %s",
			     b, years, a);
	}
}

static void read_market(struct checker *c, const xmlNode *root, struct competition *t)
{
	const xmlNode *market = xml_child(root, BID_NS, "market");
	int64_t sum = 0, pct;
	size_t n = 0;

	for (const xmlNode *s = xml_child(market, BID_NS, "share"); s; s = xml_next_same(s))
		n++;
	t->market = tender_calloc(n, sizeof(*t->market));
	if (!t->market) {
		c->status = TENDER_ERR_NOMEM;
		return;
	}
	for (const xmlNode *s = xml_child(market, BID_NS, "share"); s; s = xml_next_same(s)) {
		char *text = check_attr(c, s, "pct"); /* read whole */
		int ok = !c->status && check_pct(c, s, text ? text : "", "the market share", &pct);

		tender_free(text);
		if (c->status)
			return;
		if (!ok)
			continue;
		sum += pct;
		if (xml_attr_dup(s, "provider", &t->market[t->n_market].provider) ||
		    (!t->market[t->n_market].provider &&
		     !(t->market[t->n_market].provider = tender_strdup("")))) {
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		t->market[t->n_market++].pct = pct;
	}
	if (sum > 10000)
		check_report(c, market, DIAG_ERROR, "market-sum",
			     "market shares add up to %lld.%02lld%%, more than 100%%",
			     (long long)(sum / 100), (long long)(sum % 100));
}

enum tender_status competition_read(const struct xml_doc *doc, struct competition *t,
				    struct diag_list *diags)
{
	struct checker c = {doc, diags, TENDER_OK};
	const xmlNode *root = xml_doc_root(doc);
	char *years = NULL;

	memset(t, 0, sizeof(*t));
	if (xml_attr_dup(root, "id", &t->id) || (!t->id && !(t->id = tender_strdup(""))))
		return TENDER_ERR_NOMEM;
	t->population = read_fact(&c, xml_child(root, BID_NS, "population"),
				  check_text(&c, xml_child(root, BID_NS, "population")),
				  "the population", TENDER_POPULATION_MAX, NULL);
	check_contract(&c, root, t, &years);
	if (!c.status)
		check_non_working_days(&c, root, t);
	if (!c.status)
		check_regime(&c, root, t);
	if (!c.status)
		check_budget(&c, root, t, years ? years : "");
	if (!c.status)
		read_market(&c, root, t);
	if (!c.status)
		read_questions(&c, root, t);
	tender_free(years);
	return c.status;
}
