/* Achievement texts (Markdown typed by people), parsed and made harmless once for
 * every writer (mdtext.c). */
#ifndef ACTIP_REPORT_MDTEXT_H
#define ACTIP_REPORT_MDTEXT_H

#include <cmark.h>

/* Parses Markdown text and neutralises it: raw HTML turned into literal text, links
 * other than http(s), mailto or relative reduced to their words, images to their alt
 * text. The caller frees the tree with cmark_node_free; NULL when out of memory. */
cmark_node *report_md_parse(const char *md);

#endif
