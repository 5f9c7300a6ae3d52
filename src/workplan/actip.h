/* The ASEAN Convention Against Trafficking in Persons, Especially Women and Children
 * (ACTIP) as the report needs it: its key obligations on States Parties, each with the
 * article (and paragraphs) that sets it, summarised in our own words. Written once
 * here; the annual report's "About the ACTIP" lists them with the work-plan lines that
 * cite each article. */
#ifndef ACTIP_WORKPLAN_ACTIP_H
#define ACTIP_WORKPLAN_ACTIP_H

#include <stddef.h>

typedef struct actip_obligation {
	int article;          /* the article's number */
	int also;             /* a second article it rests on, or 0 */
	const char *ref;      /* as cited: "14(6)", "8, 9" */
	const char *summary;  /* what States Parties must do, in our own words */
} actip_obligation;

/* The obligations in article order, ended by article 0. */
extern const actip_obligation actip_obligations[];

/* The highest article number of the Convention. */
enum { ACTIP_ARTICLES = 31 };

/* Reads an article reference as work-plan lines and projects cite them: "14" (the
 * whole article, para "") or "14(6)" (a paragraph: digits or letters, under size
 * bytes). 0, or -1 when it is neither or the article is out of range. */
int actip_article_ref(const char *s, int *article, char *para, size_t size);

#endif
