/*
 * test_manifest.c - manifest.json and its Ed25519 signature: a signed
 * manifest verifies; each way of breaking it (another key, a changed or
 * missing output, a changed input hash, a removed or damaged signature, an
 * output path leaving the folder) is a finding that says what is wrong; key
 * files that are not public keys are refused; keygen never overwrites and
 * keeps the secret key at mode 0600; out of memory is an error, not a crash.
 *
 * The evaluation record is built by hand (a tender id, a time, two
 * inputs): manifest.c needs nothing else of it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "manifest.h"

struct fixture {
	char dir[64];
	char key[96], pub[96]; /* the panel's key pair */
	struct evaluation_input inputs[2];
	struct evaluation record; /* borrows inputs */
};

/* Every name a test may create in the folder, for teardown. */
static const char *const created_names[] = {
	"manifest.json", "evaluation.xml", "reports/summary.txt", "panel.key", "panel.key.pub",
	"other.key",     "other.key.pub",  "garbage.pub",         "bad-hex.pub", "new.key",
	"new.key.pub",   "oom.key",        "oom.key.pub",
};

static const char *const outputs[] = {"evaluation.xml", "reports/summary.txt"};

static void path_in(const struct fixture *f, const char *name, char *out, size_t size)
{
	snprintf(out, size, "%s/%s", f->dir, name);
}

static void write_text(const char *path, const char *text)
{
	FILE *out = fopen(path, "w");

	assert_non_null(out);
	assert_int_equal(fputs(text, out) >= 0, 1);
	assert_int_equal(fclose(out), 0);
}

/* The whole file as a new string (free). */
static char *read_text(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *text;
	long size;

	assert_non_null(in);
	assert_int_equal(fseek(in, 0, SEEK_END), 0);
	size = ftell(in);
	assert_true(size >= 0);
	rewind(in);
	text = malloc((size_t)size + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)size, in), (size_t)size);
	text[size] = '\0';
	fclose(in);
	return text;
}

static void add_input(struct fixture *f, const char *role, const char *path, unsigned char fill)
{
	struct evaluation_input *in = &f->inputs[f->record.n_inputs++];

	in->role = tender_strdup(role);
	in->path = tender_strdup(path);
	in->file = tender_strdup(path);
	assert_non_null(in->role);
	assert_non_null(in->path);
	assert_non_null(in->file);
	memset(in->sha256, fill, sizeof(in->sha256));
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char path[160];

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/test_manifest.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	path_in(f, "panel.key", f->key, sizeof(f->key));
	path_in(f, "panel.key.pub", f->pub, sizeof(f->pub));
	if (manifest_keygen(f->key, NULL) != TENDER_OK)
		return -1;
	path_in(f, "evaluation.xml", path, sizeof(path));
	write_text(path, "<evaluation xmlns=\"urn:tender:evaluation:1\"/>\n");
	path_in(f, "reports", path, sizeof(path));
	if (mkdir(path, 0755) != 0)
		return -1;
	path_in(f, "reports/summary.txt", path, sizeof(path));
	write_text(path, "WV-B03 ranked first\n");

	f->record.tender_id = "WV-ICB-2027-OPIC";
	f->record.created = "2027-04-01T09:30:00Z";
	f->record.inputs = f->inputs;
	add_input(f, "tender", "tender.xml", 0x11);
	add_input(f, "bid", "bids/WV-B07.xml", 0x22);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char path[160];

	for (size_t i = 0; i < sizeof(created_names) / sizeof(created_names[0]); i++) {
		path_in(f, created_names[i], path, sizeof(path));
		unlink(path);
	}
	path_in(f, "reports", path, sizeof(path));
	rmdir(path);
	rmdir(f->dir);
	for (size_t i = 0; i < f->record.n_inputs; i++) {
		tender_free(f->inputs[i].role);
		tender_free(f->inputs[i].path);
		tender_free(f->inputs[i].file);
	}
	free(f);
	return 0;
}

/* Findings of one verification, kept for the assertions. */
struct findings {
	char text[8][1024];
	int n;
};

static void collect(void *ctx, const char *finding)
{
	struct findings *fs = ctx;

	assert_true(fs->n < 8);
	snprintf(fs->text[fs->n++], sizeof(fs->text[0]), "%s", finding);
}

static enum tender_status verify(const struct fixture *f, const char *pub, struct findings *fs,
				 struct tender_error *err)
{
	long long n = -1;
	enum tender_status rc;

	memset(fs, 0, sizeof(*fs));
	rc = manifest_verify(f->dir, pub, collect, fs, &n, err);
	if (rc == TENDER_OK)
		assert_int_equal(n, fs->n);
	return rc;
}

/* Verifies with the panel's key and expects exactly one finding that
 * contains `part`. */
static void expect_one_finding(const struct fixture *f, const char *pub, const char *part)
{
	struct tender_error err = {0};
	struct findings fs;

	assert_int_equal(verify(f, pub, &fs, &err), TENDER_OK);
	assert_int_equal(fs.n, 1);
	if (!strstr(fs.text[0], part))
		fail_msg("finding '%s' does not say '%s'", fs.text[0], part);
}

static void write_signed(struct fixture *f)
{
	struct tender_error err = {0};

	assert_int_equal(manifest_write(f->dir, &f->record, outputs, 2, f->key, &err), TENDER_OK);
}

/* manifest.json parsed (json_decref). */
static json_t *load_manifest(const struct fixture *f)
{
	char path[160];
	json_t *root;

	path_in(f, "manifest.json", path, sizeof(path));
	root = json_load_file(path, JSON_REJECT_DUPLICATES, NULL);
	assert_non_null(root);
	return root;
}

/* Replaces manifest.json with root, pretty-printed; takes root. */
static void store_manifest(const struct fixture *f, json_t *root)
{
	char path[160];

	path_in(f, "manifest.json", path, sizeof(path));
	assert_int_equal(json_dump_file(root, path, JSON_INDENT(2) | JSON_SORT_KEYS), 0);
	json_decref(root);
}

/* Signs root with the secret key in key_path the way manifest_write does,
 * whatever root holds, and stores it: manifests that manifest_write would
 * refuse to make. Takes root. */
static void sign_and_store(const struct fixture *f, json_t *root, const char *key_path)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sig[crypto_sign_BYTES];
	char *text = read_text(key_path), *nl = strchr(text, '\n'), *canonical;
	char pk_hex[65], sig_hex[129];
	size_t got = 0;

	assert_non_null(nl);
	assert_int_equal(sodium_hex2bin(sk, sizeof(sk), nl + 1, 128, NULL, &got, NULL), 0);
	assert_int_equal(got, sizeof(sk));
	free(text);
	json_object_del(root, "signature");
	canonical = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	assert_non_null(canonical);
	crypto_sign_detached(sig, NULL, (const unsigned char *)canonical, strlen(canonical), sk);
	free(canonical);
	crypto_sign_ed25519_sk_to_pk(pk, sk);
	sodium_bin2hex(pk_hex, sizeof(pk_hex), pk, sizeof(pk));
	sodium_bin2hex(sig_hex, sizeof(sig_hex), sig, sizeof(sig));
	assert_int_equal(json_object_set_new(root, "signature",
					     json_pack("{s:s, s:s, s:s}", "algorithm", "ed25519",
						       "public_key", pk_hex, "value", sig_hex)),
			 0);
	store_manifest(f, root);
}

/* ---------------------------------------------------------------------- */

static void test_sign_and_verify_round_trip(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	struct findings fs;
	json_t *root, *inputs, *files, *sig;
	char path[160], *text, *pub;

	write_signed(f);
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_OK);
	assert_int_equal(fs.n, 0);

	/* What is on disk: pretty-printed, sorted, ending in a newline. */
	path_in(f, "manifest.json", path, sizeof(path));
	text = read_text(path);
	{
		static const char start[] = "{\n  \"created\": \"2027-04-01T09:30:00Z\",\n";

		assert_int_equal(strncmp(text, start, strlen(start)), 0);
	}
	assert_int_equal(text[strlen(text) - 1], '\n');
	free(text);

	root = load_manifest(f);
	assert_string_equal(json_string_value(json_object_get(root, "format")),
			    "tender-manifest-1");
	assert_string_equal(json_string_value(json_object_get(root, "engine_version")),
			    TENDER_VERSION);
	assert_string_equal(json_string_value(json_object_get(root, "tender")),
			    "WV-ICB-2027-OPIC");
	inputs = json_object_get(root, "inputs");
	assert_int_equal(json_array_size(inputs), 2);
	/* The run's order, not sorted. */
	assert_string_equal(json_string_value(json_object_get(json_array_get(inputs, 0), "role")),
			    "tender");
	assert_string_equal(json_string_value(json_object_get(json_array_get(inputs, 1), "path")),
			    "bids/WV-B07.xml");
	assert_string_equal(
	    json_string_value(json_object_get(json_array_get(inputs, 1), "sha256")),
	    "2222222222222222222222222222222222222222222222222222222222222222");
	files = json_object_get(root, "outputs");
	assert_int_equal(json_array_size(files), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(files, 1), "path")),
			    "reports/summary.txt");
	sig = json_object_get(root, "signature");
	assert_string_equal(json_string_value(json_object_get(sig, "algorithm")), "ed25519");
	pub = read_text(f->pub);
	assert_int_equal(strncmp(json_string_value(json_object_get(sig, "public_key")),
				 pub + strlen("tender-ed25519-public-key-1\n"), 64),
			 0);
	assert_int_equal(strlen(json_string_value(json_object_get(sig, "value"))), 128);
	free(pub);

	/* Re-formatting the file keeps the signature valid: the canonical
	 * bytes, not the layout, are signed. */
	json_dump_file(root, path, JSON_COMPACT);
	json_decref(root);
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_OK);
	assert_int_equal(fs.n, 0);
}

static void test_another_key(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	struct findings fs;
	char key[160], pub[160];

	write_signed(f);
	path_in(f, "other.key", key, sizeof(key));
	path_in(f, "other.key.pub", pub, sizeof(pub));
	assert_int_equal(manifest_keygen(key, NULL), TENDER_OK);
	expect_one_finding(f, pub, "signed by another key");

	/* Signed by the other key: the panel's key does not accept it. */
	sign_and_store(f, load_manifest(f), key);
	expect_one_finding(f, f->pub, "signed by another key");
	assert_int_equal(verify(f, pub, &fs, &err), TENDER_OK);
	assert_int_equal(fs.n, 0);
}

static void test_modified_output(void **state)
{
	struct fixture *f = *state;
	char path[160];

	write_signed(f);
	path_in(f, "evaluation.xml", path, sizeof(path));
	write_text(path, "<evaluation xmlns=\"urn:tender:evaluation:1\" winner=\"me\"/>\n");
	expect_one_finding(f, f->pub, "evaluation.xml: changed since the manifest was made");
}

static void test_missing_output(void **state)
{
	struct fixture *f = *state;
	char path[160];

	write_signed(f);
	path_in(f, "reports/summary.txt", path, sizeof(path));
	assert_int_equal(unlink(path), 0);
	expect_one_finding(f, f->pub, "reports/summary.txt: missing");
}

static void test_changed_input_hash(void **state)
{
	struct fixture *f = *state;
	json_t *root;

	write_signed(f);
	root = load_manifest(f);
	json_object_set_new(json_array_get(json_object_get(root, "inputs"), 1), "sha256",
			    json_string("3333333333333333333333333333333333333333333333333333333333"
					"333333"));
	store_manifest(f, root);
	expect_one_finding(f, f->pub, "the manifest was changed after it was signed");
}

static void test_removed_signature(void **state)
{
	struct fixture *f = *state;
	json_t *root;

	write_signed(f);
	root = load_manifest(f);
	json_object_del(root, "signature");
	store_manifest(f, root);
	expect_one_finding(f, f->pub, "not signed");
}

static void test_unsigned_manifest(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	json_t *root;

	assert_int_equal(manifest_write(f->dir, &f->record, outputs, 2, NULL, &err), TENDER_OK);
	root = load_manifest(f);
	assert_null(json_object_get(root, "signature"));
	json_decref(root);
	expect_one_finding(f, f->pub, "not signed");
}

static void test_flipped_signature_byte(void **state)
{
	struct fixture *f = *state;
	json_t *root, *sig;
	char value[129];

	write_signed(f);
	root = load_manifest(f);
	sig = json_object_get(root, "signature");
	snprintf(value, sizeof(value), "%s", json_string_value(json_object_get(sig, "value")));
	value[10] = value[10] == '0' ? '1' : '0';
	json_object_set_new(sig, "value", json_string(value));
	store_manifest(f, root);
	expect_one_finding(f, f->pub, "or the signature was damaged");
}

static void test_public_key_member_is_checked(void **state)
{
	struct fixture *f = *state;
	json_t *root;

	/* The signature's own public_key is not what is trusted: a valid
	 * signature naming another key is still reported. */
	write_signed(f);
	root = load_manifest(f);
	json_object_set_new(json_object_get(root, "signature"), "public_key",
			    json_string("ab00000000000000000000000000000000000000000000000000000000"
					"000000"));
	store_manifest(f, root);
	expect_one_finding(f, f->pub, "names another public key");
}

static void test_output_paths_leaving_the_folder(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	struct findings fs;
	json_t *root, *files;
	static const char *const bad[] = {
		"../tender.xml",	"/etc/passwd",		"reports/../../x",
		"./evaluation.xml",	"reports//summary.txt", "evaluation.xml\x1b[2J",
	};

	write_signed(f);
	root = load_manifest(f);
	files = json_object_get(root, "outputs");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		json_array_append_new(files, json_pack("{s:s, s:s}", "path", bad[i], "sha256",
						       "00000000000000000000000000000000"
						       "00000000000000000000000000000000"));
	sign_and_store(f, root, f->key);
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_OK);
	assert_int_equal(fs.n, 6);
	for (int i = 0; i < fs.n; i++) {
		assert_non_null(strstr(fs.text[i], "not a plain relative file name"));
		assert_null(strchr(fs.text[i], '\x1b'));
	}

	/* manifest_write refuses to list them in the first place. */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *one[] = {bad[i]};

		assert_int_equal(manifest_write(f->dir, &f->record, one, 1, f->key, &err),
				 TENDER_ERR_USAGE);
	}
	{
		const char *self[] = {"manifest.json"};

		assert_int_equal(manifest_write(f->dir, &f->record, self, 1, NULL, &err),
				 TENDER_ERR_USAGE);
	}
}

static void test_garbage_public_key(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	struct findings fs;
	char path[160];

	write_signed(f);
	path_in(f, "garbage.pub", path, sizeof(path));
	write_text(path, "hello, world\n");
	assert_int_equal(verify(f, path, &fs, &err), TENDER_ERR_USAGE);
	assert_string_equal(err.code, "key-format");
	assert_int_equal(fs.n, 0);

	path_in(f, "bad-hex.pub", path, sizeof(path));
	write_text(path, "tender-ed25519-public-key-1\nabcdefg\n");
	assert_int_equal(verify(f, path, &fs, &err), TENDER_ERR_USAGE);
	assert_non_null(strstr(err.message, "damaged key file"));

	path_in(f, "no-such.pub", path, sizeof(path));
	assert_int_equal(verify(f, path, &fs, &err), TENDER_ERR_IO);
}

static void test_secret_key_as_public_key(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	struct findings fs;
	char *secret = read_text(f->key);

	write_signed(f);
	assert_int_equal(verify(f, f->key, &fs, &err), TENDER_ERR_USAGE);
	assert_string_equal(err.code, "key-kind");
	assert_non_null(strstr(err.message, "secret key, not a public key"));
	/* Nothing of the key travels in the error. */
	assert_null(strstr(err.message, strchr(secret, '\n') + 1 + 10));

	/* And the reverse: signing with the public key. */
	assert_int_equal(manifest_write(f->dir, &f->record, outputs, 2, f->pub, &err),
			 TENDER_ERR_USAGE);
	assert_string_equal(err.code, "key-kind");
	sodium_memzero(secret, strlen(secret));
	free(secret);
}

static void test_unreadable_manifest(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	struct findings fs;
	char path[160];

	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_ERR_IO); /* none yet */
	path_in(f, "manifest.json", path, sizeof(path));
	write_text(path, "{\"format\": \"tender-manifest-1\",\n \"outputs\": [\n");
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "manifest-json");
	assert_true(err.line > 0);
	write_text(path, "{\"format\": \"tender-manifest-1\", \"format\": \"x\"}");
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "manifest-json");
	write_text(path, "{\"format\": \"tender-manifest-9\"}");
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "manifest-format");
	write_text(path, "[1, 2]");
	assert_int_equal(verify(f, f->pub, &fs, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "manifest-format");
}

static void test_keygen_refuses_to_overwrite(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	char *before = read_text(f->key), *after, key[160], pub[160];
	struct stat st;

	assert_int_equal(manifest_keygen(f->key, &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "key-exists");
	after = read_text(f->key);
	assert_string_equal(before, after);
	sodium_memzero(before, strlen(before));
	sodium_memzero(after, strlen(after));
	free(before);
	free(after);

	/* A public key in the way: refused, and no lone secret key is left. */
	path_in(f, "new.key", key, sizeof(key));
	path_in(f, "new.key.pub", pub, sizeof(pub));
	write_text(pub, "someone's public key\n");
	assert_int_equal(manifest_keygen(key, &err), TENDER_ERR_IO);
	assert_string_equal(err.file, pub);
	assert_int_not_equal(stat(key, &st), 0);

	/* Into a folder that does not exist. */
	assert_int_equal(manifest_keygen("/nonexistent-dir/x.key", &err), TENDER_ERR_IO);
	assert_string_equal(err.code, "io-write");
}

static void test_key_file_modes(void **state)
{
	struct fixture *f = *state;
	char key[160], pub[160], *text;
	struct stat st;
	mode_t old = umask(0);

	path_in(f, "new.key", key, sizeof(key));
	path_in(f, "new.key.pub", pub, sizeof(pub));
	assert_int_equal(manifest_keygen(key, NULL), TENDER_OK);
	umask(old);
	assert_int_equal(stat(key, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(stat(pub, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);

	text = read_text(key);
	assert_int_equal(strncmp(text, "tender-ed25519-secret-key-1\n", 28), 0);
	assert_int_equal(strlen(text), 28 + 128 + 1);
	sodium_memzero(text, strlen(text));
	free(text);
	text = read_text(pub);
	assert_int_equal(strncmp(text, "tender-ed25519-public-key-1\n", 28), 0);
	assert_int_equal(strlen(text), 28 + 64 + 1);
	free(text);
}

static void test_damaged_secret_key(void **state)
{
	struct fixture *f = *state;
	struct tender_error err = {0};
	char *text = read_text(f->key), *hex = strchr(text, '\n') + 1;

	/* The public half no longer matches the seed. */
	hex[127] = hex[127] == '0' ? '1' : '0';
	write_text(f->key, text);
	assert_int_equal(manifest_write(f->dir, &f->record, outputs, 2, f->key, &err),
			 TENDER_ERR_USAGE);
	assert_non_null(strstr(err.message, "damaged key file"));
	sodium_memzero(text, strlen(text));
	free(text);
}

static void test_out_of_memory(void **state)
{
	struct fixture *f = *state;
	struct tender_error err;
	struct findings fs;
	char key[160];
	enum tender_status rc;
	int completed = 0;

	for (long n = 0; n < 50 && !completed; n++) {
		alloc_fail_after(n);
		rc = manifest_write(f->dir, &f->record, outputs, 2, f->key, &err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		assert_int_equal(rc, completed ? TENDER_OK : TENDER_ERR_NOMEM);
	}
	assert_true(completed);
	completed = 0;
	for (long n = 0; n < 50 && !completed; n++) {
		alloc_fail_after(n);
		rc = verify(f, f->pub, &fs, &err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		assert_int_equal(rc, completed ? TENDER_OK : TENDER_ERR_NOMEM);
		if (completed)
			assert_int_equal(fs.n, 0);
	}
	assert_true(completed);
	completed = 0;
	path_in(f, "oom.key", key, sizeof(key));
	for (long n = 0; n < 50 && !completed; n++) {
		struct stat st;

		alloc_fail_after(n);
		rc = manifest_keygen(key, &err);
		completed = !alloc_failed();
		alloc_fail_after(-1);
		assert_int_equal(rc, completed ? TENDER_OK : TENDER_ERR_NOMEM);
		if (!completed)
			assert_int_not_equal(stat(key, &st), 0); /* nothing half-made */
	}
	assert_true(completed);
}

/* manifest_make hashes the bytes it is given, not what is on disk (another
 * run may have written there), records the anchor, and its signature holds;
 * manifest_check hands back what it claims. */
static void test_make_hashes_bytes_given_and_anchors(void **state)
{
	struct fixture *f = *state;
	static const char head[] =
		"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	const struct manifest_output files[] = {{"evaluation.xml", "<ours/>", 7},
						{"reports/summary.txt", "", 0}};
	const struct manifest_anchor anchor = {42, head};
	struct manifest_claims claims;
	struct tender_error err = {0};
	struct findings fs;
	char path[160], *text = NULL;
	size_t size = 0;
	long long n = -1;

	assert_int_equal(manifest_make(&f->record, &anchor, files, 2, f->key, &text, &size, &err),
			 TENDER_OK);
	assert_int_equal(size, strlen(text));
	path_in(f, "manifest.json", path, sizeof(path));
	write_text(path, text);
	tender_free(text);
	path_in(f, "evaluation.xml", path, sizeof(path));
	write_text(path, "<theirs/>"); /* on disk: another run's bytes */
	path_in(f, "reports/summary.txt", path, sizeof(path));
	write_text(path, "");
	memset(&fs, 0, sizeof(fs));
	assert_int_equal(manifest_check(f->dir, f->pub, NULL, collect, &fs, &n, NULL, &claims,
					&err),
			 TENDER_OK);
	assert_int_equal(fs.n, 1);
	assert_non_null(strstr(fs.text[0], "evaluation.xml: changed since the manifest was made"));
	assert_true(claims.signature_ok);
	assert_int_equal(claims.evaluation_id, 42);
	assert_string_equal(claims.chain_head, head);
	assert_int_equal(claims.n_inputs, f->record.n_inputs);
	assert_string_equal(claims.tender_id, "WV-ICB-2027-OPIC");
	manifest_claims_release(&claims);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_sign_and_verify_round_trip),
		T(test_another_key),
		T(test_modified_output),
		T(test_missing_output),
		T(test_changed_input_hash),
		T(test_removed_signature),
		T(test_unsigned_manifest),
		T(test_flipped_signature_byte),
		T(test_public_key_member_is_checked),
		T(test_output_paths_leaving_the_folder),
		T(test_garbage_public_key),
		T(test_secret_key_as_public_key),
		T(test_unreadable_manifest),
		T(test_keygen_refuses_to_overwrite),
		T(test_key_file_modes),
		T(test_damaged_secret_key),
		T(test_out_of_memory),
		T(test_make_hashes_bytes_given_and_anchors),
#undef T
	};
	int failed;

	tender_library_init();
	failed = cmocka_run_group_tests_name("manifest", tests, NULL, NULL);
	tender_library_cleanup();
	return failed;
}
