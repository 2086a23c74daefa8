/*
 * number.c - exact decimals and fixed-point points (see number.h for the
 * model). No function here depends on the process locale.
 */
#include "number.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef unsigned __int128 number_uwide;
#define WIDE_MAX ((number_wide)(~(number_uwide)0 >> 1))

static struct number_text fixed_text(int negative, uint64_t magnitude, int scale);

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_amount(const char *what)
{
	return strcmp(what, "amount") == 0;
}

/* Explains why character *p (after some digits, or at the start) cannot be
 * in a number. */
static void explain_bad_char(const char *p, const char *start, const char *what, char *why,
			     size_t why_size)
{
	char c = *p;
	int after_digit = p > start && is_digit(p[-1]);

	if ((c == 'e' || c == 'E') && after_digit)
		snprintf(why, why_size, "uses exponent notation; write the %s in full", what);
	else if ((c == ',' || c == '\'' || c == '_' || c == ' ') && after_digit)
		snprintf(why, why_size, "contains a thousands separator '%c'; write digits only", c);
	else if (c == '+')
		snprintf(why, why_size, "has a plus sign; write the %s without one", what);
	else if (is_amount(what) && ((unsigned char)c >= 0x80 || c == '$' ||
				     (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
		snprintf(why, why_size,
			 "contains a currency symbol or letters; write digits only, "
			 "with the currency in the currency attribute");
	else if ((unsigned char)c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		snprintf(why, why_size, "contains letters or symbols; write digits only");
	else
		snprintf(why, why_size, "contains '%c', which is not allowed in %s %s", c,
			 is_amount(what) ? "an" : "a", what);
}

enum tender_status number_scan(const char *text, const char *what, struct number_parts *out,
			       char *why, size_t why_size)
{
	const char *p = text, *end = text + strlen(text);
	struct number_parts parts = {0};

	while (p < end && is_xml_space(*p))
		p++;
	while (end > p && is_xml_space(end[-1]))
		end--;
	if (p == end) {
		snprintf(why, why_size, "is empty; %s %s is required", is_amount(what) ? "an" : "a",
			 what);
		return TENDER_ERR_INVALID;
	}
	if (*p == '-') {
		parts.negative = 1;
		p++;
	}
	parts.int_digits = p;
	while (p < end && is_digit(*p))
		p++;
	parts.n_int = (size_t)(p - parts.int_digits);
	if (parts.n_int == 0) {
		if (p < end && *p == '.')
			snprintf(why, why_size, "has no digits before the decimal point");
		else if (p < end)
			explain_bad_char(p, text, what, why, why_size);
		else
			snprintf(why, why_size, "has no digits");
		return TENDER_ERR_INVALID;
	}
	if (p < end && *p == '.') {
		parts.frac_digits = ++p;
		while (p < end && is_digit(*p))
			p++;
		parts.n_frac = (size_t)(p - parts.frac_digits);
		if (parts.n_frac == 0) {
			snprintf(why, why_size, "has no digits after the decimal point");
			return TENDER_ERR_INVALID;
		}
	}
	if (p < end) {
		explain_bad_char(p, text, what, why, why_size);
		return TENDER_ERR_INVALID;
	}
	*out = parts;
	return TENDER_OK;
}

static struct decimal normalise(struct decimal d)
{
	while (d.scale > 0 && d.coef % 10 == 0) {
		d.coef /= 10;
		d.scale--;
	}
	if (d.coef == 0)
		d.scale = 0;
	return d;
}

static const int64_t pow10_64[19] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	INT64_C(10000000000), INT64_C(100000000000), INT64_C(1000000000000),
	INT64_C(10000000000000), INT64_C(100000000000000), INT64_C(1000000000000000),
	INT64_C(10000000000000000), INT64_C(100000000000000000),
	INT64_C(1000000000000000000),
};

#define DECIMAL_COEF_LIMIT INT64_C(1000000000000000000) /* 10^18 */

enum tender_status decimal_parse(const char *text, struct decimal *out, char *why,
				 size_t why_size)
{
	struct number_parts parts;
	enum tender_status rc = number_scan(text, "number", &parts, why, why_size);
	const char *i_digits, *f_digits;
	size_t n_int, n_frac;
	int64_t coef = 0;

	if (rc)
		return rc;
	i_digits = parts.int_digits;
	n_int = parts.n_int;
	while (n_int > 0 && *i_digits == '0') {
		i_digits++;
		n_int--;
	}
	f_digits = parts.frac_digits;
	n_frac = parts.n_frac;
	while (n_frac > 0 && f_digits[n_frac - 1] == '0')
		n_frac--;
	if (n_frac > DECIMAL_MAX_SCALE) {
		snprintf(why, why_size, "has more than %d decimal places", DECIMAL_MAX_SCALE);
		return TENDER_ERR_INVALID;
	}
	/* leading zeros of the fraction are not significant when there is no
	 * integer part: 0.000123 has 3 significant digits */
	{
		size_t significant = n_int + n_frac;

		if (n_int == 0)
			for (size_t k = 0; k < n_frac && f_digits[k] == '0'; k++)
				significant--;
		if (significant > DECIMAL_MAX_DIGITS) {
			snprintf(why, why_size, "has more than %d significant digits",
				 DECIMAL_MAX_DIGITS);
			return TENDER_ERR_INVALID;
		}
	}
	for (size_t k = 0; k < n_int; k++)
		coef = coef * 10 + (i_digits[k] - '0');
	for (size_t k = 0; k < n_frac; k++)
		coef = coef * 10 + (f_digits[k] - '0');
	*out = normalise((struct decimal){parts.negative ? -coef : coef, (int)n_frac});
	return TENDER_OK;
}

struct decimal decimal_from_int(int64_t v)
{
	return normalise((struct decimal){v, 0});
}

enum tender_status decimal_from_double(double v, struct decimal *out, char *why,
				       size_t why_size)
{
	locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0), old;
	char text[64];
	int found = 0;

	if (v != v || v > 1e300 || v < -1e300) {
		if (c_locale)
			freelocale(c_locale);
		snprintf(why, why_size, "is not a number");
		return TENDER_ERR_INVALID;
	}
	if (!c_locale) {
		snprintf(why, why_size, "cannot be read: no C locale");
		return TENDER_ERR_INVALID;
	}
	/* the shortest of 1 to 17 significant digits that reads back as v (17
	 * always does: the last try is kept), printed in the C locale */
	old = uselocale(c_locale);
	for (int precision = 0; precision <= 16 && !found; precision++) {
		snprintf(text, sizeof(text), "%.*e", precision, v);
		found = strtod(text, NULL) == v;
	}
	uselocale(old);
	freelocale(c_locale);
	/* text is "-d.ddde-XX": digits and a decimal exponent */
	{
		const char *p = text, *e = strchr(text, 'e');
		int negative = *p == '-', exponent = (int)strtol(e + 1, NULL, 10), n_digits = 0, scale;
		int64_t coef = 0;

		if (negative)
			p++;
		for (; p < e; p++)
			if (is_digit(*p)) {
				coef = coef * 10 + (*p - '0');
				n_digits++;
			}
		scale = n_digits - 1 - exponent;
		while (scale > 0 && coef % 10 == 0) {
			coef /= 10;
			scale--;
			n_digits--;
		}
		if (coef == 0) {
			*out = decimal_from_int(0);
			return TENDER_OK;
		}
		if (scale > DECIMAL_MAX_SCALE) {
			snprintf(why, why_size, "(%s) has more than %d decimal places", text,
				 DECIMAL_MAX_SCALE);
			return TENDER_ERR_INVALID;
		}
		if (scale < 0 && n_digits - scale > DECIMAL_MAX_DIGITS) {
			snprintf(why, why_size, "(%s) has more than %d significant digits", text,
				 DECIMAL_MAX_DIGITS);
			return TENDER_ERR_INVALID;
		}
		for (; scale < 0; scale++)
			coef *= 10;
		*out = normalise((struct decimal){negative ? -coef : coef, scale});
	}
	return TENDER_OK;
}

struct number_text double_text(double v)
{
	struct decimal d;
	char why[128];
	struct number_text t;
	locale_t c_locale;

	if (decimal_from_double(v, &d, why, sizeof(why)) == TENDER_OK)
		return decimal_text(d);
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (c_locale) {
		locale_t old = uselocale(c_locale);

		snprintf(t.s, sizeof(t.s), "%.17g", v);
		uselocale(old);
		freelocale(c_locale);
	} else {
		snprintf(t.s, sizeof(t.s), "%s", v != v ? "nan" : "inf");
	}
	return t;
}

double decimal_to_double(struct decimal d)
{
	locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0), old;
	struct number_text t = decimal_text(d);
	double v;

	if (!c_locale) /* glibc's C locale is static: this does not happen */
		return (double)d.coef / (double)pow10_64[d.scale];
	old = uselocale(c_locale);
	v = strtod(t.s, NULL);
	uselocale(old);
	freelocale(c_locale);
	return v;
}

number_wide decimal_wide18(struct decimal d)
{
	return (number_wide)d.coef * pow10_64[DECIMAL_MAX_SCALE - d.scale];
}

int decimal_cmp(struct decimal a, struct decimal b)
{
	number_wide x = decimal_wide18(a), y = decimal_wide18(b);

	return (x > y) - (x < y);
}

/* A wide value at scale 18 back into a decimal, if it fits. */
static enum tender_status from_wide18(number_wide v, struct decimal *out)
{
	int scale = DECIMAL_MAX_SCALE;

	while (scale > 0 && v % 10 == 0) {
		v /= 10;
		scale--;
	}
	if (v >= DECIMAL_COEF_LIMIT || v <= -DECIMAL_COEF_LIMIT)
		return TENDER_ERR_LIMIT;
	*out = normalise((struct decimal){(int64_t)v, scale});
	return TENDER_OK;
}

enum tender_status decimal_sub(struct decimal a, struct decimal b, struct decimal *out)
{
	return from_wide18(decimal_wide18(a) - decimal_wide18(b), out);
}

enum tender_status decimal_add(struct decimal a, struct decimal b, struct decimal *out)
{
	return from_wide18(decimal_wide18(a) + decimal_wide18(b), out);
}

/* Writes |coef| with a point `scale` digits from the right. */
static struct number_text fixed_text(int negative, uint64_t magnitude, int scale)
{
	struct number_text t;
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%0*llu", scale + 1,
			 (unsigned long long)magnitude);
	int n_int = n - scale, o = 0;

	if (negative && magnitude)
		t.s[o++] = '-';
	memcpy(t.s + o, digits, (size_t)n_int);
	o += n_int;
	if (scale > 0) {
		t.s[o++] = '.';
		memcpy(t.s + o, digits + n_int, (size_t)scale);
		o += scale;
	}
	t.s[o] = '\0';
	return t;
}

struct number_text decimal_text(struct decimal d)
{
	uint64_t magnitude = d.coef < 0 ? (uint64_t)0 - (uint64_t)d.coef : (uint64_t)d.coef;

	return fixed_text(d.coef < 0, magnitude, d.scale);
}

/* A number of decimals for display, within 0..POINTS_SCALE. */
static int display_decimals(int decimals)
{
	return decimals < 0 ? 0 : decimals > POINTS_SCALE ? POINTS_SCALE : decimals;
}

struct number_text ratio_display(struct ratio r, int decimals)
{
	int64_t rounded = 0;
	number_wide num;

	decimals = display_decimals(decimals);
	if (wide_mul(r.num, pow10_64[decimals], &num) || wide_div_round(num, r.den, &rounded))
		return ratio_text(r); /* beyond 18 digits: shown exactly */
	return decimal_text(normalise((struct decimal){rounded, decimals}));
}

/* --- Points. -------------------------------------------------------------- */

static number_wide wide_abs(number_wide v)
{
	return v < 0 ? -v : v;
}

enum tender_status wide_mul(number_wide a, number_wide b, number_wide *out)
{
	if (a != 0 && wide_abs(b) > WIDE_MAX / wide_abs(a))
		return TENDER_ERR_LIMIT;
	*out = a * b;
	return TENDER_OK;
}

enum tender_status wide_div_round(number_wide num, number_wide den, int64_t *out)
{
	number_wide q = num / den, r = num % den;

	if (r != 0 && wide_abs(r) >= wide_abs(den) - wide_abs(r))
		q += (num < 0) != (den < 0) ? -1 : 1;
	if (q > INT64_MAX || q < -INT64_MAX)
		return TENDER_ERR_LIMIT;
	*out = (int64_t)q;
	return TENDER_OK;
}

static number_wide wide_gcd(number_wide a, number_wide b)
{
	a = wide_abs(a);
	b = wide_abs(b);
	while (b != 0) {
		number_wide t = a % b;

		a = b;
		b = t;
	}
	return a;
}

enum tender_status points_ratio(int64_t points, number_wide num, number_wide den,
				int64_t *out)
{
	number_wide p = points, g = wide_gcd(num, den);

	if (g > 1) {
		num /= g;
		den /= g;
	}
	g = wide_gcd(p, den);
	if (g > 1) {
		p /= g;
		den /= g;
	}
	if (num != 0 && wide_abs(p) > WIDE_MAX / wide_abs(num))
		return TENDER_ERR_LIMIT;
	return wide_div_round(p * num, den, out);
}

struct ratio ratio_from_decimal(struct decimal d)
{
	return ratio_reduce((struct ratio){d.coef, pow10_64[d.scale]});
}

struct ratio ratio_reduce(struct ratio r)
{
	number_wide g = wide_gcd(r.num, r.den);

	if (g > 1) {
		r.num /= g;
		r.den /= g;
	}
	return r;
}

int ratio_cmp_decimal(struct ratio r, struct decimal d)
{
	/* compare integer parts, then the remainders by long division: no
	 * product can overflow */
	number_wide dn = d.coef, dd = pow10_64[d.scale];
	number_wide qa = r.num / r.den, ra = r.num % r.den;
	number_wide qb = dn / dd, rb = dn % dd;

	if (ra < 0) {
		qa--;
		ra += r.den;
	}
	if (rb < 0) {
		qb--;
		rb += dd;
	}
	if (qa != qb)
		return qa < qb ? -1 : 1;
	for (int i = 0; i < 40 && (ra || rb); i++) {
		number_wide da, db;

		ra *= 10;
		rb *= 10;
		da = ra / r.den;
		db = rb / dd;
		ra %= r.den;
		rb %= dd;
		if (da != db)
			return da < db ? -1 : 1;
	}
	return (ra > 0) - (rb > 0);
}

struct number_text ratio_text(struct ratio r)
{
	struct number_text t;
	int negative = r.num < 0, o = 0, n = 0;
	number_wide magnitude = wide_abs(r.num), whole = magnitude / r.den,
		    rem = magnitude % r.den;
	char digits[20];

	while (rem && n < DECIMAL_MAX_SCALE) {
		rem *= 10;
		digits[n++] = (char)('0' + (int)(rem / r.den));
		rem %= r.den;
	}
	if (rem) { /* not a decimal of 18 places: 12, rounded, and marked */
		int carry = digits[POINTS_SCALE] >= '5';

		n = POINTS_SCALE;
		for (int i = n - 1; i >= 0 && carry; i--) {
			carry = digits[i] == '9';
			digits[i] = carry ? '0' : (char)(digits[i] + 1);
		}
		whole += carry;
	}
	o = snprintf(t.s, sizeof(t.s), "%s%llu", negative ? "-" : "",
		     (unsigned long long)whole);
	if (n > 0)
		o += snprintf(t.s + o, sizeof(t.s) - (size_t)o, ".%.*s", n, digits);
	if (rem)
		snprintf(t.s + o, sizeof(t.s) - (size_t)o, "…");
	return t;
}

enum tender_status points_from_decimal(struct decimal d, int64_t *out)
{
	if (d.scale <= POINTS_SCALE) {
		number_wide v = (number_wide)d.coef * pow10_64[POINTS_SCALE - d.scale];

		if (v > INT64_MAX || v < -INT64_MAX)
			return TENDER_ERR_LIMIT;
		*out = (int64_t)v;
		return TENDER_OK;
	}
	return wide_div_round(d.coef, pow10_64[d.scale - POINTS_SCALE], out);
}

struct number_text points_text(int64_t points, int precision)
{
	int64_t rounded = 0;

	precision = display_decimals(precision);
	wide_div_round(points, pow10_64[POINTS_SCALE - precision], &rounded); /* cannot overflow */
	return decimal_text((struct decimal){rounded, precision}); /* all `precision` digits */
}

struct number_text points_exact(int64_t points)
{
	return decimal_text(normalise((struct decimal){points, POINTS_SCALE}));
}

double points_double(int64_t points)
{
	return (double)points / (double)POINTS_ONE;
}
