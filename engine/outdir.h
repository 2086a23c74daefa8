/*
 * outdir.h - one unit of output: an evaluation's files are written into a
 * new folder beside the output folder and put in its place in one step, so
 * that the output folder holds the old set or the new set, never a mixture,
 * and a failed run leaves nothing new.
 *
 * DIR's outputs (the names given) are replaced as a whole; anything else in
 * DIR (the default store tender.db and its -wal and -shm, a reader's notes)
 * is carried across: regular files are hard-linked into the new folder
 * before the swap, so that they never leave DIR, other entries moved after
 * it. The swap is renameat2(RENAME_EXCHANGE) of DIR and the new folder
 * (Linux 3.15, glibc 2.28); the old folder is then emptied and removed.
 *
 * Beside DIR live, while a run is at work, DIR.tmp-XXXXXX (the new folder),
 * DIR.old-XXXXXX (the old one) and DIR.lock, on which runs take an
 * exclusive flock (removed by the run that holds it when it is done, so a
 * run that took it checks it is still the file at that path): runs on one
 * output folder follow one another, and the next run cleans what a killed
 * one left (a killed run's DIR.lock stays, and is reused).
 */
#ifndef TENDER_OUTDIR_H
#define TENDER_OUTDIR_H

#include "tender.h"

#include <stddef.h>

struct outdir;

/* Starts a unit of output into the folder dir: locks it (waiting for
 * another run on it to finish), cleans what killed runs left, refuses a
 * folder that is not writable and an output name (of names, n_names;
 * borrowed until outdir_free, names without '/') that is there as anything
 * but a regular file (a symbolic link, a folder), creates dir when missing
 * (one level; its parent must exist) and the new folder beside it. *out
 * receives the unit (outdir_free). Returns TENDER_OK, TENDER_ERR_IO (err
 * names the path) or TENDER_ERR_NOMEM; on failure nothing is left. */
enum tender_status outdir_begin(const char *dir, const char *const *names, size_t n_names,
				struct outdir **out, struct tender_error *err);

/* Whether outdir_begin created the folder (it was missing). */
int outdir_created(const struct outdir *o);

/* Writes one output, name (one of the names) with these bytes, into the
 * new folder, synced to disk. TENDER_ERR_IO (the disk is full, ...). */
enum tender_status outdir_put(struct outdir *o, const char *name, const void *data, size_t size,
			      struct tender_error *err);

/* Puts the new folder in place of dir in one step (see above). After it,
 * dir holds the new outputs; outdir_undo puts the old folder back.
 * TENDER_ERR_IO when the swap cannot be made (dir is a mount point, the
 * file system has no RENAME_EXCHANGE): nothing changed. */
enum tender_status outdir_commit(struct outdir *o, struct tender_error *err);

/* Puts the old folder back after outdir_commit (when what had to follow it
 * failed). TENDER_ERR_IO when it cannot. */
enum tender_status outdir_undo(struct outdir *o, struct tender_error *err);

/* Ends the unit: after outdir_commit, empties and removes the old folder
 * (carrying across what was not linked); otherwise removes the new folder,
 * and dir when outdir_begin created it and it is empty. Then unlocks and
 * frees o. NULL is a no-op. */
void outdir_free(struct outdir *o);

#endif
