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
#include "../panel.h"
#include "../store.h"
#include "../xml.h"

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
	if (rc == TENDER_ERR_NOMEM) {
		cli_printf(err, "tender audit: out of memory\n");
		return CLI_INTERNAL;
	}
	if (e->file[0])
		cli_printf(err, "%s: error: %s\n", e->file, e->message);
	else
		cli_printf(err, "tender audit: %s\n", e->message);
	return rc == TENDER_ERR_USAGE ? CLI_USAGE : CLI_BAD_INPUT;
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
		cli_printf(err, "tender audit: give the store with --db FILE\n");
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
	cli_printf(ctx, "DIFFERENCE: %s\n", finding);
}

static void print_manifest_finding(void *ctx, const char *finding)
{
	cli_printf(ctx, "DIFFERENCE: manifest: %s\n", finding);
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
		cli_printf(out, "note: the manifest signs evaluation %lld; re-running evaluation %lld "
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
	long long anchor_findings = 0;
	enum tender_status rc;
	int status = parse(argc, argv, out, err, &a);

	if (status >= 0)
		return status;
	if (optind < argc - 1 || (optind == argc - 1 && !parse_number(argv[optind], &a.evaluation))) {
		cli_printf(err, "tender audit verify: expected at most one evaluation number\n");
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
	cli_printf(out,
		"%s: %lld evaluation%s re-run, %lld stored files re-hashed, %lld audit rows "
		"walked, integrity check run%s: %s\n",
		a.db, counts.evaluations, counts.evaluations == 1 ? "" : "s", counts.blobs,
		counts.audit_rows, a.manifest ? ", signed manifest checked against the store" : "",
		counts.findings ? "DIFFERENCES FOUND" : "no differences");
	if (counts.findings)
		cli_printf(out, "%lld difference%s\n", counts.findings, counts.findings == 1 ? "" : "s");
	return counts.findings ? CLI_FINDINGS : CLI_OK;
}

/* ---------------------------------------------------------------------- */

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* Runs sql with (evaluation, bid seq) bound and hands each row to emit. */
static int rows(sqlite3 *db, const char *sql, long long id, int seq,
		void (*emit)(sqlite3_stmt *st, FILE *out, json_t *list), FILE *out, json_t *list)
{
	sqlite3_stmt *st;
	int step;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, seq);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		emit(st, out, list);
	sqlite3_finalize(st);
	return step == SQLITE_DONE;
}

static void emit_gate(sqlite3_stmt *st, FILE *out, json_t *list)
{
	if (list)
		json_array_append_new(list, json_pack("{s:s, s:b, s:s?}", "gate", col(st, 0),
						      "passed", sqlite3_column_int(st, 1), "message",
						      sqlite3_column_text(st, 2) ? col(st, 2) : NULL));
	else
		cli_printf(out, "  gate  %-4s %s%s%s\n", sqlite3_column_int(st, 1) ? "PASS" : "FAIL",
			col(st, 0), sqlite3_column_text(st, 2) ? ": " : "", col(st, 2));
}

/* A stored REAL of points back as points units (exact below 9,007 points,
 * where a double holds every unit), shown at precision decimals by the one
 * rounding rule (number.h). */
static struct number_text stored_points(sqlite3_stmt *st, int column, int precision)
{
	double v = sqlite3_column_double(st, column) * (double)POINTS_ONE;
	int64_t units = v >= 0 ? (int64_t)(v + 0.5) : -(int64_t)(-v + 0.5);

	return points_text(units, precision);
}

/* The rule set's precision of evaluation id, read from the rule set the
 * store keeps (2 when it cannot be read). */
static int stored_precision(sqlite3 *db, long long id)
{
	sqlite3_stmt *st;
	struct xml_doc *doc = NULL;
	struct tender_error e = {0};
	struct decimal d;
	char *text = NULL, why[128];
	int precision = 2;

	if (sqlite3_prepare_v2(db, "SELECT b.data FROM blob b JOIN evaluation e"
				   " ON b.sha256 = e.ruleset_sha256 WHERE e.id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return precision;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    xml_load_memory(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
			    "rules", &doc, &e) == TENDER_OK &&
	    xml_attr_dup(xml_doc_root(doc), "precision", &text) == TENDER_OK && text &&
	    decimal_parse(text, &d, why, sizeof(why)) == TENDER_OK && d.scale == 0 &&
	    d.coef >= 0 && d.coef <= 6)
		precision = (int)d.coef;
	tender_free(text);
	xml_doc_free(doc);
	sqlite3_finalize(st);
	return precision;
}

static void emit_score(sqlite3_stmt *st, FILE *out, json_t *list)
{
	if (list)
		json_array_append_new(list,
				      json_pack("{s:s, s:s, s:f, s:f, s:s?}", "criterion", col(st, 0),
						"state", col(st, 1), "points", sqlite3_column_double(st, 2),
						"max", sqlite3_column_double(st, 3), "explanation",
						sqlite3_column_text(st, 4) ? col(st, 4) : NULL));
	else
		cli_printf(out, "  score %-28s %8s / %-8s %s%s%s\n", col(st, 0),
			stored_points(st, 2, sqlite3_column_int(st, 5)).s,
			stored_points(st, 3, sqlite3_column_int(st, 5)).s,
			strcmp(col(st, 1), "scored") && strcmp(col(st, 1), "subtotal") ? col(st, 1)
											 : "",
			strcmp(col(st, 1), "scored") && strcmp(col(st, 1), "subtotal") ? ": " : "",
			col(st, 4));
}

static void emit_flag(sqlite3_stmt *st, FILE *out, json_t *list)
{
	if (list)
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s}", "flag", col(st, 0),
						      "severity", col(st, 1), "cite", col(st, 2),
						      "message", col(st, 3)));
	else
		cli_printf(out, "  flag  %-8s %s (%s): %s\n", col(st, 1), col(st, 0), col(st, 2),
			col(st, 3));
}

static void emit_problem(sqlite3_stmt *st, FILE *out, json_t *list)
{
	if (list)
		json_array_append_new(list, json_string(col(st, 0)));
	else
		cli_printf(out, "  problem: %s\n", col(st, 0));
}

/* ---------------------------------------------------------------------- */
/* The panel record (schema version 2): the decision makers once, then the
 * bid's conflicts and, per panel question, who scored what. */

static json_t *json_opt_text(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? json_null() : json_string(col(st, i));
}

static json_t *json_opt_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? json_null()
							 : json_real(sqlite3_column_double(st, i));
}

/* A stored number as the evaluation.xml writes it; "none" for NULL. */
static const char *number(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return "none";
	snprintf(buf, size, "%s", double_text(sqlite3_column_double(st, i)).s);
	return buf;
}

static void emit_interest(sqlite3_stmt *st, FILE *out, json_t *list)
{
	if (list)
		json_array_append_new(list, json_pack("{s:s, s:s}", "organisation", col(st, 0),
						      "nature", col(st, 1)));
	else
		cli_printf(out, "    interest: %s (%s)\n", col(st, 0), col(st, 1));
}

static void emit_conflict(sqlite3_stmt *st, FILE *out, json_t *list)
{
	if (list)
		json_array_append_new(list,
				      json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "evaluator",
						col(st, 0), "organisation", col(st, 1), "party",
						col(st, 2), "relation", col(st, 3), "managed",
						col(st, 4), "nature", col(st, 5)));
	else
		cli_printf(out, "  conflict %s: interest in %s, %s %s (%s); managed: %s\n", col(st, 0),
			col(st, 1),
			strcmp(col(st, 3), "bidder") ? "consortium member" : "the bidder",
			col(st, 2), col(st, 5), col(st, 4));
}

static void emit_mark(sqlite3_stmt *st, FILE *out, json_t *list)
{
	char buf[64];

	if (list)
		json_array_append_new(list, json_pack("{s:s, s:s, s:o, s:o}", "evaluator",
						      col(st, 0), "state", col(st, 1), "value",
						      json_opt_real(st, 2), "justification",
						      json_opt_text(st, 3)));
	else if (sqlite3_column_type(st, 2) == SQLITE_NULL)
		cli_printf(out, "    %-4s %s\n", col(st, 0), col(st, 1));
	else
		cli_printf(out, "    %-4s %-8s %s%s%s\n", col(st, 0), col(st, 1),
			number(st, 2, buf, sizeof(buf)), sqlite3_column_text(st, 3) ? ": " : "",
			col(st, 3));
}

/* The panel records of one bid, each with its marks. Returns 0 on a
 * database error. */
static int explain_records(sqlite3 *db, long long id, int seq, FILE *out, json_t *list)
{
	sqlite3_stmt *st, *marks;
	int step = SQLITE_DONE, ok = 1;
	char a[64], b[64], c[64];

	if (sqlite3_prepare_v2(db,
			       "SELECT rule_id, question, basis, value, counted, excluded, missing,"
			       " low, high, moderated_value, agreed_by, moderation_note, why"
			       " FROM panel_record WHERE evaluation_id = ?1 AND bid_seq = ?2"
			       " ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT evaluator_id, state, value, justification FROM panel_mark"
			       " WHERE evaluation_id = ?1 AND bid_seq = ?2 AND rule_id = ?3"
			       " ORDER BY seq",
			       -1, &marks, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, seq);
	while (ok && (step = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *record = NULL, *mark_list = NULL;
		int m;

		if (list) {
			mark_list = json_array();
			record = json_pack("{s:s, s:s, s:s, s:o, s:i, s:i, s:i, s:o, s:o, s:o}",
					   "criterion", col(st, 0), "question", col(st, 1), "basis",
					   col(st, 2), "value", json_opt_real(st, 3), "counted",
					   sqlite3_column_int(st, 4), "excluded",
					   sqlite3_column_int(st, 5), "missing",
					   sqlite3_column_int(st, 6), "low", json_opt_real(st, 7),
					   "high", json_opt_real(st, 8), "marks", mark_list);
			if (!record) { /* out of memory: mark_list went with it */
				ok = 0;
				break;
			}
			if (sqlite3_column_type(st, 9) != SQLITE_NULL)
				json_object_set_new(record, "moderated",
						    json_pack("{s:f, s:s, s:o}", "value",
							      sqlite3_column_double(st, 9),
							      "agreed_by", col(st, 10), "note",
							      json_opt_text(st, 11)));
			if (sqlite3_column_type(st, 12) != SQLITE_NULL)
				json_object_set_new(record, "why", json_string(col(st, 12)));
			json_array_append_new(list, record);
		} else {
			cli_printf(out, "  question %s (%s): ", col(st, 1), col(st, 0));
			if (strcmp(col(st, 2), "none") == 0)
				cli_printf(out, "no score");
			else
				cli_printf(out, "%s %s", col(st, 2), number(st, 3, a, sizeof(a)));
			cli_printf(out, "; %d counted", sqlite3_column_int(st, 4));
			if (sqlite3_column_type(st, 7) != SQLITE_NULL)
				cli_printf(out, " (%s to %s)", number(st, 7, b, sizeof(b)),
					number(st, 8, c, sizeof(c)));
			cli_printf(out, ", %d excluded, %d missing\n", sqlite3_column_int(st, 5),
				sqlite3_column_int(st, 6));
		}
		sqlite3_reset(marks);
		sqlite3_bind_int64(marks, 1, id);
		sqlite3_bind_int(marks, 2, seq);
		sqlite3_bind_text(marks, 3, col(st, 0), -1, SQLITE_TRANSIENT);
		while ((m = sqlite3_step(marks)) == SQLITE_ROW)
			emit_mark(marks, out, mark_list);
		ok = m == SQLITE_DONE;
		if (!list && sqlite3_column_type(st, 9) != SQLITE_NULL)
			cli_printf(out, "    moderated %s, agreed by %s%s%s\n",
				number(st, 9, a, sizeof(a)), col(st, 10),
				sqlite3_column_text(st, 11) ? ": " : "", col(st, 11));
		if (!list && sqlite3_column_type(st, 12) != SQLITE_NULL)
			cli_printf(out, "    no score: %s\n", col(st, 12));
	}
	sqlite3_finalize(marks);
	sqlite3_finalize(st);
	return ok && step == SQLITE_DONE;
}

/* The panel's policy and decision makers, then the bid's conflicts and
 * panel records, into report (JSON) or out (text). Nothing when the store
 * or the evaluation has no panel record. Returns 0 on a database error. */
static int explain_panel(struct store *s, long long id, int seq, FILE *out, json_t *report)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	json_t *panel = NULL, *makers = NULL, *conflicts = NULL, *records = NULL;
	int step, ok = 1;

	if (store_version(s) < 2)
		return 1;
	if (sqlite3_prepare_v2(db,
			       "SELECT method, min_evaluators, missing, conflicts, cite"
			       " FROM panel_policy WHERE evaluation_id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW && report) {
		makers = json_array();
		panel = json_pack("{s:s, s:i, s:s, s:s, s:o, s:o}", "method", col(st, 0),
				  "min_evaluators", sqlite3_column_int(st, 1), "missing",
				  col(st, 2), "conflicts", col(st, 3), "cite", json_opt_text(st, 4),
				  "decision_makers", makers);
		if (!panel) { /* out of memory: makers went with it */
			sqlite3_finalize(st);
			return 0;
		}
		json_object_set_new(report, "panel", panel);
	} else if (step == SQLITE_ROW) {
		cli_printf(out, "panel: %s of the counted scores, at least %d evaluators; missing "
			     "scores: %s; conflicted evaluators: %s\n",
			col(st, 0), sqlite3_column_int(st, 1), col(st, 2), col(st, 3));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL)
			cli_printf(out, "  cite: %s\n", col(st, 4));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW)
		return step == SQLITE_DONE;

	if (sqlite3_prepare_v2(db,
			       "SELECT seq, evaluator_id, name, role FROM panel_member"
			       " WHERE evaluation_id = ?1 ORDER BY seq",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	while (ok && (step = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *interests = report ? json_array() : NULL, *maker;

		if (report) {
			maker = json_pack("{s:s, s:s, s:s, s:o}", "id", col(st, 1), "name",
					  col(st, 2), "role", col(st, 3), "interests", interests);
			if (!maker) /* out of memory: interests went with it */
				break;
			json_array_append_new(makers, maker);
		} else
			cli_printf(out, "  decision maker %s: %s (%s)\n", col(st, 1), col(st, 2),
				col(st, 3));
		ok = rows(db, "SELECT organisation, nature FROM panel_interest"
			      " WHERE evaluation_id = ?1 AND member_seq = ?2 ORDER BY seq",
			  id, sqlite3_column_int(st, 0), emit_interest, out, interests);
	}
	sqlite3_finalize(st);
	if (!ok || step != SQLITE_DONE)
		return 0;

	conflicts = report ? json_array() : NULL;
	records = report ? json_array() : NULL;
	if (report) {
		if (!conflicts || !records) {
			json_decref(conflicts);
			json_decref(records);
			return 0;
		}
		json_object_set_new(report, "conflicts", conflicts);
		json_object_set_new(report, "panel_records", records);
	}
	return rows(db, "SELECT evaluator_id, organisation, party, relation, managed, nature"
			" FROM panel_conflict WHERE evaluation_id = ?1 AND bid_seq = ?2"
			" ORDER BY seq",
		    id, seq, emit_conflict, out, conflicts) &&
	       explain_records(db, id, seq, out, records);
}

static int explain(int argc, char **argv, FILE *out, FILE *err)
{
	struct audit_args a;
	struct store *s = NULL;
	struct tender_error e = {0};
	sqlite3_stmt *st = NULL;
	enum tender_status rc;
	int status = parse(argc, argv, out, err, &a), seq, ok;
	long long id;
	json_t *report = NULL;

	if (status >= 0)
		return status;
	if (optind != argc - 1) {
		cli_printf(err, "tender audit explain: give one bid id\n");
		return CLI_USAGE;
	}
	if ((rc = store_open(a.db, 1, &s, &e)))
		return store_failure(err, &e, rc);
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT b.evaluation_id, b.seq, b.bidder, b.file, b.compliant, b.rank,"
			       " b.tied, b.total, b.exclusion, e.tender_id, e.created,"
			       " e.ruleset_id, e.ruleset_version FROM bid b"
			       " JOIN evaluation e ON e.id = b.evaluation_id"
			       " WHERE b.bid_id = ?1 AND (?2 = 0 OR b.evaluation_id = ?2)"
			       " ORDER BY b.evaluation_id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = store_error(s, &e, "cannot read the store");
		store_close(s);
		return store_failure(err, &e, rc);
	}
	sqlite3_bind_text(st, 1, argv[optind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, a.evaluation);
	if (sqlite3_step(st) != SQLITE_ROW) {
		cli_printf(err, "tender audit explain: no bid '%s' in %s%s\n", argv[optind], a.db,
			a.evaluation ? " for that evaluation" : "");
		sqlite3_finalize(st);
		store_close(s);
		return CLI_FINDINGS;
	}
	id = sqlite3_column_int64(st, 0);
	seq = sqlite3_column_int(st, 1);
	if (a.json) {
		report = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:f}", "bid",
				   argv[optind], "evaluation", (json_int_t)id, "tender", col(st, 9),
				   "created", col(st, 10), "ruleset", col(st, 11), "ruleset_version",
				   col(st, 12), "bidder", col(st, 2), "file", col(st, 3), "compliant",
				   sqlite3_column_int(st, 4), "total", sqlite3_column_double(st, 7));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL)
			json_object_set_new(report, "rank", json_integer(sqlite3_column_int(st, 5)));
		if (sqlite3_column_text(st, 8))
			json_object_set_new(report, "exclusion", json_string(col(st, 8)));
	} else {
		cli_printf(out, "bid %s (%s), file %s\n", argv[optind], col(st, 2), col(st, 3));
		cli_printf(out, "evaluation %lld of tender %s at %s under rule set %s %s\n", id,
			col(st, 9), col(st, 10), col(st, 11), col(st, 12));
		if (sqlite3_column_type(st, 5) != SQLITE_NULL)
			cli_printf(out, "rank %d%s, total %s\n", sqlite3_column_int(st, 5),
				sqlite3_column_int(st, 6) ? " (tied)" : "",
				stored_points(st, 7, stored_precision(store_db(s), sqlite3_column_int64(st, 0))).s);
		else
			cli_printf(out, "not ranked%s%s\n", sqlite3_column_text(st, 8) ? ": " : "",
				col(st, 8));
	}
	sqlite3_finalize(st);
	{
		json_t *gates = a.json ? json_array() : NULL, *scores = a.json ? json_array() : NULL,
		       *flags = a.json ? json_array() : NULL, *problems = a.json ? json_array() : NULL;
		sqlite3 *db = store_db(s);
		char score_sql[160]; /* the precision is ours (0-6), not stored text */

		snprintf(score_sql, sizeof(score_sql),
			 "SELECT rule_id, state, points, max_points, explanation, %d FROM score"
			 " WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY rowid",
			 stored_precision(db, id));

		ok = rows(db, "SELECT message FROM problem WHERE evaluation_id = ?1 AND bid_seq = ?2"
			      " ORDER BY seq",
			  id, seq, emit_problem, out, problems) &&
		     rows(db, "SELECT gate_id, passed, message FROM gate_result"
			      " WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY rowid",
			  id, seq, emit_gate, out, gates) &&
		     rows(db, score_sql, id, seq, emit_score, out, scores) &&
		     rows(db, "SELECT flag_id, severity, cite, message FROM flag"
			      " WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY seq",
			  id, seq, emit_flag, out, flags);
		if (report) {
			json_object_set_new(report, "problems", problems);
			json_object_set_new(report, "gates", gates);
			json_object_set_new(report, "scores", scores);
			json_object_set_new(report, "flags", flags);
		}
		ok = ok && explain_panel(s, id, seq, out, report);
		if (report) {
			cli_print_json(out, report, JSON_INDENT(2));
			fputc('\n', out);
			json_decref(report);
		}
	}
	if (!ok) {
		rc = store_error(s, &e, "cannot read the store");
		store_close(s);
		return store_failure(err, &e, rc);
	}
	store_close(s);
	return CLI_OK;
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
	char *tender = NULL;
	int outside = 0;

	if (status >= 0)
		return status;
	if (optind != argc - 1 || !parse_number(argv[optind], &id) || !a.output) {
		cli_printf(err, "tender audit export: give one evaluation number and -o DIR\n");
		return CLI_USAGE;
	}
	if ((rc = store_open(a.db, 1, &s, &e)))
		return store_failure(err, &e, rc);
	rc = audit_export(s, id, a.output, &tender, &epoch, &outside, &e);
	store_close(s);
	if (rc)
		return store_failure(err, &e, rc);
	cli_printf(out, "exported evaluation %lld to %s\n", id, a.output);
	cli_printf(out, "re-run: SOURCE_DATE_EPOCH=%lld tender evaluate -o OUT %s%s%s%s\n", epoch,
		outside ? "--allow-outside " : "", outside ? a.output : "", outside ? " " : "",
		tender);
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
