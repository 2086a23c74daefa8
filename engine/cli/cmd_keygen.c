/*
 * cmd_keygen.c - `tender keygen`: a new Ed25519 key pair with which a panel
 * signs the manifest of an evaluation (manifest.h), so that anyone holding
 * the public key can check the decision was not changed.
 */
#include "cli.h"

#include "../manifest.h"

#include <string.h>

static const struct cli_spec keygen_spec = {
	.command = "tender keygen",
	.usage = "tender keygen -o KEYFILE",
	.description =
		"Creates a new Ed25519 key pair for signing evaluation manifests: the secret\n"
		"key in KEYFILE (mode 0600) and the public key in KEYFILE.pub, which is all\n"
		"anyone needs to check a signature:\n"
		"  tender audit verify-manifest DIR --pubkey KEYFILE.pub\n\n"
		"An existing file is never overwritten. Keep the secret key private: whoever\n"
		"holds it can sign decisions in the panel's name.",
	.exit_status = "0 the key pair was written; 2 usage error; 3 a key file exists\n"
		       "already or cannot be written; 4 internal error.",
	.max_operands = 0,
	.extra_operand = {"unexpected argument ", " (the key file goes after -o)"},
};

/* The hex line of the public key file just written, into hex (65 bytes);
 * 0 when it cannot be read back. */
static int read_public_hex(const char *pub_path, char hex[65])
{
	char line[128];
	FILE *f = fopen(pub_path, "r");
	int ok = 0;

	if (!f)
		return 0;
	if (fgets(line, sizeof(line), f) && fgets(line, sizeof(line), f) &&
	    strlen(line) == 65 && line[64] == '\n') {
		memcpy(hex, line, 64);
		hex[64] = '\0';
		ok = 1;
	}
	fclose(f);
	return ok;
}

int cmd_keygen(int argc, char **argv, FILE *out, FILE *err)
{
	const char *key_path = NULL;
	char pub_path[4096], hex[65];
	struct tender_error error = {0};
	struct cli_safe safe = CLI_SAFE_INIT;
	enum tender_status rc;
	const struct cli_option options[] = {
		CLI_OPTION_STRING('o', "output", "KEYFILE", &key_path,
				  "where to write the secret key (the public key goes\n"
				  "to KEYFILE.pub)"),
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&keygen_spec, options, argc, argv, out, err);

	if (parsed != CLI_CONTINUE)
		return parsed;
	if (!key_path || !*key_path)
		return cli_usage_error(err, &keygen_spec, "no key file given (-o KEYFILE)");
	rc = manifest_keygen(key_path, &error);
	if (rc) {
		fprintf(err, "%s: error: %s\n",
			error.file[0] ? cli_safe(&safe, error.file) : "tender keygen",
			cli_safe(&safe, error.message));
		cli_safe_release(&safe);
		return rc == TENDER_ERR_IO ? CLI_BAD_INPUT : CLI_INTERNAL;
	}
	/* manifest_keygen succeeded, so this fits (it checked the same length). */
	snprintf(pub_path, sizeof(pub_path), "%s.pub", key_path);
	fprintf(out, "secret key: %s (keep it private)\npublic key: %s\n", cli_safe(&safe, key_path),
		cli_safe(&safe, pub_path));
	if (read_public_hex(pub_path, hex))
		fprintf(out, "public key hex: %s\n", cli_safe(&safe, hex));
	cli_safe_release(&safe);
	return CLI_OK;
}
