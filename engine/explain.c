/*
 * explain.c - one bid as the store records it, row by row (see explain.h).
 * Read-only SQL over the evaluation tables (store.h describes them); the
 * rule set's precision is read from the rule set the store keeps.
 */
#include "explain.h"

#include "alloc.h"
#include "xml.h"

#include <assert.h>
#include <sqlite3.h>
#include <string.h>

/* What every query of one bid needs: the store, the evaluation and the
 * bid's seq, and where the rows go. */
struct explainer {
	struct store *s;
	long long id;
	int seq;
	int precision; /* of the evaluation's rule set */
	explain_row_fn fn;
	void *ctx;
	struct tender_error *err;
};

/* Makes a row of the statement's current result. */
typedef void (*make_row_fn)(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row);

static const char *text_at(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static struct explain_number number_at(sqlite3_stmt *st, int i)
{
	struct explain_number n = {0, 0};

	if (sqlite3_column_type(st, i) != SQLITE_NULL) {
		n.present = 1;
		n.value = sqlite3_column_double(st, i);
	}
	return n;
}

/* Prepares sql with the evaluation bound as ?1 and, when it has a ?2,
 * seq (the bid's, or a decision maker's). */
static enum tender_status prepare(struct explainer *x, const char *sql, int seq,
				  sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(store_db(x->s), sql, -1, st, NULL) != SQLITE_OK)
		return store_error(x->s, x->err, "cannot read the store");
	sqlite3_bind_int64(*st, 1, x->id);
	if (sqlite3_bind_parameter_count(*st) >= 2)
		sqlite3_bind_int(*st, 2, seq);
	return TENDER_OK;
}

/* Steps st to its end, making a row of each with `make` and handing it on. */
static enum tender_status each_row(struct explainer *x, sqlite3_stmt *st, make_row_fn make)
{
	struct explain_row row;
	enum tender_status rc = TENDER_OK;
	int step = SQLITE_DONE;

	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		make(x, st, &row);
		rc = x->fn(x->ctx, &row);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_error(x->s, x->err, "cannot read the store");
	return rc;
}

/* Runs sql (?1 the evaluation, ?2 seq) and hands on each row. */
static enum tender_status query(struct explainer *x, const char *sql, int seq, make_row_fn make)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc = prepare(x, sql, seq, &st);

	if (!rc)
		rc = each_row(x, st, make);
	sqlite3_finalize(st);
	return rc;
}

/* The rule set's precision of evaluation id, read from the rule set the
 * store keeps (2 when it cannot be read). */
static int stored_precision(struct store *s, long long id)
{
	sqlite3_stmt *st;
	struct xml_doc *doc = NULL;
	struct tender_error e = {0};
	struct decimal d;
	char *text = NULL, why[128];
	int precision = 2;

	if (sqlite3_prepare_v2(store_db(s), "SELECT b.data FROM blob b JOIN evaluation e"
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

struct number_text explain_points_text(double stored_points, int precision)
{
	double v = stored_points * (double)POINTS_ONE;
	int64_t units = v >= 0 ? (int64_t)(v + 0.5) : -(int64_t)(-v + 0.5);

	return points_text(units, precision);
}

/* ---------------------------------------------------------------------- */
/* The bid: its outcome, problems, gates, scores and flags. */

/* Finds the bid (in the newest evaluation that has it, or in
 * x->id when that is not 0) and hands on its EXPLAIN_BID row. */
static enum tender_status explain_outcome(struct explainer *x, const char *bid_id, int *found)
{
	sqlite3_stmt *st = NULL;
	struct explain_row row;
	enum tender_status rc = TENDER_OK;
	int step;

	if (sqlite3_prepare_v2(store_db(x->s),
			       "SELECT b.evaluation_id, b.seq, b.bidder, b.file, b.compliant, b.rank,"
			       " b.tied, b.total, b.exclusion, e.tender_id, e.created,"
			       " e.ruleset_id, e.ruleset_version FROM bid b"
			       " JOIN evaluation e ON e.id = b.evaluation_id"
			       " WHERE b.bid_id = ?1 AND (?2 = 0 OR b.evaluation_id = ?2)"
			       " ORDER BY b.evaluation_id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return store_error(x->s, x->err, "cannot read the store");
	sqlite3_bind_text(st, 1, bid_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, x->id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*found = 1;
		x->id = sqlite3_column_int64(st, 0);
		x->seq = sqlite3_column_int(st, 1);
		x->precision = stored_precision(x->s, x->id);
		memset(&row, 0, sizeof(row));
		row.kind = EXPLAIN_BID;
		row.bid = (struct explain_bid){
			.bid_id = bid_id,
			.evaluation_id = x->id,
			.seq = x->seq,
			.bidder = text_at(st, 2),
			.file = text_at(st, 3),
			.compliant = sqlite3_column_int(st, 4),
			.ranked = sqlite3_column_type(st, 5) != SQLITE_NULL,
			.rank = sqlite3_column_int(st, 5),
			.tied = sqlite3_column_int(st, 6),
			.total_points = sqlite3_column_double(st, 7),
			.exclusion = text_at(st, 8),
			.tender_id = text_at(st, 9),
			.created = text_at(st, 10),
			.ruleset_id = text_at(st, 11),
			.ruleset_version = text_at(st, 12),
			.precision = x->precision,
		};
		rc = x->fn(x->ctx, &row);
	} else if (step != SQLITE_DONE) {
		rc = store_error(x->s, x->err, "cannot read the store");
	}
	sqlite3_finalize(st);
	return rc;
}

static void make_problem(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_PROBLEM;
	row->problem = text_at(st, 0);
}

static void make_gate(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_GATE;
	row->gate = (struct explain_gate){text_at(st, 0), sqlite3_column_int(st, 1),
					  text_at(st, 2)};
}

static void make_score(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	row->kind = EXPLAIN_SCORE;
	row->score = (struct explain_score){
		.rule_id = text_at(st, 0),
		.state = text_at(st, 1),
		.points = sqlite3_column_double(st, 2),
		.max_points = sqlite3_column_double(st, 3),
		.explanation = text_at(st, 4),
		.precision = x->precision,
	};
}

static void make_flag(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_FLAG;
	row->flag = (struct explain_flag){text_at(st, 0), text_at(st, 1), text_at(st, 2),
					  text_at(st, 3)};
}

/* ---------------------------------------------------------------------- */
/* The panel record (schema version 2): the policy and decision makers,
 * then the bid's conflicts and, per panel question, who scored what. */

static void make_policy(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_POLICY;
	row->policy = (struct explain_policy){text_at(st, 0), sqlite3_column_int(st, 1),
					      text_at(st, 2), text_at(st, 3), text_at(st, 4)};
}

static void make_interest(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_INTEREST;
	row->interest = (struct explain_interest){text_at(st, 0), text_at(st, 1)};
}

static void make_conflict(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_CONFLICT;
	row->conflict = (struct explain_conflict){text_at(st, 0), text_at(st, 1),
						  text_at(st, 2), text_at(st, 3),
						  text_at(st, 4), text_at(st, 5)};
}

static void make_record(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_RECORD;
	row->record = (struct explain_record){
		.rule_id = text_at(st, 0),
		.question = text_at(st, 1),
		.basis = text_at(st, 2),
		.value = number_at(st, 3),
		.counted = sqlite3_column_int(st, 4),
		.excluded = sqlite3_column_int(st, 5),
		.missing = sqlite3_column_int(st, 6),
		.low = number_at(st, 7),
		.high = number_at(st, 8),
		.moderated = number_at(st, 9),
		.agreed_by = text_at(st, 10),
		.moderation_note = text_at(st, 11),
		.why = text_at(st, 12),
	};
}

static void make_mark(const struct explainer *x, sqlite3_stmt *st, struct explain_row *row)
{
	(void)x;
	row->kind = EXPLAIN_MARK;
	row->mark = (struct explain_mark){text_at(st, 0), text_at(st, 1), number_at(st, 2),
					  text_at(st, 3)};
}

/* The policy, when the evaluation has one (*has_policy). */
static enum tender_status explain_policy(struct explainer *x, int *has_policy)
{
	sqlite3_stmt *st = NULL;
	struct explain_row row;
	enum tender_status rc = prepare(x,
					"SELECT method, min_evaluators, missing, conflicts, cite"
					" FROM panel_policy WHERE evaluation_id = ?1",
					0, &st);
	int step;

	*has_policy = 0;
	if (rc)
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*has_policy = 1;
		memset(&row, 0, sizeof(row));
		make_policy(x, st, &row);
		rc = x->fn(x->ctx, &row);
	} else if (step != SQLITE_DONE) {
		rc = store_error(x->s, x->err, "cannot read the store");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Each decision maker, followed by its interests. */
static enum tender_status explain_members(struct explainer *x)
{
	sqlite3_stmt *st = NULL;
	struct explain_row row;
	enum tender_status rc = prepare(x,
					"SELECT seq, evaluator_id, name, role FROM panel_member"
					" WHERE evaluation_id = ?1 ORDER BY seq",
					0, &st);
	int step = SQLITE_DONE;

	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		row.kind = EXPLAIN_MEMBER;
		row.member = (struct explain_member){text_at(st, 1), text_at(st, 2),
						     text_at(st, 3)};
		if (!(rc = x->fn(x->ctx, &row)))
			rc = query(x,
				   "SELECT organisation, nature FROM panel_interest"
				   " WHERE evaluation_id = ?1 AND member_seq = ?2 ORDER BY seq",
				   sqlite3_column_int(st, 0), make_interest);
	}
	if (!rc && st && step != SQLITE_DONE)
		rc = store_error(x->s, x->err, "cannot read the store");
	sqlite3_finalize(st);
	return rc;
}

/* Each panel record of the bid: the record, its marks, its end. */
static enum tender_status explain_records(struct explainer *x)
{
	sqlite3_stmt *st = NULL, *marks = NULL;
	struct explain_row row;
	enum tender_status rc = prepare(x,
					"SELECT rule_id, question, basis, value, counted, excluded,"
					" missing, low, high, moderated_value, agreed_by,"
					" moderation_note, why FROM panel_record"
					" WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY rowid",
					x->seq, &st);
	int step = SQLITE_DONE;

	if (!rc)
		rc = prepare(x,
			     "SELECT evaluator_id, state, value, justification FROM panel_mark"
			     " WHERE evaluation_id = ?1 AND bid_seq = ?2 AND rule_id = ?3"
			     " ORDER BY seq",
			     x->seq, &marks);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof(row));
		make_record(x, st, &row);
		if ((rc = x->fn(x->ctx, &row)))
			break;
		sqlite3_reset(marks);
		sqlite3_bind_text(marks, 3, text_at(st, 0), -1, SQLITE_TRANSIENT);
		if ((rc = each_row(x, marks, make_mark)))
			break;
		row.kind = EXPLAIN_RECORD_END;
		rc = x->fn(x->ctx, &row);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_error(x->s, x->err, "cannot read the store");
	sqlite3_finalize(marks);
	sqlite3_finalize(st);
	return rc;
}

static enum tender_status explain_panel(struct explainer *x)
{
	enum tender_status rc;
	int has_policy;

	if (store_version(x->s) < 2)
		return TENDER_OK; /* no panel tables */
	if ((rc = explain_policy(x, &has_policy)) || !has_policy ||
	    (rc = explain_members(x)) ||
	    (rc = query(x,
			"SELECT evaluator_id, organisation, party, relation, managed, nature"
			" FROM panel_conflict WHERE evaluation_id = ?1 AND bid_seq = ?2"
			" ORDER BY seq",
			x->seq, make_conflict)))
		return rc;
	return explain_records(x);
}

enum tender_status explain_bid(struct store *s, const char *bid_id, long long evaluation_id,
			       explain_row_fn fn, void *ctx, int *found, struct tender_error *err)
{
	struct explainer x = {s, evaluation_id, 0, 2, fn, ctx, err};
	enum tender_status rc;

	assert(s && bid_id && fn && found && evaluation_id >= 0);
	*found = 0;
	if ((rc = explain_outcome(&x, bid_id, found)) || !*found)
		return rc;
	if ((rc = query(&x,
			"SELECT message FROM problem WHERE evaluation_id = ?1 AND bid_seq = ?2"
			" ORDER BY seq",
			x.seq, make_problem)) ||
	    (rc = query(&x,
			"SELECT gate_id, passed, message FROM gate_result"
			" WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY rowid",
			x.seq, make_gate)) ||
	    (rc = query(&x,
			"SELECT rule_id, state, points, max_points, explanation FROM score"
			" WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY rowid",
			x.seq, make_score)) ||
	    (rc = query(&x,
			"SELECT flag_id, severity, cite, message FROM flag"
			" WHERE evaluation_id = ?1 AND bid_seq = ?2 ORDER BY seq",
			x.seq, make_flag)))
		return rc;
	return explain_panel(&x);
}
