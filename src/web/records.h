/* The fields of the records the web application edits, and their conversion to one CSV
 * text for the write path (write.h): the same columns as the data-collection templates,
 * so a form, a JSON call and an upload are checked by the same rules. */
#ifndef ACTIP_WEB_RECORDS_H
#define ACTIP_WEB_RECORDS_H

#include <jansson.h>
#include <stdio.h>

extern const char *const rec_activity_cols[];    /* without activity_id */
extern const char *const rec_participant_cols[]; /* without activity_id */
extern const char *const rec_feedback_cols[];    /* without activity_id */

/* Writes the header "activity_id,COLS..." */
void rec_header(FILE *out, const char *const *cols);

/* Writes one row from a JSON object: activity_id, then each column's value (strings,
 * numbers and booleans as text, null or missing as blank). Returns the name of an
 * unknown key or of a value of the wrong JSON type, else NULL. */
const char *rec_row_json(FILE *out, const char *activity_id, const char *const *cols, json_t *obj);

#endif
