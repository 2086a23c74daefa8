/*
 * shingle.h - shared text between bids, a bid-rigging signal: the text of a
 * bid cut into shingles (every run of k consecutive words, as fold.h cuts
 * and folds them: case, compatibility forms, Unicode spaces, punctuation
 * and invisible format characters set aside), each hashed with SipHash (libsodium's
 * crypto_shorthash, fixed key: the same text gives the same hashes on every
 * machine); then, across bids, the passages two bidders have in common that
 * the tender itself does not contain.
 */
#ifndef TENDER_SHINGLE_H
#define TENDER_SHINGLE_H

#include "tender.h"

#include <stddef.h>
#include <stdint.h>

/* The shingles of one text (a bid's, or the tender's). */
struct shingles {
	char *words;      /* the text's words, folded (fold.h), one space apart */
	uint64_t *hash;   /* one per shingle */
	uint32_t *word;   /* its first word's index (segments count on) */
	uint32_t *offset; /* its first byte in words */
	size_t n, cap;
	uint32_t n_words;
	int k;
};

/* Starts an empty set of k-word shingles. */
void shingles_init(struct shingles *s, int k);

/* Adds the shingles of one segment of text (shingles never span two
 * segments). Returns TENDER_OK, TENDER_ERR_LIMIT when the words of all
 * segments would pass 4 GiB, or TENDER_ERR_NOMEM; on failure s keeps the
 * shingles it had (and is valid for shingles_release). */
enum tender_status shingles_add(struct shingles *s, const char *text);

void shingles_release(struct shingles *s);

/* The `words` words of s from byte offset (a shingle's) into buf, cut with
 * an ellipsis past 300 bytes, never inside a UTF-8 sequence. */
void shingles_passage(const struct shingles *s, uint32_t offset, uint32_t words, char *buf,
		      size_t size);

/* What one bid shares with the bids of another bidder. */
struct shared_text {
	size_t bid, other;    /* indexes of the bids (other: the first of that bidder's) */
	size_t passages;      /* maximal runs of consecutive shared shingles */
	size_t shingles;      /* shared shingles */
	uint32_t example;     /* offset in the bid's words of its first shared passage */
	uint32_t example_words; /* the passage's length in words */
};

/* Finds, for each of n texts (bids; bidder[i] numbers each bid's bidder),
 * the texts of other bidders it shares shingles with, leaving out shingles
 * found in `exclude` (the tender's own text) and those shared by more than
 * half the bidders (common phrases; with two or three bidders, any shared
 * shingle counts). texts[i] NULL: not compared. *out is sorted by bid, then
 * other. Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status shingles_compare(const struct shingles *const *texts, const size_t *bidder,
				    size_t n, const struct shingles *exclude,
				    struct shared_text **out, size_t *n_out);

#endif
