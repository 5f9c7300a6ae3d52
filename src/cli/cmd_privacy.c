/* `actip privacy init|status [--db FILE] [--key FILE]`: turns on pseudonymisation mode
 * for a database (store/privacy.c) and writes its key file, or says whether a database
 * is in that mode. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"

/* Is the database pseudonymised? 1 yes, 0 no, -1 error (read-only, no key needed). */
static int is_pseudonymised(const char *db, actip_err *err)
{
	store st;
	if (store_open(&st, db, STORE_READONLY | STORE_MUST_EXIST, err) < 0)
		return -1;
	sqlite3_stmt *s;
	int yes = -1;
	if (sqlite3_prepare_v2(st.db, "SELECT count(*) FROM privacy", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		yes = sqlite3_column_int(s, 0) > 0;
	else
		store_error(&st, "reading the privacy mode", err);
	sqlite3_finalize(s);
	store_close(&st);
	return yes;
}

/* Parses options and runs the subcommand. */
int cmd_privacy(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"key", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("privacy");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	const char *key = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:k:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'k': key = optarg; break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(self, "say init or status");
	const char *sub = argv[optind];
	actip_err err = {{0}};
	if (strcmp(sub, "status") == 0) {
		int yes = is_pseudonymised(db, &err);
		if (yes < 0) {
			fprintf(stderr, "actip: %s\n", err.msg);
			return EXIT_FAILURE_;
		}
		printf("%s: %s\n", db, yes ? "pseudonymised (names and e-mails are not stored)" : "not pseudonymised");
		return EXIT_OK_;
	}
	if (strcmp(sub, "init") != 0)
		return cli_usage_error(self, "unknown subcommand '%s'", sub);
	if (!key)
		return cli_usage_error(self, "init needs --key FILE, the new key file");
	store st;
	if (store_open(&st, db, 0, &err) < 0 || store_privacy_init(&st, key, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		store_close(&st);
		return EXIT_FAILURE_;
	}
	store_close(&st);
	printf("actip: %s is pseudonymised; its key is %s. Keep the key apart from the database and its "
	       "backups, and set %s=%s for every import and for the server.\n", db, key, STORE_KEY_ENV, key);
	return EXIT_OK_;
}
