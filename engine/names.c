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

/* The folded name, one character at a time, without copying (names are
 * compared whole, whatever their length, and comparing never allocates):
 * ASCII letters lowered, every run of other characters one space, nothing
 * before the first letter or digit or after the last. */
struct folder {
	const unsigned char *p;
	int space; /* a space is due before the next letter or digit */
	int started;
};

static int fold_next(struct folder *f)
{
	for (; *f->p; f->p++) {
		unsigned char c = *f->p;

		if (!is_alnum(c)) {
			f->space = f->started;
			continue;
		}
		if (f->space) {
			f->space = 0;
			return ' ';
		}
		f->started = 1;
		f->p++;
		return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
	}
	return 0;
}

/* The length of name folded, less a final legal-form word. */
static size_t folded_length(const char *name)
{
	static const char *const forms[] = {" ltd", " limited", " plc", " llp", " cic"};
	struct folder f = {(const unsigned char *)name, 0, 0};
	char tail[16] = ""; /* the last characters, enough for the longest form */
	size_t n = 0, keep = sizeof(tail) - 1;
	int c;

	while ((c = fold_next(&f)) != 0) {
		memmove(tail, tail + 1, keep - 1);
		tail[keep - 1] = (char)c;
		n++;
	}
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		size_t k = strlen(forms[i]);

		if (n > k && memcmp(tail + keep - k, forms[i], k) == 0)
			return n - k;
	}
	return n;
}

int names_same_organisation(const char *a, const char *b)
{
	struct folder fa = {(const unsigned char *)a, 0, 0}, fb = {(const unsigned char *)b, 0, 0};
	size_t n = folded_length(a);

	if (n == 0 || n != folded_length(b))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (fold_next(&fa) != fold_next(&fb))
			return 0;
	return 1;
}
