/*
 * nodedev.c: the host's PCI and USB node devices for passing through:
 * read one (numbers, names, its --host-device value), find which domain
 * has one already, and VD_CMD_NODEDEV_LIST, the wizard's picker.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "core/cmd_create.h"
#include "core/commands_priv.h"
#include "core/xml_read.h"
#include "virtdeck/create.h"
#include "virtdeck/createfacts.h"


/* See createfacts.h. */
void
vd_nodedev_clear(vd_nodedev *dev)
{
    if (!dev)
        return;
    free(dev->name);
    free(dev->value);
    free(dev->vendor);
    free(dev->product);
    free(dev->used_by);
    memset(dev, 0, sizeof(*dev));
}

/* See createfacts.h. */
void
vd_nodedev_list_free(vd_nodedev_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        vd_nodedev_clear(&list->devs[i]);
    free(list->devs);
    free(list);
}

/* A number (decimal or 0x-hex) from text, or -1. */
static long
number(const char *text)
{
    char *end;
    long n;

    if (!text || !*text)
        return -1;
    n = strtol(text, &end, 0);
    return *end || n < 0 ? -1 : n;
}

/* See create.h. */
int
vd_nodedev_read(virNodeDevicePtr dev, vd_nodedev *out)
{
    static const char *const pci_x[4] = {
        "string(/device/capability[@type='pci']/domain)",
        "string(/device/capability[@type='pci']/bus)",
        "string(/device/capability[@type='pci']/slot)",
        "string(/device/capability[@type='pci']/function)",
    };
    static const char *const usb_x[4] = {
        "string(/device/capability[@type='usb_device']/bus)",
        "string(/device/capability[@type='usb_device']/device)",
        "string(/device/capability[@type='usb_device']/vendor/@id)",
        "string(/device/capability[@type='usb_device']/product/@id)",
    };
    char *xml = virNodeDeviceGetXMLDesc(dev, 0);
    xmlDocPtr doc = vd_xr_parse(xml);
    xmlXPathContextPtr ctxt = vd_xr_context(doc);
    const char *cap;
    int ret = -1;

    memset(out, 0, sizeof(*out));
    free(xml);
    if (!ctxt) {
        virResetLastError();
        goto cleanup;
    }
    for (int i = 0; i < 4; i++) {
        char *v = vd_xr_str(ctxt, NULL, pci_x[i]);

        out->num[i] = number(v);
        free(v);
    }
    out->pci = out->num[1] >= 0;
    if (!out->pci) {
        for (int i = 0; i < 4; i++) {
            char *v = vd_xr_str(ctxt, NULL, usb_x[i]);

            out->num[i] = number(v);
            free(v);
        }
        if (out->num[2] < 0 || out->num[3] < 0)
            goto cleanup;
    }
    cap = out->pci ? "pci" : "usb_device";
    {
        char expr[128];

        snprintf(expr, sizeof(expr), "string(/device/capability[@type='%s']/vendor)", cap);
        out->vendor = vd_xr_str(ctxt, NULL, expr);
        snprintf(expr, sizeof(expr), "string(/device/capability[@type='%s']/product)", cap);
        out->product = vd_xr_str(ctxt, NULL, expr);
    }
    out->name = strdup(virNodeDeviceGetName(dev));
    if (out->pci ? asprintf(&out->value, "%04lx:%02lx:%02lx.%lx", out->num[0],
                            out->num[1], out->num[2], out->num[3]) < 0
                 : asprintf(&out->value, "0x%04lx:0x%04lx", out->num[2],
                            out->num[3]) < 0)
        out->value = NULL;
    if (out->name && out->value)
        ret = 0;

 cleanup:
    if (ret < 0)
        vd_nodedev_clear(out);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return ret;
}

/* The attribute name of n as a number, or -1. */
static long
attr_number(xmlNodePtr n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
    long num = number((const char *)v);

    xmlFree(v);
    return num;
}

/* The first element child of n called name, or NULL. */
static xmlNodePtr
child_el(xmlNodePtr n, const char *name)
{
    for (n = n ? n->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name))
            return n;
    return NULL;
}

/* Whether a domain's XML (ctxt) has the host device dev. */
static bool
has_hostdev(xmlXPathContextPtr ctxt, const vd_nodedev *dev)
{
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST
        (dev->pci ? "//hostdev[@type='pci']/source/address"
                  : "//hostdev[@type='usb']/source"), ctxt);
    bool found = false;

    for (int i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr && !found; i++) {
        xmlNodePtr n = obj->nodesetval->nodeTab[i];

        if (dev->pci)
            found = attr_number(n, "domain") == dev->num[0] &&
                    attr_number(n, "bus") == dev->num[1] &&
                    attr_number(n, "slot") == dev->num[2] &&
                    attr_number(n, "function") == dev->num[3];
        else
            found = attr_number(child_el(n, "vendor"), "id") == dev->num[2] &&
                    attr_number(child_el(n, "product"), "id") == dev->num[3];
    }
    xmlXPathFreeObject(obj);
    return found;
}

/* For every domain of conn: its name and parsed XML (freed by
 * free_doms()). */
typedef struct dom_xml {
    char *name;
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
} dom_xml;

static void
free_doms(dom_xml *d, size_t n)
{
    for (size_t i = 0; d && i < n; i++) {
        free(d[i].name);
        xmlXPathFreeContext(d[i].ctxt);
        xmlFreeDoc(d[i].doc);
    }
    free(d);
}

/* Read every domain's XML once. */
static dom_xml *
read_doms(virConnectPtr conn, size_t *n)
{
    virDomainPtr *doms = NULL;
    int nd = virConnectListAllDomains(conn, &doms, 0);
    dom_xml *out = calloc(nd > 0 ? (size_t)nd : 1, sizeof(*out));

    *n = 0;
    for (int i = 0; i < nd; i++) {
        char *xml = out ? virDomainGetXMLDesc(doms[i], 0) : NULL;
        dom_xml *d = out ? &out[*n] : NULL;

        if (xml && (d->doc = vd_xr_parse(xml)) &&
            (d->ctxt = vd_xr_context(d->doc)) &&
            (d->name = strdup(virDomainGetName(doms[i]))))
            (*n)++;
        else if (d) {
            xmlXPathFreeContext(d->ctxt);
            xmlFreeDoc(d->doc);
            memset(d, 0, sizeof(*d));
        }
        free(xml);
        virDomainFree(doms[i]);
    }
    free(doms);
    virResetLastError();
    return out;
}

/* The name of the domain among doms that has dev, or NULL (owned). */
static char *
user_among(const dom_xml *doms, size_t n, const vd_nodedev *dev)
{
    for (size_t i = 0; i < n; i++)
        if (has_hostdev(doms[i].ctxt, dev))
            return strdup(doms[i].name);
    return NULL;
}

/* See create.h. */
char *
vd_hostdev_user(virConnectPtr conn, const vd_nodedev *dev)
{
    size_t n;
    dom_xml *doms = read_doms(conn, &n);
    char *who = user_among(doms, n, dev);

    free_doms(doms, n);
    return who;
}

/* PCI first, then USB; by name within each. */
static int
cmp_dev(const void *pa, const void *pb)
{
    const vd_nodedev *a = pa, *b = pb;

    if (a->pci != b->pci)
        return a->pci ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* data_free for a vd_nodedev_list. */
static void
list_free(void *p)
{
    vd_nodedev_list_free(p);
}

/* VD_CMD_NODEDEV_LIST (a read: nothing changes). */
int
vd_cc_nodedev_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    virNodeDevicePtr *devs = NULL;
    vd_nodedev_list *list = calloc(1, sizeof(*list));
    dom_xml *doms = NULL;
    size_t nd = 0;
    int n;

    (void)cmd;
    (void)dom;
    n = list ? virConnectListAllNodeDevices(conn, &devs,
                                            VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV |
                                            VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV) : -1;
    if (n < 0) {
        const virError *e = virGetLastError();

        if (asprintf(&res->message, "cannot list the host's devices: %s",
                     e && e->message ? e->message : "out of memory") < 0)
            res->message = NULL;
        virResetLastError();
        free(list);
        return VD_RC_REFUSED;
    }
    if (!(list->devs = calloc(n ? (size_t)n : 1, sizeof(*list->devs))))
        n = 0;
    doms = read_doms(conn, &nd);
    for (int i = 0; i < n; i++) {
        vd_nodedev *d = &list->devs[list->n];

        if (vd_nodedev_read(devs[i], d) == 0) {
            d->used_by = user_among(doms, nd, d);
            list->n++;
        }
        virNodeDeviceFree(devs[i]);
    }
    free(devs);
    free_doms(doms, nd);
    virResetLastError();
    if (list->n > 1)
        qsort(list->devs, list->n, sizeof(list->devs[0]), cmp_dev);
    res->ok = true;
    res->data = list;
    res->data_free = list_free;
    if (asprintf(&res->message, "%zu host devices", list->n) < 0)
        res->message = NULL;
    return VD_RC_READ;
}
