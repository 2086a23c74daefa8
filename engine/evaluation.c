/*
 * evaluation.c - the record of one evaluation (see evaluation.h): what makes
 * it complete, and the hex of the hashes it keeps.
 */
#include "evaluation.h"

static int input_complete(const struct evaluation_input *in)
{
	return in->role && in->path && (in->data || in->size == 0);
}

int evaluation_complete(const struct evaluation *ev)
{
	if (!ev->tender_id || !ev->tender_title || !ev->commissioner || !ev->currency ||
	    !ev->created || !ev->created[0] || !ev->regime || !ev->notice_date || !ev->standstill ||
	    !ev->rules || (ev->n_bids && !ev->bids) || !ev->n_inputs || !ev->inputs ||
	    ev->n_rejected > ev->n_bids)
		return 0;
	for (size_t i = 0; i < ev->n_inputs; i++)
		if (!input_complete(&ev->inputs[i]))
			return 0;
	return 1;
}

void sha256_hex(const unsigned char sha256[32], char out[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[sha256[i] >> 4];
		out[2 * i + 1] = digits[sha256[i] & 15];
	}
	out[64] = '\0';
}
