/*
 * fuzz_validate.c - libFuzzer harness: any bytes through the whole
 * bidder's self-check (safe loader, schema, checks beyond the schema),
 * against the sample tender so that the tender checks run too.
 *
 * Built with -DTENDER_FUZZ=ON (clang); scripts/test runs a fixed-seed smoke
 * run over the sample files; run longer by hand:
 *   build-fuzz/tests/fuzz_validate -max_total_time=600 CORPUS_DIR
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "validate.h"

static struct validator validator;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct tender_error err = {0};
	struct diag_list diags;

	(void)argc;
	(void)argv;
	tender_library_init();
	if (validator_init(&validator, 1 << 20, &err))
		abort();
	diag_list_init(&diags);
	if (validator_use_tender(&validator,
				 TENDER_SOURCE_DIR "/bids/examples/wessex-vale/tender.xml", NULL,
				 &diags))
		abort();
	diag_list_release(&diags);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags;
	enum doc_kind kind;

	diag_list_init(&diags);
	if (validator_load_memory(&validator, (const char *)data, size, "fuzz.xml", &kind,
				  &diags) == TENDER_ERR_INTERNAL)
		abort();
	diag_list_release(&diags);
	return 0;
}
