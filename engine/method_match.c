/*
 * method_match.c - <match select="XPATH"> with <pattern label="" points="">
 * regexes: the points of every pattern found in the selected text, capped
 * at the criterion's.
 */
#include "kinds.h"

#include "alloc.h"
#include "match.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "strbuf.h"

struct pattern {
	char *label;
	char *source;
	int64_t points; /* points units (number.h) */
	struct match_pattern *re;
};

struct match_rule {
	struct xpath_expr select;
	struct pattern *patterns;
	size_t n_patterns;
};

static void read_pattern(struct loader *l, const xmlNode *p, const struct rule_node *n,
			 struct pattern *pat)
{
	struct decimal points = {0, 0};
	char why[512];
	enum tender_status rc;

	pat->label = attr_dup(l, p, "label");
	pat->source = text_dup(l, p);
	attr_decimal(l, p, "points", &points);
	if (points_from_decimal(points, &pat->points))
		check_report(&l->c, p, DIAG_ERROR, "rule-match",
			     "rule %s: a pattern's points are out of range", n->id);
	if (pat->points <= 0)
		check_report(&l->c, p, DIAG_ERROR, "rule-match",
			     "rule %s: a pattern's points must be above zero", n->id);
	if (!pat->source)
		return;
	rc = match_compile(pat->source,
			   attr_is(p, "caseless", "true") || attr_is(p, "caseless", "1"), &pat->re,
			   why, sizeof(why));
	if (rc == TENDER_ERR_NOMEM)
		fail_nomem(l);
	else if (rc)
		check_report(&l->c, p, DIAG_ERROR, "rule-regex", "rule %s: %s", n->id, why);
}

static void read_match(struct loader *l, const xmlNode *el, struct rule_node *n)
{
	struct match_rule *rule = kind_data_new(l, sizeof(*rule));
	size_t count = 0;

	if (!rule)
		return;
	n->data = rule;
	compile_xpath(l, el, "select", n->id, &rule->select);
	for (const xmlNode *p = R(el, "pattern"); p; p = xml_next_same(p))
		count++;
	rule->patterns = tender_calloc(count, sizeof(*rule->patterns));
	if (!rule->patterns) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *p = R(el, "pattern"); p; p = xml_next_same(p))
		read_pattern(l, p, n, &rule->patterns[rule->n_patterns++]);
}

/* The text a match criterion searches: the selected nodes' string values,
 * one a line, followed by MATCH_SUBJECT_PAD zero bytes. Returns a buffer
 * the caller frees, or NULL with *why set (or c->nomem). */
static char *match_subject(struct bid_ctx *c, const struct match_rule *rule, size_t *length,
			   const char **why)
{
	struct strbuf sb = STRBUF_INIT_WHOLE;
	xmlXPathObjectPtr r;
	static const char pad[MATCH_SUBJECT_PAD];
	char *subject;

	*why = NULL;
	sb.max = MATCH_SUBJECT_MAX + 1; /* one byte more tells "too long" */
	if (xpath_eval(&c->env, &rule->select, &r)) {
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
	const struct match_rule *rule = n->data;
	struct strbuf found = STRBUF_INIT_WHOLE;
	char why[256];
	size_t length;
	const char *subject_why;
	char *subject = match_subject(c, rule, &length, &subject_why);
	number_wide sum = 0; /* at most 10,000 patterns of int64 points */

	if (!subject) {
		if (subject_why)
			rule_error(c, s, n->id, subject_why);
		return;
	}
	for (size_t i = 0; i < rule->n_patterns; i++) {
		const struct pattern *pat = &rule->patterns[i];
		int hit;
		enum tender_status rc =
		    match_find(pat->re, subject, length, &hit, why, sizeof(why));

		if (rc == TENDER_ERR_NOMEM) {
			c->nomem = 1;
			break;
		}
		if (rc) {
			struct strbuf message = STRBUF_INIT_WHOLE;

			strbuf_addf(&message, "pattern '%s': %s", pat->label, why);
			rule_error(c, s, n->id, message.nomem ? why : strbuf_str(&message));
			strbuf_release(&message);
			tender_free(subject);
			strbuf_release(&found);
			return;
		}
		if (hit) {
			strbuf_addf(&found, "%s%s (+%s)", found.len ? ", " : "", pat->label,
				    points_exact(pat->points).s);
			sum += pat->points;
		}
	}
	tender_free(subject);
	s->points = sum > n->points ? n->points : (int64_t)sum;
	if (found.nomem || !explain(s, "found %s: %s, capped at %s = %s",
				    found.len ? strbuf_str(&found) : "nothing",
				    sum > INT64_MAX ? "more" : points_exact((int64_t)sum).s,
				    pts(c->rs, n->points).s, pts(c->rs, s->points).s))
		c->nomem = 1;
	strbuf_release(&found);
}

static void release_match(void *data)
{
	struct match_rule *rule = data;

	if (!rule)
		return;
	xpath_expr_release(&rule->select);
	for (size_t k = 0; k < rule->n_patterns; k++) {
		tender_free(rule->patterns[k].label);
		tender_free(rule->patterns[k].source);
		match_free(rule->patterns[k].re);
	}
	tender_free(rule->patterns);
	tender_free(rule);
}

const struct method_ops method_match = {
    .element = "match",
    .read = read_match,
    .score_bid = score_match,
    .release = release_match,
};
