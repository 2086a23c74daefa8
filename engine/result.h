/*
 * result.h - the result document, evaluation.xml (namespace
 * urn:tender:evaluation:1, schema reports/schema/evaluation.xsd): the
 * canonical record of an evaluation. Inputs and their SHA-256, the rule set,
 * every gate, score with its explanation, flag, total and rank. Reports are
 * views of it.
 *
 * The same run gives the same bytes: bids in rank order then by id, numbers
 * printed in the C locale with full precision, no dependence on time zone or
 * directory order; the only clock is the record's created time
 * (SOURCE_DATE_EPOCH).
 */
#ifndef TENDER_RESULT_H
#define TENDER_RESULT_H

#include "evaluation.h"

#define EVALUATION_NS "urn:tender:evaluation:1"

/* Serialises the evaluation ev (borrowed; complete: evaluation_complete);
 * *out (caller frees with tender_free) holds *size bytes. Returns
 * TENDER_OK or TENDER_ERR_NOMEM (then *out is NULL). */
enum tender_status result_serialise(const struct evaluation *ev, char **out, size_t *size);

/* The bids in report order (ranked by rank then id, then the others by
 * id; equal ids by file): fills order with n_bids indexes. */
void result_order(const struct evaluation *ev, size_t *order);

#endif
