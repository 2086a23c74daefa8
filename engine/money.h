/*
 * money.h - amounts of money as integers of minor units (pence, cents).
 *
 * Money is never held in a double: decimal text from a bid is parsed straight
 * into an int64_t count of minor units, and formatted back for explanations
 * ("152,000,000.00"). The same parser reads percentages with two decimals
 * into hundredths of a percent.
 */
#ifndef TENDER_MONEY_H
#define TENDER_MONEY_H

#include "tender.h"

#include <stddef.h>
#include <stdint.h>

/* The number of decimals of an ISO 4217 currency code ("GBP" -> 2), or -1
 * when tender does not know the currency. */
int currency_decimals(const char *code);

/* Parses decimal text ("152000000.00", optional leading '-', surrounding XML
 * whitespace ignored) into minor units with the given number of decimals:
 * "1.5" with 2 decimals gives 150. Rejects exponents, thousands separators,
 * currency symbols, signs other than a leading '-', more decimals than
 * allowed, and values beyond int64_t. On failure returns TENDER_ERR_INVALID,
 * leaves *out untouched and writes a reason for a person into why (a phrase
 * like "has 3 decimal places; at most 2 are allowed"). */
enum tender_status money_parse(const char *text, int decimals, int64_t *out, char *why,
			       size_t why_size);

/* Writes minor units as text with thousands separators and exactly
 * `decimals` decimals: 15200000000 with 2 gives "152,000,000.00". Always
 * NUL-terminates; a buffer of 32 bytes always suffices. */
void money_format(int64_t minor, int decimals, char *buf, size_t size);

/* Money as text in a value, for messages: money_text(x, 2).s */
struct money_text {
	char s[48];
};

struct money_text money_text(int64_t minor, int decimals);

/* As money_format, for a sign and a magnitude up to 2^64 - 1 (a difference
 * of two int64_t amounts always fits). */
void money_format_magnitude(int negative, uint64_t magnitude, int decimals, char *buf,
			    size_t size);

#endif
