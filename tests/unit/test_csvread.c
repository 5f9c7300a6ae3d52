/* Unit tests of import/csvread.c: quoting, CRLF, BOM, embedded newlines, blank lines,
 * the line each record and field starts on, and the structural errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "import/csvread.h"

typedef struct got {
	int n;             /* records, header included */
	char fields[16][8][64];
	int nfields[16];
	long line[16];
	long field_line[16][8];
} got;

/* Keeps what the reader delivers. */
static int collect(void *ud, const csvr_record *rec)
{
	got *g = ud;
	if (g->n >= 16)
		return 1;
	for (size_t i = 0; i < rec->n && i < 8; i++) {
		snprintf(g->fields[g->n][i], 64, "%s", rec->fields[i]);
		g->field_line[g->n][i] = rec->lines[i];
	}
	g->nfields[g->n] = (int)rec->n;
	g->line[g->n] = rec->line;
	g->n++;
	return 0;
}

/* Reads text through the reader. */
static int read_text(const char *text, size_t len, got *g, diag_list *d)
{
	memset(g, 0, sizeof *g);
	diag_init(d, 50, 50);
	FILE *f = fmemopen((void *)text, len, "r");
	csvr_opts o = {.label = "t.csv", .on_record = collect, .ud = g, .diag = d};
	int rc = csvr_read(f, len, &o);
	fclose(f);
	return rc;
}

#define READ(s, g, d) read_text(s, sizeof(s) - 1, g, d)

static void quoting_and_lines(void **state)
{
	(void)state;
	got g;
	diag_list d;
	assert_int_equal(READ("\xEF\xBB\xBF" "a,b,c\r\n"
			      "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
			      "\r\n"
			      "2,\"multi\nline\nfield\",z\r\n"
			      "3, spaced ,\"\"\n",
			      &g, &d),
			 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.fields[0][0], "a"); /* BOM stripped */
	assert_string_equal(g.fields[1][1], "x, y");
	assert_string_equal(g.fields[1][2], "say \"hi\"");
	assert_int_equal(g.line[1], 2);
	assert_int_equal(g.line[2], 4);           /* blank line 3 skipped */
	assert_string_equal(g.fields[2][1], "multi\nline\nfield");
	assert_int_equal(g.field_line[2][2], 6);  /* z starts on the third line of the record */
	assert_int_equal(g.line[3], 7);
	assert_string_equal(g.fields[3][2], "");
	diag_free(&d);
}

static void no_final_newline(void **state)
{
	(void)state;
	got g;
	diag_list d;
	assert_int_equal(READ("a,b\n1,2", &g, &d), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.fields[1][1], "2");
	assert_int_equal(g.line[1], 2);
	diag_free(&d);
}

static void unterminated_quote(void **state)
{
	(void)state;
	got g;
	diag_list d;
	assert_int_equal(READ("a,b\n1,2\n3,\"open\n4,5\n6,7\n", &g, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.items[0].line, 3);
	assert_string_equal(d.items[0].column, "b");
	assert_non_null(strstr(d.items[0].message, "unterminated"));
	diag_free(&d);
}

static void stray_quote(void **state)
{
	(void)state;
	got g;
	diag_list d;
	assert_int_equal(READ("a,b\n1,2\n3,ab\"c\n", &g, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.items[0].line, 3);
	assert_string_equal(d.items[0].column, "b");
	diag_free(&d);
	assert_int_equal(READ("a,b\n\"x\"y,2\n", &g, &d), -1);
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[0].column, "a");
	diag_free(&d);
}

static void field_count_and_utf8(void **state)
{
	(void)state;
	got g;
	diag_list d;
	assert_int_equal(READ("a,b\n1\n1,2,3\n\xFF,2\n4,5\n", &g, &d), 0);
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.items[0].line, 2);
	assert_non_null(strstr(d.items[0].message, "1 fields; the header has 2"));
	assert_int_equal(d.items[1].line, 3);
	assert_int_equal(d.items[2].line, 4);
	assert_string_equal(d.items[2].column, "a");
	assert_non_null(strstr(d.items[2].message, "invalid UTF-8"));
	assert_non_null(strstr(d.items[2].message, "--encoding")); /* says what to do */
	assert_int_equal(g.n, 2); /* header and the good last record */
	assert_string_equal(g.fields[1][0], "4");
	diag_free(&d);
}

static void empty_and_huge(void **state)
{
	(void)state;
	got g;
	diag_list d;
	assert_int_equal(READ("", &g, &d), 0);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.items[0].message, "empty file"));
	diag_free(&d);
	size_t n = CSVR_MAX_FIELD + 100;
	char *big = malloc(n + 8);
	memcpy(big, "a\n\"", 3);
	memset(big + 3, 'x', n);
	got *gg = malloc(sizeof *gg);
	assert_int_equal(read_text(big, n + 3, gg, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.items[0].message, "longer than"));
	assert_int_equal(d.items[0].line, 2);
	diag_free(&d);
	free(big);
	free(gg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting_and_lines), cmocka_unit_test(no_final_newline),
		cmocka_unit_test(unterminated_quote), cmocka_unit_test(stray_quote),
		cmocka_unit_test(field_count_and_utf8), cmocka_unit_test(empty_and_huge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
