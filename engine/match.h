/*
 * match.h - PCRE2 patterns of `match` criteria: compiled once when the rule
 * set loads (UTF, invalid UTF tolerated, no \C, JIT when available), run
 * with match, depth and heap limits over a capped subject. A limit hit is
 * "could not evaluate", never a silent "no match" (DESIGN.md section 8).
 */
#ifndef TENDER_MATCH_H
#define TENDER_MATCH_H

#include "tender.h"

#include <stddef.h>

/* The longest text a pattern is run over. */
#define MATCH_SUBJECT_MAX ((size_t)1 << 20)

/* Bytes that must follow a subject in its buffer, initialised: PCRE2's JIT
 * reads up to a vector's width past the end (harmless, but valgrind and
 * MSan rightly object to reading uninitialised memory). */
#define MATCH_SUBJECT_PAD 64

struct match_pattern;

/* Compiles pattern (caseless when asked). On a bad pattern returns
 * TENDER_ERR_RULE with the reason and offset in why. */
enum tender_status match_compile(const char *pattern, int caseless, struct match_pattern **out,
				 char *why, size_t why_size);
void match_free(struct match_pattern *p);

/* Searches subject (length bytes, followed by MATCH_SUBJECT_PAD readable,
 * initialised bytes). *found is 1 or 0 on TENDER_OK; returns
 * TENDER_ERR_LIMIT when a limit was hit or the subject is longer than
 * MATCH_SUBJECT_MAX, TENDER_ERR_NOMEM, or TENDER_ERR_INTERNAL, with why. */
enum tender_status match_find(const struct match_pattern *p, const char *subject, size_t length,
			      int *found, char *why, size_t why_size);

#endif
