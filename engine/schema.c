/*
 * schema.c - compiled XSDs and validation diagnostics (see schema.h).
 */
#include "schema.h"

#include "alloc.h"
#include "error.h"

#include <stdio.h>
#include <string.h>

#include <libxml/xmlschemas.h>

struct schema {
	xmlSchemaPtr xsd;
};

/* Collects the first compile error while libxml2 reads the XSD. */
static void on_compile_error(void *data, xmlErrorPtr e)
{
	struct tender_error *err = data;

	if (err && err->status == TENDER_OK && e->level != XML_ERR_WARNING)
		error_set(err, TENDER_ERR_INTERNAL, "schema-compile", e->file, e->line, e->int2,
			  "cannot compile schema: %s", e->message ? e->message : "unknown error");
}

enum tender_status schema_compile(const char *xsd, size_t size, const char *name,
				  struct schema **out, struct tender_error *err)
{
	xmlSchemaParserCtxtPtr pctxt;
	struct schema *schema;

	*out = NULL;
	if (err)
		err->status = TENDER_OK;
	schema = tender_calloc(1, sizeof(*schema));
	if (!schema)
		return error_set(err, TENDER_ERR_NOMEM, "nomem", name, 0, 0, "out of memory");
	pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)size);
	if (!pctxt) {
		tender_free(schema);
		return error_set(err, TENDER_ERR_NOMEM, "nomem", name, 0, 0, "out of memory");
	}
	xmlSchemaSetParserStructuredErrors(pctxt, on_compile_error, err);
	schema->xsd = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	if (!schema->xsd) {
		tender_free(schema);
		if (err && err->status != TENDER_OK)
			return err->status;
		return error_set(err, TENDER_ERR_INTERNAL, "schema-compile", name, 0, 0,
				 "cannot compile schema");
	}
	*out = schema;
	return TENDER_OK;
}

void schema_free(struct schema *schema)
{
	if (!schema)
		return;
	xmlSchemaFree(schema->xsd);
	tender_free(schema);
}

/* Copies in to out without "{namespace}" prefixes. */
static void strip_namespaces(const char *in, char *out, size_t size)
{
	size_t o = 0;

	for (const char *p = in; *p && o + 1 < size; p++) {
		if (*p == '{') {
			const char *close = strchr(p, '}');

			if (close && memchr(p, ':', (size_t)(close - p))) {
				p = close;
				continue;
			}
		}
		out[o++] = *p;
	}
	out[o] = '\0';
}

static void replace_all(char *buf, size_t size, const char *from, const char *to)
{
	char tmp[1024];
	size_t from_len = strlen(from);
	char *hit;

	while ((hit = strstr(buf, from)) != NULL) {
		snprintf(tmp, sizeof(tmp), "%.*s%s%s", (int)(hit - buf), buf, to, hit + from_len);
		snprintf(buf, size, "%s", tmp);
		if (strlen(to) >= from_len && strstr(to, from))
			break;
	}
}

void schema_plain_message(const char *in, char *out, size_t size)
{
	static const char *const phrases[][2] = {
		{"This element is not expected.", "this element is not allowed here;"},
		{"Missing child element(s).", "a required child element is missing;"},
		{"Expected is one of ( ", "expected one of: "},
		{"Expected is ( ", "expected: "},
		{" ).", ""},
		{"Character content other than whitespace is not allowed because the content "
		 "type is 'element-only'.",
		 "text is not allowed here, only elements"},
		{"The attribute '", "attribute '"},
		{"' is required but missing.", "' is required but missing"},
		{"is not a valid value of the atomic type", "is not a valid value of type"},
		{"is not a valid value of the local atomic type.", "is not a valid value"},
		{"is not a valid value of the list type", "is not a valid list of type"},
		{"The value '", "the value '"},
		{"No match found for key-sequence", "no match found for"},
		{"Duplicate key-sequence", "duplicate value"},
	};
	char buf[1024];
	size_t len;

	strip_namespaces(in, buf, sizeof(buf));
	/* "Element 'name': " -> "<name>: " ; "Element 'name', attribute 'a': " likewise */
	if (strncmp(buf, "Element '", 9) == 0) {
		char *close = strchr(buf + 9, '\'');

		if (close) {
			char tmp[1024];

			snprintf(tmp, sizeof(tmp), "<%.*s>%s", (int)(close - buf - 9), buf + 9,
				 close + 1);
			snprintf(buf, sizeof(buf), "%s", tmp);
		}
	}
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
		replace_all(buf, sizeof(buf), phrases[i][0], phrases[i][1]);
	len = strcspn(buf, "\n");
	buf[len] = '\0';
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '.' || buf[len - 1] == ';'))
		buf[--len] = '\0';
	snprintf(out, size, "%s", buf);
}

struct validation {
	const struct xml_doc *doc;
	struct diag_list *diags;
	enum tender_status status;
};

static void on_validation_error(void *data, xmlErrorPtr e)
{
	struct validation *v = data;
	char message[1024];
	int line = e->line, column = 0;

	if (e->code == XML_ERR_NO_MEMORY) {
		v->status = TENDER_ERR_NOMEM;
		return;
	}
	if (e->node)
		xml_node_position(v->doc, e->node, &line, &column);
	schema_plain_message(e->message ? e->message : "invalid", message, sizeof(message));
	if (diag_add(v->diags, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, line,
		     column, "schema", "%s", message))
		v->status = TENDER_ERR_NOMEM;
}

enum tender_status schema_validate(const struct schema *schema, const struct xml_doc *doc,
				   struct diag_list *diags)
{
	struct validation v = {doc, diags, TENDER_OK};
	xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema->xsd);
	int rc;

	if (!vctxt)
		return TENDER_ERR_NOMEM;
	xmlSchemaSetValidStructuredErrors(vctxt, on_validation_error, &v);
	rc = xmlSchemaValidateDoc(vctxt, xml_doc_tree(doc));
	xmlSchemaFreeValidCtxt(vctxt);
	if (v.status)
		return v.status;
	if (rc < 0)
		return TENDER_ERR_INTERNAL;
	if (rc > 0 && diags->n_errors == 0)
		return diag_add(diags, DIAG_ERROR, 0, 0, "schema",
				"the document does not follow the schema");
	return TENDER_OK;
}
