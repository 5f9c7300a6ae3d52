/* The data-quality rules and their runner. Each rule is one function over the store,
 * mostly one static SQL query whose rows become findings; the rules that depend on a
 * setting (project-code letters, the share tolerance) read it through settings.h,
 * and the reconciliation of published figures recomputes the report's tables. */
#include "check/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/num.h"
#include "core/text.h"
#include "report/tables.h"
#include "store/settings.h"

struct checker {
	store *st;
	int year;
	int rule;            /* index of the running rule */
	check_result *out;
	actip_err *err;
};

/* Adds a finding for the running rule. */
__attribute__((format(printf, 3, 4)))
static int add(checker *c, const char *subject, const char *fmt, ...)
{
	check_result *r = c->out;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		check_finding *p = realloc(r->items, cap * sizeof *p);
		if (!p)
			return err_set(c->err, ACTIP_ENOMEM, "out of memory");
		r->items = p;
		r->cap = cap;
	}
	check_finding *f = &r->items[r->n];
	f->rule = &check_rules[c->rule];
	snprintf(f->subject, sizeof f->subject, "%s", subject ? subject : "");
	va_list ap;
	va_start(ap, fmt);
	int len = vasprintf(&f->message, fmt, ap);
	va_end(ap);
	if (len < 0)
		return err_set(c->err, ACTIP_ENOMEM, "out of memory");
	r->n++;
	r->fired[c->rule]++;
	if (f->rule->severity == CHECK_ERROR)
		r->errors++;
	else
		r->warnings++;
	return 0;
}

/* Column i as text, "" for NULL. */
static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? (const char *)t : "";
}

/* Prepares sql with the year bound to ?1; NULL on error (err set). */
static sqlite3_stmt *query(checker *c, const char *sql)
{
	sqlite3_stmt *s;
	if (store_prepare(c->st, sql, &s, c->err) < 0)
		return NULL;
	sqlite3_bind_int(s, 1, c->year);
	return s;
}

/* Ends a query loop: finalizes and reports a step error. */
static int done(checker *c, sqlite3_stmt *s, int rc)
{
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_error(c->st, "running a data-quality rule", c->err);
	return 0;
}

/* ---- database integrity ------------------------------------------------------ */

/* PRAGMA integrity_check says "ok". */
static int rule_integrity(checker *c)
{
	sqlite3_stmt *s = query(c, "PRAGMA integrity_check");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (strcmp(col(s, 0), "ok") != 0 && add(c, "database", "%s", col(s, 0)) < 0)
			break;
	return done(c, s, rc);
}

/* PRAGMA foreign_key_check finds nothing. */
static int rule_foreign_keys(checker *c)
{
	sqlite3_stmt *s = query(c, "PRAGMA foreign_key_check");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (add(c, col(s, 0), "a row of %s names a missing %s record", col(s, 0),
			col(s, 2)) < 0)
			break;
	return done(c, s, rc);
}

/* ---- counts and codes ---------------------------------------------------------- */

/* An achievement's female + male + other equals its total where both are given. */
static int rule_count_parts(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT id, total, coalesce(female, 0), coalesce(male, 0), coalesce(other, 0)"
		" FROM achievement WHERE year = ?1 AND total IS NOT NULL"
		" AND (female IS NOT NULL OR male IS NOT NULL OR other IS NOT NULL)"
		" AND coalesce(female, 0) + coalesce(male, 0) + coalesce(other, 0) <> total"
		" ORDER BY id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long t = sqlite3_column_int64(s, 1), f = sqlite3_column_int64(s, 2),
			  m = sqlite3_column_int64(s, 3), o = sqlite3_column_int64(s, 4);
		if (add(c, col(s, 0), "%lld female + %lld male + %lld other = %lld, but the total "
			"is %lld", f, m, o, f + m + o, t) < 0)
			break;
	}
	return done(c, s, rc);
}

/* A project code's first letter stands for the project's country (setting
 * project_code_letters). Projects at work in the year: with a status or an activity. */
static int rule_code_country(checker *c)
{
	char letters[512];
	if (settings_get(c->st, "project_code_letters", letters, sizeof letters, c->err) < 0)
		return -1;
	sqlite3_stmt *s = query(c,
		"SELECT code, country FROM project p WHERE EXISTS (SELECT 1 FROM project_status"
		" WHERE project = p.code AND year = ?1) OR EXISTS (SELECT 1 FROM activity"
		" WHERE project = p.code AND year = ?1) ORDER BY code");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char want[16];
		const char *code = col(s, 0), *home = col(s, 1);
		if (settings_code_country(letters, code, want, sizeof want) < 0) {
			if (add(c, code, "the letter %c is not in the setting project_code_letters",
				code[0]) < 0)
				break;
		} else if (strcmp(want, home) != 0) {
			const country *w = country_by_code(want), *h = country_by_code(home);
			if (add(c, code, "the letter %c stands for %s, but the project is in %s",
				code[0], w ? w->name : want, h ? h->name : home) < 0)
				break;
		}
	}
	return done(c, s, rc);
}

/* An achievement's country is its project's country. */
static int rule_achievement_country(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT a.id, a.country, p.code, p.country FROM achievement a"
		" JOIN project p ON p.code = a.project"
		" WHERE a.year = ?1 AND a.country IS NOT NULL AND a.country <> p.country"
		" ORDER BY a.id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const country *a = country_by_code(col(s, 1)), *p = country_by_code(col(s, 3));
		if (add(c, col(s, 0), "an achievement in %s cites project %s, a project of %s",
			a ? a->name : col(s, 1), col(s, 2), p ? p->name : col(s, 3)) < 0)
			break;
	}
	return done(c, s, rc);
}

/* A project printed in a country's published project list is a project of that
 * country. */
static int rule_published_list(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT pb.row, pb.label, p.country FROM published pb"
		" LEFT JOIN project p ON p.code = pb.label"
		" WHERE pb.year = ?1 AND pb.section = 'projects'"
		" AND (p.code IS NULL OR p.country <> pb.row) ORDER BY pb.row, pb.label");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const country *l = country_by_code(col(s, 0)), *p = country_by_code(col(s, 2));
		const char *ln = l ? l->name : col(s, 0);
		int e = sqlite3_column_type(s, 2) == SQLITE_NULL
			? add(c, col(s, 1), "the published project list of %s names %s, which is "
			      "not a stored project", ln, col(s, 1))
			: add(c, col(s, 1), "the published project list of %s names %s, a project "
			      "of %s", ln, col(s, 1), p ? p->name : col(s, 2));
		if (e < 0)
			break;
	}
	return done(c, s, rc);
}

/* ---- people and feedback -------------------------------------------------------- */

/* One person (same person key) is recorded with one sex and one country in the year. */
static int rule_person_conflict(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT count(DISTINCT t.sex), count(DISTINCT t.country),"
		" group_concat(DISTINCT t.sex), group_concat(DISTINCT t.country),"
		" min(t.activity || ' row ' || t.seq), count(*)"
		" FROM attendance t JOIN activity a ON a.id = t.activity"
		" WHERE a.year = ?1 AND t.person_key IS NOT NULL GROUP BY t.person_key"
		" HAVING count(DISTINCT t.sex) > 1 OR count(DISTINCT t.country) > 1"
		" ORDER BY 5");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		bool sex = sqlite3_column_int(s, 0) > 1, ctry = sqlite3_column_int(s, 1) > 1;
		if (add(c, col(s, 4), "one person (first at %s, %d attendances) is recorded with %s%s%s%s%s",
			col(s, 4), sqlite3_column_int(s, 5), sex ? "sexes " : "",
			sex ? col(s, 2) : "", sex && ctry ? " and " : "",
			ctry ? "countries " : "", ctry ? col(s, 3) : "") < 0)
			break;
	}
	return done(c, s, rc);
}

/* An activity has no more feedback respondents than participants. */
static int rule_feedback_exceeds(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT a.id, (SELECT count(*) FROM feedback f WHERE f.activity = a.id) AS nf,"
		" (SELECT count(*) FROM attendance t WHERE t.activity = a.id) AS np"
		" FROM activity a WHERE a.year = ?1 AND nf > np AND np > 0 ORDER BY a.id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (add(c, col(s, 0), "%d feedback respondents but %d participants",
			sqlite3_column_int(s, 1), sqlite3_column_int(s, 2)) < 0)
			break;
	return done(c, s, rc);
}

/* Feedback respondents give a sex that some participant of the activity has. */
static int rule_feedback_sex(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT a.id, a.country, f.sex, count(*) FROM activity a"
		" JOIN feedback f ON f.activity = a.id"
		" WHERE a.year = ?1 AND f.sex IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attendance t"
		" WHERE t.activity = a.id AND t.sex = f.sex)"
		" AND EXISTS (SELECT 1 FROM attendance t WHERE t.activity = a.id)"
		" GROUP BY a.id, f.sex ORDER BY a.country, a.id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const country *k = country_by_code(col(s, 1));
		if (add(c, col(s, 0), "%d respondent%s of sex %s, but no participant of that sex "
			"(%s)", sqlite3_column_int(s, 3), sqlite3_column_int(s, 3) == 1 ? "" : "s",
			col(s, 2), k ? k->name : col(s, 1)) < 0)
			break;
	}
	return done(c, s, rc);
}

/* ---- activities ---------------------------------------------------------------- */

/* An activity's year lies within its project's start and end years. */
static int rule_activity_years(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT a.id, p.code, p.start_year, p.end_year FROM activity a"
		" JOIN project p ON p.code = a.project WHERE a.year = ?1"
		" AND ((p.start_year IS NOT NULL AND a.year < p.start_year)"
		" OR (p.end_year IS NOT NULL AND a.year > p.end_year)) ORDER BY a.id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (add(c, col(s, 0), "an activity of %d, outside project %s's years %s–%s",
			c->year, col(s, 1), col(s, 2), col(s, 3)) < 0)
			break;
	return done(c, s, rc);
}

/* A capacity development event has participants. */
static int rule_cd_participants(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT a.id, a.country FROM activity a WHERE a.year = ?1"
		" AND a.type = 'capacity_development'"
		" AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity = a.id) ORDER BY a.id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (add(c, col(s, 0), "a capacity development event with no participants recorded") < 0)
			break;
	return done(c, s, rc);
}

/* ---- printed figures --------------------------------------------------------------- */

/* A percentage in millionths as printed: "98", or "54.55" when it has decimals. */
static void pct_text(char *buf, size_t size, int64_t micro)
{
	if (micro % 1000000 == 0)
		snprintf(buf, size, "%lld", (long long)(micro / 1000000));
	else
		num_format_scaled(buf, size, num_div_round(micro, 10000), 2);
}

/* The shares of one answer set add to 100% within the tolerance setting. */
static int rule_share_sum(checker *c)
{
	char tol[32];
	int64_t tol_micro;
	if (settings_get(c->st, "share_tolerance_pct", tol, sizeof tol, c->err) < 0)
		return -1;
	if (text_parse_decimal_micro(tol, &tol_micro) < 0)
		tol_micro = 500000;
	sqlite3_stmt *s = query(c,
		"SELECT f.achievement, f.figset, sum(f.share_micro), (SELECT group_concat(share_micro,"
		"  ' ') FROM (SELECT share_micro FROM achievement_figure g WHERE g.achievement ="
		"  f.achievement AND g.figset = f.figset ORDER BY share_micro DESC))"
		" FROM achievement_figure f JOIN achievement a ON a.id = f.achievement"
		" WHERE a.year = ?1 GROUP BY f.achievement, f.figset"
		" HAVING count(f.share_micro) = count(*) AND count(*) > 1 ORDER BY 1, 2");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t sum = sqlite3_column_int64(s, 2);
		int64_t off = sum > 100000000 ? sum - 100000000 : 100000000 - sum;
		if (off <= tol_micro)
			continue;
		char total[32], shares[256] = "";
		pct_text(total, sizeof total, sum);
		/* the shares, as printed, joined with " + " */
		char *list = strdup(col(s, 3)), *save = NULL;
		for (char *p = list ? strtok_r(list, " ", &save) : NULL; p;
		     p = strtok_r(NULL, " ", &save)) {
			char one[32];
			pct_text(one, sizeof one, strtoll(p, NULL, 10));
			if (shares[0])
				strncat(shares, " + ", sizeof shares - strlen(shares) - 1);
			strncat(shares, one, sizeof shares - strlen(shares) - 1);
		}
		free(list);
		char subject[64];
		snprintf(subject, sizeof subject, "%s/%s", col(s, 0), col(s, 1));
		if (add(c, subject, "the shares of '%s' add to %s%% (%s), not 100%%", col(s, 1),
			total, shares) < 0)
			break;
	}
	return done(c, s, rc);
}

/* The counts of a set marked as parts add to the achievement's total. */
static int rule_figure_parts(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT f.achievement, f.figset, sum(f.count), a.total FROM achievement_figure f"
		" JOIN achievement a ON a.id = f.achievement"
		" WHERE a.year = ?1 AND f.parts = 1 AND a.total IS NOT NULL"
		" GROUP BY f.achievement, f.figset HAVING sum(f.count) <> a.total ORDER BY 1, 2");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char subject[64];
		snprintf(subject, sizeof subject, "%s/%s", col(s, 0), col(s, 1));
		if (add(c, subject, "the parts of '%s' add to %lld, but the achievement's total is %lld",
			col(s, 1), (long long)sqlite3_column_int64(s, 2),
			(long long)sqlite3_column_int64(s, 3)) < 0)
			break;
	}
	return done(c, s, rc);
}

/* A share printed with its count agrees with the count's part of the set's counts. */
static int rule_share_count(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT f.achievement, f.figset, f.label, f.share_micro, f.count,"
		" (SELECT sum(g.count) FROM achievement_figure g WHERE g.achievement = f.achievement"
		"  AND g.figset = f.figset) FROM achievement_figure f"
		" JOIN achievement a ON a.id = f.achievement"
		" WHERE a.year = ?1 AND f.share_micro IS NOT NULL AND f.count IS NOT NULL"
		" AND NOT EXISTS (SELECT 1 FROM achievement_figure g WHERE g.achievement = f.achievement"
		"  AND g.figset = f.figset AND g.count IS NULL) ORDER BY 1, 2, 3");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t share = sqlite3_column_int64(s, 3), n = sqlite3_column_int64(s, 4),
			den = sqlite3_column_int64(s, 5), want;
		/* compare at the precision printed: whole numbers unless decimals were given */
		int dec = share % 1000000 ? 2 : 0;
		if (!num_pct_scaled(n, den, dec, &want))
			continue;
		int64_t printed = num_div_round(share, dec ? 10000 : 1000000);
		if (printed == want)
			continue;
		char subject[64], ps[32], ws[32];
		snprintf(subject, sizeof subject, "%s/%s", col(s, 0), col(s, 1));
		num_format_scaled(ps, sizeof ps, printed, dec);
		num_format_scaled(ws, sizeof ws, want, dec);
		if (add(c, subject, "'%s' is printed as %s%%, but %lld of %lld is %s%%", col(s, 2),
			ps, (long long)n, (long long)den, ws) < 0)
			break;
	}
	return done(c, s, rc);
}

/* The cell of the computed table that a published figure names; NULL when none. */
static const rt_row *find_cell(const report_tables *rt, const char *section, const char *row,
			       const char *colkey, int *ci, const rt_table **tab)
{
	if (strncmp(section, "table", 5) != 0 || section[5] < '1' || section[5] > '5')
		return NULL;
	const rt_table *t = &rt->t[section[5] - '1'];
	*tab = t;
	*ci = -1;
	for (int k = 0; k < t->ncols; k++)
		if (strcmp(t->cols[k].key, colkey) == 0)
			*ci = k;
	for (int i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, row) == 0)
			return &t->rows[i];
	return NULL;
}

/* A figure printed in a published table equals the value computed from the records;
 * for a percentage the message shows its own numerator and denominator. */
static int rule_published_cell(checker *c)
{
	report_tables *rt = malloc(sizeof *rt);
	if (!rt)
		return err_set(c->err, ACTIP_ENOMEM, "out of memory");
	if (report_tables_compute(c->st, c->year, rt, c->err) < 0) {
		free(rt);
		return -1;
	}
	sqlite3_stmt *s = query(c,
		"SELECT section, row, col, value_micro, coalesce(source, '') FROM published"
		" WHERE year = ?1 AND section LIKE 'table_' ORDER BY section, row, col");
	if (!s) {
		free(rt);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const rt_table *t = NULL;
		int ci;
		const char *section = col(s, 0), *row = col(s, 1), *ck = col(s, 2);
		int64_t printed = sqlite3_column_int64(s, 3);
		const rt_row *r = find_cell(rt, section, row, ck, &ci, &t);
		char subject[64];
		snprintf(subject, sizeof subject, "Table %c, %s, %s", section[5], row, ck);
		int e = 0;
		char ps[32];
		pct_text(ps, sizeof ps, printed);
		if (!t || ci < 0) {
			e = add(c, subject, "printed %s, but the table has no column %s", ps, ck);
		} else if (!r) {
			if (printed != 0)
				e = add(c, subject, "printed %s, but the records give no such row", ps);
		} else if (r->null[ci]) {
			e = add(c, subject, "printed %s, but there is no denominator", ps);
		} else if (r->v[ci] * 1000000 != printed) {
			if (t->cols[ci].kind == COL_PCT0 && ci >= 3) {
				/* pct_women: female (column 0) of total (column 3) */
				int64_t exact;
				char es[32];
				num_pct_scaled(r->v[0], r->v[3], 2, &exact);
				num_format_scaled(es, sizeof es, exact, 2);
				e = add(c, subject, "printed %s%%, but %lld of %lld is %s%%, which rounds "
					"to %lld%%", ps, (long long)r->v[0], (long long)r->v[3], es,
					(long long)r->v[ci]);
			} else {
				e = add(c, subject, "printed %s, but the records give %lld", ps,
					(long long)r->v[ci]);
			}
		}
		if (e < 0)
			break;
	}
	free(rt);
	return done(c, s, rc);
}

/* Two partners do not claim the same people: achievements of different partners with
 * the same total and the same number of women. */
static int rule_double_claim(checker *c)
{
	sqlite3_stmt *s = query(c,
		"SELECT a.id, b.id, a.partner, b.partner, a.total, coalesce(a.female, 0)"
		" FROM achievement a JOIN achievement b ON a.id < b.id AND b.year = a.year"
		" AND a.partner <> b.partner AND b.total = a.total"
		" AND b.female IS a.female AND b.male IS a.male"
		" WHERE a.year = ?1 AND a.total >= 10 ORDER BY a.id, b.id");
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char subject[64];
		snprintf(subject, sizeof subject, "%s, %s", col(s, 0), col(s, 1));
		if (add(c, subject, "%s and %s each claim %lld people (%lld women); the same "
			"people counted twice?", col(s, 2), col(s, 3),
			(long long)sqlite3_column_int64(s, 4), (long long)sqlite3_column_int64(s, 5)) < 0)
			break;
	}
	return done(c, s, rc);
}

const check_rule check_rules[] = {
	{"integrity", CHECK_ERROR, "the database file is intact (PRAGMA integrity_check)",
	 NULL, rule_integrity},
	{"foreign-keys", CHECK_ERROR, "every reference names a stored record "
	 "(PRAGMA foreign_key_check)", NULL, rule_foreign_keys},
	{"feedback-exceeds", CHECK_ERROR, "an activity has no more feedback respondents than "
	 "participants",
	 "No event has more feedback forms than participants.",
	 rule_feedback_exceeds},
	{"count-parts", CHECK_WARNING, "the parts of a count (female, male, other) add to its "
	 "total",
	 "The numbers of women, men and others add up to each total.",
	 rule_count_parts},
	{"code-country", CHECK_WARNING, "a project code's letter stands for the project's "
	 "country (setting project_code_letters)",
	 "Each project's code matches the country it works in.",
	 rule_code_country},
	{"achievement-country", CHECK_WARNING, "an achievement's country is its project's "
	 "country",
	 "Each achievement is reported under the country of its project.",
	 rule_achievement_country},
	{"published-list", CHECK_WARNING, "a published project list names projects of its own "
	 "country",
	 "Each country's list of projects names only that country's projects.",
	 rule_published_list},
	{"person-conflict", CHECK_WARNING, "a person is recorded with one sex and one country",
	 "Each person is recorded with a single sex and country.", rule_person_conflict},
	{"feedback-sex", CHECK_WARNING, "feedback respondents give a sex that some participant "
	 "of the activity has",
	 "The sex given on feedback forms is one found among the event's participants.",
	 rule_feedback_sex},
	{"activity-years", CHECK_WARNING, "an activity lies within its project's years",
	 "Each activity took place within the years of its project.", rule_activity_years},
	{"cd-no-participants", CHECK_WARNING, "a capacity development event has participants",
	 "Each capacity development event has its participants recorded.", rule_cd_participants},
	{"share-sum", CHECK_WARNING, "the shares of one answer set add to 100% (setting "
	 "share_tolerance_pct)",
	 "The percentages of one set of answers add up to 100%.",
	 rule_share_sum},
	{"figure-parts", CHECK_WARNING, "the parts of a breakdown add to the achievement's "
	 "total",
	 "The parts of a breakdown add up to the achievement's total.",
	 rule_figure_parts},
	{"share-count", CHECK_WARNING, "a printed share agrees with its own count and base",
	 "Each percentage printed agrees with the numbers it is drawn from.", rule_share_count},
	{"published-cell", CHECK_WARNING, "a published table figure equals the figure "
	 "computed from the records",
	 "Each figure published earlier equals the figure computed from the records.",
	 rule_published_cell},
	{"double-claim", CHECK_WARNING, "two partners do not claim the same people",
	 "No two partners report the same people.", rule_double_claim},
};
const int check_rule_count = (int)(sizeof check_rules / sizeof check_rules[0]);

/* Runs the rules in table order. */
int check_run(store *st, int year, check_result *out, actip_err *err)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	out->rules = check_rules;
	out->nrules = check_rule_count;
	checker c = {st, year, 0, out, err};
	_Static_assert(sizeof check_rules / sizeof check_rules[0] <= 32, "fired[] too small");
	for (c.rule = 0; c.rule < check_rule_count; c.rule++)
		if (check_rules[c.rule].run(&c) < 0)
			return ACTIP_ERR;
	return ACTIP_OK;
}

/* Frees every message. */
void check_result_free(check_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->items[i].message);
	free(r->items);
	memset(r, 0, sizeof *r);
}

/* For display. */
const char *check_severity_name(check_severity s)
{
	return s == CHECK_ERROR ? "error" : "warning";
}
