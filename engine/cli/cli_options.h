/*
 * cli_options.h - the options of every command as one declarative table,
 * and the one parser that reads argv with it.
 *
 * A command describes itself once (struct cli_spec: its name, usage line,
 * description, notes and exit status) and lists its options (struct
 * cli_option: long name, short letter, value name, help lines, how the
 * value is parsed and where it is stored). cli_options_parse() then does
 * what every command did by hand: getopt_long with GNU permutation, --help
 * and -h (the help is generated from the spec and the table), --version,
 * the value checks with the same words everywhere, and unknown or
 * incomplete options. A new option is one table entry.
 *
 * A command made of subcommands (`tender audit verify|explain|...`,
 * `tender rules lint`) is a struct cli_group: cli_dispatch() runs the
 * subcommand named by argv[1], or answers --help, -h and --version.
 */
#ifndef TENDER_CLI_OPTIONS_H
#define TENDER_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

/* What cli_options_parse returns when the command goes on: argv[optind]
 * is then its first operand. Every other return is an exit code. */
#define CLI_CONTINUE (-1)

/* The most options one table may hold (a larger table is a bug, reported
 * as CLI_INTERNAL). */
#define CLI_MAX_OPTIONS 32

/* How an option's value is parsed, and which member of `to` it goes to. */
enum cli_value {
	CLI_FLAG,    /* no value: *to.flag = 1 */
	CLI_STRING,  /* the value as given (borrowed from argv): *to.string */
	CLI_STRINGS, /* repeatable: to.strings[(*count)++], at most `max` of them */
	CLI_SIZE,    /* a size with an optional K, M or G suffix (cli_parse_size): *to.size */
	CLI_NUMBER,  /* a positive whole number: *to.number */
	CLI_CHOICE   /* one of `choices` by name: *to.choice = its value */
};

struct cli_choice {
	const char *name;
	int value;
};

struct cli_option {
	const char *name;       /* the long name, without "--"; NULL ends a table */
	char letter;            /* the short letter, or 0 ('h' is --help's) */
	const char *value_name; /* "FILE" in the help; NULL for a flag */
	enum cli_value kind;
	union {
		int *flag;
		const char **string;
		const char **strings;
		size_t *size;
		long long *number;
		int *choice;
	} to;
	size_t *count;                    /* CLI_STRINGS: how many are stored */
	size_t max;                       /* CLI_STRINGS: room in to.strings */
	const struct cli_choice *choices; /* CLI_CHOICE: ends with a NULL name */
	/* The words of the message for a value that does not do, after the
	 * command's name:
	 *   CLI_SIZE, CLI_NUMBER  "--NAME 'VALUE' WORDS"
	 *   CLI_CHOICE            "unknown NAME 'VALUE' WORDS"
	 *   CLI_STRINGS           "at most MAX --NAME WORDS" (one too many) */
	const char *bad_words;
	/* The help lines as they read, without the indentation of lines after
	 * the first; a leading '\n' starts them below the option's name. NULL
	 * leaves the option out of the help (the description covers it). */
	const char *help;
	/* Non-NULL: the option must be given, and these words say so when it
	 * is not ("no rule set given (-r RULES.xml)"). */
	const char *required;
};

#define CLI_OPTIONS_END {.name = NULL}

/* "-x, --name VALUE": the value as given, into const char **where. */
#define CLI_OPTION_STRING(short_letter, long_name, value, where, help_lines)                     \
	{.name = (long_name), .letter = (short_letter), .value_name = (value),                     \
	 .kind = CLI_STRING, .to.string = (where), .help = (help_lines)}

/* The choices of --format text|json: text is 0, json 1. */
extern const struct cli_choice cli_text_or_json[];

/* "-f, --format FORMAT": text or json, into int *json (0 or 1). */
#define CLI_OPTION_FORMAT(json, help_lines)                                                       \
	{.name = "format", .letter = 'f', .value_name = "FORMAT", .kind = CLI_CHOICE,              \
	 .to.choice = (json), .choices = cli_text_or_json, .bad_words = "(text or json)",        \
	 .help = (help_lines)}

/* "--max-size SIZE", into size_t *max_bytes. */
#define CLI_OPTION_MAX_SIZE(max_bytes, help_lines)                                                \
	{.name = "max-size", .value_name = "SIZE", .kind = CLI_SIZE, .to.size = (max_bytes),       \
	 .bad_words = "is not a size such as 16M", .help = (help_lines)}

/* A command, as its help and its messages name it. */
struct cli_spec {
	const char *command;     /* "tender validate": starts every message */
	const char *usage;       /* what follows "usage: ", lines as written */
	const char *description; /* the paragraphs after the usage; NULL for none */
	const char *notes;       /* a paragraph after the options; NULL for none */
	const char *exit_status; /* what follows "Exit status: "; NULL for none */
	int help_column;         /* where the options' help lines start; 0: two
				  * columns after the widest option name */
	int options_first;       /* 1: options end at the first operand (getopt's '+') */
	int min_operands;        /* fewer is a usage error, told with ... */
	const char *missing_operand; /* ... these words ("no file given") */
	/* When extra_operand.before is set, more operands than max_operands
	 * is a usage error, told as "BEFORE'OPERAND'AFTER" with the first
	 * operand too many (escaped: cli_safe); otherwise there is no limit. */
	int max_operands;
	struct {
		const char *before, *after;
	} extra_operand;
};

/* Parses the options of argv[1..argc-1] with the table (ended by
 * CLI_OPTIONS_END), storing each value where its entry says; options may
 * follow operands unless spec->options_first, and "--" ends them.
 * --help or -h prints the help to out and returns CLI_OK; --version prints
 * "tender VERSION" and returns CLI_OK; an unknown or incomplete option, or
 * a value that does not do, is told on err (starting with spec->command)
 * and returns CLI_USAGE; so does a required option not given, then fewer
 * operands than spec->min_operands (cli_usage_error), then more than
 * spec->max_operands (when spec->extra_operand says so). Otherwise returns
 * CLI_CONTINUE with optind at the first operand. The table and spec are
 * borrowed; values stored as strings point into argv. */
int cli_options_parse(const struct cli_spec *spec, const struct cli_option *options, int argc,
		      char **argv, FILE *out, FILE *err);

/* Prints "COMMAND: WORDS" and "see 'COMMAND --help'" on err; returns
 * CLI_USAGE. */
int cli_usage_error(FILE *err, const struct cli_spec *spec, const char *words);

/* A subcommand of a group: summary is its line under "Commands:" in the
 * group's help (NULL when the description covers it). */
struct cli_subcommand {
	const char *name; /* NULL ends a list */
	const char *summary;
	int (*run)(int argc, char **argv, FILE *out, FILE *err);
};

struct cli_group {
	const struct cli_spec *spec;
	const struct cli_subcommand *subcommands;
};

/* Runs the subcommand argv[1] names with argv + 1; or prints the group's
 * help (--help, -h) or version (--version) and returns CLI_OK; else says
 * which subcommands there are on err and returns CLI_USAGE. */
int cli_dispatch(const struct cli_group *group, int argc, char **argv, FILE *out, FILE *err);

/* The help of a command: usage, description, then the options of the table
 * (when any has help lines) with --help and --version, the subcommands'
 * summaries (when any has one), notes and exit status. options and
 * subcommands may be NULL. */
void cli_print_help(FILE *out, const struct cli_spec *spec, const struct cli_option *options,
		    const struct cli_subcommand *subcommands);

/* Parses a positive size with an optional K, M or G suffix ("16M"), at
 * most 2G, into *out; returns 1, or 0 (and leaves *out) when it is not
 * one. */
int cli_parse_size(const char *text, size_t *out);

#endif
