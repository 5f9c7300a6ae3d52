/* `actip indicators [--db FILE] (--year Y | --period P) [--format html|md|json|xlsx]
 * [-o FILE]`: the indicator performance tracking table. Formats are a table of
 * (name, stream writer or file writer); output goes to a temporary file renamed into
 * place, so a reader never sees half a table. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/escape.h"
#include "core/text.h"
#include "indicators/ind_emit.h"
#include "report/report.h"

/* JSON: the table object. */
static int write_json(FILE *out, const ind_table *t)
{
	json_t *o = ind_table_json(t);
	int rc = json_dumpf(o, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII |
				    JSON_REAL_PRECISION(12));
	json_decref(o);
	fputc('\n', out);
	return rc;
}

/* Markdown: a heading and the table. */
static int write_md(FILE *out, const ind_table *t)
{
	char per[16];
	ind_period_format(t->period, per, sizeof per);
	fprintf(out, "# Indicator performance tracking, %s\n\n", per);
	ind_write_md(out, t);
	return 0;
}

/* HTML: one self-contained document with the report's style sheet. */
static int write_html(FILE *out, const ind_table *t)
{
	char per[16];
	ind_period_format(t->period, per, sizeof per);
	char title[64];
	snprintf(title, sizeof title, "Indicator performance tracking %s", per);
	report_html_open(out, title);
	fputs("<h1>Indicator performance tracking, ", out);
	esc_html_text(out, per);
	fputs("</h1>\n", out);
	ind_write_html(out, t);
	fputs("</main>\n</body>\n</html>\n", out);
	return 0;
}

/* XLSX: a workbook with the one sheet. */
static int write_xlsx(const char *path, const ind_table *t)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return -1;
	ind_xlsx_formats F;
	F.title = workbook_add_format(wb);
	format_set_bold(F.title);
	format_set_font_size(F.title, 13);
	F.head = workbook_add_format(wb);
	format_set_bold(F.head);
	format_set_bottom(F.head, LXW_BORDER_THIN);
	format_set_text_wrap(F.head);
	F.number = workbook_add_format(wb);
	format_set_num_format(F.number, "#,##0.##");
	F.pct = workbook_add_format(wb);
	format_set_num_format(F.pct, "0%");
	F.dash = workbook_add_format(wb);
	format_set_align(F.dash, LXW_ALIGN_RIGHT);
	ind_write_xlsx_sheet(wb, t, &F);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

typedef struct ind_format {
	const char *name;
	int (*write)(FILE *out, const ind_table *t);
	int (*write_path)(const char *path, const ind_table *t);
} ind_format;

static const ind_format formats[] = {
	{"md", write_md, NULL},
	{"html", write_html, NULL},
	{"json", write_json, NULL},
	{"xlsx", NULL, write_xlsx},
};

/* Writes through a temporary file renamed into place ("-"/NULL: standard output). */
static int emit(const ind_format *f, const ind_table *t, const char *outpath)
{
	bool to_stdout = !outpath || strcmp(outpath, "-") == 0;
	if (to_stdout)
		return f->write(stdout, t) == 0 && fflush(stdout) == 0 ? EXIT_OK_ : EXIT_FAILURE_;
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.tmp.%ld", outpath, (long)getpid()) < 0)
		return EXIT_FAILURE_;
	int rc = -1;
	if (f->write_path)
		rc = f->write_path(tmp, t);
	else {
		FILE *out = fopen(tmp, "w");
		if (out) {
			rc = f->write(out, t);
			if (ferror(out))
				rc = -1;
			if (fclose(out) != 0)
				rc = -1;
		}
	}
	if (rc == 0 && rename(tmp, outpath) == 0) {
		free(tmp);
		return EXIT_OK_;
	}
	fprintf(stderr, "actip: %s: cannot write the table\n", outpath);
	unlink(tmp);
	free(tmp);
	return EXIT_FAILURE_;
}

/* Parses options, computes the table and writes it. */
int cmd_indicators(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},   {"year", required_argument, NULL, 'y'},
		{"period", required_argument, NULL, 'p'}, {"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("indicators");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	const char *outpath = NULL;
	const ind_format *fmt = &formats[0];
	ind_period per = {0, 0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:y:p:f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'y':
			if (text_parse_year(optarg, &per.year) < 0)
				return cli_usage_error(self, "--year takes a year such as 2021");
			per.half = 0;
			break;
		case 'p':
			if (ind_period_parse(optarg, &per) < 0)
				return cli_usage_error(self, "--period takes 2021, 2021-H1 or 2021-H2");
			break;
		case 'f':
			fmt = NULL;
			for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
				if (strcmp(formats[i].name, optarg) == 0)
					fmt = &formats[i];
			if (!fmt)
				return cli_usage_error(self, "--format is one of md, html, json, xlsx");
			break;
		case 'o': outpath = optarg; break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	if (!per.year)
		return cli_usage_error(self, "--year (or --period) is required");
	if (fmt->write_path && (!outpath || strcmp(outpath, "-") == 0))
		return cli_usage_error(self, "--format xlsx needs -o FILE");
	store st;
	actip_err err = {{0}};
	if (cli_open_store(&st, db, STORE_READONLY) < 0)
		return EXIT_FAILURE_;
	ind_table t;
	if (ind_table_compute(&st, per, &t, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		store_close(&st);
		return EXIT_FAILURE_;
	}
	int rc = emit(fmt, &t, outpath);
	ind_table_free(&t);
	store_close(&st);
	return rc;
}
