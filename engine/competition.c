/*
 * competition.c - reading and checking the tender description (see
 * competition.h).
 */
#include "competition.h"

#include "alloc.h"
#include "money.h"

#include <stdio.h>
#include <string.h>

void competition_release(struct competition *t)
{
	for (size_t i = 0; i < t->n_questions; i++) {
		tender_free(t->questions[i].id);
		tender_free(t->questions[i].title);
	}
	tender_free(t->questions);
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

static void check_contract(struct checker *c, const xmlNode *root, struct competition *t)
{
	const xmlNode *contract = xml_child(root, BID_NS, "contract");
	char buf[64];
	int start_year, end_year;

	xml_attr(contract, "start", t->contract_start, sizeof(t->contract_start));
	xml_attr(contract, "end", t->contract_end, sizeof(t->contract_end));
	if (xml_attr(contract, "years", buf, sizeof(buf)))
		check_uint(buf, &t->contract_years);
	if (check_date_cmp(t->contract_start, t->contract_end) >= 0) {
		check_report(c, contract, DIAG_ERROR, "dates",
			     "the contract ends (%s) before it starts (%s)", t->contract_end,
			     t->contract_start);
		return;
	}
	/* A contract of N years from 2027-10-01 ends on 2032-09-30 or so: the
	 * calendar years spanned must be N or N + 1. */
	if (sscanf(t->contract_start, "%d", &start_year) == 1 &&
	    sscanf(t->contract_end, "%d", &end_year) == 1 &&
	    (end_year - start_year < t->contract_years - 1 ||
	     end_year - start_year > t->contract_years))
		check_report(c, contract, DIAG_ERROR, "contract-years",
			     "the contract runs from %s to %s, which is not %lld years",
			     t->contract_start, t->contract_end, t->contract_years);
}

static void check_budget(struct checker *c, const xmlNode *root, struct competition *t)
{
	const xmlNode *budget = xml_child(root, BID_NS, "budget");
	const xmlNode *annual = xml_child(budget, BID_NS, "annual-max");
	const xmlNode *total = xml_child(budget, BID_NS, "total-max");
	char text[64];
	int ok;

	xml_attr(budget, "currency", t->currency, sizeof(t->currency));
	t->decimals = currency_decimals(t->currency);
	if (t->decimals < 0) {
		check_report(c, budget, DIAG_ERROR, "currency",
			     "unknown currency '%s'; use an ISO 4217 code such as GBP",
			     t->currency);
		return;
	}
	ok = check_money(c, annual, xml_text(annual, text, sizeof(text)), t->decimals,
			 "the annual budget", &t->budget_annual_max);
	ok &= check_money(c, total, xml_text(total, text, sizeof(text)), t->decimals,
			  "the total budget", &t->budget_total_max);
	if (ok && t->contract_years > 0 &&
	    t->budget_annual_max > INT64_MAX / t->contract_years) {
		check_report(c, annual, DIAG_ERROR, "budget", "the annual budget is too large");
	} else if (ok && t->contract_years > 0 &&
		   t->budget_annual_max * t->contract_years < t->budget_total_max) {
		char a[48], b[48];

		money_format(t->budget_annual_max, t->decimals, a, sizeof(a));
		money_format(t->budget_total_max, t->decimals, b, sizeof(b));
		check_report(c, total, DIAG_ERROR, "budget",
			     "the total budget %s is more than %lld years of the annual "
			     "budget %s",
			     b, t->contract_years, a);
	}
}

static void check_market(struct checker *c, const xmlNode *root)
{
	const xmlNode *market = xml_child(root, BID_NS, "market");
	int64_t sum = 0, pct;
	char buf[64];

	for (const xmlNode *s = xml_child(market, BID_NS, "share"); s; s = xml_next_same(s))
		if (check_pct(c, s, xml_attr(s, "pct", buf, sizeof(buf)) ? buf : "",
			      "the market share", &pct))
			sum += pct;
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
	char buf[128];

	memset(t, 0, sizeof(*t));
	t->id = tender_strdup(xml_attr(root, "id", buf, sizeof(buf)) ? buf : "");
	if (!t->id)
		return TENDER_ERR_NOMEM;
	if (!check_uint(xml_text(xml_child(root, BID_NS, "population"), buf, sizeof(buf)),
			&t->population))
		t->population = 0;
	check_contract(&c, root, t);
	check_budget(&c, root, t);
	check_market(&c, root);
	read_questions(&c, root, t);
	return c.status;
}
