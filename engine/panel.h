/*
 * panel.h - the panel's scores (panel.xml): checks beyond the schema.
 * Checks tell a panel secretary whether the file refers to evaluators and
 * questions that exist; reading builds the panel record of each bid and
 * question under the rule set's moderation policy: whose scores count,
 * whose are excluded for a declared conflict of interest, who did not
 * score, and the score that results.
 */
#ifndef TENDER_PANEL_H
#define TENDER_PANEL_H

#include "competition.h"
#include "number.h"
#include "strbuf.h"

/* Checks a schema-valid <panel-scores> document; with a tender description
 * (t may be NULL) also checks the tender id, and that every evaluator and
 * question named exists in the tender. Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status panel_check(const struct xml_doc *doc, const struct competition *t,
			       const struct xml_doc *tender_doc, struct diag_list *diags);

/* One declared interest of an evaluator (the tender's <panel>). */
struct panel_interest {
	char *organisation, *nature;
};

/* One member of the evaluation panel, in the tender's order. */
struct panel_member {
	char *id, *name, *role;
	struct panel_interest *interests;
	size_t n_interests;
};

/* One evaluator's score of one bid on one question. */
struct panel_score {
	char *evaluator, *bid, *question, *note;
	struct decimal value; /* valid when has_value */
	int has_value;        /* 0: the value is not a decimal (why says why) */
	int line, column;     /* of the element in the panel file */
	char *why;
};

/* The panel's agreed score of one bid on one question. */
struct panel_moderated {
	char *bid, *question, *agreed_by, *note;
	struct decimal value; /* valid when has_value */
	int has_value;
	int line, column;
	char *why;
};

/* The panel's decision on a flag raised on a bid. */
struct panel_decision {
	char *bid, *flag, *date, *agreed_by, *note;
	int excluded; /* outcome="excluded"; else accepted */
	int used;     /* a flag on the bid took it (set by the evaluation) */
};

/* The commissioner asked the bidder to explain what a flag found (an
 * abnormally low price: Procurement Act 2023 s.19(4)). */
struct panel_explanation {
	char *bid, *flag, *requested;
	char *replied; /* NULL: no reply recorded */
	char *note;    /* the reply in summary */
	int used;      /* a flag on the bid took it (set by the evaluation) */
};

/* The panel: its members (from the tender) and their scores (from the
 * panel's scores file), indexed by bid and question; its decisions on
 * flags. */
struct panel_scores {
	struct panel_member *members;
	size_t n_members;
	struct panel_score *scores;
	size_t n_scores;
	struct panel_moderated *moderated;
	size_t n_moderated;
	struct panel_decision *decisions;
	size_t n_decisions;
	struct panel_explanation *explanations;
	size_t n_explanations;
	size_t *by_bid;     /* indexes of scores sorted by bid, question */
	size_t *mod_by_bid; /* indexes of moderated sorted by bid, question */
};

/* Reads the evaluators of the tender's <panel> (tender_root is a
 * schema-valid <tender>) and the schema-valid <panel-scores> document into
 * ps (initialised here). Returns TENDER_OK or TENDER_ERR_NOMEM (ps is then
 * released). */
enum tender_status panel_read(const xmlNode *tender_root, const struct xml_doc *doc,
			      struct panel_scores *ps);
void panel_scores_release(struct panel_scores *ps);

/* The rule set's moderation policy (<moderation>, rules/README.md). */
enum panel_method { PANEL_MEDIAN, PANEL_MEAN, PANEL_CONSENSUS };
struct panel_policy {
	enum panel_method method;
	int min_evaluators;     /* scores that must count, at least 1 */
	int require_moderated;  /* a missing score needs a moderated score */
	int keep_conflicted;    /* 0: a conflicted evaluator's scores are excluded */
};

const char *panel_method_str(enum panel_method m);

/* A declared interest of a panel member that names a bid's bidder or one of
 * its consortium members. */
struct panel_conflict {
	size_t member, interest; /* indexes into ps->members, its interests */
	int is_bidder;           /* the bidder itself, else a consortium member */
	char *party;             /* the name as the bid gives it */
};

/* Finds the conflicts of the panel with one bid: interests whose
 * organisation equals the bidder's or a member's name once case,
 * punctuation, spacing and a final Ltd/Limited/plc/LLP are set aside. One
 * conflict per interest. Returns TENDER_OK or TENDER_ERR_NOMEM. */
enum tender_status panel_find_conflicts(const struct panel_scores *ps, const char *bidder,
					char *const *members, size_t n_members,
					struct panel_conflict **out, size_t *n_out);
void panel_conflicts_release(struct panel_conflict *c, size_t n);

/* The index in ps->members of the evaluator whose id is the len bytes at
 * id, or -1. */
int panel_member_index(const struct panel_scores *ps, const char *id, size_t len);

/* Whether member has a conflict among c. */
int panel_conflicted(const struct panel_conflict *c, size_t n, size_t member);

/* What each panel member did for one bid on one question. */
enum panel_mark_state { MARK_COUNTED, MARK_EXCLUDED, MARK_MISSING };
struct panel_mark {
	size_t member;
	enum panel_mark_state state;
	const struct panel_score *score; /* NULL when missing */
};

enum panel_basis { BASIS_NONE, BASIS_MODERATED, BASIS_MEDIAN, BASIS_MEAN };

/* The names evaluation.xml and the store give a moderated score's basis
 * ("none", "moderated", "median", "mean") and a mark's state ("counted",
 * "excluded", "missing"). */
const char *panel_basis_str(enum panel_basis b);
const char *panel_mark_state_str(enum panel_mark_state s);

/* The panel's record of one bid on one question, and the score it gives. */
struct panel_record {
	struct panel_mark *marks; /* one per panel member, in the tender's order */
	size_t n_marks;
	size_t n_counted, n_excluded, n_missing;
	struct decimal low, high;                /* of the counted scores */
	const struct panel_moderated *moderated; /* NULL when none */
	size_t n_agreed_eligible; /* agreed-by members without a conflict (or all, when kept) */
	enum panel_basis basis;   /* BASIS_NONE: no score (why says why) */
	struct ratio value;       /* exact: a mean need not be a decimal */
	char *why; /* when basis is BASIS_NONE: a sentence, else NULL */
};

/* Builds the record of bid on question under policy: a moderated score when
 * there is one (required under consensus, and when a score is missing and
 * the policy requires it), otherwise the median or mean of the counted
 * scores; never fewer than policy->min_evaluators. Returns TENDER_OK or
 * TENDER_ERR_NOMEM. */
enum tender_status panel_decide(const struct panel_scores *ps, const struct panel_policy *policy,
				const char *bid, const char *question,
				const struct panel_conflict *conflicts, size_t n_conflicts,
				struct panel_record *out);
void panel_record_release(struct panel_record *r);

/* The panel's decision on flag on bid, or NULL. */
struct panel_decision *panel_find_decision(const struct panel_scores *ps, const char *bid,
					   const char *flag);

/* The explanation asked of bid for flag, or NULL. */
struct panel_explanation *panel_find_explanation(const struct panel_scores *ps, const char *bid,
						 const char *flag);


#endif
