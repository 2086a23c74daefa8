/*
 * names.c - comparing organisation names (see names.h).
 */
#include "names.h"

#include "alloc.h"
#include "fold.h"

#include <stdlib.h>
#include <string.h>

/* Legal forms, as folded words. */
static const char *const legal_forms[] = {
	"public limited company", "limited liability partnership", "community interest company",
	"limited", "unlimited", "ltd", "plc", "llp", "cic", "company", "co",
};

/* Whether the words [0, n) of words end with " " + form (or are form). */
static size_t ends_with_form(const char *words, size_t n)
{
	for (size_t i = 0; i < sizeof(legal_forms) / sizeof(legal_forms[0]); i++) {
		size_t k = strlen(legal_forms[i]);

		if (n >= k && memcmp(words + n - k, legal_forms[i], k) == 0 &&
		    (n == k || words[n - k - 1] == ' '))
			return k;
	}
	return 0;
}

/* Whether the word [w, w + n) is one character (a letter or digit). */
static int is_single(const char *w, size_t n)
{
	size_t k = 1;

	while (k < n && ((unsigned char)w[k] & 0xC0) == 0x80)
		k++; /* the rest of one UTF-8 character */
	return k == n;
}

/* Joins, in place, each run of one-character words into one word ("l l p"
 * is "llp"), so that initials meet the legal forms; returns the new
 * length. */
static size_t join_initials(char *words, size_t n_words)
{
	size_t n = 0;
	int prev_single = 0;

	for (size_t i = 0; i < n_words;) {
		size_t w = i;
		int single;

		while (i < n_words && words[i] != ' ')
			i++;
		single = is_single(words + w, i - w);
		if (n > 0 && !(single && prev_single))
			words[n++] = ' ';
		memmove(words + n, words + w, i - w);
		n += i - w;
		prev_single = single;
		i += i < n_words; /* the space */
	}
	words[n] = '\0';
	return n;
}

enum tender_status names_key(const char *name, char **key)
{
	char *words, *out;
	size_t n_words, n = 0, start = 0, k;

	*key = NULL;
	if (fold_words(name, strlen(name), &words, &n_words))
		return TENDER_ERR_NOMEM;
	out = tender_malloc(n_words + 1);
	if (!out) {
		tender_free(words);
		return TENDER_ERR_NOMEM;
	}
	n_words = join_initials(words, n_words);
	/* legal forms at the end, and "the" at the start, say nothing */
	while ((k = ends_with_form(words, n_words)) != 0)
		n_words -= n_words == k ? k : k + 1;
	if (n_words > 4 && memcmp(words, "the ", 4) == 0)
		start = 4;
	for (size_t i = start; i < n_words;) {
		size_t w = i;

		while (i < n_words && words[i] != ' ')
			i++;
		if (!(i - w == 3 && memcmp(words + w, "and", 3) == 0)) {
			memcpy(out + n, words + w, i - w);
			n += i - w;
		}
		i += i < n_words; /* the space */
	}
	out[n] = '\0';
	tender_free(words);
	*key = out;
	return TENDER_OK;
}

int names_same_organisation(const char *a, const char *b)
{
	char *ka = NULL, *kb = NULL;
	int same = -1;

	if (names_key(a, &ka) == TENDER_OK && names_key(b, &kb) == TENDER_OK)
		same = ka[0] && strcmp(ka, kb) == 0;
	tender_free(ka);
	tender_free(kb);
	return same;
}

struct keyed {
	char *key;
	size_t i;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

enum tender_status names_number(const char *const *names, size_t n, size_t *number)
{
	struct keyed *keyed = tender_calloc(n ? n : 1, sizeof(*keyed));
	enum tender_status rc = TENDER_OK;
	size_t next = 0;

	if (!keyed)
		return TENDER_ERR_NOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		keyed[i].i = i;
		rc = names_key(names[i], &keyed[i].key);
	}
	if (rc)
		goto out;
	qsort(keyed, n, sizeof(*keyed), keyed_cmp);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (!keyed[i].key[0] || strcmp(keyed[i].key, keyed[i - 1].key) != 0))
			next++;
		number[keyed[i].i] = next;
	}
out:
	for (size_t i = 0; i < n; i++)
		tender_free(keyed[i].key);
	tender_free(keyed);
	return rc;
}
