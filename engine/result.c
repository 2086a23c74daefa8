/*
 * result.c - writing evaluation.xml (see result.h) with libxml2's text
 * writer, which escapes all text.
 */
#include "result.h"

#include "alloc.h"
#include "calendar.h"
#include "kinds.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

static int order_cmp(const struct bid_result *a, const struct bid_result *b)
{
	int c;

	if (a->rank && b->rank && a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (!a->rank != !b->rank)
		return a->rank ? -1 : 1;
	c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->file, b->file); /* one id, two files: not <bids> order */
}

void result_order(const struct evaluation *ev, size_t *order)
{
	for (size_t i = 0; i < ev->n_bids; i++) {
		size_t k = i;

		while (k > 0 && order_cmp(&ev->bids[i], &ev->bids[order[k - 1]]) < 0) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
}

/* The writer calls below return -1 on failure; `w_ok` collects that. */
struct writer {
	xmlTextWriterPtr w;
	int failed;
};

static void start(struct writer *w, const char *name)
{
	if (xmlTextWriterStartElement(w->w, BAD_CAST name) < 0)
		w->failed = 1;
}

static void end(struct writer *w)
{
	if (xmlTextWriterEndElement(w->w) < 0)
		w->failed = 1;
}

static void attr(struct writer *w, const char *name, const char *value)
{
	if (xmlTextWriterWriteAttribute(w->w, BAD_CAST name, BAD_CAST(value ? value : "")) < 0)
		w->failed = 1;
}

/* An attribute a rule kind writes (kinds.h). */
static void put_attr(void *w, const char *name, const char *value)
{
	attr(w, name, value);
}

/* Points exactly (the fixed point of number.h, shortest). */
static void attr_points(struct writer *w, const char *name, int64_t points)
{
	attr(w, name, points_exact(points).s);
}

/* Points for display: the rule set's precision, half away from zero. */
static void attr_display(struct writer *w, const char *name, const struct ruleset *rs,
			 int64_t points)
{
	attr(w, name, points_text(points, rs->precision).s);
}

static void attr_int(struct writer *w, const char *name, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	attr(w, name, buf);
}

static void attr_sha(struct writer *w, const unsigned char sha[32])
{
	char hex[65];

	sha256_hex(sha, hex);
	attr(w, "sha256", hex);
}

static void text(struct writer *w, const char *s)
{
	if (xmlTextWriterWriteString(w->w, BAD_CAST(s ? s : "")) < 0)
		w->failed = 1;
}

static void element(struct writer *w, const char *name, const char *content)
{
	start(w, name);
	text(w, content);
	end(w);
}

static void write_nodes(struct writer *w, const struct ruleset *rs, int parent)
{
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct rule_node *n = &rs->nodes[i];

		if (n->parent != parent)
			continue;
		start(w, rule_is_group(n) ? "group" : "criterion");
		attr(w, "id", n->id);
		if (!rule_is_group(n)) {
			attr(w, "method", n->ops->element);
			if (n->ops->result_attrs)
				n->ops->result_attrs(n, put_attr, w);
		}
		attr(w, "weight", n->weight);
		attr_points(w, "points", n->points);
		attr_display(w, "display", rs, n->points);
		if (n->cite)
			attr(w, "cite", n->cite);
		if (n->key_criterion)
			attr(w, "key-criterion", n->key_criterion);
		element(w, "title", n->title);
		if (rule_is_group(n))
			write_nodes(w, rs, (int)i);
		end(w);
	}
}

static void attr_number(struct writer *w, const char *name, struct decimal v)
{
	attr(w, name, decimal_text(v).s);
}

static void write_rules(struct writer *w, const struct evaluation *ev)
{
	const struct ruleset *rs = ev->rules;

	start(w, "ruleset");
	attr(w, "id", rs->id);
	attr(w, "version", rs->version);
	attr_sha(w, rs->sha256);
	attr_points(w, "scale", rs->scale);
	attr_int(w, "precision", rs->precision);
	if (rs->regime)
		attr(w, "regime", regime_info(rs->regime)->token);
	element(w, "title", rs->title);
	if (rs->key_justification) {
		start(w, "key-criteria");
		element(w, "justification", rs->key_justification);
		end(w);
	}
	start(w, "criteria");
	write_nodes(w, rs, -1);
	end(w);
	start(w, "gates");
	for (size_t i = 0; i < rs->n_gates; i++) {
		start(w, "gate");
		attr(w, "id", rs->gates[i].id);
		attr(w, "cite", rs->gates[i].cite);
		element(w, "title", rs->gates[i].title);
		end(w);
	}
	end(w);
	start(w, "flags");
	for (size_t i = 0; i < rs->n_flags; i++) {
		const struct flag *f = &rs->flags[i];

		start(w, "flag");
		attr(w, "id", f->id);
		attr(w, "severity", severity_str(f->severity));
		attr(w, "cite", f->cite);
		attr(w, "excludes", f->excludes ? "true" : "false");
		attr(w, "kind", f->ops->element);
		if (f->ops->result_attrs)
			f->ops->result_attrs(f, put_attr, w);
		element(w, "title", f->title);
		end(w);
	}
	end(w);
	end(w);
}

/* The panel: the policy and the decision makers with their interests. */
static void write_panel(struct writer *w, const struct evaluation *ev)
{
	const struct panel_policy *p = &ev->rules->moderation;

	start(w, "panel");
	attr(w, "method", panel_method_str(p->method));
	attr_int(w, "min-evaluators", p->min_evaluators);
	attr(w, "missing", p->require_moderated ? "require-moderated" : "ignore");
	attr(w, "conflicts", p->keep_conflicted ? "keep" : "exclude");
	if (ev->rules->moderation_cite)
		attr(w, "cite", ev->rules->moderation_cite);
	for (size_t i = 0; i < ev->panel->n_members; i++) {
		const struct panel_member *m = &ev->panel->members[i];

		start(w, "evaluator");
		attr(w, "id", m->id);
		attr(w, "name", m->name);
		attr(w, "role", m->role);
		for (size_t k = 0; k < m->n_interests; k++) {
			start(w, "interest");
			attr(w, "organisation", m->interests[k].organisation);
			attr(w, "nature", m->interests[k].nature);
			end(w);
		}
		end(w);
	}
	end(w);
}

/* A bid's panel record: the conflicts declared with it, then per panel
 * question who scored what, what was moderated, and the result. */
static void write_panel_record(struct writer *w, const struct evaluation *ev,
			       const struct bid_result *b)
{
	const struct ruleset *rs = ev->rules;
	const struct panel_scores *ps = ev->panel;

	for (size_t i = 0; i < b->n_conflicts; i++) {
		const struct panel_conflict *c = &b->conflicts[i];
		const struct panel_member *m = &ps->members[c->member];

		start(w, "conflict");
		attr(w, "evaluator", m->id);
		attr(w, "organisation", m->interests[c->interest].organisation);
		attr(w, "party", c->party);
		attr(w, "relation", c->is_bidder ? "bidder" : "member");
		attr(w, "managed", rs->moderation.keep_conflicted ? "kept" : "excluded");
		text(w, m->interests[c->interest].nature);
		end(w);
	}
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct panel_record *p = b->scores[i].panel;

		if (!p)
			continue;
		start(w, "panel-record");
		attr(w, "ref", rs->nodes[i].id);
		attr(w, "question", panel_rule_question(&rs->nodes[i]));
		attr(w, "basis", panel_basis_str(p->basis));
		if (p->basis != BASIS_NONE)
		{
			struct number_text v = ratio_text(p->value);
			size_t len = strlen(v.s), mark = strlen("…");
			int rounded = len > mark && strcmp(v.s + len - mark, "…") == 0;

			if (rounded)
				v.s[len - mark] = '\0';
			attr(w, "value", v.s);
			if (rounded)
				attr(w, "rounded", "true"); /* a mean such as 10/3 */
			attr(w, "display", ratio_display(p->value, 2).s);
		}
		attr_int(w, "counted", (long long)p->n_counted);
		if (p->n_counted) {
			attr_number(w, "low", p->low);
			attr_number(w, "high", p->high);
		}
		for (size_t k = 0; k < p->n_marks; k++) {
			const struct panel_mark *m = &p->marks[k];

			start(w, "mark");
			attr(w, "evaluator", ps->members[m->member].id);
			attr(w, "state", panel_mark_state_str(m->state));
			if (m->score) {
				attr_number(w, "value", m->score->value);
				attr(w, "display",
				     ratio_display(ratio_from_decimal(m->score->value), 2).s);
				text(w, m->score->note);
			}
			end(w);
		}
		if (p->moderated) {
			start(w, "moderated");
			attr_number(w, "value", p->moderated->value);
			attr(w, "display", ratio_display(ratio_from_decimal(p->moderated->value), 2).s);
			attr(w, "agreed-by", p->moderated->agreed_by);
			text(w, p->moderated->note);
			end(w);
		}
		end(w);
	}
}

static void write_bid(struct writer *w, const struct evaluation *ev, const struct bid_result *b)
{
	const struct ruleset *rs = ev->rules;

	start(w, "bid");
	attr(w, "id", b->id);
	attr(w, "bidder", b->bidder);
	if (b->address)
		attr(w, "bidder-address", b->address);
	attr(w, "file", b->file);
	if (b->hashed)
		attr_sha(w, b->sha256);
	attr(w, "evaluated", b->evaluated ? "true" : "false");
	attr(w, "compliant", b->compliant ? "true" : "false");
	if (b->rank) {
		attr_int(w, "rank", b->rank);
		attr(w, "tied", b->tied ? "true" : "false");
	}
	attr_points(w, "total", b->total);
	attr_display(w, "display", rs, b->total);
	attr_display(w, "percent", rs, points_percent(rs, b->total));
	for (size_t i = 0; i < b->n_problems; i++)
		element(w, "problem", b->problems[i]);
	if (b->exclusion)
		element(w, "exclusion", b->exclusion);
	for (size_t i = 0; i < b->n_ties; i++) {
		start(w, "tie-break");
		attr(w, "ref", rs->nodes[rs->ties[b->ties[i].tie].node].id);
		attr_int(w, "order", (long long)b->ties[i].tie + 1);
		attr(w, "with", ev->bids[b->ties[i].other].id);
		attr(w, "placed", b->ties[i].above ? "above" : "below");
		text(w, b->ties[i].text);
		end(w);
	}
	for (size_t i = 0; b->evaluated && i < rs->n_gates; i++) {
		start(w, "gate");
		attr(w, "ref", rs->gates[i].id);
		attr(w, "passed", b->gates[i].passed ? "true" : "false");
		if (b->gates[i].message)
			text(w, b->gates[i].message);
		end(w);
	}
	for (size_t i = 0; b->evaluated && i < rs->n_nodes; i++) {
		const struct score *s = &b->scores[i];

		start(w, "score");
		attr(w, "ref", rs->nodes[i].id);
		attr(w, "state", score_state_str(&rs->nodes[i], s));
		attr_points(w, "points", s->points);
		attr_display(w, "display", rs, s->points);
		attr_display(w, "max", rs, rs->nodes[i].points);
		if (s->has_price)
			attr_int(w, "price-minor", s->price_minor);
		if (s->explanation)
			text(w, s->explanation);
		end(w);
	}
	for (size_t i = 0; i < b->n_flags; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		start(w, "flag");
		attr(w, "ref", f->id);
		attr(w, "severity", severity_str(f->severity));
		if (b->flags[i].questions && b->flags[i].questions[0])
			attr(w, "questions", b->flags[i].questions);
		if (b->flags[i].decision) {
			const struct panel_decision *d = b->flags[i].decision;

			attr(w, "decision", d->excluded ? "excluded" : "accepted");
			attr(w, "decided", d->date);
			attr(w, "decided-by", d->agreed_by);
			attr(w, "decision-note", d->note);
		}
		if (b->flags[i].explanation) {
			const struct panel_explanation *e = b->flags[i].explanation;

			attr(w, "explanation-requested", e->requested);
			if (e->replied)
				attr(w, "explanation-replied", e->replied);
			attr(w, "explanation-note", e->note);
		}
		text(w, b->flags[i].message);
		end(w);
	}
	if (b->evaluated && ev->panel)
		write_panel_record(w, ev, b);
	end(w);
}

/* The tender's <contact>, copied attribute by attribute. */
/* An element of the tender copied as it is: the attributes named (those
 * it has), and its text when with_text. */
static void copy_element(struct writer *w, const xmlNode *from, const char *name,
			 const char *const *attrs, size_t n_attrs, int with_text)
{
	if (!from)
		return;
	start(w, name);
	for (size_t i = 0; i < n_attrs; i++) {
		char *value = NULL;

		if (xml_attr_dup(from, attrs[i], &value))
			w->failed = 1;
		else if (value)
			attr(w, attrs[i], value);
		tender_free(value);
	}
	if (with_text) {
		char *text = NULL;

		if (xml_text_dup(from, &text))
			w->failed = 1;
		else if (text && xmlTextWriterWriteString(w->w, BAD_CAST text) < 0)
			w->failed = 1;
		tender_free(text);
	}
	end(w);
}

static void write_contact(struct writer *w, const xmlNode *contact)
{
	static const char *const names[] = {"name", "role", "email", "address"};

	copy_element(w, contact, "contact", names, sizeof(names) / sizeof(names[0]), 0);
}

/* What the award notices name besides the ranking: the services bought
 * and who decides. */
static void write_award_facts(struct writer *w, const struct evaluation *ev)
{
	static const char *const cpv[] = {"cpv"}, *const person[] = {"name", "role"};

	copy_element(w, ev->services, "services", cpv, 1, 1);
	if (!ev->decision_makers)
		return;
	start(w, "decision-makers");
	for (const xmlNode *p = xml_child(ev->decision_makers, BID_NS, "decision-maker"); p;
	     p = xml_next_same(p))
		copy_element(w, p, "decision-maker", person, 2, 0);
	end(w);
}

static void attr_day(struct writer *w, const char *name, long long day)
{
	char text[CALENDAR_ISO_SIZE];

	calendar_iso(day, text);
	attr(w, name, text);
}

/* The standstill period: the rule applied and every day it passed over. */
static void write_standstill(struct writer *w, const struct standstill *s, const char *regime)
{
	start(w, "standstill");
	attr(w, "rule", regime);
	attr_int(w, "days", s->length);
	attr(w, "unit", s->working_days ? "working-days" : "days");
	attr_day(w, "begins", s->begins);
	attr_day(w, "ends", s->ends);
	attr(w, "calendar", s->calendar);
	attr(w, "cite", s->cite);
	for (size_t i = 0; i < s->n_skipped; i++) {
		start(w, "skipped");
		attr_day(w, "date", s->skipped[i].day);
		attr(w, "reason", s->skipped[i].reason);
		attr(w, "source", s->skipped[i].source);
		end(w);
	}
	if (xmlTextWriterWriteString(w->w, BAD_CAST s->rule) < 0)
		w->failed = 1;
	end(w);
}

enum tender_status result_serialise(const struct evaluation *ev, char **out, size_t *size)
{
	xmlBufferPtr buf = xmlBufferCreate();
	struct writer w = {NULL, 0};
	size_t *order;
	char version[32];

	assert(evaluation_complete(ev)); /* every attribute written has a value */
	order = tender_calloc(ev->n_bids, sizeof(*order));
	*out = NULL;
	if (!buf || !order)
		goto fail;
	w.w = xmlNewTextWriterMemory(buf, 0);
	if (!w.w)
		goto fail;
	xmlTextWriterSetIndent(w.w, 1);
	xmlTextWriterSetIndentString(w.w, BAD_CAST "  ");
	if (xmlTextWriterStartDocument(w.w, "1.0", "UTF-8", NULL) < 0)
		w.failed = 1;
	start(&w, "evaluation");
	attr(&w, "xmlns", EVALUATION_NS);
	snprintf(version, sizeof(version), "%s", TENDER_VERSION);
	attr(&w, "engine-version", version);
	attr(&w, "created", ev->created);

	start(&w, "tender");
	attr(&w, "id", ev->tender_id);
	attr(&w, "currency", ev->currency);
	attr(&w, "regime", regime_info(ev->regime)->token);
	attr(&w, "notice-date", ev->notice_date);
	attr_day(&w, "standstill-ends", ev->standstill->ends);
	element(&w, "title", ev->tender_title);
	element(&w, "commissioner", ev->commissioner);
	write_contact(&w, ev->contact);
	write_award_facts(&w, ev);
	write_standstill(&w, ev->standstill, regime_info(ev->regime)->token);
	end(&w);
	write_rules(&w, ev);
	start(&w, "inputs");
	for (size_t i = 0; i < ev->n_inputs; i++) {
		start(&w, "input");
		attr(&w, "role", ev->inputs[i].role);
		attr(&w, "path", ev->inputs[i].path);
		attr_sha(&w, ev->inputs[i].sha256);
		end(&w);
	}
	end(&w);
	if (ev->panel)
		write_panel(&w, ev);
	result_order(ev, order);
	start(&w, "ranking");
	for (size_t i = 0; i < ev->n_bids; i++) {
		const struct bid_result *b = &ev->bids[order[i]];

		if (!b->rank)
			continue;
		start(&w, "place");
		attr_int(&w, "rank", b->rank);
		attr(&w, "bid", b->id);
		attr_points(&w, "total", b->total);
		attr_display(&w, "display", ev->rules, b->total);
		attr(&w, "tied", b->tied ? "true" : "false");
		end(&w);
	}
	end(&w);
	start(&w, "bids");
	for (size_t i = 0; i < ev->n_bids; i++)
		write_bid(&w, ev, &ev->bids[order[i]]);
	end(&w);
	end(&w);
	if (xmlTextWriterEndDocument(w.w) < 0 || w.failed)
		goto fail;
	xmlFreeTextWriter(w.w);
	w.w = NULL;
	*size = (size_t)xmlBufferLength(buf);
	*out = tender_malloc(*size + 1);
	if (!*out)
		goto fail;
	memcpy(*out, xmlBufferContent(buf), *size);
	(*out)[*size] = '\0';
	xmlBufferFree(buf);
	tender_free(order);
	return TENDER_OK;
fail:
	if (w.w)
		xmlFreeTextWriter(w.w);
	xmlBufferFree(buf);
	tender_free(order);
	return TENDER_ERR_NOMEM;
}
