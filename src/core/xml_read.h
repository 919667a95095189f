/*
 * xml_read.h: reading XML the daemon wrote (domain, snapshot, pool,
 * volume, network, capabilities XML) with libxml2's XPath. The one
 * place that parses such XML and makes an XPath context: every reader
 * opens a vd_xr, asks it with the helpers below and closes it.
 */
#ifndef VD_XML_READ_H
#define VD_XML_READ_H

#include <stdbool.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

/* A parsed document with its XPath context. */
typedef struct vd_xr {
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
} vd_xr;

/* Parse xml without network access or messages; NULL when it is not XML.
 * Free with xmlFreeDoc(). */
xmlDocPtr vd_xr_parse(const char *xml);

/* Parse xml (may be NULL) into x with a context on its document; false
 * when it is not XML or memory ran out (x is then empty; closing it is
 * harmless). Close with vd_xr_close(). */
bool vd_xr_open(vd_xr *x, const char *xml);

/* A context on doc, which x then owns (xmlFreeDoc at vd_xr_close) even
 * on failure; false when doc is NULL or memory ran out. */
bool vd_xr_open_doc(vd_xr *x, xmlDocPtr doc);

/* An XPath context on doc, which the caller keeps (NULL when doc is
 * NULL or memory ran out). Free with xmlXPathFreeContext() before doc. */
xmlXPathContextPtr vd_xr_context(xmlDocPtr doc);

/* Free x's context and document; x is empty afterwards. */
void vd_xr_close(vd_xr *x);

/* The string value of expr relative to node (NULL: the document),
 * malloc'ed, or NULL when empty. */
char *vd_xr_str(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The string value of expr in the document xml (malloc'ed), or NULL. */
char *vd_xr_doc_str(const char *xml, const char *expr);

/* The node-set expr selects relative to node (NULL: the document), or
 * NULL when it selects nothing or is not a node-set. Free with
 * xmlXPathFreeObject(). */
xmlXPathObjectPtr vd_xr_nodes(xmlXPathContextPtr ctxt, xmlNodePtr node,
                              const char *expr);

/* Whether expr relative to node selects at least one node. */
bool vd_xr_exists(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr);

/* The number of nodes in a node-set result (0 for NULL). */
int vd_xr_count(xmlXPathObjectPtr obj);

/* Node i of a node-set result (NULL when out of range). */
xmlNodePtr vd_xr_node(xmlXPathObjectPtr obj, int i);

#endif
