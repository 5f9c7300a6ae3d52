/* An LD_PRELOAD shim that makes writes fail, in the style of jq's inject_errors.c, for
 * the disk-full and I/O-error tests (tests/integration/diskfull.sh). It wraps write,
 * pwrite, pwrite64, writev, fsync and fdatasync; a call on a file whose path contains
 * ACTIP_FAULT_PATH (all files when unset; never standard output or error) fails when
 *   ACTIP_FAULT_AFTER=N   N such calls have already succeeded (a disk that fills up), or
 *   ACTIP_FAULT_FILE=F    the file F exists (a disk that is full until F is removed:
 *                         "space returns");
 * with errno ACTIP_FAULT_ERRNO ("ENOSPC", the default, or "EIO"). ACTIP_FAULT_OPS=sync
 * limits the faults to fsync and fdatasync, =write to the write calls. */
/* Both pwrite and pwrite64 are wrapped, so the 64-bit-offset aliasing is turned off. */
#undef _FILE_OFFSET_BITS
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static atomic_long calls;

/* Should this call on fd fail? kind is "write" or "sync". */
static int should_fail(int fd, const char *kind)
{
	if (fd <= 2)
		return 0;
	const char *ops = getenv("ACTIP_FAULT_OPS");
	if (ops && strcmp(ops, kind) != 0)
		return 0;
	const char *after = getenv("ACTIP_FAULT_AFTER"), *file = getenv("ACTIP_FAULT_FILE");
	if (!after && !file)
		return 0;
	const char *want = getenv("ACTIP_FAULT_PATH");
	if (want && *want) {
		char link[64], path[4096];
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		ssize_t n = readlink(link, path, sizeof path - 1);
		if (n < 0)
			return 0;
		path[n] = '\0';
		if (!strstr(path, want))
			return 0;
	}
	if (file && access(file, F_OK) == 0)
		goto fail;
	if (after && atomic_fetch_add(&calls, 1) >= atol(after))
		goto fail;
	return 0;
fail: {
	const char *e = getenv("ACTIP_FAULT_ERRNO");
	errno = e && strcmp(e, "EIO") == 0 ? EIO : ENOSPC;
	return 1;
}
}

/* Looks the real function up once. */
#define REAL(name) \
	static __typeof__(&name) real_##name; \
	if (!real_##name) \
		real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

/* write(2), failing on demand. */
ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (should_fail(fd, "write"))
		return -1;
	return real_write(fd, buf, n);
}

/* pwrite(2), failing on demand. */
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	if (should_fail(fd, "write"))
		return -1;
	return real_pwrite(fd, buf, n, off);
}

/* pwrite64, failing on demand (SQLite's unix VFS uses it). */
ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	REAL(pwrite64);
	if (should_fail(fd, "write"))
		return -1;
	return real_pwrite64(fd, buf, n, off);
}

/* writev(2), failing on demand. */
ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	REAL(writev);
	if (should_fail(fd, "write"))
		return -1;
	return real_writev(fd, iov, cnt);
}

/* fsync(2), failing on demand. */
int fsync(int fd)
{
	REAL(fsync);
	if (should_fail(fd, "sync"))
		return -1;
	return real_fsync(fd);
}

/* fdatasync(2), failing on demand. */
int fdatasync(int fd)
{
	REAL(fdatasync);
	if (should_fail(fd, "sync"))
		return -1;
	return real_fdatasync(fd);
}
