/* Unit tests of core/num.c: rounding half away from zero and number display. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/i18n.h"
#include "core/num.h"

/* Returns the scaled percentage, failing the test when there is no denominator. */
static int64_t pct(int64_t num, int64_t den, int decimals)
{
	int64_t v = -1;
	assert_true(num_pct_scaled(num, den, decimals, &v));
	return v;
}

/* Halves round away from zero; the seed's cases. */
static void rounding(void **state)
{
	(void)state;
	assert_int_equal(pct(30, 55, 0), 55);     /* 54.545... the seed printed 54 */
	assert_int_equal(pct(1, 8, 0), 13);       /* 12.5 -> 13, not 12 (half even) */
	assert_int_equal(pct(1, 40, 0), 3);       /* 2.5 -> 3 */
	assert_int_equal(pct(4646, 8562, 2), 5426);
	assert_int_equal(pct(3899, 8562, 2), 4554);
	assert_int_equal(pct(17, 8562, 2), 20);   /* 0.1985... -> 0.20 */
	assert_int_equal(pct(1, 1, 0), 100);
	assert_int_equal(pct(0, 5, 0), 0);
	assert_int_equal(num_div_round(5, 2), 3);
	assert_int_equal(num_div_round(-5, 2), -3);
	assert_int_equal(num_div_round(7, 2), 4);
	assert_int_equal(num_div_round(-7, 2), -4);
	assert_int_equal(num_div_round(4, 3), 1);
	int64_t v = 42;
	assert_false(num_pct_scaled(3, 0, 0, &v));
	assert_int_equal(v, 42);
}

/* Thousands separators, decimals and words. */
static void display(void **state)
{
	(void)state;
	char b[32];
	num_format_count(b, sizeof b, 1057);
	assert_string_equal(b, "1,057");
	num_format_count(b, sizeof b, 0);
	assert_string_equal(b, "0");
	num_format_count(b, sizeof b, 999);
	assert_string_equal(b, "999");
	num_format_count(b, sizeof b, 1000000);
	assert_string_equal(b, "1,000,000");
	num_format_count(b, sizeof b, -12345);
	assert_string_equal(b, "-12,345");
	num_format_count(b, sizeof b, INT64_MIN);
	assert_string_equal(b, "-9,223,372,036,854,775,808");
	num_format_scaled(b, sizeof b, 5426, 2);
	assert_string_equal(b, "54.26");
	num_format_scaled(b, sizeof b, 20, 2);
	assert_string_equal(b, "0.20");
	num_format_scaled(b, sizeof b, 55, 0);
	assert_string_equal(b, "55");
	num_format_words(b, sizeof b, 5);
	assert_string_equal(b, "five");
	num_format_words(b, sizeof b, 13);
	assert_string_equal(b, "13");
	char tiny[4];
	num_format_count(tiny, sizeof tiny, 123456);
	assert_int_equal(tiny[3], '\0');
}

/* The thread's language groups and marks the decimals as people of that language write
 * them; the machine-read form (num_format_scaled) keeps its point; English is unchanged. */
static void display_by_language(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(i18n_set("vi"), "vi");
	num_format_count(b, sizeof b, 1057);
	assert_string_equal(b, "1.057");
	num_format_count(b, sizeof b, -1234567);
	assert_string_equal(b, "-1.234.567");
	num_format_decimal(b, sizeof b, 5426, 2);
	assert_string_equal(b, "54,26");
	num_format_scaled(b, sizeof b, 5426, 2);
	assert_string_equal(b, "54.26");
	num_format_words(b, sizeof b, 5); /* words are English prose: digits elsewhere */
	assert_string_equal(b, "5");
	i18n_format_date(b, sizeof b, "2021-03-01");
	assert_string_equal(b, "01/03/2021");
	i18n_set("th");
	num_format_count(b, sizeof b, 1057);
	assert_string_equal(b, "1,057");
	num_format_decimal(b, sizeof b, 5426, 2);
	assert_string_equal(b, "54.26");
	i18n_set(NULL);
	num_format_count(b, sizeof b, 1057);
	assert_string_equal(b, "1,057");
	num_format_decimal(b, sizeof b, 20, 2);
	assert_string_equal(b, "0.20");
	num_format_words(b, sizeof b, 5);
	assert_string_equal(b, "five");
	i18n_format_date(b, sizeof b, "2021-03-01");
	assert_string_equal(b, "2021-03-01");
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(rounding), cmocka_unit_test(display),
					   cmocka_unit_test(display_by_language)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
