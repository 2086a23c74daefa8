/*
 * cmd_audit.c - `tender audit`: the auditor's commands on an evaluation
 * store. verify (re-run and compare, re-hash, walk the chain), explain (one
 * bid's gates, scores and flags), export (the stored inputs as files that
 * re-evaluate to the same evaluation.xml), verify-manifest (a signed
 * output folder).
 */
#include "cli.h"
#include "number.h"

#include "../alloc.h"
#include "../anchor.h"
#include "../audit.h"
#include "../explain.h"
#include "../store.h"

#include <errno.h>
#include <getopt.h> /* optind */
#include <jansson.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_spec audit_spec = {
	.command = "tender audit",
	.usage = "tender audit verify --db FILE [EVALUATION]\n"
		 "       tender audit verify --db FILE --manifest DIR --pubkey FILE\n"
		 "       tender audit explain --db FILE [--evaluation N] [--format text|json] BID\n"
		 "       tender audit export --db FILE EVALUATION -o DIR\n"
		 "       tender audit verify-manifest DIR --pubkey FILE",
	.description =
		"verify   re-runs every stored evaluation (or one) from its stored inputs with\n"
		"         this engine and compares every gate, score, flag, total and rank, the\n"
		"         panel record row by row and the evaluation.xml bytes; re-hashes every\n"
		"         stored file; walks the hash-chained audit log; runs SQLite's integrity\n"
		"         check. Prints each difference; exit 1 when there is any. With\n"
		"         --manifest DIR --pubkey FILE, also checks DIR/manifest.json's\n"
		"         signature and that the store still holds exactly the evaluation it\n"
		"         signed (its id, the chain head after it, its inputs and\n"
		"         evaluation.xml), and re-runs that evaluation.\n"
		"explain  every gate, score and flag of one bid, with its explanation, and its\n"
		"         panel record (conflicts, each evaluator's score and justification, the\n"
		"         moderated score, the decision makers), from the newest evaluation that\n"
		"         has the bid (or --evaluation N).\n"
		"export   writes an evaluation's stored inputs under DIR and prints the command\n"
		"         that re-evaluates them to the same evaluation.xml, byte for byte.\n"
		"verify-manifest  checks a signed manifest.json (see 'tender keygen').",
	.exit_status =
		"0 verified / done; 1 differences found; 2 usage error; 3 the store\n"
		"cannot be opened or is not a tender store, or a file cannot be written;\n"
		"4 internal error.",
};

static int store_failure(FILE *err, const struct tender_error *e, enum tender_status rc)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	if (rc == TENDER_ERR_NOMEM)
		fputs("tender audit: out of memory\n", err);
	else if (e->file[0])
		fprintf(err, "%s: error: %s\n", cli_safe(&safe, e->file), cli_safe(&safe, e->message));
	else
		fprintf(err, "tender audit: %s\n", cli_safe(&safe, e->message));
	cli_safe_release(&safe);
	return rc == TENDER_ERR_NOMEM ? CLI_INTERNAL
	       : rc == TENDER_ERR_USAGE ? CLI_USAGE
					: CLI_BAD_INPUT;
}

/* The options verify, explain and export share (one table, audit_spec's
 * help); parse() returns CLI_CONTINUE when the caller goes on, else an exit
 * code. */
struct audit_args {
	const char *db, *output, *pubkey, *manifest;
	long long evaluation;
	int json;
};

static int parse(int argc, char **argv, FILE *out, FILE *err, struct audit_args *a)
{
	const struct cli_option options[] = {
		{.name = "db", .letter = 'd', .value_name = "FILE", .kind = CLI_STRING,
		 .to.string = &a->db},
		{.name = "output", .letter = 'o', .value_name = "DIR", .kind = CLI_STRING,
		 .to.string = &a->output},
		{.name = "evaluation", .letter = 'e', .value_name = "N", .kind = CLI_NUMBER,
		 .to.number = &a->evaluation, .bad_words = "is not an evaluation number"},
		CLI_OPTION_FORMAT(&a->json, NULL),
		{.name = "manifest", .value_name = "DIR", .kind = CLI_STRING,
		 .to.string = &a->manifest},
		{.name = "pubkey", .value_name = "FILE", .kind = CLI_STRING, .to.string = &a->pubkey},
		CLI_OPTIONS_END,
	};
	int parsed;

	memset(a, 0, sizeof(*a));
	parsed = cli_options_parse(&audit_spec, options, argc, argv, out, err);
	if (parsed != CLI_CONTINUE)
		return parsed;
	if (!a->db) {
		fputs("tender audit: give the store with --db FILE\n", err);
		return CLI_USAGE;
	}
	return CLI_CONTINUE;
}

static int parse_number(const char *text, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(text, &end, 10);
	return !errno && !*end && *out > 0;
}

/* ---------------------------------------------------------------------- */

static void print_finding(void *ctx, const char *finding)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(ctx, "DIFFERENCE: %s\n", cli_safe(&safe, finding));
	cli_safe_release(&safe);
}

static void print_manifest_finding(void *ctx, const char *finding)
{
	struct cli_safe safe = CLI_SAFE_INIT;

	fprintf(ctx, "DIFFERENCE: manifest: %s\n", cli_safe(&safe, finding));
	cli_safe_release(&safe);
}

/* Checks the signed manifest in a->manifest and the store against it;
 * sets a->evaluation to the evaluation it names when none was given. An
 * exit code when it cannot, else -1. */
static int verify_anchor(struct store *s, struct audit_args *a, FILE *out, FILE *err,
			 long long *findings)
{
	struct manifest_claims claims;
	struct tender_error e = {0};
	long long n = 0;
	enum tender_status rc;

	rc = manifest_check(a->manifest, a->pubkey, NULL, print_manifest_finding, out, &n, NULL,
			    &claims, &e);
	if (rc)
		return store_failure(err, &e, rc);
	*findings += n;
	n = 0;
	rc = anchor_check(s, &claims, print_manifest_finding, out, &n, &e);
	*findings += n;
	if (!a->evaluation) {
		sqlite3_stmt *st = NULL;

		/* The signed evaluation is re-run; when it is gone (reported
		 * above), every evaluation is. */
		if (sqlite3_prepare_v2(store_db(s), "SELECT 1 FROM evaluation WHERE id = ?", -1, &st,
				       NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, claims.evaluation_id);
			if (sqlite3_step(st) == SQLITE_ROW)
				a->evaluation = claims.evaluation_id;
		}
		sqlite3_finalize(st);
	} else if (claims.evaluation_id && a->evaluation != claims.evaluation_id)
		fprintf(out, "note: the manifest signs evaluation %lld; re-running evaluation %lld "
			     "as asked\n",
			claims.evaluation_id, a->evaluation);
	manifest_claims_release(&claims);
	return rc ? store_failure(err, &e, rc) : -1;
}

static int verify(int argc, char **argv, FILE *out, FILE *err)
{
	struct audit_args a;
	struct store *s = NULL;
	struct tender_error e = {0};
	struct audit_counts counts;
	struct cli_safe safe = CLI_SAFE_INIT;
	long long anchor_findings = 0;
	enum tender_status rc;
	int status = parse(argc, argv, out, err, &a);

	if (status >= 0)
		return status;
	if (optind < argc - 1 || (optind == argc - 1 && !parse_number(argv[optind], &a.evaluation))) {
		fputs("tender audit verify: expected at most one evaluation number\n", err);
		return CLI_USAGE;
	}
	if (!a.manifest != !a.pubkey) {
		fprintf(err, "tender audit verify: --manifest DIR and --pubkey FILE go together\n");
		return CLI_USAGE;
	}
	if ((rc = store_open(a.db, 1, &s, &e)))
		return store_failure(err, &e, rc);
	if (a.manifest && (status = verify_anchor(s, &a, out, err, &anchor_findings)) >= 0) {
		store_close(s);
		return status;
	}
	rc = audit_verify(s, a.evaluation, print_finding, out, &counts, &e);
	store_close(s);
	if (rc)
		return store_failure(err, &e, rc);
	counts.findings += anchor_findings;
	fprintf(out,
		"%s: %lld evaluation%s re-run, %lld stored files re-hashed, %lld audit rows "
		"walked, integrity check run%s: %s\n",
		cli_safe(&safe, a.db), counts.evaluations, counts.evaluations == 1 ? "" : "s", counts.blobs,
		counts.audit_rows, a.manifest ? ", signed manifest checked against the store" : "",
		counts.findings ? "DIFFERENCES FOUND" : "no differences");
	cli_safe_release(&safe);
	if (counts.findings)
		fprintf(out, "%lld difference%s\n", counts.findings, counts.findings == 1 ? "" : "s");
	return counts.findings ? CLI_FINDINGS : CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* explain: the rows explain_bid hands on (explain.h), as text or JSON. */

struct explain_printer {
	FILE *out;
	const char *bid; /* as given */
	int json;
	json_t *report; /* the JSON document, made at the bid's row */
	json_t *problems, *gates, *scores, *flags;
	json_t *makers, *conflicts, *records; /* of the panel */
	json_t *interests, *marks; /* of the current decision maker, record */
	struct cli_safe safe;      /* the texts printed, escaped */
};

/* A stored text that the output shows as "" when there is none. */
static const char *shown(const char *text)
{
	return text ? text : "";
}

/* A stored text as the text output shows it: "" when there is none, else
 * escaped (cli_safe; kept until explain() is done). */
static const char *safe_text(struct explain_printer *p, const char *text)
{
	return cli_safe(&p->safe, shown(text));
}

static json_t *json_opt_text(const char *text)
{
	return text ? json_string(text) : json_null();
}

static json_t *json_opt_real(struct explain_number n)
{
	return n.present ? json_real(n.value) : json_null();
}

/* A stored number as the evaluation.xml writes it; "none" for none. */
static struct number_text number(struct explain_number n)
{
	struct number_text none = {"none"};

	return n.present ? double_text(n.value) : none;
}

/* Adds arrays (NULL when out of memory: then all fail) to the report. */
static enum tender_status set_array(json_t *report, const char *key, json_t **array)
{
	*array = json_array();
	if (!*array || json_object_set_new(report, key, *array))
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

static enum tender_status print_bid(struct explain_printer *p, const struct explain_bid *b)
{
	if (!p->json) {
		fprintf(p->out, "bid %s (%s), file %s\n", safe_text(p, p->bid),
			safe_text(p, b->bidder), safe_text(p, b->file));
		fprintf(p->out, "evaluation %lld of tender %s at %s under rule set %s %s\n",
			b->evaluation_id, safe_text(p, b->tender_id), safe_text(p, b->created),
			safe_text(p, b->ruleset_id), safe_text(p, b->ruleset_version));
		if (b->ranked)
			fprintf(p->out, "rank %d%s, total %s\n", b->rank, b->tied ? " (tied)" : "",
				explain_points_text(b->total_points, b->precision).s);
		else
			fprintf(p->out, "not ranked%s%s\n", b->exclusion ? ": " : "",
				safe_text(p, b->exclusion));
		return TENDER_OK;
	}
	p->report = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:f}", "bid", p->bid,
			      "evaluation", (json_int_t)b->evaluation_id, "tender",
			      shown(b->tender_id), "created", shown(b->created), "ruleset",
			      shown(b->ruleset_id), "ruleset_version", shown(b->ruleset_version),
			      "bidder", shown(b->bidder), "file", shown(b->file), "compliant",
			      b->compliant, "total", b->total_points);
	if (!p->report)
		return TENDER_ERR_NOMEM;
	if (b->ranked)
		json_object_set_new(p->report, "rank", json_integer(b->rank));
	if (b->exclusion)
		json_object_set_new(p->report, "exclusion", json_string(b->exclusion));
	if (set_array(p->report, "problems", &p->problems) ||
	    set_array(p->report, "gates", &p->gates) || set_array(p->report, "scores", &p->scores) ||
	    set_array(p->report, "flags", &p->flags))
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

static void print_problem(struct explain_printer *p, const char *problem)
{
	if (p->json)
		json_array_append_new(p->problems, json_string(shown(problem)));
	else
		fprintf(p->out, "  problem: %s\n", safe_text(p, problem));
}

static void print_gate(struct explain_printer *p, const struct explain_gate *g)
{
	if (p->json)
		json_array_append_new(p->gates, json_pack("{s:s, s:b, s:s?}", "gate", shown(g->gate_id),
							  "passed", g->passed, "message",
							  g->message));
	else
		fprintf(p->out, "  gate  %-4s %s%s%s\n", g->passed ? "PASS" : "FAIL",
			safe_text(p, g->gate_id), g->message ? ": " : "", safe_text(p, g->message));
}

static void print_score(struct explain_printer *p, const struct explain_score *sc)
{
	const char *state = shown(sc->state);
	int plain = !strcmp(state, "scored") || !strcmp(state, "subtotal");

	if (p->json)
		json_array_append_new(p->scores,
				      json_pack("{s:s, s:s, s:f, s:f, s:s?}", "criterion",
						shown(sc->rule_id), "state", state, "points",
						sc->points, "max", sc->max_points, "explanation",
						sc->explanation));
	else
		fprintf(p->out, "  score %-28s %8s / %-8s %s%s%s\n", safe_text(p, sc->rule_id),
			explain_points_text(sc->points, sc->precision).s,
			explain_points_text(sc->max_points, sc->precision).s,
			plain ? "" : safe_text(p, state), plain ? "" : ": ",
			safe_text(p, sc->explanation));
}

static void print_flag(struct explain_printer *p, const struct explain_flag *f)
{
	if (p->json)
		json_array_append_new(p->flags, json_pack("{s:s, s:s, s:s, s:s}", "flag",
							  shown(f->flag_id), "severity",
							  shown(f->severity), "cite", shown(f->cite),
							  "message", shown(f->message)));
	else
		fprintf(p->out, "  flag  %-8s %s (%s): %s\n", safe_text(p, f->severity),
			safe_text(p, f->flag_id), safe_text(p, f->cite), safe_text(p, f->message));
}

static enum tender_status print_policy(struct explain_printer *p, const struct explain_policy *pol)
{
	json_t *panel;

	if (!p->json) {
		fprintf(p->out, "panel: %s of the counted scores, at least %d evaluators; missing "
				"scores: %s; conflicted evaluators: %s\n",
			safe_text(p, pol->method), pol->min_evaluators, safe_text(p, pol->missing),
			safe_text(p, pol->conflicts));
		if (pol->cite)
			fprintf(p->out, "  cite: %s\n", safe_text(p, pol->cite));
		return TENDER_OK;
	}
	p->makers = json_array();
	panel = json_pack("{s:s, s:i, s:s, s:s, s:o, s:o}", "method", shown(pol->method),
			  "min_evaluators", pol->min_evaluators, "missing", shown(pol->missing),
			  "conflicts", shown(pol->conflicts), "cite", json_opt_text(pol->cite),
			  "decision_makers", p->makers);
	if (!panel) /* out of memory: makers went with it */
		return TENDER_ERR_NOMEM;
	json_object_set_new(p->report, "panel", panel);
	if (set_array(p->report, "conflicts", &p->conflicts) ||
	    set_array(p->report, "panel_records", &p->records))
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

static enum tender_status print_member(struct explain_printer *p, const struct explain_member *m)
{
	json_t *maker;

	if (!p->json) {
		fprintf(p->out, "  decision maker %s: %s (%s)\n", safe_text(p, m->evaluator_id),
			safe_text(p, m->name), safe_text(p, m->role));
		return TENDER_OK;
	}
	p->interests = json_array();
	maker = json_pack("{s:s, s:s, s:s, s:o}", "id", shown(m->evaluator_id), "name",
			  shown(m->name), "role", shown(m->role), "interests", p->interests);
	if (!maker) /* out of memory: interests went with it */
		return TENDER_ERR_NOMEM;
	json_array_append_new(p->makers, maker);
	return TENDER_OK;
}

static void print_interest(struct explain_printer *p, const struct explain_interest *i)
{
	if (p->json)
		json_array_append_new(p->interests,
				      json_pack("{s:s, s:s}", "organisation", shown(i->organisation),
						"nature", shown(i->nature)));
	else
		fprintf(p->out, "    interest: %s (%s)\n", safe_text(p, i->organisation),
			safe_text(p, i->nature));
}

static void print_conflict(struct explain_printer *p, const struct explain_conflict *c)
{
	if (p->json)
		json_array_append_new(p->conflicts,
				      json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "evaluator",
						shown(c->evaluator_id), "organisation",
						shown(c->organisation), "party", shown(c->party),
						"relation", shown(c->relation), "managed",
						shown(c->managed), "nature", shown(c->nature)));
	else
		fprintf(p->out, "  conflict %s: interest in %s, %s %s (%s); managed: %s\n",
			safe_text(p, c->evaluator_id), safe_text(p, c->organisation),
			strcmp(shown(c->relation), "bidder") ? "consortium member" : "the bidder",
			safe_text(p, c->party), safe_text(p, c->nature), safe_text(p, c->managed));
}

static enum tender_status print_record(struct explain_printer *p, const struct explain_record *r)
{
	json_t *record;

	if (!p->json) {
		fprintf(p->out, "  question %s (%s): ", safe_text(p, r->question),
			safe_text(p, r->rule_id));
		if (strcmp(shown(r->basis), "none") == 0)
			fputs("no score", p->out);
		else
			fprintf(p->out, "%s %s", safe_text(p, r->basis), number(r->value).s);
		fprintf(p->out, "; %d counted", r->counted);
		if (r->low.present)
			fprintf(p->out, " (%s to %s)", number(r->low).s, number(r->high).s);
		fprintf(p->out, ", %d excluded, %d missing\n", r->excluded, r->missing);
		return TENDER_OK;
	}
	p->marks = json_array();
	record = json_pack("{s:s, s:s, s:s, s:o, s:i, s:i, s:i, s:o, s:o, s:o}", "criterion",
			   shown(r->rule_id), "question", shown(r->question), "basis",
			   shown(r->basis), "value", json_opt_real(r->value), "counted", r->counted,
			   "excluded", r->excluded, "missing", r->missing, "low",
			   json_opt_real(r->low), "high", json_opt_real(r->high), "marks", p->marks);
	if (!record) /* out of memory: the marks went with it */
		return TENDER_ERR_NOMEM;
	if (r->moderated.present)
		json_object_set_new(record, "moderated",
				    json_pack("{s:f, s:s, s:o}", "value", r->moderated.value,
					      "agreed_by", shown(r->agreed_by), "note",
					      json_opt_text(r->moderation_note)));
	if (r->why)
		json_object_set_new(record, "why", json_string(r->why));
	json_array_append_new(p->records, record);
	return TENDER_OK;
}

/* After its marks: the moderated score, or why there is none. */
static void print_record_end(struct explain_printer *p, const struct explain_record *r)
{
	if (p->json)
		return;
	if (r->moderated.present)
		fprintf(p->out, "    moderated %s, agreed by %s%s%s\n", number(r->moderated).s,
			safe_text(p, r->agreed_by), r->moderation_note ? ": " : "",
			safe_text(p, r->moderation_note));
	if (r->why)
		fprintf(p->out, "    no score: %s\n", safe_text(p, r->why));
}

static void print_mark(struct explain_printer *p, const struct explain_mark *m)
{
	if (p->json)
		json_array_append_new(p->marks,
				      json_pack("{s:s, s:s, s:o, s:o}", "evaluator",
						shown(m->evaluator_id), "state", shown(m->state),
						"value", json_opt_real(m->value), "justification",
						json_opt_text(m->justification)));
	else if (!m->value.present)
		fprintf(p->out, "    %-4s %s\n", safe_text(p, m->evaluator_id),
			safe_text(p, m->state));
	else
		fprintf(p->out, "    %-4s %-8s %s%s%s\n", safe_text(p, m->evaluator_id),
			safe_text(p, m->state), number(m->value).s, m->justification ? ": " : "",
			safe_text(p, m->justification));
}

static enum tender_status print_explain_row(void *ctx, const struct explain_row *row)
{
	struct explain_printer *p = ctx;

	switch (row->kind) {
	case EXPLAIN_BID: return print_bid(p, &row->bid);
	case EXPLAIN_PROBLEM: print_problem(p, row->problem); break;
	case EXPLAIN_GATE: print_gate(p, &row->gate); break;
	case EXPLAIN_SCORE: print_score(p, &row->score); break;
	case EXPLAIN_FLAG: print_flag(p, &row->flag); break;
	case EXPLAIN_POLICY: return print_policy(p, &row->policy);
	case EXPLAIN_MEMBER: return print_member(p, &row->member);
	case EXPLAIN_INTEREST: print_interest(p, &row->interest); break;
	case EXPLAIN_CONFLICT: print_conflict(p, &row->conflict); break;
	case EXPLAIN_RECORD: return print_record(p, &row->record);
	case EXPLAIN_MARK: print_mark(p, &row->mark); break;
	case EXPLAIN_RECORD_END: print_record_end(p, &row->record); break;
	}
	return TENDER_OK;
}

static int explain(int argc, char **argv, FILE *out, FILE *err)
{
	struct audit_args a;
	struct store *s = NULL;
	struct tender_error e = {0};
	struct explain_printer p;
	enum tender_status rc;
	int status = parse(argc, argv, out, err, &a), found = 0;

	if (status >= 0)
		return status;
	if (optind != argc - 1) {
		fputs("tender audit explain: give one bid id\n", err);
		return CLI_USAGE;
	}
	if ((rc = store_open(a.db, 1, &s, &e)))
		return store_failure(err, &e, rc);
	memset(&p, 0, sizeof(p));
	p.safe = (struct cli_safe)CLI_SAFE_INIT;
	p.out = out;
	p.bid = argv[optind];
	p.json = a.json;
	rc = explain_bid(s, argv[optind], a.evaluation, print_explain_row, &p, &found, &e);
	store_close(s);
	if (p.report) {
		cli_print_json(out, p.report, JSON_INDENT(2));
		fputc('\n', out);
		json_decref(p.report);
	}
	if (rc) {
		status = store_failure(err, &e, rc);
	} else if (!found) {
		fprintf(err, "tender audit explain: no bid '%s' in %s%s\n",
			cli_safe(&p.safe, argv[optind]), cli_safe(&p.safe, a.db),
			a.evaluation ? " for that evaluation" : "");
		status = CLI_FINDINGS;
	} else {
		status = CLI_OK;
	}
	cli_safe_release(&p.safe);
	return status;
}

/* ---------------------------------------------------------------------- */

static int export(int argc, char **argv, FILE *out, FILE *err)
{
	struct audit_args a;
	struct store *s = NULL;
	struct tender_error e = {0};
	enum tender_status rc;
	int status = parse(argc, argv, out, err, &a);
	long long id, epoch;
	struct cli_safe safe = CLI_SAFE_INIT;
	char *tender = NULL;
	int outside = 0;

	if (status >= 0)
		return status;
	if (optind != argc - 1 || !parse_number(argv[optind], &id) || !a.output) {
		fputs("tender audit export: give one evaluation number and -o DIR\n", err);
		return CLI_USAGE;
	}
	if ((rc = store_open(a.db, 1, &s, &e)))
		return store_failure(err, &e, rc);
	rc = audit_export(s, id, a.output, &tender, &epoch, &outside, &e);
	store_close(s);
	if (rc)
		return store_failure(err, &e, rc);
	fprintf(out, "exported evaluation %lld to %s\n", id, cli_safe(&safe, a.output));
	fprintf(out, "re-run: SOURCE_DATE_EPOCH=%lld tender evaluate -o OUT %s%s%s%s\n", epoch,
		outside ? "--allow-outside " : "", outside ? cli_safe(&safe, a.output) : "",
		outside ? " " : "", cli_safe(&safe, tender));
	cli_safe_release(&safe);
	free(tender);
	return CLI_OK;
}

static const struct cli_subcommand audit_subcommands[] = {
	{"verify", NULL, verify},
	{"explain", NULL, explain},
	{"export", NULL, export},
	{"verify-manifest", NULL, cmd_verify_manifest},
	{NULL, NULL, NULL},
};

int cmd_audit(int argc, char **argv, FILE *out, FILE *err)
{
	static const struct cli_group audit = {&audit_spec, audit_subcommands};

	return cli_dispatch(&audit, argc, argv, out, err);
}
