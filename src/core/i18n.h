/* The languages of the web application and of the documents' headings: gettext-style
 * message catalogs (.mo, compiled from po/ by the build and embedded in the binary),
 * looked up for the language of the current thread (each web request sets its own),
 * the choice of a language from an Accept-Language header, and numbers and dates
 * written as a language writes them. English is the source language: no catalog. */
#ifndef ACTIP_CORE_I18N_H
#define ACTIP_CORE_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Marks a string for xgettext and translates it now (_), or only marks it (N_) for a
 * table translated later with _(). */
#define _(s) i18n_gettext(s)
#define N_(s) (s)
/* The form of a message for the count n ("1 record", "2 records"), marked for xgettext. */
#define P_(s, p, n) i18n_ngettext(s, p, n)

/* A language offered: its code (BCP 47, as <html lang>), its own name and its English name. */
typedef struct i18n_lang {
	const char *code, *name, *english;
} i18n_lang;

/* The languages offered (English first, then those with a catalog), count in *n. */
const i18n_lang *i18n_languages(size_t *n);

/* Is code one of the languages offered? */
bool i18n_known(const char *code);

/* Sets the current thread's language (an unknown or NULL code: English); returns the
 * code set. */
const char *i18n_set(const char *code);

/* The current thread's language code ("en" unless set). */
const char *i18n_current(void);

/* msgid translated into the current thread's language, or msgid itself. format_arg: a
 * printf-like call checks its arguments against msgid and takes the translation (whose
 * conversions `msgfmt --check` keeps the same) as its format. */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/* The singular or plural form for n, in the current language (its plural rule). */
const char *i18n_ngettext(const char *singular, const char *plural, long long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

/* The language offered that an Accept-Language header prefers most (q-values; a
 * region such as lo-LA matches lo; "tl" matches Filipino), or NULL when none. */
const char *i18n_negotiate(const char *accept_language);

/* The current language's digit-grouping mark and decimal mark (CLDR's): ',' and '.'
 * in English, '.' and ',' in Vietnamese, Lao, Khmer, Indonesian and Tetum. */
char i18n_group_mark(void);
char i18n_decimal_mark(void);

/* n with the current language's digit grouping ("1,057" in English, "1.057" in
 * Vietnamese, Lao, Khmer, Indonesian and Tetum). */
void i18n_format_count(char *buf, size_t size, int64_t n);

/* An ISO date (YYYY-MM-DD, possibly followed by a time) in the current language's
 * order: English keeps ISO; the others write DD/MM/YYYY. Anything else is copied. */
void i18n_format_date(char *buf, size_t size, const char *iso);

#endif
