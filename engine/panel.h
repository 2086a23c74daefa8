/*
 * panel.h - the panel's scores (panel.xml): checks beyond the schema.
 * Moderation itself belongs to the evaluation; here a panel secretary
 * learns whether the file refers to evaluators and questions that exist.
 */
#ifndef TENDER_PANEL_H
#define TENDER_PANEL_H

#include "competition.h"

/* Checks a schema-valid <panel-scores> document; with a tender description
 * (t may be NULL) also checks the tender id, and that every evaluator and
 * question named exists in the tender. Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status panel_check(const struct xml_doc *doc, const struct competition *t,
			       const struct xml_doc *tender_doc, struct diag_list *diags);

#endif
