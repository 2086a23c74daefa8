/*
 * strbuf.h - a growable string (after git's strbuf), for texts whose length
 * the input decides: explanations listing what a bid has, messages quoting
 * a bid, whole outputs (scores.csv). Capped: past its cap (sb.max, by
 * default STRBUF_MAX) the text ends with a visible note and sb.cut is set,
 * never silently. A text that must not be cut at all (an output, a path, a
 * message recorded in evaluation.xml) sets sb.max to STRBUF_TEXT_MAX and
 * fails when strbuf_status() says so.
 */
#ifndef TENDER_STRBUF_H
#define TENDER_STRBUF_H

#include "tender.h"

#include <stdarg.h>
#include <stddef.h>

#define STRBUF_MAX ((size_t)64 << 10)

/* The cap on a text that must be whole (1 GiB, beyond any input tender
 * reads): reaching it is an error, TENDER_ERR_LIMIT, never a cut output. */
#define STRBUF_TEXT_MAX ((size_t)1 << 30)

struct strbuf {
	char *buf; /* always NUL-terminated once anything was added */
	size_t len, cap;
	int nomem;   /* an allocation failed: the text is incomplete */
	int cut;     /* the cap was reached */
	size_t max;  /* the cap; 0 means STRBUF_MAX */
};

#define STRBUF_INIT {NULL, 0, 0, 0, 0, 0}
/* A strbuf for a text that must be whole: see strbuf_status. */
#define STRBUF_INIT_WHOLE {NULL, 0, 0, 0, 0, STRBUF_TEXT_MAX}

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* The whole formatted text (never cut; up to STRBUF_TEXT_MAX) as a new
 * string the caller frees with tender_free, or NULL when out of memory or
 * past the cap. */
char *strbuf_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *strbuf_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The text ("" when empty); borrowed. */
const char *strbuf_str(const struct strbuf *sb);

/* Hands the text over (caller frees with tender_free) and resets sb. Returns
 * NULL, releasing sb, when an allocation failed. */
char *strbuf_detach(struct strbuf *sb);

void strbuf_release(struct strbuf *sb);

/* Whether the text is whole: TENDER_OK; TENDER_ERR_NOMEM when an
 * allocation failed; TENDER_ERR_LIMIT when the cap was reached (the text
 * was cut). */
enum tender_status strbuf_status(const struct strbuf *sb);

#endif
