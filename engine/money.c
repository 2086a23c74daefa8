/*
 * money.c - decimal money text to integer minor units and back (see money.h).
 */
#include "money.h"

#include "number.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char code[4];
	int decimals;
} currencies[] = {
	{"GBP", 2}, {"EUR", 2}, {"USD", 2}, {"CHF", 2}, {"SEK", 2}, {"NOK", 2},
	{"DKK", 2}, {"PLN", 2}, {"CZK", 2}, {"HUF", 2}, {"CAD", 2}, {"AUD", 2},
	{"NZD", 2}, {"JPY", 0}, {"KRW", 0}, {"ISK", 0}, {"BHD", 3}, {"KWD", 3},
	{"OMR", 3}, {"JOD", 3}, {"TND", 3},
};

int currency_decimals(const char *code)
{
	for (size_t i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++)
		if (strcmp(code, currencies[i].code) == 0)
			return currencies[i].decimals;
	return -1;
}

enum tender_status money_parse(const char *text, int decimals, int64_t *out, char *why,
			       size_t why_size)
{
	struct number_parts parts;
	uint64_t value = 0, limit;
	enum tender_status rc = number_scan(text, "amount", &parts, why, why_size);

	if (rc)
		return rc;
	if (parts.n_frac > (size_t)decimals) {
		if (decimals == 0)
			snprintf(why, why_size, "has decimal places; this currency has none");
		else
			snprintf(why, why_size, "has %zu decimal places; at most %d are allowed",
				 parts.n_frac, decimals);
		return TENDER_ERR_INVALID;
	}
	limit = parts.negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (size_t k = 0; k < parts.n_int + (size_t)decimals; k++) {
		int digit = k < parts.n_int		     ? parts.int_digits[k] - '0'
			    : k - parts.n_int < parts.n_frac ? parts.frac_digits[k - parts.n_int] - '0'
							     : 0;

		if (value > (limit - (uint64_t)digit) / 10) {
			snprintf(why, why_size, "is too large to be a sensible amount");
			return TENDER_ERR_INVALID;
		}
		value = value * 10 + (uint64_t)digit;
	}
	if (parts.negative)
		*out = value == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)value;
	else
		*out = (int64_t)value;
	return TENDER_OK;
}

void money_format_magnitude(int negative, uint64_t magnitude, int decimals, char *buf,
			    size_t size)
{
	char digits[32], out[48];
	int n, n_int, o = 0;

	if (decimals < 0 || decimals > 6)
		decimals = decimals < 0 ? 0 : 6;
	n = snprintf(digits, sizeof(digits), "%0*llu", decimals + 1,
		     (unsigned long long)magnitude);
	n_int = n - decimals;
	if (negative)
		out[o++] = '-';
	for (int i = 0; i < n_int; i++) {
		if (i > 0 && (n_int - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	if (decimals > 0) {
		out[o++] = '.';
		memcpy(out + o, digits + n_int, (size_t)decimals);
		o += decimals;
	}
	out[o] = '\0';
	snprintf(buf, size, "%s", out);
}

void money_format(int64_t minor, int decimals, char *buf, size_t size)
{
	uint64_t magnitude = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;

	money_format_magnitude(minor < 0, magnitude, decimals, buf, size);
}

struct money_text money_text(int64_t minor, int decimals)
{
	struct money_text t;

	money_format(minor, decimals, t.s, sizeof(t.s));
	return t;
}
