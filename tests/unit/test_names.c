/*
 * test_names.c - organisation names compared whole: folding case,
 * punctuation and a final legal form, whatever the names' length (a name
 * was once folded into 512 bytes, so two long names sharing their first
 * 511 folded bytes were one organisation).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "names.h"

static void test_folding(void **state)
{
	(void)state;
	assert_true(names_same_organisation("Chalk Lane Partners Ltd.", "chalk lane partners limited"));
	assert_true(names_same_organisation("  Ash -- Care, LLP ", "ash care"));
	assert_false(names_same_organisation("Beech Healthcare", "Beech Health Ltd"));
	assert_false(names_same_organisation("", ""));
	assert_false(names_same_organisation("Ltd", "")); /* "ltd" alone is a name */
	assert_true(names_same_organisation("Ltd", "LTD"));
}

/* A long name of n bytes: prefix letters, then `tail`. */
static char *long_name(size_t n, char fill, const char *tail)
{
	size_t k = strlen(tail);
	char *s = tender_malloc(n + 1);

	assert_non_null(s);
	memset(s, fill, n - k);
	memcpy(s + n - k, tail, k + 1);
	return s;
}

static void test_long_names_compared_whole(void **state)
{
	char *one = long_name(5000, 'x', " One Ltd"), *two = long_name(5000, 'x', " Two Ltd");
	char *one_limited = long_name(5004, 'X', " one limited");

	(void)state;
	/* they share their first 4,992 bytes, and are two organisations */
	assert_false(names_same_organisation(one, two));
	assert_true(names_same_organisation(one, one_limited));
	/* at 511 and 512 folded bytes, where the old buffer ended */
	tender_free(one);
	tender_free(two);
	one = long_name(512, 'a', "b");
	two = long_name(512, 'a', "c");
	assert_false(names_same_organisation(one, two));
	tender_free(one);
	tender_free(two);
	tender_free(one_limited);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_long_names_compared_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
