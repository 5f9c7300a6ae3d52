/* `actip export iati [--db FILE] --year Y -o FILE`: the IATI 2.03 activity file. The
 * XML is written to a temporary file next to FILE and renamed into place. Subcommands
 * are a table, so another export format is another row. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/text.h"
#include "export/iati.h"

typedef struct exporter {
	const char *name;
	int (*write)(store *st, int year, const char *path, actip_err *err);
} exporter;

static const exporter exporters[] = {
	{"iati", export_iati_write},
};

/* Parses options and writes the export. */
int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"year", required_argument, NULL, 'y'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("export");
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		cli_print_command_help(self);
		return EXIT_OK_;
	}
	const exporter *ex = NULL;
	for (size_t i = 0; argc >= 2 && i < sizeof exporters / sizeof exporters[0]; i++)
		if (strcmp(argv[1], exporters[i].name) == 0)
			ex = &exporters[i];
	if (!ex)
		return cli_usage_error(self, argc < 2 ? "which export? (iati)"
						      : "unknown export '%s' (iati)", argv[1]);
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	const char *outpath = NULL;
	int year = 0, c;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "d:y:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'y':
			if (text_parse_year(optarg, &year) < 0)
				return cli_usage_error(self, "--year takes a year such as 2021");
			break;
		case 'o': outpath = optarg; break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc - 1)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind + 1]);
	if (!year)
		return cli_usage_error(self, "--year is required");
	if (!outpath || strcmp(outpath, "-") == 0)
		return cli_usage_error(self, "-o FILE is required");
	store st;
	actip_err err = {{0}};
	if (cli_open_store(&st, db, STORE_READONLY) < 0)
		return EXIT_FAILURE_;
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.tmp.%ld", outpath, (long)getpid()) < 0) {
		store_close(&st);
		return EXIT_FAILURE_;
	}
	int rc = ex->write(&st, year, tmp, &err);
	store_close(&st);
	if (rc == ACTIP_OK && rename(tmp, outpath) != 0)
		rc = err_set(&err, ACTIP_EIO, "%s: cannot write the file", outpath);
	if (rc != ACTIP_OK) {
		unlink(tmp);
		fprintf(stderr, "actip: %s\n", err.msg);
	}
	free(tmp);
	return rc == ACTIP_OK ? EXIT_OK_ : rc == ACTIP_EINPUT ? EXIT_INPUT : EXIT_FAILURE_;
}
