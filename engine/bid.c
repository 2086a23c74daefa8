/*
 * bid.c - checks of a bid beyond its schema (see bid.h).
 *
 * Each check_* function covers one part of the bid and reports what it
 * finds; none stops the others, so a bidder sees every problem at once.
 */
#include "bid.h"

#include "money.h"

#include <stdio.h>
#include <string.h>

#define MAX_YEARS 25 /* the schema's cap on <annual> prices */

/* Money as text for messages. */
struct amount_text {
	char s[48];
};

static struct amount_text fmt_money(int64_t minor, int decimals)
{
	struct amount_text t;

	money_format(minor, decimals, t.s, sizeof(t.s));
	return t;
}

/* ---------------------------------------------------------------------- */
/* Consortium and services. */

/* Whether a whitespace-separated list contains token. */
static int list_has(const char *list, const char *token)
{
	char item[128];

	while (check_next_token(&list, item, sizeof(item)))
		if (strcmp(item, token) == 0)
			return 1;
	return 0;
}

static const xmlNode *find_member(const xmlNode *consortium, const char *id)
{
	char buf[128];

	for (const xmlNode *m = xml_child(consortium, BID_NS, "member"); m; m = xml_next_same(m))
		if (xml_attr(m, "id", buf, sizeof(buf)) && strcmp(buf, id) == 0)
			return m;
	return NULL;
}

static const xmlNode *find_service(const xmlNode *services, const char *line)
{
	char buf[64];

	for (const xmlNode *s = xml_child(services, BID_NS, "service"); s; s = xml_next_same(s))
		if (xml_attr(s, "line", buf, sizeof(buf)) && strcmp(buf, line) == 0)
			return s;
	return NULL;
}

static void check_consortium(struct checker *c, const xmlNode *root)
{
	const xmlNode *consortium = xml_child(root, BID_NS, "consortium");
	const xmlNode *services = xml_child(root, BID_NS, "services");
	int64_t sum = 0, share;
	int n_primes = 0;
	char role[32], id[128], lines[256], line[64], text[64];

	for (const xmlNode *m = xml_child(consortium, BID_NS, "member"); m; m = xml_next_same(m)) {
		const xmlNode *share_el = xml_child(m, BID_NS, "share-pct");
		char what[192];

		xml_attr(m, "id", id, sizeof(id));
		if (xml_attr(m, "role", role, sizeof(role)) && strcmp(role, "prime") == 0)
			n_primes++;
		snprintf(what, sizeof(what), "the share of member %s", id);
		if (check_pct(c, share_el, xml_text(share_el, text, sizeof(text)), what, &share))
			sum += share;

		/* Every line a member says it delivers should be a service of the bid. */
		xml_text(xml_child(m, BID_NS, "services"), lines, sizeof(lines));
		for (const char *p = lines; check_next_token(&p, line, sizeof(line));)
			if (!find_service(services, line))
				check_report(c, m, DIAG_WARNING, "member-service",
					     "member %s lists the service line '%s', but the bid "
					     "offers no <service line=\"%s\">",
					     id, line, line);
	}
	if (n_primes != 1)
		check_report(c, consortium, DIAG_ERROR, "prime",
			     "the consortium must have exactly one member with role=\"prime\"; "
			     "it has %d",
			     n_primes);
	if (sum > 10000)
		check_report(c, consortium, DIAG_ERROR, "share-sum",
			     "members' shares of the contract value add up to %lld.%02lld%%, "
			     "more than 100%%",
			     (long long)(sum / 100), (long long)(sum % 100));
}

static void check_services(struct checker *c, const xmlNode *root)
{
	const xmlNode *consortium = xml_child(root, BID_NS, "consortium");
	const xmlNode *services = xml_child(root, BID_NS, "services");
	char line[64], by[512], id[128], lines[256];

	for (const xmlNode *s = xml_child(services, BID_NS, "service"); s; s = xml_next_same(s)) {
		xml_attr(s, "line", line, sizeof(line));
		xml_attr(s, "delivered-by", by, sizeof(by));
		for (const char *p = by; check_next_token(&p, id, sizeof(id));) {
			const xmlNode *member = find_member(consortium, id);
			if (!member) {
				check_report(c, s, DIAG_ERROR, "service-member",
					     "the %s service is delivered by '%s', which is not "
					     "a member of the consortium",
					     line, id);
				continue;
			}
			xml_text(xml_child(member, BID_NS, "services"), lines, sizeof(lines));
			if (!list_has(lines, line))
				check_report(c, s, DIAG_WARNING, "service-member",
					     "the %s service is delivered by member %s, whose "
					     "<services> do not include %s",
					     line, id, line);
		}
	}
}

/* ---------------------------------------------------------------------- */
/* Price. */

static void check_price(struct checker *c, const xmlNode *root, const struct competition *t)
{
	const xmlNode *price = xml_child(root, BID_NS, "price");
	const xmlNode *total_el = xml_child(price, BID_NS, "total");
	const xmlNode *per_head_el = xml_child(price, BID_NS, "per-head-annual");
	const xmlNode *outcomes_el = xml_child(price, BID_NS, "outcomes-based-pct");
	const xmlNode *by_year[MAX_YEARS + 1] = {0};
	char currency[8], text[64];
	int decimals, ok = 1, n_years = 0;
	long long population = 0, year;
	int64_t sum = 0, total = 0, per_head = 0, pct;

	xml_attr(price, "currency", currency, sizeof(currency));
	decimals = currency_decimals(currency);
	if (decimals < 0) {
		check_report(c, price, DIAG_ERROR, "currency",
			     "unknown currency '%s'; use an ISO 4217 code such as GBP", currency);
		return;
	}
	if (t && t->decimals >= 0 && strcmp(currency, t->currency) != 0)
		check_report(c, price, DIAG_ERROR, "currency",
			     "the price is in %s but the tender is in %s", currency, t->currency);
	check_uint(xml_attr(price, "population", text, sizeof(text)) ? text : "", &population);
	if (t && t->population > 0 && population != t->population)
		check_report(c, price, DIAG_ERROR, "population",
			     "the price is for a population of %lld, but the tender's population "
			     "is %lld",
			     population, t->population);

	for (const xmlNode *a = xml_child(price, BID_NS, "annual"); a; a = xml_next_same(a)) {
		int64_t amount;
		char what[64];

		if (!xml_attr(a, "year", text, sizeof(text)) || !check_uint(text, &year) ||
		    year < 1 || year > MAX_YEARS) {
			check_report(c, a, DIAG_ERROR, "price-years",
				     "a year of the price must be between 1 and %d", MAX_YEARS);
			ok = 0;
			continue;
		}
		by_year[year] = a;
		if (year > n_years)
			n_years = (int)year;
		snprintf(what, sizeof(what), "the price for year %lld", year);
		if (check_money(c, a, xml_text(a, text, sizeof(text)), decimals, what, &amount)) {
			if ((amount > 0 && sum > INT64_MAX - amount) ||
			    (amount < 0 && sum < INT64_MIN - amount)) {
				check_report(c, a, DIAG_ERROR, "money", "the prices are too large");
				ok = 0;
			} else {
				sum += amount;
			}
		} else {
			ok = 0;
		}
	}
	for (int y = 1; y <= n_years; y++)
		if (!by_year[y]) {
			check_report(c, price, DIAG_ERROR, "price-years",
				     "there is no price for year %d (years must run 1, 2, 3, ... "
				     "without gaps)",
				     y);
			ok = 0;
		}
	if (t && t->contract_years > 0 && n_years != t->contract_years)
		check_report(c, price, DIAG_ERROR, "price-years",
			     "the price covers %d years but the contract runs %lld years",
			     n_years, t->contract_years);

	ok &= check_money(c, total_el, xml_text(total_el, text, sizeof(text)), decimals,
			  "the total price", &total);
	if (ok && sum != total)
		check_report(c, total_el, DIAG_ERROR, "price-sum",
			     "the annual prices add up to %s, but the total says %s "
			     "(a difference of %s)",
			     fmt_money(sum, decimals).s, fmt_money(total, decimals).s,
			     fmt_money(total - sum, decimals).s);
	if (ok && total <= 0)
		check_report(c, total_el, DIAG_WARNING, "price-nonpositive",
			     "the total price is %s; a price of zero or less is rejected by "
			     "the default rules",
			     fmt_money(total, decimals).s);
	if (ok && t && t->decimals == decimals && total > t->budget_total_max &&
	    t->budget_total_max > 0)
		check_report(c, total_el, DIAG_WARNING, "budget",
			     "the total price %s is above the budget envelope of %s",
			     fmt_money(total, decimals).s,
			     fmt_money(t->budget_total_max, decimals).s);

	/* Per head per year: total / years / population, to the minor unit. */
	if (check_money(c, per_head_el, xml_text(per_head_el, text, sizeof(text)), decimals,
			"the per-head annual price", &per_head) &&
	    ok && total > 0 && n_years > 0 && population > 0) {
		int64_t divisor = (int64_t)n_years * population;
		int64_t expected = (total + divisor / 2) / divisor;
		int64_t diff = per_head - expected;

		if (diff > 1 || diff < -1)
			check_report(c, per_head_el, DIAG_ERROR, "per-head",
				     "the per-head annual price is %s, but %s over %d years for "
				     "%lld people is %s a head a year",
				     fmt_money(per_head, decimals).s, fmt_money(total, decimals).s,
				     n_years, population, fmt_money(expected, decimals).s);
	}
	check_pct(c, outcomes_el, xml_text(outcomes_el, text, sizeof(text)),
		  "the outcomes-based share", &pct);
}

/* ---------------------------------------------------------------------- */
/* Other money, dates, integration, declarations, answers. */

static void check_other_money(struct checker *c, const xmlNode *root)
{
	const xmlNode *turnover = xml_child(xml_child(root, BID_NS, "bidder"), BID_NS,
					    "annual-turnover");
	const xmlNode *pooled = xml_child(xml_child(xml_child(root, BID_NS, "integration"),
						    BID_NS, "pooled-budget"),
					  BID_NS, "amount");
	const xmlNode *amounts[] = {turnover, pooled};
	const char *names[] = {"the annual turnover", "the pooled budget"};
	const char *price_currency;
	char currency[8], price_cur[8], text[64];
	int64_t value;

	price_currency = xml_attr(xml_child(root, BID_NS, "price"), "currency", price_cur,
				  sizeof(price_cur));
	for (size_t i = 0; i < 2; i++) {
		int decimals;

		if (!amounts[i])
			continue;
		if (!xml_attr(amounts[i], "currency", currency, sizeof(currency)))
			snprintf(currency, sizeof(currency), "%s",
				 price_currency ? price_currency : "");
		decimals = currency_decimals(currency);
		if (decimals < 0) {
			check_report(c, amounts[i], DIAG_ERROR, "currency",
				     "unknown currency '%s' for %s", currency, names[i]);
			continue;
		}
		check_money(c, amounts[i], xml_text(amounts[i], text, sizeof(text)), decimals,
			    names[i], &value);
	}
}

static void check_dates(struct checker *c, const xmlNode *root, const struct competition *t)
{
	const xmlNode *timeline = xml_child(root, BID_NS, "timeline");
	const xmlNode *mob = xml_child(timeline, BID_NS, "mobilisation-start");
	const xmlNode *start = xml_child(timeline, BID_NS, "service-start");
	const xmlNode *full = xml_child(timeline, BID_NS, "full-operation");
	const xmlNode *signed_el = xml_child(xml_child(root, BID_NS, "declarations"), BID_NS,
					     "signed");
	char d_mob[32], d_start[32], d_full[32], d_signed[32], d_submitted[32];

	xml_text(mob, d_mob, sizeof(d_mob));
	xml_text(start, d_start, sizeof(d_start));
	xml_text(full, d_full, sizeof(d_full));
	if (check_date_cmp(d_mob, d_start) > 0)
		check_report(c, start, DIAG_ERROR, "dates",
			     "the service starts (%s) before mobilisation starts (%s)", d_start,
			     d_mob);
	if (check_date_cmp(d_start, d_full) > 0)
		check_report(c, full, DIAG_ERROR, "dates",
			     "full operation (%s) comes before the service starts (%s)", d_full,
			     d_start);
	if (xml_attr(signed_el, "date", d_signed, sizeof(d_signed)) &&
	    xml_attr(root, "submitted", d_submitted, sizeof(d_submitted)) &&
	    check_date_cmp(d_signed, d_submitted) > 0)
		check_report(c, signed_el, DIAG_ERROR, "dates",
			     "the declarations are signed on %s, after the bid was submitted "
			     "(%s)",
			     d_signed, d_submitted);
	if (!t)
		return;
	if (check_date_cmp(d_start, t->contract_start) < 0 ||
	    check_date_cmp(d_start, t->contract_end) > 0)
		check_report(c, start, DIAG_ERROR, "dates",
			     "the service starts on %s, outside the contract term %s to %s",
			     d_start, t->contract_start, t->contract_end);
	for (const xmlNode *k = xml_child(xml_child(root, BID_NS, "outcomes"), BID_NS, "kpi"); k;
	     k = xml_next_same(k)) {
		const xmlNode *by = xml_child(k, BID_NS, "by");
		char d_by[32], id[128];

		xml_text(by, d_by, sizeof(d_by));
		if (check_date_cmp(d_by, t->contract_end) > 0)
			check_report(c, by, DIAG_WARNING, "dates",
				     "KPI %s is due on %s, after the contract ends (%s)",
				     xml_attr(k, "id", id, sizeof(id)) ? id : "?", d_by,
				     t->contract_end);
	}
}

static void check_declarations(struct checker *c, const xmlNode *root)
{
	const xmlNode *grounds = xml_child(xml_child(root, BID_NS, "declarations"), BID_NS,
					   "exclusion-grounds");
	const xmlNode *pooled = xml_child(xml_child(root, BID_NS, "integration"), BID_NS,
					  "pooled-budget");
	char buf[256];

	for (const xmlNode *g = xml_child(grounds, BID_NS, "ground"); g; g = xml_next_same(g)) {
		char ref[256];

		if (xml_attr(g, "applies", buf, sizeof(buf)) &&
		    (strcmp(buf, "true") == 0 || strcmp(buf, "1") == 0))
			check_report(c, g, DIAG_WARNING, "exclusion-ground",
				     "you declare that exclusion ground '%s' applies; the "
				     "commissioner may exclude the bid",
				     xml_attr(g, "ref", ref, sizeof(ref)) ? ref : "?");
	}
	if (xml_attr(pooled, "section-75", buf, sizeof(buf)) &&
	    (strcmp(buf, "true") == 0 || strcmp(buf, "1") == 0) &&
	    !xml_attr(pooled, "local-authority", buf, sizeof(buf)))
		check_report(c, pooled, DIAG_WARNING, "section-75",
			     "a Section 75 agreement is declared without naming the local "
			     "authority (attribute local-authority)");
}

static void check_answers(struct checker *c, const xmlNode *root, const struct competition *t)
{
	const xmlNode *answers = xml_child(root, BID_NS, "answers");
	char id[128];

	for (size_t i = 0; i < t->n_questions; i++) {
		int found = 0;

		for (const xmlNode *a = xml_child(answers, BID_NS, "answer"); a && !found;
		     a = xml_next_same(a))
			found = xml_attr(a, "question", id, sizeof(id)) &&
				strcmp(id, t->questions[i].id) == 0;
		if (!found)
			check_report(c, answers, DIAG_ERROR, "answer-missing",
				     "question %s (%s) is not answered", t->questions[i].id,
				     t->questions[i].title);
	}
	for (const xmlNode *a = xml_child(answers, BID_NS, "answer"); a; a = xml_next_same(a))
		if (xml_attr(a, "question", id, sizeof(id)) && !competition_question(t, id))
			check_report(c, a, DIAG_WARNING, "answer-unknown",
				     "the tender has no question %s; this answer will not be "
				     "scored",
				     id);
}

enum tender_status bid_check(const struct xml_doc *doc, const struct competition *t,
			     struct diag_list *diags)
{
	struct checker c = {doc, diags, TENDER_OK};
	const xmlNode *root = xml_doc_root(doc);
	char tender_id[128];

	if (t && xml_attr(root, "tender", tender_id, sizeof(tender_id)) &&
	    strcmp(tender_id, t->id) != 0)
		check_report(&c, root, DIAG_ERROR, "tender-id",
			     "this bid is for tender %s, but the tender given is %s", tender_id,
			     t->id);
	check_consortium(&c, root);
	check_services(&c, root);
	check_price(&c, root, t);
	check_other_money(&c, root);
	check_dates(&c, root, t);
	check_declarations(&c, root);
	if (t)
		check_answers(&c, root, t);
	return c.status;
}
