/* Near-duplicate action lines (seed 000 §17: "streamline these activities to avoid
 * duplication"). Each text is normalised (Unicode NFKC, case folding, accents removed),
 * cut into word tokens (hyphens joined, English function words dropped, plurals and -ing / -ed folded) and
 * into the character trigrams of those words. Both feature sets are weighted by TF-IDF
 * over the texts compared (smoothed: idf = ln((1 + N) / (1 + df)) + 1), and the score of
 * a pair is the mean of the two cosine similarities. Word order, case and punctuation
 * therefore do not matter; a changed spelling costs a word but few trigrams; a few
 * changed words lower both cosines a little; different actions share little of either.
 * docs/workplan-monitoring.md gives the method and the threshold. */
#ifndef ACTIP_WORKPLAN_WP_SIMILAR_H
#define ACTIP_WORKPLAN_WP_SIMILAR_H

/* Pairs scoring at least this are listed. */
#define WP_SIMILAR_THRESHOLD 0.50

typedef struct wp_pair {
	int a, b;      /* indexes into the texts, a < b */
	double score;  /* 0..1 */
} wp_pair;

/* Scores every pair of the n texts and returns those with score >= threshold, best
 * first (ties by a, then b), in a malloc'd array. Returns 0, or -1 when out of memory
 * or on invalid UTF-8 (such a text simply shares nothing with the others). */
int wp_similar_pairs(const char *const *texts, int n, double threshold, wp_pair **out,
		     int *npairs);

/* Score of one pair among the n texts (for tests and explanations); -1 on error. */
double wp_similar_score(const char *const *texts, int n, int a, int b);

#endif
