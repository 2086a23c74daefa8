/*
 * test_kinds.c - the tables of rule kinds (kinds.h) against the rule
 * schema: every scoring method and flag condition the schema allows has
 * exactly one entry, and every entry one element; each entry has what the
 * phases call; and the functions kinds export answer for their own kind
 * only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "diag.h"
#include "embedded.h"
#include "input.h"
#include "kinds.h"
#include "ruleset.h"
#include "tender.h"
#include "support.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* The names of the elements in the xs:choice of the schema's complex type
 * `type` (at most max); returns how many. */
static size_t schema_choice(const char *type, const char **names, size_t max)
{
	static xmlDocPtr schema;
	xmlXPathContextPtr ctx;
	xmlXPathObjectPtr r;
	char path[256];
	size_t n = 0;

	if (!schema)
		schema = xmlReadMemory(embedded_rules_xsd, (int)embedded_rules_xsd_size,
				       "rules.xsd", NULL, XML_PARSE_NONET);
	assert_non_null(schema);
	ctx = xmlXPathNewContext(schema);
	assert_non_null(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
	snprintf(path, sizeof(path),
		 "//xs:complexType[@name='%s']/xs:sequence/xs:choice/xs:element/@name", type);
	r = xmlXPathEvalExpression(BAD_CAST path, ctx);
	assert_non_null(r);
	assert_non_null(r->nodesetval);
	for (int i = 0; i < r->nodesetval->nodeNr; i++) {
		assert_true(n < max);
		names[n++] = (const char *)r->nodesetval->nodeTab[i]->children->content;
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return n;
}

static int in_list(const char *name, const char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

static void test_every_method_of_the_schema_has_one_entry(void **state)
{
	const char *names[64];
	size_t n = schema_choice("criterion", names, 64), entries = 0;

	(void)state;
	assert_true(n >= 6); /* boolean scale price coverage match panel, at least */
	for (size_t i = 0; i < n; i++) {
		size_t found = 0;

		for (size_t k = 0; method_at(k); k++)
			found += strcmp(method_at(k)->element, names[i]) == 0;
		if (found != 1)
			fail_msg("<%s> has %zu entries in the method table", names[i], found);
		assert_non_null(method_find(names[i]));
	}
	for (size_t k = 0; method_at(k); k++, entries++) {
		const struct method_ops *ops = method_at(k);

		if (!in_list(ops->element, names, n))
			fail_msg("method '%s' is not in the rule schema", ops->element);
		assert_non_null(ops->read);
		assert_non_null(ops->score_bid);
		assert_non_null(ops->release);
		/* what score_bid keeps of a bid is for score_across */
		if (ops->release_score && !ops->score_across)
			fail_msg("method '%s' keeps data per bid (release_score) that no "
				 "score_across reads",
				 ops->element);
	}
	assert_int_equal(entries, n);
	assert_null(method_find("group"));
	assert_null(method_at(entries));
}

static void test_every_flag_kind_of_the_schema_has_one_entry(void **state)
{
	const char *names[64];
	size_t n = schema_choice("flag", names, 64), entries = 0;

	(void)state;
	assert_true(n >= 9);
	for (size_t i = 0; i < n; i++) {
		size_t found = 0;

		for (size_t k = 0; flag_kind_at(k); k++)
			found += strcmp(flag_kind_at(k)->element, names[i]) == 0;
		if (found != 1)
			fail_msg("<%s> has %zu entries in the flag-kind table", names[i], found);
		assert_non_null(flag_kind_find(names[i]));
	}
	for (size_t k = 0; flag_kind_at(k); k++, entries++) {
		const struct flag_ops *ops = flag_kind_at(k);

		if (!in_list(ops->element, names, n))
			fail_msg("flag kind '%s' is not in the rule schema", ops->element);
		assert_non_null(ops->read);
		assert_non_null(ops->release);
		if (!ops->run_bid && !ops->run_across)
			fail_msg("flag kind '%s' never runs", ops->element);
		/* what run_bid keeps of a bid is for run_across */
		if (ops->release_bid && !(ops->run_bid && ops->run_across))
			fail_msg("flag kind '%s' frees data per bid (release_bid) that run_bid "
				 "does not keep or run_across does not read",
				 ops->element);
	}
	assert_int_equal(entries, n);
	assert_null(flag_kind_at(entries));
}

/* The values the result schema (reports/schema/evaluation.xsd) allows for
 * a criterion's method="" (at most max); returns how many. */
static size_t result_methods(const char **names, size_t max)
{
	static xmlDocPtr schema;
	xmlXPathContextPtr ctx;
	xmlXPathObjectPtr r;
	size_t n = 0;

	if (!schema) {
		/* read through input.h: the library denies libxml2 every file */
		struct input in;
		struct tender_error err = {0};

		assert_int_equal(input_read_file(TENDER_SOURCE_DIR "/reports/schema/evaluation.xsd",
						 1 << 20, &in, &err),
				 TENDER_OK);
		schema =
		    xmlReadMemory(in.data, (int)in.size, "evaluation.xsd", NULL, XML_PARSE_NONET);
		input_release(&in);
	}
	assert_non_null(schema);
	ctx = xmlXPathNewContext(schema);
	assert_non_null(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
	r = xmlXPathEvalExpression(BAD_CAST "//xs:complexType[@name='criterion']"
					    "/xs:attribute[@name='method']//xs:enumeration/@value",
				   ctx);
	assert_non_null(r);
	assert_non_null(r->nodesetval);
	for (int i = 0; i < r->nodesetval->nodeNr; i++) {
		assert_true(n < max);
		names[n++] = (const char *)r->nodesetval->nodeTab[i]->children->content;
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return n;
}

/* The result document writes each method's element as method="": the
 * result schema must allow every one, and no other. */
static void test_the_result_schema_allows_every_method(void **state)
{
	const char *names[64];
	size_t n = result_methods(names, 64), entries = 0;

	(void)state;
	for (size_t k = 0; method_at(k); k++, entries++)
		if (!in_list(method_at(k)->element, names, n))
			fail_msg("method=\"%s\" is not in reports/schema/evaluation.xsd",
				 method_at(k)->element);
	for (size_t i = 0; i < n; i++)
		if (!method_find(names[i]))
			fail_msg("evaluation.xsd allows method=\"%s\", which no method writes",
				 names[i]);
	assert_int_equal(entries, n);
}

/* A rule set with a price, a panel and a boolean criterion in a group. */
static struct ruleset *load(void)
{
	static const char text[] =
	    "<ruleset xmlns=\"urn:tender:rules:1\" id=\"k\" version=\"1\"><title>k</title>"
	    "<namespace prefix=\"b\" uri=\"urn:tender:bid:1\"/>"
	    "<bid-identity id=\"string(/b:bid/@id)\" name=\"string(/b:bid/@id)\"/>"
	    "<criteria><group id=\"g\" weight=\"100\"><title>g</title>"
	    "<criterion id=\"p\" weight=\"50\"><title>p</title>"
	    "<price formula=\"lowest-ratio\" select=\"string(/b:bid/b:price)\"/></criterion>"
	    "<criterion id=\"q\" weight=\"30\"><title>q</title>"
	    "<panel question=\"Q1\" min=\"0\" max=\"5\"/></criterion>"
	    "<criterion id=\"y\" weight=\"20\"><title>y</title>"
	    "<boolean test=\"true()\"/></criterion>"
	    "</group></criteria></ruleset>";
	struct input in;
	struct diag_list diags;
	struct ruleset *rs = NULL;

	diag_list_init(&diags);
	assert_int_equal(input_from_memory("k.xml", text, sizeof(text) - 1, &in), TENDER_OK);
	assert_int_equal(ruleset_load_input(&in, &rs, &diags), TENDER_OK);
	input_release(&in);
	diag_list_release(&diags);
	return rs;
}

static void test_kinds_answer_for_their_own(void **state)
{
	struct ruleset *rs = load();
	struct decimal min, max;

	(void)state;
	assert_int_equal(rs->n_nodes, 4);
	assert_true(rule_is_group(&rs->nodes[0]));
	assert_string_equal(rs->nodes[1].ops->element, "price");
	assert_string_equal(rs->nodes[2].ops->element, "panel");
	assert_string_equal(rs->nodes[3].ops->element, "boolean");
	for (size_t i = 1; i < rs->n_nodes; i++)
		assert_non_null(rs->nodes[i].data);

	assert_false(price_rule_is(&rs->nodes[0]));
	assert_true(price_rule_is(&rs->nodes[1]));
	assert_false(price_rule_is(&rs->nodes[2]));

	assert_null(panel_rule_question(&rs->nodes[0]));
	assert_null(panel_rule_question(&rs->nodes[1]));
	assert_string_equal(panel_rule_question(&rs->nodes[2]), "Q1");
	assert_null(panel_rule_question(&rs->nodes[3]));
	panel_rule_scale(&rs->nodes[2], &min, &max);
	assert_int_equal(decimal_cmp(min, decimal_from_int(0)), 0);
	assert_int_equal(decimal_cmp(max, decimal_from_int(5)), 0);
	ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_method_of_the_schema_has_one_entry),
	    cmocka_unit_test(test_every_flag_kind_of_the_schema_has_one_entry),
	    cmocka_unit_test(test_the_result_schema_allows_every_method),
	    cmocka_unit_test(test_kinds_answer_for_their_own),
	};
	return cmocka_run_group_tests_name("kinds", tests, support_library_init, support_library_cleanup);
}
