/* `actip serve [--db FILE] [--listen ADDR:PORT]`: runs the web application until
 * SIGINT or SIGTERM. The limits are flags with safe defaults; port 0 picks a free port,
 * and the line "actip: serving http://ADDR:PORT/" tells which. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "web/server.h"
#include "web/session.h"

/* Parses a positive number flag. */
static int num_arg(const char *s, unsigned long max, unsigned long *out)
{
	int64_t v;
	if (text_parse_count(s, &v) < 0 || v < 1 || (unsigned long)v > max)
		return -1;
	*out = (unsigned long)v;
	return 0;
}

/* Runs the server. */
int cmd_serve(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},     {"listen", required_argument, NULL, 'l'},
		{"body-limit", required_argument, NULL, 'b'}, {"threads", required_argument, NULL, 't'},
		{"max-per-ip", required_argument, NULL, 'p'}, {"deadline", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("serve");
	web_config cfg;
	web_config_defaults(&cfg);
	if (getenv("ACTIP_DB"))
		cfg.db_path = getenv("ACTIP_DB");
	char listen[80] = "127.0.0.1:8080";
	unsigned long v;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:l:b:t:p:D:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': cfg.db_path = optarg; break;
		case 'l': snprintf(listen, sizeof listen, "%s", optarg); break;
		case 'b':
			if (num_arg(optarg, 1ul << 30, &v) < 0)
				return cli_usage_error(self, "--body-limit takes bytes, 1 to 1073741824");
			cfg.body_limit = v;
			break;
		case 't':
			if (num_arg(optarg, 64, &v) < 0)
				return cli_usage_error(self, "--threads takes 1 to 64");
			cfg.threads = (unsigned)v;
			break;
		case 'p':
			if (num_arg(optarg, 10000, &v) < 0)
				return cli_usage_error(self, "--max-per-ip takes 1 to 10000");
			cfg.max_per_ip = (unsigned)v;
			break;
		case 'D':
			if (num_arg(optarg, 3600, &v) < 0)
				return cli_usage_error(self, "--deadline takes seconds, 1 to 3600");
			cfg.deadline_secs = (unsigned)v;
			break;
		case 'h': cli_print_command_help(self); return EXIT_OK_;
		default: return cli_usage_error(self, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	char *colon = strrchr(listen, ':');
	unsigned long port = 0;
	if (!colon || (strcmp(colon + 1, "0") != 0 && num_arg(colon + 1, 65535, &port) < 0))
		return cli_usage_error(self, "--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080");
	*colon = '\0';
	/* Plain HTTP: the Secure cookie and the __Host- prefix are dropped only on loopback. */
	cfg.secure_cookie = strncmp(listen, "127.", 4) != 0;

	actip_err err = {{0}};
	store st;
	if (store_open(&st, cfg.db_path, STORE_MUST_EXIST, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	store_close(&st);
	if (auth_init(&err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* the server's threads inherit the mask */
	signal(SIGPIPE, SIG_IGN);
	web_server srv;
	if (web_server_start(&srv, &cfg, listen, (unsigned)port, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return EXIT_FAILURE_;
	}
	printf("actip: serving http://%s:%u/ (database %s)%s", listen, srv.port, cfg.db_path,
	       auth_weak_kdf() ? " [TEST BUILD: weak password hashing]" : "");
	if (srv.cfg.deadline_secs != cfg.deadline_secs)
		printf(" [TEST BUILD: request deadline %u s]", srv.cfg.deadline_secs);
	putchar('\n');
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	fprintf(stderr, "actip: stopping\n");
	web_server_stop(&srv);
	return EXIT_OK_;
}
