/*
 * manifest.h - manifest.json in an evaluation's output folder: the SHA-256
 * of every input and output, optionally signed with Ed25519 (libsodium), so
 * that a panel can sign a decision and anyone can check it with the public
 * key alone.
 */
#ifndef TENDER_MANIFEST_H
#define TENDER_MANIFEST_H

#include "evaluation.h"

/* One output as its run wrote it: its path relative to the output folder
 * and its exact bytes (borrowed). */
struct manifest_output {
	const char *name;
	const void *data;
	size_t size;
};

/* Where the run is recorded: its evaluation id in the store and the head of
 * the store's audit chain after it (64 hex digits; borrowed). Signed with
 * the rest, it anchors the store (audit verify --manifest). */
struct manifest_anchor {
	long long evaluation_id;
	const char *chain_head;
};

/* Makes the text of manifest.json for evaluation ev (borrowed; it needs
 * only the tender's id, which may be NULL, the time and the inputs): every
 * input's role, path and SHA-256 (as its run read them), every output's SHA-256 from the bytes
 * given (never re-read from disk), the anchor (may be NULL: then none), and
 * with key_path an Ed25519 signature by the secret key in that file (written
 * by manifest_keygen). *text (NUL-terminated; tender_free) and *size
 * receive it. Returns
 * TENDER_OK, TENDER_ERR_IO (the key cannot be read), TENDER_ERR_USAGE (the
 * key file is not a tender secret key, or an output name cannot be listed)
 * or TENDER_ERR_NOMEM; *text is NULL on failure. */
enum tender_status manifest_make(const struct evaluation *ev, const struct manifest_anchor *anchor,
				 const struct manifest_output *outputs, size_t n_outputs,
				 const char *key_path, char **text, size_t *size,
				 struct tender_error *err);

/* Writes DIR/manifest.json (atomically) for evaluation ev, with no anchor, whose
 * outputs are the files named in outputs (relative to dir), read whole and
 * hashed. For programs that made their outputs some other way; `tender
 * evaluate` uses manifest_make. Errors as manifest_make. */
enum tender_status manifest_write(const char *dir, const struct evaluation *ev,
				  const char *const *outputs, size_t n_outputs,
				  const char *key_path, struct tender_error *err);

/* Checks that key_path holds a usable tender secret key, before any work
 * is done with it (so that a bad key leaves no partial output). */
enum tender_status manifest_check_key(const char *key_path, struct tender_error *err);

/* The public key (lower-case hex) of the tender secret key in key_path.
 * Errors as manifest_check_key. */
enum tender_status manifest_public_key(const char *key_path, char hex[65],
				       struct tender_error *err);

/* Creates a new Ed25519 key pair: the secret key in key_path (mode 0600,
 * refused when the file exists) and the public key in key_path + ".pub". */
enum tender_status manifest_keygen(const char *key_path, struct tender_error *err);

/* Receives one finding of a manifest check. */
typedef void (*manifest_report_fn)(void *ctx, const char *finding);

/* Checks DIR/manifest.json: its signature against the public key in
 * pubkey_path, and every output's SHA-256 against the file in dir. Each
 * problem goes to report; *findings counts them. Returns TENDER_OK when the
 * check ran, TENDER_ERR_IO / TENDER_ERR_USAGE when it could not. */
enum tender_status manifest_verify(const char *dir, const char *pubkey_path,
				   manifest_report_fn report, void *ctx, long long *findings,
				   struct tender_error *err);

struct manifest_counts {
	long long inputs_matched, inputs_absent; /* inputs re-hashed; not at hand */
};

/* What a signed manifest says about the evaluation it records; every text
 * is the manifest's (unchecked: print it escaped). */
struct manifest_claims {
	int signature_ok;         /* valid for the public key given */
	char public_key[65];      /* the public key given, hex */
	long long evaluation_id;  /* 0: the manifest names none (an older tender's) */
	char chain_head[65];      /* "" when the manifest has none */
	char result_sha256[65];   /* evaluation.xml's; "" when not listed */
	char *tender_id, *created, *engine; /* NULL when absent */
	size_t n_inputs;
	struct manifest_claim_input {
		char *role, *path, *sha256;
	} *inputs;
};

/* Frees the contents of cl; then it is empty. */
void manifest_claims_release(struct manifest_claims *cl);

/* manifest_verify, and more: with tender_dir (may be NULL), re-hashes each
 * input at its recorded path under tender_dir (the folder of the tender
 * file), counting those not at hand in counts (may be NULL) rather than
 * reporting them; with claims (may be NULL; manifest_claims_release),
 * returns what the manifest claims. */
enum tender_status manifest_check(const char *dir, const char *pubkey_path, const char *tender_dir,
				  manifest_report_fn report, void *ctx, long long *findings,
				  struct manifest_counts *counts, struct manifest_claims *claims,
				  struct tender_error *err);

/* A text from a manifest or a store made fit to quote in a finding:
 * printable ASCII kept, other bytes as '?', cut at 80 characters with
 * "..."; NULL as "(none)". Returns out. */
const char *manifest_printable(const char *s, char out[96]);

#endif
