/* Online backups through SQLite's backup API (`actip backup`).
 *
 * The copy is taken in one sqlite3_backup_step(-1) inside one read transaction, so in
 * WAL mode it is a consistent snapshot that never blocks the server's writers (and the
 * writers never force it to restart, as they would between incremental steps). It is
 * written to a temporary file next to the destination, checked with
 * PRAGMA integrity_check, synced and only then renamed into place: a crash or a full
 * disk leaves either no backup or a complete one, never a torn file under the
 * destination's name. A live database file is never copied byte by byte. */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Fills err with a connection's message. */
static int db_error(sqlite3 *db, const char *path, const char *doing, actip_err *err)
{
	return err_set(err, ACTIP_EIO, "%s: %s: %s", path, doing, db ? sqlite3_errmsg(db) : "out of memory");
}

/* fsyncs a file or directory by path. */
static int sync_path(const char *path, int oflags)
{
	int fd = open(path, oflags | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* The directory part of path ("." when there is none), in buf. */
static void dir_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(buf, size, ".");
	else if (slash == path)
		snprintf(buf, size, "/");
	else
		snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

/* Runs integrity_check on an open database; ACTIP_OK when it says "ok". */
static int integrity_ok(sqlite3 *db, const char *path, actip_err *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK)
		return db_error(db, path, "checking the copy", err);
	int rc = sqlite3_step(s);
	const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	int ok = res && strcmp(res, "ok") == 0;
	if (!ok)
		err_set(err, ACTIP_EIO, "%s: the copy fails integrity_check: %s", path,
			res ? res : sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return ok ? ACTIP_OK : ACTIP_EIO;
}

/* Copies the database at src_path to a new file dst_path (see the file comment). */
int store_backup(const char *src_path, const char *dst_path, long long *pages, actip_err *err)
{
	struct stat sb;
	if (stat(src_path, &sb) != 0)
		return err_set(err, ACTIP_ERR, "%s: no such database", src_path);
	if (lstat(dst_path, &sb) == 0)
		return err_set(err, ACTIP_ERR, "%s: already exists; name a new file", dst_path);
	char dir[4096], tmp[4200];
	dir_of(dst_path, dir, sizeof dir);
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dst_path, (long)getpid());
	unlink(tmp);

	sqlite3 *src = NULL, *dst = NULL;
	int status = ACTIP_OK;
	if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		status = db_error(src, src_path, "opening", err);
		goto out;
	}
	sqlite3_busy_timeout(src, STORE_BUSY_MS);
	if (store_private_file(tmp, err) < 0) { /* the copy holds what the database holds */
		status = ACTIP_EIO;
		goto out;
	}
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		status = db_error(dst, tmp, "creating the backup", err);
		goto out;
	}
	sqlite3_busy_timeout(dst, STORE_BUSY_MS);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		status = db_error(dst, dst_path, "starting the backup", err);
		goto out;
	}
	int rc;
	/* -1: every page in one step, one read transaction, one consistent snapshot. A busy
	 * source (a writer checkpointing, or a rollback-journal writer) is retried. */
	for (int tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; tries++) {
		if (tries >= 100)
			break;
		sqlite3_sleep(100);
	}
	if (pages)
		*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		status = err_set(err, ACTIP_EIO, "%s: backing up %s: %s", dst_path, src_path, sqlite3_errstr(rc));
		goto out;
	}
	if (sqlite3_errcode(dst) != SQLITE_OK && sqlite3_errcode(dst) != SQLITE_DONE) {
		status = db_error(dst, dst_path, "writing the backup", err);
		goto out;
	}
	/* The copy is a self-contained file: no WAL beside it. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		status = db_error(dst, dst_path, "finishing the backup", err);
		goto out;
	}
	if ((status = integrity_ok(dst, dst_path, err)) < 0)
		goto out;
out:
	if (dst && sqlite3_close(dst) != SQLITE_OK && status == ACTIP_OK)
		status = err_set(err, ACTIP_EIO, "%s: closing the backup failed", dst_path);
	if (src)
		sqlite3_close(src);
	if (status == ACTIP_OK && sync_path(tmp, O_RDONLY) != 0)
		status = err_set(err, ACTIP_EIO, "%s: syncing the backup: %s", dst_path, strerror(errno));
	if (status == ACTIP_OK && link(tmp, dst_path) != 0) /* link, not rename: never replaces a file */
		status = err_set(err, ACTIP_EIO, "%s: %s", dst_path, strerror(errno));
	if (status == ACTIP_OK && sync_path(dir, O_RDONLY | O_DIRECTORY) != 0)
		status = err_set(err, ACTIP_EIO, "%s: syncing the directory: %s", dir, strerror(errno));
	unlink(tmp);
	return status;
}
