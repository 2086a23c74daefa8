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
#include "holidays.h"
#include "regime.h"
#include "standstill.h"

#include <stdint.h>

#define BID_NS "urn:tender:bid:1"

/* The documented ranges of a tender's numeric facts (README, "Input
 * limits"); competition_read reports a value outside them as an error (code
 * "range"), so that validate, check and evaluate all refuse it. */
#define TENDER_CONTRACT_YEARS_MAX 25         /* contract/@years, from 1 (bids price each) */
#define TENDER_POPULATION_MAX 10000000000LL  /* <population>, from 1 */
#define TENDER_YEAR_MIN 1900                 /* the year of every date of the tender */
#define TENDER_YEAR_MAX 2200

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
	long long population;      /* 0 when unreadable or out of range */
	long long contract_years;  /* 0 when unreadable or out of range */
	enum regime regime;        /* REGIME_NONE when not declared (an error) */
	char *notice_date;         /* YYYY-MM-DD once read as a date; else as written */
	/* The tender's <non-working-days>, with their names (owned). */
	struct standstill_extra_day *extra_days;
	size_t n_extra_days;
	/* The standstill period after the notice, counted when the regime and
	 * notice date are sound (has_standstill); its skipped days borrow from
	 * holidays and extra_days. */
	struct holidays holidays;
	struct standstill standstill;
	int has_standstill;
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
 * budget amounts, the regime and its notice date (and counts the standstill
 * period), contract years, population and the year
 * of every date within the ranges above, contract dates in order and
 * consistent with the number of years (end is the day before the years-th
 * anniversary of start), annual budget × years covering the total, market
 * shares adding up to at most 100%. Findings go to diags; returns TENDER_OK or
 * TENDER_ERR_NOMEM. t is valid for competition_release either way. */
enum tender_status competition_read(const struct xml_doc *doc, struct competition *t,
				    struct diag_list *diags);

void competition_release(struct competition *t);

/* The question with this id, or NULL. */
const struct question *competition_question(const struct competition *t, const char *id);

#endif
