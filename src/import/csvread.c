/* Line-aware strict CSV reading on top of libcsv. */
#include "import/csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

typedef struct reader {
	const csvr_opts *o;
	struct csv_parser p;
	long line;             /* physical line being fed */
	long field_line;       /* line the current field started on */
	bool pending;          /* the next non-blank byte starts a record */
	csvr_record rec;       /* fields collected so far */
	size_t cap;
	csvr_record header;    /* copy of the header, for column names */
	size_t expected;       /* fields per record (from the header) */
	bool have_header;
	bool stop;             /* an error means the rest cannot be trusted */
	bool too_many;         /* the current record passed CSVR_MAX_FIELDS */
	bool bad;              /* the current record had an invalid field */
	/* The current record's fields, one after the other, each NUL-terminated: one
	 * buffer reused for every record rather than a malloc and a free per field (nine
	 * million of each for a million participant rows). offs[i] is field i's start;
	 * rec.fields point into the buffer once the record is complete (bind_fields). */
	char *text;
	size_t text_used, text_cap;
	size_t *offs;
} reader;

/* Column name for diagnostics. */
const char *csvr_column_name(const csvr_record *header, size_t i, char *buf, size_t size)
{
	if (header && i < header->n && header->fields[i][0])
		return header->fields[i];
	snprintf(buf, size, "column %zu", i + 1);
	return buf;
}

/* Adds an error naming the column of field i. */
static void field_error(reader *r, size_t i, long line, const char *msg)
{
	char buf[32];
	const char *col = csvr_column_name(r->have_header ? &r->header : NULL, i, buf, sizeof buf);
	diag_add(r->o->diag, DIAG_ERROR, r->o->label, line, col, "%s", msg);
}

/* Empties the current record (its buffer is kept for the next). */
static void clear_record(reader *r)
{
	r->rec.n = 0;
	r->text_used = 0;
}

/* Points the complete record's fields into the buffer (which may have moved while it
 * grew). */
static void bind_fields(reader *r)
{
	for (size_t i = 0; i < r->rec.n; i++)
		r->rec.fields[i] = r->text + r->offs[i];
}

/* libcsv field callback: copy the field, check UTF-8 and size. */
static void on_field(void *data, size_t len, void *ud)
{
	reader *r = ud;
	if (r->stop)
		return;
	long start = r->field_line;
	r->field_line = r->line; /* the next field starts where this one ended */
	if (r->rec.n >= CSVR_MAX_FIELDS) {
		if (!r->too_many)
			field_error(r, r->rec.n, start, "too many fields in one record");
		r->too_many = true;
		return;
	}
	if (r->rec.n == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 16;
		char **f = realloc(r->rec.fields, ncap * sizeof *f);
		if (f)
			r->rec.fields = f;
		size_t *l = realloc(r->rec.lens, ncap * sizeof *l);
		if (l)
			r->rec.lens = l;
		long *ln = realloc(r->rec.lines, ncap * sizeof *ln);
		if (ln)
			r->rec.lines = ln;
		size_t *o = realloc(r->offs, ncap * sizeof *o);
		if (o)
			r->offs = o;
		if (!f || !l || !ln || !o) {
			field_error(r, r->rec.n, start, "out of memory");
			r->stop = true;
			return;
		}
		r->cap = ncap;
	}
	if (r->text_cap - r->text_used < len + 1) {
		size_t ncap = r->text_cap ? r->text_cap : 4096;
		while (ncap - r->text_used < len + 1)
			ncap *= 2;
		char *t = realloc(r->text, ncap);
		if (!t) {
			field_error(r, r->rec.n, start, "out of memory");
			r->stop = true;
			return;
		}
		r->text = t;
		r->text_cap = ncap;
	}
	char *copy = r->text + r->text_used;
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	if (!text_utf8_valid(copy, len)) {
		field_error(r, r->rec.n, start,
			    "invalid UTF-8 (a file saved in another encoding needs --encoding NAME, "
			    "e.g. --encoding CP874 for Thai or CP1258 for Vietnamese)");
		copy[0] = '\0'; /* keep the record shape; the record is rejected below */
		len = 0;
		r->bad = true;
	}
	r->offs[r->rec.n] = r->text_used;
	r->text_used += len + 1;
	r->rec.lens[r->rec.n] = len;
	r->rec.lines[r->rec.n] = start;
	r->rec.n++;
}

/* True when every field is NULL, empty or white space. */
bool csvr_blank_fields(char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (const char *s = fields[i]; s && *s; s++)
			if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
				return false;
	return true;
}

/* Keeps a copy of the header record for column names. */
static void keep_header(reader *r)
{
	csvr_record *h = &r->header;
	h->n = r->rec.n;
	h->fields = calloc(h->n ? h->n : 1, sizeof *h->fields);
	if (!h->fields) {
		h->n = 0;
		return;
	}
	for (size_t i = 0; i < h->n; i++) {
		h->fields[i] = strdup(r->rec.fields[i]);
		if (!h->fields[i])
			h->fields[i] = strdup("");
		if (h->fields[i])
			text_trim(h->fields[i]);
	}
	h->line = r->rec.line;
	h->header = true;
}

/* libcsv record callback: checks the record's shape and hands it over. A record with
 * an error already reported (invalid UTF-8, too many fields) is dropped; a header
 * with one stops the file, since no later line can be read against it. */
static void on_record(int c, void *ud)
{
	(void)c;
	reader *r = ud;
	bool bad = r->bad || r->too_many;
	r->bad = r->too_many = false;
	r->pending = true;
	r->field_line = r->line;
	bind_fields(r);
	if (r->stop || (!bad && csvr_blank_fields(r->rec.fields, r->rec.n))) {
		clear_record(r);
		return;
	}
	if (bad) {
		if (!r->have_header)
			r->stop = true;
		clear_record(r);
		return;
	}
	r->rec.header = !r->have_header;
	if (!r->have_header) {
		keep_header(r);
		r->have_header = true;
		r->expected = r->rec.n;
	} else if (r->rec.n != r->expected) {
		char msg[96];
		snprintf(msg, sizeof msg, "record has %zu fields; the header has %zu", r->rec.n,
			 r->expected);
		field_error(r, r->rec.n < r->expected ? r->rec.n : r->expected, r->rec.line, msg);
		clear_record(r);
		return;
	}
	if (r->o->on_record(r->o->ud, &r->rec) != 0)
		r->stop = true;
	clear_record(r);
}

/* True when the bytes are only white space (they cannot start a record). */
static bool blank_bytes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* Feeds one piece of one physical line to libcsv. */
static int feed(reader *r, const char *s, size_t n)
{
	if (r->pending && !blank_bytes(s, n)) {
		r->pending = false;
		r->field_line = r->line;
		r->rec.line = r->line;
	}
	if (csv_parse(&r->p, s, n, on_field, on_record, r) != n) {
		int e = csv_error(&r->p);
		if (e == CSV_EPARSE && r->field_line < r->line)
			field_error(r, r->rec.n, r->field_line,
				    "a quoted field opened on this line is not closed properly "
				    "(text after its closing \" on a later line)");
		else if (e == CSV_EPARSE)
			field_error(r, r->rec.n, r->line,
				    "unexpected \" character (a quote inside an unquoted field, or text after a closing quote)");
		else
			field_error(r, r->rec.n, r->field_line, csv_strerror(e));
		r->stop = true;
		return -1;
	}
	if (csv_get_buffer_size(&r->p) > CSVR_MAX_FIELD + 16) {
		field_error(r, r->rec.n, r->field_line, "field longer than 1 MiB");
		r->stop = true;
		return -1;
	}
	return r->stop ? -1 : 0;
}

/* Counts the candidate delimiters of the first line, outside double quotes. */
char csvr_find_delim(const char *s, size_t n)
{
	static const char cands[] = {',', ';', '\t', '|'};
	size_t count[4] = {0};
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			for (int k = 0; k < 4; k++)
				if (s[i] == cands[k])
					count[k]++;
	}
	int best = 0;
	for (int k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cands[best];
}

/* Reads the stream block by block and feeds it line by line. */
int csvr_read(FILE *in, size_t size, const csvr_opts *o)
{
	reader r;
	memset(&r, 0, sizeof r);
	r.o = o;
	r.line = 1;
	r.pending = true;
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		diag_add(o->diag, DIAG_ERROR, o->label, 0, "-", _("out of memory"));
		return -1;
	}
	enum { BLOCK = 1 << 16 };
	char *buf = malloc(BLOCK);
	int rc = 0;
	size_t done = 0, last_report = 0;
	bool first = true;
	if (!buf) {
		diag_add(o->diag, DIAG_ERROR, o->label, 0, "-", _("out of memory"));
		rc = -1;
	}
	while (rc == 0) {
		size_t nhead = first && o->head ? (o->nhead < BLOCK ? o->nhead : BLOCK) : 0;
		if (nhead)
			memcpy(buf, o->head, nhead);
		size_t n = nhead + fread(buf + nhead, 1, BLOCK - nhead, in);
		if (n == 0) {
			if (ferror(in) && errno == EILSEQ)
				rc = -1; /* the decoder reported where */
			else if (ferror(in)) {
				diag_add(o->diag, DIAG_ERROR, o->label, r.line, "-", _("read error: %s"),
					 strerror(errno));
				rc = -1;
			}
			break;
		}
		size_t off = 0;
		if (first) {
			first = false;
			if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
				off = 3;
			csv_set_delim(&r.p, o->delim ? (unsigned char)o->delim
					     : (unsigned char)csvr_find_delim(buf + off, n - off));
		}
		while (off < n && rc == 0) {
			char *nl = memchr(buf + off, '\n', n - off);
			size_t len = nl ? (size_t)(nl - (buf + off)) + 1 : n - off;
			if (feed(&r, buf + off, len) < 0)
				rc = -1;
			off += len;
			if (nl)
				r.line++;
		}
		done += n;
		if (o->on_progress && done - last_report >= (1u << 20)) {
			o->on_progress(o->ud, done, size);
			last_report = done;
		}
	}
	if (rc == 0 && !r.stop) {
		if (csv_fini(&r.p, on_field, on_record, &r) != 0) {
			field_error(&r, r.rec.n, r.field_line,
				    "unterminated quoted field (a \" opened here is never closed)");
			rc = -1;
		}
	}
	if (rc == 0 && !r.stop && !r.have_header)
		diag_add(o->diag, DIAG_ERROR, o->label, 1, "-", _("empty file: no header row"));
	if (o->on_progress && done > 0)
		o->on_progress(o->ud, done, size);
	if (r.stop)
		rc = -1;
	free(r.text);
	free(r.offs);
	free(r.rec.fields);
	free(r.rec.lens);
	free(r.rec.lines);
	for (size_t i = 0; i < r.header.n; i++)
		free(r.header.fields[i]);
	free(r.header.fields);
	csv_free(&r.p);
	free(buf);
	return rc;
}
