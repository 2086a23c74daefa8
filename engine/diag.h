/*
 * diag.h - diagnostics about one input file: severity, position, a stable
 * code that machines can match on, and a message in words a bidder
 * understands. `tender validate` prints them as file:line:col: error: message.
 */
#ifndef TENDER_DIAG_H
#define TENDER_DIAG_H

#include "tender.h"

#include <stddef.h>
#include <stdint.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_severity severity;
	int line;   /* 1-based; 0 when the whole file is meant */
	int column; /* 1-based; 0 when unknown */
	char *code; /* stable identifier, e.g. "share-sum" */
	char *message;
};

/* At most this many diagnostics are kept per file; the last one kept says
 * that more were dropped. A hostile file cannot make the list grow without
 * bound. */
#define DIAG_MAX 200

struct diag_list {
	struct diag *items;
	size_t n, cap;
	size_t n_errors, n_warnings;
	int truncated;
};

void diag_list_init(struct diag_list *list);
/* Frees every diagnostic; the list is empty and reusable afterwards. */
void diag_list_release(struct diag_list *list);

/* Appends a diagnostic (code and formatted message are copied). The
 * message is made safe to print first (diag_escape): text quoted from a bid
 * can neither start a line of its own nor hide or reorder what is shown. Past
 * DIAG_MAX the diagnostic is counted but not stored. Returns TENDER_OK or
 * TENDER_ERR_NOMEM (the list is unchanged then). */
enum tender_status diag_add(struct diag_list *list, enum diag_severity severity,
			    int line, int column, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

const char *diag_severity_str(enum diag_severity severity);

/* Whether code point cp changes how the text around it is shown without
 * showing itself: C1 controls (U+0080-U+009F), bidirectional controls, line
 * and paragraph separators, zero-width and other format characters. */
int diag_is_invisible(uint32_t cp);

/* The longest escape diag_escape writes for one byte of text. */
#define DIAG_ESCAPE_MAX 4

/* Writes text into out (size bytes, always NUL-terminated when size > 0)
 * with what could forge or disguise a diagnostic made visible: \n \r \t as
 * such, other C0 controls and DEL as \xHH, invalid UTF-8 bytes as \xHH, and
 * C1 controls, Unicode bidirectional controls, line and paragraph
 * separators and other invisible format characters (zero-width spaces and
 * joiners, U+FEFF, tag characters, ...) as \u{XXXX}. Never cuts an escape
 * or a character in half. An out of DIAG_ESCAPE_MAX * strlen(text) + 1
 * bytes always suffices. Returns the length written. */
size_t diag_escape(const char *text, char *out, size_t size);

#endif
