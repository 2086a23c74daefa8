/*
 * number.h - the one number module: every decimal tender reads, compares,
 * computes with and displays goes through here.
 *
 * The model (README "Numbers"):
 * - Input. Decimal text ("-12.50", XML white space around it allowed) is read
 *   by one scanner, number_scan(), into an exact struct decimal: a signed
 *   coefficient of at most 18 significant digits and a scale of at most 18
 *   decimal places. No binary floating point is involved, and nothing
 *   depends on the process locale. money.c reads amounts of money with the
 *   same scanner.
 * - Comparison. Two decimals are compared exactly (decimal_cmp): 1.57 from a
 *   bid equals 1.57 from a rule.
 * - Points. Points, subtotals and totals are fixed-point integers of
 *   10^-12 points (POINTS_SCALE). A score is computed from exact inputs with
 *   one rounding, half away from zero, to that unit (points_ratio); sums are
 *   exact, so equality of totals is exact and transitive and a tie is an
 *   equivalence. Range: |points| < 9,223,372 (int64_t units).
 * - Display. One rounding rule for every display: half away from zero on
 *   the exact value (0.125 -> 0.13, -0.125 -> -0.13), and never "-0"
 *   (points_format).
 */
#ifndef TENDER_NUMBER_H
#define TENDER_NUMBER_H

#include "tender.h"

#include <stddef.h>
#include <stdint.h>

#ifndef __SIZEOF_INT128__
#error "tender's exact arithmetic needs a compiler with 128-bit integers (GCC or Clang, 64-bit)"
#endif
/* A typedef only because __extension__ (for -Wpedantic) needs one: 128-bit
 * intermediates of exact products, never stored. */
__extension__ typedef __int128 number_wide;

#define DECIMAL_MAX_DIGITS 18
#define DECIMAL_MAX_SCALE 18

/* An exact decimal: coef × 10^-scale, |coef| < 10^18, 0 <= scale <= 18,
 * normalised (no trailing zero in coef when scale > 0; zero is {0, 0}). */
struct decimal {
	int64_t coef;
	int scale;
};

/* The parts of decimal text, as number_scan() found them: an optional '-',
 * at least one digit, optionally '.' and at least one more digit; XML white
 * space around it is ignored. Pointers into the scanned text. */
struct number_parts {
	int negative;
	const char *int_digits, *frac_digits;
	size_t n_int, n_frac;
};

/* Splits text into its parts. On failure returns TENDER_ERR_INVALID with a
 * phrase for a person in why ("uses exponent notation; write the number in
 * full", "contains a thousands separator ','..."); `what` names the kind of
 * value in those phrases ("amount" or "number"). */
enum tender_status number_scan(const char *text, const char *what, struct number_parts *out,
			       char *why, size_t why_size);

/* Reads decimal text exactly (leading zeros and trailing fractional zeros
 * do not count as significant). Returns TENDER_OK, or TENDER_ERR_INVALID
 * with *out untouched and a phrase in why (as number_scan, or "has more
 * than 18 significant digits", "has more than 18 decimal places"). */
enum tender_status decimal_parse(const char *text, struct decimal *out, char *why,
				 size_t why_size);

/* The decimal a binary double computed by XPath stands for: the shortest
 * decimal that reads back as the same double (0.1 + 0.2 gives
 * 0.30000000000000004; a value read from text with at most 15 significant
 * digits comes back exactly as written). TENDER_ERR_INVALID for NaN, an
 * infinity, or a value outside the decimal range, with a phrase in why. */
enum tender_status decimal_from_double(double v, struct decimal *out, char *why,
				       size_t why_size);

struct decimal decimal_from_int(int64_t v);

struct number_text;
/* A double as the shortest decimal text that reads back as it, whatever
 * the locale ("0.1", "1e+300" outside the decimal range, "nan"). */
struct number_text double_text(double v);

/* The double nearest to d (correctly rounded, whatever the locale): what
 * XPath computes with. */
double decimal_to_double(struct decimal d);

/* <0, 0 or >0 as a is below, equal to or above b; exact. */
int decimal_cmp(struct decimal a, struct decimal b);

/* a - b and a + b exactly; TENDER_ERR_LIMIT when the result has more than
 * 18 significant digits. */
enum tender_status decimal_sub(struct decimal a, struct decimal b, struct decimal *out);
enum tender_status decimal_add(struct decimal a, struct decimal b, struct decimal *out);

/* One at scale 18: decimal_wide18(d) / DECIMAL_WIDE_ONE is d. */
#define DECIMAL_WIDE_ONE ((number_wide)INT64_C(1000000000000000000))

/* The value as number_wide at scale 18 (exact: |result| < 10^36). */
number_wide decimal_wide18(struct decimal d);

/* Text of a decimal, exact and shortest: "1.57", "-3", "0". */
struct number_text {
	char s[48];
};
struct number_text decimal_text(struct decimal d);

/* An exact ratio num / den (den > 0), for a value that need not be a
 * decimal: a mean of panel scores (10/3). */
struct ratio {
	number_wide num, den;
};

/* d as a ratio; a ratio reduced to lowest terms. */
struct ratio ratio_from_decimal(struct decimal d);
struct ratio ratio_reduce(struct ratio r);

/* <0, 0, >0 as r is below, equal to or above d; exact. */
int ratio_cmp_decimal(struct ratio r, struct decimal d);

/* The ratio's decimal text: exact when it is a decimal of at most 18
 * places ("8.5"), else rounded half away from zero to 12 places and marked
 * with a trailing "…" ("3.333333333333…"). */
struct number_text ratio_text(struct ratio r);

/* The ratio for display: rounded half away from zero to at most `decimals`
 * places (0-12), trailing zeros dropped ("8.5", "3.33", "4"). */
struct number_text ratio_display(struct ratio r, int decimals);

/* --- Points: fixed point of 10^-POINTS_SCALE points. -------------------- */

#define POINTS_SCALE 12
#define POINTS_ONE INT64_C(1000000000000)

/* a × b into *out; TENDER_ERR_LIMIT when it does not fit 127 bits. */
enum tender_status wide_mul(number_wide a, number_wide b, number_wide *out);

/* num / den rounded half away from zero into *out; den != 0.
 * TENDER_ERR_LIMIT when the result does not fit int64_t. */
enum tender_status wide_div_round(number_wide num, number_wide den, int64_t *out);

/* points × num / den, computed exactly (the fraction is reduced first) and
 * rounded once (half away from zero) to the points unit; den > 0.
 * TENDER_ERR_LIMIT when an intermediate or the result does not fit. */
enum tender_status points_ratio(int64_t points, number_wide num, number_wide den,
				int64_t *out);

/* A decimal number of points as points units (rounded half away from zero
 * past 12 decimals). TENDER_ERR_LIMIT when out of range. */
enum tender_status points_from_decimal(struct decimal d, int64_t *out);

/* Points rounded to `precision` decimals (0-12) for display, half away from
 * zero, never "-0.00". */
struct number_text points_text(int64_t points, int precision);

/* Points exactly, shortest: "12.5", "33.333333333333", "0". */
struct number_text points_exact(int64_t points);

/* Points as a double, for the store's REAL columns and charts only. */
double points_double(int64_t points);

#endif
