/* `actip check [--db FILE] [--year Y] [--format text|json]`: runs the data-quality
 * rules (src/check) and lists every finding. The exit status is 1 when an
 * error-severity rule fails, so a script can stop before publishing. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "cli/cli.h"
#include "core/escape.h"
#include "core/text.h"

/* The latest year with an activity; 0 when there is none. */
static int latest_year(store *st)
{
	sqlite3_stmt *s;
	int y = 0;
	if (store_prepare(st, "SELECT max(year) FROM activity", &s, NULL) < 0)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		y = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return y;
}

/* Human-readable: one line per rule with its count, then the findings. */
static void print_text(const check_result *r, const char *db)
{
	printf("actip check: %s, year %d\n\n", db, r->year);
	for (int i = 0; i < check_rule_count; i++)
		printf("  %-8s %-20s %3d  %s\n", r->fired[i] ? check_severity_name(check_rules[i].severity) : "ok",
		       check_rules[i].id, r->fired[i], check_rules[i].description);
	if (r->n)
		printf("\n");
	char subject[512], message[2048]; /* stored values, escaped for the terminal */
	for (size_t i = 0; i < r->n; i++)
		printf("%s %s: %s: %s\n", check_severity_name(r->items[i].rule->severity), r->items[i].rule->id,
		       esc_log(subject, sizeof subject, r->items[i].subject),
		       esc_log(message, sizeof message, r->items[i].message));
	printf("\n%d rules: %d error%s, %d warning%s\n", check_rule_count, r->errors,
	       r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s");
}

/* JSON: {"year", "errors", "warnings", "rules": [...], "findings": [...]}. */
static int print_json(const check_result *r)
{
	json_t *root = json_object(), *rules = json_array(), *items = json_array();
	json_object_set_new(root, "year", json_integer(r->year));
	json_object_set_new(root, "errors", json_integer(r->errors));
	json_object_set_new(root, "warnings", json_integer(r->warnings));
	for (int i = 0; i < check_rule_count; i++)
		json_array_append_new(rules, json_pack("{s:s, s:s, s:s, s:i}", "id", check_rules[i].id,
			"severity", check_severity_name(check_rules[i].severity), "description",
			check_rules[i].description, "findings", r->fired[i]));
	for (size_t i = 0; i < r->n; i++)
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s}", "rule",
			r->items[i].rule->id, "severity",
			check_severity_name(r->items[i].rule->severity), "subject", r->items[i].subject,
			"message", r->items[i].message));
	json_object_set_new(root, "rules", rules);
	json_object_set_new(root, "findings", items);
	int rc = json_dumpf(root, stdout, JSON_INDENT(1) | JSON_ENSURE_ASCII);
	printf("\n");
	json_decref(root);
	return rc;
}

/* Parses options, runs the rules, prints them. */
int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"year", required_argument, NULL, 'y'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("check");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	bool json = false;
	int year = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:y:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'y':
			if (text_parse_year(optarg, &year) < 0)
				return cli_usage_error(self, "--year takes a year such as 2021");
			break;
		case 'f':
			if (cli_format_text_json(self, optarg, &json) != 0)
				return EXIT_USAGE;
			break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);

	store st;
	actip_err err = {{0}};
	if (cli_open_store(&st, db, STORE_READONLY | STORE_MUST_EXIST) < 0)
		return EXIT_FAILURE_;
	if (!year && !(year = latest_year(&st))) {
		store_close(&st);
		return cli_usage_error(self, "no activities stored; give --year");
	}
	check_result r;
	if (check_run(&st, year, &r, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		check_result_free(&r);
		store_close(&st);
		return EXIT_FAILURE_;
	}
	store_close(&st);
	if (json)
		print_json(&r);
	else
		print_text(&r, db);
	int rc = r.errors ? EXIT_INPUT : EXIT_OK_;
	check_result_free(&r);
	return rc;
}
