/*
 * domdetails.c: a domain's details for the details view: the XML read
 * with libxml2/XPath, then state and reason, autostart, disk sizes
 * (virDomainGetBlockInfo) and guest addresses (virDomainInterfaceAddresses,
 * from the DHCP lease first, then the guest agent).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "virtdeck/domdetails.h"
#include "virtdeck/model.h"
#include "core/cmd_domain.h"
#include "core/errors.h"
#include "core/xml_read.h"

/* Free one disk's strings. */
static void
disk_clear(vd_disk_info *d)
{
    free(d->target);
    free(d->device);
    free(d->bus);
    free(d->source);
    free(d->format);
}

/* Free one NIC's strings. */
static void
nic_clear(vd_nic_info *n)
{
    free(n->mac);
    free(n->type);
    free(n->source);
    free(n->model);
    free(n->target);
    free(n->addresses);
    free(n->addr_source);
}

/* Free details. */
void
vd_dom_details_free(vd_dom_details *d)
{
    size_t i;

    if (!d)
        return;
    free(d->name);
    free(d->os_type);
    free(d->arch);
    free(d->machine);
    free(d->state);
    free(d->reason);
    for (i = 0; i < d->nboot; i++)
        free(d->boot[i]);
    for (i = 0; i < d->ndisks; i++)
        disk_clear(&d->disks[i]);
    free(d->disks);
    for (i = 0; i < d->nnics; i++)
        nic_clear(&d->nics[i]);
    free(d->nics);
    for (i = 0; i < d->ngraphics; i++) {
        free(d->graphics[i].type);
        free(d->graphics[i].listen);
    }
    free(d->graphics);
    free(d);
}

/* The reason words of each state, indexed by libvirt's reason codes. */
static const char *const running_reasons[] = {
    "unknown", "booted", "migrated", "restored", "restored from snapshot",
    "unpaused", "migration cancelled", "save cancelled", "woken up",
    "crashed", "post-copy migration",
};
static const char *const paused_reasons[] = {
    "unknown", "paused by the user", "migrating", "saving", "dumping",
    "I/O error", "watchdog", "reverting to snapshot", "shutting down",
    "creating snapshot", "starting up", "post-copy migration",
    "post-copy migration failed", "API error",
};
static const char *const shutoff_reasons[] = {
    "unknown", "shut down", "destroyed (forced off)", "crashed", "migrated",
    "saved", "failed to start", "snapshot restored", "daemon down",
};

/* Words for a state reason. */
const char *
vd_dom_reason_name(int state, int reason)
{
#define PICK(tab) \
    (reason >= 0 && (size_t)reason < sizeof(tab) / sizeof(tab[0]) ? tab[reason] : "unknown")
    switch (state) {
    case VD_DOM_RUNNING:
        return PICK(running_reasons);
    case VD_DOM_PAUSED:
        return PICK(paused_reasons);
    case VD_DOM_SHUTOFF:
        return PICK(shutoff_reasons);
    case VD_DOM_SHUTDOWN:
        return "shutting down";
    case VD_DOM_CRASHED:
        return "crashed";
    case VD_DOM_PMSUSPENDED:
        return "suspended by the guest";
    default:
        return "unknown";
    }
#undef PICK
}

/* Attribute value as a new string, or NULL. */
static char *
prop(xmlNodePtr node, const char *name)
{
    xmlChar *v = node ? xmlGetProp(node, BAD_CAST name) : NULL;
    char *out = v ? strdup((const char *)v) : NULL;

    xmlFree(v);
    return out;
}

/* Text content as a new string, or NULL. */
static char *
text(xmlNodePtr node)
{
    xmlChar *v = node ? xmlNodeGetContent(node) : NULL;
    char *out = v ? strdup((const char *)v) : NULL;

    xmlFree(v);
    return out;
}

/* First child element called name. */
static xmlNodePtr
child(xmlNodePtr node, const char *name)
{
    xmlNodePtr c;

    for (c = node ? node->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
            return c;
    }
    return NULL;
}

/* The first node matching expr, or NULL. */
static xmlNodePtr
one(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr obj = vd_xr_nodes(ctx, NULL, expr);
    xmlNodePtr node = vd_xr_node(obj, 0);

    xmlXPathFreeObject(obj);
    return node;
}

/* A disk's source in words: file, dev, pool/volume, or network name. */
static char *
disk_source(xmlNodePtr src)
{
    char *s, *pool, *vol, *out = NULL;

    if (!src)
        return NULL;
    if ((s = prop(src, "file")) || (s = prop(src, "dev")) || (s = prop(src, "dir")))
        return s;
    pool = prop(src, "pool");
    vol = prop(src, "volume");
    if (pool && vol && asprintf(&out, "%s/%s", pool, vol) < 0)
        out = NULL;
    free(pool);
    free(vol);
    if (!out)
        out = prop(src, "name");
    return out;
}

/* Fill the parts of d the XML holds. */
int
vd_dom_details_parse(vd_dom_details *d, const char *xml)
{
    vd_xr x;
    xmlXPathContextPtr ctx;
    xmlXPathObjectPtr obj = NULL;
    xmlNodePtr n;
    unsigned long orders[VD_DETAILS_MAX_BOOT];
    char *s;
    int i, ret = -1;

    if (!vd_xr_open(&x, xml))
        goto cleanup;
    ctx = x.ctxt;
    if (!(n = one(ctx, "/domain")))
        goto cleanup;
    d->name = text(one(ctx, "/domain/name"));
    if ((s = text(one(ctx, "/domain/uuid")))) {
        snprintf(d->uuid, sizeof(d->uuid), "%s", s);
        free(s);
    }
    n = one(ctx, "/domain/os/type");
    d->os_type = text(n);
    d->arch = prop(n, "arch");
    d->machine = prop(n, "machine");
    if ((s = text(one(ctx, "/domain/vcpu")))) {
        d->max_vcpus = (unsigned int)strtoul(s, NULL, 10);
        free(s);
    }
    if ((s = prop(one(ctx, "/domain/vcpu"), "current"))) {
        d->vcpus = (unsigned int)strtoul(s, NULL, 10);
        free(s);
    } else {
        d->vcpus = d->max_vcpus;
    }
    if ((s = text(one(ctx, "/domain/memory")))) {
        d->max_mem_kib = strtoull(s, NULL, 10);
        free(s);
    }
    if ((s = text(one(ctx, "/domain/currentMemory")))) {
        d->mem_kib = strtoull(s, NULL, 10);
        free(s);
    }

    /* boot order: per-device <boot order=N/> wins over <os><boot dev/> */
    if ((obj = vd_xr_nodes(ctx, NULL, "/domain/devices/*[boot/@order]"))) {
        for (i = 0; i < vd_xr_count(obj) && d->nboot < VD_DETAILS_MAX_BOOT; i++) {
            xmlNodePtr dev = vd_xr_node(obj, i);
            char *order = prop(child(dev, "boot"), "order");
            char *what = xmlStrEqual(dev->name, BAD_CAST "interface") ?
                         prop(child(dev, "mac"), "address") :
                         prop(child(dev, "target"), "dev");
            unsigned long pos = order ? strtoul(order, NULL, 10) : 0;
            size_t k;

            free(order);
            if (!what)
                continue;
            /* keep the list sorted by order number */
            for (k = d->nboot; k > 0 && orders[k - 1] > pos; k--) {
                d->boot[k] = d->boot[k - 1];
                orders[k] = orders[k - 1];
            }
            d->boot[k] = what;
            orders[k] = pos;
            d->nboot++;
            what = NULL;
            free(what);
        }
        xmlXPathFreeObject(obj);
        obj = NULL;
    } else if ((obj = vd_xr_nodes(ctx, NULL, "/domain/os/boot"))) {
        for (i = 0; i < vd_xr_count(obj) && d->nboot < VD_DETAILS_MAX_BOOT; i++) {
            if ((s = prop(vd_xr_node(obj, i), "dev")))
                d->boot[d->nboot++] = s;
        }
        xmlXPathFreeObject(obj);
        obj = NULL;
    }

    if ((obj = vd_xr_nodes(ctx, NULL, "/domain/devices/disk"))) {
        if (!(d->disks = calloc((size_t)vd_xr_count(obj), sizeof(*d->disks))))
            goto cleanup;
        for (i = 0; i < vd_xr_count(obj); i++) {
            xmlNodePtr disk = vd_xr_node(obj, i);
            vd_disk_info *di = &d->disks[d->ndisks++];

            di->device = prop(disk, "device");
            if (!di->device)
                di->device = strdup("disk");
            di->target = prop(child(disk, "target"), "dev");
            di->bus = prop(child(disk, "target"), "bus");
            di->source = disk_source(child(disk, "source"));
            di->format = prop(child(disk, "driver"), "type");
            di->readonly = child(disk, "readonly") != NULL;
        }
        xmlXPathFreeObject(obj);
        obj = NULL;
    }

    if ((obj = vd_xr_nodes(ctx, NULL, "/domain/devices/interface"))) {
        if (!(d->nics = calloc((size_t)vd_xr_count(obj), sizeof(*d->nics))))
            goto cleanup;
        for (i = 0; i < vd_xr_count(obj); i++) {
            xmlNodePtr nic = vd_xr_node(obj, i);
            xmlNodePtr src = child(nic, "source");
            vd_nic_info *ni = &d->nics[d->nnics++];

            ni->type = prop(nic, "type");
            ni->mac = prop(child(nic, "mac"), "address");
            if (!(ni->source = prop(src, "network")) &&
                !(ni->source = prop(src, "bridge")))
                ni->source = prop(src, "dev");
            ni->model = prop(child(nic, "model"), "type");
            ni->target = prop(child(nic, "target"), "dev");
        }
        xmlXPathFreeObject(obj);
        obj = NULL;
    }

    if ((obj = vd_xr_nodes(ctx, NULL, "/domain/devices/graphics"))) {
        if (!(d->graphics = calloc((size_t)vd_xr_count(obj), sizeof(*d->graphics))))
            goto cleanup;
        for (i = 0; i < vd_xr_count(obj); i++) {
            xmlNodePtr g = vd_xr_node(obj, i);
            vd_graphics_info *gi = &d->graphics[d->ngraphics++];

            gi->type = prop(g, "type");
            if ((s = prop(g, "port"))) {
                gi->port = atoi(s);
                free(s);
            }
            if (!(gi->listen = prop(g, "listen")))
                gi->listen = prop(child(g, "listen"), "address");
        }
        xmlXPathFreeObject(obj);
        obj = NULL;
    }
    ret = 0;

 cleanup:
    xmlXPathFreeObject(obj);
    vd_xr_close(&x);
    return ret;
}

/* Whether asking for d's guest addresses is safe on dom's connection.
 * libvirt 9.0's test driver (testDomainInterfaceAddresses) reads the
 * IPv4 definition of the network of each NIC of type "network" without
 * looking whether there is one: a NIC on a network with no IPv4 <ip>
 * (a bridged network, for one) takes the whole process down. There the
 * addresses are not asked for; every other driver is asked. */
static bool
addresses_safe(virDomainPtr dom, const vd_dom_details *d)
{
    virConnectPtr conn = virDomainGetConnect(dom);
    const char *type = conn ? virConnectGetType(conn) : NULL;
    size_t k;

    if (!type || strcmp(type, "TEST") != 0)
        return true;
    for (k = 0; k < d->nnics; k++) {
        const vd_nic_info *ni = &d->nics[k];
        virNetworkPtr net;
        char *xml = NULL;
        vd_xr x;
        bool v4 = false;

        if (!ni->type || strcmp(ni->type, "network") != 0)
            continue;
        if (ni->source && (net = virNetworkLookupByName(conn, ni->source))) {
            xml = virNetworkGetXMLDesc(net, 0);
            virNetworkFree(net);
        }
        if (xml && vd_xr_open(&x, xml)) {
            v4 = vd_xr_exists(x.ctxt, NULL,
                              "/network/ip[not(@family) or @family='ipv4']");
            vd_xr_close(&x);
        }
        free(xml);
        virResetLastError();
        if (!v4)
            return false;
    }
    return true;
}

/* Guest addresses of each NIC from source (lease or agent); fills the
 * NICs that have none yet. Failures are quiet (no agent, no lease). */
static void
read_addresses(virDomainPtr dom, vd_dom_details *d, unsigned int source,
               const char *word)
{
    virDomainInterfacePtr *ifaces = NULL;
    int n = virDomainInterfaceAddresses(dom, &ifaces, source, 0);
    int i;
    size_t k;
    unsigned int j;

    virResetLastError();
    for (i = 0; i < n; i++) {
        virDomainInterfacePtr it = ifaces[i];
        for (k = 0; k < d->nnics; k++) {
            vd_nic_info *ni = &d->nics[k];
            char *buf = NULL;
            size_t len = 0;
            FILE *out;

            if (ni->addresses || !ni->mac || !it->hwaddr ||
                strcasecmp(ni->mac, it->hwaddr) != 0 || it->naddrs == 0)
                continue;
            if (!(out = open_memstream(&buf, &len)))
                continue;
            for (j = 0; j < it->naddrs; j++)
                fprintf(out, "%s%s/%u", j ? ", " : "", it->addrs[j].addr,
                        it->addrs[j].prefix);
            if (fclose(out) == 0) {
                ni->addresses = buf;
                ni->addr_source = strdup(word);
            } else {
                free(buf);
            }
        }
        virDomainInterfaceFree(it);
    }
    free(ifaces);
}

/* Read dom's details into res->data. */
int
vd_dom_read_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
               vd_result *res)
{
    vd_dom_details *d = calloc(1, sizeof(*d));
    char *xml = NULL;
    int state = 0, reason = 0, autostart = 0, ret = -1;
    size_t i;

    (void)conn;
    (void)cmd;
    if (!d)
        return -1;
    if (!(xml = virDomainGetXMLDesc(dom, 0)))
        goto cleanup;
    if (vd_dom_details_parse(d, xml) < 0) {
        if (asprintf(&res->message, "details of %s: unreadable XML",
                     virDomainGetName(dom)) < 0)
            res->message = NULL;
        goto cleanup;
    }
    if (virDomainGetState(dom, &state, &reason, 0) < 0)
        goto cleanup;
    d->state = strdup(vd_dom_state_name((vd_dom_state)state));
    d->reason = strdup(vd_dom_reason_name(state, reason));
    if (virDomainGetAutostart(dom, &autostart) == 0)
        d->autostart = autostart;
    d->persistent = virDomainIsPersistent(dom) == 1;
    d->managed_save = virDomainHasManagedSaveImage(dom, 0) == 1;
    virResetLastError();
    if (state == VD_DOM_RUNNING || state == VD_DOM_PAUSED) {
        virDomainInfo info;
        if (virDomainGetInfo(dom, &info) == 0) {
            d->mem_kib = info.memory;
            d->vcpus = info.nrVirtCpu;
        }
        virResetLastError();
    }
    for (i = 0; i < d->ndisks; i++) {
        virDomainBlockInfo bi;
        vd_disk_info *di = &d->disks[i];
        if (!di->target || !di->source)
            continue;
        if (virDomainGetBlockInfo(dom, di->target, &bi, 0) == 0) {
            di->capacity = bi.capacity;
            di->allocation = bi.allocation;
        }
        virResetLastError();
    }
    if (state == VD_DOM_RUNNING && d->nnics && addresses_safe(dom, d)) {
        read_addresses(dom, d, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, "lease");
        read_addresses(dom, d, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, "agent");
    }
    res->data = d;
    res->data_free = (void (*)(void *))vd_dom_details_free;
    d = NULL;
    if (asprintf(&res->message, "details of %s", virDomainGetName(dom)) < 0)
        res->message = NULL;
    ret = 1;

 cleanup:
    free(xml);
    vd_dom_details_free(d);
    return ret;
}
