/*
 * cmd_evaluate.c - `tender evaluate`: the panel's command. Evaluates every
 * bid of a tender under its rule set, writes evaluation.xml into the output
 * folder, and prints the ranking.
 */
#include "cli.h"

#include "../alloc.h"
#include "../audit.h"
#include "../fileio.h"
#include "../manifest.h"
#include "../outdir.h"
#include "../result.h"
#include "../run.h"
#include "../store.h"
#include "../strbuf.h"

#include <errno.h>
#include <getopt.h> /* optind */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CLI_MAX_ALLOW_OUTSIDE 64

static const struct cli_spec evaluate_spec = {
	.command = "tender evaluate",
	.usage = "tender evaluate [options] TENDER.xml",
	.description =
		"Evaluates the bids of a tender: reads the tender description, the rule set,\n"
		"the bids and the panel's scores it names; runs gates, scores and flags; ranks\n"
		"the compliant bids; writes evaluation.xml (every gate, score with its\n"
		"explanation, flag, total and rank, the tie-break that decided equal totals,\n"
		"and every input's SHA-256) into the output folder with report.html,\n"
		"scores.csv, evaluation.json and manifest.json (the SHA-256 of every input and\n"
		"output, the evaluation's id in the store and the chain head after it);\n"
		"records everything in the evaluation store; prints the ranking. The outputs\n"
		"replace the folder's previous ones as a whole, and the evaluation is committed\n"
		"only once they are in place: a failed run records nothing and writes nothing.\n\n"
		"With the panel's scores, evaluation.xml also holds the panel's record: the\n"
		"decision makers and their declared interests, each conflict with a bid and\n"
		"how it was managed, every evaluator's score and justification, moderated\n"
		"scores with their notes (moderation as the rule set's <moderation> says), and\n"
		"the panel's decisions on flags.\n\n"
		"The tender declares its regime (psr-2023, pa-2023, pcr-2015, nhs-2013) and\n"
		"the date of its award notice; the standstill period is counted from that date\n"
		"as the regime says, past weekends, the UK bank holidays tender ships and the\n"
		"tender's <non-working-days>, and recorded with every day it skipped.",
	.notes = "SOURCE_DATE_EPOCH, when set, fixes the time recorded in the outputs, so that\n"
		 "the same inputs give the same bytes.",
	.exit_status =
		"0 every bid was evaluated (compliant or not); 1 some bid could\n"
		"not be evaluated (unreadable, invalid, a rule failed on it); 2 usage error or\n"
		"malformed SOURCE_DATE_EPOCH; 3 the tender, rule set or panel scores are\n"
		"unusable, or the output cannot be written; 4 internal error.",
	/* where it has always been: --require-signature reaches past it */
	.help_column = 23,
};

static void print_diags(void *ctx, const char *path, const struct diag_list *diags)
{
	cli_print_diags(ctx, path, diags);
}

static int add_reason(void *ctx, const char *reason)
{
	return json_array_append_new(ctx, json_string(reason)) == 0;
}

/* Why a bid is not ranked (bid_reasons): a new array of strings
 * (json_decref), NULL when out of memory. */
static json_t *reasons(const struct evaluation *ev, const struct bid_result *b)
{
	json_t *out = json_array();

	if (out && bid_reasons(ev->rules, b, add_reason, out) != TENDER_OK) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* The reasons in one line, "; " between them, printed safely. */
static void print_reasons(FILE *out, const json_t *why)
{
	struct cli_safe safe = CLI_SAFE_INIT;
	size_t i;
	json_t *v;

	json_array_foreach(why, i, v)
		fprintf(out, "%s%s", i > 0 ? "; " : "", cli_safe(&safe, json_string_value(v)));
	cli_safe_release(&safe);
}

static void print_table(FILE *out, const struct evaluation *ev, const size_t *order,
			const char *path)
{
	const struct ruleset *rs = ev->rules;
	struct cli_safe safe = CLI_SAFE_INIT;
	char hex[65], total[64], pct[64], scale[64];

	sha256_hex(rs->sha256, hex);
	format_points(rs, rs->scale, scale, sizeof(scale));
	fprintf(out, "%s: %s\n", cli_safe(&safe, ev->tender_id), cli_safe(&safe, ev->tender_title));
	fprintf(out, "rule set %s %s (sha256 %.16s...)\n\n", cli_safe(&safe, rs->id),
		cli_safe(&safe, rs->version), hex);
	fprintf(out, "rank  bid       %-42spoints       %%\n", "bidder");
	for (size_t i = 0; i < ev->n_bids; i++) {
		const struct bid_result *b = &ev->bids[order[i]];

		if (!b->rank)
			continue;
		format_points(rs, b->total, total, sizeof(total));
		format_points(rs, points_percent(rs, b->total), pct, sizeof(pct));
		fprintf(out, "%3d%s  ", b->rank, b->tied ? "=" : " ");
		cli_print_cell(out, b->id, 8);
		fputs("  ", out);
		cli_print_cell(out, b->bidder, 40);
		fprintf(out, "  %6s  %6s\n", total, pct);
	}
	fprintf(out, "(points out of %s)\n", scale);
	for (size_t i = 0; i < ev->n_bids; i++) {
		const struct bid_result *b = &ev->bids[order[i]];

		for (size_t k = 0; k < b->n_ties; k++) {
			if (!b->ties[k].above)
				continue;
			fprintf(out, "tie-break: %s above %s (equal totals; tie-break %zu, %s)\n",
				cli_safe(&safe, b->id), cli_safe(&safe, ev->bids[b->ties[k].other].id),
				b->ties[k].tie + 1,
				cli_safe(&safe, rs->nodes[rs->ties[b->ties[k].tie].node].id));
		}
	}
	for (size_t i = 0, first = 1; i < ev->n_bids; i++) {
		const struct bid_result *b = &ev->bids[order[i]];
		json_t *why;

		if (b->rank)
			continue;
		if (first)
			fputs("\nnot ranked:\n", out);
		first = 0;
		why = reasons(ev, b);
		fputs("  ", out);
		cli_print_cell(out, b->id, 8);
		fputs("  ", out);
		if (why)
			print_reasons(out, why);
		else
			fputs("(out of memory: see evaluation.xml)", out);
		fputc('\n', out);
		json_decref(why);
	}
	for (size_t i = 0, first = 1; i < ev->n_bids; i++) {
		const struct bid_result *b = &ev->bids[order[i]];

		for (size_t k = 0; k < b->n_flags; k++) {
			const struct flag *f = &rs->flags[b->flags[k].flag];

			if (first)
				fputs("\nflags (the messages are in evaluation.xml):\n", out);
			first = 0;
			fprintf(out, "  %-8s  ", severity_str(f->severity));
			cli_print_cell(out, b->id, 8);
			fprintf(out, "  %s: %s\n", cli_safe(&safe, f->id), cli_safe(&safe, f->title));
		}
	}
	fprintf(out, "\nevaluation written to %s\n", cli_safe(&safe, path));
	fputs("reports beside it: report.html, scores.csv, evaluation.json, manifest.json\n", out);
	cli_safe_release(&safe);
}

static json_t *to_json(const struct evaluation *ev, const size_t *order, const char *path,
		       int status)
{
	const struct ruleset *rs = ev->rules;
	json_t *ranking = json_array(), *unranked = json_array(), *flags = json_array();
	char hex[65];

	sha256_hex(rs->sha256, hex);
	for (size_t i = 0; i < ev->n_bids; i++) {
		const struct bid_result *b = &ev->bids[order[i]];

		if (b->rank) {
			json_array_append_new(ranking,
					      json_pack("{s:i, s:b, s:s, s:s, s:f, s:f}", "rank",
							b->rank, "tied", b->tied, "bid", b->id,
							"bidder", b->bidder, "total",
							points_double(b->total), "percent",
							points_double(points_percent(rs, b->total))));
		} else {
			json_t *why = reasons(ev, b);
			struct strbuf line = STRBUF_INIT;
			size_t k;
			json_t *v;

			json_array_foreach(why, k, v)
				strbuf_addf(&line, "%s%s", k ? "; " : "", json_string_value(v));
			json_array_append_new(unranked,
					      json_pack("{s:s, s:s, s:s, s:s, s:o}", "bid", b->id,
							"bidder", b->bidder, "file", b->file, "reason",
							strbuf_str(&line), "reasons",
							why ? why : json_array()));
			strbuf_release(&line);
		}
		for (size_t k = 0; k < b->n_flags; k++) {
			const struct flag *f = &rs->flags[b->flags[k].flag];

			json_array_append_new(flags,
					      json_pack("{s:s, s:s, s:s, s:s, s:s}", "bid", b->id,
							"flag", f->id, "severity",
							severity_str(f->severity), "cite", f->cite,
							"message", b->flags[k].message));
		}
	}
	return json_pack("{s:s, s:s, s:{s:s, s:s}, s:{s:s, s:s, s:s}, s:f, s:s, s:o, s:o, s:o, "
			 "s:i}",
			 "tool", "tender", "version", TENDER_VERSION, "tender", "id", ev->tender_id,
			 "title", ev->tender_title, "ruleset", "id", rs->id, "version", rs->version,
			 "sha256", hex, "scale", points_double(rs->scale), "evaluation", path, "ranking", ranking,
			 "not_ranked", unranked, "flags", flags, "exit", status);
}

/* The default output folder: "evaluation" beside the tender file. */
static char *default_output(const char *tender)
{
	const char *slash = strrchr(tender, '/');
	size_t dir = slash ? (size_t)(slash - tender + 1) : 0;
	char *out = malloc(dir + sizeof("evaluation"));

	if (out) {
		memcpy(out, tender, dir);
		memcpy(out + dir, "evaluation", sizeof("evaluation"));
	}
	return out;
}

/* Removes a store that this run created and did not record into: a failed
 * run leaves no new file. */
static void remove_new_store(const char *db)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	char path[4200];

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (snprintf(path, sizeof(path), "%s%s", db, suffixes[i]) < (int)sizeof(path))
			unlink(path);
}

/* The output phase, as one unit: the outputs are written into a new folder
 * beside the output folder while the evaluation is recorded in the store
 * but not yet committed (so that the signed manifest can name its id and the
 * chain head after it), the new folder takes the output folder's place, and
 * only then is the evaluation committed; when the commit fails the old
 * folder is put back. A failure anywhere leaves no evaluation in the store
 * and no new file (outdir.h). db is NULL for the default store, db_default,
 * in the output folder. */
static enum tender_status record_and_write(const struct evaluation *ev, const char *xml,
					   size_t size,
					   const struct cli_reports *reports, const char *output,
					   const char *db, const char *db_default, const char *key,
					   int bind, long long *id, struct tender_error *error)
{
	struct manifest_output files[1 + CLI_N_DEFAULT_REPORTS];
	const char *names[2 + CLI_N_DEFAULT_REPORTS] = {"evaluation.xml"};
	const size_t n_files = 1 + CLI_N_DEFAULT_REPORTS;
	struct manifest_anchor anchor;
	struct outdir *o = NULL;
	struct store *store = NULL;
	char chain_head[65], signer[65], *manifest = NULL;
	size_t manifest_size = 0;
	int new_store = 0, created;
	struct stat st;
	enum tender_status rc;

	files[0] = (struct manifest_output){"evaluation.xml", xml, size};
	for (size_t i = 0; i < CLI_N_DEFAULT_REPORTS; i++) {
		names[i + 1] = cli_default_reports[i];
		files[i + 1] = (struct manifest_output){cli_default_reports[i], reports->text[i],
							reports->size[i]};
	}
	names[n_files] = "manifest.json";
	if ((rc = outdir_begin(output, names, n_files + 1, &o, error)))
		return rc;
	if (!db) {
		db = db_default;
		new_store = lstat(db, &st) != 0 && errno == ENOENT;
	}
	if (key && (rc = manifest_public_key(key, signer, error)))
		goto fail;
	if ((rc = store_open(db, 0, &store, error)) ||
	    (rc = audit_record_pending(store, ev, xml, size, id, chain_head, error)) ||
	    (rc = store_check_signer(store, *id, key ? signer : NULL, bind, error)))
		goto fail;
	anchor = (struct manifest_anchor){*id, chain_head};
	if ((rc = manifest_make(ev, &anchor, files, n_files, key, &manifest, &manifest_size, error)))
		goto fail;
	for (size_t i = 0; i < n_files && !rc; i++)
		rc = outdir_put(o, files[i].name, files[i].data, files[i].size, error);
	if (rc || (rc = outdir_put(o, "manifest.json", manifest, manifest_size, error)) ||
	    (rc = outdir_commit(o, error)))
		goto fail;
	if ((rc = store_commit(store, error))) {
		outdir_undo(o, error);
		goto fail;
	}
	store_close(store);
	outdir_free(o);
	tender_free(manifest);
	return TENDER_OK;
fail:
	store_rollback(store);
	store_close(store);
	created = outdir_created(o);
	outdir_free(o);
	if (new_store) {
		remove_new_store(db);
		if (created)
			rmdir(output); /* only when empty */
	}
	tender_free(manifest);
	return rc;
}

/* "FILE: error: MESSAGE" for a step that failed ("tender evaluate" when no
 * file is to blame); returns the exit code. */
static int step_failed(FILE *err, enum tender_status rc, const struct tender_error *error)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(err, "%s: error: %s\n",
		error->file[0] ? cli_safe(&safe, error->file) : "tender evaluate",
		rc == TENDER_ERR_NOMEM ? "out of memory" : cli_safe(&safe, error->message));
	cli_safe_release(&safe);
	return rc == TENDER_ERR_NOMEM ? CLI_INTERNAL : CLI_BAD_INPUT;
}

int cmd_evaluate(int argc, char **argv, FILE *out, FILE *err)
{
	const char *output = NULL, *db = getenv("TENDER_DB"), *key = NULL;
	char *output_owned = NULL, *xml = NULL, path[4096], db_default[4096];
	struct cli_reports reports = {{NULL}, {0}};
	long long evaluation_id = 0;
	size_t max_bytes = XML_DEFAULT_MAX_BYTES, size = 0, *order = NULL;
	int json = 0, status = CLI_OK, printed = 0, bind = 0;
	struct tender_error error = {0};
	struct cli_safe safe = CLI_SAFE_INIT;
	struct run r;
	struct evaluation ev;
	enum tender_status rc;
	const char *allow[CLI_MAX_ALLOW_OUTSIDE];
	size_t n_allow = 0;
	const struct cli_option options[] = {
		CLI_OPTION_STRING('o', "output", "DIR", &output,
				  "the output folder (default: 'evaluation' beside the\n"
				  "tender file)"),
		CLI_OPTION_STRING(0, "db", "FILE", &db,
				  "the evaluation store to record into (default: $TENDER_DB,\n"
				  "else tender.db in the output folder)"),
		CLI_OPTION_STRING(0, "sign", "KEYFILE", &key,
				  "sign manifest.json with this Ed25519 secret key (made by\n"
				  "'tender keygen')"),
		{.name = "require-signature", .kind = CLI_FLAG, .to.flag = &bind,
		 .help = "bind the store to the --sign key: from this\n"
			 "evaluation on it records only evaluations signed by it"},
		CLI_OPTION_FORMAT(&json, "text (default: a ranking table) or json"),
		CLI_OPTION_MAX_SIZE(&max_bytes, "refuse files larger than SIZE (default 16M)"),
		{.name = "allow-outside", .value_name = "DIR", .kind = CLI_STRINGS,
		 .to.strings = allow, .count = &n_allow, .max = CLI_MAX_ALLOW_OUTSIDE,
		 .bad_words = "folders",
		 .help = "\nlet bids and the panel's scores come from DIR too, not\n"
			 "only from the tender's folder (and those it names with\n"
			 "<allow-outside folder=\"...\"/>); may be repeated"},
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&evaluate_spec, options, argc, argv, out, err);

	if (parsed != CLI_CONTINUE)
		return parsed;
	if (optind != argc - 1)
		return cli_usage_error(err, &evaluate_spec, "give exactly one tender description");
	for (size_t i = 0; i < n_allow; i++) {
		if (!input_is_folder(allow[i])) {
			fprintf(err, "tender evaluate: --allow-outside %s: not a folder\n",
				cli_safe(&safe, allow[i]));
			cli_safe_release(&safe);
			return CLI_USAGE;
		}
	}
	if (bind && !key) {
		fprintf(err, "tender evaluate: --require-signature needs --sign KEYFILE\n");
		return CLI_USAGE;
	}
	if (key && (rc = manifest_check_key(key, &error)) != TENDER_OK) {
		fprintf(err, "%s: error: %s\n", cli_safe(&safe, error.file[0] ? error.file : key),
			cli_safe(&safe, error.message));
		cli_safe_release(&safe);
		return rc == TENDER_ERR_NOMEM ? CLI_INTERNAL : CLI_BAD_INPUT;
	}
	{
		struct run_options ro = {.max_bytes = max_bytes, .report = print_diags,
					 .report_ctx = err, .allow_outside = allow,
					 .n_allow_outside = n_allow};

		rc = run_evaluate(&r, argv[optind], &ro, &error);
	}
	if (rc == TENDER_ERR_USAGE) {
		fprintf(err, "tender evaluate: %s\n", cli_safe(&safe, error.message));
		status = CLI_USAGE;
		goto out;
	}
	if (rc == TENDER_ERR_INVALID) {
		fprintf(err, "tender evaluate: cannot evaluate %s (see above)\n",
			cli_safe(&safe, argv[optind]));
		status = CLI_BAD_INPUT;
		goto out;
	}
	if (rc) {
		fprintf(err, "tender evaluate: %s\n",
			rc == TENDER_ERR_NOMEM ? "out of memory" : cli_safe(&safe, error.message));
		status = CLI_INTERNAL;
		goto out;
	}
	ev = run_record(&r);
	if (!output)
		output = output_owned = default_output(argv[optind]);
	order = calloc(ev.n_bids ? ev.n_bids : 1, sizeof(*order));
	if (!output || !order || result_serialise(&ev, &xml, &size)) {
		fputs("tender evaluate: out of memory\n", err);
		status = CLI_INTERNAL;
		goto out;
	}
	/* Every report is made before anything is recorded or written: one
	 * that cannot be made fails the run, and nothing is half-written. */
	if ((rc = cli_render_default_reports(xml, size, &reports, &error)) != TENDER_OK) {
		status = step_failed(err, rc, &error);
		goto out;
	}
	if (cli_join_path(path, sizeof(path), output, "evaluation.xml", &error) ||
	    cli_join_path(db_default, sizeof(db_default), output, "tender.db", &error)) {
		fprintf(err, "%s: error: %s\n", cli_safe(&safe, error.file),
			cli_safe(&safe, error.message));
		status = CLI_BAD_INPUT;
		goto out;
	}
	if ((rc = record_and_write(&ev, xml, size, &reports, output, db && *db ? db : NULL,
				   db_default, key, bind, &evaluation_id, &error))) {
		status = step_failed(err, rc, &error);
		goto out;
	}
	for (size_t i = 0; i < ev.n_bids; i++)
		if (ev.bids[i].n_problems)
			status = CLI_FINDINGS;
	result_order(&ev, order);
	if (json) {
		json_t *report = to_json(&ev, order, path, status);

		cli_print_json(out, report, JSON_INDENT(2));
		fputc('\n', out);
		json_decref(report);
		printed = 1;
	} else {
		print_table(out, &ev, order, path);
		fprintf(out, "recorded as evaluation %lld in %s\n", evaluation_id,
			cli_safe(&safe, db && *db ? db : db_default));
	}
out:
	if (json && !printed)
		cli_print_json_failure(out, status, "the evaluation could not be done: see the "
						    "messages on standard error");
	free(order);
	free(xml);
	cli_reports_release(&reports);
	free(output_owned);
	run_release(&r);
	cli_safe_release(&safe);
	return status;
}
