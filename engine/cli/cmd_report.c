/*
 * cmd_report.c - `tender report`: renders an evaluation (evaluation.xml, or
 * one stored in an evaluation store) as HTML, Markdown, CSV, JSON, or the
 * documents its regime requires (PSR 2023: notice, record, disclosure; PA
 * 2023: summaries, notice; PCR 2015 and the 2013 Regulations: letters),
 * which are refused while a high or critical flag is undecided unless
 * --draft marks them. Also the report writing that `tender evaluate` does
 * next to evaluation.xml.
 */
#include "cli.h"

#include "../audit.h"
#include "../fileio.h"
#include "../error.h"
#include "../report.h"
#include "../result.h"
#include "../store.h"
#include "../strbuf.h"

#include <getopt.h> /* optind */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_spec report_spec = {
	.command = "tender report",
	.usage = "tender report [--db FILE [--evaluation N] | EVALUATION.xml]\n"
		 "                     -f FORMAT [-o FILE|DIR] [--template FILE] [--bid ID] [--draft]",
	.description =
		"Renders an evaluation: from evaluation.xml, or from an evaluation store (the\n"
		"newest evaluation, or --evaluation N). html, md (Markdown), csv (the score\n"
		"matrix) and json go to standard output or to the file -o names.\n"
		"The documents of the evaluation's regime:\n"
		"  psr-2023  notice (PSR 2023 Sch 10), record (reg 24), disclosure --bid ID\n"
		"            (reg 12(4)(b): for a provider that made representations)\n"
		"  pa-2023   summaries (Procurement Regulations 2024 reg 31, one a supplier,\n"
		"            -o DIR), notice (Procurement Act 2023 s.50)\n"
		"  pcr-2015, nhs-2013  letters (PCR 2015 reg 86, one a bidder, -o DIR)\n"
		"They are refused while a high or critical flag has no panel decision;\n"
		"--draft writes them with every page marked \"DRAFT - not for issue\".\n"
		"--template uses your own XSLT stylesheet instead of the built-in one.",
	.exit_status =
		"0 done; 1 the documents are blocked by undecided flags; 2\n"
		"usage error (among them a document the evaluation's regime does not\n"
		"have); 3 the evaluation, store or template cannot be read, or the output\n"
		"cannot be written; 4 internal error.",
};

enum format {
	F_NONE,
	F_HTML,
	F_MD,
	F_CSV,
	F_JSON,
	F_LETTERS,
	F_NOTICE,
	F_RECORD,
	F_DISCLOSURE,
	F_SUMMARIES
};

/* The documents each regime requires, and their built-in templates. */
static const struct document {
	int format;
	const char *regime;
	enum report_template template;
} documents[] = {
	{F_NOTICE, "psr-2023", TEMPLATE_PSR_NOTICE},
	{F_RECORD, "psr-2023", TEMPLATE_PSR_RECORD},
	{F_DISCLOSURE, "psr-2023", TEMPLATE_PSR_DISCLOSURE},
	{F_SUMMARIES, "pa-2023", TEMPLATE_PA_SUMMARY},
	{F_NOTICE, "pa-2023", TEMPLATE_PA_NOTICE},
	{F_LETTERS, "pcr-2015", TEMPLATE_LETTER},
	{F_LETTERS, "nhs-2013", TEMPLATE_LETTER},
};

static int is_document(int format)
{
	return format >= F_LETTERS;
}

/* Whether format is one document a bid, written into -o DIR. */
static int per_bid(int format)
{
	return format == F_LETTERS || format == F_SUMMARIES;
}

static const struct cli_choice report_formats[] = {
	{"html", F_HTML}, {"md", F_MD}, {"csv", F_CSV}, {"json", F_JSON}, {"letters", F_LETTERS},
	{"notice", F_NOTICE}, {"record", F_RECORD}, {"disclosure", F_DISCLOSURE},
	{"summaries", F_SUMMARIES},
	{"markdown", F_MD}, {NULL, F_NONE},
};

/* Renders one format of eval into *out; bid (with its occurrence among
 * bids sharing its id, "1" for most) picks a one-bid document's addressee;
 * draft marks every page of a document "DRAFT - not for issue". */
static enum tender_status render(const struct xml_doc *eval, enum format format,
				 const struct report_style *style, const char *bid,
				 const char *occurrence, int draft, char **out, size_t *size,
				 struct tender_error *err)
{
	const char *params[7];
	size_t k = 0;

	if (bid) { /* first: report_apply gives a one-bid view for "bid" */
		params[k++] = "bid";
		params[k++] = bid;
		params[k++] = "occurrence";
		params[k++] = occurrence ? occurrence : "1";
	}
	if (draft) {
		params[k++] = "draft";
		params[k++] = "yes";
	}
	params[k] = NULL;
	switch (format) {
	case F_CSV: return report_csv(eval, out, size, err);
	case F_JSON: return report_json(eval, out, size, err);
	default: return report_apply(style, eval, k ? params : NULL, out, size, err);
	}
}

/* The stylesheet for format: the file at template_path, else the built-in
 * one (doc: the regime document's; NULL for html and md). */
static enum tender_status load_style(enum format format, const struct document *doc,
				     const char *template_path, struct report_style **style,
				     struct tender_error *err)
{
	*style = NULL;
	if (format == F_CSV || format == F_JSON)
		return TENDER_OK;
	if (template_path)
		return report_style_file(template_path, style, err);
	return report_style_builtin(doc			 ? doc->template
				    : format == F_HTML ? TEMPLATE_HTML
						       : TEMPLATE_MARKDOWN,
				    style, err);
}

/* The document `format` of regime, or NULL when the regime has none such. */
static const struct document *document_of(int format, const char *regime)
{
	for (size_t i = 0; i < sizeof(documents) / sizeof(documents[0]); i++)
		if (documents[i].format == format && regime && !strcmp(documents[i].regime, regime))
			return &documents[i];
	return NULL;
}

/* The names of the documents of regime ("notice, record, disclosure"). */
static void documents_of(const char *regime, struct strbuf *names)
{
	for (size_t i = 0; i < sizeof(documents) / sizeof(documents[0]); i++)
		if (regime && !strcmp(documents[i].regime, regime))
			for (const struct cli_choice *c = report_formats; c->name; c++)
				if (c->value == documents[i].format) {
					strbuf_addf(names, "%s%s", names->len ? ", " : "", c->name);
					break;
				}
}

/* The longest letter file name made from a bid id, before any "-N" and
 * ".html" (file systems allow 255 bytes). Longer ids are cut to it, and
 * every letter still gets its own file: see write_letters. */
#define LETTER_NAME_MAX 200

/* A bid id as a safe file name (size > LETTER_NAME_MAX + 4): letters,
 * digits, '.', '_' and '-', at most LETTER_NAME_MAX bytes. */
static void file_name(const char *id, char *out, size_t size)
{
	size_t o = 0, max = size - 1 < LETTER_NAME_MAX ? size - 1 : LETTER_NAME_MAX;

	for (const char *p = id; *p && o < max; p++)
		out[o++] = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				   (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'
			   ? *p
			   : '_';
	out[o] = '\0';
	if (o == 0 || out[0] == '.') {
		char safe[LETTER_NAME_MAX + 1];

		snprintf(safe, sizeof(safe), "%s", out);
		snprintf(out, size, "bid-%.*s", LETTER_NAME_MAX - 4, o ? safe : "unnamed");
	}
}

/* Whether name is one of the n names already taken. */
static int taken(char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/* One document a bid (letters, summaries) into dir, BID.html each. */
static enum tender_status write_per_bid(const struct xml_doc *eval, enum format format,
					const struct report_style *style, int draft, const char *dir,
					FILE *out, struct tender_error *err)
{
	char **ids = NULL, **names = NULL, **texts = NULL;
	size_t n = 0, *sizes = NULL;
	enum tender_status rc = report_bid_ids(eval, &ids, &n);

	/* Every letter is rendered before any is written, and each gets a file
	 * of its own: two ids that make one file name (cut to LETTER_NAME_MAX,
	 * or differing only in unsafe characters) get "-2", "-3", ... as bids
	 * sharing an id do, never one letter written over another. */
	if (!rc && (!(names = calloc(n ? n : 1, sizeof(*names))) ||
		    !(texts = calloc(n ? n : 1, sizeof(*texts))) ||
		    !(sizes = calloc(n ? n : 1, sizeof(*sizes)))))
		rc = TENDER_ERR_NOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		char base[LETTER_NAME_MAX + 8], name[LETTER_NAME_MAX + 32], occurrence[32];
		size_t seen = 1;

		for (size_t k = 0; k < i; k++)
			seen += strcmp(ids[k], ids[i]) == 0;
		snprintf(occurrence, sizeof(occurrence), "%zu", seen);
		file_name(ids[i], base, sizeof(base));
		snprintf(name, sizeof(name), "%s", base);
		for (size_t k = 2; taken(names, i, name); k++)
			snprintf(name, sizeof(name), "%s-%zu", base, k);
		if (!(names[i] = strdup(name)))
			rc = TENDER_ERR_NOMEM;
		if (!rc)
			rc = render(eval, format, style, ids[i], occurrence, draft, &texts[i],
				    &sizes[i], err);
	}
	if (!rc)
		rc = dir_ensure(dir, err);
	for (size_t i = 0; i < n && !rc; i++) {
		char path[4096], file[LETTER_NAME_MAX + 40];

		snprintf(file, sizeof(file), "%s.html", names[i]);
		rc = cli_join_path(path, sizeof(path), dir, file, err);
		if (!rc)
			rc = file_write_atomic(path, texts[i], sizes[i], err);
		if (!rc && out) {
			struct cli_safe safe = CLI_SAFE_INIT;

			fprintf(out, "%s\n", cli_safe(&safe, path));
			cli_safe_release(&safe);
		}
	}
	for (size_t i = 0; i < n; i++) {
		free(names ? names[i] : NULL);
		free(texts ? texts[i] : NULL);
	}
	free(names);
	free(texts);
	free(sizes);
	report_ids_free(ids, n);
	return rc;
}

const char *const cli_default_reports[CLI_N_DEFAULT_REPORTS] = {"report.html", "scores.csv", "evaluation.json"};

enum tender_status cli_join_path(char *path, size_t size, const char *dir, const char *name,
				 struct tender_error *err)
{
	int n = snprintf(path, size, "%s/%s", dir, name);

	if (n < 0 || (size_t)n >= size)
		return error_set(err, TENDER_ERR_IO, "io-path", dir, 0, 0,
				 "the path of %s in this folder is too long (the limit is %zu "
				 "bytes)",
				 name, size - 1);
	return TENDER_OK;
}

void cli_reports_release(struct cli_reports *reports)
{
	for (size_t i = 0; i < CLI_N_DEFAULT_REPORTS; i++)
		free(reports->text[i]);
	memset(reports, 0, sizeof(*reports));
}

enum tender_status cli_render_default_reports(const char *xml, size_t xml_size,
					      struct cli_reports *out, struct tender_error *err)
{
	static const enum format formats[] = {F_HTML, F_CSV, F_JSON};
	struct xml_doc *eval = NULL;
	struct report_style *style = NULL;
	enum tender_status rc = xml_load_memory(xml, xml_size, "evaluation.xml", &eval, err);

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < CLI_N_DEFAULT_REPORTS && !rc; i++) {
		rc = load_style(formats[i], NULL, NULL, &style, err);
		if (!rc)
			rc = render(eval, formats[i], style, NULL, NULL, 0, &out->text[i],
				    &out->size[i], err);
		report_style_free(style);
		style = NULL;
	}
	xml_doc_free(eval);
	if (rc)
		cli_reports_release(out);
	return rc;
}

enum tender_status cli_write_default_reports(const struct cli_reports *reports, const char *dir,
					     struct tender_error *err)
{
	enum tender_status rc = TENDER_OK;

	for (size_t i = 0; i < CLI_N_DEFAULT_REPORTS && !rc; i++) {
		char path[4096];

		rc = cli_join_path(path, sizeof(path), dir, cli_default_reports[i], err);
		if (!rc)
			rc = file_write_atomic(path, reports->text[i], reports->size[i], err);
	}
	return rc;
}

/* Reads the evaluation to report on: a file, or a store's result blob. */
static enum tender_status load_evaluation(const char *db, long long id, const char *path,
					  struct xml_doc **eval, struct tender_error *err)
{
	struct store *s = NULL;
	sqlite3_stmt *st = NULL;
	enum tender_status rc;

	if (path)
		return xml_load_file(path, (size_t)1 << 30, eval, err);
	if ((rc = store_open(db, 1, &s, err)))
		return rc;
	if (!id && (rc = audit_latest(s, NULL, &id, err)))
		goto out;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT data FROM blob WHERE sha256 ="
			       " (SELECT result_sha256 FROM evaluation WHERE id = ?)",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = store_error(s, err, "cannot read the store");
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = id ? error_set(err, TENDER_ERR_USAGE, "no-evaluation", db, 0, 0,
				    "there is no evaluation %lld in the store", id)
			: error_set(err, TENDER_ERR_DB, "no-evaluation", db, 0, 0,
				    "the store holds no evaluation");
		goto out;
	}
	rc = xml_load_memory(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0),
			     "evaluation.xml", eval, err);
out:
	sqlite3_finalize(st);
	store_close(s);
	return rc;
}

/* Whether the evaluation's regime has the document asked for (*doc), and
 * nothing blocks it; else says why and gives the exit status. */
static int document_allowed(const struct xml_doc *eval, int format, int draft, const char *bid,
			    const struct document **doc, FILE *err)
{
	const char *regime = report_regime(eval);
	struct strbuf names = STRBUF_INIT_WHOLE;
	struct cli_safe safe = CLI_SAFE_INIT;
	int status = CLI_CONTINUE;
	size_t n = 0;

	*doc = document_of(format, regime);
	if (!*doc) {
		documents_of(regime, &names);
		fprintf(err,
			"tender report: this evaluation was made under %s, which has no such "
			"document; its documents are: %s\n",
			regime ? regime : "a regime tender does not know",
			names.len ? names.buf : "none");
		status = CLI_USAGE;
	} else if (format == F_NOTICE && !report_single_winner(eval)) {
		fputs("tender report: there is no award to give notice of: no bid is ranked first "
		      "alone (no bid is compliant, or the leaders are tied)\n",
		      err);
		status = CLI_FINDINGS;
	} else if (format == F_DISCLOSURE && !bid) {
		fputs("tender report: -f disclosure needs --bid ID: the provider that made "
		      "representations\n",
		      err);
		status = CLI_USAGE;
	} else if (!draft && report_undecided_flags(eval, &names, &n)) {
		status = CLI_INTERNAL;
	} else if (n) {
		fprintf(err,
			"tender report: the award documents are blocked: %zu high or critical "
			"flag%s ha%s no panel decision (record it in the panel's scores as "
			"<decision bid flag outcome date agreed-by>, or give --draft for a draft):\n",
			n, n == 1 ? "" : "s", n == 1 ? "s" : "ve");
		for (char *line = names.buf, *end; line && *line; line = end + 1) {
			end = strchr(line, '\n'); /* every line ends with one */
			*end = '\0';
			fprintf(err, "%s\n", cli_safe(&safe, line));
		}
		status = CLI_FINDINGS;
	}
	if (names.nomem)
		status = CLI_INTERNAL;
	strbuf_release(&names);
	cli_safe_release(&safe);
	return status;
}

/* Whether the evaluation has a bid with this id. */
static int has_bid(const struct xml_doc *eval, const char *bid, enum tender_status *rc)
{
	char **ids = NULL;
	size_t n = 0;
	int found = 0;

	*rc = report_bid_ids(eval, &ids, &n);
	for (size_t i = 0; i < n; i++)
		found |= !strcmp(ids[i], bid);
	report_ids_free(ids, n);
	return found;
}

int cmd_report(int argc, char **argv, FILE *out, FILE *err)
{
	const char *db = NULL, *output = NULL, *template_path = NULL, *path = NULL, *bid = NULL;
	const struct document *doc = NULL;
	long long id = 0;
	int format = F_NONE, draft = 0;
	struct tender_error e = {0};
	struct xml_doc *eval = NULL;
	struct report_style *style = NULL;
	struct cli_safe safe = CLI_SAFE_INIT;
	char *text = NULL;
	size_t size = 0;
	int status = CLI_OK;
	enum tender_status rc;
	const struct cli_option options[] = {
		{.name = "db", .letter = 'd', .value_name = "FILE", .kind = CLI_STRING,
		 .to.string = &db},
		{.name = "evaluation", .letter = 'e', .value_name = "N", .kind = CLI_NUMBER,
		 .to.number = &id, .bad_words = "is not an evaluation number"},
		{.name = "format", .letter = 'f', .value_name = "FORMAT", .kind = CLI_CHOICE,
		 .to.choice = &format, .choices = report_formats,
		 .bad_words = "(html, md, csv, json, notice, record, disclosure, summaries or letters)"},
		{.name = "output", .letter = 'o', .value_name = "FILE", .kind = CLI_STRING,
		 .to.string = &output},
		{.name = "template", .letter = 't', .value_name = "FILE", .kind = CLI_STRING,
		 .to.string = &template_path},
		{.name = "bid", .value_name = "ID", .kind = CLI_STRING, .to.string = &bid,
		 .help = "the provider a disclosure is for"},
		{.name = "draft", .kind = CLI_FLAG, .to.flag = &draft,
		 .help = "write a document although flags are undecided, marked DRAFT"},
		CLI_OPTIONS_END,
	};
	int parsed = cli_options_parse(&report_spec, options, argc, argv, out, err);

	if (parsed != CLI_CONTINUE)
		return parsed;
	if (optind < argc)
		path = argv[optind++];
	if (template_path && (format == F_CSV || format == F_JSON))
		return cli_usage_error(err, &report_spec,
				       "--template is for html, md and the documents (csv and json "
				       "are written by tender itself)");
	if (draft && !is_document(format))
		return cli_usage_error(err, &report_spec,
				       "--draft is for the documents of a regime (notice, record, "
				       "disclosure, summaries, letters)");
	if (bid && format != F_DISCLOSURE)
		return cli_usage_error(err, &report_spec, "--bid is for -f disclosure");
	if (id && !db)
		return cli_usage_error(err, &report_spec,
				       "--evaluation needs --db (an evaluation.xml holds one "
				       "evaluation)");
	if (format == F_NONE || optind < argc || (!db == !path) || (per_bid(format) && !output))
		return cli_usage_error(err, &report_spec,
				       per_bid(format) && !output
					       ? "give -f FORMAT and either --db FILE or one "
						 "evaluation.xml (letters and summaries need -o DIR)"
					       : "give -f FORMAT and either --db FILE or one "
						 "evaluation.xml");
	if ((rc = load_evaluation(db, id, path, &eval, &e)))
		goto fail;
	if (!xml_is(xml_doc_root(eval), EVALUATION_NS, "evaluation")) {
		fprintf(err, "%s: error: this is not an evaluation result (evaluation.xml)\n",
			cli_safe(&safe, path ? path : db));
		status = CLI_BAD_INPUT;
		goto out;
	}
	if (bid && !has_bid(eval, bid, &rc)) {
		if (rc)
			goto fail;
		fprintf(err, "tender report: the evaluation has no bid %s\n", cli_safe(&safe, bid));
		status = CLI_USAGE;
		goto out;
	}
	if (is_document(format) &&
	    (status = document_allowed(eval, format, draft, bid, &doc, err)) != CLI_CONTINUE)
		goto out;
	status = CLI_OK;
	if ((rc = load_style(format, doc, template_path, &style, &e)))
		goto fail;
	if (per_bid(format)) {
		rc = write_per_bid(eval, format, style, draft, output, out, &e);
	} else {
		rc = render(eval, format, style, bid, NULL, draft, &text, &size, &e);
		if (!rc && output)
			rc = file_write_atomic(output, text, size, &e);
		else if (!rc && fwrite(text, 1, size, out) != size)
			rc = error_set(&e, TENDER_ERR_IO, "io-write", "standard output", 0, 0,
				       "cannot write");
	}
	if (rc)
		goto fail;
	goto out;
fail:
	if (rc == TENDER_ERR_NOMEM) {
		fputs("tender report: out of memory\n", err);
		status = CLI_INTERNAL;
	} else {
		fprintf(err, "%s: error: %s\n", e.file[0] ? cli_safe(&safe, e.file) : "tender report",
			cli_safe(&safe, e.message));
		status = rc == TENDER_ERR_USAGE ? CLI_USAGE
			 : rc == TENDER_ERR_INTERNAL ? CLI_INTERNAL
						     : CLI_BAD_INPUT;
	}
out:
	cli_safe_release(&safe);
	free(text);
	report_style_free(style);
	xml_doc_free(eval);
	return status;
}
