/* Unit tests of core/text.c: UTF-8 validation, trimming, the person-name key
 * (NFC vs NFD, case, spaces, other scripts) and the scalar parsers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/text.h"

/* Valid and invalid UTF-8, including overlong forms, surrogates and NUL. */
static void utf8_validity(void **state)
{
	(void)state;
	assert_true(text_utf8_valid("abc", 3));
	assert_true(text_utf8_valid("\xE1\x9E\x9F\xE1\x9F\x8A", 6)); /* Khmer */
	assert_true(text_utf8_valid("\xF0\x9F\x98\x80", 4));         /* emoji */
	assert_false(text_utf8_valid("\xFF", 1));
	assert_false(text_utf8_valid("\xC0\xAF", 2));                 /* overlong '/' */
	assert_false(text_utf8_valid("\xED\xA0\x80", 3));             /* surrogate */
	assert_false(text_utf8_valid("\xE1\x9E", 2));                 /* truncated */
	assert_false(text_utf8_valid("a\0b", 3));                     /* NUL */
	assert_false(text_utf8_valid("\xF4\x90\x80\x80", 4));         /* > U+10FFFF */
}

/* Trimming leaves inner spaces alone. */
static void trim(void **state)
{
	(void)state;
	char a[] = "  a b \t\r\n";
	assert_string_equal(text_trim(a), "a b");
	char b[] = "   ";
	assert_string_equal(text_trim(b), "");
	char c[] = "x";
	assert_string_equal(text_trim(c), "x");
}

/* Asserts that two names give the same key. */
static void same_key(const char *a, const char *b)
{
	char *ka = text_name_key(a), *kb = text_name_key(b);
	assert_non_null(ka);
	assert_non_null(kb);
	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

/* NFC vs NFD, case folding, white space, compatibility forms. */
static void name_key(void **state)
{
	(void)state;
	/* "Nguyễn Thị Ánh" precomposed vs decomposed */
	same_key("Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B \xC3\x81nh",
		 "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 A\xCC\x81nh");
	same_key("  SOK   Dara ", "sok dara");
	same_key("Sok\tDara", "sok\xC2\xA0" "dara");          /* tab vs no-break space */
	same_key("\xEF\xBC\xA1nna", "anna");                  /* fullwidth A (NFKC) */
	same_key("STRASSE", "stra\xC3\x9F" "e");              /* full case folding of sharp s */
	char *k = text_name_key("  Nguy\xE1\xBB\x85n  ");
	assert_string_equal(k, "nguy\xE1\xBB\x85n");
	free(k);
	char *a = text_name_key("Sok Dara"), *b = text_name_key("Sok Darra");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	assert_null(text_name_key("   "));
	assert_null(text_name_key("\xFF"));
}

/* Real calendar dates only. */
static void dates(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(text_parse_date("2021-02-28", &y, &m, &d), 0);
	assert_int_equal(y, 2021);
	assert_int_equal(text_parse_date("2020-02-29", &y, &m, &d), 0);
	assert_int_equal(text_parse_date("2000-02-29", &y, &m, &d), 0);
	assert_int_equal(text_parse_date("2021-02-29", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("1900-02-29", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("2021-02-30", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("2021-04-31", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("2021-13-01", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("2021-1-01", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("01/02/2021", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("2021-01-01x", &y, &m, &d), -1);
	assert_int_equal(text_parse_date("", &y, &m, &d), -1);
}

/* Years, counts and decimals. */
static void numbers(void **state)
{
	(void)state;
	int y;
	int64_t n;
	assert_int_equal(text_parse_year("2021", &y), 0);
	assert_int_equal(text_parse_year("21", &y), -1);
	assert_int_equal(text_parse_year("1899", &y), -1);
	assert_int_equal(text_parse_count("1057", &n), 0);
	assert_int_equal(n, 1057);
	assert_int_equal(text_parse_count("-1", &n), -1);
	assert_int_equal(text_parse_count("1,057", &n), -1);
	assert_int_equal(text_parse_count("1234567890123456789", &n), -1);
	assert_int_equal(text_parse_decimal_micro("8999000", &n), 0);
	assert_int_equal(n, 8999000000000LL);
	assert_int_equal(text_parse_decimal_micro("3.735", &n), 0);
	assert_int_equal(n, 3735000);
	assert_int_equal(text_parse_decimal_micro("0.0000001", &n), -1);
	assert_int_equal(text_parse_decimal_micro("1.", &n), -1);
	assert_int_equal(text_parse_decimal_micro(".5", &n), -1);
	assert_int_equal(text_parse_decimal_micro("1e5", &n), -1);
}

/* yes/no words and sex words. */
static void words(void **state)
{
	(void)state;
	int v;
	const char *s;
	const char *yes[] = {"yes", "Y", "1", "TRUE", "True"};
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(text_parse_yesno(yes[i], &v), 0);
		assert_int_equal(v, 1);
	}
	assert_int_equal(text_parse_yesno("No", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(text_parse_yesno("", &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(text_parse_yesno("maybe", &v), -1);
	assert_int_equal(text_parse_sex("F", &s), 0);
	assert_string_equal(s, "female");
	assert_int_equal(text_parse_sex("Male", &s), 0);
	assert_string_equal(s, "male");
	assert_int_equal(text_parse_sex("o", &s), 0);
	assert_string_equal(s, "other");
	assert_int_equal(text_parse_sex("x", &s), -1);
	assert_int_equal(text_parse_sex("fe", &s), -1);
	assert_int_equal(text_parse_sex("", &s), -1);
}

/* The words of the region's languages (spec/import-formats.md): every one of the
 * spec's table is read, in other case and in decomposed form too; a near miss is not. */
static void local_words(void **state)
{
	(void)state;
	static const char *const female[] = {"ស្រី", "ຍິງ", "หญิง", "nữ", "Nữ", "NỮ",
		"Nu\xCC\x9B\xCC\x83" /* n, u, combining horn, combining tilde */, "perempuan",
		"Wanita", "babae", "feto", "Woman", "women", NULL};
	static const char *const male[] = {"ប្រុស", "ຊາຍ", "ชาย", "Nam", "laki-laki", "lelaki",
		"pria", "lalaki", "mane", "man", "MEN", NULL};
	static const char *const other[] = {"ផ្សេងៗ", "ອື່ນໆ", "อื่นๆ", "khác", "lainnya", "iba",
		"Prefer to self-describe", "non-binary", NULL};
	static const char *const *const sexes[] = {female, male, other};
	static const char *const canon[] = {"female", "male", "other"};
	for (int k = 0; k < 3; k++)
		for (int i = 0; sexes[k][i]; i++) {
			const char *s = NULL;
			assert_int_equal(text_parse_sex(sexes[k][i], &s), 0);
			assert_string_equal(s, canon[k]);
		}
	static const char *const yes[] = {"បាទ", "ចាស", "ແມ່ນ", "ใช่", "có", "Có", "ya", "oo", "opo",
		"sin", NULL};
	static const char *const no[] = {"ទេ", "ບໍ່", "ບໍ່ແມ່ນ", "ไม่", "ไม่ใช่", "không", "tidak", "bukan",
		"hindi", "lae", NULL};
	for (int i = 0; yes[i]; i++) {
		int v = -1;
		assert_int_equal(text_parse_yesno(yes[i], &v), 0);
		assert_int_equal(v, 1);
	}
	for (int i = 0; no[i]; i++) {
		int v = -1;
		assert_int_equal(text_parse_yesno(no[i], &v), 0);
		assert_int_equal(v, 0);
	}
	const char *s = NULL;
	int v;
	assert_int_equal(text_parse_sex("nu", &s), -1);     /* without its marks: not a word */
	assert_int_equal(text_parse_sex("womanly", &s), -1);
	assert_int_equal(text_parse_yesno("co", &v), -1);
}

/* Dates with a day-month order, ISO date-times, and the order the file must say. */
static void dates_any(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(text_parse_date_any("2021-03-04T10:22:11.000+07:00", 0, &y, &m, &d), 0);
	assert_true(y == 2021 && m == 3 && d == 4);
	assert_int_equal(text_parse_date_any("4/3/2021", 'd', &y, &m, &d), 0);
	assert_true(y == 2021 && m == 3 && d == 4);
	assert_int_equal(text_parse_date_any("3/4/2021", 'm', &y, &m, &d), 0);
	assert_true(y == 2021 && m == 3 && d == 4);
	assert_int_equal(text_parse_date_any("4/3/2021", 0, &y, &m, &d), -2); /* needs the order */
	assert_int_equal(text_parse_date_any("31/2/2021", 'd', &y, &m, &d), -1);
	assert_int_equal(text_parse_date_any("13/13/2021", 'm', &y, &m, &d), -1);
	assert_int_equal(text_parse_date_any("2021-02-30", 'd', &y, &m, &d), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_validity), cmocka_unit_test(trim), cmocka_unit_test(name_key),
		cmocka_unit_test(dates), cmocka_unit_test(numbers), cmocka_unit_test(words),
		cmocka_unit_test(local_words), cmocka_unit_test(dates_any),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
