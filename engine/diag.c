/*
 * diag.c - the diagnostics list (see diag.h).
 */
#include "diag.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void diag_list_init(struct diag_list *list)
{
	memset(list, 0, sizeof(*list));
}

void diag_list_release(struct diag_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		tender_free(list->items[i].code);
		tender_free(list->items[i].message);
	}
	tender_free(list->items);
	diag_list_init(list);
}

const char *diag_severity_str(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}

static void count(struct diag_list *list, enum diag_severity severity)
{
	if (severity == DIAG_ERROR)
		list->n_errors++;
	else
		list->n_warnings++;
}

/* Unicode characters that change how text around them is shown without
 * showing themselves (format characters, general category Cf, and the C1
 * controls and line/paragraph separators). */
int diag_is_invisible(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x061C || cp == 0x180E ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Decodes one UTF-8 character at s; returns its length, 0 when s does not
 * start a valid (shortest-form, non-surrogate) sequence. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	size_t n;
	uint32_t min;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		min = 0x80;
		*cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		min = 0x800;
		*cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		min = 0x10000;
		*cp = s[0] & 0x07u;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0; /* also stops at the NUL */
		*cp = (*cp << 6) | (s[i] & 0x3Fu);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return n;
}

/* A message cut to fit its buffer may end inside a UTF-8 sequence: drop
 * that part, so that it is not shown as invalid bytes. */
static void drop_cut_character(char *message)
{
	size_t len = strlen(message), lead = len;
	uint32_t cp;

	while (lead > 0 && len - lead < 3 && ((unsigned char)message[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead > 0 && (unsigned char)message[lead - 1] >= 0xC0 &&
	    !utf8_decode((const unsigned char *)message + lead - 1, &cp))
		message[lead - 1] = '\0';
}

size_t diag_escape(const char *text, char *out, size_t size)
{
	static const char controls[] = "\n\r\t", names[] = "nrt";
	const unsigned char *s = (const unsigned char *)text;
	size_t o = 0;

	if (size == 0)
		return 0;
	while (*s) {
		const char *named = strchr(controls, *s);
		char piece[16];
		size_t len, n = 1;
		uint32_t cp;

		if (named) {
			piece[0] = '\\';
			piece[1] = names[named - controls];
			len = 2;
		} else if (*s < 0x20 || *s == 0x7F) {
			len = (size_t)snprintf(piece, sizeof(piece), "\\x%02X", *s);
		} else if (*s < 0x80) {
			piece[0] = (char)*s;
			len = 1;
		} else if ((n = utf8_decode(s, &cp)) == 0) {
			n = 1;
			len = (size_t)snprintf(piece, sizeof(piece), "\\x%02X", *s);
		} else if (diag_is_invisible(cp)) {
			len = (size_t)snprintf(piece, sizeof(piece), "\\u{%04X}", (unsigned)cp);
		} else {
			memcpy(piece, s, n);
			len = n;
		}
		if (o + len >= size)
			break;
		memcpy(out + o, piece, len);
		o += len;
		s += n;
	}
	out[o] = '\0';
	return o;
}

enum tender_status diag_add(struct diag_list *list, enum diag_severity severity,
			    int line, int column, const char *code, const char *fmt, ...)
{
	char message[1024], shown[DIAG_ESCAPE_MAX * sizeof(message)];
	struct diag *d;
	int length;
	va_list ap;

	if (list->n >= DIAG_MAX) {
		list->truncated = 1;
		count(list, severity);
		return TENDER_OK;
	}
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		struct diag *items = tender_realloc(list->items, cap * sizeof(*items));

		if (!items)
			return TENDER_ERR_NOMEM;
		list->items = items;
		list->cap = cap;
	}
	va_start(ap, fmt);
	length = vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (length >= (int)sizeof(message))
		drop_cut_character(message);
	diag_escape(message, shown, sizeof(shown));

	d = &list->items[list->n];
	d->severity = severity;
	d->line = line;
	d->column = column;
	d->code = tender_strdup(code);
	d->message = tender_strdup(shown);
	if (!d->code || !d->message) {
		tender_free(d->code);
		tender_free(d->message);
		return TENDER_ERR_NOMEM;
	}
	list->n++;
	count(list, severity);
	return TENDER_OK;
}
