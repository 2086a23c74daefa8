/*
 * cli_options.c - the one options parser of the commands: reads argv with
 * a command's table of options (cli_options.h) through getopt_long, stores
 * each value where its entry says, and prints the help, the version and
 * every usage message with the same words for every command. Also the
 * dispatch of a group of subcommands (`tender audit ...`).
 */
#include "cli_options.h"

#include "cli.h"

#include "../input.h"
#include "../tender.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const struct cli_choice cli_text_or_json[] = {{"text", 0}, {"json", 1}, {NULL, 0}};

/* getopt_long's values: each table entry's is OPTION_VALUE + its index
 * (a short letter comes back as itself); --help's is 'h'. */
#define OPTION_VALUE 0x100
#define VERSION_VALUE (OPTION_VALUE + CLI_MAX_OPTIONS)

/* --help and --version, as every command's help lists them. */
static const struct cli_option help_option = {.name = "help", .letter = 'h',
					      .help = "show this help"};
static const struct cli_option version_option = {.name = "version", .help = "show the version"};

static size_t count_options(const struct cli_option *options)
{
	size_t n = 0;

	while (options && options[n].name)
		n++;
	return n;
}

/* ---------------------------------------------------------------------- */
/* The help */

/* Prints text, each line after the first indented to column. */
static void print_indented(FILE *out, const char *text, int column)
{
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		fwrite(line, 1, len, out);
		if (!end)
			break;
		fprintf(out, "\n%*s", column, "");
		line = end + 1;
	}
}

/* "  -t, --tender FILE" or "      --max-size SIZE" into out (NULL: only
 * measured); returns its width. */
static int print_option_name(FILE *out, const struct cli_option *o)
{
	int width = 8 + (int)strlen(o->name) + (o->value_name ? 1 + (int)strlen(o->value_name) : 0);

	if (!out)
		return width;
	if (o->letter)
		fprintf(out, "  -%c, --%s", o->letter, o->name);
	else
		fprintf(out, "      --%s", o->name);
	if (o->value_name)
		fprintf(out, " %s", o->value_name);
	return width;
}

/* Where the help lines of the options start: spec->help_column, else two
 * columns after the widest name. */
static int help_column(const struct cli_spec *spec, const struct cli_option *options)
{
	int widest = 0;

	if (spec->help_column)
		return spec->help_column;
	for (size_t i = 0; options[i].name; i++) {
		int width = print_option_name(NULL, &options[i]);

		if (options[i].help && width > widest)
			widest = width;
	}
	return widest + 2;
}

/* One option's lines: its name and its help from the column on (two
 * spaces after a name that reaches it; below a name whose help starts
 * with '\n'). */
static void print_option_help(FILE *out, const struct cli_option *o, int column)
{
	int width = print_option_name(out, o);

	if (o->help[0] == '\n')
		fprintf(out, "\n%*s", column, "");
	else
		fprintf(out, "%*s", width + 2 <= column ? column - width : 2, "");
	print_indented(out, o->help[0] == '\n' ? o->help + 1 : o->help, column);
	fputc('\n', out);
}

static int has_listed_option(const struct cli_option *options)
{
	for (size_t i = 0; options && options[i].name; i++)
		if (options[i].help)
			return 1;
	return 0;
}

static void print_subcommands(FILE *out, const struct cli_subcommand *subcommands)
{
	int width = 0, listed = 0;

	for (size_t i = 0; subcommands && subcommands[i].name; i++) {
		int len = (int)strlen(subcommands[i].name);

		width = len > width ? len : width;
		listed |= subcommands[i].summary != NULL;
	}
	if (!listed)
		return;
	fputs("\nCommands:\n", out);
	for (size_t i = 0; subcommands[i].name; i++)
		if (subcommands[i].summary)
			fprintf(out, "  %-*s %s\n", width + 2, subcommands[i].name,
				subcommands[i].summary);
}

void cli_print_help(FILE *out, const struct cli_spec *spec, const struct cli_option *options,
		    const struct cli_subcommand *subcommands)
{
	fprintf(out, "usage: %s\n", spec->usage);
	if (spec->description)
		fprintf(out, "\n%s\n", spec->description);
	if (has_listed_option(options)) {
		int column = help_column(spec, options);

		fputs("\nOptions:\n", out);
		for (size_t i = 0; options[i].name; i++)
			if (options[i].help)
				print_option_help(out, &options[i], column);
		print_option_help(out, &help_option, column);
		print_option_help(out, &version_option, column);
	}
	print_subcommands(out, subcommands);
	if (spec->notes)
		fprintf(out, "\n%s\n", spec->notes);
	if (spec->exit_status)
		fprintf(out, "\nExit status: %s\n", spec->exit_status);
}

static int print_version(FILE *out)
{
	fprintf(out, "tender %s\n", TENDER_VERSION);
	return CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* The values */

/* "COMMAND: --NAME 'VALUE' WORDS" ("COMMAND: unknown NAME 'VALUE' WORDS"
 * for a choice), the value escaped. */
static int bad_value(FILE *err, const char *command, const struct cli_option *o, const char *value)
{
	const char *before = o->kind == CLI_CHOICE ? "unknown " : "--";

	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(err, "%s: %s%s '%s' %s\n", command, before, o->name,
		cli_safe(&safe, value), o->bad_words);
	cli_safe_release(&safe);
	return CLI_USAGE;
}

static int parse_number(const char *text, long long *out)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(text, &end, 10);
	if (errno || end == text || *end || n <= 0)
		return 0;
	*out = n;
	return 1;
}

static const struct cli_choice *find_choice(const struct cli_choice *choices, const char *name)
{
	for (size_t i = 0; choices[i].name; i++)
		if (strcmp(choices[i].name, name) == 0)
			return &choices[i];
	return NULL;
}

/* Stores value where o says; CLI_CONTINUE, or CLI_USAGE after saying why. */
static int store_value(FILE *err, const char *command, const struct cli_option *o,
		       const char *value)
{
	const struct cli_choice *choice;

	switch (o->kind) {
	case CLI_FLAG: *o->to.flag = 1; break;
	case CLI_STRING: *o->to.string = value; break;
	case CLI_STRINGS:
		if (*o->count == o->max) {
			fprintf(err, "%s: at most %zu --%s %s\n", command, o->max, o->name,
				o->bad_words);
			return CLI_USAGE;
		}
		o->to.strings[(*o->count)++] = value;
		break;
	case CLI_SIZE:
		if (!cli_parse_size(value, o->to.size))
			return bad_value(err, command, o, value);
		break;
	case CLI_NUMBER:
		if (!parse_number(value, o->to.number))
			return bad_value(err, command, o, value);
		break;
	case CLI_CHOICE:
		choice = find_choice(o->choices, value);
		if (!choice)
			return bad_value(err, command, o, value);
		*o->to.choice = choice->value;
		break;
	}
	return CLI_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* The parser */

/* getopt_long's tables for n options: long (n + 3 entries) and short
 * (room for 2 * n + 4). */
static void getopt_tables(const struct cli_spec *spec, const struct cli_option *options, size_t n,
			  struct option *longs, char *shorts)
{
	size_t s = 0;

	if (spec->options_first)
		shorts[s++] = '+';
	for (size_t i = 0; i < n; i++) {
		const int has_value = options[i].kind != CLI_FLAG;

		longs[i] =
		    (struct option){options[i].name, has_value ? required_argument : no_argument,
				    NULL, OPTION_VALUE + (int)i};
		if (options[i].letter) {
			shorts[s++] = options[i].letter;
			if (has_value)
				shorts[s++] = ':';
		}
	}
	longs[n] = (struct option){"help", no_argument, NULL, 'h'};
	longs[n + 1] = (struct option){"version", no_argument, NULL, VERSION_VALUE};
	longs[n + 2] = (struct option){NULL, 0, NULL, 0};
	shorts[s++] = 'h';
	shorts[s] = '\0';
}

/* The entry getopt_long's value stands for, NULL for none. */
static const struct cli_option *option_of(const struct cli_option *options, size_t n, int value)
{
	if (value >= OPTION_VALUE && value < OPTION_VALUE + (int)n)
		return &options[value - OPTION_VALUE];
	for (size_t i = 0; i < n; i++)
		if (options[i].letter && options[i].letter == value)
			return &options[i];
	return NULL;
}

int cli_usage_error(FILE *err, const struct cli_spec *spec, const char *words)
{
	fprintf(err, "%s: %s\nsee '%s --help'\n", spec->command, words, spec->command);
	return CLI_USAGE;
}

/* "COMMAND: BEFORE'OPERAND'AFTER" and "see 'COMMAND --help'" for an
 * operand past spec->max_operands; returns CLI_USAGE. */
static int extra_operand(FILE *err, const struct cli_spec *spec, const char *operand)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(err, "%s: %s'%s'%s\nsee '%s --help'\n", spec->command, spec->extra_operand.before,
		cli_safe(&safe, operand),
		spec->extra_operand.after ? spec->extra_operand.after : "", spec->command);
	cli_safe_release(&safe);
	return CLI_USAGE;
}

/* After the options: each required one given, then enough operands and
 * not too many. */
static int check_given(FILE *err, const struct cli_spec *spec, const struct cli_option *options,
		       size_t n, const int *given, int argc, char **argv)
{
	for (size_t i = 0; i < n; i++)
		if (options[i].required && !given[i])
			return cli_usage_error(err, spec, options[i].required);
	if (argc - optind < spec->min_operands)
		return cli_usage_error(err, spec, spec->missing_operand);
	if (spec->extra_operand.before && argc - optind > spec->max_operands)
		return extra_operand(err, spec, argv[optind + spec->max_operands]);
	return CLI_CONTINUE;
}

int cli_options_parse(const struct cli_spec *spec, const struct cli_option *options, int argc,
		      char **argv, FILE *out, FILE *err)
{
	struct option longs[CLI_MAX_OPTIONS + 3];
	char shorts[2 * CLI_MAX_OPTIONS + 4];
	int given[CLI_MAX_OPTIONS] = {0};
	size_t n = count_options(options);
	int value, rc;

	if (n > CLI_MAX_OPTIONS) {
		fprintf(err, "%s: internal error: more than %d options\n", spec->command,
			CLI_MAX_OPTIONS);
		return CLI_INTERNAL;
	}
	getopt_tables(spec, options, n, longs, shorts);
	opterr = 0;
	optind = 0;
	while ((value = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		const struct cli_option *o = option_of(options, n, value);

		if (value == 'h') {
			cli_print_help(out, spec, options, NULL);
			return CLI_OK;
		}
		if (value == VERSION_VALUE)
			return print_version(out);
		if (!o) {
			struct cli_safe safe = CLI_SAFE_INIT;

			fprintf(err, "%s: unknown or incomplete option '%s'\nsee '%s --help'\n",
				spec->command, cli_safe(&safe, argv[optind - 1]), spec->command);
			cli_safe_release(&safe);
			return CLI_USAGE;
		}
		if ((rc = store_value(err, spec->command, o, optarg)) != CLI_CONTINUE)
			return rc;
		given[o - options] = 1;
	}
	return check_given(err, spec, options, n, given, argc, argv);
}

/* ---------------------------------------------------------------------- */
/* Groups of subcommands */

/* "expected 'lint'", "expected verify, explain or export" */
static void print_expected(FILE *err, const struct cli_group *group)
{
	const struct cli_subcommand *sub = group->subcommands;
	size_t n = 0;

	while (sub[n].name)
		n++;
	fprintf(err, "%s: expected ", group->spec->command);
	if (n == 1)
		fprintf(err, "'%s'", sub[0].name);
	for (size_t i = 0; n > 1 && i < n; i++)
		fprintf(err, "%s%s", i == 0 ? "" : i + 1 < n ? ", " : " or ", sub[i].name);
	fprintf(err, "; see '%s --help'\n", group->spec->command);
}

int cli_dispatch(const struct cli_group *group, int argc, char **argv, FILE *out, FILE *err)
{
	const char *word = argc >= 2 ? argv[1] : "";

	for (size_t i = 0; group->subcommands[i].name; i++)
		if (strcmp(word, group->subcommands[i].name) == 0)
			return group->subcommands[i].run(argc - 1, argv + 1, out, err);
	if (strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0) {
		cli_print_help(out, group->spec, NULL, group->subcommands);
		return CLI_OK;
	}
	if (strcmp(word, "--version") == 0)
		return print_version(out);
	print_expected(err, group);
	return CLI_USAGE;
}

int cli_parse_size(const char *text, size_t *out)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || end == text || text[0] == '-')
		return 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	else if (*end)
		return 0;
	if (shift && end[1])
		return 0;
	if (v == 0 || v > (SIZE_MAX >> shift) || (v << shift) > INPUT_MAX_BYTES)
		return 0;
	*out = (size_t)(v << shift);
	return 1;
}
