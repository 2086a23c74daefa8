/*
 * alloc.h - every allocation of libtender goes through here.
 *
 * One hook so that tests can make the Nth allocation fail and check that each
 * out-of-memory path returns TENDER_ERR_NOMEM, leaks nothing and crashes
 * nothing (the way Lua's lua_Alloc and curl's torture tests do). libxml2
 * keeps its own allocator (see tender_library_init in xml.c).
 */
#ifndef TENDER_ALLOC_H
#define TENDER_ALLOC_H

#include <stddef.h>

void *tender_malloc(size_t size);
void *tender_calloc(size_t n, size_t size); /* overflow-checked */
void *tender_realloc(void *ptr, size_t size);
void tender_free(void *ptr);
char *tender_strdup(const char *s);
char *tender_strndup(const char *s, size_t n);

/* Tests only: the allocation after the next n succeed fails, once armed;
 * n < 0 disarms. alloc_failed() tells whether an armed failure happened. */
void alloc_fail_after(long n);
int alloc_failed(void);

#endif
