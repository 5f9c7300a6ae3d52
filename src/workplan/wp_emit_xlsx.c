/* The XLSX writer of a work-plan document, through libxlsxwriter: one worksheet per
 * section, its tables one under another (caption, header row, rows), wrapped text and
 * frozen headers. Cells are written as strings (never formulas), and the library escapes
 * them for XML; counts are written as numbers and rates ("66.7%", wd_rate) as fractions
 * in the "0.0%" format, so a spreadsheet can sum and sort them. Each sheet prints on A4
 * landscape, fitted to the page width, with its first table's header row repeated on
 * every page and the page numbers in the footer. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/sheet.h"
#include "workplan/wp_doc.h"

/* True when s is a plain whole number (written as a number cell). */
static bool is_count(const char *s)
{
	if (!s || !*s || strlen(s) > 9)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* True when s is a rate as wd_rate writes it, "66.7%" (one decimal); *v its fraction. */
static bool is_rate(const char *s, double *v)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 4 || n > 7 || s[n - 1] != '%' || s[n - 3] != '.')
		return false;
	for (size_t i = 0; i + 1 < n; i++)
		if ((s[i] < '0' || s[i] > '9') && i != n - 3)
			return false;
	*v = atof(s) / 100.0;
	return true;
}

/* A sheet name from a section title: at most 31 characters, none of []:*?/\. */
static void sheet_name(const char *title, int i, char *buf, size_t size)
{
	char clean[32];
	size_t n = 0;
	for (const char *p = title; *p && n < 27; p++)
		if (!strchr("[]:*?/\\", *p))
			clean[n++] = *p;
	while (n > 0 && ((unsigned char)clean[n - 1] & 0xC0) == 0x80)
		n--; /* do not end inside a UTF-8 sequence */
	if (n > 0 && ((unsigned char)clean[n - 1] & 0xC0) == 0xC0)
		n--;
	clean[n] = '\0';
	snprintf(buf, size, "%d %s", (i + 1) % 100, clean);
}

/* Writes the document to path. */
int wp_write_xlsx(const char *path, const wp_doc *d, actip_err *err)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return err_set(err, ACTIP_EIO, "%s: cannot create the workbook", path);
	lxw_format *title = workbook_add_format(wb), *cap = workbook_add_format(wb),
		   *head = workbook_add_format(wb), *wrap = workbook_add_format(wb),
		   *group = workbook_add_format(wb), *total = workbook_add_format(wb),
		   *rate = workbook_add_format(wb), *rate_total = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);
	format_set_bold(cap);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_bg_color(head, 0xF3F6F9);
	format_set_bottom(head, LXW_BORDER_THIN);
	format_set_align(head, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(group);
	format_set_font_color(group, LXW_COLOR_WHITE);
	format_set_bg_color(group, 0x0B5C8A);
	format_set_bold(total);
	format_set_text_wrap(total);
	format_set_num_format(rate, "0.0%");
	format_set_align(rate, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(rate_total, "0.0%");
	format_set_bold(rate_total);
	for (int i = 0; i < d->nsecs; i++) {
		const wd_section *s = &d->secs[i];
		char name[64];
		sheet_name(s->title, i, name, sizeof name);
		lxw_worksheet *ws = workbook_add_worksheet(wb, name);
		if (!ws)
			continue;
		bool repeated = false;
		worksheet_set_column(ws, 0, 0, 14, wrap);
		worksheet_set_column(ws, 1, WP_DOC_MAX_COLS, 16, wrap);
		lxw_row_t r = 0;
		sheet_print_setup(ws, -1, true); /* again with the first table's header row */
		worksheet_write_string(ws, r++, 0, i == 0 ? d->title : s->title, title);
		if (i == 0)
			worksheet_write_string(ws, r++, 0, d->subtitle, NULL);
		r++;
		for (int b = 0; b < s->nblocks; b++) {
			const wd_block *bl = &s->blocks[b];
			if (bl->para) {
				worksheet_write_string(ws, r++, 0, bl->para, NULL);
				continue;
			}
			const wd_table *t = bl->table;
			if (!t)
				continue;
			worksheet_write_string(ws, r++, 0, t->caption ? t->caption : "", cap);
			if (!repeated)
				sheet_print_setup(ws, (int)r, true);
			repeated = true;
			for (int c = 0; c < t->ncols; c++) {
				worksheet_write_string(ws, r, (lxw_col_t)c, t->heads[c] ? t->heads[c] : "", head);
				if (t->kinds[c] == WD_WIDE)
					worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 40, wrap);
			}
			r++;
			for (int k = 0; k < t->nrows; k++, r++) {
				const char *const *row = &t->cells[(size_t)k * (size_t)t->ncols];
				if (t->rkinds[k] == WD_GROUP) {
					worksheet_merge_range(ws, r, 0, r, (lxw_col_t)(t->ncols - 1),
							      row[0] ? row[0] : "", group);
					continue;
				}
				lxw_format *f = t->rkinds[k] == WD_TOTAL ? total : wrap;
				for (int c = 0; c < t->ncols; c++) {
					if (!row[c])
						continue;
					double v;
					if (is_count(row[c]))
						worksheet_write_number(ws, r, (lxw_col_t)c, atof(row[c]), f);
					else if (is_rate(row[c], &v))
						worksheet_write_number(ws, r, (lxw_col_t)c, v,
								       f == total ? rate_total : rate);
					else
						worksheet_write_string(ws, r, (lxw_col_t)c, row[c], f);
				}
			}
			if (t->note)
				worksheet_write_string(ws, r++, 0, t->note, NULL);
			r++;
		}
	}
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR)
		return err_set(err, ACTIP_EIO, "%s: cannot write the workbook: %s", path,
			       lxw_strerror(e));
	return ACTIP_OK;
}
