/*
 * regime_check.h - a rule set checked against the regime of the award: the
 * key criteria of the Provider Selection Regime 2023 (reg 5), and the
 * instruments its rules cite, in force on the notice date or not (the
 * shipped table law/instruments.csv). `rules lint` and `evaluate` report
 * what these find; sources in law/README.md.
 */
#ifndef TENDER_REGIME_CHECK_H
#define TENDER_REGIME_CHECK_H

#include "diag.h"
#include "regime.h"
#include "ruleset.h"

/* Under pa-2023: no abnormally-low flag excludes a bid by itself (s.19(4):
 * the supplier is heard first; an error for each that does).
 * Under psr-2023: each key criterion of reg 5 is answered by a criterion
 * or group (an error for each that is not), the rule set justifies their
 * relative importance (<key-criteria><justification>, an error without),
 * and social value weighs at least 10% of the scale (a warning below).
 * The legacy regimes ask nothing here. Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status regime_check_rules(const struct ruleset *rs, enum regime regime,
				      struct diag_list *diags);

/* A warning for each rule whose citation names an instrument not in force
 * on notice_date (YYYY-MM-DD): not yet in force, or one under which no new
 * procurement may be begun by then, unless it is the law of the award's
 * own regime. Returns TENDER_OK, TENDER_ERR_NOMEM, or TENDER_ERR_INVALID
 * when the table compiled in cannot be read (a test guards it). */
enum tender_status regime_check_citations(const struct ruleset *rs, enum regime regime,
					  const char *notice_date, struct diag_list *diags);

/* Everything above for the award the rule set is used in: an error when
 * the rule set is written for another regime than the award's; what the
 * award's regime asks of the rule set, as errors when the rule set declares
 * that regime or when strict (`rules lint --tender`), else as warnings
 * (`evaluate` with a rule set that declares no regime); the citations on
 * the notice date. Returns as regime_check_citations. */
enum tender_status regime_check_tender(const struct ruleset *rs, enum regime regime,
				       const char *notice_date, int strict,
				       struct diag_list *diags);

#endif
