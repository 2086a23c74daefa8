/*
 * audit.c - the audit log, verification, export (see audit.h).
 */
#include "audit.h"

#include "alloc.h"
#include "calendar.h"
#include "diag.h"
#include "error.h"
#include "fileio.h"
#include "kinds.h"
#include "number.h"
#include "result.h"
#include "run.h" /* a verification re-runs the stored inputs */
#include "strbuf.h"

#include <assert.h>
#include <errno.h>
#include <jansson.h>
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

/* Appends the audit row of evaluation id, inside the transaction that
 * records it. chain_head (may be NULL) receives the row's hash: the head of
 * the chain after this evaluation, which the signed manifest records. */
static enum tender_status audit_append(struct store *s, long long id, char chain_head[65],
				       struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	char prev[65], hash[65], *entry = NULL;
	enum tender_status rc;
	int step;

	/* The chain row goes in with its evaluation's rows, or not at all. */
	assert(id > 0 && !sqlite3_get_autocommit(store_db(s)));
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

enum tender_status audit_record_pending(struct store *s, const struct evaluation *ev,
					const char *result, size_t result_size, long long *id,
					char chain_head[65], struct tender_error *err)
{
	enum tender_status rc = store_insert_evaluation(s, ev, result, result_size, id, err);

	if (rc)
		return rc; /* rolled back */
	if ((rc = audit_append(s, *id, chain_head, err)))
		store_rollback(s);
	return rc;
}

enum tender_status audit_record(struct store *s, const struct evaluation *ev, const char *result,
				size_t result_size, long long *id, struct tender_error *err)
{
	enum tender_status rc = audit_record_pending(s, ev, result, result_size, id, NULL, err);

	return rc ? rc : store_commit(s, err);
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
	char small[2048], *text, *safe;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	v->counts->findings++;
	text = small;
	if (n >= 0 && (size_t)n >= sizeof(small)) {
		text = tender_malloc((size_t)n + 1); /* the exact length is known */
		if (text) {
			va_start(ap, fmt);
			vsnprintf(text, (size_t)n + 1, fmt, ap);
			va_end(ap);
		}
	}
	/* Stored text is quoted: whatever it holds, it cannot start a line of
	 * its own or rewrite the terminal (diag_escape). */
	safe = n < 0 || !text ? NULL : tender_malloc((size_t)n * DIAG_ESCAPE_MAX + 1);
	if (safe) {
		diag_escape(text, safe, (size_t)n * DIAG_ESCAPE_MAX + 1);
		v->report(v->ctx, safe);
	} else {
		v->report(v->ctx, "a finding too long to report (out of memory)");
	}
	tender_free(safe);
	if (text != small)
		tender_free(text);
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
	enum tender_status rc;

	if (store_version(v->s) < 3)
		return TENDER_OK;
	/* one row, named evaluation: any other is not tender's */
	if ((rc = prepare(v->s, "SELECT name FROM high_water WHERE name IS NOT 'evaluation'"
				" UNION ALL SELECT NULL WHERE NOT EXISTS"
				" (SELECT 1 FROM high_water WHERE name = 'evaluation')",
			  &st, err)))
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			finding(v, "high_water where name = 'evaluation': the row is missing");
		else
			finding(v, "high_water where name = '%s': not a row tender writes",
				col_text(st, 0));
	sqlite3_finalize(st);
	st = NULL;
	if ((rc = store_high_water(v->s, &mark, err)) || mark < 0)
		return rc;
	if ((rc = prepare(v->s, "SELECT coalesce(max(id), 0) FROM evaluation", &st, err)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		newest = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (newest < mark)
		finding(v, "evaluation%s %lld%s%.0lld %s given and %s no longer stored: the newest "
			   "evaluations were deleted, or the mark was raised (high_water.value where "
			   "name = 'evaluation')",
			mark - newest > 1 ? "s" : "", newest + 1, mark - newest > 1 ? " to " : "",
			mark - newest > 1 ? mark : 0, mark - newest > 1 ? "were" : "was",
			mark - newest > 1 ? "are" : "is");
	else if (newest > mark)
		finding(v, "evaluation %lld is above the store's high-water mark %lld: it was not "
			   "recorded by tender, or the mark was lowered (high_water.value where "
			   "name = 'evaluation')",
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

/* ---------------------------------------------------------------------- */
/* Comparing a stored evaluation with its re-run: every column of every
 * row of every table store_table describes, matched on their keys, both
 * ways (store_rows gives what the re-run would store, exactly as bound). */

/* One value as stored or as bound: its SQLite type and its text (REAL in
 * the shortest form that reads back as the same number), so that two
 * values are the same exactly when type and bytes are. */
struct cell {
	int type; /* SQLITE_NULL, _INTEGER, _FLOAT, _TEXT, _BLOB */
	char *text;
	size_t len;
};

struct row {
	char *key; /* the key values, joined by US */
	struct cell cells[STORE_MAX_COLUMNS];
	int seen;
};

struct rows {
	struct row *rows[SR_COUNT];
	size_t n[SR_COUNT], cap[SR_COUNT];
	int skip_panel; /* an evaluation recorded before the panel tables */
	int nomem;
};

static int cell_set(struct cell *c, int type, const char *text, size_t len)
{
	c->type = type;
	c->len = len;
	if (type == SQLITE_NULL)
		return 1;
	if (!(c->text = tender_malloc(len + 1)))
		return 0;
	memcpy(c->text, text, len);
	c->text[len] = '\0';
	return 1;
}

static int cell_bound(struct cell *c, const struct store_value *v)
{
	char buf[64];

	switch (v->type) {
	case SV_INT:
		snprintf(buf, sizeof(buf), "%lld", v->i);
		return cell_set(c, SQLITE_INTEGER, buf, strlen(buf));
	case SV_REAL:
		snprintf(buf, sizeof(buf), "%s", double_text(v->d).s);
		return cell_set(c, SQLITE_FLOAT, buf, strlen(buf));
	case SV_TEXT:
		if (v->text)
			return cell_set(c, SQLITE_TEXT, v->text, strlen(v->text));
		/* fall through */
	default: return cell_set(c, SQLITE_NULL, NULL, 0);
	}
}

static int cell_stored(struct cell *c, sqlite3_stmt *st, int i)
{
	char buf[64];
	int type = sqlite3_column_type(st, i);

	switch (type) {
	case SQLITE_INTEGER:
		snprintf(buf, sizeof(buf), "%lld", (long long)sqlite3_column_int64(st, i));
		return cell_set(c, type, buf, strlen(buf));
	case SQLITE_FLOAT:
		snprintf(buf, sizeof(buf), "%s", double_text(sqlite3_column_double(st, i)).s);
		return cell_set(c, type, buf, strlen(buf));
	case SQLITE_TEXT:
		return cell_set(c, type, (const char *)sqlite3_column_text(st, i),
				(size_t)sqlite3_column_bytes(st, i));
	case SQLITE_BLOB: {
		/* no column holds one: shown as hex, never equal to a text */
		const unsigned char *b = sqlite3_column_blob(st, i);
		size_t n = (size_t)sqlite3_column_bytes(st, i);
		struct strbuf sb = STRBUF_INIT;
		int ok;

		strbuf_adds(&sb, "x'");
		for (size_t k = 0; k < n; k++)
			strbuf_addf(&sb, "%02x", b[k]);
		strbuf_adds(&sb, "'");
		ok = !sb.nomem && cell_set(c, type, strbuf_str(&sb), sb.len);
		strbuf_release(&sb);
		return ok;
	}
	default: return cell_set(c, SQLITE_NULL, NULL, 0);
	}
}

static int same_cell(const struct cell *a, const struct cell *b)
{
	return a->type == b->type && a->len == b->len &&
	       (a->type == SQLITE_NULL || memcmp(a->text, b->text, a->len) == 0);
}

static void row_release(struct row *row)
{
	for (size_t i = 0; i < STORE_MAX_COLUMNS; i++)
		tender_free(row->cells[i].text);
	tender_free(row->key);
	memset(row, 0, sizeof(*row));
}

/* Makes row's key from its cells; returns 0 when out of memory. */
static int row_key(struct row *row, const struct store_table *tab)
{
	struct strbuf key = STRBUF_INIT_WHOLE;

	strbuf_adds(&key, "");
	for (size_t i = 0; i < tab->n_keys; i++) {
		if (i)
			strbuf_add(&key, "\x1f", 1);
		if (row->cells[i].text)
			strbuf_add(&key, row->cells[i].text, row->cells[i].len);
	}
	row->key = strbuf_detach(&key);
	return row->key != NULL;
}

static int collect_row(void *ctx, enum store_table_id t, const struct store_value *values)
{
	struct rows *rs = ctx;
	const struct store_table *tab = store_table(t);
	struct row *row;

	if (t >= SR_FIRST_PANEL && rs->skip_panel)
		return 1;
	if (rs->n[t] == rs->cap[t]) {
		size_t cap = rs->cap[t] ? 2 * rs->cap[t] : 16;
		struct row *grown = tender_realloc(rs->rows[t], cap * sizeof(*grown));

		if (!grown) {
			rs->nomem = 1;
			return 0;
		}
		rs->rows[t] = grown;
		rs->cap[t] = cap;
	}
	row = &rs->rows[t][rs->n[t]];
	memset(row, 0, sizeof(*row));
	for (size_t i = 0; i < tab->n_columns; i++)
		if (!cell_bound(&row->cells[i], &values[i]))
			goto nomem;
	if (!row_key(row, tab))
		goto nomem;
	rs->n[t]++;
	return 1;
nomem:
	row_release(row);
	rs->nomem = 1;
	return 0;
}

static void rows_release(struct rows *rs)
{
	for (int t = 0; t < SR_COUNT; t++) {
		for (size_t i = 0; i < rs->n[t]; i++)
			row_release(&rs->rows[t][i]);
		tender_free(rs->rows[t]);
	}
}

static int by_key(const void *a, const void *b)
{
	return strcmp((*(struct row *const *)a)->key, (*(struct row *const *)b)->key);
}

/* The index that a cell holding a seq names, or -1. */
static long long cell_index(const struct cell *c, size_t n)
{
	char *end;
	long long i;

	if (c->type != SQLITE_INTEGER)
		return -1;
	i = strtoll(c->text, &end, 10);
	return !*end && i >= 0 && (size_t)i < n ? i : -1;
}

/* Names a row for an auditor from its naming columns: "bid WV-B06,
 * question Q1, evaluator E2". */
static void row_words(const struct evaluation *ev, const struct store_table *tab,
		      const struct row *row, struct strbuf *sb)
{
	size_t start = sb->len;

	for (size_t i = 0; i < tab->n_columns; i++) {
		const struct store_column *c = &tab->columns[i];
		const struct cell *v = &row->cells[i];
		const char *text = v->text ? v->text : "none";
		long long k;
		int node;
		const char *question;

		if (!c->names)
			continue;
		strbuf_adds(sb, sb->len == start && !strncmp(c->names, ", ", 2) ? c->names + 2
										  : c->names);
		switch (c->kind) {
		case SC_BID:
			if (ev && (k = cell_index(v, ev->n_bids)) >= 0)
				strbuf_adds(sb, ev->bids[k].id);
			else
				strbuf_addf(sb, "at position %s", text);
			break;
		case SC_MEMBER:
			if (ev && ev->panel && (k = cell_index(v, ev->panel->n_members)) >= 0)
				strbuf_adds(sb, ev->panel->members[k].id);
			else
				strbuf_addf(sb, "at position %s", text);
			break;
		case SC_QUESTION:
			node = ev && v->text ? ruleset_find(ev->rules, v->text) : -1;
			question = node >= 0 ? panel_rule_question(&ev->rules->nodes[node]) : NULL;
			strbuf_adds(sb, question ? question : text);
			break;
		default: strbuf_adds(sb, text); break;
		}
	}
	if (sb->len == start)
		strbuf_adds(sb, tab->whole ? tab->whole : tab->noun);
}

/* A value as SQL: 12, 1.5, 'text' (quotes doubled), NULL. */
static void sql_words(const struct cell *v, struct strbuf *sb)
{
	if (v->type == SQLITE_NULL) {
		strbuf_adds(sb, "NULL");
	} else if (v->type != SQLITE_TEXT) {
		strbuf_add(sb, v->text, v->len);
	} else {
		strbuf_adds(sb, "'");
		for (size_t i = 0; i < v->len; i++)
			strbuf_add(sb, v->text[i] == '\'' ? "''" : v->text + i,
				   v->text[i] == '\'' ? 2 : 1);
		strbuf_adds(sb, "'");
	}
}

/* Where the row is, as SQL an auditor can paste: "(score.points where
 * evaluation_id = 1 AND bid_seq = 0 AND rule_id = 'price')"; column may
 * be NULL for the whole row. */
static void row_where(long long id, const struct store_table *tab, const struct row *row,
		      const char *column, struct strbuf *sb)
{
	int first = 1;

	strbuf_addf(sb, " (%s%s%s where ", tab->name, column ? "." : "", column ? column : "");
	if (tab->scope) {
		strbuf_addf(sb, "%s = %lld", tab->scope, id);
		first = 0;
	}
	for (size_t i = 0; i < tab->n_keys; i++) {
		strbuf_addf(sb, "%s%s %s ", first ? "" : " AND ", tab->columns[i].name,
			    row->cells[i].type == SQLITE_NULL ? "IS" : "=");
		sql_words(&row->cells[i], sb);
		first = 0;
	}
	strbuf_adds(sb, ")");
}

/* A value in a finding: free text quoted, NULL as "none". */
static void value_words(const struct store_column *c, const struct cell *v, struct strbuf *sb)
{
	if (v->type == SQLITE_NULL)
		strbuf_adds(sb, "none");
	else if (c->quoted && v->type == SQLITE_TEXT)
		strbuf_addf(sb, "'%s'", v->text);
	else
		strbuf_add(sb, v->text, strnlen(v->text, v->len));
	if (v->type == SQLITE_TEXT && strlen(v->text) != v->len)
		strbuf_addf(sb, " (%zu bytes, with NUL)", v->len);
}

/* Reports the differences between a stored row and the re-run's. */
static void compare_row(struct verifier *v, long long id, const struct evaluation *ev,
			const struct store_table *tab, const struct row *stored,
			const struct row *now, const char *source, struct strbuf *sb)
{
	for (size_t i = tab->n_keys; i < tab->n_columns; i++) {
		if (same_cell(&stored->cells[i], &now->cells[i]))
			continue;
		strbuf_release(sb);
		row_words(ev, tab, now, sb);
		strbuf_addf(sb, ": stored %s ", tab->columns[i].words);
		value_words(&tab->columns[i], &stored->cells[i], sb);
		strbuf_addf(sb, ", %s ", source);
		value_words(&tab->columns[i], &now->cells[i], sb);
		row_where(id, tab, now, tab->columns[i].name, sb);
		finding(v, "evaluation %lld, %s", id, strbuf_str(sb));
	}
}

/* Rows missing (or extra) in one table that are named one by one; the
 * rest are counted. A whole panel record deleted is one story, not a
 * hundred. */
#define ROW_FINDINGS_MAX 10

static enum tender_status table_exists(struct verifier *v, const char *name, int *exists,
				       struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc = prepare(v->s,
					"SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
					" AND name = ?",
					&st, err);

	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	*exists = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return TENDER_OK;
}

/* Compares the stored rows of table t with the re-run's rows now: each
 * column that differs, each row stored but not in the re-run, each row of
 * the re-run not stored. */
static enum tender_status compare_table(struct verifier *v, long long id,
					const struct evaluation *ev, enum store_table_id t,
					struct row *now, size_t n_now, const char *source,
					struct tender_error *err)
{
	const struct store_table *tab = store_table(t);
	struct row **sorted = NULL, stored, *key = &stored, **hit;
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
	/* the tender's row by the id the re-run gives */
	strbuf_addf(&sql, " FROM %s WHERE %s = ?", tab->name,
		    tab->scope ? tab->scope : tab->columns[0].name);
	for (size_t i = 0; i < tab->n_keys; i++)
		strbuf_addf(&sql, "%s%s", i ? ", " : " ORDER BY ", tab->columns[i].name);
	if (sql.nomem) {
		rc = TENDER_ERR_NOMEM;
		goto out;
	}
	if ((rc = prepare(v->s, strbuf_str(&sql), &st, err)))
		goto out;
	if (tab->scope)
		sqlite3_bind_int64(st, 1, id);
	else
		sqlite3_bind_text(st, 1, ev && ev->tender_id ? ev->tender_id : "", -1,
				  SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		row_release(&stored);
		for (size_t i = 0; i < tab->n_columns; i++)
			if (!cell_stored(&stored.cells[i], st, (int)i)) {
				rc = TENDER_ERR_NOMEM;
				goto out;
			}
		if (!row_key(&stored, tab)) {
			rc = TENDER_ERR_NOMEM;
			goto out;
		}
		hit = n_now ? bsearch(&key, sorted, n_now, sizeof(*sorted), by_key) : NULL;
		if (hit && !(*hit)->seen) {
			(*hit)->seen = 1;
			compare_row(v, id, ev, tab, &stored, *hit, source, &sb);
			continue;
		}
		if (++n_extra > ROW_FINDINGS_MAX)
			continue;
		strbuf_release(&sb);
		row_words(ev, tab, &stored, &sb);
		strbuf_addf(&sb, ": this stored %s is not in the %s", tab->noun,
			    strcmp(source, "audited") ? "re-run" : "audit row");
		row_where(id, tab, &stored, NULL, &sb);
		finding(v, "evaluation %lld, %s", id, strbuf_str(&sb));
	}
	if (n_extra > ROW_FINDINGS_MAX)
		finding(v, "evaluation %lld: %zu more stored rows of %s are not in the %s", id,
			n_extra - ROW_FINDINGS_MAX, tab->name,
			strcmp(source, "audited") ? "re-run" : "audit row");
	if (step != SQLITE_DONE) {
		rc = store_error(v->s, err, "cannot read the stored rows");
		goto out;
	}
	for (size_t i = 0; i < n_now; i++) {
		if (now[i].seen || ++n_missing > ROW_FINDINGS_MAX)
			continue;
		strbuf_release(&sb);
		row_words(ev, tab, &now[i], &sb);
		strbuf_addf(&sb, ": the %s has this %s, which is not stored",
			    strcmp(source, "audited") ? "re-run" : "audit row", tab->noun);
		row_where(id, tab, &now[i], NULL, &sb);
		finding(v, "evaluation %lld, %s", id, strbuf_str(&sb));
	}
	if (n_missing > ROW_FINDINGS_MAX)
		finding(v, "evaluation %lld: %zu more rows of %s in the %s are not stored", id,
			n_missing - ROW_FINDINGS_MAX, tab->name,
			strcmp(source, "audited") ? "re-run" : "audit row");
out:
	row_release(&stored);
	sqlite3_finalize(st);
	strbuf_release(&sql);
	strbuf_release(&sb);
	tender_free(sorted);
	return rc;
}

/* What the chain recorded of evaluation id: its time and engine (from its
 * audit row's entry when it has one, else as stored), whole, in *created
 * and *engine (tender_free; NULL when there is no such evaluation). */
static enum tender_status audited(struct verifier *v, long long id, char **created,
				  char **engine, struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	enum tender_status rc = prepare(v->s,
					"SELECT e.created, e.engine_version, a.entry FROM evaluation e"
					" LEFT JOIN audit_log a ON a.evaluation_id = e.id"
					" WHERE e.id = ?",
					&st, err);
	json_t *entry = NULL;
	json_error_t jerr;

	*created = *engine = NULL;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = col_text(st, 0), *e = col_text(st, 1);

		if (sqlite3_column_type(st, 2) == SQLITE_TEXT &&
		    !(entry = json_loads(col_text(st, 2), 0, &jerr)) &&
		    json_error_code(&jerr) == json_error_out_of_memory)
			rc = TENDER_ERR_NOMEM;
		if (entry) {
			json_t *jc = json_object_get(entry, "created"),
			       *je = json_object_get(entry, "engine");

			if (json_is_string(jc))
				c = json_string_value(jc);
			if (json_is_string(je))
				e = json_string_value(je);
		}
		if (!rc && (!(*created = tender_strdup(c)) || !(*engine = tender_strdup(e))))
			rc = TENDER_ERR_NOMEM;
	}
	json_decref(entry);
	sqlite3_finalize(st);
	return rc;
}

/* Compares every stored row of evaluation id with the rows its re-run ev
 * would store (result_sha256: of the re-run's evaluation.xml). Evaluations
 * recorded before the store had panel tables have no panel rows, and none
 * are expected. The tender's row is compared when id is the newest
 * evaluation of its tender (each evaluation updates it). */
static enum tender_status compare_run(struct verifier *v, long long id,
				      const struct evaluation *ev, const char *result_sha256,
				      struct tender_error *err)
{
	struct rows now;
	char *created = NULL, *engine = NULL;
	struct store_given given = {NULL, NULL, result_sha256};
	long long since, newest = 0;
	enum tender_status rc;
	sqlite3_stmt *st = NULL;

	memset(&now, 0, sizeof(now));
	if ((rc = store_panel_since(v->s, &since, err)) ||
	    (rc = prepare(v->s, "SELECT max(id) FROM evaluation WHERE tender_id = ?", &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, ev->tender_id ? ev->tender_id : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		newest = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if ((rc = audited(v, id, &created, &engine, err)))
		goto out;
	given.created = created;
	given.engine_version = engine;
	now.skip_panel = id < since;
	if (!store_rows(ev, &given, collect_row, &now) && now.nomem) {
		rc = TENDER_ERR_NOMEM;
		goto out;
	}
	for (int t = 0; t < SR_COUNT && !rc; t++) {
		int exists;

		if (t == SR_TENDER && newest != id)
			continue;
		/* a table missing is reported by the shape check */
		if ((rc = table_exists(v, store_table((enum store_table_id)t)->name, &exists, err)) ||
		    !exists)
			continue;
		rc = compare_table(v, id, ev, (enum store_table_id)t, now.rows[t], now.n[t],
				   "recomputed", err);
	}
out:
	rows_release(&now);
	tender_free(created);
	tender_free(engine);
	return rc;
}

/* Compares the stored evaluation and input rows of evaluation id with what
 * its audit row recorded of them (the canonical entry), so that a changed
 * input path or role is named even when it keeps the re-run from running.
 * Nothing when the evaluation has no audit row (check_chain says so). */
static enum tender_status compare_audited(struct verifier *v, long long id,
					  struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	json_t *entry = NULL, *inputs, *item;
	json_error_t jerr;
	struct rows now;
	struct store_value row[STORE_MAX_COLUMNS];
	size_t i;
	enum tender_status rc = prepare(v->s, "SELECT entry FROM audit_log WHERE evaluation_id = ?",
					&st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    !(entry = json_loads(col_text(st, 0), 0, &jerr)) &&
	    json_error_code(&jerr) == json_error_out_of_memory) {
		sqlite3_finalize(st);
		return TENDER_ERR_NOMEM;
	}
	sqlite3_finalize(st);
	if (!entry)
		return TENDER_OK; /* no row, or one check_chain finds altered */
	memset(&now, 0, sizeof(now));
#define S(v) json_string_value(v)
	row[0] = (struct store_value){SV_TEXT, 0, 0, S(json_object_get(entry, "tender"))};
	row[1] = (struct store_value){SV_TEXT, 0, 0, S(json_object_get(entry, "created"))};
	row[2] = (struct store_value){SV_TEXT, 0, 0, S(json_object_get(entry, "engine"))};
	row[3] = (struct store_value){SV_TEXT, 0, 0,
				      S(json_object_get(json_object_get(entry, "ruleset"), "id"))};
	row[4] = (struct store_value){SV_TEXT, 0, 0,
				      S(json_object_get(json_object_get(entry, "ruleset"), "version"))};
	row[5] = (struct store_value){SV_TEXT, 0, 0,
				      S(json_object_get(json_object_get(entry, "ruleset"), "sha256"))};
	row[6] = (struct store_value){SV_TEXT, 0, 0, S(json_object_get(entry, "result_sha256"))};
	for (int k = 0; k < 7; k++)
		if (!row[k].text)
			row[k].type = SV_NULL;
	collect_row(&now, SR_EVALUATION, row);
	inputs = json_object_get(entry, "inputs");
	json_array_foreach(inputs, i, item)
	{
		row[0] = (struct store_value){SV_INT, json_integer_value(json_array_get(item, 0)), 0,
					      NULL};
		for (int k = 1; k < 4; k++) {
			const char *text = S(json_array_get(item, (size_t)k));

			row[k] = (struct store_value){text ? SV_TEXT : SV_NULL, 0, 0, text};
		}
		if (now.nomem || !collect_row(&now, SR_INPUT, row))
			break;
	}
#undef S
	json_decref(entry);
	if (now.nomem) {
		rows_release(&now);
		return TENDER_ERR_NOMEM;
	}
	rc = compare_table(v, id, NULL, SR_EVALUATION, now.rows[SR_EVALUATION],
			   now.n[SR_EVALUATION], "audited", err);
	if (!rc)
		rc = compare_table(v, id, NULL, SR_INPUT, now.rows[SR_INPUT], now.n[SR_INPUT],
				   "audited", err);
	rows_release(&now);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* The store as a whole: its shape, its references, rows no evaluation
 * accounts for. */

static void shape_finding(void *ctx, const char *difference)
{
	finding(ctx, "%s", difference);
}

/* The key of the row at rowid of a described table, as SQL ("evaluation_id
 * = 1 AND bid_seq = 9 AND seq = 0"), into sb; the rowid when the table is
 * not described. */
static void rowid_words(struct verifier *v, const char *table, long long rowid,
			struct strbuf *sb)
{
	const struct store_table *tab = NULL;
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	struct tender_error e;

	for (int t = 0; t < SR_COUNT; t++)
		if (strcmp(store_table((enum store_table_id)t)->name, table) == 0)
			tab = store_table((enum store_table_id)t);
	if (tab) {
		strbuf_addf(&sql, "SELECT %s", tab->scope ? tab->scope : "NULL");
		for (size_t i = 0; i < tab->n_keys; i++)
			strbuf_addf(&sql, ", %s", tab->columns[i].name);
		strbuf_addf(&sql, " FROM %s WHERE rowid = ?", tab->name);
	}
	error_clear(&e);
	if (tab && !sql.nomem && !prepare(v->s, strbuf_str(&sql), &st, &e)) {
		sqlite3_bind_int64(st, 1, rowid);
		if (sqlite3_step(st) == SQLITE_ROW) {
			struct cell c;
			int first = 1;

			if (tab->scope) {
				strbuf_addf(sb, "%s = %lld", tab->scope, sqlite3_column_int64(st, 0));
				first = 0;
			}
			for (size_t i = 0; i < tab->n_keys; i++) {
				memset(&c, 0, sizeof(c));
				strbuf_addf(sb, "%s%s = ", first ? "" : " AND ", tab->columns[i].name);
				if (cell_stored(&c, st, (int)i + 1))
					sql_words(&c, sb);
				tender_free(c.text);
				first = 0;
			}
			sqlite3_finalize(st);
			strbuf_release(&sql);
			return;
		}
	}
	sqlite3_finalize(st);
	strbuf_release(&sql);
	strbuf_addf(sb, "rowid = %lld", rowid);
}

/* PRAGMA foreign_key_check: every row that names a parent row which is not
 * there (a score of no bid, a bid of no evaluation); past ROW_FINDINGS_MAX
 * of one table, the rest are counted. */
static enum tender_status check_references(struct verifier *v, struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	struct strbuf sb = STRBUF_INIT;
	char table[128] = "";
	size_t n = 0;
	enum tender_status rc = prepare(v->s, "PRAGMA foreign_key_check", &st, err);
	int step;

	if (rc)
		return rc;
	for (;;) {
		step = sqlite3_step(st);
		if (n > ROW_FINDINGS_MAX &&
		    (step != SQLITE_ROW || strcmp(table, col_text(st, 0)) != 0))
			finding(v, "%zu more rows of %s refer to rows that do not exist (foreign key)",
				n - ROW_FINDINGS_MAX, table);
		if (step != SQLITE_ROW)
			break;
		if (strcmp(table, col_text(st, 0)) != 0) {
			snprintf(table, sizeof(table), "%s", col_text(st, 0));
			n = 0;
		}
		if (++n > ROW_FINDINGS_MAX)
			continue;
		strbuf_release(&sb);
		rowid_words(v, col_text(st, 0), sqlite3_column_int64(st, 1), &sb);
		finding(v, "%s where %s: it refers to a row of %s that does not exist (foreign key)",
			col_text(st, 0), strbuf_str(&sb), col_text(st, 2));
	}
	sqlite3_finalize(st);
	strbuf_release(&sb);
	return step == SQLITE_DONE ? TENDER_OK : store_error(v->s, err, "cannot check references");
}

/* Rows of the store-wide tables that no evaluation accounts for: a tender
 * no evaluation names, a stored file no evaluation read or wrote, a schema
 * history that does not say when each version's tables began. */
static enum tender_status check_unowned(struct verifier *v, struct tender_error *err)
{
	static const char *const queries[] = {
		"SELECT 'tender where id = ''' || replace(id, '''', '''''') || ''': no evaluation"
		" is of this tender' FROM tender WHERE id NOT IN (SELECT tender_id FROM evaluation)",
		"SELECT 'blob where sha256 = ''' || sha256 || ''': no evaluation read or wrote this"
		" stored file' FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM input UNION"
		" SELECT result_sha256 FROM evaluation UNION SELECT ruleset_sha256 FROM evaluation)",
	};
	sqlite3_stmt *st = NULL;
	enum tender_status rc;
	int step, exists;

	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		if ((rc = prepare(v->s, queries[q], &st, err)))
			return rc;
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			finding(v, "%s", col_text(st, 0));
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			return store_error(v->s, err, "cannot read the store");
	}
	if ((rc = table_exists(v, "schema_history", &exists, err)) || !exists)
		return rc;
	/* One row per version from 2 on, each beginning after the one before
	 * and no later than the evaluation after the newest. */
	rc = prepare(v->s,
		     "WITH RECURSIVE want(version) AS (SELECT 2 UNION ALL SELECT version + 1 FROM want"
		     "   WHERE version < max(2, (SELECT user_version FROM pragma_user_version)))"
		     " SELECT coalesce(w.version, h.version), h.first_evaluation, w.version IS NULL,"
		     "   h.version IS NULL FROM want w LEFT JOIN schema_history h USING (version)"
		     " UNION ALL SELECT h.version, h.first_evaluation, 1, 0 FROM schema_history h"
		     "   WHERE h.version NOT IN (SELECT version FROM want)",
		     &st, err);
	if (rc)
		return rc;
	{
		long long before = 1, last = 1;
		sqlite3_stmt *max = NULL;

		if ((rc = prepare(v->s, "SELECT coalesce(max(id), 0) + 1 FROM evaluation", &max, err))) {
			sqlite3_finalize(st);
			return rc;
		}
		if (sqlite3_step(max) == SQLITE_ROW)
			last = sqlite3_column_int64(max, 0);
		sqlite3_finalize(max);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			long long version = sqlite3_column_int64(st, 0),
				  first = sqlite3_column_int64(st, 1);

			if (sqlite3_column_int(st, 2))
				finding(v, "schema_history where version = %lld: no such schema version "
					   "(this store is version %d)",
					version, store_version(v->s));
			else if (sqlite3_column_int(st, 3))
				finding(v, "schema_history where version = %lld: the row is missing", version);
			else if (sqlite3_column_type(st, 1) != SQLITE_INTEGER || first < before ||
				 first > last)
				finding(v, "schema_history where version = %lld: first_evaluation %s is "
					   "not between %lld and %lld",
					version, col_text(st, 1), before, last);
			else
				before = first;
		}
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? TENDER_OK : store_error(v->s, err, "cannot read the store");
}

/* Keeps the first error of a re-run (path:line:column: message), to say
 * why the stored inputs no longer evaluate. */
static void first_error(void *ctx, const char *path, const struct diag_list *diags)
{
	struct strbuf *why = ctx;

	for (size_t i = 0; i < diags->n && !why->len; i++)
		if (diags->items[i].severity == DIAG_ERROR)
			strbuf_addf(why, "%s:%d:%d: %s", path ? path : "", diags->items[i].line,
				    diags->items[i].column, diags->items[i].message);
}

static enum tender_status rerun(struct verifier *v, long long id, struct tender_error *err)
{
	struct stored sd;
	struct run r;
	struct evaluation record;
	struct strbuf why = STRBUF_INIT_WHOLE;
	struct run_options opt = {.max_bytes = (size_t)1 << 31, .report = first_error,
				  .report_ctx = &why};
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
		finding(v, "evaluation %lld: the stored inputs no longer evaluate: %s%s%s", id,
			err->message[0] ? err->message
			: why.len	? why.buf
					: "the tender, rule set or panel scores are unusable",
			strcmp(sd.engine, TENDER_VERSION) ? "; it was made by tender " : "",
			strcmp(sd.engine, TENDER_VERSION) ? sd.engine : "");
		rc = TENDER_OK;
		goto out;
	}
	record = run_record(&r);
	if ((rc = result_serialise(&record, &xml, &size)))
		goto out;
	crypto_hash_sha256(digest, (const unsigned char *)xml, size);
	sha256_hex(digest, hex);
	/* evaluation.result_sha256 is compared with hex there */
	if ((rc = compare_run(v, id, &record, hex, err)))
		goto out;
	if (v->counts->findings > before && strcmp(sd.engine, TENDER_VERSION) != 0)
		finding(v, "evaluation %lld was made by tender %s; this is tender %s: the engine "
			   "changed, and its results differ",
			id, sd.engine, TENDER_VERSION);
out:
	strbuf_release(&why);
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
	if ((rc = check_integrity(&v, err)) ||
	    (rc = store_check_shape(s, shape_finding, &v, err)) ||
	    (rc = check_references(&v, err)) || (rc = check_blobs(&v, err)) ||
	    (rc = check_unowned(&v, err)) || (rc = check_chain(&v, err)))
		return rc;
	rc = prepare(s, "SELECT id FROM evaluation WHERE ?1 = 0 OR id = ?1 ORDER BY id", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, only);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);

		counts->evaluations++;
		if ((rc = compare_audited(&v, id, err)))
			break;
		rc = rerun(&v, id, err);
		if (rc && rc != TENDER_ERR_NOMEM) {
			/* its rows cannot make a re-run (no tender among the inputs,
			 * two of them): it is not verified */
			finding(&v, "evaluation %lld cannot be re-run: %s", id, err->message);
			error_clear(err);
			rc = TENDER_OK;
		}
		if (rc)
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
