/*
 * holidays.c - the shipped UK bank holidays (see holidays.h).
 */
#include "holidays.h"

#include "alloc.h"
#include "calendar.h"
#include "check.h"
#include "embedded.h"

#include <string.h>

static const char HEADER[] = "date,region,name,source";

static int parse_region(const char *s, unsigned *region)
{
	static const struct {
		const char *name;
		unsigned region;
	} regions[] = {{"england-and-wales", HOLIDAY_ENGLAND_AND_WALES},
		       {"scotland", HOLIDAY_SCOTLAND},
		       {"northern-ireland", HOLIDAY_NORTHERN_IRELAND}};

	for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++)
		if (!strcmp(s, regions[i].name)) {
			*region = regions[i].region;
			return 1;
		}
	return 0;
}

/* A date of the table: an xs:date (check_date_parse, as every date tender
 * reads) written exactly as calendar_iso writes it, so a real day and
 * nothing else. */
static int parse_date(const char *s, long long *day, long long *year)
{
	struct check_date d;
	char back[CALENDAR_ISO_SIZE];

	if (!check_date_parse(s, &d) || d.negative || !check_date_year(&d, year))
		return 0;
	*day = calendar_days(*year, d.month, d.day);
	calendar_iso(*day, back);
	return !strcmp(back, s);
}

enum tender_status holidays_load(struct holidays *h)
{
	enum tender_status rc;
	size_t bad_line;

	memset(h, 0, sizeof(*h));
	rc = csv_read(embedded_bank_holidays_csv, embedded_bank_holidays_csv_size, HEADER,
		      &h->table, &bad_line);
	if (rc)
		return rc;
	h->days = tender_calloc(h->table.n_rows ? h->table.n_rows : 1, sizeof(*h->days));
	if (!h->days)
		return TENDER_ERR_NOMEM;
	for (size_t r = 0; r < h->table.n_rows; r++) {
		struct holiday *d = &h->days[r];
		long long year;

		if (!parse_date(csv_cell(&h->table, r, 0), &d->day, &year) ||
		    !parse_region(csv_cell(&h->table, r, 1), &d->region) ||
		    (r && d->day < h->days[r - 1].day))
			return TENDER_ERR_INVALID;
		d->name = csv_cell(&h->table, r, 2);
		d->source = csv_cell(&h->table, r, 3);
		if (!r || year < h->first_year)
			h->first_year = year;
		if (!r || year > h->last_year)
			h->last_year = year;
		h->n_days++;
	}
	return h->n_days ? TENDER_OK : TENDER_ERR_INVALID;
}

const struct holiday *holidays_find(const struct holidays *h, long long day, unsigned regions)
{
	size_t lo = 0, hi = h->n_days;

	while (lo < hi) { /* the first row on or after day */
		size_t mid = lo + (hi - lo) / 2;

		if (h->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < h->n_days && h->days[lo].day == day; lo++)
		if (h->days[lo].region & regions)
			return &h->days[lo];
	return NULL;
}

void holidays_release(struct holidays *h)
{
	tender_free(h->days);
	csv_release(&h->table);
	memset(h, 0, sizeof(*h));
}
