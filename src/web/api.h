/* The JSON API's route table and the pieces the pages share with it. */
#ifndef ACTIP_WEB_API_H
#define ACTIP_WEB_API_H

#include "web/web.h"

extern const web_route api_routes[];

/* The records API of spec/records-api.md (api_records.c): every kind, from its description. */
extern const web_route api_records_routes[];
extern const web_route api_sync_routes[];

/* Signs in (auth_result); on success sets the cookie and the request's session. */
int api_sign_in(web_req *rq, web_resp *rs, const char *name, const char *pw);

/* Sets the session cookie (empty token: deletes it). */
void api_set_cookie(const web_req *rq, web_resp *rs, const char *token);

/* Writes the report of a year in a format ("json", "html") as the response. */
void api_report_write(web_req *rq, web_resp *rs, int year, const char *format);

/* Approves or re-opens a period; returns the HTTP status. */
int api_period_set(web_req *rq, const char *year_text, bool approve);

#endif
