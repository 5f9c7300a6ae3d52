/* Error reporting: fills the caller's actip_err with a formatted message. */
#include "core/err.h"

#include <stdarg.h>
#include <stdio.h>

/* Formats a message into err and returns the status unchanged, so callers can write
 * `return err_set(err, ACTIP_ERR, "...")`. */
int err_set(actip_err *err, int status, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return status;
}

/* Empties the message. */
void err_clear(actip_err *err)
{
	if (err)
		err->msg[0] = '\0';
}
