/*
 * xml_volume.c: storage volume XML from a vd_volume_spec, and the
 * libxml2 tree helpers both builders use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>

#include "virtdeck/domspec.h"
#include "core/xml_priv.h"

/* Start a document. */
xmlNodePtr
vd_xb_start(vd_xb *xb, const char *root)
{
    xmlNodePtr node;

    xb->failed = false;
    if (!(xb->doc = xmlNewDoc(BAD_CAST "1.0")) ||
        !(node = xmlNewDocNode(xb->doc, NULL, BAD_CAST root, NULL))) {
        xb->failed = true;
        return NULL;
    }
    xmlDocSetRootElement(xb->doc, node);
    return node;
}

/* A child element. xmlNewChild is given no content: text goes through
 * vd_xb_text, which escapes it. */
xmlNodePtr
vd_xb_el(vd_xb *xb, xmlNodePtr parent, const char *name)
{
    xmlNodePtr node;

    if (!parent || xb->failed)
        return NULL;
    if (!(node = xmlNewChild(parent, NULL, BAD_CAST name, NULL)))
        xb->failed = true;
    return node;
}

/* A child element with text; xmlNewTextChild escapes it. */
xmlNodePtr
vd_xb_text(vd_xb *xb, xmlNodePtr parent, const char *name, const char *text)
{
    xmlNodePtr node;

    if (!parent || xb->failed)
        return NULL;
    if (!(node = xmlNewTextChild(parent, NULL, BAD_CAST name,
                                 BAD_CAST (text ? text : ""))))
        xb->failed = true;
    return node;
}

/* A child element with a number. */
xmlNodePtr
vd_xb_num(vd_xb *xb, xmlNodePtr parent, const char *name,
          unsigned long long num)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%llu", num);
    return vd_xb_text(xb, parent, name, buf);
}

/* An attribute; xmlNewProp keeps the value as text, escaped on output. */
void
vd_xb_attr(vd_xb *xb, xmlNodePtr node, const char *name, const char *value)
{
    if (!node || !value || xb->failed)
        return;
    if (!xmlNewProp(node, BAD_CAST name, BAD_CAST value))
        xb->failed = true;
}

/* Serialise and free the document. */
char *
vd_xb_finish(vd_xb *xb)
{
    xmlBufferPtr buf = NULL;
    xmlSaveCtxtPtr save = NULL;
    char *out = NULL;

    if (xb->failed || !xb->doc)
        goto cleanup;
    if (!(buf = xmlBufferCreate()))
        goto cleanup;
    if (!(save = xmlSaveToBuffer(buf, "UTF-8",
                                 XML_SAVE_FORMAT | XML_SAVE_NO_DECL)))
        goto cleanup;
    if (xmlSaveDoc(save, xb->doc) < 0) {
        xmlSaveClose(save);
        goto cleanup;
    }
    if (xmlSaveClose(save) < 0)
        goto cleanup;
    out = strdup((const char *)xmlBufferContent(buf));

 cleanup:
    if (buf)
        xmlBufferFree(buf);
    if (xb->doc)
        xmlFreeDoc(xb->doc);
    xb->doc = NULL;
    return out;
}

/* The volume XML. */
char *
vd_volume_xml(const vd_volume_spec *vol, const char **err)
{
    vd_xb xb;
    xmlNodePtr root, node, target;
    char *out;

    *err = NULL;
    if (!vol->name || !*vol->name) {
        *err = "the volume has no name";
        return NULL;
    }
    if (vol->capacity == 0) {
        *err = "the volume's size must be more than 0";
        return NULL;
    }
    root = vd_xb_start(&xb, "volume");
    vd_xb_text(&xb, root, "name", vol->name);
    node = vd_xb_num(&xb, root, "capacity", vol->capacity);
    vd_xb_attr(&xb, node, "unit", "bytes");
    node = vd_xb_num(&xb, root, "allocation", vol->allocation);
    vd_xb_attr(&xb, node, "unit", "bytes");
    target = vd_xb_el(&xb, root, "target");   /* the schema wants one */
    if (vol->format != VD_FMT_UNSET) {
        node = vd_xb_el(&xb, target, "format");
        vd_xb_attr(&xb, node, "type", vd_disk_format_name(vol->format));
    }
    if (vol->backing && *vol->backing) {
        xmlNodePtr bs = vd_xb_el(&xb, root, "backingStore");
        vd_xb_text(&xb, bs, "path", vol->backing);
        if (vol->backing_format != VD_FMT_UNSET) {
            node = vd_xb_el(&xb, bs, "format");
            vd_xb_attr(&xb, node, "type",
                       vd_disk_format_name(vol->backing_format));
        }
    }
    if (!(out = vd_xb_finish(&xb)))
        *err = "out of memory";
    return out;
}
