/*
 * xml.c - the safe XML loader and tree helpers (see xml.h).
 *
 * The parser is libxml2's, driven with a tightened SAX handler:
 *   - internalSubset stops the parse at the first "<!DOCTYPE", before any
 *     entity declaration is read;
 *   - startElementNs records each element's start position, refuses XInclude
 *     elements, and refuses a declared encoding other than UTF-8;
 *   - serror keeps the first error, with its line and column.
 * Before parsing, a scan of the bytes refuses an element with more than
 * XML_MAX_NAMESPACES_PER_ELEMENT namespace declarations, or more than
 * XML_MAX_NAMESPACES_IN_SCOPE in scope.
 * Options: XML_PARSE_NONET | NOERROR | NOWARNING | NOCDATA. Never NOENT,
 * DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER.
 */
#include "xml.h"

#include "alloc.h"
#include "error.h"
#include "input.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <sodium.h>

/* ---------------------------------------------------------------------- */
/* Element positions: an open-addressing map from node to line and column. */

struct position {
	const xmlNode *node;
	int line, column;
};

struct positions {
	struct position *slots;
	size_t cap, n; /* cap is 0 or a power of two */
};

static size_t position_hash(const xmlNode *node, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)node;

	h ^= h >> 29;
	h *= UINT64_C(0xbf58476d1ce4e5b9);
	h ^= h >> 32;
	return (size_t)h & (cap - 1);
}

static void positions_put_slot(struct position *slots, size_t cap, struct position p)
{
	size_t i = position_hash(p.node, cap);

	while (slots[i].node)
		i = (i + 1) & (cap - 1);
	slots[i] = p;
}

static enum tender_status positions_add(struct positions *map, const xmlNode *node, int line,
					int column)
{
	struct position p = {node, line, column};

	if ((map->n + 1) * 2 > map->cap) {
		size_t cap = map->cap ? map->cap * 2 : 256;
		struct position *slots = tender_calloc(cap, sizeof(*slots));

		if (!slots)
			return TENDER_ERR_NOMEM;
		for (size_t i = 0; i < map->cap; i++)
			if (map->slots[i].node)
				positions_put_slot(slots, cap, map->slots[i]);
		tender_free(map->slots);
		map->slots = slots;
		map->cap = cap;
	}
	positions_put_slot(map->slots, map->cap, p);
	map->n++;
	return TENDER_OK;
}

static const struct position *positions_find(const struct positions *map, const xmlNode *node)
{
	if (!map->cap)
		return NULL;
	for (size_t i = position_hash(node, map->cap); map->slots[i].node;
	     i = (i + 1) & (map->cap - 1))
		if (map->slots[i].node == node)
			return &map->slots[i];
	return NULL;
}

/* ---------------------------------------------------------------------- */
/* The document. */

struct xml_doc {
	xmlDocPtr tree;
	struct positions positions;
};

xmlDocPtr xml_doc_tree(const struct xml_doc *doc)
{
	return doc->tree;
}

xmlNodePtr xml_doc_root(const struct xml_doc *doc)
{
	return xmlDocGetRootElement(doc->tree);
}

void xml_doc_free(struct xml_doc *doc)
{
	if (!doc)
		return;
	xmlFreeDoc(doc->tree);
	tender_free(doc->positions.slots);
	tender_free(doc);
}

void xml_node_position(const struct xml_doc *doc, const xmlNode *node, int *line, int *column)
{
	const struct position *p;

	if (node && node->type == XML_ATTRIBUTE_NODE)
		node = node->parent;
	p = node ? positions_find(&doc->positions, node) : NULL;
	if (p) {
		*line = p->line;
		*column = p->column;
	} else {
		long l = node ? xmlGetLineNo(node) : 0;

		*line = l > 0 && l < INT32_MAX ? (int)l : 0;
		*column = 0;
	}
}

/* ---------------------------------------------------------------------- */
/* Parsing. */

struct load {
	const char *name;
	struct tender_error *err;
	struct positions positions;
	int failed;          /* err holds the first failure */
	int seen_root;
	size_t text_run;     /* bytes of character data since the last tag */
	int text_line, text_column; /* where that character data began */
	enum tender_status status;
};

/* Records the first failure and stops the parser. */
static void load_fail(xmlParserCtxtPtr ctxt, struct load *load, enum tender_status status,
		      const char *code, int line, int column, const char *message)
{
	if (!load->failed) {
		load->failed = 1;
		load->status = status;
		error_set(load->err, status, code, load->name, line, column, "%s", message);
	}
	xmlStopParser(ctxt);
}

static int utf8_chars(const xmlChar *from, const xmlChar *to)
{
	int n = 0;

	for (; from < to; from++)
		if ((*from & 0xC0) != 0x80)
			n++;
	return n;
}

/* The line and column of p, a position in the parser's current input at or
 * before the parser's own position (whose line and column libxml2 keeps). */
static void input_position(xmlParserInputPtr in, const xmlChar *p, int *line, int *column)
{
	const xmlChar *nl = NULL;
	int newlines = 0;

	for (const xmlChar *q = p; q < in->cur; q++)
		if (*q == '\n') {
			newlines++;
			nl = q;
		}
	*line = in->line - newlines;
	if (!nl) {
		*column = in->col - utf8_chars(p, in->cur);
	} else {
		const xmlChar *line_start = p;

		while (line_start > in->base && line_start[-1] != '\n')
			line_start--;
		*column = utf8_chars(line_start, p) + 1;
	}
	if (*line < 1)
		*line = 1;
	if (*column < 1)
		*column = 1;
}

/* The last `c` before the parser's position, looking back at most `limit`
 * bytes and never past `stop` (a byte that cannot occur in the token); NULL
 * when there is none in the part of the input still in memory. */
static const xmlChar *scan_back(xmlParserInputPtr in, xmlChar c, xmlChar stop, size_t limit)
{
	const xmlChar *p = in->cur;

	while (p > in->base && limit-- > 0) {
		p--;
		if (*p == c)
			return p;
		if (*p == stop)
			return NULL;
	}
	return NULL;
}

/* The position of the '<' of the start tag the parser has just read: the
 * parser stands at its closing '>' or '/>', and no '<' can occur inside a
 * start tag. */
static void start_tag_position(xmlParserCtxtPtr ctxt, int *line, int *column)
{
	xmlParserInputPtr in = ctxt->input;
	const xmlChar *p = in->cur;

	while (p > in->base && *p != '<')
		p--;
	input_position(in, p, line, column);
}

/* The position of the "<!DOCTYPE" the parser is reading: it stands after the
 * name and external identifier, which may span lines. Only the literals of
 * the identifier may hold a '<', so they are skipped whole (a literal cannot
 * contain its own quote). */
static void doctype_position(xmlParserCtxtPtr ctxt, int *line, int *column)
{
	xmlParserInputPtr in = ctxt->input;
	const xmlChar *p = in->cur;

	while (p > in->base) {
		p--;
		if (*p == '"' || *p == '\'') {
			xmlChar quote = *p;

			while (p > in->base && p[-1] != quote)
				p--;
			if (p > in->base)
				p--;
		} else if (*p == '<') {
			input_position(in, p, line, column);
			return;
		}
	}
	*line = in->line; /* the start is no longer in memory */
	*column = 1;
}

static int is_utf8_name(const xmlChar *enc)
{
	return !xmlStrcasecmp(enc, BAD_CAST "UTF-8") || !xmlStrcasecmp(enc, BAD_CAST "UTF8");
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *load = ctxt->_private;
	int line, column;
	char message[256];

	load->text_run = 0;
	load->text_line = ctxt->input->line;
	load->text_column = ctxt->input->col + 1; /* the parser stands at the '>' */
	start_tag_position(ctxt, &line, &column);
	if (!load->seen_root) {
		load->seen_root = 1;
		if (ctxt->input->encoding && !is_utf8_name(ctxt->input->encoding)) {
			snprintf(message, sizeof(message),
				 "the file declares encoding '%.40s'; only UTF-8 is accepted: "
				 "save the file as UTF-8 and declare encoding=\"UTF-8\"",
				 (const char *)ctxt->input->encoding);
			load_fail(ctxt, load, TENDER_ERR_XML, "xml-encoding", 1, 1, message);
			return;
		}
	}
	if (uri && (xmlStrEqual(uri, BAD_CAST "http://www.w3.org/2001/XInclude") ||
		    xmlStrEqual(uri, BAD_CAST "http://www.w3.org/2003/XInclude"))) {
		load_fail(ctxt, load, TENDER_ERR_XML, "xml-xinclude", line, column,
			  "XInclude is not allowed: put the content in the file itself");
		return;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
	if (ctxt->node && positions_add(&load->positions, ctxt->node, line, column))
		load_fail(ctxt, load, TENDER_ERR_NOMEM, "nomem", 0, 0, "out of memory");
}

static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			   const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *load = ctxt->_private;

	load->text_run = 0;
	load->text_line = ctxt->input->line;
	load->text_column = ctxt->input->col;
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

/* libxml2 2.9 caps a text node only when it grows by appending; this cap
 * holds however the parser delivers the text. */
static void on_characters(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *load = ctxt->_private;

	load->text_run += (size_t)len;
	if (load->text_run > XML_MAX_TEXT_BYTES) {
		load_fail(ctxt, load, TENDER_ERR_LIMIT, "xml-text-too-long", load->text_line,
			  load->text_column,
			  "the text starting here is too long (the limit is 10,000,000 bytes "
			  "between two tags)");
		return;
	}
	xmlSAX2Characters(ctx, ch, len);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
		       const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	int line, column;

	(void)name;
	(void)external_id;
	(void)system_id;
	doctype_position(ctxt, &line, &column);
	load_fail(ctxt, ctxt->_private, TENDER_ERR_XML, "xml-doctype", line, column,
		  "a DOCTYPE declaration is not allowed (no DTDs or entities): "
		  "remove the <!DOCTYPE ...> line");
}

/* A parser error as the bidder is told it: status, stable code, words and
 * the position of the offending token. */
struct complaint {
	enum tender_status status;
	const char *code;
	int line, column;
	char message[512];
};

/* The byte just before the parser's position, or 0. */
static xmlChar byte_before(xmlParserInputPtr in)
{
	return in->cur > in->base ? in->cur[-1] : 0;
}

/* Longest look-back for the start of a token: libxml2 refuses names longer
 * than 50,000 characters of up to 4 bytes. */
#define TOKEN_LOOKBACK ((size_t)200100)

/* Explains a reference (&...;) the parser refused, pointing at its '&'. */
static void explain_reference(xmlParserInputPtr in, const xmlError *e, struct complaint *k)
{
	const xmlChar *amp = scan_back(in, '&', '<', TOKEN_LOOKBACK);
	const char *msg = e->message ? e->message : "";

	if (amp)
		input_position(in, amp, &k->line, &k->column);
	switch (e->code) {
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		k->code = "xml-entity";
		snprintf(k->message, sizeof(k->message),
			 "an entity reference (&name;) other than &amp; &lt; &gt; &quot; "
			 "&apos; or a character reference is not allowed");
		return;
	case XML_ERR_INVALID_CHAR: {
		/* "&#0;": quote the reference itself, which holds only these
		 * characters */
		static const char ref_chars[] = "&#xX0123456789abcdefABCDEF;";
		const char *beyond =
		    strstr(msg, "out of bounds") ? " (there is no such character)" : "";
		size_t n = amp ? (size_t)(in->cur - amp) : 0;

		if (n < 2 || n > 16 || strspn((const char *)amp, ref_chars) < n ||
		    amp[n - 1] != ';')
			n = 0;
		if (n)
			snprintf(k->message, sizeof(k->message),
				 "%.*s is a character XML does not allow%s", (int)n,
				 (const char *)amp, beyond);
		else
			snprintf(k->message, sizeof(k->message),
				 "a character reference names a character XML does not allow");
		return;
	}
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
		snprintf(k->message, sizeof(k->message),
			 "a character reference must be written &#DIGITS; or &#xHEXDIGITS;");
		return;
	default: /* a name without ';', or no name at all */
		snprintf(k->message, sizeof(k->message), "a bare & must be written &amp;");
		return;
	}
}

/* Words a bidder understands for libxml2's commonest complaints, and the
 * position of the token at fault rather than where the parser gave up.
 * Leaves k->message empty for complaints without better words. */
static void explain_parser_error(xmlParserCtxtPtr ctxt, const xmlError *e, struct complaint *k)
{
	xmlParserInputPtr in = ctxt->input;
	const char *msg = e->message ? e->message : "";
	const xmlChar *lt;

	k->status = TENDER_ERR_XML;
	k->code = "xml-syntax";
	k->line = e->line;
	k->column = e->int2 > 0 ? e->int2 : 1;
	k->message[0] = '\0';
	if (strstr(msg, "Excessive depth")) {
		k->status = TENDER_ERR_LIMIT;
		k->code = "xml-too-deep";
		snprintf(k->message, sizeof(k->message),
			 "elements are nested too deeply (the limit is 256 levels)");
		return;
	}
	if (strstr(msg, "huge text node") || strstr(msg, "AttValue length too long")) {
		k->status = TENDER_ERR_LIMIT;
		k->code = "xml-text-too-long";
		snprintf(k->message, sizeof(k->message),
			 "a text or attribute value is too long (the limit is 10,000,000 bytes)");
		return;
	}
	if (strstr(msg, "labelled")) {
		k->code = "xml-encoding";
		snprintf(k->message, sizeof(k->message),
			 "the encoding declared in the file does not match its content: save "
			 "the file as UTF-8 and declare encoding=\"UTF-8\"");
		return;
	}
	switch (e->code) {
	case XML_ERR_DOCUMENT_EMPTY:
		k->code = "xml-empty";
		snprintf(k->message, sizeof(k->message), "the file is empty or is not XML");
		return;
	case XML_ERR_DOCUMENT_END:
		k->code = "xml-extra-content";
		snprintf(k->message, sizeof(k->message),
			 "there is content after the end of the root element "
			 "(a file must have exactly one root element)");
		return;
	case XML_ERR_INVALID_CHAR:
		if (in && strstr(msg, "CharRef")) {
			explain_reference(in, e, k);
			return;
		}
		/* fall through */
	case XML_ERR_INVALID_ENCODING:
		k->code = "xml-encoding";
		if (strstr(msg, "not proper UTF-8"))
			snprintf(k->message, sizeof(k->message),
				 "the file is not valid UTF-8 here: save it as UTF-8");
		return;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		if (in)
			explain_reference(in, e, k);
		return;
	case XML_ERR_NAME_REQUIRED:
		/* The parser stands just after a '&' or '<' that no name follows. */
		if (in && byte_before(in) == '&') {
			input_position(in, in->cur - 1, &k->line, &k->column);
			snprintf(k->message, sizeof(k->message), "a bare & must be written &amp;");
		} else if (in && byte_before(in) == '<') {
			input_position(in, in->cur - 1, &k->line, &k->column);
			snprintf(k->message, sizeof(k->message),
				 "a < in text must be written &lt;");
		}
		return;
	case XML_ERR_LT_IN_ATTRIBUTE:
		snprintf(k->message, sizeof(k->message),
			 "a < in an attribute value must be written &lt;");
		return;
	case XML_ERR_TAG_NAME_MISMATCH:
		/* The parser stands after the end tag's '>'. */
		lt = in ? scan_back(in, '<', 0, TOKEN_LOOKBACK) : NULL;
		if (lt)
			input_position(in, lt, &k->line, &k->column);
		snprintf(k->message, sizeof(k->message),
			 "the end tag </%.100s> does not match the start tag <%.100s> at line %d",
			 e->str2 ? e->str2 : "?", e->str1 ? e->str1 : "?", e->int1);
		return;
	case XML_ERR_RESERVED_XML_NAME:
		/* The parser stands after "<?xml". */
		lt = in ? scan_back(in, '<', 0, 8) : NULL;
		if (lt)
			input_position(in, lt, &k->line, &k->column);
		if (strstr(msg, "XML declaration allowed only at the start"))
			snprintf(k->message, sizeof(k->message),
				 "the XML declaration <?xml ...?> must come first in the file, "
				 "with nothing before it, not even a blank line or a space");
		return;
	case XML_ERR_NO_MEMORY:
		k->status = TENDER_ERR_NOMEM;
		k->code = "nomem";
		snprintf(k->message, sizeof(k->message), "out of memory");
		return;
	default: return;
	}
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *load = ctxt->_private;
	struct complaint k;

	if (e->level == XML_ERR_WARNING || load->failed)
		return;
	explain_parser_error(ctxt, e, &k);
	if (!k.message[0]) {
		/* libxml2's own text: keep its first line, lower-case start. */
		size_t len;

		snprintf(k.message, sizeof(k.message), "not well-formed XML: %s",
			 e->message ? e->message : "unknown error");
		len = strcspn(k.message, "\n");
		k.message[len] = '\0';
		while (len > 0 && (k.message[len - 1] == ' ' || k.message[len - 1] == '.'))
			k.message[--len] = '\0';
	}
	load_fail(ctxt, load, k.status, k.code, k.line, k.column, k.message);
}

/* Line and column (1-based, in characters) of byte offset `at` of data. */
static void offset_position(const char *data, size_t at, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < at; i++) {
		if (data[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if ((data[i] & 0xC0) != 0x80) {
			(*column)++;
		}
	}
}

/* The end of the first `close` at or after p (or end when there is none). */
static const char *skip_past(const char *p, const char *end, const char *close)
{
	size_t n = strlen(close);

	for (; p + n <= end; p++)
		if (memcmp(p, close, n) == 0)
			return p + n;
	return end;
}

/* Refuses, before parsing, an element that declares more than
 * XML_MAX_NAMESPACES_PER_ELEMENT namespaces, or at which more than
 * XML_MAX_NAMESPACES_IN_SCOPE declarations are in scope (its own and its
 * ancestors'): libxml2 2.9 checks each declaration against every other one
 * of its element (quadratic: 500,000 declarations took a minute) and looks
 * every prefix up through all the declarations in scope (8,000 of them in
 * 250 nested elements made a 6 MB file take 28 s). A lexical scan of the
 * tags (comments, CDATA sections, processing instructions and attribute
 * values skipped whole); what is not well formed, or nested deeper than
 * libxml2's limit, is left to the parser to report. */
static enum tender_status check_namespaces(const char *data, size_t size, const char *name,
					   struct tender_error *err)
{
	const char *p = data, *end = data + size;
	int open[300], depth = 0, in_scope = 0;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *tag = p;
		int n_decls = 0, line, column;

		p++;
		if (p < end && *p == '!') {
			if (end - p >= 3 && memcmp(p, "!--", 3) == 0)
				p = skip_past(p + 3, end, "-->");
			else if (end - p >= 8 && memcmp(p, "![CDATA[", 8) == 0)
				p = skip_past(p + 8, end, "]]>");
			continue;
		}
		if (p < end && *p == '?') {
			p = skip_past(p + 1, end, "?>");
			continue;
		}
		if (p < end && *p == '/') { /* an end tag closes an element */
			if (depth > 0)
				in_scope -= open[--depth];
			continue;
		}
		while (p < end && *p != '>') {
			if (*p == '"' || *p == '\'') { /* a value: skipped whole */
				const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));

				p = q ? q + 1 : end;
				continue;
			}
			if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
				p++;
				continue;
			}
			while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
				p++;
			if (end - p >= 5 && memcmp(p, "xmlns", 5) == 0 &&
			    (end - p == 5 || p[5] == ':' || p[5] == '=' || p[5] == ' ' ||
			     p[5] == '\t' || p[5] == '\n' || p[5] == '\r'))
				n_decls++;
		}
		if (n_decls > XML_MAX_NAMESPACES_PER_ELEMENT ||
		    in_scope + n_decls > XML_MAX_NAMESPACES_IN_SCOPE) {
			offset_position(data, (size_t)(tag - data), &line, &column);
			if (n_decls > XML_MAX_NAMESPACES_PER_ELEMENT)
				return error_set(err, TENDER_ERR_LIMIT, "xml-namespaces", name,
						 line, column,
						 "this element declares more than %d namespaces "
						 "(the limit is %d declarations per element)",
						 XML_MAX_NAMESPACES_PER_ELEMENT,
						 XML_MAX_NAMESPACES_PER_ELEMENT);
			return error_set(err, TENDER_ERR_LIMIT, "xml-namespaces", name, line,
					 column,
					 "more than %d namespace declarations are in scope at this "
					 "element, its own and its enclosing elements' (the limit "
					 "is %d)",
					 XML_MAX_NAMESPACES_IN_SCOPE, XML_MAX_NAMESPACES_IN_SCOPE);
		}
		if (p < end && p[-1] == '/')
			continue; /* <empty/>: nothing stays in scope */
		if (depth == (int)(sizeof(open) / sizeof(open[0])))
			return TENDER_OK; /* past libxml2's depth limit: its error */
		open[depth++] = n_decls;
		in_scope += n_decls;
	}
	return TENDER_OK;
}

/* Refuses, before parsing, what the parser would otherwise guess at:
 * UTF-16/32 (byte-order marks or NUL bytes), and NUL bytes anywhere. */
static enum tender_status precheck_bytes(const char *data, size_t size, const char *name,
					 struct tender_error *err)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *nul;

	if (size == 0)
		return error_set(err, TENDER_ERR_XML, "xml-empty", name, 0, 0,
				 "the file is empty");
	if (size >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE)))
		return error_set(err, TENDER_ERR_XML, "xml-encoding", name, 1, 1,
				 "the file is UTF-16 or UTF-32 (it starts with a byte-order mark); "
				 "only UTF-8 is accepted");
	nul = memchr(data, '\0', size);
	if (nul) {
		int line = 1, column = 1;

		for (const char *p = data; p < nul; p++) {
			if (*p == '\n') {
				line++;
				column = 1;
			} else if ((*p & 0xC0) != 0x80) {
				column++;
			}
		}
		return error_set(err, TENDER_ERR_XML, "xml-nul", name, line, column,
				 "the file contains a NUL byte; it is not UTF-8 text "
				 "(UTF-16 files are not accepted)");
	}
	return TENDER_OK;
}

enum tender_status xml_load_memory(const char *data, size_t size, const char *name,
				   struct xml_doc **out, struct tender_error *err)
{
	const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			    XML_PARSE_NOCDATA;
	struct load load = {.name = name, .err = err};
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr tree = NULL;
	struct xml_doc *doc = NULL;
	enum tender_status rc;

	*out = NULL;
	rc = precheck_bytes(data, size, name, err);
	if (!rc)
		rc = check_namespaces(data, size, name, err);
	if (rc)
		return rc;
	if (size > INT32_MAX)
		return error_set(err, TENDER_ERR_LIMIT, "file-too-large", name, 0, 0,
				 "the file is too large");

	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return error_set(err, TENDER_ERR_NOMEM, "nomem", name, 0, 0, "out of memory");
	ctxt->_private = &load;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->startElementNs = on_start_element;
	ctxt->sax->endElementNs = on_end_element;
	ctxt->sax->characters = on_characters;
	ctxt->sax->ignorableWhitespace = on_characters;
	ctxt->sax->serror = on_error;

	tree = xmlCtxtReadMemory(ctxt, data, (int)size, NULL, NULL, options);
	if (load.failed) {
		rc = load.status;
		goto out;
	}
	if (!tree || !ctxt->wellFormed || !xmlDocGetRootElement(tree)) {
		rc = error_set(err, TENDER_ERR_XML, "xml-syntax", name, 0, 0,
			       "not well-formed XML");
		goto out;
	}
	doc = tender_calloc(1, sizeof(*doc));
	if (!doc) {
		rc = error_set(err, TENDER_ERR_NOMEM, "nomem", name, 0, 0, "out of memory");
		goto out;
	}
	doc->tree = tree;
	doc->positions = load.positions;
	load.positions.slots = NULL;
	tree = NULL;
	*out = doc;
	rc = TENDER_OK;
out:
	xmlFreeDoc(tree);
	tender_free(load.positions.slots);
	xmlFreeParserCtxt(ctxt);
	return rc;
}

enum tender_status xml_load_file(const char *path, size_t max_bytes, struct xml_doc **out,
				 struct tender_error *err)
{
	return xml_load_file_hashed(path, max_bytes, out, NULL, err);
}

enum tender_status xml_load_file_hashed(const char *path, size_t max_bytes,
					struct xml_doc **out, unsigned char sha256[32],
					struct tender_error *err)
{
	struct input in;
	enum tender_status rc;

	*out = NULL;
	rc = input_read_file(path, max_bytes, &in, err);
	if (rc)
		return rc;
	if (sha256)
		memcpy(sha256, in.sha256, 32);
	rc = xml_load_memory(in.data, in.size, path, out, err);
	input_release(&in);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Library set-up. */

static xmlParserInputPtr deny_external_entity(const char *url, const char *id,
					      xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void ignore_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void tender_library_init(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	/* libxml2 keeps its own allocator: its 2.9.14 schema validator crashes
	 * on an allocation failure (found by test_validate's out-of-memory
	 * loop), so injected failures are confined to tender's own code. */
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_external_entity);
	/* Every error reaches us through a structured handler; libxml2's
	 * generic channel would print to stderr behind our back. */
	xmlSetGenericErrorFunc(NULL, ignore_generic_error);
	if (sodium_init() < 0)
		abort(); /* no secure randomness or hashing: nothing can be trusted */
}

void tender_library_cleanup(void)
{
	xmlCleanupParser();
}

/* ---------------------------------------------------------------------- */
/* Tree helpers. */

int xml_is(const xmlNode *node, const char *ns, const char *name)
{
	if (!node || node->type != XML_ELEMENT_NODE || !xmlStrEqual(node->name, BAD_CAST name))
		return 0;
	if (!ns)
		return node->ns == NULL;
	return node->ns && xmlStrEqual(node->ns->href, BAD_CAST ns);
}

xmlNodePtr xml_child(const xmlNode *parent, const char *ns, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (xml_is(c, ns, name))
			return c;
	return NULL;
}

xmlNodePtr xml_next_same(const xmlNode *node)
{
	for (xmlNodePtr c = node->next; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, node->name) &&
		    (c->ns == node->ns ||
		     (c->ns && node->ns && xmlStrEqual(c->ns->href, node->ns->href))))
			return c;
	return NULL;
}

static int is_space(xmlChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The longest prefix of s[0..n) that ends on a whole UTF-8 sequence. */
static size_t utf8_prefix(const char *s, size_t n)
{
	size_t lead = n, need;
	unsigned char c;

	while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0)
		return n;
	c = (unsigned char)s[lead - 1];
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return n - (lead - 1) >= need ? n : lead - 1;
}

/* Reads the text children of node (documents have no entities, so text and
 * merged CDATA are all there is) without allocating: the text without its
 * leading and trailing XML whitespace goes into buf, cut (never inside a
 * UTF-8 sequence) when it has size bytes or more; *length receives the
 * length of the whole trimmed text. Leading whitespace is skipped before
 * anything is cut, so an indented value is read whole. size must be at
 * least 1 (room for the terminating NUL). */
static const char *collect_text(const xmlNode *first_child, char *buf, size_t size, size_t *length)
{
	size_t total = 0, trimmed = 0, n;

	assert(size > 0);
	for (const xmlNode *c = first_child; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		for (const xmlChar *p = c->content; *p; p++) {
			if (total == 0 && is_space(*p))
				continue;
			/* total < size - 1, not total + 1 < size: the latter
			 * lets GCC assume total + 1 may wrap to 0 and warn of
			 * a store at buf[-1] (-Warray-bounds at -O2). */
			if (total < size - 1)
				buf[total] = (char)*p;
			total++;
			if (!is_space(*p))
				trimmed = total;
		}
	}
	*length = trimmed;
	n = trimmed;
	if (n >= size) {
		n = utf8_prefix(buf, size - 1);
		while (n > 0 && is_space((xmlChar)buf[n - 1]))
			n--;
	}
	buf[n] = '\0';
	return buf;
}

/* The attribute without namespace called name, or NULL. */
static const xmlAttr *plain_attr(const xmlNode *node, const char *name)
{
	xmlAttrPtr attr = node ? xmlHasProp(node, BAD_CAST name) : NULL;

	if (!attr || attr->type != XML_ATTRIBUTE_NODE || attr->ns)
		return NULL;
	return attr;
}

/* Copies the trimmed text of the children into a new string. */
static enum tender_status dup_text(const xmlNode *first_child, char **out)
{
	char probe[1];
	size_t length;

	collect_text(first_child, probe, sizeof(probe), &length);
	*out = tender_malloc(length + 1);
	if (!*out)
		return TENDER_ERR_NOMEM;
	collect_text(first_child, *out, length + 1, &length);
	return TENDER_OK;
}

enum tender_status xml_text_dup(const xmlNode *node, char **out)
{
	return dup_text(node ? node->children : NULL, out);
}

enum tender_status xml_attr_dup(const xmlNode *node, const char *name, char **out)
{
	const xmlAttr *attr = plain_attr(node, name);

	*out = NULL;
	return attr ? dup_text(attr->children, out) : TENDER_OK;
}

int xml_attr_is(const xmlNode *node, const char *name, const char *value, size_t len)
{
	const xmlAttr *attr = plain_attr(node, name);
	size_t matched = 0;
	int started = 0, trailing = 0;

	if (!attr)
		return 0;
	/* leading whitespace skipped, then value byte for byte, then only
	 * whitespace (the trimmed text is exactly value) */
	for (const xmlNode *c = attr->children; c; c = c->next) {
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		for (const xmlChar *p = c->content; *p; p++) {
			if (!started && is_space(*p))
				continue;
			started = 1;
			if (!trailing && matched < len && (char)*p == value[matched]) {
				matched++;
				continue;
			}
			if (matched == len && is_space(*p)) {
				trailing = 1;
				continue;
			}
			return 0;
		}
	}
	return matched == len;
}
