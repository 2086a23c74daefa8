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
#include <stdint.h>
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

	/* 1 -> 2: the panel's decision record (GitHub issue 6). Evaluations
	 * recorded before have none: schema_history says where rows begin. */
	"CREATE TABLE schema_history ("
	"  version INTEGER PRIMARY KEY,"
	"  first_evaluation INTEGER NOT NULL"
	") STRICT;"
	"INSERT INTO schema_history (version, first_evaluation)"
	"  VALUES (2, (SELECT coalesce(max(id), 0) + 1 FROM evaluation));"
	"CREATE TRIGGER schema_history_no_update BEFORE UPDATE ON schema_history"
	"  BEGIN SELECT RAISE(ABORT, 'the schema history is append-only'); END;"
	"CREATE TRIGGER schema_history_no_delete BEFORE DELETE ON schema_history"
	"  BEGIN SELECT RAISE(ABORT, 'the schema history is append-only'); END;"
	"CREATE TABLE panel_policy ("
	"  evaluation_id INTEGER PRIMARY KEY REFERENCES evaluation(id),"
	"  method TEXT NOT NULL CHECK (method IN ('median', 'mean', 'consensus')),"
	"  min_evaluators INTEGER NOT NULL,"
	"  missing TEXT NOT NULL CHECK (missing IN ('require-moderated', 'ignore')),"
	"  conflicts TEXT NOT NULL CHECK (conflicts IN ('exclude', 'keep')),"
	"  cite TEXT"
	") STRICT;"
	"CREATE TABLE panel_member ("
	"  evaluation_id INTEGER NOT NULL REFERENCES panel_policy(evaluation_id),"
	"  seq INTEGER NOT NULL,"
	"  evaluator_id TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  PRIMARY KEY (evaluation_id, seq),"
	"  UNIQUE (evaluation_id, evaluator_id)"
	") STRICT;"
	"CREATE TABLE panel_interest ("
	"  evaluation_id INTEGER NOT NULL,"
	"  member_seq INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  nature TEXT NOT NULL,"
	"  PRIMARY KEY (evaluation_id, member_seq, seq),"
	"  FOREIGN KEY (evaluation_id, member_seq) REFERENCES panel_member(evaluation_id, seq)"
	") STRICT;"
	"CREATE TABLE panel_conflict ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  evaluator_id TEXT NOT NULL,"
	"  organisation TEXT NOT NULL,"
	"  party TEXT NOT NULL,"
	"  relation TEXT NOT NULL CHECK (relation IN ('bidder', 'member')),"
	"  managed TEXT NOT NULL CHECK (managed IN ('excluded', 'kept')),"
	"  nature TEXT NOT NULL,"
	"  PRIMARY KEY (evaluation_id, bid_seq, seq),"
	"  FOREIGN KEY (evaluation_id, bid_seq) REFERENCES bid(evaluation_id, seq),"
	"  FOREIGN KEY (evaluation_id, evaluator_id)"
	"    REFERENCES panel_member(evaluation_id, evaluator_id)"
	") STRICT;"
	"CREATE TABLE panel_record ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  rule_id TEXT NOT NULL,"
	"  question TEXT NOT NULL,"
	"  basis TEXT NOT NULL CHECK (basis IN ('moderated', 'median', 'mean', 'none')),"
	"  value REAL,"
	"  counted INTEGER NOT NULL,"
	"  excluded INTEGER NOT NULL,"
	"  missing INTEGER NOT NULL,"
	"  low REAL,"
	"  high REAL,"
	"  moderated_value REAL,"
	"  agreed_by TEXT,"
	"  moderation_note TEXT,"
	"  why TEXT,"
	"  PRIMARY KEY (evaluation_id, bid_seq, rule_id),"
	"  FOREIGN KEY (evaluation_id, bid_seq, rule_id)"
	"    REFERENCES score(evaluation_id, bid_seq, rule_id)"
	") STRICT;"
	"CREATE TABLE panel_mark ("
	"  evaluation_id INTEGER NOT NULL,"
	"  bid_seq INTEGER NOT NULL,"
	"  rule_id TEXT NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  evaluator_id TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('counted', 'excluded', 'missing')),"
	"  value REAL,"
	"  justification TEXT,"
	"  PRIMARY KEY (evaluation_id, bid_seq, rule_id, seq),"
	"  FOREIGN KEY (evaluation_id, bid_seq, rule_id)"
	"    REFERENCES panel_record(evaluation_id, bid_seq, rule_id),"
	"  FOREIGN KEY (evaluation_id, evaluator_id)"
	"    REFERENCES panel_member(evaluation_id, evaluator_id)"
	") STRICT;",

	/* 2 -> 3: evaluation ids are never reused (GitHub issue 11). The
	 * high-water mark is the largest id ever given; a new evaluation takes
	 * the next one, even when the newest was deleted, and verify reports
	 * evaluations above the newest stored one as deleted. */
	"CREATE TABLE high_water ("
	"  name TEXT PRIMARY KEY CHECK (name = 'evaluation'),"
	"  value INTEGER NOT NULL"
	") STRICT;"
	"INSERT INTO high_water (name, value)"
	"  VALUES ('evaluation', (SELECT coalesce(max(id), 0) FROM evaluation));"
	"INSERT INTO schema_history (version, first_evaluation)"
	"  VALUES (3, (SELECT coalesce(max(id), 0) + 1 FROM evaluation));"
	"CREATE TRIGGER high_water_only_rises BEFORE UPDATE ON high_water"
	"  WHEN new.value < old.value OR new.name IS NOT old.name"
	"  BEGIN SELECT RAISE(ABORT, 'the high-water mark only rises'); END;"
	"CREATE TRIGGER high_water_no_delete BEFORE DELETE ON high_water"
	"  BEGIN SELECT RAISE(ABORT, 'the high-water mark only rises'); END;"
	"CREATE TRIGGER evaluation_id_fresh BEFORE INSERT ON evaluation"
	"  WHEN new.id <= (SELECT value FROM high_water WHERE name = 'evaluation')"
	"  BEGIN SELECT RAISE(ABORT, 'evaluation ids are never reused'); END;"
	"CREATE TRIGGER evaluation_high_water AFTER INSERT ON evaluation"
	"  BEGIN UPDATE high_water SET value = new.id WHERE name = 'evaluation'; END;"
	/* The signer's public key, once a store is bound to it: evaluations
	 * are then recorded only when signed by it (evaluate
	 * --require-signature). */
	"CREATE TABLE signer ("
	"  public_key TEXT PRIMARY KEY CHECK (length(public_key) = 64),"
	"  since_evaluation INTEGER NOT NULL REFERENCES evaluation(id)"
	") STRICT;"
	"CREATE TRIGGER signer_no_update BEFORE UPDATE ON signer"
	"  BEGIN SELECT RAISE(ABORT, 'the signer cannot be changed'); END;"
	"CREATE TRIGGER signer_no_delete BEFORE DELETE ON signer"
	"  BEGIN SELECT RAISE(ABORT, 'the signer cannot be changed'); END;"
	"CREATE TRIGGER signer_only_one BEFORE INSERT ON signer"
	"  WHEN (SELECT count(*) FROM signer) > 0"
	"  BEGIN SELECT RAISE(ABORT, 'the store has a signer already'); END;",
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == STORE_SCHEMA_VERSION,
	       "one migration per schema version");

enum stmt {
	ST_BLOB, ST_TENDER, ST_EVALUATION, ST_INPUT, ST_BID, ST_PROBLEM, ST_GATE, ST_SCORE,
	ST_FLAG, ST_PANEL, /* + enum store_panel_table: built from panel_tables */
	ST_COUNT = ST_PANEL + SP_COUNT
};

static const char *const statements[ST_COUNT] = {
	[ST_BLOB] = "INSERT OR IGNORE INTO blob (sha256, size, data) VALUES (?, ?, ?)",
	[ST_TENDER] = "INSERT INTO tender (id, title, commissioner, currency) VALUES (?, ?, ?, ?)"
		      " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
		      " commissioner = excluded.commissioner, currency = excluded.currency",
	[ST_EVALUATION] = "INSERT INTO evaluation (id, tender_id, created, engine_version,"
			  " ruleset_id, ruleset_version, ruleset_sha256, result_sha256)"
			  " VALUES ((SELECT value + 1 FROM high_water WHERE name = 'evaluation'),"
			  " ?, ?, ?, ?, ?, ?, ?)",
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

/* The panel tables of migration 1 -> 2, column by column after
 * evaluation_id; the order is that of store_panel_rows' values. */
static const struct store_column policy_columns[] = {
	{"method", "method", 0},
	{"min_evaluators", "minimum of evaluators", 0},
	{"missing", "missing scores", 0},
	{"conflicts", "conflicts", 0},
	{"cite", "cite", 1},
};
static const struct store_column member_columns[] = {
	{"seq", "position", 0},
	{"evaluator_id", "evaluator", 0},
	{"name", "name", 1},
	{"role", "role", 1},
};
static const struct store_column interest_columns[] = {
	{"member_seq", "member", 0},
	{"seq", "position", 0},
	{"organisation", "organisation", 1},
	{"nature", "nature", 1},
};
static const struct store_column conflict_columns[] = {
	{"bid_seq", "bid", 0},
	{"seq", "position", 0},
	{"evaluator_id", "evaluator", 0},
	{"organisation", "organisation", 1},
	{"party", "party", 1},
	{"relation", "relation", 0},
	{"managed", "managed", 0},
	{"nature", "nature", 1},
};
static const struct store_column record_columns[] = {
	{"bid_seq", "bid", 0},
	{"rule_id", "criterion", 0},
	{"question", "question", 0},
	{"basis", "basis", 0},
	{"value", "value", 0},
	{"counted", "counted", 0},
	{"excluded", "excluded", 0},
	{"missing", "missing", 0},
	{"low", "low", 0},
	{"high", "high", 0},
	{"moderated_value", "moderated value", 0},
	{"agreed_by", "agreed by", 0},
	{"moderation_note", "moderation note", 1},
	{"why", "reason for no score", 1},
};
static const struct store_column mark_columns[] = {
	{"bid_seq", "bid", 0},
	{"rule_id", "criterion", 0},
	{"seq", "position", 0},
	{"evaluator_id", "evaluator", 0},
	{"state", "state", 0},
	{"value", "value", 0},
	{"justification", "justification", 1},
};

#define TABLE(name, noun, columns, n_keys) \
	{name, noun, columns, sizeof(columns) / sizeof(columns[0]), n_keys}
static const struct store_table panel_tables[SP_COUNT] = {
	[SP_POLICY] = TABLE("panel_policy", "moderation policy", policy_columns, 0),
	[SP_MEMBER] = TABLE("panel_member", "decision maker", member_columns, 1),
	[SP_INTEREST] = TABLE("panel_interest", "interest", interest_columns, 2),
	[SP_CONFLICT] = TABLE("panel_conflict", "conflict", conflict_columns, 2),
	[SP_RECORD] = TABLE("panel_record", "panel record", record_columns, 2),
	[SP_MARK] = TABLE("panel_mark", "mark", mark_columns, 3),
};
#undef TABLE

_Static_assert(sizeof(record_columns) / sizeof(record_columns[0]) == STORE_PANEL_MAX_COLUMNS,
	       "panel_record has the most columns");

const struct store_table *store_panel_table(enum store_panel_table t)
{
	return t < SP_COUNT ? &panel_tables[t] : NULL;
}

struct store {
	sqlite3 *db;
	char *path;
	int version;
	sqlite3_stmt *st[ST_COUNT];
};

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

int store_version(const struct store *s)
{
	return s->version;
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
	s->version = (int)version;
	if (version == STORE_SCHEMA_VERSION)
		return TENDER_OK;
	if (read_only) {
		/* An older store is read as it is: reading never writes, and it
		 * may be on read-only media. Its evaluations have no rows in the
		 * tables of later versions. */
		if (version >= 1)
			return TENDER_OK;
		return error_set(err, TENDER_ERR_DB, "db-old", s->path, 0, 0,
				 "this store has no schema (version %lld); open it once "
				 "writable to create it",
				 version);
	}
	if ((rc = exec(s, "BEGIN IMMEDIATE", err, "cannot lock the store")))
		return rc;
	/* Another process may have created or upgraded the schema meanwhile. */
	if ((rc = pragma_int(s, "PRAGMA user_version", &version, err)))
		goto rollback;
	if (version > STORE_SCHEMA_VERSION) {
		rc = error_set(err, TENDER_ERR_DB, "db-newer", s->path, 0, 0,
			       "this store was written by a newer tender (schema version %lld; "
			       "this tender knows up to %d)",
			       version, STORE_SCHEMA_VERSION);
		goto rollback;
	}
	for (long long v = version; v < STORE_SCHEMA_VERSION; v++)
		if ((rc = exec(s, migrations[v], err, "cannot create the store's tables")))
			goto rollback;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d",
		 STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
	if ((rc = exec(s, sql, err, "cannot mark the store")) ||
	    (rc = exec(s, "COMMIT", err, "cannot create the store's tables")))
		goto rollback;
	s->version = STORE_SCHEMA_VERSION;
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

/* "INSERT INTO t (evaluation_id, c1, ...) VALUES (?, ?, ...)" of a panel
 * table into buf. */
static void panel_insert_sql(const struct store_table *t, char *buf, size_t size)
{
	size_t len = (size_t)snprintf(buf, size, "INSERT INTO %s (evaluation_id", t->name);

	for (size_t i = 0; i < t->n_columns && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, ", %s", t->columns[i].name);
	if (len < size)
		len += (size_t)snprintf(buf + len, size - len, ") VALUES (?");
	for (size_t i = 0; i < t->n_columns && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, ", ?");
	if (len < size)
		snprintf(buf + len, size - len, ")");
}

static sqlite3_stmt *stmt(struct store *s, enum stmt which)
{
	char sql[512];

	if (!s->st[which]) {
		if (which >= ST_PANEL)
			panel_insert_sql(&panel_tables[which - ST_PANEL], sql, sizeof(sql));
		if (sqlite3_prepare_v3(s->db, which < ST_PANEL ? statements[which] : sql, -1,
				       SQLITE_PREPARE_PERSISTENT, &s->st[which], NULL) != SQLITE_OK)
			return NULL;
	}
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

/* Stores an input's bytes: those the evaluation read, hashed and parsed
 * (run.h), never the file read again. */
static enum tender_status put_input_blob(struct store *s, const struct run_input *in,
					 struct tender_error *err)
{
	unsigned char sha[32];

	crypto_hash_sha256(sha, (const unsigned char *)in->data, (unsigned long long)in->size);
	if (memcmp(sha, in->sha256, 32) != 0) /* the bytes are the run's own */
		return error_set(err, TENDER_ERR_INTERNAL, "internal", in->file, 0, 0,
				 "the bytes kept of an input no longer match their hash");
	if (!put_blob(s, sha, in->data, in->size))
		return store_error(s, err, "cannot store an input");
	return TENDER_OK;
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
	sqlite3_bind_double(st, 8, points_double(b->total));
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
		    sqlite3_bind_double(st, 5, points_double(sc->points)) ||
		    sqlite3_bind_double(st, 6, points_double(rs->nodes[i].points)) ||
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

/* ---------------------------------------------------------------------- */
/* The panel record's rows. */

static struct store_value v_text(const char *text)
{
	return (struct store_value){text ? SV_TEXT : SV_NULL, 0, 0, text};
}

static struct store_value v_int(long long i)
{
	return (struct store_value){SV_INT, i, 0, NULL};
}

static struct store_value v_real(double d)
{
	return (struct store_value){SV_REAL, 0, d, NULL};
}

static const struct store_value v_null = {SV_NULL, 0, 0, NULL};

static const char *basis_name(enum panel_basis b)
{
	static const char *const names[] = {"none", "moderated", "median", "mean"};

	return names[b];
}

static const char *mark_state_name(enum panel_mark_state m)
{
	static const char *const names[] = {"counted", "excluded", "missing"};

	return names[m];
}

/* The conflicts, records and marks of one evaluated bid. */
static int panel_bid_rows(const struct run *r, size_t seq, store_row_fn fn, void *ctx)
{
	const struct ruleset *rs = r->rules;
	const struct panel_scores *ps = &r->panel;
	const struct bid_result *b = &r->bids[seq];
	struct store_value row[STORE_PANEL_MAX_COLUMNS];

	for (size_t i = 0; i < b->n_conflicts; i++) {
		const struct panel_conflict *c = &b->conflicts[i];
		const struct panel_member *m = &ps->members[c->member];

		row[0] = v_int((long long)seq);
		row[1] = v_int((long long)i);
		row[2] = v_text(m->id);
		row[3] = v_text(m->interests[c->interest].organisation);
		row[4] = v_text(c->party);
		row[5] = v_text(c->is_bidder ? "bidder" : "member");
		row[6] = v_text(rs->moderation.keep_conflicted ? "kept" : "excluded");
		row[7] = v_text(m->interests[c->interest].nature);
		if (!fn(ctx, SP_CONFLICT, row))
			return 0;
	}
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct panel_record *p = b->scores[i].panel;

		if (!p)
			continue;
		row[0] = v_int((long long)seq);
		row[1] = v_text(rs->nodes[i].id);
		row[2] = v_text(rs->nodes[i].question);
		row[3] = v_text(basis_name(p->basis));
		row[4] = p->basis != BASIS_NONE ? v_real((double)p->value.num / (double)p->value.den) : v_null;
		row[5] = v_int((long long)p->n_counted);
		row[6] = v_int((long long)p->n_excluded);
		row[7] = v_int((long long)p->n_missing);
		row[8] = p->n_counted ? v_real(decimal_to_double(p->low)) : v_null;
		row[9] = p->n_counted ? v_real(decimal_to_double(p->high)) : v_null;
		row[10] = p->moderated ? v_real(decimal_to_double(p->moderated->value)) : v_null;
		row[11] = v_text(p->moderated ? p->moderated->agreed_by : NULL);
		row[12] = v_text(p->moderated ? p->moderated->note : NULL);
		row[13] = v_text(p->why);
		if (!fn(ctx, SP_RECORD, row))
			return 0;
		for (size_t k = 0; k < p->n_marks; k++) {
			const struct panel_mark *m = &p->marks[k];

			row[0] = v_int((long long)seq);
			row[1] = v_text(rs->nodes[i].id);
			row[2] = v_int((long long)k);
			row[3] = v_text(ps->members[m->member].id);
			row[4] = v_text(mark_state_name(m->state));
			row[5] = m->score ? v_real(decimal_to_double(m->score->value)) : v_null;
			row[6] = v_text(m->score ? m->score->note : NULL);
			if (!fn(ctx, SP_MARK, row))
				return 0;
		}
	}
	return 1;
}

int store_panel_rows(const struct run *r, store_row_fn fn, void *ctx)
{
	const struct panel_policy *p;
	struct store_value row[STORE_PANEL_MAX_COLUMNS];

	if (!r->has_panel)
		return 1;
	p = &r->rules->moderation;
	row[0] = v_text(panel_method_str(p->method));
	row[1] = v_int(p->min_evaluators);
	row[2] = v_text(p->require_moderated ? "require-moderated" : "ignore");
	row[3] = v_text(p->keep_conflicted ? "keep" : "exclude");
	row[4] = v_text(r->rules->moderation_cite);
	if (!fn(ctx, SP_POLICY, row))
		return 0;
	for (size_t i = 0; i < r->panel.n_members; i++) {
		const struct panel_member *m = &r->panel.members[i];

		row[0] = v_int((long long)i);
		row[1] = v_text(m->id);
		row[2] = v_text(m->name);
		row[3] = v_text(m->role);
		if (!fn(ctx, SP_MEMBER, row))
			return 0;
		for (size_t k = 0; k < m->n_interests; k++) {
			row[0] = v_int((long long)i);
			row[1] = v_int((long long)k);
			row[2] = v_text(m->interests[k].organisation);
			row[3] = v_text(m->interests[k].nature);
			if (!fn(ctx, SP_INTEREST, row))
				return 0;
		}
	}
	for (size_t i = 0; i < r->n_bids; i++)
		if (r->bids[i].evaluated && !panel_bid_rows(r, i, fn, ctx))
			return 0;
	return 1;
}

struct panel_writer {
	struct store *s;
	long long id;
};

static int put_panel_row(void *ctx, enum store_panel_table t, const struct store_value *row)
{
	struct panel_writer *w = ctx;
	sqlite3_stmt *st = stmt(w->s, (enum stmt)(ST_PANEL + t));
	int bad;

	if (!st || sqlite3_bind_int64(st, 1, w->id))
		return 0;
	for (size_t i = 0; i < panel_tables[t].n_columns; i++) {
		const struct store_value *v = &row[i];
		int at = (int)i + 2;

		switch (v->type) {
		case SV_INT: bad = sqlite3_bind_int64(st, at, v->i); break;
		case SV_REAL: bad = sqlite3_bind_double(st, at, v->d); break;
		case SV_TEXT: bad = bind_text(st, at, v->text); break;
		default: bad = sqlite3_bind_null(st, at); break;
		}
		if (bad)
			return 0;
	}
	return done(st);
}

enum tender_status store_panel_since(struct store *s, long long *id, struct tender_error *err)
{
	*id = INT64_MAX;
	if (s->version < 2)
		return TENDER_OK;
	return pragma_int(s, "SELECT coalesce(min(first_evaluation), 0) FROM schema_history"
			     " WHERE version = 2",
			  id, err);
}

enum tender_status store_record_pending(struct store *s, const struct run *r, const char *result,
					size_t result_size, long long *id, char chain_head[65],
					struct tender_error *err)
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
	{
		struct panel_writer w = {s, *id};

		if (!store_panel_rows(r, put_panel_row, &w))
			goto db_error;
	}
	if ((rc = audit_append(s, *id, chain_head, err)))
		goto rollback;
	return TENDER_OK;
db_error:
	rc = store_error(s, err, "cannot record the evaluation");
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum tender_status store_check_signer(struct store *s, long long id, const char *public_key,
				      int bind, struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	char bound[65] = "";
	int step;

	if (sqlite3_prepare_v2(s->db, "SELECT public_key FROM signer LIMIT 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, err, "cannot read the store's signer");
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(bound, sizeof(bound), "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_error(s, err, "cannot read the store's signer");
	if (bound[0] && !public_key)
		return error_set(err, TENDER_ERR_USAGE, "db-unsigned", s->path, 0, 0,
				 "this store records only evaluations signed by the key %s: give "
				 "--sign with its secret key",
				 bound);
	if (bound[0] && strcmp(bound, public_key) != 0)
		return error_set(err, TENDER_ERR_USAGE, "db-signer", s->path, 0, 0,
				 "this store records only evaluations signed by the key %s, not %s",
				 bound, public_key);
	if (bound[0] || !bind)
		return TENDER_OK;
	if (!public_key)
		return error_set(err, TENDER_ERR_USAGE, "db-unsigned", s->path, 0, 0,
				 "--require-signature needs --sign");
	if (sqlite3_prepare_v2(s->db, "INSERT INTO signer (public_key, since_evaluation) VALUES (?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, err, "cannot record the store's signer");
	sqlite3_bind_text(st, 1, public_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? TENDER_OK
				   : store_error(s, err, "cannot record the store's signer");
}

enum tender_status store_signer(struct store *s, char public_key[65], struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	int step;

	public_key[0] = '\0';
	if (s->version < 3)
		return TENDER_OK;
	if (sqlite3_prepare_v2(s->db, "SELECT public_key FROM signer LIMIT 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return store_error(s, err, "cannot read the store's signer");
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(public_key, 65, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? TENDER_OK
		       : store_error(s, err, "cannot read the store's signer");
}

enum tender_status store_commit(struct store *s, struct tender_error *err)
{
	enum tender_status rc = exec(s, "COMMIT", err, "cannot commit the evaluation");

	if (rc) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	/* Copy the committed evaluation from the -wal into the store file
	 * itself, so that a -wal lost later (copied without it, deleted while
	 * another process held the store open) does not lose it. PASSIVE never
	 * waits: a reader on an older snapshot may leave frames for the next
	 * checkpoint. */
	sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return TENDER_OK;
}

void store_rollback(struct store *s)
{
	if (s && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

enum tender_status store_record(struct store *s, const struct run *r, const char *result,
				size_t result_size, long long *id, struct tender_error *err)
{
	char chain_head[65];
	enum tender_status rc = store_record_pending(s, r, result, result_size, id, chain_head, err);

	return rc ? rc : store_commit(s, err);
}

enum tender_status store_high_water(struct store *s, long long *value, struct tender_error *err)
{
	*value = -1;
	if (s->version < 3)
		return TENDER_OK;
	return pragma_int(s, "SELECT coalesce(max(value), -1) FROM high_water"
			     " WHERE name = 'evaluation'",
			  value, err);
}
