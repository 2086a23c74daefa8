/*
 * anchor.c - a store checked against a signed manifest (see anchor.h).
 */
#include "anchor.h"

#include "error.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct anchor_checker {
	anchor_report_fn report;
	void *ctx;
	long long *findings;
};

static void finding(struct anchor_checker *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reports one finding; never allocates (a long one is cut). */
static void finding(struct anchor_checker *c, const char *fmt, ...)
{
	char message[1536];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	(*c->findings)++;
	c->report(c->ctx, message);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The stored inputs of evaluation id against the manifest's, in order. */
static enum tender_status check_inputs(struct anchor_checker *c, struct store *s, long long id,
				       const struct manifest_claims *cl, struct tender_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	char a[96], b[96], r[96], q[96];
	int step;

	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT role, path, sha256 FROM input WHERE evaluation_id = ?"
			       " ORDER BY seq",
			       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, err, "cannot read the store");
	sqlite3_bind_int64(st, 1, id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const struct manifest_claim_input *in = n < cl->n_inputs ? &cl->inputs[n] : NULL;

		if (!in)
			finding(c,
				"evaluation %lld: the stored input %s '%s' is not in the signed "
				"manifest",
				id, manifest_printable(col(st, 0), a), manifest_printable(col(st, 1), b));
		else if (!same(col(st, 0), in->role) || !same(col(st, 1), in->path))
			finding(c,
				"evaluation %lld: stored input %zu is %s '%s'; the signed manifest "
				"records %s '%s'",
				id, n + 1, manifest_printable(col(st, 0), a), manifest_printable(col(st, 1), b),
				manifest_printable(in->role, r), manifest_printable(in->path, q));
		else if (!same(col(st, 2), in->sha256))
			finding(c,
				"evaluation %lld: the stored %s '%s' has sha256 %s; the signed "
				"manifest records %s",
				id, manifest_printable(col(st, 0), a), manifest_printable(col(st, 1), b),
				manifest_printable(col(st, 2), r), manifest_printable(in->sha256, q));
		n++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_error(s, err, "cannot read the store");
	for (size_t i = n; i < cl->n_inputs; i++)
		finding(c,
			"evaluation %lld: the signed manifest records the input %s '%s', which is "
			"not stored",
			id, manifest_printable(cl->inputs[i].role, a), manifest_printable(cl->inputs[i].path, b));
	return TENDER_OK;
}

enum tender_status anchor_check(struct store *s, const struct manifest_claims *cl,
				anchor_report_fn report, void *ctx, long long *findings,
				struct tender_error *err)
{
	struct anchor_checker c = {report, ctx, findings};
	sqlite3_stmt *st = NULL;
	long long id = cl->evaluation_id, mark;
	enum tender_status rc;
	char a[96], b[96];
	int step;

	if (!cl->signature_ok)
		finding(&c, "the manifest's signature is not valid for the key given: what it "
			    "records proves nothing about the store");
	if (id <= 0 || !cl->chain_head[0]) {
		finding(&c, "the manifest names no evaluation and chain head (made by an older "
			    "tender): it cannot anchor the store");
		return TENDER_OK;
	}
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT e.tender_id, e.created, e.engine_version, e.result_sha256,"
			       " a.hash FROM evaluation e LEFT JOIN audit_log a"
			       " ON a.evaluation_id = e.id WHERE e.id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return store_error(s, err, "cannot read the store");
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		finding(&c,
			"the signed evaluation %lld is not in the store: it was deleted, or the "
			"store was cut back or replaced",
			id);
	} else if (step == SQLITE_ROW) {
		if (sqlite3_column_type(st, 4) == SQLITE_NULL)
			finding(&c,
				"evaluation %lld has no audit row, so no chain head: the signed "
				"manifest records %s",
				id, cl->chain_head);
		else if (!same(col(st, 4), cl->chain_head))
			finding(&c,
				"evaluation %lld: the chain head after it is %s; the signed "
				"manifest records %s: the chain was rebuilt or the evaluation "
				"replaced, or this is another store",
				id, manifest_printable(col(st, 4), a), cl->chain_head);
		if (!same(col(st, 0), cl->tender_id))
			finding(&c,
				"evaluation %lld: the stored tender is '%s'; the signed manifest "
				"records '%s'",
				id, manifest_printable(col(st, 0), a), manifest_printable(cl->tender_id, b));
		if (!same(col(st, 1), cl->created))
			finding(&c,
				"evaluation %lld: stored as made at %s; the signed manifest "
				"records %s",
				id, manifest_printable(col(st, 1), a), manifest_printable(cl->created, b));
		if (!same(col(st, 2), cl->engine))
			finding(&c,
				"evaluation %lld: stored as made by tender %s; the signed "
				"manifest records %s",
				id, manifest_printable(col(st, 2), a), manifest_printable(cl->engine, b));
		if (!same(col(st, 3), cl->result_sha256))
			finding(&c,
				"evaluation %lld: the stored evaluation.xml has sha256 %s; the "
				"signed manifest records %s",
				id, manifest_printable(col(st, 3), a),
				cl->result_sha256[0] ? cl->result_sha256 : "none");
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE && step != SQLITE_ROW)
		return store_error(s, err, "cannot read the store");
	if (step == SQLITE_ROW && (rc = check_inputs(&c, s, id, cl, err)))
		return rc;
	if ((rc = store_signer(s, a, err)))
		return rc;
	if (a[0] && strcmp(a, cl->public_key) != 0)
		finding(&c, "the store is bound to the signer key %s, not to the key given (%s)", a,
			cl->public_key);
	if ((rc = store_high_water(s, &mark, err)))
		return rc;
	if (mark >= 0 && mark < id)
		finding(&c,
			"the store's high-water mark is %lld, below the signed evaluation %lld: "
			"the store was cut back or rebuilt",
			mark, id);
	return TENDER_OK;
}
