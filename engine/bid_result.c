/*
 * bid_result.c - a bid's result: made, rejected and released; a problem
 * added; the names of a score's states; why it is not ranked (see
 * bid_result.h).
 */
#include "bid_result.h"

#include "alloc.h"
#include "kinds.h"
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

enum tender_status bid_result_init(const struct ruleset *rs, const char *file,
				   struct bid_result *out)
{
	memset(out, 0, sizeof(*out));
	out->file = tender_strdup(file);
	out->gates = tender_calloc(rs->n_gates, sizeof(*out->gates));
	out->scores = tender_calloc(rs->n_nodes, sizeof(*out->scores));
	out->flag_data = tender_calloc(rs->n_flags, sizeof(*out->flag_data));
	if (!out->file || !out->gates || !out->scores || !out->flag_data)
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

enum tender_status bid_reject(const struct ruleset *rs, const char *file, const char *why,
			      struct bid_result *out)
{
	enum tender_status rc = bid_result_init(rs, file, out);

	if (rc)
		return rc;
	out->id = tender_strdup(file);
	out->bidder = tender_strdup("");
	if (!out->id || !out->bidder || bid_add_problem(out, "%s", why))
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

void bid_flag_data_release(struct bid_result *b, const struct ruleset *rs)
{
	for (size_t i = 0; b->flag_data && i < rs->n_flags; i++) {
		if (!b->flag_data[i])
			continue;
		/* only a kind with run_bid keeps data, and then it frees it */
		assert(rs->flags[i].ops->release_bid);
		rs->flags[i].ops->release_bid(b->flag_data[i]);
	}
	tender_free(b->flag_data);
	b->flag_data = NULL;
}

/* Frees a score's contents; n is its node. */
static void score_release(struct score *s, const struct rule_node *n)
{
	tender_free(s->explanation);
	if (s->panel)
		panel_record_release(s->panel);
	tender_free(s->panel);
	if (s->data) {
		assert(n->ops && n->ops->release_score);
		n->ops->release_score(s->data);
	}
}

void bid_result_release(struct bid_result *b, const struct ruleset *rs)
{
	for (size_t i = 0; b->gates && i < rs->n_gates; i++)
		tender_free(b->gates[i].message);
	for (size_t i = 0; b->scores && i < rs->n_nodes; i++)
		score_release(&b->scores[i], &rs->nodes[i]);
	panel_conflicts_release(b->conflicts, b->n_conflicts);
	for (size_t i = 0; i < b->n_ties; i++)
		tender_free(b->ties[i].text);
	tender_free(b->ties);
	bid_flag_data_release(b, rs);
	for (size_t i = 0; i < b->n_flags; i++) {
		tender_free(b->flags[i].message);
		tender_free(b->flags[i].questions);
	}
	for (size_t i = 0; i < b->n_problems; i++)
		tender_free(b->problems[i]);
	for (size_t i = 0; i < b->n_members; i++)
		tender_free(b->members[i]);
	tender_free(b->members);
	tender_free(b->problems);
	tender_free(b->flags);
	tender_free(b->gates);
	tender_free(b->scores);
	tender_free(b->file);
	tender_free(b->id);
	tender_free(b->bidder);
	tender_free(b->address);
	tender_free(b->exclusion);
	memset(b, 0, sizeof(*b));
}
