/* Settings: the table of known keys with their defaults and validators, and reads
 * that fall back to the default. Validation happens at import time (settings.csv),
 * so a stored value can be trusted by the code that reads it. */
#include "store/settings.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/text.h"

/* project_code_letters: ;-separated LETTER=COUNTRY pairs, each letter once. */
static int check_letters(const char *v, char *why, size_t n)
{
	char seen[26] = {0};
	const char *p = v;
	int pairs = 0;
	while (*p) {
		while (*p == ' ' || *p == ';')
			p++;
		if (!*p)
			break;
		if (!isupper((unsigned char)p[0]) || p[1] != '=') {
			snprintf(why, n, "expected LETTER=COUNTRY pairs such as C=KH;L=LA");
			return -1;
		}
		char letter = p[0];
		p += 2;
		char code[16];
		size_t k = 0;
		while (*p && *p != ';' && *p != ' ' && k + 1 < sizeof code)
			code[k++] = *p++;
		code[k] = '\0';
		if (!country_by_code(code)) {
			snprintf(why, n, "'%s' is not a country code", code);
			return -1;
		}
		if (seen[letter - 'A']++) {
			snprintf(why, n, "letter %c is listed twice", letter);
			return -1;
		}
		pairs++;
	}
	if (!pairs) {
		snprintf(why, n, "no LETTER=COUNTRY pair");
		return -1;
	}
	return 0;
}

/* A decimal number from 0 to 100. */
static int check_pct(const char *v, char *why, size_t n)
{
	int64_t micro;
	if (text_parse_decimal_micro(v, &micro) < 0 || micro > 100000000) {
		snprintf(why, n, "expected a number from 0 to 100");
		return -1;
	}
	return 0;
}

/* A whole number of days from 0 to 366. */
static int check_days(const char *v, char *why, size_t n)
{
	int64_t d;
	if (text_parse_count(v, &d) < 0 || d > 366) {
		snprintf(why, n, "expected a whole number of days from 0 to 366");
		return -1;
	}
	return 0;
}

/* One line of text of 1 to 200 bytes without control characters. */
static int check_line(const char *v, char *why, size_t n)
{
	size_t len = strlen(v);
	bool ctrl = false;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20)
			ctrl = true;
	if (len == 0 || len > 200 || ctrl) {
		snprintf(why, n, "expected one line of 1 to 200 characters");
		return -1;
	}
	return 0;
}

/* An IATI organisation identifier: letters, digits and - _ . (e.g. XM-DAC-12-1). */
static int check_org_ref(const char *v, char *why, size_t n)
{
	size_t len = strlen(v);
	bool ok = len > 0 && len <= 100;
	for (const char *p = v; *p && ok; p++)
		ok = isalnum((unsigned char)*p) || strchr("-_.", *p);
	if (!ok) {
		snprintf(why, n, "expected an organisation identifier such as AU-5 or XM-DAC-801");
		return -1;
	}
	return 0;
}

/* A number of `digits` digits. */
static int check_digits(const char *v, size_t digits, const char *what, char *why, size_t n)
{
	bool ok = strlen(v) == digits;
	for (const char *p = v; *p && ok; p++)
		ok = isdigit((unsigned char)*p);
	if (!ok) {
		snprintf(why, n, "expected %s", what);
		return -1;
	}
	return 0;
}

/* An IATI OrganisationType code (10 government ... 90 other). */
static int check_org_type(const char *v, char *why, size_t n)
{
	static const char *const types[] = {"10", "11", "15", "21", "22", "23", "24", "30", "40",
					    "60", "70", "71", "72", "73", "80", "90", NULL};
	if (!text_in_list(v, types)) {
		snprintf(why, n, "expected an IATI organisation type code such as 10 or 21");
		return -1;
	}
	return 0;
}

/* An ISO 4217 code in capitals. */
static int check_currency(const char *v, char *why, size_t n)
{
	bool ok = strlen(v) == 3;
	for (const char *p = v; *p && ok; p++)
		ok = isupper((unsigned char)*p);
	if (!ok) {
		snprintf(why, n, "expected a currency code in capitals such as USD");
		return -1;
	}
	return 0;
}

/* A five-digit DAC purpose code. */
static int check_sector(const char *v, char *why, size_t n)
{
	return check_digits(v, 5, "a five-digit DAC sector code such as 15160", why, n);
}

/* A three-digit DAC region code. */
static int check_region(const char *v, char *why, size_t n)
{
	return check_digits(v, 3, "a three-digit DAC region code such as 789", why, n);
}

const setting_def settings_table[] = {
	{"project_code_letters", "C=KH;I=ID;L=LA;M=MM;P=PH;T=TH;V=VN;A=ASEAN;R=ASEAN",
	 "the country each project-code letter stands for", check_letters},
	{"share_tolerance_pct", "0.5",
	 "how far the printed shares of one answer set may stray from 100%", check_pct},
	{"on_time_days", "30",
	 "days after a period ends within which a status report is on time", check_days},
	{"iati_reporting_org_ref", "", "IATI: the reporting organisation's identifier",
	 check_org_ref},
	{"iati_reporting_org_name", "", "IATI: the reporting organisation's name", check_line},
	{"iati_reporting_org_type", "10", "IATI: the reporting organisation's type code",
	 check_org_type},
	{"iati_funding_org", "", "IATI: the funding organisation's name", check_line},
	{"iati_funding_org_ref", "", "IATI: the funding organisation's identifier",
	 check_org_ref},
	{"iati_default_currency", "USD", "IATI: the activities' default currency",
	 check_currency},
	{"iati_sector_code", "15160", "IATI: the DAC sector of every activity", check_sector},
	{"iati_region_code", "789", "IATI: the DAC region of regional projects", check_region},
	{"iati_programme_code", "", "IATI: the programme's own activity (parent of the "
	 "projects, carries the expenditure); none when empty", check_org_ref},
	{"iati_programme_title", "", "IATI: the programme activity's title", check_line},
};
const int settings_count = (int)(sizeof settings_table / sizeof settings_table[0]);

/* By key, exactly. */
const setting_def *settings_find(const char *key)
{
	for (int i = 0; i < settings_count; i++)
		if (strcmp(settings_table[i].key, key) == 0)
			return &settings_table[i];
	return NULL;
}

/* Stored value, else the default. */
int settings_get(store *st, const char *key, char *buf, size_t size, actip_err *err)
{
	const setting_def *d = settings_find(key);
	if (!d)
		return err_set(err, ACTIP_ERR, "unknown setting '%s'", key);
	snprintf(buf, size, "%s", d->def);
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT value FROM setting WHERE key = ?1", &s, err) < 0)
		return ACTIP_ERR;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(st, "reading a setting", err);
	return ACTIP_OK;
}

/* Scans the pairs for code's first letter. */
int settings_code_country(const char *letters, const char *code, char *out, size_t size)
{
	if (!code || !isupper((unsigned char)code[0]))
		return -1;
	for (const char *p = letters; *p; p++) {
		if (p[0] == code[0] && p[1] == '=' && (p == letters || p[-1] == ';' || p[-1] == ' ')) {
			size_t k = 0;
			p += 2;
			while (*p && *p != ';' && *p != ' ' && k + 1 < size)
				out[k++] = *p++;
			out[k] = '\0';
			return 0;
		}
	}
	return -1;
}
