/* JSON form of the report (spec/annual-report.md, "Machine-readable form"): one object
 * with keys table1..table5, each {"title", "columns", "rows": {KEY: [...]}} plus
 * "percentage_row" for tables 3 and 4. Counts are integers, whole percentages integers,
 * two-decimal percentages reals, null where there is no denominator. Written with
 * jansson; JSON_ENSURE_ASCII also escapes U+2028 and U+2029. */
#include <jansson.h>
#include <string.h>

#include "report/report.h"

/* One table as a JSON object. */
static json_t *table_json(const rt_table *t)
{
	json_t *o = json_object(), *cols = json_array(), *rows = json_object();
	json_object_set_new(o, "title", json_string(t->title));
	for (int c = 0; c < t->ncols; c++)
		json_array_append_new(cols, json_string(t->cols[c].key));
	json_object_set_new(o, "columns", cols);
	for (int i = 0; i < t->nrows; i++) {
		const rt_row *r = &t->rows[i];
		json_t *a = json_array();
		for (int c = 0; c < t->ncols; c++)
			json_array_append_new(a, r->null[c] ? json_null() : json_integer(r->v[c]));
		json_object_set_new(rows, r->key, a);
	}
	json_object_set_new(o, "rows", rows);
	if (t->has_pct_row) {
		json_t *p = json_array();
		for (int c = 0; c < 3; c++)
			json_array_append_new(p, t->pct_row_null ? json_null()
								 : json_real((double)t->pct_row[c] / 100.0));
		json_object_set_new(o, "percentage_row", p);
	}
	if (t->note)
		json_object_set_new(o, "note", json_string(t->note));
	return o;
}

/* The whole report. */
int report_write_json(FILE *out, const report_tables *rt, actip_err *err)
{
	json_t *root = json_object();
	json_object_set_new(root, "year", json_integer(rt->year));
	for (int i = 0; i < 5; i++)
		json_object_set_new(root, rt->t[i].id, table_json(&rt->t[i]));
	int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII |
				       JSON_REAL_PRECISION(12));
	json_decref(root);
	fputc('\n', out);
	if (rc != 0 || ferror(out))
		return err_set(err, ACTIP_EIO, "cannot write the JSON report");
	return ACTIP_OK;
}
