/* XLSX form of the report (libxlsxwriter), rendered from the report's document
 * (rdoc.h) in its order: Tables 1-7 a sheet each, the indicator tracking table, a
 * sheet per country's profile (its key figures and its projects) and a sheet per
 * section with tables (project status by country, the surveys, the trends, About the
 * ACTIP, ...), its tables one under the other, each cell its typed value
 * (counts as numbers, rates as fractions in % format, text as text); then the records
 * behind it: the year's projects, the expenditure, the achievements and the
 * data-quality findings. Each table sheet has its title and source above the
 * table, a bold header row frozen in place, and every number stored as a number with a
 * number format: counts "#,##0" showing zero as an en dash, whole percentages as
 * fractions formatted "0%", the Percentage row "0.00%", Table 5's percentages as
 * plain whole numbers (the report prints them without a % sign). A percentage with no
 * denominator is the text "–". Text cells from the records that a spreadsheet could
 * take for a formula get a leading ' (esc_sheet_text). The project status and the
 * expenditure have sheets of their own; every sheet prints on A4 fitted to the page
 * width with its header row repeated. The public tables
 * (--suppress-below) are their own document, rendered by the same walk: the same five
 * sheets alone, with the sentence on suppression above each table and every suppressed
 * cell the text "<K": never the number, not as a hidden value, a formula or a cached
 * result. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/i18n.h"
#include "core/escape.h"
#include "core/sheet.h"
#include "indicators/ind_emit.h"
#include "report/rdoc.h"
#include "report/report.h"

#define EN_DASH "\xE2\x80\x93"

typedef struct fmts {
	lxw_format *title, *head, *count, *count0, *pct, *pct1, *pct2, *bare, *text, *wrap, *total;
} fmts;

/* Writes text through the formula guard. */
static void text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	char *g = esc_sheet_text(s ? s : "");
	if (g)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, g, f);
	free(g);
}

/* One table on its own sheet; every JSON column is a column (table 5's parts too). The
 * cells mask withholds (mask NULL: none) are the text "<K", and remark (NULL: none) is
 * the line above the table. */
static void table_sheet(lxw_workbook *wb, const fmts *F, const rt_table *t, const report_mask *mask,
			const char *remark, int n)
{
	char lt[16];
	snprintf(lt, sizeof lt, "<%d", mask ? mask->k : 0);
	char name[16];
	snprintf(name, sizeof name, "Table %d", n);
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	char title[1024];
	snprintf(title, sizeof title, _("Table %d"), n);
	strncat(title, " ", sizeof title - strlen(title) - 1);
	strncat(title, t->title, sizeof title - strlen(title) - 1);
	text(ws, 0, 0, title, F->title);
	char src[2048];
	snprintf(src, sizeof src, "%s %s%s%s%s", _("Source:"), t->source, t->note ? " " : "",
		 t->note ? _("Note:") : "", t->note ? " " : "");
	strncat(src, t->note ? t->note : "", sizeof src - strlen(src) - 1);
	text(ws, 1, 0, src, NULL);
	if (remark)
		text(ws, 2, 0, remark, NULL);
	const int hr = 3;
	text(ws, hr, 0, _("Country/region"), F->head);
	for (int c = 0; c < t->ncols; c++)
		text(ws, hr, c + 1, t->cols[c].label, F->head);
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)t->ncols, 14, NULL);
	worksheet_freeze_panes(ws, hr + 1, 1);
	sheet_print_setup(ws, hr, t->ncols > 6);
	for (int i = 0; i < t->nrows; i++) {
		const rt_row *r = &t->rows[i];
		int row = hr + 1 + i;
		bool total = strcmp(r->key, "TOTAL") == 0;
		text(ws, row, 0, r->label, total ? F->total : NULL);
		for (int c = 0; c < t->ncols; c++) {
			lxw_col_t col = (lxw_col_t)(c + 1);
			if (mask && mask->cell && mask->cell[i][c]) {
				text(ws, row, c + 1, lt, F->text);
				continue;
			}
			if (r->null[c]) {
				text(ws, row, c + 1, EN_DASH, F->text);
				continue;
			}
			switch (t->cols[c].kind) {
			case COL_COUNT:
				worksheet_write_number(ws, (lxw_row_t)row, col, (double)r->v[c], F->count);
				break;
			case COL_PCT0:
				worksheet_write_number(ws, (lxw_row_t)row, col, (double)r->v[c] / 100.0, F->pct);
				break;
			case COL_PCT0_BARE:
				worksheet_write_number(ws, (lxw_row_t)row, col, (double)r->v[c], F->bare);
				break;
			}
		}
	}
	if (t->has_pct_row) {
		int row = hr + 1 + t->nrows;
		text(ws, row, 0, _("Percentage"), NULL);
		for (int c = 0; c < 3; c++) {
			if (mask && mask->pct_row)
				text(ws, row, c + 1, lt, F->text);
			else if (t->pct_row_null)
				text(ws, row, c + 1, EN_DASH, F->text);
			else
				worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(c + 1),
						       (double)t->pct_row[c] / 10000.0, F->pct2);
		}
	}
}

/* The achievements of the year: id, country, project, partner, outcomes, counts, text. */
static void achievements_sheet(lxw_workbook *wb, const fmts *F, const annual_report *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Achievements");
	static const char *const head[] = {"Id", "Country", "Project", "Partner", "Outcomes",
					   "Total", "Female", "Male", "Other", "Text (Markdown)"};
	char title[80];
	snprintf(title, sizeof title, "Achievements recorded for %d", r->year);
	text(ws, 0, 0, title, F->title);
	for (int c = 0; c < 10; c++)
		text(ws, 2, c, head[c], F->head);
	worksheet_freeze_panes(ws, 3, 1);
	sheet_print_setup(ws, 2, true);
	worksheet_set_column(ws, 0, 4, 14, NULL);
	worksheet_set_column(ws, 9, 9, 90, F->wrap);
	for (size_t i = 0; i < r->nach; i++) {
		const ann_achievement *a = &r->ach[i];
		int row = 3 + (int)i;
		text(ws, row, 0, a->id, NULL);
		text(ws, row, 1, a->country, NULL);
		text(ws, row, 2, a->project, NULL);
		text(ws, row, 3, a->partner, NULL);
		text(ws, row, 4, a->outcomes, NULL);
		for (int k = 0; k < 4; k++)
			if (a->has[k])
				worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(5 + k),
						       (double)a->n[k], F->count);
		text(ws, row, 9, a->text, F->wrap);
	}
}

/* Every project with a status for the year: code, title, country, focus, partner and
 * its status, in the report's order (the rows the status table counts). */
static void status_sheet(lxw_workbook *wb, const fmts *F, const annual_report *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Project status");
	char title[80];
	snprintf(title, sizeof title, "Project status in %d", r->year);
	text(ws, 0, 0, title, F->title);
	char sentence[2048];
	annual_status_sentence(r, sentence, sizeof sentence);
	text(ws, 1, 0, sentence, NULL);
	static const char *const head[] = {"Project", "Title", "Country/region", "Focus",
					   "Partner", "Status"};
	for (int c = 0; c < 6; c++)
		text(ws, 3, c, head[c], F->head);
	worksheet_freeze_panes(ws, 4, 1);
	sheet_print_setup(ws, 3, true);
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 60, F->wrap);
	worksheet_set_column(ws, 2, 5, 18, NULL);
	for (size_t i = 0; i < r->nprojects; i++) {
		const ann_project *p = &r->projects[i];
		int row = 4 + (int)i;
		text(ws, row, 0, p->code, NULL);
		text(ws, row, 1, p->title, F->wrap);
		text(ws, row, 2, p->country, NULL);
		text(ws, row, 3, p->focus, NULL);
		text(ws, row, 4, p->partner, NULL);
		text(ws, row, 5, p->status_ix >= 0 ? ann_status_labels[p->status_ix] : "", NULL);
	}
}

/* Expenditure by year: year, currency, category and the amount as a number. */
static void expenditure_sheet(lxw_workbook *wb, const fmts *F, const annual_report *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Expenditure");
	text(ws, 0, 0, "Expenditure by year", F->title);
	static const char *const head[] = {"Year", "Currency", "Category", "Amount"};
	for (int c = 0; c < 4; c++)
		text(ws, 2, c, head[c], F->head);
	worksheet_freeze_panes(ws, 3, 0);
	sheet_print_setup(ws, 2, false);
	worksheet_set_column(ws, 0, 2, 12, NULL);
	worksheet_set_column(ws, 3, 3, 16, NULL);
	for (size_t i = 0; i < r->nspend; i++) {
		const ann_spend *e = &r->spend[i];
		lxw_row_t row = (lxw_row_t)(3 + i);
		worksheet_write_number(ws, row, 0, e->year, NULL);
		text(ws, (int)row, 1, e->currency, NULL);
		text(ws, (int)row, 2, e->category, NULL);
		worksheet_write_number(ws, row, 3, (double)e->micro / 1e6, F->count);
	}
}

/* The data-quality findings. */
static void quality_sheet(lxw_workbook *wb, const fmts *F, const annual_report *r)
{
	if (!r->quality)
		return;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Data quality");
	text(ws, 0, 0, "Data-quality findings", F->title);
	static const char *const head[] = {"What was checked", "Severity", "Record", "Finding"};
	for (int c = 0; c < 4; c++)
		text(ws, 2, c, head[c], F->head);
	worksheet_freeze_panes(ws, 3, 0);
	sheet_print_setup(ws, 2, true);
	worksheet_set_column(ws, 0, 0, 50, F->wrap);
	worksheet_set_column(ws, 1, 2, 22, NULL);
	worksheet_set_column(ws, 3, 3, 100, F->wrap);
	for (size_t i = 0; i < r->quality->n; i++) {
		const check_finding *f = &r->quality->items[i];
		/* the check in a plain sentence, as the document's annex says it (not the
		 * rule's code, which is `actip check`'s) */
		text(ws, 3 + (int)i, 0, f->rule->plain ? f->rule->plain : f->rule->description, F->wrap);
		text(ws, 3 + (int)i, 1, f->rule->severity == CHECK_ERROR ? "error" : "warning", NULL);
		text(ws, 3 + (int)i, 2, f->subject, NULL);
		text(ws, 3 + (int)i, 3, f->message, NULL);
	}
}

/* Adds the formats of the table sheets to wb. */
static void formats_add(lxw_workbook *wb, fmts *F)
{
	F->title = workbook_add_format(wb);
	format_set_bold(F->title);
	format_set_font_size(F->title, 13);
	F->head = workbook_add_format(wb);
	format_set_bold(F->head);
	format_set_bottom(F->head, LXW_BORDER_THIN);
	format_set_text_wrap(F->head);
	F->count = workbook_add_format(wb);
	format_set_num_format(F->count, "#,##0;-#,##0;\"" EN_DASH "\"");
	F->pct = workbook_add_format(wb);
	format_set_num_format(F->pct, "0%;-0%;\"" EN_DASH "\"");
	F->count0 = workbook_add_format(wb);
	format_set_num_format(F->count0, "#,##0");
	F->pct1 = workbook_add_format(wb);
	format_set_num_format(F->pct1, "0.0%");
	F->pct2 = workbook_add_format(wb);
	format_set_num_format(F->pct2, "0.00%");
	F->bare = workbook_add_format(wb);
	format_set_num_format(F->bare, "0;-0;\"" EN_DASH "\"");
	F->text = workbook_add_format(wb);
	format_set_align(F->text, LXW_ALIGN_RIGHT);
	F->wrap = workbook_add_format(wb);
	format_set_text_wrap(F->wrap);
	F->total = workbook_add_format(wb);
	format_set_bold(F->total);
	/* a cell of several lines reads from the top, and so do its neighbours */
	lxw_format *top[] = {F->count, F->count0, F->pct, F->pct1, F->text, F->wrap, F->total};
	for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
		format_set_align(top[i], LXW_ALIGN_VERTICAL_TOP);
}

/* Closes wb, writing the file. */
static int close_workbook(lxw_workbook *wb, const char *path, actip_err *err)
{
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR)
		return err_set(err, ACTIP_EIO, "%s: %s", path, lxw_strerror(e));
	return ACTIP_OK;
}

/* A new workbook at path with the report's cell formats in F; NULL (err filled) when
 * it cannot be created. */
static lxw_workbook *open_workbook(const char *path, fmts *F, actip_err *err)
{
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		err_set(err, ACTIP_EIO, "%s: cannot create the workbook", path);
		return NULL;
	}
	formats_add(wb, F);
	return wb;
}

/* ---- the report's document as sheets ---------------------------------------------- */

/* What the walk over the document knows: the open section's title (a country's profile
 * is a section of its own, with its own sheet), its sheet and the next free row there, the label of the part or heading the next table sits under, and
 * the sheet names taken. */
typedef struct walk {
	lxw_workbook *wb;
	const fmts *F;
	const char *section, *label;
	bool country;                   /* the section is a country's profile */
	int width[RD_MAX_COLS];         /* the sheet's column widths, in characters */
	lxw_worksheet *ws;
	int next_row;
	char names[64][32];
	int nnames;
	bool zero_digit;                /* a zero count as 0 (rdoc's zero_digit) */
	const char *cover[2];           /* the document's title and the line under it, due on
					 * the first sheet (a document with sheet_text) */
	const char *pending[32];        /* paragraphs before the section's sheet is made */
	int npending;
} walk;

/* A sheet named after title (at most 31 characters, none of []:*?/\ , unique). */
static lxw_worksheet *named_sheet(walk *w, const char *title)
{
	char name[32] = "";
	size_t n = 0;
	for (const char *p = title; *p && n < 31; p++)
		name[n++] = strchr("[]:*?/\\", *p) ? '-' : *p;
	while (n && ((unsigned char)title[n] & 0xC0) == 0x80) /* no UTF-8 character cut */
		n--;
	name[n] = 0;
	for (int k = 2; k < 100; k++) {
		bool taken = false;
		for (int i = 0; i < w->nnames && !taken; i++)
			taken = strcmp(w->names[i], name) == 0;
		if (!taken)
			break;
		char tail[8];
		size_t len = (size_t)snprintf(tail, sizeof tail, " %d", k); /* " 2" to " 99" */
		size_t keep = n + len > 31 ? 31 - len : n;
		memcpy(name + keep, tail, len + 1);
	}
	if (w->nnames < 64)
		snprintf(w->names[w->nnames++], sizeof w->names[0], "%s", name);
	return workbook_add_worksheet(w->wb, name);
}

/* Cell k of row i of a document table, at column col: its number in its format, else
 * its text. */
static void doc_cell(lxw_worksheet *ws, const fmts *F, const rd_table *t, int i, int k, int row,
		     int col, lxw_format *bold, bool zero_digit)
{
	size_t at = (size_t)i * (size_t)t->ncols + (size_t)k;
	rd_num v = t->nums ? t->nums[at] : (rd_num){RD_TEXT, 0};
	if (v.type == RD_INT)
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, (double)v.v,
				       zero_digit ? F->count0 : F->count);
	else if (v.type == RD_RATE)
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, (double)v.v / 100.0, F->pct);
	else if (v.type == RD_RATE1)
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, (double)v.v / 1000.0, F->pct1);
	else
		text(ws, row, col, t->cells[at], col == 0 && bold ? bold : t->left[k] ? F->wrap : F->text);
}

/* The characters of s (UTF-8). */
static int chars(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The characters of the first n bytes of s (UTF-8). */
static int chars_n(const char *s, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* The characters of the longest line of s. */
static int widest(const char *s)
{
	int most = 0;
	for (const char *l = s; l;) {
		const char *nl = strchr(l, '\n');
		int n = nl ? chars_n(l, (size_t)(nl - l)) : chars(l);
		most = n > most ? n : most;
		l = nl ? nl + 1 : NULL;
	}
	return most;
}

/* Sets the height of a row whose wrapped cells (the columns pick[0..npick) of cells;
 * left NULL: every one, a header row, else the text columns) take more than one line at
 * the sheet's column widths, since a spreadsheet may not grow a row on opening. */
static void row_height(walk *w, int row, const char *const *cells, const int *pick, int npick,
		       const bool *left)
{
	int lines = 1;
	for (int j = 0; j < npick; j++) {
		if (left && !left[pick[j]])
			continue;
		int per = w->width[j] > 2 ? w->width[j] - 2 : 1; /* characters a line, roughly */
		int n = 0; /* each line of the cell wraps on its own */
		for (const char *l = cells[pick[j]]; l;) {
			const char *nl = strchr(l, '\n');
			int len = nl ? chars_n(l, (size_t)(nl - l)) : chars(l);
			n += len ? (len + per - 1) / per : 1;
			l = nl ? nl + 1 : NULL;
		}
		lines = n > lines ? n : lines;
	}
	if (lines > 1)
		worksheet_set_row(w->ws, (lxw_row_t)row, 15.0 * lines, NULL);
}

/* Makes the open section's sheet: its title (on the first sheet under the document's
 * title and cover line, a document with sheet_text), then the paragraphs kept for it. Returns the sheet, NULL when it cannot be made. */
static lxw_worksheet *section_sheet(walk *w)
{
	w->ws = named_sheet(w, w->section ? w->section : "Report");
	if (!w->ws)
		return NULL;
	int top = 0;
	if (w->cover[0]) {
		text(w->ws, top++, 0, w->cover[0], w->F->title);
		text(w->ws, top++, 0, w->cover[1], NULL);
		top++;
		w->cover[0] = NULL;
	}
	text(w->ws, top, 0, w->section, w->F->title);
	w->next_row = top + 2;
	for (int i = 0; i < w->npending; i++)
		text(w->ws, w->next_row++, 0, w->pending[i], NULL);
	if (w->npending)
		w->next_row++;
	w->npending = 0;
	return w->ws;
}

/* A paragraph of a document with sheet_text: on its section's sheet under what is
 * there, or kept until the sheet is made. */
static void para_cell(walk *w, const char *s)
{
	if (w->ws) {
		text(w->ws, w->next_row++, 0, s, NULL);
		return;
	}
	if (w->npending == (int)(sizeof w->pending / sizeof w->pending[0])) { /* never lost */
		if (!section_sheet(w))
			return;
		sheet_print_setup(w->ws, 0, true);
		text(w->ws, w->next_row++, 0, s, NULL);
		return;
	}
	w->pending[w->npending++] = s;
}

/* A section of paragraphs alone (sheet_text) gets its sheet when it ends. */
static void section_end(walk *w)
{
	if (w->npending && !w->ws && section_sheet(w))
		sheet_print_setup(w->ws, 0, true);
	w->npending = 0;
}

/* A table of the document on its section's sheet (made at the section's first table),
 * under the label of its part, with its header row; numbers as numbers. The columns
 * are pick[0..npick) (pick NULL: all). A country's sheet has a narrow first column
 * (numbers, project codes) and a wide second one (what a number counts, titles). */
static void doc_table(walk *w, const rd_table *t, const int *pick, int npick)
{
	const fmts *F = w->F;
	int all[RD_MAX_COLS];
	if (!pick) {
		for (int k = 0; k < t->ncols; k++)
			all[k] = k;
		pick = all;
		npick = t->ncols;
	}
	bool first = !w->ws;
	if (first) {
		if (!section_sheet(w))
			return;
		static const int country[] = {10, 55, 40, 16};
		for (int j = 0; j < RD_MAX_COLS; j++) {
			int most = 0; /* the longest text of the column, heading included */
			for (int i = -1; j < npick && i < t->nrows; i++) {
				if (i >= 0 && t->kinds && t->kinds[i] == RD_GROUP)
					continue; /* spans the table: its width is no column's */
				int n = widest(i < 0 ? t->heads[pick[j]] : t->cells[(size_t)i * t->ncols + pick[j]]);
				most = n > most ? n : most;
			}
			w->width[j] = w->country ? (j < 4 ? country[j] : 16)
				: j < npick && t->left[pick[j]] ? (most < 12 ? 12 : most > 60 ? 60 : most)
				: most + 2 < 12 ? 12 : most + 2 > 18 ? 18 : most + 2;
			worksheet_set_column(w->ws, (lxw_col_t)j, (lxw_col_t)j, w->width[j], NULL);
		}
	}
	lxw_worksheet *ws = w->ws;
	if (w->label) {
		text(ws, w->next_row++, 0, w->label, F->total);
		w->label = NULL;
	}
	int hr = w->next_row;
	for (int j = 0; j < npick; j++)
		text(ws, hr, j, t->heads[pick[j]], F->head);
	if (first) {
		worksheet_freeze_panes(ws, hr + 1, 1);
		sheet_print_setup(ws, hr, npick > 5);
	}
	row_height(w, hr, t->heads, pick, npick, NULL);
	for (int i = 0; i < t->nrows; i++) {
		int row = hr + 1 + i;
		if (t->kinds && t->kinds[i] == RD_GROUP) { /* its name in bold, across the row */
			text(ws, row, 0, t->cells[(size_t)i * t->ncols], F->total);
			continue;
		}
		row_height(w, row, &t->cells[(size_t)i * t->ncols], pick, npick, t->left);
		bool total = t->kinds && t->kinds[i] == RD_TOTAL;
		for (int j = 0; j < npick; j++)
			doc_cell(ws, F, t, i, pick[j], row, j, total ? F->total : NULL, w->zero_digit);
	}
	w->next_row = hr + t->nrows + 2;
}

int rdoc_write_xlsx(const char *path, const rdoc *d, actip_err *err)
{
	fmts F;
	lxw_workbook *wb = open_workbook(path, &F, err);
	if (!wb)
		return ACTIP_EIO;
	walk w = {.wb = wb, .F = &F, .zero_digit = d->zero_digit};
	if (d->sheet_text) {
		w.cover[0] = d->title;
		w.cover[1] = d->cover;
	}
	snprintf(w.names[w.nnames++], sizeof w.names[0], "%s", "Indicators");
	for (int i = 1; i <= 7; i++)
		snprintf(w.names[w.nnames++], sizeof w.names[0], "Table %d", i);
	static const char *const later[] = {"Project status", "Expenditure", "Achievements",
					    "Data quality"};
	for (size_t i = 0; i < sizeof later / sizeof later[0]; i++)
		snprintf(w.names[w.nnames++], sizeof w.names[0], "%s", later[i]);
	const annual_report *r = d->r;
	for (int i = 0; i < d->nblocks; i++) {
		const rd_block *b = &d->blocks[i];
		switch (b->kind) {
		case RB_OPEN:
			w.country = b->level == 3 && b->cls && strcmp(b->cls, "country") == 0;
			if (b->level == 2 || w.country) {
				section_end(&w);
				w.section = b->text;
				w.ws = NULL;
			}
			w.label = b->level == 3 && !w.country ? b->text : NULL;
			break;
		case RB_HEADING:
			w.label = b->text;
			break;
		case RB_PARA:
			if (d->sheet_text)
				para_cell(&w, b->text);
			break;
		case RB_FIGURE: /* a survey's table follows its figure: the survey's name */
			if (!w.label)
				w.label = b->fig->title;
			break;
		case RB_TABLE:
		case RB_FACTS:
			if (b->table && b->table->nrows)
				doc_table(&w, b->table, NULL, 0);
			break;
		case RB_PROJECTS: /* code, title, partner and the status's label */
			if (b->table && b->table->nrows)
				doc_table(&w, b->table, (const int[]){0, 1, 2, 4}, 4);
			break;
		case RB_RTABLE:
			table_sheet(wb, &F, b->rt, b->masked ? &b->mask : NULL,
				    b->masked ? b->text : NULL, b->n);
			break;
		case RB_INDICATORS:
			if (r) {
				ind_xlsx_formats IF = {F.title, F.head, workbook_add_format(wb), F.pct,
						       F.text};
				format_set_num_format(IF.number, "#,##0.##");
				ind_write_xlsx_sheet(wb, &r->indicators, &IF);
			}
			break;
		default:
			break;
		}
	}
	section_end(&w);
	/* the records behind the document: the year's projects, the expenditure, the
	 * achievements and the data-quality findings */
	if (r) {
		status_sheet(wb, &F, r);
		expenditure_sheet(wb, &F, r);
		achievements_sheet(wb, &F, r);
		quality_sheet(wb, &F, r);
	}
	return close_workbook(wb, path, err);
}

/* The whole report: its document as sheets. */
int report_write_xlsx(const char *path, const annual_report *r, actip_err *err)
{
	rdoc d;
	int rc = rdoc_build(&d, r, err);
	if (rc)
		return rc;
	rc = rdoc_write_xlsx(path, &d, err);
	rdoc_free(&d);
	return rc;
}

