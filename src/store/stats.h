/* Per-year participant statistics: the counts behind Tables 3 and 4.
 *
 * store_stats_compute ranks a year's attendances by person in one pass: SQLite streams
 * the year's non-staff attendances sorted by person key (its sorter spills to disk,
 * so memory stays bounded whatever the size), and for each person this code keeps the
 * earliest attendance overall and the earliest at a capacity development activity
 * (activity start date, then activity id, then row order). All of a person's
 * attendances are counted under the sex and country of the earliest one. The same pass
 * counts the disability breakdown (stats_disability), whose people are counted by the
 * countries of their records instead.
 *
 * The results are also stored (migration 002): writers call store_stats_refresh
 * before they commit, which recomputes the years that triggers flagged as dirty;
 * readers use the stored numbers when store_stats_fresh says they are current and
 * compute them otherwise. */
#ifndef ACTIP_STORE_STATS_H
#define ACTIP_STORE_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

enum { STATS_COUNTRIES = 16, STATS_SEXES = 3 };

typedef struct stats_cell {
	int64_t attendances;
	int64_t persons;
} stats_cell;

/* Disability, by the country of the participant's record (index STATS_COUNTRIES: all
 * countries): attendances at every event with and without a disability reported, and
 * people at capacity development events, each once per country their records name,
 * and once in the total. */
typedef struct stats_disability {
	int64_t dis_attendances, attendances;
	int64_t dis_trained, trained;
} stats_disability;

/* [0] every event (Table 3), [1] capacity development only (Table 4); by the index of
 * the country in country_table and by sex (female, male, other). */
typedef struct stats_counts {
	stats_cell cell[2][STATS_COUNTRIES][STATS_SEXES];
	stats_disability dis[STATS_COUNTRIES + 1];
} stats_counts;

/* Computes a year's counts from the raw records. */
int store_stats_compute(store *st, int year, stats_counts *out, actip_err *err);

/* Reads a year's stored counts (call only when fresh). */
int store_stats_read(store *st, int year, stats_counts *out, actip_err *err);

/* Recomputes and stores every dirty year inside the caller's write transaction. */
int store_stats_refresh(store *st, actip_err *err);

/* Called by store_begin: tracks the transaction's attendance changes (temporary
 * triggers of this connection) so that store_stats_refresh updates only the people a
 * small write touched. */
void store_stats_track_begin(store *st);

/* Called by bulk writers every few thousand rows: past STATS_TRACK_MAX touched rows the
 * tracking stops for the rest of the transaction and its years are recomputed whole. */
void store_stats_track_check(store *st);

/* Rebuilds the index a bulk write dropped (store_stats_track_check), if it did; called
 * by store_stats_refresh and, failing that, by store_commit. */
int store_stats_track_finish(store *st, actip_err *err);

/* What a report counts of an activity's feedback, over the feedback table's columns, in
 * the order of feedback_counts' columns (migration 19): respondents; by sex (female, male,
 * other); yes and answered for satisfied, met objectives, met expectations, improved
 * learning and relevant; each understanding answer (excellent, good, fair, poor) and
 * answered. */
#define STATS_FEEDBACK_COUNTS                                                              \
	"count(*), count(*) FILTER (WHERE sex = 'female'), count(*) FILTER (WHERE sex = 'male'),"  \
	" count(*) FILTER (WHERE sex = 'other'),"                                              \
	" count(*) FILTER (WHERE satisfied = 1), count(satisfied),"                            \
	" count(*) FILTER (WHERE met_objectives = 1), count(met_objectives),"                  \
	" count(*) FILTER (WHERE met_expectations = 1), count(met_expectations),"              \
	" count(*) FILTER (WHERE improved_learning = 1), count(improved_learning),"            \
	" count(*) FILTER (WHERE relevant = 1), count(relevant),"                              \
	" count(*) FILTER (WHERE understanding = 'excellent'),"                                \
	" count(*) FILTER (WHERE understanding = 'good'),"                                     \
	" count(*) FILTER (WHERE understanding = 'fair'),"                                     \
	" count(*) FILTER (WHERE understanding = 'poor'), count(understanding)"

/* Sets *fresh to true when every activity's feedback_counts row is current. */
int store_feedback_fresh(store *st, bool *fresh, actip_err *err);

/* Sets *fresh to true when year's stored statistics are current. */
int store_stats_fresh(store *st, int year, bool *fresh, actip_err *err);

/* The sex words in index order: female, male, other. */
extern const char *const stats_sexes[STATS_SEXES];

/* Index of a sex word (female 0, male 1, other 2), or -1. */
int stats_sex_index(const char *sex);

#endif
