/* The country table and its look-ups. */
#include "core/country.h"

#include <string.h>

#include "core/text.h"

/* Ordered by English short name; rank follows this order. */
const country country_table[] = {
	{"BN", "Brunei Darussalam", {"Brunei", NULL}, 1},
	{"KH", "Cambodia", {NULL}, 2},
	{"ID", "Indonesia", {NULL}, 3},
	{"LA", "Lao PDR", {"Laos", "Lao People's Democratic Republic", NULL}, 4},
	{"MY", "Malaysia", {NULL}, 5},
	{"MM", "Myanmar", {NULL}, 6},
	{"PH", "Philippines", {"The Philippines", NULL}, 7},
	{"SG", "Singapore", {NULL}, 8},
	{"TH", "Thailand", {NULL}, 9},
	{"TL", "Timor-Leste", {NULL}, 10},
	{"VN", "Vietnam", {"Viet Nam", NULL}, 11},
	{"ASEAN", "ASEAN/regional", {NULL}, 50},
	{NULL, NULL, {NULL}, 0},
};

/* Code or name, any case. */
const country *country_find(const char *s)
{
	for (const country *c = country_table; c->code; c++) {
		if (text_ieq(s, c->code) || (c->rank < 50 && text_ieq(s, c->name)))
			return c;
		for (int i = 0; c->aliases[i]; i++)
			if (text_ieq(s, c->aliases[i]))
				return c;
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
