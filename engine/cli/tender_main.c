/*
 * tender_main.c - the entry point of the command: the table of subcommands,
 * --help and --version, and the helpers they share.
 */
#include "cli.h"

#include "../tender.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

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
	fprintf(err, "tender: '%s' is not a tender command; see 'tender --help'\n", argv[1]);
	return CLI_USAGE;
}

void cli_print_diag(FILE *err, const char *file, const struct diag *d)
{
	if (d->line > 0 && d->column > 0)
		cli_printf(err, "%s:%d:%d: %s: %s\n", file, d->line, d->column,
			diag_severity_str(d->severity), d->message);
	else if (d->line > 0)
		cli_printf(err, "%s:%d: %s: %s\n", file, d->line, diag_severity_str(d->severity),
			d->message);
	else
		cli_printf(err, "%s: %s: %s\n", file, diag_severity_str(d->severity), d->message);
}

void cli_print_diags(FILE *err, const char *file, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->n; i++)
		cli_print_diag(err, file, &diags->items[i]);
	if (diags->truncated)
		cli_printf(err, "%s: note: only the first %d problems are shown\n", file, DIAG_MAX);
}

int cli_worse(int a, int b)
{
	return a > b ? a : b;
}

void cli_print_cell(FILE *out, const char *raw, int width)
{
	char s[1024];
	int chars = 0;
	const char *p = s;

	/* bid text never reaches a terminal raw (CR, escape codes, bidi) */
	diag_escape(raw, s, sizeof(s));

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
				return;
			}
		}
		chars++;
	}
	fputs(s, out);
	for (; chars < width; chars++)
		fputc(' ', out);
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

void cli_print_safe(FILE *out, const char *text)
{
	size_t need = strlen(text) * DIAG_ESCAPE_MAX + 1;
	char small[2048], *buf = need <= sizeof(small) ? small : malloc(need);

	if (!buf) {
		fputs("[out of memory]", out);
		return;
	}
	diag_escape(text, buf, need);
	fputs(buf, out);
	if (buf != small)
		free(buf);
}

/* The conversion specs below are cut from cli_printf's format, which the
 * compiler checks at every call (cli.h): they are literals in all but name. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* One %s argument, escaped, through the conversion spec (its flags, width
 * and precision). */
static int print_escaped(FILE *out, const char *spec, const char *text)
{
	size_t need = strlen(text) * DIAG_ESCAPE_MAX + 1;
	char small[2048], *buf = need <= sizeof(small) ? small : malloc(need);
	int n;

	if (!buf)
		return fputs("[out of memory]", out) < 0 ? -1 : 15;
	diag_escape(text, buf, need);
	n = fprintf(out, spec, buf);
	if (buf != small)
		free(buf);
	return n;
}

int cli_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	int total = 0;

	va_start(ap, fmt);
	while (*fmt) {
		char spec[64];
		size_t len = 0;
		const char *start = fmt;
		char length[3] = "";
		int n;

		if (*fmt != '%') {
			const char *next = strchr(fmt, '%');
			size_t run = next ? (size_t)(next - fmt) : strlen(fmt);

			if (fwrite(fmt, 1, run, out) != run) {
				total = -1;
				break;
			}
			total += (int)run;
			fmt += run;
			continue;
		}
		/* "%" flags width .precision length conversion, with any '*'
		 * replaced by its int argument */
		spec[len++] = *fmt++;
		while (*fmt && strchr("-+ #0", *fmt) && len < 8)
			spec[len++] = *fmt++;
		for (int part = 0; part < 2; part++) {
			if (part == 1) {
				if (*fmt != '.')
					break;
				spec[len++] = *fmt++;
			}
			if (*fmt == '*') {
				len += (size_t)snprintf(spec + len, 16, "%d", va_arg(ap, int));
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9' && len < 40)
					spec[len++] = *fmt++;
			}
		}
		while (*fmt && strchr("hlzjtL", *fmt) && strlen(length) < 2) {
			length[strlen(length)] = *fmt;
			spec[len++] = *fmt++;
		}
		if (!*fmt) { /* a cut conversion: print it as written */
			fputs(start, out);
			break;
		}
		spec[len++] = *fmt;
		spec[len] = '\0';
		switch (*fmt++) {
		case 's': {
			const char *text = va_arg(ap, const char *);

			n = print_escaped(out, spec, text ? text : "(null)");
			break;
		}
		case 'c': {
			char one[2] = {(char)va_arg(ap, int), '\0'};

			spec[len - 1] = 's';
			n = print_escaped(out, spec, one);
			break;
		}
		case 'd':
		case 'i':
			if (!strcmp(length, "l"))
				n = fprintf(out, spec, va_arg(ap, long));
			else if (!strcmp(length, "ll"))
				n = fprintf(out, spec, va_arg(ap, long long));
			else if (!strcmp(length, "z"))
				n = fprintf(out, spec, va_arg(ap, ssize_t));
			else if (!strcmp(length, "j"))
				n = fprintf(out, spec, va_arg(ap, intmax_t));
			else if (!strcmp(length, "t"))
				n = fprintf(out, spec, va_arg(ap, ptrdiff_t));
			else
				n = fprintf(out, spec, va_arg(ap, int));
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (!strcmp(length, "l"))
				n = fprintf(out, spec, va_arg(ap, unsigned long));
			else if (!strcmp(length, "ll"))
				n = fprintf(out, spec, va_arg(ap, unsigned long long));
			else if (!strcmp(length, "z"))
				n = fprintf(out, spec, va_arg(ap, size_t));
			else if (!strcmp(length, "j"))
				n = fprintf(out, spec, va_arg(ap, uintmax_t));
			else if (!strcmp(length, "t"))
				n = fprintf(out, spec, va_arg(ap, ptrdiff_t));
			else
				n = fprintf(out, spec, va_arg(ap, unsigned));
			break;
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A':
			if (!strcmp(length, "L"))
				n = fprintf(out, spec, va_arg(ap, long double));
			else
				n = fprintf(out, spec, va_arg(ap, double));
			break;
		case 'p': n = fprintf(out, spec, va_arg(ap, void *)); break;
		case '%': n = fputc('%', out) == EOF ? -1 : 1; break;
		default: /* %n and unknown conversions: printed as written */
			n = fprintf(out, "%s", spec);
			break;
		}
		if (n < 0) {
			total = -1;
			break;
		}
		total += n;
	}
	va_end(ap);
	return total;
}

#pragma GCC diagnostic pop
