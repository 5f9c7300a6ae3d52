/* The indicator performance tracking table in JSON, Markdown, HTML and XLSX. The rows a
 * person reads are built once (ind_disp_build: one row per indicator, then one per
 * country of a country-disaggregated indicator) and every human-readable writer only
 * lays them out, so the formats cannot disagree. JSON carries the numerators and
 * denominators of every percentage; text goes through the escape helpers of
 * core/escape.h (HTML, Markdown, spreadsheet). */
#include "indicators/ind_emit.h"

#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/escape.h"
#include "core/sheet.h"

#define EN_DASH "\xE2\x80\x93"

/* ---- display rows ------------------------------------------------------------- */

/* Column keys of the displayed table (labels of target and actual name the period). */
static const char *const COL_KEYS[IND_DISP_COLS] = {"baseline", "target", "actual",
						    "pct_achieved", "female", "male", "other",
						    "disability"};

/* The headings for period p into labels (storage in buf). */
void ind_disp_headings(ind_period p, char labels[IND_DISP_COLS][32])
{
	char per[16];
	ind_period_format(p, per, sizeof per);
	snprintf(labels[0], 32, "Baseline");
	snprintf(labels[1], 32, "Target %s", per);
	snprintf(labels[2], 32, "Actual %s", per);
	snprintf(labels[3], 32, "%% of target");
	for (int i = 0; i < IND_NSEX; i++)
		snprintf(labels[4 + i], 32, "%s", ind_sex_labels[i]);
	snprintf(labels[IND_DISP_DISABILITY], 32, "With disability");
}

/* The key of column c. */
const char *ind_disp_key(int c)
{
	return COL_KEYS[c];
}

/* One indicator's row. */
static void indicator_row(const ind_row *r, ind_disp *o)
{
	const ind_def *d = r->def;
	memset(o, 0, sizeof *o);
	o->country = false;
	o->row = r;
	snprintf(o->label, sizeof o->label, "%s %s", d->code, d->title);
	if (d->has_baseline) {
		char v[48];
		ind_micro_text(d, d->baseline_micro, v, sizeof v);
		snprintf(o->cells[0], sizeof o->cells[0], "%s (%d)", v, d->baseline_year);
	} else
		snprintf(o->cells[0], sizeof o->cells[0], EN_DASH);
	if (r->has_target)
		ind_micro_text(d, r->target_micro, o->cells[1], sizeof o->cells[1]);
	else
		snprintf(o->cells[1], sizeof o->cells[1], EN_DASH);
	ind_amount_text(d, &r->actual.total, true, o->cells[2], sizeof o->cells[2]);
	if (r->has_pct)
		snprintf(o->cells[3], sizeof o->cells[3], "%lld%%", (long long)r->pct);
	else
		snprintf(o->cells[3], sizeof o->cells[3], EN_DASH);
	for (int x = 0; x < IND_NSEX; x++)
		if (d->by_sex)
			ind_amount_text(d, &r->actual.sex[x], false, o->cells[4 + x], sizeof o->cells[0]);
	if (d->by_disability)
		ind_amount_text(d, &r->actual.disability, false, o->cells[IND_DISP_DISABILITY],
				sizeof o->cells[0]);
}

/* Builds the display rows of t; returns their number (*rows malloc'd). */
size_t ind_disp_build(const ind_table *t, ind_disp **rows)
{
	size_t cap = t->n * (1 + IND_NCOUNTRY) + 1, n = 0;
	*rows = calloc(cap, sizeof **rows);
	if (!*rows)
		return 0;
	for (size_t i = 0; i < t->n; i++) {
		const ind_row *r = &t->rows[i];
		indicator_row(r, &(*rows)[n++]);
		if (!r->def->by_country)
			continue;
		/* countries in report order: country_table is already in rank order */
		for (int c = 0; c < IND_NCOUNTRY && country_table[c].code; c++) {
			const ind_amount *a = &r->actual.country[c];
			if (!a->set || (a->num == 0 && a->den == 0))
				continue;
			ind_disp *o = &(*rows)[n++];
			memset(o, 0, sizeof *o);
			o->country = true;
			o->row = r;
			o->country_code = country_table[c].code;
			snprintf(o->label, sizeof o->label, "%s", country_table[c].name);
			ind_amount_text(r->def, a, true, o->cells[2], sizeof o->cells[2]);
		}
	}
	return n;
}

/* ---- JSON --------------------------------------------------------------------- */

/* A millionths value as an integer when whole, else a real. */
static json_t *micro_json(int64_t micro)
{
	if (micro % IND_MICRO == 0)
		return json_integer(micro / IND_MICRO);
	return json_real((double)micro / IND_MICRO);
}

/* {"value": v} plus numerator and denominator for percentages; value null when none.
 * A percentage's value is rounded to a whole percent, as displayed. */
static json_t *amount_json(const ind_def *d, const ind_amount *a)
{
	json_t *o = json_object();
	int64_t micro;
	if (d->percentage && a->set && a->den) {
		int64_t pct = 0;
		num_pct_scaled(a->num, a->den, 0, &pct);
		json_object_set_new(o, "value", json_integer(pct));
	} else if (ind_amount_micro(d, a, &micro))
		json_object_set_new(o, "value", micro_json(micro));
	else
		json_object_set_new(o, "value", json_null());
	if (d->percentage) {
		json_object_set_new(o, "numerator", a->set ? json_integer(a->num) : json_null());
		json_object_set_new(o, "denominator", a->set ? json_integer(a->den) : json_null());
	}
	return o;
}

/* Text or null. */
static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* One indicator. */
static json_t *row_json(const ind_row *r)
{
	const ind_def *d = r->def;
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(d->code));
	json_object_set_new(o, "title", json_string(d->title));
	json_object_set_new(o, "outcome", str_or_null(d->outcome));
	json_object_set_new(o, "unit", json_string(d->percentage ? "percentage" : "number"));
	json_object_set_new(o, "ascending", json_boolean(d->ascending));
	json_object_set_new(o, "cumulative", json_boolean(d->cumulative));
	json_object_set_new(o, "measure", str_or_null(d->measure));
	json_t *f = json_object();
	const char *fk[] = {"type", "country", "project", "outcome"};
	const char *fv[] = {d->f_type, d->f_country, d->f_project, d->f_outcome};
	for (int i = 0; i < 4; i++)
		if (fv[i])
			json_object_set_new(f, fk[i], json_string(fv[i]));
	json_object_set_new(o, "filters", f);
	json_object_set_new(o, "baseline", d->has_baseline
		? json_pack("{s:i, s:o}", "year", d->baseline_year, "value", micro_json(d->baseline_micro))
		: json_null());
	json_object_set_new(o, "target", r->has_target ? micro_json(r->target_micro) : json_null());
	json_object_set_new(o, "actual", amount_json(d, &r->actual.total));
	json_object_set_new(o, "pct_achieved", r->has_pct ? json_integer(r->pct) : json_null());
	if (d->by_sex) {
		json_t *s = json_object();
		for (int x = 0; x < IND_NSEX; x++)
			json_object_set_new(s, ind_sex_keys[x], amount_json(d, &r->actual.sex[x]));
		json_object_set_new(o, "by_sex", s);
	}
	if (d->by_disability)
		json_object_set_new(o, "disability", amount_json(d, &r->actual.disability));
	if (d->by_country) {
		json_t *c = json_object();
		for (int k = 0; k < IND_NCOUNTRY && country_table[k].code; k++) {
			const ind_amount *a = &r->actual.country[k];
			if (a->set && (a->num || a->den))
				json_object_set_new(c, country_table[k].code, amount_json(d, a));
		}
		json_object_set_new(o, "by_country", c);
	}
	return o;
}

/* The table as a JSON object. */
json_t *ind_table_json(const ind_table *t)
{
	char per[16];
	ind_period_format(t->period, per, sizeof per);
	json_t *rows = json_array();
	for (size_t i = 0; i < t->n; i++)
		json_array_append_new(rows, row_json(&t->rows[i]));
	return json_pack("{s:s, s:o}", "period", per, "indicators", rows);
}

/* ---- Markdown ----------------------------------------------------------------- */

/* The table as a pipe table with a note. */
void ind_write_md(FILE *out, const ind_table *t)
{
	if (!t->n) {
		fputs("No indicators are defined (indicators.csv).\n\n", out);
		return;
	}
	char labels[IND_DISP_COLS][32];
	ind_disp_headings(t->period, labels);
	fputs("| Indicator |", out);
	for (int c = 0; c < IND_DISP_COLS; c++) {
		fputc(' ', out);
		esc_md_cell(out, labels[c]);
		fputs(" |", out);
	}
	fputs("\n|:---|", out);
	for (int c = 0; c < IND_DISP_COLS; c++)
		fputs("---:|", out);
	fputc('\n', out);
	ind_disp *rows;
	size_t n = ind_disp_build(t, &rows);
	for (size_t i = 0; i < n; i++) {
		fputs(rows[i].country ? "| &nbsp;&nbsp;" : "| **", out);
		if (!rows[i].country) {
			esc_md_cell(out, rows[i].row->def->code);
			fputs("** ", out);
			esc_md_cell(out, rows[i].row->def->title);
		} else
			esc_md_cell(out, rows[i].label);
		fputs(" |", out);
		for (int c = 0; c < IND_DISP_COLS; c++) {
			fputc(' ', out);
			esc_md_cell(out, rows[i].cells[c]);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	free(rows);
	fputs("\n" IND_NOTE "\n\n", out);
}

/* ---- HTML --------------------------------------------------------------------- */

/* The table as an HTML figure (id "indicator-tracking"). */
void ind_write_html(FILE *out, const ind_table *t)
{
	char per[16];
	ind_period_format(t->period, per, sizeof per);
	fputs("<figure class=\"table\" id=\"indicator-tracking\">\n<figcaption>"
	      "Indicator performance tracking, ", out);
	esc_html_text(out, per);
	fputs("</figcaption>\n", out);
	if (!t->n) {
		fputs("<p>No indicators are defined (indicators.csv).</p>\n</figure>\n", out);
		return;
	}
	char labels[IND_DISP_COLS][32];
	ind_disp_headings(t->period, labels);
	fputs("<div class=\"scroll\"><table class=\"indicators\">\n<thead><tr>"
	      "<th scope=\"col\">Indicator</th>", out);
	for (int c = 0; c < IND_DISP_COLS; c++) {
		fputs("<th scope=\"col\" data-col=\"", out);
		esc_html_attr(out, COL_KEYS[c]);
		fputs("\">", out);
		esc_html_text(out, labels[c]);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	ind_disp *rows;
	size_t n = ind_disp_build(t, &rows);
	for (size_t i = 0; i < n; i++) {
		const ind_disp *d = &rows[i];
		fputs(d->country ? "<tr class=\"sub\" data-key=\"" : "<tr data-key=\"", out);
		esc_html_attr(out, d->row->def->code);
		if (d->country) {
			fputs("/", out);
			esc_html_attr(out, d->country_code);
		}
		fputs("\"><th scope=\"row\" class=\"l\">", out);
		if (d->country)
			esc_html_text(out, d->label);
		else {
			fputs("<b>", out);
			esc_html_text(out, d->row->def->code);
			fputs("</b> ", out);
			esc_html_text(out, d->row->def->title);
			if (d->row->def->outcome) {
				fputs(" <span class=\"muted\">(", out);
				esc_html_text(out, d->row->def->outcome);
				fputs(d->row->def->cumulative ? ", cumulative)</span>" : ")</span>", out);
			}
		}
		fputs("</th>", out);
		for (int c = 0; c < IND_DISP_COLS; c++) {
			fputs("<td>", out);
			esc_html_text(out, d->cells[c]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	free(rows);
	fputs("</tbody></table></div>\n<p class=\"note\">", out);
	esc_html_text(out, IND_NOTE);
	fputs("</p>\n</figure>\n", out);
}

/* ---- XLSX --------------------------------------------------------------------- */

/* Text through the formula guard. */
static void xtext(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	char *g = esc_sheet_text(s ? s : "");
	if (g)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, g, f);
	free(g);
}

/* A millionths value of d's unit as a number (percentages as fractions). */
static void xmicro(lxw_worksheet *ws, int row, int col, const ind_def *d, int64_t micro,
		   const ind_xlsx_formats *F)
{
	double v = (double)micro / IND_MICRO;
	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, d->percentage ? v / 100 : v,
			       d->percentage ? F->pct : F->number);
}

/* An amount as a number, "–" when none. */
static void xamount(lxw_worksheet *ws, int row, int col, const ind_def *d, const ind_amount *a,
		    const ind_xlsx_formats *F)
{
	int64_t micro;
	if (ind_amount_micro(d, a, &micro))
		xmicro(ws, row, col, d, micro, F);
	else
		xtext(ws, row, col, EN_DASH, F->dash);
}

/* The table on its own sheet: numbers stored as numbers, percentages as fractions. */
void ind_write_xlsx_sheet(lxw_workbook *wb, const ind_table *t, const ind_xlsx_formats *F)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Indicators");
	char per[16], title[80];
	ind_period_format(t->period, per, sizeof per);
	snprintf(title, sizeof title, "Indicator performance tracking, %s", per);
	xtext(ws, 0, 0, title, F->title);
	xtext(ws, 1, 0, IND_NOTE, NULL);
	char labels[IND_DISP_COLS][32];
	ind_disp_headings(t->period, labels);
	const int hr = 3;
	xtext(ws, hr, 0, "Code", F->head);
	xtext(ws, hr, 1, "Indicator", F->head);
	for (int c = 0; c < IND_DISP_COLS; c++)
		xtext(ws, hr, 2 + c, labels[c], F->head);
	xtext(ws, hr, 2 + IND_DISP_COLS, "Numerator", F->head);
	xtext(ws, hr, 3 + IND_DISP_COLS, "Denominator", F->head);
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	worksheet_set_column(ws, 2, 3 + IND_DISP_COLS, 13, NULL);
	worksheet_freeze_panes(ws, hr + 1, 2);
	sheet_print_setup(ws, hr, true);
	ind_disp *rows;
	size_t n = ind_disp_build(t, &rows);
	for (size_t i = 0; i < n; i++) {
		const ind_disp *dr = &rows[i];
		const ind_row *r = dr->row;
		const ind_def *d = r->def;
		int row = hr + 1 + (int)i;
		xtext(ws, row, 0, dr->country ? dr->country_code : d->code, NULL);
		xtext(ws, row, 1, dr->country ? dr->label : d->title, NULL);
		const ind_amount *a = &r->actual.total;
		if (dr->country) {
			for (int k = 0; k < IND_NCOUNTRY && country_table[k].code; k++)
				if (country_table[k].code == dr->country_code)
					a = &r->actual.country[k];
		} else {
			if (d->has_baseline)
				xmicro(ws, row, 2, d, d->baseline_micro, F);
			if (r->has_target)
				xmicro(ws, row, 3, d, r->target_micro, F);
			if (r->has_pct)
				worksheet_write_number(ws, (lxw_row_t)row, 5, (double)r->pct / 100, F->pct);
			else
				xtext(ws, row, 5, EN_DASH, F->dash);
			for (int x = 0; x < IND_NSEX && d->by_sex; x++)
				xamount(ws, row, 6 + x, d, &r->actual.sex[x], F);
			if (d->by_disability)
				xamount(ws, row, 2 + IND_DISP_DISABILITY, d, &r->actual.disability, F);
		}
		xamount(ws, row, 4, d, a, F);
		if (d->percentage && a->set) {
			worksheet_write_number(ws, (lxw_row_t)row, 2 + IND_DISP_COLS, (double)a->num, F->number);
			worksheet_write_number(ws, (lxw_row_t)row, 3 + IND_DISP_COLS, (double)a->den, F->number);
		}
	}
	free(rows);
}
