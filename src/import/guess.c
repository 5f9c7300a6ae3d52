/* Which template an upload is (see guess.h). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "import/csvread.h"
#include "import/decode.h"
#include "import/guess.h"
#include "import/headers.h"
#include "import/template.h"
#include "import/xlsxread.h"

typedef struct guess {
	const header_map *map;
	const char *best; /* the template that fits best so far */
	int best_score;
	bool tie;
	bool seen;        /* a header was read */
} guess;

/* Scores the header against every template: the number of its columns the header
 * names, when every required column is among them. */
static int on_header(void *ud, const csvr_record *rec)
{
	guess *g = ud;
	g->seen = true;
	for (int i = 0; i < template_count; i++) {
		const template *t = template_table[i];
		bool have[TPL_MAX_COLS] = {false};
		int score = 0;
		for (size_t f = 0; f < rec->n; f++) {
			char *name = text_trim(rec->fields[f]);
			int c = *name ? header_match(t, name, g->map) : HEADER_IGNORED;
			if (c >= 0 && !have[c]) {
				have[c] = true;
				score++;
			}
		}
		bool complete = score > 0;
		for (int c = 0; c < t->ncols && complete; c++)
			if (t->cols[c].required && !have[c])
				complete = false;
		if (!complete || score < g->best_score)
			continue;
		g->tie = score == g->best_score;
		g->best_score = score;
		g->best = t->name;
	}
	return 1; /* the header is all it needs */
}

/* A workbook: a sheet named for a template, else its first sheet's header. */
static void guess_workbook(guess *g, FILE *in, const unsigned char *head, size_t nhead, const char **named)
{
	diag_list diag;
	diag_init(&diag, 10, 10);
	xlsx *x = xlsx_open_stream(in, head, nhead, "upload", &diag);
	if (x) {
		for (int i = 0; i < xlsx_sheet_count(x) && !*named; i++)
			*named = import_template_for(xlsx_sheet_name(x, i));
		if (!*named && xlsx_sheet_count(x) > 0) {
			csvr_opts co = {.label = "upload", .on_record = on_header, .ud = g, .diag = &diag};
			xlsx_read_sheet(x, 0, &co);
		}
		xlsx_close(x);
	}
	diag_free(&diag);
}

const char *import_guess_template(const char *body, size_t len, const char *name, const import_format *fmt)
{
	const char *t = name && *name ? import_template_for(name) : NULL;
	if (t || !body || !len)
		return t;
	FILE *in = fmemopen((void *)body, len, "r");
	if (!in)
		return NULL;
	guess g = {.map = fmt ? fmt->map : NULL};
	unsigned char head[4];
	size_t nhead = fread(head, 1, sizeof head, in);
	if (xlsx_sniff(head, nhead)) {
		guess_workbook(&g, in, head, nhead, &t);
	} else {
		diag_list diag;
		diag_init(&diag, 10, 10);
		decoder *dec = NULL;
		const char *enc = fmt ? fmt->encoding : NULL;
		if (enc) { /* as the importer does: UTF-8 text is left as it is */
			rewind(in);
			if (decode_is_utf8(in))
				enc = NULL;
			nhead = fread(head, 1, sizeof head, in);
		}
		FILE *text = decode_open(in, head, nhead, enc, "upload", &diag, &dec);
		if (text) {
			csvr_opts co = {.label = "upload", .on_record = on_header, .ud = &g, .diag = &diag,
					.delim = fmt ? fmt->delimiter : 0};
			if (!dec) {
				co.head = head;
				co.nhead = nhead;
			}
			csvr_read(text, len, &co);
			decode_close(text, dec);
		}
		diag_free(&diag);
	}
	fclose(in);
	if (t)
		return t;
	return g.best && !g.tie ? g.best : NULL;
}
