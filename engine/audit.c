/*
 * audit.c - the audit log, verification, export (see audit.h).
 */
#include "audit.h"

#include "alloc.h"
#include "calendar.h"
#include "error.h"
#include "fileio.h"
#include "number.h"
#include "result.h"
#include "strbuf.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char zero_hash[65] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static enum tender_status prepare(struct store *s, const char *sql, sqlite3_stmt **st,
				  struct tender_error *err)
{
	if (sqlite3_prepare_v2(store_db(s), sql, -1, st, NULL) != SQLITE_OK)
		return store_error(s, err, "cannot read the store");
	return TENDER_OK;
}

/* ---------------------------------------------------------------------- */
/* The chain. */

/* The canonical entry of evaluation id, from the rows as stored. */
static enum tender_status canonical_entry(struct store *s, long long id, char **out,
					  struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	json_t *entry = NULL, *inputs;
	enum tender_status rc;
	int step;

	*out = NULL;
	rc = prepare(s,
		     "SELECT tender_id, created, engine_version, ruleset_id, ruleset_version,"
		     " ruleset_sha256, result_sha256 FROM evaluation WHERE id = ?",
		     &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((step = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (step == SQLITE_DONE)
			return error_set(err, TENDER_ERR_USAGE, "no-evaluation", NULL, 0, 0,
					 "there is no evaluation %lld in the store", id);
		return store_error(s, err, "cannot read the store");
	}
	inputs = json_array();
	entry = json_pack("{s:I, s:s, s:s, s:s, s:{s:s, s:s, s:s}, s:s, s:o}", "evaluation",
			  (json_int_t)id, "tender", col_text(st, 0), "created", col_text(st, 1),
			  "engine", col_text(st, 2), "ruleset", "id", col_text(st, 3), "version",
			  col_text(st, 4), "sha256", col_text(st, 5), "result_sha256",
			  col_text(st, 6), "inputs", inputs);
	sqlite3_finalize(st);
	if (!entry)
		return TENDER_ERR_NOMEM;
	rc = prepare(s, "SELECT seq, role, path, sha256 FROM input WHERE evaluation_id = ?"
			" ORDER BY seq",
		     &st, err);
	if (rc) {
		json_decref(entry);
		return rc;
	}
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(inputs, json_pack("[I, s, s, s]",
							(json_int_t)sqlite3_column_int64(st, 0),
							col_text(st, 1), col_text(st, 2),
							col_text(st, 3)));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		json_decref(entry);
		return store_error(s, err, "cannot read the store");
	}
	*out = json_dumps(entry, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(entry);
	return *out ? TENDER_OK : TENDER_ERR_NOMEM;
}

static void chain_hash(const char *prev, const char *entry, char out[65])
{
	crypto_hash_sha256_state state;
	unsigned char digest[32];
	static const char tag[] = "tender-audit-v1";

	crypto_hash_sha256_init(&state);
	crypto_hash_sha256_update(&state, (const unsigned char *)tag, sizeof(tag)); /* with NUL */
	crypto_hash_sha256_update(&state, (const unsigned char *)prev, strlen(prev) + 1);
	crypto_hash_sha256_update(&state, (const unsigned char *)entry, strlen(entry));
	crypto_hash_sha256_final(&state, digest);
	sha256_hex(digest, out);
}

enum tender_status audit_append(struct store *s, long long id, char chain_head[65],
				struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	char prev[65], hash[65], *entry = NULL;
	enum tender_status rc;
	int step;

	rc = prepare(s, "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1", &st, err);
	if (rc)
		return rc;
	step = sqlite3_step(st);
	snprintf(prev, sizeof(prev), "%s", step == SQLITE_ROW ? col_text(st, 0) : zero_hash);
	sqlite3_finalize(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_error(s, err, "cannot read the audit log");
	if ((rc = canonical_entry(s, id, &entry, err)))
		return rc;
	chain_hash(prev, entry, hash);
	rc = prepare(s, "INSERT INTO audit_log (evaluation_id, entry, prev_hash, hash)"
			" VALUES (?, ?, ?, ?)",
		     &st, err);
	if (!rc) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, entry, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, prev, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_error(s, err, "cannot append to the audit log");
		sqlite3_finalize(st);
	}
	free(entry);
	if (!rc && chain_head)
		memcpy(chain_head, hash, sizeof(hash));
	return rc;
}

enum tender_status audit_latest(struct store *s, const char *tender_id, long long *id,
				struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc = prepare(
		s, "SELECT max(id) FROM evaluation WHERE ?1 IS NULL OR tender_id = ?1", &st, err);

	if (rc)
		return rc;
	if (tender_id)
		sqlite3_bind_text(st, 1, tender_id, -1, SQLITE_STATIC);
	*id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return TENDER_OK;
}

/* ---------------------------------------------------------------------- */
/* Verification. */

struct verifier {
	struct store *s;
	audit_report_fn report;
	void *ctx;
	struct audit_counts *counts;
};

static void finding(struct verifier *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reports a finding whole (it may quote a stored explanation of any
 * length), never cut; when it cannot be made whole, says so. */
static void finding(struct verifier *v, const char *fmt, ...)
{
	char small[2048], *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	v->counts->findings++;
	if (n >= 0 && (size_t)n < sizeof(small)) {
		v->report(v->ctx, small);
		return;
	}
	big = n < 0 ? NULL : tender_malloc((size_t)n + 1); /* the exact length is known */
	if (!big) {
		v->report(v->ctx, "a finding too long to report (out of memory)");
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	v->report(v->ctx, big);
	tender_free(big);
}

static enum tender_status check_integrity(struct verifier *v, struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc = prepare(v->s, "PRAGMA integrity_check", &st, err);
	int step;

	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if (strcmp(col_text(st, 0), "ok") != 0)
			finding(v, "the database file is damaged: %s", col_text(st, 0));
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? TENDER_OK : store_error(v->s, err, "integrity check failed");
}

static enum tender_status check_blobs(struct verifier *v, struct tender_error *err)
{
	sqlite3_stmt *st = NULL, *use = NULL;
	enum tender_status rc = prepare(v->s, "SELECT sha256, data, size FROM blob ORDER BY sha256",
					&st, err);
	int step;

	if (rc)
		return rc;
	if ((rc = prepare(v->s,
			  "SELECT evaluation_id, role, path FROM input WHERE sha256 = ?"
			  " UNION ALL SELECT id, 'result', 'evaluation.xml' FROM evaluation"
			  " WHERE result_sha256 = ? ORDER BY 1 LIMIT 1",
			  &use, err))) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = col_text(st, 0);
		const void *data = sqlite3_column_blob(st, 1);
		int size = sqlite3_column_bytes(st, 1);
		unsigned char digest[32];
		char hex[65];

		v->counts->blobs++;
		crypto_hash_sha256(digest, data ? data : (const void *)"", (unsigned long long)size);
		sha256_hex(digest, hex);
		if (strcmp(hex, key) == 0 && size == sqlite3_column_int(st, 2))
			continue;
		sqlite3_reset(use);
		sqlite3_bind_text(use, 1, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(use, 2, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(use) == SQLITE_ROW)
			finding(v, "evaluation %lld: the stored %s '%s' was altered: its bytes hash to "
				   "%s, not %s",
				sqlite3_column_int64(use, 0), col_text(use, 1), col_text(use, 2), hex,
				key);
		else
			finding(v, "a stored file was altered: its bytes hash to %s, not %s", hex, key);
	}
	sqlite3_finalize(use);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? TENDER_OK : store_error(v->s, err, "cannot read the blobs");
}

/* Ids are never reused (schema version 3): evaluations above the newest
 * stored one were given and are gone. Catches the newest evaluations
 * deleted with their audit rows, unless the mark was forged too (which the
 * signed manifest catches: README, "Auditing a decision"). */
static enum tender_status check_high_water(struct verifier *v, struct tender_error *err)
{
	long long mark, newest = 0;
	sqlite3_stmt *st = NULL;
	enum tender_status rc = store_high_water(v->s, &mark, err);

	if (rc || mark < 0)
		return rc;
	if ((rc = prepare(v->s, "SELECT coalesce(max(id), 0) FROM evaluation", &st, err)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		newest = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (newest < mark)
		finding(v, "evaluation%s %lld%s%.0lld %s given and %s no longer stored: the newest "
			   "evaluations were deleted",
			mark - newest > 1 ? "s" : "", newest + 1, mark - newest > 1 ? " to " : "",
			mark - newest > 1 ? mark : 0, mark - newest > 1 ? "were" : "was",
			mark - newest > 1 ? "are" : "is");
	else if (newest > mark)
		finding(v, "evaluation %lld is above the store's high-water mark %lld: it was not "
			   "recorded by tender",
			newest, mark);
	return TENDER_OK;
}

static enum tender_status check_chain(struct verifier *v, struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	char prev[65], expected[65];
	long long next = 1;
	enum tender_status rc = prepare(
		v->s, "SELECT seq, evaluation_id, entry, prev_hash, hash FROM audit_log ORDER BY seq",
		&st, err);
	int step;

	if (rc)
		return rc;
	snprintf(prev, sizeof(prev), "%s", zero_hash);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0), id = sqlite3_column_int64(st, 1);
		const char *entry = col_text(st, 2), *row_prev = col_text(st, 3),
			   *hash = col_text(st, 4);
		char *now = NULL;
		struct tender_error e;

		v->counts->audit_rows++;
		if (seq > next)
			finding(v, "audit log: row%s %lld%s%.0lld %s missing: rows were deleted",
				seq - next > 1 ? "s" : "", next, seq - next > 1 ? " to " : "",
				seq - next > 1 ? seq - 1 : 0, seq - next > 1 ? "are" : "is");
		if (strcmp(row_prev, prev) != 0)
			finding(v, "audit log: row %lld (evaluation %lld) does not chain to the row "
				   "before it: rows were deleted, reordered or altered",
				seq, id);
		chain_hash(row_prev, entry, expected);
		if (strcmp(expected, hash) != 0)
			finding(v, "audit log: row %lld (evaluation %lld) was altered: its hash does "
				   "not match its content",
				seq, id);
		error_clear(&e);
		rc = canonical_entry(v->s, id, &now, &e);
		if (rc == TENDER_ERR_NOMEM) {
			sqlite3_finalize(st);
			return rc;
		}
		if (rc)
			finding(v, "audit log: row %lld names evaluation %lld, which is gone", seq, id);
		else if (strcmp(now, entry) != 0)
			finding(v, "evaluation %lld: its record (tender, time, engine, rule set, "
				   "inputs or result) no longer matches its audit row %lld",
				id, seq);
		free(now);
		snprintf(prev, sizeof(prev), "%s", hash);
		next = seq + 1;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_error(v->s, err, "cannot read the audit log");
	rc = prepare(v->s, "SELECT id FROM evaluation WHERE id NOT IN"
			   " (SELECT evaluation_id FROM audit_log) ORDER BY id",
		     &st, err);
	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		finding(v, "evaluation %lld has no audit row: its row was deleted",
			sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_error(v->s, err, "cannot read the store");
	return check_high_water(v, err);
}

/* ---------------------------------------------------------------------- */
/* Re-running a stored evaluation. */

/* The stored inputs of one evaluation, in memory: a re-run reads them from
 * here, and a stored path is only the name an input is looked up by, never
 * a place in the file system (nothing is written, nothing is opened). */
struct stored {
	size_t n;
	char **roles;
	struct input *inputs; /* name: the stored path */
	size_t tender;        /* the first input whose role is "tender" */
	int has_tender;
	char *created, *engine, *result_sha; /* as stored, whole */
};

static void stored_release(struct stored *sd)
{
	for (size_t i = 0; i < sd->n; i++) {
		tender_free(sd->roles[i]);
		input_release(&sd->inputs[i]);
	}
	tender_free(sd->roles);
	tender_free(sd->inputs);
	tender_free(sd->created);
	tender_free(sd->engine);
	tender_free(sd->result_sha);
	memset(sd, 0, sizeof(*sd));
}

static enum tender_status load_stored(struct store *s, long long id, struct stored *sd,
				      struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc;
	int step;

	memset(sd, 0, sizeof(*sd));
	rc = prepare(s, "SELECT created, engine_version, result_sha256 FROM evaluation WHERE id = ?",
		     &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return error_set(err, TENDER_ERR_USAGE, "no-evaluation", NULL, 0, 0,
				 "there is no evaluation %lld in the store", id);
	}
	/* whole: a stored value is compared as stored, never a prefix of it */
	sd->created = tender_strdup(col_text(st, 0));
	sd->engine = tender_strdup(col_text(st, 1));
	sd->result_sha = tender_strdup(col_text(st, 2));
	sqlite3_finalize(st);
	if (!sd->created || !sd->engine || !sd->result_sha)
		return TENDER_ERR_NOMEM;

	rc = prepare(s,
		     "SELECT i.seq, i.role, i.path, b.data, count(*) OVER () FROM input i"
		     " LEFT JOIN blob b ON b.sha256 = i.sha256 WHERE i.evaluation_id = ?"
		     " ORDER BY i.seq",
		     &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = col_text(st, 1);
		size_t i = sd->n;

		if (i == 0) {
			size_t total = (size_t)sqlite3_column_int64(st, 4);

			sd->roles = tender_calloc(total, sizeof(*sd->roles));
			sd->inputs = tender_calloc(total, sizeof(*sd->inputs));
			if (!sd->roles || !sd->inputs)
				goto nomem;
		}
		sd->n++; /* stored_release frees what there is of entry i */
		if (!(sd->roles[i] = tender_strdup(role)) ||
		    input_from_memory(col_text(st, 2), sqlite3_column_blob(st, 3),
				      (size_t)sqlite3_column_bytes(st, 3), &sd->inputs[i]))
			goto nomem;
		if (!sd->has_tender && strcmp(role, "tender") == 0) {
			sd->tender = i;
			sd->has_tender = 1;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_error(s, err, "cannot read the stored inputs");
		goto out;
	}
	if (!sd->has_tender)
		rc = error_set(err, TENDER_ERR_DB, "db", NULL, 0, 0,
			       "evaluation %lld has no stored tender description", id);
	goto out;
nomem:
	rc = TENDER_ERR_NOMEM;
out:
	sqlite3_finalize(st);
	return rc;
}

/* The stored input of this role the tender names by href (run_fetch_fn). */
static enum tender_status fetch_stored(void *ctx, const char *role, const char *href,
				       struct input *out, struct tender_error *err)
{
	const struct stored *sd = ctx;

	for (size_t i = 0; i < sd->n; i++)
		if (strcmp(sd->roles[i], role) == 0 && strcmp(sd->inputs[i].name, href) == 0)
			return input_from_memory(href, sd->inputs[i].data, sd->inputs[i].size,
						 out);
	/* An input the evaluation could not read was not stored; the re-run
	 * finds it missing, as a file that is not there. */
	return error_set(err, TENDER_ERR_IO, "io-open", href, 0, 0, "cannot open: %s",
			 strerror(ENOENT));
}

static void fmt_points(double v, char *buf, size_t size)
{
	snprintf(buf, size, "%s", double_text(v).s);
}

static int same_double(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

static int same_text(const char *stored, const char *now)
{
	return strcmp(stored ? stored : "", now ? now : "") == 0;
}

/* Compares the stored rows of one bid with the re-run's result. */
/* Prepares a query of one stored bid's rows: ?1 the evaluation, ?2 the
 * bid's seq. */
static enum tender_status prepare_bid(struct verifier *v, const char *sql, sqlite3_stmt **st,
				      long long id, int seq, struct tender_error *err)
{
	enum tender_status rc = prepare(v->s, sql, st, err);

	if (!rc) {
		sqlite3_bind_int64(*st, 1, id);
		sqlite3_bind_int(*st, 2, seq);
	}
	return rc;
}

static enum tender_status compare_bid(struct verifier *v, long long id, int seq,
				      const struct ruleset *rs, const struct bid_result *b,
				      struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc;
	char a[64], c[64];
	int step;

	rc = prepare_bid(v, "SELECT rule_id, state, points, explanation FROM score"
			       " WHERE evaluation_id = ? AND bid_seq = ?",
			 &st, id, seq, err);
	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int node = ruleset_find(rs, col_text(st, 0));
		const struct score *sc;

		if (node < 0 || !b->evaluated) {
			finding(v, "evaluation %lld, bid %s: stored score %s does not exist in the "
				   "re-run",
				id, b->id, col_text(st, 0));
			continue;
		}
		sc = &b->scores[node];
		if (!same_double(sqlite3_column_double(st, 2), points_double(sc->points))) {
			fmt_points(sqlite3_column_double(st, 2), a, sizeof(a));
			fmt_points(points_double(sc->points), c, sizeof(c));
			finding(v, "evaluation %lld, bid %s, criterion %s: stored %s, recomputed %s",
				id, b->id, rs->nodes[node].id, a, c);
		} else if (!same_text(col_text(st, 3), sc->explanation)) {
			finding(v, "evaluation %lld, bid %s, criterion %s: stored explanation '%s', "
				   "recomputed '%s'",
				id, b->id, rs->nodes[node].id, col_text(st, 3),
				sc->explanation ? sc->explanation : "");
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_error(v->s, err, "cannot read the stored scores");

	rc = prepare_bid(v, "SELECT gate_id, passed, message FROM gate_result"
			       " WHERE evaluation_id = ? AND bid_seq = ?",
			 &st, id, seq, err);
	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		size_t g;

		for (g = 0; g < rs->n_gates && strcmp(rs->gates[g].id, col_text(st, 0)); g++)
			;
		if (g == rs->n_gates || !b->evaluated)
			finding(v, "evaluation %lld, bid %s: stored gate %s does not exist in the "
				   "re-run",
				id, b->id, col_text(st, 0));
		else if (sqlite3_column_int(st, 1) != b->gates[g].passed)
			finding(v, "evaluation %lld, bid %s, gate %s: stored %s, recomputed %s", id,
				b->id, rs->gates[g].id, sqlite3_column_int(st, 1) ? "passed" : "failed",
				b->gates[g].passed ? "passed" : "failed");
		else if (!same_text(col_text(st, 2), b->gates[g].message))
			finding(v, "evaluation %lld, bid %s, gate %s: stored message '%s', "
				   "recomputed '%s'",
				id, b->id, rs->gates[g].id, col_text(st, 2),
				b->gates[g].message ? b->gates[g].message : "");
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_error(v->s, err, "cannot read the stored gates");

	rc = prepare_bid(v, "SELECT seq, flag_id, message FROM flag"
			       " WHERE evaluation_id = ? AND bid_seq = ? ORDER BY seq",
			 &st, id, seq, err);
	if (rc)
		return rc;
	{
		size_t n = 0;

		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			const struct flag_hit *h = n < b->n_flags ? &b->flags[n] : NULL;

			if (!h || strcmp(rs->flags[h->flag].id, col_text(st, 1)) != 0 ||
			    !same_text(col_text(st, 2), h->message))
				finding(v, "evaluation %lld, bid %s: stored flag %s ('%s') is not what "
					   "the re-run raised (%s)",
					id, b->id, col_text(st, 1), col_text(st, 2),
					h ? rs->flags[h->flag].id : "nothing");
			n++;
		}
		if (step == SQLITE_DONE && n < b->n_flags)
			finding(v, "evaluation %lld, bid %s: the re-run raises flag %s, which is not "
				   "stored",
				id, b->id, rs->flags[b->flags[n].flag].id);
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? TENDER_OK
				   : store_error(v->s, err, "cannot read the stored flags");
}

/* ---------------------------------------------------------------------- */
/* The panel record: the stored rows against the rows the re-run gives
 * (store_panel_rows), table by table, matched on their keys. */

struct panel_row {
	char *key;                           /* the key values, joined by US */
	char *vals[STORE_PANEL_MAX_COLUMNS]; /* as text; NULL for SQL NULL */
	int seen;
};

struct panel_rows {
	struct panel_row *rows[SP_COUNT];
	size_t n[SP_COUNT], cap[SP_COUNT];
	int nomem;
};

/* A value as text, the same for a bound value and the value read back:
 * REAL in the shortest form that reads back as the same number. Returns 0
 * when out of memory. */
static int value_text(const struct store_value *v, char **out)
{
	char buf[64];

	*out = NULL;
	switch (v->type) {
	case SV_NULL: return 1;
	case SV_INT: snprintf(buf, sizeof(buf), "%lld", v->i); break;
	case SV_REAL: snprintf(buf, sizeof(buf), "%s", double_text(v->d).s); break;
	case SV_TEXT:
		if (!v->text)
			return 1;
		*out = tender_strdup(v->text);
		return *out != NULL;
	}
	*out = tender_strdup(buf);
	return *out != NULL;
}

static void panel_row_release(struct panel_row *row, size_t n_columns)
{
	for (size_t i = 0; i < n_columns; i++)
		tender_free(row->vals[i]);
	tender_free(row->key);
}

/* Fills row (zeroed by the caller) from values; returns 0 when out of
 * memory (row is then for panel_row_release). */
static int panel_row_fill(struct panel_row *row, enum store_panel_table t,
			  const struct store_value *values)
{
	const struct store_table *tab = store_panel_table(t);
	struct strbuf key = STRBUF_INIT;

	for (size_t i = 0; i < tab->n_columns; i++)
		if (!value_text(&values[i], &row->vals[i]))
			return 0;
	for (size_t i = 0; i < tab->n_keys; i++)
		strbuf_addf(&key, "%s%s", i ? "\x1f" : "", row->vals[i] ? row->vals[i] : "");
	row->key = strbuf_detach(&key);
	return row->key != NULL;
}

static int collect_panel_row(void *ctx, enum store_panel_table t, const struct store_value *row)
{
	struct panel_rows *pr = ctx;

	if (pr->n[t] == pr->cap[t]) {
		size_t cap = pr->cap[t] ? 2 * pr->cap[t] : 16;
		struct panel_row *grown = tender_realloc(pr->rows[t], cap * sizeof(*grown));

		if (!grown) {
			pr->nomem = 1;
			return 0;
		}
		pr->rows[t] = grown;
		pr->cap[t] = cap;
	}
	memset(&pr->rows[t][pr->n[t]], 0, sizeof(struct panel_row));
	if (!panel_row_fill(&pr->rows[t][pr->n[t]], t, row)) {
		panel_row_release(&pr->rows[t][pr->n[t]], store_panel_table(t)->n_columns);
		pr->nomem = 1;
		return 0;
	}
	pr->n[t]++;
	return 1;
}

static void panel_rows_release(struct panel_rows *pr)
{
	for (int t = 0; t < SP_COUNT; t++) {
		for (size_t i = 0; i < pr->n[t]; i++)
			panel_row_release(&pr->rows[t][i], store_panel_table(t)->n_columns);
		tender_free(pr->rows[t]);
	}
}

static int by_key(const void *a, const void *b)
{
	return strcmp((*(struct panel_row *const *)a)->key, (*(struct panel_row *const *)b)->key);
}

/* The bid a panel row's bid_seq names. */
static void bid_words(const struct run *r, const char *seq, struct strbuf *sb)
{
	char *end;
	long long i = strtoll(seq ? seq : "", &end, 10);

	if (seq && !*end && i >= 0 && (size_t)i < r->n_bids)
		strbuf_addf(sb, "bid %s", r->bids[i].id);
	else
		strbuf_addf(sb, "the bid at position %s", seq ? seq : "none");
}

static const char *or_none(const char *text)
{
	return text ? text : "none";
}

/* Names a panel row for an auditor: "bid WV-B06, question Q1, evaluator E2". */
static void panel_row_words(const struct run *r, enum store_panel_table t, char *const *vals,
			    struct strbuf *sb)
{
	char *end;
	long long i;
	int node;

	switch (t) {
	case SP_POLICY: strbuf_adds(sb, "the panel's moderation policy"); break;
	case SP_MEMBER: strbuf_addf(sb, "decision maker %s", or_none(vals[1])); break;
	case SP_INTEREST:
		i = strtoll(vals[0] ? vals[0] : "", &end, 10);
		if (vals[0] && !*end && i >= 0 && (size_t)i < r->panel.n_members)
			strbuf_addf(sb, "decision maker %s", r->panel.members[i].id);
		else
			strbuf_addf(sb, "the decision maker at position %s", or_none(vals[0]));
		strbuf_addf(sb, ", interest in %s", or_none(vals[2]));
		break;
	case SP_CONFLICT:
		bid_words(r, vals[0], sb);
		strbuf_addf(sb, ", conflict of evaluator %s with %s", or_none(vals[2]),
			    or_none(vals[3]));
		break;
	case SP_RECORD:
		bid_words(r, vals[0], sb);
		strbuf_addf(sb, ", question %s", or_none(vals[2]));
		break;
	case SP_MARK:
		bid_words(r, vals[0], sb);
		node = vals[1] ? ruleset_find(r->rules, vals[1]) : -1;
		strbuf_addf(sb, ", question %s, evaluator %s",
			    node >= 0 && r->rules->nodes[node].question
				    ? r->rules->nodes[node].question
				    : or_none(vals[1]),
			    or_none(vals[3]));
		break;
	case SP_COUNT: break;
	}
}

/* A value in a finding: free text quoted, NULL as "none". */
static void value_words(const struct store_column *c, const char *val, struct strbuf *sb)
{
	if (!val)
		strbuf_adds(sb, "none");
	else if (c->quoted)
		strbuf_addf(sb, "'%s'", val);
	else
		strbuf_adds(sb, val);
}

static int same_value(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Reports the differences between a stored row and the re-run's. */
static void compare_panel_row(struct verifier *v, long long id, const struct run *r,
			      enum store_panel_table t, const struct panel_row *stored,
			      const struct panel_row *now, struct strbuf *sb)
{
	const struct store_table *tab = store_panel_table(t);

	for (size_t i = tab->n_keys; i < tab->n_columns; i++) {
		if (same_value(stored->vals[i], now->vals[i]))
			continue;
		strbuf_release(sb);
		panel_row_words(r, t, now->vals, sb);
		strbuf_addf(sb, ": stored %s ", tab->columns[i].words);
		value_words(&tab->columns[i], stored->vals[i], sb);
		strbuf_adds(sb, ", recomputed ");
		value_words(&tab->columns[i], now->vals[i], sb);
		finding(v, "evaluation %lld, %s", id, strbuf_str(sb));
	}
}

/* Reads one stored row of table t from st into row (zeroed by the caller);
 * returns 0 when out of memory. */
static int read_panel_row(sqlite3_stmt *st, enum store_panel_table t, struct panel_row *row)
{
	struct store_value values[STORE_PANEL_MAX_COLUMNS];
	const struct store_table *tab = store_panel_table(t);

	for (size_t i = 0; i < tab->n_columns; i++) {
		int c = (int)i;

		memset(&values[i], 0, sizeof(values[i]));
		switch (sqlite3_column_type(st, c)) {
		case SQLITE_NULL: values[i].type = SV_NULL; break;
		case SQLITE_INTEGER:
			values[i].type = SV_INT;
			values[i].i = sqlite3_column_int64(st, c);
			break;
		case SQLITE_FLOAT:
			values[i].type = SV_REAL;
			values[i].d = sqlite3_column_double(st, c);
			break;
		default:
			values[i].type = SV_TEXT;
			values[i].text = col_text(st, c);
			break;
		}
	}
	return panel_row_fill(row, t, values);
}

/* Rows missing (or extra) in one table that are named one by one; the
 * rest are counted. A whole panel record deleted is one story, not a
 * hundred. */
#define PANEL_FINDINGS_MAX 10

/* Compares the stored rows of table t with the re-run's rows now: each
 * column that differs, each row stored but not in the re-run, each row of
 * the re-run not stored. */
static enum tender_status compare_panel_table(struct verifier *v, long long id,
					      const struct run *r, enum store_panel_table t,
					      struct panel_row *now, size_t n_now,
					      struct tender_error *err)
{
	const struct store_table *tab = store_panel_table(t);
	struct panel_row **sorted = NULL, stored, *key = &stored, **hit;
	struct strbuf sql = STRBUF_INIT, sb = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	enum tender_status rc = TENDER_OK;
	size_t n_extra = 0, n_missing = 0;
	int step;

	memset(&stored, 0, sizeof(stored));
	if (n_now && !(sorted = tender_calloc(n_now, sizeof(*sorted))))
		return TENDER_ERR_NOMEM;
	for (size_t i = 0; i < n_now; i++)
		sorted[i] = &now[i];
	if (n_now)
		qsort(sorted, n_now, sizeof(*sorted), by_key);
	strbuf_adds(&sql, "SELECT ");
	for (size_t i = 0; i < tab->n_columns; i++)
		strbuf_addf(&sql, "%s%s", i ? ", " : "", tab->columns[i].name);
	strbuf_addf(&sql, " FROM %s WHERE evaluation_id = ?", tab->name);
	for (size_t i = 0; i < tab->n_keys; i++)
		strbuf_addf(&sql, "%s%s", i ? ", " : " ORDER BY ", tab->columns[i].name);
	if (sql.nomem) {
		rc = TENDER_ERR_NOMEM;
		goto out;
	}
	if ((rc = prepare(v->s, strbuf_str(&sql), &st, err)))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		panel_row_release(&stored, tab->n_columns);
		memset(&stored, 0, sizeof(stored));
		if (!read_panel_row(st, t, &stored)) {
			rc = TENDER_ERR_NOMEM;
			goto out;
		}
		hit = n_now ? bsearch(&key, sorted, n_now, sizeof(*sorted), by_key) : NULL;
		if (hit && !(*hit)->seen) {
			(*hit)->seen = 1;
			compare_panel_row(v, id, r, t, &stored, *hit, &sb);
			continue;
		}
		if (++n_extra > PANEL_FINDINGS_MAX)
			continue;
		strbuf_release(&sb);
		panel_row_words(r, t, stored.vals, &sb);
		finding(v, "evaluation %lld, %s: this stored %s is not in the re-run", id,
			strbuf_str(&sb), tab->noun);
	}
	if (n_extra > PANEL_FINDINGS_MAX)
		finding(v, "evaluation %lld: %zu more stored rows of %s are not in the re-run", id,
			n_extra - PANEL_FINDINGS_MAX, tab->name);
	if (step != SQLITE_DONE) {
		rc = store_error(v->s, err, "cannot read the stored panel record");
		goto out;
	}
	for (size_t i = 0; i < n_now; i++) {
		if (now[i].seen || ++n_missing > PANEL_FINDINGS_MAX)
			continue;
		strbuf_release(&sb);
		panel_row_words(r, t, now[i].vals, &sb);
		finding(v, "evaluation %lld, %s: the re-run has this %s, which is not stored", id,
			strbuf_str(&sb), tab->noun);
	}
	if (n_missing > PANEL_FINDINGS_MAX)
		finding(v, "evaluation %lld: %zu more rows of %s in the re-run are not stored", id,
			n_missing - PANEL_FINDINGS_MAX, tab->name);
out:
	panel_row_release(&stored, tab->n_columns);
	sqlite3_finalize(st);
	strbuf_release(&sql);
	strbuf_release(&sb);
	tender_free(sorted);
	return rc;
}

/* Compares the panel record of evaluation id with the re-run's. Evaluations
 * recorded before the store had panel tables have no rows, and none are
 * expected. */
static enum tender_status compare_panel(struct verifier *v, long long id, const struct run *r,
					struct tender_error *err)
{
	struct panel_rows now;
	long long since;
	enum tender_status rc;

	if (store_version(v->s) < 2)
		return TENDER_OK;
	if ((rc = store_panel_since(v->s, &since, err)))
		return rc;
	memset(&now, 0, sizeof(now));
	if (id >= since && !store_panel_rows(r, collect_panel_row, &now) && now.nomem) {
		panel_rows_release(&now);
		return TENDER_ERR_NOMEM;
	}
	for (int t = 0; t < SP_COUNT && !rc; t++)
		rc = compare_panel_table(v, id, r, (enum store_panel_table)t, now.rows[t], now.n[t],
					 err);
	panel_rows_release(&now);
	return rc;
}

static enum tender_status compare_run(struct verifier *v, long long id, const struct run *r,
				      struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc;
	size_t seen = 0;
	int step;

	rc = prepare(v->s, "SELECT seq, bid_id, compliant, rank, tied, total FROM bid"
			   " WHERE evaluation_id = ? ORDER BY seq",
		     &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int seq = sqlite3_column_int(st, 0);
		const struct bid_result *b;
		char a[64], c[64];

		seen++;
		if (seq < 0 || (size_t)seq >= r->n_bids) {
			finding(v, "evaluation %lld: stored bid %s is not in the re-run", id,
				col_text(st, 1));
			continue;
		}
		b = &r->bids[seq];
		if (strcmp(col_text(st, 1), b->id) != 0)
			finding(v, "evaluation %lld: stored bid %s is %s in the re-run", id,
				col_text(st, 1), b->id);
		if (sqlite3_column_int(st, 2) != b->compliant)
			finding(v, "evaluation %lld, bid %s: stored %s, recomputed %s", id, b->id,
				sqlite3_column_int(st, 2) ? "compliant" : "not compliant",
				b->compliant ? "compliant" : "not compliant");
		if (sqlite3_column_int(st, 3) != b->rank || sqlite3_column_int(st, 4) != b->tied)
			finding(v, "evaluation %lld, bid %s: stored rank %d%s, recomputed rank %d%s",
				id, b->id, sqlite3_column_int(st, 3),
				sqlite3_column_int(st, 4) ? " (tied)" : "", b->rank,
				b->tied ? " (tied)" : "");
		if (!same_double(sqlite3_column_double(st, 5), points_double(b->total))) {
			fmt_points(sqlite3_column_double(st, 5), a, sizeof(a));
			fmt_points(points_double(b->total), c, sizeof(c));
			finding(v, "evaluation %lld, bid %s, total: stored %s, recomputed %s", id,
				b->id, a, c);
		}
		if ((rc = compare_bid(v, id, seq, r->rules, b, err)))
			break;
	}
	sqlite3_finalize(st);
	if (!rc && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = store_error(v->s, err, "cannot read the stored bids");
	if (!rc && seen != r->n_bids)
		finding(v, "evaluation %lld: %zu bids are stored, the re-run has %zu", id, seen,
			r->n_bids);
	if (!rc)
		rc = compare_panel(v, id, r, err);
	return rc;
}

static void ignore_diags(void *ctx, const char *path, const struct diag_list *diags)
{
	(void)ctx;
	(void)path;
	(void)diags;
}

static enum tender_status rerun(struct verifier *v, long long id, struct tender_error *err)
{
	struct stored sd;
	struct run r;
	struct run_options opt = {.max_bytes = (size_t)1 << 31, .report = ignore_diags};
	char *xml = NULL, hex[65];
	size_t size = 0;
	unsigned char digest[32];
	long long before = v->counts->findings;
	enum tender_status rc = load_stored(v->s, id, &sd, err);

	memset(&r, 0, sizeof(r));
	if (rc)
		goto out;
	opt.tender = &sd.inputs[sd.tender];
	opt.fetch = fetch_stored;
	opt.fetch_ctx = &sd;
	opt.created = sd.created;
	rc = run_evaluate(&r, sd.inputs[sd.tender].name, &opt, err);
	if (rc == TENDER_ERR_NOMEM)
		goto out;
	if (rc) {
		finding(v, "evaluation %lld: the stored inputs no longer evaluate: %s", id,
			err->message[0] ? err->message : "the tender, rule set or panel scores "
							  "are unusable");
		rc = TENDER_OK;
		goto out;
	}
	if ((rc = compare_run(v, id, &r, err)))
		goto out;
	if ((rc = result_serialise(&r, &xml, &size)))
		goto out;
	crypto_hash_sha256(digest, (const unsigned char *)xml, size);
	sha256_hex(digest, hex);
	if (strcmp(hex, sd.result_sha) != 0)
		finding(v, "evaluation %lld: the re-run's evaluation.xml (sha256 %s) differs from "
			   "the stored one (%s)",
			id, hex, sd.result_sha);
	if (v->counts->findings > before && strcmp(sd.engine, TENDER_VERSION) != 0)
		finding(v, "evaluation %lld was made by tender %s; this is tender %s: the engine "
			   "changed, and its results differ",
			id, sd.engine, TENDER_VERSION);
out:
	tender_free(xml);
	run_release(&r);
	stored_release(&sd);
	return rc;
}

enum tender_status audit_verify(struct store *s, long long only, audit_report_fn report,
				void *ctx, struct audit_counts *counts, struct tender_error *err)
{
	struct verifier v = {s, report, ctx, counts};
	sqlite3_stmt *st = NULL;
	enum tender_status rc;
	int step;

	memset(counts, 0, sizeof(*counts));
	if ((rc = check_integrity(&v, err)) || (rc = check_blobs(&v, err)) ||
	    (rc = check_chain(&v, err)))
		return rc;
	rc = prepare(s, "SELECT id FROM evaluation WHERE ?1 = 0 OR id = ?1 ORDER BY id", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, only);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		counts->evaluations++;
		if ((rc = rerun(&v, sqlite3_column_int64(st, 0), err)))
			break;
	}
	sqlite3_finalize(st);
	if (!rc && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = store_error(s, err, "cannot read the evaluations");
	if (!rc && only && counts->evaluations == 0)
		rc = error_set(err, TENDER_ERR_USAGE, "no-evaluation", NULL, 0, 0,
			       "there is no evaluation %lld in the store", only);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Export. */

/* Seconds since 1970 of "YYYY-MM-DDTHH:MM:SSZ" (proleptic Gregorian, UTC). */
static int parse_utc(const char *text, long long *out)
{
	int y, mo, d, h, mi, sec;

	if (sscanf(text, "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &sec) != 6)
		return 0;
	*out = calendar_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	return 1;
}

/* A stored input path, read as the re-run of an export reads it: parts
 * separated by '/', "" and "." dropped, ".." one folder up. */
struct walk {
	int up; /* the most folders it climbs above the tender's folder */
	const char *file;
};

/* The longest stored path export writes (PATH_MAX less the folder's): a
 * longer one is refused, so a hostile path cannot make export build
 * folders without end. */
#define EXPORT_PATH_MAX 2048

/* Reads path into w; 0 when it cannot be exported (absolute, too long, or
 * it does not end in a file name). */
static int walk_path(const char *path, struct walk *w)
{
	int level = 0;

	memset(w, 0, sizeof(*w));
	if (path[0] == '/' || strlen(path) > EXPORT_PATH_MAX)
		return 0;
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, "/");
		int last = p[n] == '\0';

		if (last && (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && !strncmp(p, "..", 2))))
			return 0;
		if (last) {
			w->file = p;
			return 1;
		}
		if (n == 2 && !strncmp(p, "..", 2)) {
			if (--level < -w->up)
				w->up = -level;
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			level++;
		}
		p += n + 1;
	}
	return 0; /* ends in '/' */
}

/* The folder path (parts of base, then of path) where a stored path's file
 * goes, into sb; makes each folder on the way beneath dir, so that the
 * re-run finds every folder its href passes through. */
static enum tender_status place(const char *dir, const struct strbuf *base, const char *path,
				struct strbuf *sb, struct tender_error *err)
{
	enum tender_status rc = TENDER_OK;

	strbuf_release(sb);
	strbuf_add(sb, base->buf, base->len);
	for (const char *p = path; *p && !rc;) {
		size_t n = strcspn(p, "/");

		if (p[n] == '\0')
			break; /* the file name */
		if (n == 2 && !strncmp(p, "..", 2)) {
			while (sb->len > 0 && sb->buf[--sb->len] != '/')
				;
			sb->buf[sb->len] = '\0';
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			strbuf_addf(sb, "%s%.*s", sb->len ? "/" : "", (int)n, p);
			if (!(rc = strbuf_status(sb)))
				rc = dir_make_beneath(dir, strbuf_str(sb), err);
		}
		p += n + 1;
	}
	if (!rc)
		rc = strbuf_status(sb);
	return rc == TENDER_ERR_LIMIT ? TENDER_ERR_NOMEM : rc;
}

/* Creates the output folder dir and every missing folder on the way to it
 * (the caller's to name: links on the way to dir are followed). */
static enum tender_status make_folder(const char *dir, struct tender_error *err)
{
	char buf[4096];
	int n = snprintf(buf, sizeof(buf), "%s/", dir);

	if (n < 0 || (size_t)n >= sizeof(buf))
		return error_set(err, TENDER_ERR_IO, "io-path", NULL, 0, 0,
				 "the export folder's path is longer than %zu bytes",
				 sizeof(buf) - 2);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return error_set(err, TENDER_ERR_IO, "io-mkdir", buf, 0, 0,
					 "cannot create the folder: %s", strerror(errno));
		*p = '/';
	}
	return TENDER_OK;
}

enum tender_status audit_export(struct store *s, long long id, const char *dir,
				char **tender_path, long long *epoch, int *outside,
				struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	struct strbuf base = STRBUF_INIT_WHOLE, folder = STRBUF_INIT_WHOLE,
		      target = STRBUF_INIT_WHOLE;
	enum tender_status rc;
	struct walk w;
	int depth = 0, step;

	*tender_path = NULL;
	*outside = 0;
	rc = prepare(s, "SELECT created FROM evaluation WHERE id = ?", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW || !parse_utc(col_text(st, 0), epoch)) {
		sqlite3_finalize(st);
		return error_set(err, TENDER_ERR_USAGE, "no-evaluation", NULL, 0, 0,
				 "there is no evaluation %lld in the store", id);
	}
	sqlite3_finalize(st);
	rc = prepare(s, "SELECT role, path, data FROM input JOIN blob USING (sha256)"
			" WHERE evaluation_id = ? ORDER BY seq",
		     &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	/* First pass: every path is checked before anything is written, and
	 * the tender goes deep enough that every ".." stays inside dir. */
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *role = col_text(st, 0), *path = col_text(st, 1);
		int tender = strcmp(role, "tender") == 0;

		if (!walk_path(path, &w) || (tender && (w.up || w.file != path))) {
			rc = error_set(err, TENDER_ERR_USAGE, "export-path", NULL, 0, 0,
				       tender ? "the stored tender file name '%s' cannot be exported: "
						"it is not a plain file name"
					      : "the input path '%s' cannot be exported: it is "
						"absolute, longer than 2048 bytes or names no file (the "
						"re-run would not read the exported file)",
				       path);
			goto out;
		}
		if (!tender && w.up > depth)
			depth = w.up;
		if (w.up && (strcmp(role, "bid") == 0 || strcmp(role, "panel-scores") == 0))
			*outside = 1;
	}
	if (step != SQLITE_DONE) {
		rc = store_error(s, err, "cannot read the stored inputs");
		goto out;
	}
	if ((rc = make_folder(dir, err)))
		goto out;
	strbuf_adds(&base, "tender");
	for (int i = 1; i < depth; i++)
		strbuf_addf(&base, "/%d", i);
	if ((rc = strbuf_status(&base)))
		goto out;
	sqlite3_reset(st);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *path = col_text(st, 1);

		walk_path(path, &w);
		if ((rc = place(dir, &base, path, &folder, err)))
			goto out;
		strbuf_release(&target);
		strbuf_addf(&target, "%s%s%s", strbuf_str(&folder), folder.len ? "/" : "", w.file);
		if ((rc = strbuf_status(&target))) {
			rc = TENDER_ERR_NOMEM;
			goto out;
		}
		if ((rc = file_write_beneath(dir, strbuf_str(&target), sqlite3_column_blob(st, 2),
					     (size_t)sqlite3_column_bytes(st, 2), err)))
			goto out;
		if (strcmp(col_text(st, 0), "tender") == 0 && !*tender_path) {
			strbuf_release(&folder);
			strbuf_addf(&folder, "%s/%s", dir, strbuf_str(&target));
			if (strbuf_status(&folder) ||
			    !(*tender_path = tender_strdup(strbuf_str(&folder)))) {
				rc = TENDER_ERR_NOMEM;
				goto out;
			}
		}
	}
	if (step != SQLITE_DONE)
		rc = store_error(s, err, "cannot read the stored inputs");
out:
	sqlite3_finalize(st);
	strbuf_release(&base);
	strbuf_release(&folder);
	strbuf_release(&target);
	if (rc) {
		tender_free(*tender_path);
		*tender_path = NULL;
	}
	return rc;
}
