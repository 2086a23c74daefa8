/*
 * fold.h - text folded for comparison: the one Unicode normalisation that
 * every detector comparing what people wrote uses (shared text between
 * bids, organisation names). Built on libunistring, not on tables of our
 * own: case folding with compatibility composition (u8_casefold, NFKC:
 * "ＡＢＣ" is "abc", "ﬁ" is "fi", "Straße" is "strasse", a no-break space is
 * a space), then Unicode word boundaries from the characters' properties.
 */
#ifndef TENDER_FOLD_H
#define TENDER_FOLD_H

#include "tender.h"

#include <stddef.h>

/* The words of text (UTF-8, len bytes), folded, one space apart, into *out:
 * a new string (caller frees with tender_free), its length in *out_len
 * (may be NULL).
 *
 * After folding, a word is a run of letters, digits and marks (general
 * categories L, N, M). A default-ignorable character that Unicode word
 * breaking (UAX #29) treats as part of a word (soft hyphen, zero-width
 * joiner and non-joiner, word joiner, byte order mark, variation selectors,
 * bidi marks) is dropped; every other character - spaces of every kind
 * including the zero-width space, punctuation, symbols, controls - ends a
 * word. Bytes that are not UTF-8 end a word.
 *
 * Returns TENDER_OK or TENDER_ERR_NOMEM (then *out is NULL). */
enum tender_status fold_words(const char *text, size_t len, char **out, size_t *out_len);

#endif
