/*
 * xml_priv.h: small helpers over libxml2's tree API shared by the XML
 * builders. Text and attribute values are always stored raw and escaped
 * by libxml2 when the document is written: nothing is pasted as markup.
 */
#ifndef VD_XML_PRIV_H
#define VD_XML_PRIV_H

#include <stdbool.h>

#include <libxml/tree.h>

/* A document under construction; failed turns true at the first
 * allocation failure, after which every helper does nothing. */
typedef struct vd_xb {
    xmlDocPtr doc;
    bool failed;
} vd_xb;

/* Start a document with root element name; NULL when out of memory. */
xmlNodePtr vd_xb_start(vd_xb *xb, const char *root);

/* A child element of parent (NULL parent: nothing). */
xmlNodePtr vd_xb_el(vd_xb *xb, xmlNodePtr parent, const char *name);

/* A child element holding text (escaped by libxml2 on output). */
xmlNodePtr vd_xb_text(vd_xb *xb, xmlNodePtr parent, const char *name,
                      const char *text);

/* Same with an unsigned number as the text. */
xmlNodePtr vd_xb_num(vd_xb *xb, xmlNodePtr parent, const char *name,
                     unsigned long long num);

/* Set an attribute (escaped on output); NULL value: nothing. */
void vd_xb_attr(vd_xb *xb, xmlNodePtr node, const char *name,
                const char *value);

/* Serialise the document (indented by two spaces, no XML declaration,
 * UTF-8, ending in a newline) and free it. Returns a malloc'ed string, or
 * NULL when anything failed. */
char *vd_xb_finish(vd_xb *xb);

#endif
