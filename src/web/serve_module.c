/* The module actip-serve (serve.h): starts the web application on the configuration
 * cli/cmd_serve.c read from the flags, and runs it until SIGINT or SIGTERM. The module
 * holds its own copy of the web application and of the libraries it uses (store,
 * import, report); the program's copy of those is not used by the server. */
#include "web/serve.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>

#include "core/err.h"
#include "web/server.h"
#include "web/session.h"

__attribute__((visibility("default"))) int SERVE_SYMBOL(const web_config *cfg, const char *host, unsigned port)
{
	actip_err err = {{0}};
	if (auth_init(&err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return 3;
	}
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* the server's threads inherit the mask */
	signal(SIGPIPE, SIG_IGN);
	web_server srv;
	if (web_server_start(&srv, cfg, host, port, &err) < 0) {
		fprintf(stderr, "actip: %s\n", err.msg);
		return 3;
	}
	printf("actip: serving %s://%s:%u/ (database %s)%s", cfg->tls ? "https" : "http", host, srv.port, cfg->db_path,
	       auth_weak_kdf() ? " [TEST BUILD: weak password hashing]" : "");
	if (srv.cfg.deadline_secs != cfg->deadline_secs)
		printf(" [TEST BUILD: request deadline %u s]", srv.cfg.deadline_secs);
	putchar('\n');
	fflush(stdout);
	int sig;
	sigwait(&set, &sig);
	fprintf(stderr, "actip: stopping\n");
	web_server_stop(&srv);
	return 0;
}
