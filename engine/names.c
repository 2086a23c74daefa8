/*
 * names.c - comparing organisation names (see names.h).
 */
#include "names.h"

#include <string.h>

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c >= 0x80;
}

/* The name folded for comparison into buf: ASCII letters lowered, every run
 * of other characters one space, and a final legal-form word dropped. */
static void fold_name(const char *name, char *buf, size_t size)
{
	static const char *const forms[] = {" ltd", " limited", " plc", " llp", " cic"};
	size_t n = 0;
	int space = 0;

	for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < size; p++) {
		if (!is_alnum(*p)) {
			space = n > 0;
			continue;
		}
		if (space)
			buf[n++] = ' ';
		space = 0;
		buf[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	}
	buf[n] = '\0';
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		size_t k = strlen(forms[i]);

		if (n > k && strcmp(buf + n - k, forms[i]) == 0) {
			buf[n - k] = '\0';
			break;
		}
	}
}

int names_same_organisation(const char *a, const char *b)
{
	char fa[512], fb[512];

	fold_name(a, fa, sizeof(fa));
	fold_name(b, fb, sizeof(fb));
	return fa[0] && strcmp(fa, fb) == 0;
}
