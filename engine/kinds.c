/*
 * kinds.c - the one table of scoring methods and the one table of flag
 * kinds (see kinds.h). A new kind is one line in its table's list.
 */
#include "kinds.h"

#include <string.h>

/* The scoring methods: each is a `const struct method_ops method_NAME` in
 * method_NAME.c. */
#define EACH_METHOD(X)                                                                             \
	X(method_boolean)                                                                          \
	X(method_scale)                                                                            \
	X(method_price)                                                                            \
	X(method_coverage)                                                                         \
	X(method_match)                                                                            \
	X(method_panel)                                                                            \
	/* one line each, above */

/* The flag kinds: each is a `const struct flag_ops flag_NAME` in
 * flag_NAME.c (the panel's four in flag_panel.c). */
#define EACH_FLAG_KIND(X)                                                                          \
	X(flag_when)                                                                               \
	X(flag_abnormally_low)                                                                     \
	X(flag_identical_price)                                                                    \
	X(flag_panel_missing)                                                                      \
	X(flag_panel_spread)                                                                       \
	X(flag_panel_moderation)                                                                   \
	X(flag_panel_conflict)                                                                     \
	X(flag_market_concentration)                                                               \
	X(flag_shared_text)                                                                        \
	/* one line each, above */

#define DECLARE_METHOD(name) extern const struct method_ops name;
#define DECLARE_FLAG_KIND(name) extern const struct flag_ops name;
#define ENTRY(name) &name,

EACH_METHOD(DECLARE_METHOD)
EACH_FLAG_KIND(DECLARE_FLAG_KIND)

static const struct method_ops *const methods[] = {EACH_METHOD(ENTRY)};
static const struct flag_ops *const flag_kinds[] = {EACH_FLAG_KIND(ENTRY)};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct method_ops *method_at(size_t i)
{
	return i < COUNT(methods) ? methods[i] : NULL;
}

const struct flag_ops *flag_kind_at(size_t i)
{
	return i < COUNT(flag_kinds) ? flag_kinds[i] : NULL;
}

const struct method_ops *method_find(const char *element)
{
	for (size_t i = 0; i < COUNT(methods); i++)
		if (strcmp(methods[i]->element, element) == 0)
			return methods[i];
	return NULL;
}

const struct flag_ops *flag_kind_find(const char *element)
{
	for (size_t i = 0; i < COUNT(flag_kinds); i++)
		if (strcmp(flag_kinds[i]->element, element) == 0)
			return flag_kinds[i];
	return NULL;
}
