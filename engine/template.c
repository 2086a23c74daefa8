/*
 * template.c - parsing and rendering message templates (see template.h).
 */
#include "template.h"

#include "alloc.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

static enum tender_status add_segment(struct template *t, int kind, const char *text,
				      size_t len, char *why, size_t why_size)
{
	struct template_segment *segs, *s;
	enum tender_status rc;

	segs = tender_realloc(t->segs, (t->n + 1) * sizeof(*segs));
	if (!segs)
		return TENDER_ERR_NOMEM;
	t->segs = segs;
	s = &segs[t->n];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->text = tender_strndup(text, len);
	if (!s->text)
		return TENDER_ERR_NOMEM;
	t->n++;
	if (kind == SEG_XPATH) {
		rc = xpath_compile(s->text, &s->expr, why, why_size);
		if (rc)
			return rc;
	}
	return TENDER_OK;
}

enum tender_status template_parse(const char *text, struct template *t, char *why,
				  size_t why_size)
{
	/* the literal text between braces is never longer than the template:
	 * it is kept whole, however long */
	char *literal = tender_malloc(strlen(text) + 1);
	size_t n = 0;
	enum tender_status rc = TENDER_OK;

	memset(t, 0, sizeof(*t));
	if (!literal)
		return TENDER_ERR_NOMEM;
	for (const char *p = text; *p && !rc;) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			literal[n++] = p[0];
			p += 2;
		} else if (*p == '{') {
			const char *close = strchr(p, '}');

			if (!close) {
				snprintf(why, why_size, "message template has an unclosed '{'");
				rc = TENDER_ERR_RULE;
				break;
			}
			if (n)
				rc = add_segment(t, SEG_TEXT, literal, n, why, why_size);
			n = 0;
			if (!rc && p[1] == '=')
				rc = add_segment(t, SEG_XPATH, p + 2, (size_t)(close - p - 2), why,
						 why_size);
			else if (!rc)
				rc = add_segment(t, SEG_NAME, p + 1, (size_t)(close - p - 1), why,
						 why_size);
			p = close + 1;
		} else if (*p == '}') {
			snprintf(why, why_size, "message template has a '}' without '{' "
						"(write '}}' for a brace)");
			rc = TENDER_ERR_RULE;
		} else {
			literal[n++] = *p;
			p++;
		}
	}
	if (!rc && n)
		rc = add_segment(t, SEG_TEXT, literal, n, why, why_size);
	tender_free(literal);
	if (rc)
		template_release(t);
	return rc;
}

void template_release(struct template *t)
{
	for (size_t i = 0; i < t->n; i++) {
		tender_free(t->segs[i].text);
		xpath_expr_release(&t->segs[i].expr);
	}
	tender_free(t->segs);
	memset(t, 0, sizeof(*t));
}

enum tender_status template_render(const struct template *t, struct xpath_env *env,
				   const struct template_value *values, size_t n_values,
				   char **out)
{
	struct strbuf sb = STRBUF_INIT_WHOLE; /* a message is recorded whole */
	enum tender_status status;

	for (size_t i = 0; i < t->n; i++) {
		const struct template_segment *s = &t->segs[i];

		if (s->kind == SEG_TEXT) {
			strbuf_adds(&sb, s->text);
		} else if (s->kind == SEG_XPATH) {
			char *value = NULL;
			enum tender_status rc =
				env ? xpath_string_dup(env, &s->expr, &value) : TENDER_ERR_RULE;

			if (rc == TENDER_ERR_NOMEM) {
				strbuf_release(&sb);
				return rc;
			}
			if (rc)
				strbuf_addf(&sb, "[error: %s]", env ? env->error : "no document");
			else
				strbuf_adds(&sb, value);
			tender_free(value);
		} else {
			const char *value = NULL;

			for (size_t k = 0; k < n_values && !value; k++)
				if (strcmp(values[k].name, s->text) == 0)
					value = values[k].value;
			if (value)
				strbuf_adds(&sb, value);
			else
				strbuf_addf(&sb, "{%s}", s->text);
		}
	}
	status = strbuf_status(&sb);
	if (status) {
		strbuf_release(&sb);
		*out = NULL;
		return status;
	}
	*out = strbuf_detach(&sb);
	return *out ? TENDER_OK : TENDER_ERR_NOMEM;
}

int template_has_xpath(const struct template *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->segs[i].kind == SEG_XPATH)
			return 1;
	return 0;
}

const char *template_unknown_name(const struct template *t, const char *const *known)
{
	for (size_t i = 0; i < t->n; i++) {
		int found = 0;

		if (t->segs[i].kind != SEG_NAME)
			continue;
		for (const char *const *k = known; k && *k && !found; k++)
			found = strcmp(*k, t->segs[i].text) == 0;
		if (!found)
			return t->segs[i].text;
	}
	return NULL;
}
