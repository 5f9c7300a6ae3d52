/* The import driver: finds the files of a run and their templates, reads each with its
 * reader (the line-aware CSV reader, after decode.c for other encodings, or the .xlsx
 * reader for each sheet of a workbook), maps its header to the template's columns
 * (headers.c: aliases, form tools, the user's mapping), parses and checks
 * every value by type, rejects duplicate keys within a file, and hands good rows to
 * the template's handler, all inside one BEGIN IMMEDIATE transaction that is committed
 * only when the whole run is free of errors. */
#include "import/import.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/country.h"
#include "core/num.h"
#include "core/text.h"
#include "import/csvread.h"
#include "import/decode.h"
#include "import/headers.h"
#include "import/template.h"
#include "import/xlsxread.h"
#include "store/stats.h"

/* One file of a run. */
typedef struct job {
	char *path;
	const template *tpl;
	int sheet;        /* the workbook's sheet, or -1 for a text file or a stream */
	char *sheet_name;
	int order; /* position among the arguments, for a stable sort */
	long rows, changed, replaced;
	char *replaced_detail; /* "KH-1: 41 stored participants replaced by 40\n"..., or NULL */
} job;

typedef struct run_state {
	importer im;
	const import_opts *o;
	bool header_ok;
	size_t progress_total;
	bool progress_shown;
	const char *progress_label;
	const import_format *fmt;
	header_map map;
	const char *sheet;   /* the sheet being read, NULL for text */
	char **hdr;          /* its header as written, for cell positions */
	size_t nhdr;
	bool headers_done;   /* hooks->headers holds the first header */
} run_state;

/* ---- which template a file is ------------------------------------------------- */

/* The template a file name stands for: "participants.csv", "2021_participants.csv" or
 * "participants-kh.csv" all mean participants. Longer names are tried first so that
 * "project_status" is not taken for "projects". */
const char *import_template_for(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char name[256];
	snprintf(name, sizeof name, "%s", base);
	text_lower_ascii(name);
	size_t n = strlen(name);
	static const char *const exts[] = {".csv", ".tsv", ".txt", ".xlsx", NULL};
	for (int i = 0; exts[i]; i++) {
		size_t el = strlen(exts[i]);
		if (n > el && strcmp(name + n - el, exts[i]) == 0) {
			name[n -= el] = '\0';
			break;
		}
	}
	const char *best = NULL;
	size_t bestlen = 0;
	for (int i = 0; i < template_count; i++) {
		const char *t = template_table[i]->name;
		size_t tl = strlen(t);
		bool match = strcmp(name, t) == 0;
		if (!match && n > tl) {
			char after = name[tl], before = name[n - tl - 1];
			match = (strncmp(name, t, tl) == 0 && (after == '-' || after == '_' || after == ' ')) ||
				(strcmp(name + n - tl, t) == 0 && (before == '-' || before == '_' || before == ' '));
		}
		if (match && tl > bestlen) {
			best = t;
			bestlen = tl;
		}
	}
	return best;
}

/* ---- value parsing ------------------------------------------------------------ */

/* Shortens a value for an error message. */
static const char *shown(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);
	if (n < 48)
		return s;
	size_t cut = 40;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--; /* do not split a UTF-8 sequence */
	snprintf(buf, size, "%.*s...", (int)cut, s);
	return buf;
}

/* True for a valid identifier: letters, digits and . _ -, no "..", at most 64 bytes. */
static bool valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return false;
	if (strstr(s, "..") || !isalnum((unsigned char)s[0]))
		return false; /* a key is also a path segment of the records API */
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("._-", *s))
			return false;
	return true;
}

/* True for something@somewhere without spaces. */
static bool valid_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || !at[1] || strchr(at + 1, '@'))
		return false;
	for (; *s; s++)
		if (isspace((unsigned char)*s) || (unsigned char)*s < 0x20)
			return false;
	return true;
}

/* Parses one trimmed field into v by the column's type. Returns 0 or reports an
 * error and returns -1. */
static int parse_value(importer *im, const colspec *c, char *s, long line, value *v)
{
	char buf[64];
	memset(v, 0, sizeof *v);
	if (*s == '\0') {
		if (c->required) {
			diag_add(im->diag, DIAG_ERROR, im->file, line, c->name, _("required value is empty"));
			return -1;
		}
		if (c->type == T_YESNO)
			v->n = -1;
		return 0;
	}
	unsigned maxlen = c->maxlen ? c->maxlen : 4000;
	if (strlen(s) > maxlen) {
		diag_add(im->diag, DIAG_ERROR, im->file, line, c->name,
			 _("value is longer than %u bytes"), maxlen);
		return -1;
	}
	v->set = true;
	v->s = s;
	const char *why = NULL;
	switch (c->type) {
	case T_TEXT:
		break;
	case T_CODE:
		if (!valid_code(s))
			why = N_("is not a valid code (letters, digits and . _ -, starting with a letter or digit, no '..', at most 64)");
		break;
	case T_CODES: {
		/* every ;-separated part must be a code; blanks between ; are ignored */
		char *copy = strdup(s), *save = NULL;
		if (!copy)
			return -1;
		for (char *p = strtok_r(copy, ";", &save); p && !why; p = strtok_r(NULL, ";", &save))
			if (*text_trim(p) && !valid_code(p))
				why = N_("is not a ;-separated list of codes");
		free(copy);
		break;
	}
	case T_COUNTRY: {
		const country *k = country_find(s);
		if (!k)
			why = N_("is not a known country (use BN KH ID LA MY MM PH SG TH VN TL, "
			      "an English short name such as Cambodia, or ASEAN)");
		else
			v->s = k->code;
		break;
	}
	case T_DATE: {
		int y = 0, m = 0, d = 0;
		int r = text_parse_date_any(s, im->date_order, &y, &m, &d);
		if (r == -2)
			why = N_("is a day and month in an order the file does not say: pass --date-order dmy "
			      "(D/M/YYYY) or --date-order mdy (M/D/YYYY)");
		else if (r < 0)
			why = N_("is not a real date in the form YYYY-MM-DD");
		else {
			char *canon = im->datebuf[c - im->tpl->cols];
			snprintf(canon, sizeof im->datebuf[0], "%04d-%02d-%02d", y, m, d);
			v->s = canon;
		}
		v->year = y;
		break;
	}
	case T_YEAR: {
		int y = 0;
		if (text_parse_year(s, &y) < 0)
			why = N_("is not a year (YYYY)");
		v->n = y;
		break;
	}
	case T_COUNT:
		if (text_parse_count(s, &v->n) < 0)
			why = N_("is not a whole number");
		break;
	case T_DECIMAL:
		if (text_parse_decimal_micro(s, &v->n) < 0)
			why = N_("is not a decimal number such as 1234.50");
		break;
	case T_YESNO: {
		int yn = -1;
		if (text_parse_yesno(s, &yn) < 0)
			why = N_("is not yes or no");
		v->n = yn;
		if (yn < 0)
			v->set = false;
		break;
	}
	case T_SEX:
		if (text_parse_sex(s, &v->s) < 0)
			why = N_("is not female, male or other");
		break;
	case T_ENUM: {
		why = N_("is not one of the allowed values");
		for (int i = 0; c->allowed[i]; i++)
			if (text_ieq(s, c->allowed[i])) {
				v->s = c->allowed[i];
				why = NULL;
				break;
			}
		if (why) {
			char list[256] = "";
			for (int i = 0; c->allowed[i]; i++) {
				strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
				strncat(list, c->allowed[i], sizeof list - strlen(list) - 1);
			}
			diag_add(im->diag, DIAG_ERROR, im->file, line, c->name,
				 _("'%s' is not one of: %s"), shown(s, buf, sizeof buf), list);
			return -1;
		}
		break;
	}
	case T_SCALE: {
		/* a word of the list (best first), or its number counted from the worst */
		int n = 0;
		while (c->allowed[n])
			n++;
		why = N_("is not one of the allowed words or their numbers");
		for (int i = 0; i < n && why; i++)
			if (text_ieq(s, c->allowed[i]) || (s[0] == '0' + (n - i) && !s[1])) {
				v->s = c->allowed[i];
				why = NULL;
			}
		break;
	}
	case T_EMAIL:
		if (!valid_email(s))
			why = N_("is not an e-mail address");
		break;
	case T_CURRENCY:
		if (strlen(s) != 3 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]) ||
		    !isalpha((unsigned char)s[2]))
			why = N_("is not a three-letter currency code such as USD");
		for (char *p = s; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		break;
	}
	if (why) {
		/* the value, then what is wrong with it (translated): that order reads in every
		 * language of po/ */
		diag_add(im->diag, DIAG_ERROR, im->file, line, c->name, "'%s' %s",
			 shown(s, buf, sizeof buf), _(why));
		return -1;
	}
	return 0;
}

/* ---- records ------------------------------------------------------------------ */

/* Keeps the header's names as written, for the cell positions of a sheet's errors. */
static void keep_header(run_state *rs, const csvr_record *rec)
{
	rs->hdr = calloc(rec->n ? rec->n : 1, sizeof *rs->hdr);
	if (!rs->hdr)
		return;
	for (size_t i = 0; i < rec->n; i++)
		rs->hdr[i] = strdup(rec->fields[i]);
	rs->nhdr = rec->n;
}

/* Frees the kept header. */
static void drop_header(run_state *rs)
{
	for (size_t i = 0; i < rs->nhdr; i++)
		free(rs->hdr[i]);
	free(rs->hdr);
	rs->hdr = NULL;
	rs->nhdr = 0;
}

/* Writes a sheet name as a reference does: quoted when it has more than letters,
 * digits and _. */
static void sheet_ref(const char *sheet, char *buf, size_t size)
{
	bool plain = *sheet != '\0';
	for (const char *p = sheet; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			plain = false;
	if (plain) {
		snprintf(buf, size, "%s", sheet);
		return;
	}
	size_t o = 0;
	if (o + 1 < size)
		buf[o++] = '\'';
	for (const char *p = sheet; *p && o + 3 < size; p++) {
		if (*p == '\'')
			buf[o++] = '\'';
		buf[o++] = *p;
	}
	if (o + 1 < size)
		buf[o++] = '\'';
	buf[o] = '\0';
}

/* diag's locator while a sheet is read: a column (a template column, a header name as
 * written, or "column N") and a row become SHEET!CELL; a row alone SHEET!N:N. */
static int locate_cell(void *ud, long line, const char *column, char *buf, size_t size)
{
	run_state *rs = ud;
	char sheet[96];
	sheet_ref(rs->sheet, sheet, sizeof sheet);
	if (line <= 0) {
		snprintf(buf, size, "%s", sheet);
		return 0;
	}
	long idx = -1;
	const template *t = rs->im.tpl;
	for (int c = 0; column && c < t->ncols && idx < 0; c++)
		if (strcmp(t->cols[c].name, column) == 0)
			idx = rs->im.colmap[c];
	for (size_t i = 0; column && idx < 0 && i < rs->nhdr; i++)
		if (rs->hdr[i] && strcmp(rs->hdr[i], column) == 0)
			idx = (long)i;
	size_t n;
	if (idx < 0 && column && sscanf(column, "column %zu", &n) == 1 && n > 0)
		idx = (long)n - 1;
	if (idx < 0) {
		snprintf(buf, size, "%s!%ld:%ld", sheet, line, line);
		return 0;
	}
	char letters[8];
	xlsx_column_letters((size_t)idx, letters, sizeof letters);
	snprintf(buf, size, "%s!%s%ld", sheet, letters, line);
	return 0;
}

/* The user's mapping of this run: --map's file, else the caller's (import_format.map). */
static const header_map *rs_map(const run_state *rs)
{
	return rs->fmt->map_path || !rs->fmt->map ? &rs->map : rs->fmt->map;
}

/* Appends s to buf at *used with its tabs and line breaks as spaces, then `end`;
 * false when it does not fit. */
static bool put_cell(char *buf, size_t size, size_t *used, const char *s, char end)
{
	for (; *s; s++) {
		if (*used + 2 >= size)
			return false;
		buf[(*used)++] = *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s;
	}
	if (*used + 2 >= size)
		return false;
	buf[(*used)++] = end;
	buf[*used] = '\0';
	return true;
}

/* Adds one header cell and what it matched to hooks->headers (the first header only;
 * a list that does not fit is dropped whole, so a caller never sees half of one). */
static void note_header(run_state *rs, const char *name, int found)
{
	import_hooks *h = rs->im.hooks;
	if (!h || rs->headers_done || !*name)
		return;
	char *key = header_key(name);
	const char *col = found >= 0 ? rs->im.tpl->cols[found].name : found == HEADER_IGNORED ? "-" : "";
	size_t used = strlen(h->headers);
	bool fits = put_cell(h->headers, sizeof h->headers, &used, key ? key : "", '\t') &&
		    put_cell(h->headers, sizeof h->headers, &used, name, '\t') &&
		    put_cell(h->headers, sizeof h->headers, &used, col, '\n');
	free(key);
	if (!fits) {
		h->headers[0] = '\0';
		rs->headers_done = true;
	}
}

/* Maps the header's names to the template's columns; reports missing required
 * columns, duplicated names and (as warnings) unknown ones. */
static int map_header(run_state *rs, const csvr_record *rec)
{
	importer *im = &rs->im;
	const template *t = im->tpl;
	bool ok = true;
	for (int c = 0; c < t->ncols; c++)
		im->colmap[c] = -1;
	for (size_t i = 0; i < rec->n; i++) {
		char *name = text_trim(rec->fields[i]);
		int found = *name ? header_match(t, name, rs_map(rs)) : HEADER_IGNORED;
		note_header(rs, name, found);
		if (found == HEADER_UNKNOWN)
			diag_add(im->diag, DIAG_WARNING, im->file, rec->line, name,
				 _("column not in the %s template; ignored (--map FILE can name its column)"),
				 t->name);
		if (found < 0)
			continue;
		if (im->colmap[found] >= 0) {
			diag_add(im->diag, DIAG_ERROR, im->file, rec->line, t->cols[found].name,
				 _("column appears twice in the header"));
			ok = false;
		}
		im->colmap[found] = (int)i;
	}
	if (rs->sheet)
		keep_header(rs, rec);
	for (int c = 0; c < t->ncols; c++)
		if (t->cols[c].required && im->colmap[c] < 0) {
			diag_add(im->diag, DIAG_ERROR, im->file, rec->line, t->cols[c].name,
				 _("missing required column (the %s template needs it)"), t->name);
			ok = false;
		}
	return ok ? 0 : -1;
}

/* Builds the key of a keyed template's row ("" parts for blanks). */
static void row_key(const template *t, const tplrow *r, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int k = 0; k < TPL_MAX_KEY && t->key_cols[k] >= 0; k++) {
		const value *v = &r->v[t->key_cols[k]];
		char part[80];
		if (t->cols[t->key_cols[k]].type == T_YEAR)
			snprintf(part, sizeof part, "%lld", (long long)v->n);
		else
			snprintf(part, sizeof part, "%s", v->set ? v->s : "");
		if (k)
			strncat(buf, " / ", size - strlen(buf) - 1);
		strncat(buf, part, size - strlen(buf) - 1);
	}
}

/* The reader's callback: header mapping, then one row at a time. */
static int on_record(void *ud, const csvr_record *rec)
{
	run_state *rs = ud;
	importer *im = &rs->im;
	const template *t = im->tpl;
	if (rec->header) {
		rs->header_ok = map_header(rs, rec) == 0;
		rs->headers_done = true;
		return rs->header_ok ? 0 : 1;
	}
	tplrow row;
	row.line = rec->line;
	row.file = im->file;
	bool ok = true, key_ok = true;
	for (int c = 0; c < t->ncols; c++) {
		int f = im->colmap[c];
		char *s = f >= 0 ? text_trim(rec->fields[f]) : (char *)"";
		long line = f >= 0 ? rec->lines[f] : rec->line;
		bool good = parse_value(im, &t->cols[c], s, line, &row.v[c]) == 0 &&
			    template_check_ref(im, &t->cols[c], &row.v[c], line);
		if (!good) {
			ok = false;
			for (int k = 0; k < TPL_MAX_KEY && t->key_cols[k] >= 0; k++)
				if (t->key_cols[k] == c)
					key_ok = false;
		}
	}
	if (t->key_cols[0] >= 0 && key_ok) {
		char key[256];
		int64_t first;
		row_key(t, &row, key, sizeof key);
		int seen = runmap_get(&im->keys, key, &first);
		if (seen < 0)
			return 1;
		if (seen) {
			diag_add(im->diag, DIAG_ERROR, im->file, rec->line, t->cols[t->key_cols[0]].name,
				 _("duplicate key '%s' (first on line %lld)"), key, (long long)first);
			return 0;
		}
		if (runmap_put(&im->keys, key, rec->line) < 0)
			return 1;
	}
	if (!ok)
		return 0;
	import_hooks *h = im->hooks;
	if (h && h->row_check && h->row_check(im->st, h->ctx, t, &row, &im->refusal) < 0) {
		im->refused = true;
		return 1; /* the whole run is refused */
	}
	if (t->handle(im, &row) < 0 || im->db_failed)
		return 1;
	return 0;
}

/* Draws a progress bar for a large file on a terminal. */
static void on_progress(void *ud, size_t done, size_t total)
{
	run_state *rs = ud;
	if (!rs->o->progress || total < (4u << 20))
		return;
	int pct = (int)(done * 100 / total), width = 30, fill = pct * width / 100;
	fprintf(stderr, "\r%-24.24s [%.*s%*s] %3d%%", rs->progress_label, fill,
		"##############################", width - fill, "", pct);
	if (done >= total)
		fputc('\n', stderr);
	rs->progress_shown = true;
}

/* replaced_detail's writer: one line per owner, its stored rows and its rows now. */
typedef struct replaced_out {
	importer *im;
	FILE *f;
	char what[64];
	bool failed;
} replaced_out;

static int replaced_line(const char *owner, int64_t old, void *ud)
{
	replaced_out *o = ud;
	int64_t now = 0;
	if (runmap_get(o->im->repl_seqs, owner, &now) < 0) {
		o->failed = true;
		return 1;
	}
	fprintf(o->f, "%s: %lld stored %s replaced by %lld\n", owner, (long long)old, o->what, (long long)now);
	return 0;
}

/* What a file's rows replaced, owner by owner in name order: "KH-1: 41 stored
 * participants replaced by 40" (at most 50 lines, then how many more); NULL when it
 * replaced nothing. Nothing is removed without the user being told. */
static char *replaced_detail(importer *im)
{
	if (!im->repl_seqs)
		return NULL;
	/* both counts written back first, so that reading one map never writes the other */
	int64_t n = runmap_len(&im->repl_old);
	if (n <= 0 || runmap_len(im->repl_seqs) < 0)
		return NULL;
	replaced_out o = {.im = im};
	snprintf(o.what, sizeof o.what, "%s", im->tpl->name);
	for (char *p = o.what; *p; p++)
		if (*p == '_')
			*p = ' ';
	char *text = NULL;
	size_t len = 0;
	o.f = open_memstream(&text, &len);
	if (!o.f)
		return NULL;
	if (runmap_each_sorted(&im->repl_old, 50, replaced_line, &o) < 0)
		o.failed = true;
	if (n > 50)
		fprintf(o.f, "and %lld more\n", (long long)(n - 50));
	fclose(o.f);
	if (o.failed) {
		free(text);
		return NULL;
	}
	return text;
}

/* Reads one file into the open transaction. */
/* The sheet of a workbook read as a stream: the one named for the template, else the
 * first. */
static int stream_sheet(const xlsx *x, const template *t)
{
	for (int i = 0; i < xlsx_sheet_count(x); i++) {
		const char *tn = import_template_for(xlsx_sheet_name(x, i));
		if (tn && strcmp(tn, t->name) == 0)
			return i;
	}
	return 0;
}

/* Reads one sheet of a workbook, its diagnostics placed as SHEET!CELL. */
static void read_workbook(run_state *rs, job *j, FILE *in, const unsigned char *head,
			  size_t nhead, const csvr_opts *co)
{
	importer *im = &rs->im;
	xlsx *x = j->sheet >= 0 ? xlsx_open(j->path, j->path, im->diag)
				: xlsx_open_stream(in, head, nhead, j->path, im->diag);
	if (!x)
		return;
	int sheet = j->sheet >= 0 ? j->sheet : stream_sheet(x, j->tpl);
	rs->sheet = xlsx_sheet_name(x, sheet);
	im->diag->locate = locate_cell;
	im->diag->locate_ud = rs;
	im->diag->locate_file = j->path;
	xlsx_read_sheet(x, sheet, co);
	if (j->tpl->end_file)
		j->tpl->end_file(im);
	im->diag->locate = NULL;
	im->diag->locate_file = NULL;
	rs->sheet = NULL;
	drop_header(rs);
	xlsx_close(x);
}

/* Reads one file into the open transaction: a workbook's sheet, or text in any
 * encoding decode.c knows. */
static void import_file(run_state *rs, job *j, FILE *in, size_t size)
{
	importer *im = &rs->im;
	im->file = j->path;
	im->tpl = j->tpl;
	im->rows = im->changed = im->replaced = 0;
	im->last_activity_ok = -1;
	memset(im->held_rows, 0, sizeof im->held_rows);
	for (int k = 0; k < REF__COUNT; k++)
		strmap_free(&im->ref_found[k]);
	runmap_clear(&im->keys);
	rs->progress_label = j->path;
	unsigned char head[4];
	size_t nhead = j->sheet >= 0 ? 0 : fread(head, 1, sizeof head, in);
	csvr_opts co = {.label = j->path, .on_record = on_record, .on_progress = on_progress,
			.ud = rs, .diag = im->diag, .delim = rs->fmt->delimiter};
	if (j->sheet >= 0 || xlsx_sniff(head, nhead)) {
		read_workbook(rs, j, in, head, nhead, &co);
	} else {
		decoder *dec = NULL;
		const char *enc = rs->fmt->encoding;
		if (enc && size > 0) { /* a regular file: convert it only when it needs it */
			rewind(in);
			if (decode_is_utf8(in))
				enc = NULL;
			nhead = fread(head, 1, sizeof head, in);
		}
		FILE *text = decode_open(in, head, nhead, enc, j->path, im->diag, &dec);
		if (text) {
			if (!dec) {
				co.head = head;
				co.nhead = nhead;
			}
			csvr_read(text, size, &co);
			decode_close(text, dec);
			if (j->tpl->end_file)
				j->tpl->end_file(im);
		}
	}
	actip_err berr = {0};
	if (store_bulk_end(im->st, &berr) < 0) { /* the file's dropped triggers, back */
		diag_add(im->diag, DIAG_ERROR, j->path, 0, "-", "%s", berr.msg);
		im->db_failed = true;
	}
	j->rows = im->rows;
	j->changed = im->changed;
	j->replaced = im->replaced;
	j->replaced_detail = replaced_detail(im);
	runmap_clear(&im->repl_old);
}

/* ---- the run ------------------------------------------------------------------ */

/* Appends a job. */
static int add_job(job **jobs, int *n, const char *path, const template *t, int sheet,
		   const char *sheet_name)
{
	job *nj = realloc(*jobs, (size_t)(*n + 1) * sizeof *nj);
	if (!nj)
		return -1;
	*jobs = nj;
	memset(&nj[*n], 0, sizeof nj[*n]);
	nj[*n].path = strdup(path);
	nj[*n].tpl = t;
	nj[*n].order = *n;
	nj[*n].sheet = sheet;
	nj[*n].sheet_name = sheet_name ? strdup(sheet_name) : NULL;
	if (!nj[*n].path)
		return -1;
	(*n)++;
	return 0;
}

/* A template's position in template_table (the order a run processes them). */
static int tpl_rank(const template *t)
{
	for (int i = 0; i < template_count; i++)
		if (template_table[i] == t)
			return i;
	return template_count;
}

/* Orders jobs by template (referenced records first), then by argument order. */
static int job_cmp(const void *a, const void *b)
{
	const job *x = a, *y = b;
	int rx = tpl_rank(x->tpl), ry = tpl_rank(y->tpl);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return x->order - y->order;
}

/* Sorts names for a deterministic directory order. */
static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True for the names of files a run reads. */
static bool importable_name(const char *name)
{
	size_t l = strlen(name);
	static const char *const exts[] = {".csv", ".tsv", ".txt", ".xlsx", NULL};
	if (name[0] == '.')
		return false;
	for (int i = 0; exts[i]; i++) {
		size_t el = strlen(exts[i]);
		if (l > el && text_ieq(name + l - el, exts[i]))
			return true;
	}
	return false;
}

/* True when the path's first bytes are a zip archive's. */
static bool is_workbook(const char *path)
{
	unsigned char head[4];
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return xlsx_sniff(head, n);
}

/* Adds a job for every sheet of a workbook that names a template (or, for a workbook
 * of one sheet, whose file name does); warns about the others. */
static void add_workbook(const char *path, job **jobs, int *n, const template *forced,
			 diag_list *diag)
{
	xlsx *x = xlsx_open(path, path, diag);
	if (!x)
		return;
	int before = *n, count = xlsx_sheet_count(x);
	for (int i = 0; i < count; i++) {
		const char *name = xlsx_sheet_name(x, i);
		const char *tn = import_template_for(name);
		if (!tn && count == 1)
			tn = import_template_for(path);
		const template *t = tn ? template_find(tn) : NULL;
		if (forced && (count == 1 || t == forced))
			t = forced;
		else if (forced)
			t = NULL;
		if (t)
			add_job(jobs, n, path, t, i, name);
		else
			diag_add(diag, DIAG_WARNING, path, 0, name,
				 _("the sheet's name is not a template's; skipped"));
	}
	if (*n == before)
		diag_add(diag, DIAG_ERROR, path, 0, "-",
			 _("no sheet is named after a template (e.g. participants); rename the sheet "
			 "or pass --template"));
	xlsx_close(x);
}

/* Collects the template files of a directory. */
static int collect_dir(const char *dir, job **jobs, int *n, const template *forced,
		       diag_list *diag)
{
	DIR *d = opendir(dir);
	if (!d) {
		diag_add(diag, DIAG_ERROR, dir, 0, "-", _("cannot open the directory"));
		return 0;
	}
	char **names = NULL;
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!importable_name(e->d_name))
			continue;
		char **nn2 = realloc(names, (nn + 1) * sizeof *names);
		if (!nn2)
			break;
		names = nn2;
		names[nn] = strdup(e->d_name);
		if (names[nn])
			nn++;
	}
	closedir(d);
	if (nn) /* qsort's array may not be NULL, even when empty */
		qsort(names, nn, sizeof *names, name_cmp);
	for (size_t i = 0; i < nn; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			 names[i]);
		const char *tn = import_template_for(names[i]);
		const template *t = forced ? forced : tn ? template_find(tn) : NULL;
		if (is_workbook(path))
			add_workbook(path, jobs, n, forced, diag);
		else if (t)
			add_job(jobs, n, path, t, -1, NULL);
		else
			diag_add(diag, DIAG_WARNING, path, 0, "-",
				 _("not a template file name; skipped"));
		free(names[i]);
	}
	free(names);
	return 0;
}

/* Prints the run's summary. */
static void print_summary(FILE *out, const job *jobs, int n, double secs)
{
	long total = 0;
	for (int i = 0; i < n; i++) {
		char rows[32], ch[32];
		num_format_count(rows, sizeof rows, jobs[i].rows);
		num_format_count(ch, sizeof ch, jobs[i].changed);
		char where[512];
		snprintf(where, sizeof where, "%s%s%s", jobs[i].path, jobs[i].sheet_name ? ":" : "",
			 jobs[i].sheet_name ? jobs[i].sheet_name : "");
		fprintf(out, "  %-40s %-19s %10s rows", where, jobs[i].tpl->name, rows);
		if (jobs[i].replaced)
			fprintf(out, " (for %ld %s, replacing what they had)", jobs[i].replaced,
				jobs[i].tpl->replaces ? jobs[i].tpl->replaces : "records");
		else
			fprintf(out, " (%s new or changed)", ch);
		fputc('\n', out);
		for (const char *p = jobs[i].replaced_detail; p && *p;) { /* indented, one per line */
			const char *e = strchr(p, '\n');
			int l = e ? (int)(e - p) : (int)strlen(p);
			fprintf(out, "    %.*s\n", l, p);
			p += l + (e ? 1 : 0);
		}
		total += jobs[i].rows;
	}
	char t[32];
	num_format_count(t, sizeof t, total);
	fprintf(out, "stored %s rows from %d file%s in %.2f s\n", t, n, n == 1 ? "" : "s", secs);
}

/* The bytes of the jobs' regular files, each file once (a workbook's sheets are jobs
 * of one file). */
static size_t jobs_bytes(const job *jobs, int njobs)
{
	size_t total = 0;
	for (int i = 0; i < njobs; i++) {
		int k = 0;
		while (k < i && strcmp(jobs[k].path, jobs[i].path) != 0)
			k++;
		struct stat sb;
		if (k == i && stat(jobs[i].path, &sb) == 0 && S_ISREG(sb.st_mode))
			total += (size_t)sb.st_size;
	}
	return total;
}

/* Reads the jobs into one transaction and commits it only when no file had an error.
 * A job whose path is "-" reads `stream` and is labelled `label` in diagnostics. */
static int run_jobs(store *st, const import_opts *o, job *jobs, int njobs, FILE *stream,
		    const char *label, import_hooks *hooks, diag_list *diag, actip_err *err)
{
	run_state rs;
	memset(&rs, 0, sizeof rs);
	rs.o = o;
	rs.im.st = st;
	rs.im.diag = diag;
	runmap_init(&rs.im.keys, st->db, 0);
	runmap_init(&rs.im.att_seq, st->db, 0);
	runmap_init(&rs.im.fb_seq, st->db, 0);
	runmap_init(&rs.im.fig_seq, st->db, 0);
	runmap_init(&rs.im.repl_old, st->db, 0);
	rs.im.append = (hooks && hooks->append) || o->append;
	rs.im.hooks = hooks;
	rs.fmt = hooks && hooks->fmt ? hooks->fmt : &o->fmt;
	rs.im.date_order = rs.fmt->date_order;
	int rc = ACTIP_OK;
	if (rs.fmt->map_path && header_map_load(&rs.map, rs.fmt->map_path, diag) < 0) {
		rc = ACTIP_EINPUT;
		goto done;
	}
	if (template_prepare(&rs.im, err) < 0 || store_begin(st, err) < 0) {
		rc = ACTIP_ERR;
		goto done;
	}
	if (jobs_bytes(jobs, njobs) > STORE_CAPTURE_MAX)
		store_capture_bulk(st);
	if (hooks && hooks->after_begin && (rc = hooks->after_begin(st, hooks->ctx, err)) < 0) {
		store_rollback(st);
		goto done;
	}
	for (int i = 0; i < njobs && !rs.im.db_failed && !rs.im.refused; i++) {
		bool is_stream = strcmp(jobs[i].path, "-") == 0;
		FILE *in = is_stream ? stream : fopen(jobs[i].path, "rb");
		if (!in) {
			diag_add(diag, DIAG_ERROR, jobs[i].path, 0, "-", _("cannot open the file"));
			continue;
		}
		struct stat sb;
		size_t size = fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 0;
		if (is_stream) { /* diagnostics name the stream by its label */
			char *l = strdup(label);
			if (l) {
				free(jobs[i].path);
				jobs[i].path = l;
			}
		}
		import_file(&rs, &jobs[i], in, size);
		if (!is_stream)
			fclose(in);
	}
	if (rs.im.refused) {
		store_rollback(st);
		if (hooks) /* only a hook refuses */
			hooks->refused = true;
		rc = err_set(err, ACTIP_ERR, "%s", rs.im.refusal.msg);
	} else if (rs.im.db_failed) {
		store_rollback(st);
		rc = err_set(err, ACTIP_ERR, "%s: the database refused a write", st->path);
	} else if (diag->errors) {
		store_rollback(st);
		rc = ACTIP_EINPUT;
		if (hooks)
			hooks->locked = rs.im.locked;
	} else {
		template_finalize(&rs.im); /* no statement may be active at COMMIT */
		if (hooks) {
			size_t dlen = 0;
			FILE *detail = NULL;
			for (int i = 0; i < njobs; i++) {
				hooks->rows += jobs[i].rows;
				hooks->changed += jobs[i].changed;
				hooks->replaced += jobs[i].replaced;
				if (jobs[i].replaced_detail && !detail)
					detail = open_memstream(&hooks->replaced_detail, &dlen);
				if (jobs[i].replaced_detail && detail)
					fputs(jobs[i].replaced_detail, detail);
			}
			if (detail)
				fclose(detail);
			if (hooks->before_commit && (rc = hooks->before_commit(st, hooks->ctx, err)) < 0) {
				store_rollback(st);
				goto done;
			}
			if (hooks->dry_run) {
				store_rollback(st);
				goto done;
			}
		}
		if (store_stats_refresh(st, err) < 0 || store_commit(st, err) < 0) {
			store_rollback(st);
			rc = ACTIP_ERR;
		}
	}
done:
	template_finalize(&rs.im);
	runmap_clear(&rs.im.keys);
	runmap_clear(&rs.im.att_seq);
	runmap_clear(&rs.im.fb_seq);
	runmap_clear(&rs.im.fig_seq);
	runmap_clear(&rs.im.repl_old);
	for (int k = 0; k < REF__COUNT; k++)
		strmap_free(&rs.im.ref_found[k]);
	free(rs.im.pending);
	header_map_free(&rs.map);
	return rc;
}

/* Frees the jobs. */
static void free_jobs(job *jobs, int njobs)
{
	for (int i = 0; i < njobs; i++) {
		free(jobs[i].path);
		free(jobs[i].replaced_detail);
		free(jobs[i].sheet_name);
	}
	free(jobs);
}

/* One run: collect the files and their templates, read them, commit or roll back. */
int import_run(store *st, const import_opts *o, diag_list *diag, actip_err *err)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const template *forced = NULL;
	if (o->template_name && !(forced = template_find(o->template_name)))
		return err_set(err, ACTIP_EINPUT, "unknown template '%s'", o->template_name);
	job *jobs = NULL;
	int njobs = 0;
	for (int i = 0; i < o->npaths; i++) {
		const char *p = o->paths[i];
		struct stat sb = {0};
		if (strcmp(p, "-") != 0 && stat(p, &sb) != 0) {
			diag_add(diag, DIAG_ERROR, p, 0, "-", _("no such file or directory"));
			continue;
		}
		bool is_stream = strcmp(p, "-") == 0;
		if (!is_stream && S_ISDIR(sb.st_mode)) {
			collect_dir(p, &jobs, &njobs, forced, diag);
			continue;
		}
		const char *tn = import_template_for(p);
		const template *t = forced ? forced : tn ? template_find(tn) : NULL;
		if (!is_stream && is_workbook(p))
			add_workbook(p, &jobs, &njobs, forced, diag);
		else if (!t)
			diag_add(diag, DIAG_ERROR, p, 0, "-",
				 _("cannot tell which template this file is: name it after one "
				 "(e.g. participants.csv) or pass --template"));
		else
			add_job(&jobs, &njobs, p, t, -1, NULL);
	}
	if (njobs == 0 && diag->errors == 0)
		diag_add(diag, DIAG_ERROR, o->npaths ? o->paths[0] : "-", 0, "-",
			 _("no template files to import"));
	if (diag->errors) {
		free_jobs(jobs, njobs);
		return ACTIP_EINPUT;
	}
	if (njobs) /* qsort's array may not be NULL, even when empty */
		qsort(jobs, (size_t)njobs, sizeof *jobs, job_cmp);
	int rc = run_jobs(st, o, jobs, njobs, stdin, o->label ? o->label : "<stdin>", o->hooks, diag,
			  err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc == ACTIP_OK && !o->quiet)
		print_summary(o->summary ? o->summary : stdout, jobs, njobs,
			      (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	free_jobs(jobs, njobs);
	return rc;
}

/* Imports one stream as a named template. */
int import_stream(store *st, FILE *in, const char *label, const char *template_name,
		  diag_list *diag, actip_err *err)
{
	return import_stream_hooked(st, in, label, template_name, NULL, diag, err);
}

/* Imports one stream as a named template, with the caller's hooks. */
int import_stream_hooked(store *st, FILE *in, const char *label, const char *template_name,
			 import_hooks *hooks, diag_list *diag, actip_err *err)
{
	const template *t = template_find(template_name);
	if (!t)
		return err_set(err, ACTIP_EINPUT, "unknown template '%s'", template_name);
	import_opts o = {0};
	o.quiet = true;
	job *jobs = NULL;
	int njobs = 0;
	if (add_job(&jobs, &njobs, "-", t, -1, NULL) < 0) {
		free_jobs(jobs, njobs);
		return err_set(err, ACTIP_ENOMEM, "out of memory");
	}
	int rc = run_jobs(st, &o, jobs, njobs, in, label, hooks, diag, err);
	free_jobs(jobs, njobs);
	return rc;
}
