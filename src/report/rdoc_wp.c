/* The work plan's documents (workplan/wp_doc.h: its monitoring report and reviews) as
 * report documents, so that the report's writers render them (HTML, Markdown, DOCX and
 * XLSX: the work plan has no writers of its own): a section is a level-2 section, a
 * paragraph a paragraph, a table a table with its caption before it and its note after
 * it (a group row spans the table). A cell that is a count or a rate ("66.7%", wd_rate)
 * carries its value, which a spreadsheet writes as a number. The matrix of a report is
 * wide, so the document is landscape, the way the bodies circulate the matrix; its
 * paragraphs say facts (who sent no input), so its spreadsheet shows them too. The
 * texts stay the work-plan document's; nothing is copied. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
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

/* A number column's cell's value: a plain whole number (a count) or a rate as wd_rate writes it, "66.7%"
 * (one decimal, in tenths of a percent); else text. */
static rd_num value(const char *s)
{
	size_t n = strlen(s);
	bool digits = n > 0 && n <= 9;
	for (size_t i = 0; digits && i < n; i++)
		digits = s[i] >= '0' && s[i] <= '9';
	if (digits)
		return (rd_num){RD_INT, strtoll(s, NULL, 10)};
	if (n < 4 || n > 7 || s[n - 1] != '%' || s[n - 3] != '.')
		return (rd_num){RD_TEXT, 0};
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] < '0' || s[i] > '9') && i != n - 3)
			return (rd_num){RD_TEXT, 0};
	return (rd_num){RD_RATE1, strtoll(s, NULL, 10) * 10 + (s[n - 2] - '0')};
}

/* The state or decision status a status cell starts with, as the key of its HTML class
 * (assets/report.css), whatever the document's language; NULL when none. */
static const char *status_key(const char *v)
{
	static const struct {
		const char *key, *label;
	} known[] = {
		{"completed", N_("Completed")}, {"ongoing", N_("Ongoing")}, {"delayed", N_("Delayed")},
		{"not-started", N_("Not started")}, {"cancelled", N_("Cancelled")},
		{"not-reported", N_("Not reported")}, {"done", N_("Done")}, {"open", N_("Open")},
		{"in-progress", N_("In progress")}, {"dropped", N_("Dropped")},
	};
	const char *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		const char *label = _(known[i].label);
		size_t n = strlen(label);
		if (n > best_len && strncmp(v, label, n) == 0 && (v[n] == '\0' || v[n] == '\n' || v[n] == ' ')) {
			best = known[i].key;
			best_len = n;
		}
	}
	return best;
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
	t->nums = calloc((size_t)(w->nrows ? w->nrows : 1) * (size_t)t->ncols, sizeof *t->nums);
	t->marks = calloc((size_t)(w->nrows ? w->nrows : 1) * (size_t)t->ncols, sizeof *t->marks);
	if (!t->cells || !t->kinds || !t->row_ids || !t->nums || !t->marks) {
		free(t->cells);
		free(t->nums);
		free(t->marks);
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
			if (v && w->rkinds[i] != WD_GROUP && w->kinds[c] == WD_NUM) /* not a year */
				t->nums[(size_t)i * t->ncols + c] = value(v);
			if (v && w->rkinds[i] != WD_GROUP && w->kinds[c] == WD_STATUS)
				t->marks[(size_t)i * t->ncols + c] = status_key(v);
		}
	}
	return t;
}

int rdoc_from_wp(rdoc *d, const wp_doc *w, actip_err *err)
{
	memset(d, 0, sizeof *d);
	d->title = w->title;
	d->cover = w->subtitle ? w->subtitle : "";
	d->conventions = _("Rates are exact ratios rounded half away from zero to one decimal; "
			   "a dash (\xE2\x80\x93) means there is no denominator.");
	d->landscape = true;
	d->sheet_text = true; /* the consultation's and the rates' sentences are facts */
	d->zero_digit = true; /* a count of 0 is "0": the dash means no denominator */
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

/* Builds the report document of w and renders it by one of the report's writers, to
 * out or to path. */
static int render(const wp_doc *w, FILE *out, const char *path,
		  int (*to_file)(FILE *, const rdoc *, actip_err *),
		  int (*to_path)(const char *, const rdoc *, actip_err *), actip_err *err)
{
	rdoc d;
	int rc = rdoc_from_wp(&d, w, err);
	if (rc)
		return rc;
	rc = to_file ? to_file(out, &d, err) : to_path(path, &d, err);
	rdoc_free(&d);
	return rc;
}

int rdoc_write_wp_html(FILE *out, const wp_doc *w, actip_err *err)
{
	return render(w, out, NULL, rdoc_write_html, NULL, err);
}

int rdoc_write_wp_md(FILE *out, const wp_doc *w, actip_err *err)
{
	return render(w, out, NULL, rdoc_write_md, NULL, err);
}

int rdoc_write_wp_docx(const char *path, const wp_doc *w, actip_err *err)
{
	return render(w, NULL, path, NULL, rdoc_write_docx, err);
}

int rdoc_write_wp_xlsx(const char *path, const wp_doc *w, actip_err *err)
{
	return render(w, NULL, path, NULL, rdoc_write_xlsx, err);
}
