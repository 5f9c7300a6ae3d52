/* The answer scales of surveys: yes/no and the Likert scales a survey question may be
 * answered on, each a list of words ordered best first. Written once here and read by
 * the survey templates (which check and spell each answer by its question's scale) and
 * by the report (which shares the answers among the scale's words in this order). */
#ifndef ACTIP_CORE_SCALE_H
#define ACTIP_CORE_SCALE_H

enum { SCALE_MAX_WORDS = 5 };

typedef struct answer_scale {
	const char *name;                        /* as survey_questions.csv names it */
	const char *words[SCALE_MAX_WORDS + 1];  /* best first, NULL-ended */
} answer_scale;

/* The scales, ended by a NULL name, and their names alone (NULL-ended). */
extern const answer_scale answer_scales[];
extern const char *const answer_scale_names[];

/* The scale called name; NULL when there is none. */
const answer_scale *scale_find(const char *name);

/* The number of words of s. */
int scale_size(const answer_scale *s);

/* The index of an answer among s's words: the word in any letter case, or its number
 * counted from the worst (1 = the last word); -1 when it is neither. */
int scale_index(const answer_scale *s, const char *answer);

#endif
