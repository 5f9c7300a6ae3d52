/* Print set-up of worksheets (see sheet.h). */
#include "core/sheet.h"

void sheet_print_setup(lxw_worksheet *ws, int header_row, bool landscape)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	if (header_row >= 0)
		worksheet_repeat_rows(ws, (lxw_row_t)header_row, (lxw_row_t)header_row);
	worksheet_set_footer(ws, "&CPage &P of &N");
}
