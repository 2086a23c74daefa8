/*
 * bid.h - checks of a prime contractor's bid beyond its schema: what a
 * bidder should fix before submitting (DESIGN.md section 4; the checks are
 * listed in bids/README.md, "Checks beyond the schema").
 */
#ifndef TENDER_BID_H
#define TENDER_BID_H

#include "competition.h"
#include "diag.h"
#include "xml.h"

/* Checks a schema-valid <bid> document. With a tender description (t may be
 * NULL) also checks the bid against it: tender id, currency, population,
 * contract years, budget envelope, every question answered. Findings go to
 * diags. Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status bid_check(const struct xml_doc *doc, const struct competition *t,
			     struct diag_list *diags);

/* As bid_check, with the tender description's document too (NULL when t is
 * NULL), so that its figures are compared and quoted as written, even
 * beyond 64 bits (its population). */
enum tender_status bid_check_with_tender_doc(const struct xml_doc *doc, const struct competition *t,
					     const struct xml_doc *tender_doc,
					     struct diag_list *diags);

#endif
