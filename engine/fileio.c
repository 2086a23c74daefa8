/*
 * fileio.c - atomic file writes (see fileio.h).
 */
#include "fileio.h"

#include "error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

static void sync_parent(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd;

	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int fd_write_all_close(int fd, const void *data, size_t size)
{
	const char *p = data;
	int saved;

	while (size > 0) {
		ssize_t n = write(fd, p, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			goto fail;
		}
		p += n;
		size -= (size_t)n;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	return close(fd);
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

enum tender_status file_write_atomic(const char *path, const void *data, size_t size,
				     struct tender_error *err)
{
	char tmp[4096];
	int fd, saved;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path) >= (int)sizeof(tmp))
		return error_set(err, TENDER_ERR_IO, "io-path", path, 0, 0, "the path is too long");
	{
		struct stat st;

		/* Renaming over a device, a FIFO or a folder would replace it. */
		if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
			return error_set(err, TENDER_ERR_IO, "io-not-file", path, 0, 0,
					 "this is not a regular file; tender only replaces files");
	}
	fd = mkstemp(tmp);
	if (fd < 0)
		return error_set(err, TENDER_ERR_IO, "io-write", path, 0, 0, "cannot create: %s",
				 strerror(errno));
	if (fd_write_all_close(fd, data, size) != 0 || rename(tmp, path) != 0)
		goto fail;
	sync_parent(path);
	return TENDER_OK;
fail:
	saved = errno;
	unlink(tmp);
	return error_set(err, TENDER_ERR_IO, "io-write", path, 0, 0, "cannot write: %s",
			 strerror(saved ? saved : EIO));
}

enum tender_status dir_ensure(const char *path, struct tender_error *err)
{
	struct stat st;

	if (mkdir(path, 0755) == 0 || (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return TENDER_OK;
	return error_set(err, TENDER_ERR_IO, "io-mkdir", path, 0, 0,
			 "cannot create the output folder: %s",
			 strerror(errno == EEXIST ? ENOTDIR : errno));
}

/* ---------------------------------------------------------------------- */
/* Writing beneath a folder. */

/* Opens the folder for rel's first n_parts parts beneath dirfd (taken:
 * closed here), creating what is missing, following no symbolic link;
 * returns its descriptor, or -1 with err set. what names dir in messages. */
static int open_parts(int dirfd, const char *dir, const char *rel, size_t n_parts,
		      struct tender_error *err)
{
	const char *p = rel;

	for (size_t i = 0; i < n_parts; i++) {
		char part[256];
		size_t n = strcspn(p, "/");
		int next;

		if (n == 0 || n >= sizeof(part) || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.')) {
			close(dirfd);
			error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0,
				  "'%.200s' is not a plain relative path", rel);
			return -1;
		}
		memcpy(part, p, n);
		part[n] = '\0';
		if (mkdirat(dirfd, part, 0755) != 0 && errno != EEXIST) {
			error_set(err, TENDER_ERR_IO, "io-mkdir", dir, 0, 0,
				  "cannot create the folder '%.*s': %s", (int)(p - rel + n), rel,
				  strerror(errno));
			close(dirfd);
			return -1;
		}
		next = openat(dirfd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		close(dirfd);
		if (next < 0) {
			int saved = errno;

			if (saved == ELOOP || saved == ENOTDIR)
				error_set(err, TENDER_ERR_IO, "io-symlink", dir, 0, 0,
					  "'%.*s' is a symbolic link or not a folder: nothing is "
					  "written through it",
					  (int)(p - rel + n), rel);
			else
				error_set(err, TENDER_ERR_IO, "io-open", dir, 0, 0,
					  "cannot open the folder '%.*s': %s", (int)(p - rel + n), rel,
					  strerror(saved));
			return -1;
		}
		dirfd = next;
		p += n + (p[n] == '/');
	}
	return dirfd;
}

static size_t count_parts(const char *rel)
{
	size_t n = 1;

	for (const char *p = rel; *p; p++)
		n += *p == '/';
	return n;
}

/* dir (made when missing), then the folder of rel's first n_parts parts
 * beneath it as open_parts; -1 with err set. */
static int open_beneath(const char *dir, const char *rel, size_t n_parts,
			struct tender_error *err)
{
	int fd;

	if (dir_ensure(dir, err))
		return -1;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		error_set(err, TENDER_ERR_IO, "io-open", dir, 0, 0, "cannot open: %s",
			  strerror(errno));
		return -1;
	}
	return open_parts(fd, dir, rel, n_parts, err);
}

enum tender_status dir_make_beneath(const char *dir, const char *rel, struct tender_error *err)
{
	int fd = open_beneath(dir, rel, count_parts(rel), err);

	if (fd < 0)
		return TENDER_ERR_IO;
	close(fd);
	return TENDER_OK;
}

enum tender_status file_write_beneath(const char *dir, const char *rel, const void *data,
				      size_t size, struct tender_error *err)
{
	const char *name = strrchr(rel, '/');
	unsigned char random[8];
	char tmp[64];
	struct stat st;
	int fd, out = -1, saved = 0;

	name = name ? name + 1 : rel;
	if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strlen(name) > 255)
		return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0,
				 "'%.200s' is not a plain relative path", rel);
	fd = open_beneath(dir, rel, count_parts(rel) - 1, err);
	if (fd < 0)
		return TENDER_ERR_IO;
	/* Renaming over a link, a FIFO or a folder would replace it: only a
	 * file is replaced. */
	if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, TENDER_ERR_IO, S_ISLNK(st.st_mode) ? "io-symlink" : "io-not-file",
				 dir, 0, 0, "'%.200s' is %s: nothing is written through it", rel,
				 S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file");
	}
	randombytes_buf(random, sizeof(random));
	snprintf(tmp, sizeof(tmp), ".tender.tmp.%02x%02x%02x%02x%02x%02x%02x%02x", random[0],
		 random[1], random[2], random[3], random[4], random[5], random[6], random[7]);
	out = openat(fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (out < 0)
		goto fail;
	if (fd_write_all_close(out, data, size) != 0) {
		out = -1;
		goto fail;
	}
	out = -1;
	if (renameat(fd, tmp, fd, name) != 0)
		goto fail;
	(void)fsync(fd);
	close(fd);
	return TENDER_OK;
fail:
	saved = errno;
	if (out >= 0)
		close(out);
	unlinkat(fd, tmp, 0);
	close(fd);
	return error_set(err, TENDER_ERR_IO, "io-write", dir, 0, 0, "cannot write '%.200s': %s",
			 rel, strerror(saved ? saved : EIO));
}
