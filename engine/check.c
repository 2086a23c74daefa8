/*
 * check.c - shared helpers for checks beyond the schema (see check.h).
 */
#include "check.h"

#include "money.h"

#include <errno.h>
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

int check_uint(const char *text, long long *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < 0)
		return 0;
	*out = v;
	return 1;
}

int check_date_cmp(const char *a, const char *b)
{
	return strncmp(a, b, 10);
}

static int is_list_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int check_next_token(const char **p, char *out, size_t size)
{
	const char *s = *p;
	size_t n = 0;

	while (is_list_space(*s))
		s++;
	while (s[n] && !is_list_space(s[n]))
		n++;
	if (n == 0)
		return 0;
	snprintf(out, size, "%.*s", (int)n, s);
	*p = s + n;
	return 1;
}
