/* Text helpers for input fields: UTF-8 validation, trimming, case-insensitive ASCII
 * comparison, the person-name key (NFKC + case fold + white-space collapse, through
 * utf8proc) and the parsers for the scalar types of the CSV templates (dates, years,
 * integers, decimals, yes/no, sex). Parsers return 0 on success and -1 on bad input. */
#ifndef ACTIP_CORE_TEXT_H
#define ACTIP_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or NULs). */
bool text_utf8_valid(const char *s, size_t len);

/* Trims ASCII and Unicode-agnostic spaces (space, tab, CR, LF) in place; returns s. */
char *text_trim(char *s);

/* ASCII case-insensitive equality. */
bool text_ieq(const char *a, const char *b);

/* Lower-cases ASCII letters in place; returns s. */
char *text_lower_ascii(char *s);

/* The name key of data-collection.md: Unicode NFKC, case folding, runs of white space
 * collapsed to one space, trimmed. Returns a malloc'd string, or NULL on invalid UTF-8
 * or an empty result. */
char *text_name_key(const char *name);

/* YYYY-MM-DD, a real calendar date between 1900-01-01 and 2199-12-31. */
int text_parse_date(const char *s, int *year, int *month, int *day);

/* A four-digit year between 1900 and 2199. */
int text_parse_year(const char *s, int *year);

/* A non-negative decimal integer that fits in int64 (no sign, no spaces inside). */
int text_parse_count(const char *s, int64_t *out);

/* A non-negative decimal number with at most 6 decimals, returned in millionths. */
int text_parse_decimal_micro(const char *s, int64_t *micro);

/* yes/no, y/n, 1/0, true/false in any case, or yes or no in Khmer, Lao, Thai,
 * Vietnamese, Indonesian/Malay, Filipino or Tetum: 1 or 0; blank: -1 (not answered). */
int text_parse_yesno(const char *s, int *out);

/* female/male/other or f/m/o in any case, or their words in the region's languages
 * (compared after NFKC and case folding); stores the canonical word. */
int text_parse_sex(const char *s, const char **canon);

/* The index of the first word equal to s's name key (NFKC, case folded, white space
 * collapsed); the words must be written in that form. -1 when none. */
int text_find_word(const char *s, const char *const *words);

/* True when a and b have the same name key. */
bool text_same_key(const char *a, const char *b);

/* A date as YYYY-MM-DD, an ISO date-time (its date), or D/M/YYYY (order 'd') or
 * M/D/YYYY (order 'm'). Returns 0, -1 when it is no date, -2 when it is a D/M or M/D
 * date and order is neither 'd' nor 'm'. */
int text_parse_date_any(const char *s, char order, int *year, int *month, int *day);

/* Returns true when v equals one of the NULL-terminated allowed words exactly. */
bool text_in_list(const char *v, const char *const *allowed);

#endif
