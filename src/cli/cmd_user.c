/* `actip user add|passwd|disable|list`: accounts of the web application, managed on
 * the command line only (there is no default account). Passwords are read from
 * standard input (--password-stdin), never from the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli/cli.h"
#include "core/country.h"
#include "core/escape.h"
#include "core/text.h"
#include "web/guard.h"
#include "web/session.h"

/* Reads one line from standard input as the password (without its line end). */
static int read_password(char *buf, size_t size)
{
	if (!fgets(buf, (int)size, stdin))
		return -1;
	size_t n = strlen(buf);
	if (n && buf[n - 1] != '\n' && !feof(stdin))
		return -1; /* longer than the buffer */
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return 0;
}

/* Prints the accounts. */
static int list_users(store *st)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT name, role, coalesce(body, ''), coalesce(country, ''), disabled, "
				       "created_at FROM app_user ORDER BY name", -1, &s, NULL) != SQLITE_OK)
		return -1;
	printf("%-24s %-16s %-8s %-7s %-9s %s\n", "NAME", "ROLE", "BODY", "COUNTRY", "STATUS", "CREATED");
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		printf("%-24s %-16s %-8s %-7s %-9s %s\n", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
		       sqlite3_column_text(s, 2), sqlite3_column_text(s, 3),
		       sqlite3_column_int(s, 4) ? "disabled" : "active", sqlite3_column_text(s, 5));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1; /* a list cut short is an error, not the whole list */
}

/* Parses options and runs one sub-command. */
int cmd_user(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},  {"name", required_argument, NULL, 'n'},
		{"role", required_argument, NULL, 'r'}, {"body", required_argument, NULL, 'b'},
		{"country", required_argument, NULL, 'c'}, {"password-stdin", no_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},      {NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("user");
	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			cli_print_command_help(self);
			return EXIT_OK_;
		}
		return cli_usage_error(self, "give a sub-command: add, passwd, disable or list");
	}
	const char *sub = argv[1];
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	const char *name = NULL, *role_s = NULL, *body = NULL, *country_s = NULL;
	bool pw_stdin = false;
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "d:n:r:b:c:Ph", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'n': name = optarg; break;
		case 'r': role_s = optarg; break;
		case 'b': body = optarg; break;
		case 'c': country_s = optarg; break;
		case 'P': pw_stdin = true; break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	bool add = strcmp(sub, "add") == 0, passwd = strcmp(sub, "passwd") == 0;
	bool disable = strcmp(sub, "disable") == 0, list = strcmp(sub, "list") == 0;
	if (!add && !passwd && !disable && !list)
		return cli_usage_error(self, "unknown sub-command '%s' (add, passwd, disable, list)", sub);
	if (!list && (!name || !auth_name_valid(name)))
		return cli_usage_error(self, "--name takes 1 to 64 letters, digits, '.', '_', '@' or '-'");
	web_role role = ROLE_NONE;
	const char *country_code = NULL;
	if (add) {
		if ((role = web_role_parse(role_s)) == ROLE_NONE)
			return cli_usage_error(self, "--role is admin, focal_point, country_officer or viewer");
		if (role == ROLE_FOCAL_POINT && (!body || !*body || strlen(body) > 32))
			return cli_usage_error(self, "a focal_point needs --body CODE (its sectoral body, e.g. SOMTC)");
		if (role == ROLE_COUNTRY_OFFICER) {
			const country *k = country_s ? country_find(country_s) : NULL;
			if (!k || strcmp(k->code, "ASEAN") == 0)
				return cli_usage_error(self, "a country_officer needs --country CODE of a member state");
			country_code = k->code;
		}
		if (role != ROLE_FOCAL_POINT)
			body = NULL;
	}
	if ((add || passwd) && !pw_stdin)
		return cli_usage_error(self, "give the password on standard input with --password-stdin");
	char pw[1024] = "";
	if ((add || passwd) && read_password(pw, sizeof pw) < 0) {
		fprintf(stderr, "actip: cannot read the password from standard input\n");
		return EXIT_INPUT;
	}
	actip_err err = {{0}};
	if (auth_init(&err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	store st;
	if (cli_open_store(&st, db, list ? STORE_MUST_EXIST : 0) < 0)
		return EXIT_FAILURE_;
	int rc = ACTIP_OK;
	if (list)
		rc = list_users(&st) < 0 ? store_error(&st, "listing the users", &err) : ACTIP_OK;
	else if (add)
		rc = auth_user_add(&st, name, role, body, country_code, pw, &err);
	else if (passwd)
		rc = auth_user_passwd(&st, name, pw, &err);
	else
		rc = auth_user_disable(&st, name, &err);
	sodium_memzero(pw, sizeof pw);
	if (rc == ACTIP_OK && !list) {
		const char *what = add ? "added" : passwd ? "password changed; sessions ended" : "disabled; sessions ended";
		printf("actip: user %s %s\n", name, what);
		char action[16];
		snprintf(action, sizeof action, "user_%s", sub);
		store_audit_write(&st, "(command line)", NULL, action, "user", name, NULL,
			    add ? web_role_name(role) : NULL);
	}
	store_close(&st);
	if (rc < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return rc == ACTIP_EINPUT ? EXIT_INPUT : EXIT_FAILURE_;
	}
	return EXIT_OK_;
}
