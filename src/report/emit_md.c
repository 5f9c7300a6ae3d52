/* Markdown form of the annual report: the same sections as the HTML form, in the same
 * order, with the tables as GitHub-flavoured pipe tables and each figure as the table
 * of its data (Markdown has no charts). Every cell goes through esc_md_cell; achievement
 * texts are Markdown already and are kept as written, indented under their list item.
 * The public tables (--suppress-below) are Tables 1-5 alone in the same pipe tables,
 * suppressed cells as "<K" (escaped "&lt;K"). */
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/escape.h"
#include "report/mdtext.h"
#include "core/num.h"
#include "indicators/ind_emit.h"
#include "report/report.h"

/* One table; the cells mask withholds (mask NULL: none) as "<K". */
static void table_md(FILE *out, const rt_table *t, const report_mask *mask, int n)
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
	for (int i = 0; report_disp_row(t, mask, i, &d); i++) {
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

/* A figure as its data table. */
static void figure_md(FILE *out, const chart *c, int n)
{
	fprintf(out, "**Figure %d** ", n);
	esc_md_cell(out, c->title);
	fputs("\n\n", out);
	chart_write_md(out, c);
	fputc('\n', out);
}

/* An achievement as a list item; continuation lines of its text are indented. */
static void achievement_md(FILE *out, const annual_report *r, const ann_achievement *a)
{
	fputs("- ", out);
	/* The text neutralised (report_md_parse) and rendered back to CommonMark, which
	 * escapes whatever would read as markup; control characters dropped. */
	cmark_node *doc = report_md_parse(a->text);
	char *md = doc ? cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0) : NULL;
	if (doc)
		cmark_node_free(doc);
	size_t n = md ? strlen(md) : 0;
	while (n && md[n - 1] == '\n')
		md[--n] = '\0';
	char *line = md;
	for (char *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		esc_text(out, line);
		fputs(nl[1] ? "\n  " : "\n", out);
	}
	if (line)
		esc_text(out, line);
	else
		esc_md_cell(out, a->text);
	free(md);
	fputs(" —", out);
	if (a->has[0]) {
		char buf[32];
		num_format_count(buf, sizeof buf, a->n[0]);
		fprintf(out, " %s people;", buf);
	}
	if (a->project) {
		fputs(" project ", out);
		esc_md_cell(out, a->project);
		fputc(';', out);
	}
	if (a->partner) {
		fputc(' ', out);
		esc_md_cell(out, annual_partner_name(r, a->partner));
		fputc(';', out);
	}
	if (a->outcomes) {
		char list[256];
		annual_outcome_list(a->outcomes, list, sizeof list);
		fputs(strchr(a->outcomes, ';') ? " outcomes " : " outcome ", out);
		esc_md_cell(out, list);
	}
	fputc('\n', out);
}



/* The achievements of one list, after heading (Markdown, trusted), then a blank line;
 * nothing when there are none. */
static void ach_list(FILE *out, const annual_report *r, ann_select sel, const char *code,
		     const char *heading)
{
	bool any = false;
	for (size_t a = 0; a < r->nach; a++) {
		if (!annual_ach_selected(r, &r->ach[a], sel, code))
			continue;
		if (!any)
			fputs(heading, out);
		any = true;
		achievement_md(out, r, &r->ach[a]);
	}
	if (any)
		fputc('\n', out);
}

/* The whole report. */
int report_write_md(FILE *out, const annual_report *r, actip_err *err)
{
	chart figs[REPORT_NFIGS];
	char titles[REPORT_NFIGS][160];
	report_figures(r, figs, titles);
	char sentence[512];
	annual_status_sentence(r, sentence, sizeof sentence);
	fprintf(out, "# Annual progress report %d\n\n## Project status in %d\n\n", r->year, r->year);
	esc_md_cell(out, sentence);
	fputs("\n\n", out);
	figure_md(out, &figs[3], 1);

	fputs("## Regional progress\n\n", out);
	for (size_t e = 0; e < r->nnodes; e++) {
		const ann_node *eo = &r->nodes[e];
		if (strcmp(eo->level, "eopo") != 0)
			continue;
		fputs("### ", out);
		esc_md_cell(out, eo->code);
		fputs(": ", out);
		esc_md_cell(out, eo->title);
		fputs("\n\n| Outcome | Achievements |\n|:---|---:|\n", out);
		for (size_t i = 0; i < r->nnodes; i++) {
			const ann_node *o = &r->nodes[i];
			if (!o->parent || strcmp(o->parent, eo->code) != 0)
				continue;
			int n = annual_count_serving(r, o->code);
			fputs("| ", out);
			esc_md_cell(out, o->code);
			fputc(' ', out);
			esc_md_cell(out, o->title);
			fprintf(out, n ? " | %d |\n" : " | – |\n", n);
		}
		fputc('\n', out);
		ach_list(out, r, ANN_REGIONAL_UNDER, eo->code, "Regional achievements:\n\n");
	}
	ach_list(out, r, ANN_UNPLACED, NULL, "### Other regional achievements\n\n");

	fputs("## Progress by country\n\n", out);
	for (int i = 0; i < r->ncountries; i++) {
		const ann_country *k = &r->countries[i];
		char p[32], t[32];
		num_format_count(p, sizeof p, k->participants);
		num_format_count(t, sizeof t, k->trained);
		fputs("### ", out);
		esc_md_cell(out, k->name);
		fprintf(out, "\n\n- %d approved project%s in %d\n- %lld events, with %s participants",
			k->projects, k->projects == 1 ? "" : "s", r->year, (long long)k->events, p);
		if (k->pct_women_participants >= 0)
			fprintf(out, " (%lld%% women)", (long long)k->pct_women_participants);
		fprintf(out, "\n- %lld capacity development events\n- %s people trained",
			(long long)k->cd_events, t);
		if (k->pct_women_trained >= 0)
			fprintf(out, " (%lld%% women)", (long long)k->pct_women_trained);
		if (k->pct_satisfied >= 0)
			fprintf(out, "\n- %lld%% of respondents satisfied with capacity development events",
				(long long)k->pct_satisfied);
		fputs("\n\nProjects:\n\n", out);
		for (size_t j = 0; j < r->nprojects; j++) {
			const ann_project *pr = &r->projects[j];
			if (strcmp(pr->country, k->code) != 0)
				continue;
			fputs("- ", out);
			esc_md_cell(out, pr->code);
			fputs(" – ", out);
			esc_md_cell(out, pr->title);
			if (pr->status_ix >= 0) {
				fputs(" (", out);
				esc_md_cell(out, ann_status_labels[pr->status_ix]);
				fputc(')', out);
			}
			fputc('\n', out);
		}
		fputc('\n', out);
		ach_list(out, r, ANN_COUNTRY, k->code, "Achievements:\n\n");
	}

	if (r->npartners) {
		fputs("## NGO partners and their results\n\n", out);
		for (size_t i = 0; i < r->npartners; i++) {
			const ann_partner *pa = &r->partners[i];
			fputs("### ", out);
			esc_md_cell(out, pa->name);
			fputs("\n\n", out);
			if (pa->focus) {
				esc_md_cell(out, pa->focus);
				fputs("\n\n", out);
			}
			ach_list(out, r, ANN_PARTNER, pa->code, "");
		}
	}

	fputs("## Indicator performance tracking\n\n", out);
	ind_write_md(out, &r->indicators);

	fputs("## Selected indicator results\n\n", out);
	for (int i = 0; i < 5; i++) {
		table_md(out, &r->tables.t[i], NULL, i + 1);
		if (i == 1)
			figure_md(out, &figs[2], 2);
		if (i == 2)
			figure_md(out, &figs[0], 3);
		if (i == 4)
			figure_md(out, &figs[1], 4);
	}

	fputs("## Expenditure by year\n\n| Year | Category | Amount |\n|:---|:---|---:|\n", out);
	for (size_t i = 0; i < r->nspend; i++) {
		char amount[48];
		num_format_count(amount, sizeof amount, num_div_round(r->spend[i].micro, 1000000));
		fprintf(out, "| %d | ", r->spend[i].year);
		esc_md_cell(out, r->spend[i].category[0] ? r->spend[i].category : "all");
		fputs(" | ", out);
		esc_md_cell(out, r->spend[i].currency);
		fputc(' ', out);
		esc_md_cell(out, amount);
		fputs(" |\n", out);
	}
	fputc('\n', out);

	const check_result *q = r->quality;
	if (q) {
		fprintf(out, "## Annex: data quality\n\n%d error%s and %d warning%s.\n\n"
			     "| Rule | Severity | What must hold | Findings |\n|:---|:---|:---|---:|\n",
			q->errors, q->errors == 1 ? "" : "s", q->warnings, q->warnings == 1 ? "" : "s");
		for (int i = 0; i < q->nrules; i++) {
			fputs("| ", out);
			esc_md_cell(out, q->rules[i].id);
			fprintf(out, " | %s | ", q->rules[i].severity == CHECK_ERROR ? "error" : "warning");
			esc_md_cell(out, q->rules[i].description);
			fprintf(out, q->fired[i] ? " | %d |\n" : " | – |\n", q->fired[i]);
		}
		fputc('\n', out);
		for (size_t i = 0; i < q->n; i++) {
			fprintf(out, "%zu. %s `", i + 1,
				q->items[i].rule->severity == CHECK_ERROR ? "error" : "warning");
			esc_md_cell(out, q->items[i].rule->id);
			fputs("` **", out);
			esc_md_cell(out, q->items[i].subject);
			fputs("**: ", out);
			esc_md_cell(out, q->items[i].message);
			fputc('\n', out);
		}
		fputc('\n', out);
	}
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the Markdown report");
	return ACTIP_OK;
}

/* The public tables: title, the sentence on suppression and Tables 1-5; no figures (a
 * figure's data table would repeat the withheld numbers). */
int report_write_public_md(FILE *out, const report_tables *rt, const report_suppression *s,
			   actip_err *err)
{
	char sentence[256];
	report_suppression_sentence(s->k, sentence, sizeof sentence);
	fprintf(out, "# Selected indicator results %d\n\nTables 1 to 5 of the annual progress "
		     "report, for publication. ", rt->year);
	esc_md_cell(out, sentence);
	fputs(" Zero is shown as an en dash (–).\n\n", out);
	for (int i = 0; i < 5; i++) {
		report_mask m = report_suppression_mask(s, i);
		table_md(out, &rt->t[i], &m, i + 1);
	}
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the public tables");
	return ACTIP_OK;
}
