/*
 * ruleset.c - loading, checking and compiling a rule set (see ruleset.h).
 *
 * Loading never stops at the first problem: every rule is read and every
 * finding reported (what `tender rules lint` prints), and the rule set is
 * usable only when there were none.
 */
#include "ruleset.h"

#include "alloc.h"
#include "check.h"
#include "embedded.h"
#include "error.h"
#include "kinds.h"
#include "rule_read.h"
#include "schema.h"
#include "xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *severity_str(enum severity s)
{
	static const char *const names[] = {"info", "low", "medium", "high", "critical"};

	return s <= SEVERITY_CRITICAL ? names[s] : "?";
}

void format_points(const struct ruleset *rs, int64_t points, char *buf, size_t size)
{
	snprintf(buf, size, "%s", points_text(points, rs->precision).s);
}

int64_t points_percent(const struct ruleset *rs, int64_t points)
{
	int64_t percent = 0;

	points_ratio(points, 100 * (number_wide)POINTS_ONE, rs->scale, &percent); /* |points| <= scale */
	return percent;
}

int ruleset_find(const struct ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->n_nodes; i++)
		if (strcmp(rs->nodes[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* ---------------------------------------------------------------------- */
/* The loader's helpers, shared with the rule kinds' readers (rule_read.h). */

void fail_nomem(struct loader *l)
{
	if (!l->c.status)
		l->c.status = TENDER_ERR_NOMEM;
}

char *dup_or_fail(struct loader *l, const char *s)
{
	char *copy = tender_strdup(s ? s : "");

	if (!copy)
		fail_nomem(l);
	return copy;
}

/* The attribute's whole trimmed value ("" when absent). */
char *attr_dup(struct loader *l, const xmlNode *node, const char *name)
{
	char *value = NULL;

	if (xml_attr_dup(node, name, &value))
		fail_nomem(l);
	return value ? value : dup_or_fail(l, "");
}

/* The element's whole trimmed text ("" when node is NULL). */
char *text_dup(struct loader *l, const xmlNode *node)
{
	char *text = NULL;

	if (xml_text_dup(node, &text))
		fail_nomem(l);
	return text;
}

/* Reads a decimal attribute through the one parser (number.h): 1 when
 * present and a decimal, 0 when absent; present but not a decimal is an
 * error at the element. */
int attr_decimal(struct loader *l, const xmlNode *node, const char *name, struct decimal *out)
{
	char *text = NULL, why[128];
	int ok = 0;

	if (xml_attr_dup(node, name, &text)) {
		fail_nomem(l);
		return 0;
	}
	if (!text)
		return 0;
	if (decimal_parse(text, out, why, sizeof(why)))
		check_report(&l->c, node, DIAG_ERROR, "rule-number", "%s=\"%.100s\" %s", name,
			     text, why);
	else
		ok = 1;
	tender_free(text);
	return ok;
}

/* A whole-number attribute within [min, max] (the schema bounds most);
 * *out is left as it is when the attribute is absent or wrong. */
void attr_integer(struct loader *l, const xmlNode *node, const char *name, int min, int max,
		  int *out)
{
	struct decimal d;

	if (!attr_decimal(l, node, name, &d))
		return;
	if (d.scale != 0 || d.coef < min || d.coef > max)
		check_report(&l->c, node, DIAG_ERROR, "rule-number",
			     "%s must be a whole number from %d to %d", name, min, max);
	else
		*out = (int)d.coef;
}

int attr_is(const xmlNode *node, const char *name, const char *value)
{
	return xml_attr_is(node, name, value, strlen(value));
}

/* Compiles an XPath found in attribute `name` of node, and tries it on the
 * empty document to catch unknown prefixes, variables and functions. */
void compile_xpath(struct loader *l, const xmlNode *node, const char *name, const char *rule_id,
		   struct xpath_expr *e)
{
	char *text = NULL, why[512];
	xmlXPathObjectPtr r;
	enum tender_status rc;

	if (xml_attr_dup(node, name, &text)) {
		fail_nomem(l);
		return;
	}
	if (!text)
		return;
	rc = xpath_compile(text, e, why, sizeof(why));
	tender_free(text);
	if (rc == TENDER_ERR_NOMEM) {
		fail_nomem(l);
		return;
	}
	if (rc) {
		check_report(&l->c, node, DIAG_ERROR, "rule-xpath", "rule %s: %s", rule_id, why);
		return;
	}
	rc = xpath_eval(&l->dummy_env, e, &r);
	xmlXPathFreeObject(r);
	if (rc == TENDER_ERR_RULE)
		check_report(&l->c, node, DIAG_ERROR, "rule-xpath", "rule %s: XPath '%.200s': %s",
			     rule_id, e->text, l->dummy_env.error);
}

static void parse_template(struct loader *l, const xmlNode *node, const char *rule_id,
			   struct template *t, const char *const *known_names)
{
	char *text = NULL, why[512];
	const char *unknown;
	enum tender_status rc = xml_text_dup(node, &text);

	if (!rc)
		rc = template_parse(text, t, why, sizeof(why));
	tender_free(text);

	if (rc == TENDER_ERR_NOMEM) {
		fail_nomem(l);
		return;
	}
	if (rc) {
		check_report(&l->c, node, DIAG_ERROR, "rule-message", "rule %s: %s", rule_id, why);
		return;
	}
	unknown = template_unknown_name(t, known_names);
	if (unknown)
		check_report(&l->c, node, DIAG_ERROR, "rule-message",
			     "rule %s: the message uses {%s}, which this rule does not provide "
			     "(use {=XPATH} for a value of the bid)",
			     rule_id, unknown);
}

void position(struct loader *l, const xmlNode *node, int *line, int *column)
{
	xml_node_position(l->c.doc, node, line, column);
}

void *kind_data_new(struct loader *l, size_t size)
{
	void *data = tender_calloc(1, size);

	if (!data)
		fail_nomem(l);
	return data;
}

/* ---------------------------------------------------------------------- */
/* The parts of a rule set. */

static void read_bindings(struct loader *l, const xmlNode *root)
{
	struct xpath_bindings *b = &l->rs->bindings;
	const xmlNode *params = R(root, "parameters");
	size_t n = 0;

	for (const xmlNode *ns = R(root, "namespace"); ns; ns = xml_next_same(ns))
		n++;
	b->namespaces = tender_calloc(n, sizeof(*b->namespaces));
	if (!b->namespaces) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *ns = R(root, "namespace"); ns; ns = xml_next_same(ns)) {
		struct xpath_binding *nb = &b->namespaces[b->n_namespaces++];

		nb->name = attr_dup(l, ns, "prefix");
		nb->value = attr_dup(l, ns, "uri");
	}
	n = 0;
	for (const xmlNode *p = R(params, "param"); p; p = xml_next_same(p))
		n++;
	b->params = tender_calloc(n, sizeof(*b->params));
	if (!b->params) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *p = R(params, "param"); p; p = xml_next_same(p)) {
		struct xpath_binding *pb = &b->params[b->n_params++];

		pb->name = attr_dup(l, p, "name");
		pb->value = attr_dup(l, p, "value");
		if (pb->name && strcmp(pb->name, "tender") == 0)
			check_report(&l->c, p, DIAG_ERROR, "rule-param",
				     "parameter name 'tender' is reserved for $tender");
	}
}

static void read_gates(struct loader *l, const xmlNode *root)
{
	const xmlNode *gates = R(root, "gates");
	struct ruleset *rs = l->rs;
	size_t n = 0;

	for (const xmlNode *g = R(gates, "gate"); g; g = xml_next_same(g))
		n++;
	rs->gates = tender_calloc(n, sizeof(*rs->gates));
	if (!rs->gates) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *g = R(gates, "gate"); g; g = xml_next_same(g)) {
		struct gate *gate = &rs->gates[rs->n_gates++];

		gate->id = attr_dup(l, g, "id");
		gate->cite = attr_dup(l, g, "cite");
		gate->title = text_dup(l, R(g, "title"));
		position(l, g, &gate->line, &gate->column);
		if (!gate->id)
			continue;
		compile_xpath(l, g, "test", gate->id, &gate->test);
		parse_template(l, R(g, "message"), gate->id, &gate->message, NULL);
	}
}

/* The criterion's scoring method: the one element of the method table
 * under it (the schema allows exactly one, and test_kinds keeps the schema
 * and the table in step). */
static void read_method(struct loader *l, const xmlNode *crit, struct rule_node *n)
{
	for (size_t i = 0; method_at(i); i++) {
		const xmlNode *el = R(crit, method_at(i)->element);

		if (!el)
			continue;
		n->ops = method_at(i);
		n->ops->read(l, el, n);
		return;
	}
	/* never a group by mistake: a criterion without a method is refused */
	check_report(&l->c, crit, DIAG_ERROR, "rule-method",
		     "rule %s: no scoring method this engine knows", n->id);
}

static size_t count_nodes(const xmlNode *parent)
{
	size_t n = 0;

	for (const xmlNode *c = parent->children; c; c = c->next)
		if (xml_is(c, RULES_NS, "group"))
			n += 1 + count_nodes(c);
		else if (xml_is(c, RULES_NS, "criterion"))
			n++;
	return n;
}

static void read_nodes(struct loader *l, const xmlNode *parent, int parent_index, int depth)
{
	struct ruleset *rs = l->rs;

	for (const xmlNode *c = parent->children; c; c = c->next) {
		int is_group = xml_is(c, RULES_NS, "group");
		int index;
		struct rule_node *n;

		if (!is_group && !xml_is(c, RULES_NS, "criterion"))
			continue;
		index = (int)rs->n_nodes++;
		n = &rs->nodes[index];
		n->parent = parent_index;
		n->depth = depth;
		n->id = attr_dup(l, c, "id");
		n->weight = attr_dup(l, c, "weight");
		n->cite = xmlHasProp(c, BAD_CAST "cite") ? attr_dup(l, c, "cite") : NULL;
		n->key_criterion = xmlHasProp(c, BAD_CAST "key-criterion")
					   ? attr_dup(l, c, "key-criterion")
					   : NULL;
		n->title = text_dup(l, R(c, "title"));
		position(l, c, &n->line, &n->column);
		if (!n->id || !n->weight || !n->title)
			return;
		if (is_group)
			read_nodes(l, c, index, depth + 1);
		else
			read_method(l, c, n);
	}
}

/* Resolves weights top-down into points units ("40" is 40 points, "40%"
 * 40% of the parent's, rounded once to the unit) and checks that siblings
 * add up to their parent exactly. */
static void resolve_weights(struct loader *l)
{
	struct ruleset *rs = l->rs;

	for (size_t i = 0; i < rs->n_nodes; i++) {
		struct rule_node *n = &rs->nodes[i];
		int64_t parent = n->parent < 0 ? rs->scale : rs->nodes[n->parent].points;
		size_t len = strlen(n->weight);
		int pct = len && n->weight[len - 1] == '%';
		char *number = tender_strndup(n->weight, pct ? len - 1 : len), why[128];
		struct decimal w;
		enum tender_status rc;

		if (!number) {
			fail_nomem(l);
			return;
		}
		rc = decimal_parse(number, &w, why, sizeof(why));
		tender_free(number);
		if (!rc)
			rc = pct ? points_ratio(parent, decimal_wide18(w),
						100 * DECIMAL_WIDE_ONE, &n->points)
				 : points_from_decimal(w, &n->points);
		if (rc && diag_add(l->c.diags, DIAG_ERROR, n->line, n->column, "rule-weights",
				   "rule %s: the weight '%s' %s", n->id, n->weight,
				   rc == TENDER_ERR_INVALID ? why : "is out of range"))
			fail_nomem(l);
	}
	for (int p = -1; p < (int)rs->n_nodes; p++) {
		number_wide sum = 0;
		int64_t want = p < 0 ? rs->scale : rs->nodes[p].points;
		int n_children = 0;
		struct number_text a, b;

		if (p >= 0 && !rule_is_group(&rs->nodes[p]))
			continue;
		for (size_t i = 0; i < rs->n_nodes; i++)
			if (rs->nodes[i].parent == p) {
				sum += rs->nodes[i].points;
				n_children++;
			}
		if (n_children == 0 || sum == want)
			continue;
		a = points_text(sum > INT64_MAX ? INT64_MAX : sum < -INT64_MAX ? -INT64_MAX
										: (int64_t)sum,
				rs->precision);
		b = points_text(want, rs->precision);
		if (strcmp(a.s, b.s) == 0) { /* apart by less than the display shows */
			a = points_exact((int64_t)sum);
			b = points_exact(want);
		}
		if (p < 0)
			check_report(&l->c, l->criteria, DIAG_ERROR, "rule-weights",
				     "the top-level weights add up to %s points, not the scale %s",
				     a.s, b.s);
		else if (diag_add(l->c.diags, DIAG_ERROR, rs->nodes[p].line, rs->nodes[p].column,
				  "rule-weights",
				  "rule %s: the weights inside this group add up to %s points, "
				  "not the group's %s",
				  rs->nodes[p].id, a.s, b.s))
			fail_nomem(l);
	}
}

/* The flag's condition: the one element of the flag-kind table under it
 * (the schema allows exactly one, and test_kinds keeps the schema and the
 * table in step); NULL, reported, when none. */
static const xmlNode *read_condition(struct loader *l, const xmlNode *f, struct flag *flag)
{
	for (size_t i = 0; flag_kind_at(i); i++) {
		const xmlNode *el = R(f, flag_kind_at(i)->element);

		if (!el)
			continue;
		flag->ops = flag_kind_at(i);
		flag->ops->read(l, el, flag);
		return el;
	}
	check_report(&l->c, f, DIAG_ERROR, "rule-flag", "rule %s: no condition this engine knows",
		     flag->id);
	return NULL;
}

static void read_flags(struct loader *l, const xmlNode *root)
{
	const xmlNode *flags = R(root, "flags");
	struct ruleset *rs = l->rs;
	static const char *const severities[] = {"info", "low", "medium", "high", "critical"};
	size_t n = 0;

	for (const xmlNode *f = R(flags, "flag"); f; f = xml_next_same(f))
		n++;
	rs->flags = tender_calloc(n, sizeof(*rs->flags));
	if (!rs->flags) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *f = R(flags, "flag"); f; f = xml_next_same(f)) {
		struct flag *flag = &rs->flags[rs->n_flags++];

		flag->id = attr_dup(l, f, "id");
		flag->cite = attr_dup(l, f, "cite");
		flag->title = text_dup(l, R(f, "title"));
		position(l, f, &flag->line, &flag->column);
		flag->excludes = attr_is(f, "excludes", "true") || attr_is(f, "excludes", "1");
		for (int s = 0; s <= SEVERITY_CRITICAL; s++)
			if (attr_is(f, "severity", severities[s]))
				flag->severity = (enum severity)s;
		if (!flag->id)
			continue;
		if (!read_condition(l, f, flag))
			continue;
		parse_template(l, R(f, "message"), flag->id, &flag->message,
			       flag->ops->message_names);
		if (flag->ops->run_across && template_has_xpath(&flag->message))
			check_report(&l->c, R(f, "message"), DIAG_ERROR, "rule-message",
				     "rule %s: a cross-bid flag's message cannot use {=XPATH} (it "
				     "is written after every bid was read); use its named values",
				     flag->id);
	}
}

static void read_moderation(struct loader *l, const xmlNode *root)
{
	const xmlNode *el = R(root, "moderation");
	struct panel_policy *p = &l->rs->moderation;
	p->method = PANEL_MEDIAN;
	p->min_evaluators = 1;
	if (!el)
		return;
	if (attr_is(el, "method", "mean"))
		p->method = PANEL_MEAN;
	else if (attr_is(el, "method", "consensus"))
		p->method = PANEL_CONSENSUS;
	attr_integer(l, el, "min-evaluators", 1, 50, &p->min_evaluators);
	p->require_moderated = attr_is(el, "missing", "require-moderated");
	p->keep_conflicted = attr_is(el, "conflicts", "keep");
	l->rs->moderation_cite = attr_dup(l, el, "cite");
}

static void read_ties(struct loader *l, const xmlNode *root)
{
	const xmlNode *ties = R(root, "tie-breaks");
	struct ruleset *rs = l->rs;
	size_t n = 0;

	for (const xmlNode *t = R(ties, "tie-break"); t; t = xml_next_same(t))
		n++;
	rs->ties = tender_calloc(n, sizeof(*rs->ties));
	if (!rs->ties) {
		fail_nomem(l);
		return;
	}
	for (const xmlNode *t = R(ties, "tie-break"); t; t = xml_next_same(t)) {
		struct tie_break *tb = &rs->ties[rs->n_ties++];
		char *ref = attr_dup(l, t, "ref");

		if (!ref)
			return;
		tb->node = ruleset_find(rs, ref);
		tb->prefer_higher = attr_is(t, "prefer", "higher");
		tb->on_value = attr_is(t, "on", "value");
		if (tb->node < 0)
			check_report(&l->c, t, DIAG_ERROR, "rule-ref",
				     "tie-break: '%s' is not a group or criterion of this rule set",
				     ref);
		else if (tb->on_value && !price_rule_is(&rs->nodes[tb->node]))
			check_report(&l->c, t, DIAG_ERROR, "rule-ref",
				     "tie-break on=\"value\" needs a price criterion; '%s' is not one",
				     ref);
		tender_free(ref);
	}
}

static void read_ruleset(struct loader *l, const xmlNode *root)
{
	struct ruleset *rs = l->rs;
	const xmlNode *identity = R(root, "bid-identity");
	const xmlNode *criteria = R(root, "criteria");
	struct decimal scale = decimal_from_int(100);

	rs->id = attr_dup(l, root, "id");
	rs->version = attr_dup(l, root, "version");
	rs->title = text_dup(l, R(root, "title"));
	position(l, root, &rs->line, &rs->column);
	if (xmlHasProp(root, BAD_CAST "regime")) {
		char *token = attr_dup(l, root, "regime");
		const struct regime_info *regime = regime_by_token(token);

		rs->regime = regime ? regime->id : REGIME_NONE; /* the schema knows them all */
		tender_free(token);
	}
	if (R(root, "key-criteria"))
		rs->key_justification = text_dup(l, R(R(root, "key-criteria"), "justification"));
	attr_decimal(l, root, "scale", &scale);
	rs->precision = 2;
	rs->currency_decimals = 2;
	attr_integer(l, root, "precision", 0, 6, &rs->precision);
	attr_integer(l, root, "currency-decimals", 0, 3, &rs->currency_decimals);
	if (points_from_decimal(scale, &rs->scale) || rs->scale <= 0)
		check_report(&l->c, root, DIAG_ERROR, "rule-scale", "the scale must be above zero");
	read_bindings(l, root);
	if (l->c.status || xpath_env_init(&l->dummy_env, l->dummy, &rs->bindings, NULL)) {
		fail_nomem(l);
		return;
	}
	compile_xpath(l, identity, "id", "bid-identity", &rs->id_expr);
	compile_xpath(l, identity, "name", "bid-identity", &rs->name_expr);
	rs->has_members = xmlHasProp(identity, BAD_CAST "members") != NULL;
	if (rs->has_members)
		compile_xpath(l, identity, "members", "bid-identity", &rs->members_expr);
	rs->has_address = xmlHasProp(identity, BAD_CAST "address") != NULL;
	if (rs->has_address)
		compile_xpath(l, identity, "address", "bid-identity", &rs->address_expr);
	read_gates(l, root);
	l->criteria = criteria;
	rs->nodes = tender_calloc(count_nodes(criteria), sizeof(*rs->nodes));
	if (!rs->nodes) {
		fail_nomem(l);
		return;
	}
	read_nodes(l, criteria, -1, 0);
	if (l->c.status)
		return;
	resolve_weights(l);
	read_moderation(l, root);
	read_flags(l, root);
	read_ties(l, root);
}

/* A file or bytes that could not be read or parsed: a finding at its
 * place; returns what ruleset_load returns for it. */
static enum tender_status unreadable(enum tender_status rc, const struct tender_error *err,
				     struct diag_list *diags)
{
	if (rc == TENDER_ERR_NOMEM)
		return rc;
	if (diag_add(diags, DIAG_ERROR, err->line, err->column, err->code, "%s", err->message))
		return TENDER_ERR_NOMEM;
	return rc == TENDER_ERR_IO ? TENDER_ERR_IO : TENDER_ERR_RULE;
}

enum tender_status ruleset_load(const char *path, size_t max_bytes, struct ruleset **out,
				struct diag_list *diags)
{
	struct tender_error err;
	struct input in;
	enum tender_status rc;

	*out = NULL;
	error_clear(&err);
	rc = input_read_file(path, max_bytes, &in, &err);
	if (rc)
		return unreadable(rc, &err, diags);
	rc = ruleset_load_input(&in, out, diags);
	input_release(&in);
	return rc;
}

enum tender_status ruleset_load_input(const struct input *in, struct ruleset **out,
				      struct diag_list *diags)
{
	struct tender_error err;
	struct xml_doc *doc = NULL;
	struct schema *schema = NULL;
	struct loader l;
	size_t errors_before = diags->n_errors;
	enum tender_status rc;

	*out = NULL;
	memset(&l, 0, sizeof(l));
	error_clear(&err);
	l.rs = tender_calloc(1, sizeof(*l.rs));
	if (!l.rs)
		return TENDER_ERR_NOMEM;
	memcpy(l.rs->sha256, in->sha256, 32);
	rc = xml_load_memory(in->data, in->size, in->name, &doc, &err);
	if (rc) {
		tender_free(l.rs);
		if (rc == TENDER_ERR_NOMEM)
			return rc;
		if (diag_add(diags, DIAG_ERROR, err.line, err.column, err.code, "%s", err.message))
			return TENDER_ERR_NOMEM;
		return rc == TENDER_ERR_IO ? TENDER_ERR_IO : TENDER_ERR_RULE;
	}
	rc = schema_compile(embedded_rules_xsd, embedded_rules_xsd_size, "rules.xsd", &schema,
			    &err);
	if (!rc && !xml_is(xml_doc_root(doc), RULES_NS, "ruleset")) {
		int line, column;

		xml_node_position(doc, xml_doc_root(doc), &line, &column);
		rc = diag_add(diags, DIAG_ERROR, line, column, "not-a-ruleset",
			      "this is not a rule set: the root element must be <ruleset> in "
			      "namespace %s",
			      RULES_NS);
	}
	if (!rc && diags->n_errors == errors_before)
		rc = schema_validate(schema, doc, diags);
	if (!rc && diags->n_errors == errors_before) {
		l.c.doc = doc;
		l.c.diags = diags;
		l.dummy = xmlNewDoc(BAD_CAST "1.0");
		if (!l.dummy) {
			rc = TENDER_ERR_NOMEM;
		} else {
			read_ruleset(&l, xml_doc_root(doc));
			rc = l.c.status;
		}
	}
	xpath_env_release(&l.dummy_env);
	xmlFreeDoc(l.dummy);
	schema_free(schema);
	xml_doc_free(doc);
	if (!rc && diags->n_errors > errors_before)
		rc = TENDER_ERR_RULE;
	if (rc) {
		ruleset_free(l.rs);
		return rc;
	}
	*out = l.rs;
	return TENDER_OK;
}

static void release_bindings(struct xpath_binding *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		tender_free(b[i].name);
		tender_free(b[i].value);
	}
	tender_free(b);
}

void ruleset_free(struct ruleset *rs)
{
	if (!rs)
		return;
	tender_free(rs->moderation_cite);
	tender_free(rs->key_justification);
	for (size_t i = 0; i < rs->n_gates; i++) {
		struct gate *g = &rs->gates[i];

		tender_free(g->id);
		tender_free(g->title);
		tender_free(g->cite);
		xpath_expr_release(&g->test);
		template_release(&g->message);
	}
	for (size_t i = 0; i < rs->n_nodes; i++) {
		struct rule_node *n = &rs->nodes[i];

		tender_free(n->id);
		tender_free(n->title);
		tender_free(n->cite);
		tender_free(n->key_criterion);
		tender_free(n->weight);
		if (n->ops)
			n->ops->release(n->data);
	}
	for (size_t i = 0; i < rs->n_flags; i++) {
		struct flag *f = &rs->flags[i];

		tender_free(f->id);
		tender_free(f->title);
		tender_free(f->cite);
		if (f->ops)
			f->ops->release(f->data);
		template_release(&f->message);
	}
	release_bindings(rs->bindings.namespaces, rs->bindings.n_namespaces);
	release_bindings(rs->bindings.params, rs->bindings.n_params);
	xpath_expr_release(&rs->id_expr);
	xpath_expr_release(&rs->name_expr);
	xpath_expr_release(&rs->members_expr);
	xpath_expr_release(&rs->address_expr);
	tender_free(rs->gates);
	tender_free(rs->nodes);
	tender_free(rs->flags);
	tender_free(rs->ties);
	tender_free(rs->id);
	tender_free(rs->version);
	tender_free(rs->title);
	tender_free(rs);
}
