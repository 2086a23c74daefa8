/*
 * run.c - an evaluation run from the tender description (see run.h).
 */
#include "run.h"

#include "alloc.h"
#include "calendar.h"
#include "error.h"
#include "kinds.h"
#include "names.h"
#include "regime_check.h"
#include "strbuf.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum tender_status run_timestamp(char out[32], struct tender_error *err)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t;

	if (epoch) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(epoch, &end, 10);
		if (!*epoch || *end || errno || v < 0 || v > RUN_LATEST_SECONDS || epoch[0] == '+' ||
		    epoch[0] == ' ')
			return error_set(err, TENDER_ERR_USAGE, "source-date-epoch", NULL, 0, 0,
					 "SOURCE_DATE_EPOCH='%.40s' is not a number of seconds "
					 "since 1970-01-01 (digits only)",
					 epoch);
		t = (time_t)v;
	} else {
		t = time(NULL);
	}
	if (!run_time_text((long long)t, out))
		return error_set(err, TENDER_ERR_USAGE, "source-date-epoch", NULL, 0, 0,
				 "the time cannot be represented");
	return TENDER_OK;
}

int run_time_text(long long seconds, char out[32])
{
	time_t t = (time_t)seconds;
	struct tm tm;

	if (seconds < 0 || seconds > RUN_LATEST_SECONDS || !gmtime_r(&t, &tm))
		return 0;
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return 1;
}

/* path joined to the directory of base ("a/b/tender.xml" + "bids/x.xml" ->
 * "a/b/bids/x.xml"); absolute paths stay as they are. Caller frees. */
static char *beside(void *unused, const char *base, const char *path)
{
	(void)unused;
	const char *slash = strrchr(base, '/');
	size_t dir = slash ? (size_t)(slash - base + 1) : 0;
	char *out;

	if (path[0] == '/' || dir == 0)
		return tender_strdup(path);
	out = tender_malloc(dir + strlen(path) + 1);
	if (!out)
		return NULL;
	memcpy(out, base, dir);
	memcpy(out + dir, path, strlen(path) + 1);
	return out;
}

/* Adds an input of the run; takes in's name and bytes (in is zeroed),
 * whatever is returned. */
static enum tender_status add_input(struct run *r, const char *role, const char *path,
				    struct input *in)
{
	struct evaluation_input *inputs = tender_realloc(r->inputs, (r->n_inputs + 1) * sizeof(*inputs));
	struct evaluation_input *ri;

	if (!inputs) {
		input_release(in);
		return TENDER_ERR_NOMEM;
	}
	r->inputs = inputs;
	ri = &inputs[r->n_inputs++];
	memset(ri, 0, sizeof(*ri));
	ri->role = tender_strdup(role);
	ri->path = tender_strdup(path);
	ri->file = in->name;
	ri->data = in->data;
	ri->size = in->size;
	memcpy(ri->sha256, in->sha256, 32);
	memset(in, 0, sizeof(*in));
	if (!ri->role || !ri->path || !ri->file || !ri->data)
		return TENDER_ERR_NOMEM;
	return TENDER_OK;
}

static void report_one(run_report_fn report, void *ctx, const char *path, int line, int column,
		       const char *code, const char *message)
{
	struct diag_list diags;

	if (!report)
		return;
	diag_list_init(&diags);
	if (diag_add(&diags, DIAG_ERROR, line, column, code, "%s", message) == TENDER_OK)
		report(ctx, path, &diags);
	diag_list_release(&diags);
}

/* The whole trimmed text of node as a new string; NULL when out of
 * memory. */
static char *text_of(const xmlNode *node)
{
	char *text;

	return xml_text_dup(node, &text) ? NULL : text;
}

/* Reads the input a reference of the tender (<rules>, <panel-scores>,
 * <bid>) names, as role: its whole href into *href ("" when absent), the
 * name its findings are reported under into *path (both new strings,
 * tender_free, unless out of memory), its bytes into *in (input_release).
 * Returns TENDER_OK; TENDER_ERR_IO or TENDER_ERR_LIMIT with err when it
 * cannot be read; TENDER_ERR_INVALID when a panel's scores or bid file lies
 * outside the folders it may come from (reported here, on the tender at the
 * reference: the run stops); TENDER_ERR_NOMEM. */
static enum tender_status fetch_ref(struct run *r, const char *tender_path, const xmlNode *ref,
				    const char *role, char **href, char **path, struct input *in,
				    struct tender_error *err, run_report_fn report, void *ctx)
{
	struct diag_list diags;
	enum tender_status rc;
	int line, column;

	*path = NULL;
	memset(in, 0, sizeof(*in));
	error_clear(err);
	if (xml_attr_dup(ref, "href", href))
		return TENDER_ERR_NOMEM;
	if (!*href && !(*href = tender_strdup("")))
		return TENDER_ERR_NOMEM;
	if (r->fetch) {
		if (!(*path = tender_strdup(*href)))
			return TENDER_ERR_NOMEM;
		return r->fetch(r->fetch_ctx, role, *href, in, err);
	}
	if (!(*path = beside(NULL, tender_path, *href)))
		return TENDER_ERR_NOMEM;
	if (strcmp(role, "rules") == 0)
		return input_read_file(*path, r->max_bytes, in, err);
	rc = input_read_beneath(&r->roots, *path, r->max_bytes, in, err);
	if (rc != TENDER_ERR_INVALID)
		return rc;
	xml_node_position(r->validator.tender_doc, ref, &line, &column);
	diag_list_init(&diags);
	if (diag_add(&diags, DIAG_ERROR, line, column, "input-outside",
		     "the %s file '%s' is outside the tender's folder ('..', an absolute path or a "
		     "symbolic link leads out of it): move it into the folder, or name the folder "
		     "it is in with <allow-outside folder=\"...\"/> in the tender or "
		     "--allow-outside DIR",
		     strcmp(role, "bid") == 0 ? "bid" : "panel's scores", *href))
		rc = TENDER_ERR_NOMEM;
	else if (report)
		report(ctx, tender_path, &diags);
	diag_list_release(&diags);
	return rc;
}

/* A reference that could not be read (err) as a finding in diags. */
static enum tender_status unreadable(const struct tender_error *err, struct diag_list *diags)
{
	return diag_add(diags, DIAG_ERROR, err->line, err->column, err->code, "%s", err->message);
}

/* The SHA-256 the tender pins for a reference (its sha256 attribute, whole)
 * into *pin (NULL when there is none): TENDER_OK or TENDER_ERR_NOMEM. */
static enum tender_status pin_of(const xmlNode *ref, char **pin)
{
	return xml_attr_dup(ref, "sha256", pin);
}

static enum tender_status load_rules(struct run *r, const char *tender_path, const xmlNode *ref,
				     run_report_fn report, void *ctx)
{
	char *href = NULL, *pin = NULL, *path = NULL, hex[65];
	struct tender_error err;
	struct diag_list diags;
	struct input in;
	enum tender_status rc;

	diag_list_init(&diags);
	rc = fetch_ref(r, tender_path, ref, "rules", &href, &path, &in, &err, report, ctx);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INVALID)
		goto out;
	if (rc)
		rc = unreadable(&err, &diags) ? TENDER_ERR_NOMEM : TENDER_ERR_IO;
	else
		rc = ruleset_load_input(&in, &r->rules, &diags);
	if (!rc) {
		size_t errors = diags.n_errors;

		rc = regime_check_tender(r->rules, r->validator.tender.regime,
					 r->validator.tender.notice_date, 0, &diags);
		if (!rc && diags.n_errors > errors)
			rc = TENDER_ERR_RULE;
	}
	if (report && diags.n)
		report(ctx, path, &diags);
	if (rc == TENDER_ERR_NOMEM)
		goto out;
	if (rc) {
		rc = TENDER_ERR_INVALID;
		goto out;
	}
	sha256_hex(r->rules->sha256, hex);
	if ((rc = pin_of(ref, &pin)))
		goto out;
	if (pin && strcmp(pin, hex) != 0) {
		char message[300];

		/* the schema makes a pin 64 hex digits: the message holds it */
		snprintf(message, sizeof(message),
			 "the tender pins the rule set to SHA-256 %.64s, but this file's is %s",
			 pin, hex);
		report_one(report, ctx, path, 0, 0, "rules-sha256", message);
		rc = TENDER_ERR_INVALID;
		goto out;
	}
	rc = add_input(r, "rules", href, &in);
out:
	diag_list_release(&diags);
	input_release(&in);
	tender_free(pin);
	tender_free(href);
	tender_free(path);
	return rc;
}

/* Whether the file's hash differs from the one the tender pins (ref's
 * sha256 attribute, compared whole, when there is one); writes the finding
 * into why. -1 when out of memory. */
static int pin_differs(const xmlNode *ref, const unsigned char sha[32], char *why, size_t size)
{
	char *pin = NULL, hex[65];
	int differs;

	if (pin_of(ref, &pin))
		return -1;
	if (!pin)
		return 0;
	sha256_hex(sha, hex);
	differs = strcmp(pin, hex) != 0;
	if (differs) /* the schema makes a pin 64 hex digits: why holds it */
		snprintf(why, size, "the file's SHA-256 is %s, but the tender pins %.64s", hex,
			 pin);
	tender_free(pin);
	return differs;
}

/* Checks one panel value: a decimal, within the scale of every panel
 * criterion that asks its question. */
static enum tender_status check_panel_value(const struct ruleset *rs, struct diag_list *diags,
					    const char *who, const char *bid,
					    const char *question, struct decimal value,
					    int has_value, const char *why, int line, int column)
{
	if (!has_value)
		return diag_add(diags, DIAG_ERROR, line, column, "panel-value",
				"%s for bid %s on question %s: %s", who, bid, question, why);
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct rule_node *n = &rs->nodes[i];
		const char *asks = panel_rule_question(n);
		struct decimal min, max;

		if (!asks || strcmp(asks, question) != 0)
			continue;
		panel_rule_scale(n, &min, &max);
		if (decimal_cmp(value, min) < 0 || decimal_cmp(value, max) > 0)
			return diag_add(diags, DIAG_ERROR, line, column, "panel-scale",
					"%s %s for bid %s on question %s is outside the question's "
					"scale %s–%s (criterion %s)",
					who, decimal_text(value).s, bid, question,
					decimal_text(min).s, decimal_text(max).s,
					n->id);
	}
	return TENDER_OK;
}

/* Every score and moderated score of the panel's file is a decimal on its
 * question's scale: a score off the scale is never averaged in. */
static enum tender_status check_panel_values(struct run *r, struct diag_list *diags)
{
	enum tender_status rc = TENDER_OK;

	for (size_t i = 0; i < r->panel.n_scores && !rc; i++) {
		const struct panel_score *p = &r->panel.scores[i];
		struct strbuf who = STRBUF_INIT_WHOLE;

		strbuf_addf(&who, "evaluator %s's score", p->evaluator);
		rc = who.nomem ? TENDER_ERR_NOMEM
			       : check_panel_value(r->rules, diags, strbuf_str(&who), p->bid,
						   p->question, p->value, p->has_value, p->why,
						   p->line, p->column);
		strbuf_release(&who);
	}
	for (size_t i = 0; i < r->panel.n_moderated && !rc; i++) {
		const struct panel_moderated *m = &r->panel.moderated[i];

		rc = check_panel_value(r->rules, diags, "the moderated score", m->bid, m->question,
				       m->value, m->has_value, m->why, m->line, m->column);
	}
	return rc;
}

static enum tender_status load_panel(struct run *r, const char *tender_path, const xmlNode *ref,
				     run_report_fn report, void *ctx)
{
	char *href = NULL, *path = NULL;
	unsigned char sha[32];
	struct tender_error err;
	struct diag_list diags;
	struct xml_doc *doc = NULL;
	struct input in;
	enum doc_kind kind = DOC_UNKNOWN;
	enum tender_status rc;

	diag_list_init(&diags);
	rc = fetch_ref(r, tender_path, ref, "panel-scores", &href, &path, &in, &err, report, ctx);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INVALID)
		goto out;
	if (rc)
		rc = unreadable(&err, &diags) ? TENDER_ERR_NOMEM : TENDER_ERR_IO;
	else
		rc = validator_load_input(&r->validator, &in, &kind, &doc, &diags);
	memcpy(sha, in.sha256, 32);
	if (!rc && doc && kind != DOC_PANEL) {
		rc = diag_add(&diags, DIAG_ERROR, 0, 0, "not-panel-scores",
			      "this is a %s file, not the panel's scores (<panel-scores>)",
			      doc_kind_str(kind));
		xml_doc_free(doc);
		doc = NULL;
	}
	if (!rc && doc) {
		char why[300];
		int differs = pin_differs(ref, sha, why, sizeof(why));

		if (differs) {
			rc = differs < 0 ? TENDER_ERR_NOMEM
					 : diag_add(&diags, DIAG_ERROR, 0, 0, "panel-sha256", "%s", why);
			xml_doc_free(doc);
			doc = NULL;
		}
	}
	if (!rc && doc) {
		rc = panel_read(xml_doc_root(r->validator.tender_doc), doc, &r->panel);
		r->has_panel = rc == TENDER_OK;
		if (!rc)
			rc = check_panel_values(r, &diags);
		if (!rc && diags.n_errors)
			rc = TENDER_ERR_INVALID;
		if (!rc)
			rc = add_input(r, "panel-scores", href, &in);
		if (!rc) {
			r->panel_doc = doc; /* for check_panel_bids */
			doc = NULL;
		}
	} else if (rc != TENDER_ERR_NOMEM) {
		rc = TENDER_ERR_INVALID;
	}
	if (report && diags.n)
		report(ctx, path, &diags);
out:
	diag_list_release(&diags);
	input_release(&in);
	xml_doc_free(doc);
	tender_free(href);
	tender_free(path);
	return rc;
}

/* One bid: validated, evaluated, its document freed at once. */
static enum tender_status load_bid(struct run *r, const char *tender_path, const xmlNode *ref,
				   const struct eval_options *opt, run_report_fn report, void *ctx)
{
	struct bid_result *b = &r->bids[r->n_bids];
	unsigned char sha[32] = {0};
	struct tender_error err;
	struct diag_list diags;
	struct xml_doc *doc = NULL;
	struct input in;
	enum doc_kind kind = DOC_UNKNOWN;
	enum tender_status rc;
	int readable, hashed, differs = 0;
	char pin_why[300];
	struct strbuf why = STRBUF_INIT_WHOLE; /* recorded whole in evaluation.xml */
	char *href = NULL, *path = NULL;

	diag_list_init(&diags);
	rc = fetch_ref(r, tender_path, ref, "bid", &href, &path, &in, &err, report, ctx);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INVALID)
		goto out;
	/* A file too large was opened but not read: it is "not a valid bid",
	 * as a file that does not parse, but has no bytes to hash or store. */
	readable = rc != TENDER_ERR_IO;
	hashed = rc == TENDER_OK;
	if (rc)
		rc = unreadable(&err, &diags) ? TENDER_ERR_NOMEM : TENDER_OK;
	else
		rc = validator_load_input(&r->validator, &in, &kind, &doc, &diags);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL)
		goto out;
	memcpy(sha, in.sha256, 32);
	if (hashed && (differs = pin_differs(ref, sha, pin_why, sizeof(pin_why))) != 0) {
		rc = differs < 0 ? TENDER_ERR_NOMEM
				 : diag_add(&diags, DIAG_ERROR, 0, 0, "bid-sha256", "%s", pin_why);
		xml_doc_free(doc);
		doc = NULL;
		if (rc)
			goto out;
	}
	if (doc && kind != DOC_BID) {
		rc = diag_add(&diags, DIAG_ERROR, 0, 0, "not-a-bid", "this is a %s file, not a bid",
			      doc_kind_str(kind));
		xml_doc_free(doc);
		doc = NULL;
		if (rc)
			goto out;
	}
	if (report && diags.n)
		report(ctx, path, &diags);
	if (doc) {
		rc = bid_evaluate(r->rules, doc, opt, b);
		tender_free(b->file);
		b->file = tender_strdup(href);
		if (!b->file)
			rc = TENDER_ERR_NOMEM;
	} else {
		if (differs)
			strbuf_adds(&why, pin_why); /* the pin's finding says it all */
		else if (!readable && diags.n)
			strbuf_addf(&why, "the file cannot be read: %s", diags.items[0].message);
		else if (diags.n && diags.items[0].line > 0)
			strbuf_addf(&why, "the file is not a valid bid (%zu error%s; first: "
					  "line %d: %s)",
				    diags.n_errors, diags.n_errors == 1 ? "" : "s",
				    diags.items[0].line, diags.items[0].message);
		else if (diags.n)
			strbuf_addf(&why, "the file is not a valid bid (%zu error%s; first: %s)",
				    diags.n_errors, diags.n_errors == 1 ? "" : "s",
				    diags.items[0].message);
		else
			strbuf_adds(&why, "the file is not a valid bid");
		rc = strbuf_status(&why);
		if (rc == TENDER_ERR_LIMIT)
			rc = TENDER_ERR_NOMEM; /* beyond 1 GiB: as good as out of memory */
		if (!rc)
			rc = bid_reject(r->rules, href, strbuf_str(&why), b);
		r->n_rejected++;
	}
	memcpy(b->sha256, sha, 32);
	b->hashed = hashed;
	r->n_bids++;
	if (!rc && hashed)
		rc = add_input(r, "bid", href, &in);
out:
	input_release(&in);
	xml_doc_free(doc);
	diag_list_release(&diags);
	strbuf_release(&why);
	tender_free(href);
	tender_free(path);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Bid ids. The panel's scores and decisions, the store and every report
 * name a bid by its id, so an id must name one file. A bid's id is written
 * by its bidder; only the tender, written by the commissioner, can say
 * which file is which (<bid href id>). The rule, the same whatever the
 * order of <bids>:
 * - a file whose id is not the one the tender names for it is held back;
 * - of files claiming one id, the one the tender names with that id stands
 *   and the others are held back;
 * - when the tender names none of them, nothing decides between them that
 *   a copier could not copy too (name, dates, content): the evaluation
 *   stops with an error on the tender, rather than knock out the bidder
 *   whose id was taken. */

struct claim {
	const char *id, *file; /* the bid's (borrowed) */
	size_t bid;
	char *expected; /* the id the tender names for the file, or NULL */
	const xmlNode *ref;
};

static int claim_cmp(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : strcmp(x->file, y->file);
}

/* "a.xml and b.xml", "a.xml, b.xml and c.xml" (files in order of name). */
static void claimants(struct strbuf *sb, const struct claim *g, size_t m)
{
	for (size_t k = 0; k < m; k++)
		strbuf_addf(sb, "%s%s", k == 0 ? "" : k + 1 == m ? " and " : ", ", g[k].file);
}

/* One id claimed by the m files g[0..m), in order of file name. */
static enum tender_status settle_claim(struct run *r, const struct claim *g, size_t m,
				       struct diag_list *errors)
{
	const char *id = g[0].id;
	const struct claim *named = NULL;
	struct strbuf who = STRBUF_INIT_WHOLE;
	enum tender_status rc = TENDER_OK;
	size_t n_named = 0;

	claimants(&who, g, m);
	if (who.nomem)
		return TENDER_ERR_NOMEM;
	for (size_t k = 0; k < m; k++)
		if (g[k].expected && strcmp(g[k].expected, id) == 0) {
			named = &g[k];
			n_named++;
		}
	if (n_named == 1) {
		for (size_t k = 0; k < m && !rc; k++)
			if (&g[k] != named)
				rc = bid_add_problem(&r->bids[g[k].bid],
						     "bid id %s claimed by %s: the tender lists %s "
						     "as bid %s, so this file is held back",
						     id, strbuf_str(&who), named->file, id);
	} else {
		int same = 1, line = 0, column = 0;

		for (size_t k = 1; k < m && same > 0; k++)
			same = names_same_organisation(r->bids[g[0].bid].bidder,
						       r->bids[g[k].bid].bidder);
		xml_node_position(r->validator.tender_doc, g[0].ref, &line, &column);
		if (same < 0)
			rc = TENDER_ERR_NOMEM;
		else
			rc = diag_add(errors, DIAG_ERROR, line, column, "bid-id-claimed-twice",
				      "bid id %s claimed by %s: the tender must say which file is bid "
				      "%s (<bid href=\"...\" id=\"%s\"/>)%s",
				      id, strbuf_str(&who), id, id,
				      same ? ", or list only the one that stands (the files name "
					     "one organisation)"
					   : "");
	}
	strbuf_release(&who);
	return rc;
}

/* Holds back what the rule above holds back (problems of those bids);
 * ambiguous claims are reported on the tender (TENDER_ERR_INVALID). A file
 * the tender lists twice is a problem of both entries, as before. */
static enum tender_status check_bid_ids(struct run *r, const char *tender_path,
					const xmlNode *bids_el, run_report_fn report, void *ctx)
{
	struct claim *claims = tender_calloc(r->n_bids ? r->n_bids : 1, sizeof(*claims));
	unsigned char *twice = tender_calloc(r->n_bids ? r->n_bids : 1, 1);
	const xmlNode *ref = xml_child(bids_el, BID_NS, "bid");
	enum tender_status rc = TENDER_OK;
	struct diag_list errors;
	size_t n = 0;

	diag_list_init(&errors);
	if (!claims || !twice) {
		rc = TENDER_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->n_bids && !rc; i++)
		for (size_t k = i + 1; k < r->n_bids && !rc; k++) {
			struct bid_result *a = &r->bids[i], *b = &r->bids[k];

			if (strcmp(a->file, b->file) != 0)
				continue;
			twice[i] = twice[k] = 1;
			rc = bid_add_problem(a, "the tender lists this file twice (%s and %s): "
						"each bid must appear once, with its own id",
					     a->file, b->file);
			if (!rc)
				rc = bid_add_problem(b, "the tender lists this file twice (%s and %s): "
							"each bid must appear once, with its own id",
						     a->file, b->file);
		}
	for (size_t i = 0; i < r->n_bids && ref && !rc; i++, ref = xml_next_same(ref)) {
		struct bid_result *b = &r->bids[i];
		char *expected = NULL;

		if (!b->evaluated || !b->id || twice[i])
			continue;
		rc = xml_attr_dup(ref, "id", &expected);
		claims[n++] = (struct claim){b->id, b->file, i, expected, ref};
		if (!rc && expected && strcmp(expected, b->id) != 0)
			rc = bid_add_problem(b, "the tender lists %s as bid %s, but the file is bid %s: "
						"held back until the two agree",
					     b->file, expected, b->id);
	}
	if (rc)
		goto out;
	qsort(claims, n, sizeof(*claims), claim_cmp);
	for (size_t a = 0, b; a < n && !rc; a = b) {
		for (b = a + 1; b < n && strcmp(claims[b].id, claims[a].id) == 0; b++)
			;
		if (b - a > 1)
			rc = settle_claim(r, claims + a, b - a, &errors);
	}
	if (!rc && errors.n) {
		if (report)
			report(ctx, tender_path, &errors);
		rc = TENDER_ERR_INVALID;
	}
out:
	for (size_t i = 0; claims && i < n; i++)
		tender_free(claims[i].expected);
	tender_free(claims);
	tender_free(twice);
	diag_list_release(&errors);
	return rc;
}

/* The order of bids in <bids> must not matter: bids are ranked, compared
 * and listed in one order, by bid id then file (the tender's own input list
 * too, by path), so a reordered tender gives the same evaluation. */
static int bid_canonical_cmp(const void *a, const void *b)
{
	const struct bid_result *x = a, *y = b;
	int c = strcmp(x->id ? x->id : "", y->id ? y->id : "");

	return c ? c : strcmp(x->file ? x->file : "", y->file ? y->file : "");
}

static int input_path_cmp(const void *a, const void *b)
{
	const struct evaluation_input *x = a, *y = b;

	return strcmp(x->path, y->path);
}

static void order_canonically(struct run *r)
{
	size_t first = 0, n = 0;

	qsort(r->bids, r->n_bids, sizeof(*r->bids), bid_canonical_cmp);
	for (size_t i = 0; i < r->n_inputs; i++)
		if (strcmp(r->inputs[i].role, "bid") == 0 && n++ == 0)
			first = i;
	/* the bids' inputs are added one after the other */
	qsort(r->inputs + first, n, sizeof(*r->inputs), input_path_cmp);
}

static int has_bid(const struct run *r, const char *id)
{
	for (size_t i = 0; i < r->n_bids; i++)
		if (r->bids[i].id && strcmp(r->bids[i].id, id) == 0)
			return 1;
	return 0;
}

/* Whether an <explanation> says it was replied to before it was asked. */
static int replied_before_asked(const xmlNode *s)
{
	char *requested = NULL, *replied = NULL;
	struct check_date asked, answered;
	int before = 0;

	if (!xml_attr_dup(s, "requested", &requested) && !xml_attr_dup(s, "replied", &replied) &&
	    requested && replied && check_date_parse(requested, &asked) &&
	    check_date_parse(replied, &answered))
		before = check_date_order(&answered, &asked) < 0;
	tender_free(requested);
	tender_free(replied);
	return before;
}

/* Whether the decision s excludes bid for flag, an abnormally low price,
 * under pa-2023 without the supplier having been asked to explain it
 * (Procurement Act 2023 s.19(4)). */
static int unheard_exclusion(const struct run *r, const xmlNode *s, const char *bid,
			     const char *flag)
{
	if (r->validator.tender.regime != REGIME_PA_2023 ||
	    !xml_attr_is(s, "outcome", "excluded", strlen("excluded")) ||
	    panel_find_explanation(&r->panel, bid, flag))
		return 0;
	for (size_t i = 0; i < r->rules->n_flags; i++)
		if (!strcmp(r->rules->flags[i].id, flag))
			return !strcmp(r->rules->flags[i].ops->element, "abnormally-low");
	return 0;
}

/* Every score, moderated score and decision of the panel names a bid the
 * tender has: one for another id would be dropped without a word, so it is
 * an error at its line in the panel's file (the run stops before anything
 * is written). When a bid file could not be read its id is unknown, and the
 * entry may be for it: then a warning, and the entry takes no effect. */
static enum tender_status check_panel_bids(struct run *r, run_report_fn report, void *ctx)
{
	const xmlNode *root = xml_doc_root(r->panel_doc);
	enum diag_severity severity = r->n_rejected ? DIAG_WARNING : DIAG_ERROR;
	const char *path = "panel-scores";
	struct checker c;
	struct diag_list diags;
	char *bid = NULL, *a = NULL, *b = NULL;

	for (size_t i = 0; i < r->n_inputs; i++)
		if (strcmp(r->inputs[i].role, "panel-scores") == 0)
			path = r->inputs[i].file;
	diag_list_init(&diags);
	c = (struct checker){r->panel_doc, &diags, TENDER_OK};
	for (const xmlNode *s = root->children; s && !c.status; s = s->next) {
		int score = xml_is(s, BID_NS, "score"), moderated = xml_is(s, BID_NS, "moderated");
		int decision = xml_is(s, BID_NS, "decision");
		int explanation = xml_is(s, BID_NS, "explanation");

		if (!score && !moderated && !decision && !explanation)
			continue;
		if (xml_attr_dup(s, "bid", &bid) ||
		    xml_attr_dup(s, score	    ? "evaluator"
				    : decision	    ? "date"
				    : explanation ? "requested"
						    : "question",
				 &a) ||
		    xml_attr_dup(s, score ? "question" : "flag", &b)) {
			c.status = TENDER_ERR_NOMEM;
		} else if (bid && !has_bid(r, bid)) {
			const char *why = r->n_rejected ? ", or it is the id of a bid file that could "
							  "not be read: it takes no effect"
							: "";

			if (score)
				check_report(&c, s, severity, "bid-unknown",
					     "evaluator %s scores bid %s on question %s, but no bid "
					     "of the tender has that id%s",
					     a ? a : "", bid, b ? b : "", why);
			else if (moderated)
				check_report(&c, s, severity, "bid-unknown",
					     "the moderated score on question %s is for bid %s, but "
					     "no bid of the tender has that id%s",
					     a ? a : "", bid, why);
			else if (explanation)
				check_report(&c, s, severity, "bid-unknown",
					     "the explanation asked on %s for flag %s concerns bid "
					     "%s, but no bid of the tender has that id%s",
					     a ? a : "", b ? b : "", bid, why);
			else
				check_report(&c, s, severity, "bid-unknown",
					     "the decision of %s on flag %s concerns bid %s, but no "
					     "bid of the tender has that id%s",
					     a ? a : "", b ? b : "", bid, why);
		} else if (explanation && replied_before_asked(s)) {
			check_report(&c, s, DIAG_ERROR, "explanation-dates",
				     "the explanation of bid %s for flag %s says the bidder replied "
				     "before it was asked on %s: check the dates",
				     bid ? bid : "", b ? b : "", a ? a : "");
		} else if (decision && bid && b && unheard_exclusion(r, s, bid, b)) {
			check_report(&c, s, DIAG_ERROR, "abnormally-low",
				     "the panel excludes bid %s for flag %s, an abnormally low price, "
				     "but did not ask the supplier to show that it can perform the "
				     "contract for the price: under pa-2023 that comes first "
				     "(Procurement Act 2023 s.19(4)); record the request and the reply "
				     "in <explanation bid=\"%s\" flag=\"%s\" requested=\"...\">",
				     bid, b, bid, b);
		}
		tender_free(bid);
		tender_free(a);
		tender_free(b);
		bid = a = b = NULL;
	}
	if (!c.status && report && diags.n)
		report(ctx, path, &diags);
	if (!c.status && diags.n_errors)
		c.status = TENDER_ERR_INVALID;
	diag_list_release(&diags);
	return c.status;
}

/* Where the panel's scores and the bids may be read from: the tender's
 * folder, each folder the tender names (<allow-outside folder>, relative to
 * the tender's folder) and each the caller allows. A folder the tender
 * names that is not there is an error at its element, not a folder left
 * out in silence. (A re-run from stored inputs reads no folder: it does not
 * come here.) */
static enum tender_status allow_folders(struct run *r, const char *tender_path,
					const struct run_options *o, run_report_fn report,
					void *ctx, struct tender_error *err)
{
	const xmlNode *root = xml_doc_root(r->validator.tender_doc);
	enum tender_status rc;
	char *dir;

	if (!(dir = beside(NULL, tender_path, ".")))
		return TENDER_ERR_NOMEM;
	rc = input_roots_add(&r->roots, dir); /* the tender was read from it */
	tender_free(dir);
	for (const xmlNode *a = xml_child(root, BID_NS, "allow-outside"); a && !rc;
	     a = xml_next_same(a)) {
		char *folder = NULL;

		dir = NULL;
		if (xml_attr_dup(a, "folder", &folder) || !folder)
			rc = TENDER_ERR_NOMEM; /* the schema makes folder required */
		else if (!(dir = beside(NULL, tender_path, folder)))
			rc = TENDER_ERR_NOMEM;
		else
			rc = input_roots_add(&r->roots, dir);
		if (rc == TENDER_ERR_IO) {
			struct strbuf message = STRBUF_INIT_WHOLE;
			int line, column;

			xml_node_position(r->validator.tender_doc, a, &line, &column);
			strbuf_addf(&message, "<allow-outside folder=\"%s\"/> names %s, which is not a "
					      "folder", folder, dir);
			report_one(report, ctx, tender_path, line, column, "allow-outside",
				   message.nomem ? "<allow-outside> names no folder"
						 : strbuf_str(&message));
			strbuf_release(&message);
			rc = TENDER_ERR_INVALID;
		}
		tender_free(dir);
		tender_free(folder);
	}
	for (size_t i = 0; i < o->n_allow_outside && !rc; i++)
		if ((rc = input_roots_add(&r->roots, o->allow_outside[i])) == TENDER_ERR_IO)
			return error_set(err, TENDER_ERR_USAGE, "allow-outside", o->allow_outside[i],
					 0, 0, "allow_outside %s: not a folder",
					 o->allow_outside[i]);
	return rc;
}

enum tender_status run_evaluate(struct run *r, const char *tender_path,
				const struct run_options *o, struct tender_error *err)
{
	size_t max_bytes = o->max_bytes;
	run_report_fn report = o->report;
	void *ctx = o->report_ctx;
	struct diag_list diags;
	const xmlNode *root, *bids_el;
	struct eval_options opt = {0};
	struct input tender;
	enum doc_kind kind;
	enum tender_status rc;
	size_t n = 0;
	const char *slash;

	memset(r, 0, sizeof(*r));
	r->fetch = o->fetch;
	r->fetch_ctx = o->fetch_ctx;
	r->max_bytes = max_bytes;
	if (o->created)
		snprintf(r->created, sizeof(r->created), "%s", o->created);
	else if ((rc = run_timestamp(r->created, err)) != TENDER_OK)
		return rc;
	rc = validator_init(&r->validator, max_bytes, err);
	if (rc)
		return rc;
	diag_list_init(&diags);
	if (o->tender) {
		rc = input_from_memory(tender_path, o->tender->data, o->tender->size, &tender);
	} else {
		struct tender_error read_err;

		error_clear(&read_err);
		rc = input_read_file(tender_path, max_bytes, &tender, &read_err);
		if (rc && rc != TENDER_ERR_NOMEM)
			rc = unreadable(&read_err, &diags) ? TENDER_ERR_NOMEM : TENDER_ERR_INVALID;
	}
	if (!rc)
		rc = validator_use_tender_input(&r->validator, &tender, &kind, &diags);
	if (report && diags.n)
		report(ctx, tender_path, &diags);
	diag_list_release(&diags);
	if (rc) {
		input_release(&tender);
		return rc == TENDER_ERR_NOMEM ? rc : TENDER_ERR_INVALID;
	}
	slash = strrchr(tender_path, '/');
	rc = add_input(r, "tender", slash ? slash + 1 : tender_path, &tender);
	if (rc)
		return rc;
	if (!r->fetch && (rc = allow_folders(r, tender_path, o, o->report, o->report_ctx, err)))
		return rc;

	root = xml_doc_root(r->validator.tender_doc);
	r->decimals = r->validator.tender.decimals;
	/* competition_read counts it on a sound regime and notice date, and
	 * reports anything else: the run stops before here then */
	assert(r->validator.tender.has_standstill);
	r->tender_id = tender_strdup(r->validator.tender.id);
	r->tender_title = text_of(xml_child(root, BID_NS, "title"));
	r->commissioner = text_of(xml_child(root, BID_NS, "commissioner"));
	r->currency = tender_strdup(r->validator.tender.currency);
	if (!r->tender_id || !r->tender_title || !r->commissioner || !r->currency)
		return TENDER_ERR_NOMEM;

	rc = load_rules(r, tender_path, xml_child(root, BID_NS, "rules"), report, ctx);
	if (rc)
		return rc;
	for (size_t i = 0; i < r->rules->n_nodes; i++) {
		const struct rule_node *node = &r->rules->nodes[i];
		const char *question = panel_rule_question(node);

		if (question && !competition_question(&r->validator.tender, question)) {
			char message[300];

			snprintf(message, sizeof(message),
				 "rule %s scores question %s, which the tender does not ask",
				 node->id, question);
			report_one(report, ctx, tender_path, 0, 0, "rules-question", message);
			return TENDER_ERR_INVALID;
		}
	}
	if (xml_child(root, BID_NS, "panel-scores")) {
		rc = load_panel(r, tender_path, xml_child(root, BID_NS, "panel-scores"), report, ctx);
		if (rc)
			return rc;
	}

	bids_el = xml_child(root, BID_NS, "bids");
	for (const xmlNode *b = xml_child(bids_el, BID_NS, "bid"); b; b = xml_next_same(b))
		n++;
	r->bids = tender_calloc(n, sizeof(*r->bids));
	if (!r->bids)
		return TENDER_ERR_NOMEM;
	opt.decimals = r->decimals;
	opt.panel = r->has_panel ? &r->panel : NULL;
	opt.tender_root = xml_doc_root(r->validator.tender_doc);
	opt.tender = &r->validator.tender;
	for (const xmlNode *b = xml_child(bids_el, BID_NS, "bid"); b; b = xml_next_same(b)) {
		rc = load_bid(r, tender_path, b, &opt, report, ctx);
		if (rc)
			return rc;
	}
	if (r->has_panel) {
		rc = check_panel_bids(r, report, ctx);
		xml_doc_free(r->panel_doc);
		r->panel_doc = NULL;
		if (rc)
			return rc;
	}
	rc = check_bid_ids(r, tender_path, bids_el, report, ctx);
	if (rc)
		return rc;
	order_canonically(r); /* after check_bid_ids: it reads the bids in <bids> order */
	rc = evaluate_across(r->rules, r->bids, r->n_bids, r->decimals,
			     xml_doc_root(r->validator.tender_doc), r->has_panel ? &r->panel : NULL);
	return rc;
}

struct evaluation run_record(const struct run *r)
{
	struct evaluation ev = {
		.tender_id = r->tender_id,
		.tender_title = r->tender_title,
		.commissioner = r->commissioner,
		.currency = r->currency,
		.decimals = r->decimals,
		.contact = r->validator.tender_doc
				   ? xml_child(xml_doc_root(r->validator.tender_doc), BID_NS, "contact")
				   : NULL,
		.created = r->created,
		.regime = r->validator.tender.regime,
		.notice_date = r->validator.tender.notice_date,
		.standstill = r->validator.tender.has_standstill ? &r->validator.tender.standstill
								 : NULL,
		.services = r->validator.tender_doc
				    ? xml_child(xml_doc_root(r->validator.tender_doc), BID_NS, "services")
				    : NULL,
		.decision_makers = r->validator.tender_doc
					   ? xml_child(xml_doc_root(r->validator.tender_doc), BID_NS,
						       "decision-makers")
					   : NULL,
		.rules = r->rules,
		.panel = r->has_panel ? &r->panel : NULL,
		.bids = r->bids,
		.n_bids = r->n_bids,
		.inputs = r->inputs,
		.n_inputs = r->n_inputs,
		.n_rejected = r->n_rejected,
	};

	return ev;
}

void run_release(struct run *r)
{
	for (size_t i = 0; i < r->n_bids; i++)
		bid_result_release(&r->bids[i], r->rules);
	tender_free(r->bids);
	for (size_t i = 0; i < r->n_inputs; i++) {
		tender_free(r->inputs[i].role);
		tender_free(r->inputs[i].path);
		tender_free(r->inputs[i].file);
		tender_free(r->inputs[i].data);
	}
	tender_free(r->inputs);
	panel_scores_release(&r->panel);
	xml_doc_free(r->panel_doc);
	ruleset_free(r->rules);
	validator_release(&r->validator);
	input_roots_release(&r->roots);
	tender_free(r->tender_id);
	tender_free(r->tender_title);
	tender_free(r->commissioner);
	tender_free(r->currency);
	memset(r, 0, sizeof(*r));
}
