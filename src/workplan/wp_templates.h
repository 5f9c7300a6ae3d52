/* The work-plan templates (spec/data-collection.md "Work plan", spec/workplan-monitoring.md
 * and docs/workplan-templates.md): bodies, focal points, plans, action lines, status
 * reports, meetings, follow-up decisions, adoption steps and consultation inputs. Their
 * columns, row handlers and records-API kinds live in wp_templates.c, which defines the
 * templates below; the importer's template_table lists them, and the importer calls
 * wp_templates_prepare and wp_templates_finalize with its own statements. This file is compiled into the import
 * library (it needs the importer), not into actip_workplan. */
#ifndef ACTIP_WORKPLAN_WP_TEMPLATES_H
#define ACTIP_WORKPLAN_WP_TEMPLATES_H

#include "import/template.h"

enum { WP_BODY_NCOLS = 3, WP_FOCAL_NCOLS = 4, WP_PLAN_NCOLS = 5, WP_ITEM_NCOLS = 15,
       WP_STATUS_NCOLS = 6, WP_MEETING_NCOLS = 5, WP_DECISION_NCOLS = 9, WP_STEP_NCOLS = 6,
       WP_INPUT_NCOLS = 5 };

extern const colspec wp_body_cols[WP_BODY_NCOLS], wp_focal_cols[WP_FOCAL_NCOLS],
	wp_plan_cols[WP_PLAN_NCOLS], wp_item_cols[WP_ITEM_NCOLS],
	wp_status_cols[WP_STATUS_NCOLS], wp_meeting_cols[WP_MEETING_NCOLS],
	wp_decision_cols[WP_DECISION_NCOLS], wp_step_cols[WP_STEP_NCOLS],
	wp_input_cols[WP_INPUT_NCOLS];

/* The templates, in the order a run processes them. */
extern const template wp_tpl_bodies, wp_tpl_focal_points, wp_tpl_plans, wp_tpl_workplan,
	wp_tpl_workplan_status, wp_tpl_meetings, wp_tpl_decisions, wp_tpl_adoption_steps,
	wp_tpl_consultation_inputs;

/* Row handlers, one per template. */
int wp_handle_body(importer *im, const tplrow *r);
int wp_handle_focal_point(importer *im, const tplrow *r);
int wp_handle_plan(importer *im, const tplrow *r);
int wp_handle_item(importer *im, const tplrow *r);
int wp_handle_status(importer *im, const tplrow *r);
int wp_handle_meeting(importer *im, const tplrow *r);
int wp_handle_decision(importer *im, const tplrow *r);
int wp_handle_step(importer *im, const tplrow *r);
int wp_handle_input(importer *im, const tplrow *r);

/* Prepares / finalizes the work-plan statements of a run (im->wp_stmt). */
int wp_templates_prepare(importer *im, actip_err *err);
void wp_templates_finalize(importer *im);

#endif
