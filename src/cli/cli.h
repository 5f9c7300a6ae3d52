/* The command-line interface: commands are a table (name, handler, synopsis,
 * description, options), looked up by name; `actip --help`, `actip help CMD` and the
 * man page (`actip man`, written to actip.1 at build time) are all printed from that
 * one table, so they cannot disagree. */
#ifndef ACTIP_CLI_CLI_H
#define ACTIP_CLI_CLI_H

#include <stdbool.h>

/* Exit statuses, as jq names its own. */
enum {
	EXIT_OK_ = 0,
	EXIT_INPUT = 1,   /* the input was rejected (errors listed), or a check failed */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_FAILURE_ = 3 /* I/O or database failure */
};

typedef struct cli_option {
	const char *flag;   /* "--db FILE" */
	const char *help;
} cli_option;

typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;    /* after "actip NAME " */
	const char *summary;     /* one line */
	const char *description; /* paragraphs separated by blank lines */
	cli_option options[12]; /* ended by an empty one */
} cli_command;

extern const cli_command cli_commands[];

/* Looks a command up by name; NULL when unknown. */
const cli_command *cli_find(const char *name);

/* Prints `actip CMD`'s help to stdout. */
void cli_print_command_help(const cli_command *c);

/* Prints a short usage line and a hint to stderr; returns EXIT_USAGE. */
int cli_usage_error(const cli_command *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A --format that is text or json: sets *json and returns 0, or prints the usage error
 * and returns its exit status. */
int cli_format_text_json(const cli_command *c, const char *arg, bool *json);

struct store;

/* Opens the database at db (store_open's flags); on failure prints the reason, as every
 * command does, and returns -1. */
int cli_open_store(struct store *st, const char *db, int flags);

/* Handlers. */
int cmd_import(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_workplan(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_indicators(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_privacy(int argc, char **argv);
int cmd_sync(int argc, char **argv);

#endif
