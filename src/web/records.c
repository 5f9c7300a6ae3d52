/* Record columns and their CSV rows (see records.h). */
#include <string.h>

#include "web/records.h"
#include "web/write.h"

const char *const rec_activity_cols[] = {"project", "country", "type", "title", "start_date",
					 "end_date", "mode", NULL};
const char *const rec_participant_cols[] = {"person_id", "email", "full_name", "sex", "country",
					    "organisation", "staff", "disability", NULL};
const char *const rec_feedback_cols[] = {"sex", "satisfied", "met_objectives", "met_expectations",
					 "improved_learning", "relevant", "understanding", NULL};

/* The header line. */
void rec_header(FILE *out, const char *const *cols)
{
	fputs("activity_id", out);
	for (int i = 0; cols[i]; i++)
		fprintf(out, ",%s", cols[i]);
	fputs("\r\n", out);
}

/* One row from JSON. */
const char *rec_row_json(FILE *out, const char *activity_id, const char *const *cols, json_t *obj)
{
	const char *key;
	json_t *v;
	if (!json_is_object(obj))
		return "(not an object)";
	json_object_foreach(obj, key, v) {
		bool known = false;
		for (int i = 0; cols[i] && !known; i++)
			known = strcmp(cols[i], key) == 0;
		if (!known || !(json_is_string(v) || json_is_integer(v) || json_is_boolean(v) || json_is_null(v)))
			return key;
	}
	csv_quoted(out, activity_id);
	for (int i = 0; cols[i]; i++) {
		fputc(',', out);
		v = json_object_get(obj, cols[i]);
		if (json_is_string(v))
			csv_quoted(out, json_string_value(v));
		else if (json_is_integer(v))
			fprintf(out, "%lld", (long long)json_integer_value(v));
		else if (json_is_boolean(v))
			fputs(json_is_true(v) ? "yes" : "no", out);
	}
	fputs("\r\n", out);
	return NULL;
}
