/* The answer scales of surveys (scale.h). */
#include "core/scale.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

const answer_scale answer_scales[] = {
	{"yes_no", {"yes", "no", NULL}},
	{"agreement", {"strongly agree", "agree", "neutral", "disagree", "strongly disagree", NULL}},
	{"satisfaction", {"very satisfied", "satisfied", "neutral", "dissatisfied",
			  "very dissatisfied", NULL}},
	{"quality", {"excellent", "good", "fair", "poor", NULL}},
	{"usefulness", {"extremely useful", "very useful", "moderately useful", "slightly useful",
			"not useful", NULL}},
	{"frequency", {"always", "often", "sometimes", "rarely", "never", NULL}},
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
