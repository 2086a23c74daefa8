/*
 * rank.c - compliance, group subtotals and totals, tie-breaks and ranking:
 * the parts of the cross-bid phase that know no scoring method or flag kind
 * (see rank.h).
 */
#include "rank.h"

#include "alloc.h"
#include "kinds.h"
#include "money.h"
#include "score.h"
#include "strbuf.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

int rank_first_compliance(const struct ruleset *rs, struct bid_result *b)
{
	b->compliant = b->evaluated && b->n_problems == 0;
	for (size_t i = 0; i < rs->n_gates && b->compliant; i++)
		b->compliant = b->gates[i].passed;
	if (b->evaluated && b->n_problems)
		return bid_exclude(b, EVAL_EXCLUSION_PROBLEMS);
	for (size_t i = 0; i < b->n_flags && b->compliant; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		if (f->excludes &&
		    !bid_exclude(b, "flag %s (%s) excludes the bid", f->id, f->title))
			return 0;
	}
	return 1;
}

/* The panel's entry (`what` DATE on FLAG) for bid that no raised flag took
 * (*used still 0): a problem on the bid, which is then not compliant; *used
 * is set once reported. Returns 0 when out of memory. */
static int unraised(struct bid_result *bids, size_t n_bids, const char *bid, int *used,
		    const char *what, const char *date, const char *flag)
{
	for (size_t k = 0; !*used && k < n_bids; k++)
		if (bids[k].id && strcmp(bids[k].id, bid) == 0) {
			if (bid_add_problem(&bids[k],
					    "%s %s on flag %s concerns a flag that was not raised "
					    "on this bid",
					    what, date, flag))
				return 0;
			bids[k].compliant = 0;
			*used = 1;
		}
	return 1;
}

int rank_apply_decisions(const struct ruleset *rs, struct bid_result *bids, size_t n_bids,
			 struct panel_scores *panel)
{
	for (size_t i = 0; i < n_bids; i++) {
		struct bid_result *b = &bids[i];

		for (size_t k = 0; b->id && k < b->n_flags; k++) {
			const struct flag *f = &rs->flags[b->flags[k].flag];
			struct panel_decision *d = panel_find_decision(panel, b->id, f->id);
			struct panel_explanation *e = panel_find_explanation(panel, b->id, f->id);

			if (e) {
				e->used = 1;
				b->flags[k].explanation = e;
			}
			if (!d)
				continue;
			d->used = 1;
			b->flags[k].decision = d;
			if (d->excluded && b->compliant &&
			    !bid_exclude(b,
					 "the panel decided on %s (agreed by %s) to exclude the "
					 "bid for flag %s (%s)",
					 d->date, d->agreed_by, f->id, f->title))
				return 0;
		}
	}
	for (size_t i = 0; panel && i < panel->n_decisions; i++) {
		struct panel_decision *d = &panel->decisions[i];

		if (!unraised(bids, n_bids, d->bid, &d->used, "the panel's decision of", d->date,
			      d->flag))
			return 0;
	}
	for (size_t i = 0; panel && i < panel->n_explanations; i++) {
		struct panel_explanation *e = &panel->explanations[i];

		if (!unraised(bids, n_bids, e->bid, &e->used, "the explanation asked on",
			      e->requested, e->flag))
			return 0;
	}
	return 1;
}

int rank_exclude_flagged(const struct ruleset *rs, struct bid_result *bids, size_t n_bids)
{
	for (size_t i = 0; i < n_bids; i++)
		for (size_t k = 0; k < bids[i].n_flags; k++) {
			const struct flag *f = &rs->flags[bids[i].flags[k].flag];

			assert(bids[i].flags[k].flag < rs->n_flags);
			/* a per-bid flag that excludes already made its bid not
			 * compliant (rank_first_compliance) */
			if (f->excludes && bids[i].compliant &&
			    !bid_exclude(&bids[i], "flag %s (%s) excludes the bid", f->id,
					 f->title))
				return 0;
		}
	return 1;
}

/* Group subtotals and totals; criteria come after their group in the
 * array, so a backwards pass adds each node into its parent. */
static void add_up(const struct ruleset *rs, struct bid_result *b)
{
	for (size_t i = 0; i < rs->n_nodes; i++)
		if (rule_is_group(&rs->nodes[i]))
			b->scores[i].points = 0;
	b->total = 0;
	for (size_t i = rs->n_nodes; i-- > 0;) {
		const struct rule_node *n = &rs->nodes[i];
		const struct score *s = &b->scores[i];
		int64_t points = rule_is_group(n) || s->state == SCORE_DONE ? s->points : 0;

		assert(n->parent < (int)i);
		assert(points <= n->points);
		if (n->parent < 0)
			b->total += points;
		else
			b->scores[n->parent].points += points;
	}
	for (size_t i = 0; i < rs->n_nodes; i++)
		if (rule_is_group(&rs->nodes[i]))
			b->scores[i].state = SCORE_DONE;
}

/* "pathway-coverage 10.00 + pooled-budget 5.00 + ... = 29.00" for each
 * group of an evaluated bid. */
static int explain_groups(const struct ruleset *rs, struct bid_result *b)
{
	for (size_t g = 0; g < rs->n_nodes && b->evaluated; g++) {
		struct strbuf sb = STRBUF_INIT_WHOLE;

		if (!rule_is_group(&rs->nodes[g]))
			continue;
		for (size_t i = 0; i < rs->n_nodes; i++) {
			const struct score *s = &b->scores[i];
			int counted = rule_is_group(&rs->nodes[i]) || s->state == SCORE_DONE;

			if (rs->nodes[i].parent != (int)g)
				continue;
			strbuf_addf(&sb, "%s%s %s", sb.len ? " + " : "", rs->nodes[i].id,
				    counted ? pts(rs, s->points).s : "(not scored)");
		}
		strbuf_addf(&sb, " = %s", pts(rs, b->scores[g].points).s);
		tender_free(b->scores[g].explanation);
		b->scores[g].explanation = strbuf_detach(&sb);
		if (!b->scores[g].explanation)
			return 0;
	}
	return 1;
}

int rank_add_up(const struct ruleset *rs, struct bid_result *b)
{
	add_up(rs, b);
	return explain_groups(rs, b);
}

/* The value a tie-break compares for a bid: the points, or the price. */
static int64_t tie_value(const struct tie_break *t, const struct bid_result *b)
{
	const struct score *s = &b->scores[t->node];
	int64_t price_minor;

	if (!t->on_value)
		return s->points;
	price_score_value(s, &price_minor); /* a bid without a price compares as it is */
	return price_minor;
}

/* The tie-break that separates two bids of equal totals: its index, with
 * *order <0 when a goes above b; -1 when none does. */
static int deciding_tie(const struct ruleset *rs, const struct bid_result *a,
			const struct bid_result *b, int *order)
{
	for (size_t i = 0; i < rs->n_ties; i++) {
		const struct tie_break *t = &rs->ties[i];
		int64_t vx, vy;

		assert(t->node >= 0 && (size_t)t->node < rs->n_nodes);
		vx = tie_value(t, a);
		vy = tie_value(t, b);
		if (vx == vy) /* exact: equality of fixed-point values is transitive */
			continue;
		*order = (vx > vy) == t->prefer_higher ? -1 : 1;
		return (int)i;
	}
	return -1;
}

/* Orders two compliant bids: <0 when a ranks above b, 0 when tied after
 * every tie-break. */
static int compare_bids(const struct ruleset *rs, const struct bid_result *a,
			const struct bid_result *b)
{
	int order = 0;

	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return deciding_tie(rs, a, b, &order) < 0 ? 0 : order;
}

/* A tie-break's value of a bid as the tie's text shows it. */
static void tie_value_text(const struct ruleset *rs, const struct tie_break *t,
			   const struct bid_result *b, int decimals, char *buf, size_t size)
{
	if (t->on_value)
		snprintf(buf, size, "%s", money_text(tie_value(t, b), decimals).s);
	else
		snprintf(buf, size, "%s", pts(rs, tie_value(t, b)).s);
}

/* Records on both bids, placed next to each other with equal totals, the
 * tie-break that separated them. */
static int record_tie(const struct ruleset *rs, struct bid_result *bids, size_t above, size_t below,
		      int decimals)
{
	struct bid_result *pair[2] = {&bids[above], &bids[below]};
	int order = 0, t = deciding_tie(rs, pair[0], pair[1], &order);
	const struct tie_break *tb;
	const struct rule_node *n;

	assert(t >= 0 && (size_t)t < rs->n_ties && order < 0);
	tb = &rs->ties[t];
	n = &rs->nodes[tb->node];
	for (int k = 0; k < 2; k++) {
		struct bid_result *b = pair[k], *o = pair[1 - k];
		struct tie_result *grown =
		    tender_realloc(b->ties, (b->n_ties + 1) * sizeof(*grown));
		char v1[64], v2[64];

		if (!grown)
			return 0;
		b->ties = grown;
		tie_value_text(rs, tb, b, decimals, v1, sizeof(v1));
		tie_value_text(rs, tb, o, decimals, v2, sizeof(v2));
		grown[b->n_ties] = (struct tie_result){(size_t)(o - bids), (size_t)t, k == 0, NULL};
		grown[b->n_ties].text = strbuf_format(
		    "equal total with %s; placed %s it by tie-break %d, %s %s of %s: %s against %s",
		    o->id, k == 0 ? "above" : "below", t + 1,
		    tb->prefer_higher ? "higher" : "lower", tb->on_value ? "value" : "points",
		    n->id, v1, v2);
		if (!grown[b->n_ties++].text)
			return 0;
	}
	return 1;
}

int rank_bids(const struct ruleset *rs, struct bid_result *bids, size_t n_bids, int decimals)
{
	size_t *order = tender_calloc(n_bids, sizeof(*order)), n = 0;

	if (!order)
		return 0;
	for (size_t i = 0; i < n_bids; i++)
		if (bids[i].compliant)
			order[n++] = i;
	/* Insertion sort: a tender has tens of bids, and the order of equal
	 * bids must not matter (they get the same rank). */
	for (size_t i = 1; i < n; i++) {
		size_t v = order[i], k = i;

		while (k > 0 && compare_bids(rs, &bids[v], &bids[order[k - 1]]) < 0) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = v;
	}
	for (size_t i = 0; i < n; i++) {
		struct bid_result *b = &bids[order[i]];

		if (i > 0 && compare_bids(rs, b, &bids[order[i - 1]]) == 0) {
			b->rank = bids[order[i - 1]].rank;
			b->tied = bids[order[i - 1]].tied = 1;
		} else {
			b->rank = (int)i + 1;
			if (i > 0 && b->total == bids[order[i - 1]].total &&
			    !record_tie(rs, bids, order[i - 1], order[i], decimals)) {
				tender_free(order);
				return 0;
			}
		}
		assert(b->rank >= 1 && (size_t)b->rank <= i + 1);
	}
	tender_free(order);
	return 1;
}
