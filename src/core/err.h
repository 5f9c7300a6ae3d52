/* Error reporting shared by every subsystem.
 *
 * Functions return ACTIP_OK (0) or a negative status and, on failure, fill an
 * `actip_err` that the caller passed in with one precise, user-readable message.
 * Input errors found while importing are a different thing: they are collected as a
 * list of `FILE:LINE: COLUMN: message` diagnostics (see import/diag.h) so that a user
 * sees all of them at once, not only the first. */
#ifndef ACTIP_CORE_ERR_H
#define ACTIP_CORE_ERR_H

#include <stddef.h>

enum {
	ACTIP_OK = 0,
	ACTIP_ERR = -1,     /* generic failure, message in actip_err */
	ACTIP_EINPUT = -2,  /* the user's input was rejected */
	ACTIP_ENOMEM = -3,
	ACTIP_EIO = -4,
};

typedef struct actip_err {
	char msg[1024];
} actip_err;

/* Formats a message into err (when err is not NULL) and returns status. */
int err_set(actip_err *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears the message. */
void err_clear(actip_err *err);

#endif
