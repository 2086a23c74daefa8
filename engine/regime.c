/*
 * regime.c - the procurement regimes (see regime.h).
 */
#include "regime.h"

#include "strbuf.h"

#include <string.h>

static const struct regime_info regimes[] = {
	{REGIME_PSR_2023, "psr-2023",
	 "the Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348)",
	 "relevant health care services arranged in England from 1 January 2024", "2024-01-01"},
	{REGIME_PA_2023, "pa-2023",
	 "the Procurement Act 2023 with the Procurement Regulations 2024 (SI 2024/692)",
	 "other public contracts, procurements begun on or after 24 February 2025", "2025-02-24"},
	{REGIME_PCR_2015, "pcr-2015", "the Public Contracts Regulations 2015 (SI 2015/102)",
	 "procurements begun from 26 February 2015 and before 24 February 2025 (legacy)",
	 "2015-02-26"},
	{REGIME_NHS_2013, "nhs-2013",
	 "the National Health Service (Procurement, Patient Choice and Competition) (No. 2) "
	 "Regulations 2013 (SI 2013/500), with the Public Contracts Regulations 2015 for the "
	 "standstill",
	 "NHS health care services procured from 1 April 2013 and before 1 January 2024 (legacy)",
	 "2013-04-01"},
};

const struct regime_info *regime_by_token(const char *token)
{
	for (size_t i = 0; i < sizeof(regimes) / sizeof(regimes[0]); i++)
		if (token && !strcmp(token, regimes[i].token))
			return &regimes[i];
	return NULL;
}

const struct regime_info *regime_info(enum regime id)
{
	for (size_t i = 0; i < sizeof(regimes) / sizeof(regimes[0]); i++)
		if (regimes[i].id == id)
			return &regimes[i];
	return NULL;
}

void regime_list(struct strbuf *sb)
{
	for (size_t i = 0; i < sizeof(regimes) / sizeof(regimes[0]); i++)
		strbuf_addf(sb, "%s%s (%s: %s)", i ? ", " : "", regimes[i].token,
			    regimes[i].title, regimes[i].applies);
}
