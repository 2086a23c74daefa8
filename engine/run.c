/*
 * run.c - an evaluation run from the tender description (see run.h).
 */
#include "run.h"

#include "alloc.h"
#include "calendar.h"
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void sha256_hex(const unsigned char sha256[32], char out[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[sha256[i] >> 4];
		out[2 * i + 1] = digits[sha256[i] & 15];
	}
	out[64] = '\0';
}

enum tender_status run_timestamp(char out[32], struct tender_error *err)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	struct tm tm;

	if (epoch) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(epoch, &end, 10);
		if (!*epoch || *end || errno || v < 0 || v > 253402300799LL || epoch[0] == '+' ||
		    epoch[0] == ' ')
			return error_set(err, TENDER_ERR_USAGE, "source-date-epoch", NULL, 0, 0,
					 "SOURCE_DATE_EPOCH='%.40s' is not a number of seconds "
					 "since 1970-01-01 (digits only)",
					 epoch);
		t = (time_t)v;
	} else {
		t = time(NULL);
	}
	if (!gmtime_r(&t, &tm))
		return error_set(err, TENDER_ERR_USAGE, "source-date-epoch", NULL, 0, 0,
				 "the time cannot be represented");
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return TENDER_OK;
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

static enum tender_status add_input(struct run *r, const char *role, const char *path,
				    const char *file, const unsigned char sha256[32])
{
	struct run_input *inputs = tender_realloc(r->inputs, (r->n_inputs + 1) * sizeof(*inputs));
	struct run_input *in;

	if (!inputs)
		return TENDER_ERR_NOMEM;
	r->inputs = inputs;
	in = &inputs[r->n_inputs++];
	in->role = tender_strdup(role);
	in->path = tender_strdup(path);
	in->file = tender_strdup(file);
	memcpy(in->sha256, sha256, 32);
	if (!in->role || !in->path || !in->file)
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

static char *text_of(const xmlNode *node)
{
	char buf[1024];

	return tender_strdup(xml_text(node, buf, sizeof(buf)));
}

/* The file a reference of the tender (<rules>, <panel-scores>, <bid>)
 * names: its href into href, the path to read as a new string (NULL when
 * out of memory). */
static char *resolve_ref(struct run *r, const char *tender_path, const xmlNode *ref,
			 char *href, size_t size)
{
	if (!xml_attr(ref, "href", href, size))
		href[0] = '\0';
	return r->resolve(r->resolve_ctx, tender_path, href);
}

static enum tender_status load_rules(struct run *r, const char *tender_path, const xmlNode *ref,
				     size_t max_bytes, run_report_fn report, void *ctx)
{
	char href[1024], pin[80], hex[65];
	struct diag_list diags;
	enum tender_status rc;
	char *path;

	path = resolve_ref(r, tender_path, ref, href, sizeof(href));
	if (!path)
		return TENDER_ERR_NOMEM;
	diag_list_init(&diags);
	rc = ruleset_load(path, max_bytes, &r->rules, &diags);
	if (report && diags.n)
		report(ctx, path, &diags);
	diag_list_release(&diags);
	if (rc == TENDER_ERR_NOMEM)
		goto out;
	if (rc) {
		rc = TENDER_ERR_INVALID;
		goto out;
	}
	sha256_hex(r->rules->sha256, hex);
	if (xml_attr(ref, "sha256", pin, sizeof(pin)) && strcmp(pin, hex) != 0) {
		char message[300];

		snprintf(message, sizeof(message),
			 "the tender pins the rule set to SHA-256 %s, but this file's is %s", pin,
			 hex);
		report_one(report, ctx, path, 0, 0, "rules-sha256", message);
		rc = TENDER_ERR_INVALID;
		goto out;
	}
	rc = add_input(r, "rules", href, path, r->rules->sha256);
out:
	tender_free(path);
	return rc;
}

/* Whether the file's hash differs from the one the tender pins (ref's
 * sha256 attribute, when there is one); writes the finding into why. */
static int pin_differs(const xmlNode *ref, const unsigned char sha[32], char *why, size_t size)
{
	char pin[80], hex[65];

	if (!xml_attr(ref, "sha256", pin, sizeof(pin)))
		return 0;
	sha256_hex(sha, hex);
	if (strcmp(pin, hex) == 0)
		return 0;
	snprintf(why, size, "the file's SHA-256 is %s, but the tender pins %s", hex, pin);
	return 1;
}

static enum tender_status load_panel(struct run *r, const char *tender_path, const xmlNode *ref,
				     run_report_fn report, void *ctx)
{
	char href[1024];
	unsigned char sha[32];
	struct diag_list diags;
	struct xml_doc *doc = NULL;
	enum doc_kind kind;
	enum tender_status rc;
	char *path;

	path = resolve_ref(r, tender_path, ref, href, sizeof(href));
	if (!path)
		return TENDER_ERR_NOMEM;
	diag_list_init(&diags);
	rc = validator_load_hashed(&r->validator, path, &kind, &doc, sha, &diags);
	if (!rc && doc && kind != DOC_PANEL) {
		rc = diag_add(&diags, DIAG_ERROR, 0, 0, "not-panel-scores",
			      "this is a %s file, not the panel's scores (<panel-scores>)",
			      doc_kind_str(kind));
		xml_doc_free(doc);
		doc = NULL;
	}
	if (!rc && doc) {
		char why[300];

		if (pin_differs(ref, sha, why, sizeof(why))) {
			rc = diag_add(&diags, DIAG_ERROR, 0, 0, "panel-sha256", "%s", why);
			xml_doc_free(doc);
			doc = NULL;
		}
	}
	if (report && diags.n)
		report(ctx, path, &diags);
	diag_list_release(&diags);
	if (!rc && doc) {
		rc = panel_read(xml_doc_root(r->validator.tender_doc), doc, &r->panel);
		r->has_panel = rc == TENDER_OK;
		if (!rc)
			rc = add_input(r, "panel-scores", href, path, sha);
		if (!rc) {
			r->panel_doc = doc; /* for check_panel_bids */
			doc = NULL;
		}
	} else if (rc != TENDER_ERR_NOMEM) {
		rc = TENDER_ERR_INVALID;
	}
	xml_doc_free(doc);
	tender_free(path);
	return rc;
}

/* One bid: validated, evaluated, its document freed at once. */
static enum tender_status load_bid(struct run *r, const char *tender_path, const xmlNode *ref,
				   const struct eval_options *opt, run_report_fn report, void *ctx)
{
	struct bid_result *b = &r->bids[r->n_bids];
	unsigned char sha[32] = {0};
	struct diag_list diags;
	struct xml_doc *doc = NULL;
	enum doc_kind kind;
	enum tender_status rc;
	int readable;
	char href[1024], why[700];
	char *path;

	path = resolve_ref(r, tender_path, ref, href, sizeof(href));
	if (!path)
		return TENDER_ERR_NOMEM;
	diag_list_init(&diags);
	rc = validator_load_hashed(&r->validator, path, &kind, &doc, sha, &diags);
	if (rc == TENDER_ERR_NOMEM || rc == TENDER_ERR_INTERNAL)
		goto out;
	readable = rc != TENDER_ERR_IO;
	why[0] = '\0';
	if (readable && pin_differs(ref, sha, why, sizeof(why))) {
		rc = diag_add(&diags, DIAG_ERROR, 0, 0, "bid-sha256", "%s", why);
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
		if (why[0])
			; /* the pin's finding says it all */
		else if (!readable && diags.n)
			snprintf(why, sizeof(why), "the file cannot be read: %s",
				 diags.items[0].message);
		else if (diags.n && diags.items[0].line > 0)
			snprintf(why, sizeof(why), "the file is not a valid bid (%zu error%s; first: "
						   "line %d: %s)",
				 diags.n_errors, diags.n_errors == 1 ? "" : "s",
				 diags.items[0].line, diags.items[0].message);
		else if (diags.n)
			snprintf(why, sizeof(why), "the file is not a valid bid (%zu error%s; first: "
						   "%s)",
				 diags.n_errors, diags.n_errors == 1 ? "" : "s",
				 diags.items[0].message);
		else
			snprintf(why, sizeof(why), "the file is not a valid bid");
		rc = bid_reject(r->rules, href, why, b);
		r->n_rejected++;
	}
	memcpy(b->sha256, sha, 32);
	b->hashed = readable;
	r->n_bids++;
	if (!rc && readable)
		rc = add_input(r, "bid", href, path, sha);
out:
	xml_doc_free(doc);
	diag_list_release(&diags);
	tender_free(path);
	return rc;
}

/* The days the tender lists as not working days (bank holidays), as day
 * numbers; dates the schema let through but that do not read as dates are
 * left out (competition_read has reported them). */
static long long *non_working_days(const xmlNode *root, size_t *n)
{
	const xmlNode *list = xml_child(root, BID_NS, "non-working-days");
	long long *days;
	size_t cap = 0;

	*n = 0;
	for (const xmlNode *d = xml_child(list, BID_NS, "day"); d; d = xml_next_same(d))
		cap++;
	days = tender_calloc(cap, sizeof(*days));
	for (const xmlNode *d = xml_child(list, BID_NS, "day"); days && d; d = xml_next_same(d)) {
		struct check_date date;
		long long year;
		char buf[80];

		if (xml_attr(d, "date", buf, sizeof(buf)) && check_date_parse(buf, &date) &&
		    check_date_year(&date, &year))
			days[(*n)++] = calendar_days(date.negative ? -year : year, date.month,
						     date.day);
	}
	return days;
}

static enum tender_status set_standstill(struct run *r, const xmlNode *root)
{
	long long y, *holidays;
	size_t n_holidays;
	int m, d;

	/* Read and range-checked with the tender (competition_read): the run
	 * stops before here on a standstill outside 1..365 days. */
	r->standstill_days = r->validator.tender.standstill_days;
	snprintf(r->decision_date, sizeof(r->decision_date), "%.10s", r->created);
	if (sscanf(r->created, "%lld-%d-%d", &y, &m, &d) != 3)
		return TENDER_OK;
	holidays = non_working_days(root, &n_holidays);
	if (!holidays)
		return TENDER_ERR_NOMEM;
	r->non_working_days = (long long)n_holidays;
	calendar_date(calendar_period_end(calendar_days(y, m, d), r->standstill_days, holidays,
					  n_holidays, &r->standstill_extended),
		      &y, &m, &d);
	tender_free(holidays);
	snprintf(r->standstill_ends, sizeof(r->standstill_ends), "%04lld-%02d-%02d", y, m, d);
	return TENDER_OK;
}

/* Two bids with one id, or one file listed twice, make the ranking
 * ambiguous: both get a problem, so neither is ranked on it. */
static enum tender_status mark_duplicates(struct run *r)
{
	for (size_t i = 0; i < r->n_bids; i++)
		for (size_t k = i + 1; k < r->n_bids; k++) {
			struct bid_result *a = &r->bids[i], *b = &r->bids[k];
			const char *what;

			if (strcmp(a->file, b->file) == 0)
				what = "the tender lists this file twice";
			else if (a->evaluated && b->evaluated && strcmp(a->id, b->id) == 0)
				what = "two bids have this id";
			else
				continue;
			if (bid_add_problem(a, "%s (%s and %s): each bid must appear once, with its "
					       "own id",
					    what, a->file, b->file) ||
			    bid_add_problem(b, "%s (%s and %s): each bid must appear once, with its "
					       "own id",
					    what, a->file, b->file))
				return TENDER_ERR_NOMEM;
		}
	return TENDER_OK;
}

static int has_bid(const struct run *r, const char *id)
{
	for (size_t i = 0; i < r->n_bids; i++)
		if (r->bids[i].id && strcmp(r->bids[i].id, id) == 0)
			return 1;
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

		if (!score && !moderated && !decision)
			continue;
		if (xml_attr_dup(s, "bid", &bid) ||
		    xml_attr_dup(s, score ? "evaluator" : decision ? "date" : "question", &a) ||
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
			else
				check_report(&c, s, severity, "bid-unknown",
					     "the decision of %s on flag %s concerns bid %s, but no "
					     "bid of the tender has that id%s",
					     a ? a : "", b ? b : "", bid, why);
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

enum tender_status run_evaluate(struct run *r, const char *tender_path,
				const struct run_options *o, struct tender_error *err)
{
	size_t max_bytes = o->max_bytes;
	run_report_fn report = o->report;
	void *ctx = o->report_ctx;
	struct diag_list diags;
	const xmlNode *root, *bids_el;
	unsigned char sha[32];
	struct eval_options opt = {0};
	enum tender_status rc;
	size_t n = 0;
	const char *slash;

	memset(r, 0, sizeof(*r));
	r->resolve = o->resolve ? o->resolve : beside;
	r->resolve_ctx = o->resolve_ctx;
	if (o->created)
		snprintf(r->created, sizeof(r->created), "%s", o->created);
	else if ((rc = run_timestamp(r->created, err)) != TENDER_OK)
		return rc;
	rc = validator_init(&r->validator, max_bytes, err);
	if (rc)
		return rc;
	diag_list_init(&diags);
	rc = validator_use_tender(&r->validator, tender_path, sha, &diags);
	if (report && diags.n)
		report(ctx, tender_path, &diags);
	diag_list_release(&diags);
	if (rc)
		return rc == TENDER_ERR_NOMEM ? rc : TENDER_ERR_INVALID;
	slash = strrchr(tender_path, '/');
	rc = add_input(r, "tender", slash ? slash + 1 : tender_path, tender_path, sha);
	if (rc)
		return rc;

	root = xml_doc_root(r->validator.tender_doc);
	r->decimals = r->validator.tender.decimals;
	rc = set_standstill(r, root);
	if (rc)
		return rc;
	r->tender_id = tender_strdup(r->validator.tender.id);
	r->tender_title = text_of(xml_child(root, BID_NS, "title"));
	r->commissioner = text_of(xml_child(root, BID_NS, "commissioner"));
	r->currency = tender_strdup(r->validator.tender.currency);
	if (!r->tender_id || !r->tender_title || !r->commissioner || !r->currency)
		return TENDER_ERR_NOMEM;

	rc = load_rules(r, tender_path, xml_child(root, BID_NS, "rules"), max_bytes, report, ctx);
	if (rc)
		return rc;
	for (size_t i = 0; i < r->rules->n_nodes; i++) {
		const struct rule_node *node = &r->rules->nodes[i];

		if (node->method == METHOD_PANEL &&
		    !competition_question(&r->validator.tender, node->question)) {
			char message[300];

			snprintf(message, sizeof(message),
				 "rule %s scores question %s, which the tender does not ask",
				 node->id, node->question);
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
	rc = mark_duplicates(r);
	if (rc)
		return rc;
	rc = evaluate_across(r->rules, r->bids, r->n_bids, r->decimals,
			     xml_doc_root(r->validator.tender_doc), r->has_panel ? &r->panel : NULL);
	return rc;
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
	}
	tender_free(r->inputs);
	panel_scores_release(&r->panel);
	xml_doc_free(r->panel_doc);
	ruleset_free(r->rules);
	validator_release(&r->validator);
	tender_free(r->tender_id);
	tender_free(r->tender_title);
	tender_free(r->commissioner);
	tender_free(r->currency);
	memset(r, 0, sizeof(*r));
}
