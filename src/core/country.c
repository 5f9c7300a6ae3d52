/* The country table and its look-ups; the names are marked for translation (N_) and
 * shown through country_label. */
#include "core/country.h"

#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

/* Ordered by English short name; rank follows this order. */
const country country_table[] = {
	{"BN", N_("Brunei Darussalam"), {"BRN", "Brunei", NULL}, 1},
	{"KH", N_("Cambodia"), {"KHM", "Kampuchea", NULL}, 2},
	{"ID", N_("Indonesia"), {"IDN", NULL}, 3},
	{"LA", N_("Lao PDR"), {"LAO", "Laos", "Lao People's Democratic Republic", NULL}, 4},
	{"MY", N_("Malaysia"), {"MYS", NULL}, 5},
	{"MM", N_("Myanmar"), {"MMR", "Burma", NULL}, 6},
	{"PH", N_("Philippines"), {"PHL", "The Philippines", "Pilipinas", NULL}, 7},
	{"SG", N_("Singapore"), {"SGP", "Singapura", NULL}, 8},
	{"TH", N_("Thailand"), {"THA", NULL}, 9},
	{"TL", N_("Timor-Leste"), {"TLS", "East Timor", "Timor Leste", NULL}, 10},
	{"VN", N_("Vietnam"), {"VNM", "Viet Nam", "Việt Nam", NULL}, 11},
	{"ASEAN", N_("ASEAN/regional"), {NULL}, 50},
	{NULL, NULL, {NULL}, 0},
};

/* The name in the current thread's language (i18n.h): the web page's, or the
 * document's --lang; English by default. Input keeps matching the English names. */
const char *country_label(const country *c)
{
	return c ? _(c->name) : "";
}

/* Code or name, any case; then, for names typed with accents or other forms of
 * letters, the same after NFKC and case folding. */
const country *country_find(const char *s)
{
	for (const country *c = country_table; c->code; c++) {
		if (text_ieq(s, c->code) || (c->rank < 50 && text_ieq(s, c->name)))
			return c;
		for (int i = 0; c->aliases[i]; i++)
			if (text_ieq(s, c->aliases[i]))
				return c;
	}
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x80) {
			for (const country *c = country_table; c->code; c++)
				for (int i = 0; c->aliases[i]; i++)
					if (text_same_key(s, c->aliases[i]))
						return c;
			break;
		}
	return NULL;
}

/* Canonical code, exact. */
const country *country_by_code(const char *code)
{
	for (const country *c = country_table; c->code; c++)
		if (strcmp(code, c->code) == 0)
			return c;
	return NULL;
}
