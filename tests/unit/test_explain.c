/*
 * test_explain.c - explain_bid, what `tender audit explain` shows, read from
 * a store made by evaluating two tenders (as test_store.c makes one):
 * evaluation 1 is tests/cases/0704-panel-conflict-bidder-excluded (a panel
 * with a conflicted evaluator), evaluation 2 the sample tender
 * bids/examples/wessex-vale (gates, one of them failed). Each test writes
 * the rows it is handed as lines of text and compares them with the
 * expected transcript.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "audit.h"
#include "explain.h"
#include "result.h"
#include "run.h"
#include "store.h"
#include "strbuf.h"
#include "support.h"

#define PANEL_CASE TENDER_SOURCE_DIR "/tests/cases/0704-panel-conflict-bidder-excluded/tender.xml"
#define SAMPLE TENDER_SOURCE_DIR "/bids/examples/wessex-vale/tender.xml"

static char dir[64], db_path[128];

/* Evaluates the tender at path and records it in s. */
static enum tender_status record(struct store *s, const char *path, struct tender_error *err)
{
	struct run r;
	struct evaluation ev;
	struct run_options opt = {.max_bytes = (size_t)1 << 24};
	char *xml = NULL;
	size_t size = 0;
	long long id = 0;
	enum tender_status rc = run_evaluate(&r, path, &opt, err);

	ev = run_record(&r);
	if (!rc)
		rc = result_serialise(&ev, &xml, &size);
	if (!rc)
		rc = audit_record(s, &ev, xml, size, &id, err);
	tender_free(xml);
	run_release(&r);
	return rc;
}

static int setup(void **state)
{
	struct tender_error err = {0};
	struct store *s = NULL;
	enum tender_status rc;

	(void)state;
	tender_library_init();
	snprintf(dir, sizeof(dir), "/tmp/tender-explain-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db_path, sizeof(db_path), "%s/store.db", dir);
	setenv("SOURCE_DATE_EPOCH", "1800000000", 1);
	rc = store_open(db_path, 0, &s, &err);
	if (!rc)
		rc = record(s, PANEL_CASE, &err);
	if (!rc)
		rc = record(s, SAMPLE, &err);
	if (rc)
		fprintf(stderr, "setup: %s\n", err.message);
	store_close(s);
	return rc ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	support_remove_store(dir, db_path);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* The rows, as lines of text. */

struct transcript {
	struct strbuf text;
	int n_rows;
	int stop_after; /* 0: never stop */
	char *explanation_q1; /* the explanation of the score of q1 */
};

static const char *or_null(const char *s)
{
	return s ? s : "NULL";
}

static void add_number(struct strbuf *sb, const char *name, struct explain_number n)
{
	if (n.present)
		strbuf_addf(sb, " %s=%g", name, n.value);
	else
		strbuf_addf(sb, " %s=none", name);
}

static void add_bid(struct strbuf *sb, const struct explain_bid *b)
{
	strbuf_addf(sb, "bid %s evaluation=%lld seq=%d bidder=%s file=%s compliant=%d", b->bid_id,
		    b->evaluation_id, b->seq, or_null(b->bidder), or_null(b->file), b->compliant);
	if (b->ranked)
		strbuf_addf(sb, " rank=%d tied=%d", b->rank, b->tied);
	else
		strbuf_addf(sb, " not-ranked=%s", or_null(b->exclusion));
	strbuf_addf(sb, " total=%s tender=%s created=%s rules=%s/%s precision=%d\n",
		    explain_points_text(b->total_points, b->precision).s, or_null(b->tender_id),
		    or_null(b->created), or_null(b->ruleset_id), or_null(b->ruleset_version),
		    b->precision);
}

static void add_panel_row(struct strbuf *sb, const struct explain_row *row)
{
	const struct explain_record *r = &row->record;

	switch (row->kind) {
	case EXPLAIN_POLICY:
		strbuf_addf(sb, "policy %s min=%d missing=%s conflicts=%s cite=%s\n",
			    row->policy.method, row->policy.min_evaluators, row->policy.missing,
			    row->policy.conflicts, or_null(row->policy.cite));
		break;
	case EXPLAIN_MEMBER:
		strbuf_addf(sb, "member %s (%s, %s)\n", row->member.evaluator_id, row->member.name,
			    row->member.role);
		break;
	case EXPLAIN_INTEREST:
		strbuf_addf(sb, "  interest %s (%s)\n", row->interest.organisation,
			    row->interest.nature);
		break;
	case EXPLAIN_CONFLICT:
		strbuf_addf(sb, "conflict %s %s party=%s relation=%s managed=%s nature=%s\n",
			    row->conflict.evaluator_id, row->conflict.organisation,
			    row->conflict.party, row->conflict.relation, row->conflict.managed,
			    row->conflict.nature);
		break;
	case EXPLAIN_RECORD:
		strbuf_addf(sb, "record %s %s %s", r->rule_id, r->question, r->basis);
		add_number(sb, "value", r->value);
		strbuf_addf(sb, " counted=%d excluded=%d missing=%d", r->counted, r->excluded,
			    r->missing);
		add_number(sb, "low", r->low);
		add_number(sb, "high", r->high);
		add_number(sb, "moderated", r->moderated);
		strbuf_addf(sb, " why=%s\n", or_null(r->why));
		break;
	case EXPLAIN_MARK:
		strbuf_addf(sb, "  mark %s %s", row->mark.evaluator_id, row->mark.state);
		add_number(sb, "value", row->mark.value);
		strbuf_addf(sb, " %s\n", or_null(row->mark.justification));
		break;
	case EXPLAIN_RECORD_END: strbuf_addf(sb, "end %s\n", r->rule_id); break;
	default: fail_msg("not a panel row: %d", (int)row->kind);
	}
}

static enum tender_status keep_row(void *ctx, const struct explain_row *row)
{
	struct transcript *t = ctx;
	struct strbuf *sb = &t->text;

	if (t->stop_after && t->n_rows == t->stop_after)
		return TENDER_ERR_NOMEM;
	t->n_rows++;
	switch (row->kind) {
	case EXPLAIN_BID: add_bid(sb, &row->bid); break;
	case EXPLAIN_PROBLEM: strbuf_addf(sb, "problem %s\n", row->problem); break;
	case EXPLAIN_GATE:
		strbuf_addf(sb, "gate %s %s\n", row->gate.gate_id, row->gate.passed ? "PASS" : "FAIL");
		break;
	case EXPLAIN_SCORE:
		strbuf_addf(sb, "score %s %s %s/%s\n", row->score.rule_id, row->score.state,
			    explain_points_text(row->score.points, row->score.precision).s,
			    explain_points_text(row->score.max_points, row->score.precision).s);
		if (strcmp(row->score.rule_id, "q1") == 0)
			t->explanation_q1 = tender_strdup(or_null(row->score.explanation));
		break;
	case EXPLAIN_FLAG:
		strbuf_addf(sb, "flag %s %s (%s)\n", row->flag.flag_id, row->flag.severity,
			    row->flag.cite);
		break;
	default: add_panel_row(sb, row); break;
	}
	return TENDER_OK;
}

static void transcript_release(struct transcript *t)
{
	strbuf_release(&t->text);
	tender_free(t->explanation_q1);
}

/* Explains bid in evaluation (0: the newest that has it) into t; returns
 * what explain_bid returned and *found. */
static enum tender_status explain(const char *bid, long long evaluation, struct transcript *t,
				  int *found)
{
	struct store *s = NULL;
	struct tender_error err = {0};
	enum tender_status rc;

	assert_int_equal(store_open(db_path, 1, &s, &err), TENDER_OK);
	rc = explain_bid(s, bid, evaluation, keep_row, t, found, &err);
	store_close(s);
	return rc;
}

/* ---------------------------------------------------------------------- */

/* Every score, the flag and the whole panel record of the bid whose
 * bidder an evaluator declared an interest in, in order. */
static void test_explains_a_bid_with_its_panel_record(void **state)
{
	struct transcript t = {STRBUF_INIT, 0, 0, NULL};
	int found = 0;

	(void)state;
	assert_int_equal(explain("E-B", 0, &t, &found), TENDER_OK);
	assert_true(found);
	assert_string_equal(
		strbuf_str(&t.text),
		"bid E-B evaluation=1 seq=1 bidder=Beech Health Ltd file=bids/b.xml compliant=1"
		" rank=3 tied=0 total=76.67 tender=PANEL-0704 created=2027-01-15T08:00:00Z"
		" rules=panel/1 precision=2\n"
		"score record scored 20.00/20.00\n"
		"score q1 scored 6.00/15.00\n"
		"score q2 scored 9.00/15.00\n"
		"score price scored 41.67/50.00\n"
		"flag evaluator-conflict high (PSR 2023 reg 21)\n"
		"policy median min=1 missing=ignore conflicts=exclude cite=NULL\n"
		"member E1 (Evaluator 1, Panel member)\n"
		"member E2 (Evaluator 2, Panel member)\n"
		"  interest BEECH HEALTH (Non-executive director)\n"
		"  interest Beech Healthcare Ltd (Shareholder)\n"
		"member E3 (Evaluator 3, Panel member)\n"
		"member E4 (Evaluator 4, Panel member)\n"
		"  interest Ash Care Trust (Trustee)\n"
		"conflict E2 BEECH HEALTH party=Beech Health Ltd relation=bidder managed=excluded"
		" nature=Non-executive director\n"
		"record q1 Q1 median value=2 counted=3 excluded=1 missing=0 low=2 high=3"
		" moderated=none why=NULL\n"
		"  mark E1 counted value=2 E1 on E-B Q1.\n"
		"  mark E2 excluded value=5 E2 on E-B Q1.\n"
		"  mark E3 counted value=3 E3 on E-B Q1.\n"
		"  mark E4 counted value=2 E4 on E-B Q1.\n"
		"end q1\n"
		"record q2 Q2 median value=3 counted=3 excluded=1 missing=0 low=1 high=3"
		" moderated=none why=NULL\n"
		"  mark E1 counted value=1 E1 on E-B Q2.\n"
		"  mark E2 excluded value=3 E2 on E-B Q2.\n"
		"  mark E3 counted value=3 E3 on E-B Q2.\n"
		"  mark E4 counted value=3 E4 on E-B Q2.\n"
		"end q2\n");
	/* the explanation is the one the evaluation recorded, whole */
	assert_non_null(t.explanation_q1);
	assert_string_equal(t.explanation_q1,
			    "E1 2, E2 5 (excluded: conflict of interest), E3 3, E4 2: median 2 on "
			    "0\xe2\x80\x93"
			    "5: (2 \xe2\x88\x92 0) / (5 \xe2\x88\x92 0) \xc3\x97 15.00 = 6.00");
	transcript_release(&t);
}

/* A bid that failed a gate is not ranked: the exclusion, then every gate
 * with the failed one. */
static void test_explains_a_failed_gate(void **state)
{
	struct transcript t = {STRBUF_INIT, 0, 0, NULL};
	const char *text, *gates;
	int found = 0;

	(void)state;
	assert_int_equal(explain("WV-B02", 0, &t, &found), TENDER_OK);
	assert_true(found);
	text = strbuf_str(&t.text);
	assert_non_null(strstr(text, "bid WV-B02 evaluation=2 "));
	assert_non_null(strstr(text, " compliant=0 not-ranked="));
	gates = strstr(text, "\ngate ");
	assert_non_null(gates);
	assert_non_null(strstr(gates, "gate cqc-registration FAIL\n"));
	/* the gates come before the scores, in the rule set's order */
	assert_true(strstr(text, "\nscore ") == NULL || strstr(text, "\nscore ") > gates);
	transcript_release(&t);
}

/* No such bid, or not in the evaluation asked for: nothing is handed on. */
static void test_unknown_bid_is_not_found(void **state)
{
	struct transcript t = {STRBUF_INIT, 0, 0, NULL};
	int found = 1;

	(void)state;
	assert_int_equal(explain("NO-SUCH-BID", 0, &t, &found), TENDER_OK);
	assert_false(found);
	assert_int_equal(t.n_rows, 0);
	found = 1;
	assert_int_equal(explain("E-B", 2, &t, &found), TENDER_OK);
	assert_false(found);
	assert_int_equal(t.n_rows, 0);
	assert_int_equal(explain("E-B", 1, &t, &found), TENDER_OK);
	assert_true(found);
	transcript_release(&t);
}

/* What the callback returns stops the rows and is returned. */
static void test_callback_stops_the_rows(void **state)
{
	struct transcript t = {STRBUF_INIT, 0, 3, NULL};
	int found = 0;

	(void)state;
	assert_int_equal(explain("E-B", 0, &t, &found), TENDER_ERR_NOMEM);
	assert_int_equal(t.n_rows, 3);
	transcript_release(&t);
}

/* Stored points back at a precision, by the one rounding rule. */
static void test_points_text(void **state)
{
	(void)state;
	assert_string_equal(explain_points_text(41.666666666667, 2).s, "41.67");
	assert_string_equal(explain_points_text(0.125, 2).s, "0.13");
	assert_string_equal(explain_points_text(-0.001, 2).s, "0.00");
	assert_string_equal(explain_points_text(20, 0).s, "20");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explains_a_bid_with_its_panel_record),
		cmocka_unit_test(test_explains_a_failed_gate),
		cmocka_unit_test(test_unknown_bid_is_not_found),
		cmocka_unit_test(test_callback_stops_the_rows),
		cmocka_unit_test(test_points_text),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
