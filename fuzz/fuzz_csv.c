/* Fuzz target: the CSV importer, every template, into an in-memory database seeded
 * with tests/fixtures/good (importlib.h). The first byte of an input picks the template
 * (modulo their number), the rest is the CSV text; each run is a dry run. */
#include "fuzz.h"
#include "import/template.h"
#include "importlib.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_import_init("fuzz_csv");
	return 0;
}

/* Imports one input as a dry run. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const template *t = template_table[data[0] % template_count];
	fuzz_import_one(data + 1, size - 1, t->name, "fuzz.csv");
	return 0;
}
