/*
 * manifest.h - manifest.json in an evaluation's output folder: the SHA-256
 * of every input and output, optionally signed with Ed25519 (libsodium), so
 * that a panel can sign a decision and anyone can check it with the public
 * key alone.
 */
#ifndef TENDER_MANIFEST_H
#define TENDER_MANIFEST_H

#include "run.h"

/* Writes DIR/manifest.json (atomically) for run r, whose outputs are the
 * files named in outputs (n_outputs names relative to dir, e.g.
 * "evaluation.xml"), hashed as they are on disk now. With key_path, signs
 * it with the Ed25519 secret key in that file (written by manifest_keygen).
 * Returns TENDER_OK, TENDER_ERR_IO (err says which file), TENDER_ERR_USAGE
 * (the key file is not a tender secret key) or TENDER_ERR_NOMEM. */
enum tender_status manifest_write(const char *dir, const struct run *r,
				  const char *const *outputs, size_t n_outputs,
				  const char *key_path, struct tender_error *err);

/* Checks that key_path holds a usable tender secret key, before any work
 * is done with it (so that a bad key leaves no partial output). */
enum tender_status manifest_check_key(const char *key_path, struct tender_error *err);

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

#endif
