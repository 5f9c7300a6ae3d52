/* Settings: named values that change how checks and reports behave without a new
 * build (which project-code letter means which country, how far a set of printed
 * shares may stray from 100%). Each known key has a default and a validator here;
 * the `setting` table holds only what an organisation changed (settings.csv). */
#ifndef ACTIP_STORE_SETTINGS_H
#define ACTIP_STORE_SETTINGS_H

#include <stddef.h>

#include "core/err.h"
#include "store/store.h"

typedef struct setting_def {
	const char *key;
	const char *def;    /* default value */
	const char *help;   /* one line, for the annex and --help */
	/* Returns 0 when value is acceptable, else -1 with a reason in why. */
	int (*check)(const char *value, char *why, size_t whysize);
} setting_def;

extern const setting_def settings_table[];
extern const int settings_count;

/* The definition of key; NULL when the key is unknown. */
const setting_def *settings_find(const char *key);

/* Copies key's stored value, or its default, into buf. Returns 0, or -1 (err). */
int settings_get(store *st, const char *key, char *buf, size_t size, actip_err *err);

/* Looks code's first letter up in a `project_code_letters` value ("C=KH;L=LA;...")
 * and copies the country it stands for into out; returns 0, or -1 when the letter
 * is not listed. */
int settings_code_country(const char *letters, const char *code, char *out, size_t size);

#endif
