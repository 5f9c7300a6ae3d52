/* The answer scales of surveys (scale.h). */
#include "core/scale.h"

#include "core/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* The words are marked for translation (N_): a document shows _(word); input and the
 * stored answers keep the English ones. */
const answer_scale answer_scales[] = {
	{"yes_no", {N_("yes"), N_("no"), NULL}},
	{"agreement", {N_("strongly agree"), N_("agree"), N_("neutral"), N_("disagree"), N_("strongly disagree"), NULL}},
	{"satisfaction", {N_("very satisfied"), N_("satisfied"), N_("neutral"), N_("dissatisfied"),
			  N_("very dissatisfied"), NULL}},
	{"quality", {N_("excellent"), N_("good"), N_("fair"), N_("poor"), NULL}},
	{"usefulness", {N_("extremely useful"), N_("very useful"), N_("moderately useful"), N_("slightly useful"),
			N_("not useful"), NULL}},
	{"frequency", {N_("always"), N_("often"), N_("sometimes"), N_("rarely"), N_("never"), NULL}},
	{NULL, {NULL}},
};

const char *const answer_scale_names[] = {"yes_no", "agreement", "satisfaction", "quality",
					  "usefulness", "frequency", NULL};

const answer_scale *scale_find(const char *name)
{
	for (const answer_scale *s = answer_scales; s->name; s++)
		if (text_ieq(s->name, name))
			return s;
	return NULL;
}

int scale_size(const answer_scale *s)
{
	int n = 0;
	while (n < SCALE_MAX_WORDS && s->words[n])
		n++;
	return n;
}

int scale_index(const answer_scale *s, const char *answer)
{
	int n = scale_size(s);
	for (int i = 0; i < n; i++)
		if (text_ieq(answer, s->words[i]))
			return i;
	char *end = NULL;
	long k = strtol(answer, &end, 10);
	if (end != answer && *end == '\0' && k >= 1 && k <= n)
		return n - (int)k;
	return -1;
}
