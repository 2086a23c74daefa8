/*
 * store.c - the SQLite evaluation store (see store.h).
 *
 * Statements are prepared once per connection and reused; every value is a
 * bound parameter. Schema changes go through `migrations` below, selected by
 * PRAGMA user_version.
 */
#include "store.h"

#include "alloc.h"
#include "audit.h"
#include "error.h"
#include "evaluate.h"
#include "xml.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The schema, version by version: migrations[i] takes user_version i to
 * i + 1. Documented in README.md ("The store"). */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE blob ("
	"  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),"
	"  size INTEGER NOT NULL,"
	"  data BLOB NOT NULL"
	") STRICT;"
	"CREATE TABLE tender ("
	"  id TEXT PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  commissioner TEXT NOT NULL,"
	"  currency TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE evaluation ("
	"  id INTEGER PRIMARY KEY,"
	"  tender_id TEXT NOT NULL REFERENCES tender(id),"
	"  created TEXT NOT NULL,"
	"  engine_version TEXT NOT NULL,"
	"  ruleset_id TEXT NOT NULL,"
	"  ruleset_version TEXT NOT NULL,"
	"  ruleset_sha256 TEXT NOT NULL REFERENCES blob(sha256),"
	"  result_sha256 TEXT NOT NULL REFERENCES blob(sha256)"
	") STRICT;"
	"CREATE TABLE input ("
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id),"
	"  seq INTEGER NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('tender', 'rules', 'panel-scores', 'bid')),"
	"  path TEXT NOT NULL,"
	"  sha256 TEXT NOT NULL REFERENCES blob(sha256),"
	"  PRIMARY KEY (evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE bid ("
	"  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id),"
	"  seq INTEGER NOT NULL,"
	"  bid_id TEXT NOT NULL,"
	"  bidder TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  evaluated INTEGER NOT NULL,"
	"  compliant INTEGER NOT NULL,"
	"  total REAL NOT NULL,"
	"  rank INTEGER,"
	"  tied INTEGER NOT NULL,"
	"  exclusion TEXT,"
	"  PRIMARY KEY (evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE problem ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  message TEXT NOT NULL,"
	"  PRIMARY KEY (evaluation_id, bid_seq, seq),"
	"  FOREIGN KEY (evaluation_id, bid_seq) REFERENCES bid(evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE gate_result ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  gate_id TEXT NOT NULL,"
	"  passed INTEGER NOT NULL,"
	"  message TEXT,"
	"  PRIMARY KEY (evaluation_id, bid_seq, gate_id),"
	"  FOREIGN KEY (evaluation_id, bid_seq) REFERENCES bid(evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE score ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  rule_id TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  points REAL NOT NULL,"
	"  max_points REAL NOT NULL,"
	"  price_minor INTEGER,"
	"  explanation TEXT,"
	"  PRIMARY KEY (evaluation_id, bid_seq, rule_id),"
	"  FOREIGN KEY (evaluation_id, bid_seq) REFERENCES bid(evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE flag ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  flag_id TEXT NOT NULL,"
	"  severity TEXT NOT NULL,"
	"  cite TEXT NOT NULL,"
	"  excludes INTEGER NOT NULL,"
	"  message TEXT NOT NULL,"
	"  PRIMARY KEY (evaluation_id, bid_seq, seq),"
	"  FOREIGN KEY (evaluation_id, bid_seq) REFERENCES bid(evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE audit_log ("
	"  seq INTEGER PRIMARY KEY,"
	"  evaluation_id INTEGER NOT NULL UNIQUE REFERENCES evaluation(id),"
	"  entry TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL"
	") STRICT;"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
};

enum stmt {
	ST_BLOB, ST_TENDER, ST_EVALUATION, ST_INPUT, ST_BID, ST_PROBLEM, ST_GATE, ST_SCORE,
	ST_FLAG, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
	[ST_BLOB] = "INSERT OR IGNORE INTO blob (sha256, size, data) VALUES (?, ?, ?)",
	[ST_TENDER] = "INSERT INTO tender (id, title, commissioner, currency) VALUES (?, ?, ?, ?)"
		      " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
		      " commissioner = excluded.commissioner, currency = excluded.currency",
	[ST_EVALUATION] = "INSERT INTO evaluation (tender_id, created, engine_version, ruleset_id,"
			  " ruleset_version, ruleset_sha256, result_sha256)"
			  " VALUES (?, ?, ?, ?, ?, ?, ?)",
	[ST_INPUT] = "INSERT INTO input (evaluation_id, seq, role, path, sha256)"
		     " VALUES (?, ?, ?, ?, ?)",
	[ST_BID] = "INSERT INTO bid (evaluation_id, seq, bid_id, bidder, file, evaluated, compliant,"
		   " total, rank, tied, exclusion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_PROBLEM] = "INSERT INTO problem (evaluation_id, bid_seq, seq, message)"
		       " VALUES (?, ?, ?, ?)",
	[ST_GATE] = "INSERT INTO gate_result (evaluation_id, bid_seq, gate_id, passed, message)"
		    " VALUES (?, ?, ?, ?, ?)",
	[ST_SCORE] = "INSERT INTO score (evaluation_id, bid_seq, rule_id, state, points,"
		     " max_points, price_minor, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_FLAG] = "INSERT INTO flag (evaluation_id, bid_seq, seq, flag_id, severity, cite,"
		    " excludes, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
};

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *st[ST_COUNT];
};

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

enum tender_status store_error(struct store *s, struct tender_error *err, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	const char *hint = "";

	if ((code & 0xff) == SQLITE_FULL)
		hint = " (the disk or file-size limit is full)";
	else if ((code & 0xff) == SQLITE_READONLY)
		hint = " (the store is read-only)";
	else if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		hint = " (the file is damaged or not a tender store)";
	else if ((code & 0xff) == SQLITE_BUSY)
		hint = " (another process held the store too long)";
	return error_set(err, TENDER_ERR_DB, "db", s->path, 0, 0, "%s: %s%s", what,
			 sqlite3_errmsg(s->db), hint);
}

static enum tender_status exec(struct store *s, const char *sql, struct tender_error *err,
			       const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(s, err, what);
	return TENDER_OK;
}

static enum tender_status pragma_int(struct store *s, const char *sql, long long *out,
				     struct tender_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_error(s, err, "cannot read the store");
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "cannot read the store");
	return TENDER_OK;
}

/* Creates or upgrades the schema; refuses what is not ours. */
static enum tender_status check_schema(struct store *s, int read_only, struct tender_error *err)
{
	long long app, version, n_tables;
	enum tender_status rc;
	char sql[128];

	if ((rc = pragma_int(s, "PRAGMA application_id", &app, err)) ||
	    (rc = pragma_int(s, "PRAGMA user_version", &version, err)) ||
	    (rc = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &n_tables, err)))
		return rc;
	if (app == 0 && version == 0 && n_tables == 0) {
		if (read_only)
			return error_set(err, TENDER_ERR_DB, "db-empty", s->path, 0, 0,
					 "this store is empty: it holds no evaluation");
	} else if (app != STORE_APPLICATION_ID) {
		return error_set(err, TENDER_ERR_DB, "db-not-ours", s->path, 0, 0,
				 "this SQLite file is not a tender store (application_id %lld)",
				 app);
	} else if (version > STORE_SCHEMA_VERSION) {
		return error_set(err, TENDER_ERR_DB, "db-newer", s->path, 0, 0,
				 "this store was written by a newer tender (schema version %lld; "
				 "this tender knows up to %d)",
				 version, STORE_SCHEMA_VERSION);
	}
	if (version == STORE_SCHEMA_VERSION)
		return TENDER_OK;
	if (read_only)
		return error_set(err, TENDER_ERR_DB, "db-old", s->path, 0, 0,
				 "this store has an older schema (version %lld); open it once "
				 "writable to upgrade it",
				 version);
	if ((rc = exec(s, "BEGIN IMMEDIATE", err, "cannot lock the store")))
		return rc;
	/* Another process may have created the schema meanwhile. */
	if ((rc = pragma_int(s, "PRAGMA user_version", &version, err)))
		goto rollback;
	for (long long v = version; v < STORE_SCHEMA_VERSION; v++)
		if ((rc = exec(s, migrations[v], err, "cannot create the store's tables")))
			goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d",
		 STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
	if ((rc = exec(s, sql, err, "cannot mark the store")) ||
	    (rc = exec(s, "COMMIT", err, "cannot create the store's tables")))
		goto rollback;
	return TENDER_OK;
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Opens the connection and sets it up; immutable opens a read-only store
 * on read-only media, where SQLite cannot create the WAL index. */
static enum tender_status connect(struct store *s, int read_only, int immutable,
				  struct tender_error *err)
{
	int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char *uri = NULL;
	enum tender_status rc;

	if (immutable) {
		uri = sqlite3_mprintf("file:%s?immutable=1", s->path);
		if (!uri)
			return TENDER_ERR_NOMEM;
		flags |= SQLITE_OPEN_URI;
	}
	if (sqlite3_open_v2(uri ? uri : s->path, &s->db, flags | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(uri);
		return s->db ? store_error(s, err, "cannot open the store")
			     : error_set(err, TENDER_ERR_NOMEM, "nomem", s->path, 0, 0,
					 "out of memory");
	}
	sqlite3_free(uri);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 60000);
	if ((rc = exec(s, "PRAGMA foreign_keys = ON", err, "cannot configure the store")) ||
	    (!read_only &&
	     (rc = exec(s, "PRAGMA journal_mode = WAL", err, "cannot configure the store"))) ||
	    (rc = exec(s, "PRAGMA synchronous = FULL", err, "cannot configure the store")))
		return rc;
	return check_schema(s, read_only, err);
}

enum tender_status store_open(const char *path, int read_only, struct store **out,
			      struct tender_error *err)
{
	struct store *s;
	enum tender_status rc;
	struct stat st;

	*out = NULL;
	if (read_only && stat(path, &st) != 0)
		return error_set(err, TENDER_ERR_DB, "db-missing", path, 0, 0,
				 "there is no store here");
	s = tender_calloc(1, sizeof(*s));
	if (!s || !(s->path = tender_strdup(path))) {
		tender_free(s);
		return TENDER_ERR_NOMEM;
	}
	rc = connect(s, read_only, 0, err);
	if (rc == TENDER_ERR_DB && read_only &&
	    (sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_READONLY) {
		/* A store on read-only media: read it as it is. */
		sqlite3_close(s->db);
		s->db = NULL;
		rc = connect(s, read_only, 1, err);
	}
	if (rc) {
		store_close(s);
		return rc;
	}
	*out = s;
	return TENDER_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	tender_free(s->path);
	tender_free(s);
}

/* ---------------------------------------------------------------------- */
/* Recording an evaluation. */

static sqlite3_stmt *stmt(struct store *s, enum stmt which)
{
	if (!s->st[which] &&
	    sqlite3_prepare_v3(s->db, statements[which], -1, SQLITE_PREPARE_PERSISTENT,
			       &s->st[which], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(s->st[which]);
	sqlite3_clear_bindings(s->st[which]);
	return s->st[which];
}

static int bind_text(sqlite3_stmt *st, int i, const char *text)
{
	return text ? sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

static int done(sqlite3_stmt *st)
{
	return sqlite3_step(st) == SQLITE_DONE;
}

static int put_blob(struct store *s, const unsigned char sha[32], const void *data, size_t size)
{
	sqlite3_stmt *st = stmt(s, ST_BLOB);
	char hex[65];

	sha256_hex(sha, hex);
	return st && !bind_text(st, 1, hex) && !sqlite3_bind_int64(st, 2, (sqlite3_int64)size) &&
	       !sqlite3_bind_blob64(st, 3, data ? data : "", size, SQLITE_STATIC) && done(st);
}

/* Reads an input file again and stores it, refusing bytes that differ from
 * those the evaluation read. */
static enum tender_status put_input_blob(struct store *s, const struct run_input *in,
					 struct tender_error *err)
{
	FILE *f = fopen(in->file, "rb");
	unsigned char sha[32];
	char *data = NULL;
	long size;
	enum tender_status rc = TENDER_OK;

	if (!f)
		return error_set(err, TENDER_ERR_IO, "io-open", in->file, 0, 0,
				 "cannot read the input again to store it");
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return error_set(err, TENDER_ERR_IO, "io-read", in->file, 0, 0, "cannot read");
	}
	data = tender_malloc((size_t)size + 1);
	if (!data) {
		fclose(f);
		return TENDER_ERR_NOMEM;
	}
	if (fread(data, 1, (size_t)size, f) != (size_t)size)
		rc = error_set(err, TENDER_ERR_IO, "io-read", in->file, 0, 0, "cannot read");
	fclose(f);
	if (!rc) {
		crypto_hash_sha256(sha, (const unsigned char *)data, (unsigned long long)size);
		if (memcmp(sha, in->sha256, 32) != 0)
			rc = error_set(err, TENDER_ERR_IO, "io-changed", in->file, 0, 0,
				       "the file changed during the evaluation; evaluate again");
		else if (!put_blob(s, sha, data, (size_t)size))
			rc = store_error(s, err, "cannot store an input");
	}
	tender_free(data);
	return rc;
}

static const char *state_name(const struct score *sc, enum method m)
{
	static const char *const names[] = {"scored", "pending", "error", "not-scored"};

	return m == METHOD_GROUP ? "subtotal" : names[sc->state];
}

static int put_bid(struct store *s, const struct ruleset *rs, long long id, int seq,
		   const struct bid_result *b)
{
	sqlite3_stmt *st = stmt(s, ST_BID);

	if (!st || bind_text(st, 3, b->id) || bind_text(st, 4, b->bidder) ||
	    bind_text(st, 5, b->file) || bind_text(st, 11, b->exclusion))
		return 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_int(st, 6, b->evaluated);
	sqlite3_bind_int(st, 7, b->compliant);
	sqlite3_bind_double(st, 8, b->total);
	if (b->rank)
		sqlite3_bind_int(st, 9, b->rank);
	sqlite3_bind_int(st, 10, b->tied);
	if (!done(st))
		return 0;
	for (size_t i = 0; i < b->n_problems; i++) {
		st = stmt(s, ST_PROBLEM);
		if (!st || sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int(st, 2, seq) ||
		    sqlite3_bind_int(st, 3, (int)i) || bind_text(st, 4, b->problems[i]) || !done(st))
			return 0;
	}
	for (size_t i = 0; b->evaluated && i < rs->n_gates; i++) {
		st = stmt(s, ST_GATE);
		if (!st || sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int(st, 2, seq) ||
		    bind_text(st, 3, rs->gates[i].id) || sqlite3_bind_int(st, 4, b->gates[i].passed) ||
		    bind_text(st, 5, b->gates[i].message) || !done(st))
			return 0;
	}
	for (size_t i = 0; b->evaluated && i < rs->n_nodes; i++) {
		const struct score *sc = &b->scores[i];

		st = stmt(s, ST_SCORE);
		if (!st || sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int(st, 2, seq) ||
		    bind_text(st, 3, rs->nodes[i].id) ||
		    bind_text(st, 4, state_name(sc, rs->nodes[i].method)) ||
		    sqlite3_bind_double(st, 5, sc->points) ||
		    sqlite3_bind_double(st, 6, rs->nodes[i].points) ||
		    (sc->has_price && sqlite3_bind_int64(st, 7, sc->price_minor)) ||
		    bind_text(st, 8, sc->explanation) || !done(st))
			return 0;
	}
	for (size_t i = 0; i < b->n_flags; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		st = stmt(s, ST_FLAG);
		if (!st || sqlite3_bind_int64(st, 1, id) || sqlite3_bind_int(st, 2, seq) ||
		    sqlite3_bind_int(st, 3, (int)i) || bind_text(st, 4, f->id) ||
		    bind_text(st, 5, severity_str(f->severity)) || bind_text(st, 6, f->cite) ||
		    sqlite3_bind_int(st, 7, f->excludes) || bind_text(st, 8, b->flags[i].message) ||
		    !done(st))
			return 0;
	}
	return 1;
}

enum tender_status store_record(struct store *s, const struct run *r, const char *result,
				size_t result_size, long long *id, struct tender_error *err)
{
	unsigned char result_sha[32];
	char result_hex[65], rules_hex[65];
	sqlite3_stmt *st;
	enum tender_status rc;

	crypto_hash_sha256(result_sha, (const unsigned char *)result, result_size);
	sha256_hex(result_sha, result_hex);
	sha256_hex(r->rules->sha256, rules_hex);
	if ((rc = exec(s, "BEGIN IMMEDIATE", err, "cannot lock the store")))
		return rc;
	for (size_t i = 0; i < r->n_inputs; i++)
		if ((rc = put_input_blob(s, &r->inputs[i], err)))
			goto rollback;
	if (!put_blob(s, result_sha, result, result_size))
		goto db_error;
	st = stmt(s, ST_TENDER);
	if (!st || bind_text(st, 1, r->tender_id) || bind_text(st, 2, r->tender_title) ||
	    bind_text(st, 3, r->commissioner) || bind_text(st, 4, r->currency) || !done(st))
		goto db_error;
	st = stmt(s, ST_EVALUATION);
	if (!st || bind_text(st, 1, r->tender_id) || bind_text(st, 2, r->created) ||
	    bind_text(st, 3, TENDER_VERSION) || bind_text(st, 4, r->rules->id) ||
	    bind_text(st, 5, r->rules->version) || bind_text(st, 6, rules_hex) ||
	    bind_text(st, 7, result_hex) || !done(st))
		goto db_error;
	*id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < r->n_inputs; i++) {
		char hex[65];

		sha256_hex(r->inputs[i].sha256, hex);
		st = stmt(s, ST_INPUT);
		if (!st || sqlite3_bind_int64(st, 1, *id) || sqlite3_bind_int(st, 2, (int)i) ||
		    bind_text(st, 3, r->inputs[i].role) || bind_text(st, 4, r->inputs[i].path) ||
		    bind_text(st, 5, hex) || !done(st))
			goto db_error;
	}
	for (size_t i = 0; i < r->n_bids; i++)
		if (!put_bid(s, r->rules, *id, (int)i, &r->bids[i]))
			goto db_error;
	if ((rc = audit_append(s, *id, err)))
		goto rollback;
	if ((rc = exec(s, "COMMIT", err, "cannot commit the evaluation")))
		goto rollback;
	return TENDER_OK;
db_error:
	rc = store_error(s, err, "cannot record the evaluation");
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
