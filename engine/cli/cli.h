/*
 * cli.h - the command-line interface: subcommands, exit codes, option
 * parsing and the shared way of printing diagnostics.
 *
 * Each subcommand is a cmd_<name>() in its own file, listed in the table in
 * tender_main.c; its options are a table read by cli_options_parse()
 * (cli_options.h). A subcommand's whole state lives in its own function: no
 * globals, so tests call tender_main() many times in one process.
 */
#ifndef TENDER_CLI_H
#define TENDER_CLI_H

#include "../diag.h"
#include "cli_options.h"

#include <jansson.h>
#include <stdio.h>

/* Exit codes, the same for every subcommand (documented in README.md). */
enum cli_exit {
	CLI_OK = 0,        /* success: everything valid, evaluated, verified */
	CLI_FINDINGS = 1,  /* the work was done and found problems (an invalid bid) */
	CLI_USAGE = 2,     /* the command line is wrong */
	CLI_BAD_INPUT = 3, /* an input needed to do the work is missing or unusable */
	CLI_INTERNAL = 4   /* out of memory, broken installation, a bug */
};

struct cli_command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv, FILE *out, FILE *err);
};

int tender_main(int argc, char **argv, FILE *out, FILE *err);

int cmd_validate(int argc, char **argv, FILE *out, FILE *err);
int cmd_rules(int argc, char **argv, FILE *out, FILE *err);
int cmd_check(int argc, char **argv, FILE *out, FILE *err);
int cmd_evaluate(int argc, char **argv, FILE *out, FILE *err);
int cmd_audit(int argc, char **argv, FILE *out, FILE *err);
int cmd_keygen(int argc, char **argv, FILE *out, FILE *err);
int cmd_report(int argc, char **argv, FILE *out, FILE *err);
int cmd_verify_manifest(int argc, char **argv, FILE *out, FILE *err);

/* The reports `tender evaluate` writes beside evaluation.xml. They are all
 * rendered from its bytes first (cli_render_default_reports: on failure
 * nothing is kept and err says why), and only then recorded and written
 * (cli_write_default_reports), so that a report that cannot be made fails
 * the run before anything is written or recorded, never leaving a cut or
 * missing report behind a recorded evaluation. */
#define CLI_N_DEFAULT_REPORTS 3
extern const char *const cli_default_reports[CLI_N_DEFAULT_REPORTS];
struct cli_reports {
	char *text[CLI_N_DEFAULT_REPORTS]; /* free() each (cli_reports_release) */
	size_t size[CLI_N_DEFAULT_REPORTS];
};
enum tender_status cli_render_default_reports(const char *xml, size_t xml_size,
					      struct cli_reports *out, struct tender_error *err);
enum tender_status cli_write_default_reports(const struct cli_reports *reports, const char *dir,
					     struct tender_error *err);
void cli_reports_release(struct cli_reports *reports);

/* dir "/" name into a fixed path buffer: TENDER_OK, or TENDER_ERR_IO with
 * err ("the path is too long") when it does not fit, never a cut path. */
enum tender_status cli_join_path(char *path, size_t size, const char *dir, const char *name,
				 struct tender_error *err);

/* validator_init (validate.h) for a command that validates files (tender
 * validate, tender check): CLI_CONTINUE with v ready (the caller releases
 * it with validator_release), or CLI_INTERNAL after saying why on err. */
struct validator;
int cli_validator_init(struct validator *v, size_t max_bytes, FILE *err);

/* The more serious of two exit codes. */
int cli_worse(int a, int b);

/* Prints s escaped (cli_safe) and padded with spaces to `width` characters
 * of the escaped text (UTF-8 aware), truncating with an ellipsis when
 * longer. */
void cli_print_cell(FILE *out, const char *s, int width);

/* Text from a bid, a store, a rule set, a manifest or the command line is
 * printed escaped, so that it cannot rewrite a terminal line: diag_escape
 * makes C0 controls such as ESC, CR, LF and TAB, DEL, C1 controls such as
 * U+009B, bidi controls and invalid UTF-8 visible. cli_safe() gives such a
 * text escaped, for a plain fprintf; the format and every other argument
 * are printed as written:
 *
 *	struct cli_safe safe = CLI_SAFE_INIT;
 *
 *	fprintf(err, "%s: error: %s\n", cli_safe(&safe, path), cli_safe(&safe, message));
 *	cli_safe_release(&safe);
 *
 * A width or precision on such a %s counts bytes of the escaped text. */
struct cli_safe_copy;
struct cli_safe {
	struct cli_safe_copy *copies; /* the escaped copies made, newest first */
};

#define CLI_SAFE_INIT {NULL}

/* text escaped: text itself when it is printable ASCII (nothing in it to
 * escape), else a copy that safe owns until cli_safe_release(). "(null)"
 * for NULL, and "[out of memory]" when the copy cannot be made: never
 * NULL. text is borrowed. */
const char *cli_safe(struct cli_safe *safe, const char *text);

/* Frees every copy cli_safe() made with safe (what it returned is gone
 * then) and leaves safe empty, to be used again or dropped. */
void cli_safe_release(struct cli_safe *safe);

/* Prints one diagnostic as "file:line:col: severity: message" (line and
 * column left out when unknown). */
void cli_print_diag(FILE *err, const char *file, const struct diag *d);

/* Prints every diagnostic of a list, and a note when some were dropped. */
void cli_print_diags(FILE *err, const char *file, const struct diag_list *diags);

/* Prints doc as JSON (flags as json_dumpf's) with DEL and every character
 * diag_is_invisible names (C1 controls such as U+009B, bidi controls, ...)
 * written as a \uXXXX escape: the same JSON value, which no longer drives a
 * terminal it is shown on. Returns 0, or -1 when it could not be written. */
int cli_print_json(FILE *out, const json_t *doc, size_t flags);

/* Prints {"tool", "version", "exit": status, "error": message} for a
 * --format json run that could not produce its report. */
void cli_print_json_failure(FILE *out, int status, const char *message);

#endif
