/*
 * method_panel.c - <panel question="" min="" max=""/>: the evaluation
 * panel's score for the question (moderated, or the median or mean of the
 * evaluators' scores by the rule set's <moderation>), scaled from the
 * question's min-max to the criterion's points. Without the panel's file
 * the score stays pending.
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

#include <assert.h>

struct panel_rule {
	char *question;
	struct decimal min, max;
	int has_method; /* else the rule set's <moderation method> */
	enum panel_method method;
};

extern const struct method_ops method_panel;

const char *panel_rule_question(const struct rule_node *n)
{
	const struct panel_rule *rule = n->data;

	return n->ops == &method_panel && rule ? rule->question : NULL;
}

void panel_rule_scale(const struct rule_node *n, struct decimal *min, struct decimal *max)
{
	const struct panel_rule *rule = n->data;

	assert(n->ops == &method_panel && rule);
	*min = rule->min;
	*max = rule->max;
}

struct panel_policy panel_rule_policy(const struct ruleset *rs, const struct rule_node *n)
{
	const struct panel_rule *rule = n->data;
	struct panel_policy p = rs->moderation;

	if (rule->has_method)
		p.method = rule->method;
	return p;
}

static void read_panel(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct panel_rule *rule = kind_data_new(l, sizeof(*rule));

	if (!rule)
		return;
	n->data = rule;
	rule->question = attr_dup(l, el, "question");
	attr_decimal(l, el, "min", &rule->min);
	attr_decimal(l, el, "max", &rule->max);
	rule->has_method = 1;
	if (attr_is(el, "moderation", "mean"))
		rule->method = PANEL_MEAN;
	else if (attr_is(el, "moderation", "consensus"))
		rule->method = PANEL_CONSENSUS;
	else if (attr_is(el, "moderation", "median"))
		rule->method = PANEL_MEDIAN;
	else
		rule->has_method = 0;
	if (decimal_cmp(rule->min, rule->max) >= 0)
		check_report(&l->c, el, DIAG_ERROR, "rule-panel",
			     "rule %s: the panel scale needs min below max", n->id);
}

void panel_describe_marks(const struct panel_scores *ps, const struct panel_record *r,
			  struct strbuf *how)
{
	for (size_t i = 0; i < r->n_marks; i++) {
		const struct panel_mark *m = &r->marks[i];
		struct number_text v = {""};

		assert(m->member < ps->n_members);
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

/* The panel's value scaled to the criterion's points: (value − min) /
 * (max − min) × points = (num − min × den) / (den × (max − min)) × points,
 * at scale 18. Returns non-zero when too large to scale exactly. */
static int scale_panel_value(const struct rule_node *n, const struct panel_rule *rule,
			     struct ratio value, int64_t *points)
{
	number_wide min18 = decimal_wide18(rule->min), max18 = decimal_wide18(rule->max);
	number_wide above, low, den;

	return wide_mul(value.num, DECIMAL_WIDE_ONE, &above) || wide_mul(min18, value.den, &low) ||
	       wide_mul(value.den, max18 - min18, &den) ||
	       points_ratio(n->points, above - low, den, points);
}

static void score_panel(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct panel_rule *rule = n->data;
	const struct panel_scores *ps = c->opt->panel;
	struct panel_policy policy = panel_rule_policy(c->rs, n);
	struct strbuf how = STRBUF_INIT_WHOLE;
	struct panel_record *r;
	struct number_text v;

	if (!ps) {
		s->state = SCORE_PENDING;
		if (!explain(s, "scored by the evaluation panel (question %s)", rule->question))
			c->nomem = 1;
		return;
	}
	r = tender_calloc(1, sizeof(*r));
	if (!r || panel_decide(ps, &policy, c->b->id, rule->question, c->b->conflicts,
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
	if (ratio_cmp_decimal(r->value, rule->min) < 0 ||
	    ratio_cmp_decimal(r->value, rule->max) > 0) {
		rule_error(c, s, n->id, "the panel's score is outside the question's scale");
		return;
	}
	if (scale_panel_value(n, rule, r->value, &s->points)) {
		rule_error(c, s, n->id,
			   "the panel's score is too large or too precise to scale "
			   "exactly");
		return;
	}
	assert(s->points >= 0 && s->points <= n->points);
	v = ratio_text(r->value);
	if (r->basis == BASIS_MODERATED) {
		strbuf_addf(&how, "moderated score %s agreed by %s (", v.s,
			    r->moderated->agreed_by);
		panel_describe_marks(ps, r, &how);
		strbuf_adds(&how, ")");
	} else {
		panel_describe_marks(ps, r, &how);
		strbuf_addf(&how, ": %s %s", r->basis == BASIS_MEAN ? "mean" : "median", v.s);
	}
	if (how.nomem ||
	    !explain(s, "%s on %s–%s: (%s − %s) / (%s − %s) × %s = %s", strbuf_str(&how),
		     num(rule->min).s, num(rule->max).s, v.s, num(rule->min).s, num(rule->max).s,
		     num(rule->min).s, pts(c->rs, n->points).s, pts(c->rs, s->points).s))
		c->nomem = 1;
	strbuf_release(&how);
}

static void release_panel(void *data)
{
	struct panel_rule *rule = data;

	if (!rule)
		return;
	tender_free(rule->question);
	tender_free(rule);
}

const struct method_ops method_panel = {
    .element = "panel",
    .pending = "scored by the evaluation panel",
    .read = read_panel,
    .score_bid = score_panel,
    .release = release_panel,
};
