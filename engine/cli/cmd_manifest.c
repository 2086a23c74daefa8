/*
 * cmd_manifest.c - `tender audit verify-manifest DIR --pubkey FILE`: checks
 * the signed manifest.json of an evaluation's output folder (manifest.h)
 * with the panel's public key alone, no store needed.
 */
#include "cli.h"

#include "../alloc.h"
#include "../manifest.h"
#include "../strbuf.h"

#include <getopt.h> /* optind */
#include <jansson.h>
#include <string.h>
#include <sys/stat.h>

#define COMMAND "tender audit verify-manifest"

static const struct cli_spec verify_manifest_spec = {
	.command = COMMAND,
	.usage = COMMAND " DIR --pubkey FILE [--inputs TENDER_DIR]",
	.description =
		"Checks DIR/manifest.json, the manifest of an evaluation's output folder:\n"
		"that its Ed25519 signature is valid for the public key in FILE (made by\n"
		"'tender keygen'), and that every output it lists is in DIR with the SHA-256\n"
		"it records. Files in DIR that the manifest does not list are not checked.\n"
		"Each input it lists is re-hashed too when it is at hand: its path as the\n"
		"tender names it, under TENDER_DIR (the tender file's folder; default: the\n"
		"folder that holds DIR). An input not at hand is counted, never a problem.\n\n"
		"Each problem goes to standard output as DIR/manifest.json: PROBLEM, then a\n"
		"summary line.",
	.exit_status =
		"0 the signature is valid and every output matches; 1 problems\n"
		"were found; 2 usage error; 3 the manifest or the key cannot be read or is\n"
		"not one; 4 internal error.",
	.min_operands = 1,
	.missing_operand = "no folder given",
	.max_operands = 1,
	.extra_operand = {"one folder only (", " is one too many)"},
};

struct printer {
	FILE *out;
	const char *label; /* "DIR/manifest.json" */
};

static void print_finding(void *ctx, const char *finding)
{
	const struct printer *p = ctx;
	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(p->out, "%s: %s\n", cli_safe(&safe, p->label), cli_safe(&safe, finding));
	cli_safe_release(&safe);
}

/* "FILE:LINE:COLUMN: error: MESSAGE" for a manifest or key that cannot be
 * read or is not one (the command's name when no file is to blame). */
static void print_error(FILE *err, const struct tender_error *error)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	const char *file = error->file[0] ? cli_safe(&safe, error->file) : COMMAND;
	const char *message = cli_safe(&safe, error->message);

	if (error->line > 0 && error->column > 0)
		fprintf(err, "%s:%d:%d: error: %s\n", file, error->line, error->column, message);
	else if (error->line > 0)
		fprintf(err, "%s:%d: error: %s\n", file, error->line, message);
	else
		fprintf(err, "%s: error: %s\n", file, message);
	cli_safe_release(&safe);
}

/* How many outputs the manifest at path lists, for the summary; -1 when it
 * cannot tell. manifest_verify has read and checked the file already (with
 * the same 16 MiB cap) but reports only problems, so it is read again. */
static long long count_outputs(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	long long n = -1;

	if (!f)
		return -1;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= (16 << 20)) {
		json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, NULL);
		const json_t *outputs = json_object_get(root, "outputs");

		if (json_is_array(outputs))
			n = (long long)json_array_size(outputs);
		json_decref(root);
	}
	fclose(f);
	return n;
}

/* The summary of a manifest without problems: its signature, how many
 * outputs match and how many inputs were re-hashed. */
static void print_summary(FILE *out, const char *label, const struct manifest_counts *counts)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	long long n_outputs = count_outputs(label);

	if (n_outputs >= 0)
		fprintf(out, "%s: signature valid; %lld output%s match%s", cli_safe(&safe, label),
			n_outputs, n_outputs == 1 ? "" : "s", n_outputs == 1 ? "es" : "");
	else
		fprintf(out, "%s: signature valid; every output matches", cli_safe(&safe, label));
	fprintf(out, "; %lld input%s re-hashed, %lld not at hand\n", counts->inputs_matched,
		counts->inputs_matched == 1 ? "" : "s", counts->inputs_absent);
	cli_safe_release(&safe);
}

int cmd_verify_manifest(int argc, char **argv, FILE *out, FILE *err)
{
	const char *pubkey = NULL, *dir, *inputs = NULL;
	char *label = NULL, *parent = NULL; /* whole: no path is cut */
	struct manifest_counts counts;
	struct tender_error error = {0};
	struct cli_safe safe = CLI_SAFE_INIT;
	struct printer printer = {out, NULL};
	long long findings = 0;
	enum tender_status rc;
	int status;
	size_t dir_len;
	const struct cli_option options[] = {
		CLI_OPTION_STRING('k', "pubkey", "FILE", &pubkey,
				  "the public key to check the signature with\n"
				  "(KEYFILE.pub from tender keygen)"),
		CLI_OPTION_STRING('i', "inputs", "DIR", &inputs,
				  "the folder of the tender file the inputs' paths are\n"
				  "relative to (default: DIR/..)"),
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&verify_manifest_spec, options, argc, argv, out, err);

	if (parsed != CLI_CONTINUE)
		return parsed;
	if (!pubkey)
		return cli_usage_error(err, &verify_manifest_spec, "no public key given (--pubkey FILE)");
	dir = argv[optind];
	/* "out/" and "out" name the same manifest: print it one way. */
	dir_len = strlen(dir);
	while (dir_len > 1 && dir[dir_len - 1] == '/')
		dir_len--;
	if (dir_len == 1 && dir[0] == '/')
		dir_len = 0;
	printer.label = label = strbuf_format("%.*s/manifest.json", (int)dir_len, dir);
	if (!inputs)
		inputs = parent = strbuf_format("%.*s/..", (int)dir_len, dir_len ? dir : "/");
	if (!label || !inputs) {
		fprintf(err, COMMAND ": out of memory\n");
		tender_free(label);
		return CLI_INTERNAL;
	}
	rc = manifest_check(dir, pubkey, inputs, print_finding, &printer, &findings, &counts, NULL,
			    &error);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL) {
		fprintf(err, COMMAND ": %s\n", cli_safe(&safe, error.message));
		status = CLI_INTERNAL;
	} else if (rc) {
		print_error(err, &error);
		status = CLI_BAD_INPUT;
	} else if (findings) {
		fprintf(out, "%s: %lld problem%s\n", cli_safe(&safe, label), findings,
			findings == 1 ? "" : "s");
		status = CLI_FINDINGS;
	} else {
		print_summary(out, label, &counts);
		status = CLI_OK;
	}
	cli_safe_release(&safe);
	tender_free(label);
	tender_free(parent);
	return status;
}
