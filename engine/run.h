/*
 * run.h - one evaluation run of a tender: reads the tender description, its
 * rule set, the bids and the panel's scores it names (paths relative to the
 * tender file), evaluates every bid (evaluate.h), and keeps what the result
 * document records: each input's SHA-256, the rule set, the results.
 *
 * Each input is read once (input.h) and its bytes kept: the store records
 * those bytes, never the file read again. The panel's scores and the bids
 * must lie in the tender's folder, or in a folder the tender names
 * (<allow-outside folder="..."/>) or the caller allows; one elsewhere (by
 * "..", an absolute path or a symbolic link) stops the run with an error at
 * its reference in the tender. The rule set, the commissioner's published
 * policy, may be anywhere. A re-run reads no file at all: the tender and
 * every input come from memory (run_options.tender and fetch).
 *
 * A bid that cannot be read or is invalid is reported and kept as not
 * evaluated; the others are still evaluated.
 */
#ifndef TENDER_RUN_H
#define TENDER_RUN_H

#include "evaluation.h"
#include "validate.h"

/* Receives the findings about one file as they are made. */
typedef void (*run_report_fn)(void *ctx, const char *path, const struct diag_list *diags);

/* Supplies the input the tender names by href in the given role ("rules",
 * "panel-scores", "bid") when a run reads no files (a re-run from stored
 * bytes): fills *out (the run takes it: input_release) and returns
 * TENDER_OK, or TENDER_ERR_IO with err when there is no such input, or
 * TENDER_ERR_NOMEM. */
typedef enum tender_status (*run_fetch_fn)(void *ctx, const char *role, const char *href,
					   struct input *out, struct tender_error *err);

struct run_options {
	size_t max_bytes;
	run_report_fn report; /* may be NULL */
	void *report_ctx;
	const char *created; /* the time to record; NULL: SOURCE_DATE_EPOCH or now */
	/* A re-run: the tender's bytes (borrowed; tender_path is then only its
	 * name) and where the inputs it names come from. Both NULL: the files
	 * are read, each href joined to the tender file's folder. */
	const struct input *tender;
	run_fetch_fn fetch;
	void *fetch_ctx;
	/* Folders the panel's scores and the bids may come from besides the
	 * tender's own folder and those the tender names (<allow-outside>):
	 * `tender evaluate --allow-outside DIR`. Borrowed. One that is no
	 * folder (input_is_folder) stops the run: TENDER_ERR_USAGE, err names
	 * it. */
	const char *const *allow_outside;
	size_t n_allow_outside;
};

/* A run owns everything in it: the rule set, the panel's scores, the bid
 * results, the inputs' bytes, the tender's texts. What its outputs read is
 * its record (run_record), which borrows from it; the rest is the run's
 * working state. */
struct run {
	struct validator validator; /* holds the tender description */
	struct ruleset *rules;
	struct panel_scores panel;
	int has_panel;
	/* The panel's scores file, kept until the bids are read: the bid ids
	 * it names are checked against theirs, at the line of each entry. */
	struct xml_doc *panel_doc;
	int decimals;
	struct bid_result *bids;
	size_t n_bids;
	struct evaluation_input *inputs;
	size_t n_inputs;
	char *tender_id, *tender_title, *commissioner, *currency;
	char created[32]; /* UTC, ISO 8601 */
	run_fetch_fn fetch;
	void *fetch_ctx;
	size_t max_bytes;
	struct input_roots roots; /* where the panel's scores and bids may be */
	size_t n_rejected; /* bids that could not be evaluated */
};

/* Evaluates the tender at tender_path. opt->report (may be NULL) gets each
 * file's findings. Returns TENDER_OK (even when bids were rejected: see
 * n_rejected), TENDER_ERR_INVALID when the tender, rule set or panel scores
 * are unusable (reported; among them a score, moderated score or decision
 * for a bid id that no bid of the tender has, unless a bid file could not
 * be read: its id is then unknown, and that is a warning), TENDER_ERR_USAGE for a malformed
 * SOURCE_DATE_EPOCH (in err), TENDER_ERR_NOMEM. r is valid for run_release
 * whatever is returned. */
enum tender_status run_evaluate(struct run *r, const char *tender_path,
				const struct run_options *opt, struct tender_error *err);
void run_release(struct run *r);

/* The record of run r, everything its outputs are made from: borrowed from
 * r (valid until run_release, or until r changes), owning nothing. Complete
 * (evaluation_complete) when run_evaluate returned TENDER_OK. */
struct evaluation run_record(const struct run *r);

/* The time recorded in outputs: SOURCE_DATE_EPOCH when set (digits only,
 * else TENDER_ERR_USAGE), otherwise now; as "2027-04-01T09:30:00Z". */
enum tender_status run_timestamp(char out[32], struct tender_error *err);

/* The latest time run_time_text writes: 9999-12-31T23:59:59Z. */
#define RUN_LATEST_SECONDS 253402300799LL

/* seconds since 1970-01-01 UTC as "2027-04-01T09:30:00Z": 1, or 0 (out
 * untouched) when seconds is not between 0 and RUN_LATEST_SECONDS. */
int run_time_text(long long seconds, char out[32]);

#endif
