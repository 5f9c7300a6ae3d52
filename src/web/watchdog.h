/* The request deadline for the parts of a request that libmicrohttpd does not hand to
 * actip. The access handler sees a request only once its headers are complete, and
 * then once per piece of body; a client that trickles its request line or headers, or
 * reads an answer slowly, keeps a connection (and one of the 512 places) for as long
 * as each gap stays under the idle timeout. The watchdog keeps a record of every open
 * connection (MHD_OPTION_NOTIFY_CONNECTION) with the time its current request began: when
 * the connection opened, when its last request ended, or when its handler returned. A
 * thread looks at them once a second and shuts down the socket of every connection
 * whose request is older than the deadline, unless its handler is running (a slow
 * import runs to its end; its answer then has a deadline of its own). libmicrohttpd
 * then sees the closed socket and cleans up as for any client that went away.
 *
 * Two more rules keep slow clients from filling the server (security.md "slow or
 * flooding clients ... also from many addresses"): the request line and headers have
 * a shorter deadline of their own (WEB_HEADER_SECS), and when seven eighths of the
 * connection places are taken, the unfinished connections whose requests began
 * longest ago are closed until three quarters are, so a new client gets a place
 * within about a second.
 *
 * libmicrohttpd announces a connection's end before it closes the socket, and the
 * record is removed under the watchdog's lock at that moment, so the watchdog never
 * shuts down a descriptor that has been closed and reused. */
#ifndef ACTIP_WEB_WATCHDOG_H
#define ACTIP_WEB_WATCHDOG_H

#include <microhttpd.h>
#include <stdbool.h>

#include "core/err.h"

typedef struct web_watchdog web_watchdog;

/* Starts the watchdog's thread with the deadline in seconds; *out is freed by
 * watchdog_stop. */
int watchdog_start(web_watchdog **out, unsigned deadline_secs, unsigned header_secs, unsigned max_conns,
		   actip_err *err);

/* Stops the thread and frees the watchdog (after the daemon has stopped, so that every
 * connection has been announced closed). NULL is ignored. */
void watchdog_stop(web_watchdog *w);

/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION callback; cls is the watchdog. */
void watchdog_notify(void *cls, struct MHD_Connection *c, void **socket_context,
		     enum MHD_ConnectionNotificationCode code);

/* The connection's handler starts (running true) or has returned (false: the request's
 * deadline starts again for sending the answer). */
void watchdog_handler(struct MHD_Connection *c, bool running);

/* A request of the connection has ended: the next one's deadline starts now. */
void watchdog_request_done(struct MHD_Connection *c);

/* The connection's current request has all its headers (the access handler's first
 * call): the header deadline no longer applies to it. */
void watchdog_headers_in(struct MHD_Connection *c);

#endif
