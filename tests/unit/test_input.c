/*
 * test_input.c - inputs read once, from inside their folders: what is
 * refused (outside, "..", a symbolic link out, a FIFO, a folder) and what
 * is read (the bytes and their hash, a link that stays inside); writing
 * beneath a folder never leaves it (fileio.h); the store keeps the bytes
 * the run read, whatever becomes of the files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "alloc.h"
#include "audit.h"
#include "fileio.h"
#include "input.h"
#include "result.h"
#include "run.h"
#include "store.h"

#define CASE_DIR TENDER_SOURCE_DIR "/tests/cases/0704-panel-conflict-bidder-excluded"

static char dir[64];

static void ignore_finding(void *ctx, const char *finding)
{
	(void)ctx;
	fail_msg("unexpected finding: %s", finding);
}

static void put(const char *rel, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static enum tender_status read_rel(const struct input_roots *roots, const char *rel,
				   struct input *in, struct tender_error *err)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	return input_read_beneath(roots, path, 1 << 20, in, err);
}

static void test_read_once_and_hash(void **state)
{
	struct tender_error err = {0};
	struct input in;
	unsigned char sha[32];
	char path[256];

	(void)state;
	put("t/a.xml", "<a/>");
	snprintf(path, sizeof(path), "%s/t/a.xml", dir);
	assert_int_equal(input_read_file(path, 100, &in, &err), TENDER_OK);
	assert_int_equal(in.size, 4);
	assert_memory_equal(in.data, "<a/>", 5);
	crypto_hash_sha256(sha, (const unsigned char *)"<a/>", 4);
	assert_memory_equal(in.sha256, sha, 32);
	assert_string_equal(in.name, path);
	input_release(&in);
	assert_int_equal(input_read_file(path, 3, &in, &err), TENDER_ERR_LIMIT);
	assert_null(in.data);
	assert_int_equal(input_from_memory("label", "xy", 2, &in), TENDER_OK);
	assert_string_equal(in.name, "label");
	input_release(&in);
}

static void test_confined(void **state)
{
	struct input_roots roots = INPUT_ROOTS_INIT;
	struct tender_error err = {0};
	struct input in;
	char path[256];

	(void)state;
	snprintf(path, sizeof(path), "%s/t", dir);
	assert_int_equal(input_roots_add(&roots, path), TENDER_OK);
	assert_int_equal(input_roots_add(&roots, "/nonexistent/folder"), TENDER_ERR_IO); /* no folder: nothing added */
	assert_int_equal(roots.n, 1);
	put("t/a.xml", "<a/>");
	put("outside.xml", "<secret/>");
	assert_int_equal(read_rel(&roots, "t/a.xml", &in, &err), TENDER_OK);
	input_release(&in);
	assert_int_equal(read_rel(&roots, "t/./sub/../a.xml", &in, &err), TENDER_ERR_IO);
	assert_int_equal(read_rel(&roots, "t/../outside.xml", &in, &err), TENDER_ERR_INVALID);
	assert_string_equal(err.code, "input-outside");
	assert_null(in.data);
	/* a symbolic link out of the folder, and one that stays inside */
	snprintf(path, sizeof(path), "%s/t/out.xml", dir);
	assert_int_equal(symlink("../outside.xml", path), 0);
	assert_int_equal(read_rel(&roots, "t/out.xml", &in, &err), TENDER_ERR_INVALID);
	snprintf(path, sizeof(path), "%s/t/in.xml", dir);
	assert_int_equal(symlink("a.xml", path), 0);
	assert_int_equal(read_rel(&roots, "t/in.xml", &in, &err), TENDER_OK);
	assert_memory_equal(in.data, "<a/>", 4);
	input_release(&in);
	/* a FIFO is refused at once, never waited on; a folder too */
	snprintf(path, sizeof(path), "%s/t/fifo.xml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(read_rel(&roots, "t/fifo.xml", &in, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "io-not-file");
	assert_int_equal(input_read_file(path, 100, &in, &err), TENDER_ERR_IO);
	assert_int_equal(read_rel(&roots, "t", &in, &err), TENDER_ERR_IO);
	/* the whole file system, when allowed */
	assert_int_equal(input_roots_add(&roots, "/"), TENDER_OK);
	assert_int_equal(read_rel(&roots, "outside.xml", &in, &err), TENDER_OK);
	input_release(&in);
	input_roots_release(&roots);
}

static void test_write_beneath(void **state)
{
	struct tender_error err = {0};
	char out[128], path[256];
	struct stat st;

	(void)state;
	snprintf(out, sizeof(out), "%s/out", dir);
	assert_int_equal(file_write_beneath(out, "a/b/c.xml", "x", 1, &err), TENDER_OK);
	snprintf(path, sizeof(path), "%s/a/b/c.xml", out);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 1);
	assert_int_equal(file_write_beneath(out, "../c.xml", "x", 1, &err), TENDER_ERR_IO);
	assert_int_equal(file_write_beneath(out, "a/../c.xml", "x", 1, &err), TENDER_ERR_IO);
	assert_int_equal(file_write_beneath(out, "a//c.xml", "x", 1, &err), TENDER_ERR_IO);
	assert_int_equal(file_write_beneath(out, "/c.xml", "x", 1, &err), TENDER_ERR_IO);
	/* a link planted on the way, or at the file itself */
	snprintf(path, sizeof(path), "%s/link", out);
	assert_int_equal(symlink(dir, path), 0);
	assert_int_equal(file_write_beneath(out, "link/c.xml", "x", 1, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "io-symlink");
	snprintf(path, sizeof(path), "%s/c.xml", dir);
	assert_int_not_equal(stat(path, &st), 0);
	snprintf(path, sizeof(path), "%s/file-link", out);
	assert_int_equal(symlink("../planted.xml", path), 0);
	assert_int_equal(file_write_beneath(out, "file-link", "x", 1, &err), TENDER_ERR_IO);
	snprintf(path, sizeof(path), "%s/planted.xml", dir);
	assert_int_not_equal(stat(path, &st), 0);
	assert_int_equal(dir_make_beneath(out, "d/e", &err), TENDER_OK);
	assert_int_equal(dir_make_beneath(out, "link/e", &err), TENDER_ERR_IO);
}

/* The store keeps the bytes the run read: inputs swapped after the run (a
 * FIFO for a bid, another rule set) change nothing and hang nothing, and
 * the stored evaluation verifies. */
static void test_store_keeps_the_bytes_read(void **state)
{
	struct run r;
	struct evaluation record;
	struct run_options opt = {.max_bytes = (size_t)1 << 24};
	struct tender_error err = {0};
	struct audit_counts counts;
	struct store *s = NULL;
	char command[512], path[256], *xml = NULL;
	size_t size = 0;
	long long id = 0;

	(void)state;
	snprintf(command, sizeof(command), "cp -R '%s' '%s/case'", CASE_DIR, dir);
	assert_int_equal(system(command), 0);
	snprintf(path, sizeof(path), "%s/case/tender.xml", dir);
	setenv("SOURCE_DATE_EPOCH", "1800000000", 1);
	assert_int_equal(run_evaluate(&r, path, &opt, &err), TENDER_OK);
	record = run_record(&r);
	assert_int_equal(result_serialise(&record, &xml, &size), TENDER_OK);
	snprintf(path, sizeof(path), "%s/case/bids/b.xml", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(path, sizeof(path), "%s/case/rules.xml", dir);
	assert_int_equal(unlink(path), 0);
	put("case/rules.xml", "<not-the-rules/>");
	alarm(20); /* a read of the FIFO would block for ever */
	snprintf(path, sizeof(path), "%s/store.db", dir);
	assert_int_equal(store_open(path, 0, &s, &err), TENDER_OK);
	assert_int_equal(audit_record(s, &record, xml, size, &id, &err), TENDER_OK);
	alarm(0);
	store_close(s);
	tender_free(xml);
	run_release(&r);
	assert_int_equal(store_open(path, 1, &s, &err), TENDER_OK);
	assert_int_equal(audit_verify(s, 0, ignore_finding, NULL, &counts, &err), TENDER_OK);
	assert_int_equal(counts.findings, 0);
	store_close(s);
}

/* An allowed outside folder that is no folder stops the run with a usage
 * error that names it, rather than being left out in silence. */
static void test_allow_outside_not_a_folder(void **state)
{
	const char *not_a_folder[] = {CASE_DIR "/tender.xml"};
	struct run_options opt = {.max_bytes = (size_t)1 << 24,
				  .allow_outside = not_a_folder,
				  .n_allow_outside = 1};
	struct tender_error err = {0};
	struct run r;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1800000000", 1);
	assert_int_equal(run_evaluate(&r, CASE_DIR "/tender.xml", &opt, &err), TENDER_ERR_USAGE);
	assert_non_null(strstr(err.message, "not a folder"));
	assert_string_equal(err.file, not_a_folder[0]);
	run_release(&r);
}

/* Every allocation of reading, confining and copying an input fails once:
 * TENDER_ERR_NOMEM, nothing half-filled, nothing leaked (ASan builds). */
static void test_out_of_memory(void **state)
{
	int completed = 0;
	char path[256];
	long n;

	(void)state;
	put("t/oom.xml", "<oom/>");
	for (n = 0; !completed && n < 1000; n++) {
		struct input_roots roots = INPUT_ROOTS_INIT;
		struct tender_error err = {0};
		struct input in = {0}, copy = {0};
		enum tender_status rc;

		alloc_fail_after(n);
		snprintf(path, sizeof(path), "%s/t", dir);
		rc = input_roots_add(&roots, path);
		if (!rc)
			rc = read_rel(&roots, "t/oom.xml", &in, &err);
		if (!rc)
			rc = input_from_memory("copy", in.data, in.size, &copy);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		if (completed) {
			assert_int_equal(rc, TENDER_OK);
			assert_memory_equal(copy.data, "<oom/>", 7);
		} else {
			assert_int_equal(rc, TENDER_ERR_NOMEM);
		}
		if (rc)
			assert_null(copy.data);
		input_release(&in);
		input_release(&copy);
		input_roots_release(&roots);
	}
	assert_true(completed);
}

static int setup(void **state)
{
	char path[128];

	(void)state;
	tender_library_init();
	snprintf(dir, sizeof(dir), "/tmp/tender-input-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/t", dir);
	return mkdir(path, 0700);
}

static int teardown(void **state)
{
	char command[128];

	(void)state;
	snprintf(command, sizeof(command), "rm -rf '%s'", dir);
	tender_library_cleanup();
	return system(command) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_once_and_hash),
	    cmocka_unit_test(test_confined),
	    cmocka_unit_test(test_write_beneath),
	    cmocka_unit_test(test_out_of_memory),
	    cmocka_unit_test(test_store_keeps_the_bytes_read),
	    cmocka_unit_test(test_allow_outside_not_a_folder),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
