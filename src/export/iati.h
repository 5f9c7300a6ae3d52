/* The IATI 2.03 export (iati-activities XML, written with libxml2's xmlTextWriter):
 * one activity per project, and a programme activity (parent of the projects, holding
 * the programme-wide expenditure and the programme's indicator targets) when the
 * setting iati_programme_code is set. See docs/indicators.md for every choice. */
#ifndef ACTIP_EXPORT_IATI_H
#define ACTIP_EXPORT_IATI_H

#include "core/err.h"
#include "store/store.h"

/* Writes the activities of year Y (status and results up to Y) to path. Returns 0, or
 * ACTIP_EINPUT when a required setting is missing, or another negative status (err). */
int export_iati_write(store *st, int year, const char *path, actip_err *err);

#endif
