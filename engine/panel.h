/*
 * panel.h - the panel's scores (panel.xml): checks beyond the schema.
 * Moderation itself belongs to the evaluation; here a panel secretary
 * learns whether the file refers to evaluators and questions that exist.
 */
#ifndef TENDER_PANEL_H
#define TENDER_PANEL_H

#include "competition.h"
#include "strbuf.h"

/* Checks a schema-valid <panel-scores> document; with a tender description
 * (t may be NULL) also checks the tender id, and that every evaluator and
 * question named exists in the tender. Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status panel_check(const struct xml_doc *doc, const struct competition *t,
			       const struct xml_doc *tender_doc, struct diag_list *diags);

/* One evaluator's score of one bid on one question. */
struct panel_score {
	char *evaluator, *bid, *question, *note;
	double value;
};

/* The panel's agreed score of one bid on one question. */
struct panel_moderated {
	char *bid, *question, *agreed_by, *note;
	double value;
};

struct panel_scores {
	struct panel_score *scores;
	size_t n_scores;
	struct panel_moderated *moderated;
	size_t n_moderated;
};

/* Reads a schema-valid <panel-scores> document into ps (initialised here).
 * Returns TENDER_OK or TENDER_ERR_NOMEM (ps is then released). */
enum tender_status panel_read(const struct xml_doc *doc, struct panel_scores *ps);
void panel_scores_release(struct panel_scores *ps);

/* The panel's score of bid on question: the moderated score when there is
 * one, otherwise the median (mean when use_mean) of the evaluators' scores.
 * Appends how it was found to how (e.g. "E1 4, E2 5, E3 4: median 4").
 * Returns the number of scores used (1 for a moderated score), 0 when there
 * is none. */
int panel_moderate(const struct panel_scores *ps, const char *bid, const char *question,
		   int use_mean, double *value, struct strbuf *how);

#endif
