/* The theory of change as a diagram (SVG) drawn from the results-framework records of
 * an annual report: the goal, the end-of-programme outcomes as columns, the outcomes
 * under them at any depth and the year's projects serving each. */
#ifndef ACTIP_REPORT_DIAGRAM_H
#define ACTIP_REPORT_DIAGRAM_H

#include "report/annual.h"

/* The parts of the diagram: the nodes the goal holds (the end-of-programme outcomes)
 * and the roots that are not goals, into heads (at most cap). Returns their number. */
int report_theory_parts(const annual_report *r, const ann_node **heads, int cap);

/* Part `part` of the diagram (the goal over heads[part] and what it holds) as an <svg>
 * element with title and desc (aria ids from id), into *svg (malloc'd). Returns 0, or
 * -1 when there is no such part or memory ran out. */
int report_theory_svg(const annual_report *r, int part, const char *id, const char *title,
		      const char *desc, char **svg);

#endif
