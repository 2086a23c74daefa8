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
	char id[128], title[512];

	for (const xmlNode *q = xml_child(questions, BID_NS, "question"); q; q = xml_next_same(q))
		n++;
	t->questions = tender_calloc(n, sizeof(*t->questions));
	if (!t->questions) {
		c->status = TENDER_ERR_NOMEM;
		return;
	}
	for (const xmlNode *q = xml_child(questions, BID_NS, "question"); q; q = xml_next_same(q)) {
		struct question *dst = &t->questions[t->n_questions];

		dst->id = tender_strdup(xml_attr(q, "id", id, sizeof(id)) ? id : "");
		dst->title = tender_strdup(xml_attr(q, "title", title, sizeof(title)) ? title : "");
		if (!dst->id || !dst->title) {
			tender_free(dst->id);
			tender_free(dst->title);
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		t->n_questions++;
	}
}

/* Reads a positive integer (xs:positiveInteger) for t: its value, or
 * LLONG_MAX when it lies beyond (every comparison with a real figure then
 * still fails as it should); 0 when unreadable. digits receives it as
 * written, without sign or leading zeros, for messages. */
static long long read_count(const char *text, char *digits, size_t size)
{
	uint64_t value = 0;
	enum tender_status rc;

	digits[0] = '\0';
	rc = text ? check_integer(text, &value, digits, size) : TENDER_ERR_INVALID;
	if (rc != TENDER_OK && rc != TENDER_ERR_LIMIT)
		return 0;
	return value > (uint64_t)LLONG_MAX ? LLONG_MAX : (long long)value;
}

/* Reads the contract term into t; years receives the number of years as
 * written (digits without leading zeros, "" when unreadable). */
static void check_contract(struct checker *c, const xmlNode *root, struct competition *t,
			   char *years, size_t years_size)
{
	const xmlNode *contract = xml_child(root, BID_NS, "contract");
	const char *start, *end;
	char buf[64];
	struct check_date d_start, d_end;
	long long start_year, end_year, span;

	start = check_attr(c, contract, "start", "the start of the contract", t->contract_start,
			   sizeof(t->contract_start));
	end = check_attr(c, contract, "end", "the end of the contract", t->contract_end,
			 sizeof(t->contract_end));
	if (!start)
		t->contract_start[0] = '\0';
	if (!end)
		t->contract_end[0] = '\0';
	t->contract_years =
	    read_count(check_attr(c, contract, "years", "the contract years", buf, sizeof(buf)),
		       years, years_size);
	if (!start || !end || !check_date_parse(start, &d_start) || !check_date_parse(end, &d_end))
		return; /* reported already, as too long or by the schema */
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
			     t->contract_start, t->contract_end, years);
}

/* years: the contract's years as written (check_contract). */
static void check_budget(struct checker *c, const xmlNode *root, struct competition *t,
			 const char *years)
{
	const xmlNode *budget = xml_child(root, BID_NS, "budget");
	const xmlNode *annual = xml_child(budget, BID_NS, "annual-max");
	const xmlNode *total = xml_child(budget, BID_NS, "total-max");
	const char *annual_text, *total_text;
	char text_a[64], text_t[64];
	int64_t all_years;
	int ok, short_of_total;

	xml_attr(budget, "currency", t->currency, sizeof(t->currency));
	t->decimals = currency_decimals(t->currency);
	if (t->decimals < 0) {
		check_report(c, budget, DIAG_ERROR, "currency",
			     "unknown currency '%s'; use an ISO 4217 code such as GBP",
			     t->currency);
		return;
	}
	annual_text = check_text(c, annual, "the annual budget", text_a, sizeof(text_a));
	total_text = check_text(c, total, "the total budget", text_t, sizeof(text_t));
	ok = annual_text && check_money(c, annual, annual_text, t->decimals, "the annual budget",
					&t->budget_annual_max);
	ok &= total_text && check_money(c, total, total_text, t->decimals, "the total budget",
					&t->budget_total_max);
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
	char buf[64];

	for (const xmlNode *s = xml_child(market, BID_NS, "share"); s; s = xml_next_same(s))
		n++;
	t->market = tender_calloc(n, sizeof(*t->market));
	if (!t->market) {
		c->status = TENDER_ERR_NOMEM;
		return;
	}
	for (const xmlNode *s = xml_child(market, BID_NS, "share"); s; s = xml_next_same(s)) {
		if (!check_pct(c, s, xml_attr(s, "pct", buf, sizeof(buf)) ? buf : "",
			       "the market share", &pct))
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
	char buf[128], digits[128], years[64];

	memset(t, 0, sizeof(*t));
	t->id = tender_strdup(xml_attr(root, "id", buf, sizeof(buf)) ? buf : "");
	if (!t->id)
		return TENDER_ERR_NOMEM;
	t->population = read_count(check_text(&c, xml_child(root, BID_NS, "population"),
					      "the population", buf, sizeof(buf)),
				   digits, sizeof(digits));
	check_contract(&c, root, t, years, sizeof(years));
	check_budget(&c, root, t, years);
	read_market(&c, root, t);
	read_questions(&c, root, t);
	return c.status;
}
