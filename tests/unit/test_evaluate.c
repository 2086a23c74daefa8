/*
 * test_evaluate.c - the scoring methods, cross-bid phase and ranking, on the
 * sample tender's bids under small rule sets written for each test, with
 * every expected figure computed here from the bids' known values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "run.h"

#define SAMPLE TENDER_SOURCE_DIR "/bids/examples/wessex-vale/"

/* Totals of the sample bids, in pounds. */
#define B01_TOTAL 767993645.75
#define B03_TOTAL 441427000.00 /* the lowest */
#define B05_TOTAL 746300000.00

static char dir[64];

/* Writes the sample panel's scores into dir without the panel's decisions
 * and explanations: they concern the flags of the shipped rule set, which
 * the rule sets of these tests do not raise. */
static void write_panel(void)
{
	FILE *in = fopen(SAMPLE "panel.xml", "r"), *out;
	char line[8192], path[128];

	assert_non_null(in);
	snprintf(path, sizeof(path), "%s/panel.xml", dir);
	out = fopen(path, "w");
	assert_non_null(out);
	while (fgets(line, sizeof(line), in))
		if (!strstr(line, "<decision ") && !strstr(line, "<explanation "))
			fputs(line, out);
	fclose(in);
	fclose(out);
}

/* Writes the sample tender into dir, pointing at dir/rules.xml, at
 * dir/panel.xml (write_panel) and at the sample bids by absolute path
 * (allowed: evaluate_with). */
static void write_tender(void)
{
	FILE *in = fopen(SAMPLE "tender.xml", "r"), *out;
	char line[4096], path[128];

	assert_non_null(in);
	write_panel();
	snprintf(path, sizeof(path), "%s/tender.xml", dir);
	out = fopen(path, "w");
	assert_non_null(out);
	while (fgets(line, sizeof(line), in)) {
		char *href = strstr(line, "href=\"");

		if (strstr(line, "<rules "))
			fputs("  <rules href=\"rules.xml\"/>\n", out);
		else if (strstr(line, "<panel-scores "))
			fputs("  <panel-scores href=\"panel.xml\"/>\n", out);
		else if (href)
			fprintf(out, "%.*shref=\"%s%s", (int)(href - line), line, SAMPLE, href + 6);
		else
			fputs(line, out);
	}
	fclose(in);
	fclose(out);
}

/* Evaluates the sample tender under a rule set whose body (everything after
 * <bid-identity>) is given. */
static enum tender_status evaluate_with(struct run *r, const char *body)
{
	char path[128];
	FILE *f;
	struct tender_error err = {0};

	snprintf(path, sizeof(path), "%s/rules.xml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f,
		"<ruleset xmlns=\"urn:tender:rules:1\" id=\"test\" version=\"1\">\n"
		"<title>test</title>\n"
		"<namespace prefix=\"b\" uri=\"urn:tender:bid:1\"/>\n"
		"<parameters><param name=\"low\" value=\"70\"/></parameters>\n"
		"<bid-identity id=\"string(/b:bid/@id)\" name=\"string(/b:bid/b:bidder/b:name)\"/>\n"
		"%s\n</ruleset>\n",
		body);
	fclose(f);
	snprintf(path, sizeof(path), "%s/tender.xml", dir);
	setenv("SOURCE_DATE_EPOCH", "1800000000", 1);
	{
		/* the bids and panel are read where they are, outside dir */
		static const char *const sample[] = {SAMPLE};
		struct run_options opt = {.max_bytes = XML_DEFAULT_MAX_BYTES,
					  .allow_outside = sample,
					  .n_allow_outside = 1};

		return run_evaluate(r, path, &opt, &err);
	}
}

static const struct bid_result *bid(const struct run *r, const char *id)
{
	for (size_t i = 0; i < r->n_bids; i++)
		if (strcmp(r->bids[i].id, id) == 0)
			return &r->bids[i];
	fail_msg("no bid %s", id);
	return NULL;
}

static const struct score *score(const struct run *r, const char *bid_id, const char *node)
{
	int i = ruleset_find(r->rules, node);

	assert_true(i >= 0);
	return &bid(r, bid_id)->scores[i];
}

static int has_flag(const struct run *r, const char *bid_id, const char *flag)
{
	const struct bid_result *b = bid(r, bid_id);

	for (size_t i = 0; i < b->n_flags; i++)
		if (strcmp(r->rules->flags[b->flags[i].flag].id, flag) == 0)
			return 1;
	return 0;
}

/* Points are exact fixed point (number.h); b is a reference computed
 * independently in doubles, whose own rounding may leave it one unit
 * (10^-12 points) from the engine's exact result. */
#define ASSERT_NEAR(a, b) assert_true(llabs((long long)(a) - llround((b) * 1e12)) <= 1)
#define ASSERT_EXPLAINS(s, text)                                                        \
	do {                                                                            \
		if (!strstr((s)->explanation, text))                                    \
			fail_msg("explanation '%s' lacks '%s'", (s)->explanation, text); \
	} while (0)

static void test_price_lowest_ratio(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(evaluate_with(&r, "<criteria><criterion id=\"p\" weight=\"100\"><title>p</title>"
					   "<price formula=\"lowest-ratio\" select=\"/b:bid/b:price/b:total\"/>"
					   "</criterion></criteria>"),
			 TENDER_OK);
	ASSERT_NEAR(score(&r, "WV-B01", "p")->points, 100 * B03_TOTAL / B01_TOTAL);
	ASSERT_NEAR(score(&r, "WV-B03", "p")->points, 100);
	ASSERT_EXPLAINS(score(&r, "WV-B01", "p"),
			"lowest 441,427,000.00 / this 767,993,645.75 × 100.00 = 57.48");
	assert_int_equal(bid(&r, "WV-B03")->rank, 1);
	assert_int_equal(bid(&r, "WV-B01")->rank, 3); /* after WV-B05 */
	assert_int_equal(bid(&r, "WV-B05")->rank, 2);
	run_release(&r);
}

static void test_price_linear_and_deviation(void **state)
{
	struct run r;
	double ceiling = 800000000.0;

	(void)state;
	assert_int_equal(
		evaluate_with(&r, "<criteria>"
				  "<criterion id=\"lin\" weight=\"50\"><title>l</title>"
				  "<price formula=\"linear\" select=\"/b:bid/b:price/b:total\" "
				  "ceiling=\"$tender/b:budget/b:total-max\"/></criterion>"
				  "<criterion id=\"dev\" weight=\"50\"><title>d</title>"
				  "<price formula=\"deviation\" select=\"/b:bid/b:price/b:total\"/>"
				  "</criterion></criteria>"),
		TENDER_OK);
	ASSERT_NEAR(score(&r, "WV-B01", "lin")->points,
		    50 * (ceiling - B01_TOTAL) / (ceiling - B03_TOTAL));
	ASSERT_NEAR(score(&r, "WV-B03", "lin")->points, 50);
	ASSERT_NEAR(score(&r, "WV-B01", "dev")->points,
		    50 * (1 - (B01_TOTAL - B03_TOTAL) / B03_TOTAL));
	ASSERT_NEAR(score(&r, "WV-B03", "dev")->points, 50);
	run_release(&r);
	/* A price more than twice the lowest: the deviation formula floors at 0
	 * (WV-B01's price is read with a 1 in front: 1,767,993,645.75). */
	assert_int_equal(
		evaluate_with(&r, "<criteria><criterion id=\"dev\" weight=\"100\"><title>d</title>"
				  "<price formula=\"deviation\" select=\"concat(substring('1', 1, number(/b:bid/@id = 'WV-B01')), "
				  "/b:bid/b:price/b:total)\"/>"
				  "</criterion></criteria>"),
		TENDER_OK);
	ASSERT_NEAR(score(&r, "WV-B01", "dev")->points, 0);
	ASSERT_EXPLAINS(score(&r, "WV-B01", "dev"), "(floored at 0)");
	run_release(&r);
}

static void test_scale_coverage_boolean(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(
		evaluate_with(
			&r,
			"<criteria>"
			"<criterion id=\"lin\" weight=\"20\"><title>l</title>"
			"<scale value=\"/b:bid/b:price/b:outcomes-based-pct\" from=\"0\" to=\"20\"/></criterion>"
			"<criterion id=\"band\" weight=\"20\"><title>b</title>"
			"<scale value=\"/b:bid/b:price/b:outcomes-based-pct\">"
			"<band to=\"12\" pct=\"0\"/><band from=\"12\" to=\"16\" pct=\"50\"/>"
			"<band from=\"16\" pct=\"100\"/></scale></criterion>"
			"<criterion id=\"nan\" weight=\"20\"><title>n</title>"
			"<scale value=\"/b:bid/b:nothing\" from=\"0\" to=\"1\"/></criterion>"
			"<criterion id=\"cov\" weight=\"20\"><title>c</title><coverage>"
			"<require label=\"acute\" test=\"//b:service[@line='acute']\"/>"
			"<require label=\"community\" test=\"//b:service[@line='community']\"/>"
			"<require label=\"mental health\" test=\"//b:service[@line='mental-health']\"/>"
			"<require label=\"primary care\" test=\"//b:service[@line='primary-care']\"/>"
			"<require label=\"social care\" test=\"//b:service[@line='social-care']\"/>"
			"</coverage></criterion>"
			"<criterion id=\"s75\" weight=\"20\"><title>s</title>"
			"<boolean test=\"//b:pooled-budget/@section-75 = 'true'\"/></criterion>"
			"</criteria>"),
		TENDER_OK);
	ASSERT_NEAR(score(&r, "WV-B01", "lin")->points, 15.0); /* 15% of 20% × 20 */
	ASSERT_NEAR(score(&r, "WV-B03", "lin")->points, 20.0);
	ASSERT_NEAR(score(&r, "WV-B05", "lin")->points, 10.0);
	ASSERT_NEAR(score(&r, "WV-B01", "band")->points, 10.0);
	ASSERT_NEAR(score(&r, "WV-B03", "band")->points, 20.0);
	ASSERT_NEAR(score(&r, "WV-B05", "band")->points, 0.0);
	ASSERT_EXPLAINS(score(&r, "WV-B01", "band"), "value 15 in band [12, 16): 50% × 20.00 = 10.00");
	ASSERT_NEAR(score(&r, "WV-B01", "nan")->points, 0.0);
	ASSERT_EXPLAINS(score(&r, "WV-B01", "nan"), "not a number");
	ASSERT_NEAR(score(&r, "WV-B01", "cov")->points, 20.0);
	ASSERT_NEAR(score(&r, "WV-B05", "cov")->points, 16.0);
	ASSERT_EXPLAINS(score(&r, "WV-B05", "cov"), "4 of 5 present (missing: social care)");
	ASSERT_NEAR(score(&r, "WV-B01", "s75")->points, 20.0);
	ASSERT_NEAR(score(&r, "WV-B05", "s75")->points, 0.0);
	run_release(&r);
}

static void test_panel_median_mean_moderated(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(
		evaluate_with(&r, "<criteria>"
				  "<criterion id=\"med\" weight=\"50\"><title>m</title>"
				  "<panel question=\"Q1\" min=\"0\" max=\"5\"/></criterion>"
				  "<criterion id=\"mean\" weight=\"25\"><title>m</title>"
				  "<panel question=\"Q1\" min=\"0\" max=\"5\" moderation=\"mean\"/></criterion>"
				  "<criterion id=\"mod\" weight=\"25\"><title>m</title>"
				  "<panel question=\"Q3\" min=\"0\" max=\"5\"/></criterion>"
				  "</criteria>"),
		TENDER_OK);
	/* WV-B01 on Q1: 5, 5, 4, 5 -> median 5, mean 4.75 */
	ASSERT_NEAR(score(&r, "WV-B01", "med")->points, 50);
	ASSERT_NEAR(score(&r, "WV-B01", "mean")->points, 25 * 4.75 / 5);
	ASSERT_EXPLAINS(score(&r, "WV-B01", "mean"), "E1 5, E2 5, E3 4, E4 5: mean 4.75");
	/* WV-B03 on Q3 was moderated to 2 */
	ASSERT_NEAR(score(&r, "WV-B03", "mod")->points, 25 * 2.0 / 5);
	ASSERT_EXPLAINS(score(&r, "WV-B03", "mod"), "moderated score 2 agreed by E1 E2 E3");
	run_release(&r);
}

static void test_match_is_capped(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(
		evaluate_with(&r, "<criteria><criterion id=\"m\" weight=\"3\"><title>m</title>"
				  "<match select=\"//b:answer[@question='Q2']\">"
				  "<pattern label=\"coordinator\" points=\"2\" caseless=\"true\">"
				  "named (care )?coordinator</pattern>"
				  "<pattern label=\"NHS number\" points=\"2\">NHS number</pattern>"
				  "<pattern label=\"never\" points=\"1\">zzqqzz</pattern>"
				  "</match></criterion></criteria>"
				  "<flags/>"),
		TENDER_ERR_INVALID); /* weights: 3 is not the scale 100 */
	run_release(&r);
	assert_int_equal(
		evaluate_with(&r, "<criteria><criterion id=\"m\" weight=\"100\"><title>m</title>"
				  "<match select=\"//b:answer[@question='Q2']\">"
				  "<pattern label=\"coordinator\" points=\"60\" caseless=\"true\">"
				  "named (care )?coordinator</pattern>"
				  "<pattern label=\"frailty\" points=\"60\">frailty</pattern>"
				  "<pattern label=\"never\" points=\"10\">zzqqzz</pattern>"
				  "</match></criterion></criteria>"),
		TENDER_OK);
	ASSERT_NEAR(score(&r, "WV-B01", "m")->points, 100);
	ASSERT_EXPLAINS(score(&r, "WV-B01", "m"),
			"found coordinator (+60), frailty (+60): 120, capped at 100.00 = 100.00");
	run_release(&r);
}

static void test_nonpositive_prices(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(evaluate_with(&r, "<criteria><criterion id=\"p\" weight=\"100\"><title>p</title>"
					   "<price formula=\"lowest-ratio\" select=\"'0.00'\"/>"
					   "</criterion></criteria>"),
			 TENDER_OK);
	for (size_t i = 0; i < r.n_bids; i++) {
		assert_int_equal(r.bids[i].compliant, 0);
		assert_int_equal(r.bids[i].rank, 0);
		assert_non_null(strstr(r.bids[i].exclusion, "zero or less"));
	}
	run_release(&r);
	assert_int_equal(evaluate_with(&r, "<criteria><criterion id=\"p\" weight=\"100\"><title>p</title>"
					   "<price formula=\"lowest-ratio\" select=\"'-1'\" "
					   "nonpositive=\"zero-points\"/></criterion></criteria>"),
			 TENDER_OK);
	for (size_t i = 0; i < r.n_bids; i++) {
		assert_int_equal(r.bids[i].compliant, 1);
		assert_int_equal(r.bids[i].rank, 1); /* all tied at 0 */
		assert_int_equal(r.bids[i].tied, 1);
		ASSERT_NEAR(r.bids[i].scores[0].points, 0);
	}
	run_release(&r);
}

static void test_ties_and_tie_breaks(void **state)
{
	struct run r;
	const char *criteria =
		"<criteria><criterion id=\"yes\" weight=\"90\"><title>y</title><boolean test=\"true()\"/>"
		"</criterion><criterion id=\"p\" weight=\"10\"><title>p</title>"
		"<price formula=\"lowest-ratio\" select=\"'100'\"/></criterion></criteria>";
	char body[2048];

	(void)state;
	/* Every bid scores the same: all rank 1, tied; never file order. */
	assert_int_equal(evaluate_with(&r, criteria), TENDER_OK);
	for (size_t i = 0; i < r.n_bids; i++) {
		assert_int_equal(r.bids[i].rank, r.bids[i].compliant ? 1 : 0);
		assert_int_equal(r.bids[i].tied, 1);
	}
	run_release(&r);
	/* Same totals, broken by the bid's own total price, lower first. */
	snprintf(body, sizeof(body),
		 "<criteria><criterion id=\"yes\" weight=\"90\"><title>y</title><boolean test=\"true()\"/>"
		 "</criterion><criterion id=\"p\" weight=\"10\"><title>p</title>"
		 "<price formula=\"lowest-ratio\" select=\"'100'\"/></criterion>"
		 "<criterion id=\"real\" weight=\"0\"><title>r</title>"
		 "<price formula=\"lowest-ratio\" select=\"/b:bid/b:price/b:total\"/></criterion>"
		 "</criteria><tie-breaks><tie-break ref=\"yes\" prefer=\"higher\"/>"
		 "<tie-break ref=\"real\" prefer=\"lower\" on=\"value\"/></tie-breaks>");
	assert_int_equal(evaluate_with(&r, body), TENDER_OK);
	assert_int_equal(bid(&r, "WV-B03")->rank, 1);
	assert_int_equal(bid(&r, "WV-B03")->tied, 0);
	assert_int_equal(bid(&r, "WV-B05")->rank, 2);
	assert_int_equal(bid(&r, "WV-B01")->rank, 3);
	assert_int_equal(bid(&r, "WV-B02")->rank, 4);
	/* WV-B06 and WV-B07 have identical prices: a tie the rules cannot break */
	assert_int_equal(bid(&r, "WV-B06")->rank, 5);
	assert_int_equal(bid(&r, "WV-B07")->rank, 5);
	assert_int_equal(bid(&r, "WV-B06")->tied, 1);
	assert_int_equal(bid(&r, "WV-B04")->rank, 7);
	run_release(&r);
}

static void test_gates_and_cross_bid_flags(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(
		evaluate_with(
			&r,
			"<gates><gate id=\"cqc\" test=\"//b:cqc-registration\" cite=\"HSCA 2008 s.10\">"
			"<title>CQC</title><message>No CQC registration for {=//b:bidder/b:name}</message>"
			"</gate></gates>"
			"<criteria><criterion id=\"p\" weight=\"100\"><title>p</title>"
			"<price formula=\"lowest-ratio\" select=\"/b:bid/b:price/b:total\"/></criterion>"
			"</criteria><flags>"
			"<flag id=\"low\" severity=\"high\" cite=\"PCR 2015 reg 69\"><title>low</title>"
			"<abnormally-low price=\"p\" below-pct=\"70\"/>"
			"<message>{price} is {pct-of-basis}% of the {basis} {basis-value}</message></flag>"
			"<flag id=\"same\" severity=\"high\" cite=\"CMA\"><title>same</title>"
			"<identical-price price=\"p\"/><message>same as {others}</message></flag>"
			"<flag id=\"coi\" severity=\"medium\" cite=\"reg 6\" excludes=\"true\"><title>c</title>"
			"<when test=\"//b:conflict\"/><message>conflict with {=//b:conflict/b:party}</message>"
			"</flag></flags>"),
		TENDER_OK);
	assert_int_equal(bid(&r, "WV-B02")->compliant, 0);
	assert_string_equal(bid(&r, "WV-B02")->gates[0].message,
			    "No CQC registration for Meridian Health Partners Ltd");
	assert_true(has_flag(&r, "WV-B03", "low"));
	assert_false(has_flag(&r, "WV-B01", "low"));
	assert_true(has_flag(&r, "WV-B06", "same"));
	assert_true(has_flag(&r, "WV-B07", "same"));
	assert_false(has_flag(&r, "WV-B01", "same"));
	assert_true(has_flag(&r, "WV-B04", "coi"));
	assert_int_equal(bid(&r, "WV-B04")->compliant, 0); /* the flag excludes */
	assert_non_null(strstr(bid(&r, "WV-B04")->exclusion, "flag coi"));
	/* the lowest price is the lowest among compliant bids */
	assert_int_equal(bid(&r, "WV-B03")->rank, 1);
	run_release(&r);
}

static void test_limits_are_errors_not_silence(void **state)
{
	struct run r;
	clock_t start = clock();

	(void)state;
	assert_int_equal(
		evaluate_with(&r, "<criteria><criterion id=\"cubic\" weight=\"50\"><title>c</title>"
				  "<boolean test=\"count(//*[count(//*[count(//*[count(//*) &gt; 0]) &gt; 0]) &gt; 0]) &gt; 0\"/>"
				  "</criterion><criterion id=\"re\" weight=\"50\"><title>r</title>"
				  "<match select=\"concat(/b:bid/@id, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')\">"
				  "<pattern label=\"catastrophic\" points=\"1\">(a|aa)+$</pattern>"
				  "</match></criterion></criteria>"),
		TENDER_OK);
	for (size_t i = 0; i < r.n_bids; i++) {
		assert_int_equal(r.bids[i].scores[0].state, SCORE_ERROR);
		assert_non_null(strstr(r.bids[i].scores[0].explanation, "could not evaluate"));
		assert_int_equal(r.bids[i].scores[1].state, SCORE_ERROR);
		assert_non_null(strstr(r.bids[i].scores[1].explanation, "could not evaluate"));
		assert_int_equal(r.bids[i].rank, 0);
	}
	/* bounded: seven bids, each stopped by the limits */
	assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 20);
	run_release(&r);
}

/* A run whose kinds keep data of each bid between the phases (the linear
 * price's ceiling, the shared-text flag's shingles; kinds.h): each of its
 * allocations fails in turn (every TENDER_OOM_STRIDE-th under valgrind),
 * and the run says out of memory and frees all it made (ASan, valgrind).
 * Complete, the phases have freed the flags' data of every bid. */
static void test_kinds_data_out_of_memory(void **state)
{
	const char *stride_env = getenv("TENDER_OOM_STRIDE");
	long n, stride = stride_env ? strtol(stride_env, NULL, 10) : 1;
	int completed = 0;

	(void)state;
	if (stride < 1)
		stride = 1;
	for (n = 0; !completed; n += stride) {
		struct run r;
		enum tender_status rc;

		alloc_fail_after(n);
		rc = evaluate_with(&r, "<criteria><criterion id=\"lin\" weight=\"100\"><title>l</title>"
				       "<price formula=\"linear\" select=\"/b:bid/b:price/b:total\" "
				       "ceiling=\"$tender/b:budget/b:total-max\"/></criterion></criteria>"
				       "<flags><flag id=\"text\" severity=\"high\" cite=\"CMA\"><title>t</title>"
				       "<shared-text select=\"/b:bid/b:answers/b:answer\" words=\"20\"/>"
				       "<message>shares text with {others}</message></flag></flags>");
		completed = !alloc_failed();
		alloc_fail_after(-1);
		assert_int_equal(rc, completed ? TENDER_OK : TENDER_ERR_NOMEM);
		if (completed) {
			double ceiling = 800000000.0;
			size_t n_shared = 0;

			ASSERT_NEAR(score(&r, "WV-B01", "lin")->points,
				    100 * (ceiling - B01_TOTAL) / (ceiling - B03_TOTAL));
			for (size_t i = 0; i < r.n_bids; i++) {
				assert_null(r.bids[i].flag_data);
				n_shared += has_flag(&r, r.bids[i].id, "text");
			}
			assert_true(n_shared > 0); /* the texts were compared */
		}
		run_release(&r);
	}
	print_message("%ld allocations, each failed (every %ld-th)\n", n - stride, stride);
}

static int setup(void **state)
{
	(void)state;
	tender_library_init();
	snprintf(dir, sizeof(dir), "/tmp/tender-evaluate-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	write_tender();
	return 0;
}

static int teardown(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/tender.xml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/rules.xml", dir);
	unlink(path);
	rmdir(dir);
	tender_library_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_price_lowest_ratio),
		cmocka_unit_test(test_price_linear_and_deviation),
		cmocka_unit_test(test_scale_coverage_boolean),
		cmocka_unit_test(test_panel_median_mean_moderated),
		cmocka_unit_test(test_match_is_capped),
		cmocka_unit_test(test_nonpositive_prices),
		cmocka_unit_test(test_ties_and_tie_breaks),
		cmocka_unit_test(test_gates_and_cross_bid_flags),
		cmocka_unit_test(test_limits_are_errors_not_silence),
		cmocka_unit_test(test_kinds_data_out_of_memory),
	};
	return cmocka_run_group_tests_name("evaluate", tests, setup, teardown);
}
