/* actip's entry point and its command table. The table below is the single source of
 * the command reference: `actip --help`, `actip help CMD`, `actip CMD --help` and the
 * man page (`actip man`, rendered to actip.1 by the build) all print from it. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "config.h"
#include "store/store.h"

static int cmd_help(int argc, char **argv);
static int cmd_man(int argc, char **argv);
static int cmd_version(int argc, char **argv);

const cli_command cli_commands[] = {
	{"import", cmd_import, "[--db FILE] [--template NAME] [--append] [--max-errors N] [--encoding NAME] "
	 "[--delimiter C] [--date-order dmy|mdy] [--map FILE] PATH...",
	 "store data-collection CSV files and workbooks in the database, all or nothing",
	 "Reads the CSV templates of the data-collection specification (framework, partners, "
	 "projects, project_status, activities, participants, feedback, achievements, "
	 "expenditure), the indicators (indicators, indicator_targets, indicator_actuals; "
	 "see docs/indicators.md) and the work plans (bodies, focal_points, plans, workplan, "
	 "workplan_status, meetings, decisions, adoption_steps, consultation_inputs; see "
	 "docs/workplan-templates.md). A directory imports every template file in it; a file's template is "
	 "told by its name (participants.csv, 2021-participants.csv, participants_kh.csv) or "
	 "by --template.\n\n"
	 "Files may be CSV, TSV or text with ; or | between fields (the delimiter is found "
	 "from the header; --delimiter overrides it), in UTF-8 or UTF-16 with a byte-order "
	 "mark, or in another encoding named by --encoding (CP874, TIS-620, CP1258, ...). An "
	 ".xlsx workbook imports every sheet named after a template (a workbook of one sheet "
	 "may be named after it instead); its errors read FILE:SHEET!CELL: COLUMN: message. "
	 "Headers may use the usual other names (Gender, Full name, Nationality, ...) and form "
	 "tools' group paths; their metadata columns (_id, _uuid, Timestamp, ...) are ignored; "
	 "--map FILE, a CSV of template,source,column, names the column of any other header "
	 "(an empty column ignores it). Values may be written in the region's languages "
	 "(Nữ, ຍິງ, Có, ...); D/M/YYYY or M/D/YYYY dates need --date-order dmy or mdy "
	 "(spec/import-formats.md).\n\n"
	 "The whole run is one transaction: if any file has an error, nothing is stored and "
	 "every error is listed (up to --max-errors) as FILE:LINE: COLUMN: message, where LINE "
	 "is the line the record starts on. Importing the same files again changes nothing. "
	 "The participants (and the feedback) a run gives for an activity replace those "
	 "stored for it before, and the summary says so activity by activity (\"KH-2021-003: "
	 "41 stored participants replaced by 40\"); activities the run does not mention keep "
	 "theirs. With --append they are added after the stored ones instead. Records of an "
	 "approved year or work-plan half-year are locked: a file that would change one is "
	 "refused whole.",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db); created when missing"},
	  {"--template NAME", "read every file as this template"},
	  {"--append", "add participants and feedback after those stored instead of replacing them"},
	  {"--max-errors N", "list at most N errors (default 100)"},
	  {"--quiet", "print no summary"},
	  {"--no-progress", "no progress bar, even on a terminal"}}},
	{"report", cmd_report, "[--db FILE] --year Y [--format json|md|html|xlsx|csv|docx] [-o PATH] [--suppress-below K] [--lang L]",
	 "compute the annual progress report for a year",
	 "Computes Tables 1 to 5 of the annual progress report for year Y from the stored "
	 "records: activities by country and type, capacity development events over three "
	 "years, event participants and people trained by country and sex, and feedback on "
	 "capacity development events. Percentages are exact ratios rounded half away from "
	 "zero. html (one self-contained file with inline SVG charts, printable on A4) and md "
	 "are the whole report: project status, regional progress by end-of-programme "
	 "outcome, a profile per country, NGO partners, the tables with their figures, "
	 "expenditure and the data-quality annex (the findings of `actip check`). json is the "
	 "machine-readable form of the annual-report specification (tables, project status, "
	 "country profiles, expenditure). xlsx writes one sheet per table plus the "
	 "achievements and the findings; csv writes table1.csv ... table5.csv, "
	 "achievements.csv and quality.csv into the directory given by -o. In xlsx and csv a "
	 "text cell beginning with = + - @, a tab or a CR gets a leading '.\n\n"
	 "--suppress-below K writes the public tables instead, for publication: Tables 1 to 5 "
	 "alone, in any format, with every count from 1 to K-1 and every cell from which one "
	 "could be worked back (such as a total minus the other parts) shown as <K, as the "
	 "IOM's Counter Trafficking Data Collaborative does. md and html say so under the "
	 "title; xlsx has one sheet per table, numbers as numbers and each suppressed cell "
	 "the text <K. No suppressed number is written anywhere in the output.",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--year Y", "the report year (required)"},
	  {"--format F", "json, md, html, xlsx or csv (default md)"},
	  {"-o, --output PATH", "write to PATH instead of standard output (xlsx: a file, csv: a "
	   "directory; both required)"},
	  {"--suppress-below K", "public tables: Tables 1-5 only (any format), a count of 1 to K-1 "
	   "and any cell it could be worked back from shown as <K (K from 2 to 1000)"},
	  {"--lang L", "the document in language L: headings, tables, figures, sentences (a code of po/LINGUAS; default en, English)"}}},
	{"indicators", cmd_indicators,
	 "[--db FILE] (--year Y | --period YYYY-Hn) [--format md|html|json|xlsx] [-o FILE]",
	 "the indicator performance tracking table for a year or half-year",
	 "For every indicator (indicators.csv, docs/indicators.md): its baseline, the target "
	 "of the period, the actual, the % of the target achieved, and the actual by sex and "
	 "by country where the indicator is disaggregated. Actuals are entered "
	 "(indicator_actuals.csv) or computed from the stored records by a named measure "
	 "(activities, cd_events, participants, people_trained, pct_women_participants, "
	 "pct_women_trained, pct_satisfied, pct_improved_learning, achievements) with "
	 "filters.\n\n"
	 "Cumulative indicators add up every year from their first up to the period; others "
	 "count the period alone. Percentages are recomputed from their numerators and "
	 "denominators, never averaged. The same table is a section of the annual report.",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--year Y", "the year"},
	  {"--period P", "a year or half-year: 2021, 2021-H1, 2021-H2"},
	  {"--format F", "md (default), html, json or xlsx"},
	  {"-o, --output FILE", "write to FILE instead of standard output (xlsx: required)"}}},
	{"export", cmd_export, "iati [--db FILE] --year Y -o FILE",
	 "export the programme as IATI 2.03 activities",
	 "'export iati' writes an iati-activities 2.03 XML file: one activity per project "
	 "(and one for the programme when the setting iati_programme_code is set, with the "
	 "recorded expenditure as transactions), with the reporting organisation, funding and "
	 "implementing organisations, title, description, status for year Y, dates, recipient "
	 "country or region, DAC sector, and results for the outcomes each project serves: "
	 "indicators with baseline, yearly periods, targets, actuals and a sex dimension. The "
	 "settings iati_reporting_org_ref, iati_reporting_org_name and iati_funding_org must "
	 "be set (settings.csv, docs/indicators.md).",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--year Y", "the year whose status and results are reported (required)"},
	  {"-o, --output FILE", "the XML file to write (required)"}}},
	{"check", cmd_check, "[--db FILE] [--year Y] [--format text|json]",
	 "run the data-quality rules and list what they find",
	 "Runs the database's integrity and foreign-key checks and the data-quality rules "
	 "for year Y: counts whose parts do not add to their total, project codes whose "
	 "letter names another country (setting project_code_letters), achievements citing "
	 "another country's project, a person recorded with two sexes or countries, more "
	 "feedback respondents than participants, respondents of a sex no participant has, "
	 "activities outside their project's years, capacity development events without "
	 "participants, printed shares that do not add to 100%, printed percentages that "
	 "disagree with their own numbers, published figures that differ from the records, "
	 "and two partners claiming the same people. The same findings make the annual "
	 "report's data-quality annex. The exit status is 1 when an error-severity rule "
	 "fails, 0 otherwise (warnings alone do not fail).",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--year Y", "the year to check (default: the latest year with activities)"},
	  {"--format F", "text (default) or json"}}},
	{"workplan", cmd_workplan,
	 "report|review [--db FILE] --plan X (--period YYYY-Hn | --kind midterm|final) [--format json|md|html|xlsx|docx] [-o FILE] [--lang L]",
	 "monitor a cross-sectoral work plan: half-yearly report, mid-term and final reviews",
	 "'workplan report' gives, for plan X and half-year P, the matrix of action lines with "
	 "each line's state at P and the bodies' notes; completeness, timeliness, implementation "
	 "and completion rates overall, by lead body and by pillar; SMART gaps; near-duplicate "
	 "lines; ACTIP-article coverage; and overdue follow-up decisions "
	 "(spec/workplan-monitoring.md, docs/workplan-monitoring.md).\n\n"
	 "'workplan review' gives the mid-term review (as of the end of the plan's middle year) "
	 "or the final review (as of its end): the rates of every half-year by pillar and by lead "
	 "body, the lines never reported and the lines delayed for two or more periods.\n\n"
	 "json is the machine-readable form; md, html (one self-contained file, printable on A4 "
	 "landscape) and xlsx (needs -o) are for people.",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--plan X", "the plan code, e.g. BOHOL-2017-2020 (required)"},
	  {"--period P", "report: the half-year, YYYY-H1 or YYYY-H2 (required)"},
	  {"--kind K", "review: midterm or final (required)"},
	  {"--format F", "json, md, html or xlsx (default md)"},
	  {"--on-time-days N", "a report is on time up to N days after the period (default 30)"},
	  {"--lang L", "the document in language L: sections, columns, states, sentences (a code of po/LINGUAS; default en, English)"},
	  {"-o, --output FILE", "write to FILE instead of standard output"}}},
	{"serve", cmd_serve, "[--db FILE] [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--public-url URL] [--trust-proxy ADDR,...] [--body-limit BYTES] [--threads N] [--max-per-ip N] [--deadline SECS]",
	 "run the web application and its JSON API",
	 "Serves the web application (sign-in, dashboard, activities, upload, periods, audit log) and the "
	 "JSON API under /api/v1 (docs/api.md) until interrupted. Accounts come from 'actip user'; there is "
	 "no default account. Limits: 15 s idle timeout, 10 s for a request's line and headers, 60 s per "
	 "request, 512 connections (the slowest unfinished ones closed first when nearly full), 32 per "
	 "address, 32 KiB of memory per connection. With --tls-cert and --tls-key it speaks HTTPS itself (TLS 1.2 and 1.3, "
	 "with HSTS). Behind a reverse proxy, --public-url names the address people use and --trust-proxy "
	 "the proxy, whose X-Forwarded-For then gives the client's address. Requests naming another Host "
	 "are refused. On plain HTTP the session cookie drops Secure and the __Host- prefix only when "
	 "listening on a loopback address or when the public URL is http; listening elsewhere without TLS "
	 "or a trusted proxy prints a warning (docs/deploy.md).",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db); must exist"},
	  {"--listen ADDR:PORT", "IPv4 address and port (default 127.0.0.1:8080; port 0 picks a free one)"},
	  {"--tls-cert FILE", "PEM certificate chain: serve HTTPS (with --tls-key)"},
	  {"--tls-key FILE", "PEM private key of the certificate"},
	  {"--public-url URL", "https://HOST[:PORT] people reach the server at (behind a proxy): sets the cookie's flags, the expected Origin and the accepted Host"},
	  {"--trust-proxy ADDR,...", "peer addresses of reverse proxies whose X-Forwarded-For or Forwarded is believed (up to 8)"},
	  {"--body-limit BYTES", "largest request body (default 33554432); larger gets 413"},
	  {"--threads N", "worker threads (default 4)"},
	  {"--max-per-ip N", "connections from one address (default 32; 512 from a trusted proxy, which limits its clients itself)"},
	  {"--deadline SECS", "the time one request may take, counted from the end of the connection's previous request (or its opening) to the end of its answer "
			      "(default 60; a handler that is running is not cut). A file of 5 MB needs "
			      "85 KB/s to arrive within 60 s: raise it where people upload large files "
			      "over slow links"}}},
	{"user", cmd_user, "add|passwd|disable|list [--db FILE] --name NAME [--role ROLE] [--body CODE] [--country CODE] --password-stdin",
	 "manage the web application's accounts",
	 "add creates an account: --role is admin, focal_point (with --body, its sectoral body), "
	 "country_officer (with --country) or viewer. passwd sets a new password and ends the user's "
	 "sessions; disable blocks the account and ends its sessions; list prints the accounts. The "
	 "password is read as one line from standard input: 12 to 128 characters, hard enough to guess "
	 "(zxcvbn-c's estimate; the reason is shown when it is not). "
	 "It is stored as an argon2id hash (libsodium).",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--name NAME", "the user name"},
	  {"--role ROLE", "admin, focal_point, country_officer or viewer (add)"},
	  {"--body CODE", "a focal point's sectoral body, e.g. SOMTC"},
	  {"--country CODE", "a country officer's country, e.g. KH"},
	  {"--password-stdin", "read the password from standard input"}}},
	{"backup", cmd_backup, "[--db FILE] --to FILE [--quiet]",
	 "copy the database safely, even while the server or an import writes",
	 "Copies the database with SQLite's online backup API: one consistent snapshot, taken "
	 "without stopping `actip serve` and without blocking its writers. The copy is written "
	 "beside FILE, checked with PRAGMA integrity_check, synced, and only then given the name "
	 "FILE, which must not exist yet. Never copy a live database file with cp: it can catch "
	 "a transaction half-written. To restore, stop the server and put the backup in place of "
	 "the database (removing its -wal and -shm files), then run `actip check`. A "
	 "pseudonymisation key file is not part of the database and so not part of a backup; "
	 "keep it apart.",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--to FILE", "the new backup file (required; must not exist)"},
	  {"--quiet", "print nothing on success"}}},
	{"privacy", cmd_privacy, "init|status [--db FILE] [--key FILE]",
	 "pseudonymisation mode: participants' names and e-mails never stored",
	 "'privacy init' turns pseudonymisation on for a database that holds no participants yet "
	 "and writes a new random key to the file --key names (mode 0600; it must not exist). From "
	 "then on participant names and e-mails are never stored: a person is known by a keyed "
	 "BLAKE2b hash of their person_id, e-mail or name key, so the counts stay exact. Every "
	 "import and the server need the key through the environment variable ACTIP_PSEUDONYM_KEY "
	 "and refuse to run without it or with another key. Reports, checks and backups do not "
	 "need it. Keep the key file away from the database and its backups: with both, the "
	 "pseudonyms of known people can be recomputed. 'privacy status' says whether a database "
	 "is pseudonymised.",
	 {{"--db FILE", "the database (default: $ACTIP_DB, else actip.db)"},
	  {"--key FILE", "init: the new key file"}}},
	{"sync", cmd_sync, "clone|status|export|apply|conflicts|resolve [--db FILE] [--server URL --user NAME [--key FILE]] [--for NAME [--since E]] [-o BUNDLE] [BUNDLE | ID mine|theirs]",
	 "keep an offline instance in step with a server, over the network or by file",
	 "clone makes a new instance (--db, which must not exist) from a server (--server https://HOST, "
	 "or http://127.0.0.1:PORT for one on this machine) holding every record the account (--user) may "
	 "read, participants' names only where it may see them; the password is read from standard input. "
	 "`actip sync --db FILE` (no command) sends the instance's changes and receives the others', as the "
	 "same account, password on standard input: each change is applied on the server with that account's "
	 "role, country, body and locked periods, and can be sent again safely. A record changed on both sides "
	 "since they last agreed is not overwritten: both versions are kept and listed by `actip sync "
	 "conflicts`, and `actip sync resolve --db FILE ID mine|theirs` settles one; status shows the epoch "
	 "the instance agreed up to and how many changes wait to be sent. export writes the "
	 "instance's changes to an authenticated file (-o BUNDLE) and apply, on the server's database, applies "
	 "one; a bundle that was altered, or made for another instance, is refused. The other way, export "
	 "--for NAME on the server's database writes what changed there since that account's instance last "
	 "agreed (--since E, by default the epoch its last bundle named), as the account may read it, and "
	 "apply on the instance takes it in. A pseudonymised server is cloned with --key FILE, its "
	 "pseudonymisation key, or not at all. See docs/sync.md.",
	 {{"--db FILE", "the instance's database (default: $ACTIP_DB, else actip.db)"},
	  {"--server URL", "the server (clone)"},
	  {"--user NAME", "the account (clone)"},
	  {"-o BUNDLE", "the file to write (export)"},
	  {"--for NAME", "export on a server: a bundle for that account's instance"},
	  {"--since E", "with --for: the epoch the instance has (actip sync status)"},
	  {"--key FILE", "clone of a pseudonymised server: its key, kept by the instance too"},
	  {"--format text|json", "how conflicts are listed"}}},
	{"help", cmd_help, "[COMMAND]", "show help for actip or one command", NULL, {{NULL, NULL}}},
	{"man", cmd_man, "", "print the manual page in roff", NULL, {{NULL, NULL}}},
	{"version", cmd_version, "", "print the version", NULL, {{NULL, NULL}}},
	{NULL, NULL, NULL, NULL, NULL, {{NULL, NULL}}},
};

/* By name. */
const cli_command *cli_find(const char *name)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Prints text wrapped at 78 columns with an indent. */
static void wrap(FILE *out, const char *text, int indent)
{
	const char *p = text;
	while (*p) {
		const char *para_end = strstr(p, "\n\n");
		size_t plen = para_end ? (size_t)(para_end - p) : strlen(p);
		int col = 0;
		const char *w = p, *end = p + plen;
		while (w < end) {
			while (w < end && *w == ' ')
				w++;
			const char *we = w;
			while (we < end && *we != ' ')
				we++;
			int wl = (int)(we - w);
			if (wl == 0)
				break;
			if (col == 0)
				col = fprintf(out, "%*s", indent, "");
			else if (col + 1 + wl > 78) {
				fputc('\n', out);
				col = fprintf(out, "%*s", indent, "");
			} else
				col += fprintf(out, " ");
			col += fprintf(out, "%.*s", wl, w);
			w = we;
		}
		fputc('\n', out);
		p = para_end ? para_end + 2 : end;
		if (para_end)
			fputc('\n', out);
	}
}

/* The overview: usage and the list of commands. */
static void print_overview(FILE *out)
{
	fprintf(out, "actip %s - plan, monitor and report the implementation of the ASEAN Convention\n"
		     "Against Trafficking in Persons (ACTIP)\n\nUsage: actip COMMAND [OPTIONS]\n\n"
		     "Commands:\n", ACTIP_VERSION);
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out, "\nRun 'actip help COMMAND' for a command's options.\n"
		     "Exit status: 0 success, 1 input rejected, 2 usage error, 3 I/O or database failure.\n");
}

/* One command's help. */
void cli_print_command_help(const cli_command *c)
{
	printf("Usage: actip %s %s\n\n", c->name, c->synopsis);
	wrap(stdout, c->description ? c->description : c->summary, 2);
	if (c->options[0].flag) {
		printf("\nOptions:\n");
		for (int i = 0; c->options[i].flag; i++)
			printf("  %-20s %s\n", c->options[i].flag, c->options[i].help);
	}
}

int cli_open_store(store *st, const char *db, int flags)
{
	actip_err err = {{0}};
	if (store_open(st, db, flags, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return -1;
	}
	return 0;
}

/* Short usage and a hint on stderr. */
int cli_format_text_json(const cli_command *c, const char *arg, bool *json)
{
	if (strcmp(arg, "json") != 0 && strcmp(arg, "text") != 0)
		return cli_usage_error(c, "--format is text or json");
	*json = strcmp(arg, "json") == 0;
	return 0;
}

int cli_usage_error(const cli_command *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "actip %s: ", c->name);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nUsage: actip %s %s\nTry 'actip help %s'.\n", c->name, c->synopsis,
		c->name);
	return EXIT_USAGE;
}

/* Writes text with roff's special characters escaped. */
static void roff(FILE *out, const char *s)
{
	bool line_start = true;
	for (; *s; s++) {
		if (line_start && (*s == '.' || *s == '\''))
			fputs("\\&", out);
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\n' && s[1] == '\n') {
			fputs("\n.PP\n", out);
			s++;
			line_start = true;
			continue;
		} else
			fputc(*s, out);
		line_start = *s == '\n';
	}
}

/* actip help [COMMAND] */
static int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		print_overview(stdout);
		return EXIT_OK_;
	}
	const cli_command *c = cli_find(argv[1]);
	if (!c) {
		fprintf(stderr, "actip: no command '%s'\n", argv[1]);
		print_overview(stderr);
		return EXIT_USAGE;
	}
	cli_print_command_help(c);
	return EXIT_OK_;
}

/* actip man: the manual page, from the same table. */
static int cmd_man(int argc, char **argv)
{
	(void)argc, (void)argv;
	printf(".TH ACTIP 1 \"\" \"actip %s\" \"User Commands\"\n.SH NAME\nactip \\- plan, monitor "
	       "and report the implementation of the ASEAN Convention Against Trafficking in "
	       "Persons\n.SH SYNOPSIS\n.B actip\n.I COMMAND\n[\n.I OPTIONS\n]\n.SH COMMANDS\n",
	       ACTIP_VERSION);
	for (const cli_command *c = cli_commands; c->name; c++) {
		printf(".SS \"actip %s ", c->name);
		roff(stdout, c->synopsis);
		printf("\"\n");
		roff(stdout, c->description ? c->description : c->summary);
		printf("\n");
		for (int i = 0; c->options[i].flag; i++) {
			printf(".TP\n.B ");
			roff(stdout, c->options[i].flag);
			printf("\n");
			roff(stdout, c->options[i].help);
			printf("\n");
		}
	}
	printf(".SH ENVIRONMENT\n.TP\n.B ACTIP_DB\nthe database used when \\-\\-db is not given\n"
	       ".SH EXIT STATUS\n0 success, 1 input rejected (errors are listed as FILE:LINE: "
	       "COLUMN: message), 2 usage error, 3 I/O or database failure.\n");
	return EXIT_OK_;
}

/* actip version */
static int cmd_version(int argc, char **argv)
{
	(void)argc, (void)argv;
	printf("actip %s\n", ACTIP_VERSION);
	return EXIT_OK_;
}

/* Looks the command up and runs it with its own argv. */
int main(int argc, char **argv)
{
	store_library_init(); /* before any other SQLite call, for every command */
	if (argc < 2) {
		print_overview(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_overview(stdout);
		return EXIT_OK_;
	}
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(0, NULL);
	store_library_init(); /* before any command touches SQLite */
	const cli_command *c = cli_find(argv[1]);
	if (!c) {
		fprintf(stderr, "actip: no command '%s'\nTry 'actip --help'.\n", argv[1]);
		return EXIT_USAGE;
	}
	return c->run(argc - 1, argv + 1);
}
