/*
 * support.h - what several unit tests share: the library set up and torn
 * down around a group of tests, and a temporary store removed with its
 * SQLite side files. Header-only (static inline), so a test takes what it
 * uses and nothing else.
 */
#ifndef TENDER_TEST_SUPPORT_H
#define TENDER_TEST_SUPPORT_H

#include "tender.h"

#include <stdio.h>
#include <unistd.h>

/* cmocka group setup and teardown: the XML library initialised once. */
static inline int support_library_init(void **state)
{
	(void)state;
	tender_library_init();
	return 0;
}

static inline int support_library_cleanup(void **state)
{
	(void)state;
	tender_library_cleanup();
	return 0;
}

/* Removes the store db_path (with its -wal and -shm files) and then its
 * folder dir, which must be otherwise empty. */
static inline void support_remove_store(const char *dir, const char *db_path)
{
	char path[4200];

	unlink(db_path);
	if (snprintf(path, sizeof(path), "%s-wal", db_path) < (int)sizeof(path))
		unlink(path);
	if (snprintf(path, sizeof(path), "%s-shm", db_path) < (int)sizeof(path))
		unlink(path);
	rmdir(dir);
}

#endif
