/*
 * test_schema.c - the embedded bid schema compiles, and validation errors
 * come out in plain words at the offending element's line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "embedded.h"
#include "schema.h"
#include "support.h"

static void test_plain_messages(void **state)
{
	static const char *const cases[][2] = {
		{"Element '{urn:tender:bid:1}foo': This element is not expected. Expected is ( "
		 "{urn:tender:bid:1}price ).\n",
		 "<foo>: this element is not allowed here; expected: price"},
		{"Element '{urn:tender:bid:1}bidder': Missing child element(s). Expected is one of ( "
		 "{urn:tender:bid:1}name, {urn:tender:bid:1}company-number ).\n",
		 "<bidder>: a required child element is missing; expected one of: name, "
		 "company-number"},
		{"Element '{urn:tender:bid:1}bid': The attribute 'id' is required but missing.\n",
		 "<bid>: attribute 'id' is required but missing"},
		{"Element '{urn:tender:bid:1}sector': [facet 'enumeration'] The value 'private' is "
		 "not an element of the set {'nhs', 'independent'}.\n",
		 "<sector>: [facet 'enumeration'] the value 'private' is not an element of the set "
		 "{'nhs', 'independent'}"},
	};
	char out[512];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		schema_plain_message(cases[i][0], out, sizeof(out));
		assert_string_equal(out, cases[i][1]);
	}
}

static void test_validation_points_at_elements(void **state)
{
	const char *text = "<bid xmlns=\"urn:tender:bid:1\" id=\"B1\" tender=\"T\" submitted=\"2027-01-01\">\n"
			   "  <bidder>\n"
			   "    <name>A</name>\n"
			   "    <surprise/>\n"
			   "  </bidder>\n"
			   "</bid>\n";
	struct tender_error err = {0};
	struct schema *schema = NULL;
	struct xml_doc *doc = NULL;
	struct diag_list diags;

	(void)state;
	assert_int_equal(schema_compile(embedded_bid_xsd, embedded_bid_xsd_size, "bid.xsd",
					&schema, &err),
			 TENDER_OK);
	assert_int_equal(xml_load_memory(text, strlen(text), "b.xml", &doc, &err), TENDER_OK);
	diag_list_init(&diags);
	assert_int_equal(schema_validate(schema, doc, &diags), TENDER_OK);
	assert_true(diags.n_errors >= 2);
	assert_int_equal(diags.items[0].line, 4);
	assert_int_equal(diags.items[0].column, 5);
	assert_string_equal(diags.items[0].code, "schema");
	assert_non_null(strstr(diags.items[0].message, "<surprise>: this element is not allowed"));
	assert_null(strstr(diags.items[0].message, "urn:tender"));
	diag_list_release(&diags);
	xml_doc_free(doc);
	schema_free(schema);
}

static void test_broken_schema_is_an_internal_error(void **state)
{
	const char *xsd = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
			  "<xs:element name=\"a\" type=\"xs:nosuchtype\"/></xs:schema>";
	struct tender_error err = {0};
	struct schema *schema = (struct schema *)1;

	(void)state;
	assert_int_equal(schema_compile(xsd, strlen(xsd), "broken.xsd", &schema, &err),
			 TENDER_ERR_INTERNAL);
	assert_null(schema);
	assert_string_equal(err.code, "schema-compile");
	schema_free(NULL); /* no-op */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_messages),
		cmocka_unit_test(test_validation_points_at_elements),
		cmocka_unit_test(test_broken_schema_is_an_internal_error),
	};
	return cmocka_run_group_tests_name("schema", tests, support_library_init, NULL);
}
