/* Fuzz target: the .xlsx reader under the importer. An input is the bytes of a
 * workbook, imported as a stream of the participants template (whose sheet is the one
 * named participants, else the first) into the in-memory database seeded with
 * tests/fixtures/good, as a dry run (importlib.h). The reader's limits (part sizes,
 * compression ratio, shared strings, no DTD) keep every input bounded in time and
 * memory; the seeds (fuzz/corpus/xlsx) are workbooks written by openpyxl and the
 * hostile ones of tests/integration/xlsx_gen.py. */
#include "fuzz.h"
#include "importlib.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_import_init("fuzz_xlsx");
	return 0;
}

/* Imports one workbook as a dry run. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import_one(data, size, "participants", "fuzz.xlsx");
	return 0;
}
