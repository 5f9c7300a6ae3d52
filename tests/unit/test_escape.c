/* Unit tests of core/escape.c: HTML text and attributes, Markdown cells and CSV fields,
 * including formula injection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/escape.h"

/* Runs an escape function into a string. */
static char *run(void (*fn)(FILE *, const char *), const char *in)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	fn(f, in);
	fclose(f);
	return buf;
}

/* Checks fn(in) == want. */
static void check(void (*fn)(FILE *, const char *), const char *in, const char *want)
{
	char *got = run(fn, in);
	assert_string_equal(got, want);
	free(got);
}

/* esc_lines: each line through its escape, '\n' as the separator, a long line whole
 * (written in pieces cut between UTF-8 characters). */
static void lines_md(FILE *f, const char *s)
{
	esc_lines(f, s, esc_md_cell, "<br>");
}

static void lines(void **state)
{
	(void)state;
	check(lines_md, "Lead: A|B\nWith: *C*", "Lead: A\\|B<br>With: \\*C\\*");
	check(lines_md, "\n", "<br>");
	check(lines_md, "", "");
	char long_in[3001];
	for (int i = 0; i < 1000; i++)
		memcpy(long_in + 3 * i, "\xE2\x80\x93", 3); /* 1,000 en dashes: cuts fall inside them */
	long_in[3000] = '\0';
	check(lines_md, long_in, long_in);
}

static void url(void **state)
{
	(void)state;
	check(esc_url_part, "BOHOL-2017_2020.v~1", "BOHOL-2017_2020.v~1");
	check(esc_url_part, "a b&c=d/\"<'#?%", "a%20b%26c%3Dd%2F%22%3C%27%23%3F%25");
	check(esc_url_part, "\xC3\xA9", "%C3%A9");
}

static void html(void **state)
{
	(void)state;
	check(esc_html_text, "<script>alert('x')</script> & O'Hara",
	      "&lt;script&gt;alert('x')&lt;/script&gt; &amp; O'Hara");
	check(esc_html_attr, "\"><img src=x onerror=1>'", "&quot;&gt;&lt;img src=x onerror=1&gt;&#39;");
	check(esc_html_text, "\xE1\x9E\x89\xE1\x9F\x89\xE1\x9F\x82", "\xE1\x9E\x89\xE1\x9F\x89\xE1\x9F\x82");
}

static void markdown(void **state)
{
	(void)state;
	check(esc_md_cell, "a|b", "a\\|b");
	check(esc_md_cell, "*bold* _x_ [l](u) <b>", "\\*bold\\* \\_x\\_ \\[l\\](u) &lt;b&gt;");
	check(esc_md_cell, "two\nlines", "two lines");
	/* Control characters reach no text output: ESC c, BEL, DEL, a C1 CSI (U+009B). */
	check(esc_md_cell, "a\033cb\a\x7f c\xC2\x9B[2J", "acb c\\[2J");
	check(esc_text, "keep\ttab\nand line\033c\r\xC2\x9Bx \xC2\xA0nbsp", "keep\ttab\nand linecx \xC2\xA0nbsp");
}

static void csv(void **state)
{
	(void)state;
	check(esc_csv_field, "plain", "plain");
	check(esc_csv_field, "a,b", "\"a,b\"");
	check(esc_csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
	check(esc_csv_field, "=SUM(A1)", "\"'=SUM(A1)\"");
	check(esc_csv_field, "+1", "\"'+1\"");
	check(esc_csv_field, "-1", "\"'-1\"");
	check(esc_csv_field, "@cmd", "\"'@cmd\"");
	check(esc_csv_field, "\tx", "\"'\tx\"");
	check(esc_csv_field, "\rx", "\"'\rx\"");
	check(esc_csv_field, "line\nbreak", "\"line\nbreak\"");
	check(esc_csv_field, "", "");
}

/* Log values: a line break cannot start a forged line; cut to fit, always terminated. */
static void log_line(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(esc_log(b, sizeof b, "GET /x"), "GET /x");
	assert_string_equal(esc_log(b, sizeof b, "/x\n2026-11-22T00:00:00Z admin FORGED"),
			    "/x\\x0a2026-11-22T00:00:00Z admin FORGED");
	assert_string_equal(esc_log(b, sizeof b, "a\rb\tc\x7f\x1b"), "a\\x0db\\x09c\\x7f\\x1b");
	assert_string_equal(esc_log(b, sizeof b, "back\\slash"), "back\\\\slash");
	assert_string_equal(esc_log(b, sizeof b, "ញ៉ែ O'Hara"), "ញ៉ែ O'Hara");
	assert_string_equal(esc_log(b, 6, "abc\ndef"), "abc"); /* the escape does not fit: cut before it */
	assert_string_equal(esc_log(b, 4, "abcdef"), "abc");
	assert_null(strchr(esc_log(b, sizeof b, "\n\n\n"), '\n'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(html), cmocka_unit_test(url), cmocka_unit_test(markdown),
					   cmocka_unit_test(csv), cmocka_unit_test(log_line),
					   cmocka_unit_test(lines)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
