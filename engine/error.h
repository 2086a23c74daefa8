/*
 * error.h - filling a struct tender_error (declared in tender.h).
 *
 * The library never prints: it records what went wrong, where, and which rule
 * was involved, and returns a status. Only the command prints.
 */
#ifndef TENDER_ERROR_H
#define TENDER_ERROR_H

#include "tender.h"

/* Records a failure in err (may be NULL) and returns status, so that callers
 * can write `return error_set(err, TENDER_ERR_IO, "io-read", path, 0, 0, "...")`.
 * code is a stable identifier of the kind of failure; file may be NULL.
 * Never allocates; long texts are truncated. */
enum tender_status error_set(struct tender_error *err, enum tender_status status,
			     const char *code, const char *file, int line, int column,
			     const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Resets err to "no error". err may be NULL. */
void error_clear(struct tender_error *err);

#endif
