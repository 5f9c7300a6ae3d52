/* Server-rendered pages: the layout (assets/web/layout.html, embedded), and the page
 * handlers. Every value goes through esc_html_text or esc_html_attr. Pages work without
 * JavaScript; forms carry the session's CSRF token in a hidden field. */
#ifndef ACTIP_WEB_PAGES_H
#define ACTIP_WEB_PAGES_H

#include <stdio.h>

#include "web/web.h"

extern const web_route page_routes[];
extern const web_route page_activity_routes[];

/* Writes the layout up to the main content: title and navigation (active = the nav key). */
void page_begin(web_req *rq, web_resp *rs, const char *title, const char *active);

/* Writes markup from the sources with its words translated into the page's language
 * (text nodes and aria-label, placeholder, title, alt values; see pages.c). */
void page_h(FILE *out, const char *html);
/* The same for a printf format and its arguments. */
void page_hf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A role's name in the page's language. */
const char *page_role_label(web_role r);

/* Writes the rest of the layout. */
void page_end(web_resp *rs);

/* A note that a list on the page stopped early on a database error (rc: the last
 * sqlite3_step's answer; SQLITE_DONE writes nothing). */
void page_incomplete(FILE *out, int rc);

/* The hidden CSRF field of a form. */
void page_csrf_field(web_req *rq, FILE *out);

/* Writes <option>s for a list of values with one selected. */
void page_options(FILE *out, const char *const *values, const char *const *labels, const char *selected);

/* True when the user may use the edit pages (admins, country officers). */
bool page_is_editor(const web_user *u);
/* True when the user may use the upload page (editors and focal points). */
bool page_may_upload(const web_user *u);

/* Writes <option>s for the codes of a field of a kind, from the kind's description:
 * countries by name, other codes as words ("Capacity development"); with `none`, a first
 * option of value "" with that label, chosen when nothing is selected (so no answer is
 * chosen for the person). */
void page_code_options(FILE *out, const char *kind, const char *field, const char *selected, const char *none);

/* Accounts: the admins' pages and API, and everyone's own password (accounts.c). */
extern const web_route account_routes[];

/* A code or a field name as words for people, into buf: "not_started" -> "Not started"
 * (the words every page shows for a code; "" for NULL). Returns buf. */
const char *page_code_words(const char *code, char *buf, size_t size);

/* The record pages of every kind (pages_records.c). */
extern const web_route page_records_routes[];

/* Upload page handlers (pages_upload.c). */
extern const web_route page_upload_routes[];

/* How long a previewed upload waits for its confirmation. */
enum { UPLOAD_PENDING_SECS = 3600 };

/* Deletes the upload previews older than UPLOAD_PENDING_SECS (the server's sweep and
 * every new preview call it); -1 on a database failure. */
int upload_sweep(store *st, time_t now);

#endif
