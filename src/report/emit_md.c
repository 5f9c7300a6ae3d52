/* Markdown form of the report: the tables as GitHub-flavoured pipe tables, each with
 * its caption, note and source. Every cell goes through esc_md_cell. */
#include "core/escape.h"
#include "report/report.h"

/* One table. */
static void table_md(FILE *out, const rt_table *t, int n)
{
	const char *keys[RT_MAX_COLS], *labels[RT_MAX_COLS];
	int ncols = report_disp_headings(t, keys, labels);
	fprintf(out, "**Table %d** ", n);
	esc_md_cell(out, t->title);
	fputs("\n\n| Country/region |", out);
	for (int c = 0; c < ncols; c++) {
		fputc(' ', out);
		esc_md_cell(out, labels[c]);
		fputs(" |", out);
	}
	fputs("\n|:---|", out);
	for (int c = 0; c < ncols; c++)
		fputs("---:|", out);
	fputc('\n', out);
	disp_row d;
	for (int i = 0; report_disp_row(t, i, &d); i++) {
		bool total = d.kind == DISP_TOTAL;
		fputs(total ? "| **" : "| ", out);
		esc_md_cell(out, d.label);
		fputs(total ? "** |" : " |", out);
		for (int c = 0; c < d.ncells; c++) {
			fputc(' ', out);
			esc_md_cell(out, d.cells[c]);
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
