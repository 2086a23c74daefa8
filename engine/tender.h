/*
 * tender.h - the public API of libtender.
 *
 * libtender evaluates public-procurement bids against a published rule set.
 * This header is all a program needs: status codes, the error record, and
 * opaque handles. No libxml2, PCRE2 or SQLite type appears here.
 *
 * Conventions (see STYLE.md): every fallible function returns a
 * tender_status; details of a failure go into a caller-provided
 * struct tender_error, which never allocates. `x_free(NULL)` is a no-op.
 */
#ifndef TENDER_H
#define TENDER_H

#include <stddef.h>

#define TENDER_VERSION "0.2.0"

enum tender_status {
	TENDER_OK = 0,
	TENDER_ERR_NOMEM,   /* an allocation failed */
	TENDER_ERR_IO,      /* a file could not be read or written */
	TENDER_ERR_XML,     /* not acceptable XML (syntax, DOCTYPE, encoding) */
	TENDER_ERR_SCHEMA,  /* the document does not follow its schema */
	TENDER_ERR_INVALID, /* well-formed and schema-valid, but inconsistent */
	TENDER_ERR_LIMIT,   /* a size, depth or time limit was hit */
	TENDER_ERR_RULE,    /* a rule set is wrong */
	TENDER_ERR_DB,      /* the store failed */
	TENDER_ERR_USAGE,   /* the caller passed something meaningless */
	TENDER_ERR_INTERNAL /* a bug or a broken installation */
};

/* Where and why something failed. Fixed-size, so filling it never allocates;
 * long texts are truncated. line and column are 1-based, 0 when unknown. */
struct tender_error {
	enum tender_status status;
	char file[512];
	int line;
	int column;
	char rule_id[64]; /* the rule involved, "" when none */
	char code[32];    /* stable identifier of the kind of failure, e.g. "xml-doctype" */
	char message[512];
};

/* A short lower-case name of a status ("out of memory", "io", ...). */
const char *tender_status_str(enum tender_status status);

/* Sets up the XML library for untrusted input: parser initialised and an
 * external-entity loader that refuses everything. Call once, before any
 * other function, from the main thread. Idempotent. */
void tender_library_init(void);

/* Releases the XML library's global state; for leak checkers. */
void tender_library_cleanup(void);

#endif
