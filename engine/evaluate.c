/*
 * evaluate.c - the per-bid and cross-bid phases of an evaluation (see
 * evaluate.h). Formulas are documented in rules/README.md; each score's
 * explanation spells out its own.
 */
#include "evaluate.h"

#include "alloc.h"
#include "check.h"
#include "market.h"
#include "money.h"
#include "number.h"
#include "names.h"
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void format_points(const struct ruleset *rs, int64_t points, char *buf, size_t size)
{
	snprintf(buf, size, "%s", points_text(points, rs->precision).s);
}

int64_t points_percent(const struct ruleset *rs, int64_t points)
{
	int64_t percent = 0;

	points_ratio(points, 100 * (number_wide)POINTS_ONE, rs->scale, &percent); /* |points| <= scale */
	return percent;
}

/* The whole formatted text (never cut), or NULL when out of memory. */
static char *vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *vformat(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT_WHOLE; /* an explanation quotes bid text: whole */

	strbuf_vaddf(&sb, fmt, ap);
	if (strbuf_status(&sb)) { /* out of memory, or past 1 GiB */
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static char *format_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format_text(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Sets a score's explanation; returns 0 on out of memory. */
static int explain(struct score *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int explain(struct score *s, const char *fmt, ...)
{
	va_list ap;

	tender_free(s->explanation);
	va_start(ap, fmt);
	s->explanation = vformat(fmt, ap);
	va_end(ap);
	return s->explanation != NULL;
}

static struct number_text pts(const struct ruleset *rs, int64_t points)
{
	return points_text(points, rs->precision);
}

/* A number from a rule or bid, exactly as it reads. */
static struct number_text num(struct decimal v)
{
	return decimal_text(v);
}

/* ---------------------------------------------------------------------- */
/* Per-bid phase. */

struct bid_ctx {
	const struct ruleset *rs;
	const struct eval_options *opt;
	struct xpath_env env;
	struct bid_result *b;
	int nomem;
};

/* Records a rule that could not be evaluated for this bid. */
static void rule_error(struct bid_ctx *c, struct score *s, const char *rule_id, const char *why)
{
	s->state = SCORE_ERROR;
	s->points = 0;
	if (!explain(s, "could not evaluate: %s", why) ||
	    bid_add_problem(c->b, "rule %s could not be evaluated: %s", rule_id, why))
		c->nomem = 1;
}

static void score_boolean(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	int holds;

	if (xpath_bool(&c->env, &n->expr, &holds)) {
		rule_error(c, s, n->id, c->env.error);
		return;
	}
	s->points = holds ? n->points : 0;
	if (!explain(s, "%s: %s of %s", holds ? "holds" : "does not hold", pts(c->rs, s->points).s,
		     pts(c->rs, n->points).s))
		c->nomem = 1;
}

/* value × points between from and to (from > to: lower is better),
 * clamped to [0, points]. */
static enum tender_status linear_points(const struct rule_node *n, struct decimal v,
					int64_t *out, const char **clamp)
{
	number_wide from = decimal_wide18(n->from), to = decimal_wide18(n->to),
		    x = decimal_wide18(v), num = x - from, den = to - from;

	if (den < 0) {
		num = -num;
		den = -den;
	}
	*clamp = "";
	if (num <= 0) {
		*clamp = num < 0 ? ", floored at 0" : "";
		*out = 0;
		return TENDER_OK;
	}
	if (num >= den) {
		*clamp = num > den ? ", capped at full points" : "";
		*out = n->points;
		return TENDER_OK;
	}
	return points_ratio(n->points, num, den, out);
}

static void score_scale(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	struct decimal v;
	char *text = NULL;
	int is_number, ok;
	enum tender_status rc = xpath_decimal(&c->env, &n->expr, &v, &is_number, &text);

	if (rc == TENDER_ERR_NOMEM) {
		c->nomem = 1;
		return;
	}
	if (rc) {
		rule_error(c, s, n->id, c->env.error);
		return;
	}
	if (!is_number) {
		char why[128] = "is not a number";

		if (text && text[0])
			decimal_parse(text, &v, why, sizeof(why));
		s->points = 0;
		if (text && text[0])
			ok = explain(s, "the value '%s' %s: 0 of %s", text, why,
				     pts(c->rs, n->points).s);
		else
			ok = explain(s, "the value is not a number: 0 of %s",
				     pts(c->rs, n->points).s);
	} else if (n->n_bands == 0) {
		const char *clamp;

		if (linear_points(n, v, &s->points, &clamp)) {
			tender_free(text);
			rule_error(c, s, n->id, "the value is too large or too precise to score "
						"exactly");
			return;
		}
		ok = explain(s, "value %s: (%s − %s) / (%s − %s) × %s%s = %s", num(v).s, num(v).s,
			     num(n->from).s, num(n->to).s, num(n->from).s, pts(c->rs, n->points).s,
			     clamp, pts(c->rs, s->points).s);
	} else {
		const struct band *hit = NULL;

		for (size_t i = 0; i < n->n_bands && !hit; i++) {
			const struct band *b = &n->bands[i];

			if ((!b->has_from || decimal_cmp(v, b->from) >= 0) &&
			    (!b->has_to || decimal_cmp(v, b->to) < 0))
				hit = b;
		}
		s->points = 0;
		if (hit && points_ratio(n->points, decimal_wide18(hit->pct),
					100 * DECIMAL_WIDE_ONE, &s->points)) {
			tender_free(text);
			rule_error(c, s, n->id, "the band's points are out of range");
			return;
		}
		if (hit)
			ok = explain(s, "value %s in band [%s, %s): %s%% × %s = %s", num(v).s,
				     hit->has_from ? num(hit->from).s : "-inf",
				     hit->has_to ? num(hit->to).s : "+inf", num(hit->pct).s,
				     pts(c->rs, n->points).s, pts(c->rs, s->points).s);
		else
			ok = explain(s, "value %s is in no band: 0 of %s", num(v).s,
				     pts(c->rs, n->points).s);
	}
	tender_free(text);
	if (!ok)
		c->nomem = 1;
}

/* Reads money text from an XPath; 0 on failure (recorded). */
static int read_money(struct bid_ctx *c, const struct rule_node *n, struct score *s,
		      const struct xpath_expr *e, const char *what, int64_t *out)
{
	char *text = NULL, why[160];
	enum tender_status rc = xpath_string_dup(&c->env, e, &text);

	if (rc == TENDER_ERR_NOMEM) {
		c->nomem = 1;
		return 0;
	}
	if (rc) {
		rule_error(c, s, n->id, c->env.error);
		return 0;
	}
	rc = money_parse(text, c->opt->decimals, out, why, sizeof(why));
	if (rc) {
		struct strbuf message = STRBUF_INIT_WHOLE;

		strbuf_addf(&message, "the %s '%s' %s", what, text, why);
		rule_error(c, s, n->id, message.nomem ? why : strbuf_str(&message));
		strbuf_release(&message);
	}
	tender_free(text);
	return rc == TENDER_OK;
}

static void read_price(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	if (!read_money(c, n, s, &n->expr, "price", &s->price_minor))
		return;
	if (n->has_ceiling && !read_money(c, n, s, &n->ceiling, "ceiling", &s->ceiling_minor))
		return;
	s->has_price = 1;
	s->has_ceiling = n->has_ceiling;
	s->state = SCORE_PENDING;
	if (!explain(s, "price %s; scored against the lowest compliant price",
		     money_text(s->price_minor, c->opt->decimals).s))
		c->nomem = 1;
}

static void score_coverage(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	struct strbuf missing = STRBUF_INIT_WHOLE;
	size_t present = 0;

	for (size_t i = 0; i < n->n_reqs; i++) {
		int holds;

		if (xpath_bool(&c->env, &n->reqs[i].test, &holds)) {
			strbuf_release(&missing);
			rule_error(c, s, n->id, c->env.error);
			return;
		}
		if (holds)
			present++;
		else
			strbuf_addf(&missing, "%s%s", missing.len ? ", " : "", n->reqs[i].label);
	}
	s->points = 0;
	if (n->n_reqs)
		points_ratio(n->points, (number_wide)present, (number_wide)n->n_reqs,
			     &s->points); /* present <= n_reqs: cannot overflow */
	if (missing.nomem ||
	    !explain(s, "%zu of %zu present%s%s%s: %zu/%zu × %s = %s", present, n->n_reqs,
		     missing.len ? " (missing: " : "", strbuf_str(&missing),
		     missing.len ? ")" : "", present, n->n_reqs, pts(c->rs, n->points).s,
		     pts(c->rs, s->points).s))
		c->nomem = 1;
	strbuf_release(&missing);
}

/* The text a match criterion searches: the selected nodes' string values,
 * one a line, followed by MATCH_SUBJECT_PAD zero bytes. Returns a buffer
 * the caller frees, or NULL with *why set (or c->nomem). */
static char *match_subject(struct bid_ctx *c, const struct rule_node *n, size_t *length,
			   const char **why)
{
	struct strbuf sb = STRBUF_INIT_WHOLE;
	xmlXPathObjectPtr r;
	static const char pad[MATCH_SUBJECT_PAD];
	char *subject;

	*why = NULL;
	sb.max = MATCH_SUBJECT_MAX + 1; /* one byte more tells "too long" */
	if (xpath_eval(&c->env, &n->expr, &r)) {
		*why = c->env.error;
		return NULL;
	}
	if (r->type == XPATH_NODESET && r->nodesetval) {
		for (int i = 0; i < r->nodesetval->nodeNr && sb.len <= MATCH_SUBJECT_MAX; i++) {
			xmlChar *text = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

			if (i > 0)
				strbuf_adds(&sb, "\n");
			strbuf_adds(&sb, text ? (const char *)text : "");
			xmlFree(text);
		}
	} else {
		xmlChar *text = xmlXPathCastToString(r);

		strbuf_adds(&sb, text ? (const char *)text : "");
		xmlFree(text);
	}
	xmlXPathFreeObject(r);
	if (sb.len > MATCH_SUBJECT_MAX || sb.cut) {
		*why = "the selected text is longer than the 1 MB limit for patterns";
		strbuf_release(&sb);
		return NULL;
	}
	*length = sb.len;
	sb.max = sb.len + sizeof(pad);
	strbuf_add(&sb, pad, sizeof(pad));
	subject = strbuf_detach(&sb);
	if (!subject)
		c->nomem = 1;
	return subject;
}

static void score_match(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	struct strbuf found = STRBUF_INIT_WHOLE;
	char why[256];
	size_t length;
	const char *subject_why;
	char *subject = match_subject(c, n, &length, &subject_why);
	number_wide sum = 0; /* at most 10,000 patterns of int64 points */

	if (!subject) {
		if (subject_why)
			rule_error(c, s, n->id, subject_why);
		return;
	}
	for (size_t i = 0; i < n->n_patterns; i++) {
		int hit;
		enum tender_status rc = match_find(n->patterns[i].re, subject, length, &hit, why,
						   sizeof(why));

		if (rc == TENDER_ERR_NOMEM) {
			c->nomem = 1;
			break;
		}
		if (rc) {
			struct strbuf message = STRBUF_INIT_WHOLE;

			strbuf_addf(&message, "pattern '%s': %s", n->patterns[i].label, why);
			rule_error(c, s, n->id, message.nomem ? why : strbuf_str(&message));
			strbuf_release(&message);
			tender_free(subject);
			strbuf_release(&found);
			return;
		}
		if (hit) {
			strbuf_addf(&found, "%s%s (+%s)", found.len ? ", " : "", n->patterns[i].label,
				    points_exact(n->patterns[i].points).s);
			sum += n->patterns[i].points;
		}
	}
	tender_free(subject);
	s->points = sum > n->points ? n->points : (int64_t)sum;
	if (found.nomem ||
	    !explain(s, "found %s: %s, capped at %s = %s", found.len ? strbuf_str(&found) : "nothing",
		     sum > INT64_MAX ? "more" : points_exact((int64_t)sum).s,
		     pts(c->rs, n->points).s, pts(c->rs, s->points).s))
		c->nomem = 1;
	strbuf_release(&found);
}

/* "E1 5, E2 4 (excluded: conflict of interest), E4 no score" */
static void describe_marks(const struct panel_scores *ps, const struct panel_record *r,
			   struct strbuf *how)
{
	for (size_t i = 0; i < r->n_marks; i++) {
		const struct panel_mark *m = &r->marks[i];
		struct number_text v = {""};

		if (m->score)
			v = decimal_text(m->score->value);
		strbuf_addf(how, "%s%s ", i ? ", " : "", ps->members[m->member].id);
		if (m->state == MARK_COUNTED)
			strbuf_adds(how, v.s);
		else if (m->state == MARK_MISSING)
			strbuf_adds(how, "no score");
		else if (m->score)
			strbuf_addf(how, "%s (excluded: conflict of interest)", v.s);
		else
			strbuf_adds(how, "no score (conflict of interest)");
	}
}

static void score_panel(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct panel_scores *ps = c->opt->panel;
	struct panel_policy policy = ruleset_panel_policy(c->rs, n);
	struct strbuf how = STRBUF_INIT_WHOLE;
	struct panel_record *r;
	struct number_text v;
	number_wide min18 = decimal_wide18(n->panel_min), max18 = decimal_wide18(n->panel_max);
	number_wide above, low, den;

	if (!ps) {
		s->state = SCORE_PENDING;
		if (!explain(s, "scored by the evaluation panel (question %s)", n->question))
			c->nomem = 1;
		return;
	}
	r = tender_calloc(1, sizeof(*r));
	if (!r || panel_decide(ps, &policy, c->b->id, n->question, c->b->conflicts,
			       c->b->n_conflicts, r)) {
		tender_free(r);
		c->nomem = 1;
		return;
	}
	s->panel = r;
	if (r->basis == BASIS_NONE) {
		rule_error(c, s, n->id, r->why);
		return;
	}
	/* every score was checked against the scale when the panel file was
	 * read (run.c), so a median, a mean or a moderated score is inside it */
	if (ratio_cmp_decimal(r->value, n->panel_min) < 0 ||
	    ratio_cmp_decimal(r->value, n->panel_max) > 0) {
		rule_error(c, s, n->id, "the panel's score is outside the question's scale");
		return;
	}
	/* (value − min) / (max − min) = (num − min × den) / (den × (max − min)),
	 * at scale 18 */
	if (wide_mul(r->value.num, DECIMAL_WIDE_ONE, &above) ||
	    wide_mul(min18, r->value.den, &low) ||
	    wide_mul(r->value.den, max18 - min18, &den) ||
	    points_ratio(n->points, above - low, den, &s->points)) {
		rule_error(c, s, n->id, "the panel's score is too large or too precise to scale "
					"exactly");
		return;
	}
	v = ratio_text(r->value);
	if (r->basis == BASIS_MODERATED) {
		strbuf_addf(&how, "moderated score %s agreed by %s (", v.s, r->moderated->agreed_by);
		describe_marks(ps, r, &how);
		strbuf_adds(&how, ")");
	} else {
		describe_marks(ps, r, &how);
		strbuf_addf(&how, ": %s %s", r->basis == BASIS_MEAN ? "mean" : "median", v.s);
	}
	if (how.nomem ||
	    !explain(s, "%s on %s–%s: (%s − %s) / (%s − %s) × %s = %s", strbuf_str(&how), num(n->panel_min).s,
		     num(n->panel_max).s, v.s, num(n->panel_min).s, num(n->panel_max).s,
		     num(n->panel_min).s, pts(c->rs, n->points).s, pts(c->rs, s->points).s))
		c->nomem = 1;
	strbuf_release(&how);
}

static void run_gates(struct bid_ctx *c)
{
	for (size_t i = 0; i < c->rs->n_gates; i++) {
		const struct gate *g = &c->rs->gates[i];
		struct gate_result *r = &c->b->gates[i];
		int holds;

		if (xpath_bool(&c->env, &g->test, &holds)) {
			struct strbuf sb = STRBUF_INIT_WHOLE;

			strbuf_addf(&sb, "could not evaluate: %s", c->env.error);
			r->message = strbuf_detach(&sb);
			if (bid_add_problem(c->b, "gate %s could not be evaluated: %s", g->id,
					 c->env.error) || !r->message)
				c->nomem = 1;
			holds = 0;
		} else if (!holds &&
			   template_render(&g->message, &c->env, NULL, 0, &r->message)) {
			c->nomem = 1;
		}
		r->passed = holds;
	}
}

/* Records a flag on a bid; takes message (NULL: out of memory). */
static int add_flag(struct bid_result *b, size_t flag, char *message)
{
	struct flag_hit *hits;

	if (!message)
		return 0;
	hits = tender_realloc(b->flags, (b->n_flags + 1) * sizeof(*hits));
	if (!hits) {
		tender_free(message);
		return 0;
	}
	b->flags = hits;
	hits[b->n_flags] = (struct flag_hit){.flag = flag, .message = message};
	b->n_flags++;
	return 1;
}

/* Whether the counted scores are more than `above` apart (exactly: a
 * spread at the limit is not flagged). */
static int spread_above(const struct panel_record *r, struct decimal above)
{
	return decimal_wide18(r->high) - decimal_wide18(r->low) > decimal_wide18(above);
}

/* The details of a panel flag on this bid into details ("" when it does not
 * hold), and the questions concerned into questions. */
static void panel_flag_details(struct bid_ctx *c, const struct flag *f, struct strbuf *details,
			       struct strbuf *questions)
{
	const struct panel_scores *ps = c->opt->panel;
	struct decimal apart;

	if (f->kind == FLAG_PANEL_CONFLICT) {
		for (size_t i = 0; i < c->b->n_conflicts; i++) {
			const struct panel_conflict *k = &c->b->conflicts[i];
			const struct panel_member *m = &ps->members[k->member];
			const struct panel_interest *in = &m->interests[k->interest];

			strbuf_addf(details, "%s%s (%s) declared an interest in %s, %s: %s; ",
				    details->len ? " " : "", m->id, m->name, k->party,
				    k->is_bidder ? "the bidder" : "a consortium member of this bid",
				    in->nature);
			strbuf_addf(details, c->rs->moderation.keep_conflicted
					     ? "%s's scores for this bid are kept (the rule set keeps a "
					       "conflicted evaluator's scores)."
					     : "%s's scores for this bid are excluded from moderation.",
				    m->id);
		}
	}
	for (size_t i = 0; i < c->rs->n_nodes; i++) {
		const struct rule_node *n = &c->rs->nodes[i];
		const struct panel_record *r = c->b->scores[i].panel;
		size_t before = details->len;

		if (n->method != METHOD_PANEL || !r)
			continue;
		if (f->kind == FLAG_PANEL_MISSING && r->n_missing) {
			strbuf_addf(details, "%s%s: ", details->len ? "; " : "", n->question);
			for (size_t k = 0, j = 0; k < r->n_marks; k++)
				if (r->marks[k].state == MARK_MISSING)
					strbuf_addf(details, "%s%s (%s)", j++ ? ", " : "",
						    ps->members[r->marks[k].member].id,
						    ps->members[r->marks[k].member].name);
		} else if (f->kind == FLAG_PANEL_SPREAD && r->n_counted > 1 &&
			   spread_above(r, f->spread_above)) {
			strbuf_addf(details, "%s%s: ", details->len ? "; " : "", n->question);
			describe_marks(ps, r, details);
			if (decimal_sub(r->high, r->low, &apart) == TENDER_OK)
				strbuf_addf(details, " (%s points apart", decimal_text(apart).s);
			else
				strbuf_addf(details, " (%s − %s points apart", decimal_text(r->high).s,
					    decimal_text(r->low).s);
			if (r->moderated)
				strbuf_addf(details, "; moderated to %s",
					    decimal_text(r->moderated->value).s);
			strbuf_adds(details, ")");
		} else if (f->kind == FLAG_PANEL_MODERATION && r->moderated && r->n_counted > 0 &&
			   (decimal_cmp(r->moderated->value, r->low) < 0 ||
			    decimal_cmp(r->moderated->value, r->high) > 0) &&
			   !r->moderated->note[0]) {
			strbuf_addf(details, "%s%s: moderated score %s, outside the evaluators' scores (",
				    details->len ? "; " : "", n->question,
				    decimal_text(r->moderated->value).s);
			describe_marks(ps, r, details);
			strbuf_adds(details, "), with no note");
		} else if (f->kind == FLAG_PANEL_CONFLICT && r->moderated) {
			const char *p = r->moderated->agreed_by, *id;
			size_t len;

			while (check_next_span(&p, &id, &len)) {
				int m = panel_member_index(ps, id, len);

				if (m >= 0 && panel_conflicted(c->b->conflicts, c->b->n_conflicts,
							       (size_t)m))
					strbuf_addf(details, " %.*s agreed the moderated score for %s.",
						    (int)len, id, n->question);
			}
			continue;
		}
		if (details->len != before)
			strbuf_addf(questions, "%s%s", questions->len ? " " : "", n->question);
	}
}

static void run_panel_flag(struct bid_ctx *c, size_t fi)
{
	const struct flag *f = &c->rs->flags[fi];
	struct strbuf details = STRBUF_INIT_WHOLE, questions = STRBUF_INIT_WHOLE;
	struct number_text limit = decimal_text(f->spread_above);
	char *message = NULL;

	if (!c->opt->panel)
		return;
	panel_flag_details(c, f, &details, &questions);
	if (details.nomem || questions.nomem) {
		c->nomem = 1;
	} else if (details.len) {
		const struct template_value values[] = {
			{"details", strbuf_str(&details)},
			{"questions", strbuf_str(&questions)},
			{"limit", limit.s},
		};

		if (template_render(&f->message, &c->env, values, 3, &message) ||
		    !add_flag(c->b, fi, message) ||
		    !(c->b->flags[c->b->n_flags - 1].questions =
			      tender_strdup(strbuf_str(&questions))))
			c->nomem = 1;
	}
	strbuf_release(&details);
	strbuf_release(&questions);
}

/* The market-concentration flag: the HHI if this bid wins. */
static void run_market_flag(struct bid_ctx *c, size_t fi)
{
	const struct flag *f = &c->rs->flags[fi];
	const struct competition *t = c->opt->tender;
	struct market_effect e;
	struct strbuf providers = STRBUF_INIT_WHOLE;
	char before[48], after[48], delta[48], combined[48], *message = NULL;

	if (!t || t->n_market == 0)
		return;
	if (market_effect(t, c->b->bidder, c->b->members, c->b->n_members, &e)) {
		c->nomem = 1;
		return;
	}
	/* the HHI in units of 1/10,000, compared exactly */
	if (decimal_cmp((struct decimal){e.hhi_after, 4}, f->hhi_above) > 0 &&
	    decimal_cmp((struct decimal){e.hhi_after - e.hhi_before, 4}, f->delta_above) > 0) {
		for (size_t i = 0; i < e.n_matched; i++) {
			strbuf_addf(&providers, "%s%s %s%%", i ? ", " : "",
				    t->market[e.matched[i]].provider,
				    money_text(t->market[e.matched[i]].pct, 2).s); /* hundredths */
		}
		market_hhi_text(e.hhi_before, before, sizeof(before));
		market_hhi_text(e.hhi_after, after, sizeof(after));
		market_hhi_text(e.hhi_after - e.hhi_before, delta, sizeof(delta));
		snprintf(combined, sizeof(combined), "%s", money_text(e.combined, 2).s);
		{
			const struct template_value values[] = {
				{"hhi-before", before}, {"hhi-after", after}, {"delta", delta},
				{"combined", combined}, {"providers", strbuf_str(&providers)},
			};

			if (providers.nomem ||
			    template_render(&f->message, &c->env, values, 5, &message) ||
			    !add_flag(c->b, fi, message))
				c->nomem = 1;
		}
	}
	strbuf_release(&providers);
	market_effect_release(&e);
}

/* The text a shared-text flag compares, cut into shingles for the
 * cross-bid phase. */
static void read_text(struct bid_ctx *c, size_t fi)
{
	const struct flag *f = &c->rs->flags[fi];
	struct shingles *s;
	xmlXPathObjectPtr r;

	if (!c->b->texts) {
		c->b->texts = tender_calloc(c->rs->n_flags, sizeof(*c->b->texts));
		if (!c->b->texts) {
			c->nomem = 1;
			return;
		}
	}
	s = &c->b->texts[fi];
	shingles_init(s, f->words);
	if (xpath_eval(&c->env, &f->test, &r)) {
		if (bid_add_problem(c->b, "flag %s could not be evaluated: %s", f->id,
				    c->env.error))
			c->nomem = 1;
		return;
	}
	if (r->type == XPATH_NODESET && r->nodesetval)
		for (int i = 0; i < r->nodesetval->nodeNr && !c->nomem; i++) {
			xmlChar *text = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

			if (text && shingles_add(s, (const char *)text))
				c->nomem = 1;
			xmlFree(text);
		}
	else if (r->type == XPATH_STRING && shingles_add(s, (const char *)r->stringval))
		c->nomem = 1;
	else if (r->type != XPATH_NODESET && r->type != XPATH_STRING &&
		 bid_add_problem(c->b, "flag %s could not be evaluated: its select gives a %s, "
				       "not text", f->id,
				 r->type == XPATH_NUMBER ? "number" : "boolean"))
		c->nomem = 1;
	xmlXPathFreeObject(r);
}

static void run_flags(struct bid_ctx *c)
{
	for (size_t i = 0; i < c->rs->n_flags; i++) {
		const struct flag *f = &c->rs->flags[i];
		char *message = NULL;
		int holds;

		if (flag_is_panel(f->kind)) {
			run_panel_flag(c, i);
			continue;
		}
		if (f->kind == FLAG_MARKET_CONCENTRATION) {
			run_market_flag(c, i);
			continue;
		}
		if (f->kind == FLAG_SHARED_TEXT) {
			read_text(c, i);
			continue;
		}
		if (f->kind != FLAG_WHEN)
			continue;
		if (xpath_bool(&c->env, &f->test, &holds)) {
			if (bid_add_problem(c->b, "flag %s could not be evaluated: %s", f->id,
					 c->env.error))
				c->nomem = 1;
			continue;
		}
		if (!holds)
			continue;
		if (template_render(&f->message, &c->env, NULL, 0, &message) ||
		    !add_flag(c->b, i, message))
			c->nomem = 1;
	}
}

static void read_identity(struct bid_ctx *c)
{
	char *id = NULL, *name = NULL;
	xmlXPathObjectPtr r;

	/* the id and the bidder's name read whole (they identify the bidder) */
	if (xpath_string_dup(&c->env, &c->rs->id_expr, &id) == TENDER_ERR_NOMEM)
		c->nomem = 1;
	if (!id || !id[0]) {
		tender_free(id);
		id = tender_strdup(c->b->file);
	}
	c->b->id = id;
	if (xpath_string_dup(&c->env, &c->rs->name_expr, &name) == TENDER_ERR_NOMEM)
		c->nomem = 1;
	if (!name)
		name = tender_strdup("");
	c->b->bidder = name;
	if (!c->b->id || !c->b->bidder)
		c->nomem = 1;
	if (!c->rs->has_members || xpath_eval(&c->env, &c->rs->members_expr, &r))
		return;
	if (r->type == XPATH_NODESET && r->nodesetval && r->nodesetval->nodeNr > 0) {
		c->b->members = tender_calloc((size_t)r->nodesetval->nodeNr, sizeof(char *));
		for (int i = 0; c->b->members && i < r->nodesetval->nodeNr; i++) {
			xmlChar *text = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

			c->b->members[c->b->n_members] =
				tender_strdup(text ? (const char *)text : "");
			xmlFree(text);
			if (!c->b->members[c->b->n_members++])
				c->nomem = 1;
		}
		if (!c->b->members)
			c->nomem = 1;
	}
	xmlXPathFreeObject(r);
}

static enum tender_status init_result(const struct ruleset *rs, const char *file,
				      struct bid_result *out)
{
	memset(out, 0, sizeof(*out));
	out->file = tender_strdup(file);
	out->gates = tender_calloc(rs->n_gates, sizeof(*out->gates));
	out->scores = tender_calloc(rs->n_nodes, sizeof(*out->scores));
	if (!out->file || !out->gates || !out->scores)
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

/* Removes comments and processing instructions under node. */
static void strip_annotations(xmlNodePtr node)
{
	xmlNodePtr c = node->children;

	while (c) {
		xmlNodePtr next = c->next;

		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			strip_annotations(c);
		}
		c = next;
	}
}

enum tender_status bid_evaluate(const struct ruleset *rs, struct xml_doc *doc,
				const struct eval_options *opt, struct bid_result *out)
{
	struct bid_ctx c = {.rs = rs, .opt = opt, .b = out};
	enum tender_status rc;
	const char *file = (const char *)xml_doc_tree(doc)->URL;

	strip_annotations((xmlNodePtr)xml_doc_tree(doc));

	rc = init_result(rs, file ? file : "", out);
	if (!rc)
		rc = xpath_env_init(&c.env, xml_doc_tree(doc), &rs->bindings, opt->tender_root);
	if (rc)
		return rc;
	out->evaluated = 1;
	read_identity(&c);
	if (!c.nomem && opt->panel &&
	    panel_find_conflicts(opt->panel, out->bidder, out->members, out->n_members,
				 &out->conflicts, &out->n_conflicts))
		c.nomem = 1;
	run_gates(&c);
	for (size_t i = 0; i < rs->n_nodes && !c.nomem; i++) {
		const struct rule_node *n = &rs->nodes[i];
		struct score *s = &out->scores[i];

		switch (n->method) {
		case METHOD_GROUP: break;
		case METHOD_BOOLEAN: score_boolean(&c, n, s); break;
		case METHOD_SCALE: score_scale(&c, n, s); break;
		case METHOD_PRICE: read_price(&c, n, s); break;
		case METHOD_COVERAGE: score_coverage(&c, n, s); break;
		case METHOD_MATCH: score_match(&c, n, s); break;
		case METHOD_PANEL: score_panel(&c, n, s); break;
		}
	}
	if (!c.nomem)
		run_flags(&c);
	xpath_env_release(&c.env);
	return c.nomem ? TENDER_ERR_NOMEM : TENDER_OK;
}

enum tender_status bid_reject(const struct ruleset *rs, const char *file, const char *why,
			      struct bid_result *out)
{
	enum tender_status rc = init_result(rs, file, out);

	if (rc)
		return rc;
	out->id = tender_strdup(file);
	out->bidder = tender_strdup("");
	if (!out->id || !out->bidder || bid_add_problem(out, "%s", why))
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

enum tender_status bid_add_problem(struct bid_result *b, const char *fmt, ...)
{
	char **problems = tender_realloc(b->problems, (b->n_problems + 1) * sizeof(*problems));
	va_list ap;

	if (!problems)
		return TENDER_ERR_NOMEM;
	b->problems = problems;
	va_start(ap, fmt);
	problems[b->n_problems] = vformat(fmt, ap);
	va_end(ap);
	return problems[b->n_problems++] ? TENDER_OK : TENDER_ERR_NOMEM;
}

void bid_result_release(struct bid_result *b, const struct ruleset *rs)
{
	for (size_t i = 0; b->gates && i < rs->n_gates; i++)
		tender_free(b->gates[i].message);
	for (size_t i = 0; b->scores && i < rs->n_nodes; i++) {
		tender_free(b->scores[i].explanation);
		if (b->scores[i].panel)
			panel_record_release(b->scores[i].panel);
		tender_free(b->scores[i].panel);
	}
	panel_conflicts_release(b->conflicts, b->n_conflicts);
	for (size_t i = 0; i < b->n_ties; i++)
		tender_free(b->ties[i].text);
	tender_free(b->ties);
	for (size_t i = 0; b->texts && i < rs->n_flags; i++)
		shingles_release(&b->texts[i]);
	tender_free(b->texts);
	for (size_t i = 0; i < b->n_flags; i++) {
		tender_free(b->flags[i].message);
		tender_free(b->flags[i].questions);
	}
	for (size_t i = 0; i < b->n_problems; i++)
		tender_free(b->problems[i]);
	for (size_t i = 0; i < b->n_members; i++)
		tender_free(b->members[i]);
	tender_free(b->members);
	tender_free(b->problems);
	tender_free(b->flags);
	tender_free(b->gates);
	tender_free(b->scores);
	tender_free(b->file);
	tender_free(b->id);
	tender_free(b->bidder);
	tender_free(b->exclusion);
	memset(b, 0, sizeof(*b));
}

/* ---------------------------------------------------------------------- */
/* Cross-bid phase. */

static int exclude(struct bid_result *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int exclude(struct bid_result *b, const char *fmt, ...)
{
	va_list ap;

	b->compliant = 0;
	if (b->exclusion)
		return 1; /* the first reason stands */
	va_start(ap, fmt);
	b->exclusion = vformat(fmt, ap);
	va_end(ap);
	return b->exclusion != NULL;
}

/* Compliance before prices: valid, every gate passed, every rule
 * evaluated, no per-bid flag that excludes. */
static int first_compliance(const struct ruleset *rs, struct bid_result *b)
{
	b->compliant = b->evaluated && b->n_problems == 0;
	for (size_t i = 0; i < rs->n_gates && b->compliant; i++)
		b->compliant = b->gates[i].passed;
	if (b->evaluated && b->n_problems)
		return exclude(b, EVAL_EXCLUSION_PROBLEMS);
	for (size_t i = 0; i < b->n_flags && b->compliant; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		if (f->excludes && !exclude(b, "flag %s (%s) excludes the bid", f->id, f->title))
			return 0;
	}
	return 1;
}

/* Nonpositive prices never reach a division. */
static int reject_nonpositive(const struct ruleset *rs, struct bid_result *b, int decimals)
{
	for (size_t i = 0; i < rs->n_nodes && b->compliant; i++) {
		const struct rule_node *n = &rs->nodes[i];
		struct score *s = &b->scores[i];

		if (n->method != METHOD_PRICE || !s->has_price || s->price_minor > 0)
			continue;
		if (n->nonpositive_zero) {
			s->state = SCORE_DONE;
			s->points = 0;
			if (!explain(s, "price %s is zero or less: no points (nonpositive=\"zero-points\")",
				     money_text(s->price_minor, decimals).s))
				return 0;
		} else if (!exclude(b, "price %s for %s is zero or less; the rule set rejects such a price",
				    money_text(s->price_minor, decimals).s, n->id)) {
			return 0;
		}
	}
	return 1;
}

static int compare_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Whether price × den < basis × pct / 100, with basis = num / den: exact.
 * -1 when the numbers are too large to compare exactly. */
static int below_share(int64_t price, struct ratio basis, struct decimal pct)
{
	number_wide left, right, scale = (number_wide)100 * DECIMAL_WIDE_ONE;

	if (wide_mul(price, basis.den, &left) || wide_mul(left, scale, &left) ||
	    wide_mul(basis.num, decimal_wide18(pct), &right))
		return -1;
	return left < right;
}

static int abnormally_low(const struct ruleset *rs, size_t fi, struct bid_result *bids,
			  size_t n_bids, int decimals)
{
	const struct flag *f = &rs->flags[fi];
	int64_t *prices = tender_calloc(n_bids, sizeof(*prices));
	size_t n = 0;
	struct ratio basis;
	int64_t basis_minor = 0, threshold_minor = 0;
	number_wide sum = 0;

	if (!prices)
		return 0;
	for (size_t i = 0; i < n_bids; i++) {
		const struct score *s = &bids[i].scores[f->price_node];

		if (bids[i].compliant && s->has_price && s->price_minor > 0)
			prices[n++] = s->price_minor;
	}
	if (n == 0) {
		tender_free(prices);
		return 1;
	}
	qsort(prices, n, sizeof(*prices), compare_int64);
	/* the basis exactly: a mean or a median of two may fall between pennies */
	for (size_t i = 0; i < n; i++)
		sum += prices[i]; /* n int64 values: no overflow below 2^63 bids */
	if (f->basis_mean)
		basis = ratio_reduce((struct ratio){sum, (number_wide)n});
	else
		basis = n % 2 ? (struct ratio){prices[n / 2], 1}
			      : ratio_reduce((struct ratio){(number_wide)prices[n / 2 - 1] +
								    prices[n / 2],
							    2});
	tender_free(prices);
	wide_div_round(basis.num, basis.den, &basis_minor); /* between two prices: fits */
	{
		number_wide tn;

		if (!wide_mul(basis.num, decimal_wide18(f->below_pct), &tn))
			wide_div_round(tn, basis.den * 100 * DECIMAL_WIDE_ONE, &threshold_minor);
	}
	for (size_t i = 0; i < n_bids; i++) {
		const struct score *s = &bids[i].scores[f->price_node];
		int below;
		int64_t tenths = 0;
		struct number_text pct;
		char *message = NULL;

		if (!bids[i].compliant || !s->has_price || s->price_minor <= 0)
			continue;
		below = below_share(s->price_minor, basis, f->below_pct);
		if (below < 0) {
			if (bid_add_problem(&bids[i], "flag %s could not be evaluated: the price "
						      "and the basis are too large to compare exactly",
					    f->id))
				return 0;
			bids[i].compliant = 0;
			continue;
		}
		if (!below)
			continue;
		/* the price as a percentage of the basis, to one decimal (half up) */
		{
			number_wide num;

			if (!wide_mul(s->price_minor, basis.den * 1000, &num))
				wide_div_round(num, basis.num, &tenths);
			pct = decimal_text((struct decimal){tenths, 1});
		}
		{
			struct money_text price = money_text(s->price_minor, decimals);
			struct money_text basis_text = money_text(basis_minor, decimals);
			struct money_text threshold_text = money_text(threshold_minor, decimals);
			const struct template_value values[] = {
				{"price", price.s},
				{"basis", f->basis_mean ? "mean" : "median"},
				{"basis-value", basis_text.s},
				{"threshold", threshold_text.s},
				{"pct-of-basis", pct.s},
			};

			if (template_render(&f->message, NULL, values, 5, &message))
				return 0;
		}
		if (!add_flag(&bids[i], fi, message))
			return 0;
	}
	return 1;
}

static int identical_price(const struct ruleset *rs, size_t fi, struct bid_result *bids,
			   size_t n_bids, int decimals)
{
	const struct flag *f = &rs->flags[fi];

	for (size_t i = 0; i < n_bids; i++) {
		const struct score *s = &bids[i].scores[f->price_node];
		struct strbuf others = STRBUF_INIT_WHOLE;
		char *message = NULL;
		int ok, same;

		if (!bids[i].evaluated || !s->has_price)
			continue;
		for (size_t k = 0; k < n_bids; k++) {
			const struct score *t = &bids[k].scores[f->price_node];

			if (k == i || !bids[k].evaluated || !t->has_price ||
			    t->price_minor != s->price_minor)
				continue;
			if ((same = names_same_organisation(bids[k].bidder, bids[i].bidder)) < 0) {
				strbuf_release(&others);
				return 0;
			}
			if (same)
				continue;
			strbuf_addf(&others, "%s%s", others.len ? ", " : "", bids[k].id);
		}
		if (!others.len) {
			strbuf_release(&others);
			continue;
		}
		{
			struct money_text price = money_text(s->price_minor, decimals);
			const struct template_value values[] = {{"price", price.s},
								{"others", strbuf_str(&others)}};

			ok = !others.nomem &&
			     template_render(&f->message, NULL, values, 2, &message) == TENDER_OK;
		}
		strbuf_release(&others);
		if (!ok || !add_flag(&bids[i], fi, message))
			return 0;
	}
	return 1;
}

static int score_prices(const struct ruleset *rs, struct bid_result *bids, size_t n_bids,
			int decimals)
{
	for (size_t ni = 0; ni < rs->n_nodes; ni++) {
		const struct rule_node *n = &rs->nodes[ni];
		int64_t lowest = 0;

		if (n->method != METHOD_PRICE)
			continue;
		for (size_t i = 0; i < n_bids; i++) {
			const struct score *s = &bids[i].scores[ni];

			if (bids[i].compliant && s->has_price && s->price_minor > 0 &&
			    (!lowest || s->price_minor < lowest))
				lowest = s->price_minor;
		}
		for (size_t i = 0; i < n_bids; i++) {
			struct score *s = &bids[i].scores[ni];
			struct money_text lo = money_text(lowest, decimals), me = money_text(s->price_minor, decimals);
			number_wide this_price = s->price_minor, low = lowest;
			enum tender_status rc = TENDER_OK;
			int ok = 1;

			if (s->state != SCORE_PENDING)
				continue;
			if (!bids[i].compliant) {
				s->state = SCORE_NOT_SCORED;
				ok = explain(s, "price %s; not scored: the bid is not compliant", me.s);
			} else if (n->formula == PRICE_LOWEST_RATIO) {
				rc = points_ratio(n->points, low, this_price, &s->points);
				ok = explain(s, "lowest %s / this %s × %s = %s", lo.s, me.s,
					     pts(rs, n->points).s, pts(rs, s->points).s);
			} else if (n->formula == PRICE_DEVIATION) {
				/* points × (1 − (this − lowest) / lowest) = points × (2 lowest − this) / lowest */
				number_wide left = 2 * low - this_price;

				s->points = 0;
				if (left > 0)
					rc = points_ratio(n->points, left, low, &s->points);
				ok = explain(s, "%s × (1 − (this %s − lowest %s) / lowest %s) = %s%s",
					     pts(rs, n->points).s, me.s, lo.s, lo.s,
					     pts(rs, s->points).s, left < 0 ? " (floored at 0)" : "");
			} else {
				struct money_text ceil = money_text(s->ceiling_minor, decimals);
				number_wide c = s->ceiling_minor;

				if (c <= low)
					s->points = this_price <= low ? n->points : 0;
				else if (this_price >= c)
					s->points = 0;
				else if (this_price <= low)
					s->points = n->points;
				else
					rc = points_ratio(n->points, c - this_price, c - low, &s->points);
				ok = explain(s, "%s × (ceiling %s − this %s) / (ceiling %s − lowest %s) = %s",
					     pts(rs, n->points).s, ceil.s, me.s, ceil.s, lo.s,
					     pts(rs, s->points).s);
			}
			if (rc) { /* products below 2^127 always fit: not reached */
				s->state = SCORE_ERROR;
				ok = bid_add_problem(&bids[i], "rule %s could not be evaluated: the "
							       "prices are too large to score exactly",
						     n->id) == TENDER_OK;
				bids[i].compliant = 0;
			}
			if (s->state == SCORE_PENDING)
				s->state = SCORE_DONE;
			if (!ok)
				return 0;
		}
	}
	return 1;
}

/* Group subtotals and totals; criteria come after their group in the
 * array, so a backwards pass adds each node into its parent. */
static void add_up(const struct ruleset *rs, struct bid_result *b)
{
	for (size_t i = 0; i < rs->n_nodes; i++)
		if (rs->nodes[i].method == METHOD_GROUP)
			b->scores[i].points = 0;
	b->total = 0;
	for (size_t i = rs->n_nodes; i-- > 0;) {
		const struct rule_node *n = &rs->nodes[i];
		const struct score *s = &b->scores[i];
		int64_t points = n->method == METHOD_GROUP || s->state == SCORE_DONE ? s->points : 0;

		if (n->parent < 0)
			b->total += points;
		else
			b->scores[n->parent].points += points;
	}
	for (size_t i = 0; i < rs->n_nodes; i++)
		if (rs->nodes[i].method == METHOD_GROUP)
			b->scores[i].state = SCORE_DONE;
}

/* "pathway-coverage 10.00 + pooled-budget 5.00 + ... = 29.00" for each
 * group of an evaluated bid. */
static int explain_groups(const struct ruleset *rs, struct bid_result *b)
{
	for (size_t g = 0; g < rs->n_nodes && b->evaluated; g++) {
		struct strbuf sb = STRBUF_INIT_WHOLE;

		if (rs->nodes[g].method != METHOD_GROUP)
			continue;
		for (size_t i = 0; i < rs->n_nodes; i++) {
			const struct score *s = &b->scores[i];
			int counted = rs->nodes[i].method == METHOD_GROUP || s->state == SCORE_DONE;

			if (rs->nodes[i].parent != (int)g)
				continue;
			strbuf_addf(&sb, "%s%s %s", sb.len ? " + " : "", rs->nodes[i].id,
				    counted ? pts(rs, s->points).s : "(not scored)");
		}
		strbuf_addf(&sb, " = %s", pts(rs, b->scores[g].points).s);
		tender_free(b->scores[g].explanation);
		b->scores[g].explanation = strbuf_detach(&sb);
		if (!b->scores[g].explanation)
			return 0;
	}
	return 1;
}

/* The tie-break that separates two bids of equal totals: its index, with
 * *order <0 when a goes above b; -1 when none does. */
static int deciding_tie(const struct ruleset *rs, const struct bid_result *a,
			const struct bid_result *b, int *order)
{
	for (size_t i = 0; i < rs->n_ties; i++) {
		const struct tie_break *t = &rs->ties[i];
		const struct score *x = &a->scores[t->node], *y = &b->scores[t->node];
		int64_t vx = t->on_value ? x->price_minor : x->points;
		int64_t vy = t->on_value ? y->price_minor : y->points;

		if (vx == vy) /* exact: equality of fixed-point values is transitive */
			continue;
		*order = (vx > vy) == t->prefer_higher ? -1 : 1;
		return (int)i;
	}
	return -1;
}

/* Orders two compliant bids: <0 when a ranks above b, 0 when tied after
 * every tie-break. */
static int compare_bids(const struct ruleset *rs, const struct bid_result *a,
			const struct bid_result *b)
{
	int order = 0;

	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return deciding_tie(rs, a, b, &order) < 0 ? 0 : order;
}

/* Records on both bids, placed next to each other with equal totals, the
 * tie-break that separated them. */
static int record_tie(const struct ruleset *rs, struct bid_result *bids, size_t above,
		      size_t below, int decimals)
{
	struct bid_result *pair[2] = {&bids[above], &bids[below]};
	int order = 0, t = deciding_tie(rs, pair[0], pair[1], &order);
	const struct tie_break *tb = &rs->ties[t];
	const struct rule_node *n = &rs->nodes[tb->node];

	for (int k = 0; k < 2; k++) {
		struct bid_result *b = pair[k], *o = pair[1 - k];
		const struct score *mine = &b->scores[tb->node], *theirs = &o->scores[tb->node];
		struct tie_result *grown = tender_realloc(b->ties, (b->n_ties + 1) * sizeof(*grown));
		char v1[64], v2[64];

		if (!grown)
			return 0;
		b->ties = grown;
		if (tb->on_value) {
			snprintf(v1, sizeof(v1), "%s", money_text(mine->price_minor, decimals).s);
			snprintf(v2, sizeof(v2), "%s", money_text(theirs->price_minor, decimals).s);
		} else {
			snprintf(v1, sizeof(v1), "%s", pts(rs, mine->points).s);
			snprintf(v2, sizeof(v2), "%s", pts(rs, theirs->points).s);
		}
		grown[b->n_ties] = (struct tie_result){(size_t)(o - bids), (size_t)t, k == 0, NULL};
		grown[b->n_ties].text = format_text(
			"equal total with %s; placed %s it by tie-break %d, %s %s of %s: %s against %s",
			o->id, k == 0 ? "above" : "below", t + 1, tb->prefer_higher ? "higher" : "lower",
			tb->on_value ? "value" : "points", n->id, v1, v2);
		if (!grown[b->n_ties++].text)
			return 0;
	}
	return 1;
}

static int rank(const struct ruleset *rs, struct bid_result *bids, size_t n_bids, int decimals)
{
	size_t *order = tender_calloc(n_bids, sizeof(*order)), n = 0;

	if (!order)
		return 0;
	for (size_t i = 0; i < n_bids; i++)
		if (bids[i].compliant)
			order[n++] = i;
	/* Insertion sort: a tender has tens of bids, and the order of equal
	 * bids must not matter (they get the same rank). */
	for (size_t i = 1; i < n; i++) {
		size_t v = order[i], k = i;

		while (k > 0 && compare_bids(rs, &bids[v], &bids[order[k - 1]]) < 0) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = v;
	}
	for (size_t i = 0; i < n; i++) {
		struct bid_result *b = &bids[order[i]];

		if (i > 0 && compare_bids(rs, b, &bids[order[i - 1]]) == 0) {
			b->rank = bids[order[i - 1]].rank;
			b->tied = bids[order[i - 1]].tied = 1;
		} else {
			b->rank = (int)i + 1;
			if (i > 0 && b->total == bids[order[i - 1]].total &&
			    !record_tie(rs, bids, order[i - 1], order[i], decimals)) {
				tender_free(order);
				return 0;
			}
		}
	}
	tender_free(order);
	return 1;
}

/* Numbers the bids' bidders: bids of one organisation (names.h) share a
 * number. */
static size_t *number_bidders(const struct bid_result *bids, size_t n_bids)
{
	const char **names = tender_calloc(n_bids ? n_bids : 1, sizeof(*names));
	size_t *number = tender_calloc(n_bids ? n_bids : 1, sizeof(*number));

	for (size_t i = 0; names && i < n_bids; i++)
		names[i] = bids[i].bidder ? bids[i].bidder : "";
	if (!names || !number || names_number(names, n_bids, number)) {
		tender_free(number);
		number = NULL;
	}
	tender_free(names);
	return number;
}

static int shared_text(const struct ruleset *rs, size_t fi, struct bid_result *bids,
		       size_t n_bids, xmlNodePtr tender_root)
{
	const struct flag *f = &rs->flags[fi];
	const struct shingles **texts = tender_calloc(n_bids, sizeof(*texts));
	size_t *bidder = number_bidders(bids, n_bids), n_found = 0;
	struct shingles tender;
	struct shared_text *found = NULL;
	xmlChar *content = tender_root ? xmlNodeGetContent(tender_root) : NULL;
	int ok = texts && bidder;

	shingles_init(&tender, f->words);
	if (ok && content)
		ok = shingles_add(&tender, (const char *)content) == TENDER_OK;
	xmlFree(content);
	for (size_t i = 0; ok && i < n_bids; i++)
		texts[i] = bids[i].evaluated && bids[i].texts ? &bids[i].texts[fi] : NULL;
	ok = ok && shingles_compare(texts, bidder, n_bids, &tender, &found, &n_found) == TENDER_OK;
	for (size_t a = 0, b; ok && a < n_found; a = b) {
		struct strbuf others = STRBUF_INIT_WHOLE;
		size_t passages = 0;
		char n_passages[32], words[32], example[320], *message = NULL;

		for (b = a; b < n_found && found[b].bid == found[a].bid; b++) {
			strbuf_addf(&others, "%s%s (%s)", b > a ? ", " : "", bids[found[b].other].id,
				    bids[found[b].other].bidder);
			passages += found[b].passages;
		}
		if (passages < (size_t)f->min_passages) {
			strbuf_release(&others);
			continue;
		}
		snprintf(n_passages, sizeof(n_passages), "%zu", passages);
		snprintf(words, sizeof(words), "%d", f->words);
		shingles_passage(&bids[found[a].bid].texts[fi], found[a].example,
				 found[a].example_words, example, sizeof(example));
		{
			const struct template_value values[] = {
				{"others", strbuf_str(&others)}, {"passages", n_passages},
				{"words", words}, {"example", example},
			};

			ok = !others.nomem &&
			     !template_render(&f->message, NULL, values, 4, &message) &&
			     add_flag(&bids[found[a].bid], fi, message);
		}
		strbuf_release(&others);
	}
	shingles_release(&tender);
	tender_free(found);
	tender_free(bidder);
	tender_free(texts);
	return ok;
}

/* Attaches the panel's decisions to the flags they answer; an exclusion
 * takes effect now, before prices are compared. */
static int apply_decisions(const struct ruleset *rs, struct bid_result *bids, size_t n_bids,
			   struct panel_scores *panel)
{
	for (size_t i = 0; i < n_bids; i++) {
		struct bid_result *b = &bids[i];

		for (size_t k = 0; b->id && k < b->n_flags; k++) {
			const struct flag *f = &rs->flags[b->flags[k].flag];
			struct panel_decision *d = panel_find_decision(panel, b->id, f->id);

			if (!d)
				continue;
			d->used = 1;
			b->flags[k].decision = d;
			if (d->excluded && b->compliant &&
			    !exclude(b, "the panel decided on %s (agreed by %s) to exclude the bid "
					"for flag %s (%s)", d->date, d->agreed_by, f->id, f->title))
				return 0;
		}
	}
	for (size_t i = 0; panel && i < panel->n_decisions; i++) {
		struct panel_decision *d = &panel->decisions[i];

		for (size_t k = 0; !d->used && k < n_bids; k++)
			if (bids[k].id && strcmp(bids[k].id, d->bid) == 0) {
				if (bid_add_problem(&bids[k], "the panel's decision of %s on flag %s "
							      "concerns a flag that was not raised on "
							      "this bid", d->date, d->flag))
					return 0;
				bids[k].compliant = 0;
				d->used = 1; /* reported */
			}
	}
	return 1;
}

enum tender_status evaluate_across(const struct ruleset *rs, struct bid_result *bids,
				   size_t n_bids, int decimals, xmlNodePtr tender_root,
				   struct panel_scores *panel)
{
	int ok = 1;

	for (size_t i = 0; i < n_bids && ok; i++)
		ok = first_compliance(rs, &bids[i]) && reject_nonpositive(rs, &bids[i], decimals);
	for (size_t f = 0; f < rs->n_flags && ok; f++) {
		if (rs->flags[f].kind == FLAG_ABNORMALLY_LOW)
			ok = abnormally_low(rs, f, bids, n_bids, decimals);
		else if (rs->flags[f].kind == FLAG_IDENTICAL_PRICE)
			ok = identical_price(rs, f, bids, n_bids, decimals);
		else if (rs->flags[f].kind == FLAG_SHARED_TEXT)
			ok = shared_text(rs, f, bids, n_bids, tender_root);
	}
	ok = ok && apply_decisions(rs, bids, n_bids, panel);
	/* the texts are compared: their memory goes back before scoring */
	for (size_t i = 0; i < n_bids && ok; i++) {
		for (size_t f = 0; bids[i].texts && f < rs->n_flags; f++)
			shingles_release(&bids[i].texts[f]);
		tender_free(bids[i].texts);
		bids[i].texts = NULL;
	}
	/* Cross-bid flags that exclude take effect before prices are compared. */
	for (size_t i = 0; i < n_bids && ok; i++)
		for (size_t k = 0; k < bids[i].n_flags && ok; k++) {
			const struct flag *f = &rs->flags[bids[i].flags[k].flag];

			if (f->excludes && f->kind != FLAG_WHEN && bids[i].compliant)
				ok = exclude(&bids[i], "flag %s (%s) excludes the bid", f->id,
					     f->title);
		}
	ok = ok && score_prices(rs, bids, n_bids, decimals);
	for (size_t i = 0; i < n_bids && ok; i++) {
		add_up(rs, &bids[i]);
		ok = explain_groups(rs, &bids[i]);
	}
	ok = ok && rank(rs, bids, n_bids, decimals);
	return ok ? TENDER_OK : TENDER_ERR_NOMEM;
}
