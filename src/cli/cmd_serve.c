/* `actip serve [--db FILE] [--listen ADDR:PORT] [--tls-cert F --tls-key F] [--public-url U]
 * [--trust-proxy A,...]`: runs the web application until SIGINT or SIGTERM. The limits
 * are flags with safe defaults; port 0 picks a free port, and the line "actip: serving
 * http(s)://ADDR:PORT/" tells which. Listening off loopback on plain HTTP without a
 * trusted proxy is allowed, with a warning on stderr. The flags are read here; the server
 * runs in the module actip-serve (web/serve.h), so that no other command loads its
 * libraries. */
#include <arpa/inet.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/err.h"
#include "core/text.h"
#include "core/module.h"
#include "store/store.h"
#include "web/serve.h"
#include "web/server.h"

/* Parses a positive number flag. */
static int num_arg(const char *s, unsigned long max, unsigned long *out)
{
	int64_t v;
	if (text_parse_count(s, &v) < 0 || v < 1 || (unsigned long)v > max)
		return -1;
	*out = (unsigned long)v;
	return 0;
}

/* Reads a PEM file whole into a new string; NULL (with err) when it cannot. */
static char *read_pem(const char *path, actip_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(err, ACTIP_EIO, "%s: cannot open", path);
		return NULL;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	char chunk[4096];
	size_t n;
	while (mem && (n = fread(chunk, 1, sizeof chunk, f)) > 0 && len < (1u << 20))
		fwrite(chunk, 1, n, mem);
	bool bad = ferror(f) || !mem;
	fclose(f);
	if (mem)
		fclose(mem);
	if (bad || !buf || !strstr(buf, "-----BEGIN ")) {
		free(buf);
		err_set(err, ACTIP_EINPUT, "%s: not a PEM file", path);
		return NULL;
	}
	return buf;
}

/* Splits --trust-proxy A,B,... into cfg->trusted; -1 on a bad or surplus address. */
static int trust_list(web_config *cfg, const char *list)
{
	char buf[600];
	snprintf(buf, sizeof buf, "%s", list);
	char *save = NULL;
	for (char *a = strtok_r(buf, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
		unsigned char ip[16];
		if (cfg->ntrusted >= 8 || (inet_pton(AF_INET, a, ip) != 1 && inet_pton(AF_INET6, a, ip) != 1))
			return -1;
		snprintf(cfg->trusted[cfg->ntrusted++], sizeof cfg->trusted[0], "%s", a);
	}
	return cfg->ntrusted > 0 ? 0 : -1;
}

/* Runs the server. */
int cmd_serve(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},     {"listen", required_argument, NULL, 'l'},
		{"body-limit", required_argument, NULL, 'b'}, {"threads", required_argument, NULL, 't'},
		{"max-per-ip", required_argument, NULL, 'p'}, {"deadline", required_argument, NULL, 'D'},
		{"tls-cert", required_argument, NULL, 'C'}, {"tls-key", required_argument, NULL, 'K'},
		{"public-url", required_argument, NULL, 'P'}, {"trust-proxy", required_argument, NULL, 'T'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const cli_command *self = cli_find("serve");
	web_config cfg;
	web_config_defaults(&cfg);
	if (getenv("ACTIP_DB"))
		cfg.db_path = getenv("ACTIP_DB");
	char listen[80] = "127.0.0.1:8080";
	const char *cert_path = NULL, *key_path = NULL;
	bool per_ip_set = false;
	actip_err err = {{0}};
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
			per_ip_set = true;
			break;
		case 'D':
			if (num_arg(optarg, 3600, &v) < 0)
				return cli_usage_error(self, "--deadline takes seconds, 1 to 3600");
			cfg.deadline_secs = (unsigned)v;
			break;
		case 'C': cert_path = optarg; break;
		case 'K': key_path = optarg; break;
		case 'P':
			if (web_public_url_parse(&cfg, optarg, &err) < 0)
				return cli_usage_error(self, "%s", err.msg);
			break;
		case 'T':
			if (trust_list(&cfg, optarg) < 0)
				return cli_usage_error(self, "--trust-proxy takes up to 8 IP addresses separated by commas");
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
	/* Behind a proxy every connection comes from its address: the per-address limit
	 * belongs in the proxy then (docs/deploy.md, limit_conn). */
	if (cfg.ntrusted > 0 && !per_ip_set)
		cfg.max_per_ip = cfg.max_conns;
	if (!cert_path != !key_path)
		return cli_usage_error(self, "--tls-cert and --tls-key go together");
	bool loopback = strncmp(listen, "127.", 4) == 0;
	if (cert_path) {
		char *cert = read_pem(cert_path, &err), *key = cert ? read_pem(key_path, &err) : NULL;
		if (!key) {
			free(cert);
			fprintf(stderr, "actip: %s\n", err.msg);
			return EXIT_FAILURE_;
		}
		cfg.tls = true;
		cfg.tls_cert = cert;
		cfg.tls_key = key;
	}
	/* The cookie's Secure flag and __Host- prefix follow the scheme people use: the
	 * public URL's behind a proxy, else this server's; plain HTTP drops them only on
	 * loopback (a browser would not send a Secure cookie back over it). */
	cfg.secure_cookie = cfg.public_origin[0] ? cfg.public_https : cfg.tls || !loopback;
	if (!loopback && !cfg.tls && cfg.ntrusted == 0)
		fprintf(stderr, "actip: WARNING: serving plain HTTP on %s: passwords and session cookies cross the "
				"network readable; use --tls-cert/--tls-key, or a TLS proxy with --trust-proxy and "
				"--public-url (docs/deploy.md)\n", listen);

	store st;
	if (cli_open_store(&st, cfg.db_path, STORE_MUST_EXIST) < 0)
		return EXIT_FAILURE_;
	store_close(&st);
	char why[2 * PATH_MAX + 200];
	serve_fn *serve = (serve_fn *)module_symbol("actip-serve.so", "../web", SERVE_SYMBOL_NAME, why, sizeof why);
	int rc = EXIT_FAILURE_;
	if (!serve)
		fprintf(stderr, "actip: cannot load the web server (%s)\n", why);
	else
		rc = serve(&cfg, listen, (unsigned)port) == 0 ? EXIT_OK_ : EXIT_FAILURE_;
	free((char *)cfg.tls_cert);
	free((char *)cfg.tls_key);
	return rc;
}
