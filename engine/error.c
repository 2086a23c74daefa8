/*
 * error.c - status names and the error record.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *tender_status_str(enum tender_status status)
{
	switch (status) {
	case TENDER_OK: return "ok";
	case TENDER_ERR_NOMEM: return "out of memory";
	case TENDER_ERR_IO: return "input/output error";
	case TENDER_ERR_XML: return "not acceptable XML";
	case TENDER_ERR_SCHEMA: return "does not follow the schema";
	case TENDER_ERR_INVALID: return "inconsistent content";
	case TENDER_ERR_LIMIT: return "limit exceeded";
	case TENDER_ERR_RULE: return "rule set error";
	case TENDER_ERR_DB: return "store error";
	case TENDER_ERR_USAGE: return "usage error";
	case TENDER_ERR_INTERNAL: return "internal error";
	}
	return "unknown status";
}

void error_clear(struct tender_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

enum tender_status error_set(struct tender_error *err, enum tender_status status,
			     const char *code, const char *file, int line, int column,
			     const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	err->rule_id[0] = '\0';
	snprintf(err->code, sizeof(err->code), "%s", code ? code : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return status;
}
