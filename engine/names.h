/*
 * names.h - comparing organisation names as people write them: the tender's
 * panel interests and market shares name organisations that bids name
 * again, with other capitals, punctuation or legal form.
 */
#ifndef TENDER_NAMES_H
#define TENDER_NAMES_H

/* Whether a and b name the same organisation once ASCII case, punctuation
 * and spacing are set aside and one final legal-form word (Ltd, Limited,
 * plc, LLP, CIC) is dropped: "Chalk Lane Partners Ltd." and "chalk lane
 * partners limited" do; "Beech Healthcare" and "Beech Health Ltd" do not.
 * An empty name names nothing. Names are compared whole, whatever their
 * length, without allocating. */
int names_same_organisation(const char *a, const char *b);

#endif
