/*
 * competition.h - the tender description (tender.xml): the competition that
 * bids answer. Holds the facts other checks and the evaluation need: id,
 * currency, population, contract term, budget envelope, the quality
 * questions, the incumbents' market shares, the panel, and where the rule
 * set, bids and panel scores are.
 */
#ifndef TENDER_COMPETITION_H
#define TENDER_COMPETITION_H

#include "check.h"

#include <stdint.h>

#define BID_NS "urn:tender:bid:1"

struct question {
	char *id;
	char *title;
};

/* An incumbent provider's share of the market before the award. */
struct market_share {
	char *provider;
	int64_t pct; /* hundredths of a percent: 38.50% is 3850 */
};

struct competition {
	char *id;
	char currency[4];
	int decimals;              /* of the currency */
	long long population;
	long long contract_years;
	char *contract_start, *contract_end; /* as written, whole ("" when unreadable) */
	int64_t budget_annual_max; /* minor units */
	int64_t budget_total_max;  /* minor units */
	struct question *questions;
	size_t n_questions;
	struct market_share *market; /* in the tender's order */
	size_t n_market;
};

/* Reads the facts of a schema-valid <tender> document into t (which the
 * function initialises) and checks what the schema cannot: known currency,
 * budget amounts, contract dates in order and consistent with the number of
 * years, annual budget × years covering the total, market shares adding up
 * to at most 100%. Findings go to diags; returns TENDER_OK or
 * TENDER_ERR_NOMEM. t is valid for competition_release either way. */
enum tender_status competition_read(const struct xml_doc *doc, struct competition *t,
				    struct diag_list *diags);

void competition_release(struct competition *t);

/* The question with this id, or NULL. */
const struct question *competition_question(const struct competition *t, const char *id);

#endif
