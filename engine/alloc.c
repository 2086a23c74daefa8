/*
 * alloc.c - the allocation hook (see alloc.h).
 */
#include "alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Allocations left before an injected failure; negative when disarmed. */
static _Atomic long fail_countdown = -1;
static atomic_int fail_happened;

void alloc_fail_after(long n)
{
	atomic_store(&fail_countdown, n);
	atomic_store(&fail_happened, 0);
}

int alloc_failed(void)
{
	return atomic_load(&fail_happened);
}

static int should_fail(void)
{
	long left = atomic_load(&fail_countdown);

	if (left < 0)
		return 0;
	if (left == 0) {
		atomic_store(&fail_happened, 1);
		return 1;
	}
	atomic_store(&fail_countdown, left - 1);
	return 0;
}

void *tender_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *tender_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	if (should_fail())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *tender_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void tender_free(void *ptr)
{
	free(ptr);
}

char *tender_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = tender_malloc(len + 1);

	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *tender_strdup(const char *s)
{
	return tender_strndup(s, SIZE_MAX);
}
