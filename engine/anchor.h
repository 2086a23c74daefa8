/*
 * anchor.h - a store checked against the signed manifest of one of its
 * evaluations: the anchor outside the store. The audit chain (audit.h)
 * shows that rows were changed after they were chained, but whoever can
 * write the store can rebuild the chain; the manifest, signed when the
 * evaluation was made and kept elsewhere, records the evaluation's id, the
 * chain head after it and the hash of every input and output, which no
 * rebuilt store can match.
 */
#ifndef TENDER_ANCHOR_H
#define TENDER_ANCHOR_H

#include "manifest.h"
#include "store.h"

/* Receives one finding, in words for an auditor. */
typedef void (*anchor_report_fn)(void *ctx, const char *finding);

/* Compares the store with what the manifest claims (claims borrowed): that
 * the evaluation it names is stored; that the audit row of that evaluation
 * has the chain head it records (a rebuilt chain, a spliced or replaced
 * evaluation, another store, all give another); that the stored tender,
 * time, engine, inputs (role, path, SHA-256, in order) and evaluation.xml
 * are those it records; that the store's high-water mark has not gone
 * below it. Each difference goes to report and is counted in *findings.
 * Texts from the manifest are printed escaped. Returns TENDER_OK when the
 * check ran, TENDER_ERR_DB or TENDER_ERR_NOMEM. */
enum tender_status anchor_check(struct store *s, const struct manifest_claims *claims,
				anchor_report_fn report, void *ctx, long long *findings,
				struct tender_error *err);

#endif
