/*
 * test_xml.c - the safe loader: what it refuses and where it says the
 * problem is, element positions, the tree helpers, out-of-memory paths.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "xml.h"
#include "support.h"

static struct xml_doc *load_ok(const char *text)
{
	struct tender_error err = {0};
	struct xml_doc *doc = NULL;

	if (xml_load_memory(text, strlen(text), "t.xml", &doc, &err) != TENDER_OK)
		fail_msg("unexpected rejection: %s:%d:%d: %s", err.file, err.line, err.column,
			 err.message);
	return doc;
}

/* Loads bytes that must be refused; checks status, code and position. */
static void load_bad(const char *data, size_t size, enum tender_status status,
		     const char *code, int line, int column)
{
	struct tender_error err = {0};
	struct xml_doc *doc = (struct xml_doc *)1;

	assert_int_equal(xml_load_memory(data, size, "t.xml", &doc, &err), status);
	assert_null(doc);
	assert_int_equal(err.status, status);
	assert_string_equal(err.code, code);
	assert_string_equal(err.file, "t.xml");
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
	assert_true(strlen(err.message) > 10);
}

#define LOAD_BAD(text, status, code, line, col) \
	load_bad(text, sizeof(text) - 1, status, code, line, col)

static void test_refuses_doctype_before_entities(void **state)
{
	(void)state;
	LOAD_BAD("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n"
		 "<a>&x;</a>",
		 TENDER_ERR_XML, "xml-doctype", 2, 1);
	LOAD_BAD("<!DOCTYPE a SYSTEM \"http://example.com/a.dtd\"><a/>", TENDER_ERR_XML,
		 "xml-doctype", 1, 1);
	LOAD_BAD("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
		 "<lolz>&lol2;</lolz>",
		 TENDER_ERR_XML, "xml-doctype", 1, 1);
}

static void test_refuses_other_hostile_forms(void **state)
{
	(void)state;
	LOAD_BAD("<a xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n  <xi:include href=\"x\"/></a>",
		 TENDER_ERR_XML, "xml-xinclude", 2, 3);
	LOAD_BAD("<a>&ent;</a>", TENDER_ERR_XML, "xml-entity", 1, 4); /* at the '&' */
	LOAD_BAD("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>caf\xe9</a>", TENDER_ERR_XML,
		 "xml-encoding", 1, 1);
	LOAD_BAD("<a>\n caf\xe9 </a>", TENDER_ERR_XML, "xml-encoding", 2, 5);
	LOAD_BAD("<a>x\0y</a>", TENDER_ERR_XML, "xml-nul", 1, 5);
	LOAD_BAD("\xff\xfe<\0a\0/\0>\0", TENDER_ERR_XML, "xml-encoding", 1, 1);
	LOAD_BAD("", TENDER_ERR_XML, "xml-empty", 0, 0);
	LOAD_BAD("just text", TENDER_ERR_XML, "xml-empty", 1, 1);
	LOAD_BAD("<a/><b/>", TENDER_ERR_XML, "xml-extra-content", 1, 5);
	LOAD_BAD("<a><b></a>", TENDER_ERR_XML, "xml-syntax", 1, 7); /* at the "</" */
}

/* Loads bytes that must be refused; checks code, position and words. */
static void load_bad_says(const char *text, const char *code, int line, int column,
			  const char *words)
{
	struct tender_error err = {0};
	struct xml_doc *doc = NULL;

	assert_int_not_equal(xml_load_memory(text, strlen(text), "t.xml", &doc, &err), TENDER_OK);
	assert_null(doc);
	if (strcmp(err.code, code) != 0 || err.line != line || err.column != column ||
	    !strstr(err.message, words))
		fail_msg("'%s': got %s %d:%d '%s', expected %s %d:%d '%s'", text, err.code,
			 err.line, err.column, err.message, code, line, column, words);
}

/* A parser error points where the offending token starts, not where the
 * parser gave up, and says what to write instead. */
static void test_errors_point_at_the_token(void **state)
{
	(void)state;
	/* the '<' of a DOCTYPE written over several lines, after a comment */
	load_bad_says(
	    "<?xml version=\"1.0\"?>\n<!-- x -->\n  <!DOCTYPE\n a\n SYSTEM\n \"f\">\n<a/>",
	    "xml-doctype", 3, 3, "DOCTYPE");
	/* a '<' inside the system literal does not mislead */
	load_bad_says("<!DOCTYPE a SYSTEM \"<x>\"><a/>", "xml-doctype", 1, 1, "DOCTYPE");
	load_bad_says("<a>Health & care</a>", "xml-syntax", 1, 11,
		      "a bare & must be written &amp;");
	load_bad_says("<a>\n  A&E team</a>", "xml-syntax", 2, 4, "a bare & must be written &amp;");
	load_bad_says("<a b=\"R&D\"/>", "xml-syntax", 1, 8, "a bare & must be written &amp;");
	load_bad_says("<a>waits < 2 hours</a>", "xml-syntax", 1, 10,
		      "a < in text must be written &lt;");
	load_bad_says("<a>x &#0; y</a>", "xml-syntax", 1, 6,
		      "&#0; is a character XML does not allow");
	load_bad_says("<a>\xc3\xa9 &#x1;</a>", "xml-syntax", 1, 6,
		      "&#x1; is a character XML does not allow");
	load_bad_says("<a>&#12a;</a>", "xml-syntax", 1, 4, "&#DIGITS;");
	load_bad_says("<a>\n  <name>x</nmae></a>", "xml-syntax", 2, 10,
		      "the end tag </nmae> does not match the start tag <name> at line 2");
	load_bad_says("\n<?xml version=\"1.0\"?><a/>", "xml-syntax", 2, 1,
		      "must come first in the file");
	load_bad_says("<a>&pound;</a>", "xml-entity", 1, 4, "entity reference");
}

/* An attribute value over libxml2's limit is the same limit as for text. */
static void test_huge_attribute_is_a_limit(void **state)
{
	size_t n = XML_MAX_TEXT_BYTES + 100, o = 0;
	char *big = malloc(n + 32);

	(void)state;
	assert_non_null(big);
	o += (size_t)snprintf(big, 32, "<a>\n <b c=\"");
	memset(big + o, 'x', n - o);
	o = n;
	memcpy(big + o, "\"/></a>", 7);
	load_bad(big, o + 7, TENDER_ERR_LIMIT, "xml-text-too-long", 2, 7);
	free(big);
}

static void test_depth_and_text_limits(void **state)
{
	size_t depth = 100000, n = depth * 7 + 1, o = 0;
	char *deep = malloc(n), *big;

	(void)state;
	assert_non_null(deep);
	for (size_t i = 0; i < depth; i++)
		o += (size_t)sprintf(deep + o, "<a>");
	for (size_t i = 0; i < depth; i++)
		o += (size_t)sprintf(deep + o, "</a>");
	load_bad(deep, o, TENDER_ERR_LIMIT, "xml-too-deep", 1, 772);
	free(deep);

	n = XML_MAX_TEXT_BYTES + 100;
	big = malloc(n);
	assert_non_null(big);
	memcpy(big, "<a>\n <b>", 8);
	memset(big + 8, 'x', n - 8 - 8);
	memcpy(big + n - 8, "</b></a>", 8);
	load_bad(big, n, TENDER_ERR_LIMIT, "xml-text-too-long", 2, 5);
	free(big);
}

static void test_positions_point_at_the_start_tag(void **state)
{
	struct xml_doc *doc =
		load_ok("<?xml version=\"1.0\"?>\n"
			"<root xmlns=\"urn:x\">\n"
			"  <one a=\"1\"/>\n"
			"\t<two\n      b=\"&lt;x&gt;\"\n      c=\"2\">text</two>\n"
			"  <!-- é --> <three/><four/>\n"
			"</root>\n");
	xmlNodePtr root = xml_doc_root(doc), one, two, three, four;
	int line, column;

	(void)state;
	one = xml_child(root, "urn:x", "one");
	two = xml_child(root, "urn:x", "two");
	three = xml_child(root, "urn:x", "three");
	four = xml_child(root, "urn:x", "four");
	assert_non_null(one);
	assert_non_null(four);
	xml_node_position(doc, root, &line, &column);
	assert_int_equal(line, 2);
	assert_int_equal(column, 1);
	xml_node_position(doc, one, &line, &column);
	assert_int_equal(line, 3);
	assert_int_equal(column, 3);
	xml_node_position(doc, two, &line, &column);
	assert_int_equal(line, 4);
	assert_int_equal(column, 2);
	xml_node_position(doc, (xmlNodePtr)xmlHasProp(two, BAD_CAST "c"), &line, &column);
	assert_int_equal(line, 4); /* an attribute is placed at its element */
	xml_node_position(doc, three, &line, &column);
	assert_int_equal(line, 7);
	assert_int_equal(column, 14); /* characters, not bytes: é is one column */
	xml_node_position(doc, four, &line, &column);
	assert_int_equal(line, 7);
	assert_int_equal(column, 22);
	xml_doc_free(doc);
}

/* The trimmed text of node, or of its attribute name (NULL: absent), as
 * the one reader gives it: whole. */
static void text_is(const xmlNode *node, const char *attr, const char *want)
{
	char *text = NULL;

	if (attr)
		assert_int_equal(xml_attr_dup(node, attr, &text), TENDER_OK);
	else
		assert_int_equal(xml_text_dup(node, &text), TENDER_OK);
	if (!want)
		assert_null(text);
	else
		assert_string_equal(text, want);
	tender_free(text);
}

static void test_helpers_read_whole_values(void **state)
{
	struct xml_doc *doc = load_ok("<r xmlns=\"urn:x\" id=\"  A1 \"><v> 12.50 </v><v>x<![CDATA[<y>]]></v>"
				      "<w xmlns=\"urn:other\">a\xc3\xa9</w></r>");
	xmlNodePtr root = xml_doc_root(doc), v;

	(void)state;
	text_is(root, "id", "A1");
	text_is(root, "missing", NULL);
	v = xml_child(root, "urn:x", "v");
	text_is(v, NULL, "12.50");
	v = xml_next_same(v);
	assert_non_null(v);
	text_is(v, NULL, "x<y>");
	assert_null(xml_next_same(v));
	assert_null(xml_child(root, "urn:x", "w"));
	assert_non_null(xml_child(root, "urn:other", "w"));
	text_is(xml_child(root, "urn:other", "w"), NULL, "a\xc3\xa9");
	text_is(root, NULL, ""); /* no text of its own */
	assert_true(xml_attr_is(root, "id", "A1", 2));
	assert_false(xml_attr_is(root, "id", "A", 1));
	xml_doc_free(doc);
}

/* Text and attributes are trimmed, and read whole however they are
 * indented (a price indented by 120 spaces was read from its first 127
 * bytes). */
static void test_long_and_indented_values(void **state)
{
	struct xml_doc *doc = load_ok("<r xmlns=\"urn:x\" list=\"\n   a\n   b   \">"
				      "<v>\n                                  780101000.00\n  </v>"
				      "<w>  one <!-- c --> two  </w><e>   </e></r>");
	xmlNodePtr root = xml_doc_root(doc), v = xml_child(root, "urn:x", "v");
	xmlNodePtr w = xml_child(root, "urn:x", "w"), e = xml_child(root, "urn:x", "e");
	char *text;

	(void)state;
	text_is(v, NULL, "780101000.00");
	text_is(e, NULL, "");
	/* (the parser normalises the line break in an attribute to a space) */
	text_is(root, "list", "a    b");
	text_is(root, "absent", NULL);

	assert_int_equal(xml_text_dup(w, &text), TENDER_OK);
	assert_string_equal(text, "one  two"); /* text around a comment, joined */
	tender_free(text);
	assert_int_equal(xml_text_dup(NULL, &text), TENDER_OK);
	assert_string_equal(text, "");
	tender_free(text);
	assert_int_equal(xml_attr_dup(root, "list", &text), TENDER_OK);
	assert_string_equal(text, "a    b");
	tender_free(text);
	assert_int_equal(xml_attr_dup(root, "absent", &text), TENDER_OK);
	assert_null(text);
	alloc_fail_after(0);
	assert_int_equal(xml_text_dup(v, &text), TENDER_ERR_NOMEM);
	assert_null(text);
	alloc_fail_after(0);
	assert_int_equal(xml_attr_dup(root, "list", &text), TENDER_ERR_NOMEM);
	assert_null(text);
	alloc_fail_after(-1);
	xml_doc_free(doc);
}

static void test_file_size_cap_is_checked_before_parsing(void **state)
{
	char path[] = "/tmp/tender-test-XXXXXX";
	int fd = mkstemp(path);
	struct tender_error err = {0};
	struct xml_doc *doc = NULL;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "<a>0123456789</a>", 17), 17);
	close(fd);
	assert_int_equal(xml_load_file(path, 16, &doc, &err), TENDER_ERR_LIMIT);
	assert_string_equal(err.code, "file-too-large");
	assert_null(doc);
	assert_int_equal(xml_load_file(path, 17, &doc, &err), TENDER_OK);
	xml_doc_free(doc);
	unlink(path);
	assert_int_equal(xml_load_file(path, 17, &doc, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "io-open");
	assert_int_equal(xml_load_file("/tmp", 17, &doc, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "io-not-file");
}

/* Fail every allocation in turn: the loader must fail cleanly (the leak
 * checker sees the rest) or produce a complete document. */
static void test_out_of_memory_at_every_allocation(void **state)
{
	const char *text = "<r xmlns=\"urn:x\">\n  <a k=\"v\">text</a>\n  <b/>\n</r>";
	int completed = 0;

	(void)state;
	for (long n = 0; n < 10000 && !completed; n++) {
		struct tender_error err = {0};
		struct xml_doc *doc = NULL;
		enum tender_status rc;

		alloc_fail_after(n);
		rc = xml_load_memory(text, strlen(text), "t.xml", &doc, &err);
		if (!alloc_failed()) {
			completed = 1;
			assert_int_equal(rc, TENDER_OK);
		}
		alloc_fail_after(-1);
		if (rc == TENDER_OK) {
			int line, column;

			xml_node_position(doc, xml_child(xml_doc_root(doc), "urn:x", "b"), &line,
					  &column);
			assert_int_equal(line, 3);
			assert_int_equal(column, 3);
		} else {
			assert_null(doc);
		}
		xml_doc_free(doc);
	}
	assert_true(completed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refuses_doctype_before_entities),
		cmocka_unit_test(test_refuses_other_hostile_forms),
		cmocka_unit_test(test_errors_point_at_the_token),
		cmocka_unit_test(test_huge_attribute_is_a_limit),
		cmocka_unit_test(test_depth_and_text_limits),
		cmocka_unit_test(test_positions_point_at_the_start_tag),
		cmocka_unit_test(test_helpers_read_whole_values),
		cmocka_unit_test(test_long_and_indented_values),
		cmocka_unit_test(test_file_size_cap_is_checked_before_parsing),
		cmocka_unit_test(test_out_of_memory_at_every_allocation),
	};
	return cmocka_run_group_tests_name("xml", tests, support_library_init, support_library_cleanup);
}
