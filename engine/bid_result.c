/*
 * bid_result.c - a bid's result: adding a problem, the names of a
 * score's states, why it is not ranked (see bid_result.h).
 */
#include "bid_result.h"

#include "alloc.h"
#include "ruleset.h"
#include "strbuf.h"

#include <assert.h>
#include <string.h>

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

enum tender_status bid_reasons(const struct ruleset *rs, const struct bid_result *b,
			       bid_reason_fn fn, void *ctx)
{
	int ok = 1;

	if (b->rank)
		return TENDER_OK;
	for (size_t i = 0; ok && b->evaluated && i < rs->n_gates; i++) {
		struct strbuf sb = STRBUF_INIT_WHOLE;

		if (b->gates[i].passed)
			continue;
		strbuf_addf(&sb, "failed gate %s (%s)", rs->gates[i].id, rs->gates[i].title);
		ok = strbuf_status(&sb) == TENDER_OK && fn(ctx, strbuf_str(&sb));
		strbuf_release(&sb);
	}
	for (size_t i = 0; ok && i < b->n_problems; i++)
		ok = fn(ctx, b->problems[i]);
	if (ok && b->exclusion &&
	    !(b->n_problems && strcmp(b->exclusion, EVAL_EXCLUSION_PROBLEMS) == 0))
		ok = fn(ctx, b->exclusion);
	return ok ? TENDER_OK : TENDER_ERR_NOMEM;
}
