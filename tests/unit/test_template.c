/*
 * test_template.c - message templates keep their text whole: a literal over
 * 4,095 bytes (once cut there) and a rendered message over 64 KiB (once
 * cut there with a note) come out byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "alloc.h"
#include "template.h"

static char *filled(size_t n, char c)
{
	char *s = tender_malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void test_long_literal_whole(void **state)
{
	char *text = filled(10000, 'm'), *out = NULL, why[256];
	struct template t;

	(void)state;
	memcpy(text + 9990, "{{end}} ok", 10); /* escaped braces at the far end */
	assert_int_equal(template_parse(text, &t, why, sizeof(why)), TENDER_OK);
	assert_int_equal(template_render(&t, NULL, NULL, 0, &out), TENDER_OK);
	assert_int_equal(strlen(out), 9998);
	assert_memory_equal(out + 9988, "mm{end} ok", 10);
	tender_free(out);
	template_release(&t);
	tender_free(text);
}

static void test_long_value_whole(void **state)
{
	char *value = filled(200000, 'v'), *out = NULL, why[256];
	struct template_value values[] = {{"others", value}};
	struct template t;

	(void)state;
	assert_int_equal(template_parse("also bid by {others}.", &t, why, sizeof(why)), TENDER_OK);
	assert_int_equal(template_render(&t, NULL, values, 1, &out), TENDER_OK);
	assert_int_equal(strlen(out), 200000 + strlen("also bid by ."));
	assert_string_equal(out + strlen(out) - 2, "v.");
	tender_free(out);
	template_release(&t);
	tender_free(value);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_literal_whole),
		cmocka_unit_test(test_long_value_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
