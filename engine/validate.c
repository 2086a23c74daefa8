/*
 * validate.c - the bidder's self-check of input documents (see validate.h).
 */
#include "validate.h"

#include "bid.h"
#include "check.h"
#include "embedded.h"
#include "error.h"
#include "panel.h"

#include <string.h>

const char *doc_kind_str(enum doc_kind kind)
{
	switch (kind) {
	case DOC_BID: return "bid";
	case DOC_TENDER: return "tender";
	case DOC_PANEL: return "panel-scores";
	case DOC_UNKNOWN: break;
	}
	return "unknown";
}

enum tender_status validator_init(struct validator *v, size_t max_bytes,
				  struct tender_error *err)
{
	memset(v, 0, sizeof(*v));
	v->max_bytes = max_bytes;
	return schema_compile(embedded_bid_xsd, embedded_bid_xsd_size, "bid.xsd", &v->schema,
			      err);
}

void validator_release(struct validator *v)
{
	schema_free(v->schema);
	xml_doc_free(v->tender_doc);
	competition_release(&v->tender);
	memset(v, 0, sizeof(*v));
}

static enum doc_kind recognise(const struct xml_doc *doc, struct diag_list *diags,
			       enum tender_status *rc)
{
	const xmlNode *root = xml_doc_root(doc);
	int line, column;

	if (xml_is(root, BID_NS, "bid"))
		return DOC_BID;
	if (xml_is(root, BID_NS, "tender"))
		return DOC_TENDER;
	if (xml_is(root, BID_NS, "panel-scores"))
		return DOC_PANEL;
	xml_node_position(doc, root, &line, &column);
	if (xmlStrEqual(root->name, BAD_CAST "bid") || xmlStrEqual(root->name, BAD_CAST "tender") ||
	    xmlStrEqual(root->name, BAD_CAST "panel-scores")) {
		/* The right name in the wrong namespace: the commonest slip. */
		*rc = diag_add(diags, DIAG_ERROR, line, column, "not-a-tender-document",
			       "the root element <%s> is %s%.80s%s: add xmlns=\"%s\" to it",
			       (const char *)root->name, root->ns ? "in namespace " : "in no namespace",
			       root->ns ? (const char *)root->ns->href : "", "", BID_NS);
		return DOC_UNKNOWN;
	}
	*rc = diag_add(diags, DIAG_ERROR, line, column, "not-a-tender-document",
		       "the root element <%.64s>%s%.80s%s is not <bid>, <tender> or "
		       "<panel-scores> in namespace %s",
		       (const char *)root->name, root->ns ? " (namespace " : " (no namespace",
		       root->ns ? (const char *)root->ns->href : "", ")", BID_NS);
	return DOC_UNKNOWN;
}

/* Recognises, validates and checks a loaded document; takes doc. */
static enum tender_status check_doc(struct validator *v, struct xml_doc *doc,
				    struct competition *facts, enum doc_kind *kind,
				    struct xml_doc **out, struct diag_list *diags)
{
	struct competition tender;
	enum tender_status rc = TENDER_OK;
	size_t errors_before = diags->n_errors;

	*kind = recognise(doc, diags, &rc);
	if (rc || *kind == DOC_UNKNOWN)
		goto out;
	rc = schema_validate(v->schema, doc, diags);
	if (rc || diags->n_errors > errors_before)
		goto out; /* checks beyond the schema assume a valid document */
	switch (*kind) {
	case DOC_BID:
		rc = bid_check_with_tender_doc(doc, v->tender_doc ? &v->tender : NULL,
					       v->tender_doc, diags);
		break;
	case DOC_TENDER:
		/* the facts are kept when the caller wants them */
		rc = competition_read(doc, facts ? facts : &tender, diags);
		if (!facts)
			competition_release(&tender);
		break;
	case DOC_PANEL:
		rc = panel_check(doc, v->tender_doc ? &v->tender : NULL, v->tender_doc, diags);
		break;
	case DOC_UNKNOWN:
		break;
	}
out:
	if (!rc && out && diags->n_errors == errors_before) {
		*out = doc;
		doc = NULL;
	}
	xml_doc_free(doc);
	return rc;
}

/* Turns a loader failure into a diagnostic; returns what validator_load
 * returns for it. */
static enum tender_status load_failed(enum tender_status rc, const struct tender_error *err,
				      struct diag_list *diags)
{
	enum tender_status add;

	if (rc == TENDER_ERR_NOMEM)
		return rc;
	add = diag_add(diags, DIAG_ERROR, err->line, err->column, err->code, "%s", err->message);
	return add ? add : rc == TENDER_ERR_IO ? TENDER_ERR_IO : TENDER_OK;
}

enum tender_status validator_load(struct validator *v, const char *path, enum doc_kind *kind,
				  struct xml_doc **out, struct diag_list *diags)
{
	return validator_load_hashed(v, path, kind, out, NULL, diags);
}

/* Loads in (borrowed), keeping a tender description's facts in facts when
 * it is not NULL (initialised here; release it whatever is returned). */
static enum tender_status load_input(struct validator *v, const struct input *in,
				     enum doc_kind *kind, struct xml_doc **out,
				     struct competition *facts, struct diag_list *diags)
{
	struct tender_error err;
	struct xml_doc *doc = NULL;
	enum tender_status rc;

	if (facts)
		memset(facts, 0, sizeof(*facts));
	*kind = DOC_UNKNOWN;
	if (out)
		*out = NULL;
	error_clear(&err);
	if (in->size > v->max_bytes)
		return diag_add(diags, DIAG_ERROR, 0, 0, "file-too-large",
				"the file is %zu bytes; the limit is %zu bytes", in->size,
				v->max_bytes);
	rc = xml_load_memory(in->data, in->size, in->name, &doc, &err);
	if (rc)
		return load_failed(rc, &err, diags);
	return check_doc(v, doc, facts, kind, out, diags);
}

/* Reads the file at path once into *in; a file that cannot be read is a
 * finding (TENDER_ERR_IO, or TENDER_OK for one too large). */
static enum tender_status read_input(struct validator *v, const char *path, struct input *in,
				     unsigned char sha256[32], struct diag_list *diags)
{
	struct tender_error err;
	enum tender_status rc;

	error_clear(&err);
	rc = input_read_file(path, v->max_bytes, in, &err);
	if (rc)
		return load_failed(rc, &err, diags);
	if (sha256)
		memcpy(sha256, in->sha256, 32);
	return TENDER_OK;
}

enum tender_status validator_load_hashed(struct validator *v, const char *path,
					 enum doc_kind *kind, struct xml_doc **out,
					 unsigned char sha256[32], struct diag_list *diags)
{
	struct input in = {0};
	size_t errors_before = diags->n_errors;
	enum tender_status rc;

	*kind = DOC_UNKNOWN;
	if (out)
		*out = NULL;
	rc = read_input(v, path, &in, sha256, diags);
	if (!rc && diags->n_errors == errors_before)
		rc = load_input(v, &in, kind, out, NULL, diags);
	input_release(&in);
	return rc;
}

enum tender_status validator_load_input(struct validator *v, const struct input *in,
					enum doc_kind *kind, struct xml_doc **out,
					struct diag_list *diags)
{
	return load_input(v, in, kind, out, NULL, diags);
}

enum tender_status validator_load_memory(struct validator *v, const char *data, size_t size,
					 const char *name, enum doc_kind *kind,
					 struct diag_list *diags)
{
	struct tender_error err;
	struct xml_doc *doc = NULL;
	enum tender_status rc;

	*kind = DOC_UNKNOWN;
	error_clear(&err);
	if (size > v->max_bytes)
		return diag_add(diags, DIAG_ERROR, 0, 0, "file-too-large",
				"the file is %zu bytes; the limit is %zu bytes", size, v->max_bytes);
	rc = xml_load_memory(data, size, name, &doc, &err);
	if (rc)
		return load_failed(rc, &err, diags);
	return check_doc(v, doc, NULL, kind, NULL, diags);
}

enum tender_status validator_use_tender(struct validator *v, const char *path,
					unsigned char sha256[32], struct diag_list *diags)
{
	enum doc_kind kind;

	return validator_use_tender_kind(v, path, sha256, &kind, diags);
}

enum tender_status validator_use_tender_kind(struct validator *v, const char *path,
					     unsigned char sha256[32], enum doc_kind *kind,
					     struct diag_list *diags)
{
	struct input in = {0};
	size_t errors_before = diags->n_errors;
	enum tender_status rc;

	*kind = DOC_UNKNOWN;
	rc = read_input(v, path, &in, sha256, diags);
	if (!rc && diags->n_errors > errors_before)
		rc = TENDER_ERR_INVALID;
	if (!rc)
		rc = validator_use_tender_input(v, &in, kind, diags);
	input_release(&in);
	return rc;
}

enum tender_status validator_use_tender_input(struct validator *v, const struct input *in,
					      enum doc_kind *kind, struct diag_list *diags)
{
	struct xml_doc *doc = NULL;
	struct competition tender;
	enum tender_status rc;
	size_t errors_before = diags->n_errors;

	rc = load_input(v, in, kind, &doc, &tender, diags);
	if (rc) {
		competition_release(&tender);
		return rc;
	}
	if (!doc) {
		competition_release(&tender);
		return TENDER_ERR_INVALID;
	}
	if (*kind != DOC_TENDER) {
		rc = diag_add(diags, DIAG_ERROR, 0, 0, "not-a-tender",
			      "this is a %s file, not a tender description (<tender>)",
			      doc_kind_str(*kind));
		competition_release(&tender);
		xml_doc_free(doc);
		return rc ? rc : TENDER_ERR_INVALID;
	}
	if (diags->n_errors > errors_before) {
		competition_release(&tender);
		xml_doc_free(doc);
		return rc ? rc : TENDER_ERR_INVALID;
	}
	xml_doc_free(v->tender_doc);
	competition_release(&v->tender);
	v->tender_doc = doc;
	v->tender = tender;
	return TENDER_OK;
}
