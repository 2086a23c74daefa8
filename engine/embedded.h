/*
 * embedded.h - data files compiled into the binary, so that a bidder's copy
 * of `tender` checks bids without any file beside it. The build generates
 * the definitions from the XSDs under bids/schema/ (cmake/embed.cmake).
 */
#ifndef TENDER_EMBEDDED_H
#define TENDER_EMBEDDED_H

#include <stddef.h>

extern const char embedded_bid_xsd[];
extern const size_t embedded_bid_xsd_size;
extern const char embedded_rules_xsd[];
extern const size_t embedded_rules_xsd_size;
extern const char embedded_html_xsl[];
extern const size_t embedded_html_xsl_size;
extern const char embedded_markdown_xsl[];
extern const size_t embedded_markdown_xsl_size;
extern const char embedded_letter_xsl[];
extern const size_t embedded_letter_xsl_size;
/* the documents of each regime (reports/README.md) */
extern const char embedded_psr_notice_xsl[];
extern const size_t embedded_psr_notice_xsl_size;
extern const char embedded_psr_record_xsl[];
extern const size_t embedded_psr_record_xsl_size;
extern const char embedded_psr_disclosure_xsl[];
extern const size_t embedded_psr_disclosure_xsl_size;
extern const char embedded_pa_summary_xsl[];
extern const size_t embedded_pa_summary_xsl_size;
extern const char embedded_pa_notice_xsl[];
extern const size_t embedded_pa_notice_xsl_size;
/* law/: the UK bank holidays and the instruments a rule may cite */
extern const char embedded_bank_holidays_csv[];
extern const size_t embedded_bank_holidays_csv_size;
extern const char embedded_instruments_csv[];
extern const size_t embedded_instruments_csv_size;

#endif
