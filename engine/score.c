/*
 * score.c - the helpers the rule kinds' scoring shares (see score.h).
 */
#include "score.h"

#include "alloc.h"
#include "strbuf.h"

int explain(struct score *s, const char *fmt, ...)
{
	va_list ap;

	tender_free(s->explanation);
	va_start(ap, fmt);
	s->explanation = strbuf_vformat(fmt, ap);
	va_end(ap);
	return s->explanation != NULL;
}

void rule_error(struct bid_ctx *c, struct score *s, const char *rule_id, const char *why)
{
	s->state = SCORE_ERROR;
	s->points = 0;
	if (!explain(s, "could not evaluate: %s", why) ||
	    bid_add_problem(c->b, "rule %s could not be evaluated: %s", rule_id, why))
		c->nomem = 1;
}

int add_flag(struct bid_result *b, size_t flag, char *message)
{
	struct flag_hit *hits;

	if (!message)
		return 0;
	hits = tender_realloc(b->flags, (b->n_flags + 1) * sizeof(*hits));
	if (!hits) {
		tender_free(message);
		return 0;
	}
	b->flags = hits;
	hits[b->n_flags] = (struct flag_hit){.flag = flag, .message = message};
	b->n_flags++;
	return 1;
}

int bid_exclude(struct bid_result *b, const char *fmt, ...)
{
	va_list ap;

	b->compliant = 0;
	if (b->exclusion)
		return 1; /* the first reason stands */
	va_start(ap, fmt);
	b->exclusion = strbuf_vformat(fmt, ap);
	va_end(ap);
	return b->exclusion != NULL;
}
