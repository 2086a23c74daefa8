/*
 * flag_panel.c - the four flags on the evaluation panel's record, per bid
 * (one table entry each): <panel-missing/> (an evaluator gave no score),
 * <panel-spread above=""/> (the counted scores of a question more than
 * `above` apart), <panel-moderation/> (a moderated score outside the counted
 * scores without a note) and <panel-conflict/> (an evaluator with a
 * declared interest in the bid). Without the panel's file none is raised.
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

struct panel_spread_flag {
	struct decimal above;
};

static const char *const panel_names[] = {"details", "questions", NULL};
static const char *const panel_spread_names[] = {"details", "questions", "limit", NULL};

/* Appends to details what the flag finds in the record of one question;
 * returns 1 when the question is one to name in {questions} if anything
 * was found. */
typedef int question_details_fn(const struct bid_ctx *c, const struct flag *f, const char *question,
				const struct panel_record *r, struct strbuf *details);

/* Appends what the flag finds about the bid as a whole to details. */
typedef void bid_details_fn(const struct bid_ctx *c, struct strbuf *details);

static void read_panel_flag(struct loader *l, const xmlNode *el, struct flag *f)
{
	int has_panel = 0;

	for (size_t i = 0; i < l->rs->n_nodes; i++)
		has_panel |= panel_rule_question(&l->rs->nodes[i]) != NULL;
	if (!has_panel)
		check_report(&l->c, el, DIAG_WARNING, "rule-flag",
			     "rule %s: the rule set has no panel criterion, so this flag "
			     "never holds",
			     f->id);
}

static void read_panel_spread(struct loader *l, const xmlNode *el, struct flag *f)
{
	struct panel_spread_flag *spread = kind_data_new(l, sizeof(*spread));

	if (!spread)
		return;
	f->data = spread;
	attr_decimal(l, el, "above", &spread->above);
	if (spread->above.coef <= 0)
		check_report(&l->c, el, DIAG_ERROR, "rule-flag",
			     "rule %s: above must be more than zero", f->id);
	read_panel_flag(l, el, f);
}

static int describe_missing(const struct bid_ctx *c, const struct flag *f, const char *question,
			    const struct panel_record *r, struct strbuf *details)
{
	const struct panel_scores *ps = c->opt->panel;

	(void)f;
	if (!r->n_missing)
		return 1;
	strbuf_addf(details, "%s%s: ", details->len ? "; " : "", question);
	for (size_t k = 0, j = 0; k < r->n_marks; k++)
		if (r->marks[k].state == MARK_MISSING)
			strbuf_addf(details, "%s%s (%s)", j++ ? ", " : "",
				    ps->members[r->marks[k].member].id,
				    ps->members[r->marks[k].member].name);
	return 1;
}

/* Whether the counted scores are more than `above` apart (exactly: a
 * spread at the limit is not flagged). */
static int spread_above(const struct panel_record *r, struct decimal above)
{
	return decimal_wide18(r->high) - decimal_wide18(r->low) > decimal_wide18(above);
}

static int describe_spread(const struct bid_ctx *c, const struct flag *f, const char *question,
			   const struct panel_record *r, struct strbuf *details)
{
	const struct panel_spread_flag *spread = f->data;
	struct decimal apart;

	if (r->n_counted <= 1 || !spread_above(r, spread->above))
		return 1;
	strbuf_addf(details, "%s%s: ", details->len ? "; " : "", question);
	panel_describe_marks(c->opt->panel, r, details);
	if (decimal_sub(r->high, r->low, &apart) == TENDER_OK)
		strbuf_addf(details, " (%s points apart", decimal_text(apart).s);
	else
		strbuf_addf(details, " (%s − %s points apart", decimal_text(r->high).s,
			    decimal_text(r->low).s);
	if (r->moderated)
		strbuf_addf(details, "; moderated to %s", decimal_text(r->moderated->value).s);
	strbuf_adds(details, ")");
	return 1;
}

static int describe_moderation(const struct bid_ctx *c, const struct flag *f, const char *question,
			       const struct panel_record *r, struct strbuf *details)
{
	(void)f;
	if (!r->moderated || r->n_counted == 0 || r->moderated->note[0] ||
	    (decimal_cmp(r->moderated->value, r->low) >= 0 &&
	     decimal_cmp(r->moderated->value, r->high) <= 0))
		return 1;
	strbuf_addf(details, "%s%s: moderated score %s, outside the evaluators' scores (",
		    details->len ? "; " : "", question, decimal_text(r->moderated->value).s);
	panel_describe_marks(c->opt->panel, r, details);
	strbuf_adds(details, "), with no note");
	return 1;
}

/* The declared interests in the bid, and whose scores that sets aside. */
static void describe_interests(const struct bid_ctx *c, struct strbuf *details)
{
	const struct panel_scores *ps = c->opt->panel;

	for (size_t i = 0; i < c->b->n_conflicts; i++) {
		const struct panel_conflict *k = &c->b->conflicts[i];
		const struct panel_member *m = &ps->members[k->member];
		const struct panel_interest *in = &m->interests[k->interest];

		strbuf_addf(details, "%s%s (%s) declared an interest in %s, %s: %s; ",
			    details->len ? " " : "", m->id, m->name, k->party,
			    k->is_bidder ? "the bidder" : "a consortium member of this bid",
			    in->nature);
		strbuf_addf(details,
			    c->rs->moderation.keep_conflicted
				? "%s's scores for this bid are kept (the rule set keeps a "
				  "conflicted evaluator's scores)."
				: "%s's scores for this bid are excluded from moderation.",
			    m->id);
	}
}

/* A conflicted evaluator among those who agreed a moderated score. */
static int describe_conflict(const struct bid_ctx *c, const struct flag *f, const char *question,
			     const struct panel_record *r, struct strbuf *details)
{
	const char *p, *id;
	size_t len;

	(void)f;
	if (!r->moderated)
		return 1;
	p = r->moderated->agreed_by;
	while (check_next_span(&p, &id, &len)) {
		int m = panel_member_index(c->opt->panel, id, len);

		if (m >= 0 && panel_conflicted(c->b->conflicts, c->b->n_conflicts, (size_t)m))
			strbuf_addf(details, " %.*s agreed the moderated score for %s.", (int)len,
				    id, question);
	}
	return 0;
}

/* The details of a panel flag on this bid into details ("" when it does not
 * hold), and the questions concerned into questions. */
static void panel_flag_details(struct bid_ctx *c, const struct flag *f, bid_details_fn *about_bid,
			       question_details_fn *about_question, struct strbuf *details,
			       struct strbuf *questions)
{
	if (about_bid)
		about_bid(c, details);
	for (size_t i = 0; i < c->rs->n_nodes; i++) {
		const char *question = panel_rule_question(&c->rs->nodes[i]);
		const struct panel_record *r = c->b->scores[i].panel;
		size_t before = details->len;

		if (!question || !r)
			continue;
		if (about_question(c, f, question, r, details) && details->len != before)
			strbuf_addf(questions, "%s%s", questions->len ? " " : "", question);
	}
}

static void run_panel_flag(struct bid_ctx *c, size_t fi, bid_details_fn *about_bid,
			   question_details_fn *about_question)
{
	const struct flag *f = &c->rs->flags[fi];
	const struct panel_spread_flag *spread = f->data;
	struct strbuf details = STRBUF_INIT_WHOLE, questions = STRBUF_INIT_WHOLE;
	struct number_text limit = decimal_text(spread ? spread->above : (struct decimal){0, 0});
	char *message = NULL;

	if (!c->opt->panel)
		return;
	panel_flag_details(c, f, about_bid, about_question, &details, &questions);
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

static void run_missing(struct bid_ctx *c, size_t fi)
{
	run_panel_flag(c, fi, NULL, describe_missing);
}

static void run_spread(struct bid_ctx *c, size_t fi)
{
	run_panel_flag(c, fi, NULL, describe_spread);
}

static void run_moderation(struct bid_ctx *c, size_t fi)
{
	run_panel_flag(c, fi, NULL, describe_moderation);
}

static void run_conflict(struct bid_ctx *c, size_t fi)
{
	run_panel_flag(c, fi, describe_interests, describe_conflict);
}

static void spread_result_attrs(const struct flag *f, kind_attr_fn *put, void *ctx)
{
	const struct panel_spread_flag *spread = f->data;

	put(ctx, "above", decimal_text(spread->above).s);
}

const struct flag_ops flag_panel_missing = {
    .element = "panel-missing",
    .message_names = panel_names,
    .read = read_panel_flag,
    .run_bid = run_missing,
    .release = tender_free,
};

const struct flag_ops flag_panel_spread = {
    .element = "panel-spread",
    .message_names = panel_spread_names,
    .read = read_panel_spread,
    .run_bid = run_spread,
    .result_attrs = spread_result_attrs,
    .release = tender_free,
};

const struct flag_ops flag_panel_moderation = {
    .element = "panel-moderation",
    .message_names = panel_names,
    .read = read_panel_flag,
    .run_bid = run_moderation,
    .release = tender_free,
};

const struct flag_ops flag_panel_conflict = {
    .element = "panel-conflict",
    .message_names = panel_names,
    .read = read_panel_flag,
    .run_bid = run_conflict,
    .release = tender_free,
};
