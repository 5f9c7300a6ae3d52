/* Finds and opens actip's optional modules (see module.h). */
#include "core/module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void *module_symbol(const char *file, const char *build_rel, const char *symbol, char *why, size_t whylen)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		snprintf(why, whylen, "cannot find the program's folder");
		return NULL;
	}
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	const char *const rel[] = {MODULE_INSTALL_REL, build_rel};
	char tried[2][PATH_MAX + 64];
	for (int i = 0; i < 2; i++) {
		snprintf(tried[i], sizeof tried[i], "%s/%s/%s", exe, rel[i], file);
		void *h = dlopen(tried[i], RTLD_NOW | RTLD_LOCAL);
		if (!h)
			continue;
		void *sym = dlsym(h, symbol);
		if (sym)
			return sym;
		dlclose(h);
	}
	snprintf(why, whylen, "%s or %s", tried[0], tried[1]);
	return NULL;
}
