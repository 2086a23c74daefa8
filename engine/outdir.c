/*
 * outdir.c - one unit of output (see outdir.h).
 */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE, RENAME_NOREPLACE */
#include "outdir.h"

#include "alloc.h"
#include "error.h"
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define SUFFIX_LEN 6 /* mkdtemp's XXXXXX */

struct outdir {
	char dir[PATH_MAX];    /* the output folder, its parent resolved */
	char parent[PATH_MAX]; /* the folder that holds it */
	char base[NAME_MAX + 1];
	char fresh[PATH_MAX]; /* DIR.tmp-XXXXXX: the new outputs */
	char old[PATH_MAX];   /* DIR.old-XXXXXX: the old folder, once swapped */
	char lock[PATH_MAX];  /* DIR.lock, once locked */
	const char *const *names;
	size_t n_names;
	int lock_fd, created, swapped, fresh_made;
};

int outdir_created(const struct outdir *o)
{
	return o->created;
}

static int fits(int n, size_t size)
{
	return n >= 0 && (size_t)n < size;
}

/* Whether name is one of the outputs, or what an older tender's atomic
 * write of one left when it was killed ("evaluation.xml.tmp.XXXXXX"). */
static int is_output(const struct outdir *o, const char *name)
{
	for (size_t i = 0; i < o->n_names; i++) {
		size_t n = strlen(o->names[i]);

		if (strcmp(name, o->names[i]) == 0)
			return 1;
		if (strncmp(name, o->names[i], n) == 0 && strncmp(name + n, ".tmp.", 5) == 0 &&
		    strlen(name + n + 5) == SUFFIX_LEN)
			return 1;
	}
	return 0;
}

/* Empties folder (a new or old folder of some run) and removes it: outputs
 * are deleted; every other entry is carried into the output folder unless
 * it is there already, and deleted when it is the same file (a hard link
 * made before the swap); what cannot be carried stays, and so does the
 * folder. Never deletes anything else. */
static void drain(const struct outdir *o, const char *folder)
{
	int fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int dir_fd = open(o->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d;
	struct dirent *e;

	if (fd < 0) {
		if (dir_fd >= 0)
			close(dir_fd);
		return;
	}
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		if (dir_fd >= 0)
			close(dir_fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat here, there;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(fd, e->d_name, &here, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (is_output(o, e->d_name) && !S_ISDIR(here.st_mode)) {
			unlinkat(fd, e->d_name, 0);
			continue;
		}
		if (dir_fd < 0)
			continue;
		if (fstatat(dir_fd, e->d_name, &there, AT_SYMLINK_NOFOLLOW) == 0) {
			if (here.st_dev == there.st_dev && here.st_ino == there.st_ino &&
			    !S_ISDIR(here.st_mode))
				unlinkat(fd, e->d_name, 0);
			continue;
		}
		renameat2(fd, e->d_name, dir_fd, e->d_name, RENAME_NOREPLACE);
	}
	closedir(d);
	if (dir_fd >= 0) {
		fsync(dir_fd);
		close(dir_fd);
	}
	rmdir(folder);
}

/* Drains every DIR.tmp-XXXXXX and DIR.old-XXXXXX beside the output folder:
 * what runs killed before they finished left. Called with the lock held. */
static void clean_leftovers(const struct outdir *o)
{
	size_t n = strlen(o->base);
	DIR *d = opendir(o->parent);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char path[PATH_MAX];
		struct stat st;

		if (strncmp(e->d_name, o->base, n) != 0 ||
		    (strncmp(e->d_name + n, ".tmp-", 5) != 0 &&
		     strncmp(e->d_name + n, ".old-", 5) != 0) ||
		    strlen(e->d_name + n + 5) != SUFFIX_LEN)
			continue;
		if (!fits(snprintf(path, sizeof(path), "%s/%s", o->parent, e->d_name),
			  sizeof(path)) ||
		    lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		drain(o, path);
	}
	closedir(d);
}

/* Splits dir into its parent (resolved) and name. */
static enum tender_status resolve(struct outdir *o, const char *dir, struct tender_error *err)
{
	char text[PATH_MAX], real[PATH_MAX];
	size_t len = strlen(dir);
	const char *slash;
	struct stat st;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (len == 0 || !fits(snprintf(text, sizeof(text), "%.*s", (int)len, dir), sizeof(text)))
		return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0, "the path is too long");
	if (stat(text, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return error_set(err, TENDER_ERR_IO, "io-mkdir", dir, 0, 0,
					 "cannot create the output folder: %s", strerror(ENOTDIR));
		/* An existing folder by its real path: "." and "..", and a
		 * symbolic link to a folder (the folder is replaced, the link
		 * kept). */
		if (!realpath(text, real))
			return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0,
					 "cannot resolve the output folder: %s", strerror(errno));
		slash = strrchr(real, '/');
		if (!slash || slash[1] == '\0')
			return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0,
					 "the root folder cannot be an output folder");
		snprintf(o->parent, sizeof(o->parent), "%.*s", (int)(slash - real),
			 slash == real ? "/" : real);
		snprintf(o->base, sizeof(o->base), "%s", slash + 1);
	} else {
		slash = strrchr(text, '/');
		if (slash && slash == text)
			snprintf(o->parent, sizeof(o->parent), "/");
		else if (slash)
			snprintf(o->parent, sizeof(o->parent), "%.*s", (int)(slash - text), text);
		else
			snprintf(o->parent, sizeof(o->parent), ".");
		if (!fits(snprintf(o->base, sizeof(o->base), "%s", slash ? slash + 1 : text),
			  sizeof(o->base)) ||
		    !realpath(o->parent, real))
			return error_set(err, TENDER_ERR_IO, "io-mkdir", dir, 0, 0,
					 "cannot create the output folder: %s",
					 strerror(errno ? errno : ENAMETOOLONG));
		snprintf(o->parent, sizeof(o->parent), "%s", real);
	}
	if (strcmp(o->parent, "/") == 0)
		o->parent[0] = '\0'; /* joined with "/" below */
	if (!fits(snprintf(o->dir, sizeof(o->dir), "%s/%s", o->parent, o->base), sizeof(o->dir)))
		return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0, "the path is too long");
	if (!o->parent[0])
		snprintf(o->parent, sizeof(o->parent), "/");
	return TENDER_OK;
}

/* Refuses an output folder that cannot be written, and an output there as
 * anything but a regular file: replacing a symbolic link, a folder or a
 * device would not be replacing an output. */
static enum tender_status check_existing(const struct outdir *o, const char *shown,
					 struct tender_error *err)
{
	if (access(o->dir, W_OK | X_OK) != 0)
		return error_set(err, TENDER_ERR_IO, "io-write", shown, 0, 0,
				 "cannot write into the output folder: %s", strerror(errno));
	for (size_t i = 0; i < o->n_names; i++) {
		char path[PATH_MAX];
		struct stat st;

		if (!fits(snprintf(path, sizeof(path), "%s/%s", o->dir, o->names[i]), sizeof(path)))
			return error_set(err, TENDER_ERR_IO, "io-path", shown, 0, 0,
					 "the path is too long");
		if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			size_t n = strlen(shown);

			while (n > 1 && shown[n - 1] == '/')
				n--;
			snprintf(path, sizeof(path), "%.*s/%s", (int)n, shown, o->names[i]);
			return error_set(err, TENDER_ERR_IO, "io-not-file", path, 0, 0,
					 "this is not a regular file; tender only replaces files");
		}
	}
	return TENDER_OK;
}

/* Takes the exclusive flock on the lock file beside the output folder,
 * waiting for a run that holds it. The run that holds it removes the file
 * when it is done (outdir_free), so a lock taken on a file that is no
 * longer at its path is worthless: then try again. */
static enum tender_status take_lock(struct outdir *o, const char *lock, struct tender_error *err)
{
	for (;;) {
		struct stat held, now;

		o->lock_fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (o->lock_fd < 0)
			return error_set(err, TENDER_ERR_IO, "io-write", lock, 0, 0,
					 "cannot create the output folder's lock file: %s",
					 strerror(errno));
		while (flock(o->lock_fd, LOCK_EX) != 0)
			if (errno != EINTR)
				return error_set(err, TENDER_ERR_IO, "io-lock", lock, 0, 0,
						 "cannot lock the output folder: %s",
						 strerror(errno));
		if (fstat(o->lock_fd, &held) == 0 && stat(lock, &now) == 0 &&
		    held.st_dev == now.st_dev && held.st_ino == now.st_ino) {
			snprintf(o->lock, sizeof(o->lock), "%s", lock);
			return TENDER_OK;
		}
		close(o->lock_fd);
		o->lock_fd = -1;
	}
}

/* Refuses an output folder that is the current folder or holds it: the
 * swap would leave this process, and the shell that started it, in a
 * folder that is then removed. */
static enum tender_status check_not_cwd(const struct outdir *o, const char *shown,
					struct tender_error *err)
{
	char cwd[PATH_MAX];
	size_t n = strlen(o->dir);

	if (!getcwd(cwd, sizeof(cwd)))
		return TENDER_OK;
	if (strncmp(cwd, o->dir, n) == 0 && (cwd[n] == '\0' || cwd[n] == '/'))
		return error_set(err, TENDER_ERR_IO, "io-output-cwd", shown, 0, 0,
				 "the output folder cannot be the current folder or hold it "
				 "(its contents are replaced as a whole): give another -o");
	return TENDER_OK;
}

enum tender_status outdir_begin(const char *dir, const char *const *names, size_t n_names,
				struct outdir **out, struct tender_error *err)
{
	struct outdir *o = tender_calloc(1, sizeof(*o));
	char lock[PATH_MAX];
	struct stat st;
	enum tender_status rc;

	*out = NULL;
	if (!o)
		return TENDER_ERR_NOMEM;
	o->lock_fd = -1;
	o->names = names;
	o->n_names = n_names;
	errno = 0;
	if ((rc = resolve(o, dir, err)) || (rc = check_not_cwd(o, dir, err)))
		goto fail;
	if (!fits(snprintf(lock, sizeof(lock), "%s.lock", o->dir), sizeof(lock)) ||
	    !fits(snprintf(o->fresh, sizeof(o->fresh), "%s.tmp-XXXXXX", o->dir),
		  sizeof(o->fresh))) {
		rc = error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0, "the path is too long");
		goto fail;
	}
	if ((rc = take_lock(o, lock, err)))
		goto fail;
	clean_leftovers(o);
	if (mkdir(o->dir, 0755) == 0) {
		o->created = 1;
	} else if (errno != EEXIST) {
		rc = error_set(err, TENDER_ERR_IO, "io-mkdir", dir, 0, 0,
			       "cannot create the output folder: %s", strerror(errno));
		goto fail;
	} else if ((rc = check_existing(o, dir, err))) {
		goto fail;
	}
	if (!mkdtemp(o->fresh)) {
		rc = error_set(err, TENDER_ERR_IO, "io-mkdir", o->fresh, 0, 0,
			       "cannot create a folder beside the output folder: %s",
			       strerror(errno));
		goto fail;
	}
	o->fresh_made = 1;
	/* mkdtemp made it 0700; it becomes the output folder, whose mode
	 * stays what it was (or what mkdir gave it just now). */
	if (stat(o->dir, &st) != 0 || chmod(o->fresh, st.st_mode & 07777) != 0) {
		rc = error_set(err, TENDER_ERR_IO, "io-mkdir", o->fresh, 0, 0,
			       "cannot set the mode of the new output folder: %s", strerror(errno));
		goto fail;
	}
	*out = o;
	return TENDER_OK;
fail:
	outdir_free(o);
	return rc;
}

enum tender_status outdir_put(struct outdir *o, const char *name, const void *data, size_t size,
			      struct tender_error *err)
{
	char path[PATH_MAX];
	int fd, saved;

	if (!fits(snprintf(path, sizeof(path), "%s/%s", o->fresh, name), sizeof(path)))
		return error_set(err, TENDER_ERR_IO, "io-path", name, 0, 0, "the path is too long");
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return error_set(err, TENDER_ERR_IO, "io-write", path, 0, 0, "cannot create: %s",
				 strerror(errno));
	if (fd_write_all_close(fd, data, size) == 0)
		return TENDER_OK;
	saved = errno ? errno : EIO;
	unlink(path);
	return error_set(err, TENDER_ERR_IO, "io-write", path, 0, 0, "cannot write: %s",
			 strerror(saved));
}

static void sync_folder(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Hard-links every regular file of the output folder that is not an output
 * into the new folder, so that it is in the output folder before, during
 * and after the swap (the store an evaluation is being recorded into among
 * them: its connection keeps working, by the same files). */
/* A file that cannot be linked stops the swap (it would leave the folder):
 * TENDER_ERR_IO with err naming it. */
static enum tender_status link_others(const struct outdir *o, struct tender_error *err)
{
	int dir_fd = open(o->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int fresh_fd = open(o->fresh, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = dir_fd >= 0 ? fdopendir(dir_fd) : NULL;
	struct dirent *e;
	enum tender_status rc = TENDER_OK;

	if (!d || fresh_fd < 0) {
		rc = error_set(err, TENDER_ERR_IO, "io-open", o->dir, 0, 0,
			       "cannot open the output folder: %s", strerror(errno));
		goto out;
	}
	while (!rc && (e = readdir(d)) != NULL) {
		struct stat st;

		if (is_output(o, e->d_name) ||
		    fstatat(dir_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (linkat(dir_fd, e->d_name, fresh_fd, e->d_name, 0) != 0 && errno != EEXIST)
			rc = error_set(err, TENDER_ERR_IO, "io-link", o->dir, 0, 0,
				       "cannot keep '%.200s' in the output folder: %s", e->d_name,
				       strerror(errno));
	}
out:
	if (d)
		closedir(d);
	else if (dir_fd >= 0)
		close(dir_fd);
	if (fresh_fd >= 0)
		close(fresh_fd);
	return rc;
}

enum tender_status outdir_commit(struct outdir *o, struct tender_error *err)
{
	size_t n = strlen(o->dir);

	sync_folder(o->fresh);
	if (link_others(o, err))
		return TENDER_ERR_IO;
	/* DIR.tmp-XXXXXX becomes DIR.old-XXXXXX: the same length, so it fits. */
	memcpy(o->old, o->fresh, strlen(o->fresh) + 1);
	memcpy(o->old + n + 1, "old", 3);
	if (renameat2(AT_FDCWD, o->fresh, AT_FDCWD, o->dir, RENAME_EXCHANGE) == 0) {
		o->swapped = 1;
		/* The old folder is at the new one's name: give it its own, so
		 * that a run killed now leaves DIR.old-XXXXXX. */
		if (rename(o->fresh, o->old) != 0)
			memcpy(o->old, o->fresh, strlen(o->fresh) + 1);
	} else if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
		/* No RENAME_EXCHANGE here: two renames. Between them the output
		 * folder is missing for an instant, never mixed. */
		if (rename(o->dir, o->old) != 0)
			return error_set(err, TENDER_ERR_IO, "io-write", o->dir, 0, 0,
					 "cannot put the new outputs in place: %s",
					 strerror(errno));
		if (rename(o->fresh, o->dir) != 0) {
			int saved = errno;

			rename(o->old, o->dir);
			return error_set(err, TENDER_ERR_IO, "io-write", o->dir, 0, 0,
					 "cannot put the new outputs in place: %s",
					 strerror(saved));
		}
		o->swapped = 1;
	} else {
		return error_set(err, TENDER_ERR_IO, "io-write", o->dir, 0, 0,
				 "cannot put the new outputs in place: %s", strerror(errno));
	}
	sync_folder(o->parent);
	return TENDER_OK;
}

enum tender_status outdir_undo(struct outdir *o, struct tender_error *err)
{
	if (!o->swapped)
		return TENDER_OK;
	if (renameat2(AT_FDCWD, o->old, AT_FDCWD, o->dir, RENAME_EXCHANGE) == 0) {
		/* the new outputs are at the old folder's name now */
		snprintf(o->fresh, sizeof(o->fresh), "%s", o->old);
	} else if (rename(o->dir, o->fresh) != 0 || rename(o->old, o->dir) != 0) {
		return error_set(err, TENDER_ERR_IO, "io-write", o->dir, 0, 0,
				 "cannot put the old outputs back: %s", strerror(errno));
	}
	o->swapped = 0;
	sync_folder(o->parent);
	return TENDER_OK;
}

void outdir_free(struct outdir *o)
{
	if (!o)
		return;
	if (o->swapped)
		drain(o, o->old);
	else if (o->fresh_made)
		drain(o, o->fresh);
	if (!o->swapped && o->created)
		rmdir(o->dir); /* only when empty */
	if (o->lock_fd >= 0) {
		if (o->lock[0])
			unlink(o->lock); /* still held: see take_lock */
		sync_folder(o->parent);
		close(o->lock_fd); /* releases the lock */
	}
	tender_free(o);
}
