/*
 * test_cli.c - the printing helpers the commands share (engine/cli/cli.h):
 * cli_safe, which escapes text from a bid, a store or the command line for
 * a plain fprintf, and the printers built on it (cli_print_diag,
 * cli_print_cell).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alloc.h"
#include "cli/cli.h"
#include "tender.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_printable_ascii_is_the_text_itself(void **state)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	const char *text = "bid B-001 (Acme Ltd) ~ 100% \\n";

	(void)state;
	assert_ptr_equal(cli_safe(&safe, text), text);
	assert_null(safe.copies);
	cli_safe_release(&safe);
}

/* Each kind of character that could rewrite a terminal line, made visible
 * as diag_escape writes it. */
static void test_what_could_rewrite_a_line_is_escaped(void **state)
{
	static const struct {
		const char *text, *escaped;
	} cases[] = {
		{"\x1b[2Kno differences", "\\x1B[2Kno differences"},
		{"a\rb\nc\td", "a\\rb\\nc\\td"},
		{"del\x7f", "del\\x7F"},
		{"csi \xc2\x9b" "2K", "csi \\u{009B}2K"},         /* U+009B, a C1 control */
		{"\xe2\x80\xae" "cba", "\\u{202E}cba"},           /* right-to-left override */
		{"zero\xe2\x80\x8bwidth", "zero\\u{200B}width"}, /* zero-width space */
		{"bad \xff utf-8", "bad \\xFF utf-8"},
		{"caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac"}, /* visible: as it is */
	};
	struct cli_safe safe = CLI_SAFE_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(cli_safe(&safe, cases[i].text), cases[i].escaped);
	cli_safe_release(&safe);
	assert_null(safe.copies);
}

/* Several escaped texts in one fprintf: each copy lives until the release,
 * and a width counts bytes of the escaped text. */
static void test_copies_live_until_released(void **state)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	const char *first = cli_safe(&safe, "one\n");
	const char *second = cli_safe(&safe, "two\x1b");
	char text[32];

	(void)state;
	assert_string_equal(first, "one\\n");
	assert_string_equal(second, "two\\x1B");
	snprintf(text, sizeof(text), "[%-8s|%.5s]", first, second);
	assert_string_equal(text, "[one\\n   |two\\x]");
	cli_safe_release(&safe);
	assert_null(safe.copies);
	/* released, the arena can be used again */
	assert_string_equal(cli_safe(&safe, "\t"), "\\t");
	cli_safe_release(&safe);
	cli_safe_release(&safe); /* twice is harmless */
}

static void test_null_is_shown_as_printf_shows_it(void **state)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	(void)state;
	assert_string_equal(cli_safe(&safe, NULL), "(null)");
	cli_safe_release(&safe);
}

/* A diagnostic's file name comes from the command line: escaped too. */
static void test_diag_escapes_the_file_name(void **state)
{
	struct diag d = {.severity = DIAG_ERROR, .line = 3, .column = 7,
			 .message = (char *)"bid id \\x1B seen"};
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	(void)state;
	assert_non_null(f);
	cli_print_diag(f, "bid\r.xml", &d);
	d.line = 0;
	cli_print_diag(f, "b\xe2\x80\xae.xml", &d);
	fclose(f);
	assert_string_equal(buf, "bid\\r.xml:3:7: error: bid id \\x1B seen\n"
				 "b\\u{202E}.xml: error: bid id \\x1B seen\n");
	free(buf);
}

/* A cell is padded or cut to its width in characters of the escaped text. */
static void test_cell_width_counts_the_escaped_text(void **state)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	(void)state;
	assert_non_null(f);
	cli_print_cell(f, "a\x1b", 8);
	fputc('|', f);
	cli_print_cell(f, "\xc3\xa9t\xc3\xa9", 4);
	fputc('|', f);
	cli_print_cell(f, "abc\rdefgh", 8);
	fputc('|', f);
	fclose(f);
	assert_string_equal(buf, "a\\x1B   |\xc3\xa9t\xc3\xa9 |abc\\rde\xe2\x80\xa6|");
	free(buf);
}

/* A validator that cannot be made is told, and the command ends with
 * CLI_INTERNAL; one that can is left ready. */
static void test_validator_init(void **state)
{
	int failures = 0, completed = 0;

	(void)state;
	tender_library_init();
	for (long n = 0; !completed && n < 10000; n++) {
		struct validator v;
		char *buf = NULL;
		size_t size = 0;
		FILE *err = open_memstream(&buf, &size);
		int rc;

		assert_non_null(err);
		alloc_fail_after(n);
		rc = cli_validator_init(&v, 1024, err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		fclose(err);
		if (completed) {
			assert_int_equal(rc, CLI_CONTINUE);
			assert_int_equal(size, 0);
			validator_release(&v);
		} else {
			assert_int_equal(rc, CLI_INTERNAL);
			assert_true(strncmp(buf, "tender: ", 8) == 0 && buf[size - 1] == '\n');
			failures++;
		}
		free(buf);
	}
	assert_true(completed);
	assert_true(failures > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable_ascii_is_the_text_itself),
		cmocka_unit_test(test_what_could_rewrite_a_line_is_escaped),
		cmocka_unit_test(test_copies_live_until_released),
		cmocka_unit_test(test_null_is_shown_as_printf_shows_it),
		cmocka_unit_test(test_diag_escapes_the_file_name),
		cmocka_unit_test(test_cell_width_counts_the_escaped_text),
		cmocka_unit_test(test_validator_init),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
