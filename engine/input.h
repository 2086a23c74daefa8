/*
 * input.h - an input of an evaluation, read once: the bytes that are hashed,
 * parsed and stored are one and the same, read from one open of the file.
 *
 * A file is opened without blocking (a FIFO or a device never hangs a run),
 * refused unless it is a regular file, capped in size, and read whole into
 * memory; nothing opens it again. An input made from bytes already in
 * memory (a stored blob being re-run) carries its stored path as a name
 * only: a label for messages, never a place in the file system.
 *
 * The folders an evaluation may read its inputs from are a set of roots
 * (input_roots): a file is read only when the file it names, with every
 * symbolic link resolved, lies beneath one of them, and it is opened from
 * the root down one folder at a time without following a symbolic link, so
 * a link swapped in after the check is refused, never followed.
 */
#ifndef TENDER_INPUT_H
#define TENDER_INPUT_H

#include "tender.h"

#include <stddef.h>

/* The largest input size a caller may allow (`--max-size`, the API's
 * max_input_bytes): 2 GiB. */
#define INPUT_MAX_BYTES ((size_t)1 << 31)

struct input {
	char *name; /* a label for messages: the path read, or a stored path */
	char *data; /* the bytes, followed by a NUL that size does not count */
	size_t size;
	unsigned char sha256[32]; /* of the size bytes at data */
};

/* Frees what in holds and zeroes it; in may be zeroed already. */
void input_release(struct input *in);

/* Reads the file at path: at most max_bytes bytes, a regular file only,
 * opened with O_NONBLOCK and read once. On success *out owns a copy of path
 * as its name and the bytes (input_release). On failure *out is zeroed and
 * err says why: TENDER_ERR_IO ("io-open", "io-not-file", "io-read",
 * "io-changed"), TENDER_ERR_LIMIT ("file-too-large") or TENDER_ERR_NOMEM. */
enum tender_status input_read_file(const char *path, size_t max_bytes, struct input *out,
				   struct tender_error *err);

/* Copies size bytes at data (borrowed) and name into *out, with their
 * SHA-256. TENDER_OK, or TENDER_ERR_NOMEM with *out zeroed. */
enum tender_status input_from_memory(const char *name, const void *data, size_t size,
				     struct input *out);

/* The folders inputs may be read from, each as its real path (every
 * symbolic link resolved when it was added). */
struct input_roots {
	char **dirs;
	size_t n;
};

#define INPUT_ROOTS_INIT                                                                           \
	{                                                                                          \
		NULL, 0                                                                            \
	}

void input_roots_release(struct input_roots *roots);

/* Adds the folder at path. TENDER_OK, TENDER_ERR_IO when path names no
 * folder (nothing is added: the caller decides whether that is an error),
 * or TENDER_ERR_NOMEM. */
enum tender_status input_roots_add(struct input_roots *roots, const char *path);

/* Whether path names a folder (after following links): what
 * input_roots_add, `--allow-outside` and the API's allow_outside accept. */
int input_is_folder(const char *path);

/* As input_read_file, when the file path names, every symbolic link
 * resolved, lies beneath one of roots; otherwise nothing is opened and
 * TENDER_ERR_INVALID is returned with err code "input-outside". A file that
 * does not exist is TENDER_ERR_IO, as with input_read_file. A folder on the
 * way that becomes a symbolic link between the check and the open is
 * refused (TENDER_ERR_IO, "io-changed"). */
enum tender_status input_read_beneath(const struct input_roots *roots, const char *path,
				      size_t max_bytes, struct input *out,
				      struct tender_error *err);

#endif
