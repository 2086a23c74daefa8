/*
 * cmd_validate.c - `tender validate`: the bidder's self-check of bid files
 * (and of tender descriptions and panel-score files) before submission.
 */
#include "cli.h"

#include "../validate.h"

#include <getopt.h> /* optind */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_spec validate_spec = {
	.command = "tender validate",
	.usage = "tender validate [options] FILE...",
	.description =
		"Checks bid files (and tender descriptions and panel-score files) against the\n"
		"bid schema and the rules a schema cannot express: shares add up, annual prices\n"
		"add up to the total, the per-head price fits the population, dates are in\n"
		"order, every service line is delivered by a named member. With --tender, also\n"
		"checks each bid against the tender: its id, currency, population, contract\n"
		"years, budget, and that every quality question is answered.\n\n"
		"Problems go to standard error as FILE:LINE:COLUMN: error|warning: MESSAGE.\n"
		"A file that cannot be read or parsed never stops the others.",
	.exit_status =
		"0 every file is valid (warnings allowed); 1 some file has errors;\n"
		"2 usage error; 3 a file or the tender could not be read or is unusable;\n"
		"4 internal error.",
	.min_operands = 1,
	.missing_operand = "no file given",
};

/* One checked file, for the JSON report. */
static json_t *json_text(const char *s)
{
	json_t *j = json_string(s);

	if (!j) { /* not UTF-8: should not happen, but never lose the report */
		size_t n = strlen(s);
		char *safe = malloc(n + 1); /* whole, not cut */

		if (!safe)
			return NULL;
		for (size_t i = 0; i <= n; i++)
			safe[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
		j = json_string(safe);
		free(safe);
	}
	return j;
}

static json_t *json_file(const char *path, enum doc_kind kind, const struct diag_list *diags)
{
	json_t *list = json_array(), *file;

	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];

		json_array_append_new(list,
				      json_pack("{s:s, s:i, s:i, s:s, s:o}", "severity",
						diag_severity_str(d->severity), "line", d->line,
						"column", d->column, "code", d->code, "message",
						json_text(d->message)));
	}
	file = json_pack("{s:o, s:s, s:b, s:I, s:I, s:b, s:o}", "file", json_text(path), "kind",
			 doc_kind_str(kind), "valid", diags->n_errors == 0, "errors",
			 (json_int_t)diags->n_errors, "warnings", (json_int_t)diags->n_warnings,
			 "truncated", diags->truncated, "diagnostics", list);
	return file;
}

int cli_validator_init(struct validator *v, size_t max_bytes, FILE *err)
{
	struct tender_error error;
	struct cli_safe safe = CLI_SAFE_INIT;

	if (!validator_init(v, max_bytes, &error))
		return CLI_CONTINUE;
	fprintf(err, "tender: %s\n", cli_safe(&safe, error.message));
	cli_safe_release(&safe);
	return CLI_INTERNAL;
}

static void print_summary(FILE *out, const char *path, enum doc_kind kind,
			  const struct diag_list *diags, int unreadable)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	const char *shown_path = cli_safe(&safe, path);

	if (unreadable)
		fprintf(out, "%s: UNREADABLE\n", shown_path);
	else if (diags->n_errors == 0)
		fprintf(out, "%s: valid %s (%zu warning%s)\n", shown_path, doc_kind_str(kind),
			diags->n_warnings, diags->n_warnings == 1 ? "" : "s");
	else
		fprintf(out, "%s: INVALID%s%s (%zu error%s, %zu warning%s)\n", shown_path,
			kind == DOC_UNKNOWN ? ", not a tender document" : " ",
			kind == DOC_UNKNOWN ? "" : doc_kind_str(kind), diags->n_errors,
			diags->n_errors == 1 ? "" : "s",
			diags->n_warnings, diags->n_warnings == 1 ? "" : "s");
	cli_safe_release(&safe);
}

int cmd_validate(int argc, char **argv, FILE *out, FILE *err)
{
	const char *tender_path = NULL;
	size_t max_bytes = XML_DEFAULT_MAX_BYTES;
	int json = 0, status = CLI_OK;
	struct validator v;
	struct diag_list diags;
	struct cli_safe safe = CLI_SAFE_INIT;
	json_t *report = NULL, *files = NULL;

	/* GNU getopt permutes: options may follow the file names ("--" ends
	 * them, for a file whose name starts with '-'). */
	const struct cli_option options[] = {
		CLI_OPTION_STRING('t', "tender", "FILE", &tender_path,
				  "check bids against this tender description"),
		CLI_OPTION_FORMAT(&json, "text (default: a summary line per file on standard\n"
					 "output) or json (a report on standard output)"),
		{.name = "max-size", .value_name = "SIZE", .kind = CLI_SIZE, .to.size = &max_bytes,
		 .bad_words = "is not a size such as 16M (at most 2G)",
		 .help = "refuse files larger than SIZE bytes (K, M, G suffixes;\n"
			 "default 16M)"},
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&validate_spec, options, argc, argv, out, err);

	if (parsed == CLI_CONTINUE)
		parsed = cli_validator_init(&v, max_bytes, err);
	if (parsed != CLI_CONTINUE)
		return parsed;
	diag_list_init(&diags);
	if (json) {
		report = json_pack("{s:s, s:s}", "tool", "tender", "version", TENDER_VERSION);
		files = json_array();
	}
	if (tender_path) {
		enum doc_kind kind;
		enum tender_status rc =
		    validator_use_tender_kind(&v, tender_path, NULL, &kind, &diags);

		cli_print_diags(err, tender_path, &diags);
		if (json)
			json_object_set_new(report, "tender", json_file(tender_path, kind, &diags));
		diag_list_release(&diags);
		if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL) {
			status = CLI_INTERNAL;
			goto out;
		}
		if (rc) {
			fprintf(err, "tender validate: cannot use %s as the tender description\n",
				cli_safe(&safe, tender_path));
			status = CLI_BAD_INPUT;
			goto out;
		}
	}
	for (int i = optind; i < argc; i++) {
		enum doc_kind kind;
		enum tender_status rc = validator_load(&v, argv[i], &kind, NULL, &diags);

		if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL) {
			fprintf(err, "%s: error: %s\n", cli_safe(&safe, argv[i]),
				rc == TENDER_ERR_NOMEM ? "out of memory" : "internal error");
			status = CLI_INTERNAL;
			diag_list_release(&diags);
			goto out;
		}
		cli_print_diags(err, argv[i], &diags);
		if (json)
			json_array_append_new(files, json_file(argv[i], kind, &diags));
		else
			print_summary(out, argv[i], kind, &diags, rc == TENDER_ERR_IO);
		if (rc == TENDER_ERR_IO)
			status = cli_worse(status, CLI_BAD_INPUT);
		else if (diags.n_errors)
			status = cli_worse(status, CLI_FINDINGS);
		diag_list_release(&diags);
	}
out:
	if (json) {
		json_object_set_new(report, "files", files);
		json_object_set_new(report, "valid", json_boolean(status == CLI_OK));
		json_object_set_new(report, "exit", json_integer(status));
		cli_print_json(out, report, JSON_INDENT(2));
		fputc('\n', out);
		json_decref(report);
	}
	cli_safe_release(&safe);
	validator_release(&v);
	return status;
}
