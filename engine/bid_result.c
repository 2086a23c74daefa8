/*
 * bid_result.c - a bid's result: adding a problem, and the names of a
 * score's states (see bid_result.h).
 */
#include "bid_result.h"

#include "alloc.h"
#include "ruleset.h"
#include "strbuf.h"

#include <assert.h>

const char *score_state_str(const struct rule_node *n, const struct score *s)
{
	if (rule_is_group(n))
		return "subtotal";
	switch (s->state) {
	case SCORE_DONE: return "scored";
	case SCORE_PENDING: return "pending";
	case SCORE_ERROR: return "error";
	case SCORE_NOT_SCORED: return "not-scored";
	}
	assert(!"a score state without a name");
	return "error";
}

enum tender_status bid_add_problem(struct bid_result *b, const char *fmt, ...)
{
	char **problems = tender_realloc(b->problems, (b->n_problems + 1) * sizeof(*problems));
	va_list ap;

	if (!problems)
		return TENDER_ERR_NOMEM;
	b->problems = problems;
	va_start(ap, fmt);
	problems[b->n_problems] = strbuf_vformat(fmt, ap);
	va_end(ap);
	return problems[b->n_problems++] ? TENDER_OK : TENDER_ERR_NOMEM;
}
