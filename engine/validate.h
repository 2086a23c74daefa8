/*
 * validate.h - checking input documents: the bidder's self-check.
 *
 * A validator holds what every check needs and is built once: the compiled
 * bid schema (embedded in the binary), the size cap, and optionally the
 * tender description that bids are checked against. Each file is then read
 * safely (xml.h), recognised by its root element (bid, tender or panel
 * scores), validated against the schema, and checked beyond it (bid.h,
 * competition.h, panel.h). Every finding becomes a diagnostic.
 */
#ifndef TENDER_VALIDATE_H
#define TENDER_VALIDATE_H

#include "competition.h"
#include "diag.h"
#include "input.h"
#include "schema.h"
#include "xml.h"

enum doc_kind { DOC_UNKNOWN, DOC_BID, DOC_TENDER, DOC_PANEL };

const char *doc_kind_str(enum doc_kind kind);

struct validator {
	struct schema *schema;
	size_t max_bytes;
	struct xml_doc *tender_doc; /* NULL until validator_use_tender */
	struct competition tender;
};

/* Compiles the embedded schema. On failure v is released. */
enum tender_status validator_init(struct validator *v, size_t max_bytes,
				  struct tender_error *err);
void validator_release(struct validator *v);

/* Reads, recognises, validates and checks the file at path. Findings (also
 * a file that cannot be read or parsed) go to diags. Returns TENDER_OK when
 * the file was checked, TENDER_ERR_IO when it could not be read at all, or
 * TENDER_ERR_NOMEM / TENDER_ERR_INTERNAL when the tool failed. When out is
 * not NULL and the file has no errors, *out receives the document (caller
 * frees with xml_doc_free); otherwise *out is NULL. */
enum tender_status validator_load(struct validator *v, const char *path, enum doc_kind *kind,
				  struct xml_doc **out, struct diag_list *diags);

/* As validator_load; sha256 (may be NULL) receives the SHA-256 of the bytes
 * read, when the file could be read. */
enum tender_status validator_load_hashed(struct validator *v, const char *path,
					 enum doc_kind *kind, struct xml_doc **out,
					 unsigned char sha256[32], struct diag_list *diags);

/* As validator_load, for an input already read (borrowed: its name is
 * used in messages only, nothing is opened). An input larger than the
 * validator's cap is a finding. */
enum tender_status validator_load_input(struct validator *v, const struct input *in,
					enum doc_kind *kind, struct xml_doc **out,
					struct diag_list *diags);

/* As validator_load, for bytes in memory (borrowed); name is used in
 * messages. For fuzzers and embedders. */
enum tender_status validator_load_memory(struct validator *v, const char *data, size_t size,
					 const char *name, enum doc_kind *kind,
					 struct diag_list *diags);

/* Makes bids be checked against the tender description at path; sha256
 * (may be NULL) receives the file's SHA-256. The tender file's own findings
 * go to diags; returns TENDER_ERR_INVALID when it has
 * errors or is not a <tender> (then nothing changes), TENDER_ERR_IO when it
 * cannot be read, TENDER_OK when it is in use. */
enum tender_status validator_use_tender(struct validator *v, const char *path,
					unsigned char sha256[32], struct diag_list *diags);

/* As validator_use_tender; *kind receives what the file turned out to be
 * (DOC_UNKNOWN when it could not be read or recognised), for reports. */
enum tender_status validator_use_tender_kind(struct validator *v, const char *path,
					     unsigned char sha256[32], enum doc_kind *kind,
					     struct diag_list *diags);

/* As validator_use_tender_kind, for an input already read (borrowed). */
enum tender_status validator_use_tender_input(struct validator *v, const struct input *in,
					      enum doc_kind *kind, struct diag_list *diags);

#endif
