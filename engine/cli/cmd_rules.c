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

#include <getopt.h> /* optind */
#include <string.h>

static const struct cli_spec lint_spec = {
	.command = "tender rules lint",
	.usage = "tender rules lint [--max-size SIZE] RULES.xml...",
	.description =
		"Checks rule sets: the rule schema, every XPath and regular expression\n"
		"compiles (and runs on an empty document, so unknown prefixes, variables and\n"
		"functions show), weights add up within each group and to the scale, every\n"
		"reference (tie-breaks, price criteria of flags) resolves, message templates\n"
		"parse. Problems go to standard error as FILE:LINE:COLUMN: error: MESSAGE.",
	.exit_status = "0 every rule set is sound; 1 some rule set has problems; 2 usage\n"
		       "error; 3 a file cannot be read; 4 internal error.",
	.options_first = 1,
	.min_operands = 1,
	.missing_operand = "no rule set given",
};

static void summary(FILE *out, const char *path, const struct ruleset *rs)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	size_t groups = 0, criteria = 0;
	char scale[64];

	for (size_t i = 0; i < rs->n_nodes; i++) {
		if (rule_is_group(&rs->nodes[i]))
			groups++;
		else
			criteria++;
	}
	format_points(rs, rs->scale, scale, sizeof(scale));
	fprintf(out,
		"%s: ok: %s %s: %zu gates, %zu criteria in %zu groups, %zu flags, %zu tie-breaks; "
		"weights add up to %s\n",
		cli_safe(&safe, path), cli_safe(&safe, rs->id), cli_safe(&safe, rs->version),
		rs->n_gates, criteria, groups, rs->n_flags, rs->n_ties, scale);
	cli_safe_release(&safe);
}

static int lint(int argc, char **argv, FILE *out, FILE *err)
{
	size_t max_bytes = XML_DEFAULT_MAX_BYTES;
	int status = CLI_OK;
	const struct cli_option options[] = {
		CLI_OPTION_MAX_SIZE(&max_bytes, "refuse files larger than SIZE (default 16M)"),
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&lint_spec, options, argc, argv, out, err);

	if (parsed != CLI_CONTINUE)
		return parsed;
	for (int i = optind; i < argc; i++) {
		struct ruleset *rs = NULL;
		struct diag_list diags;
		struct cli_safe safe = CLI_SAFE_INIT;
		enum tender_status rc;

		diag_list_init(&diags);
		rc = ruleset_load(argv[i], max_bytes, &rs, &diags);
		cli_print_diags(err, argv[i], &diags);
		diag_list_release(&diags);
		if (rc == TENDER_OK) {
			summary(out, argv[i], rs);
			ruleset_free(rs);
		} else if (rc == TENDER_ERR_NOMEM) {
			fprintf(err, "%s: error: out of memory\n", cli_safe(&safe, argv[i]));
			status = CLI_INTERNAL;
		} else {
			fprintf(out, "%s: NOT USABLE\n", cli_safe(&safe, argv[i]));
			status = cli_worse(status, rc == TENDER_ERR_IO ? CLI_BAD_INPUT : CLI_FINDINGS);
		}
		cli_safe_release(&safe);
		if (status == CLI_INTERNAL)
			break;
	}
	return status;
}

static const struct cli_spec rules_spec = {
	.command = "tender rules",
	.usage = "tender rules lint [options] RULES.xml...",
};

static const struct cli_subcommand rules_subcommands[] = {
	{"lint", "check rule sets (see 'tender rules lint --help')", lint},
	{NULL, NULL, NULL},
};

int cmd_rules(int argc, char **argv, FILE *out, FILE *err)
{
	static const struct cli_group rules = {&rules_spec, rules_subcommands};

	return cli_dispatch(&rules, argc, argv, out, err);
}
