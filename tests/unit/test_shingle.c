/*
 * test_shingle.c - shared text between bids: shingles (case, punctuation
 * and segments), comparison across bidders (same bidder, the tender's own
 * text, common phrases, passages counted), and out of memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "shingle.h"

#define PASSAGE "every recomendation the panel makes will recieve a written response"

static void test_shingles_of_a_text(void **state)
{
	struct shingles s;

	(void)state;
	shingles_init(&s, 3);
	assert_int_equal(shingles_add(&s, "One, two; THREE four."), TENDER_OK);
	assert_string_equal(s.words, "one two three four");
	assert_int_equal(s.n, 2); /* one two three / two three four */
	assert_int_equal(s.offset[1], 4);
	/* a second segment: no shingle spans the two */
	assert_int_equal(shingles_add(&s, "five six"), TENDER_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(shingles_add(&s, "seven eight nine"), TENDER_OK);
	assert_int_equal(s.n, 3);
	assert_true(s.word[2] > s.word[1] + 1);
	shingles_release(&s);
}

static void test_same_words_same_hash(void **state)
{
	struct shingles a, b;

	(void)state;
	shingles_init(&a, 4);
	shingles_init(&b, 4);
	assert_int_equal(shingles_add(&a, "The Panel Makes Decisions"), TENDER_OK);
	assert_int_equal(shingles_add(&b, "...the panel -- makes decisions!"), TENDER_OK);
	assert_int_equal(a.n, 1);
	assert_int_equal(b.n, 1);
	assert_true(a.hash[0] == b.hash[0]);
	shingles_release(&a);
	shingles_release(&b);
	shingles_init(&a, 4);
	assert_int_equal(shingles_add(&a, "the panel makes decision"), TENDER_OK);
	assert_int_equal(shingles_add(&b, "the panel makes decisions"), TENDER_OK);
	assert_true(a.hash[0] != b.hash[0]);
	shingles_release(&a);
	shingles_release(&b);
}

/* The words are Unicode words: no-break and other spaces, zero-width
 * spaces, Unicode punctuation and symbols split words; format characters
 * (soft hyphen, zero-width joiners, word joiner, BOM) are dropped; case and
 * compatibility forms (full-width letters, ligatures) are folded. */
static void test_unicode_words(void **state)
{
	static const char *const variants[] = {
		"the panel makes decisions",
		"The\u00A0Panel\u00A0makes\u00A0decisions",        /* no-break spaces */
		"the\u200Bpanel\u200Bmakes\u200Bdecisions",        /* zero-width spaces */
		"the \u200Bpanel\u2003makes\u202Fdecisions",       /* em and narrow spaces */
		"the pa\u00ADnel ma\u200Dkes deci\u2060sions\uFEFF", /* format characters */
		"\u201Cthe panel\u201D\u2014makes\u2026decisions",  /* Unicode punctuation */
		"THE PANEL MAKES DECISIONS",
		"\uFF54\uFF48\uFF45 panel makes decisions",         /* full-width letters */
		"the panel makes decisions\u3002",
	};
	struct shingles a, b;

	(void)state;
	shingles_init(&a, 4);
	assert_int_equal(shingles_add(&a, variants[0]), TENDER_OK);
	assert_int_equal(a.n, 1);
	for (size_t i = 1; i < sizeof(variants) / sizeof(variants[0]); i++) {
		shingles_init(&b, 4);
		assert_int_equal(shingles_add(&b, variants[i]), TENDER_OK);
		assert_string_equal(b.words, "the panel makes decisions");
		assert_int_equal(b.n, 1);
		assert_true(a.hash[0] == b.hash[0]);
		shingles_release(&b);
	}
	shingles_release(&a);
	/* letters beyond ASCII are folded, not dropped */
	shingles_init(&a, 2);
	assert_int_equal(shingles_add(&a, "\u00C9COLE \uFB01NALE Stra\u00DFe"), TENDER_OK);
	assert_string_equal(a.words, "\u00E9cole finale strasse");
	shingles_release(&a);
}

/* Texts: 0 and 1 from bidder 0, 2 from bidder 1, 3 from bidder 2. */
static void compare(const char *const *text, const size_t *bidder, size_t n, const char *tender,
		    struct shared_text **out, size_t *n_out)
{
	struct shingles s[8], t;
	const struct shingles *p[8];

	assert_true(n <= 8);
	for (size_t i = 0; i < n; i++) {
		shingles_init(&s[i], 5);
		assert_int_equal(shingles_add(&s[i], text[i]), TENDER_OK);
		p[i] = &s[i];
	}
	shingles_init(&t, 5);
	assert_int_equal(shingles_add(&t, tender), TENDER_OK);
	assert_int_equal(shingles_compare(p, bidder, n, &t, out, n_out), TENDER_OK);
	for (size_t i = 0; i < n; i++)
		shingles_release(&s[i]);
	shingles_release(&t);
}

static void test_shared_between_bidders(void **state)
{
	const char *text[] = {
		"Our plan: " PASSAGE " within 28 days.",
		"Written alone, this bid repeats its sibling: " PASSAGE,
		"Quite different words. And then: " PASSAGE " as promised.",
		"Nothing in common with anyone here at all, none whatsoever.",
	};
	const size_t bidder[] = {0, 0, 1, 2};
	struct shared_text *found;
	size_t n;

	(void)state;
	compare(text, bidder, 4, "The tender's own text.", &found, &n);
	/* 0 and 1 share with 2 (bidder 1); 2 with bidder 0 (its first bid, 0);
	 * 0 and 1 being one bidder's do not count against each other */
	assert_int_equal(n, 3);
	assert_int_equal(found[0].bid, 0);
	assert_int_equal(found[0].other, 2);
	assert_int_equal(found[0].passages, 1);
	/* PASSAGE has 10 words: 6 shingles of 5, one passage of 10 words */
	assert_int_equal(found[0].shingles, 6);
	assert_int_equal(found[0].example_words, 10);
	assert_int_equal(found[1].bid, 1);
	assert_int_equal(found[2].bid, 2);
	assert_int_equal(found[2].other, 0);
	tender_free(found);
}

static void test_tender_text_and_common_phrases(void **state)
{
	const char *two[] = {"We answer: " PASSAGE ".", "We also say " PASSAGE "."};
	const size_t bidders2[] = {0, 1};
	const char *five[] = {"a " PASSAGE, "b " PASSAGE, "c " PASSAGE, "d " PASSAGE,
			      "e " PASSAGE};
	const size_t bidders5[] = {0, 1, 2, 3, 4};
	struct shared_text *found;
	size_t n;

	(void)state;
	/* quoting the tender is not collusion */
	compare(two, bidders2, 2, "The tender says: " PASSAGE, &found, &n);
	assert_int_equal(n, 0);
	tender_free(found);
	/* the same two without the tender quoting it */
	compare(two, bidders2, 2, "", &found, &n);
	assert_int_equal(n, 2);
	tender_free(found);
	/* a phrase in five bidders' bids of five is common (more than three and
	 * more than half) */
	compare(five, bidders5, 5, "", &found, &n);
	assert_int_equal(n, 0);
	tender_free(found);
	/* in three of five: counted, each of the three against the two others */
	five[3] = "nothing shared here at all, not one run of words";
	five[4] = "and nothing here either, every word of it is new";
	compare(five, bidders5, 5, "", &found, &n);
	assert_int_equal(n, 6);
	assert_int_equal(found[0].bid, 0);
	assert_int_equal(found[0].other, 1);
	assert_int_equal(found[1].other, 2);
	tender_free(found);
}

/* Nothing shared (or nothing to compare): an empty result, no sorting of
 * nothing (UBSan caught qsort(NULL, 0, ...)). */
static void test_nothing_shared(void **state)
{
	const char *text[] = {"one two three four five six", "seven eight nine ten eleven"};
	const size_t bidder[] = {0, 1};
	const struct shingles *none[] = {NULL, NULL};
	struct shared_text *found;
	size_t n;

	(void)state;
	compare(text, bidder, 2, "", &found, &n);
	assert_int_equal(n, 0);
	tender_free(found);
	assert_int_equal(shingles_compare(none, bidder, 2, NULL, &found, &n), TENDER_OK);
	assert_int_equal(n, 0);
	tender_free(found);
}

static void test_two_passages(void **state)
{
	const char *text[] = {
		"alpha beta gamma delta epsilon zeta. one two three four five six seven.",
		"alpha beta gamma delta epsilon zeta! then other words, one two three four five six seven",
	};
	const size_t bidder[] = {0, 1};
	struct shared_text *found;
	size_t n;

	(void)state;
	compare(text, bidder, 2, "", &found, &n);
	assert_int_equal(n, 2);
	assert_int_equal(found[0].passages, 2);
	assert_int_equal(found[0].example_words, 6);
	tender_free(found);
}

static void test_out_of_memory(void **state)
{
	int completed = 0;
	long n;

	(void)state;
	for (n = 0; n < 1000 && !completed; n++) {
		struct shingles a, b;
		const struct shingles *p[] = {&a, &b};
		const size_t bidder[] = {0, 1};
		struct shared_text *found = NULL;
		size_t n_found = 0;
		enum tender_status rc;

		shingles_init(&a, 5);
		shingles_init(&b, 5);
		alloc_fail_after(n);
		rc = shingles_add(&a, "x " PASSAGE);
		if (!rc)
			rc = shingles_add(&b, "y " PASSAGE);
		if (!rc)
			rc = shingles_compare(p, bidder, 2, NULL, &found, &n_found);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		assert_int_equal(rc, completed ? TENDER_OK : TENDER_ERR_NOMEM);
		if (completed)
			assert_int_equal(n_found, 2);
		tender_free(found);
		shingles_release(&a);
		shingles_release(&b);
	}
	assert_true(completed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shingles_of_a_text),
		cmocka_unit_test(test_same_words_same_hash),
		cmocka_unit_test(test_unicode_words),
		cmocka_unit_test(test_shared_between_bidders),
		cmocka_unit_test(test_tender_text_and_common_phrases),
		cmocka_unit_test(test_nothing_shared),
		cmocka_unit_test(test_two_passages),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
