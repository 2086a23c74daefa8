/*
 * competition.c - reading and checking the tender description (see
 * competition.h).
 */
#include "competition.h"

#include "alloc.h"
#include "money.h"

#include <limits.h>
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

/* Reads a positive integer (xs:positiveInteger) for t from text (which it
 * frees): its value, or LLONG_MAX when it lies beyond (every comparison
 * with a real figure then still fails as it should); 0 when unreadable.
 * When digits is not NULL, *digits receives all its digits as written,
 * without sign or leading zeros, for messages, as a new string ("" when
 * unreadable; NULL only when out of memory, recorded in c->status). */
static long long read_count(struct checker *c, char *text, char **digits)
{
	uint64_t value = 0;
	enum tender_status rc;

	rc = text ? check_integer(text, &value, digits) : TENDER_ERR_INVALID;
	tender_free(text);
	if (rc == TENDER_ERR_NOMEM)
		c->status = rc;
	if (digits && !*digits && !(*digits = tender_strdup("")))
		c->status = TENDER_ERR_NOMEM;
	if (rc != TENDER_OK && rc != TENDER_ERR_LIMIT)
		return 0;
	return value > (uint64_t)LLONG_MAX ? LLONG_MAX : (long long)value;
}

/* Reads the contract term into t (its dates whole); *years receives the
 * number of years as written (all its digits without leading zeros, "" when
 * unreadable) as a new string the caller frees. */
static void check_contract(struct checker *c, const xmlNode *root, struct competition *t,
			   char **years)
{
	const xmlNode *contract = xml_child(root, BID_NS, "contract");
	char *start = check_attr(c, contract, "start"), *end = check_attr(c, contract, "end");
	struct check_date d_start, d_end;
	long long start_year, end_year, span;

	t->contract_start = start ? start : tender_strdup("");
	t->contract_end = end ? end : tender_strdup("");
	if (!t->contract_start || !t->contract_end)
		c->status = TENDER_ERR_NOMEM;
	t->contract_years = read_count(c, check_attr(c, contract, "years"), years);
	if (!start || !end || !check_date_parse(start, &d_start) || !check_date_parse(end, &d_end))
		return; /* reported already by the schema */
	if (check_date_order(&d_start, &d_end) >= 0) {
		check_report(c, contract, DIAG_ERROR, "dates",
			     "the contract ends (%s) before it starts (%s)", t->contract_end,
			     t->contract_start);
		return;
	}
	if (t->contract_years <= 0 || !check_date_year(&d_start, &start_year) ||
	    !check_date_year(&d_end, &end_year))
		return;
	/* A contract of N years from 2027-10-01 ends on 2032-09-30 or so: the
	 * calendar years spanned must be N or N + 1. Years fit in 18 digits, so
	 * the span cannot overflow. */
	span = end_year - start_year;
	if (span < t->contract_years - 1 || span > t->contract_years)
		check_report(c, contract, DIAG_ERROR, "contract-years",
			     "the contract runs from %s to %s, which is not %s years",
			     t->contract_start, t->contract_end, *years ? *years : "");
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
	t->population = read_count(&c, check_text(&c, xml_child(root, BID_NS, "population")), NULL);
	check_contract(&c, root, t, &years);
	if (!c.status)
		check_budget(&c, root, t, years ? years : "");
	if (!c.status)
		read_market(&c, root, t);
	if (!c.status)
		read_questions(&c, root, t);
	tender_free(years);
	return c.status;
}
