/* The web server's configuration: the defaults of `actip serve`, which cli/cmd_serve.c
 * changes from its flags before the server (the module actip-serve, serve.h) starts. */
#include "web/server.h"

void web_config_defaults(web_config *cfg)
{
	*cfg = (web_config){
		.db_path = "actip.db", .body_limit = 32u << 20, .timeout_secs = WEB_TIMEOUT_SECS,
		.deadline_secs = WEB_DEADLINE_SECS, .sweep_secs = 60, .max_conns = 512, .max_per_ip = 32, .threads = 4,
		.conn_memory = 32u << 10,
	};
}
