/* TF-IDF cosine similarity of short texts over word tokens and word trigrams; see
 * wp_similar.h for the method. Features are interned through a strmap; each text becomes
 * a sparse vector sorted by feature id, so a cosine is one merge. */
#include "workplan/wp_similar.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/strmap.h"

/* English function words that say nothing about what an action line does. */
static const char *const STOP[] = {
	"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
	"it", "its", "of", "on", "or", "other", "the", "their", "to", "with", "within", NULL,
};

typedef struct feat {
	int id;
	double w;
} feat;

typedef struct vec {
	feat *f;
	int n, cap;
	double norm;
} vec;

typedef struct space {
	strmap ids;    /* feature -> id */
	int *df;       /* documents per feature */
	int nfeat, capfeat;
	vec *words, *grams; /* per text */
	int n;
} space;

/* True for a stop word. */
static bool is_stop(const char *w)
{
	for (int i = 0; STOP[i]; i++)
		if (strcmp(w, STOP[i]) == 0)
			return true;
	return false;
}

/* Folds simple English inflections: plurals (-ies -> -y, -s dropped but not -ss / -us /
 * -is), then -ing and -ed on longer words ("training" and "trained" -> "train"). */
static void fold_plural(char *w)
{
	size_t n = strlen(w);
	if (n > 4 && strcmp(w + n - 3, "ies") == 0) {
		strcpy(w + n - 3, "y");
		return;
	}
	// NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): w is a NUL-terminated word of n > 3 bytes
	if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
		w[--n] = '\0';
	if (n > 5 && strcmp(w + n - 3, "ing") == 0)
		w[n - 3] = '\0';
	else if (n > 4 && strcmp(w + n - 2, "ed") == 0)
		w[n - 2] = '\0';
}

/* True for a byte that belongs to a word: ASCII letters and digits, any non-ASCII byte
 * (letters of other scripts), and a hyphen between two word bytes ("front-line" is one
 * word, so it meets "frontline"). */
static bool word_byte(const char *p, const char *start)
{
	unsigned char c = (unsigned char)*p;
	if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return true;
	return c == '-' && p > start && p[1] && word_byte(p - 1, p - 1) && p[-1] != '-' &&
	       ((unsigned char)p[1] >= 0x80 || (p[1] >= 'a' && p[1] <= 'z') ||
		(p[1] >= '0' && p[1] <= '9'));
}

/* Interns a feature; returns its id, or -1 when out of memory. */
static int intern(space *sp, const char *f)
{
	int64_t id;
	if (strmap_get(&sp->ids, f, &id))
		return (int)id;
	if (sp->nfeat == sp->capfeat) {
		int nc = sp->capfeat ? sp->capfeat * 2 : 256;
		int *nd = realloc(sp->df, (size_t)nc * sizeof *nd);
		if (!nd)
			return -1;
		sp->df = nd;
		sp->capfeat = nc;
	}
	if (strmap_put(&sp->ids, f, sp->nfeat) < 0)
		return -1;
	sp->df[sp->nfeat] = 0;
	return sp->nfeat++;
}

/* Adds one occurrence of a feature to a vector (term frequency). */
static int add(space *sp, vec *v, const char *f)
{
	int id = intern(sp, f);
	if (id < 0)
		return -1;
	for (int i = 0; i < v->n; i++)
		if (v->f[i].id == id) {
			v->f[i].w += 1;
			return 0;
		}
	if (v->n == v->cap) {
		int nc = v->cap ? v->cap * 2 : 16;
		feat *nf = realloc(v->f, (size_t)nc * sizeof *nf);
		if (!nf)
			return -1;
		v->f = nf;
		v->cap = nc;
	}
	v->f[v->n].id = id;
	v->f[v->n++].w = 1;
	return 0;
}

/* The trigrams of ^word$ (by bytes; a word of other scripts still yields trigrams that
 * only match the same bytes). */
static int add_trigrams(space *sp, vec *v, const char *w)
{
	size_t n = strlen(w);
	char *pad = malloc(n + 3), g[4];
	if (!pad)
		return -1;
	pad[0] = '^';
	memcpy(pad + 1, w, n);
	pad[n + 1] = '$';
	pad[n + 2] = '\0';
	for (size_t i = 0; i + 3 <= n + 2; i++) {
		memcpy(g, pad + i, 3);
		g[3] = '\0';
		if (add(sp, v, g) < 0) {
			free(pad);
			return -1;
		}
	}
	free(pad);
	return 0;
}

/* Normalises a text and fills its word and trigram vectors. */
static int featurise(space *sp, const char *text, vec *words, vec *grams)
{
	utf8proc_uint8_t *norm = NULL;
	utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)(text ? text : ""), 0, &norm,
					    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
						    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
						    UTF8PROC_STRIPMARK);
	if (len < 0)
		return 0; /* invalid UTF-8: no features */
	char *s = (char *)norm;
	int rc = 0;
	for (char *p = s; *p && rc == 0;) {
		while (*p && !word_byte(p, s))
			p++;
		char *w = p;
		while (*p && word_byte(p, s))
			p++;
		if (p == w)
			break;
		char word[128];
		size_t k = 0;
		for (char *q = w; q < p && k + 1 < sizeof word; q++)
			if (*q != '-') /* hyphens join: "front-line" = "frontline" */
				word[k++] = *q;
		word[k] = '\0';
		fold_plural(word);
		if (strlen(word) < 2 || is_stop(word))
			continue;
		char wf[132];
		snprintf(wf, sizeof wf, "w:%s", word);
		rc = add(sp, words, wf);
		if (rc == 0)
			rc = add_trigrams(sp, grams, word);
	}
	free(norm);
	return rc;
}

/* Orders features by id. */
static int feat_cmp(const void *a, const void *b)
{
	return ((const feat *)a)->id - ((const feat *)b)->id;
}

/* Turns term counts into TF-IDF weights and the vector's norm. */
static void weigh(space *sp, vec *v)
{
	double sum = 0;
	if (v->n == 0)
		return;
	qsort(v->f, (size_t)v->n, sizeof *v->f, feat_cmp);
	for (int i = 0; i < v->n; i++) {
		double idf = log((1.0 + sp->n) / (1.0 + sp->df[v->f[i].id])) + 1.0;
		v->f[i].w *= idf;
		sum += v->f[i].w * v->f[i].w;
	}
	v->norm = sqrt(sum);
}

/* Cosine of two weighted vectors; 0 when either is empty. */
static double cosine(const vec *x, const vec *y)
{
	if (x->norm == 0 || y->norm == 0)
		return 0;
	double dot = 0;
	for (int i = 0, j = 0; i < x->n && j < y->n;) {
		if (x->f[i].id < y->f[j].id)
			i++;
		else if (x->f[i].id > y->f[j].id)
			j++;
		else
			dot += x->f[i++].w * y->f[j++].w;
	}
	double c = dot / (x->norm * y->norm);
	return c > 1 ? 1 : c;
}

/* Frees a space. */
static void space_free(space *sp)
{
	for (int i = 0; i < sp->n; i++) {
		free(sp->words[i].f);
		free(sp->grams[i].f);
	}
	free(sp->words);
	free(sp->grams);
	free(sp->df);
	strmap_free(&sp->ids);
}

/* Builds the weighted vectors of n texts. */
static int space_build(space *sp, const char *const *texts, int n)
{
	memset(sp, 0, sizeof *sp);
	sp->words = calloc((size_t)(n ? n : 1), sizeof *sp->words);
	sp->grams = calloc((size_t)(n ? n : 1), sizeof *sp->grams);
	if (!sp->words || !sp->grams)
		return -1;
	sp->n = n;
	for (int i = 0; i < n; i++)
		if (featurise(sp, texts[i], &sp->words[i], &sp->grams[i]) < 0)
			return -1;
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < sp->words[i].n; k++)
			sp->df[sp->words[i].f[k].id]++;
		for (int k = 0; k < sp->grams[i].n; k++)
			sp->df[sp->grams[i].f[k].id]++;
	}
	for (int i = 0; i < n; i++) {
		weigh(sp, &sp->words[i]);
		weigh(sp, &sp->grams[i]);
	}
	return 0;
}

/* The mean of the word and trigram cosines. */
static double score(const space *sp, int a, int b)
{
	return (cosine(&sp->words[a], &sp->words[b]) + cosine(&sp->grams[a], &sp->grams[b])) / 2;
}

/* Best first, then by position. */
static int pair_cmp(const void *x, const void *y)
{
	const wp_pair *a = x, *b = y;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->a != b->a)
		return a->a - b->a;
	return a->b - b->b;
}

/* Every pair at or above the threshold. */
int wp_similar_pairs(const char *const *texts, int n, double threshold, wp_pair **out,
		     int *npairs)
{
	*out = NULL;
	*npairs = 0;
	space sp;
	if (space_build(&sp, texts, n) < 0) {
		space_free(&sp);
		return -1;
	}
	int cap = 0;
	for (int a = 0; a < n; a++)
		for (int b = a + 1; b < n; b++) {
			double s = score(&sp, a, b);
			if (s < threshold)
				continue;
			if (*npairs == cap) {
				cap = cap ? cap * 2 : 16;
				wp_pair *np = realloc(*out, (size_t)cap * sizeof *np);
				if (!np) {
					space_free(&sp);
					return -1;
				}
				*out = np;
			}
			(*out)[(*npairs)++] = (wp_pair){a, b, s};
		}
	space_free(&sp);
	if (*npairs)
		qsort(*out, (size_t)*npairs, sizeof **out, pair_cmp);
	return 0;
}

/* One pair's score. */
double wp_similar_score(const char *const *texts, int n, int a, int b)
{
	space sp;
	double s = -1;
	if (space_build(&sp, texts, n) == 0 && a >= 0 && b >= 0 && a < n && b < n)
		s = score(&sp, a, b);
	space_free(&sp);
	return s;
}
