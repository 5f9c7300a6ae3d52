/* Integer percentage arithmetic and number display. */
#include "core/num.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

/* a / b rounded half away from zero. */
int64_t num_div_round(int64_t a, int64_t b)
{
	bool neg = (a < 0) != (b < 0);
	int64_t ua = a < 0 ? -a : a, ub = b < 0 ? -b : b;
	int64_t q = (2 * ua + ub) / (2 * ub);
	return neg ? -q : q;
}

/* num/den × 100 × 10^decimals, rounded half away from zero. */
bool num_pct_scaled(int64_t num, int64_t den, int decimals, int64_t *out)
{
	if (den == 0)
		return false;
	int64_t scale = 100;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	*out = num_div_round(num * scale, den);
	return true;
}

/* Groups digits by three with the current language's mark (a comma in English). */
void num_format_count(char *buf, size_t size, int64_t n)
{
	char digits[32];
	uint64_t u = n < 0 ? (uint64_t)(-(n + 1)) + 1 : (uint64_t)n;
	int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)u);
	size_t o = 0;
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
			buf[o++] = i18n_group_mark();
		buf[o++] = digits[i];
	}
	if (size > 0)
		buf[o < size ? o : size - 1] = '\0';
}

/* Inserts the decimal point into a scaled integer (always a point: JSON and CSV read it). */
void num_format_scaled(char *buf, size_t size, int64_t scaled, int decimals)
{
	if (decimals == 0) {
		snprintf(buf, size, "%lld", (long long)scaled);
		return;
	}
	int64_t div = 1;
	for (int i = 0; i < decimals; i++)
		div *= 10;
	int64_t u = scaled < 0 ? -scaled : scaled;
	snprintf(buf, size, "%s%lld.%0*lld", scaled < 0 ? "-" : "", (long long)(u / div),
		 decimals, (long long)(u % div));
}

void num_format_decimal(char *buf, size_t size, int64_t scaled, int decimals)
{
	num_format_scaled(buf, size, scaled, decimals);
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = i18n_decimal_mark();
}

/* Small numbers in words, as the report's English prose writes them (digits in the
 * other languages). */
void num_format_words(char *buf, size_t size, int64_t n)
{
	static const char *const words[] = {"zero", "one", "two", "three", "four",
					    "five", "six", "seven", "eight", "nine"};
	if (n >= 0 && n < 10 && strcmp(i18n_current(), "en") == 0)
		snprintf(buf, size, "%s", words[n]);
	else
		num_format_count(buf, size, n);
}
