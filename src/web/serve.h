/* `actip serve` once its flags are read: the module actip-serve (serve_module.c), which
 * cli/cmd_serve.c opens only for that command (core/module.h), so that libmicrohttpd and
 * GnuTLS with the dozen shared objects they bring are loaded by the server alone, not at
 * the start of every other command (about 5 ms each, bench/README.md). */
#ifndef ACTIP_WEB_SERVE_H
#define ACTIP_WEB_SERVE_H

#include "web/web.h"

/* The module's one entry point. */
#define SERVE_SYMBOL actip_serve_run
#define SERVE_SYMBOL_NAME "actip_serve_run"

/* Serves cfg on host:port until SIGINT or SIGTERM, after printing the line
 * "actip: serving http(s)://HOST:PORT/ (database …)"; 0 when stopped by a signal, 3
 * (with a message on standard error) when the server cannot start. */
typedef int serve_fn(const web_config *cfg, const char *host, unsigned port);

serve_fn SERVE_SYMBOL;

#endif
