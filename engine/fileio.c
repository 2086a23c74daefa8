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

enum tender_status file_write_atomic(const char *path, const void *data, size_t size,
				     struct tender_error *err)
{
	char tmp[4096];
	const char *p = data;
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
	while (size > 0) {
		ssize_t n = write(fd, p, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		p += n;
		size -= (size_t)n;
	}
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	sync_parent(path);
	return TENDER_OK;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
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
