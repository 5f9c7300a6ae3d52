/* The format table and the display rules shared by the human-readable formats. */
#include "report/report.h"

#include <string.h>

#include "core/i18n.h"
#include "core/num.h"
#include "report/rdoc.h"

static const report_format formats[] = {
	{"json", "json", report_write_json, false, NULL, rdoc_write_public_json, NULL,
	 "application/json"},
	{"md", "md", report_write_md, true, NULL, rdoc_write_md, NULL,
	 "text/markdown; charset=utf-8"},
	{"html", "html", report_write_html, true, NULL, rdoc_write_html, NULL,
	 "text/html; charset=utf-8"},
	{"xlsx", "xlsx", NULL, true, report_write_xlsx, NULL, rdoc_write_xlsx,
	 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"csv", "", NULL, true, report_write_csv, NULL, rdoc_write_public_csv, NULL},
	{"docx", "docx", NULL, true, report_write_docx, NULL, rdoc_write_docx,
	 "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
};

int report_write_public(const report_format *f, FILE *out, const char *path, const report_tables *t,
			const report_suppression *s, actip_err *err)
{
	rdoc d;
	int rc = rdoc_build_public(&d, t, s, err);
	if (rc)
		return rc;
	rc = f->write_path ? f->write_public_path(path, &d, err) : f->write_public(out, &d, err);
	rdoc_free(&d);
	return rc;
}

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

/* A count for the respondents text: "<k" when hide, else with separators. */
static void count_or_hidden(int64_t v, bool hide, int k, char *buf, size_t size)
{
	if (hide)
		snprintf(buf, size, "<%d", k);
	else
		num_format_count(buf, size, v);
}

/* "422 (151 female, 265 male, 6 other)", leaving out zero parts; the cells hide[c]
 * withholds (hide NULL: none) as "<k", and a withheld part is never left out, since
 * leaving it out would say it is zero. */
static void respondents(const rt_row *r, const bool *hide, int k, char *buf, size_t size)
{
	static const char *const sex[] = {N_("female"), N_("male"), N_("other")};
	char n[32];
	count_or_hidden(r->v[0], hide && hide[0], k, n, sizeof n);
	size_t o = (size_t)snprintf(buf, size, "%s", n);
	bool open = false;
	for (int i = 0; i < 3 && o < size; i++) {
		bool h = hide && hide[1 + i];
		if (r->v[1 + i] == 0 && !h)
			continue;
		count_or_hidden(r->v[1 + i], h, k, n, sizeof n);
		o += (size_t)snprintf(buf + o, size - o, "%s%s %s", open ? ", " : " (", n, _(sex[i]));
		open = true;
	}
	if (open && o < size)
		snprintf(buf + o, size - o, ")");
}

/* Table 5's respondents cell, nothing withheld. */
void report_respondents_text(const rt_row *r, char *buf, size_t size)
{
	respondents(r, NULL, 0, buf, size);
}

/* The sentence on what "<K" means. */
void report_suppression_sentence(int k, char *buf, size_t size)
{
	if (k == 2)
		snprintf(buf, size, "%s", _("Counts of 1, and the cells from which they could be worked back "
				    "(such as a total minus the other parts), are shown as \"<2\"."));
	else
		snprintf(buf, size, _("Counts from 1 to %d, and the cells from which they could be worked "
				    "back (such as a total minus the other parts), are shown as \"<%d\"."),
			 k - 1, k);
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
	num_format_decimal(v, sizeof v, t->pct_row[c], 2);
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

/* One row as display strings: data rows, the Total row, then the Percentage row. A
 * withheld cell is "<K" whatever its value, a zero too (an en dash would tell it). */
bool report_disp_row(const rt_table *t, const report_mask *mask, int i, disp_row *out)
{
	const size_t size = sizeof out->cells[0];
	out->ncells = 0;
	if (i < t->nrows) {
		const rt_row *r = &t->rows[i];
		const bool *hide = mask && mask->cell ? mask->cell[i] : NULL;
		out->kind = strcmp(r->key, "TOTAL") == 0 ? DISP_TOTAL : DISP_ROW;
		out->key = r->key;
		out->label = r->label;
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].hidden)
				continue;
			int n = out->ncells++;
			char *cell = out->cells[n];
			out->hidden[n] = hide && hide[c];
			if (c == 0 && t->respondents_col)
				respondents(r, hide, mask ? mask->k : 0, cell, size);
			else if (out->hidden[n])
				snprintf(cell, size, "<%d", mask->k);
			else
				report_cell_text(t, r, c, cell, size);
		}
		return true;
	}
	if (i > t->nrows || !t->has_pct_row)
		return false;
	out->kind = DISP_PERCENTAGE;
	out->key = "percentage";
	out->label = _("Percentage");
	for (int c = 0; c < t->ncols; c++) {
		int n = out->ncells++;
		char *cell = out->cells[n];
		/* the shares; the total column's 100% tells nothing */
		out->hidden[n] = mask && mask->pct_row && c < 3;
		if (out->hidden[n])
			snprintf(cell, size, "<%d", mask->k);
		else if (c < 4)
			report_pct_row_text(t, c, cell, size);
		else
			cell[0] = '\0';
	}
	return true;
}
