/*
 * report.c - rendering reports from evaluation.xml (see report.h).
 */
#include "report.h"

#include "alloc.h"
#include "embedded.h"
#include "error.h"
#include "result.h"
#include "regime.h"
#include "strbuf.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#define EVAL_NS EVALUATION_NS

struct report_style {
	xsltStylesheetPtr xsl;
	int one_bid; /* a built-in one-bid document: applied to one_bid_view() */
};

/* ---------------------------------------------------------------------- */
/* XSLT. */

/* Templates may read nothing and write nothing: no document(), no
 * xsl:include of files, no network, no output files. */
static xsltSecurityPrefsPtr forbid_everything(void)
{
	xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();

	if (!sec)
		return NULL;
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	return sec;
}

/* Collects the first XSLT error (libxslt reports through a generic
 * callback). */
static void on_xslt_error(void *ctx, const char *msg, ...) __attribute__((format(printf, 2, 3)));
static void on_xslt_error(void *ctx, const char *msg, ...)
{
	struct tender_error *err = ctx;
	char buf[512];
	size_t used;
	va_list ap;

	/* libxslt reports in pieces ("runtime error: element value-of", then
	 * the reason): keep them all, joined, as far as they fit. */
	if (!err)
		return;
	va_start(ap, msg);
	vsnprintf(buf, sizeof(buf), msg, ap);
	va_end(ap);
	for (char *p = buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
	used = strlen(err->message);
	while (used > 0 && err->message[used - 1] == ' ')
		err->message[--used] = '\0';
	snprintf(err->message + used, sizeof(err->message) - used, "%s%s", used ? "; " : "", buf);
}

static enum tender_status compile(xmlDocPtr doc, const char *name, struct report_style **out,
				  struct tender_error *err)
{
	struct report_style *style = tender_calloc(1, sizeof(*style));

	if (!style) {
		xmlFreeDoc(doc);
		return TENDER_ERR_NOMEM;
	}
	err->message[0] = '\0';
	xsltSetGenericErrorFunc(err, on_xslt_error);
	style->xsl = xsltParseStylesheetDoc(doc); /* takes doc on success */
	xsltSetGenericErrorFunc(NULL, NULL);
	if (!style->xsl) {
		char why[512];

		snprintf(why, sizeof(why), "%s", err->message);
		xmlFreeDoc(doc);
		tender_free(style);
		return error_set(err, TENDER_ERR_XML, "template", name, 0, 0,
				 "not a usable XSLT template: %s", why[0] ? why : "it does not compile");
	}
	*out = style;
	return TENDER_OK;
}

enum tender_status report_style_builtin(enum report_template which, struct report_style **out,
					struct tender_error *err)
{
	static const struct {
		const char *name;
		const char *data;
		const size_t *size;
	} builtins[] = {
		[TEMPLATE_HTML] = {"html.xsl", embedded_html_xsl, &embedded_html_xsl_size},
		[TEMPLATE_MARKDOWN] = {"markdown.xsl", embedded_markdown_xsl,
				       &embedded_markdown_xsl_size},
		[TEMPLATE_LETTER] = {"letter.xsl", embedded_letter_xsl, &embedded_letter_xsl_size},
		[TEMPLATE_PSR_NOTICE] = {"psr-notice.xsl", embedded_psr_notice_xsl,
					 &embedded_psr_notice_xsl_size},
		[TEMPLATE_PSR_RECORD] = {"psr-record.xsl", embedded_psr_record_xsl,
					 &embedded_psr_record_xsl_size},
		[TEMPLATE_PSR_DISCLOSURE] = {"psr-disclosure.xsl", embedded_psr_disclosure_xsl,
					     &embedded_psr_disclosure_xsl_size},
		[TEMPLATE_PA_SUMMARY] = {"pa-summary.xsl", embedded_pa_summary_xsl,
					 &embedded_pa_summary_xsl_size},
		[TEMPLATE_PA_NOTICE] = {"pa-notice.xsl", embedded_pa_notice_xsl,
					&embedded_pa_notice_xsl_size},
	};
	struct xml_doc *doc = NULL;
	xmlDocPtr tree;
	enum tender_status rc;

	*out = NULL;
	rc = xml_load_memory(builtins[which].data, *builtins[which].size, builtins[which].name,
			     &doc, err);
	if (rc)
		return rc == TENDER_ERR_NOMEM ? rc : TENDER_ERR_INTERNAL;
	tree = xmlCopyDoc(xml_doc_tree(doc), 1);
	xml_doc_free(doc);
	if (!tree)
		return TENDER_ERR_NOMEM;
	rc = compile(tree, builtins[which].name, out, err);
	if (!rc)
		(*out)->one_bid = which == TEMPLATE_LETTER || which == TEMPLATE_PSR_DISCLOSURE ||
				  which == TEMPLATE_PA_SUMMARY;
	return rc;
}

#define XSL_NS "http://www.w3.org/1999/XSL/Transform"
#define EXSLT_COMMON_NS "http://exslt.org/common"

/* A template must be self-contained and write nothing but its result:
 * refuses xsl:include, xsl:import, xsl:document and exsl:document with a
 * message naming the file, before libxslt tries them. */
static enum tender_status refuse_outside_access(const xmlNode *node, const char *path,
					       struct tender_error *err)
{
	for (const xmlNode *c = node; c; c = c->next) {
		const char *what = NULL;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xml_is(c, XSL_NS, "include") || xml_is(c, XSL_NS, "import"))
			what = xml_is(c, XSL_NS, "include") ? "xsl:include of" : "xsl:import of";
		else if (xml_is(c, XSL_NS, "document") || xml_is(c, EXSLT_COMMON_NS, "document"))
			what = "writing";
		if (what) {
			int line, column = 0;
			char *href = NULL;
			enum tender_status rc;

			line = (int)xmlGetLineNo(c);
			if (xml_attr_dup(c, "href", &href))
				return TENDER_ERR_NOMEM;
			/* error_set keeps as much of the href as its message holds */
			rc = error_set(err, TENDER_ERR_XML, "template", path, line, column,
				       "%s %s is not allowed: a template must be self-contained "
				       "and write only its result",
				       what, href ? href : "a file");
			tender_free(href);
			return rc;
		}
		if (refuse_outside_access(c->children, path, err))
			return err->status;
	}
	return TENDER_OK;
}

enum tender_status report_style_file(const char *path, struct report_style **out,
				     struct tender_error *err)
{
	struct xml_doc *doc = NULL;
	xmlDocPtr tree;
	enum tender_status rc;

	*out = NULL;
	rc = xml_load_file(path, XML_DEFAULT_MAX_BYTES, &doc, err);
	if (rc)
		return rc;
	err->status = TENDER_OK;
	rc = refuse_outside_access(xml_doc_root(doc), path, err);
	if (rc) {
		xml_doc_free(doc);
		return rc;
	}
	tree = xmlCopyDoc(xml_doc_tree(doc), 1);
	xml_doc_free(doc);
	if (!tree)
		return TENDER_ERR_NOMEM;
	return compile(tree, path, out, err);
}

void report_style_free(struct report_style *style)
{
	if (!style)
		return;
	xsltFreeStylesheet(style->xsl);
	tender_free(style);
}

/* What the built-in letter to bid `id` reads: the evaluation without its
 * inputs and ranking and, of its bids, only those with that id and those
 * ranked first (all but the first of these as a bare <bid rank="1"/>:
 * letter.xsl counts them). libxslt walks the
 * whole source document for every transformation (white space, keys), so a
 * letter rendered from the whole evaluation costs as much as all the bids,
 * and the letters of all bids the square of their number; from this view a
 * letter costs its own bid and the winners'. NULL when out of memory. */
static xmlDocPtr one_bid_view(xmlDocPtr full, const char *id)
{
	xmlNodePtr root = xmlDocGetRootElement(full), view_root;
	xmlDocPtr view = xmlNewDoc(BAD_CAST "1.0");
	size_t n_firsts = 0;

	if (!view || !root)
		goto fail;
	view_root = xmlDocCopyNode(root, view, 2); /* attributes and namespaces */
	if (!view_root)
		goto fail;
	xmlDocSetRootElement(view, view_root);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		int bids = xml_is(c, EVAL_NS, "bids");
		xmlNodePtr copy;

		if (xml_is(c, EVAL_NS, "inputs") || xml_is(c, EVAL_NS, "ranking"))
			continue; /* one entry per bid, and no letter reads them */
		copy = xmlDocCopyNode(c, view, bids ? 2 : 1);
		if (!copy)
			goto fail;
		xmlAddChild(view_root, copy);
		for (xmlNodePtr b = bids ? c->children : NULL; b; b = b->next) {
			xmlNodePtr bid_copy;
			xmlChar *bid_id;
			int own, first;

			if (!xml_is(b, EVAL_NS, "bid"))
				continue;
			/* the letter's own test is @id = $bid, exactly */
			bid_id = xmlGetProp(b, BAD_CAST "id");
			own = bid_id && !strcmp((const char *)bid_id, id);
			xmlFree(bid_id);
			first = xml_attr_is(b, "rank", "1", 1);
			if (!own && !first)
				continue;
			/* of the bids ranked first, the letter reads the first one
			 * whole (the winner, or a tie's score) and only counts the
			 * others: they are <bid rank="1"/> */
			if (own || !n_firsts++) {
				bid_copy = xmlDocCopyNode(b, view, 1);
			} else {
				bid_copy = xmlNewDocNode(view,
							 xmlSearchNsByHref(view, copy,
									   BAD_CAST EVAL_NS),
							 b->name, NULL);
				if (bid_copy && !xmlNewProp(bid_copy, BAD_CAST "rank", BAD_CAST "1")) {
					xmlFreeNode(bid_copy);
					bid_copy = NULL;
				}
			}
			if (!bid_copy)
				goto fail;
			xmlAddChild(copy, bid_copy);
		}
	}
	return view;
fail:
	xmlFreeDoc(view);
	return NULL;
}

enum tender_status report_apply(const struct report_style *style, const struct xml_doc *eval,
				const char *const *params, char **out, size_t *size,
				struct tender_error *err)
{
	xsltSecurityPrefsPtr sec = forbid_everything();
	xsltTransformContextPtr ctxt = NULL;
	xmlDocPtr result = NULL, source = xml_doc_tree(eval), view = NULL;
	xmlChar *text = NULL;
	int len = 0;
	enum tender_status rc = TENDER_ERR_NOMEM;

	*out = NULL;
	err->message[0] = '\0';
	if (!sec)
		goto out;
	if (style->one_bid && params && params[0] && !strcmp(params[0], "bid") && params[1]) {
		source = view = one_bid_view(source, params[1]);
		if (!view)
			goto out;
	}
	ctxt = xsltNewTransformContext(style->xsl, source);
	if (!ctxt || xsltSetCtxtSecurityPrefs(sec, ctxt) != 0)
		goto out;
	xsltSetGenericErrorFunc(err, on_xslt_error);
	if (params && xsltQuoteUserParams(ctxt, (const char **)params) != 0) {
		rc = error_set(err, TENDER_ERR_USAGE, "template", NULL, 0, 0,
			       "cannot pass the template's parameters");
		goto out;
	}
	result = xsltApplyStylesheetUser(style->xsl, source, NULL, NULL, NULL, ctxt);
	if (!result || ctxt->state != XSLT_STATE_OK) {
		char why[512];

		snprintf(why, sizeof(why), "%s", err->message);
		rc = error_set(err, TENDER_ERR_XML, "template", NULL, 0, 0,
			       "the template failed: %s", why[0] ? why : "unknown error");
		goto out;
	}
	if (xsltSaveResultToString(&text, &len, result, style->xsl) != 0)
		goto out;
	*out = tender_malloc((size_t)len + 1);
	if (!*out)
		goto out;
	memcpy(*out, text ? (const char *)text : "", (size_t)len);
	(*out)[len] = '\0';
	*size = (size_t)len;
	rc = TENDER_OK;
out:
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlFree(text);
	xmlFreeDoc(result);
	if (ctxt)
		xsltFreeTransformContext(ctxt);
	xmlFreeDoc(view);
	xsltFreeSecurityPrefs(sec);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Reading evaluation.xml back. */

#define E(node, name) xml_child((node), EVAL_NS, (name))

/* The groups and criteria in document order (depth first): their number,
 * and each into nodes[] when nodes is not NULL. */
static size_t collect_nodes(const xmlNode *parent, const xmlNode **nodes, size_t n)
{
	for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
		if (!xml_is(c, EVAL_NS, "group") && !xml_is(c, EVAL_NS, "criterion"))
			continue;
		if (nodes)
			nodes[n] = c;
		n++;
		if (xml_is(c, EVAL_NS, "group"))
			n = collect_nodes(c, nodes, n);
	}
	return n;
}

/* Whether node's attribute `name` is exactly value (as recorded: no
 * trimming, no length cap). */
static int attr_is(const xmlNode *node, const char *name, const xmlChar *value)
{
	xmlChar *v = node ? xmlGetNoNsProp(node, BAD_CAST name) : NULL;
	int same = v && value && xmlStrEqual(v, value);

	xmlFree(v);
	return same;
}

static const xmlNode *bid_score(const xmlNode *bid, const xmlChar *ref)
{
	for (const xmlNode *s = E(bid, "score"); s; s = xml_next_same(s))
		if (attr_is(s, "ref", ref))
			return s;
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* CSV. */

/* One RFC 4180 field, guarded against formula injection (OWASP). */
static void csv_field(struct strbuf *sb, const char *value, int last)
{
	int guard = value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
		    value[0] == '\t' || value[0] == '\r' || value[0] == '\n';
	int quote = guard || strpbrk(value, ",\"\r\n") != NULL;

	if (quote)
		strbuf_adds(sb, "\"");
	if (guard)
		strbuf_adds(sb, "'");
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			strbuf_adds(sb, "\"\"");
		else
			strbuf_add(sb, p, 1);
	}
	if (quote)
		strbuf_adds(sb, "\"");
	strbuf_adds(sb, last ? "\r\n" : ",");
}

/* An attribute exactly as recorded (no trimming, no cap), as a CSV field. */
static void csv_attr(struct strbuf *sb, const xmlNode *node, const char *name, int last)
{
	xmlChar *value = node ? xmlGetNoNsProp(node, BAD_CAST name) : NULL;

	csv_field(sb, value ? (const char *)value : "", last);
	xmlFree(value);
}

/* A criterion's column heading: "id (max display)". */
static void csv_heading(struct strbuf *sb, const xmlNode *node, int last)
{
	xmlChar *id = xmlGetNoNsProp(node, BAD_CAST "id");
	xmlChar *max = xmlGetNoNsProp(node, BAD_CAST "display");
	struct strbuf head = STRBUF_INIT_WHOLE;

	strbuf_addf(&head, "%s (max %s)", id ? (const char *)id : "",
		    max ? (const char *)max : "");
	if (strbuf_status(&head))
		sb->nomem = 1; /* the whole CSV fails with it */
	else
		csv_field(sb, strbuf_str(&head), last);
	strbuf_release(&head);
	xmlFree(id);
	xmlFree(max);
}

enum tender_status report_csv(const struct xml_doc *eval, char **out, size_t *size,
			      struct tender_error *err)
{
	const xmlNode *root = xml_doc_root(eval);
	const xmlNode *criteria = E(E(root, "ruleset"), "criteria");
	size_t n = collect_nodes(criteria, NULL, 0);
	const xmlNode **nodes = tender_calloc(n ? n : 1, sizeof(*nodes));
	struct strbuf sb = STRBUF_INIT_WHOLE;
	enum tender_status rc;

	*out = NULL;
	*size = 0;
	if (!nodes)
		return TENDER_ERR_NOMEM;
	collect_nodes(criteria, nodes, 0);
	csv_field(&sb, "rank", 0);
	csv_field(&sb, "bid", 0);
	csv_field(&sb, "bidder", 0);
	csv_field(&sb, "compliant", 0);
	csv_field(&sb, "total", 0);
	csv_field(&sb, "percent", n == 0);
	for (size_t i = 0; i < n; i++)
		csv_heading(&sb, nodes[i], i + 1 == n);
	for (const xmlNode *b = E(E(root, "bids"), "bid"); b; b = xml_next_same(b)) {
		int ranked = xmlHasProp(b, BAD_CAST "rank") != NULL;

		csv_attr(&sb, b, "rank", 0);
		csv_attr(&sb, b, "id", 0);
		csv_attr(&sb, b, "bidder", 0);
		csv_attr(&sb, b, "compliant", 0);
		/* an unranked bid has no total to sort on */
		if (ranked) {
			csv_attr(&sb, b, "display", 0);
			csv_attr(&sb, b, "percent", n == 0);
		} else {
			csv_field(&sb, "", 0);
			csv_field(&sb, "", n == 0);
		}
		for (size_t i = 0; i < n; i++) {
			xmlChar *id = xmlGetNoNsProp(nodes[i], BAD_CAST "id");
			const xmlNode *s = id ? bid_score(b, id) : NULL;
			xmlChar *state = s ? xmlGetNoNsProp(s, BAD_CAST "state") : NULL;

			if (s && (!state || (!xmlStrEqual(state, BAD_CAST "scored") &&
					     !xmlStrEqual(state, BAD_CAST "subtotal"))))
				csv_field(&sb, state ? (const char *)state : "", i + 1 == n);
			else
				csv_attr(&sb, s, "display", i + 1 == n);
			xmlFree(state);
			xmlFree(id);
		}
	}
	tender_free(nodes);
	/* scores.csv is whole or not written at all */
	rc = strbuf_status(&sb);
	if (rc == TENDER_ERR_LIMIT)
		rc = error_set(err, TENDER_ERR_LIMIT, "output-too-large", "scores.csv", 0, 0,
			       "scores.csv would be larger than %zu bytes; nothing was written",
			       (size_t)STRBUF_TEXT_MAX);
	if (rc) {
		strbuf_release(&sb);
		return rc;
	}
	*out = strbuf_detach(&sb);
	*size = *out ? strlen(*out) : 0;
	return *out ? TENDER_OK : TENDER_ERR_NOMEM;
}

/* ---------------------------------------------------------------------- */
/* JSON. */

/* Every value goes through put() or append(): a value that could not be
 * made (out of memory, a text over STRBUF_TEXT_MAX) sets *failed, so the
 * JSON is whole or not written at all, never silently short of a member. */
static void put(json_t *o, const char *key, json_t *v, int *failed)
{
	if (!o || !v || json_object_set_new(o, key, v) != 0)
		*failed = 1;
}

static void append(json_t *list, json_t *v, int *failed)
{
	if (!list || !v || json_array_append_new(list, v) != 0)
		*failed = 1;
}

/* The element's attributes as a JSON object of strings. */
static json_t *attrs_object(const xmlNode *node, int *failed)
{
	json_t *o = json_object();

	if (!o)
		*failed = 1;
	for (xmlAttrPtr a = node ? node->properties : NULL; a && o; a = a->next) {
		xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);

		/* exactly as recorded: no trimming, no length cap */
		put(o, (const char *)a->name, json_string(value ? (const char *)value : ""), failed);
		xmlFree(value);
	}
	return o;
}

/* The element's text, whole (no cap); NULL when out of memory or too long,
 * which put() and append() turn into a failure of the whole JSON. */
static json_t *text_of(const xmlNode *node)
{
	struct strbuf sb = STRBUF_INIT_WHOLE;
	json_t *j = NULL;

	for (const xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			strbuf_adds(&sb, (const char *)c->content);
	if (!strbuf_status(&sb))
		j = json_string(strbuf_str(&sb));
	strbuf_release(&sb);
	return j;
}

/* Each child named `name` as its attributes plus its text (as `text_key`). */
static json_t *children(const xmlNode *parent, const char *name, const char *text_key,
			int *failed)
{
	json_t *list = json_array();

	for (const xmlNode *c = E(parent, name); c; c = xml_next_same(c)) {
		json_t *o = attrs_object(c, failed);

		if (text_key)
			put(o, text_key, text_of(c), failed);
		append(list, o, failed);
	}
	if (!list)
		*failed = 1;
	return list;
}

/* The criteria tree as a flat list in document order, each with its
 * parent's id (null at the top level) and title. */
static void json_criteria(const xmlNode *parent, const char *parent_id, json_t *list,
			  int *failed)
{
	for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
		int group = xml_is(c, EVAL_NS, "group");
		xmlChar *id;
		json_t *o;

		if (!group && !xml_is(c, EVAL_NS, "criterion"))
			continue;
		o = attrs_object(c, failed);
		put(o, "kind", json_string(group ? "group" : "criterion"), failed);
		put(o, "parent", parent_id ? json_string(parent_id) : json_null(), failed);
		put(o, "title", text_of(E(c, "title")), failed);
		append(list, o, failed);
		id = xmlGetNoNsProp(c, BAD_CAST "id");
		if (group)
			json_criteria(c, id ? (const char *)id : "", list, failed);
		xmlFree(id);
	}
}

/* Each child named `name` as its attributes plus the text of its <title>. */
static json_t *titled(const xmlNode *parent, const char *name, int *failed)
{
	json_t *list = json_array();

	for (const xmlNode *c = E(parent, name); c; c = xml_next_same(c)) {
		json_t *o = attrs_object(c, failed);

		put(o, "title", text_of(E(c, "title")), failed);
		append(list, o, failed);
	}
	if (!list)
		*failed = 1;
	return list;
}

/* The panel (evaluation.xml's <panel>): the moderation policy as its
 * attributes, and "evaluators", each with the "interests" it declared; JSON
 * null when the evaluation has no panel. */
static json_t *json_panel(const xmlNode *panel, int *failed)
{
	json_t *o, *evaluators;

	if (!panel)
		return json_null();
	o = attrs_object(panel, failed);
	evaluators = json_array();
	for (const xmlNode *m = E(panel, "evaluator"); m; m = xml_next_same(m)) {
		json_t *member = attrs_object(m, failed);

		put(member, "interests", children(m, "interest", NULL, failed), failed);
		append(evaluators, member, failed);
	}
	put(o, "evaluators", evaluators, failed);
	return o;
}

/* A bid's panel records: each record's attributes, its "marks" (attributes
 * and "justification") and "moderated" (attributes and "note", or null). */
static json_t *json_panel_records(const xmlNode *bid, int *failed)
{
	json_t *list = json_array();

	for (const xmlNode *r = E(bid, "panel-record"); r; r = xml_next_same(r)) {
		const xmlNode *moderated = E(r, "moderated");
		json_t *o = attrs_object(r, failed), *m;

		put(o, "marks", children(r, "mark", "justification", failed), failed);
		if (moderated) {
			m = attrs_object(moderated, failed);
			put(m, "note", text_of(moderated), failed);
		} else {
			m = json_null();
		}
		put(o, "moderated", m, failed);
		append(list, o, failed);
	}
	if (!list)
		*failed = 1;
	return list;
}

enum tender_status report_json(const struct xml_doc *eval, char **out, size_t *size,
			       struct tender_error *err)
{
	const xmlNode *root = xml_doc_root(eval);
	const xmlNode *tender = E(root, "tender"), *rules = E(root, "ruleset");
	int failed = 0;
	json_t *doc = attrs_object(root, &failed), *t = attrs_object(tender, &failed);
	json_t *r = attrs_object(rules, &failed), *bids = json_array(), *criteria = json_array();

	(void)err;
	*out = NULL;
	put(t, "title", text_of(E(tender, "title")), &failed);
	put(t, "commissioner", text_of(E(tender, "commissioner")), &failed);
	put(t, "contact",
	    E(tender, "contact") ? attrs_object(E(tender, "contact"), &failed) : json_null(),
	    &failed);
	put(r, "title", text_of(E(rules, "title")), &failed);
	json_criteria(E(rules, "criteria"), NULL, criteria, &failed);
	put(r, "criteria", criteria, &failed);
	put(r, "gates", titled(E(rules, "gates"), "gate", &failed), &failed);
	put(r, "flags", titled(E(rules, "flags"), "flag", &failed), &failed);
	put(doc, "tender", t, &failed);
	put(doc, "ruleset", r, &failed);
	put(doc, "inputs", children(E(root, "inputs"), "input", NULL, &failed), &failed);
	put(doc, "panel", json_panel(E(root, "panel"), &failed), &failed);
	put(doc, "ranking", children(E(root, "ranking"), "place", NULL, &failed), &failed);
	for (const xmlNode *b = E(E(root, "bids"), "bid"); b; b = xml_next_same(b)) {
		json_t *o = attrs_object(b, &failed), *problems = json_array();

		for (const xmlNode *p = E(b, "problem"); p; p = xml_next_same(p))
			append(problems, text_of(p), &failed);
		put(o, "problems", problems, &failed);
		if (E(b, "exclusion"))
			put(o, "exclusion", text_of(E(b, "exclusion")), &failed);
		put(o, "gates", children(b, "gate", "message", &failed), &failed);
		put(o, "scores", children(b, "score", "explanation", &failed), &failed);
		put(o, "flags", children(b, "flag", "message", &failed), &failed);
		put(o, "tie_breaks", children(b, "tie-break", "text", &failed), &failed);
		put(o, "conflicts", children(b, "conflict", "nature", &failed), &failed);
		put(o, "panel_records", json_panel_records(b, &failed), &failed);
		append(bids, o, &failed);
	}
	put(doc, "bids", bids, &failed);
	if (!failed)
		*out = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (!*out)
		return TENDER_ERR_NOMEM;
	*size = strlen(*out);
	{
		/* jansson allocates with malloc; hand over a tender_malloc copy */
		char *copy = tender_malloc(*size + 2);

		if (!copy) {
			free(*out);
			*out = NULL;
			return TENDER_ERR_NOMEM;
		}
		memcpy(copy, *out, *size);
		copy[(*size)++] = '\n';
		copy[*size] = '\0';
		free(*out);
		*out = copy;
	}
	return TENDER_OK;
}

enum tender_status report_bid_ids(const struct xml_doc *eval, char ***ids, size_t *n)
{
	const xmlNode *bids = E(xml_doc_root(eval), "bids");
	size_t count = 0;

	*ids = NULL;
	*n = 0;
	for (const xmlNode *b = E(bids, "bid"); b; b = xml_next_same(b))
		count++;
	*ids = tender_calloc(count, sizeof(char *));
	if (!*ids)
		return TENDER_ERR_NOMEM;
	for (const xmlNode *b = E(bids, "bid"); b; b = xml_next_same(b)) {
		xmlChar *id = xmlGetNoNsProp(b, BAD_CAST "id"); /* whole, as recorded */

		(*ids)[*n] = tender_strdup(id ? (const char *)id : "");
		xmlFree(id);
		if (!(*ids)[(*n)++]) {
			report_ids_free(*ids, *n);
			*ids = NULL;
			*n = 0;
			return TENDER_ERR_NOMEM;
		}
	}
	return TENDER_OK;
}

void report_ids_free(char **ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tender_free(ids[i]);
	tender_free(ids);
}

const char *report_regime(const struct xml_doc *eval)
{
	const xmlNode *tender = E(xml_doc_root(eval), "tender");
	xmlChar *token = tender ? xmlGetNoNsProp(tender, BAD_CAST "regime") : NULL;
	const struct regime_info *regime =
		token ? regime_by_token((const char *)token) : regime_info(REGIME_PCR_2015);

	xmlFree(token);
	return regime ? regime->token : NULL;
}

enum tender_status report_undecided_flags(const struct xml_doc *eval, struct strbuf *list,
					  size_t *n)
{
	const xmlNode *bids = E(xml_doc_root(eval), "bids");

	*n = 0;
	for (const xmlNode *b = E(bids, "bid"); b; b = xml_next_same(b))
		for (const xmlNode *f = E(b, "flag"); f; f = xml_next_same(f)) {
			xmlChar *severity = xmlGetNoNsProp(f, BAD_CAST "severity");
			int blocking = severity && (!strcmp((const char *)severity, "high") ||
						    !strcmp((const char *)severity, "critical"));

			if (blocking && !xmlHasProp(f, BAD_CAST "decision")) {
				xmlChar *id = xmlGetNoNsProp(b, BAD_CAST "id");
				xmlChar *ref = xmlGetNoNsProp(f, BAD_CAST "ref");

				strbuf_addf(list, "  %s: flag %s (%s)\n", id ? (char *)id : "",
					    ref ? (char *)ref : "", (char *)severity);
				(*n)++;
				xmlFree(id);
				xmlFree(ref);
			}
			xmlFree(severity);
		}
	return list->nomem ? TENDER_ERR_NOMEM : TENDER_OK;
}

int report_single_winner(const struct xml_doc *eval)
{
	const xmlNode *ranking = E(xml_doc_root(eval), "ranking");
	int first = 0, tied = 0;

	for (const xmlNode *p = E(ranking, "place"); p; p = xml_next_same(p)) {
		xmlChar *rank = xmlGetNoNsProp(p, BAD_CAST "rank");
		xmlChar *tie = xmlGetNoNsProp(p, BAD_CAST "tied");

		if (rank && !strcmp((const char *)rank, "1")) {
			first++;
			tied |= tie && !strcmp((const char *)tie, "true");
		}
		xmlFree(rank);
		xmlFree(tie);
	}
	return first == 1 && !tied;
}
