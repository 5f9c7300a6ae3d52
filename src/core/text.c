/* Text helpers for input fields. UTF-8 validation and the name key use utf8proc; the
 * scalar parsers are strict on purpose: a value that is not exactly of its type is an
 * error the user must fix, never something guessed at. */
#include "core/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* True when s[0..len) is well-formed UTF-8 without NUL bytes. ASCII runs are checked
 * inline; anything else goes through utf8proc_iterate, which rejects overlong forms,
 * surrogates and code points past U+10FFFF. */
bool text_utf8_valid(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < len) {
		if (p[i] == 0)
			return false;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0 || cp < 0)
			return false;
		i += (size_t)n;
	}
	return true;
}

/* True for the ASCII white space that may surround a field. */
static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Trims leading and trailing ASCII white space in place. */
char *text_trim(char *s)
{
	size_t len = strlen(s), start = 0;
	while (len > 0 && is_space((unsigned char)s[len - 1]))
		len--;
	while (start < len && is_space((unsigned char)s[start]))
		start++;
	if (start > 0)
		memmove(s, s + start, len - start);
	s[len - start] = '\0';
	return s;
}

/* ASCII case-insensitive equality. */
bool text_ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* Lower-cases ASCII letters in place. */
char *text_lower_ascii(char *s)
{
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/* True for code points that count as white space in a name: ASCII spaces and the
 * Unicode separators (Zs, Zl, Zp). */
static bool is_uspace(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return is_space((unsigned char)cp);
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

/* NFKC + case fold (one utf8proc pass), then white space collapsed and trimmed. */
char *text_name_key(const char *name)
{
	size_t len = strlen(name);
	if (!text_utf8_valid(name, len))
		return NULL;
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, (utf8proc_ssize_t)len,
					  &folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
					  UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
	if (n < 0)
		return NULL;
	char *out = malloc((size_t)n + 1);
	if (!out) {
		free(folded);
		return NULL;
	}
	size_t o = 0;
	bool pending_space = false;
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(folded + i, n - i, &cp);
		if (k <= 0)
			break;
		if (is_uspace(cp)) {
			pending_space = o > 0;
		} else {
			if (pending_space)
				out[o++] = ' ';
			pending_space = false;
			memcpy(out + o, folded + i, (size_t)k);
			o += (size_t)k;
		}
		i += k;
	}
	out[o] = '\0';
	free(folded);
	if (o == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Parses exactly `digits` decimal digits from s into *v; returns the rest or NULL. */
static const char *digits(const char *s, int count, int *v)
{
	int x = 0;
	for (int i = 0; i < count; i++) {
		if (!isdigit((unsigned char)s[i]))
			return NULL;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return s + count;
}

/* True for a Gregorian leap year. */
static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD, a real calendar date. */
int text_parse_date(const char *s, int *year, int *month, int *day)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;
	const char *p = digits(s, 4, &y);
	if (!p || *p++ != '-' || !(p = digits(p, 2, &m)) || *p++ != '-' ||
	    !(p = digits(p, 2, &d)) || *p != '\0')
		return -1;
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		return -1;
	int max = mdays[m - 1] + (m == 2 && leap(y));
	if (d > max)
		return -1;
	*year = y, *month = m, *day = d;
	return 0;
}

/* A four-digit year between 1900 and 2199. */
int text_parse_year(const char *s, int *year)
{
	int y;
	const char *p = digits(s, 4, &y);
	if (!p || *p != '\0' || y < 1900 || y > 2199)
		return -1;
	*year = y;
	return 0;
}

/* A non-negative integer of at most 18 digits. */
int text_parse_count(const char *s, int64_t *out)
{
	size_t n = strlen(s);
	if (n == 0 || n > 18)
		return -1;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* A non-negative decimal with up to 6 decimals ("1234.5", "0.25"), in millionths.
 * At most 12 integer digits so the result fits comfortably in int64. */
int text_parse_decimal_micro(const char *s, int64_t *micro)
{
	int64_t ip = 0, fp = 0;
	int idig = 0, fdig = 0;
	const char *p = s;
	for (; isdigit((unsigned char)*p); p++, idig++) {
		if (idig >= 12)
			return -1;
		ip = ip * 10 + (*p - '0');
	}
	if (*p == '.') {
		p++;
		for (; isdigit((unsigned char)*p); p++, fdig++) {
			if (fdig >= 6)
				return -1;
			fp = fp * 10 + (*p - '0');
		}
		if (fdig == 0)
			return -1;
	}
	if (*p != '\0' || idig == 0)
		return -1;
	for (int i = fdig; i < 6; i++)
		fp *= 10;
	*micro = ip * 1000000 + fp;
	return 0;
}

/* yes/no answers; blank means not answered. */
int text_parse_yesno(const char *s, int *out)
{
	static const char *const yes[] = {"yes", "y", "1", "true", NULL};
	static const char *const no[] = {"no", "n", "0", "false", NULL};
	/* The words of the region's languages (spec/import-formats.md), in folded form:
	 * Khmer, Lao, Thai, Vietnamese, Indonesian/Malay, Filipino, Tetum. */
	static const char *const yes_local[] = {"បាទ", "ចាស", "ແມ່ນ", "ใช่", "có", "ya", "oo",
						"opo", "sin", NULL};
	static const char *const no_local[] = {"ទេ", "ບໍ່", "ບໍ່ແມ່ນ", "ไม่", "ไม่ใช่", "không",
					       "tidak", "bukan", "hindi", "lae", NULL};
	if (*s == '\0') {
		*out = -1;
		return 0;
	}
	for (int i = 0; yes[i]; i++)
		if (text_ieq(s, yes[i])) {
			*out = 1;
			return 0;
		}
	for (int i = 0; no[i]; i++)
		if (text_ieq(s, no[i])) {
			*out = 0;
			return 0;
		}
	if (text_find_word(s, yes_local) >= 0) {
		*out = 1;
		return 0;
	}
	if (text_find_word(s, no_local) >= 0) {
		*out = 0;
		return 0;
	}
	return -1;
}

/* female/male/other (or f/m/o), any case, or a word of the region's languages. */
int text_parse_sex(const char *s, const char **canon)
{
	static const char *const words[] = {"female", "male", "other"};
	/* In folded form: Khmer, Lao, Thai, Vietnamese, Indonesian/Malay, Filipino, Tetum,
	 * English. */
	static const char *const female[] = {"ស្រី", "ຍິງ", "หญิง", "nữ", "perempuan", "wanita",
					     "babae", "feto", "woman", "women", NULL};
	static const char *const male[] = {"ប្រុស", "ຊາຍ", "ชาย", "nam", "laki-laki", "lelaki",
					   "pria", "lalaki", "mane", "man", "men", NULL};
	static const char *const other[] = {"ផ្សេងៗ", "ອື່ນໆ", "อื่นๆ", "khác", "lainnya", "iba",
					    "prefer to self-describe", "non-binary", NULL};
	static const char *const *const local[] = {female, male, other};
	for (int i = 0; i < 3; i++) {
		if (text_ieq(s, words[i]) || (s[0] && !s[1] && tolower((unsigned char)s[0]) ==
					       words[i][0])) {
			*canon = words[i];
			return 0;
		}
	}
	for (int i = 0; i < 3; i++)
		if (text_find_word(s, local[i]) >= 0) {
			*canon = words[i];
			return 0;
		}
	return -1;
}

/* Compares s's key with words already in key form. */
int text_find_word(const char *s, const char *const *words)
{
	char *key = text_name_key(s);
	int found = -1;
	for (int i = 0; key && words[i] && found < 0; i++)
		if (strcmp(key, words[i]) == 0)
			found = i;
	free(key);
	return found;
}

/* Keys of both sides. */
bool text_same_key(const char *a, const char *b)
{
	char *ka = text_name_key(a), *kb = text_name_key(b);
	bool eq = ka && kb && strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return eq;
}

/* YYYY-MM-DD; YYYY-MM-DD followed by T or a space and a time (the date is kept); or
 * D/M/YYYY (order 'd') or M/D/YYYY (order 'm'), also with - or . between the parts. */
int text_parse_date_any(const char *s, char order, int *year, int *month, int *day)
{
	if (text_parse_date(s, year, month, day) == 0)
		return 0;
	size_t n = strlen(s);
	if (n > 10 && (s[10] == 'T' || s[10] == ' ')) {
		char d[11];
		memcpy(d, s, 10);
		d[10] = '\0';
		return text_parse_date(d, year, month, day);
	}
	int a, b, y, used = 0;
	char sep1, sep2;
	if (sscanf(s, "%2d%c%2d%c%4d%n", &a, &sep1, &b, &sep2, &y, &used) != 5 ||
	    (size_t)used != n || sep1 != sep2 || !strchr("/.-", sep1) || y < 1000)
		return -1;
	if (order != 'd' && order != 'm')
		return -2;
	char iso[48];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, order == 'd' ? b : a, order == 'd' ? a : b);
	return text_parse_date(iso, year, month, day);
}

/* Exact membership in a NULL-terminated word list. */
bool text_in_list(const char *v, const char *const *allowed)
{
	for (int i = 0; allowed[i]; i++)
		if (strcmp(v, allowed[i]) == 0)
			return true;
	return false;
}
