/*
 * diag.c - the diagnostics list (see diag.h).
 */
#include "diag.h"

#include "alloc.h"

#include <stdarg.h>
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

enum tender_status diag_add(struct diag_list *list, enum diag_severity severity,
			    int line, int column, const char *code, const char *fmt, ...)
{
	char message[1024];
	struct diag *d;
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
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);

	d = &list->items[list->n];
	d->severity = severity;
	d->line = line;
	d->column = column;
	d->code = tender_strdup(code);
	d->message = tender_strdup(message);
	if (!d->code || !d->message) {
		tender_free(d->code);
		tender_free(d->message);
		return TENDER_ERR_NOMEM;
	}
	list->n++;
	count(list, severity);
	return TENDER_OK;
}
