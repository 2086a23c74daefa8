/*
 * panel.c - checks of the panel's scores file (see panel.h).
 */
#include "panel.h"

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
		if (xml_is(s, BID_NS, "moderated") && xml_attr(s, "agreed-by", buf, sizeof(buf))) {
			const char *p = buf;
			char id[128];

			while (check_next_token(&p, id, sizeof(id)))
				check_evaluator(&c, s, tender_doc, id);
		}
		if ((xml_is(s, BID_NS, "score") || xml_is(s, BID_NS, "moderated")) &&
		    xml_attr(s, "question", buf, sizeof(buf)) && !competition_question(t, buf))
			check_report(&c, s, DIAG_ERROR, "question-unknown",
				     "the tender has no question %s", buf);
	}
	return c.status;
}
