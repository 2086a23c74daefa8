/*
 * strbuf.c - growable strings (see strbuf.h).
 */
#include "strbuf.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char cut_note[] = " [... cut at 64 KiB]";
static const char cut_note_whole[] = " [... cut]";

void strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	size_t max = sb->max ? sb->max : STRBUF_MAX;

	if (sb->nomem || sb->cut)
		return;
	if (sb->len + n > max) {
		n = max - sb->len;
		while (n > 0 && (s[n] & 0xC0) == 0x80) /* whole UTF-8 sequences only */
			n--;
		sb->cut = 1;
	}
	if (sb->len + n + sizeof(cut_note) > sb->cap) {
		size_t cap = sb->cap ? sb->cap : 64;
		char *grown;

		while (cap < sb->len + n + sizeof(cut_note))
			cap *= 2;
		grown = tender_realloc(sb->buf, cap);
		if (!grown) {
			sb->nomem = 1;
			return;
		}
		sb->buf = grown;
		sb->cap = cap;
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	if (sb->cut) {
		/* only the default cap is 64 KiB; the note never overstates */
		const char *note = max == STRBUF_MAX ? cut_note : cut_note_whole;
		size_t note_len = strlen(note);

		memcpy(sb->buf + sb->len, note, note_len);
		sb->len += note_len;
	}
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	char small[512];
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		strbuf_add(sb, small, (size_t)n);
	} else if (n >= 0) {
		char *big = tender_malloc((size_t)n + 1);

		if (big) {
			vsnprintf(big, (size_t)n + 1, fmt, again);
			strbuf_add(sb, big, (size_t)n);
			tender_free(big);
		} else {
			sb->nomem = 1;
		}
	}
	va_end(again);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *strbuf_detach(struct strbuf *sb)
{
	char *out;

	if (sb->nomem) {
		strbuf_release(sb);
		return NULL;
	}
	out = sb->buf ? sb->buf : tender_strdup("");
	sb->buf = NULL;
	strbuf_release(sb);
	return out;
}

void strbuf_release(struct strbuf *sb)
{
	size_t max = sb->max;

	tender_free(sb->buf);
	memset(sb, 0, sizeof(*sb));
	sb->max = max;
}

enum tender_status strbuf_status(const struct strbuf *sb)
{
	if (sb->nomem)
		return TENDER_ERR_NOMEM;
	return sb->cut ? TENDER_ERR_LIMIT : TENDER_OK;
}

char *strbuf_vformat(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT_WHOLE; /* a text may quote a bid: whole */

	strbuf_vaddf(&sb, fmt, ap);
	if (strbuf_status(&sb)) { /* out of memory, or past 1 GiB */
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

char *strbuf_format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = strbuf_vformat(fmt, ap);
	va_end(ap);
	return s;
}
