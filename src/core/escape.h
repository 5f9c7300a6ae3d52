/* One escape function per output context. Nothing is written into HTML, Markdown or
 * CSV except through these; JSON is written by jansson, whose encoder escapes strings
 * (and the JSON writers ask it to escape U+2028/U+2029 too, see report/emit_json.c). */
#ifndef ACTIP_CORE_ESCAPE_H
#define ACTIP_CORE_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

/* HTML text content: & < > escaped. */
void esc_html_text(FILE *out, const char *s);

/* HTML attribute value (inside double quotes): & < > " ' escaped. */
void esc_html_attr(FILE *out, const char *s);

/* URL query value or path segment: every byte but A-Z a-z 0-9 - . _ ~ percent-encoded,
 * so the result is also safe inside an HTML attribute. */
void esc_url_part(FILE *out, const char *s);

/* Markdown table cell: characters with meaning in Markdown (\ ` * _ [ ] < > | # etc.)
 * are backslash-escaped, HTML-significant ones entity-escaped, line breaks become
 * spaces so a cell stays on its row, and other control characters are dropped. */
void esc_md_cell(FILE *out, const char *s);
/* Text of several lines through esc, each '\n' written as sep (a cell's "<br>"). */
void esc_lines(FILE *out, const char *s, void (*esc)(FILE *, const char *), const char *sep);

/* Plain text for a terminal or a text file (Markdown already made safe, such as cmark's
 * rendering): control characters but tab and line feed dropped (ESC, CR, DEL, C1), so
 * stored text cannot drive the terminal that shows it. */
void esc_text(FILE *out, const char *s);

/* CSV field (RFC 4180): quoted when needed, and a text cell that a spreadsheet would
 * read as a formula (leading = + - @ tab CR) gets a leading apostrophe. */
void esc_csv_field(FILE *out, const char *s);

/* True when a spreadsheet could read text s as a formula (it begins with = + - @, a
 * tab or a CR). */
bool esc_formula_risk(const char *s);

/* A malloc'd copy of s for a spreadsheet text cell, with a leading ' when
 * esc_formula_risk(s); NULL when out of memory. */
char *esc_sheet_text(const char *s);

/* A value for one line of a log: control characters (a line break would forge the next
 * line) as \xNN and the backslash as \\, into dst of size cap (cut to fit, always
 * terminated). Returns dst. */
char *esc_log(char *dst, size_t cap, const char *s);

#endif
