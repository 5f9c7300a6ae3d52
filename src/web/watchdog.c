/* The request deadline's watchdog (see watchdog.h): a list of open connections, each
 * with the monotonic time its current request began and whether its headers are in,
 * and a thread that shuts down the sockets of those past the header deadline or the
 * request deadline, and, when the server is nearly full, of the slowest unfinished
 * ones. The per-request updates are atomic stores, so the server's threads take the
 * list's lock only when a connection opens or closes. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "web/watchdog.h"
#include "web/web.h"

/* One open connection. */
typedef struct conn_watch {
	int fd;
	char addr[64];
	atomic_llong began_ms; /* when the current request began (monotonic ms) */
	atomic_bool in_handler;
	atomic_bool headers_in; /* the current request's headers have all arrived */
	bool cut;              /* shut down already (under the lock) */
	struct conn_watch *prev, *next;
} conn_watch;

struct web_watchdog {
	unsigned deadline_secs, header_secs;
	unsigned max_conns, count; /* the daemon's limit; open connections (under lock) */
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping;
	conn_watch *head;
	pthread_t thread;
};

/* Monotonic milliseconds. */
static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The record of a connection, from its socket context. */
static conn_watch *watch_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? (conn_watch *)ci->socket_context : NULL;
}

/* Shuts a connection down (under the lock); libmicrohttpd then closes it. */
static void cut(conn_watch *cw, const char *why)
{
	cw->cut = true;
	shutdown(cw->fd, SHUT_RDWR);
	web_log(NULL, "closed a connection from %s: %s", cw->addr, why);
}

/* A connection and when its request began, for sorting. */
typedef struct aged {
	conn_watch *cw;
	long long began_ms;
} aged;

/* Orders connections by when their request began, oldest first. */
static int by_age(const void *a, const void *b)
{
	long long x = ((const aged *)a)->began_ms, y = ((const aged *)b)->began_ms;
	return (x > y) - (x < y);
}

/* Shuts down every connection past the deadline, or still without its headers past the
 * header deadline, whose handler is not running; then, when seven eighths of the places
 * are taken, the slowest unfinished connections until three quarters are, so that a
 * few addresses trickling requests cannot keep everyone else out. */
static void sweep(web_watchdog *w)
{
	long long now = now_ms();
	long long limit = now - (long long)w->deadline_secs * 1000;
	long long head_limit = now - (long long)w->header_secs * 1000;
	unsigned open = 0;
	for (conn_watch *cw = w->head; cw; cw = cw->next) {
		if (cw->cut || atomic_load(&cw->in_handler))
			continue;
		long long began = atomic_load(&cw->began_ms);
		char why[80];
		if (began <= limit) {
			snprintf(why, sizeof why, "its request passed the %u s deadline", w->deadline_secs);
			cut(cw, why);
		} else if (began <= head_limit && !atomic_load(&cw->headers_in)) {
			snprintf(why, sizeof why, "its request line and headers took over %u s", w->header_secs);
			cut(cw, why);
		} else {
			open++;
		}
	}
	if (!w->max_conns || open == 0 || open < w->max_conns - w->max_conns / 8)
		return;
	aged *all = calloc(open, sizeof(aged));
	if (!all)
		return;
	unsigned n = 0;
	for (conn_watch *cw = w->head; cw && n < open; cw = cw->next)
		if (!cw->cut && !atomic_load(&cw->in_handler))
			all[n++] = (aged){cw, atomic_load(&cw->began_ms)};
	qsort(all, n, sizeof(aged), by_age);
	unsigned keep = w->max_conns - w->max_conns / 4;
	for (unsigned i = 0; i < n && open > keep; i++, open--)
		cut(all[i].cw, "the server is nearly full and its request is among the slowest");
	free(all);
}

/* The thread: a sweep a second until stopped. */
static void *run(void *arg)
{
	web_watchdog *w = arg;
	pthread_mutex_lock(&w->lock);
	while (!w->stopping) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 500 * 1000000L; /* twice a second */
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&w->wake, &w->lock, &until);
		if (!w->stopping)
			sweep(w);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* Starts the thread. */
int watchdog_start(web_watchdog **out, unsigned deadline_secs, unsigned header_secs, unsigned max_conns,
		   actip_err *err)
{
	web_watchdog *w = calloc(1, sizeof *w);
	if (!w)
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	w->deadline_secs = deadline_secs;
	w->header_secs = header_secs < deadline_secs ? header_secs : deadline_secs;
	w->max_conns = max_conns;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return err_set(err, ACTIP_ERR, "cannot start the request watchdog's thread");
	}
	*out = w;
	return ACTIP_OK;
}

/* Stops the thread and frees what is left. */
void watchdog_stop(web_watchdog *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stopping = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	while (w->head) {
		conn_watch *next = w->head->next;
		free(w->head);
		w->head = next;
	}
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
}

/* Adds a record when a connection opens; removes it when libmicrohttpd announces the
 * end (before it closes the socket). */
void watchdog_notify(void *cls, struct MHD_Connection *c, void **socket_context,
		     enum MHD_ConnectionNotificationCode code)
{
	web_watchdog *w = cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		conn_watch *cw = calloc(1, sizeof *cw);
		const union MHD_ConnectionInfo *fi = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (!cw || !fi) {
			free(cw);
			*socket_context = NULL; /* not watched: the idle timeout still applies */
			return;
		}
		cw->fd = fi->connect_fd;
		atomic_init(&cw->began_ms, now_ms());
		atomic_init(&cw->in_handler, false);
		atomic_init(&cw->headers_in, false);
		const union MHD_ConnectionInfo *ai = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ai && ai->client_addr && ai->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ai->client_addr)->sin_addr,
				  cw->addr, sizeof cw->addr);
		else
			strcpy(cw->addr, "-");
		pthread_mutex_lock(&w->lock);
		cw->next = w->head;
		if (w->head)
			w->head->prev = cw;
		w->head = cw;
		pthread_mutex_unlock(&w->lock);
		*socket_context = cw;
		return;
	}
	conn_watch *cw = *socket_context;
	if (!cw)
		return;
	pthread_mutex_lock(&w->lock);
	if (cw->prev)
		cw->prev->next = cw->next;
	else
		w->head = cw->next;
	if (cw->next)
		cw->next->prev = cw->prev;
	pthread_mutex_unlock(&w->lock);
	free(cw);
	*socket_context = NULL;
}

/* Marks the handler running or returned. */
void watchdog_handler(struct MHD_Connection *c, bool running)
{
	conn_watch *cw = watch_of(c);
	if (!cw)
		return;
	if (!running)
		atomic_store(&cw->began_ms, now_ms());
	atomic_store(&cw->in_handler, running);
}

/* Restarts the deadline for the next request, whose headers are yet to come. */
void watchdog_request_done(struct MHD_Connection *c)
{
	conn_watch *cw = watch_of(c);
	if (cw) {
		atomic_store(&cw->headers_in, false);
		atomic_store(&cw->began_ms, now_ms());
	}
}

/* The request's headers are in: from now on only the request deadline applies. */
void watchdog_headers_in(struct MHD_Connection *c)
{
	conn_watch *cw = watch_of(c);
	if (cw)
		atomic_store(&cw->headers_in, true);
}
