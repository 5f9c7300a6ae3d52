/* The countries actip knows: the ASEAN member states, Timor-Leste, and `ASEAN` as the
 * code for regional activities and ASEAN bodies. One table gives each code its display
 * name, the names accepted on input and its rank in report order (by English short
 * name, ASEAN/regional after the countries). */
#ifndef ACTIP_CORE_COUNTRY_H
#define ACTIP_CORE_COUNTRY_H

typedef struct country {
	const char *code;     /* ISO 3166-1 alpha-2, or "ASEAN" */
	const char *name;     /* display name, e.g. "Lao PDR" */
	const char *aliases[5]; /* other accepted names (ISO alpha-3 first), NULL-terminated */
	int rank;             /* report order */
} country;

/* The table, terminated by an entry whose code is NULL. */
extern const country country_table[];

/* c's display name in the current thread's language (c->name is the English one,
 * which input and the JSON keep); "" for NULL. */
const char *country_label(const country *c);

/* Looks up a code (alpha-2 or alpha-3) or a name, case-insensitively; NULL if unknown. */
const country *country_find(const char *s);

/* Looks up a canonical code exactly; NULL if unknown. */
const country *country_by_code(const char *code);

#endif
