/* Building a document (wp_doc.h): sections, paragraphs and tables in one arena. */
#include "workplan/wp_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"

/* Grows an arena array of elem-sized entries to hold n + 1. */
static void *grow(wp_doc *d, void *arr, int n, int *cap, size_t elem)
{
	if (n < *cap)
		return arr;
	int nc = *cap ? *cap * 2 : 8;
	void *na = wp_alloc(&d->arena, (size_t)nc * elem);
	if (!na) {
		d->failed = 1;
		return NULL;
	}
	if (arr)
		memcpy(na, arr, (size_t)n * elem);
	*cap = nc;
	return na;
}

/* A new section at the end. */
wd_section *wd_section_add(wp_doc *d, const char *id, const char *title)
{
	wd_section *ns = grow(d, d->secs, d->nsecs, &d->cap, sizeof *d->secs);
	if (!ns)
		return NULL;
	d->secs = ns;
	wd_section *s = &d->secs[d->nsecs++];
	memset(s, 0, sizeof *s);
	s->id = id;
	s->title = title;
	return s;
}

/* Appends a block to a section. */
static wd_block *block(wp_doc *d, wd_section *s)
{
	if (!s)
		return NULL;
	wd_block *nb = grow(d, s->blocks, s->nblocks, &s->cap, sizeof *s->blocks);
	if (!nb)
		return NULL;
	s->blocks = nb;
	wd_block *b = &s->blocks[s->nblocks++];
	memset(b, 0, sizeof *b);
	return b;
}

/* A formatted paragraph. */
void wd_para(wp_doc *d, wd_section *s, const char *fmt, ...)
{
	wd_block *b = block(d, s);
	if (!b)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *t = NULL;
	if (vasprintf(&t, fmt, ap) < 0)
		t = NULL;
	va_end(ap);
	b->para = t ? wp_strdup(&d->arena, t) : NULL;
	free(t);
	if (!b->para) {
		d->failed = 1;
		b->para = "";
	}
}

/* A table with ncols text columns. */
wd_table *wd_table_add(wp_doc *d, wd_section *s, const char *id, const char *caption, int ncols)
{
	wd_block *b = block(d, s);
	wd_table *t = b ? wp_alloc(&d->arena, sizeof *t) : NULL;
	if (!t) {
		d->failed = 1;
		return NULL;
	}
	t->id = id;
	t->caption = caption;
	t->ncols = ncols < WP_DOC_MAX_COLS ? ncols : WP_DOC_MAX_COLS;
	b->table = t;
	return t;
}

/* Names a column. */
void wd_col(wd_table *t, int c, const char *head, wd_col_kind kind)
{
	if (!t || c < 0 || c >= t->ncols)
		return;
	t->heads[c] = head;
	t->kinds[c] = kind;
}

/* A new row's cells. */
const char **wd_row(wp_doc *d, wd_table *t, wd_row_kind kind)
{
	static const char *sink[WP_DOC_MAX_COLS];
	if (!t)
		return sink;
	if (t->nrows == t->cap) {
		int nc = t->cap ? t->cap * 2 : 16;
		const char **cells = wp_alloc(&d->arena, (size_t)nc * (size_t)t->ncols * sizeof *cells);
		wd_row_kind *rk = wp_alloc(&d->arena, (size_t)nc * sizeof *rk);
		if (!cells || !rk) {
			d->failed = 1;
			return sink;
		}
		if (t->nrows) {
			memcpy(cells, t->cells, (size_t)t->nrows * (size_t)t->ncols * sizeof *cells);
			memcpy(rk, t->rkinds, (size_t)t->nrows * sizeof *rk);
		}
		t->cells = cells;
		t->rkinds = rk;
		t->cap = nc;
	}
	t->rkinds[t->nrows] = kind;
	return &t->cells[(size_t)t->nrows++ * (size_t)t->ncols];
}

/* Formatted text in the arena. */
const char *wd_str(wp_doc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = NULL;
	if (vasprintf(&t, fmt, ap) < 0)
		t = NULL;
	va_end(ap);
	const char *r = t ? wp_strdup(&d->arena, t) : NULL;
	free(t);
	if (!r)
		d->failed = 1;
	return r ? r : "";
}

/* "66.7%" or "–". */
const char *wd_rate(wp_doc *d, wp_rate r)
{
	if (r.null)
		return WP_EN_DASH;
	char b[32];
	num_format_decimal(b, sizeof b, r.tenths, 1);
	return wd_str(d, "%s%%", b);
}

/* Frees the document. */
void wp_doc_free(wp_doc *d)
{
	if (!d)
		return;
	wp_arena_free(d->arena);
	free(d);
}
