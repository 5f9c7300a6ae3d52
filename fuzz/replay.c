/* The corpus replayer linked into the fuzz targets when no fuzzing engine is used (the
 * gcc build of `make check`): `fuzz_X DIR...` feeds every regular file under each DIR
 * (sorted, one level deep) to LLVMFuzzerTestOneInput and reports how many ran. A crash
 * or a sanitizer report fails the test as it would under libFuzzer. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Reads a whole file into a malloc'd buffer. */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *buf = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			uint8_t *nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		size_t n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	return buf;
}

/* Orders directory entries by name. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Replays each file of each directory argument. */
int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	long ran = 0;
	for (int i = 1; i < argc; i++) {
		struct dirent **ents;
		int n = scandir(argv[i], &ents, NULL, by_name);
		if (n < 0) {
			fprintf(stderr, "%s: cannot read the corpus directory\n", argv[i]);
			return 1;
		}
		for (int j = 0; j < n; j++) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", argv[i], ents[j]->d_name);
			struct stat sb;
			if (ents[j]->d_name[0] != '.' && stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
				size_t len;
				uint8_t *buf = slurp(path, &len);
				if (!buf) {
					fprintf(stderr, "%s: cannot read\n", path);
					return 1;
				}
				LLVMFuzzerTestOneInput(buf, len);
				free(buf);
				ran++;
			}
			free(ents[j]);
		}
		free(ents);
	}
	printf("%s: replayed %ld inputs, no crash\n", argv[0], ran);
	return ran > 0 ? 0 : 1;
}
