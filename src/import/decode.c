/* Streaming conversion of UTF-16 and `--encoding` text to UTF-8 through glibc's iconv
 * and a fopencookie stream (design in decode.h). */
#include "import/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/text.h"

struct decoder {
	FILE *in;
	iconv_t cd;
	char enc[64];
	char label[256];
	diag_list *diag;
	unsigned char buf[1 << 14];
	size_t len, off;   /* unconverted input bytes in buf[off..off+len) */
	bool eof, failed;
	long line;         /* lines of output so far, for the error's position */
};

/* Fills the input buffer, keeping the unconverted tail. */
static void refill(decoder *d)
{
	if (d->off && d->len)
		memmove(d->buf, d->buf + d->off, d->len);
	d->off = 0;
	size_t n = fread(d->buf + d->len, 1, sizeof d->buf - d->len, d->in);
	if (n == 0)
		d->eof = true;
	d->len += n;
}

/* Counts the new lines of converted output. */
static void count_lines(decoder *d, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n')
			d->line++;
}

/* Reports bytes the encoding does not allow, once. */
static void report_bad(decoder *d)
{
	if (d->failed)
		return;
	d->failed = true;
	diag_add(d->diag, DIAG_ERROR, d->label, d->line + 1, "-",
		 _("bytes that are not valid %s text (is --encoding right?)"), d->enc);
}

/* fopencookie read: converts input into up to `size` bytes of UTF-8. */
static ssize_t cookie_read(void *cookie, char *out, size_t size)
{
	decoder *d = cookie;
	if (d->failed) {
		errno = EILSEQ;
		return -1;
	}
	char *op = out;
	size_t oleft = size;
	while (oleft == size) { /* until something was produced, or the end */
		if (d->len == 0 || (!d->eof && d->len < 8)) {
			if (d->eof && d->len == 0)
				break;
			if (!d->eof)
				refill(d);
			if (d->len == 0)
				break;
		}
		char *ip = (char *)d->buf + d->off;
		size_t ileft = d->len;
		size_t r = iconv(d->cd, &ip, &ileft, &op, &oleft);
		size_t used = d->len - ileft;
		d->off += used;
		d->len = ileft;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL) { /* a sequence cut by the buffer's end */
			if (d->eof) {
				count_lines(d, out, size - oleft);
				report_bad(d);
				if (oleft < size)
					return (ssize_t)(size - oleft);
				errno = EILSEQ;
				return -1;
			}
			refill(d);
			continue;
		}
		count_lines(d, out, size - oleft);
		report_bad(d);
		if (oleft < size)
			return (ssize_t)(size - oleft); /* what was good; the next read fails */
		errno = EILSEQ;
		return -1;
	}
	count_lines(d, out, size - oleft);
	return (ssize_t)(size - oleft);
}

/* fopencookie close: the underlying stream belongs to the caller. */
static int cookie_close(void *cookie)
{
	(void)cookie;
	return 0;
}

/* True when iconv can convert from the name. */
int decode_known(const char *encoding)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/* Picks the source encoding from a byte-order mark or the caller's name. */
FILE *decode_open(FILE *in, const unsigned char *head, size_t nhead, const char *encoding,
		  const char *label, diag_list *diag, decoder **dec)
{
	*dec = NULL;
	const char *from = encoding;
	size_t skip = 0;
	if (nhead >= 2 && head[0] == 0xFF && head[1] == 0xFE)
		from = "UTF-16LE", skip = 2;
	else if (nhead >= 2 && head[0] == 0xFE && head[1] == 0xFF)
		from = "UTF-16BE", skip = 2;
	else if (nhead >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
		from = NULL; /* UTF-8 with its mark, whatever --encoding says */
	if (from && (strcasecmp(from, "UTF-8") == 0 || strcasecmp(from, "UTF8") == 0))
		from = NULL;
	if (!from)
		return in;
	decoder *d = calloc(1, sizeof *d);
	if (!d) {
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("out of memory"));
		return NULL;
	}
	d->cd = iconv_open("UTF-8", from);
	if (d->cd == (iconv_t)-1) {
		diag_add(diag, DIAG_ERROR, label, 0, "-",
			 _("unknown encoding '%s' (try CP874, TIS-620, CP1258, CP1252 or UTF-16; `iconv -l` lists them)"),
			 from);
		free(d);
		return NULL;
	}
	d->in = in;
	d->diag = diag;
	snprintf(d->enc, sizeof d->enc, "%s", from);
	snprintf(d->label, sizeof d->label, "%s", label);
	if (nhead > skip) {
		memcpy(d->buf, head + skip, nhead - skip);
		d->len = nhead - skip;
	}
	cookie_io_functions_t io = {cookie_read, NULL, NULL, cookie_close};
	FILE *f = fopencookie(d, "r", io);
	if (!f) {
		iconv_close(d->cd);
		free(d);
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("out of memory"));
		return NULL;
	}
	*dec = d;
	return f;
}

/* Validates block by block; a sequence cut by a block's end is carried to the next. */
int decode_is_utf8(FILE *f)
{
	unsigned char buf[1 << 16];
	size_t carry = 0, n;
	int ok = 1;
	while (ok && (n = fread(buf + carry, 1, sizeof buf - carry, f)) > 0) {
		n += carry;
		size_t end = n; /* back up over an unfinished sequence at the end */
		size_t k = 0;
		while (k < 3 && end > 0 && (buf[end - 1 - k] & 0xC0) == 0x80)
			k++;
		if (end > k && buf[end - 1 - k] >= 0xC0)
			end -= k + 1;
		ok = text_utf8_valid((const char *)buf, end);
		carry = n - end;
		memmove(buf, buf + end, carry);
	}
	if (ok && carry)
		ok = text_utf8_valid((const char *)buf, carry);
	if (ferror(f))
		ok = 0;
	rewind(f);
	return ok;
}

int decode_failed(const decoder *d)
{
	return d && d->failed;
}

/* Closes the cookie stream and the converter. */
void decode_close(FILE *utf8, decoder *d)
{
	if (!d)
		return;
	fclose(utf8);
	iconv_close(d->cd);
	free(d);
}
