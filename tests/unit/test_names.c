/*
 * test_names.c - one organisation-name comparison for every detector:
 * case, punctuation, initials, legal forms, Unicode spaces and format
 * characters, compatibility forms; and what is not the same organisation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alloc.h"
#include "names.h"

static void test_same_organisation(void **state)
{
	static const char *const pairs[][2] = {
		{"Chalk Lane Partners Ltd.", "chalk lane partners limited"},
		{"Chalk Lane Partners Ltd", "Chalk Lane Partners"},
		{"Meadow G.P. Partnership", "Meadow GP Partnership"},
		{"Meadow G. P. Partnership", "MEADOW GP PARTNERSHIP"},
		{"Meadow\u00A0GP Partnership", "Meadow GP Partnership"},
		{"Mea\u200Bdow GP Partnership", "Meadow GP Partnership"},
		{"Meadow GP\u200B Partnership", "Meadow GP Partnership"},
		{"Meadow\u2009GP\u202FPartnership\u00A0Ltd", "Meadow GP Partnership Limited"},
		{"Me\u00ADadow GP Partnership", "Meadow GP Partnership"},
		{"\uFF2D\uFF45\uFF41\uFF44\uFF4F\uFF57 GP Partnership", "Meadow GP Partnership"},
		{"Smith & Jones LLP", "Smith and Jones L.L.P."},
		{"\u201CBeech\u201D Health \u2013 Care plc", "beech health care PLC"},
		{"Wessex Vale Care Partnership C.I.C.", "Wessex Vale Care Partnership"},
		{"Avonbridge Care Public Limited Company", "Avonbridge Care plc"},
		{"\u00C9cole Care Ltd", "\u00E9cole care"},
		{"Beech Healthcare", "Beech Health Care"},
		{"The Beech Partnership & Co", "Beech Partnership"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		if (names_same_organisation(pairs[i][0], pairs[i][1]) != 1)
			fail_msg("\"%s\" and \"%s\" should be one organisation", pairs[i][0],
				 pairs[i][1]);
		assert_int_equal(names_same_organisation(pairs[i][1], pairs[i][0]), 1);
	}
}

static void test_different_organisations(void **state)
{
	static const char *const pairs[][2] = {
		{"Beech Healthcare", "Beech Health Ltd"},
		{"Meadow GP Partnership", "Meadow G Partnership"},
		{"Ltd", "Limited"}, /* a legal form alone names nothing */
		{"", ""},
		{"...", "..."},
		{"\u200B", "\u200B"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (names_same_organisation(pairs[i][0], pairs[i][1]) != 0)
			fail_msg("\"%s\" and \"%s\" should not be one organisation", pairs[i][0],
				 pairs[i][1]);
}

/* Keys make the comparison an equivalence: equal keys, same organisation. */
static void test_keys(void **state)
{
	char *a = NULL, *b = NULL;

	(void)state;
	assert_int_equal(names_key("Meadow\u00A0G.P. Partnership Ltd.", &a), TENDER_OK);
	assert_string_equal(a, "meadowgppartnership");
	assert_int_equal(names_key("  ", &b), TENDER_OK);
	assert_string_equal(b, "");
	tender_free(a);
	tender_free(b);
}

/* Bidders numbered: one number per organisation, whatever the spelling. */
static void test_number(void **state)
{
	const char *const names[] = {"Meadow GP Ltd", "Beech Health", "meadow g.p. limited",
				     "Ltd", "Limited", "BEECH\u00A0HEALTH"};
	size_t number[6];

	(void)state;
	assert_int_equal(names_number(names, 6, number), TENDER_OK);
	assert_true(number[0] == number[2]);
	assert_true(number[1] == number[5]);
	assert_true(number[0] != number[1]);
	/* names that name nothing are each their own */
	assert_true(number[3] != number[4] && number[3] != number[0] && number[3] != number[1]);
	assert_true(number[4] != number[0] && number[4] != number[1]);
}

static void test_out_of_memory(void **state)
{
	int completed = 0;

	(void)state;
	for (long n = 0; n < 100 && !completed; n++) {
		char *key = NULL;
		enum tender_status rc;
		int same;

		alloc_fail_after(n);
		rc = names_key("Meadow G.P. Partnership Ltd", &key);
		same = rc ? 0 : names_same_organisation("Meadow G.P.", "meadow gp");
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (completed) {
			assert_int_equal(rc, TENDER_OK);
			assert_int_equal(same, 1);
		} else {
			assert_true(rc == TENDER_ERR_NOMEM || same == -1);
		}
		tender_free(key);
	}
	assert_true(completed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_organisation),
		cmocka_unit_test(test_different_organisations),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
