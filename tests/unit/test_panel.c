/*
 * test_panel.c - the panel module on its own: reading the evaluators and
 * their scores, finding conflicts of interest by organisation name, and
 * moderation under each policy (median, mean, consensus, missing scores,
 * quorum, conflicted evaluators), with every expected figure worked out
 * here; and an out-of-memory loop over reading and moderating.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "panel.h"

static const char tender_xml[] =
	"<tender xmlns='urn:tender:bid:1'><panel>"
	"<evaluator id='E1' name='Ann' role='Chair'/>"
	"<evaluator id='E2' name='Bob' role='Clinician'>"
	"<interest organisation='BEECH HEALTH' nature='Director'/>"
	"<interest organisation='Chalk Lane Partners Ltd.' nature='Spouse is a partner'/>"
	"</evaluator>"
	"<evaluator id='E3' name='Cy' role='Finance'/>"
	"<evaluator id='E4' name='Di' role='Lay member'>"
	"<interest organisation='Beech Healthcare' nature='Trustee'/>"
	"</evaluator>"
	"</panel></tender>";

/* B1: Q1 4 4 5 3; Q2 3 5 (E3, E4 missing); Q3 moderated 1 by E1 E2 E3.
 * B2: Q1 2 5 3 2 (E2 conflicted with B2's member); Q2 moderated 3 by E1 E2. */
static const char scores_xml[] =
	"<panel-scores xmlns='urn:tender:bid:1' tender='T'>"
	"<score evaluator='E1' bid='B1' question='Q1' value='4'>ok</score>"
	"<score evaluator='E2' bid='B1' question='Q1' value='4'/>"
	"<score evaluator='E3' bid='B1' question='Q1' value='5'/>"
	"<score evaluator='E4' bid='B1' question='Q1' value='3'/>"
	"<score evaluator='E2' bid='B1' question='Q2' value='5'/>"
	"<score evaluator='E1' bid='B1' question='Q2' value='3'/>"
	"<score evaluator='E1' bid='B1' question='Q3' value='3'/>"
	"<score evaluator='E2' bid='B1' question='Q3' value='4'/>"
	"<score evaluator='E3' bid='B1' question='Q3' value='3'/>"
	"<score evaluator='E4' bid='B1' question='Q3' value='4'/>"
	"<score evaluator='E1' bid='B2' question='Q1' value='2'/>"
	"<score evaluator='E2' bid='B2' question='Q1' value='5'/>"
	"<score evaluator='E3' bid='B2' question='Q1' value='3'/>"
	"<score evaluator='E4' bid='B2' question='Q1' value='2'/>"
	"<moderated bid='B1' question='Q3' value='1' agreed-by='E1 E2 E3'/>"
	"<moderated bid='B2' question='Q2' value='3' agreed-by='E1  E2'>two</moderated>"
	"</panel-scores>";

struct fixture {
	struct xml_doc *tender, *scores;
	struct panel_scores ps;
};

static int setup(void **state)
{
	static struct fixture f;
	struct tender_error err = {0};

	if (xml_load_memory(tender_xml, sizeof(tender_xml) - 1, "tender", &f.tender, &err) ||
	    xml_load_memory(scores_xml, sizeof(scores_xml) - 1, "scores", &f.scores, &err) ||
	    panel_read(xml_doc_root(f.tender), f.scores, &f.ps))
		return -1;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	panel_scores_release(&f->ps);
	xml_doc_free(f->tender);
	xml_doc_free(f->scores);
	return 0;
}

static const struct panel_policy median = {PANEL_MEDIAN, 1, 0, 0};

static void test_reads_members_and_scores(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->ps.n_members, 4);
	assert_string_equal(f->ps.members[1].name, "Bob");
	assert_string_equal(f->ps.members[1].role, "Clinician");
	assert_int_equal(f->ps.members[1].n_interests, 2);
	assert_string_equal(f->ps.members[1].interests[1].nature, "Spouse is a partner");
	assert_int_equal(f->ps.n_scores, 14);
	assert_int_equal(f->ps.n_moderated, 2);
	assert_string_equal(f->ps.scores[0].note, "ok");
}

static void test_conflicts_by_folded_name(void **state)
{
	struct fixture *f = *state;
	char *members[] = {"Beech Health Ltd", "Chalk Lane Partners Limited"};
	char *others[] = {"Beech Care Ltd", "Ash Care"};
	struct panel_conflict *c;
	size_t n;

	/* the bidder "beech health limited": E2's first interest; the member
	 * Chalk Lane Partners Limited: E2's second; E4's "Beech Healthcare" is
	 * another name (but "Beech Health Care" is the same: spaces do not make
	 * a name, as for Companies House) */
	assert_int_equal(panel_find_conflicts(&f->ps, "beech health limited", members, 2, &c, &n),
			 TENDER_OK);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].member, 1);
	assert_int_equal(c[0].interest, 0);
	assert_true(c[0].is_bidder);
	assert_string_equal(c[0].party, "beech health limited");
	assert_int_equal(c[1].interest, 1);
	assert_false(c[1].is_bidder);
	assert_string_equal(c[1].party, "Chalk Lane Partners Limited");
	assert_true(panel_conflicted(c, n, 1));
	assert_false(panel_conflicted(c, n, 3));
	panel_conflicts_release(c, n);

	assert_int_equal(panel_find_conflicts(&f->ps, "Cedar", others, 2, &c, &n), TENDER_OK);
	assert_int_equal(n, 0);
	panel_conflicts_release(c, n);
	assert_int_equal(panel_find_conflicts(&f->ps, "Beech\u00A0Health Care Ltd", NULL, 0, &c,
					      &n),
			 TENDER_OK);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].member, 3);
	panel_conflicts_release(c, n);
	/* an empty name matches nothing, not even an empty interest */
	assert_int_equal(panel_find_conflicts(&f->ps, "", NULL, 0, &c, &n), TENDER_OK);
	assert_int_equal(n, 0);
	panel_conflicts_release(c, n);
}

static void test_median_and_mean(void **state)
{
	struct fixture *f = *state;
	struct panel_policy mean = median;
	struct panel_record r;

	/* 3 4 4 5: median (4 + 4) / 2 = 4, mean 16 / 4 = 4 */
	assert_int_equal(panel_decide(&f->ps, &median, "B1", "Q1", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_MEDIAN);
	assert_string_equal(ratio_text(r.value).s, "4");
	assert_int_equal(r.n_counted, 4);
	assert_string_equal(decimal_text(r.low).s, "3");
	assert_string_equal(decimal_text(r.high).s, "5");
	assert_null(r.moderated);
	panel_record_release(&r);
	/* B2 Q1 2 5 3 2: median (2 + 3) / 2 = 2.5, mean 12 / 4 = 3 */
	mean.method = PANEL_MEAN;
	assert_int_equal(panel_decide(&f->ps, &mean, "B2", "Q1", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_MEAN);
	assert_string_equal(ratio_text(r.value).s, "3");
	panel_record_release(&r);
	assert_int_equal(panel_decide(&f->ps, &median, "B2", "Q1", NULL, 0, &r), TENDER_OK);
	assert_string_equal(ratio_text(r.value).s, "2.5");
	panel_record_release(&r);
}

static void test_moderated_wins_and_consensus_requires_it(void **state)
{
	struct fixture *f = *state;
	struct panel_policy consensus = median;
	struct panel_record r;

	assert_int_equal(panel_decide(&f->ps, &median, "B1", "Q3", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_MODERATED);
	assert_string_equal(ratio_text(r.value).s, "1");
	assert_int_equal(r.n_agreed_eligible, 3);
	assert_string_equal(decimal_text(r.low).s, "3");
	assert_string_equal(decimal_text(r.high).s, "4"); /* the individual scores are kept */
	panel_record_release(&r);

	consensus.method = PANEL_CONSENSUS;
	assert_int_equal(panel_decide(&f->ps, &consensus, "B1", "Q1", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_NONE);
	assert_string_equal(r.why, "question Q1 has no moderated score; the rule set's "
				   "moderation is consensus");
	panel_record_release(&r);
}

static void test_missing_scores(void **state)
{
	struct fixture *f = *state;
	struct panel_policy strict = median;
	struct panel_record r;

	/* B1 Q2: E1 3, E2 5, E3 and E4 missing: median 4 */
	assert_int_equal(panel_decide(&f->ps, &median, "B1", "Q2", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_MEDIAN);
	assert_string_equal(ratio_text(r.value).s, "4");
	assert_int_equal(r.n_missing, 2);
	assert_int_equal(r.marks[2].state, MARK_MISSING);
	assert_null(r.marks[2].score);
	/* marks follow the tender's order, not the file's */
	assert_int_equal(r.marks[0].member, 0);
	assert_string_equal(decimal_text(r.marks[0].score->value).s, "3");
	panel_record_release(&r);

	strict.require_moderated = 1;
	assert_int_equal(panel_decide(&f->ps, &strict, "B1", "Q2", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_NONE);
	assert_string_equal(r.why, "question Q2: E3, E4 did not score this bid and there is no "
				   "moderated score; the rule set requires the panel to agree "
				   "one when a score is missing");
	panel_record_release(&r);

	/* nobody scored: no score at all */
	assert_int_equal(panel_decide(&f->ps, &median, "B9", "Q1", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_NONE);
	assert_string_equal(r.why, "the panel has no score for question Q1");
	panel_record_release(&r);
}

static void test_quorum(void **state)
{
	struct fixture *f = *state;
	struct panel_policy three = median;
	struct panel_record r;

	three.min_evaluators = 3;
	assert_int_equal(panel_decide(&f->ps, &three, "B1", "Q2", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_NONE);
	assert_string_equal(r.why, "question Q2: only 2 evaluator score(s) count (E1, E2); the "
				   "rule set asks for at least 3");
	panel_record_release(&r);
	/* B2 Q2 moderated by E1 and E2 only */
	assert_int_equal(panel_decide(&f->ps, &three, "B2", "Q2", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_NONE);
	assert_int_equal(r.n_agreed_eligible, 2);
	panel_record_release(&r);
	/* B1 Q3 moderated by three */
	assert_int_equal(panel_decide(&f->ps, &three, "B1", "Q3", NULL, 0, &r), TENDER_OK);
	assert_int_equal(r.basis, BASIS_MODERATED);
	panel_record_release(&r);
}

static void test_conflicted_evaluator_excluded_or_kept(void **state)
{
	struct fixture *f = *state;
	struct panel_policy keep = median;
	const struct panel_conflict conflict = {1, 1, 0, "Chalk Lane Partners Limited"};
	struct panel_record r;

	/* B2 Q1 2 5 3 2 without E2's 5: 2 2 3 -> median 2, range 2-3 */
	assert_int_equal(panel_decide(&f->ps, &median, "B2", "Q1", &conflict, 1, &r), TENDER_OK);
	assert_string_equal(ratio_text(r.value).s, "2");
	assert_int_equal(r.n_counted, 3);
	assert_int_equal(r.n_excluded, 1);
	assert_int_equal(r.marks[1].state, MARK_EXCLUDED);
	assert_string_equal(decimal_text(r.marks[1].score->value).s, "5");
	assert_string_equal(decimal_text(r.low).s, "2");
	assert_string_equal(decimal_text(r.high).s, "3");
	panel_record_release(&r);

	keep.keep_conflicted = 1;
	assert_int_equal(panel_decide(&f->ps, &keep, "B2", "Q1", &conflict, 1, &r), TENDER_OK);
	assert_string_equal(ratio_text(r.value).s, "2.5");
	assert_int_equal(r.marks[1].state, MARK_COUNTED);
	panel_record_release(&r);

	/* a conflicted evaluator who agreed a moderated score does not count
	 * towards its quorum: B2 Q2 agreed by E1 and E2 */
	assert_int_equal(panel_decide(&f->ps, &median, "B2", "Q2", &conflict, 1, &r), TENDER_OK);
	assert_int_equal(r.n_agreed_eligible, 1);
	assert_int_equal(r.basis, BASIS_MODERATED); /* quorum 1 */
	/* E2 did not score B2 on Q2 and is conflicted: excluded, not missing */
	assert_int_equal(r.marks[1].state, MARK_EXCLUDED);
	assert_null(r.marks[1].score);
	assert_int_equal(r.n_missing, 3); /* E1, E3, E4 scored no individual score */
	panel_record_release(&r);
}

/* Every allocation of reading and moderating may fail: each run then
 * reports out of memory, and nothing leaks. */
static void test_out_of_memory(void **state)
{
	struct fixture *f = *state;
	int completed = 0;
	long n;

	for (n = 0; n < 10000 && !completed; n++) {
		struct panel_scores ps;
		struct panel_record r;
		struct panel_conflict *c = NULL;
		size_t nc = 0;
		char *members[] = {"Chalk Lane Partners Limited"};
		enum tender_status rc;

		alloc_fail_after(n);
		rc = panel_read(xml_doc_root(f->tender), f->scores, &ps);
		if (rc == TENDER_OK) {
			rc = panel_find_conflicts(&ps, "Beech Health", members, 1, &c, &nc);
			if (rc == TENDER_OK) {
				rc = panel_decide(&ps, &median, "B2", "Q1", c, nc, &r);
				if (rc == TENDER_OK)
					panel_record_release(&r);
				panel_conflicts_release(c, nc);
			}
			panel_scores_release(&ps);
		}
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (!completed)
			assert_int_equal(rc, TENDER_ERR_NOMEM);
		else
			assert_int_equal(rc, TENDER_OK);
	}
	assert_true(completed);
	print_message("read and moderated through %ld injected allocation failures\n", n - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_members_and_scores),
		cmocka_unit_test(test_conflicts_by_folded_name),
		cmocka_unit_test(test_median_and_mean),
		cmocka_unit_test(test_moderated_wins_and_consensus_requires_it),
		cmocka_unit_test(test_missing_scores),
		cmocka_unit_test(test_quorum),
		cmocka_unit_test(test_conflicted_evaluator_excluded_or_kept),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
