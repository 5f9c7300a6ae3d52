/* The import's list of diagnostics. */
#include "import/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"

/* Empty list. */
void diag_init(diag_list *d, size_t max_errors, size_t max_warnings)
{
	memset(d, 0, sizeof *d);
	d->max_errors = max_errors;
	d->max_warnings = max_warnings;
}

/* Frees the entries. */
void diag_free(diag_list *d)
{
	for (size_t i = 0; i < d->len; i++) {
		free(d->items[i].file);
		free(d->items[i].column);
		free(d->items[i].message);
		free(d->items[i].pos);
	}
	free(d->items);
	d->items = NULL;
	d->len = d->cap = 0;
}

/* Appends one diagnostic unless its kind's cap is reached. */
void diag_add(diag_list *d, diag_kind kind, const char *file, long line, const char *column,
	      const char *fmt, ...)
{
	size_t *count = kind == DIAG_ERROR ? &d->errors : &d->warnings;
	size_t max = kind == DIAG_ERROR ? d->max_errors : d->max_warnings;
	(*count)++;
	if (*count > max)
		return;
	if (d->len == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 16;
		diag_entry *n = realloc(d->items, ncap * sizeof *n);
		if (!n)
			return; /* counted above, so the run still fails */
		d->items = n;
		d->cap = ncap;
	}
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_entry *e = &d->items[d->len];
	e->kind = kind;
	e->file = strdup(file ? file : "-");
	e->line = line;
	e->column = strdup(column ? column : "-");
	e->message = strdup(msg);
	e->pos = NULL;
	char where[128];
	if (d->locate && d->locate_file && file && strcmp(file, d->locate_file) == 0 &&
	    d->locate(d->locate_ud, line, column, where, sizeof where) == 0)
		e->pos = strdup(where);
	if (e->file && e->column && e->message)
		d->len++;
	else {
		free(e->file);
		free(e->column);
		free(e->message);
		free(e->pos);
	}
}

/* "Sheet1!C14" or "14". */
const char *diag_where(const diag_entry *e, char *buf, size_t size)
{
	if (e->pos)
		return e->pos;
	snprintf(buf, size, "%ld", e->line);
	return buf;
}

/* Writes s with control characters escaped (esc_log): a message may quote a value of
 * the file, and a terminal would act on an escape sequence in it. */
static void put_escaped(FILE *out, const char *s)
{
	size_t cap = 4 * strlen(s) + 1;
	char *b = malloc(cap);
	if (!b) {
		fputs("?", out);
		return;
	}
	fputs(esc_log(b, cap, s), out);
	free(b);
}

/* Prints FILE:LINE: COLUMN: message lines. */
void diag_print(const diag_list *d, diag_kind kind, FILE *out)
{
	for (size_t i = 0; i < d->len; i++) {
		const diag_entry *e = &d->items[i];
		if (e->kind != kind)
			continue;
		char where[32];
		put_escaped(out, e->file);
		fputc(':', out);
		put_escaped(out, diag_where(e, where, sizeof where));
		fputs(": ", out);
		put_escaped(out, e->column);
		fputs(kind == DIAG_WARNING ? ": warning: " : ": ", out);
		put_escaped(out, e->message);
		fputc('\n', out);
	}
	size_t total = kind == DIAG_ERROR ? d->errors : d->warnings;
	size_t max = kind == DIAG_ERROR ? d->max_errors : d->max_warnings;
	if (total > max)
		fprintf(out, "... and %zu more %s not shown\n", total - max,
			kind == DIAG_ERROR ? "errors" : "warnings");
}
