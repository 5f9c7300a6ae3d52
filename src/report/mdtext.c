/* Achievement texts are Markdown typed by people. Before any writer renders one, the
 * text is parsed by cmark and made harmless once, here, for every output: raw HTML
 * (blocks and inline) becomes literal text, links to anything but http, https, mailto
 * or a relative address lose their target and keep their words, images become
 * their alt text (a report never fetches anything), and control characters are
 * dropped. The HTML writer renders the result
 * with cmark's HTML renderer, the Markdown writer with its CommonMark renderer, which
 * escapes what would otherwise be read as markup. */
#include <cmark.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/escape.h"
#include "report/mdtext.h"

/* May a link lead here? Relative addresses and the plain web and mail schemes. */
static bool safe_url(const char *url)
{
	if (!url)
		return true;
	size_t scheme = strcspn(url, ":/?#");
	if (url[scheme] != ':')
		return true; /* no scheme: relative */
	static const char *const ok[] = {"http", "https", "mailto"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (scheme == strlen(ok[i]) && strncasecmp(url, ok[i], scheme) == 0)
			return true;
	return false;
}

/* Replaces node by its children, in place. */
static void unwrap(cmark_node *node)
{
	cmark_node *child;
	while ((child = cmark_node_first_child(node)))
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

/* Replaces a raw HTML node by a text (or a paragraph of text) with the same characters. */
static void html_to_text(cmark_node *node, bool block)
{
	cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
	const char *lit = cmark_node_get_literal(node);
	char *copy = strdup(lit ? lit : "");
	if (copy) {
		size_t n = strlen(copy);
		while (n && (copy[n - 1] == '\n' || copy[n - 1] == ' '))
			copy[--n] = '\0'; /* a block's closing line break is no text */
		cmark_node_set_literal(text, copy);
		free(copy);
	}
	if (block) {
		cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
		cmark_node_append_child(para, text);
		text = para;
	}
	cmark_node_insert_before(node, text);
	cmark_node_free(node);
}

/* Parses md and neutralises it (see the file comment); NULL when out of memory. */
cmark_node *report_md_parse(const char *md)
{
	/* Control characters go first: the CommonMark renderer would keep them as entities
	 * (&#27;) that a later reader turns back into them. */
	char *clean = NULL;
	size_t clean_len = 0;
	FILE *f = open_memstream(&clean, &clean_len);
	if (!f)
		return NULL;
	esc_text(f, md);
	if (fclose(f) != 0 || !clean) {
		free(clean);
		return NULL;
	}
	cmark_node *doc = cmark_parse_document(clean, clean_len, CMARK_OPT_DEFAULT);
	free(clean);
	if (!doc)
		return NULL;
	/* Collect first: the tree must not change under the iterator. */
	size_t n = 0, cap = 0;
	struct {
		cmark_node *node;
	} *todo = NULL;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	bool oom = !it;
	while (!oom && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		bool bad = t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE || t == CMARK_NODE_IMAGE ||
			   (t == CMARK_NODE_LINK && !safe_url(cmark_node_get_url(node)));
		if (ev != CMARK_EVENT_EXIT && bad) {
			if (n == cap) {
				void *grown = realloc(todo, (cap = cap ? 2 * cap : 16) * sizeof todo[0]);
				if (!grown) {
					oom = true;
					break;
				}
				todo = grown;
			}
			todo[n++].node = node;
		}
	}
	cmark_iter_free(it);
	/* Innermost last in document order: handle from the end, so a node is never used
	 * after an outer one was unwrapped (unwrapping moves, never frees, the children). */
	for (size_t i = n; !oom && i-- > 0;) {
		cmark_node_type t = cmark_node_get_type(todo[i].node);
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE)
			html_to_text(todo[i].node, t == CMARK_NODE_HTML_BLOCK);
		else
			unwrap(todo[i].node);
	}
	free(todo);
	if (oom) {
		cmark_node_free(doc);
		return NULL;
	}
	return doc;
}
