/*
 * fileio.h - writing output files so that a failed run leaves no half file:
 * write to a temporary name in the same directory, fsync, rename.
 */
#ifndef TENDER_FILEIO_H
#define TENDER_FILEIO_H

#include "tender.h"

#include <stddef.h>

/* Replaces path with exactly these bytes, atomically. On failure nothing at
 * path changes and no temporary file is left; returns TENDER_ERR_IO with
 * err. */
enum tender_status file_write_atomic(const char *path, const void *data, size_t size,
				     struct tender_error *err);

/* Creates directory path (one level) unless it exists. */
enum tender_status dir_ensure(const char *path, struct tender_error *err);

#endif
