/* `actip report [--db FILE] --year Y --format json|md|html|xlsx|csv|docx [-o PATH]
 * [--suppress-below K]`. The output (the whole report, or with --suppress-below the
 * public Tables 1-5) is written to a temporary file next to the target and renamed into
 * place, so a reader never sees half a report. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "cli/cli.h"
#include "report/suppress.h"
#include "core/text.h"
#include "check/check.h"
#include "report/report.h"

/* What one run writes: the whole report (full), or the public tables t with their
 * suppression s (--suppress-below). */
typedef struct output {
	const annual_report *full;
	const report_tables *t;
	const report_suppression *s;
} output;

/* Writes o with the format's stream writer. */
static int emit_stream(const report_format *fmt, const output *o, FILE *f, actip_err *err)
{
	return o->full ? fmt->write(f, o->full, err) : report_write_public(fmt, f, NULL, o->t, o->s, err);
}

/* Writes o with the format's path writer (a file or a directory). */
static int emit_path(const report_format *fmt, const output *o, const char *path, actip_err *err)
{
	return o->full ? fmt->write_path(path, o->full, err) : report_write_public(fmt, NULL, path, o->t, o->s, err);
}

/* Writes o to outpath ("-" or NULL: standard output), through a temporary file renamed
 * into place. */
static int write_report(const report_format *fmt, const output *o, const char *outpath,
			actip_err *err)
{
	int rc = EXIT_OK_;
	if (fmt->write_path) {
		/* xlsx: a temporary file renamed into place; csv: files in a directory */
		char *tmp = NULL;
		bool dir = !*fmt->ext;
		if (!dir && asprintf(&tmp, "%s.tmp.%ld", outpath, (long)getpid()) < 0)
			return EXIT_FAILURE_;
		if (emit_path(fmt, o, dir ? outpath : tmp, err) < 0 ||
		    (!dir && rename(tmp, outpath) != 0)) {
			fprintf(stderr, "actip: %s\n", err->msg[0] ? err->msg : "cannot write the report");
			if (tmp)
				unlink(tmp);
			rc = EXIT_FAILURE_;
		}
		free(tmp);
		return rc;
	}
	if (!outpath || strcmp(outpath, "-") == 0) {
		if (emit_stream(fmt, o, stdout, err) < 0 || fflush(stdout) != 0) {
			fprintf(stderr, "actip: %s\n", err->msg[0] ? err->msg : "cannot write the report");
			rc = EXIT_FAILURE_;
		}
		return rc;
	}
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.tmp.%ld", outpath, (long)getpid()) < 0) {
		return EXIT_FAILURE_;
	}
	FILE *f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "actip: %s: cannot create the file\n", outpath);
		rc = EXIT_FAILURE_;
	} else {
		int w = emit_stream(fmt, o, f, err);
		if (fclose(f) != 0 || w < 0 || rename(tmp, outpath) != 0) {
			fprintf(stderr, "actip: %s: cannot write the report\n", outpath);
			unlink(tmp);
			rc = EXIT_FAILURE_;
		}
	}
	free(tmp);
	return rc;
}

/* --suppress-below K: Tables 1-5 only, small cells and their complements as "<K"
 * (report/suppress.c), in any format; nothing else of the report, whose profiles and
 * figures quote small numbers. Closes st. */
static int public_tables(store *st, int year, int k, const report_format *fmt, const char *outpath)
{
	actip_err err = {{0}};
	report_tables *t = malloc(sizeof *t);
	report_suppression *s = malloc(sizeof *s);
	int rc = EXIT_OK_;
	if (!t || !s || report_tables_compute(st, year, t, &err) < 0) {
		fprintf(stderr, "actip: %s\n", t && s ? err.msg : "out of memory");
		rc = EXIT_FAILURE_;
		goto out;
	}
	report_suppress(t, k, s);
	rc = write_report(fmt, &(output){.t = t, .s = s}, outpath, &err);
	if (rc == EXIT_OK_)
		fprintf(stderr, "actip: %d cells below %d hidden, %d more hidden so they cannot be worked back\n",
			s->primary, k, s->complementary);
out:
	free(t);
	free(s);
	store_close(st);
	return rc;
}

/* Parses options, computes the report and writes it. */
int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"year", required_argument, NULL, 'y'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"suppress-below", required_argument, NULL, 's'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("report");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	const char *outpath = NULL;
	const report_format *fmt = report_format_find("md");
	int year = 0, c, suppress = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:y:f:o:s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'y':
			if (text_parse_year(optarg, &year) < 0)
				return cli_usage_error(self, "--year takes a year such as 2021");
			break;
		case 'f':
			if (!(fmt = report_format_find(optarg)))
				return cli_usage_error(self, "--format is one of %s", report_format_names());
			break;
		case 'o': outpath = optarg; break;
		case 's': {
			char *end;
			long k = strtol(optarg, &end, 10);
			if (*end || k < 2 || k > 1000)
				return cli_usage_error(self, "--suppress-below takes a number from 2 to 1000");
			suppress = (int)k;
			break;
		}
		case 'L': /* the document's language (po/); English by default */
			if (!i18n_known(optarg))
				return cli_usage_error(self, "--lang is a language of po/LINGUAS or en, not '%s'", optarg);
			i18n_set(optarg);
			break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	if (!year)
		return cli_usage_error(self, "--year is required");
	if (fmt->write_path && (!outpath || strcmp(outpath, "-") == 0))
		return cli_usage_error(self, "--format %s needs -o %s", fmt->name,
				       *fmt->ext ? "FILE" : "DIRECTORY");

	store st;
	actip_err err = {{0}};
	if (cli_open_store(&st, db, STORE_READONLY) < 0)
		return EXIT_FAILURE_;
	if (suppress)
		return public_tables(&st, year, suppress, fmt, outpath);
	annual_report *rt = malloc(sizeof *rt);
	check_result quality = {0};
	if (!rt || (fmt->quality && check_run(&st, year, &quality, &err) < 0) ||
	    annual_load(&st, year, fmt->quality ? &quality : NULL, rt, &err) < 0) {
		fprintf(stderr, "actip: %s\n", rt ? err.msg : "out of memory");
		check_result_free(&quality);
		free(rt);
		store_close(&st);
		return EXIT_FAILURE_;
	}
	store_close(&st);
	int rc = write_report(fmt, &(output){.full = rt}, outpath, &err);
	annual_free(rt);
	check_result_free(&quality);
	free(rt);
	return rc;
}

