/*
 * shingle.c - shared text between bids (see shingle.h).
 */
#include "shingle.h"

#include "alloc.h"
#include "fold.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void shingles_init(struct shingles *s, int k)
{
	memset(s, 0, sizeof(*s));
	s->k = k;
}

void shingles_release(struct shingles *s)
{
	tender_free(s->words);
	tender_free(s->hash);
	tender_free(s->word);
	tender_free(s->offset);
	shingles_init(s, s->k);
}

void shingles_passage(const struct shingles *s, uint32_t offset, uint32_t words, char *buf,
		      size_t size)
{
	const char *p = s->words + offset;
	size_t n = 0, max = size - 4 < 300 ? size - 4 : 300;
	uint32_t w = 0;
	int cut;

	while (p[n] && n < max) {
		if (p[n] == ' ' && ++w == words)
			break;
		n++;
	}
	cut = n == max && p[n];
	while (cut && n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
		n--; /* back to the start of a character */
	snprintf(buf, size, "%.*s%s", (int)n, p, cut ? "…" : "");
}

static uint64_t hash_bytes(const char *p, size_t n)
{
	static const unsigned char key[crypto_shorthash_KEYBYTES]; /* fixed: all zero */
	unsigned char out[crypto_shorthash_BYTES];
	uint64_t h = 0;

	crypto_shorthash(out, (const unsigned char *)p, n, key);
	for (size_t i = 0; i < sizeof(out); i++)
		h = h << 8 | out[i];
	return h;
}

/* Appends the segment's words (fold.h: the one normalisation of text) to
 * s->words; starts[] receives each word's offset (caller frees). Returns
 * the number of words, or -1 when out of memory, -2 when the words would
 * pass UINT32_MAX bytes (offsets are 32-bit). */
static long append_words(struct shingles *s, const char *text, size_t *len, uint32_t **starts)
{
	size_t n_words = 0, n = 0, n_folded;
	char *folded, *grown;
	uint32_t *st;

	*starts = NULL;
	if (fold_words(text, strlen(text), &folded, &n_folded))
		return -1;
	if (*len + n_folded + 2 > UINT32_MAX) {
		tender_free(folded);
		return -2;
	}
	for (size_t i = 0; i < n_folded; i++)
		n_words += folded[i] == ' ';
	n_words += n_folded > 0;
	grown = tender_realloc(s->words, *len + n_folded + 2);
	st = tender_calloc(n_words ? n_words : 1, sizeof(*st));
	if (grown)
		s->words = grown;
	if (!grown || !st) {
		tender_free(folded);
		tender_free(st);
		return -1;
	}
	if (n_folded > 0) {
		if (*len > 0)
			s->words[(*len)++] = ' ';
		for (size_t i = 0; i < n_folded; i++)
			if (i == 0 || folded[i - 1] == ' ')
				st[n++] = (uint32_t)(*len + i);
		memcpy(s->words + *len, folded, n_folded);
		*len += n_folded;
	}
	s->words[*len] = '\0';
	tender_free(folded);
	*starts = st;
	return (long)n_words;
}

enum tender_status shingles_add(struct shingles *s, const char *text)
{
	size_t len = s->words ? strlen(s->words) : 0;
	uint32_t *starts = NULL;
	long n = append_words(s, text, &len, &starts);

	if (n < 0)
		return n == -2 ? TENDER_ERR_LIMIT : TENDER_ERR_NOMEM;
	for (long i = 0; i + s->k <= n; i++) {
		size_t end = (size_t)(i + s->k) < (size_t)n ? starts[i + s->k] - 1 : len;

		if (s->n == s->cap) {
			size_t cap = s->cap ? 2 * s->cap : 64;
			uint64_t *h = tender_realloc(s->hash, cap * sizeof(*h));
			uint32_t *w = h ? tender_realloc(s->word, cap * sizeof(*w)) : NULL;
			uint32_t *o = w ? tender_realloc(s->offset, cap * sizeof(*o)) : NULL;

			if (h)
				s->hash = h;
			if (w)
				s->word = w;
			if (o)
				s->offset = o;
			if (!o) {
				tender_free(starts);
				return TENDER_ERR_NOMEM;
			}
			s->cap = cap;
		}
		s->hash[s->n] = hash_bytes(s->words + starts[i], end - starts[i]);
		s->word[s->n] = s->n_words + (uint32_t)i;
		s->offset[s->n] = starts[i];
		s->n++;
	}
	s->n_words += (uint32_t)n + (uint32_t)s->k; /* a gap: no run spans segments */
	tender_free(starts);
	return TENDER_OK;
}

/* ---------------------------------------------------------------------- */
/* Comparing texts. */

struct entry {
	uint64_t hash;
	size_t text;
	size_t i; /* index of the shingle in its text */
};

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	if (x->text != y->text)
		return x->text < y->text ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static int hash_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

struct credit {
	size_t text, bidder, other;
	uint32_t word, offset;
};

static int credit_cmp(const void *a, const void *b)
{
	const struct credit *x = a, *y = b;

	if (x->text != y->text)
		return x->text < y->text ? -1 : 1;
	if (x->bidder != y->bidder)
		return x->bidder < y->bidder ? -1 : 1;
	return (x->word > y->word) - (x->word < y->word);
}

static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* Sorts a[0..n) and keeps one of each value; returns how many remain. */
static size_t sort_unique(size_t *a, size_t n)
{
	size_t u = 0;

	qsort(a, n, sizeof(*a), size_cmp);
	for (size_t i = 0; i < n; i++)
		if (u == 0 || a[u - 1] != a[i])
			a[u++] = a[i];
	return u;
}

/* Growable arrays without fuss. */
static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 1;
	while (c < need)
		c *= 2;
	q = tender_realloc(*p, c * size);
	if (!q)
		return 0;
	*p = q;
	*cap = c;
	return 1;
}

/* Credits every text of one run of equal hashes with the other bidders in
 * the run. */
static int credit_run(const struct shingles *const *texts, const size_t *bidder,
		      const struct entry *run, size_t n_run, size_t limit, size_t *bidders,
		      struct credit **credits, size_t *n_credits, size_t *cap)
{
	size_t nb = 0;

	for (size_t i = 0; i < n_run; i++)
		bidders[nb++] = bidder[run[i].text];
	nb = sort_unique(bidders, nb);
	if (nb < 2 || nb > limit)
		return 1;
	for (size_t i = 0; i < n_run; i++) {
		if (i > 0 && run[i].text == run[i - 1].text)
			continue; /* the first occurrence in a text stands for it */
		for (size_t d = 0; d < nb; d++) {
			size_t other = 0;

			if (bidders[d] == bidder[run[i].text])
				continue;
			while (bidder[run[other].text] != bidders[d])
				other++;
			if (!grow((void **)credits, cap, *n_credits + 1, sizeof(**credits)))
				return 0;
			(*credits)[(*n_credits)++] = (struct credit){
				run[i].text, bidders[d], run[other].text,
				texts[run[i].text]->word[run[i].i], texts[run[i].text]->offset[run[i].i]};
		}
	}
	return 1;
}

enum tender_status shingles_compare(const struct shingles *const *texts, const size_t *bidder,
				    size_t n, const struct shingles *exclude,
				    struct shared_text **out, size_t *n_out)
{
	struct entry *entries = NULL;
	struct credit *credits = NULL;
	uint64_t *excluded = NULL;
	size_t *bidders = NULL, n_entries = 0, n_credits = 0, cap = 0, cap_out = 0;
	size_t n_bidders = 0, limit;
	int ok = 1;

	*out = NULL;
	*n_out = 0;
	for (size_t t = 0; t < n; t++)
		if (texts[t])
			n_entries += texts[t]->n;
	entries = tender_calloc(n_entries, sizeof(*entries));
	bidders = tender_calloc(n_entries + n, sizeof(*bidders));
	excluded = tender_calloc(exclude ? exclude->n : 0, sizeof(*excluded));
	if (!entries || !bidders || !excluded)
		goto nomem;
	/* how many bidders take part */
	for (size_t t = 0; t < n; t++)
		if (texts[t])
			bidders[n_bidders++] = bidder[t];
	n_bidders = sort_unique(bidders, n_bidders);
	limit = n_bidders / 2 > 3 ? n_bidders / 2 : 3;
	n_entries = 0;
	for (size_t t = 0; t < n; t++)
		for (size_t i = 0; texts[t] && i < texts[t]->n; i++)
			entries[n_entries++] = (struct entry){texts[t]->hash[i], t, i};
	qsort(entries, n_entries, sizeof(*entries), entry_cmp);
	for (size_t i = 0; exclude && i < exclude->n; i++)
		excluded[i] = exclude->hash[i];
	qsort(excluded, exclude ? exclude->n : 0, sizeof(*excluded), hash_cmp);

	for (size_t a = 0, b; a < n_entries && ok; a = b) {
		for (b = a + 1; b < n_entries && entries[b].hash == entries[a].hash; b++)
			;
		if (b - a < 2 || (exclude && bsearch(&entries[a].hash, excluded, exclude->n,
						      sizeof(*excluded), hash_cmp)))
			continue;
		ok = credit_run(texts, bidder, entries + a, b - a, limit, bidders, &credits,
				&n_credits, &cap);
	}
	if (!ok)
		goto nomem;
	if (n_credits)
		qsort(credits, n_credits, sizeof(*credits), credit_cmp);
	for (size_t a = 0, b; a < n_credits; a = b) {
		struct shared_text st = {credits[a].text, credits[a].other, 0, 0, credits[a].offset,
					 (uint32_t)texts[credits[a].text]->k};

		for (b = a; b < n_credits && credits[b].text == credits[a].text &&
			    credits[b].bidder == credits[a].bidder;
		     b++) {
			if (b > a && credits[b].word == credits[b - 1].word)
				continue;
			st.shingles++;
			if (b == a || credits[b].word != credits[b - 1].word + 1)
				st.passages++;
			else if (st.passages == 1)
				st.example_words++; /* the first passage goes on */
		}
		if (!grow((void **)out, &cap_out, *n_out + 1, sizeof(**out)))
			goto nomem;
		(*out)[(*n_out)++] = st;
	}
	tender_free(entries);
	tender_free(credits);
	tender_free(excluded);
	tender_free(bidders);
	return TENDER_OK;
nomem:
	tender_free(entries);
	tender_free(credits);
	tender_free(excluded);
	tender_free(bidders);
	tender_free(*out);
	*out = NULL;
	*n_out = 0;
	return TENDER_ERR_NOMEM;
}
