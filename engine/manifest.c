/*
 * manifest.c - manifest.json and its Ed25519 signature (see manifest.h).
 *
 * What is signed is the manifest without its "signature" member, dumped by
 * jansson with JSON_COMPACT | JSON_SORT_KEYS. A verifier parses the file,
 * removes "signature" and dumps the rest the same way: the layout on disk
 * (indentation, key order) does not matter, every value does. A manifest
 * holds only objects, arrays and strings, whose compact sorted dump is the
 * same in every jansson version (no number formatting involved), so the
 * signed bytes can be rebuilt anywhere.
 *
 * Key files are two lines of text: the kind ("tender-ed25519-secret-key-1"
 * or "tender-ed25519-public-key-1") and the key in lower-case hex
 * (libsodium's 64-byte secret key: seed then public key; the 32-byte public
 * key). Secret key bytes are wiped with sodium_memzero once used, including
 * every buffer that held the file's text.
 */
#include "manifest.h"

#include "alloc.h"
#include "error.h"
#include "fileio.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST_FORMAT "tender-manifest-1"
#define MANIFEST_NAME "manifest.json"
#define MANIFEST_MAX_BYTES ((size_t)16 << 20)
#define KEY_FILE_MAX_BYTES ((size_t)4096)
#define SECRET_KEY_KIND "tender-ed25519-secret-key-1"
#define PUBLIC_KEY_KIND "tender-ed25519-public-key-1"
#define OUTPUT_NAME_MAX 1024 /* bytes of an output's relative path */

/* ---------------------------------------------------------------------- */
/* Paths and files. */

/* dir + "/" + name into out (no doubled slash when dir ends with one).
 * TENDER_ERR_IO when it does not fit. */
static enum tender_status join_path(char *out, size_t size, const char *dir, const char *name,
				    struct tender_error *err)
{
	size_t n = strlen(dir);
	int len;

	if (n > 0 && dir[n - 1] == '/')
		len = snprintf(out, size, "%s%s", dir, name);
	else
		len = snprintf(out, size, "%s/%s", dir, name);
	if (len < 0 || (size_t)len >= size)
		return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0, "the path is too long");
	return TENDER_OK;
}

/* Whether name is an output's path as a manifest may record it: relative,
 * made of the POSIX portable file-name characters, components separated by
 * single slashes, none of them "." or "..". So a manifest can never make the
 * verifier read outside the folder it checks, and a finding never carries
 * terminal control characters. */
static int output_name_ok(const char *name)
{
	size_t component = 0, i;

	for (i = 0; name[i]; i++) {
		unsigned char c = (unsigned char)name[i];

		if (i >= OUTPUT_NAME_MAX)
			return 0;
		if (c == '/') {
			if (component == 0)
				return 0; /* leading slash or "//" */
			if ((component == 1 && name[i - 1] == '.') ||
			    (component == 2 && name[i - 1] == '.' && name[i - 2] == '.'))
				return 0;
			component = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
		component++;
	}
	if (component == 0)
		return 0; /* empty, or a trailing slash */
	if ((component == 1 && name[i - 1] == '.') ||
	    (component == 2 && name[i - 1] == '.' && name[i - 2] == '.'))
		return 0;
	return 1;
}

/* Opens path for reading without blocking on a FIFO, and insists on a
 * regular file. Returns the descriptor, or -1 with err (TENDER_ERR_IO; code
 * "io-missing" when it does not exist). */
static int open_regular(const char *path, struct tender_error *err)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0) {
		error_set(err, TENDER_ERR_IO, errno == ENOENT ? "io-missing" : "io-read", path, 0,
			  0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		error_set(err, TENDER_ERR_IO, "io-read", path, 0, 0, "not a regular file");
		return -1;
	}
	return fd;
}

/* SHA-256 of the file at path, read in pieces (no size limit, nothing
 * allocated). TENDER_ERR_IO with err when it cannot be read. */
static enum tender_status hash_file(const char *path, unsigned char sha256[32],
				    struct tender_error *err)
{
	crypto_hash_sha256_state state;
	unsigned char buf[16384];
	int fd = open_regular(path, err);

	if (fd < 0)
		return TENDER_ERR_IO;
	crypto_hash_sha256_init(&state);
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;

			close(fd);
			return error_set(err, TENDER_ERR_IO, "io-read", path, 0, 0,
					 "cannot read: %s", strerror(saved));
		}
		if (n == 0)
			break;
		crypto_hash_sha256_update(&state, buf, (unsigned long long)n);
	}
	close(fd);
	crypto_hash_sha256_final(&state, sha256);
	return TENDER_OK;
}

/* Reads the whole file at path, at most cap bytes, into *out (NUL added;
 * caller frees with tender_free, after wiping *size bytes when it may hold
 * a key). On failure *out is NULL and err says why (TENDER_ERR_IO,
 * TENDER_ERR_NOMEM). */
static enum tender_status read_capped(const char *path, size_t cap, char **out, size_t *size,
				      struct tender_error *err)
{
	struct stat st;
	size_t have = 0, want;
	char *buf, extra;
	int fd = open_regular(path, err);

	*out = NULL;
	*size = 0;
	if (fd < 0)
		return TENDER_ERR_IO;
	if (fstat(fd, &st) != 0 || st.st_size < 0 || (unsigned long long)st.st_size > cap) {
		close(fd);
		return error_set(err, TENDER_ERR_IO, "io-too-big", path, 0, 0,
				 "larger than %zu bytes: refused", cap);
	}
	want = (size_t)st.st_size;
	buf = tender_malloc(want + 1);
	if (!buf) {
		close(fd);
		return error_set(err, TENDER_ERR_NOMEM, "nomem", path, 0, 0, "out of memory");
	}
	while (have < want) {
		ssize_t n = read(fd, buf + have, want - have);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
	}
	/* The file must end where fstat said: one more byte means it grew. */
	if (have != want || read(fd, &extra, 1) != 0) {
		close(fd);
		sodium_memzero(buf, want + 1);
		tender_free(buf);
		return error_set(err, TENDER_ERR_IO, "io-read", path, 0, 0,
				 "cannot read: it changed while being read");
	}
	close(fd);
	buf[have] = '\0';
	*out = buf;
	*size = have;
	return TENDER_OK;
}

/* Creates path (refusing to replace anything, symbolic links included)
 * with exactly these bytes and mode, synced to disk. On failure no file is
 * left behind and err says why (TENDER_ERR_IO). */
static enum tender_status write_new_file(const char *path, const char *data, size_t size,
					 mode_t mode, struct tender_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	int saved;

	if (fd < 0) {
		if (errno == EEXIST)
			return error_set(err, TENDER_ERR_IO, "key-exists", path, 0, 0,
					 "exists already; a key file is never overwritten");
		return error_set(err, TENDER_ERR_IO, "io-write", path, 0, 0, "cannot create: %s",
				 strerror(errno));
	}
	/* The umask may have taken bits away; the mode must be exact. */
	if (fchmod(fd, mode) != 0)
		goto fail;
	while (size > 0) {
		ssize_t n = write(fd, data, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		data += n;
		size -= (size_t)n;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return TENDER_OK;
fail:
	saved = errno ? errno : EIO;
	if (fd >= 0)
		close(fd);
	unlink(path);
	return error_set(err, TENDER_ERR_IO, "io-write", path, 0, 0, "cannot write: %s",
			 strerror(saved));
}

/* ---------------------------------------------------------------------- */
/* Key files. */

/* Decodes exactly size bytes from exactly 2 * size hex digits. */
static int hex_decode(const char *hex, size_t hex_len, unsigned char *out, size_t size)
{
	size_t got = 0;
	const char *end = NULL;

	if (hex_len != 2 * size)
		return 0;
	if (sodium_hex2bin(out, size, hex, hex_len, NULL, &got, &end) != 0)
		return 0;
	return got == size && end == hex + hex_len;
}

/* Reads a key file of this kind into key (size bytes). The text is wiped
 * before it is freed: it may hold a secret key, even when a public one was
 * expected. TENDER_ERR_USAGE when the file is not such a key (a secret key
 * given as a public one, or the reverse, is named as such), TENDER_ERR_IO
 * when it cannot be read, TENDER_ERR_NOMEM. Nothing of the key's text ever
 * goes into err. */
static enum tender_status read_key(const char *path, const char *kind, unsigned char *key,
				   size_t size, struct tender_error *err)
{
	int want_secret = strcmp(kind, SECRET_KEY_KIND) == 0;
	const char *other = want_secret ? PUBLIC_KEY_KIND : SECRET_KEY_KIND;
	char *text = NULL, *nl, *hex, *hex_end;
	size_t text_size = 0, kind_len = strlen(kind);
	enum tender_status rc;

	rc = read_capped(path, KEY_FILE_MAX_BYTES, &text, &text_size, err);
	if (rc)
		return rc;
	nl = memchr(text, '\n', text_size);
	if (!nl) {
		rc = error_set(err, TENDER_ERR_USAGE, "key-format", path, 1, 0,
			       "not a tender key file (no kind on its first line)");
		goto out;
	}
	if ((size_t)(nl - text) == strlen(other) && memcmp(text, other, strlen(other)) == 0) {
		rc = error_set(err, TENDER_ERR_USAGE, "key-kind", path, 1, 0,
			       want_secret ? "this is a public key; signing needs the secret key"
					   : "this is a secret key, not a public key (give the "
					     ".pub file; and keep the secret key private)");
		goto out;
	}
	if ((size_t)(nl - text) != kind_len || memcmp(text, kind, kind_len) != 0) {
		rc = error_set(err, TENDER_ERR_USAGE, "key-format", path, 1, 0,
			       "not a tender key file (the first line is not '%s')", kind);
		goto out;
	}
	hex = nl + 1;
	hex_end = memchr(hex, '\n', text_size - (size_t)(hex - text));
	if (!hex_end)
		hex_end = text + text_size;
	if (hex_end + (*hex_end == '\n') != text + text_size ||
	    !hex_decode(hex, (size_t)(hex_end - hex), key, size)) {
		rc = error_set(err, TENDER_ERR_USAGE, "key-format", path, 2, 0,
			       "damaged key file: the key should be %zu hex digits on the "
			       "second line, and nothing after it",
			       2 * size);
		goto out;
	}
	if (want_secret) {
		/* The public half stored in the secret key must be the one its
		 * seed gives: otherwise signatures would name the wrong key. */
		unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES];
		unsigned char sk[crypto_sign_SECRETKEYBYTES];

		crypto_sign_ed25519_sk_to_seed(seed, key);
		if (crypto_sign_seed_keypair(pk, sk, seed) != 0 ||
		    sodium_memcmp(sk, key, sizeof(sk)) != 0)
			rc = error_set(err, TENDER_ERR_USAGE, "key-format", path, 2, 0,
				       "damaged key file: the key does not match itself");
		sodium_memzero(seed, sizeof(seed));
		sodium_memzero(sk, sizeof(sk));
	}
out:
	if (rc)
		sodium_memzero(key, size);
	sodium_memzero(text, text_size);
	tender_free(text);
	return rc;
}

/* The text of a key file: kind, newline, hex, newline. Caller wipes and
 * frees it with tender_free. NULL when out of memory. */
static char *key_text(const char *kind, const unsigned char *key, size_t size)
{
	size_t kind_len = strlen(kind), len = kind_len + 1 + 2 * size + 1;
	char *text = tender_malloc(len + 1);

	if (!text)
		return NULL;
	memcpy(text, kind, kind_len);
	text[kind_len] = '\n';
	sodium_bin2hex(text + kind_len + 1, 2 * size + 1, key, size);
	text[len - 1] = '\n';
	text[len] = '\0';
	return text;
}

enum tender_status manifest_check_key(const char *key_path, struct tender_error *err)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	enum tender_status rc = read_key(key_path, SECRET_KEY_KIND, sk, sizeof(sk), err);

	sodium_memzero(sk, sizeof(sk));
	return rc;
}

enum tender_status manifest_public_key(const char *key_path, char hex[65],
				       struct tender_error *err)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
	enum tender_status rc = read_key(key_path, SECRET_KEY_KIND, sk, sizeof(sk), err);

	if (!rc) {
		crypto_sign_ed25519_sk_to_pk(pk, sk);
		sodium_bin2hex(hex, 65, pk, sizeof(pk));
	}
	sodium_memzero(sk, sizeof(sk));
	return rc;
}

enum tender_status manifest_keygen(const char *key_path, struct tender_error *err)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	char pub_path[4096], *secret_text = NULL, *public_text = NULL;
	enum tender_status rc;
	int len;

	len = snprintf(pub_path, sizeof(pub_path), "%s.pub", key_path);
	if (len < 0 || (size_t)len >= sizeof(pub_path))
		return error_set(err, TENDER_ERR_IO, "io-path", key_path, 0, 0,
				 "the path is too long");
	if (crypto_sign_keypair(pk, sk) != 0)
		return error_set(err, TENDER_ERR_INTERNAL, "sodium", NULL, 0, 0,
				 "libsodium could not make a key pair");
	secret_text = key_text(SECRET_KEY_KIND, sk, sizeof(sk));
	public_text = key_text(PUBLIC_KEY_KIND, pk, sizeof(pk));
	if (!secret_text || !public_text) {
		rc = error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
		goto out;
	}
	rc = write_new_file(key_path, secret_text, strlen(secret_text), 0600, err);
	if (rc)
		goto out;
	rc = write_new_file(pub_path, public_text, strlen(public_text), 0644, err);
	if (rc)
		unlink(key_path); /* ours: O_EXCL made it; half a pair is no use */
out:
	if (secret_text) {
		sodium_memzero(secret_text, strlen(secret_text));
		tender_free(secret_text);
	}
	tender_free(public_text);
	sodium_memzero(sk, sizeof(sk));
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Writing. */

/* The hex of n bytes as a new JSON string; NULL when out of memory. */
static json_t *json_hex(const unsigned char *bytes, size_t n)
{
	char hex[2 * crypto_sign_BYTES + 1];

	if (2 * n + 1 > sizeof(hex))
		return NULL;
	sodium_bin2hex(hex, sizeof(hex), bytes, n);
	return json_string(hex);
}

/* Sets key of obj to a new value (stolen, NULL allowed); non-zero when the
 * value or the insertion failed. json_string fails only when out of memory
 * or on text that is not UTF-8, and every text here is UTF-8: the run's
 * come from parsed XML, output names are checked by output_name_ok. */
static int put(json_t *obj, const char *key, json_t *value)
{
	return json_object_set_new(obj, key, value);
}

/* The manifest without its signature: a new object (json_decref) in *out.
 * Every output is hashed from the bytes given, which are those its run
 * wrote: never re-read from disk, where another run may have put others.
 * TENDER_ERR_NOMEM. */
static enum tender_status build(const struct evaluation *ev,
				const struct manifest_anchor *anchor,
				const struct manifest_output *outputs, size_t n_outputs,
				json_t **out, struct tender_error *err)
{
	json_t *root = json_object(), *inputs = NULL, *files = NULL, *evaluation;
	char id[32];

	/* json_string(NULL) would read as out of memory */
	assert(ev->created && (ev->inputs || !ev->n_inputs));
	*out = NULL;
	if (!root || put(root, "inputs", inputs = json_array()) ||
	    put(root, "outputs", files = json_array()) ||
	    put(root, "format", json_string(MANIFEST_FORMAT)) ||
	    put(root, "engine_version", json_string(TENDER_VERSION)) ||
	    put(root, "tender", ev->tender_id ? json_string(ev->tender_id) : json_null()) ||
	    put(root, "created", json_string(ev->created)))
		goto nomem;
	if (anchor) {
		/* A string, like every value here (see the top of this file). */
		snprintf(id, sizeof(id), "%lld", anchor->evaluation_id);
		if (put(root, "evaluation", evaluation = json_object()) ||
		    put(evaluation, "id", json_string(id)) ||
		    put(evaluation, "chain_head", json_string(anchor->chain_head)))
			goto nomem;
	}
	for (size_t i = 0; i < ev->n_inputs; i++) {
		const struct evaluation_input *in = &ev->inputs[i];
		json_t *entry = json_object();

		if (json_array_append_new(inputs, entry) ||
		    put(entry, "role", json_string(in->role ? in->role : "")) ||
		    put(entry, "path", json_string(in->path ? in->path : "")) ||
		    put(entry, "sha256", json_hex(in->sha256, 32)))
			goto nomem;
	}
	for (size_t i = 0; i < n_outputs; i++) {
		unsigned char sha[32];
		json_t *entry;

		crypto_hash_sha256(sha, outputs[i].data ? outputs[i].data : (const void *)"",
				   (unsigned long long)outputs[i].size);
		entry = json_object();
		if (json_array_append_new(files, entry) ||
		    put(entry, "path", json_string(outputs[i].name)) ||
		    put(entry, "sha256", json_hex(sha, 32)))
			goto nomem;
	}
	*out = root;
	return TENDER_OK;
nomem:
	json_decref(root);
	return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
}

/* Signs root (which has no "signature" yet) with sk and adds the member. */
static enum tender_status sign(json_t *root, const unsigned char *sk, struct tender_error *err)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
	char *canonical = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	json_t *signature;

	if (!canonical)
		return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
	crypto_sign_detached(sig, NULL, (const unsigned char *)canonical, strlen(canonical), sk);
	free(canonical);
	crypto_sign_ed25519_sk_to_pk(pk, sk);
	signature = json_object();
	if (put(root, "signature", signature) ||
	    put(signature, "algorithm", json_string("ed25519")) ||
	    put(signature, "public_key", json_hex(pk, sizeof(pk))) ||
	    put(signature, "value", json_hex(sig, sizeof(sig))))
		return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
	return TENDER_OK;
}

enum tender_status manifest_make(const struct evaluation *ev, const struct manifest_anchor *anchor,
				 const struct manifest_output *outputs, size_t n_outputs,
				 const char *key_path, char **text_out, size_t *size_out,
				 struct tender_error *err)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	char *text = NULL, *file = NULL;
	json_t *root = NULL;
	enum tender_status rc;
	size_t len;

	*text_out = NULL;
	*size_out = 0;
	for (size_t i = 0; i < n_outputs; i++)
		if (!output_name_ok(outputs[i].name) || strcmp(outputs[i].name, MANIFEST_NAME) == 0)
			return error_set(err, TENDER_ERR_USAGE, "manifest-output", NULL, 0, 0,
					 "'%.200s' cannot be listed in a manifest: outputs are "
					 "relative paths of letters, digits, '.', '_', '-' and '/'",
					 outputs[i].name);
	if (anchor && (!anchor->chain_head || strlen(anchor->chain_head) != 64))
		return error_set(err, TENDER_ERR_INTERNAL, "manifest-anchor", NULL, 0, 0,
				 "the chain head to record is not 64 hex digits");
	if (key_path) {
		rc = read_key(key_path, SECRET_KEY_KIND, sk, sizeof(sk), err);
		if (rc)
			goto out;
	}
	rc = build(ev, anchor, outputs, n_outputs, &root, err);
	if (!rc && key_path)
		rc = sign(root, sk, err);
	if (rc)
		goto out;
	text = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS);
	if (!text || !(file = tender_malloc((len = strlen(text)) + 2))) {
		rc = error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
		goto out;
	}
	memcpy(file, text, len);
	file[len] = '\n';
	file[len + 1] = '\0';
	*text_out = file;
	*size_out = len + 1;
	file = NULL;
out:
	sodium_memzero(sk, sizeof(sk));
	tender_free(file);
	free(text);
	json_decref(root);
	return rc;
}

enum tender_status manifest_write(const char *dir, const struct evaluation *ev,
				  const char *const *outputs, size_t n_outputs, const char *key_path,
				  struct tender_error *err)
{
	struct manifest_output *files = NULL;
	char path[4096], *text = NULL;
	size_t size = 0, n_read = 0;
	enum tender_status rc;

	for (size_t i = 0; i < n_outputs; i++)
		if (!output_name_ok(outputs[i]) || strcmp(outputs[i], MANIFEST_NAME) == 0)
			return error_set(err, TENDER_ERR_USAGE, "manifest-output", NULL, 0, 0,
					 "'%.200s' cannot be listed in a manifest: outputs are "
					 "relative paths of letters, digits, '.', '_', '-' and '/'",
					 outputs[i]);
	if ((rc = join_path(path, sizeof(path), dir, MANIFEST_NAME, err)))
		return rc;
	if (key_path && (rc = manifest_check_key(key_path, err)))
		return rc;
	if (n_outputs && !(files = tender_calloc(n_outputs, sizeof(*files))))
		return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
	for (; n_read < n_outputs; n_read++) {
		char file[4096], *data;

		files[n_read].name = outputs[n_read];
		if ((rc = join_path(file, sizeof(file), dir, outputs[n_read], err)) ||
		    (rc = read_capped(file, (size_t)1 << 31, &data, &files[n_read].size, err)))
			goto out;
		files[n_read].data = data;
	}
	rc = manifest_make(ev, NULL, files, n_outputs, key_path, &text, &size, err);
	if (!rc)
		rc = file_write_atomic(path, text, size, err);
out:
	for (size_t i = 0; i < n_read; i++)
		tender_free((void *)files[i].data);
	tender_free(files);
	tender_free(text);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Verifying. */

struct verification {
	manifest_report_fn report;
	void *ctx;
	long long *findings;
	const char *pubkey_path;
	struct manifest_counts *counts; /* may be NULL */
};

static void finding(struct verification *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Reports one finding; never allocates (long findings are truncated). */
static void finding(struct verification *c, const char *fmt, ...)
{
	char message[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	(*c->findings)++;
	if (c->report)
		c->report(c->ctx, message);
}

const char *manifest_printable(const char *s, char out[96])
{
	size_t i;

	if (!s)
		s = "(none)";
	for (i = 0; s[i] && i < 80; i++)
		out[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	if (s[i]) {
		memcpy(out + i, "...", 3);
		i += 3;
	}
	out[i] = '\0';
	return out;
}

/* The string member key of obj, or NULL when absent or not a string. */
static const char *member_text(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

/* Checks the signature of root against pk. Removes "signature" from root
 * (which the output check does not need). TENDER_ERR_NOMEM, else
 * TENDER_OK with findings reported. */
static enum tender_status check_signature(struct verification *c, json_t *root,
					  const unsigned char *pk, struct tender_error *err)
{
	unsigned char named_pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
	json_t *signature = json_object_get(root, "signature");
	const char *algorithm, *pk_hex, *value;
	char named_hex[2 * crypto_sign_PUBLICKEYBYTES + 1], shown[96];
	char *canonical;
	size_t canonical_len;
	int by_given, by_named;

	if (!signature) {
		finding(c, "not signed: the manifest has no signature, so it proves nothing "
			   "about who made it");
		return TENDER_OK;
	}
	if (!json_is_object(signature)) {
		finding(c, "the signature is not an object with algorithm, public_key and value");
		return TENDER_OK;
	}
	algorithm = member_text(signature, "algorithm");
	pk_hex = member_text(signature, "public_key");
	value = member_text(signature, "value");
	if (!algorithm || strcmp(algorithm, "ed25519") != 0) {
		finding(c, "the signature's algorithm is %s%s%s, not ed25519", algorithm ? "'" : "",
			algorithm ? manifest_printable(algorithm, shown) : "missing", algorithm ? "'" : "");
		return TENDER_OK;
	}
	if (!pk_hex || !hex_decode(pk_hex, strlen(pk_hex), named_pk, sizeof(named_pk))) {
		finding(c, "the signature's public_key is not %d hex digits",
			2 * crypto_sign_PUBLICKEYBYTES);
		return TENDER_OK;
	}
	if (!value || !hex_decode(value, strlen(value), sig, sizeof(sig))) {
		finding(c, "the signature's value is not %d hex digits", 2 * crypto_sign_BYTES);
		return TENDER_OK;
	}
	/* What was signed: everything but the signature (its strings are dead
	 * after this line; named_pk and sig hold what is needed). */
	json_object_del(root, "signature");
	canonical = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	if (!canonical)
		return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
	canonical_len = strlen(canonical);
	by_given = crypto_sign_verify_detached(sig, (const unsigned char *)canonical, canonical_len,
					       pk) == 0;
	by_named = !by_given && crypto_sign_verify_detached(sig, (const unsigned char *)canonical,
							    canonical_len, named_pk) == 0;
	free(canonical);
	sodium_bin2hex(named_hex, sizeof(named_hex), named_pk, sizeof(named_pk));
	if (by_given) {
		if (sodium_memcmp(named_pk, pk, sizeof(named_pk)) != 0)
			finding(c,
				"the signature is valid for the key in %s but names another "
				"public key (%s)",
				c->pubkey_path, named_hex);
	} else if (by_named) {
		finding(c, "signed by another key (public key %s), not by the key in %s", named_hex,
			c->pubkey_path);
	} else if (sodium_memcmp(named_pk, pk, sizeof(named_pk)) == 0) {
		finding(c, "the signature does not match the content: the manifest was changed "
			   "after it was signed, or the signature was damaged");
	} else {
		finding(c,
			"the signature is valid neither for the key in %s nor for the key "
			"it names (%s): the manifest was changed after it was signed",
			c->pubkey_path, named_hex);
	}
	return TENDER_OK;
}

/* Re-hashes every output the manifest lists. Only listed outputs matter:
 * files of dir the manifest does not list (the store, a reader's notes) are
 * not reported, because the manifest vouches for nothing else. Inputs are
 * covered by the signature only; they are not in dir to be re-hashed. */
static void check_outputs(struct verification *c, const json_t *root, const char *dir)
{
	const json_t *outputs = json_object_get(root, "outputs");
	struct tender_error file_err;
	char path[4096], shown[96], actual_hex[65];
	size_t i;

	if (!json_is_array(outputs)) {
		finding(c, "it has no list of outputs");
		return;
	}
	if (json_array_size(outputs) == 0) {
		finding(c, "it lists no outputs, so it vouches for nothing");
		return;
	}
	for (i = 0; i < json_array_size(outputs); i++) {
		const json_t *entry = json_array_get(outputs, i);
		const char *name = member_text(entry, "path"), *hex = member_text(entry, "sha256");
		unsigned char want[32], actual[32];

		if (!name) {
			finding(c, "outputs[%zu] has no path", i);
			continue;
		}
		if (!output_name_ok(name)) {
			finding(c,
				"outputs[%zu]: '%s' is not a plain relative file name in the "
				"folder; refused, not checked",
				i, manifest_printable(name, shown));
			continue;
		}
		if (!hex || !hex_decode(hex, strlen(hex), want, sizeof(want))) {
			finding(c, "%s: the manifest's sha256 is not 64 hex digits", name);
			continue;
		}
		if (join_path(path, sizeof(path), dir, name, &file_err) ||
		    hash_file(path, actual, &file_err)) {
			finding(c, "%s: %s", name,
				strcmp(file_err.code, "io-missing") == 0 ? "missing"
									 : file_err.message);
			continue;
		}
		if (sodium_memcmp(actual, want, sizeof(want)) != 0) {
			sodium_bin2hex(actual_hex, sizeof(actual_hex), actual, sizeof(actual));
			finding(c,
				"%s: changed since the manifest was made (its sha256 is %s; the "
				"manifest records %s)",
				name, actual_hex, manifest_printable(hex, shown));
		}
	}
}

/* Re-hashes every input the manifest lists that is at hand: its recorded
 * path (relative to the tender's folder, the tender itself by its file
 * name) under tender_dir. An input that is not there is counted as not at
 * hand, never a finding: the manifest vouches for the bytes, and an
 * auditor may have the outputs alone. Only regular files are read, and
 * only read (hashed). */
static void check_inputs(struct verification *c, const json_t *root, const char *tender_dir)
{
	const json_t *inputs = json_object_get(root, "inputs");
	struct tender_error file_err;
	char path[4096], shown[96], shown_hex[96], actual_hex[65];

	if (!json_is_array(inputs)) {
		finding(c, "it has no list of inputs");
		return;
	}
	for (size_t i = 0; i < json_array_size(inputs); i++) {
		const json_t *entry = json_array_get(inputs, i);
		const char *name = member_text(entry, "path"), *hex = member_text(entry, "sha256");
		unsigned char want[32], actual[32];

		if (!name || !name[0]) {
			finding(c, "inputs[%zu] has no path", i);
			continue;
		}
		if (!hex || !hex_decode(hex, strlen(hex), want, sizeof(want))) {
			finding(c, "input %s: the manifest's sha256 is not 64 hex digits",
				manifest_printable(name, shown));
			continue;
		}
		if (name[0] == '/' || join_path(path, sizeof(path), tender_dir, name, &file_err) ||
		    hash_file(path, actual, &file_err)) {
			if (c->counts)
				c->counts->inputs_absent++;
			continue;
		}
		if (sodium_memcmp(actual, want, sizeof(want)) != 0) {
			sodium_bin2hex(actual_hex, sizeof(actual_hex), actual, sizeof(actual));
			finding(c,
				"input %s: differs from the one evaluated (its sha256 is %s; the "
				"manifest records %s)",
				manifest_printable(name, shown), actual_hex, manifest_printable(hex, shown_hex));
			continue;
		}
		if (c->counts)
			c->counts->inputs_matched++;
	}
}

/* A copy of text (NULL when absent) into *out; 0 when out of memory. */
static int claim_text(const char *text, char **out)
{
	*out = text ? tender_strdup(text) : NULL;
	return !text || *out;
}

/* Whether text is 64 lower-case hex digits (a SHA-256 as tender writes it). */
static int is_sha256_hex(const char *text)
{
	size_t i;

	for (i = 0; text && text[i]; i++)
		if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f')))
			return 0;
	return text && i == 64;
}

/* What the manifest claims, for a check against a store (anchor.h). */
static enum tender_status read_claims(const json_t *root, struct manifest_claims *cl,
				      struct tender_error *err)
{
	const json_t *evaluation = json_object_get(root, "evaluation");
	const json_t *inputs = json_object_get(root, "inputs");
	const json_t *outputs = json_object_get(root, "outputs");
	const char *id = member_text(evaluation, "id"), *head = member_text(evaluation, "chain_head");
	char *end;

	if (id && id[0] >= '1' && id[0] <= '9' && strlen(id) < 19) {
		cl->evaluation_id = strtoll(id, &end, 10);
		if (*end)
			cl->evaluation_id = 0;
	}
	if (is_sha256_hex(head))
		memcpy(cl->chain_head, head, 65);
	if (!claim_text(member_text(root, "tender"), &cl->tender_id) ||
	    !claim_text(member_text(root, "created"), &cl->created) ||
	    !claim_text(member_text(root, "engine_version"), &cl->engine))
		goto nomem;
	for (size_t i = 0; i < json_array_size(outputs); i++) {
		const json_t *o = json_array_get(outputs, i);
		const char *hex = member_text(o, "sha256");

		if (strcmp(member_text(o, "path") ? member_text(o, "path") : "", "evaluation.xml") == 0 &&
		    is_sha256_hex(hex))
			memcpy(cl->result_sha256, hex, 65);
	}
	cl->n_inputs = json_array_size(inputs);
	if (cl->n_inputs && !(cl->inputs = tender_calloc(cl->n_inputs, sizeof(*cl->inputs))))
		goto nomem;
	for (size_t i = 0; i < cl->n_inputs; i++) {
		const json_t *in = json_array_get(inputs, i);
		const char *role = member_text(in, "role"), *path = member_text(in, "path");
		const char *hex = member_text(in, "sha256");

		if (!claim_text(role ? role : "", &cl->inputs[i].role) ||
		    !claim_text(path ? path : "", &cl->inputs[i].path) ||
		    !claim_text(hex ? hex : "", &cl->inputs[i].sha256))
			goto nomem;
	}
	return TENDER_OK;
nomem:
	return error_set(err, TENDER_ERR_NOMEM, "nomem", NULL, 0, 0, "out of memory");
}

void manifest_claims_release(struct manifest_claims *cl)
{
	if (!cl)
		return;
	for (size_t i = 0; cl->inputs && i < cl->n_inputs; i++) {
		tender_free(cl->inputs[i].role);
		tender_free(cl->inputs[i].path);
		tender_free(cl->inputs[i].sha256);
	}
	tender_free(cl->inputs);
	tender_free(cl->tender_id);
	tender_free(cl->created);
	tender_free(cl->engine);
	memset(cl, 0, sizeof(*cl));
}

enum tender_status manifest_verify(const char *dir, const char *pubkey_path,
				   manifest_report_fn report, void *ctx, long long *findings,
				   struct tender_error *err)
{
	return manifest_check(dir, pubkey_path, NULL, report, ctx, findings, NULL, NULL, err);
}

enum tender_status manifest_check(const char *dir, const char *pubkey_path, const char *tender_dir,
				  manifest_report_fn report, void *ctx, long long *findings,
				  struct manifest_counts *counts, struct manifest_claims *claims,
				  struct tender_error *err)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	struct verification c = {report, ctx, findings, pubkey_path, counts};
	long long before;
	char path[4096], *text = NULL, shown[96];
	const char *format;
	json_t *root = NULL;
	json_error_t json_err;
	size_t size;
	enum tender_status rc;

	*findings = 0;
	if (counts)
		memset(counts, 0, sizeof(*counts));
	if (claims)
		memset(claims, 0, sizeof(*claims));
	rc = join_path(path, sizeof(path), dir, MANIFEST_NAME, err);
	if (rc)
		return rc;
	rc = read_key(pubkey_path, PUBLIC_KEY_KIND, pk, sizeof(pk), err);
	if (rc)
		return rc;
	rc = read_capped(path, MANIFEST_MAX_BYTES, &text, &size, err);
	if (rc)
		return rc;
	/* Duplicate keys are refused: another reader might take the other
	 * value than the one whose signature was checked. */
	root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &json_err);
	if (!root) {
		rc = error_set(err, TENDER_ERR_IO, "manifest-json", path, json_err.line,
			       json_err.column, "not a tender manifest: not JSON (%s)",
			       json_err.text);
		goto out;
	}
	format = member_text(root, "format");
	if (!json_is_object(root) || !format) {
		rc = error_set(err, TENDER_ERR_IO, "manifest-format", path, 0, 0,
			       "not a tender manifest: no \"format\" member");
		goto out;
	}
	if (strcmp(format, MANIFEST_FORMAT) != 0) {
		rc = error_set(err, TENDER_ERR_IO, "manifest-format", path, 0, 0,
			       "format '%s' is not one this version reads (%s)",
			       manifest_printable(format, shown), MANIFEST_FORMAT);
		goto out;
	}
	before = *findings;
	rc = check_signature(&c, root, pk, err);
	if (rc)
		goto out;
	if (claims) {
		claims->signature_ok = *findings == before;
		sodium_bin2hex(claims->public_key, sizeof(claims->public_key), pk, sizeof(pk));
		if ((rc = read_claims(root, claims, err))) {
			manifest_claims_release(claims);
			goto out;
		}
	}
	check_outputs(&c, root, dir);
	if (tender_dir)
		check_inputs(&c, root, tender_dir);
out:
	json_decref(root);
	tender_free(text);
	return rc;
}
