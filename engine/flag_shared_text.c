/*
 * flag_shared_text.c - <shared-text select="XPATH" words=""
 * min-passages=""/>: per bid, the selected text is cut into shingles of
 * `words` words; across bids, raised on a bid that shares at least
 * min-passages passages with bids of other organisations, leaving out the
 * tender's own text (shingle.h).
 */
#include "kinds.h"

#include "alloc.h"
#include "names.h"
#include "rule_read.h"
#include "ruleset.h"
#include "score.h"
#include "shingle.h"
#include "strbuf.h"

#include <stdio.h>

struct shared_text_flag {
	struct xpath_expr select;
	int words, min_passages;
};

static const char *const shared_text_names[] = {"others", "passages", "words", "example", NULL};

static void read_shared_text(struct loader *l, const xmlNode *el, struct flag *f)
{
	struct shared_text_flag *shared = kind_data_new(l, sizeof(*shared));

	if (!shared)
		return;
	f->data = shared;
	compile_xpath(l, el, "select", f->id, &shared->select);
	shared->words = 20;
	shared->min_passages = 1;
	attr_integer(l, el, "words", 5, 100, &shared->words);
	attr_integer(l, el, "min-passages", 1, 1000000, &shared->min_passages);
}

/* Per bid: the text the flag compares, cut into shingles for the cross-bid
 * phase (a struct shingles kept in the bid's flag_data[fi]; empty when the
 * select fails). */
static void read_text(struct bid_ctx *c, size_t fi)
{
	const struct flag *f = &c->rs->flags[fi];
	const struct shared_text_flag *shared = f->data;
	struct shingles *s = tender_malloc(sizeof(*s));
	xmlXPathObjectPtr r;

	if (!s) {
		c->nomem = 1;
		return;
	}
	shingles_init(s, shared->words);
	c->b->flag_data[fi] = s;
	if (xpath_eval(&c->env, &shared->select, &r)) {
		if (bid_add_problem(c->b, "flag %s could not be evaluated: %s", f->id,
				    c->env.error))
			c->nomem = 1;
		return;
	}
	if (r->type == XPATH_NODESET && r->nodesetval)
		for (int i = 0; i < r->nodesetval->nodeNr && !c->nomem; i++) {
			xmlChar *text = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

			if (text && shingles_add(s, (const char *)text))
				c->nomem = 1;
			xmlFree(text);
		}
	else if (r->type == XPATH_STRING && shingles_add(s, (const char *)r->stringval))
		c->nomem = 1;
	else if (r->type != XPATH_NODESET && r->type != XPATH_STRING &&
		 bid_add_problem(c->b,
				 "flag %s could not be evaluated: its select gives a %s, "
				 "not text",
				 f->id, r->type == XPATH_NUMBER ? "number" : "boolean"))
		c->nomem = 1;
	xmlXPathFreeObject(r);
}

/* Numbers the bids' bidders: bids of one organisation (names.h) share a
 * number. Caller frees; NULL on out of memory. */
static size_t *number_bidders(const struct bid_result *bids, size_t n_bids)
{
	const char **names = tender_calloc(n_bids ? n_bids : 1, sizeof(*names));
	size_t *number = tender_calloc(n_bids ? n_bids : 1, sizeof(*number));

	for (size_t i = 0; names && i < n_bids; i++)
		names[i] = bids[i].bidder ? bids[i].bidder : "";
	if (!names || !number || names_number(names, n_bids, number)) {
		tender_free(number);
		number = NULL;
	}
	tender_free(names);
	return number;
}

/* Raises the flag on the bid of found[a] for the passages it shares with
 * the bids found[a..b) name; sets *next to b. Returns 0 on out of memory. */
static int raise_shared(const struct across_ctx *x, size_t fi, const struct shared_text *found,
			size_t n_found, size_t a, size_t *next)
{
	const struct flag *f = &x->rs->flags[fi];
	const struct shared_text_flag *shared = f->data;
	struct bid_result *bids = x->bids;
	struct strbuf others = STRBUF_INIT_WHOLE;
	size_t passages = 0, b;
	char n_passages[32], words[32], example[320], *message = NULL;
	int ok;

	for (b = a; b < n_found && found[b].bid == found[a].bid; b++) {
		strbuf_addf(&others, "%s%s (%s)", b > a ? ", " : "", bids[found[b].other].id,
			    bids[found[b].other].bidder);
		passages += found[b].passages;
	}
	*next = b;
	if (passages < (size_t)shared->min_passages) {
		strbuf_release(&others);
		return 1;
	}
	snprintf(n_passages, sizeof(n_passages), "%zu", passages);
	snprintf(words, sizeof(words), "%d", shared->words);
	shingles_passage(bids[found[a].bid].flag_data[fi], found[a].example, found[a].example_words,
			 example, sizeof(example));
	{
		const struct template_value values[] = {
		    {"others", strbuf_str(&others)},
		    {"passages", n_passages},
		    {"words", words},
		    {"example", example},
		};

		ok = !others.nomem && !template_render(&f->message, NULL, values, 4, &message) &&
		     add_flag(&bids[found[a].bid], fi, message);
	}
	strbuf_release(&others);
	return ok;
}

static int run_shared_text(const struct across_ctx *x, size_t fi)
{
	const struct shared_text_flag *shared = x->rs->flags[fi].data;
	const struct shingles **texts = tender_calloc(x->n_bids, sizeof(*texts));
	size_t *bidder = number_bidders(x->bids, x->n_bids), n_found = 0;
	struct shingles tender;
	struct shared_text *found = NULL;
	xmlChar *content = x->tender_root ? xmlNodeGetContent(x->tender_root) : NULL;
	int ok = texts && bidder;

	shingles_init(&tender, shared->words);
	if (ok && content)
		ok = shingles_add(&tender, (const char *)content) == TENDER_OK;
	xmlFree(content);
	for (size_t i = 0; ok && i < x->n_bids; i++) {
		const struct bid_result *b = &x->bids[i];

		texts[i] = b->evaluated && b->flag_data ? b->flag_data[fi] : NULL;
	}
	ok = ok &&
	     shingles_compare(texts, bidder, x->n_bids, &tender, &found, &n_found) == TENDER_OK;
	for (size_t a = 0; ok && a < n_found;)
		ok = raise_shared(x, fi, found, n_found, a, &a);
	shingles_release(&tender);
	tender_free(found);
	tender_free(bidder);
	tender_free(texts);
	return ok;
}

static void release_shared_text(void *data)
{
	struct shared_text_flag *shared = data;

	if (!shared)
		return;
	xpath_expr_release(&shared->select);
	tender_free(shared);
}

/* Frees a bid's text, kept by read_text. */
static void release_text(void *data)
{
	struct shingles *s = data;

	if (!s)
		return;
	shingles_release(s);
	tender_free(s);
}

const struct flag_ops flag_shared_text = {
    .element = "shared-text",
    .message_names = shared_text_names,
    .read = read_shared_text,
    .run_bid = read_text,
    .run_across = run_shared_text,
    .release = release_shared_text,
    .release_bid = release_text,
};
