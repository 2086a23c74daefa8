/*
 * csv.h - reads the comma-separated tables shipped inside the binary
 * (law/bank-holidays.csv, law/instruments.csv): RFC 4180 fields, quoted
 * when they hold a comma or a quote, one record a line, a header first.
 */
#ifndef TENDER_CSV_H
#define TENDER_CSV_H

#include "tender.h"

#include <stddef.h>

struct csv_table {
	char *text;   /* the cells, NUL-separated (owned) */
	char **cells; /* n_rows * n_cols pointers into text, row by row (owned) */
	size_t n_rows, n_cols; /* n_rows excludes the header */
};

/* Reads text (size bytes) whose first line must be `header` exactly into t
 * (initialised here). Every record must have as many fields as the header.
 * Returns TENDER_OK, TENDER_ERR_NOMEM, or TENDER_ERR_INVALID with the line
 * in *bad_line. t is valid for csv_release either way. */
enum tender_status csv_read(const char *text, size_t size, const char *header,
			    struct csv_table *t, size_t *bad_line);

/* Row r's field c (borrowed from t). */
const char *csv_cell(const struct csv_table *t, size_t r, size_t c);

void csv_release(struct csv_table *t);

#endif
