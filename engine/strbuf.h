/*
 * strbuf.h - a growable string (after git's strbuf), for texts whose length
 * the input decides: explanations listing what a bid has, messages quoting
 * a bid. Capped: past STRBUF_MAX bytes the text ends with a visible note,
 * never silently.
 */
#ifndef TENDER_STRBUF_H
#define TENDER_STRBUF_H

#include "tender.h"

#include <stdarg.h>
#include <stddef.h>

#define STRBUF_MAX ((size_t)64 << 10)

struct strbuf {
	char *buf; /* always NUL-terminated once anything was added */
	size_t len, cap;
	int nomem;   /* an allocation failed: the text is incomplete */
	int cut;     /* the cap was reached */
	size_t max;  /* the cap; 0 means STRBUF_MAX */
};

#define STRBUF_INIT {NULL, 0, 0, 0, 0, 0}

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* The text ("" when empty); borrowed. */
const char *strbuf_str(const struct strbuf *sb);

/* Hands the text over (caller frees with tender_free) and resets sb. Returns
 * NULL, releasing sb, when an allocation failed. */
char *strbuf_detach(struct strbuf *sb);

void strbuf_release(struct strbuf *sb);

#endif
