/*
 * schema.h - XML Schema (XSD) validation with positions a bidder can use.
 *
 * A schema is compiled once and used for every document. Validation errors
 * come back as diagnostics at the line and column of the offending element's
 * start tag, in plainer words than libxml2's (no {namespace} noise).
 */
#ifndef TENDER_SCHEMA_H
#define TENDER_SCHEMA_H

#include "diag.h"
#include "tender.h"
#include "xml.h"

struct schema;

/* Compiles an XSD held in memory (borrowed for the call; must not include
 * or import other files). name is used in messages. On success *out owns
 * the schema (free with schema_free). */
enum tender_status schema_compile(const char *xsd, size_t size, const char *name,
				  struct schema **out, struct tender_error *err);

/* Validates doc and appends one diagnostic per violation to diags (errors
 * with code "schema"). Returns TENDER_OK when the document was checked
 * (whether or not it is valid: look at diags->n_errors), TENDER_ERR_NOMEM or
 * TENDER_ERR_INTERNAL when it could not be. schema is only read, but
 * libxml2 does not promise thread safety of a shared schema: use one per
 * thread. */
enum tender_status schema_validate(const struct schema *schema, const struct xml_doc *doc,
				   struct diag_list *diags);

void schema_free(struct schema *schema);

/* Rewrites a libxml2 schema message in plainer words; exposed for tests. */
void schema_plain_message(const char *in, char *out, size_t size);

#endif
