/*
 * xml_read.c: single values out of the daemon's XML (see xml_read.h).
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

/* A string value. */
char *
vd_xr_str(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    xmlXPathObjectPtr obj;
    char *ret = NULL;

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
    xmlDocPtr doc = vd_xr_parse(xml);
    xmlXPathContextPtr ctxt = doc ? xmlXPathNewContext(doc) : NULL;
    char *ret = ctxt ? vd_xr_str(ctxt, NULL, expr) : NULL;

    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return ret;
}

/* Nodes in a result. */
int
vd_xr_count(xmlXPathObjectPtr obj)
{
    return obj && obj->nodesetval ? obj->nodesetval->nodeNr : 0;
}
