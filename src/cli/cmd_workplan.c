/* `actip workplan report|review`: the work-plan monitoring report for one half-year and
 * the mid-term and final reviews (spec/workplan-monitoring.md). Output files are written
 * to a temporary file next to the target and renamed into place. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "cli/cli.h"
#include "store/settings.h"
#include "core/text.h"
#include "report/rdoc.h"
#include "workplan/wp_doc.h"

typedef struct wp_opts {
	const char *db, *plan, *outpath, *format;
	int pidx, on_time_days;
	int kind; /* -1 unset, 0 midterm, 1 final */
	bool review;
} wp_opts;

/* Writes the chosen output to f (all formats but xlsx). */
static int write_stream(FILE *f, const wp_opts *o, const wp_plan *p, actip_err *err)
{
	if (strcmp(o->format, "json") == 0)
		return o->review ? wp_write_review_json(f, p, o->kind == 1, o->on_time_days, err)
				 : wp_write_report_json(f, p, o->pidx, o->on_time_days, err);
	wp_doc *d = o->review ? wp_review_doc(p, o->kind == 1, o->on_time_days)
			      : wp_report_doc(p, o->pidx, o->on_time_days);
	if (!d)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	int rc = strcmp(o->format, "md") == 0 ? rdoc_write_wp_md(f, d, err) : rdoc_write_wp_html(f, d, err);
	wp_doc_free(d);
	return rc;
}

/* Writes the output atomically (temporary file, then rename) or to stdout. */
static int emit(const wp_opts *o, const wp_plan *p)
{
	actip_err err = {{0}};
	bool xlsx = strcmp(o->format, "xlsx") == 0, docx = strcmp(o->format, "docx") == 0;
	if (!o->outpath || strcmp(o->outpath, "-") == 0) {
		if (xlsx || docx) {
			fprintf(stderr, "actip: --format %s needs -o FILE\n", o->format);
			return EXIT_USAGE;
		}
		if (write_stream(stdout, o, p, &err) < 0 || fflush(stdout) != 0) {
			fprintf(stderr, "actip: %s\n", err.msg[0] ? err.msg : "cannot write");
			return EXIT_FAILURE_;
		}
		return EXIT_OK_;
	}
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.tmp.%ld", o->outpath, (long)getpid()) < 0)
		return EXIT_FAILURE_;
	int rc = EXIT_OK_, w;
	if (xlsx || docx) {
		wp_doc *d = o->review ? wp_review_doc(p, o->kind == 1, o->on_time_days)
				      : wp_report_doc(p, o->pidx, o->on_time_days);
		w = !d ? err_set(&err, ACTIP_ENOMEM, "out of memory")
		       : xlsx ? rdoc_write_wp_xlsx(tmp, d, &err) : rdoc_write_wp_docx(tmp, d, &err);
		wp_doc_free(d);
		if (w < 0 || rename(tmp, o->outpath) != 0) {
			fprintf(stderr, "actip: %s: %s\n", o->outpath, err.msg[0] ? err.msg : "cannot write");
			unlink(tmp);
			rc = EXIT_FAILURE_;
		}
	} else {
		FILE *f = fopen(tmp, "w");
		if (!f) {
			fprintf(stderr, "actip: %s: cannot create the file\n", o->outpath);
			rc = EXIT_FAILURE_;
		} else {
			w = write_stream(f, o, p, &err);
			if (fclose(f) != 0 || w < 0 || rename(tmp, o->outpath) != 0) {
				fprintf(stderr, "actip: %s: cannot write the output\n", o->outpath);
				unlink(tmp);
				rc = EXIT_FAILURE_;
			}
		}
	}
	free(tmp);
	return rc;
}

/* Parses the options of `workplan report` or `workplan review`. */
static int parse(int argc, char **argv, const cli_command *self, wp_opts *o)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"plan", required_argument, NULL, 'p'},
		{"period", required_argument, NULL, 'P'},
		{"kind", required_argument, NULL, 'k'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"on-time-days", required_argument, NULL, 't'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'p': o->plan = optarg; break;
		case 'P':
			if (o->review)
				return cli_usage_error(self, "--period belongs to 'workplan report'");
			if ((o->pidx = wp_period_parse(optarg)) < 0)
				return cli_usage_error(self, "--period takes a half-year such as 2020-H2");
			break;
		case 'k':
			if (!o->review)
				return cli_usage_error(self, "--kind belongs to 'workplan review'");
			if (strcmp(optarg, "midterm") == 0 || strcmp(optarg, "mid-term") == 0)
				o->kind = 0;
			else if (strcmp(optarg, "final") == 0)
				o->kind = 1;
			else
				return cli_usage_error(self, "--kind is midterm or final");
			break;
		case 'f':
			if (strcmp(optarg, "json") && strcmp(optarg, "md") && strcmp(optarg, "html") &&
			    strcmp(optarg, "xlsx") && strcmp(optarg, "docx"))
				return cli_usage_error(self, "--format is one of json|md|html|xlsx|docx");
			o->format = optarg;
			break;
		case 'o': o->outpath = optarg; break;
		case 'L': /* the document's language (po/); English by default */
			if (!i18n_known(optarg))
				return cli_usage_error(self, "--lang is a language of po/LINGUAS or en, not '%s'", optarg);
			i18n_set(optarg);
			break;
		case 't': {
			int64_t n;
			if (text_parse_count(optarg, &n) < 0 || n > 3650)
				return cli_usage_error(self, "--on-time-days takes a number of days (0-3650)");
			o->on_time_days = (int)n;
			break;
		}
		case 'h': cli_print_command_help(self); return EXIT_OK_ + 100;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	if (!o->plan)
		return cli_usage_error(self, "--plan is required");
	if (!o->review && o->pidx < 0)
		return cli_usage_error(self, "--period is required (e.g. 2020-H2)");
	if (o->review && o->kind < 0)
		return cli_usage_error(self, "--kind is required (midterm or final)");
	return -1;
}

/* actip workplan report|review ... */
int cmd_workplan(int argc, char **argv)
{
	const cli_command *self = cli_find("workplan");
	if (argc < 2)
		return cli_usage_error(self, "say 'report' or 'review'");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_print_command_help(self);
		return EXIT_OK_;
	}
	/* on_time_days -1: not given, taken from the setting on_time_days (default 30) */
	wp_opts o = {getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db", NULL, NULL, "md", -1,
		     -1, -1, false};
	if (strcmp(argv[1], "review") == 0)
		o.review = true;
	else if (strcmp(argv[1], "report") != 0)
		return cli_usage_error(self, "unknown subcommand '%s' (report or review)", argv[1]);
	int rc = parse(argc - 1, argv + 1, self, &o);
	if (rc >= 0)
		return rc >= 100 ? EXIT_OK_ : rc;

	store st;
	actip_err err = {{0}};
	if (cli_open_store(&st, o.db, STORE_READONLY) < 0)
		return EXIT_FAILURE_;
	if (o.on_time_days < 0) {
		char days[16];
		if (settings_get(&st, "on_time_days", days, sizeof days, &err) < 0) {
			fprintf(stderr, "actip: %s\n", err.msg);
			store_close(&st);
			return EXIT_FAILURE_;
		}
		o.on_time_days = atoi(days);
	}
	wp_plan *p = NULL;
	rc = wp_plan_load(&st, o.plan, &p, &err);
	store_close(&st);
	if (rc < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return rc == ACTIP_EINPUT ? EXIT_INPUT : EXIT_FAILURE_;
	}
	rc = emit(&o, p);
	wp_plan_free(p);
	return rc;
}
