/*
 * fold.c - text folded for comparison (see fold.h).
 *
 * Folding comes first, on the whole text, because compatibility
 * decomposition can turn one character into several, spaces included (a
 * no-break space becomes a space, "⑴" becomes "(1)"); the words are cut
 * from the folded text.
 */
#include "fold.h"

#include "alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwbrk.h>

enum kind { BOUNDARY, DROPPED, WORD };

static enum kind kind_of(ucs4_t uc)
{
	/* Ignorable characters vanish inside words (UAX #29 rule WB4), except
	 * those word breaking sees as Other: the zero-width space separates. */
	if (uc_is_property_default_ignorable_code_point(uc))
		return uc_wordbreak_property(uc) == WBP_OTHER ? BOUNDARY : DROPPED;
	if (uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N |
						     UC_CATEGORY_MASK_M))
		return WORD;
	return BOUNDARY;
}

enum tender_status fold_words(const char *text, size_t len, char **out, size_t *out_len)
{
	const uint8_t *folded, *p, *end;
	size_t n_folded = 0, n = 0;
	int pending_space = 0;
	char *words;

	*out = NULL;
	if (out_len)
		*out_len = 0;
	/* libunistring allocates the folded text with malloc: it is freed here,
	 * and only the words (through the allocation hook) leave. */
	folded = u8_casefold((const uint8_t *)text, len, NULL, UNINORM_NFKC, NULL, &n_folded);
	if (!folded && len > 0)
		return TENDER_ERR_NOMEM; /* EILSEQ cannot happen: invalid bytes are kept */
	words = tender_malloc(n_folded + 1);
	if (!words) {
		free((void *)folded);
		return TENDER_ERR_NOMEM;
	}
	for (p = folded, end = folded + n_folded; p < end;) {
		ucs4_t uc;
		int k = u8_mbtoucr(&uc, p, (size_t)(end - p));
		enum kind kind;

		if (k < 0) { /* not UTF-8: one byte, a boundary */
			kind = BOUNDARY;
			k = 1;
		} else {
			kind = kind_of(uc);
		}
		if (kind == WORD) {
			if (pending_space)
				words[n++] = ' ';
			pending_space = 0;
			memcpy(words + n, p, (size_t)k);
			n += (size_t)k;
		} else if (kind == BOUNDARY) {
			pending_space = n > 0;
		}
		p += k;
	}
	words[n] = '\0';
	free((void *)folded);
	*out = words;
	if (out_len)
		*out_len = n;
	return TENDER_OK;
}
