/* Streaming .xlsx reading on libzip and libxml2's xmlTextReader (design in xlsxread.h). */
#include "import/xlsxread.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "core/i18n.h"
#include "core/text.h"

enum {
	PART_MAX_BYTES_SMALL = 16 << 20,       /* workbook, relationships, styles */
	RATIO_FLOOR = 1 << 20,                 /* parts below this are not ratio-checked */
	MAX_XF = 1 << 16,                      /* cell formats */
	MAX_CELL = CSVR_MAX_FIELD,             /* bytes of one cell's text */
};
static const uint64_t PART_MAX_BYTES = (uint64_t)2 << 30; /* one sheet, uncompressed */

typedef struct sheet {
	char *name;
	char *part; /* e.g. "xl/worksheets/sheet1.xml" */
} sheet;

struct xlsx {
	zip_t *zip;
	char *label;
	diag_list *diag;
	sheet sheets[XLSX_MAX_SHEETS];
	int nsheets;
	bool date1904;
	unsigned char *xf_date; /* cellXfs index -> 1 when its number format shows a date */
	size_t nxf;
	uint32_t *sst;          /* where shared string i starts in sst_file; [nsst] = its end */
	size_t nsst, capsst;
	FILE *sst_file;         /* the shared strings' text, spooled to an unlinked file */
	size_t sst_bytes;
	char *sst_part, *styles_part;
};

/* ---- errors --------------------------------------------------------------------- */

/* Adds a workbook-level error. */
static void fail(xlsx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(xlsx *x, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(x->diag, DIAG_ERROR, x->label, 0, "-", "%s", msg);
}

/* ---- one XML part, streamed out of the archive ------------------------------------ */

typedef struct part {
	xlsx *x;
	const char *name;
	zip_file_t *f;
	uint64_t read, limit;
	bool over;              /* passed its limit: a bomb or a lie about its size */
	char xml_error[256];    /* the parser's first complaint */
	xmlTextReaderPtr r;
} part;

/* libxml2 input callback: the next bytes of the part, never more than its limit. */
static int part_read(void *ctx, char *buf, int len)
{
	part *p = ctx;
	zip_int64_t n = zip_fread(p->f, buf, (zip_uint64_t)len);
	if (n < 0)
		return -1;
	p->read += (uint64_t)n;
	if (p->read > p->limit) {
		p->over = true;
		return -1;
	}
	return (int)n;
}

/* libxml2 close callback: nothing; part_close closes the zip entry. */
static int part_noclose(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Keeps the parser's first error message instead of letting libxml2 print it. */
static void part_error(void *arg, const char *msg, xmlParserSeverities sev,
		       xmlTextReaderLocatorPtr loc)
{
	(void)loc;
	(void)sev;
	part *p = arg;
	if (!p->xml_error[0] && msg) {
		snprintf(p->xml_error, sizeof p->xml_error, "%s", msg);
		char *nl = strchr(p->xml_error, '\n');
		if (nl)
			*nl = '\0';
	}
}

/* Opens a part for streaming. `big` parts (sheets, shared strings) get the large cap
 * and the ratio check; the others the small cap. Returns -1 (error reported) when the
 * part is missing and required, or refused. */
static int part_open(xlsx *x, part *p, const char *name, bool big, bool required)
{
	memset(p, 0, sizeof *p);
	p->x = x;
	p->name = name;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(x->zip, name, 0, &st) != 0) {
		if (required)
			fail(x, "not a readable workbook: it has no %s", name);
		return -1;
	}
	uint64_t cap = big ? PART_MAX_BYTES : PART_MAX_BYTES_SMALL;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > cap) {
		fail(x, "refused: the part %s would unpack to %llu bytes (the limit is %llu)", name,
		     (unsigned long long)st.size, (unsigned long long)cap);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > RATIO_FLOOR &&
	    st.size / (st.comp_size ? st.comp_size : 1) > XLSX_MAX_RATIO) {
		fail(x, "refused: the part %s is compressed %llu to 1 (a zip bomb?); the limit is %d to 1",
		     name, (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
		     XLSX_MAX_RATIO);
		return -1;
	}
	p->limit = (st.valid & ZIP_STAT_SIZE) ? st.size : cap;
	p->f = zip_fopen(x->zip, name, 0);
	if (!p->f) {
		fail(x, "cannot read the part %s: %s", name, zip_strerror(x->zip));
		return -1;
	}
	/* No entity substitution, no DTD loading, no network: a DOCTYPE is refused below. */
	p->r = xmlReaderForIO(part_read, part_noclose, p, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			      XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (!p->r) {
		zip_fclose(p->f);
		p->f = NULL;
		fail(x, "out of memory");
		return -1;
	}
	xmlTextReaderSetErrorHandler(p->r, part_error, p);
	return 0;
}

/* Opens a part the workbook may lack (styles, shared strings): 1 opened, 0 absent,
 * -1 refused (reported). */
static int open_optional(xlsx *x, part *p, const char *name, bool big)
{
	if (!name)
		return 0;
	size_t before = x->diag->errors;
	if (part_open(x, p, name, big, false) < 0)
		return x->diag->errors > before ? -1 : 0;
	return 1;
}

/* The next node: 1, 0 at the end, -1 on an error (reported). A DTD is an error. */
static int part_next(part *p)
{
	int rc = xmlTextReaderRead(p->r);
	if (rc == 1 && xmlTextReaderNodeType(p->r) == XML_READER_TYPE_DOCUMENT_TYPE) {
		fail(p->x, "refused: %s declares a document type (entities are not accepted)", p->name);
		return -1;
	}
	if (rc < 0) {
		if (p->over)
			fail(p->x, "refused: %s unpacks to more bytes than the archive says (a zip bomb?)",
			     p->name);
		else
			fail(p->x, "%s is not well-formed XML%s%s", p->name, p->xml_error[0] ? ": " : "",
			     p->xml_error);
	}
	return rc;
}

/* Closes a part. */
static void part_close(part *p)
{
	if (p->r)
		xmlFreeTextReader(p->r);
	if (p->f)
		zip_fclose(p->f);
	p->r = NULL;
	p->f = NULL;
}

/* The element's local name when the current node is a start element, else NULL. */
static const char *start_name(part *p)
{
	if (xmlTextReaderNodeType(p->r) != XML_READER_TYPE_ELEMENT)
		return NULL;
	return (const char *)xmlTextReaderConstLocalName(p->r);
}

/* The element's local name when the current node ends an element (an empty element
 * both starts and ends). */
static const char *end_name(part *p)
{
	int t = xmlTextReaderNodeType(p->r);
	if (t == XML_READER_TYPE_END_ELEMENT ||
	    (t == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(p->r) == 1))
		return (const char *)xmlTextReaderConstLocalName(p->r);
	return NULL;
}

/* An attribute by local name (any namespace), malloc'd, or NULL. */
static char *attr(part *p, const char *local)
{
	char *out = NULL;
	if (xmlTextReaderMoveToFirstAttribute(p->r) == 1) {
		do {
			if (strcmp((const char *)xmlTextReaderConstLocalName(p->r), local) == 0) {
				out = strdup((const char *)xmlTextReaderConstValue(p->r));
				break;
			}
		} while (xmlTextReaderMoveToNextAttribute(p->r) == 1);
		xmlTextReaderMoveToElement(p->r);
	}
	return out;
}

/* True when the node is text inside an element. */
static bool is_text(part *p)
{
	int t = xmlTextReaderNodeType(p->r);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

/* ---- the workbook's structure ----------------------------------------------------- */

/* Joins a relationship target to the folder "xl/" the workbook lives in. */
static char *resolve_target(const char *target)
{
	char *out = NULL;
	if (target[0] == '/')
		out = strdup(target + 1);
	else if (asprintf(&out, "xl/%s", target) < 0)
		out = NULL;
	return out;
}

/* Reads xl/workbook.xml (sheet names, relationship ids, the 1904 date system) and its
 * relationships (where each sheet, the shared strings and the styles are). */
static int read_structure(xlsx *x)
{
	part p;
	char *rids[XLSX_MAX_SHEETS] = {0};
	int rc = 0;
	if (part_open(x, &p, "xl/workbook.xml", false, true) < 0)
		return -1;
	int n;
	while ((n = part_next(&p)) == 1) {
		const char *nm = start_name(&p);
		if (!nm)
			continue;
		if (strcmp(nm, "workbookPr") == 0) {
			char *d = attr(&p, "date1904");
			x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
			free(d);
		} else if (strcmp(nm, "sheet") == 0) {
			if (x->nsheets == XLSX_MAX_SHEETS) {
				fail(x, "refused: more than %d sheets", XLSX_MAX_SHEETS);
				n = -1;
				break;
			}
			char *name = attr(&p, "name"), *id = attr(&p, "id");
			if (!name || !id || !text_utf8_valid(name, strlen(name))) {
				free(name);
				free(id);
				continue;
			}
			x->sheets[x->nsheets].name = name;
			rids[x->nsheets++] = id;
		}
	}
	part_close(&p);
	if (n < 0)
		rc = -1;
	if (rc == 0 && part_open(x, &p, "xl/_rels/workbook.xml.rels", false, true) < 0)
		rc = -1;
	else if (rc == 0) {
		while ((n = part_next(&p)) == 1) {
			const char *nm = start_name(&p);
			if (!nm || strcmp(nm, "Relationship") != 0)
				continue;
			char *id = attr(&p, "Id"), *type = attr(&p, "Type"), *target = attr(&p, "Target");
			if (id && type && target) {
				size_t tl = strlen(type);
				if (tl >= 14 && strcmp(type + tl - 14, "/sharedStrings") == 0 && !x->sst_part)
					x->sst_part = resolve_target(target);
				else if (tl >= 7 && strcmp(type + tl - 7, "/styles") == 0 && !x->styles_part)
					x->styles_part = resolve_target(target);
				for (int i = 0; i < x->nsheets; i++)
					if (rids[i] && strcmp(rids[i], id) == 0 && !x->sheets[i].part)
						x->sheets[i].part = resolve_target(target);
			}
			free(id);
			free(type);
			free(target);
		}
		part_close(&p);
		if (n < 0)
			rc = -1;
	}
	for (int i = 0; i < x->nsheets; i++)
		free(rids[i]);
	if (rc == 0 && x->nsheets == 0) {
		fail(x, "the workbook has no sheets");
		rc = -1;
	}
	return rc;
}

/* True when a custom number format shows a date: it has a day or year code outside
 * quoted text, [colour/locale] brackets and backslash escapes. */
static bool format_is_date(const char *code)
{
	bool quoted = false;
	int bracket = 0;
	for (const char *c = code; *c; c++) {
		if (*c == '\\' && c[1]) {
			c++;
			continue;
		}
		if (*c == '"')
			quoted = !quoted;
		else if (!quoted && *c == '[')
			bracket++;
		else if (!quoted && *c == ']' && bracket)
			bracket--;
		else if (!quoted && !bracket && strchr("dDyY", *c))
			return true;
	}
	return false;
}

/* True for the built-in number formats that show a date (ECMA-376 18.8.30). */
static bool builtin_is_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

/* Reads the cell formats of xl/styles.xml: which ones show a date. */
static int read_styles(xlsx *x)
{
	part p;
	int o = open_optional(x, &p, x->styles_part, false);
	if (o <= 0)
		return o;
	long *custom_ids = NULL;
	unsigned char *custom_date = NULL;
	size_t ncustom = 0, capcustom = 0;
	bool in_cellxfs = false;
	int n, rc = 0;
	while ((n = part_next(&p)) == 1) {
		const char *en = end_name(&p);
		if (en && strcmp(en, "cellXfs") == 0)
			in_cellxfs = false;
		const char *nm = start_name(&p);
		if (!nm)
			continue;
		if (strcmp(nm, "numFmt") == 0) {
			char *id = attr(&p, "numFmtId"), *code = attr(&p, "formatCode");
			if (id && code && ncustom < MAX_XF) {
				if (ncustom == capcustom) {
					size_t nc = capcustom ? capcustom * 2 : 16;
					long *a = realloc(custom_ids, nc * sizeof *a);
					if (a)
						custom_ids = a;
					unsigned char *b = realloc(custom_date, nc);
					if (b)
						custom_date = b;
					if (!a || !b) {
						free(id);
						free(code);
						rc = -1;
						break;
					}
					capcustom = nc;
				}
				custom_ids[ncustom] = strtol(id, NULL, 10);
				custom_date[ncustom++] = format_is_date(code);
			}
			free(id);
			free(code);
		} else if (strcmp(nm, "cellXfs") == 0) {
			in_cellxfs = xmlTextReaderIsEmptyElement(p.r) != 1;
		} else if (strcmp(nm, "xf") == 0 && in_cellxfs) {
			if (x->nxf == MAX_XF) {
				fail(x, "refused: more than %d cell formats", MAX_XF);
				rc = -1;
				break;
			}
			unsigned char *a = realloc(x->xf_date, x->nxf + 1);
			if (!a) {
				rc = -1;
				break;
			}
			x->xf_date = a;
			char *id = attr(&p, "numFmtId");
			long fid = id ? strtol(id, NULL, 10) : 0;
			free(id);
			bool date = builtin_is_date(fid);
			for (size_t i = 0; i < ncustom; i++)
				if (custom_ids[i] == fid)
					date = custom_date[i];
			x->xf_date[x->nxf++] = date;
		}
	}
	if (n < 0)
		rc = -1;
	part_close(&p);
	free(custom_ids);
	free(custom_date);
	return rc;
}

/* Appends a string to the spooled shared strings; -1 when the table is full or the
 * write fails. The table lives in a temporary file rather than in memory, so a
 * workbook of a million distinct names needs only its offsets (4 bytes a string). */
static int sst_append(xlsx *x, const char *s, size_t len)
{
	if (x->sst_bytes + len > XLSX_MAX_SST_BYTES)
		return -1;
	if (!x->sst_file && !(x->sst_file = tmpfile()))
		return -1;
	if (len && fwrite(s, 1, len, x->sst_file) != len)
		return -1;
	if (x->nsst == 0)
		x->sst[0] = 0;
	x->sst_bytes += len;
	x->sst[x->nsst + 1] = (uint32_t)x->sst_bytes;
	x->nsst++;
	return 0;
}

/* A growable text buffer capped at MAX_CELL bytes. */
typedef struct tbuf {
	char *s;
	size_t len, cap;
	bool over;
} tbuf;

/* Appends text, marking the buffer over when it passes the cap. */
static int tbuf_add(tbuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n > MAX_CELL) {
		b->over = true;
		return 0;
	}
	if (b->len + n + 1 > b->cap) {
		size_t nc = b->cap ? b->cap : 256;
		while (nc < b->len + n + 1)
			nc *= 2;
		char *p = realloc(b->s, nc);
		if (!p)
			return -1;
		b->s = p;
		b->cap = nc;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

/* Empties the buffer. */
static void tbuf_clear(tbuf *b)
{
	b->len = 0;
	b->over = false;
	if (b->s)
		b->s[0] = '\0';
}

/* Reads the shared-strings table into the arena: the text of each <si>, its runs
 * joined, its phonetic guides (<rPh>) left out. */
static int read_shared_strings(xlsx *x)
{
	part p;
	int o = open_optional(x, &p, x->sst_part, true);
	if (o <= 0)
		return o;
	tbuf b = {0};
	bool in_t = false, in_rph = false, in_si = false;
	int n, rc = 0;
	while ((n = part_next(&p)) == 1) {
		const char *nm = start_name(&p);
		if (nm) {
			if (strcmp(nm, "sst") == 0) {
				char *cnt = attr(&p, "uniqueCount");
				long want = cnt ? strtol(cnt, NULL, 10) : 0;
				free(cnt);
				if (want > XLSX_MAX_SST_COUNT) {
					fail(x, "refused: the shared-strings table has %ld entries (the limit is %d)",
					     want, XLSX_MAX_SST_COUNT);
					rc = -1;
					break;
				}
				if (want > 0 && x->capsst < (size_t)want + 1) {
					uint32_t *a = realloc(x->sst, ((size_t)want + 1) * sizeof *a);
					if (a) {
						x->sst = a;
						x->capsst = (size_t)want + 1;
					}
				}
			} else if (strcmp(nm, "si") == 0) {
				in_si = true;
				tbuf_clear(&b);
			} else if (strcmp(nm, "rPh") == 0)
				in_rph = true;
			else if (strcmp(nm, "t") == 0)
				in_t = true;
		} else if (is_text(&p) && in_si && in_t && !in_rph) {
			if (tbuf_add(&b, (const char *)xmlTextReaderConstValue(p.r)) < 0) {
				rc = -1;
				break;
			}
		}
		const char *en = end_name(&p);
		if (!en)
			continue;
		if (strcmp(en, "t") == 0)
			in_t = false;
		else if (strcmp(en, "rPh") == 0)
			in_rph = false;
		else if (strcmp(en, "si") == 0) {
			in_si = false;
			if (x->nsst == XLSX_MAX_SST_COUNT) {
				fail(x, "refused: the shared-strings table has more than %d entries",
				     XLSX_MAX_SST_COUNT);
				rc = -1;
				break;
			}
			if (x->nsst + 2 > x->capsst) {
				size_t nc = x->capsst ? x->capsst * 2 : 1024;
				uint32_t *a = realloc(x->sst, nc * sizeof *a);
				if (!a) {
					rc = -1;
					break;
				}
				x->sst = a;
				x->capsst = nc;
			}
			if (b.over) {
				fail(x, "refused: shared string %zu is longer than 1 MiB", x->nsst);
				rc = -1;
				break;
			}
			if (sst_append(x, b.s ? b.s : "", b.len) < 0) {
				fail(x, "refused: the shared-strings table is larger than %d MB",
				     XLSX_MAX_SST_BYTES >> 20);
				rc = -1;
				break;
			}
		}
	}
	if (n < 0)
		rc = -1;
	if (rc == 0 && x->sst_file && fflush(x->sst_file) != 0) {
		fail(x, "cannot write the shared strings to a temporary file");
		rc = -1;
	}
	if (rc < 0 && !x->diag->errors)
		fail(x, "out of memory reading the shared strings");
	free(b.s);
	part_close(&p);
	return rc;
}

/* ---- opening and closing ----------------------------------------------------------- */

/* The zip signature of a local file header. */
int xlsx_sniff(const unsigned char *head, size_t n)
{
	return n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0;
}

/* Opens the archive and reads everything but the sheets. */
xlsx *xlsx_open_fd(int fd, const char *label, diag_list *diag)
{
	xmlInitParser();
	xlsx *x = calloc(1, sizeof *x);
	if (!x || !(x->label = strdup(label))) {
		free(x);
		close(fd);
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("out of memory"));
		return NULL;
	}
	x->diag = diag;
	int zerr = 0;
	x->zip = zip_fdopen(fd, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!x->zip) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		fail(x, "not a readable .xlsx workbook (%s)", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		close(fd);
		xlsx_close(x);
		return NULL;
	}
	if (read_structure(x) < 0 || read_styles(x) < 0 || read_shared_strings(x) < 0) {
		xlsx_close(x);
		return NULL;
	}
	return x;
}

/* Opens a workbook by path. */
xlsx *xlsx_open(const char *path, const char *label, diag_list *diag)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("cannot open the file: %s"), strerror(errno));
		return NULL;
	}
	return xlsx_open_fd(fd, label, diag);
}

/* Spools a stream into an unlinked temporary file, then opens it. */
xlsx *xlsx_open_stream(FILE *in, const unsigned char *head, size_t nhead, const char *label,
		       diag_list *diag)
{
	FILE *tmp = tmpfile();
	if (!tmp) {
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("cannot make a temporary file: %s"),
			 strerror(errno));
		return NULL;
	}
	char buf[1 << 16];
	size_t n;
	if (nhead && fwrite(head, 1, nhead, tmp) != nhead)
		clearerr(in);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, tmp) != n)
			break;
	if (ferror(in) || ferror(tmp) || fflush(tmp) != 0) {
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("cannot copy the upload: %s"), strerror(errno));
		fclose(tmp);
		return NULL;
	}
	int fd = dup(fileno(tmp));
	fclose(tmp);
	if (fd < 0) {
		diag_add(diag, DIAG_ERROR, label, 0, "-", _("cannot reopen the temporary file"));
		return NULL;
	}
	lseek(fd, 0, SEEK_SET);
	return xlsx_open_fd(fd, label, diag);
}

/* Frees everything (and closes the archive and its descriptor). */
void xlsx_close(xlsx *x)
{
	if (!x)
		return;
	if (x->zip)
		zip_discard(x->zip);
	for (int i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].part);
	}
	if (x->sst_file)
		fclose(x->sst_file);
	free(x->sst);
	free(x->xf_date);
	free(x->sst_part);
	free(x->styles_part);
	free(x->label);
	free(x);
}

int xlsx_sheet_count(const xlsx *x)
{
	return x->nsheets;
}

const char *xlsx_sheet_name(const xlsx *x, int i)
{
	return i >= 0 && i < x->nsheets ? x->sheets[i].name : NULL;
}

/* ---- cells ------------------------------------------------------------------------ */

/* Column letters: 0 → A, 25 → Z, 26 → AA. */
void xlsx_column_letters(size_t i, char *buf, size_t size)
{
	char tmp[16];
	size_t n = 0;
	i++;
	while (i > 0 && n < sizeof tmp) {
		tmp[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	size_t k = 0;
	while (n > 0 && k + 1 < size)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
}

/* The column index of a cell reference such as "AB12", or -1. */
static long ref_column(const char *ref)
{
	long col = 0;
	int n = 0;
	for (; *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++)
		col = col * 26 + (*ref - 'A' + 1);
	return n == 0 || n > 3 ? -1 : col - 1;
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* Formats an Excel serial date as YYYY-MM-DD (its time of day dropped). Serials before
 * 1 March 1900 are off by Excel's phantom 29 February 1900. */
static int serial_date(double v, bool date1904, char *out, size_t size)
{
	if (!(v >= 0 && v < 2958466))
		return -1;
	long days = (long)floor(v);
	long unix_days;
	if (date1904)
		unix_days = days - 24107; /* 1904-01-01 is day -24107 of 1970 */
	else
		unix_days = days - 25569 + (days < 60 ? 1 : 0); /* 1899-12-30 is day -25569 */
	int y, m, d;
	civil_from_days(unix_days, &y, &m, &d);
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* Writes a number as the templates read it: an integer without ".0", else at most 15
 * significant digits (so 0.1 + 0.2 reads 0.3). Leaves text that is no number alone. */
static void number_text(tbuf *b)
{
	if (!b->s || !b->len)
		return;
	char *end;
	errno = 0;
	double v = strtod(b->s, &end);
	if (*end || errno || !isfinite(v))
		return;
	char out[64];
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, sizeof out, "%lld", (long long)v);
	else
		snprintf(out, sizeof out, "%.15g", v);
	tbuf_clear(b);
	tbuf_add(b, out);
}

/* ---- sheets ------------------------------------------------------------------------- */

typedef struct row {
	char **fields;
	size_t *lens;
	long *lines;
	size_t n, cap;
} row;

/* Makes room for column index col, filling new fields with "". */
static int row_reserve(row *r, size_t col)
{
	if (col < r->cap)
		return 0;
	size_t nc = r->cap ? r->cap : 16;
	while (nc <= col)
		nc *= 2;
	char **f = realloc(r->fields, nc * sizeof *f);
	if (f)
		r->fields = f;
	size_t *l = realloc(r->lens, nc * sizeof *l);
	if (l)
		r->lens = l;
	long *ln = realloc(r->lines, nc * sizeof *ln);
	if (ln)
		r->lines = ln;
	if (!f || !l || !ln)
		return -1;
	for (size_t i = r->cap; i < nc; i++)
		r->fields[i] = NULL;
	r->cap = nc;
	return 0;
}

/* Empties a row (keeps its memory). */
static void row_clear(row *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->fields[i]);
		r->fields[i] = NULL;
	}
	r->n = 0;
}

/* State of one sheet being read. */
typedef struct sheetread {
	xlsx *x;
	const csvr_opts *o;
	row cur;
	long rownum;        /* the current <row>'s number */
	long next_row;      /* the row number a <row> without r= gets */
	long next_col;      /* the column a <c> without r= gets */
	size_t width;       /* header columns, 0 before the header */
	bool bad;           /* the current row has an error */
	bool stop;
	char **header;      /* the header's names, for the reader's own messages */
} sheetread;

/* An error at a cell of the current row, named by its header column. */
static void cell_error(sheetread *s, size_t col, const char *fmt, const char *arg)
{
	char name[32];
	const char *cn = s->header && col < s->width && s->header[col][0] ? s->header[col] : NULL;
	if (!cn) {
		snprintf(name, sizeof name, "column %zu", col + 1);
		cn = name;
	}
	diag_add(s->o->diag, DIAG_ERROR, s->o->label, s->rownum, cn, fmt, arg);
	s->bad = true;
}

/* Stores a finished cell's text at its column. */
static int put_cell(sheetread *s, long col, tbuf *v)
{
	if (col < 0 || col >= CSVR_MAX_FIELDS) {
		if (v->len) {
			char letters[8];
			xlsx_column_letters(col < 0 ? 0 : (size_t)col, letters, sizeof letters);
			cell_error(s, col < 0 ? 0 : (size_t)col, "a cell beyond column %s; the limit is 512 columns",
				   letters);
		}
		return 0;
	}
	if (v->over) {
		cell_error(s, (size_t)col, "%s", "cell longer than 1 MiB");
		return 0;
	}
	if (!text_utf8_valid(v->s ? v->s : "", v->len)) {
		cell_error(s, (size_t)col, "%s", "invalid UTF-8");
		return 0;
	}
	if (row_reserve(&s->cur, (size_t)col) < 0)
		return -1;
	free(s->cur.fields[col]);
	s->cur.fields[col] = strndup(v->s ? v->s : "", v->len);
	if (!s->cur.fields[col])
		return -1;
	s->cur.lens[col] = v->len;
	if ((size_t)col + 1 > s->cur.n) {
		for (size_t i = s->cur.n; i < (size_t)col; i++) {
			s->cur.fields[i] = NULL;
			s->cur.lens[i] = 0;
		}
		s->cur.n = (size_t)col + 1;
	}
	return 0;
}

/* Hands a finished row to the callback: the first non-blank one as the header, every
 * later one with exactly the header's number of fields. */
static int emit_row(sheetread *s)
{
	row *r = &s->cur;
	int rc = 0;
	if (s->bad || csvr_blank_fields(r->fields, r->n))
		goto done;
	bool header = s->width == 0;
	if (header) {
		size_t w = r->n;
		while (w > 0 && (!r->fields[w - 1] || !*text_trim(r->fields[w - 1])))
			w--;
		s->width = w;
		s->header = calloc(w ? w : 1, sizeof *s->header);
		if (!s->header)
			return -1;
		for (size_t i = 0; i < w; i++)
			s->header[i] = strdup(r->fields[i] ? r->fields[i] : "");
	} else {
		for (size_t i = s->width; i < r->n; i++)
			if (r->fields[i] && *text_trim(r->fields[i])) {
				char letters[8];
				xlsx_column_letters(i, letters, sizeof letters);
				cell_error(s, i, "a value in column %s, past the header's last column",
					   letters);
			}
		if (s->bad)
			goto done;
	}
	if (row_reserve(r, s->width) < 0)
		return -1;
	for (size_t i = 0; i < s->width; i++) {
		if (i >= r->n || !r->fields[i]) {
			if (i < r->n)
				free(r->fields[i]);
			r->fields[i] = strdup("");
			if (!r->fields[i])
				return -1;
			r->lens[i] = 0;
		}
		r->lines[i] = s->rownum;
	}
	if (r->n < s->width)
		r->n = s->width;
	csvr_record rec = {r->fields, r->lens, r->lines, s->width, s->rownum, header};
	if (s->o->on_record(s->o->ud, &rec) != 0)
		rc = 1;
done:
	row_clear(r);
	s->bad = false;
	return rc;
}

/* Reads shared string i from the spooled table into v. */
static int sst_get(xlsx *x, size_t i, tbuf *v)
{
	size_t len = x->sst[i + 1] - x->sst[i];
	tbuf_clear(v);
	if (len + 1 > v->cap) {
		char *p = realloc(v->s, len + 1);
		if (!p)
			return -1;
		v->s = p;
		v->cap = len + 1;
	}
	if (len && pread(fileno(x->sst_file), v->s, len, (off_t)x->sst[i]) != (ssize_t)len)
		return -1;
	v->s[len] = '\0';
	v->len = len;
	return 0;
}

/* The text of a finished cell by its type: shared string, boolean, number (a date
 * when its format shows one), or as written. */
static int cell_value(sheetread *s, const char *type, const char *style, long col, tbuf *v)
{
	xlsx *x = s->x;
	if (type && strcmp(type, "s") == 0) {
		char *end;
		errno = 0;
		long idx = strtol(v->s ? v->s : "", &end, 10);
		if (!v->len || *end || errno || idx < 0 || (size_t)idx >= x->nsst) {
			cell_error(s, col < 0 ? 0 : (size_t)col, "refers to shared string %s, which the workbook does not have",
				   v->s ? v->s : "");
			tbuf_clear(v);
			return 0;
		}
		return sst_get(x, (size_t)idx, v);
	}
	if (type && strcmp(type, "b") == 0) {
		bool yes = v->s && strcmp(v->s, "1") == 0;
		tbuf_clear(v);
		return tbuf_add(v, yes ? "yes" : "no");
	}
	if (type && (strcmp(type, "str") == 0 || strcmp(type, "inlineStr") == 0 ||
		     strcmp(type, "e") == 0))
		return 0;
	/* a number (type "n" or none) */
	long xf = style ? strtol(style, NULL, 10) : 0;
	if (xf > 0 && (size_t)xf < x->nxf && x->xf_date[xf] && v->len) {
		char *end;
		double d = strtod(v->s, &end);
		char out[16];
		if (!*end && serial_date(d, x->date1904, out, sizeof out) == 0) {
			tbuf_clear(v);
			return tbuf_add(v, out);
		}
	}
	number_text(v);
	return 0;
}

/* Reads one sheet, row by row. */
int xlsx_read_sheet(xlsx *x, int i, const csvr_opts *o)
{
	if (i < 0 || i >= x->nsheets || !x->sheets[i].part) {
		diag_add(o->diag, DIAG_ERROR, o->label, 0, "-", _("the sheet has no worksheet part"));
		return -1;
	}
	diag_list *saved = x->diag;
	x->diag = o->diag;
	part p;
	if (part_open(x, &p, x->sheets[i].part, true, true) < 0) {
		x->diag = saved;
		return -1;
	}
	sheetread s = {.x = x, .o = o, .next_row = 1};
	tbuf v = {0};
	char *type = NULL, *style = NULL;
	long col = -1;
	bool in_c = false, in_v = false, in_is = false, in_t = false, in_rph = false;
	bool in_row = false;
	int n, rc = 0;
	while (rc == 0 && (n = part_next(&p)) == 1) {
		const char *nm = start_name(&p);
		if (nm) {
			if (strcmp(nm, "row") == 0) {
				char *r = attr(&p, "r");
				long rn = r ? strtol(r, NULL, 10) : s.next_row;
				free(r);
				if (rn < s.next_row || rn > 1048576)
					rn = s.next_row; /* rows must go down the sheet */
				s.rownum = rn;
				s.next_row = rn + 1;
				s.next_col = 0;
				in_row = true;
			} else if (strcmp(nm, "c") == 0 && in_row) {
				char *r = attr(&p, "r");
				col = r ? ref_column(r) : s.next_col;
				free(r);
				if (col < 0)
					col = s.next_col;
				s.next_col = col + 1;
				free(type);
				free(style);
				type = attr(&p, "t");
				style = attr(&p, "s");
				tbuf_clear(&v);
				in_c = true;
			} else if (in_c && strcmp(nm, "v") == 0)
				in_v = true;
			else if (in_c && strcmp(nm, "is") == 0)
				in_is = true;
			else if (in_is && strcmp(nm, "rPh") == 0)
				in_rph = true;
			else if (in_is && strcmp(nm, "t") == 0)
				in_t = true;
		} else if (is_text(&p) && in_c && (in_v || (in_is && in_t && !in_rph))) {
			if (tbuf_add(&v, (const char *)xmlTextReaderConstValue(p.r)) < 0)
				rc = -1;
		}
		const char *en = end_name(&p);
		if (!en)
			continue;
		if (strcmp(en, "v") == 0)
			in_v = false;
		else if (strcmp(en, "t") == 0)
			in_t = false;
		else if (strcmp(en, "rPh") == 0)
			in_rph = false;
		else if (strcmp(en, "is") == 0)
			in_is = false;
		else if (strcmp(en, "c") == 0 && in_c) {
			in_c = false;
			if (cell_value(&s, type, style, col, &v) < 0 || put_cell(&s, col, &v) < 0)
				rc = -1;
		} else if (strcmp(en, "row") == 0 && in_row) {
			in_row = false;
			int e = emit_row(&s);
			if (e < 0)
				rc = -1;
			else if (e > 0)
				rc = 1;
		} else if (strcmp(en, "sheetData") == 0)
			break;
	}
	if (rc < 0)
		diag_add(o->diag, DIAG_ERROR, o->label, s.rownum, "-", _("out of memory"));
	if (n < 0)
		rc = -1;
	if (rc == 0 && s.width == 0)
		diag_add(o->diag, DIAG_ERROR, o->label, 1, "-", _("empty sheet: no header row"));
	free(type);
	free(style);
	free(v.s);
	row_clear(&s.cur);
	free(s.cur.fields);
	free(s.cur.lens);
	free(s.cur.lines);
	if (s.header)
		for (size_t k = 0; k < s.width; k++)
			free(s.header[k]);
	free(s.header);
	part_close(&p);
	x->diag = saved;
	return rc == 0 ? 0 : -1;
}
