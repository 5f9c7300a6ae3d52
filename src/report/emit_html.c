/* HTML form of the annual report: one self-contained file (the style sheet is embedded
 * in the binary from assets/report.css and inlined, charts are inline SVG, nothing is
 * fetched), laid out as the published report: project status, regional progress by
 * end-of-programme outcome, a profile per country, NGO partners, the five tables with
 * their figures, expenditure and the data-quality annex. Achievement texts are
 * Markdown rendered by cmark in its safe mode (raw HTML and javascript: links are
 * dropped); every other text goes through the HTML escapes. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/escape.h"
#include "core/num.h"
#include "indicators/ind_emit.h"
#include "report/report.h"

extern const unsigned char asset_report_css[];

/* One table as a figure. */
static void table_html(FILE *out, const rt_table *t, int n)
{
	static const char *const row_class[] = {
		[DISP_ROW] = "", [DISP_TOTAL] = " class=\"total\"", [DISP_PERCENTAGE] = " class=\"pct\"",
	};
	const char *keys[RT_MAX_COLS], *labels[RT_MAX_COLS];
	int ncols = report_disp_headings(t, keys, labels);
	fputs("<figure class=\"table\" id=\"", out);
	esc_html_attr(out, t->id);
	fprintf(out, "\">\n<figcaption><span class=\"n\">Table %d</span>", n);
	esc_html_text(out, t->title);
	fputs("</figcaption>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Country/region</th>",
	      out);
	for (int c = 0; c < ncols; c++) {
		fputs("<th scope=\"col\" data-col=\"", out);
		esc_html_attr(out, keys[c]);
		fputs("\">", out);
		esc_html_text(out, labels[c]);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	disp_row d;
	for (int i = 0; report_disp_row(t, i, &d); i++) {
		fprintf(out, "<tr%s data-key=\"", row_class[d.kind]);
		esc_html_attr(out, d.key);
		fputs("\"><th scope=\"row\">", out);
		esc_html_text(out, d.label);
		fputs("</th>", out);
		for (int c = 0; c < d.ncells; c++) {
			fputs("<td>", out);
			esc_html_text(out, d.cells[c]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
	if (t->note) {
		fputs("<p class=\"note\">Note: ", out);
		esc_html_text(out, t->note);
		fputs("</p>\n", out);
	}
	fputs("<p class=\"source\">Source: ", out);
	esc_html_text(out, t->source);
	fputs("</p>\n</figure>\n", out);
}

/* The five tables without the document around them (the web dashboard). */
void report_write_html_tables(FILE *out, const report_tables *rt)
{
	for (int i = 0; i < 5; i++)
		table_html(out, &rt->t[i], i + 1);
}

/* A chart as a numbered figure. */
static void figure_html(FILE *out, const chart *c, int n)
{
	fputs("<figure class=\"chart\" id=\"", out);
	esc_html_attr(out, c->id);
	fprintf(out, "\">\n<figcaption><span class=\"n\">Figure %d</span>", n);
	esc_html_text(out, c->title);
	fputs("</figcaption>\n", out);
	chart_write_svg(out, c);
	fputs("</figure>\n", out);
}

/* Markdown text rendered by cmark in safe mode (raw HTML and javascript: links are not
 * passed through). Images become their alt text, so the report never fetches
 * anything; links stay links. */
static void markdown_html(FILE *out, const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	char *html = NULL;
	if (doc) {
		cmark_node *images[64];
		int n = 0;
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;
		while (it && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
			if (ev == CMARK_EVENT_ENTER && n < 64 &&
			    cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_IMAGE)
				images[n++] = cmark_iter_get_node(it);
		cmark_iter_free(it);
		for (int i = 0; i < n; i++) {
			cmark_node *child;
			while ((child = cmark_node_first_child(images[i])))
				cmark_node_insert_before(images[i], child);
			cmark_node_free(images[i]);
		}
		/* more than 64 images: render none of the text rather than fetch */
		if (n < 64)
			html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
		cmark_node_free(doc);
	}
	if (html) {
		fputs(html, out);
		free(html);
	} else {
		esc_html_text(out, md);
	}
}

/* "123 (45 women)" style numbers of an achievement, when it records them. */
static void ach_counts(FILE *out, const ann_achievement *a)
{
	if (!a->has[0])
		return;
	static const char *const part[] = {NULL, "women", "men", "other"};
	char buf[32];
	num_format_count(buf, sizeof buf, a->n[0]);
	fputs("<span class=\"count\" title=\"people this achievement counts\">", out);
	esc_html_text(out, buf);
	const char *sep = " (";
	for (int k = 1; k < 4; k++) {
		if (!a->has[k] || !a->n[k])
			continue;
		num_format_count(buf, sizeof buf, a->n[k]);
		fprintf(out, "%s", sep);
		esc_html_text(out, buf);
		fprintf(out, " %s", part[k]);
		sep = ", ";
	}
	fputs(strcmp(sep, ", ") == 0 ? ")</span>" : "</span>", out);
}

/* One achievement as a list item: its text, then project, partner and outcomes. */
static void achievement_html(FILE *out, const annual_report *r, const ann_achievement *a)
{
	fputs("<li id=\"ach-", out);
	esc_html_attr(out, a->id);
	fputs("\"><div class=\"md\">", out);
	markdown_html(out, a->text);
	fputs("</div><p class=\"meta\">", out);
	ach_counts(out, a);
	if (a->project) {
		fputs("<span>project ", out);
		esc_html_text(out, a->project);
		fputs("</span>", out);
	}
	if (a->partner) {
		fputs("<span>", out);
		esc_html_text(out, annual_partner_name(r, a->partner));
		fputs("</span>", out);
	}
	if (a->outcomes) {
		char list[256];
		annual_outcome_list(a->outcomes, list, sizeof list);
		fputs(strchr(a->outcomes, ';') ? "<span>outcomes " : "<span>outcome ", out);
		esc_html_text(out, list);
		fputs("</span>", out);
	}
	fputs("</p></li>\n", out);
}

/* The achievements of one list, under heading (HTML, trusted), when there are any. */
static void ach_list(FILE *out, const annual_report *r, ann_select sel, const char *code,
		     const char *heading)
{
	bool any = false;
	for (size_t a = 0; a < r->nach; a++) {
		if (!annual_ach_selected(r, &r->ach[a], sel, code))
			continue;
		if (!any)
			fprintf(out, "%s<ul class=\"achievements\">\n", heading);
		any = true;
		achievement_html(out, r, &r->ach[a]);
	}
	if (any)
		fputs("</ul>\n", out);
}

/* Project status: the sentence, a table by country and the figure. */
static void status_html(FILE *out, const annual_report *r, const chart *fig)
{
	char sentence[512];
	annual_status_sentence(r, sentence, sizeof sentence);
	fprintf(out, "<section id=\"status\">\n<h2>Project status in %d</h2>\n<p class=\"lead\">", r->year);
	esc_html_text(out, sentence);
	fputs("</p>\n<div class=\"scroll\"><table class=\"status\">\n<thead><tr><th scope=\"col\">"
	      "Country/region</th>", out);
	for (int k = 0; k < ANN_NSTATUS; k++) {
		fputs("<th scope=\"col\">", out);
		esc_html_text(out, ann_status_labels[k]);
		fputs("</th>", out);
	}
	fputs("<th scope=\"col\">Projects</th></tr></thead>\n<tbody>\n", out);
	int total[ANN_NSTATUS + 1] = {0};
	for (const country *k = country_table; k->code; k++) {
		int n[ANN_NSTATUS + 1] = {0};
		for (size_t i = 0; i < r->nprojects; i++)
			if (strcmp(r->projects[i].country, k->code) == 0 && r->projects[i].status_ix >= 0) {
				n[r->projects[i].status_ix]++;
				n[ANN_NSTATUS]++;
			}
		if (!n[ANN_NSTATUS])
			continue;
		fputs("<tr><th scope=\"row\">", out);
		esc_html_text(out, k->name);
		fputs("</th>", out);
		for (int s = 0; s <= ANN_NSTATUS; s++) {
			total[s] += n[s];
			fprintf(out, n[s] ? "<td>%d</td>" : "<td>&#8211;</td>", n[s]);
		}
		fputs("</tr>\n", out);
	}
	fputs("<tr class=\"total\"><th scope=\"row\">Total</th>", out);
	for (int s = 0; s <= ANN_NSTATUS; s++)
		fprintf(out, total[s] ? "<td>%d</td>" : "<td>&#8211;</td>", total[s]);
	fputs("</tr>\n</tbody></table></div>\n", out);
	figure_html(out, fig, 1);
	fputs("</section>\n", out);
}

/* Regional progress: per end-of-programme outcome, its outcomes, the number of
 * achievements serving each, and the regional achievements. */
static void regional_html(FILE *out, const annual_report *r)
{
	fputs("<section id=\"regional\">\n<h2>Regional progress</h2>\n", out);
	for (size_t e = 0; e < r->nnodes; e++) {
		const ann_node *eo = &r->nodes[e];
		if (strcmp(eo->level, "eopo") != 0)
			continue;
		fputs("<article class=\"eopo\" id=\"outcome-", out);
		esc_html_attr(out, eo->code);
		fputs("\"><h3><span class=\"code\">", out);
		esc_html_text(out, eo->code);
		fputs("</span> ", out);
		esc_html_text(out, eo->title);
		fputs("</h3>\n<table class=\"outcomes\"><thead><tr><th scope=\"col\">Outcome</th>"
		      "<th scope=\"col\">Achievements</th></tr></thead><tbody>\n", out);
		for (size_t i = 0; i < r->nnodes; i++) {
			const ann_node *o = &r->nodes[i];
			if (!o->parent || strcmp(o->parent, eo->code) != 0)
				continue;
			int n = annual_count_serving(r, o->code);
			fputs("<tr id=\"outcome-", out);
			esc_html_attr(out, o->code);
			fputs("\"><th scope=\"row\"><span class=\"code\">", out);
			esc_html_text(out, o->code);
			fputs("</span> ", out);
			esc_html_text(out, o->title);
			fprintf(out, n ? "</th><td>%d</td></tr>\n" : "</th><td>&#8211;</td></tr>\n", n);
		}
		fputs("</tbody></table>\n", out);
		ach_list(out, r, ANN_REGIONAL_UNDER, eo->code, "<h4>Regional achievements</h4>\n");
		fputs("</article>\n", out);
	}
	ach_list(out, r, ANN_UNPLACED, NULL, "<h3>Other regional achievements</h3>\n");
	fputs("</section>\n", out);
}

/* A "big number" fact of a profile. */
static void fact(FILE *out, int64_t n, const char *what, int64_t pct, const char *pct_what)
{
	char buf[32];
	num_format_count(buf, sizeof buf, n);
	fputs("<div class=\"fact\"><b>", out);
	esc_html_text(out, buf);
	fputs("</b> ", out);
	esc_html_text(out, what);
	if (pct >= 0) {
		fprintf(out, " (%lld%% ", (long long)pct);
		esc_html_text(out, pct_what);
		fputs(")", out);
	}
	fputs("</div>\n", out);
}

/* Progress by country: a profile per country with national projects. */
static void countries_html(FILE *out, const annual_report *r)
{
	fputs("<section id=\"countries\">\n<h2>Progress by country</h2>\n", out);
	for (int i = 0; i < r->ncountries; i++) {
		const ann_country *k = &r->countries[i];
		fputs("<article class=\"country\" id=\"country-", out);
		esc_html_attr(out, k->code);
		fputs("\">\n<h3>", out);
		esc_html_text(out, k->name);
		fputs("</h3>\n<div class=\"facts\">\n", out);
		char what[96];
		snprintf(what, sizeof what, "approved project%s in %d", k->projects == 1 ? "" : "s",
			 r->year);
		fact(out, k->projects, what, -1, NULL);
		char parts[32];
		num_format_count(parts, sizeof parts, k->participants);
		snprintf(what, sizeof what, "events, with %s participants", parts);
		fact(out, k->events, what, k->pct_women_participants, "women");
		fact(out, k->cd_events, "capacity development events", -1, NULL);
		fact(out, k->trained, "people trained", k->pct_women_trained, "women");
		if (k->pct_satisfied >= 0) {
			fprintf(out, "<div class=\"fact\"><b>%lld%%</b> of respondents satisfied with "
				     "capacity development events</div>\n", (long long)k->pct_satisfied);
		}
		fputs("</div>\n<h4>Projects</h4>\n<ul class=\"projects\">\n", out);
		for (size_t p = 0; p < r->nprojects; p++) {
			const ann_project *pr = &r->projects[p];
			if (strcmp(pr->country, k->code) != 0)
				continue;
			fputs("<li><span class=\"code\">", out);
			esc_html_text(out, pr->code);
			fputs("</span> ", out);
			esc_html_text(out, pr->title);
			if (pr->partner) {
				fputs(", with ", out);
				esc_html_text(out, pr->partner);
			}
			if (pr->status_ix >= 0) {
				fputs(" <span class=\"status s-", out);
				esc_html_attr(out, pr->status);
				fputs("\">", out);
				esc_html_text(out, ann_status_labels[pr->status_ix]);
				fputs("</span>", out);
			}
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
		ach_list(out, r, ANN_COUNTRY, k->code, "<h4>Achievements</h4>\n");
		fputs("</article>\n", out);
	}
	fputs("</section>\n", out);
}

/* NGO partners and their results. */
static void partners_html(FILE *out, const annual_report *r)
{
	if (!r->npartners)
		return;
	fputs("<section id=\"partners\">\n<h2>NGO partners and their results</h2>\n", out);
	for (size_t i = 0; i < r->npartners; i++) {
		const ann_partner *p = &r->partners[i];
		fputs("<article class=\"partner\" id=\"partner-", out);
		esc_html_attr(out, p->code);
		fputs("\">\n<h3>", out);
		esc_html_text(out, p->name);
		fputs("</h3>\n<p class=\"meta\">", out);
		const country *c = p->country ? country_by_code(p->country) : NULL;
		if (c) {
			fputs("<span>", out);
			esc_html_text(out, c->name);
			fputs("</span>", out);
		}
		if (p->started_on) {
			fputs("<span>partner since ", out);
			esc_html_text(out, p->started_on);
			fputs("</span>", out);
		}
		fputs("</p>\n", out);
		if (p->focus) {
			fputs("<p>", out);
			esc_html_text(out, p->focus);
			fputs("</p>\n", out);
		}
		ach_list(out, r, ANN_PARTNER, p->code, "");
		fputs("</article>\n", out);
	}
	fputs("</section>\n", out);
}

/* Expenditure by year and currency, with categories as parts. */
static void expenditure_html(FILE *out, const annual_report *r)
{
	fputs("<section id=\"expenditure\">\n<h2>Expenditure by year</h2>\n", out);
	if (!r->nspend) {
		fputs("<p>No expenditure is recorded.</p>\n</section>\n", out);
		return;
	}
	fputs("<table class=\"spend\"><thead><tr><th scope=\"col\">Year</th><th scope=\"col\">"
	      "Category</th><th scope=\"col\">Amount</th></tr></thead><tbody>\n", out);
	for (size_t i = 0; i < r->nspend; i++) {
		const ann_spend *e = &r->spend[i];
		char amount[48];
		num_format_count(amount, sizeof amount, num_div_round(e->micro, 1000000));
		fprintf(out, "<tr><th scope=\"row\">%d</th><td class=\"l\">", e->year);
		esc_html_text(out, e->category[0] ? e->category : "all");
		fputs("</td><td>", out);
		esc_html_text(out, e->currency);
		fputs(" ", out);
		esc_html_text(out, amount);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n</section>\n", out);
}

/* The data-quality annex: every rule with its count, then every finding. */
static void quality_html(FILE *out, const annual_report *r)
{
	const check_result *q = r->quality;
	if (!q)
		return;
	fprintf(out, "<section id=\"quality\" class=\"annex\">\n<h2>Annex: data quality</h2>\n"
		     "<p>The validation rules were run on the records of %d: %d error%s and %d "
		     "warning%s. Each finding names the record to correct.</p>\n",
		r->year, q->errors, q->errors == 1 ? "" : "s", q->warnings,
		q->warnings == 1 ? "" : "s");
	fputs("<table class=\"rules\"><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">"
	      "Severity</th><th scope=\"col\">What must hold</th><th scope=\"col\">Findings</th>"
	      "</tr></thead><tbody>\n", out);
	for (int i = 0; i < q->nrules; i++) {
		const check_rule *ru = &q->rules[i];
		fputs("<tr><th scope=\"row\"><code>", out);
		esc_html_text(out, ru->id);
		fprintf(out, "</code></th><td class=\"l\">%s</td><td class=\"l\">",
			ru->severity == CHECK_ERROR ? "error" : "warning");
		esc_html_text(out, ru->description);
		fprintf(out, q->fired[i] ? "</td><td class=\"bad\">%d</td></tr>\n"
					 : "</td><td>&#8211;</td></tr>\n", q->fired[i]);
	}
	fputs("</tbody></table>\n", out);
	if (q->n) {
		fputs("<h3>Findings</h3>\n<ol class=\"findings\">\n", out);
		for (size_t i = 0; i < q->n; i++) {
			const check_finding *f = &q->items[i];
			fprintf(out, "<li class=\"%s\"><code>", f->rule->severity == CHECK_ERROR ? "error" : "warning");
			esc_html_text(out, f->rule->id);
			fputs("</code> <b>", out);
			esc_html_text(out, f->subject);
			fputs("</b>: ", out);
			esc_html_text(out, f->message);
			fputs("</li>\n", out);
		}
		fputs("</ol>\n", out);
	}
	fputs("</section>\n", out);
}

/* The whole document. */
int report_write_html(FILE *out, const annual_report *r, actip_err *err)
{
	chart figs[REPORT_NFIGS];
	char titles[REPORT_NFIGS][160];
	report_figures(r, figs, titles);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		     "<title>Annual progress report %d</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n"
		     "<header class=\"cover\"><p class=\"kicker\">ASEAN-Australia Counter Trafficking</p>"
		     "<h1>Annual progress report %d</h1>"
		     "<p>Computed by actip from the stored records: projects, activities, participants, "
		     "feedback, achievements, partners and expenditure.</p></header>\n"
		     "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>"
		     "<li><a href=\"#status\">Project status</a></li>"
		     "<li><a href=\"#regional\">Regional progress</a></li>"
		     "<li><a href=\"#countries\">Progress by country</a></li>"
		     "<li><a href=\"#partners\">NGO partners</a></li>"
		     "<li><a href=\"#tracking\">Indicator performance tracking</a></li>"
		     "<li><a href=\"#indicators\">Selected indicator results</a></li>"
		     "<li><a href=\"#expenditure\">Expenditure</a></li>"
		     "<li><a href=\"#quality\">Annex: data quality</a></li></ol></nav>\n",
		r->year, (const char *)asset_report_css, r->year);
	status_html(out, r, &figs[3]);
	regional_html(out, r);
	countries_html(out, r);
	partners_html(out, r);
	fputs("<section id=\"tracking\">\n<h2>Indicator performance tracking</h2>\n", out);
	ind_write_html(out, &r->indicators);
	fputs("</section>\n", out);
	fputs("<section id=\"indicators\">\n<h2>Selected indicator results</h2>\n", out);
	for (int i = 0; i < 5; i++) {
		table_html(out, &r->tables.t[i], i + 1);
		if (i == 1)
			figure_html(out, &figs[2], 2);
		if (i == 2)
			figure_html(out, &figs[0], 3);
		if (i == 4)
			figure_html(out, &figs[1], 4);
	}
	fputs("</section>\n", out);
	expenditure_html(out, r);
	quality_html(out, r);
	fputs("<footer>Generated by actip. Zero is shown as an en dash (&#8211;); "
	      "percentages are exact ratios rounded half away from zero.</footer>\n"
	      "</main>\n</body>\n</html>\n", out);
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the HTML report");
	return ACTIP_OK;
}
