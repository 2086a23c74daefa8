/*
 * csv.c - the shipped comma-separated tables (see csv.h).
 */
#include "csv.h"

#include "alloc.h"

#include <string.h>

/* Copies the field at *p into *out (NUL-terminated) and moves *p past it and
 * its separator; *end_of_record is set when a line ended. Returns 0 on a
 * quote out of place. */
static int read_field(const char **p, const char *end, char **out, int *end_of_record)
{
	const char *s = *p;
	char *o = *out;

	*end_of_record = 0;
	if (s < end && *s == '"') {
		for (s++;; s++) {
			if (s >= end)
				return 0;
			if (*s == '"') {
				if (s + 1 < end && s[1] == '"') {
					*o++ = '"';
					s++;
					continue;
				}
				s++;
				break;
			}
			*o++ = *s;
		}
	} else {
		while (s < end && *s != ',' && *s != '\n' && *s != '\r') {
			if (*s == '"')
				return 0;
			*o++ = *s++;
		}
	}
	*o++ = '\0';
	*out = o;
	if (s < end && *s == ',') {
		s++;
	} else {
		if (s < end && *s == '\r')
			s++;
		if (s < end && *s != '\n')
			return 0;
		if (s < end)
			s++;
		*end_of_record = 1;
	}
	*p = s;
	return 1;
}

enum tender_status csv_read(const char *text, size_t size, const char *header,
			    struct csv_table *t, size_t *bad_line)
{
	const char *p = text, *end = text + size;
	size_t n_fields = 0, cap = 0, line = 1, n_header = 1, in_record = 0;
	char *o;

	memset(t, 0, sizeof(*t));
	*bad_line = 0;
	for (const char *h = header; *h; h++)
		n_header += *h == ',';
	t->text = tender_malloc(size + 1);
	if (!t->text)
		return TENDER_ERR_NOMEM;
	o = t->text;
	while (p < end) {
		int eor;
		char *field = o;

		if (n_fields == cap) {
			size_t more = cap ? cap * 2 : 256;
			char **cells = tender_realloc(t->cells, more * sizeof(*cells));

			if (!cells)
				return TENDER_ERR_NOMEM;
			t->cells = cells;
			cap = more;
		}
		if (!read_field(&p, end, &o, &eor)) {
			*bad_line = line;
			return TENDER_ERR_INVALID;
		}
		t->cells[n_fields++] = field;
		in_record++;
		if (eor) {
			if (in_record != n_header) {
				*bad_line = line;
				return TENDER_ERR_INVALID;
			}
			in_record = 0;
			line++;
		}
	}
	if (in_record || n_fields < n_header) {
		*bad_line = line;
		return TENDER_ERR_INVALID;
	}
	/* the header, field by field, joined */
	for (size_t c = 0, at = 0; c < n_header; c++) {
		size_t len = strlen(t->cells[c]);

		if (strncmp(header + at, t->cells[c], len) ||
		    (header[at + len] != ',' && header[at + len] != '\0')) {
			*bad_line = 1;
			return TENDER_ERR_INVALID;
		}
		at += len + 1;
	}
	t->n_cols = n_header;
	t->n_rows = n_fields / n_header - 1;
	return TENDER_OK;
}

const char *csv_cell(const struct csv_table *t, size_t r, size_t c)
{
	return t->cells[(r + 1) * t->n_cols + c];
}

void csv_release(struct csv_table *t)
{
	tender_free(t->cells);
	tender_free(t->text);
	memset(t, 0, sizeof(*t));
}
