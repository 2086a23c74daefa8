/*
 * embed.c - a program embedding libtender through its public header alone
 * (the build gives it an include path holding nothing but tender.h): it
 * evaluates the sample tender (bids/examples/wessex-vale), checks the
 * ranking, totals, a score, a flag and a reason against the figures of the
 * sample's evaluation.xml (tests/e2e/sample-tender checks the same
 * document), checks evaluation.xml from the API against its own figures,
 * records the evaluation in a new store and verifies the store. It also
 * checks the API's failure contract: errors filled, out-handles NULL,
 * x_free(NULL) a no-op, accessors out of range NULL.
 *
 * usage: embed SOURCE_DIR WORK_DIR (exit 0 when every check passes)
 */
#include <tender.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n_failed, n_checked;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		n_checked++;                                                                       \
		if (!(cond)) {                                                                     \
			n_failed++;                                                                \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, expected)                                                                   \
	do {                                                                                       \
		const char *got_ = (got);                                                          \
		n_checked++;                                                                       \
		if (!got_ || strcmp(got_, (expected)) != 0) {                                      \
			n_failed++;                                                                \
			fprintf(stderr, "%s:%d: %s is '%s', expected '%s'\n", __FILE__, __LINE__,  \
				#got, got_ ? got_ : "(null)", (expected));                         \
		}                                                                                  \
	} while (0)

/* The sample's ranking and totals, from its evaluation.xml (<ranking>). */
static const struct {
	const char *id, *total;
} expected_ranking[] = {
    {"WV-B01", "82.928041217477"}, {"WV-B04", "79.997285235672"}, {"WV-B03", "75.433333333333"},
    {"WV-B06", "75.380610715792"}, {"WV-B07", "69.830610715792"}, {"WV-B05", "62.295696100764"},
};
#define N_RANKED (sizeof(expected_ranking) / sizeof(expected_ranking[0]))

static const tender_bid *find_bid(const tender_evaluation *e, const char *id)
{
	for (size_t i = 0; i < tender_evaluation_bid_count(e); i++)
		if (strcmp(tender_bid_id(tender_evaluation_bid(e, i)), id) == 0)
			return tender_evaluation_bid(e, i);
	return NULL;
}

static const tender_score *find_score(const tender_bid *b, const char *criterion)
{
	for (size_t i = 0; i < tender_bid_score_count(b); i++)
		if (strcmp(tender_score_criterion_id(tender_bid_score(b, i)), criterion) == 0)
			return tender_bid_score(b, i);
	return NULL;
}

static const tender_flag *find_flag(const tender_bid *b, const char *flag)
{
	for (size_t i = 0; i < tender_bid_flag_count(b); i++)
		if (strcmp(tender_flag_id(tender_bid_flag(b, i)), flag) == 0)
			return tender_bid_flag(b, i);
	return NULL;
}

static void check_ranking(const tender_evaluation *e)
{
	CHECK(tender_evaluation_bid_count(e) == N_RANKED + 1);
	for (size_t i = 0; i < N_RANKED && i < tender_evaluation_bid_count(e); i++) {
		const tender_bid *b = tender_evaluation_bid(e, i);

		CHECK_STR(tender_bid_id(b), expected_ranking[i].id);
		CHECK(tender_bid_rank(b) == (int)i + 1);
		CHECK(!tender_bid_tied(b));
		CHECK(tender_bid_evaluated(b) && tender_bid_compliant(b));
		CHECK_STR(tender_bid_total(b), expected_ranking[i].total);
		CHECK(tender_bid_total_value(b) == strtod(expected_ranking[i].total, NULL));
		CHECK(tender_bid_reason_count(b) == 0);
	}
	CHECK(tender_evaluation_bid(e, N_RANKED + 1) == NULL);
}

/* WV-B02 fails the cqc-registration gate: evaluated, not compliant, not
 * ranked, with the reason `tender evaluate` prints. */
static void check_unranked(const tender_evaluation *e)
{
	const tender_bid *b = tender_evaluation_bid(e, N_RANKED);

	CHECK(b != NULL);
	if (!b)
		return;
	CHECK_STR(tender_bid_id(b), "WV-B02");
	CHECK_STR(tender_bid_bidder(b), "Meridian Health Partners Ltd");
	CHECK_STR(tender_bid_file(b), "bids/meridian-health-partners.xml");
	CHECK(tender_bid_evaluated(b) && !tender_bid_compliant(b));
	CHECK(tender_bid_rank(b) == 0);
	CHECK_STR(tender_bid_total(b), "52.3");
	CHECK(tender_bid_reason_count(b) == 1);
	CHECK_STR(tender_bid_reason(b, 0),
		  "failed gate cqc-registration (Registered with the Care Quality Commission)");
	CHECK(tender_bid_reason(b, 1) == NULL);
}

/* WV-B01: its price and group scores, and its market-concentration flag. */
static void check_winner(const tender_evaluation *e)
{
	const tender_bid *b = find_bid(e, "WV-B01");
	const tender_score *price, *integration, *competition;
	const tender_flag *flag;

	CHECK(b != NULL);
	if (!b)
		return;
	CHECK_STR(tender_bid_bidder(b), "Wessex Vale Hospitals NHS Foundation Trust");
	price = find_score(b, "price");
	integration = find_score(b, "integration");
	competition = find_score(b, "competition");
	CHECK(price && integration && competition);
	if (price) {
		CHECK_STR(tender_score_state(price), "scored");
		CHECK_STR(tender_score_points(price), "13.794707884144");
		CHECK(tender_score_points_value(price) == 13.794707884144);
		CHECK_STR(tender_score_maximum(price), "24");
		CHECK_STR(tender_score_explanation(price),
			  "lowest 441,427,000.00 / this 767,993,645.75 × 24.00 = 13.79");
		CHECK(tender_score_title(price)[0] != '\0');
	}
	if (integration) {
		CHECK_STR(tender_score_state(integration), "subtotal");
		CHECK_STR(tender_score_points(integration), "29");
	}
	if (competition)
		CHECK_STR(tender_score_points(competition), "6");
	CHECK(tender_bid_score(b, tender_bid_score_count(b)) == NULL);
	CHECK(tender_bid_flag_count(b) == 1);
	flag = find_flag(b, "market-concentration");
	CHECK(flag != NULL);
	if (flag) {
		CHECK_STR(tender_flag_severity(flag), "high");
		CHECK_STR(tender_flag_title(flag), "Award would concentrate the local market");
		CHECK(strstr(tender_flag_cite(flag), "Herfindahl-Hirschman Index") != NULL);
		CHECK(strncmp(tender_flag_message(flag),
			      "If this bid wins, incumbents holding "
			      "74.00% of the local market",
			      60) == 0);
	}
	CHECK(tender_bid_flag(b, 1) == NULL);
}

static void check_document(tender_evaluation *e)
{
	struct tender_error err = {0};
	const char *xml = NULL, *again = NULL;
	size_t size = 0, size_again = 0;

	CHECK_STR(tender_evaluation_tender_id(e), "WV-ICB-2027-OPIC");
	CHECK_STR(tender_evaluation_ruleset_id(e), "nhs-integrated-care-prime");
	CHECK_STR(tender_evaluation_ruleset_version(e), "1.2.0");
	CHECK_STR(tender_evaluation_scale(e), "100");
	CHECK_STR(tender_evaluation_created(e), "2027-01-15T08:00:00Z");
	CHECK(tender_evaluation_tender_title(e)[0] != '\0');
	CHECK(tender_evaluation_xml(e, &xml, &size, &err) == TENDER_OK);
	CHECK(xml && size > 0 && strlen(xml) == size);
	if (!xml)
		return;
	CHECK(strstr(xml, "created=\"2027-01-15T08:00:00Z\"") != NULL);
	CHECK(strstr(xml, "<place rank=\"1\" bid=\"WV-B01\" total=\"82.928041217477\"") != NULL);
	CHECK(tender_evaluation_xml(e, &again, &size_again, &err) == TENDER_OK);
	CHECK(again == xml && size_again == size);
}

static void count_finding(void *ctx, const char *finding)
{
	fprintf(stderr, "finding: %s\n", finding);
	++*(int *)ctx;
}

static void record_and_verify(tender_evaluation *e, const char *work)
{
	struct tender_error err = {0};
	struct tender_verify_counts counts = {0};
	tender_store *store = NULL;
	long long id = 0;
	int findings = 0;
	char db[4096];

	snprintf(db, sizeof(db), "%s/embed.db", work);
	remove(db);
	CHECK(tender_store_open(db, TENDER_STORE_READ_WRITE, &store, &err) == TENDER_OK);
	if (!store) {
		fprintf(stderr, "%s: %s\n", db, err.message);
		return;
	}
	CHECK(tender_store_record(store, e, &id, &err) == TENDER_OK);
	CHECK(id == 1);
	tender_store_free(store);
	store = NULL;

	CHECK(tender_store_open(db, TENDER_STORE_READ_ONLY, &store, &err) == TENDER_OK);
	if (!store)
		return;
	CHECK(tender_store_record(store, e, &id, &err) == TENDER_ERR_USAGE);
	CHECK(err.status == TENDER_ERR_USAGE && err.message[0]);
	CHECK(tender_store_verify(store, 0, count_finding, &findings, &counts, &err) == TENDER_OK);
	CHECK(findings == 0 && counts.findings == 0);
	CHECK(counts.evaluations == 1 && counts.audit_rows == 1 && counts.blobs >= 9);
	CHECK(tender_store_verify(store, 2, NULL, NULL, NULL, &err) == TENDER_ERR_USAGE);
	tender_store_free(store);
}

/* Whatever fails fills the error and leaves the out-handle NULL. */
static void check_failures(const char *src, const char *work)
{
	struct tender_error err = {0};
	tender_evaluation *e = (tender_evaluation *)&err; /* must be reset to NULL */
	tender_store *store = (tender_store *)&err;
	struct tender_evaluate_options options = {0};
	const char *not_a_folder[1];
	char missing[4096], tender[4096], file[4096];

	tender_evaluation_free(NULL);
	tender_store_free(NULL);

	snprintf(missing, sizeof(missing), "%s/no-such-tender.xml", work);
	CHECK(tender_evaluate(missing, NULL, &e, &err) == TENDER_ERR_INVALID);
	CHECK(e == NULL && err.status == TENDER_ERR_INVALID && err.message[0]);

	snprintf(tender, sizeof(tender), "%s/bids/examples/wessex-vale/tender.xml", src);
	snprintf(file, sizeof(file), "%s/README.md", src);
	not_a_folder[0] = file;
	options.allow_outside = not_a_folder;
	options.n_allow_outside = 1;
	e = (tender_evaluation *)&err;
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_ERR_USAGE);
	CHECK(e == NULL && strstr(err.message, "README.md") != NULL);

	options = (struct tender_evaluate_options){.n_allow_outside = 1};
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_ERR_USAGE);

	options = (struct tender_evaluate_options){.use_created_epoch = 1, .created_epoch = -1};
	e = (tender_evaluation *)&err;
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_ERR_USAGE);
	CHECK(e == NULL);

	options = (struct tender_evaluate_options){.max_input_bytes = ((size_t)2 << 30) + 1};
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_ERR_USAGE);

	/* A limit the tender itself exceeds: unusable, with a diagnostic. */
	options = (struct tender_evaluate_options){.max_input_bytes = 100};
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_ERR_INVALID);
	CHECK(e == NULL);

	CHECK(tender_store_open(file, TENDER_STORE_READ_WRITE, &store, &err) == TENDER_ERR_DB);
	CHECK(store == NULL && err.status == TENDER_ERR_DB);
}

/* Without a time in the options, the time recorded is SOURCE_DATE_EPOCH's,
 * as for the command; a malformed one is refused. */
static void check_source_date_epoch(const char *src)
{
	struct tender_error err = {0};
	tender_evaluation *e = NULL;
	char tender[4096];

	snprintf(tender, sizeof(tender), "%s/bids/examples/wessex-vale/tender.xml", src);
	CHECK(setenv("SOURCE_DATE_EPOCH", "1700000000", 1) == 0);
	CHECK(tender_evaluate(tender, NULL, &e, &err) == TENDER_OK);
	if (e)
		CHECK_STR(tender_evaluation_created(e), "2023-11-14T22:13:20Z");
	tender_evaluation_free(e);
	e = NULL;
	CHECK(setenv("SOURCE_DATE_EPOCH", "17e8", 1) == 0);
	CHECK(tender_evaluate(tender, NULL, &e, &err) == TENDER_ERR_USAGE);
	CHECK(e == NULL && strstr(err.message, "SOURCE_DATE_EPOCH") != NULL);
	unsetenv("SOURCE_DATE_EPOCH");
}

struct diagnostics_seen {
	int n;
	int file_too_large;
};

static void note_diagnostic(void *ctx, const struct tender_diagnostic *d)
{
	struct diagnostics_seen *seen = ctx;

	seen->n++;
	if (strcmp(d->code, "file-too-large") == 0 && strcmp(d->severity, "error") == 0 &&
	    strstr(d->file, "tender.xml"))
		seen->file_too_large = 1;
}

static void check_diagnostics(const char *src)
{
	struct tender_error err = {0};
	struct diagnostics_seen seen = {0, 0};
	struct tender_evaluate_options options = {
	    .max_input_bytes = 100, .diagnostic = note_diagnostic, .diagnostic_ctx = &seen};
	tender_evaluation *e = NULL;
	char tender[4096];

	snprintf(tender, sizeof(tender), "%s/bids/examples/wessex-vale/tender.xml", src);
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_ERR_INVALID);
	CHECK(seen.n >= 1 && seen.file_too_large);
	tender_evaluation_free(e);
}

int main(int argc, char **argv)
{
	struct tender_error err = {0};
	struct tender_evaluate_options options = {.use_created_epoch = 1,
						  .created_epoch = 1800000000};
	tender_evaluation *e = NULL;
	char tender[4096];

	if (argc != 3) {
		fprintf(stderr, "usage: embed SOURCE_DIR WORK_DIR\n");
		return 2;
	}
	tender_library_init();
	snprintf(tender, sizeof(tender), "%s/bids/examples/wessex-vale/tender.xml", argv[1]);
	CHECK(tender_evaluate(tender, &options, &e, &err) == TENDER_OK);
	if (!e) {
		fprintf(stderr, "%s: %s: %s\n", err.file, tender_status_str(err.status),
			err.message);
		return 1;
	}
	check_ranking(e);
	check_unranked(e);
	check_winner(e);
	check_document(e);
	record_and_verify(e, argv[2]);
	tender_evaluation_free(e);
	check_failures(argv[1], argv[2]);
	check_diagnostics(argv[1]);
	check_source_date_epoch(argv[1]);
	tender_library_cleanup();
	printf("%d checks, %d failed\n", n_checked, n_failed);
	return n_failed ? 1 : 0;
}
