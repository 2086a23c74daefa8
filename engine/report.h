/*
 * report.h - reports rendered from an evaluation result (evaluation.xml):
 * HTML, Markdown and debrief letters through XSLT templates (reports/NAME.xsl,
 * compiled into the binary; a commissioner may give their own), CSV and
 * JSON written by the engine (jansson for JSON; CSV guarded against
 * spreadsheet formula injection).
 *
 * Reports are views of evaluation.xml, so they come out the same whether the
 * result was just computed or read back from the store years later.
 */
#ifndef TENDER_REPORT_H
#define TENDER_REPORT_H

#include "xml.h"

enum report_template {
	TEMPLATE_HTML,
	TEMPLATE_MARKDOWN,
	TEMPLATE_LETTER,         /* PCR 2015 reg 86 (the legacy regimes), one a bid */
	TEMPLATE_PSR_NOTICE,     /* PSR 2023 Sch 10 and reg 12 */
	TEMPLATE_PSR_RECORD,     /* PSR 2023 reg 24 */
	TEMPLATE_PSR_DISCLOSURE, /* PSR 2023 reg 12(4)(b), one a bid */
	TEMPLATE_PA_SUMMARY,     /* Procurement Regulations 2024 reg 31, one a bid */
	TEMPLATE_PA_NOTICE       /* Procurement Act 2023 s.50 */
};

struct report_style;

/* Compiles a built-in template, or the stylesheet at path (read safely; it
 * must be self-contained: templates may not read or write files or the
 * network). Returns TENDER_OK, TENDER_ERR_XML / TENDER_ERR_IO (a bad or
 * unreadable template, in err) or TENDER_ERR_NOMEM. */
enum tender_status report_style_builtin(enum report_template which, struct report_style **out,
					struct tender_error *err);
enum tender_status report_style_file(const char *path, struct report_style **out,
				     struct tender_error *err);
void report_style_free(struct report_style *style);

/* Applies style to an evaluation document. params holds name, value pairs
 * (values are plain strings, never XPath), NULL-terminated. *out (free with
 * tender_free) receives *size bytes. */
enum tender_status report_apply(const struct report_style *style, const struct xml_doc *eval,
				const char *const *params, char **out, size_t *size,
				struct tender_error *err);

/* The score matrix as CSV (RFC 4180): one row per bid in rank order, a
 * column per group and criterion. A cell that would begin with = + - @, tab,
 * CR or LF gets a leading ' so that no spreadsheet runs it. */
enum tender_status report_csv(const struct xml_doc *eval, char **out, size_t *size,
			      struct tender_error *err);

/* The evaluation as JSON, for machines. */
enum tender_status report_json(const struct xml_doc *eval, char **out, size_t *size,
			       struct tender_error *err);

/* The regime an evaluation was made under: its tender/@regime, or
 * "pcr-2015" for one an engine before 0.3 wrote (it applied PCR 2015 reg
 * 87). Borrowed from a static table; NULL for a token tender does not know. */
const char *report_regime(const struct xml_doc *eval);

/* Appends to list one line ("  BID: flag FLAG (SEVERITY)\n") for each flag
 * of severity high or critical on which the panel recorded no decision:
 * what blocks the award documents. *n receives their number. Returns
 * TENDER_OK or TENDER_ERR_NOMEM. */
struct strbuf;
enum tender_status report_undecided_flags(const struct xml_doc *eval, struct strbuf *list,
					  size_t *n);

/* Whether the evaluation has one highest-ranked bid (rank 1, not tied):
 * the provider a notice of an award names. */
int report_single_winner(const struct xml_doc *eval);

/* The ids of the bids of an evaluation, in document order; *ids is an
 * array of n strings, all freed with report_ids_free. */
enum tender_status report_bid_ids(const struct xml_doc *eval, char ***ids, size_t *n);
void report_ids_free(char **ids, size_t n);

#endif
