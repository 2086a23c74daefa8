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

/* Reads node's trimmed text (check_text; "" for a NULL node) or its
 * attribute `name` (check_attr; NULL when absent) whole, as a new string
 * the caller frees with tender_free: never a cut value, whatever its
 * length. NULL also when out of memory (recorded in c->status). */
char *check_text(struct checker *c, const xmlNode *node);
char *check_attr(struct checker *c, const xmlNode *node, const char *name);

/* Reads a non-negative integer as XML Schema writes it (decimal digits,
 * perhaps a leading '+' and leading zeros; no whitespace) into *out.
 * Returns TENDER_OK; TENDER_ERR_LIMIT when it is larger than UINT64_MAX
 * (*out is then UINT64_MAX); TENDER_ERR_INVALID when it is not such an
 * integer (*out untouched); TENDER_ERR_NOMEM. When digits is not NULL,
 * *digits receives, on TENDER_OK and TENDER_ERR_LIMIT, the value's digits
 * without sign or leading zeros, all of them, as a new string the caller
 * frees with tender_free (for messages and exact comparisons); else it is
 * NULL. */
enum tender_status check_integer(const char *text, uint64_t *out, char **digits);

/* Reads a non-negative decimal integer that fits in a long long. Returns 1
 * when *out was set, 0 otherwise: malformed, or too large (check_integer
 * tells them apart, and keeps the digits of a value beyond 64 bits). */
int check_uint(const char *text, long long *out);

/* Reads the next token of a whitespace-separated list (an xs:list value)
 * from *p into out, advancing *p. Returns 0 at the end of the list. A token
 * of size bytes or more is cut: prefer check_next_span. */
int check_next_token(const char **p, char *out, size_t size);

/* As check_next_token, without copying: *token and *len receive where the
 * next token starts in the list and its length. */
int check_next_span(const char **p, const char **token, size_t *len);

/* Whether the whitespace-separated list contains exactly `token` (len
 * bytes). */
int check_list_has(const char *list, const char *token, size_t len);

/* An xs:date: [-]YYYY-MM-DD, a year of four digits or more, perhaps a time
 * zone (Z or +hh:mm or -hh:mm). */
struct check_date {
	int negative;  /* the year was written with a leading '-' */
	char year[64]; /* its digits without leading zeros ("0" for 0000) */
	size_t n_year; /* strlen(year) */
	int month, day;
};

/* Reads an xs:date; returns 1 when text is one (leading and trailing XML
 * whitespace allowed), 0 otherwise. */
int check_date_parse(const char *text, struct check_date *out);

/* The year of d as a number: 1 when it fits in a long long, else 0. */
int check_date_year(const struct check_date *d, long long *year);

/* Compares two dates by year, month and day, exactly (any number of year
 * digits, years before 1 included): <0, 0, >0 like strcmp. */
int check_date_order(const struct check_date *a, const struct check_date *b);

/* Compares two xs:date texts with check_date_order. A time zone does not
 * move a date: the checks are about calendar days. Texts that are not
 * dates (the schema has already reported them) compare equal. */
int check_date_cmp(const char *a, const char *b);

/* Writes a - b as money with `decimals` decimals, like money_format but
 * exact even when the difference lies beyond the int64_t range. A buffer
 * of 40 bytes always suffices. */
void check_money_difference(int64_t a, int64_t b, int decimals, char *buf, size_t size);

#endif
