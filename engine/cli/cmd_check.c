/*
 * cmd_check.c - `tender check`: the bidder's self-check under a rule set.
 * Runs the per-bid phase only: gates, per-bid flags, and every score that
 * does not depend on rival bids or on the panel (those are listed as such).
 */
#include "cli.h"

#include "../evaluate.h"
#include "../kinds.h"
#include "../validate.h"

#include <getopt.h> /* optind */
#include <jansson.h>
#include <string.h>

static const struct cli_spec check_spec = {
	.command = "tender check",
	.usage = "tender check -r RULES.xml [--tender TENDER.xml] [options] BID.xml...",
	.description =
		"The bidder's self-check: validates each bid (as 'tender validate' does), then\n"
		"runs the rule set's gates, the flags that look at one bid, and every score that\n"
		"does not depend on rival bids. Price scores (relative to the lowest compliant\n"
		"price) and panel scores are listed as pending. Give --tender so that rules\n"
		"reading the tender ($tender: budget, population, questions) see it.",
	.exit_status =
		"0 every bid passes every gate; 1 a bid fails a gate, is invalid or\n"
		"a rule could not be evaluated; 2 usage error; 3 the rule set or tender is\n"
		"unusable or a file cannot be read; 4 internal error.",
	.options_first = 1,
	.min_operands = 1,
	.missing_operand = "no bid given",
};

static void print_diags(void *ctx, const char *path, const struct diag_list *diags)
{
	cli_print_diags(ctx, path, diags);
}

static void print_text(FILE *out, const struct ruleset *rs, const char *path,
		       const struct bid_result *b)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	char buf[64], max[64];

	fprintf(out, "%s: bid %s (%s)\n", cli_safe(&safe, path), cli_safe(&safe, b->id),
		cli_safe(&safe, b->bidder));
	for (size_t i = 0; i < rs->n_gates; i++)
		fprintf(out, "  gate  %-6s %-28s %s%s%s\n", b->gates[i].passed ? "PASS" : "FAIL",
			cli_safe(&safe, rs->gates[i].id), cli_safe(&safe, rs->gates[i].title),
			b->gates[i].passed ? "" : ": ",
			b->gates[i].passed ? "" : cli_safe(&safe, b->gates[i].message));
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct rule_node *n = &rs->nodes[i];
		const struct score *s = &b->scores[i];

		if (rule_is_group(n))
			continue;
		format_points(rs, s->points, buf, sizeof(buf));
		format_points(rs, n->points, max, sizeof(max));
		if (s->state == SCORE_DONE)
			fprintf(out, "  score %-28s %8s / %-8s %s\n", cli_safe(&safe, n->id), buf, max,
				cli_safe(&safe, s->explanation));
		else if (s->state == SCORE_PENDING)
			fprintf(out, "  score %-28s %8s / %-8s pending: %s\n", cli_safe(&safe, n->id),
				"-", max, n->ops->pending ? n->ops->pending : "");
		else
			fprintf(out, "  score %-28s %8s / %-8s %s\n", cli_safe(&safe, n->id), "ERROR",
				max, cli_safe(&safe, s->explanation));
	}
	for (size_t i = 0; i < b->n_flags; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		fprintf(out, "  flag  %-8s %s (%s): %s\n", severity_str(f->severity),
			cli_safe(&safe, f->id), cli_safe(&safe, f->cite),
			cli_safe(&safe, b->flags[i].message));
	}
	for (size_t i = 0; i < b->n_problems; i++)
		fprintf(out, "  problem: %s\n", cli_safe(&safe, b->problems[i]));
	cli_safe_release(&safe);
}

static json_t *to_json(const struct ruleset *rs, const char *path, const struct bid_result *b)
{
	json_t *gates = json_array(), *scores = json_array(), *flags = json_array();
	static const char *const states[] = {"scored", "pending", "error", "not-scored"};

	for (size_t i = 0; i < rs->n_gates; i++)
		json_array_append_new(gates, json_pack("{s:s, s:b, s:s?}", "id", rs->gates[i].id,
						       "passed", b->gates[i].passed, "message",
						       b->gates[i].message));
	for (size_t i = 0; i < rs->n_nodes; i++)
		if (!rule_is_group(&rs->nodes[i]))
			json_array_append_new(
				scores, json_pack("{s:s, s:s, s:f, s:f, s:s?}", "id", rs->nodes[i].id,
						  "state", states[b->scores[i].state], "points",
						  points_double(b->scores[i].points), "max",
						  points_double(rs->nodes[i].points),
						  "explanation", b->scores[i].explanation));
	for (size_t i = 0; i < b->n_flags; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		json_array_append_new(flags, json_pack("{s:s, s:s, s:s, s:s}", "id", f->id,
						       "severity", severity_str(f->severity), "cite",
						       f->cite, "message", b->flags[i].message));
	}
	json_t *problems = json_array();

	for (size_t i = 0; i < b->n_problems; i++)
		json_array_append_new(problems, json_string(b->problems[i]));
	return json_pack("{s:s, s:b, s:s, s:s, s:o, s:o, s:o, s:o}", "file", path, "checked", 1,
			 "bid", b->id, "bidder", b->bidder, "gates", gates, "scores", scores,
			 "flags", flags, "problems", problems);
}

int cmd_check(int argc, char **argv, FILE *out, FILE *err)
{
	const char *rules_path = NULL, *tender_path = NULL;
	size_t max_bytes = XML_DEFAULT_MAX_BYTES;
	int json = 0, status = CLI_OK;
	struct validator v;
	struct ruleset *rs = NULL;
	struct diag_list diags;
	struct eval_options eo = {0};
	struct cli_safe safe = CLI_SAFE_INIT;
	json_t *report = NULL;
	enum tender_status rc;
	const struct cli_option options[] = {
		{.name = "rules", .letter = 'r', .value_name = "FILE", .kind = CLI_STRING,
		 .to.string = &rules_path, .help = "the rule set (required)",
		 .required = "no rule set given (-r RULES.xml)"},
		CLI_OPTION_STRING('t', "tender", "FILE", &tender_path, "the tender description"),
		CLI_OPTION_FORMAT(&json, "text (default) or json"),
		CLI_OPTION_MAX_SIZE(&max_bytes, "refuse files larger than SIZE (default 16M)"),
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&check_spec, options, argc, argv, out, err);

	if (parsed == CLI_CONTINUE)
		parsed = cli_validator_init(&v, max_bytes, err);
	if (parsed != CLI_CONTINUE)
		return parsed;
	diag_list_init(&diags);
	rc = ruleset_load(rules_path, max_bytes, &rs, &diags);
	cli_print_diags(err, rules_path, &diags);
	diag_list_release(&diags);
	if (!rc && tender_path) {
		rc = validator_use_tender(&v, tender_path, NULL, &diags);
		cli_print_diags(err, tender_path, &diags);
		diag_list_release(&diags);
	}
	if (rc) {
		fprintf(err, "tender check: cannot use %s\n",
			cli_safe(&safe, rs ? tender_path : rules_path));
		status = rc == TENDER_ERR_NOMEM ? CLI_INTERNAL : CLI_BAD_INPUT;
		goto out;
	}
	if (!tender_path)
		fputs("tender check: note: no --tender given: rules that read $tender see nothing\n",
		      err);
	eo.decimals = v.tender_doc ? v.tender.decimals : rs->currency_decimals;
	eo.panel = NULL;
	eo.tender_root = v.tender_doc ? xml_doc_root(v.tender_doc) : NULL;
	eo.tender = v.tender_doc ? &v.tender : NULL;
	if (json)
		report = json_pack("{s:s, s:s, s:o}", "tool", "tender", "version", TENDER_VERSION,
				   "bids", json_array());
	for (int i = optind; i < argc; i++) {
		struct xml_doc *doc = NULL;
		struct bid_result b;
		enum doc_kind kind;

		rc = validator_load(&v, argv[i], &kind, &doc, &diags);
		print_diags(err, argv[i], &diags);
		diag_list_release(&diags);
		if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL) {
			status = CLI_INTERNAL;
			break;
		}
		if (!doc || kind != DOC_BID) {
			const char *why = rc == TENDER_ERR_IO ? "the file cannot be read"
							      : "the file is not a valid bid";

			if (doc)
				fprintf(err, "%s: error: this is a %s file, not a bid\n",
					cli_safe(&safe, argv[i]), doc_kind_str(kind));
			if (json)
				json_array_append_new(json_object_get(report, "bids"),
						      json_pack("{s:s, s:b, s:s}", "file", argv[i],
								"checked", 0, "reason", why));
			else
				fprintf(out, "%s: not checked: %s\n", cli_safe(&safe, argv[i]), why);
			xml_doc_free(doc);
			status = cli_worse(status, rc == TENDER_ERR_IO ? CLI_BAD_INPUT : CLI_FINDINGS);
			continue;
		}
		rc = bid_evaluate(rs, doc, &eo, &b);
		xml_doc_free(doc);
		if (rc) {
			bid_result_release(&b, rs);
			status = CLI_INTERNAL;
			break;
		}
		if (json)
			json_array_append_new(json_object_get(report, "bids"),
					      to_json(rs, argv[i], &b));
		else
			print_text(out, rs, argv[i], &b);
		for (size_t g = 0; g < rs->n_gates; g++)
			if (!b.gates[g].passed)
				status = cli_worse(status, CLI_FINDINGS);
		if (b.n_problems)
			status = cli_worse(status, CLI_FINDINGS);
		bid_result_release(&b, rs);
	}
out:
	if (json && !report)
		cli_print_json_failure(out, status, "the check could not be done: see the "
						    "messages on standard error");
	if (report) {
		json_object_set_new(report, "exit", json_integer(status));
		cli_print_json(out, report, JSON_INDENT(2));
		fputc('\n', out);
		json_decref(report);
	}
	cli_safe_release(&safe);
	ruleset_free(rs);
	validator_release(&v);
	return status;
}
