/* Markdown form of the report: the tables as GitHub-flavoured pipe tables, each with
 * its caption, note and source. Every cell goes through esc_md_cell. */
#include "core/escape.h"
#include "report/report.h"

/* One table. */
static void table_md(FILE *out, const rt_table *t, int n)
{
	char buf[160];
	fprintf(out, "**Table %d** ", n);
	esc_md_cell(out, t->title);
	fputs("\n\n| Country/region |", out);
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hidden)
			continue;
		fputc(' ', out);
		esc_md_cell(out, t->cols[c].label);
		fputs(" |", out);
	}
	fputs("\n|:---|", out);
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].hidden)
			fputs("---:|", out);
	fputc('\n', out);
	for (int i = 0; i < t->nrows; i++) {
		const rt_row *r = &t->rows[i];
		bool total = r->rank == 99;
		fputs(total ? "| **" : "| ", out);
		esc_md_cell(out, r->label);
		fputs(total ? "** |" : " |", out);
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].hidden)
				continue;
			if (c == 0 && t->respondents_col)
				report_respondents_text(r, buf, sizeof buf);
			else
				report_cell_text(t, r, c, buf, sizeof buf);
			fputc(' ', out);
			esc_md_cell(out, buf);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	if (t->has_pct_row) {
		fputs("| Percentage |", out);
		for (int c = 0; c < t->ncols; c++) {
			if (c < 4)
				report_pct_row_text(t, c, buf, sizeof buf);
			else
				buf[0] = '\0';
			fputc(' ', out);
			esc_md_cell(out, buf);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
	if (t->note) {
		fputs("Note: ", out);
		esc_md_cell(out, t->note);
		fputs("\n\n", out);
	}
	fputs("Source: ", out);
	esc_md_cell(out, t->source);
	fputs("\n\n", out);
}

/* The whole report. */
int report_write_md(FILE *out, const report_tables *rt, actip_err *err)
{
	fprintf(out, "# Annual progress report %d\n\n## Selected indicator results\n\n", rt->year);
	for (int i = 0; i < 5; i++)
		table_md(out, &rt->t[i], i + 1);
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the Markdown report");
	return ACTIP_OK;
}
