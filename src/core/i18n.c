/* Message catalogs and per-thread language (see i18n.h). The catalogs are GNU .mo files
 * that msgfmt compiled from po/ at build time and tools/embed_mo.py embedded; a lookup is
 * a binary search of a catalog's sorted original strings (msgfmt sorts them). glibc's
 * gettext is not used because it picks a catalog through the process's locale, which
 * would need every language's locale generated on the server (uselocale() fails for a
 * locale that is not installed) and a catalog directory on disk beside the binary. */
#include "core/i18n.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct i18n_catalog {
	const char *code;
	const unsigned char *mo;
	size_t len;
};
extern const struct i18n_catalog i18n_catalogs[];

/* Every language the application knows: its code, own name and English name. Only
 * English and those with a catalog are offered. */
static const i18n_lang all_langs[] = {
	{"en", "English", "English"},
	{"km", "ខ្មែរ", "Khmer"},
	{"lo", "ລາວ", "Lao"},
	{"th", "ไทย", "Thai"},
	{"vi", "Tiếng Việt", "Vietnamese"},
	{"my", "မြန်မာ", "Burmese"},
	{"id", "Bahasa Indonesia", "Indonesian"},
	{"ms", "Bahasa Melayu", "Malay"},
	{"fil", "Filipino", "Filipino"},
	{"tet", "Tetun", "Tetum"},
};
enum { N_ALL = sizeof all_langs / sizeof all_langs[0] };

static _Thread_local int current; /* index into offered */

/* The offered list: English and the languages with a catalog (build_offered). */
static i18n_lang offered[N_ALL];
static const struct i18n_catalog *offered_cat[N_ALL];
static size_t n_offered;

static void build_offered_once(void)
{
	size_t n = 0;
	for (size_t i = 0; i < N_ALL; i++) {
		const struct i18n_catalog *c = NULL;
		for (const struct i18n_catalog *k = i18n_catalogs; k->code; k++)
			if (strcmp(k->code, all_langs[i].code) == 0)
				c = k;
		if (i == 0 || c) {
			offered[n] = all_langs[i];
			offered_cat[n++] = c;
		}
	}
	n_offered = n;
}

/* The offered list, made once for every thread. */
static void build_offered(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, build_offered_once);
}

const i18n_lang *i18n_languages(size_t *n)
{
	build_offered();
	*n = n_offered;
	return offered;
}

static int find(const char *code)
{
	build_offered();
	for (size_t i = 0; code && i < n_offered; i++)
		if (strcmp(offered[i].code, code) == 0)
			return (int)i;
	return -1;
}

bool i18n_known(const char *code)
{
	return find(code) >= 0;
}

const char *i18n_set(const char *code)
{
	int i = find(code);
	current = i < 0 ? 0 : i;
	return offered[current].code;
}

const char *i18n_current(void)
{
	build_offered();
	return offered[current].code;
}

/* A 32-bit word of a catalog at byte offset off (little-endian files; msgfmt writes the
 * build machine's order, and the magic number tells which). */
static uint32_t word(const struct i18n_catalog *c, uint32_t off, bool swap)
{
	if ((size_t)off + 4 > c->len)
		return 0;
	uint32_t w;
	memcpy(&w, c->mo + off, 4);
	return swap ? __builtin_bswap32(w) : w;
}

/* Which of a message's forms a count takes in the current language (gettext's plural
 * rules: one form in Lao, Vietnamese, Khmer, Thai, Burmese, Indonesian and Malay). */
static unsigned plural_index(long long n)
{
	const char *code = i18n_current();
	if (strcmp(code, "en") == 0 || strcmp(code, "tet") == 0)
		return n != 1;
	if (strcmp(code, "fil") == 0)
		return !(n == 1 || n == 2 || n == 3 || (n % 10 != 4 && n % 10 != 6 && n % 10 != 9));
	return 0;
}

static const char *lookup(const char *msgid, unsigned form);

const char *i18n_gettext(const char *msgid)
{
	return lookup(msgid, 0);
}

const char *i18n_ngettext(const char *singular, const char *plural, long long n)
{
	unsigned k = plural_index(n);
	const char *t = lookup(singular, k);
	if (t != singular)
		return t;
	return n == 1 ? singular : plural;
}

/* msgid's translation (its form-th form), or msgid itself. */
static const char *lookup(const char *msgid, unsigned form)
{
	build_offered();
	const struct i18n_catalog *c = offered_cat[current];
	if (!c || !msgid || !*msgid || c->len < 28)
		return msgid;
	uint32_t magic;
	memcpy(&magic, c->mo, 4);
	bool swap = magic != 0x950412deU;
	if (swap && magic != 0xde120495U)
		return msgid;
	uint32_t n = word(c, 8, swap), orig = word(c, 12, swap), trans = word(c, 16, swap);
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint32_t len = word(c, orig + mid * 8, swap), off = word(c, orig + mid * 8 + 4, swap);
		if ((size_t)off + len >= c->len)
			return msgid;
		int cmp = strcmp(msgid, (const char *)c->mo + off);
		if (cmp == 0) {
			uint32_t tlen = word(c, trans + mid * 8, swap), toff = word(c, trans + mid * 8 + 4, swap);
			if ((size_t)toff + tlen >= c->len || tlen == 0)
				return msgid;
			const char *t = (const char *)c->mo + toff, *tend = t + tlen;
			for (unsigned k = 0; k < form && t < tend; k++)
				t += strlen(t) + 1; /* the forms are NUL-separated */
			return t < tend && *t ? t : msgid;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return msgid;
}

const char *i18n_negotiate(const char *al)
{
	build_offered();
	const char *best = NULL;
	double best_q = 0;
	while (al && *al) {
		while (*al == ' ' || *al == ',')
			al++;
		size_t len = strcspn(al, ",");
		char item[64];
		snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), al);
		al += len;
		double q = 1;
		char *semi = strchr(item, ';');
		if (semi) {
			*semi = '\0';
			const char *qp = strstr(semi + 1, "q=");
			if (qp && sscanf(qp + 2, "%lf", &q) != 1)
				q = 0;
		}
		char tag[16];
		size_t tl = strcspn(item, "-_ ");
		snprintf(tag, sizeof tag, "%.*s", (int)(tl < sizeof tag ? tl : sizeof tag - 1), item);
		for (char *t = tag; *t; t++)
			if (*t >= 'A' && *t <= 'Z')
				*t = (char)(*t - 'A' + 'a');
		if (strcmp(tag, "tl") == 0)
			snprintf(tag, sizeof tag, "fil");
		int i = find(tag);
		if (i >= 0 && q > best_q) {
			best = offered[i].code;
			best_q = q;
		}
	}
	return best;
}

char i18n_group_mark(void)
{
	static const char *const dot[] = {"vi", "lo", "km", "id", "tet"};
	const char *code = i18n_current();
	for (size_t i = 0; i < sizeof dot / sizeof dot[0]; i++)
		if (strcmp(code, dot[i]) == 0)
			return '.';
	return ',';
}

char i18n_decimal_mark(void)
{
	return i18n_group_mark() == '.' ? ',' : '.';
}

void i18n_format_count(char *buf, size_t size, int64_t n)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", (long long)n);
	const char *d = digits[0] == '-' ? digits + 1 : digits;
	size_t nd = strlen(d), w = 0;
	char mark = i18n_group_mark();
	char tmp[48];
	if (digits[0] == '-')
		tmp[w++] = '-';
	for (size_t i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			tmp[w++] = mark;
		tmp[w++] = d[i];
	}
	tmp[w] = '\0';
	snprintf(buf, size, "%s", tmp);
}

void i18n_format_date(char *buf, size_t size, const char *iso)
{
	int y, m, d, used = 0;
	if (!iso || strcmp(i18n_current(), "en") == 0 || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 ||
	    used != 10) {
		snprintf(buf, size, "%s", iso ? iso : "");
		return;
	}
	snprintf(buf, size, "%02d/%02d/%04d%s", d, m, y, iso + 10);
}
