/*
 * api.c - the public API of tender.h on top of the engine's own modules:
 * evaluating a tender (run.h), its evaluation document (result.h), the
 * store (store.h) and its verification (audit.h).
 *
 * An evaluation handle keeps the run it came from and, made once when the
 * run ends, a copy of what the accessors return: each bid in report order
 * with its totals and reasons as text, its scores and flags. Every read of
 * the engine's records (struct evaluation, struct bid_result, struct
 * ruleset) is in the section "Reading the record" below, and nowhere
 * else, so that the accessors do not change when those records do.
 */
#include "tender.h"

#include "alloc.h"
#include "audit.h"
#include "error.h"
#include "result.h"
#include "run.h"
#include "store.h"
#include "strbuf.h"
#include "xml.h"

#include <string.h>



struct tender_score {
	const char *criterion_id, *title, *state, *explanation; /* the run's */
	struct number_text points, maximum;
	double points_value;
};

struct tender_flag {
	const char *id, *title, *severity, *cite, *message; /* the run's */
};

struct tender_bid {
	const char *id, *bidder, *file; /* the run's */
	int evaluated, compliant, rank, tied;
	struct number_text total;
	double total_value;
	char **reasons; /* owned */
	size_t n_reasons;
	struct tender_score *scores; /* owned */
	size_t n_scores;
	struct tender_flag *flags; /* owned */
	size_t n_flags;
};

struct tender_evaluation {
	struct run run;
	struct evaluation ev; /* the run's record (run_record): borrows from run */
	const char *tender_id, *tender_title, *created, *ruleset_id, *ruleset_version;
	struct number_text scale;
	struct tender_bid *bids; /* owned, in report order */
	size_t n_bids;
	char *xml; /* evaluation.xml, made on demand; owned */
	size_t xml_size;
};

struct tender_store {
	struct store *store;
	int read_only;
};

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static enum tender_status out_of_memory(struct tender_error *err)
{
	return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
}

/* ---------------------------------------------------------------------- */
/* Reading the record: the only functions that know struct evaluation,
 * struct bid_result and struct ruleset. */

static void describe_evaluation(tender_evaluation *e)
{
	const struct evaluation *ev = &e->ev;

	e->tender_id = or_empty(ev->tender_id);
	e->tender_title = or_empty(ev->tender_title);
	e->created = ev->created;
	e->ruleset_id = or_empty(ev->rules->id);
	e->ruleset_version = or_empty(ev->rules->version);
	e->scale = points_exact(ev->rules->scale);
}

static size_t evaluation_bid_count(const struct evaluation *ev)
{
	return ev->n_bids;
}

static void describe_bid(const struct bid_result *b, struct tender_bid *out)
{
	out->id = or_empty(b->id);
	out->bidder = or_empty(b->bidder);
	out->file = or_empty(b->file);
	out->evaluated = b->evaluated;
	out->compliant = b->compliant;
	out->rank = b->rank;
	out->tied = b->rank ? b->tied : 0;
	out->total = points_exact(b->total);
	out->total_value = points_double(b->total);
}

/* Appends a copy of reason to the bid's reasons (bid_reasons). */
static int add_reason(void *ctx, const char *reason)
{
	struct tender_bid *out = ctx;
	char **grown = tender_realloc(out->reasons, (out->n_reasons + 1) * sizeof(*grown));

	if (!grown)
		return 0;
	out->reasons = grown;
	if (!(grown[out->n_reasons] = tender_strdup(reason)))
		return 0;
	out->n_reasons++;
	return 1;
}

/* One score per rule set node, as evaluation.xml writes them: none for a
 * bid that was not evaluated. */
static enum tender_status list_scores(const struct evaluation *ev, const struct bid_result *b,
				      struct tender_bid *out)
{
	const struct ruleset *rs = ev->rules;

	if (!b->evaluated || rs->n_nodes == 0)
		return TENDER_OK;
	if (!(out->scores = tender_calloc(rs->n_nodes, sizeof(*out->scores))))
		return TENDER_ERR_NOMEM;
	out->n_scores = rs->n_nodes;
	for (size_t i = 0; i < rs->n_nodes; i++) {
		const struct rule_node *n = &rs->nodes[i];
		const struct score *s = &b->scores[i];

		out->scores[i] = (struct tender_score){
		    .criterion_id = or_empty(n->id),
		    .title = or_empty(n->title),
		    .state = score_state_str(n, s),
		    .explanation = or_empty(s->explanation),
		    .points = points_exact(s->points),
		    .maximum = points_exact(n->points),
		    .points_value = points_double(s->points),
		};
	}
	return TENDER_OK;
}

static enum tender_status list_flags(const struct evaluation *ev, const struct bid_result *b,
				     struct tender_bid *out)
{
	const struct ruleset *rs = ev->rules;

	if (b->n_flags == 0)
		return TENDER_OK;
	if (!(out->flags = tender_calloc(b->n_flags, sizeof(*out->flags))))
		return TENDER_ERR_NOMEM;
	out->n_flags = b->n_flags;
	for (size_t i = 0; i < b->n_flags; i++) {
		const struct flag *f = &rs->flags[b->flags[i].flag];

		out->flags[i] = (struct tender_flag){
		    .id = or_empty(f->id),
		    .title = or_empty(f->title),
		    .severity = severity_str(f->severity),
		    .cite = or_empty(f->cite),
		    .message = or_empty(b->flags[i].message),
		};
	}
	return TENDER_OK;
}

/* The bid at position `place` of the report order into out. */
static enum tender_status copy_bid(const struct evaluation *ev, const size_t *order, size_t place,
				   struct tender_bid *out)
{
	const struct bid_result *b = &ev->bids[order[place]];
	enum tender_status rc;

	describe_bid(b, out);
	if ((rc = bid_reasons(ev->rules, b, add_reason, out)) || (rc = list_scores(ev, b, out)))
		return rc;
	return list_flags(ev, b, out);
}

/* ---------------------------------------------------------------------- */
/* Evaluating */

/* Carries the caller's diagnostic callback, and keeps the first error
 * found so that a failed evaluation can say why in its tender_error. */
struct diagnostic_relay {
	tender_diagnostic_fn fn;
	void *ctx;
	struct tender_error first_error;
};

static void relay_diagnostics(void *ctx, const char *path, const struct diag_list *diags)
{
	struct diagnostic_relay *relay = ctx;

	for (size_t i = 0; i < diags->n; i++) {
		const struct diag *d = &diags->items[i];
		struct tender_diagnostic pub = {path,
						d->line,
						d->column,
						diag_severity_str(d->severity),
						or_empty(d->code),
						or_empty(d->message)};

		if (d->severity == DIAG_ERROR && relay->first_error.status == TENDER_OK)
			error_set(&relay->first_error, TENDER_ERR_INVALID, pub.code, path, d->line,
				  d->column, "%s", pub.message);
		if (relay->fn)
			relay->fn(relay->ctx, &pub);
	}
}

/* The options as run.h takes them, checked the way `tender evaluate`
 * checks its command line. created receives the time to record when the
 * caller fixes it. */
static enum tender_status check_options(const struct tender_evaluate_options *o,
					struct run_options *ro, char created[32],
					struct tender_error *err)
{
	ro->max_bytes = o->max_input_bytes ? o->max_input_bytes : XML_DEFAULT_MAX_BYTES;
	if (ro->max_bytes > INPUT_MAX_BYTES)
		return error_set(err, TENDER_ERR_USAGE, "max-size", NULL, 0, 0,
				 "max_input_bytes %zu is above the limit of 2 GiB",
				 o->max_input_bytes);
	if (o->n_allow_outside && !o->allow_outside)
		return error_set(err, TENDER_ERR_USAGE, "allow-outside", NULL, 0, 0,
				 "n_allow_outside is %zu but allow_outside is NULL",
				 o->n_allow_outside);
	for (size_t i = 0; i < o->n_allow_outside; i++) {
		if (!input_is_folder(o->allow_outside[i]))
			return error_set(
			    err, TENDER_ERR_USAGE, "allow-outside", o->allow_outside[i], 0, 0,
			    "allow_outside %s: not a folder", or_empty(o->allow_outside[i]));
	}
	ro->allow_outside = o->allow_outside;
	ro->n_allow_outside = o->n_allow_outside;
	if (o->use_created_epoch) {
		if (!run_time_text(o->created_epoch, created))
			return error_set(err, TENDER_ERR_USAGE, "created-epoch", NULL, 0, 0,
					 "created_epoch %lld is not a time from 1970 to 9999",
					 o->created_epoch);
		ro->created = created;
	}
	return TENDER_OK;
}

/* What the accessors return, copied from the run once. */
static enum tender_status copy_bids(tender_evaluation *e)
{
	size_t n = evaluation_bid_count(&e->ev), *order;
	enum tender_status rc = TENDER_OK;

	describe_evaluation(e);
	if (n == 0)
		return TENDER_OK;
	order = tender_calloc(n, sizeof(*order));
	e->bids = tender_calloc(n, sizeof(*e->bids));
	if (!order || !e->bids) {
		tender_free(order);
		return TENDER_ERR_NOMEM;
	}
	e->n_bids = n;
	result_order(&e->ev, order);
	for (size_t i = 0; i < n && !rc; i++)
		rc = copy_bid(&e->ev, order, i, &e->bids[i]);
	tender_free(order);
	return rc;
}

enum tender_status tender_evaluate(const char *tender_path,
				   const struct tender_evaluate_options *options,
				   tender_evaluation **out, struct tender_error *err)
{
	static const struct tender_evaluate_options defaults = {0};
	const struct tender_evaluate_options *o = options ? options : &defaults;
	struct diagnostic_relay relay = {o->diagnostic, o->diagnostic_ctx, {0}};
	struct run_options ro = {.report = relay_diagnostics, .report_ctx = &relay};
	char created[32];
	tender_evaluation *e;
	enum tender_status rc;

	error_clear(err);
	*out = NULL;
	if (!tender_path)
		return error_set(err, TENDER_ERR_USAGE, "usage", NULL, 0, 0, "no tender file");
	if ((rc = check_options(o, &ro, created, err)))
		return rc;
	if (!(e = tender_calloc(1, sizeof(*e))))
		return out_of_memory(err);
	rc = run_evaluate(&e->run, tender_path, &ro, err);
	if (rc == TENDER_OK) {
		e->ev = run_record(&e->run);
		rc = copy_bids(e);
	}
	if (rc) {
		if (rc == TENDER_ERR_INVALID && relay.first_error.status && err)
			*err = relay.first_error;
		else if (rc == TENDER_ERR_INVALID)
			error_set(err, rc, "invalid", tender_path, 0, 0,
				  "the tender, its rule set or the panel's scores cannot be used");
		else if (rc == TENDER_ERR_NOMEM)
			out_of_memory(err);
		else if (err && err->status == TENDER_OK)
			error_set(err, rc, "evaluate", tender_path, 0, 0, "%s",
				  tender_status_str(rc));
		tender_evaluation_free(e);
		return rc;
	}
	*out = e;
	return TENDER_OK;
}

static void release_bid(struct tender_bid *b)
{
	for (size_t i = 0; i < b->n_reasons; i++)
		tender_free(b->reasons[i]);
	tender_free(b->reasons);
	tender_free(b->scores);
	tender_free(b->flags);
}

void tender_evaluation_free(tender_evaluation *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n_bids; i++)
		release_bid(&e->bids[i]);
	tender_free(e->bids);
	tender_free(e->xml);
	run_release(&e->run);
	tender_free(e);
}

enum tender_status tender_evaluation_xml(tender_evaluation *e, const char **xml, size_t *size,
					 struct tender_error *err)
{
	error_clear(err);
	if (!e->xml && result_serialise(&e->ev, &e->xml, &e->xml_size) != TENDER_OK) {
		e->xml = NULL;
		return out_of_memory(err);
	}
	*xml = e->xml;
	*size = e->xml_size;
	return TENDER_OK;
}

/* ---------------------------------------------------------------------- */
/* Accessors */

const char *tender_evaluation_tender_id(const tender_evaluation *e)
{
	return e->tender_id;
}
const char *tender_evaluation_tender_title(const tender_evaluation *e)
{
	return e->tender_title;
}
const char *tender_evaluation_created(const tender_evaluation *e)
{
	return e->created;
}
const char *tender_evaluation_ruleset_id(const tender_evaluation *e)
{
	return e->ruleset_id;
}
const char *tender_evaluation_ruleset_version(const tender_evaluation *e)
{
	return e->ruleset_version;
}
const char *tender_evaluation_scale(const tender_evaluation *e)
{
	return e->scale.s;
}
size_t tender_evaluation_bid_count(const tender_evaluation *e)
{
	return e->n_bids;
}

const tender_bid *tender_evaluation_bid(const tender_evaluation *e, size_t index)
{
	return index < e->n_bids ? &e->bids[index] : NULL;
}

const char *tender_bid_id(const tender_bid *b)
{
	return b->id;
}
const char *tender_bid_bidder(const tender_bid *b)
{
	return b->bidder;
}
const char *tender_bid_file(const tender_bid *b)
{
	return b->file;
}
int tender_bid_evaluated(const tender_bid *b)
{
	return b->evaluated;
}
int tender_bid_compliant(const tender_bid *b)
{
	return b->compliant;
}
int tender_bid_rank(const tender_bid *b)
{
	return b->rank;
}
int tender_bid_tied(const tender_bid *b)
{
	return b->tied;
}
const char *tender_bid_total(const tender_bid *b)
{
	return b->total.s;
}
double tender_bid_total_value(const tender_bid *b)
{
	return b->total_value;
}
size_t tender_bid_reason_count(const tender_bid *b)
{
	return b->n_reasons;
}

const char *tender_bid_reason(const tender_bid *b, size_t index)
{
	return index < b->n_reasons ? b->reasons[index] : NULL;
}

size_t tender_bid_score_count(const tender_bid *b)
{
	return b->n_scores;
}

const tender_score *tender_bid_score(const tender_bid *b, size_t index)
{
	return index < b->n_scores ? &b->scores[index] : NULL;
}

size_t tender_bid_flag_count(const tender_bid *b)
{
	return b->n_flags;
}

const tender_flag *tender_bid_flag(const tender_bid *b, size_t index)
{
	return index < b->n_flags ? &b->flags[index] : NULL;
}

const char *tender_score_criterion_id(const tender_score *s)
{
	return s->criterion_id;
}
const char *tender_score_title(const tender_score *s)
{
	return s->title;
}
const char *tender_score_state(const tender_score *s)
{
	return s->state;
}
const char *tender_score_points(const tender_score *s)
{
	return s->points.s;
}
double tender_score_points_value(const tender_score *s)
{
	return s->points_value;
}
const char *tender_score_maximum(const tender_score *s)
{
	return s->maximum.s;
}
const char *tender_score_explanation(const tender_score *s)
{
	return s->explanation;
}

const char *tender_flag_id(const tender_flag *f)
{
	return f->id;
}
const char *tender_flag_title(const tender_flag *f)
{
	return f->title;
}
const char *tender_flag_severity(const tender_flag *f)
{
	return f->severity;
}
const char *tender_flag_cite(const tender_flag *f)
{
	return f->cite;
}
const char *tender_flag_message(const tender_flag *f)
{
	return f->message;
}

/* ---------------------------------------------------------------------- */
/* The store */

enum tender_status tender_store_open(const char *path, enum tender_store_mode mode,
				     tender_store **out, struct tender_error *err)
{
	tender_store *s;
	enum tender_status rc;

	error_clear(err);
	*out = NULL;
	if (!path || (mode != TENDER_STORE_READ_WRITE && mode != TENDER_STORE_READ_ONLY))
		return error_set(err, TENDER_ERR_USAGE, "usage", path, 0, 0,
				 "no store path, or an unknown mode");
	if (!(s = tender_calloc(1, sizeof(*s))))
		return out_of_memory(err);
	s->read_only = mode == TENDER_STORE_READ_ONLY;
	if ((rc = store_open(path, s->read_only, &s->store, err))) {
		tender_free(s);
		return rc;
	}
	*out = s;
	return TENDER_OK;
}

void tender_store_free(tender_store *s)
{
	if (!s)
		return;
	store_close(s->store);
	tender_free(s);
}

enum tender_status tender_store_record(tender_store *s, tender_evaluation *e,
				       long long *evaluation_id, struct tender_error *err)
{
	const char *xml = NULL;
	size_t size = 0;
	enum tender_status rc;

	error_clear(err);
	if (s->read_only)
		return error_set(err, TENDER_ERR_USAGE, "store-read-only", NULL, 0, 0,
				 "the store was opened read-only: cannot record an evaluation");
	if ((rc = tender_evaluation_xml(e, &xml, &size, err)))
		return rc;
	return audit_record(s->store, &e->ev, xml, size, evaluation_id, err);
}

struct finding_relay {
	tender_finding_fn fn;
	void *ctx;
};

static void relay_finding(void *ctx, const char *finding)
{
	const struct finding_relay *relay = ctx;

	if (relay->fn)
		relay->fn(relay->ctx, finding);
}

enum tender_status tender_store_verify(tender_store *s, long long evaluation_id,
				       tender_finding_fn finding, void *ctx,
				       struct tender_verify_counts *counts,
				       struct tender_error *err)
{
	struct finding_relay relay = {finding, ctx};
	struct audit_counts found = {0};
	enum tender_status rc;

	error_clear(err);
	if (evaluation_id < 0)
		return error_set(err, TENDER_ERR_USAGE, "usage", NULL, 0, 0,
				 "evaluation %lld: ids start at 1 (0: every evaluation)",
				 evaluation_id);
	rc = audit_verify(s->store, evaluation_id, relay_finding, &relay, &found, err);
	if (counts)
		*counts = (struct tender_verify_counts){found.evaluations, found.blobs,
							found.audit_rows, found.findings};
	return rc;
}
