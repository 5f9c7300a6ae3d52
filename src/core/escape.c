/* Escape functions for HTML text, HTML attributes, Markdown cells and CSV fields. */
#include "core/escape.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Writes s with each character of `special` replaced by its entity from ent (same
 * order); the runs between them go out in one fwrite each. */
static void esc_runs(FILE *out, const char *s, const char *special, const char *const *ent)
{
	while (*s) {
		size_t n = strcspn(s, special);
		if (n)
			fwrite(s, 1, n, out);
		s += n;
		if (!*s)
			return;
		fputs(ent[strchr(special, *s) - special], out);
		s++;
	}
}

/* HTML text. */
void esc_html_text(FILE *out, const char *s)
{
	static const char *const ent[] = {"&amp;", "&lt;", "&gt;"};
	esc_runs(out, s, "&<>", ent);
}

/* HTML attribute value inside double quotes. */
void esc_html_attr(FILE *out, const char *s)
{
	static const char *const ent[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
	esc_runs(out, s, "&<>\"'", ent);
}

/* Percent-encodes all but the unreserved characters of RFC 3986. */
void esc_url_part(FILE *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~')
			fputc(*p, out);
		else
			fprintf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

/* Length of a control character at s that a text output drops: C0 but tab and line
 * feed, DEL, and C1 (U+0080..U+009F, two bytes in UTF-8); 0 for anything else. */
static size_t control_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
		return 1;
	if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
		return 2;
	return 0;
}

/* Text for a terminal or a text file, control characters dropped. */
void esc_text(FILE *out, const char *s)
{
	while (*s) {
		size_t skip = control_len(s);
		if (skip)
			s += skip;
		else
			fputc(*s++, out);
	}
}

/* Markdown table cell. */
void esc_md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		size_t skip = *s == '\r' || *s == '\n' ? 0 : control_len(s);
		if (skip) {
			s += skip - 1;
			continue;
		}
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '\r': break;
		case '\n': fputc(' ', out); break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '|':
		case '#': case '!': case '~':
			fputc('\\', out);
			fputc(*s, out);
			break;
		default: fputc(*s, out);
		}
	}
}

void esc_lines(FILE *out, const char *s, void (*esc)(FILE *, const char *), const char *sep)
{
	char buf[1024];
	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		while (n > 0) { /* long pieces go out in chunks, cut on UTF-8 boundaries */
			size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
			while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			memcpy(buf, s, k);
			buf[k] = '\0';
			esc(out, buf);
			s += k;
			n -= k;
		}
		if (!nl)
			break;
		fputs(sep, out);
		s = nl + 1;
	}
}

/* CSV field with formula-injection guard. */
bool esc_formula_risk(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
	       s[0] == '\r';
}

char *esc_sheet_text(const char *s)
{
	char *out = malloc(strlen(s) + 2);
	if (out)
		sprintf(out, "%s%s", esc_formula_risk(s) ? "'" : "", s);
	return out;
}

void esc_csv_field(FILE *out, const char *s)
{
	bool formula = esc_formula_risk(s);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' ||
		     (s[0] && s[strlen(s) - 1] == ' ');
	if (!quote) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* Log value: control characters and the backslash escaped. */
char *esc_log(char *dst, size_t cap, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	if (!cap)
		return dst;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char e[5];
		size_t k;
		if (*p < 0x20 || *p == 0x7f) {
			e[0] = '\\', e[1] = 'x', e[2] = hex[*p >> 4], e[3] = hex[*p & 15];
			k = 4;
		} else if (*p == '\\') {
			e[0] = e[1] = '\\';
			k = 2;
		} else {
			e[0] = (char)*p;
			k = 1;
		}
		if (n + k >= cap)
			break;
		memcpy(dst + n, e, k);
		n += k;
	}
	dst[n] = '\0';
	return dst;
}
