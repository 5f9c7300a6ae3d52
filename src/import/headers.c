/* Header aliases, form-tool columns and user mappings (design in headers.h). */
#include "import/headers.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "import/csvread.h"

/* Other names of a column, in any template or only in one (spec/import-formats.md). */
static const struct alias {
	const char *column, *alias, *only_in;
} aliases[] = {
	{"activity_id", "activity", NULL},
	{"activity_id", "activity code", NULL},
	{"activity_id", "event id", NULL},
	{"activity_id", "event code", NULL},
	{"person_id", "participant id", NULL},
	{"person_id", "participant code", NULL},
	{"email", "e-mail", NULL},
	{"email", "email address", NULL},
	{"email", "e-mail address", NULL},
	{"full_name", "name", NULL},
	{"full_name", "participant name", NULL},
	{"full_name", "full name of participant", NULL},
	{"sex", "gender", NULL},
	{"sex", "sex/gender", NULL},
	{"country", "country of origin", "participants"},
	{"country", "nationality", "participants"},
	{"country", "country/region", NULL},
	{"organisation", "organization", NULL},
	{"organisation", "agency", NULL},
	{"organisation", "institution", NULL},
	{"start_date", "date", "activities"},
	{"start_date", "start", "activities"},
	{"start_date", "from", "activities"},
	{"end_date", "end", "activities"},
	{"end_date", "to", "activities"},
	{"disability", "person with disability", NULL},
	{"disability", "with disability", NULL},
};

/* Columns that form tools add about a submission, not about the person: ignored
 * without a warning when no template column claims them. Any name starting with _ is
 * one too (KoboToolbox's _id, _uuid, _submission_time, ...). */
static const char *const tool_columns[] = {
	"__version__", "start", "end", "today", "deviceid", "meta/instanceID", "instanceID",
	"Timestamp", "Start time", "Completion time", "ID", "Email", NULL,
};

/* NFKC, case folded, without spaces and _ - . / */
char *header_key(const char *name)
{
	char *k = text_name_key(name);
	if (!k)
		return NULL;
	char *o = k;
	for (const char *c = k; *c; c++)
		if (!strchr(" _-./", *c))
			*o++ = *c;
	*o = '\0';
	return k;
}

/* True when two names have the same key. */
static bool same_key(const char *key, const char *name)
{
	char *k = header_key(name);
	bool eq = k && strcmp(k, key) == 0;
	free(k);
	return eq;
}

/* The column a key names in t, by its own name or an alias, or -1. */
static int by_key(const template *t, const char *key)
{
	for (int c = 0; c < t->ncols; c++)
		if (same_key(key, t->cols[c].name))
			return c;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		const struct alias *a = &aliases[i];
		if (a->only_in && strcmp(a->only_in, t->name) != 0)
			continue;
		if (!same_key(key, a->alias))
			continue;
		for (int c = 0; c < t->ncols; c++)
			if (strcmp(t->cols[c].name, a->column) == 0)
				return c;
	}
	return -1;
}

/* Mapping, own name or alias, last part of a group path, form-tool column. */
int header_match(const template *t, const char *name, const header_map *map)
{
	char *key = header_key(name);
	if (!key)
		return HEADER_UNKNOWN;
	int found = HEADER_UNKNOWN;
	for (size_t i = 0; map && i < map->n && found == HEADER_UNKNOWN; i++) {
		const header_map_entry *e = &map->items[i];
		if (strcmp(e->tpl, t->name) != 0 || strcmp(e->source_key, key) != 0)
			continue;
		found = HEADER_IGNORED;
		for (int c = 0; c < t->ncols; c++)
			if (strcmp(t->cols[c].name, e->column) == 0)
				found = c;
	}
	if (found == HEADER_UNKNOWN)
		found = by_key(t, key);
	const char *slash = strrchr(name, '/');
	if (found == HEADER_UNKNOWN && slash && slash[1]) {
		char *last = header_key(slash + 1);
		if (last)
			found = by_key(t, last);
		free(last);
	}
	if (found == HEADER_UNKNOWN) {
		const char *n = name;
		while (*n == ' ')
			n++;
		if (*n == '_')
			found = HEADER_IGNORED;
		for (int i = 0; tool_columns[i] && found == HEADER_UNKNOWN; i++)
			if (same_key(key, tool_columns[i]))
				found = HEADER_IGNORED;
	}
	free(key);
	return found;
}

/* ---- the mapping file ------------------------------------------------------------- */

typedef struct map_load {
	header_map *m;
	const char *path;
	diag_list *diag;
	int col[3]; /* template, source, column: field index or -1 */
} map_load;

/* One record of the mapping file. */
static int map_record(void *ud, const csvr_record *rec)
{
	map_load *ml = ud;
	static const char *const names[3] = {"template", "source", "column"};
	if (rec->header) {
		for (int k = 0; k < 3; k++) {
			ml->col[k] = -1;
			for (size_t i = 0; i < rec->n; i++)
				if (text_ieq(text_trim(rec->fields[i]), names[k]))
					ml->col[k] = (int)i;
			if (k < 2 && ml->col[k] < 0) {
				diag_add(ml->diag, DIAG_ERROR, ml->path, rec->line, names[k],
					 _("missing required column (a mapping has template, source, column)"));
				return 1;
			}
		}
		return 0;
	}
	char *f[3];
	for (int k = 0; k < 3; k++)
		f[k] = ml->col[k] >= 0 ? text_trim(rec->fields[ml->col[k]]) : (char *)"";
	const template *t = template_find(f[0]);
	if (!t) {
		diag_add(ml->diag, DIAG_ERROR, ml->path, rec->line, "template", _("'%s' is not a template"),
			 f[0]);
		return 0;
	}
	bool ok = !*f[2] || text_ieq(f[2], "ignore");
	for (int c = 0; c < t->ncols && !ok; c++)
		ok = strcmp(t->cols[c].name, f[2]) == 0;
	if (!ok) {
		diag_add(ml->diag, DIAG_ERROR, ml->path, rec->line, "column",
			 _("'%s' is not a column of the %s template"), f[2], t->name);
		return 0;
	}
	char *key = header_key(f[1]);
	if (!key) {
		diag_add(ml->diag, DIAG_ERROR, ml->path, rec->line, "source", _("empty source header"));
		return 0;
	}
	header_map_entry *n = realloc(ml->m->items, (ml->m->n + 1) * sizeof *n);
	if (!n) {
		free(key);
		return 1;
	}
	ml->m->items = n;
	header_map_entry *e = &n[ml->m->n];
	e->tpl = strdup(t->name);
	e->source_key = key;
	e->column = strdup(text_ieq(f[2], "ignore") ? "" : f[2]);
	if (!e->tpl || !e->column) {
		free(e->tpl);
		free(e->column);
		free(key);
		return 1;
	}
	ml->m->n++;
	return 0;
}

/* Reads the mapping CSV with the ordinary reader. */
int header_map_load(header_map *m, const char *path, diag_list *diag)
{
	memset(m, 0, sizeof *m);
	FILE *in = fopen(path, "rb");
	if (!in) {
		diag_add(diag, DIAG_ERROR, path, 0, "-", _("cannot open the mapping file"));
		return -1;
	}
	size_t before = diag->errors;
	map_load ml = {m, path, diag, {-1, -1, -1}};
	csvr_opts o = {.label = path, .on_record = map_record, .ud = &ml, .diag = diag};
	csvr_read(in, 0, &o);
	fclose(in);
	return diag->errors > before ? -1 : 0;
}

void header_map_free(header_map *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->items[i].tpl);
		free(m->items[i].source_key);
		free(m->items[i].column);
	}
	free(m->items);
	memset(m, 0, sizeof *m);
}
