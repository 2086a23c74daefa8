/*
 * panel.c - checks of the panel's scores file (see panel.h).
 */
#include "panel.h"

#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_evaluator(const struct xml_doc *tender_doc, const char *id)
{
	const xmlNode *panel = xml_child(xml_doc_root(tender_doc), BID_NS, "panel");
	char buf[128];

	for (const xmlNode *e = xml_child(panel, BID_NS, "evaluator"); e; e = xml_next_same(e))
		if (xml_attr(e, "id", buf, sizeof(buf)) && strcmp(buf, id) == 0)
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
	char buf[512];

	if (!t || !tender_doc)
		return TENDER_OK;
	if (xml_attr(root, "tender", buf, sizeof(buf)) && strcmp(buf, t->id) != 0)
		check_report(&c, root, DIAG_ERROR, "tender-id",
			     "these scores are for tender %s, but the tender given is %s", buf,
			     t->id);
	for (const xmlNode *s = root->children; s; s = s->next) {
		if (xml_is(s, BID_NS, "score") && xml_attr(s, "evaluator", buf, sizeof(buf)))
			check_evaluator(&c, s, tender_doc, buf);
		if (xml_is(s, BID_NS, "moderated")) {
			const char *p, *id;
			char *agreed_by, one[128];
			size_t len;

			/* a list without length limit: read whole */
			if (xml_attr_dup(s, "agreed-by", &agreed_by)) {
				c.status = TENDER_ERR_NOMEM;
				break;
			}
			for (p = agreed_by ? agreed_by : ""; check_next_span(&p, &id, &len);) {
				/* ids are at most 64 bytes (the schema's t:id) */
				snprintf(one, sizeof(one), "%.*s", (int)len, id);
				check_evaluator(&c, s, tender_doc, one);
			}
			tender_free(agreed_by);
		}
		if ((xml_is(s, BID_NS, "score") || xml_is(s, BID_NS, "moderated")) &&
		    xml_attr(s, "question", buf, sizeof(buf)) && !competition_question(t, buf))
			check_report(&c, s, DIAG_ERROR, "question-unknown",
				     "the tender has no question %s", buf);
	}
	return c.status;
}

/* ---------------------------------------------------------------------- */
/* Reading and moderating scores. */

void panel_scores_release(struct panel_scores *ps)
{
	for (size_t i = 0; i < ps->n_scores; i++) {
		tender_free(ps->scores[i].evaluator);
		tender_free(ps->scores[i].bid);
		tender_free(ps->scores[i].question);
		tender_free(ps->scores[i].note);
	}
	for (size_t i = 0; i < ps->n_moderated; i++) {
		tender_free(ps->moderated[i].bid);
		tender_free(ps->moderated[i].question);
		tender_free(ps->moderated[i].agreed_by);
		tender_free(ps->moderated[i].note);
	}
	tender_free(ps->scores);
	tender_free(ps->moderated);
	memset(ps, 0, sizeof(*ps));
}

static char *attr_copy(const xmlNode *node, const char *name, int *failed)
{
	char buf[1024];
	char *copy = tender_strdup(xml_attr(node, name, buf, sizeof(buf)) ? buf : "");

	if (!copy)
		*failed = 1;
	return copy;
}

static char *text_copy(const xmlNode *node, int *failed)
{
	char buf[4096];
	char *copy = tender_strdup(xml_text(node, buf, sizeof(buf)));

	if (!copy)
		*failed = 1;
	return copy;
}

static double attr_number(const xmlNode *node, const char *name)
{
	char buf[64];

	return xml_attr(node, name, buf, sizeof(buf)) ? strtod(buf, NULL) : 0;
}

enum tender_status panel_read(const struct xml_doc *doc, struct panel_scores *ps)
{
	const xmlNode *root = xml_doc_root(doc);
	size_t n_scores = 0, n_moderated = 0;
	int failed = 0;

	memset(ps, 0, sizeof(*ps));
	for (const xmlNode *s = root->children; s; s = s->next) {
		n_scores += xml_is(s, BID_NS, "score");
		n_moderated += xml_is(s, BID_NS, "moderated");
	}
	ps->scores = tender_calloc(n_scores, sizeof(*ps->scores));
	ps->moderated = tender_calloc(n_moderated, sizeof(*ps->moderated));
	if (!ps->scores || !ps->moderated)
		failed = 1;
	for (const xmlNode *s = root->children; s && !failed; s = s->next) {
		if (xml_is(s, BID_NS, "score")) {
			struct panel_score *p = &ps->scores[ps->n_scores++];

			p->evaluator = attr_copy(s, "evaluator", &failed);
			p->bid = attr_copy(s, "bid", &failed);
			p->question = attr_copy(s, "question", &failed);
			p->note = text_copy(s, &failed);
			p->value = attr_number(s, "value");
		} else if (xml_is(s, BID_NS, "moderated")) {
			struct panel_moderated *m = &ps->moderated[ps->n_moderated++];

			m->bid = attr_copy(s, "bid", &failed);
			m->question = attr_copy(s, "question", &failed);
			m->agreed_by = attr_copy(s, "agreed-by", &failed);
			m->note = text_copy(s, &failed);
			m->value = attr_number(s, "value");
		}
	}
	if (failed) {
		panel_scores_release(ps);
		return TENDER_ERR_NOMEM;
	}
	return TENDER_OK;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Shortest text that reads back as the same number, for explanations. */
static void format_number(double v, char *buf, size_t size)
{
	snprintf(buf, size, "%.15g", v);
}

int panel_moderate(const struct panel_scores *ps, const char *bid, const char *question,
		   int use_mean, double *value, struct strbuf *how)
{
	double *values;
	size_t n = 0;
	char num[64];

	for (size_t i = 0; i < ps->n_moderated; i++) {
		const struct panel_moderated *m = &ps->moderated[i];

		if (strcmp(m->bid, bid) == 0 && strcmp(m->question, question) == 0) {
			*value = m->value;
			format_number(m->value, num, sizeof(num));
			strbuf_addf(how, "moderated score %s agreed by %s", num, m->agreed_by);
			return 1;
		}
	}
	values = tender_calloc(ps->n_scores, sizeof(*values));
	if (!values) {
		how->nomem = 1;
		return 0;
	}
	for (size_t i = 0; i < ps->n_scores; i++) {
		const struct panel_score *s = &ps->scores[i];

		if (strcmp(s->bid, bid) != 0 || strcmp(s->question, question) != 0)
			continue;
		values[n++] = s->value;
		format_number(s->value, num, sizeof(num));
		strbuf_addf(how, "%s%s %s", n > 1 ? ", " : "", s->evaluator, num);
	}
	if (n > 0 && use_mean) {
		double sum = 0;

		for (size_t i = 0; i < n; i++)
			sum += values[i];
		*value = sum / (double)n;
	} else if (n > 0) {
		qsort(values, n, sizeof(values[0]), compare_doubles);
		*value = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}
	tender_free(values);
	if (n == 0)
		return 0;
	format_number(*value, num, sizeof(num));
	strbuf_addf(how, ": %s %s", use_mean ? "mean" : "median", num);
	return (int)n;
}
