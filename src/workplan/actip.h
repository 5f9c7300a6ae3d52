/* The ASEAN Convention Against Trafficking in Persons, Especially Women and Children
 * (ACTIP) as the report needs it: its key obligations on States Parties, each with the
 * article (and paragraphs) that sets it, summarised in our own words. Written once
 * here; the annual report's "About the ACTIP" lists them with the work-plan lines that
 * cite each article. */
#ifndef ACTIP_WORKPLAN_ACTIP_H
#define ACTIP_WORKPLAN_ACTIP_H

typedef struct actip_obligation {
	int article;          /* the article's number */
	int also;             /* a second article it rests on, or 0 */
	const char *ref;      /* as cited: "14(6)", "8, 9" */
	const char *summary;  /* what States Parties must do, in our own words */
} actip_obligation;

/* The obligations in article order, ended by article 0. */
extern const actip_obligation actip_obligations[];

#endif
