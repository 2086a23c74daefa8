/*
 * check.c - shared helpers for checks beyond the schema (see check.h).
 */
#include "check.h"

#include "alloc.h"
#include "money.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void check_report(struct checker *c, const xmlNode *node, enum diag_severity severity,
		  const char *code, const char *fmt, ...)
{
	char message[1024];
	int line = 0, column = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (node)
		xml_node_position(c->doc, node, &line, &column);
	if (diag_add(c->diags, severity, line, column, code, "%s", message) && !c->status)
		c->status = TENDER_ERR_NOMEM;
}

int check_money(struct checker *c, const xmlNode *node, const char *text, int decimals,
		const char *what, int64_t *out)
{
	char why[160];

	if (money_parse(text, decimals, out, why, sizeof(why)) == TENDER_OK)
		return 1;
	check_report(c, node, DIAG_ERROR, "money", "%s '%s' %s", what, text, why);
	return 0;
}

int check_pct(struct checker *c, const xmlNode *node, const char *text, const char *what,
	      int64_t *out_hundredths)
{
	char why[160];

	if (money_parse(text, 2, out_hundredths, why, sizeof(why)) != TENDER_OK) {
		check_report(c, node, DIAG_ERROR, "percentage", "%s '%s' %s", what, text, why);
		return 0;
	}
	if (*out_hundredths < 0 || *out_hundredths > 10000) {
		check_report(c, node, DIAG_ERROR, "percentage",
			     "%s is %s%%; a percentage must be between 0 and 100", what, text);
		return 0;
	}
	return 1;
}

char *check_text(struct checker *c, const xmlNode *node)
{
	char *text;

	if (xml_text_dup(node, &text))
		c->status = TENDER_ERR_NOMEM;
	return text;
}

char *check_attr(struct checker *c, const xmlNode *node, const char *name)
{
	char *text;

	if (xml_attr_dup(node, name, &text))
		c->status = TENDER_ERR_NOMEM;
	return text;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum tender_status check_integer(const char *text, uint64_t *out, char **digits)
{
	const char *p = text, *first;
	uint64_t value = 0;
	int too_large = 0;

	if (digits)
		*digits = NULL;
	if (*p == '+')
		p++;
	if (!is_digit(*p))
		return TENDER_ERR_INVALID;
	while (*p == '0' && is_digit(p[1]))
		p++;
	for (first = p; is_digit(*p); p++) {
		unsigned d = (unsigned)(*p - '0');

		if (value > (UINT64_MAX - d) / 10)
			too_large = 1;
		else
			value = value * 10 + d;
	}
	if (*p)
		return TENDER_ERR_INVALID;
	if (digits && !(*digits = tender_strndup(first, (size_t)(p - first))))
		return TENDER_ERR_NOMEM;
	*out = too_large ? UINT64_MAX : value;
	return too_large ? TENDER_ERR_LIMIT : TENDER_OK;
}

int check_uint(const char *text, long long *out)
{
	uint64_t v;

	if (check_integer(text, &v, NULL) != TENDER_OK || v > (uint64_t)LLONG_MAX)
		return 0;
	*out = (long long)v;
	return 1;
}

static int is_list_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int check_next_span(const char **p, const char **token, size_t *len)
{
	const char *s = *p;
	size_t n = 0;

	while (is_list_space(*s))
		s++;
	while (s[n] && !is_list_space(s[n]))
		n++;
	*p = s + n;
	*token = s;
	*len = n;
	return n > 0;
}

int check_next_token(const char **p, char *out, size_t size)
{
	const char *token;
	size_t n;

	if (!check_next_span(p, &token, &n))
		return 0;
	snprintf(out, size, "%.*s", (int)n, token);
	return 1;
}

int check_list_has(const char *list, const char *token, size_t len)
{
	const char *item;
	size_t n;

	while (check_next_span(&list, &item, &n))
		if (n == len && memcmp(item, token, len) == 0)
			return 1;
	return 0;
}

/* Reads exactly two digits. */
static int two_digits(const char *p, int *out)
{
	if (!is_digit(p[0]) || !is_digit(p[1]))
		return 0;
	*out = (p[0] - '0') * 10 + (p[1] - '0');
	return 1;
}

int check_date_parse(const char *text, struct check_date *out)
{
	const char *p = text, *first;
	size_t n;
	int hours, minutes;

	memset(out, 0, sizeof(*out));
	while (is_list_space(*p))
		p++;
	if (*p == '-') {
		out->negative = 1;
		p++;
	}
	for (first = p; is_digit(*p); p++)
		;
	if (p - first < 4)
		return 0;
	while (first < p - 1 && *first == '0')
		first++;
	n = (size_t)(p - first);
	if (n >= sizeof(out->year))
		return 0;
	memcpy(out->year, first, n);
	out->year[n] = '\0';
	out->n_year = n;
	if (p[0] != '-' || !two_digits(p + 1, &out->month) || p[3] != '-' ||
	    !two_digits(p + 4, &out->day))
		return 0;
	p += 6;
	if (out->month < 1 || out->month > 12 || out->day < 1 || out->day > 31)
		return 0;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		if (!two_digits(p + 1, &hours) || p[3] != ':' || !two_digits(p + 4, &minutes) ||
		    hours * 60 + minutes > 14 * 60 || minutes > 59)
			return 0;
		p += 6;
	}
	while (is_list_space(*p))
		p++;
	return *p == '\0';
}

int check_date_year(const struct check_date *d, long long *year)
{
	long long y = 0;

	if (d->n_year > 18)
		return 0;
	for (const char *p = d->year; *p; p++)
		y = y * 10 + (*p - '0');
	*year = d->negative ? -y : y;
	return 1;
}

int check_date_order(const struct check_date *a, const struct check_date *b)
{
	int a_neg = a->negative && strcmp(a->year, "0") != 0;
	int b_neg = b->negative && strcmp(b->year, "0") != 0;
	int magnitude;

	if (a_neg != b_neg)
		return a_neg ? -1 : 1;
	magnitude =
	    a->n_year != b->n_year ? (a->n_year < b->n_year ? -1 : 1) : strcmp(a->year, b->year);
	if (magnitude)
		return a_neg ? -magnitude : magnitude; /* -5 comes before -4 */
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

int check_date_cmp(const char *a, const char *b)
{
	struct check_date da, db;

	if (!check_date_parse(a, &da) || !check_date_parse(b, &db))
		return 0;
	return check_date_order(&da, &db);
}

void check_money_difference(int64_t a, int64_t b, int decimals, char *buf, size_t size)
{
	int64_t diff;
	uint64_t magnitude;

	if (!__builtin_sub_overflow(a, b, &diff)) {
		money_format(diff, decimals, buf, size);
		return;
	}
	/* Beyond int64_t, but never beyond uint64_t: a and b differ in sign. */
	magnitude = a > b ? (uint64_t)a - (uint64_t)b : (uint64_t)b - (uint64_t)a;
	money_format_magnitude(a < b, magnitude, decimals, buf, size);
}
