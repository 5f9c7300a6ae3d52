/* CSV form of the report: one RFC 4180 file per table in a directory (table1.csv …
 * table5.csv), plus achievements.csv and quality.csv. A table file has the columns
 * `key,label` and then the JSON columns, numbers as plain digits and an empty cell
 * where a percentage has no denominator; the Percentage row of tables 3 and 4 has the
 * key `percentage` and two decimals. Every text cell goes through esc_csv_field, which
 * also guards against formula injection. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/escape.h"
#include "core/num.h"
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

/* One table. */
static void table_csv(FILE *f, const rt_table *t)
{
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
			if (r->null[c])
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
			if (!t->pct_row_null)
				num_format_scaled(buf, sizeof buf, t->pct_row[c], 2);
			fprintf(f, ",%s", buf);
		}
		fputs("\r\n", f);
	}
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
	for (int i = 0; i < 7; i++) {
		char name[32], *tmp, *final;
		if (i < 5)
			snprintf(name, sizeof name, "%s.csv", r->tables.t[i].id);
		else
			snprintf(name, sizeof name, i == 5 ? "achievements.csv" : "quality.csv");
		FILE *f = open_tmp(dir, name, &tmp, &final);
		if (!f)
			return err_set(err, ACTIP_EIO, "%s/%s: cannot create the file", dir, name);
		if (i < 5)
			table_csv(f, &r->tables.t[i]);
		else if (i == 5)
			achievements_csv(f, r);
		else
			quality_csv(f, r);
		if (close_tmp(f, tmp, final, err) < 0)
			return ACTIP_EIO;
	}
	return ACTIP_OK;
}
