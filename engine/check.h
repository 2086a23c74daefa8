/*
 * check.h - the vocabulary of checks beyond the schema.
 *
 * bid.c, competition.c and panel.c check what an XSD cannot express (sums,
 * cross-references, dates in order). They share this small toolkit: report a
 * finding at an element's position, read money, percentages, integers and
 * dates from elements and attributes with a clear message when they are
 * malformed.
 *
 * A checker accumulates: functions record diagnostics and remember the first
 * failure of the tool itself (out of memory) in c->status, so check code can
 * run straight through and look at c->status once at the end.
 */
#ifndef TENDER_CHECK_H
#define TENDER_CHECK_H

#include "diag.h"
#include "xml.h"

#include <stdint.h>

struct checker {
	const struct xml_doc *doc;
	struct diag_list *diags;
	enum tender_status status; /* TENDER_OK, or the first NOMEM */
};

/* Records a diagnostic located at node (NULL: the whole file). */
void check_report(struct checker *c, const xmlNode *node, enum diag_severity severity,
		  const char *code, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Reads node's text as money with `decimals` decimals into *out. On a
 * malformed amount reports an error (code "money") naming `what` and
 * returns 0; returns 1 when *out was set. */
int check_money(struct checker *c, const xmlNode *node, const char *text, int decimals,
		const char *what, int64_t *out);

/* Reads a percentage (0 to 100, at most 2 decimals) into hundredths of a
 * percent. Reports and returns 0 when malformed or out of range. */
int check_pct(struct checker *c, const xmlNode *node, const char *text, const char *what,
	      int64_t *out_hundredths);

/* Reads a non-negative decimal integer; 0 on failure (no report: the schema
 * already said it). */
int check_uint(const char *text, long long *out);

/* Reads the next token of a whitespace-separated list (an xs:list value)
 * from *p into out, advancing *p. Returns 0 at the end of the list. */
int check_next_token(const char **p, char *out, size_t size);

/* Compares two xs:date texts ("2027-10-01", perhaps with a time zone),
 * looking at the date part only: <0, 0, >0 like strcmp. */
int check_date_cmp(const char *a, const char *b);

#endif
