/*
 * dom_disks.c: the disks of a domain's XML (see dom_disks.h).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "core/dom_disks.h"

/* A string XPath result relative to node (malloc'ed), or NULL. */
static char *
str_at(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
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

/* Whether expr matches anything. */
static bool
has(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *expr)
{
    xmlXPathObjectPtr obj;
    bool ret;

    ctxt->node = node;
    obj = xmlXPathEvalExpression(BAD_CAST expr, ctxt);
    ret = obj && obj->type == XPATH_BOOLEAN && obj->boolval;
    xmlXPathFreeObject(obj);
    return ret;
}

/* Read the disks. */
int
vd_ddisks_parse(const char *xml, vd_ddisks *out)
{
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt = NULL;
    xmlXPathObjectPtr disks = NULL;
    char *t;
    int ret = -1, i, n;

    memset(out, 0, sizeof(*out));
    if (!xml)
        return -1;
    doc = xmlReadMemory(xml, (int)strlen(xml), "domain.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !(ctxt = xmlXPathNewContext(doc)))
        goto cleanup;
    if ((t = str_at(ctxt, NULL, "string(/domain/os/loader/@type)"))) {
        out->pflash = strcmp(t, "pflash") == 0;
        free(t);
    }
    out->nvram = str_at(ctxt, NULL, "string(/domain/os/nvram)");
    out->agent = has(ctxt, NULL,
                     "boolean(/domain/devices/channel/target[@name='org.qemu.guest_agent.0'])");
    disks = xmlXPathEvalExpression(BAD_CAST "/domain/devices/disk", ctxt);
    n = disks && disks->nodesetval ? disks->nodesetval->nodeNr : 0;
    if (n > 0 && !(out->d = calloc((size_t)n, sizeof(*out->d))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        xmlNodePtr d = disks->nodesetval->nodeTab[i];
        vd_ddisk *dd = &out->d[out->n++];

        dd->target = str_at(ctxt, d, "string(target/@dev)");
        dd->device = str_at(ctxt, d, "string(@device)");
        if (!dd->device)
            dd->device = strdup("disk");
        dd->type = str_at(ctxt, d, "string(@type)");
        dd->format = str_at(ctxt, d, "string(driver/@type)");
        dd->source = str_at(ctxt, d, "string(source/@file)");
        if (!dd->source)
            dd->source = str_at(ctxt, d, "string(source/@dev)");
        dd->pool = str_at(ctxt, d, "string(source/@pool)");
        dd->volume = str_at(ctxt, d, "string(source/@volume)");
        dd->snapshot = str_at(ctxt, d, "string(@snapshot)");
        dd->readonly = has(ctxt, d, "boolean(readonly)");
        dd->shareable = has(ctxt, d, "boolean(shareable)");
    }
    ret = 0;

 cleanup:
    if (ret < 0)
        vd_ddisks_clear(out);
    xmlXPathFreeObject(disks);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return ret;
}

/* Free what out holds. */
void
vd_ddisks_clear(vd_ddisks *out)
{
    size_t i;

    for (i = 0; i < out->n; i++) {
        vd_ddisk *d = &out->d[i];

        free(d->target);
        free(d->device);
        free(d->type);
        free(d->format);
        free(d->source);
        free(d->pool);
        free(d->volume);
        free(d->snapshot);
    }
    free(out->d);
    free(out->nvram);
    memset(out, 0, sizeof(*out));
}

/* Whether the guest writes to d. */
bool
vd_ddisk_writable(const vd_ddisk *d)
{
    if (d->readonly)
        return false;
    if (strcmp(d->device, "cdrom") == 0 || strcmp(d->device, "floppy") == 0)
        return false;
    return d->source || (d->pool && d->volume) ||
           (d->type && strcmp(d->type, "network") == 0);
}
