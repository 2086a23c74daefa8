/*
 * cmd_manifest.c - `tender audit verify-manifest DIR --pubkey FILE`: checks
 * the signed manifest.json of an evaluation's output folder (manifest.h)
 * with the panel's public key alone, no store needed.
 */
#include "cli.h"

#include "../manifest.h"

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
};

struct printer {
	FILE *out;
	const char *label; /* "DIR/manifest.json" */
};

static void print_finding(void *ctx, const char *finding)
{
	const struct printer *p = ctx;

	cli_printf(p->out, "%s: %s\n", p->label, finding);
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

int cmd_verify_manifest(int argc, char **argv, FILE *out, FILE *err)
{
	const char *pubkey = NULL, *dir, *inputs = NULL;
	char label[4200], parent[4200];
	struct manifest_counts counts;
	struct tender_error error = {0};
	struct printer printer = {out, label};
	long long findings = 0, n_outputs;
	enum tender_status rc;
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
	if (optind + 1 < argc) {
		cli_printf(err, COMMAND ": one folder only ('%s' is one too many)\n"
				     "see '" COMMAND " --help'\n",
			argv[optind + 1]);
		return CLI_USAGE;
	}
	if (!pubkey)
		return cli_usage_error(err, &verify_manifest_spec, "no public key given (--pubkey FILE)");
	dir = argv[optind];
	/* "out/" and "out" name the same manifest: print it one way. */
	dir_len = strlen(dir);
	while (dir_len > 1 && dir[dir_len - 1] == '/')
		dir_len--;
	if (dir_len == 1 && dir[0] == '/')
		dir_len = 0;
	snprintf(label, sizeof(label), "%.*s/manifest.json", (int)(dir_len < 4096 ? dir_len : 4096),
		 dir);

	if (!inputs) {
		snprintf(parent, sizeof(parent), "%.*s/..", (int)(dir_len < 4096 ? dir_len : 4096),
			 dir_len ? dir : "/");
		inputs = parent;
	}
	rc = manifest_check(dir, pubkey, inputs, print_finding, &printer, &findings, &counts, NULL,
			    &error);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL) {
		cli_printf(err, COMMAND ": %s\n", error.message);
		return CLI_INTERNAL;
	}
	if (rc) {
		const char *file = error.file[0] ? error.file : COMMAND;

		if (error.line > 0 && error.column > 0)
			cli_printf(err, "%s:%d:%d: error: %s\n", file, error.line, error.column,
				error.message);
		else if (error.line > 0)
			cli_printf(err, "%s:%d: error: %s\n", file, error.line, error.message);
		else
			cli_printf(err, "%s: error: %s\n", file, error.message);
		return CLI_BAD_INPUT;
	}
	if (findings) {
		cli_printf(out, "%s: %lld problem%s\n", label, findings, findings == 1 ? "" : "s");
		return CLI_FINDINGS;
	}
	n_outputs = count_outputs(label);
	if (n_outputs >= 0)
		cli_printf(out, "%s: signature valid; %lld output%s match%s", label, n_outputs,
			n_outputs == 1 ? "" : "s", n_outputs == 1 ? "es" : "");
	else
		cli_printf(out, "%s: signature valid; every output matches", label);
	cli_printf(out, "; %lld input%s re-hashed, %lld not at hand\n", counts.inputs_matched,
		counts.inputs_matched == 1 ? "" : "s", counts.inputs_absent);
	return CLI_OK;
}
