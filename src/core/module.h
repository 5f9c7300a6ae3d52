/* Optional parts of actip that are shared objects opened on first use (the chart
 * rasteriser, the sync client's HTTP transport): linked into the program, their
 * libraries would cost every command their start-up time (tens of milliseconds for a
 * one-row import). A module is looked for in two places only, both derived from the
 * program's own file: the install's folder (MODULE_INSTALL_REL, relative to the
 * program's folder), then its folder in the build tree. No search path and no
 * environment is consulted, so no one can make a server load other code. */
#ifndef ACTIP_CORE_MODULE_H
#define ACTIP_CORE_MODULE_H

#include <stddef.h>

/* The address of symbol in module file (e.g. "actip-raster.so"), whose build-tree folder
 * is build_rel relative to the program's (e.g. "../report"); NULL when it cannot be
 * loaded, with the places tried in why. The module stays loaded. */
void *module_symbol(const char *file, const char *build_rel, const char *symbol, char *why, size_t whylen);

#endif
