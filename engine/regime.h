/*
 * regime.h - the procurement regimes an award is made under: the Provider
 * Selection Regime 2023, the Procurement Act 2023, and for procurements
 * begun before them the Public Contracts Regulations 2015 and the NHS
 * (Procurement, Patient Choice and Competition) (No. 2) Regulations 2013.
 * Sources: law/README.md.
 */
#ifndef TENDER_REGIME_H
#define TENDER_REGIME_H

enum regime {
	REGIME_NONE = 0,
	REGIME_PSR_2023,
	REGIME_PA_2023,
	REGIME_PCR_2015,
	REGIME_NHS_2013
};

struct regime_info {
	enum regime id;
	const char *token;   /* as a tender and evaluation.xml write it */
	const char *title;   /* the instrument(s) */
	const char *applies; /* to what, from when */
	const char *from;    /* the first date a notice can be under it */
};

/* The regime written `token`, or NULL. */
const struct regime_info *regime_by_token(const char *token);
const struct regime_info *regime_info(enum regime id);

struct strbuf;

/* Appends every regime with what it applies to and from when, for the
 * message that asks a tender to declare one. */
void regime_list(struct strbuf *sb);

#endif
