/*
 * method_scale.c - <scale value="XPATH" from="" to=""/> (points linear in
 * the value between from and to) or <scale value="XPATH"> with <band>s (a
 * share of the points per band of values).
 */
#include "kinds.h"

#include "alloc.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

struct band {
	int has_from, has_to;
	struct decimal from, to, pct;
};

struct scale_rule {
	struct xpath_expr value;
	int has_from, has_to;
	struct decimal from, to;
	struct band *bands;
	size_t n_bands;
};

static void read_bands(struct loader *l, const xmlNode *el, const struct rule_node *n,
		       struct scale_rule *rule, size_t count)
{
	rule->bands = tender_calloc(count, sizeof(*rule->bands));
	if (!rule->bands) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *b = R(el, "band"); b; b = xml_next_same(b)) {
		struct band *band = &rule->bands[rule->n_bands++];

		band->has_from = attr_decimal(l, b, "from", &band->from);
		band->has_to = attr_decimal(l, b, "to", &band->to);
		attr_decimal(l, b, "pct", &band->pct);
		if (band->pct.coef < 0 || decimal_cmp(band->pct, decimal_from_int(100)) > 0)
			check_report(&l->c, b, DIAG_ERROR, "rule-scale",
				     "rule %s: a band's pct must be between 0 and 100", n->id);
		if (band->has_from && band->has_to && decimal_cmp(band->from, band->to) >= 0)
			check_report(&l->c, b, DIAG_ERROR, "rule-scale",
				     "rule %s: a band's from must be below its to", n->id);
	}
}

static void read_scale(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct scale_rule *rule = kind_data_new(l, sizeof(*rule));
	size_t count = 0;

	if (!rule)
		return;
	n->data = rule;
	compile_xpath(l, el, "value", n->id, &rule->value);
	rule->has_from = attr_decimal(l, el, "from", &rule->from);
	rule->has_to = attr_decimal(l, el, "to", &rule->to);
	for (const xmlNode *b = R(el, "band"); b; b = xml_next_same(b))
		count++;
	if (count == 0) {
		if (!rule->has_from || !rule->has_to || decimal_cmp(rule->from, rule->to) == 0)
			check_report(&l->c, el, DIAG_ERROR, "rule-scale",
				     "rule %s: a scale needs from and to (different), or bands",
				     n->id);
		return;
	}
	if (rule->has_from || rule->has_to)
		check_report(&l->c, el, DIAG_ERROR, "rule-scale",
			     "rule %s: a scale has either from/to or bands, not both", n->id);
	read_bands(l, el, n, rule, count);
}

/* value × points between from and to (from > to: lower is better),
 * clamped to [0, points]. */
static enum tender_status linear_points(const struct rule_node *n, const struct scale_rule *rule,
					struct decimal v, int64_t *out, const char **clamp)
{
	number_wide from = decimal_wide18(rule->from), to = decimal_wide18(rule->to),
		    x = decimal_wide18(v), above = x - from, den = to - from;

	if (den < 0) {
		above = -above;
		den = -den;
	}
	*clamp = "";
	if (above <= 0) {
		*clamp = above < 0 ? ", floored at 0" : "";
		*out = 0;
		return TENDER_OK;
	}
	if (above >= den) {
		*clamp = above > den ? ", capped at full points" : "";
		*out = n->points;
		return TENDER_OK;
	}
	return points_ratio(n->points, above, den, out);
}

/* A value that is not a number: no points, and why. */
static int score_not_a_number(struct bid_ctx *c, const struct rule_node *n, struct score *s,
			      const char *text)
{
	char why[128] = "is not a number";
	struct decimal v;

	s->points = 0;
	if (!text || !text[0])
		return explain(s, "the value is not a number: 0 of %s", pts(c->rs, n->points).s);
	decimal_parse(text, &v, why, sizeof(why));
	return explain(s, "the value '%s' %s: 0 of %s", text, why, pts(c->rs, n->points).s);
}

/* Returns 0 on out of memory, -1 after a rule error, else 1. */
static int score_linear(struct bid_ctx *c, const struct rule_node *n, struct score *s,
			struct decimal v)
{
	const struct scale_rule *rule = n->data;
	const char *clamp;

	if (linear_points(n, rule, v, &s->points, &clamp)) {
		rule_error(c, s, n->id, "the value is too large or too precise to score exactly");
		return -1;
	}
	return explain(s, "value %s: (%s − %s) / (%s − %s) × %s%s = %s", num(v).s, num(v).s,
		       num(rule->from).s, num(rule->to).s, num(rule->from).s,
		       pts(c->rs, n->points).s, clamp, pts(c->rs, s->points).s);
}

/* Returns 0 on out of memory, -1 after a rule error, else 1. */
static int score_bands(struct bid_ctx *c, const struct rule_node *n, struct score *s,
		       struct decimal v)
{
	const struct scale_rule *rule = n->data;
	const struct band *hit = NULL;

	for (size_t i = 0; i < rule->n_bands && !hit; i++) {
		const struct band *b = &rule->bands[i];

		if ((!b->has_from || decimal_cmp(v, b->from) >= 0) &&
		    (!b->has_to || decimal_cmp(v, b->to) < 0))
			hit = b;
	}
	s->points = 0;
	if (hit &&
	    points_ratio(n->points, decimal_wide18(hit->pct), 100 * DECIMAL_WIDE_ONE, &s->points)) {
		rule_error(c, s, n->id, "the band's points are out of range");
		return -1;
	}
	if (!hit)
		return explain(s, "value %s is in no band: 0 of %s", num(v).s,
			       pts(c->rs, n->points).s);
	return explain(s, "value %s in band [%s, %s): %s%% × %s = %s", num(v).s,
		       hit->has_from ? num(hit->from).s : "-inf",
		       hit->has_to ? num(hit->to).s : "+inf", num(hit->pct).s,
		       pts(c->rs, n->points).s, pts(c->rs, s->points).s);
}

static void score_scale(struct bid_ctx *c, const struct rule_node *n, struct score *s)
{
	const struct scale_rule *rule = n->data;
	struct decimal v;
	char *text = NULL;
	int is_number, ok;
	enum tender_status rc = xpath_decimal(&c->env, &rule->value, &v, &is_number, &text);

	if (rc == TENDER_ERR_NOMEM) {
		c->nomem = 1;
		return;
	}
	if (rc) {
		rule_error(c, s, n->id, c->env.error);
		return;
	}
	if (!is_number)
		ok = score_not_a_number(c, n, s, text);
	else if (rule->n_bands == 0)
		ok = score_linear(c, n, s, v);
	else
		ok = score_bands(c, n, s, v);
	tender_free(text);
	if (!ok)
		c->nomem = 1;
}

static void release_scale(void *data)
{
	struct scale_rule *rule = data;

	if (!rule)
		return;
	xpath_expr_release(&rule->value);
	tender_free(rule->bands);
	tender_free(rule);
}

const struct method_ops method_scale = {
    .element = "scale",
    .read = read_scale,
    .score_bid = score_scale,
    .release = release_scale,
};
