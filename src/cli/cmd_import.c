/* `actip import [--db FILE] PATH...` */
#include <getopt.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "import/decode.h"
#include "import/import.h"

/* Writes the run's audit row inside its transaction, before COMMIT: who ran it (the
 * login name, as "cli:NAME"), what it read and how many rows it stored or changed. */
static int audit_import(store *st, void *ctx, actip_err *err)
{
	const import_opts *o = ctx;
	const import_hooks *h = o->hooks;
	const char *who = getenv("USER");
	char user[80], paths[400] = "";
	snprintf(user, sizeof user, "cli:%s", who && *who ? who : "?");
	size_t len = 0;
	for (int i = 0; i < o->npaths && len < sizeof paths - 1; i++)
		len += (size_t)snprintf(paths + len, sizeof paths - len, "%s%s", i ? " " : "", o->paths[i]);
	char counts[120];
	snprintf(counts, sizeof counts, "{\"rows\":%ld,\"changed\":%ld,\"replaced_activities\":%ld}", h->rows,
		 h->changed, h->replaced);
	if (store_audit_write(st, user, "local", "import", "files", paths, NULL, counts) < 0)
		return store_error(st, "writing the audit row", err);
	return ACTIP_OK;
}

/* Parses options, runs the import, prints errors or the summary. */
int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"template", required_argument, NULL, 't'},
		{"max-errors", required_argument, NULL, 'm'},
		{"quiet", no_argument, NULL, 'q'},
		{"append", no_argument, NULL, 'a'},
		{"no-progress", no_argument, NULL, 'P'},
		{"encoding", required_argument, NULL, 'E'},
		{"delimiter", required_argument, NULL, 'D'},
		{"date-order", required_argument, NULL, 'O'},
		{"map", required_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("import");
	const char *db = getenv("ACTIP_DB") ? getenv("ACTIP_DB") : "actip.db";
	import_opts o = {0};
	o.max_errors = 100;
	o.progress = isatty(2);
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:t:m:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 't': o.template_name = optarg; break;
		case 'm': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 100000)
				return cli_usage_error(self, "--max-errors takes a number from 1 to 100000");
			o.max_errors = (size_t)n;
			break;
		}
		case 'q': o.quiet = true; break;
		case 'a': o.append = true; break;
		case 'P': o.progress = false; break;
		case 'E':
			if (!decode_known(optarg))
				return cli_usage_error(self, "--encoding: iconv does not know that encoding "
							     "(`iconv -l` lists them; e.g. CP874, CP1258)");
			o.fmt.encoding = optarg;
			break;
		case 'D':
			if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0)
				optarg = "\t";
			if (strlen(optarg) != 1 || !strchr(",;\t|", optarg[0]))
				return cli_usage_error(self, "--delimiter takes one of , ; | or tab");
			o.fmt.delimiter = optarg[0];
			break;
		case 'O':
			if (strcmp(optarg, "dmy") != 0 && strcmp(optarg, "mdy") != 0)
				return cli_usage_error(self, "--date-order takes dmy or mdy");
			o.fmt.date_order = optarg[0];
			break;
		case 'M': o.fmt.map_path = optarg; break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error(self, "name at least one file or directory to import");
	o.paths = (const char *const *)argv + optind;
	o.npaths = argc - optind;
	o.summary = stdout;

	/* An import allocates and frees SQLite's pages, statements and sort buffers all run
	 * long; by default glibc gives the top of the heap back to the kernel whenever
	 * 128 KiB of it are free and takes it back a moment later, two system calls and a
	 * TLB flush each time (1,300 of them for 10,000 activities, half the time of that
	 * file). The process is short-lived: keep up to 64 MiB free on top. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
	store st;
	actip_err err = {{0}};
	if (store_open(&st, db, 0, &err) < 0) {
		fprintf(stderr, "actip: %s; nothing was imported\n", err.msg);
		return EXIT_FAILURE_;
	}
	const char *who = getenv("USER");
	snprintf(st.account, sizeof st.account, "cli:%.60s", who && *who ? who : "local");
	diag_list diag;
	diag_init(&diag, o.max_errors, 200);
	import_hooks hooks = {.before_commit = audit_import, .ctx = &o};
	o.hooks = &hooks;
	int rc = import_run(&st, &o, &diag, &err);
	free(hooks.replaced_detail); /* the summary prints each file's own */
	store_close(&st);
	if (rc == ACTIP_EINPUT || diag.errors) {
		diag_print(&diag, DIAG_ERROR, stderr);
		diag_print(&diag, DIAG_WARNING, stderr);
		if (err.msg[0])
			fprintf(stderr, "actip: %s\n", err.msg);
		fprintf(stderr, "actip: %zu error%s; nothing was imported\n", diag.errors,
			diag.errors == 1 ? "" : "s");
		diag_free(&diag);
		return EXIT_INPUT;
	}
	if (rc < 0) {
		diag_print(&diag, DIAG_WARNING, stderr);
		fprintf(stderr, "actip: %s; nothing was imported\n", err.msg);
		diag_free(&diag);
		return EXIT_FAILURE_;
	}
	if (diag.warnings) {
		fprintf(stdout, "%zu warning%s:\n", diag.warnings, diag.warnings == 1 ? "" : "s");
		diag_print(&diag, DIAG_WARNING, stdout);
	}
	diag_free(&diag);
	return EXIT_OK_;
}
