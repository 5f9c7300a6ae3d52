/* The work plan's documents (workplan/wp_doc.h: its monitoring report and reviews) as
 * report documents, so that the report's DOCX writer renders them too: a section is a
 * level-2 section, a paragraph a paragraph, a table a table with its caption before it
 * and its note after it (a group row spans the table). The matrix of a report is wide,
 * so the document is landscape, the way the bodies circulate the matrix. The texts stay
 * the work-plan document's; nothing is copied. */
#include <stdlib.h>
#include <string.h>

#include "report/rdoc.h"
#include "workplan/wp_doc.h"

/* Appends a block (NULL when out of memory, with failed set). */
static rd_block *add(rdoc *d, rb_kind kind)
{
	if (d->nblocks == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		rd_block *b = realloc(d->blocks, sizeof *b * (size_t)cap);
		if (!b) {
			d->failed = true;
			return NULL;
		}
		d->blocks = b;
		d->cap = cap;
	}
	rd_block *b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

/* One work-plan table as a report table of the same cells (the texts stay the work-plan
 * document's); the block that holds it owns it. */
static rd_table *table(const wd_table *w)
{
	rd_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->cls = w->id;
	t->ncols = w->ncols < RD_MAX_COLS ? w->ncols : RD_MAX_COLS;
	t->nrows = w->nrows;
	t->cells = calloc((size_t)(w->nrows ? w->nrows : 1) * (size_t)t->ncols, sizeof *t->cells);
	t->kinds = calloc((size_t)(w->nrows ? w->nrows : 1), sizeof *t->kinds);
	t->row_ids = calloc((size_t)(w->nrows ? w->nrows : 1), sizeof *t->row_ids);
	if (!t->cells || !t->kinds || !t->row_ids) {
		free(t->cells);
		free(t->kinds);
		free(t->row_ids);
		free(t);
		return NULL;
	}
	for (int c = 0; c < t->ncols; c++) {
		t->heads[c] = w->heads[c];
		t->left[c] = w->kinds[c] != WD_NUM;
	}
	for (int i = 0; i < w->nrows; i++) {
		t->kinds[i] = w->rkinds[i] == WD_GROUP ? RD_GROUP : w->rkinds[i] == WD_TOTAL ? RD_TOTAL
											: RD_ROW;
		for (int c = 0; c < t->ncols; c++) {
			const char *v = w->cells[(size_t)i * w->ncols + c];
			t->cells[(size_t)i * t->ncols + c] = v ? v : "";
		}
	}
	return t;
}

int rdoc_from_wp(rdoc *d, const wp_doc *w, actip_err *err)
{
	memset(d, 0, sizeof *d);
	d->title = w->title;
	d->cover = w->subtitle ? w->subtitle : "";
	d->conventions = "";
	d->landscape = true;
	d->toc = true;
	for (int s = 0; s < w->nsecs && !d->failed; s++) {
		const wd_section *sec = &w->secs[s];
		rd_block *b = add(d, RB_OPEN);
		if (!b)
			break;
		b->level = 2;
		b->id = sec->id;
		b->text = sec->title;
		b->toc = sec->title;
		for (int k = 0; k < sec->nblocks && !d->failed; k++) {
			const wd_block *wb = &sec->blocks[k];
			if (wb->para) {
				if ((b = add(d, RB_PARA)))
					b->text = wb->para;
				continue;
			}
			if (!wb->table)
				continue;
			if (wb->table->caption && (b = add(d, RB_HEADING)))
				b->text = wb->table->caption;
			rd_table *t = table(wb->table);
			if (!t) {
				d->failed = true;
				break;
			}
			if (!(b = add(d, RB_TABLE))) {
				rdoc_table_free(t);
				break;
			}
			b->table = t;
			b->owned = true;
			if (wb->table->note && (b = add(d, RB_PARA))) {
				b->cls = "note";
				b->text = wb->table->note;
			}
		}
		add(d, RB_CLOSE);
	}
	if (d->failed) {
		rdoc_free(d);
		return err_set(err, ACTIP_ENOMEM, "out of memory building the document");
	}
	return ACTIP_OK;
}

int rdoc_write_wp_docx(const char *path, const wp_doc *w, actip_err *err)
{
	rdoc d;
	int rc = rdoc_from_wp(&d, w, err);
	if (rc)
		return rc;
	rc = rdoc_write_docx(path, &d, err);
	rdoc_free(&d);
	return rc;
}
