/* How every worksheet actip writes is printed: A4, fitted to one page wide (as long as
 * it needs), its header row repeated at the top of every page and "Page N of M" in the
 * footer. One function, so the report, indicator and work-plan workbooks print alike. */
#ifndef ACTIP_CORE_SHEET_H
#define ACTIP_CORE_SHEET_H

#include <stdbool.h>
#include <xlsxwriter.h>

/* Sets up ws for printing; header_row is 0-based, -1 for none. */
void sheet_print_setup(lxw_worksheet *ws, int header_row, bool landscape);

#endif
