/*
 * test_cli_options.c - the one options parser of the commands
 * (engine/cli/cli_options.c): each kind of value stored where its table
 * entry says, the help generated from the table, --version, the words for
 * unknown options and bad values, and a group's dispatch.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cli/cli.h"
#include "cli/cli_options.h"
#include "tender.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* The two streams of one run, read back as text. */
struct streams {
	FILE *out, *err;
	char *out_text, *err_text;
	size_t out_size, err_size;
};

static void streams_open(struct streams *s)
{
	memset(s, 0, sizeof(*s));
	s->out = open_memstream(&s->out_text, &s->out_size);
	s->err = open_memstream(&s->err_text, &s->err_size);
	assert_non_null(s->out);
	assert_non_null(s->err);
}

static void streams_close(struct streams *s)
{
	fclose(s->out);
	fclose(s->err);
}

static void streams_free(struct streams *s)
{
	free(s->out_text);
	free(s->err_text);
}

static const struct cli_spec spec = {
	.command = "tender try",
	.usage = "tender try [options] FILE...",
	.description = "Tries things.",
	.notes = "A note.",
	.exit_status = "0 ok; 2 usage error.",
	.help_column = 23,
};

/* Every kind of value, as a command would declare them. */
struct values {
	const char *name;
	const char *dirs[2];
	size_t n_dirs;
	size_t max_bytes;
	long long number;
	int json, quiet;
};

static const struct cli_choice colours[] = {{"red", 1}, {"blue", 2}, {"azure", 2}, {NULL, 0}};

static int parse(struct values *v, int argc, char **argv, struct streams *s)
{
	int colour = 0;
	const struct cli_option options[] = {
		{.name = "name", .letter = 'n', .value_name = "NAME", .kind = CLI_STRING,
		 .to.string = &v->name, .help = "the name"},
		{.name = "dir", .value_name = "DIR", .kind = CLI_STRINGS, .to.strings = v->dirs,
		 .count = &v->n_dirs, .max = 2, .bad_words = "folders",
		 .help = "\na folder; may be\nrepeated"},
		CLI_OPTION_MAX_SIZE(&v->max_bytes, "refuse files larger than SIZE"),
		{.name = "number", .letter = 'e', .value_name = "N", .kind = CLI_NUMBER,
		 .to.number = &v->number, .bad_words = "is not a number"},
		{.name = "colour", .value_name = "C", .kind = CLI_CHOICE, .to.choice = &colour,
		 .choices = colours, .bad_words = "(red or blue)"},
		CLI_OPTION_FORMAT(&v->json, "text or json"),
		{.name = "a-very-long-flag", .kind = CLI_FLAG, .to.flag = &v->quiet,
		 .help = "a flag longer\nthan the column"},
		CLI_OPTIONS_END,
	};
	int rc;

	memset(v, 0, sizeof(*v));
	streams_open(s);
	rc = cli_options_parse(&spec, options, argc, argv, s->out, s->err);
	streams_close(s);
	if (rc == CLI_CONTINUE && colour)
		v->number += 1000 * colour;
	return rc;
}

static void test_values_stored(void **state)
{
	char *argv[] = {"try", "a", "-n", "x", "--dir", "d1", "--max-size", "2K", "b",
			"--dir=d2", "-e", "42", "--colour", "azure", "--format", "json",
			"--a-very-long-flag", "--", "-c", NULL};
	struct values v;
	struct streams s;

	(void)state;
	assert_int_equal(parse(&v, 19, argv, &s), CLI_CONTINUE);
	assert_string_equal(v.name, "x");
	assert_int_equal(v.n_dirs, 2);
	assert_string_equal(v.dirs[0], "d1");
	assert_string_equal(v.dirs[1], "d2");
	assert_int_equal(v.max_bytes, 2048);
	assert_int_equal(v.number, 2042);
	assert_int_equal(v.json, 1);
	assert_int_equal(v.quiet, 1);
	/* GNU permutation: the operands come last, in their order */
	assert_int_equal(optind, 16);
	assert_string_equal(argv[16], "a");
	assert_string_equal(argv[17], "b");
	assert_string_equal(argv[18], "-c");
	assert_int_equal(s.out_size + s.err_size, 0);
	streams_free(&s);
}

static void test_help_generated_from_the_table(void **state)
{
	char *argv[] = {"try", "--name", "x", "-h", "--nonsense", NULL};
	struct values v;
	struct streams s;

	(void)state;
	assert_int_equal(parse(&v, 5, argv, &s), CLI_OK);
	assert_string_equal(s.out_text,
			    "usage: tender try [options] FILE...\n\n"
			    "Tries things.\n\n"
			    "Options:\n"
			    "  -n, --name NAME      the name\n"
			    "      --dir DIR\n"
			    "                       a folder; may be\n"
			    "                       repeated\n"
			    "      --max-size SIZE  refuse files larger than SIZE\n"
			    "  -f, --format FORMAT  text or json\n"
			    "      --a-very-long-flag  a flag longer\n"
			    "                       than the column\n"
			    "  -h, --help           show this help\n"
			    "      --version        show the version\n\n"
			    "A note.\n\n"
			    "Exit status: 0 ok; 2 usage error.\n");
	assert_int_equal(s.err_size, 0);
	streams_free(&s);
}

static void test_version(void **state)
{
	char *argv[] = {"try", "--vers", NULL};
	struct values v;
	struct streams s;

	(void)state;
	assert_int_equal(parse(&v, 2, argv, &s), CLI_OK);
	assert_string_equal(s.out_text, "tender " TENDER_VERSION "\n");
	streams_free(&s);
}

/* Each problem on the command line, and its words on standard error. */
static void test_problems_told(void **state)
{
	static const struct {
		const char *args[3];
		const char *words;
	} cases[] = {
		{{"--nonsense"}, "tender try: unknown or incomplete option '--nonsense'\n"
				 "see 'tender try --help'\n"},
		{{"-z"}, "tender try: unknown or incomplete option '-z'\nsee 'tender try --help'\n"},
		{{"--name"}, "tender try: unknown or incomplete option '--name'\n"
			     "see 'tender try --help'\n"},
		{{"--format", "xml"}, "tender try: unknown format 'xml' (text or json)\n"},
		{{"--colour", "\x1b[1m"}, "tender try: unknown colour '\\x1B[1m' (red or blue)\n"},
		{{"--max-size", "0"}, "tender try: --max-size '0' is not a size such as 16M\n"},
		{{"--max-size", "3G"}, "tender try: --max-size '3G' is not a size such as 16M\n"},
		{{"-e", "0"}, "tender try: --number '0' is not a number\n"},
		{{"-e", "99999999999999999999"},
		 "tender try: --number '99999999999999999999' is not a number\n"},
		{{"--dir", "a", "--dir=b"}, NULL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[6] = {"try"};
		int argc = 1;
		struct values v;
		struct streams s;

		for (int k = 0; k < 3 && cases[i].args[k]; k++)
			argv[argc++] = (char *)cases[i].args[k];
		if (!cases[i].words) { /* a third --dir is one too many */
			argv[argc++] = "--dir";
			argv[argc++] = "c";
		}
		assert_int_equal(parse(&v, argc, argv, &s), CLI_USAGE);
		assert_string_equal(s.err_text, cases[i].words ? cases[i].words
								: "tender try: at most 2 --dir folders\n");
		assert_int_equal(s.out_size, 0);
		streams_free(&s);
	}
}

static void test_options_first(void **state)
{
	static const struct cli_spec first = {.command = "tender first", .usage = "tender first",
					      .options_first = 1};
	const char *name = NULL;
	const struct cli_option options[] = {
		{.name = "name", .letter = 'n', .value_name = "NAME", .kind = CLI_STRING,
		 .to.string = &name},
		CLI_OPTIONS_END,
	};
	char *argv[] = {"first", "a", "--name", "x", NULL};
	struct streams s;

	(void)state;
	streams_open(&s);
	assert_int_equal(cli_options_parse(&first, options, 4, argv, s.out, s.err), CLI_CONTINUE);
	streams_close(&s);
	assert_null(name);
	assert_int_equal(optind, 1);
	streams_free(&s);
}

/* A required option is told before a missing operand; the help column
 * falls two after the widest name when the spec does not set it. */
static void test_required_then_operands(void **state)
{
	static const struct cli_spec needs = {.command = "tender needs",
					      .usage = "tender needs -r FILE BID...",
					      .min_operands = 1,
					      .missing_operand = "no bid given"};
	const char *rules = NULL;
	const struct cli_option options[] = {
		{.name = "rules", .letter = 'r', .value_name = "FILE", .kind = CLI_STRING,
		 .to.string = &rules, .help = "the rules", .required = "no rules given"},
		CLI_OPTIONS_END,
	};
	char *none[] = {"needs", NULL}, *no_bid[] = {"needs", "-r", "x", NULL},
	     *fine[] = {"needs", "b", "-r", "x", NULL}, *help[] = {"needs", "--help", NULL};
	struct streams s;

	(void)state;
	streams_open(&s);
	assert_int_equal(cli_options_parse(&needs, options, 1, none, s.out, s.err), CLI_USAGE);
	assert_int_equal(cli_options_parse(&needs, options, 3, no_bid, s.out, s.err), CLI_USAGE);
	assert_int_equal(cli_options_parse(&needs, options, 4, fine, s.out, s.err), CLI_CONTINUE);
	assert_string_equal(fine[optind], "b");
	assert_int_equal(cli_options_parse(&needs, options, 2, help, s.out, s.err), CLI_OK);
	streams_close(&s);
	assert_string_equal(s.err_text, "tender needs: no rules given\nsee 'tender needs --help'\n"
					"tender needs: no bid given\nsee 'tender needs --help'\n");
	assert_string_equal(s.out_text, "usage: tender needs -r FILE BID...\n\n"
					"Options:\n"
					"  -r, --rules FILE  the rules\n"
					"  -h, --help        show this help\n"
					"      --version     show the version\n");
	streams_free(&s);
}

/* Operands past spec->max_operands: the first one too many is told,
 * escaped, in the spec's words; with no words there is no limit. */
static void test_too_many_operands(void **state)
{
	static const struct cli_spec one = {
		.command = "tender one",
		.usage = "tender one DIR",
		.min_operands = 1,
		.missing_operand = "no folder given",
		.max_operands = 1,
		.extra_operand = {"one folder only (", " is one too many)"},
	};
	static const struct cli_spec none = {
		.command = "tender none",
		.usage = "tender none -o FILE",
		.extra_operand = {"unexpected argument ", " (the file goes after -o)"},
	};
	static const struct cli_spec unlimited = {.command = "tender any", .usage = "tender any"};
	const char *name = NULL;
	const struct cli_option options[] = {
		CLI_OPTION_STRING('o', "output", "FILE", &name, "the file"),
		CLI_OPTIONS_END,
	};
	char *fine[] = {"one", "a", "-o", "x", NULL}, *two[] = {"one", "a", "b\x1b[2K", "c", NULL},
	     *missing[] = {"one", NULL}, *no_operand[] = {"none", "-o", "x", NULL},
	     *stray[] = {"none", "-o", "x", "y\r", NULL}, *many[] = {"any", "a", "b", "c", NULL};
	struct streams s;

	(void)state;
	streams_open(&s);
	assert_int_equal(cli_options_parse(&one, options, 4, fine, s.out, s.err), CLI_CONTINUE);
	assert_int_equal(cli_options_parse(&one, options, 4, two, s.out, s.err), CLI_USAGE);
	assert_int_equal(cli_options_parse(&one, options, 1, missing, s.out, s.err), CLI_USAGE);
	assert_int_equal(cli_options_parse(&none, options, 3, no_operand, s.out, s.err),
			 CLI_CONTINUE);
	assert_int_equal(cli_options_parse(&none, options, 4, stray, s.out, s.err), CLI_USAGE);
	assert_int_equal(cli_options_parse(&unlimited, options, 4, many, s.out, s.err),
			 CLI_CONTINUE);
	streams_close(&s);
	assert_string_equal(s.err_text, "tender one: one folder only ('b\\x1B[2K' is one too many)\n"
					"see 'tender one --help'\n"
					"tender one: no folder given\n"
					"see 'tender one --help'\n"
					"tender none: unexpected argument 'y\\r' (the file goes after -o)\n"
					"see 'tender none --help'\n");
	assert_int_equal(s.out_size, 0);
	streams_free(&s);
}

static int ran;

static int run_one(int argc, char **argv, FILE *out, FILE *err)
{
	(void)out;
	(void)err;
	ran = argc * 10 + (int)strlen(argv[0]);
	return 7;
}

static void test_group(void **state)
{
	static const struct cli_spec group_spec = {.command = "tender group",
						   .usage = "tender group one|three"};
	static const struct cli_subcommand subcommands[] = {
		{"one", "does one thing", run_one}, {"three", NULL, run_one}, {NULL, NULL, NULL}};
	static const struct cli_group group = {&group_spec, subcommands};
	char *run[] = {"group", "three", "x", NULL}, *help[] = {"group", "-h", NULL},
	     *wrong[] = {"group", "--verbose", "one", NULL};
	struct streams s;

	(void)state;
	streams_open(&s);
	assert_int_equal(cli_dispatch(&group, 3, run, s.out, s.err), 7);
	assert_int_equal(ran, 25);
	assert_int_equal(cli_dispatch(&group, 2, help, s.out, s.err), CLI_OK);
	assert_int_equal(cli_dispatch(&group, 3, wrong, s.out, s.err), CLI_USAGE);
	streams_close(&s);
	assert_string_equal(s.out_text, "usage: tender group one|three\n\n"
					"Commands:\n"
					"  one     does one thing\n");
	assert_string_equal(s.err_text,
			    "tender group: expected one or three; see 'tender group --help'\n");
	streams_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_stored),
		cmocka_unit_test(test_help_generated_from_the_table),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_problems_told),
		cmocka_unit_test(test_options_first),
		cmocka_unit_test(test_required_then_operands),
		cmocka_unit_test(test_too_many_operands),
		cmocka_unit_test(test_group),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
