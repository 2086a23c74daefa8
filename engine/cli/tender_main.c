/*
 * tender_main.c - the entry point of the command: the table of subcommands,
 * --help and --version, and the helpers they share.
 */
#include "cli.h"

#include "../tender.h"

#include <errno.h>
#include <stddef.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_command commands[] = {
	{"validate", "check bid, tender and panel-score files before submitting them",
	 cmd_validate},
	{"check", "a bidder's self-check of a bid under a rule set", cmd_check},
	{"evaluate", "evaluate, score and rank the bids of a tender", cmd_evaluate},
	{"rules", "check rule sets (tender rules lint)", cmd_rules},
	{"report", "render an evaluation as HTML, Markdown, CSV, JSON or debrief letters",
	 cmd_report},
	{"audit", "verify, explain and export stored evaluations; check signed manifests",
	 cmd_audit},
	{"keygen", "make an Ed25519 key pair for signing evaluation manifests", cmd_keygen},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: tender [--help] [--version] <command> [<args>]\n\n"
		   "Evaluates public-procurement bids against a published rule set.\n\n"
		   "Commands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nRun 'tender <command> --help' for a command's options.\n"
		   "Exit codes: 0 ok, 1 findings (e.g. an invalid bid), 2 usage error,\n"
		   "3 an input is missing or unusable, 4 internal error.\n");
}

/* "tender: 'NAME' is not a tender command", the name escaped. */
static int unknown_command(FILE *err, const char *name)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(err, "tender: '%s' is not a tender command; see 'tender --help'\n",
		cli_safe(&safe, name));
	cli_safe_release(&safe);
	return CLI_USAGE;
}

int tender_main(int argc, char **argv, FILE *out, FILE *err)
{
	int rc;

	if (argc < 2) {
		usage(err);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(out);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		fprintf(out, "tender %s\n", TENDER_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		tender_library_init();
		rc = commands[i].run(argc - 1, argv + 1, out, err);
		if (fflush(out) != 0 || ferror(out)) {
			fprintf(err, "tender: cannot write to standard output: %s\n", strerror(errno));
			return rc > CLI_BAD_INPUT ? rc : CLI_BAD_INPUT;
		}
		return rc;
	}
	return unknown_command(err, argv[1]);
}

void cli_print_diag(FILE *err, const char *file, const struct diag *d)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	const char *shown_file = cli_safe(&safe, file), *message = cli_safe(&safe, d->message);

	if (d->line > 0 && d->column > 0)
		fprintf(err, "%s:%d:%d: %s: %s\n", shown_file, d->line, d->column,
			diag_severity_str(d->severity), message);
	else if (d->line > 0)
		fprintf(err, "%s:%d: %s: %s\n", shown_file, d->line, diag_severity_str(d->severity),
			message);
	else
		fprintf(err, "%s: %s: %s\n", shown_file, diag_severity_str(d->severity), message);
	cli_safe_release(&safe);
}

void cli_print_diags(FILE *err, const char *file, const struct diag_list *diags)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	for (size_t i = 0; i < diags->n; i++)
		cli_print_diag(err, file, &diags->items[i]);
	if (diags->truncated)
		fprintf(err, "%s: note: only the first %d problems are shown\n", cli_safe(&safe, file),
			DIAG_MAX);
	cli_safe_release(&safe);
}

int cli_worse(int a, int b)
{
	return a > b ? a : b;
}

void cli_print_cell(FILE *out, const char *raw, int width)
{
	/* bid text never reaches a terminal raw (CR, escape codes, bidi) */
	struct cli_safe safe = CLI_SAFE_INIT;
	const char *s = cli_safe(&safe, raw), *p = s;
	int chars = 0;

	for (; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		if (chars == width - 1 && strlen(p) > 0) {
			/* does the rest fit in one more character? */
			const char *q = p + 1;

			while (*q && (*q & 0xC0) == 0x80)
				q++;
			if (*q) {
				fwrite(s, 1, (size_t)(p - s), out);
				fputs("\xe2\x80\xa6", out); /* an ellipsis */
				cli_safe_release(&safe);
				return;
			}
		}
		chars++;
	}
	fputs(s, out);
	for (; chars < width; chars++)
		fputc(' ', out);
	cli_safe_release(&safe);
}

/* json_dump_callback's writer for cli_print_json: jansson hands over whole
 * characters, so each can be decoded within its piece. */
static int write_json_piece(const char *buffer, size_t size, void *data)
{
	FILE *out = data;
	const unsigned char *s = (const unsigned char *)buffer;
	size_t run = 0, i = 0;

	while (i < size) {
		uint32_t cp = s[i];
		size_t n = s[i] < 0x80 ? 1 : s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;

		if (n > size - i)
			n = size - i;
		if (n > 1) {
			cp = s[i] & (0x7Fu >> n);
			for (size_t k = 1; k < n; k++)
				cp = (cp << 6) | (s[i + k] & 0x3Fu);
		}
		if (cp == 0x7F || (n > 1 && diag_is_invisible(cp))) {
			char escape[16];
			int len;

			if (run && fwrite(buffer + i - run, 1, run, out) != run)
				return -1;
			run = 0;
			if (cp > 0xFFFF) /* a surrogate pair, as JSON writes them */
				len = snprintf(escape, sizeof(escape), "\\u%04X\\u%04X",
					       (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
					       (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
			else
				len = snprintf(escape, sizeof(escape), "\\u%04X", (unsigned)cp);
			if (fwrite(escape, 1, (size_t)len, out) != (size_t)len)
				return -1;
		} else {
			run += n;
		}
		i += n;
	}
	return run && fwrite(buffer + size - run, 1, run, out) != run ? -1 : 0;
}

int cli_print_json(FILE *out, const json_t *doc, size_t flags)
{
	return json_dump_callback(doc, write_json_piece, out, flags);
}

void cli_print_json_failure(FILE *out, int status, const char *message)
{
	json_t *doc = json_pack("{s:s, s:s, s:i, s:s}", "tool", "tender", "version",
				TENDER_VERSION, "exit", status, "error", message);

	cli_print_json(out, doc, JSON_INDENT(2));
	fputc('\n', out);
	json_decref(doc);
}

/* ---------------------------------------------------------------------- */
/* Escaped text for printing (cli.h) */

struct cli_safe_copy {
	struct cli_safe_copy *next;
	char text[]; /* the escaped text */
};

/* Whether diag_escape leaves text as it is: printable ASCII only. */
static int is_printable_ascii(const char *text)
{
	for (const unsigned char *c = (const unsigned char *)text; *c; c++)
		if (*c < 0x20 || *c > 0x7E)
			return 0;
	return 1;
}

const char *cli_safe(struct cli_safe *safe, const char *text)
{
	struct cli_safe_copy *copy;
	size_t size;

	if (!text)
		return "(null)";
	if (is_printable_ascii(text))
		return text;
	size = strlen(text) * DIAG_ESCAPE_MAX + 1;
	copy = malloc(sizeof(*copy) + size);
	if (!copy)
		return "[out of memory]";
	diag_escape(text, copy->text, size);
	copy->next = safe->copies;
	safe->copies = copy;
	return copy->text;
}

void cli_safe_release(struct cli_safe *safe)
{
	while (safe->copies) {
		struct cli_safe_copy *next = safe->copies->next;

		free(safe->copies);
		safe->copies = next;
	}
}
