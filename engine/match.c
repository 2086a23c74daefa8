/*
 * match.c - bounded PCRE2 matching (see match.h).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"

#include "alloc.h"

#include <pcre2.h>
#include <stdio.h>

/* Limits per match: backtracking steps, nesting depth, heap in KiB. */
#define MATCH_LIMIT 1000000u
#define MATCH_DEPTH_LIMIT 10000u
#define MATCH_HEAP_LIMIT_KIB 20480u

struct match_pattern {
	pcre2_code *code;
};

enum tender_status match_compile(const char *pattern, int caseless, struct match_pattern **out,
				 char *why, size_t why_size)
{
	uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C |
			   (caseless ? PCRE2_CASELESS : 0);
	struct match_pattern *p;
	PCRE2_SIZE offset;
	int code;

	*out = NULL;
	p = tender_calloc(1, sizeof(*p));
	if (!p)
		return TENDER_ERR_NOMEM;
	p->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options, &code,
				&offset, NULL);
	if (!p->code) {
		PCRE2_UCHAR message[160];

		pcre2_get_error_message(code, message, sizeof(message));
		snprintf(why, why_size, "pattern '%.120s' does not compile at offset %zu: %s",
			 pattern, (size_t)offset, (const char *)message);
		tender_free(p);
		return code == PCRE2_ERROR_NOMEMORY ? TENDER_ERR_NOMEM : TENDER_ERR_RULE;
	}
	/* JIT is an optimisation: without it (no JIT support, no executable
	 * memory) matching still works, with the same limits. */
	(void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
	*out = p;
	return TENDER_OK;
}

void match_free(struct match_pattern *p)
{
	if (!p)
		return;
	pcre2_code_free(p->code);
	tender_free(p);
}

enum tender_status match_find(const struct match_pattern *p, const char *subject, size_t length,
			      int *found, char *why, size_t why_size)
{
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	int rc;

	*found = 0;
	if (length > MATCH_SUBJECT_MAX) {
		snprintf(why, why_size, "the text is %zu bytes, over the limit of %zu", length,
			 MATCH_SUBJECT_MAX);
		return TENDER_ERR_LIMIT;
	}
	mctx = pcre2_match_context_create(NULL);
	md = pcre2_match_data_create_from_pattern(p->code, NULL);
	if (!mctx || !md) {
		pcre2_match_context_free(mctx);
		pcre2_match_data_free(md);
		return TENDER_ERR_NOMEM;
	}
	pcre2_set_match_limit(mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(mctx, MATCH_DEPTH_LIMIT);
	pcre2_set_heap_limit(mctx, MATCH_HEAP_LIMIT_KIB);
	rc = pcre2_match(p->code, (PCRE2_SPTR)subject, length, 0, 0, md, mctx);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mctx);
	if (rc >= 0) {
		*found = 1;
		return TENDER_OK;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return TENDER_OK;
	{
		PCRE2_UCHAR message[160];

		pcre2_get_error_message(rc, message, sizeof(message));
		snprintf(why, why_size, "could not evaluate the pattern: %s",
			 (const char *)message);
	}
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		return TENDER_ERR_LIMIT;
	return rc == PCRE2_ERROR_NOMEMORY ? TENDER_ERR_NOMEM : TENDER_ERR_INTERNAL;
}
