/*
 * regime_check.c - a rule set checked against the regime of the award (see
 * regime_check.h).
 */
#include "regime_check.h"

#include "alloc.h"
#include "csv.h"
#include "embedded.h"
#include "fold.h"
#include "kinds.h"
#include "strbuf.h"

#include <string.h>

/* Provider Selection Regime 2023 reg 5, in its order. */
static const struct {
	const char *token, *name;
} key_criteria[] = {
	{"quality-innovation", "quality and innovation"},
	{"value", "value"},
	{"integration-collaboration-sustainability",
	 "integration, collaboration and service sustainability"},
	{"access-inequalities-choice",
	 "improving access, reducing health inequalities and facilitating choice"},
	{"social-value", "social value"},
};

/* Whether an ancestor of node i answers to the same key criterion. */
static int inherits(const struct ruleset *rs, size_t i)
{
	for (int p = rs->nodes[i].parent; p >= 0; p = rs->nodes[p].parent)
		if (rs->nodes[p].key_criterion &&
		    !strcmp(rs->nodes[p].key_criterion, rs->nodes[i].key_criterion))
			return 1;
	return 0;
}

/* Under pa-2023 a price found abnormally low is not disregarded before the
 * supplier has been asked to show it can perform the contract for it
 * (Procurement Act 2023 s.19(4)): the panel's decision excludes, never the
 * flag alone. */
static enum tender_status alt_heard_first(const struct ruleset *rs, struct diag_list *diags)
{
	for (size_t i = 0; i < rs->n_flags; i++) {
		const struct flag *f = &rs->flags[i];

		if (f->excludes && !strcmp(f->ops->element, "abnormally-low") &&
		    diag_add(diags, DIAG_ERROR, f->line, f->column, "abnormally-low",
			     "flag %s: under pa-2023 an abnormally low price may be disregarded "
			     "only after the supplier has been asked to show that it can perform "
			     "the contract for it (Procurement Act 2023 s.19(4)): remove "
			     "excludes=\"true\"; the panel's decision, after the explanation, "
			     "excludes the bid",
			     f->id))
			return TENDER_ERR_NOMEM;
	}
	return TENDER_OK;
}

/* As regime_check_rules, with what a regime requires reported at severity. */
static enum tender_status check_rules(const struct ruleset *rs, enum regime regime,
				      enum diag_severity severity, struct diag_list *diags)
{
	int64_t social = 0;

	if (regime == REGIME_PA_2023)
		return alt_heard_first(rs, diags);
	if (regime != REGIME_PSR_2023)
		return TENDER_OK;
	for (size_t k = 0; k < sizeof(key_criteria) / sizeof(key_criteria[0]); k++) {
		int answered = 0;

		for (size_t i = 0; i < rs->n_nodes; i++) {
			const struct rule_node *n = &rs->nodes[i];

			if (!n->key_criterion || strcmp(n->key_criterion, key_criteria[k].token))
				continue;
			answered = 1;
			if (k == 4 && !inherits(rs, i))
				social += n->points;
		}
		if (!answered && diag_add(diags, severity, rs->line, rs->column, "key-criteria",
					  "under psr-2023 the key criterion '%s' (Provider "
					  "Selection Regime 2023 reg 5) must be considered: mark "
					  "the criterion or group that answers to it with "
					  "key-criterion=\"%s\"",
					  key_criteria[k].name, key_criteria[k].token))
			return TENDER_ERR_NOMEM;
	}
	if (!rs->key_justification &&
	    diag_add(diags, severity, rs->line, rs->column, "key-criteria",
		     "under psr-2023 the rule set must say why the key criteria weigh as they do "
		     "(<key-criteria><justification>, Provider Selection Regime 2023 regs 5 and 24): "
		     "the notice of intention and the reg 24 record give it"))
		return TENDER_ERR_NOMEM;
	/* 10% of the scale, exactly: social * 10 < scale */
	if (social < rs->scale / 10 + (rs->scale % 10 != 0) &&
	    diag_add(diags, DIAG_WARNING, rs->line, rs->column, "social-value",
		     "social value weighs %lld.%02lld%% of the total, under the 10%% minimum "
		     "weighting NHS England's guidance applies to it",
		     (long long)(social * 100 / rs->scale),
		     (long long)(social * 10000 / rs->scale % 100)))
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

enum tender_status regime_check_rules(const struct ruleset *rs, enum regime regime,
				      struct diag_list *diags)
{
	return check_rules(rs, regime, DIAG_ERROR, diags);
}

/* The instruments table: law/instruments.csv. */
enum { I_ID, I_TITLE, I_NUMBER, I_IN_FORCE, I_NO_NEW_FROM, I_NAMES, I_URL };
static const char INSTRUMENTS_HEADER[] = "id,title,number,in_force,no_new_from,names,url";

/* Whether instrument id is the law of the award under regime. */
static int law_of(const char *id, enum regime regime)
{
	const struct regime_info *r = regime_info(regime);

	if (!r)
		return 0;
	if (!strcmp(id, r->token))
		return 1;
	/* the Procurement Act's regulations; the 2013 Regulations' standstill */
	return (regime == REGIME_PA_2023 && !strcmp(id, "pr-2024")) ||
	       (regime == REGIME_NHS_2013 && !strcmp(id, "pcr-2015"));
}

/* The words of text (len bytes), folded (fold.h), with a space before and
 * after, into out (a whole strbuf): phrases then match at word boundaries.
 * Returns TENDER_OK or TENDER_ERR_NOMEM. */
static enum tender_status fold_padded(const char *text, size_t len, struct strbuf *out)
{
	char *words;
	enum tender_status rc = fold_words(text, len, &words, NULL);

	if (rc)
		return rc;
	strbuf_addf(out, " %s ", words);
	tender_free(words);
	return out->nomem ? TENDER_ERR_NOMEM : TENDER_OK;
}

/* The instruments table, with every name each row lists folded once
 * (fold_padded): the names of row r are phrases[first[r]] up to
 * phrases[first[r + 1]]. */
struct instruments {
	struct csv_table t;
	struct strbuf *phrases;
	size_t *first; /* n_rows + 1 */
	size_t n_phrases;
};

static void instruments_release(struct instruments *in)
{
	for (size_t i = 0; i < in->n_phrases; i++)
		strbuf_release(&in->phrases[i]);
	tender_free(in->phrases);
	tender_free(in->first);
	csv_release(&in->t);
}

/* Reads the shipped table into in (valid for instruments_release either
 * way). TENDER_ERR_INVALID: the table compiled in is broken. */
static enum tender_status instruments_load(struct instruments *in)
{
	size_t bad_line, n = 0;
	enum tender_status rc;

	memset(in, 0, sizeof(*in));
	rc = csv_read(embedded_instruments_csv, embedded_instruments_csv_size, INSTRUMENTS_HEADER,
		      &in->t, &bad_line);
	if (rc)
		return rc;
	for (size_t r = 0; r < in->t.n_rows; r++) { /* a name, and one more for each '|' */
		n++;
		for (const char *p = csv_cell(&in->t, r, I_NAMES); (p = strchr(p, '|')); p++)
			n++;
	}
	in->phrases = tender_calloc(n ? n : 1, sizeof(*in->phrases));
	in->first = tender_calloc(in->t.n_rows + 1, sizeof(*in->first));
	if (!in->phrases || !in->first)
		return TENDER_ERR_NOMEM;
	for (size_t r = 0; !rc && r < in->t.n_rows; r++) {
		in->first[r] = in->n_phrases;
		for (const char *p = csv_cell(&in->t, r, I_NAMES); !rc;) {
			size_t len = strcspn(p, "|");

			in->phrases[in->n_phrases] = (struct strbuf)STRBUF_INIT_WHOLE;
			rc = fold_padded(p, len, &in->phrases[in->n_phrases++]);
			if (!p[len])
				break;
			p += len + 1;
		}
	}
	in->first[in->t.n_rows] = in->n_phrases;
	return rc;
}

/* Whether the folded citation names instrument r (one of its names). */
static int cites(const struct instruments *in, size_t r, const char *folded)
{
	for (size_t i = in->first[r]; i < in->first[r + 1]; i++)
		if (in->phrases[i].len > 2 && strstr(folded, in->phrases[i].buf))
			return 1;
	return 0;
}

static enum tender_status check_one(const struct instruments *in, enum regime regime,
				    const char *notice_date, const char *rule, const char *cite,
				    int line, int column, struct diag_list *diags)
{
	const struct csv_table *t = &in->t;
	struct strbuf padded = STRBUF_INIT_WHOLE;
	enum tender_status rc;

	if (!cite)
		return TENDER_OK;
	rc = fold_padded(cite, strlen(cite), &padded);
	for (size_t r = 0; !rc && r < t->n_rows; r++) {
		const char *id = csv_cell(t, r, I_ID), *in_force = csv_cell(t, r, I_IN_FORCE);
		const char *no_new = csv_cell(t, r, I_NO_NEW_FROM);

		if (!cites(in, r, padded.buf) || law_of(id, regime))
			continue;
		if (strcmp(notice_date, in_force) < 0)
			rc = diag_add(diags, DIAG_WARNING, line, column, "citation",
				      "rule %s cites %s (%s), which comes into force on %s, after "
				      "the notice date %s",
				      rule, csv_cell(t, r, I_TITLE), csv_cell(t, r, I_NUMBER),
				      in_force, notice_date);
		else if (*no_new && strcmp(notice_date, no_new) >= 0)
			rc = diag_add(diags, DIAG_WARNING, line, column, "citation",
				      "rule %s cites %s (%s), under which no procurement may be "
				      "begun from %s; the award is under %s (notice date %s): cite "
				      "the provision of the law in force",
				      rule, csv_cell(t, r, I_TITLE), csv_cell(t, r, I_NUMBER), no_new,
				      regime_info(regime)->token, notice_date);
	}
	strbuf_release(&padded);
	return rc;
}

enum tender_status regime_check_citations(const struct ruleset *rs, enum regime regime,
					  const char *notice_date, struct diag_list *diags)
{
	struct instruments in;
	enum tender_status rc = instruments_load(&in);

	for (size_t i = 0; !rc && i < rs->n_gates; i++)
		rc = check_one(&in, regime, notice_date, rs->gates[i].id, rs->gates[i].cite,
			       rs->gates[i].line, rs->gates[i].column, diags);
	for (size_t i = 0; !rc && i < rs->n_nodes; i++)
		rc = check_one(&in, regime, notice_date, rs->nodes[i].id, rs->nodes[i].cite,
			       rs->nodes[i].line, rs->nodes[i].column, diags);
	for (size_t i = 0; !rc && i < rs->n_flags; i++)
		rc = check_one(&in, regime, notice_date, rs->flags[i].id, rs->flags[i].cite,
			       rs->flags[i].line, rs->flags[i].column, diags);
	if (!rc)
		rc = check_one(&in, regime, notice_date, "moderation", rs->moderation_cite,
			       rs->line, rs->column, diags);
	instruments_release(&in);
	return rc;
}

enum tender_status regime_check_tender(const struct ruleset *rs, enum regime regime,
				       const char *notice_date, int strict, struct diag_list *diags)
{
	enum tender_status rc = TENDER_OK;

	if (rs->regime && rs->regime != regime)
		return diag_add(diags, DIAG_ERROR, rs->line, rs->column, "regime",
				"the rule set is written for %s, but the award is made under %s: "
				"use a rule set for %s",
				regime_info(rs->regime)->token, regime_info(regime)->token,
				regime_info(regime)->token);
	/* what the rule set claims to meet is an error; what it never claimed,
	 * a warning unless asked for strictly */
	rc = check_rules(rs, regime, rs->regime || strict ? DIAG_ERROR : DIAG_WARNING, diags);
	if (!rc)
		rc = regime_check_citations(rs, regime, notice_date, diags);
	return rc;
}
