/*
 * money.c - decimal money text to integer minor units and back (see money.h).
 */
#include "money.h"

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

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Explains why character c (at the position after some digits) cannot be in
 * an amount. */
static void explain_bad_char(const char *p, const char *start, char *why, size_t why_size)
{
	char c = *p;
	int after_digit = p > start && is_digit(p[-1]);

	if ((c == 'e' || c == 'E') && after_digit)
		snprintf(why, why_size, "uses exponent notation; write the amount in full");
	else if ((c == ',' || c == '\'' || c == '_' || c == ' ') && after_digit)
		snprintf(why, why_size, "contains a thousands separator '%c'; write digits only", c);
	else if (c == '+')
		snprintf(why, why_size, "has a plus sign; write the amount without one");
	else if ((unsigned char)c >= 0x80 || c == '$' || (c >= 'A' && c <= 'Z') ||
		 (c >= 'a' && c <= 'z'))
		snprintf(why, why_size,
			 "contains a currency symbol or letters; write digits only, "
			 "with the currency in the currency attribute");
	else
		snprintf(why, why_size, "contains '%c', which is not allowed in an amount", c);
}

enum tender_status money_parse(const char *text, int decimals, int64_t *out, char *why,
			       size_t why_size)
{
	const char *p = text, *end = text + strlen(text), *digits;
	uint64_t value = 0, limit;
	int negative = 0, n_decimals = 0;

	while (p < end && is_xml_space(*p))
		p++;
	while (end > p && is_xml_space(end[-1]))
		end--;
	if (p == end) {
		snprintf(why, why_size, "is empty; an amount is required");
		return TENDER_ERR_INVALID;
	}
	if (*p == '-') {
		negative = 1;
		p++;
	}
	limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	digits = p;
	for (; p < end && is_digit(*p); p++) {
		if (value > (limit - (uint64_t)(*p - '0')) / 10)
			goto too_large;
		value = value * 10 + (uint64_t)(*p - '0');
	}
	if (p == digits) {
		if (p < end && *p == '.')
			snprintf(why, why_size, "has no digits before the decimal point");
		else if (p < end)
			explain_bad_char(p, text, why, why_size);
		else
			snprintf(why, why_size, "has no digits");
		return TENDER_ERR_INVALID;
	}
	if (p < end && *p == '.') {
		const char *fraction = ++p;

		while (p < end && is_digit(*p))
			p++;
		n_decimals = (int)(p - fraction);
		if (n_decimals == 0) {
			snprintf(why, why_size, "has no digits after the decimal point");
			return TENDER_ERR_INVALID;
		}
		if (p == end && n_decimals > decimals) {
			if (decimals == 0)
				snprintf(why, why_size,
					 "has decimal places; this currency has none");
			else
				snprintf(why, why_size,
					 "has %d decimal places; at most %d are allowed",
					 n_decimals, decimals);
			return TENDER_ERR_INVALID;
		}
		for (const char *f = fraction; f < p && f - fraction < decimals; f++) {
			if (value > (limit - (uint64_t)(*f - '0')) / 10)
				goto too_large;
			value = value * 10 + (uint64_t)(*f - '0');
		}
	}
	if (p < end) {
		explain_bad_char(p, text, why, why_size);
		return TENDER_ERR_INVALID;
	}
	for (int i = n_decimals; i < decimals; i++) {
		if (value > limit / 10)
			goto too_large;
		value *= 10;
	}
	if (negative)
		*out = value == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)value;
	else
		*out = (int64_t)value;
	return TENDER_OK;

too_large:
	snprintf(why, why_size, "is too large to be a sensible amount");
	return TENDER_ERR_INVALID;
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
