/*
 * store.c - the SQLite evaluation store (see store.h).
 *
 * Statements are prepared once per connection and reused; every value is a
 * bound parameter. Schema changes go through `migrations` below, selected by
 * PRAGMA user_version.
 */
#include "store.h"

#include "alloc.h"
#include "evaluation.h"
#include "error.h"
#include "evaluate.h"
#include "kinds.h"
#include "strbuf.h"
#include "xml.h"

#include <assert.h>
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
	ST_BLOB, ST_TENDER, ST_EVALUATION, ST_INPUT,
	ST_ROWS, /* + enum store_table_id: built from tables */
	ST_COUNT = ST_ROWS + SR_COUNT
};

static const char *const statements[ST_ROWS] = {
	[ST_BLOB] = "INSERT OR IGNORE INTO blob (sha256, size, data) VALUES (?, ?, ?)",
	[ST_TENDER] = ("INSERT INTO tender (id, title, commissioner, currency) VALUES (?, ?, ?, ?)"
		       " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
		       " commissioner = excluded.commissioner, currency = excluded.currency"),
	[ST_EVALUATION] = ("INSERT INTO evaluation (id, tender_id, created, engine_version,"
			   " ruleset_id, ruleset_version, ruleset_sha256, result_sha256)"
			   " VALUES ((SELECT value + 1 FROM high_water WHERE name = 'evaluation'),"
			   " ?, ?, ?, ?, ?, ?, ?)"),
	[ST_INPUT] = ("INSERT INTO input (evaluation_id, seq, role, path, sha256)"
		      " VALUES (?, ?, ?, ?, ?)"),
};

/* The tables of an evaluation, column by column after the scope column,
 * in the order of the migrations above and of store_rows' values. A column
 * added by a migration and not described here is reported by
 * store_check_shape (and fails every verification), so it cannot be
 * forgotten. */
#define COL(name, words) {name, words, 0, NULL, SC_PLAIN}
#define TEXT(name, words) {name, words, 1, NULL, SC_PLAIN}
#define NAMES(name, words, names, kind) {name, words, 0, names, kind}
static const struct store_column tender_columns[] = {
	NAMES("id", "tender", ", tender ", SC_PLAIN),
	TEXT("title", "title"),
	TEXT("commissioner", "commissioner"),
	COL("currency", "currency"),
};
static const struct store_column evaluation_columns[] = {
	COL("tender_id", "tender"),
	COL("created", "time"),
	COL("engine_version", "engine version"),
	COL("ruleset_id", "rule set"),
	COL("ruleset_version", "rule set version"),
	COL("ruleset_sha256", "rule set sha256"),
	COL("result_sha256", "evaluation.xml sha256"),
};
static const struct store_column input_columns[] = {
	NAMES("seq", "position", ", input ", SC_PLAIN),
	COL("role", "role"),
	TEXT("path", "path"),
	COL("sha256", "sha256"),
};
static const struct store_column bid_columns[] = {
	NAMES("seq", "position", ", bid ", SC_BID),
	COL("bid_id", "id"),
	TEXT("bidder", "bidder"),
	TEXT("file", "file"),
	COL("evaluated", "evaluated"),
	COL("compliant", "compliant"),
	COL("total", "total"),
	COL("rank", "rank"),
	COL("tied", "tied"),
	TEXT("exclusion", "exclusion reason"),
};
static const struct store_column problem_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	NAMES("seq", "position", ", problem ", SC_PLAIN),
	TEXT("message", "message"),
};
static const struct store_column gate_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	NAMES("gate_id", "gate", ", gate ", SC_PLAIN),
	COL("passed", "passed"),
	TEXT("message", "message"),
};
static const struct store_column score_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	NAMES("rule_id", "criterion", ", criterion ", SC_PLAIN),
	COL("state", "state"),
	COL("points", "points"),
	COL("max_points", "maximum"),
	COL("price_minor", "price (minor units)"),
	TEXT("explanation", "explanation"),
};
static const struct store_column flag_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	NAMES("seq", "position", ", flag ", SC_PLAIN),
	NAMES("flag_id", "flag", " ", SC_PLAIN),
	COL("severity", "severity"),
	TEXT("cite", "cite"),
	COL("excludes", "excludes"),
	TEXT("message", "message"),
};
static const struct store_column policy_columns[] = {
	COL("method", "method"),
	COL("min_evaluators", "minimum of evaluators"),
	COL("missing", "missing scores"),
	COL("conflicts", "conflicts"),
	TEXT("cite", "cite"),
};
static const struct store_column member_columns[] = {
	COL("seq", "position"),
	NAMES("evaluator_id", "evaluator", ", decision maker ", SC_PLAIN),
	TEXT("name", "name"),
	TEXT("role", "role"),
};
static const struct store_column interest_columns[] = {
	NAMES("member_seq", "member", ", decision maker ", SC_MEMBER),
	COL("seq", "position"),
	{"organisation", "organisation", 1, ", interest in ", SC_PLAIN},
	TEXT("nature", "nature"),
};
static const struct store_column conflict_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	COL("seq", "position"),
	NAMES("evaluator_id", "evaluator", ", conflict of evaluator ", SC_PLAIN),
	{"organisation", "organisation", 1, " with ", SC_PLAIN},
	TEXT("party", "party"),
	COL("relation", "relation"),
	COL("managed", "managed"),
	TEXT("nature", "nature"),
};
static const struct store_column record_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	NAMES("rule_id", "criterion", ", question ", SC_QUESTION),
	COL("question", "question"),
	COL("basis", "basis"),
	COL("value", "value"),
	COL("counted", "counted"),
	COL("excluded", "excluded"),
	COL("missing", "missing"),
	COL("low", "low"),
	COL("high", "high"),
	COL("moderated_value", "moderated value"),
	COL("agreed_by", "agreed by"),
	TEXT("moderation_note", "moderation note"),
	TEXT("why", "reason for no score"),
};
static const struct store_column mark_columns[] = {
	NAMES("bid_seq", "bid", ", bid ", SC_BID),
	NAMES("rule_id", "criterion", ", question ", SC_QUESTION),
	COL("seq", "position"),
	NAMES("evaluator_id", "evaluator", ", evaluator ", SC_PLAIN),
	COL("state", "state"),
	COL("value", "value"),
	TEXT("justification", "justification"),
};
#undef COL
#undef TEXT
#undef NAMES

#define TABLE(name, noun, whole, scope, columns, n_keys) \
	{name, noun, whole, scope, columns, sizeof(columns) / sizeof(columns[0]), n_keys}
static const struct store_table tables[SR_COUNT] = {
	[SR_TENDER] = TABLE("tender", "tender", NULL, NULL, tender_columns, 1),
	[SR_EVALUATION] = TABLE("evaluation", "evaluation record", "the evaluation's record",
				"id", evaluation_columns, 0),
	[SR_INPUT] = TABLE("input", "input", NULL, "evaluation_id", input_columns, 1),
	[SR_BID] = TABLE("bid", "bid", NULL, "evaluation_id", bid_columns, 1),
	[SR_PROBLEM] = TABLE("problem", "problem", NULL, "evaluation_id", problem_columns, 2),
	[SR_GATE] = TABLE("gate_result", "gate result", NULL, "evaluation_id", gate_columns, 2),
	[SR_SCORE] = TABLE("score", "score", NULL, "evaluation_id", score_columns, 2),
	[SR_FLAG] = TABLE("flag", "flag", NULL, "evaluation_id", flag_columns, 2),
	[SR_POLICY] = TABLE("panel_policy", "moderation policy", "the panel's moderation policy",
			    "evaluation_id", policy_columns, 0),
	[SR_MEMBER] = TABLE("panel_member", "decision maker", NULL, "evaluation_id",
			    member_columns, 1),
	[SR_INTEREST] = TABLE("panel_interest", "interest", NULL, "evaluation_id",
			      interest_columns, 2),
	[SR_CONFLICT] = TABLE("panel_conflict", "conflict", NULL, "evaluation_id",
			      conflict_columns, 2),
	[SR_RECORD] = TABLE("panel_record", "panel record", NULL, "evaluation_id", record_columns, 2),
	[SR_MARK] = TABLE("panel_mark", "mark", NULL, "evaluation_id", mark_columns, 3),
};
#undef TABLE

_Static_assert(sizeof(record_columns) / sizeof(record_columns[0]) == STORE_MAX_COLUMNS,
	       "panel_record has the most columns");

/* checked as a whole: blob by its hashes, audit_log by its chain, schema_history,
 * high_water (ids never reused) and signer by their own checks */
const char *const store_wide_tables[] = {"blob", "audit_log", "schema_history", "high_water",
					 "signer", NULL};

const struct store_table *store_table(enum store_table_id t)
{
	return t < SR_COUNT ? &tables[t] : NULL;
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
		if (n_tables > 0)
			return error_set(err, TENDER_ERR_DB, "db-altered", s->path, 0, 0,
					 "this store has tables but says it has no schema "
					 "(user_version 0): it was altered");
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

/* "INSERT INTO t (scope, c1, ...) VALUES (?, ?, ...)" of a described
 * table into buf (the tender, whose row is an upsert, is not written so). */
static void rows_insert_sql(const struct store_table *t, char *buf, size_t size)
{
	size_t len = (size_t)snprintf(buf, size, "INSERT INTO %s (%s", t->name, t->scope);

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
		if (which >= ST_ROWS)
			rows_insert_sql(&tables[which - ST_ROWS], sql, sizeof(sql));
		if (sqlite3_prepare_v3(s->db, which < ST_ROWS ? statements[which] : sql, -1,
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
static enum tender_status put_input_blob(struct store *s, const struct evaluation_input *in,
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

/* ---------------------------------------------------------------------- */
/* The rows of an evaluation (store_rows): what is written, and what a
 * re-run is compared with. */

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

/* The rows of one bid in bid, problem, gate_result, score and flag. */
static int bid_rows(const struct evaluation *ev, size_t seq, store_row_fn fn, void *ctx)
{
	const struct ruleset *rs = ev->rules;
	const struct bid_result *b = &ev->bids[seq];
	struct store_value row[STORE_MAX_COLUMNS];

	row[0] = v_int((long long)seq);
	row[1] = v_text(b->id);
	row[2] = v_text(b->bidder);
	row[3] = v_text(b->file);
	row[4] = v_int(b->evaluated);
	row[5] = v_int(b->compliant);
	row[6] = v_real(points_double(b->total));
	row[7] = b->rank ? v_int(b->rank) : v_null;
	row[8] = v_int(b->tied);
	row[9] = v_text(b->exclusion);
	if (!fn(ctx, SR_BID, row))
		return 0;
	for (size_t i = 0; i < b->n_problems; i++) {
		row[0] = v_int((long long)seq);
		row[1] = v_int((long long)i);
		row[2] = v_text(b->problems[i]);
		if (!fn(ctx, SR_PROBLEM, row))
			return 0;
	}
	for (size_t i = 0; b->evaluated && i < rs->n_gates; i++) {
		row[0] = v_int((long long)seq);
		row[1] = v_text(rs->gates[i].id);
		row[2] = v_int(b->gates[i].passed);
		row[3] = v_text(b->gates[i].message);
		if (!fn(ctx, SR_GATE, row))
			return 0;
	}
	for (size_t i = 0; b->evaluated && i < rs->n_nodes; i++) {
		const struct score *sc = &b->scores[i];

		row[0] = v_int((long long)seq);
		row[1] = v_text(rs->nodes[i].id);
		row[2] = v_text(score_state_str(&rs->nodes[i], sc));
		row[3] = v_real(points_double(sc->points));
		row[4] = v_real(points_double(rs->nodes[i].points));
		row[5] = sc->has_price ? v_int(sc->price_minor) : v_null;
		row[6] = v_text(sc->explanation);
		if (!fn(ctx, SR_SCORE, row))
			return 0;
	}
	for (size_t i = 0; i < b->n_flags; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		row[0] = v_int((long long)seq);
		row[1] = v_int((long long)i);
		row[2] = v_text(f->id);
		row[3] = v_text(severity_str(f->severity));
		row[4] = v_text(f->cite);
		row[5] = v_int(f->excludes);
		row[6] = v_text(b->flags[i].message);
		if (!fn(ctx, SR_FLAG, row))
			return 0;
	}
	return 1;
}

/* The tender, evaluation and input rows of evaluation ev. */
static int run_rows(const struct evaluation *ev, const struct store_given *given,
		    store_row_fn fn, void *ctx)
{
	struct store_value row[STORE_MAX_COLUMNS];
	char rules_hex[65];

	row[0] = v_text(ev->tender_id);
	row[1] = v_text(ev->tender_title);
	row[2] = v_text(ev->commissioner);
	row[3] = v_text(ev->currency);
	if (!fn(ctx, SR_TENDER, row))
		return 0;
	sha256_hex(ev->rules->sha256, rules_hex);
	row[0] = v_text(ev->tender_id);
	row[1] = v_text(given->created);
	row[2] = v_text(given->engine_version);
	row[3] = v_text(ev->rules->id);
	row[4] = v_text(ev->rules->version);
	row[5] = v_text(rules_hex);
	row[6] = v_text(given->result_sha256);
	if (!fn(ctx, SR_EVALUATION, row))
		return 0;
	for (size_t i = 0; i < ev->n_inputs; i++) {
		char hex[65];

		sha256_hex(ev->inputs[i].sha256, hex);
		row[0] = v_int((long long)i);
		row[1] = v_text(ev->inputs[i].role);
		row[2] = v_text(ev->inputs[i].path);
		row[3] = v_text(hex);
		if (!fn(ctx, SR_INPUT, row))
			return 0;
	}
	return 1;
}

/* The conflicts, records and marks of one evaluated bid. */
static int panel_bid_rows(const struct evaluation *ev, size_t seq, store_row_fn fn, void *ctx)
{
	const struct ruleset *rs = ev->rules;
	const struct panel_scores *ps = ev->panel;
	const struct bid_result *b = &ev->bids[seq];
	struct store_value row[STORE_MAX_COLUMNS];

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
		if (!fn(ctx, SR_CONFLICT, row))
			return 0;
	}
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct panel_record *p = b->scores[i].panel;

		if (!p)
			continue;
		row[0] = v_int((long long)seq);
		row[1] = v_text(rs->nodes[i].id);
		row[2] = v_text(panel_rule_question(&rs->nodes[i]));
		row[3] = v_text(panel_basis_str(p->basis));
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
		if (!fn(ctx, SR_RECORD, row))
			return 0;
		for (size_t k = 0; k < p->n_marks; k++) {
			const struct panel_mark *m = &p->marks[k];

			row[0] = v_int((long long)seq);
			row[1] = v_text(rs->nodes[i].id);
			row[2] = v_int((long long)k);
			row[3] = v_text(ps->members[m->member].id);
			row[4] = v_text(panel_mark_state_str(m->state));
			row[5] = m->score ? v_real(decimal_to_double(m->score->value)) : v_null;
			row[6] = v_text(m->score ? m->score->note : NULL);
			if (!fn(ctx, SR_MARK, row))
				return 0;
		}
	}
	return 1;
}

/* The panel rows of evaluation ev: none when it has no panel. */
static int panel_rows(const struct evaluation *ev, store_row_fn fn, void *ctx)
{
	const struct panel_policy *p;
	struct store_value row[STORE_MAX_COLUMNS];

	if (!ev->panel)
		return 1;
	p = &ev->rules->moderation;
	row[0] = v_text(panel_method_str(p->method));
	row[1] = v_int(p->min_evaluators);
	row[2] = v_text(p->require_moderated ? "require-moderated" : "ignore");
	row[3] = v_text(p->keep_conflicted ? "keep" : "exclude");
	row[4] = v_text(ev->rules->moderation_cite);
	if (!fn(ctx, SR_POLICY, row))
		return 0;
	for (size_t i = 0; i < ev->panel->n_members; i++) {
		const struct panel_member *m = &ev->panel->members[i];

		row[0] = v_int((long long)i);
		row[1] = v_text(m->id);
		row[2] = v_text(m->name);
		row[3] = v_text(m->role);
		if (!fn(ctx, SR_MEMBER, row))
			return 0;
		for (size_t k = 0; k < m->n_interests; k++) {
			row[0] = v_int((long long)i);
			row[1] = v_int((long long)k);
			row[2] = v_text(m->interests[k].organisation);
			row[3] = v_text(m->interests[k].nature);
			if (!fn(ctx, SR_INTEREST, row))
				return 0;
		}
	}
	for (size_t i = 0; i < ev->n_bids; i++)
		if (ev->bids[i].evaluated && !panel_bid_rows(ev, i, fn, ctx))
			return 0;
	return 1;
}

int store_rows(const struct evaluation *ev, const struct store_given *given, store_row_fn fn,
	       void *ctx)
{
	assert(evaluation_complete(ev));
	if (!run_rows(ev, given, fn, ctx))
		return 0;
	for (size_t i = 0; i < ev->n_bids; i++)
		if (!bid_rows(ev, i, fn, ctx))
			return 0;
	return panel_rows(ev, fn, ctx);
}

struct row_writer {
	struct store *s;
	long long id;
};

/* Writes one row of a bid's or the panel's tables; the tender, evaluation
 * and input rows are written by store_insert_evaluation itself (an upsert,
 * a new id, the inputs' blobs). */
static int put_row(void *ctx, enum store_table_id t, const struct store_value *row)
{
	struct row_writer *w = ctx;
	sqlite3_stmt *st;
	int bad;

	if (t < SR_BID)
		return 1;
	st = stmt(w->s, (enum stmt)(ST_ROWS + t));
	if (!st || sqlite3_bind_int64(st, 1, w->id))
		return 0;
	for (size_t i = 0; i < tables[t].n_columns; i++) {
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
	long long has;
	enum tender_status rc;

	/* Whether the store has the panel tables, not what its user_version
	 * claims: panel rows under a lowered user_version are still compared
	 * (and the lowering is reported by store_check_shape). */
	*id = INT64_MAX;
	if ((rc = pragma_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
				" AND name = 'schema_history'",
			     &has, err)))
		return rc;
	if (!has)
		return TENDER_OK;
	return pragma_int(s, "SELECT coalesce(min(first_evaluation), 0) FROM schema_history"
			     " WHERE version = 2",
			  id, err);
}

enum tender_status store_insert_evaluation(struct store *s, const struct evaluation *ev,
					   const char *result, size_t result_size, long long *id,
					   struct tender_error *err)
{
	unsigned char result_sha[32];
	char result_hex[65], rules_hex[65];
	sqlite3_stmt *st;
	enum tender_status rc;

	/* What the NOT NULL columns and foreign keys would refuse mid-way: a
	 * record is complete before it is stored, and no evaluation is being
	 * recorded already. */
	assert(evaluation_complete(ev));
	assert(result && result_size > 0);
	assert(sqlite3_get_autocommit(s->db));
	crypto_hash_sha256(result_sha, (const unsigned char *)result, result_size);
	sha256_hex(result_sha, result_hex);
	sha256_hex(ev->rules->sha256, rules_hex);
	if ((rc = exec(s, "BEGIN IMMEDIATE", err, "cannot lock the store")))
		return rc;
	for (size_t i = 0; i < ev->n_inputs; i++)
		if ((rc = put_input_blob(s, &ev->inputs[i], err)))
			goto rollback;
	if (!put_blob(s, result_sha, result, result_size))
		goto db_error;
	st = stmt(s, ST_TENDER);
	if (!st || bind_text(st, 1, ev->tender_id) || bind_text(st, 2, ev->tender_title) ||
	    bind_text(st, 3, ev->commissioner) || bind_text(st, 4, ev->currency) || !done(st))
		goto db_error;
	st = stmt(s, ST_EVALUATION);
	if (!st || bind_text(st, 1, ev->tender_id) || bind_text(st, 2, ev->created) ||
	    bind_text(st, 3, TENDER_VERSION) || bind_text(st, 4, ev->rules->id) ||
	    bind_text(st, 5, ev->rules->version) || bind_text(st, 6, rules_hex) ||
	    bind_text(st, 7, result_hex) || !done(st))
		goto db_error;
	*id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < ev->n_inputs; i++) {
		char hex[65];

		sha256_hex(ev->inputs[i].sha256, hex);
		st = stmt(s, ST_INPUT);
		if (!st || sqlite3_bind_int64(st, 1, *id) || sqlite3_bind_int(st, 2, (int)i) ||
		    bind_text(st, 3, ev->inputs[i].role) || bind_text(st, 4, ev->inputs[i].path) ||
		    bind_text(st, 5, hex) || !done(st))
			goto db_error;
	}
	{
		struct row_writer w = {s, *id};
		struct store_given given = {ev->created, TENDER_VERSION, result_hex};

		if (!store_rows(ev, &given, put_row, &w))
			goto db_error;
	}
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
	enum tender_status rc;

	assert(!sqlite3_get_autocommit(s->db)); /* an evaluation is pending */
	rc = exec(s, "COMMIT", err, "cannot commit the evaluation");

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

enum tender_status store_high_water(struct store *s, long long *value, struct tender_error *err)
{
	*value = -1;
	if (s->version < 3)
		return TENDER_OK;
	return pragma_int(s, "SELECT coalesce(max(value), -1) FROM high_water"
			     " WHERE name = 'evaluation'",
			  value, err);
}

/* ---------------------------------------------------------------------- */
/* The store's shape: its schema against the one tender creates. */

/* One object of a schema: type, name, table and SQL (NULL for SQLite's
 * automatic indexes). */
struct schema_object {
	char *type, *name, *tbl, *sql;
	int seen;
};

struct schema_objects {
	struct schema_object *v;
	size_t n;
};

static void schema_objects_release(struct schema_objects *o)
{
	for (size_t i = 0; i < o->n; i++) {
		tender_free(o->v[i].type);
		tender_free(o->v[i].name);
		tender_free(o->v[i].tbl);
		tender_free(o->v[i].sql);
	}
	tender_free(o->v);
	memset(o, 0, sizeof(*o));
}

static char *dup_column(sqlite3_stmt *st, int i, int *nomem)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char *copy;

	if (!t)
		return NULL;
	if (!(copy = tender_strdup((const char *)t)))
		*nomem = 1;
	return copy;
}

/* Reads every object of db's schema but SQLite's statistics tables into
 * out; returns an SQLite result code (SQLITE_NOMEM when out of memory). */
static int read_schema(sqlite3 *db, struct schema_objects *out)
{
	sqlite3_stmt *st;
	int step, nomem = 0;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if ((step = sqlite3_prepare_v2(db,
				       "SELECT type, name, tbl_name, sql FROM sqlite_schema"
				       " WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'"
				       " ORDER BY type, name",
				       -1, &st, NULL)) != SQLITE_OK)
		return step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW && !nomem) {
		struct schema_object *o;

		if (out->n == cap) {
			struct schema_object *grown;

			cap = cap ? 2 * cap : 32;
			if (!(grown = tender_realloc(out->v, cap * sizeof(*grown)))) {
				nomem = 1;
				break;
			}
			out->v = grown;
		}
		o = &out->v[out->n++];
		memset(o, 0, sizeof(*o));
		o->type = dup_column(st, 0, &nomem);
		o->name = dup_column(st, 1, &nomem);
		o->tbl = dup_column(st, 2, &nomem);
		o->sql = dup_column(st, 3, &nomem);
		if (!o->type || !o->name || !o->tbl)
			nomem = 1;
	}
	sqlite3_finalize(st);
	if (nomem)
		return SQLITE_NOMEM;
	return step == SQLITE_DONE ? SQLITE_OK : step;
}

static int same_sql(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Checks that tables describes table name of the reference schema ref
 * column by column; a mismatch is tender's own bug, reported as such. */
static int check_description(sqlite3 *ref, const char *name, store_shape_fn report, void *ctx)
{
	const struct store_table *t = NULL;
	sqlite3_stmt *st;
	char what[256];
	size_t i = 0;
	int ok = 1, step;

	for (const char *const *w = store_wide_tables; *w; w++)
		if (strcmp(*w, name) == 0)
			return 1;
	for (int k = 0; k < SR_COUNT; k++)
		if (strcmp(tables[k].name, name) == 0)
			t = &tables[k];
	if (!t) {
		snprintf(what, sizeof(what),
			 "tender cannot verify table %s: it has no description of it (a bug)", name);
		report(ctx, what);
		return 1;
	}
	if (sqlite3_prepare_v2(ref, "SELECT name FROM pragma_table_info(?) ORDER BY cid", -1, &st,
			       NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *want = !t->scope ? (i < t->n_columns ? t->columns[i].name : NULL)
			: i == 0		     ? t->scope
			: i - 1 < t->n_columns ? t->columns[i - 1].name
						 : NULL;

		if (!want || !col || strcmp(want, col) != 0)
			ok = 0;
		i++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return 0;
	if (!ok || i != t->n_columns + (t->scope ? 1 : 0)) {
		snprintf(what, sizeof(what),
			 "tender cannot verify table %s: its description of it does not match "
			 "its columns (a bug)",
			 name);
		report(ctx, what);
	}
	return 1;
}

enum tender_status store_check_shape(struct store *s, store_shape_fn report, void *ctx,
				     struct tender_error *err)
{
	struct schema_objects want, have;
	sqlite3 *ref = NULL;
	enum tender_status rc = TENDER_OK;
	struct strbuf sb = STRBUF_INIT;
	int code;

	memset(&want, 0, sizeof(want));
	memset(&have, 0, sizeof(have));
	/* The reference: the migrations up to the store's version, run on an
	 * empty database in memory. */
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = TENDER_ERR_NOMEM;
		goto out;
	}
	for (int v = 0; v < s->version && v < STORE_SCHEMA_VERSION; v++)
		if (sqlite3_exec(ref, migrations[v], NULL, NULL, NULL) != SQLITE_OK) {
			rc = error_set(err, TENDER_ERR_DB, "db", NULL, 0, 0,
				       "cannot build the reference schema: %s", sqlite3_errmsg(ref));
			goto out;
		}
	if ((code = read_schema(ref, &want)) != SQLITE_OK ||
	    (code = read_schema(s->db, &have)) != SQLITE_OK) {
		rc = code == SQLITE_NOMEM ? TENDER_ERR_NOMEM
					  : store_error(s, err, "cannot read the store's schema");
		goto out;
	}
	for (size_t i = 0; i < want.n; i++)
		if (strcmp(want.v[i].type, "table") == 0 &&
		    !check_description(ref, want.v[i].name, report, ctx)) {
			rc = error_set(err, TENDER_ERR_DB, "db", NULL, 0, 0,
				       "cannot read the reference schema: %s", sqlite3_errmsg(ref));
			goto out;
		}
	for (size_t i = 0; i < have.n; i++) {
		const struct schema_object *h = &have.v[i];
		struct schema_object *w = NULL;

		for (size_t k = 0; k < want.n && !w; k++)
			if (strcmp(want.v[k].type, h->type) == 0 && strcmp(want.v[k].name, h->name) == 0)
				w = &want.v[k];
		strbuf_release(&sb);
		if (!w)
			strbuf_addf(&sb, "the store's schema: %s %s (on %s) is not part of a version-%d "
					 "store: it was added",
				    h->type, h->name, h->tbl, s->version);
		else if (w->seen++, strcmp(w->tbl, h->tbl) != 0 || !same_sql(w->sql, h->sql))
			strbuf_addf(&sb, "the store's schema: %s %s is not defined as tender defines "
					 "it (version %d): stored '%s', expected '%s'",
				    h->type, h->name, s->version, h->sql ? h->sql : "",
				    w->sql ? w->sql : "");
		else
			continue;
		if (sb.nomem) {
			rc = TENDER_ERR_NOMEM;
			goto out;
		}
		report(ctx, strbuf_str(&sb));
	}
	for (size_t k = 0; k < want.n; k++) {
		if (want.v[k].seen)
			continue;
		strbuf_release(&sb);
		strbuf_addf(&sb, "the store's schema: %s %s of a version-%d store is missing: it was "
				 "dropped",
			    want.v[k].type, want.v[k].name, s->version);
		if (sb.nomem) {
			rc = TENDER_ERR_NOMEM;
			goto out;
		}
		report(ctx, strbuf_str(&sb));
	}
out:
	strbuf_release(&sb);
	schema_objects_release(&want);
	schema_objects_release(&have);
	sqlite3_close(ref);
	return rc;
}
