/*
 * xmltest.h: helpers of the XML tests: files, running a program with
 * fork/exec and reading its output, virt-xml-validate, XPath.
 */
#ifndef VD_XMLTEST_H
#define VD_XMLTEST_H

#include <stdbool.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>

/* The whole file at path (malloc'ed), or NULL. */
char *xt_read_file(const char *path);

/* Write text to path. 0 or -1. */
int xt_write_file(const char *path, const char *text);

/* Run argv[0] (found on PATH) with argv, stdin from /dev/null, stdout
 * and stderr into *output (malloc'ed, may be NULL) -- or stdout alone
 * when split_stderr, with stderr into *errout. Returns the exit status,
 * or -1 when it could not run. */
int xt_run(char *const argv[], char **output);
int xt_run_split(char *const argv[], char **output, char **errout);

/* Whether virt-xml-validate accepts xml as a document of schema
 * ("domain", "storagevol"); its output in *output (caller frees). */
bool xt_validate(const char *xml, const char *schema, char **output);

/* The string value of an XPath expression on ctxt (malloc'ed; "" when
 * empty, never NULL). */
char *xt_xpath(xmlXPathContextPtr ctxt, const char *expr);

/* The string value of expr relative to node. */
char *xt_xpath_at(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* Nodes selected by expr (caller frees the object). */
xmlXPathObjectPtr xt_nodes(xmlXPathContextPtr ctxt, const char *expr);

#endif
