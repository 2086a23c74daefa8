/*
 * bid.c - checks of a bid beyond its schema (see bid.h).
 *
 * Each check_* function covers one part of the bid and reports what it
 * finds; none stops the others, so a bidder sees every problem at once.
 */
#include "bid.h"

#include "alloc.h"
#include "money.h"

#include <stdio.h>
#include <string.h>

#define MAX_YEARS 25 /* the schema's cap on <annual> prices */

/* ---------------------------------------------------------------------- */
/* Consortium and services. */

static const xmlNode *find_member(const xmlNode *consortium, const char *id, size_t len)
{
	for (const xmlNode *m = xml_child(consortium, BID_NS, "member"); m; m = xml_next_same(m))
		if (xml_attr_is(m, "id", id, len))
			return m;
	return NULL;
}

static const xmlNode *find_service(const xmlNode *services, const char *line, size_t len)
{
	for (const xmlNode *s = xml_child(services, BID_NS, "service"); s; s = xml_next_same(s))
		if (xml_attr_is(s, "line", line, len))
			return s;
	return NULL;
}

/* Whether an xs:boolean attribute is present and true. */
static int attr_true(const xmlNode *node, const char *name)
{
	return xml_attr_is(node, name, "true", 4) || xml_attr_is(node, name, "1", 1);
}

/* The service lines a member lists, read whole (the list has no length
 * limit); NULL when out of memory (recorded in c->status). Caller frees
 * with tender_free. */
static char *member_lines(struct checker *c, const xmlNode *member)
{
	char *lines;

	if (xml_text_dup(xml_child(member, BID_NS, "services"), &lines))
		c->status = TENDER_ERR_NOMEM;
	return lines;
}

static void check_consortium(struct checker *c, const xmlNode *root)
{
	const xmlNode *consortium = xml_child(root, BID_NS, "consortium");
	const xmlNode *services = xml_child(root, BID_NS, "services");
	int64_t sum = 0, share;
	int n_primes = 0;

	for (const xmlNode *m = xml_child(consortium, BID_NS, "member"); m; m = xml_next_same(m)) {
		const xmlNode *share_el = xml_child(m, BID_NS, "share-pct");
		const char *line, *p;
		char what[192], *lines, *share_text, *id = check_attr(c, m, "id");
		size_t len;

		if (!id && c->status)
			return;
		if (xml_attr_is(m, "role", "prime", 5))
			n_primes++;
		/* ids are at most 64 bytes (the schema's t:id): what holds them */
		snprintf(what, sizeof(what), "the share of member %.64s", id ? id : "");
		share_text = check_text(c, share_el);
		if (share_text && check_pct(c, share_el, share_text, what, &share))
			sum += share;
		tender_free(share_text);

		/* Every line a member says it delivers should be a service of the bid. */
		lines = member_lines(c, m);
		for (p = lines ? lines : ""; check_next_span(&p, &line, &len);)
			if (!find_service(services, line, len))
				check_report(c, m, DIAG_WARNING, "member-service",
					     "member %s lists the service line '%.*s', but the bid "
					     "offers no <service line=\"%.*s\">",
					     id ? id : "", (int)len, line, (int)len, line);
		tender_free(lines);
		tender_free(id);
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

	for (const xmlNode *s = xml_child(services, BID_NS, "service"); s; s = xml_next_same(s)) {
		const char *id, *p, *line;
		char *by, *lines, *line_text;
		size_t len;

		if (xml_attr_dup(s, "line", &line_text)) {
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		line = line_text ? line_text : "";
		if (xml_attr_dup(s, "delivered-by", &by)) { /* a list without length limit */
			tender_free(line_text);
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		for (p = by ? by : ""; check_next_span(&p, &id, &len);) {
			const xmlNode *member = find_member(consortium, id, len);

			if (!member) {
				check_report(c, s, DIAG_ERROR, "service-member",
					     "the %s service is delivered by '%.*s', which is not "
					     "a member of the consortium",
					     line, (int)len, id);
				continue;
			}
			lines = member_lines(c, member);
			if (lines && !check_list_has(lines, line, strlen(line)))
				check_report(c, s, DIAG_WARNING, "service-member",
					     "the %s service is delivered by member %.*s, whose "
					     "<services> do not include %s",
					     line, (int)len, id, line);
			tender_free(lines);
		}
		tender_free(by);
		tender_free(line_text);
	}
}

/* ---------------------------------------------------------------------- */
/* Price. */

/* total / (n_years * population), in minor units rounded half up, exactly
 * for every total > 0, n_years > 0 and population > 0 (UINT64_MAX stands
 * for any population beyond 64 bits: the result is 0 either way), though
 * the product may lie beyond 64 bits. */
static int64_t per_head_expected(int64_t total, int n_years, uint64_t population)
{
	uint64_t t = (uint64_t)total, n = (uint64_t)n_years, divisor;
	uint64_t q1 = t / n, r1 = t % n;
	uint64_t q = q1 / population, r2 = q1 % population;
	/* t = q * n * population + r, with r = r2 * n + r1 < n * population; and
	 * r <= t, so neither r nor 2r can overflow. */
	uint64_t r = r2 * n + r1;

	if (__builtin_mul_overflow(n, population, &divisor))
		return (int64_t)q; /* divisor >= 2^64 > 2r: round down */
	return (int64_t)(q + (r >= divisor - r));
}

/* The tender's population: all its digits as a new string (for messages
 * and exact comparison; NULL when unknown, or out of memory, then recorded
 * in c->status), read whole from the tender's document when there is one,
 * as it may lie beyond 64 bits. */
static char *tender_population(struct checker *c, const struct competition *t,
			       const struct xml_doc *tender_doc)
{
	char *text, *digits = NULL, number[32];
	uint64_t value = 0;
	enum tender_status rc;

	if (!t)
		return NULL;
	if (!tender_doc) {
		if (t->population <= 0)
			return NULL;
		snprintf(number, sizeof(number), "%lld", t->population);
		if (!(digits = tender_strdup(number)))
			c->status = TENDER_ERR_NOMEM;
		return digits;
	}
	text = check_text(c, xml_child(xml_doc_root(tender_doc), BID_NS, "population"));
	rc = text ? check_integer(text, &value, &digits) : TENDER_ERR_INVALID;
	tender_free(text);
	if (rc == TENDER_ERR_NOMEM)
		c->status = rc;
	if ((rc && rc != TENDER_ERR_LIMIT) || value == 0) {
		tender_free(digits);
		digits = NULL;
	}
	return digits;
}

static void check_price(struct checker *c, const xmlNode *root, const struct competition *t,
			const struct xml_doc *tender_doc)
{
	const xmlNode *price = xml_child(root, BID_NS, "price");
	const xmlNode *total_el = xml_child(price, BID_NS, "total");
	const xmlNode *per_head_el = xml_child(price, BID_NS, "per-head-annual");
	const xmlNode *outcomes_el = xml_child(price, BID_NS, "outcomes-based-pct");
	const xmlNode *by_year[MAX_YEARS + 1] = {0};
	char *value, *currency, *population_digits = NULL, *tender_digits = NULL;
	int decimals, ok = 1, n_years = 0;
	uint64_t population = 0, year;
	int64_t sum = 0, total = 0, per_head = 0, pct;
	enum tender_status rc;

	if (!(currency = check_attr(c, price, "currency")) && c->status)
		return;
	decimals = currency_decimals(currency ? currency : "");
	if (decimals < 0) {
		check_report(c, price, DIAG_ERROR, "currency",
			     "unknown currency '%s'; use an ISO 4217 code such as GBP",
			     currency ? currency : "");
		tender_free(currency);
		return;
	}
	if (t && t->decimals >= 0 && strcmp(currency, t->currency) != 0)
		check_report(c, price, DIAG_ERROR, "currency",
			     "the price is in %s but the tender is in %s", currency, t->currency);
	tender_free(currency);

	/* A population beyond 64 bits is a number like any other: every
	 * message stays true, the per-head price for it is 0. */
	value = check_attr(c, price, "population");
	rc = value ? check_integer(value, &population, &population_digits) : TENDER_ERR_INVALID;
	tender_free(value);
	if (rc == TENDER_ERR_NOMEM)
		c->status = rc;
	if (rc != TENDER_OK && rc != TENDER_ERR_LIMIT)
		population = 0;
	tender_digits = tender_population(c, t, tender_doc);
	if (population > 0 && population_digits && tender_digits &&
	    strcmp(population_digits, tender_digits) != 0)
		check_report(c, price, DIAG_ERROR, "population",
			     "the price is for a population of %s, but the tender's population "
			     "is %s",
			     population_digits, tender_digits);
	tender_free(tender_digits);

	for (const xmlNode *a = xml_child(price, BID_NS, "annual"); a; a = xml_next_same(a)) {
		int64_t amount;
		char what[64];

		value = check_attr(c, a, "year");
		if (!value) {
			ok = 0;
			continue;
		}
		rc = check_integer(value, &year, NULL);
		tender_free(value);
		if (rc || year < 1 || year > MAX_YEARS) {
			check_report(c, a, DIAG_ERROR, "price-years",
				     "a year of the price must be between 1 and %d", MAX_YEARS);
			ok = 0;
			continue;
		}
		by_year[year] = a;
		if ((int)year > n_years)
			n_years = (int)year;
		snprintf(what, sizeof(what), "the price for year %d", (int)year);
		value = check_text(c, a);
		if (value && check_money(c, a, value, decimals, what, &amount)) {
			if (__builtin_add_overflow(sum, amount, &sum)) {
				check_report(c, a, DIAG_ERROR, "money", "the prices are too large");
				ok = 0;
			}
		} else {
			ok = 0;
		}
		tender_free(value);
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

	value = check_text(c, total_el);
	ok &= value && check_money(c, total_el, value, decimals, "the total price", &total);
	tender_free(value);
	if (ok && sum != total) {
		char difference[48];

		/* total - sum may lie beyond int64_t: formatted exactly */
		check_money_difference(total, sum, decimals, difference, sizeof(difference));
		check_report(c, total_el, DIAG_ERROR, "price-sum",
			     "the annual prices add up to %s, but the total says %s "
			     "(a difference of %s)",
			     money_text(sum, decimals).s, money_text(total, decimals).s, difference);
	}
	if (ok && total <= 0)
		check_report(c, total_el, DIAG_WARNING, "price-nonpositive",
			     "the total price is %s; a price of zero or less is rejected by "
			     "the default rules",
			     money_text(total, decimals).s);
	if (ok && t && t->decimals == decimals && total > t->budget_total_max &&
	    t->budget_total_max > 0)
		check_report(c, total_el, DIAG_WARNING, "budget",
			     "the total price %s is above the budget envelope of %s",
			     money_text(total, decimals).s,
			     money_text(t->budget_total_max, decimals).s);

	/* Per head per year: total / years / population, to the minor unit. */
	value = check_text(c, per_head_el);
	if (value &&
	    check_money(c, per_head_el, value, decimals, "the per-head annual price", &per_head) &&
	    ok && total > 0 && n_years > 0 && population > 0) {
		int64_t expected = per_head_expected(total, n_years, population), diff;

		if (__builtin_sub_overflow(per_head, expected, &diff) || diff > 1 || diff < -1)
			check_report(c, per_head_el, DIAG_ERROR, "per-head",
				     "the per-head annual price is %s, but %s over %d years for "
				     "%s people is %s a head a year",
				     money_text(per_head, decimals).s, money_text(total, decimals).s,
				     n_years, population_digits ? population_digits : "",
				     money_text(expected, decimals).s);
	}
	tender_free(value);
	tender_free(population_digits);
	value = check_text(c, outcomes_el);
	if (value)
		check_pct(c, outcomes_el, value, "the outcomes-based share", &pct);
	tender_free(value);
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
	char *price_currency = check_attr(c, xml_child(root, BID_NS, "price"), "currency");
	int64_t amount;

	for (size_t i = 0; i < 2 && !c->status; i++) {
		const char *currency;
		char *own, *value;
		int decimals;

		if (!amounts[i])
			continue;
		own = check_attr(c, amounts[i], "currency");
		currency = own ? own : price_currency ? price_currency : "";
		decimals = currency_decimals(currency);
		if (decimals < 0) {
			check_report(c, amounts[i], DIAG_ERROR, "currency",
				     "unknown currency '%s' for %s", currency, names[i]);
			tender_free(own);
			continue;
		}
		tender_free(own);
		value = check_text(c, amounts[i]);
		if (value)
			check_money(c, amounts[i], value, decimals, names[i], &amount);
		tender_free(value);
	}
	tender_free(price_currency);
}

/* Reads a date whole (element text, or attribute `attr` when not NULL) for
 * a check, as a new string; NULL when absent (or out of memory). */
static char *date_of(struct checker *c, const xmlNode *node, const char *attr)
{
	return attr ? check_attr(c, node, attr) : check_text(c, node);
}

static void check_dates(struct checker *c, const xmlNode *root, const struct competition *t)
{
	const xmlNode *timeline = xml_child(root, BID_NS, "timeline");
	const xmlNode *mob = xml_child(timeline, BID_NS, "mobilisation-start");
	const xmlNode *start = xml_child(timeline, BID_NS, "service-start");
	const xmlNode *full = xml_child(timeline, BID_NS, "full-operation");
	const xmlNode *signed_el = xml_child(xml_child(root, BID_NS, "declarations"), BID_NS,
					     "signed");
	char *d_mob = date_of(c, mob, NULL), *d_start = date_of(c, start, NULL);
	char *d_full = date_of(c, full, NULL), *d_signed = date_of(c, signed_el, "date");
	char *d_submitted = date_of(c, root, "submitted");

	if (d_mob && d_start && check_date_cmp(d_mob, d_start) > 0)
		check_report(c, start, DIAG_ERROR, "dates",
			     "the service starts (%s) before mobilisation starts (%s)", d_start,
			     d_mob);
	if (d_start && d_full && check_date_cmp(d_start, d_full) > 0)
		check_report(c, full, DIAG_ERROR, "dates",
			     "full operation (%s) comes before the service starts (%s)", d_full,
			     d_start);
	if (d_signed && d_submitted && check_date_cmp(d_signed, d_submitted) > 0)
		check_report(c, signed_el, DIAG_ERROR, "dates",
			     "the declarations are signed on %s, after the bid was submitted "
			     "(%s)",
			     d_signed, d_submitted);
	if (!t)
		goto out;
	if (d_start && (check_date_cmp(d_start, t->contract_start) < 0 ||
			check_date_cmp(d_start, t->contract_end) > 0))
		check_report(c, start, DIAG_ERROR, "dates",
			     "the service starts on %s, outside the contract term %s to %s",
			     d_start, t->contract_start, t->contract_end);
	for (const xmlNode *k = xml_child(xml_child(root, BID_NS, "outcomes"), BID_NS, "kpi");
	     k && !c->status; k = xml_next_same(k)) {
		const xmlNode *by = xml_child(k, BID_NS, "by");
		char *d_by = date_of(c, by, NULL), *id = check_attr(c, k, "id");

		if (d_by && check_date_cmp(d_by, t->contract_end) > 0)
			check_report(c, by, DIAG_WARNING, "dates",
				     "KPI %s is due on %s, after the contract ends (%s)",
				     id ? id : "?", d_by, t->contract_end);
		tender_free(d_by);
		tender_free(id);
	}
out:
	tender_free(d_mob);
	tender_free(d_start);
	tender_free(d_full);
	tender_free(d_signed);
	tender_free(d_submitted);
}

static void check_declarations(struct checker *c, const xmlNode *root)
{
	const xmlNode *grounds = xml_child(xml_child(root, BID_NS, "declarations"), BID_NS,
					   "exclusion-grounds");
	const xmlNode *pooled = xml_child(xml_child(root, BID_NS, "integration"), BID_NS,
					  "pooled-budget");
	char *authority;

	for (const xmlNode *g = xml_child(grounds, BID_NS, "ground"); g; g = xml_next_same(g)) {
		char *ref;

		if (!attr_true(g, "applies"))
			continue;
		if (xml_attr_dup(g, "ref", &ref)) { /* free text: quoted whole */
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		check_report(c, g, DIAG_WARNING, "exclusion-ground",
			     "you declare that exclusion ground '%s' applies; the "
			     "commissioner may exclude the bid",
			     ref ? ref : "?");
		tender_free(ref);
	}
	if (!attr_true(pooled, "section-75"))
		return;
	authority = check_attr(c, pooled, "local-authority");
	if (!authority && !c->status)
		check_report(c, pooled, DIAG_WARNING, "section-75",
			     "a Section 75 agreement is declared without naming the local "
			     "authority (attribute local-authority)");
	tender_free(authority);
}

/* Whether an answer says anything: one that is only whitespace does not.
 * -1 when out of memory. */
static int is_answered(const xmlNode *answer)
{
	char *text;
	int answered;

	if (xml_text_dup(answer, &text))
		return -1;
	answered = text[0] != '\0';
	tender_free(text);
	return answered;
}

static void check_answers(struct checker *c, const xmlNode *root, const struct competition *t)
{
	const xmlNode *answers = xml_child(root, BID_NS, "answers");
	char *id;

	/* A blank answer counts as no answer, with or without the tender. */
	for (const xmlNode *a = xml_child(answers, BID_NS, "answer"); a; a = xml_next_same(a)) {
		int answered = is_answered(a);

		if (answered < 0) {
			c->status = TENDER_ERR_NOMEM;
			return;
		}
		if (answered)
			continue;
		id = check_attr(c, a, "question");
		check_report(c, a, DIAG_ERROR, "answer-missing",
			     "the answer to question %s is blank (only whitespace), so the "
			     "question counts as not answered",
			     id ? id : "?");
		tender_free(id);
	}
	if (!t)
		return;
	for (size_t i = 0; i < t->n_questions; i++) {
		const xmlNode *found = NULL;
		const char *want = t->questions[i].id;

		for (const xmlNode *a = xml_child(answers, BID_NS, "answer"); a && !found;
		     a = xml_next_same(a))
			if (xml_attr_is(a, "question", want, strlen(want)))
				found = a;
		if (!found)
			check_report(c, answers, DIAG_ERROR, "answer-missing",
				     "question %s (%s) is not answered", t->questions[i].id,
				     t->questions[i].title);
	}
	for (const xmlNode *a = xml_child(answers, BID_NS, "answer"); a && !c->status;
	     a = xml_next_same(a)) {
		id = check_attr(c, a, "question");
		if (id && !competition_question(t, id))
			check_report(c, a, DIAG_WARNING, "answer-unknown",
				     "the tender has no question %s; this answer will not be "
				     "scored",
				     id);
		tender_free(id);
	}
}

enum tender_status bid_check(const struct xml_doc *doc, const struct competition *t,
			     struct diag_list *diags)
{
	return bid_check_with_tender_doc(doc, t, NULL, diags);
}

enum tender_status bid_check_with_tender_doc(const struct xml_doc *doc, const struct competition *t,
					     const struct xml_doc *tender_doc,
					     struct diag_list *diags)
{
	struct checker c = {doc, diags, TENDER_OK};
	const xmlNode *root = xml_doc_root(doc);
	char *tender_id = t ? check_attr(&c, root, "tender") : NULL;

	if (tender_id && strcmp(tender_id, t->id) != 0)
		check_report(&c, root, DIAG_ERROR, "tender-id",
			     "this bid is for tender %s, but the tender given is %s", tender_id,
			     t->id);
	tender_free(tender_id);
	check_consortium(&c, root);
	check_services(&c, root);
	check_price(&c, root, t, tender_doc);
	check_other_money(&c, root);
	check_dates(&c, root, t);
	check_declarations(&c, root);
	check_answers(&c, root, t);
	return c.status;
}
