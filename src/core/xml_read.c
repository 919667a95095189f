/*
 * xml_read.c: the daemon's XML read with XPath (see xml_read.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/xml_read.h"

/* Parse quietly. */
xmlDocPtr
vd_xr_parse(const char *xml)
{
    if (!xml)
        return NULL;
    return xmlReadMemory(xml, (int)strlen(xml), "daemon.xml", NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* A context on a document the caller keeps. */
xmlXPathContextPtr
vd_xr_context(xmlDocPtr doc)
{
    return doc ? xmlXPathNewContext(doc) : NULL;
}

/* A context on a document x takes over. */
bool
vd_xr_open_doc(vd_xr *x, xmlDocPtr doc)
{
    x->doc = doc;
    x->ctxt = vd_xr_context(doc);
    return x->ctxt != NULL;
}

/* Parse and make a context. */
bool
vd_xr_open(vd_xr *x, const char *xml)
{
    return vd_xr_open_doc(x, vd_xr_parse(xml));
}

/* Free both. */
void
vd_xr_close(vd_xr *x)
{
    if (!x)
        return;
    xmlXPathFreeContext(x->ctxt);
    xmlFreeDoc(x->doc);
    x->ctxt = NULL;
    x->doc = NULL;
}

/* A string value. */
char *
vd_xr_str(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    xmlXPathObjectPtr obj;
    char *ret = NULL;

    if (!ctxt)
        return NULL;
    ctxt->node = node;
    obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    if (obj && obj->type == XPATH_STRING && obj->stringval && obj->stringval[0])
        ret = strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    return ret;
}

/* A string value of a whole document. */
char *
vd_xr_doc_str(const char *xml, const char *expr)
{
    vd_xr x;
    char *ret = vd_xr_open(&x, xml) ? vd_xr_str(x.ctxt, NULL, expr) : NULL;

    vd_xr_close(&x);
    return ret;
}

/* A non-empty node-set. */
xmlXPathObjectPtr
vd_xr_nodes(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    xmlXPathObjectPtr obj;

    if (!ctxt)
        return NULL;
    ctxt->node = node;
    obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    if (obj && (obj->type != XPATH_NODESET || vd_xr_count(obj) == 0)) {
        xmlXPathFreeObject(obj);
        obj = NULL;
    }
    return obj;
}

/* Something selected. */
bool
vd_xr_exists(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    xmlXPathObjectPtr obj = vd_xr_nodes(ctxt, node, expr);
    bool ret = obj != NULL;

    xmlXPathFreeObject(obj);
    return ret;
}

/* Nodes in a result. */
int
vd_xr_count(xmlXPathObjectPtr obj)
{
    return obj && obj->nodesetval ? obj->nodesetval->nodeNr : 0;
}

/* One node of a result. */
xmlNodePtr
vd_xr_node(xmlXPathObjectPtr obj, int i)
{
    return i >= 0 && i < vd_xr_count(obj) ? obj->nodesetval->nodeTab[i] : NULL;
}
