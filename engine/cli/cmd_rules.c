/*
 * cmd_rules.c - `tender rules lint`: the rule author's check. Loads each
 * rule set exactly as an evaluation would (every XPath and pattern compiled
 * and tried, weights added up, references resolved) and reports every
 * problem at its line and column with the rule id.
 */
#include "cli.h"

#include "../evaluate.h"
#include "../regime_check.h"
#include "../ruleset.h"
#include "../validate.h"
#include "../xml.h"

#include <getopt.h> /* optind */
#include <string.h>

static const struct cli_spec lint_spec = {
	.command = "tender rules lint",
	.usage = "tender rules lint [--tender TENDER.xml] [--max-size SIZE] RULES.xml...",
	.description =
		"Checks rule sets: the rule schema, every XPath and regular expression\n"
		"compiles (and runs on an empty document, so unknown prefixes, variables and\n"
		"functions show), weights add up within each group and to the scale, every\n"
		"reference (tie-breaks, price criteria of flags) resolves, message templates\n"
		"parse. A rule set written for psr-2023 (or, with --tender, used under it)\n"
		"must consider the five key criteria of PSR 2023 reg 5 and justify their\n"
		"weights. With --tender, a rule that cites an instrument not in force on the\n"
		"tender's notice date is warned of. Problems go to standard error as\n"
		"FILE:LINE:COLUMN: error: MESSAGE.",
	.exit_status = "0 every rule set is sound (warnings allowed); 1 some rule set has\n"
		       "problems; 2 usage error; 3 a file (or the tender) cannot be read or used;\n"
		       "4 internal error.",
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

/* The tender at path, for its regime and notice date: 1 when usable (in
 * v), else 0 after saying why. */
static int use_tender(struct validator *v, const char *path, FILE *err)
{
	struct diag_list diags;
	struct cli_safe safe = CLI_SAFE_INIT;
	enum tender_status rc;

	diag_list_init(&diags);
	rc = validator_use_tender(v, path, NULL, &diags);
	cli_print_diags(err, path, &diags);
	diag_list_release(&diags);
	if (rc)
		fprintf(err, "tender rules lint: cannot use %s\n", cli_safe(&safe, path));
	cli_safe_release(&safe);
	return rc == TENDER_OK;
}

static int lint(int argc, char **argv, FILE *out, FILE *err)
{
	size_t max_bytes = XML_DEFAULT_MAX_BYTES;
	const char *tender_path = NULL;
	int status = CLI_OK;
	struct validator v;
	const struct cli_option options[] = {
		CLI_OPTION_STRING('t', "tender", "FILE",
				  &tender_path, "check against this tender's regime and notice date"),
		CLI_OPTION_MAX_SIZE(&max_bytes, "refuse files larger than SIZE (default 16M)"),
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&lint_spec, options, argc, argv, out, err);

	if (parsed == CLI_CONTINUE && tender_path)
		parsed = cli_validator_init(&v, max_bytes, err);
	if (parsed != CLI_CONTINUE)
		return parsed;
	if (tender_path && !use_tender(&v, tender_path, err)) {
		validator_release(&v);
		return CLI_BAD_INPUT;
	}
	for (int i = optind; i < argc; i++) {
		struct ruleset *rs = NULL;
		struct diag_list diags;
		struct cli_safe safe = CLI_SAFE_INIT;
		enum tender_status rc;

		diag_list_init(&diags);
		rc = ruleset_load(argv[i], max_bytes, &rs, &diags);
		if (!rc && (tender_path || rs->regime)) {
			size_t errors = diags.n_errors;

			/* the tender's regime, else the one the rule set is written for */
			rc = tender_path ? regime_check_tender(rs, v.tender.regime,
							       v.tender.notice_date, 1, &diags)
					 : regime_check_rules(rs, rs->regime, &diags);
			if (!rc && diags.n_errors > errors) {
				ruleset_free(rs);
				rc = TENDER_ERR_RULE;
			}
		}
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
	if (tender_path)
		validator_release(&v);
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
