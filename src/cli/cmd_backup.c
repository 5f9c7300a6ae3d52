/* `actip backup [--db FILE] --to FILE`: an online copy of the database through
 * SQLite's backup API (store_backup), safe while `actip serve` or an import writes.
 * The pseudonymisation key file is deliberately not part of a backup. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"

/* Parses options and writes the backup. */
int cmd_backup(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"to", required_argument, NULL, 't'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("backup");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	const char *to = NULL;
	int quiet = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:t:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 't': to = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	if (!to || !*to)
		return cli_usage_error(self, "--to FILE is required");
	if (db && strcmp(to, db) == 0)
		return cli_usage_error(self, "--to must name another file than --db");
	actip_err err = {{0}};
	long long pages = 0;
	if (store_backup(db, to, &pages, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	if (!quiet)
		printf("actip: backed up %s to %s (%lld pages, integrity ok)\n", db, to, pages);
	return EXIT_OK_;
}
