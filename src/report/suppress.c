/* Small-cell suppression (see suppress.h).
 *
 * Primary suppression hides every count from 1 to K-1 (zeros stay: a zero identifies no
 * one). Complementary suppression then works on the table's additive relations, found
 * from the data rather than assumed: along a row, the count columns other than the
 * total column ("total", or "respondents" in Table 5) when they add up to it; down a
 * column, the rows other than TOTAL when they add up to the TOTAL row. In each relation
 * where the hidden parts are a single cell, or add up to less than K, the smallest
 * visible part is hidden too (the total itself when no part is left), and this repeats
 * until nothing changes; so no hidden cell equals a total minus visible cells, and no
 * group of hidden cells is known to hold fewer than K people. A percentage in a row
 * with a hidden count is hidden, and so is a percentage row computed from a TOTAL row
 * with a hidden cell. Every suppressed number is left out of the output altogether. */
#include "report/suppress.h"

#include <string.h>

/* The total column of a table: "total" or "respondents"; -1 when none. */
static int total_col(const rt_table *t)
{
	for (int c = 0; c < t->ncols; c++)
		if (t->cols[c].kind == COL_COUNT &&
		    (strcmp(t->cols[c].key, "total") == 0 || strcmp(t->cols[c].key, "respondents") == 0))
			return c;
	return -1;
}

/* The TOTAL row; -1 when none. */
static int total_row(const rt_table *t)
{
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, "TOTAL") == 0)
			return i;
	return -1;
}

/* One additive relation: cells[0..n) are the parts, tot the total (row, col pairs). */
typedef struct relation {
	int n;
	int part_r[RT_MAX_ROWS + RT_MAX_COLS], part_c[RT_MAX_ROWS + RT_MAX_COLS];
	int tot_r, tot_c;
} relation;

/* Applies the complementary rule to one relation; true when it hid a cell. */
static bool complete(const rt_table *t, bool hide[RT_MAX_ROWS][RT_MAX_COLS], const relation *rel, int k)
{
	int hidden = 0, best = -1;
	int64_t sum = 0;
	for (int i = 0; i < rel->n; i++) {
		const int64_t v = t->rows[rel->part_r[i]].v[rel->part_c[i]];
		if (hide[rel->part_r[i]][rel->part_c[i]]) {
			hidden++;
			sum += v;
		} else if (best < 0 || v < t->rows[rel->part_r[best]].v[rel->part_c[best]]) {
			best = i;
		}
	}
	bool tot_hidden = hide[rel->tot_r][rel->tot_c];
	if (hidden == 0 || (hidden >= 2 && sum >= k) || (tot_hidden && hidden >= 1 && best < 0))
		return false;
	if (best >= 0) {
		hide[rel->part_r[best]][rel->part_c[best]] = true;
		return true;
	}
	if (!tot_hidden) { /* every part hidden and still too few: the total would give them */
		hide[rel->tot_r][rel->tot_c] = true;
		return true;
	}
	return false;
}

/* Does the relation hold in the data (parts add up to the total)? */
static bool holds(const rt_table *t, const relation *rel)
{
	int64_t sum = 0;
	for (int i = 0; i < rel->n; i++)
		sum += t->rows[rel->part_r[i]].v[rel->part_c[i]];
	return rel->n > 0 && sum == t->rows[rel->tot_r].v[rel->tot_c];
}

/* Marks the cells to hide (see the file comment). */
void report_suppress(const report_tables *rt, int k, report_suppression *out)
{
	memset(out, 0, sizeof *out);
	out->k = k;
	for (int ti = 0; ti < 5; ti++) {
		const rt_table *t = &rt->t[ti];
		bool(*hide)[RT_MAX_COLS] = out->cell[ti];
		for (int i = 0; i < t->nrows; i++)
			for (int c = 0; c < t->ncols; c++)
				if (t->cols[c].kind == COL_COUNT && !t->rows[i].null[c] && t->rows[i].v[c] > 0 &&
				    t->rows[i].v[c] < k) {
					hide[i][c] = true;
					out->primary++;
				}
		relation rels[RT_MAX_ROWS + RT_MAX_COLS];
		int nrels = 0, tc = total_col(t), tr = total_row(t);
		for (int i = 0; tc >= 0 && i < t->nrows; i++) {
			relation *r = &rels[nrels];
			r->n = 0;
			r->tot_r = i;
			r->tot_c = tc;
			for (int c = 0; c < t->ncols; c++)
				if (c != tc && t->cols[c].kind == COL_COUNT) {
					r->part_r[r->n] = i;
					r->part_c[r->n++] = c;
				}
			if (holds(t, r))
				nrels++;
		}
		for (int c = 0; tr >= 0 && c < t->ncols; c++) {
			if (t->cols[c].kind != COL_COUNT)
				continue;
			relation *r = &rels[nrels];
			r->n = 0;
			r->tot_r = tr;
			r->tot_c = c;
			for (int i = 0; i < t->nrows; i++)
				if (i != tr) {
					r->part_r[r->n] = i;
					r->part_c[r->n++] = c;
				}
			if (holds(t, r))
				nrels++;
		}
		for (bool changed = true; changed;) {
			changed = false;
			for (int j = 0; j < nrels; j++)
				if (complete(t, hide, &rels[j], k)) {
					changed = true;
					out->complementary++;
				}
		}
		for (int i = 0; i < t->nrows; i++) {
			bool any = false;
			for (int c = 0; c < t->ncols; c++)
				any = any || (t->cols[c].kind == COL_COUNT && hide[i][c]);
			for (int c = 0; any && c < t->ncols; c++)
				if (t->cols[c].kind != COL_COUNT)
					hide[i][c] = true;
			if (any && i == tr && t->has_pct_row)
				out->pct_row[ti] = true;
		}
	}
}

/* The mask of one table, for the display writers (emit_md.c, emit_html.c, emit_xlsx.c). */
report_mask report_suppression_mask(const report_suppression *s, int ti)
{
	return (report_mask){.k = s->k, .cell = (const bool(*)[RT_MAX_COLS])s->cell[ti], .pct_row = s->pct_row[ti]};
}
