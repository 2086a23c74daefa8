/*
 * names.h - comparing organisation names as people write them: the one
 * comparison every detector uses when it asks whether two names are one
 * organisation (panel conflicts, market shares, identical prices, shared
 * text, bids claiming one id). Names come back with other capitals,
 * punctuation, initials, spaces or legal form; a bidder must not dodge a
 * flag by writing its name another way.
 */
#ifndef TENDER_NAMES_H
#define TENDER_NAMES_H

#include "tender.h"

#include <stddef.h>

/* The key of an organisation name, into *key (a new string; caller frees
 * with tender_free), after the "same as" rules of Companies House (The
 * Company, Limited Partnership and Business (Names and Trading Disclosures)
 * Regulations 2015, Schedule 3): the name's words folded as fold.h folds
 * text (case, compatibility forms, every Unicode space, punctuation and
 * symbol a boundary, invisible format characters dropped); legal forms at
 * the end dropped (Ltd, Limited, Unlimited, plc, Public Limited Company,
 * LLP, Limited Liability Partnership, CIC, Community Interest Company,
 * Company, Co), and "The" at the start; the word "and" dropped ("&" is
 * punctuation); then the words joined without spaces, so that "G.P.",
 * "G P" and "GP" are one, and so are a no-break, a zero-width and no space.
 * "" when the name names nothing ("Ltd.", "..."). Two names with equal
 * non-empty keys are one organisation.
 * Returns TENDER_OK or TENDER_ERR_NOMEM (*key NULL). */
enum tender_status names_key(const char *name, char **key);

/* Whether a and b name the same organisation (equal non-empty keys):
 * "Chalk Lane Partners Ltd." and "chalk lane partners limited" do, as do
 * "Meadow G.P." and "Meadow GP", and "Beech Healthcare" and "Beech Health
 * Care"; "Beech Healthcare" and "Beech Health Ltd" do not. Returns 1 or
 * 0, or -1 when out of memory (a caller must not take -1 for an answer). */
int names_same_organisation(const char *a, const char *b);

/* Numbers n organisations: number[i] (caller's array of n) for names[i],
 * the same number exactly when names_same_organisation holds, so that the
 * relation is an equivalence; a name that names nothing gets a number of
 * its own. Numbers are below n. Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status names_number(const char *const *names, size_t n, size_t *number);

#endif
