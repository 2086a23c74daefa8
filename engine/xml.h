/*
 * xml.h - reading untrusted XML safely (DESIGN.md section 8).
 *
 * Every XML file tender reads comes through xml_load_file(): the size is
 * capped before parsing, any DOCTYPE is refused (no DTD, so no entities: no
 * XXE, no billion laughs, no quadratic blow-up), XInclude is refused, the
 * network is off, libxml2's depth and text limits stay on (never
 * XML_PARSE_HUGE), only UTF-8 is accepted, and the first error is reported
 * with its line and column.
 *
 * The loaded document remembers where each element's start tag begins
 * (line and column of its '<'), so later checks can point a bidder at the
 * exact place: libxml2 itself keeps only line numbers.
 */
#ifndef TENDER_XML_H
#define TENDER_XML_H

#include "tender.h"

#include <libxml/tree.h>

/* The longest text between two tags (libxml2's own limit without HUGE). */
#define XML_MAX_TEXT_BYTES ((size_t)10000000)

/* The most namespace declarations (xmlns, xmlns:p) one element may carry,
 * and the most in scope at an element (its own and its ancestors'): more is
 * a TENDER_ERR_LIMIT error ("xml-namespaces") at the element. */
#define XML_MAX_NAMESPACES_PER_ELEMENT 32
#define XML_MAX_NAMESPACES_IN_SCOPE 128

/* The default cap on an input file's size (DESIGN.md: 16 MiB). */
#define XML_DEFAULT_MAX_BYTES ((size_t)16 << 20)

struct xml_doc;

/* Reads the file at path (at most max_bytes bytes) and parses it. On success
 * *out owns the document (free with xml_doc_free) and TENDER_OK is returned.
 * Otherwise *out is NULL and err says why and where: TENDER_ERR_IO (cannot
 * read), TENDER_ERR_LIMIT (too large, too deep, text too long) or
 * TENDER_ERR_XML (not well-formed, DOCTYPE, XInclude, not UTF-8), or
 * TENDER_ERR_NOMEM. */
enum tender_status xml_load_file(const char *path, size_t max_bytes, struct xml_doc **out,
				 struct tender_error *err);

/* As xml_load_file; when sha256 is not NULL it receives the SHA-256 of the
 * exact bytes read (whether or not they parse). */
enum tender_status xml_load_file_hashed(const char *path, size_t max_bytes,
					struct xml_doc **out, unsigned char sha256[32],
					struct tender_error *err);

/* As xml_load_file, from memory; name is used in messages only. The bytes
 * are borrowed for the duration of the call. */
enum tender_status xml_load_memory(const char *data, size_t size, const char *name,
				   struct xml_doc **out, struct tender_error *err);

/* The libxml2 tree; borrowed, lives as long as doc. */
xmlDocPtr xml_doc_tree(const struct xml_doc *doc);

/* The root element; borrowed. */
xmlNodePtr xml_doc_root(const struct xml_doc *doc);

/* Where node begins: line and column (1-based) of its start tag's '<' for an
 * element, of its element for an attribute. Nodes tender did not see being
 * parsed get libxml2's line and column 0. */
void xml_node_position(const struct xml_doc *doc, const xmlNode *node, int *line,
		       int *column);

void xml_doc_free(struct xml_doc *doc);

/* --- Small helpers over the tree, namespace-aware. ------------------------ */

/* The first child element of parent with local name `name` in namespace ns,
 * or NULL. */
xmlNodePtr xml_child(const xmlNode *parent, const char *ns, const char *name);

/* The next sibling element of node with the same name and namespace, or
 * NULL. */
xmlNodePtr xml_next_same(const xmlNode *node);

/* Whether node is an element named `name` in namespace ns. */
int xml_is(const xmlNode *node, const char *ns, const char *name);

/* Whether the trimmed value of the attribute `name` (without namespace) is
 * exactly the len bytes at value: compared whole, without copying or
 * allocating. 0 when the attribute is absent. */
int xml_attr_is(const xmlNode *node, const char *name, const char *value, size_t len);

/* The whole trimmed text content of node as a new string (caller frees with
 * tender_free): "" when node is NULL. Returns TENDER_OK, or TENDER_ERR_NOMEM
 * with *out NULL. */
enum tender_status xml_text_dup(const xmlNode *node, char **out);

/* The whole trimmed value of an attribute without namespace as a new string
 * (caller frees with tender_free), or *out NULL when absent. Returns
 * TENDER_OK, or TENDER_ERR_NOMEM with *out NULL. */
enum tender_status xml_attr_dup(const xmlNode *node, const char *name, char **out);

#endif
