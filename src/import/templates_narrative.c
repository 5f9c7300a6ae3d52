/* The narrative templates (docs/narrative.md): narrative.csv (per year, the report's
 * document information, foreword, "about" text and contact details, each in Markdown)
 * and abbreviations.csv (per year, each abbreviation with its meaning). Admins write
 * them, in the browser through the records pages or by upload; the report renders
 * the Markdown through the same neutralising parser as the achievements. */
#include "core/i18n.h"
#include "import/template.h"

#include <stdio.h>

enum { N_NARRATIVE_UPSERT, N_ABBREVIATION_UPSERT, N__COUNT };

static const char *const SQL[N__COUNT] = {
	[N_NARRATIVE_UPSERT] =
	"INSERT INTO narrative(year, section, text) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(year, section) DO UPDATE SET text = excluded.text"
	" WHERE text IS NOT excluded.text",
	[N_ABBREVIATION_UPSERT] =
	"INSERT INTO abbreviation(year, abbreviation, meaning) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(year, abbreviation) DO UPDATE SET meaning = excluded.meaning"
	" WHERE meaning IS NOT excluded.meaning",
};

int nar_templates_prepare(importer *im, actip_err *err)
{
	return tpl_prepare_set(im, SQL, im->nar_stmt, N__COUNT, err);
}

void nar_templates_finalize(importer *im)
{
	tpl_finalize_set(im, im->nar_stmt, N__COUNT);
}

/* Binds year, a text and a text, then steps and counts the row; 0, or -1. */
static int store3(importer *im, int id, const tplrow *r, int c1, int c2)
{
	sqlite3_stmt *s = im->nar_stmt[id];
	sqlite3_bind_int64(s, 1, r->v[0].n);
	store_bind_text(s, 2, tpl_txt(r, c1));
	store_bind_text(s, 3, tpl_txt(r, c2));
	int changed = tpl_step(im, s, r);
	if (changed < 0)
		return -1;
	tpl_stored(im, changed);
	return 0;
}

/* ---- narrative.csv ------------------------------------------------------------- */

static const char *const SECTIONS[] = {"document_information", "foreword", "about", "contact",
				       NULL};

enum { NA_YEAR, NA_SECTION, NA_TEXT };
static const colspec narrative_cols[] = {
	{"year", T_YEAR, true, NULL, 0, REF_NONE},
	{"section", T_ENUM, true, SECTIONS, 0, REF_NONE},
	{"text", T_TEXT, true, NULL, 40000, REF_NONE},
};

static int handle_narrative(importer *im, const tplrow *r)
{
	return store3(im, N_NARRATIVE_UPSERT, r, NA_SECTION, NA_TEXT);
}

static const record_kind kind_narrative = {
	N_("Report narrative"), N_("narrative section"),
	"SELECT json_object('year', year, 'section', section, 'text', text) FROM narrative"
	" WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR section = ?2) ORDER BY year,"
	" CASE section WHEN 'document_information' THEN 0 WHEN 'foreword' THEN 1"
	" WHEN 'about' THEN 2 ELSE 3 END",
	"DELETE FROM narrative WHERE year = ?1 AND section = ?2", 0, NULL, {-1}, NULL, false, 0};

const template tpl_narrative = {"narrative", COLS(narrative_cols), KEYS(NA_YEAR, NA_SECTION),
	handle_narrative, NULL, NULL, &kind_narrative};

/* ---- abbreviations.csv --------------------------------------------------------- */

enum { AB_YEAR, AB_ABBREVIATION, AB_MEANING };
static const colspec abbreviation_cols[] = {
	{"year", T_YEAR, true, NULL, 0, REF_NONE},
	{"abbreviation", T_TEXT, true, NULL, 40, REF_NONE},
	{"meaning", T_TEXT, true, NULL, 400, REF_NONE},
};

static int handle_abbreviation(importer *im, const tplrow *r)
{
	return store3(im, N_ABBREVIATION_UPSERT, r, AB_ABBREVIATION, AB_MEANING);
}

static const record_kind kind_abbreviations = {
	N_("Abbreviations"), N_("abbreviation"),
	"SELECT json_object('year', year, 'abbreviation', abbreviation, 'meaning', meaning)"
	" FROM abbreviation WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR abbreviation = ?2)"
	" ORDER BY year, abbreviation",
	"DELETE FROM abbreviation WHERE year = ?1 AND abbreviation = ?2", 0, NULL, {-1}, NULL,
	false, 0};

const template tpl_abbreviations = {"abbreviations", COLS(abbreviation_cols),
	KEYS(AB_YEAR, AB_ABBREVIATION), handle_abbreviation, NULL, NULL, &kind_abbreviations};
