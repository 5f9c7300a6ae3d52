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

/* Writes the rest of the layout. */
void page_end(web_resp *rs);

/* The hidden CSRF field of a form. */
void page_csrf_field(web_req *rq, FILE *out);

/* Writes <option>s for a list of values with one selected. */
void page_options(FILE *out, const char *const *values, const char *const *labels, const char *selected);

/* True when the user may use the edit pages (admins, country officers). */
bool page_is_editor(const web_user *u);
/* True when the user may use the upload page (editors and focal points). */
bool page_may_upload(const web_user *u);

/* Upload page handlers (pages_upload.c). */
extern const web_route page_upload_routes[];

/* How long a previewed upload waits for its confirmation. */
enum { UPLOAD_PENDING_SECS = 3600 };

/* Deletes the upload previews older than UPLOAD_PENDING_SECS (the server's sweep and
 * every new preview call it); -1 on a database failure. */
int upload_sweep(store *st, time_t now);

#endif
