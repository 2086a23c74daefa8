/*
 * evaluation.h - the record of one evaluation: what every output of it is
 * made from (evaluation.xml: result.h; the store's rows: store.h; the
 * manifest: manifest.h; the auditor's comparison: audit.h), and nothing of
 * the working state of the run that made it (its validator, the panel's
 * document, where its inputs come from, its limits: run.h).
 *
 * Ownership: a struct evaluation owns nothing. Every pointer in it is
 * borrowed from whoever made it (a struct run: run_record), read-only, and
 * valid as long as that maker is and is not changed; the counts and dates
 * are copies. Nothing that takes a `const struct evaluation *` frees or
 * changes anything it reaches through it.
 */
#ifndef TENDER_EVALUATION_H
#define TENDER_EVALUATION_H

#include "evaluate.h"
#include "regime.h"
#include "standstill.h"
#include "xml.h"

/* An input of the evaluation: what it is, how the tender names it, and the
 * bytes that were hashed, parsed and are stored (read once: nothing reads
 * the file again). Its maker owns the strings and the bytes. */
struct evaluation_input {
	char *role; /* tender, rules, panel-scores, bid */
	char *path; /* as the tender names it (the tender: its file name) */
	char *file; /* the file that was read, or the stored path: a label */
	unsigned char sha256[32];
	char *data; /* the bytes */
	size_t size;
};

struct evaluation {
	/* The tender, as its description says. */
	const char *tender_id, *tender_title, *commissioner, *currency;
	int decimals;          /* of the currency */
	const xmlNode *contact; /* the tender's <contact>, or NULL */
	const char *created;   /* UTC, ISO 8601: the time recorded */
	/* The regime the award is made under, the date its notice is published
	 * or sent, and the standstill period counted from it (standstill.h). */
	enum regime regime;
	const char *notice_date;
	const struct standstill *standstill;
	/* The tender's <services> and <decision-makers>, or NULL. */
	const xmlNode *services, *decision_makers;
	const struct ruleset *rules;
	/* The panel's scores and decision makers; NULL when the tender names
	 * no panel scores (then no bid has a panel record). */
	const struct panel_scores *panel;
	const struct bid_result *bids; /* in canonical order (by id, then file) */
	size_t n_bids;
	const struct evaluation_input *inputs; /* in the order they were read */
	size_t n_inputs;
	size_t n_rejected; /* bids that could not be evaluated */
};

/* Whether ev holds everything an output records: the tender's id, title,
 * commissioner and currency, the time, the regime, notice and standstill,
 * a rule set, every input's role, path and bytes, and its bids. A run that
 * returned TENDER_OK gives such a record; the outputs assert it. */
int evaluation_complete(const struct evaluation *ev);

/* Lower-case hex of a SHA-256 (65 bytes with the NUL). */
void sha256_hex(const unsigned char sha256[32], char out[65]);

#endif
