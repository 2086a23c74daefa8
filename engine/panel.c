/*
 * panel.c - the panel's scores (see panel.h): checks of the file, reading it
 * with the tender's evaluators, conflicts of interest, and moderation.
 */
#include "panel.h"

#include "alloc.h"
#include "check.h"
#include "names.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_evaluator(const struct xml_doc *tender_doc, const char *id)
{
	const xmlNode *panel = xml_child(xml_doc_root(tender_doc), BID_NS, "panel");

	for (const xmlNode *e = xml_child(panel, BID_NS, "evaluator"); e; e = xml_next_same(e))
		if (xml_attr_is(e, "id", id, strlen(id)))
			return 1;
	return 0;
}

static void check_evaluator(struct checker *c, const xmlNode *at,
			    const struct xml_doc *tender_doc, const char *id)
{
	if (!has_evaluator(tender_doc, id))
		check_report(c, at, DIAG_ERROR, "evaluator-unknown",
			     "evaluator %s is not on the tender's panel", id);
}

enum tender_status panel_check(const struct xml_doc *doc, const struct competition *t,
			       const struct xml_doc *tender_doc, struct diag_list *diags)
{
	struct checker c = {doc, diags, TENDER_OK};
	const xmlNode *root = xml_doc_root(doc);
	char *value;

	if (!t || !tender_doc)
		return TENDER_OK;
	value = check_attr(&c, root, "tender"); /* every value read whole */
	if (value && strcmp(value, t->id) != 0)
		check_report(&c, root, DIAG_ERROR, "tender-id",
			     "these scores are for tender %s, but the tender given is %s", value,
			     t->id);
	tender_free(value);
	for (const xmlNode *s = root->children; s && !c.status; s = s->next) {
		if (xml_is(s, BID_NS, "score") && (value = check_attr(&c, s, "evaluator"))) {
			check_evaluator(&c, s, tender_doc, value);
			tender_free(value);
		}
		if (xml_is(s, BID_NS, "moderated") || xml_is(s, BID_NS, "decision")) {
			const char *p, *id;
			char *agreed_by;
			size_t len;

			/* a list without length limit: read whole */
			if (xml_attr_dup(s, "agreed-by", &agreed_by)) {
				c.status = TENDER_ERR_NOMEM;
				break;
			}
			for (p = agreed_by ? agreed_by : ""; check_next_span(&p, &id, &len);) {
				char *one = tender_strndup(id, len);

				if (!one) {
					c.status = TENDER_ERR_NOMEM;
					break;
				}
				check_evaluator(&c, s, tender_doc, one);
				tender_free(one);
			}
			tender_free(agreed_by);
		}
		if ((xml_is(s, BID_NS, "score") || xml_is(s, BID_NS, "moderated")) &&
		    (value = check_attr(&c, s, "question"))) {
			if (!competition_question(t, value))
				check_report(&c, s, DIAG_ERROR, "question-unknown",
					     "the tender has no question %s", value);
			tender_free(value);
		}
	}
	return c.status;
}

/* ---------------------------------------------------------------------- */
/* Reading the panel. */

static void release_member(struct panel_member *m)
{
	for (size_t i = 0; i < m->n_interests; i++) {
		tender_free(m->interests[i].organisation);
		tender_free(m->interests[i].nature);
	}
	tender_free(m->interests);
	tender_free(m->id);
	tender_free(m->name);
	tender_free(m->role);
}

void panel_scores_release(struct panel_scores *ps)
{
	for (size_t i = 0; i < ps->n_members; i++)
		release_member(&ps->members[i]);
	for (size_t i = 0; i < ps->n_scores; i++) {
		tender_free(ps->scores[i].evaluator);
		tender_free(ps->scores[i].bid);
		tender_free(ps->scores[i].question);
		tender_free(ps->scores[i].note);
		tender_free(ps->scores[i].why);
	}
	for (size_t i = 0; i < ps->n_moderated; i++) {
		tender_free(ps->moderated[i].bid);
		tender_free(ps->moderated[i].question);
		tender_free(ps->moderated[i].agreed_by);
		tender_free(ps->moderated[i].note);
		tender_free(ps->moderated[i].why);
	}
	for (size_t i = 0; i < ps->n_decisions; i++) {
		tender_free(ps->decisions[i].bid);
		tender_free(ps->decisions[i].flag);
		tender_free(ps->decisions[i].date);
		tender_free(ps->decisions[i].agreed_by);
		tender_free(ps->decisions[i].note);
	}
	tender_free(ps->decisions);
	for (size_t i = 0; i < ps->n_explanations; i++) {
		tender_free(ps->explanations[i].bid);
		tender_free(ps->explanations[i].flag);
		tender_free(ps->explanations[i].requested);
		tender_free(ps->explanations[i].replied);
		tender_free(ps->explanations[i].note);
	}
	tender_free(ps->explanations);
	tender_free(ps->members);
	tender_free(ps->scores);
	tender_free(ps->moderated);
	tender_free(ps->by_bid);
	tender_free(ps->mod_by_bid);
	memset(ps, 0, sizeof(*ps));
}

/* The attribute's whole value ("" when absent); sets *failed when out of
 * memory. */
static char *attr_copy(const xmlNode *node, const char *name, int *failed)
{
	char *copy = NULL;

	if (xml_attr_dup(node, name, &copy) == TENDER_OK && !copy)
		copy = tender_strdup("");
	if (!copy)
		*failed = 1;
	return copy;
}

static char *text_copy(const xmlNode *node, int *failed)
{
	char *copy = NULL;

	if (xml_text_dup(node, &copy))
		*failed = 1;
	return copy;
}

/* A score's value through the one decimal parser (number.h); a value that
 * is not a decimal keeps its reason in *why for the checks of run.c. */
static void read_value(const xmlNode *node, struct decimal *value, int *has_value, char **why,
		       int *failed)
{
	char *text = NULL, reason[128];

	if (xml_attr_dup(node, "value", &text)) {
		*failed = 1;
		return;
	}
	if (text && decimal_parse(text, value, reason, sizeof(reason)) == TENDER_OK) {
		*has_value = 1;
	} else {
		struct strbuf sb = STRBUF_INIT_WHOLE;

		strbuf_addf(&sb, "the value '%s' %s", text ? text : "",
			    text ? reason : "is missing");
		*why = strbuf_detach(&sb);
		if (!*why)
			*failed = 1;
	}
	tender_free(text);
}

static int read_members(const xmlNode *tender_root, struct panel_scores *ps)
{
	const xmlNode *panel = xml_child(tender_root, BID_NS, "panel");
	const xmlNode *e;
	int failed = 0;

	for (e = xml_child(panel, BID_NS, "evaluator"); e; e = xml_next_same(e))
		ps->n_members++;
	ps->members = tender_calloc(ps->n_members, sizeof(*ps->members));
	if (!ps->members) {
		ps->n_members = 0;
		return 0;
	}
	e = xml_child(panel, BID_NS, "evaluator");
	for (size_t i = 0; i < ps->n_members && !failed; i++, e = xml_next_same(e)) {
		struct panel_member *m = &ps->members[i];
		size_t n = 0;

		m->id = attr_copy(e, "id", &failed);
		m->name = attr_copy(e, "name", &failed);
		m->role = attr_copy(e, "role", &failed);
		for (const xmlNode *in = xml_child(e, BID_NS, "interest"); in; in = xml_next_same(in))
			n++;
		m->interests = tender_calloc(n, sizeof(*m->interests));
		if (!m->interests)
			return 0;
		for (const xmlNode *in = xml_child(e, BID_NS, "interest"); in;
		     in = xml_next_same(in)) {
			struct panel_interest *it = &m->interests[m->n_interests++];

			it->organisation = attr_copy(in, "organisation", &failed);
			it->nature = attr_copy(in, "nature", &failed);
		}
	}
	return !failed;
}

static const struct panel_scores *sort_ps; /* qsort has no context argument */

static int key_cmp(const char *bid_a, const char *q_a, const char *bid_b, const char *q_b)
{
	int c = strcmp(bid_a, bid_b);

	return c ? c : strcmp(q_a, q_b);
}

static int score_order(const void *a, const void *b)
{
	const struct panel_score *x = &sort_ps->scores[*(const size_t *)a];
	const struct panel_score *y = &sort_ps->scores[*(const size_t *)b];
	int c = key_cmp(x->bid, x->question, y->bid, y->question);

	return c ? c : (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static int moderated_order(const void *a, const void *b)
{
	const struct panel_moderated *x = &sort_ps->moderated[*(const size_t *)a];
	const struct panel_moderated *y = &sort_ps->moderated[*(const size_t *)b];

	return key_cmp(x->bid, x->question, y->bid, y->question);
}

static int build_index(struct panel_scores *ps)
{
	ps->by_bid = tender_calloc(ps->n_scores, sizeof(*ps->by_bid));
	ps->mod_by_bid = tender_calloc(ps->n_moderated, sizeof(*ps->mod_by_bid));
	if (!ps->by_bid || !ps->mod_by_bid)
		return 0;
	for (size_t i = 0; i < ps->n_scores; i++)
		ps->by_bid[i] = i;
	for (size_t i = 0; i < ps->n_moderated; i++)
		ps->mod_by_bid[i] = i;
	sort_ps = ps;
	qsort(ps->by_bid, ps->n_scores, sizeof(*ps->by_bid), score_order);
	qsort(ps->mod_by_bid, ps->n_moderated, sizeof(*ps->mod_by_bid), moderated_order);
	sort_ps = NULL;
	return 1;
}

enum tender_status panel_read(const xmlNode *tender_root, const struct xml_doc *doc,
			      struct panel_scores *ps)
{
	const xmlNode *root = xml_doc_root(doc);
	size_t n_scores = 0, n_moderated = 0, n_decisions = 0, n_explanations = 0;
	int failed = 0;

	memset(ps, 0, sizeof(*ps));
	if (!read_members(tender_root, ps))
		failed = 1;
	for (const xmlNode *s = root->children; s; s = s->next) {
		n_scores += xml_is(s, BID_NS, "score");
		n_moderated += xml_is(s, BID_NS, "moderated");
		n_decisions += xml_is(s, BID_NS, "decision");
		n_explanations += xml_is(s, BID_NS, "explanation");
	}
	ps->scores = tender_calloc(n_scores, sizeof(*ps->scores));
	ps->moderated = tender_calloc(n_moderated, sizeof(*ps->moderated));
	ps->decisions = tender_calloc(n_decisions, sizeof(*ps->decisions));
	ps->explanations = tender_calloc(n_explanations, sizeof(*ps->explanations));
	if (!ps->scores || !ps->moderated || !ps->decisions || !ps->explanations)
		failed = 1;
	for (const xmlNode *s = root->children; s && !failed; s = s->next) {
		if (xml_is(s, BID_NS, "score")) {
			struct panel_score *p = &ps->scores[ps->n_scores++];

			p->evaluator = attr_copy(s, "evaluator", &failed);
			p->bid = attr_copy(s, "bid", &failed);
			p->question = attr_copy(s, "question", &failed);
			p->note = text_copy(s, &failed);
			read_value(s, &p->value, &p->has_value, &p->why, &failed);
			xml_node_position(doc, s, &p->line, &p->column);
		} else if (xml_is(s, BID_NS, "moderated")) {
			struct panel_moderated *m = &ps->moderated[ps->n_moderated++];

			m->bid = attr_copy(s, "bid", &failed);
			m->question = attr_copy(s, "question", &failed);
			m->agreed_by = attr_copy(s, "agreed-by", &failed);
			m->note = text_copy(s, &failed);
			read_value(s, &m->value, &m->has_value, &m->why, &failed);
			xml_node_position(doc, s, &m->line, &m->column);
		} else if (xml_is(s, BID_NS, "decision")) {
			struct panel_decision *d = &ps->decisions[ps->n_decisions++];

			d->bid = attr_copy(s, "bid", &failed);
			d->flag = attr_copy(s, "flag", &failed);
			d->date = attr_copy(s, "date", &failed);
			d->agreed_by = attr_copy(s, "agreed-by", &failed);
			d->note = text_copy(s, &failed);
			d->excluded = xml_attr_is(s, "outcome", "excluded", strlen("excluded"));
		} else if (xml_is(s, BID_NS, "explanation")) {
			struct panel_explanation *e = &ps->explanations[ps->n_explanations++];

			e->bid = attr_copy(s, "bid", &failed);
			e->flag = attr_copy(s, "flag", &failed);
			e->requested = attr_copy(s, "requested", &failed);
			if (xmlHasProp(s, BAD_CAST "replied"))
				e->replied = attr_copy(s, "replied", &failed);
			e->note = text_copy(s, &failed);
		}
	}
	if (failed || !build_index(ps)) {
		panel_scores_release(ps);
		return TENDER_ERR_NOMEM;
	}
	return TENDER_OK;
}

const char *panel_method_str(enum panel_method m)
{
	switch (m) {
	case PANEL_MEDIAN: return "median";
	case PANEL_MEAN: return "mean";
	case PANEL_CONSENSUS: return "consensus";
	}
	return "?";
}

const char *panel_basis_str(enum panel_basis b)
{
	switch (b) {
	case BASIS_NONE: return "none";
	case BASIS_MODERATED: return "moderated";
	case BASIS_MEDIAN: return "median";
	case BASIS_MEAN: return "mean";
	}
	return "?";
}

const char *panel_mark_state_str(enum panel_mark_state s)
{
	switch (s) {
	case MARK_COUNTED: return "counted";
	case MARK_EXCLUDED: return "excluded";
	case MARK_MISSING: return "missing";
	}
	return "?";
}

struct panel_decision *panel_find_decision(const struct panel_scores *ps, const char *bid,
					   const char *flag)
{
	for (size_t i = 0; ps && i < ps->n_decisions; i++)
		if (strcmp(ps->decisions[i].bid, bid) == 0 &&
		    strcmp(ps->decisions[i].flag, flag) == 0)
			return &ps->decisions[i];
	return NULL;
}

struct panel_explanation *panel_find_explanation(const struct panel_scores *ps, const char *bid,
						 const char *flag)
{
	for (size_t i = 0; ps && i < ps->n_explanations; i++)
		if (strcmp(ps->explanations[i].bid, bid) == 0 &&
		    strcmp(ps->explanations[i].flag, flag) == 0)
			return &ps->explanations[i];
	return NULL;
}


/* ---------------------------------------------------------------------- */
/* Conflicts of interest. */

void panel_conflicts_release(struct panel_conflict *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tender_free(c[i].party);
	tender_free(c);
}

enum tender_status panel_find_conflicts(const struct panel_scores *ps, const char *bidder,
					char *const *members, size_t n_members,
					struct panel_conflict **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	for (size_t m = 0; m < ps->n_members; m++) {
		for (size_t i = 0; i < ps->members[m].n_interests; i++) {
			const char *org = ps->members[m].interests[i].organisation;
			const char *party = NULL;
			int is_bidder = 0;
			struct panel_conflict *grown;
			int same = bidder ? names_same_organisation(org, bidder) : 0;

			if (same > 0) {
				party = bidder;
				is_bidder = 1;
			}
			for (size_t k = 0; !party && same >= 0 && k < n_members; k++)
				if ((same = names_same_organisation(org, members[k])) > 0)
					party = members[k];
			if (same < 0)
				goto nomem;
			if (!party)
				continue;
			grown = tender_realloc(*out, (*n_out + 1) * sizeof(**out));
			if (!grown)
				goto nomem;
			*out = grown;
			grown[*n_out].member = m;
			grown[*n_out].interest = i;
			grown[*n_out].is_bidder = is_bidder;
			grown[*n_out].party = tender_strdup(party);
			if (!grown[(*n_out)++].party)
				goto nomem;
		}
	}
	return TENDER_OK;
nomem:
	panel_conflicts_release(*out, *n_out);
	*out = NULL;
	*n_out = 0;
	return TENDER_ERR_NOMEM;
}

int panel_conflicted(const struct panel_conflict *c, size_t n, size_t member)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].member == member)
			return 1;
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Moderation. */

void panel_record_release(struct panel_record *r)
{
	tender_free(r->marks);
	tender_free(r->why);
	memset(r, 0, sizeof(*r));
}

/* The first index in ps->by_bid of bid and question (binary search), and
 * through *end the index past the last. */
static size_t score_range(const struct panel_scores *ps, const char *bid, const char *question,
			  size_t *end)
{
	size_t lo = 0, hi = ps->n_scores;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct panel_score *s = &ps->scores[ps->by_bid[mid]];

		if (key_cmp(s->bid, s->question, bid, question) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*end = lo; *end < ps->n_scores; (*end)++) {
		const struct panel_score *s = &ps->scores[ps->by_bid[*end]];

		if (key_cmp(s->bid, s->question, bid, question) != 0)
			break;
	}
	return lo;
}

static const struct panel_moderated *find_moderated(const struct panel_scores *ps,
						    const char *bid, const char *question)
{
	size_t lo = 0, hi = ps->n_moderated;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct panel_moderated *m = &ps->moderated[ps->mod_by_bid[mid]];
		int c = key_cmp(m->bid, m->question, bid, question);

		if (c == 0)
			return m;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int panel_member_index(const struct panel_scores *ps, const char *id, size_t len)
{
	for (size_t m = 0; m < ps->n_members; m++)
		if (strlen(ps->members[m].id) == len && memcmp(ps->members[m].id, id, len) == 0)
			return (int)m;
	return -1;
}

static int compare_decimals(const void *a, const void *b)
{
	return decimal_cmp(*(const struct decimal *)a, *(const struct decimal *)b);
}

static enum tender_status refuse(struct panel_record *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static enum tender_status refuse(struct panel_record *r, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT_WHOLE;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	r->basis = BASIS_NONE;
	r->why = strbuf_detach(&sb);
	return r->why ? TENDER_OK : TENDER_ERR_NOMEM;
}

/* The evaluators in state among the marks, as "E1, E4". */
static void list_marks(const struct panel_scores *ps, const struct panel_record *r,
		       enum panel_mark_state state, struct strbuf *sb)
{
	for (size_t i = 0; i < r->n_marks; i++)
		if (r->marks[i].state == state)
			strbuf_addf(sb, "%s%s", sb->len ? ", " : "",
				    ps->members[r->marks[i].member].id);
}

static void count_agreed(const struct panel_scores *ps, const struct panel_policy *policy,
			 const struct panel_conflict *conflicts, size_t n_conflicts,
			 struct panel_record *r)
{
	const char *p = r->moderated->agreed_by, *id;
	size_t len;

	while (check_next_span(&p, &id, &len)) {
		int m = panel_member_index(ps, id, len);

		if (m >= 0 && (policy->keep_conflicted ||
			       !panel_conflicted(conflicts, n_conflicts, (size_t)m)))
			r->n_agreed_eligible++;
	}
}

enum tender_status panel_decide(const struct panel_scores *ps, const struct panel_policy *policy,
				const char *bid, const char *question,
				const struct panel_conflict *conflicts, size_t n_conflicts,
				struct panel_record *out)
{
	size_t end, begin = score_range(ps, bid, question, &end);
	struct decimal *values;
	struct strbuf who = STRBUF_INIT_WHOLE;
	enum tender_status rc;
	size_t min = policy->min_evaluators > 0 ? (size_t)policy->min_evaluators : 1;

	memset(out, 0, sizeof(*out));
	out->marks = tender_calloc(ps->n_members, sizeof(*out->marks));
	values = tender_calloc(ps->n_members, sizeof(*values));
	if (!out->marks || !values) {
		tender_free(values);
		panel_record_release(out);
		return TENDER_ERR_NOMEM;
	}
	for (size_t m = 0; m < ps->n_members; m++) {
		struct panel_mark *mark = &out->marks[out->n_marks++];

		mark->member = m;
		mark->state = MARK_MISSING;
		for (size_t k = begin; k < end; k++)
			if (strcmp(ps->scores[ps->by_bid[k]].evaluator, ps->members[m].id) == 0)
				mark->score = &ps->scores[ps->by_bid[k]];
		if (mark->score && !policy->keep_conflicted &&
		    panel_conflicted(conflicts, n_conflicts, m))
			mark->state = MARK_EXCLUDED;
		else if (mark->score)
			mark->state = MARK_COUNTED;
		else if (!policy->keep_conflicted && panel_conflicted(conflicts, n_conflicts, m))
			mark->state = MARK_EXCLUDED; /* did not score: rightly */
		if (mark->state == MARK_COUNTED) {
			struct decimal v = mark->score->value;

			assert(mark->score->has_value); /* run.c refuses a file without */
			if (out->n_counted == 0 || decimal_cmp(v, out->low) < 0)
				out->low = v;
			if (out->n_counted == 0 || decimal_cmp(v, out->high) > 0)
				out->high = v;
			values[out->n_counted++] = v;
		}
		out->n_excluded += mark->state == MARK_EXCLUDED;
		out->n_missing += mark->state == MARK_MISSING;
	}
	out->moderated = find_moderated(ps, bid, question);
	if (out->moderated)
		count_agreed(ps, policy, conflicts, n_conflicts, out);

	if (out->moderated) {
		tender_free(values);
		if (out->n_agreed_eligible < min)
			return refuse(out, "question %s: the moderated score is agreed by %zu "
				      "evaluator(s) without a conflict with this bid (agreed by %s); "
				      "the rule set asks for at least %zu", question,
				      out->n_agreed_eligible, out->moderated->agreed_by, min);
		out->basis = BASIS_MODERATED;
		out->value = ratio_from_decimal(out->moderated->value);
		return TENDER_OK;
	}
	if (out->n_counted == 0 && out->n_missing == ps->n_members) {
		tender_free(values);
		return refuse(out, "the panel has no score for question %s", question);
	}
	if (policy->method == PANEL_CONSENSUS) {
		tender_free(values);
		return refuse(out, "question %s has no moderated score; the rule set's moderation "
			      "is consensus", question);
	}
	if (out->n_missing > 0 && policy->require_moderated) {
		tender_free(values);
		list_marks(ps, out, MARK_MISSING, &who);
		rc = refuse(out, "question %s: %s did not score this bid and there is no "
			    "moderated score; the rule set requires the panel to agree one "
			    "when a score is missing", question, strbuf_str(&who));
		strbuf_release(&who);
		return rc;
	}
	if (out->n_counted < min) {
		tender_free(values);
		list_marks(ps, out, MARK_COUNTED, &who);
		rc = refuse(out, "question %s: only %zu evaluator score(s) count (%s); the rule "
			    "set asks for at least %zu", question, out->n_counted,
			    out->n_counted ? strbuf_str(&who) : "none", min);
		strbuf_release(&who);
		return rc;
	}
	if (policy->method == PANEL_MEAN) {
		/* exact: each term is below 10^36 in magnitude; a sum past
		 * 10^38 (near the 128-bit limit) is refused */
		number_wide sum = 0, bound = DECIMAL_WIDE_ONE * DECIMAL_WIDE_ONE * 100;

		for (size_t i = 0; i < out->n_counted; i++) {
			sum += decimal_wide18(values[i]);
			if (sum > bound || sum < -bound) {
				tender_free(values);
				return refuse(out, "question %s: the evaluators' scores are too large "
					      "to add up exactly", question);
			}
		}
		out->value = ratio_reduce(
			(struct ratio){sum, (number_wide)out->n_counted * DECIMAL_WIDE_ONE});
		out->basis = BASIS_MEAN;
	} else {
		size_t n = out->n_counted;

		qsort(values, n, sizeof(values[0]), compare_decimals);
		out->value = n % 2 ? ratio_from_decimal(values[n / 2])
				   : ratio_reduce((struct ratio){
					     decimal_wide18(values[n / 2 - 1]) +
						     decimal_wide18(values[n / 2]),
					     2 * DECIMAL_WIDE_ONE});
		out->basis = BASIS_MEDIAN;
	}
	tender_free(values);
	return TENDER_OK;
}
