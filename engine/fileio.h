/*
 * fileio.h - writing output files so that a failed run leaves no half file:
 * write to a temporary name in the same directory, fsync, rename; and
 * writing beneath a folder without ever leaving it.
 */
#ifndef TENDER_FILEIO_H
#define TENDER_FILEIO_H

#include "tender.h"

#include <stddef.h>

/* Replaces path with exactly these bytes, atomically. On failure nothing at
 * path changes and no temporary file is left; returns TENDER_ERR_IO with
 * err. */
/* Writes all of data to fd (retrying short and interrupted writes), sets
 * mode 0644, makes it reach the disk and closes fd, whatever happens.
 * Returns 0, or -1 with errno saying why. */
int fd_write_all_close(int fd, const void *data, size_t size);

enum tender_status file_write_atomic(const char *path, const void *data, size_t size,
				     struct tender_error *err);

/* Creates directory path (one level) unless it exists. */
enum tender_status dir_ensure(const char *path, struct tender_error *err);

/* Makes the folders of rel beneath the folder dir (created when missing,
 * one level). rel is a plain relative path: parts separated by one '/',
 * none empty, "." or "..". No symbolic link is followed beneath dir: one
 * on the way is an error ("io-symlink"), and nothing is made through it. */
enum tender_status dir_make_beneath(const char *dir, const char *rel, struct tender_error *err);

/* Replaces the file at rel beneath the folder dir with exactly these bytes
 * (borrowed), atomically, making its folders as dir_make_beneath does.
 * Nothing is written outside dir: no symbolic link is followed, and a link
 * (or anything but a regular file) at rel is an error, never replaced. On
 * failure nothing at rel changes and no temporary file is left;
 * TENDER_ERR_IO with err. */
enum tender_status file_write_beneath(const char *dir, const char *rel, const void *data,
				      size_t size, struct tender_error *err);

#endif
