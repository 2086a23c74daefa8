/*
 * result.h - the result document, evaluation.xml (namespace
 * urn:tender:evaluation:1, schema reports/schema/evaluation.xsd): the
 * canonical record of an evaluation. Inputs and their SHA-256, the rule set,
 * every gate, score with its explanation, flag, total and rank. Reports are
 * views of it.
 *
 * The same run gives the same bytes: bids in rank order then by id, numbers
 * printed in the C locale with full precision, no dependence on time zone or
 * directory order; the only clock is run.created (SOURCE_DATE_EPOCH).
 */
#ifndef TENDER_RESULT_H
#define TENDER_RESULT_H

#include "run.h"

#define EVALUATION_NS "urn:tender:evaluation:1"

/* Serialises the run; *out (caller frees with tender_free) holds *size
 * bytes. Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status result_serialise(const struct run *r, char **out, size_t *size);

/* The bids in report order (ranked by rank then id, then the others by
 * id; equal ids by file): fills order with n_bids indexes. */
void result_order(const struct run *r, size_t *order);

#endif
