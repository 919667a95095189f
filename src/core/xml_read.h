/*
 * xml_read.h: reading single values out of XML the daemon wrote
 * (domain, snapshot, pool and volume XML) with libxml2's XPath, for the
 * snapshot and clone code.
 */
#ifndef VD_XML_READ_H
#define VD_XML_READ_H

#include <libxml/parser.h>
#include <libxml/xpath.h>

/* Parse xml without network access or messages; NULL when it is not XML.
 * Free with xmlFreeDoc(). */
xmlDocPtr vd_xr_parse(const char *xml);

/* The string value of expr relative to node (NULL: the document),
 * malloc'ed, or NULL when empty. */
char *vd_xr_str(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The string value of expr in the document xml (malloc'ed), or NULL. */
char *vd_xr_doc_str(const char *xml, const char *expr);

/* The number of nodes in a node-set result (0 for NULL). */
int vd_xr_count(xmlXPathObjectPtr obj);

#endif
