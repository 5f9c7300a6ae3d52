/* Fuzz target: the name-key normaliser (text_name_key: NFKC, case fold, white space)
 * and the scalar parsers the templates share (dates, years, counts, decimals, yes/no,
 * sex), on arbitrary bytes. Invariants checked: a key is valid UTF-8, never empty,
 * has no leading, trailing or double space, and is a fixed point (key(key) == key). */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "fuzz.h"

/* No setup. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Normalises and parses one input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/* The functions take C strings: what they see ends at the first NUL. */
	bool valid = text_utf8_valid(s, strlen(s));
	char *key = text_name_key(s);
	if (key) {
		size_t n = strlen(key);
		if (!valid || n == 0 || !text_utf8_valid(key, n) || key[0] == ' ' || key[n - 1] == ' ' ||
		    strstr(key, "  "))
			abort();
		char *again = text_name_key(key);
		if (!again || strcmp(again, key) != 0)
			abort();
		free(again);
	}
	free(key);
	int y, m, d, v;
	int64_t i64;
	const char *canon;
	if (text_parse_date(s, &y, &m, &d) == 0 && (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31))
		abort();
	if (text_parse_year(s, &y) == 0 && (y < 1900 || y > 2199))
		abort();
	if (text_parse_count(s, &i64) == 0 && i64 < 0)
		abort();
	if (text_parse_decimal_micro(s, &i64) == 0 && i64 < 0)
		abort();
	(void)text_parse_yesno(s, &v);
	(void)text_parse_sex(s, &canon);
	text_trim(s);
	text_lower_ascii(s);
	free(s);
	return 0;
}
