/* CSV form of the report: one RFC 4180 file per table in a directory (table1.csv …
 * table5.csv), plus achievements.csv and quality.csv. A table file has the columns
 * `key,label` and then the JSON columns, numbers as plain digits and an empty cell
 * where a percentage has no denominator; the Percentage row of tables 3 and 4 has the
 * key `percentage` and two decimals. The public tables (--suppress-below) are the same
 * five files, rendered from their document, a withheld cell the text "<K". Every text cell goes through esc_csv_field, which
 * also guards against formula injection. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/escape.h"
#include "core/num.h"
#include "report/rdoc.h"
#include "report/report.h"

/* Opens dir/name for writing through a temporary name; *tmp receives it. */
static FILE *open_tmp(const char *dir, const char *name, char **tmp, char **final)
{
	if (asprintf(final, "%s/%s", dir, name) < 0)
		return NULL;
	if (asprintf(tmp, "%s.tmp.%ld", *final, (long)getpid()) < 0) {
		free(*final);
		return NULL;
	}
	FILE *f = fopen(*tmp, "w");
	if (!f) {
		free(*tmp);
		free(*final);
	}
	return f;
}

/* Closes f and renames it into place; returns 0, or -1 (err). */
static int close_tmp(FILE *f, char *tmp, char *final, actip_err *err)
{
	int bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, final) != 0) {
		unlink(tmp);
		err_set(err, ACTIP_EIO, "%s: cannot write the file", final);
		free(tmp);
		free(final);
		return ACTIP_EIO;
	}
	free(tmp);
	free(final);
	return ACTIP_OK;
}

/* One table; the cells mask withholds (mask NULL: none) as "<K". */
static void table_csv(FILE *f, const rt_table *t, const report_mask *mask)
{
	char lt[16];
	snprintf(lt, sizeof lt, "<%d", mask ? mask->k : 0);
	fputs("key,label", f);
	for (int c = 0; c < t->ncols; c++) {
		fputc(',', f);
		esc_csv_field(f, t->cols[c].key);
	}
	fputs("\r\n", f);
	for (int i = 0; i < t->nrows; i++) {
		const rt_row *r = &t->rows[i];
		esc_csv_field(f, r->key);
		fputc(',', f);
		esc_csv_field(f, r->label);
		for (int c = 0; c < t->ncols; c++) {
			if (mask && mask->cell && mask->cell[i][c])
				fprintf(f, ",%s", lt);
			else if (r->null[c])
				fputc(',', f);
			else
				fprintf(f, ",%lld", (long long)r->v[c]);
		}
		fputs("\r\n", f);
	}
	if (t->has_pct_row) {
		fputs("percentage,Percentage", f);
		for (int c = 0; c < 3; c++) {
			char buf[32] = "";
			if (mask && mask->pct_row)
				snprintf(buf, sizeof buf, "%s", lt);
			else if (!t->pct_row_null)
				num_format_scaled(buf, sizeof buf, t->pct_row[c], 2);
			fprintf(f, ",%s", buf);
		}
		fputs("\r\n", f);
	}
}

/* dir/NAME.csv through a temporary name, with one table; returns 0 or ACTIP_EIO. */
static int table_file(const char *dir, const rt_table *t, const report_mask *mask, actip_err *err)
{
	char name[32], *tmp, *final;
	snprintf(name, sizeof name, "%s.csv", t->id);
	FILE *f = open_tmp(dir, name, &tmp, &final);
	if (!f)
		return err_set(err, ACTIP_EIO, "%s/%s: cannot create the file", dir, name);
	table_csv(f, t, mask);
	return close_tmp(f, tmp, final, err) < 0 ? ACTIP_EIO : ACTIP_OK;
}

/* The achievements of the year. */
static void achievements_csv(FILE *f, const annual_report *r)
{
	fputs("achievement_id,country,project,partner,outcomes,total,female,male,other,text\r\n", f);
	for (size_t i = 0; i < r->nach; i++) {
		const ann_achievement *a = &r->ach[i];
		const char *t[] = {a->id, a->country, a->project, a->partner, a->outcomes};
		for (int k = 0; k < 5; k++) {
			if (k)
				fputc(',', f);
			esc_csv_field(f, t[k] ? t[k] : "");
		}
		for (int k = 0; k < 4; k++) {
			if (a->has[k])
				fprintf(f, ",%lld", (long long)a->n[k]);
			else
				fputc(',', f);
		}
		fputc(',', f);
		esc_csv_field(f, a->text);
		fputs("\r\n", f);
	}
}

/* The data-quality findings. */
static void quality_csv(FILE *f, const annual_report *r)
{
	fputs("rule,severity,record,finding\r\n", f);
	for (size_t i = 0; r->quality && i < r->quality->n; i++) {
		const check_finding *x = &r->quality->items[i];
		esc_csv_field(f, x->rule->id);
		fputs(x->rule->severity == CHECK_ERROR ? ",error," : ",warning,", f);
		esc_csv_field(f, x->subject);
		fputc(',', f);
		esc_csv_field(f, x->message);
		fputs("\r\n", f);
	}
}

int report_write_csv(const char *dir, const annual_report *r, actip_err *err)
{
	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		return err_set(err, ACTIP_EIO, "%s: cannot create the directory", dir);
	for (int i = 0; i < 5; i++)
		if (table_file(dir, &r->tables.t[i], NULL, err))
			return ACTIP_EIO;
	for (int i = 0; i < 2; i++) {
		char *tmp, *final;
		const char *name = i == 0 ? "achievements.csv" : "quality.csv";
		FILE *f = open_tmp(dir, name, &tmp, &final);
		if (!f)
			return err_set(err, ACTIP_EIO, "%s/%s: cannot create the file", dir, name);
		if (i == 0)
			achievements_csv(f, r);
		else
			quality_csv(f, r);
		if (close_tmp(f, tmp, final, err) < 0)
			return ACTIP_EIO;
	}
	return ACTIP_OK;
}

/* The public tables: each of their document's Tables 1-5 (rdoc_build_public) as the
 * whole report's file of that table, its withheld cells as "<K". */
int rdoc_write_public_csv(const char *dir, const rdoc *d, actip_err *err)
{
	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		return err_set(err, ACTIP_EIO, "%s: cannot create the directory", dir);
	int rc = ACTIP_OK;
	for (int i = 0; rc == ACTIP_OK && i < d->nblocks; i++)
		if (d->blocks[i].kind == RB_RTABLE)
			rc = table_file(dir, d->blocks[i].rt, d->blocks[i].masked ? &d->blocks[i].mask : NULL, err);
	return rc;
}
