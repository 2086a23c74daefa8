/*
 * input.c - reading an input once, from inside the folders it may come
 * from (see input.h).
 */
/* realpath: POSIX.1-2008 with XSI */
#define _XOPEN_SOURCE 700
#include "input.h"

#include "alloc.h"
#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

void input_release(struct input *in)
{
	if (!in)
		return;
	tender_free(in->name);
	tender_free(in->data);
	memset(in, 0, sizeof(*in));
}

enum tender_status input_from_memory(const char *name, const void *data, size_t size,
				     struct input *out)
{
	memset(out, 0, sizeof(*out));
	out->name = tender_strdup(name);
	out->data = tender_malloc(size + 1);
	if (!out->name || !out->data || size == SIZE_MAX) {
		input_release(out);
		return TENDER_ERR_NOMEM;
	}
	if (size)
		memcpy(out->data, data, size);
	out->data[size] = '\0';
	out->size = size;
	crypto_hash_sha256(out->sha256, (const unsigned char *)out->data, size);
	return TENDER_OK;
}

/* Reads the open file fd (closed here, whatever happens) into *out, named
 * name. */
static enum tender_status read_fd(int fd, const char *name, size_t max_bytes, struct input *out,
				  struct tender_error *err)
{
	struct stat st;
	size_t size = 0, expected;
	enum tender_status rc = TENDER_OK;
	ssize_t got;

	memset(out, 0, sizeof(*out));
	if (fstat(fd, &st) != 0) {
		rc = error_set(err, TENDER_ERR_IO, "io-read", name, 0, 0, "cannot read: %s",
			       strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = error_set(err, TENDER_ERR_IO, "io-not-file", name, 0, 0,
			       S_ISDIR(st.st_mode) ? "this is a folder, not a file"
						   : "not a regular file");
		goto out;
	}
	if ((uintmax_t)st.st_size > max_bytes) {
		rc = error_set(err, TENDER_ERR_LIMIT, "file-too-large", name, 0, 0,
			       "the file is %jd bytes; the limit is %zu bytes",
			       (intmax_t)st.st_size, max_bytes);
		goto out;
	}
	/* One byte more than stat promised is read, to notice a file that
	 * grows while it is read; and one more for the NUL. */
	expected = (size_t)st.st_size;
	out->name = tender_strdup(name);
	out->data = tender_malloc(expected + 2);
	if (!out->name || !out->data) {
		rc = error_set(err, TENDER_ERR_NOMEM, "nomem", name, 0, 0, "out of memory");
		goto out;
	}
	while (size <= expected) {
		got = read(fd, out->data + size, expected + 1 - size);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = error_set(err, TENDER_ERR_IO, "io-read", name, 0, 0, "cannot read: %s",
				       strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		size += (size_t)got;
	}
	if (size > expected) {
		rc = error_set(err, TENDER_ERR_IO, "io-changed", name, 0, 0,
			       "the file changed while it was being read");
		goto out;
	}
	out->data[size] = '\0';
	out->size = size;
	crypto_hash_sha256(out->sha256, (const unsigned char *)out->data, size);
out:
	if (rc)
		input_release(out);
	close(fd);
	return rc;
}

enum tender_status input_read_file(const char *path, size_t max_bytes, struct input *out,
				   struct tender_error *err)
{
	int fd;

	memset(out, 0, sizeof(*out));
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return error_set(err, TENDER_ERR_IO, "io-open", path, 0, 0, "cannot open: %s",
				 strerror(errno));
	return read_fd(fd, path, max_bytes, out, err);
}

/* ---------------------------------------------------------------------- */
/* Roots. */

void input_roots_release(struct input_roots *roots)
{
	for (size_t i = 0; i < roots->n; i++)
		tender_free(roots->dirs[i]);
	tender_free(roots->dirs);
	roots->dirs = NULL;
	roots->n = 0;
}

int input_is_folder(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

enum tender_status input_roots_add(struct input_roots *roots, const char *path)
{
	char real[PATH_MAX];
	char **dirs;

	if (!realpath(path, real) || !input_is_folder(real))
		return TENDER_ERR_IO;
	dirs = tender_realloc(roots->dirs, (roots->n + 1) * sizeof(*dirs));
	if (!dirs)
		return TENDER_ERR_NOMEM;
	roots->dirs = dirs;
	if (!(dirs[roots->n] = tender_strdup(real)))
		return TENDER_ERR_NOMEM;
	roots->n++;
	return TENDER_OK;
}

/* The part of real beneath root ("" for root itself), or NULL when real
 * is not root or beneath it. */
static const char *beneath(const char *root, const char *real)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return real + 1;
	if (strncmp(root, real, n) != 0)
		return NULL;
	if (real[n] == '\0')
		return real + n;
	return real[n] == '/' ? real + n + 1 : NULL;
}

enum tender_status input_read_beneath(const struct input_roots *roots, const char *path,
				      size_t max_bytes, struct input *out, struct tender_error *err)
{
	char real[PATH_MAX], part[NAME_MAX + 1];
	const char *root = NULL, *rest = NULL;
	int fd;

	memset(out, 0, sizeof(*out));
	if (!realpath(path, real))
		return error_set(err, TENDER_ERR_IO, "io-open", path, 0, 0, "cannot open: %s",
				 strerror(errno));
	for (size_t i = 0; i < roots->n && !rest; i++)
		if ((rest = beneath(roots->dirs[i], real)))
			root = roots->dirs[i];
	if (!rest)
		return error_set(err, TENDER_ERR_INVALID, "input-outside", path, 0, 0,
				 "outside the folders inputs may come from");
	if (!*rest)
		return error_set(err, TENDER_ERR_IO, "io-not-file", path, 0, 0,
				 "this is a folder, not a file");
	/* From the root down, one folder at a time, following no link: what
	 * realpath saw is what is opened, or nothing is. */
	fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, TENDER_ERR_IO, "io-open", path, 0, 0, "cannot open: %s",
				 strerror(errno));
	for (;;) {
		size_t n = strcspn(rest, "/");
		int last = rest[n] == '\0', next;

		if (n > NAME_MAX) {
			close(fd);
			return error_set(err, TENDER_ERR_IO, "io-open", path, 0, 0,
					 "cannot open: %s", strerror(ENAMETOOLONG));
		}
		memcpy(part, rest, n);
		part[n] = '\0';
		next = openat(fd, part,
			      last ? O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
				   : O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		if (next < 0 && (errno == ELOOP || errno == ENOTDIR))
			return error_set(err, TENDER_ERR_IO, "io-changed", path, 0, 0,
					 "the path changed while it was being opened (a symbolic "
					 "link appeared on the way)");
		if (next < 0)
			return error_set(err, TENDER_ERR_IO, "io-open", path, 0, 0,
					 "cannot open: %s", strerror(errno));
		fd = next;
		if (last)
			break;
		rest += n + 1;
	}
	return read_fd(fd, path, max_bytes, out, err);
}
