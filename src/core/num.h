/* Number arithmetic and display for reports: percentages as exact ratios rounded half
 * away from zero, and counts with thousands separators. All percentage arithmetic is
 * done on integers so that 30/55 gives 55 (not 54 as binary floating point and
 * round-half-even could). */
#ifndef ACTIP_CORE_NUM_H
#define ACTIP_CORE_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* num/den × 100 rounded half away from zero to `decimals` places, returned scaled by
 * 10^decimals (pct 54.26 with decimals=2 → 5426). Returns false when den is 0. */
bool num_pct_scaled(int64_t num, int64_t den, int decimals, int64_t *out);

/* a / b rounded half away from zero (b != 0). */
int64_t num_div_round(int64_t a, int64_t b);

/* Writes n with thousands separators into buf: commas in English ("1,057", "-12,345"),
 * the current thread's language's mark otherwise (i18n.h: "1.057" in Vietnamese). */
void num_format_count(char *buf, size_t size, int64_t n);

/* Writes a scaled value with its decimals ("54.26" for 5426, 2) into buf, with a point
 * whatever the language (machine-read outputs use it); num_format_decimal is for people. */
void num_format_scaled(char *buf, size_t size, int64_t scaled, int decimals);

/* The same with the current language's decimal mark ("54,26" in Vietnamese). */
void num_format_decimal(char *buf, size_t size, int64_t scaled, int decimals);

/* Number → words for 0..9 ("five"), digits otherwise, as reports write small numbers. */
void num_format_words(char *buf, size_t size, int64_t n);

#endif
