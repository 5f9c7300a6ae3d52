/* The format table and the display rules shared by the human-readable formats. */
#include "report/report.h"

#include <string.h>

#include "core/num.h"

static const report_format formats[] = {
	{"json", "json", report_write_json, false, NULL},
	{"md", "md", report_write_md, true, NULL},
	{"html", "html", report_write_html, true, NULL},
	{"xlsx", "xlsx", NULL, true, report_write_xlsx},
	{"csv", "", NULL, true, report_write_csv},
};

/* By name. */
const report_format *report_format_find(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

/* "json|md|html", from the table above. */
const char *report_format_names(void)
{
	static char names[64];
	if (!names[0])
		for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
			if (i)
				strncat(names, "|", sizeof names - strlen(names) - 1);
			strncat(names, formats[i].name, sizeof names - strlen(names) - 1);
		}
	return names;
}

#define EN_DASH "\xE2\x80\x93"

/* One displayed cell. */
void report_cell_text(const rt_table *t, const rt_row *r, int c, char *buf, size_t size)
{
	if (r->null[c]) {
		snprintf(buf, size, EN_DASH);
		return;
	}
	switch (t->cols[c].kind) {
	case COL_COUNT:
		if (r->v[c] == 0)
			snprintf(buf, size, EN_DASH);
		else
			num_format_count(buf, size, r->v[c]);
		break;
	case COL_PCT0:
		snprintf(buf, size, "%lld%%", (long long)r->v[c]);
		break;
	case COL_PCT0_BARE:
		snprintf(buf, size, "%lld", (long long)r->v[c]);
		break;
	}
}

/* "422 (151 female, 265 male, 6 other)", leaving out zero parts. */
void report_respondents_text(const rt_row *r, char *buf, size_t size)
{
	static const char *const sex[] = {"female", "male", "other"};
	char n[32];
	num_format_count(n, sizeof n, r->v[0]);
	size_t o = (size_t)snprintf(buf, size, "%s", n);
	bool open = false;
	for (int i = 0; i < 3 && o < size; i++) {
		if (r->v[1 + i] == 0)
			continue;
		num_format_count(n, sizeof n, r->v[1 + i]);
		o += (size_t)snprintf(buf + o, size - o, "%s%s %s", open ? ", " : " (", n, sex[i]);
		open = true;
	}
	if (open && o < size)
		snprintf(buf + o, size - o, ")");
}

/* Percentage row cell: two decimals with %, "100%" in the total column. */
void report_pct_row_text(const rt_table *t, int c, char *buf, size_t size)
{
	if (t->pct_row_null) {
		snprintf(buf, size, EN_DASH);
		return;
	}
	if (c == 3) {
		snprintf(buf, size, "100%%");
		return;
	}
	char v[32];
	num_format_scaled(v, sizeof v, t->pct_row[c], 2);
	snprintf(buf, size, "%s%%", v);
}

/* The visible columns' keys and labels. */
int report_disp_headings(const rt_table *t, const char **keys, const char **labels)
{
	int n = 0;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hidden)
			continue;
		keys[n] = t->cols[c].key;
		labels[n] = t->cols[c].label;
		n++;
	}
	return n;
}

/* One row as display strings: data rows, the Total row, then the Percentage row. */
bool report_disp_row(const rt_table *t, int i, disp_row *out)
{
	out->ncells = 0;
	if (i < t->nrows) {
		const rt_row *r = &t->rows[i];
		out->kind = strcmp(r->key, "TOTAL") == 0 ? DISP_TOTAL : DISP_ROW;
		out->key = r->key;
		out->label = r->label;
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].hidden)
				continue;
			char *cell = out->cells[out->ncells++];
			if (c == 0 && t->respondents_col)
				report_respondents_text(r, cell, sizeof out->cells[0]);
			else
				report_cell_text(t, r, c, cell, sizeof out->cells[0]);
		}
		return true;
	}
	if (i > t->nrows || !t->has_pct_row)
		return false;
	out->kind = DISP_PERCENTAGE;
	out->key = "percentage";
	out->label = "Percentage";
	for (int c = 0; c < t->ncols; c++) {
		char *cell = out->cells[out->ncells++];
		if (c < 4)
			report_pct_row_text(t, c, cell, sizeof out->cells[0]);
		else
			cell[0] = '\0';
	}
	return true;
}
