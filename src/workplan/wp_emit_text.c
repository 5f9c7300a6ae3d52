/* The Markdown and HTML writers of a work-plan document (wp_doc.h). Both walk the same
 * sections, paragraphs and tables; every text goes through the escape of its context
 * (esc_md_cell, esc_html_text / esc_html_attr). The HTML is one self-contained file whose
 * style sheet (assets/workplan.css) is embedded in the binary; it prints on A4 landscape. */
#include <string.h>

#include "core/i18n.h"
#include "core/escape.h"
#include "workplan/wp_doc.h"

extern const unsigned char asset_workplan_css[];

/* Writes s with each '\n' replaced by `sep`, every piece through esc. */
static void lines(FILE *out, const char *s, void (*esc)(FILE *, const char *), const char *sep)
{
	if (!s)
		return;
	char buf[1024];
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		while (n > 0) { /* long pieces go out in chunks, cut on UTF-8 boundaries */
			size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
			while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			memcpy(buf, s, k);
			buf[k] = '\0';
			esc(out, buf);
			s += k;
			n -= k;
		}
		if (!nl)
			break;
		fputs(sep, out);
		s = nl + 1;
	}
}

/* One table in Markdown (a pipe table under its bold caption). */
static void md_table(FILE *out, const wd_table *t)
{
	fputs("**", out);
	esc_md_cell(out, t->caption ? t->caption : "");
	fputs("**\n\n|", out);
	for (int c = 0; c < t->ncols; c++) {
		fputc(' ', out);
		esc_md_cell(out, t->heads[c] ? t->heads[c] : "");
		fputs(" |", out);
	}
	fputs("\n|", out);
	for (int c = 0; c < t->ncols; c++)
		fputs(t->kinds[c] == WD_NUM ? "---:|" : "---|", out);
	fputc('\n', out);
	for (int r = 0; r < t->nrows; r++) {
		const char *const *row = &t->cells[(size_t)r * (size_t)t->ncols];
		fputc('|', out);
		for (int c = 0; c < t->ncols; c++) {
			fputc(' ', out);
			const char *v = row[c];
			if (t->rkinds[r] == WD_GROUP && c > 0)
				v = NULL;
			bool bold = t->rkinds[r] != WD_ROW && v && *v;
			if (bold)
				fputs("**", out);
			if (v && *v)
				lines(out, v, esc_md_cell, "<br>");
			if (bold)
				fputs("**", out);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
	if (t->note) {
		fputs("\n*", out);
		esc_md_cell(out, t->note);
		fputs("*\n", out);
	}
	fputc('\n', out);
}

/* The document in Markdown. */
int wp_write_md(FILE *out, const wp_doc *d, actip_err *err)
{
	fputs("# ", out);
	esc_md_cell(out, d->title);
	fputs("\n\n", out);
	esc_md_cell(out, d->subtitle);
	fputs("\n\n", out);
	for (int i = 0; i < d->nsecs; i++) {
		const wd_section *s = &d->secs[i];
		fputs("## ", out);
		esc_md_cell(out, s->title);
		fputs("\n\n", out);
		for (int b = 0; b < s->nblocks; b++) {
			if (s->blocks[b].para) {
				esc_md_cell(out, s->blocks[b].para);
				fputs("\n\n", out);
			} else if (s->blocks[b].table)
				md_table(out, s->blocks[b].table);
		}
	}
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the Markdown");
	return ACTIP_OK;
}

/* The state or decision status a status cell starts with, as the key of its CSS class
 * (assets/workplan.css), whatever the document's language; NULL when none. */
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

/* The CSS class of a cell: column kind, and for a status cell the key of its state. */
static void cell_class(FILE *out, const wd_table *t, int c, const char *v)
{
	static const char *const kind[] = {[WD_TEXT] = "", [WD_NUM] = "num", [WD_STATUS] = "status",
					   [WD_WIDE] = "wide"};
	if (t->kinds[c] == WD_TEXT)
		return;
	fprintf(out, " class=\"%s", kind[t->kinds[c]]);
	const char *key = t->kinds[c] == WD_STATUS && v ? status_key(v) : NULL;
	if (key)
		fprintf(out, " st-%s", key);
	fputc('"', out);
}

/* One table as a figure. */
static void html_table(FILE *out, const wd_table *t)
{
	fputs("<figure class=\"table\" id=\"", out);
	esc_html_attr(out, t->id);
	fputs("\">\n<figcaption>", out);
	esc_html_text(out, t->caption ? t->caption : "");
	fputs("</figcaption>\n<div class=\"scroll\"><table>\n<thead><tr>", out);
	for (int c = 0; c < t->ncols; c++) {
		fputs("<th scope=\"col\"", out);
		cell_class(out, t, c, NULL);
		fputc('>', out);
		esc_html_text(out, t->heads[c] ? t->heads[c] : "");
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (int r = 0; r < t->nrows; r++) {
		const char *const *row = &t->cells[(size_t)r * (size_t)t->ncols];
		if (t->rkinds[r] == WD_GROUP) {
			fprintf(out, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"%d\">", t->ncols);
			esc_html_text(out, row[0] ? row[0] : "");
			fputs("</th></tr>\n", out);
			continue;
		}
		fputs(t->rkinds[r] == WD_TOTAL ? "<tr class=\"total\">" : "<tr>", out);
		for (int c = 0; c < t->ncols; c++) {
			fputs(c == 0 ? "<th scope=\"row\"" : "<td", out);
			cell_class(out, t, c, row[c]);
			fputc('>', out);
			lines(out, row[c], esc_html_text, "<br>");
			fputs(c == 0 ? "</th>" : "</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
	if (t->note) {
		fputs("<p class=\"note\">", out);
		esc_html_text(out, t->note);
		fputs("</p>\n", out);
	}
	fputs("</figure>\n", out);
}

/* The document in HTML. */
int wp_write_html(FILE *out, const wp_doc *d, actip_err *err)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n", i18n_current()); /* --lang */
	fputs("<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
	esc_html_text(out, d->title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body class=\"%s\">\n<main>\n"
		     "<header class=\"cover\"><h1>", (const char *)asset_workplan_css, d->kind);
	esc_html_text(out, d->title);
	fputs("</h1><p>", out);
	esc_html_text(out, d->subtitle);
	fputs("</p>\n<nav><ul>", out);
	for (int i = 0; i < d->nsecs; i++) {
		fputs("<li><a href=\"#", out);
		esc_html_attr(out, d->secs[i].id);
		fputs("\">", out);
		esc_html_text(out, d->secs[i].title);
		fputs("</a></li>", out);
	}
	fputs("</ul></nav></header>\n", out);
	for (int i = 0; i < d->nsecs; i++) {
		const wd_section *s = &d->secs[i];
		fputs("<section id=\"", out);
		esc_html_attr(out, s->id);
		fputs("\">\n<h2>", out);
		esc_html_text(out, s->title);
		fputs("</h2>\n", out);
		for (int b = 0; b < s->nblocks; b++) {
			if (s->blocks[b].para) {
				fputs("<p>", out);
				esc_html_text(out, s->blocks[b].para);
				fputs("</p>\n", out);
			} else if (s->blocks[b].table)
				html_table(out, s->blocks[b].table);
		}
		fputs("</section>\n", out);
	}
	fputs("<footer>Generated by actip from the stored work plan and status reports. Rates are "
	      "exact ratios rounded half away from zero to one decimal; a dash (&#8211;) means "
	      "there is no denominator.</footer>\n</main>\n</body>\n</html>\n", out);
	if (ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the HTML");
	return ACTIP_OK;
}
