/*
 * cmd_rules.c - `tender rules lint`: the rule author's check. Loads each
 * rule set exactly as an evaluation would (every XPath and pattern compiled
 * and tried, weights added up, references resolved) and reports every
 * problem at its line and column with the rule id.
 */
#include "cli.h"

#include "../evaluate.h"
#include "../ruleset.h"
#include "../xml.h"

#include <getopt.h>
#include <string.h>

static void help(FILE *f)
{
	fprintf(f, "usage: tender rules lint [--max-size SIZE] RULES.xml...\n\n"
		   "Checks rule sets: the rule schema, every XPath and regular expression\n"
		   "compiles (and runs on an empty document, so unknown prefixes, variables and\n"
		   "functions show), weights add up within each group and to the scale, every\n"
		   "reference (tie-breaks, price criteria of flags) resolves, message templates\n"
		   "parse. Problems go to standard error as FILE:LINE:COLUMN: error: MESSAGE.\n\n"
		   "Options:\n"
		   "      --max-size SIZE  refuse files larger than SIZE (default 16M)\n"
		   "  -h, --help           show this help\n"
		   "      --version        show the version\n\n"
		   "Exit status: 0 every rule set is sound; 1 some rule set has problems; 2 usage\n"
		   "error; 3 a file cannot be read; 4 internal error.\n");
}

static void summary(FILE *out, const char *path, const struct ruleset *rs)
{
	size_t groups = 0, criteria = 0;
	char scale[64];

	for (size_t i = 0; i < rs->n_nodes; i++) {
		if (rule_is_group(&rs->nodes[i]))
			groups++;
		else
			criteria++;
	}
	format_points(rs, rs->scale, scale, sizeof(scale));
	cli_printf(out,
		"%s: ok: %s %s: %zu gates, %zu criteria in %zu groups, %zu flags, %zu tie-breaks; "
		"weights add up to %s\n",
		path, rs->id, rs->version, rs->n_gates, criteria, groups, rs->n_flags, rs->n_ties,
		scale);
}

static int lint(int argc, char **argv, FILE *out, FILE *err)
{
	static const struct option options[] = {
		{"max-size", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	size_t max_bytes = XML_DEFAULT_MAX_BYTES;
	int opt, status = CLI_OK;

	opterr = 0;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
		switch (opt) {
		case 'm':
			if (cli_option_max_size(err, "tender rules lint", optarg, &max_bytes) >= 0)
				return CLI_USAGE;
			break;
		case 'h': help(out); return CLI_OK;
		case 'V': cli_printf(out, "tender %s\n", TENDER_VERSION); return CLI_OK;
		default:
			return cli_option_unknown(err, "tender rules lint", argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		cli_printf(err, "tender rules lint: no rule set given\nsee 'tender rules lint --help'\n");
		return CLI_USAGE;
	}
	for (int i = optind; i < argc; i++) {
		struct ruleset *rs = NULL;
		struct diag_list diags;
		enum tender_status rc;

		diag_list_init(&diags);
		rc = ruleset_load(argv[i], max_bytes, &rs, &diags);
		cli_print_diags(err, argv[i], &diags);
		diag_list_release(&diags);
		if (rc == TENDER_OK) {
			summary(out, argv[i], rs);
			ruleset_free(rs);
		} else if (rc == TENDER_ERR_NOMEM) {
			cli_printf(err, "%s: error: out of memory\n", argv[i]);
			return CLI_INTERNAL;
		} else {
			cli_printf(out, "%s: NOT USABLE\n", argv[i]);
			status = cli_worse(status, rc == TENDER_ERR_IO ? CLI_BAD_INPUT : CLI_FINDINGS);
		}
	}
	return status;
}

int cmd_rules(int argc, char **argv, FILE *out, FILE *err)
{
	if (argc >= 2 && strcmp(argv[1], "lint") == 0)
		return lint(argc - 1, argv + 1, out, err);
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		cli_printf(out, "usage: tender rules lint [options] RULES.xml...\n\n"
			     "Commands:\n  lint   check rule sets (see 'tender rules lint --help')\n");
		return CLI_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		cli_printf(out, "tender %s\n", TENDER_VERSION);
		return CLI_OK;
	}
	cli_printf(err, "tender rules: expected 'lint'; see 'tender rules --help'\n");
	return CLI_USAGE;
}
