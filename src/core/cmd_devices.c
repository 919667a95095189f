/*
 * cmd_devices.c: changing a domain's hardware as the command table
 * runs it: vCPUs and memory, CD-ROM media, attaching and detaching
 * disks (an existing path or a new volume) and NICs, live and/or
 * persistent. The disk and NIC come typed (vd_disk_spec, vd_net_spec in
 * the command); device XML is built and read with libxml2. Runs on the
 * host's worker only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "virtdeck/domspec.h"
#include "core/cmd_domain.h"
#include "core/commands_priv.h"
#include "core/errors.h"
#include "core/xml_device.h"
#include "core/xml_read.h"

/* Libvirt's AFFECT flags for cmd's VD_APPLY_* bits; none given: live
 * when active, config when persistent. Refuses live on an inactive
 * domain. Returns -1 with res->message set. */
static int
affect_flags(virDomainPtr dom, unsigned int apply, vd_result *res)
{
    int active = virDomainIsActive(dom);
    int persistent = virDomainIsPersistent(dom);
    unsigned int flags = 0;

    if (active < 0 || persistent < 0)
        return -1;
    if (!apply)
        apply = (active ? VD_APPLY_LIVE : 0) | (persistent ? VD_APPLY_CONFIG : 0);
    if ((apply & VD_APPLY_LIVE) && !active) {
        vd_result_say(res, "%s is not running: a live change is impossible (choose persistent)",
            virDomainGetName(dom));
        return -1;
    }
    if ((apply & VD_APPLY_CONFIG) && !persistent) {
        vd_result_say(res, "%s is transient: it has no persistent configuration",
            virDomainGetName(dom));
        return -1;
    }
    if (apply & VD_APPLY_LIVE)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (apply & VD_APPLY_CONFIG)
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    return (int)flags;
}

/* "live and persistent" style words for flags. Static. */
static const char *
affect_words(int flags)
{
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && (flags & VIR_DOMAIN_AFFECT_CONFIG))
        return "live and persistent";
    if (flags & VIR_DOMAIN_AFFECT_LIVE)
        return "live only";
    return "persistent, from the next start";
}

/* The nodes matching expr in doc; caller frees with xmlXPathFreeObject. */
static xmlXPathObjectPtr
xpath_nodes(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = vd_xr_context(doc);
    xmlXPathObjectPtr obj = NULL;

    if (!ctx)
        return NULL;
    obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    return obj;
}

/* A node attribute's value as a new string, or NULL. */
static char *
attr_dup(xmlNodePtr node, const char *name)
{
    xmlChar *v = node ? xmlGetProp(node, BAD_CAST name) : NULL;
    char *out = v ? strdup((const char *)v) : NULL;

    xmlFree(v);
    return out;
}

/* The first child element of node called name, or NULL. */
static xmlNodePtr
child_el(xmlNodePtr node, const char *name)
{
    xmlNodePtr c;

    for (c = node ? node->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
            return c;
    }
    return NULL;
}

/* Serialise one node to a new string. */
static char *
node_xml(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *out = NULL;

    if (!buf)
        return NULL;
    if (xmlNodeDump(buf, doc, node, 0, 1) >= 0)
        out = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return out;
}

/* Set the vCPU count (num), checked against the maximum. */
int
vd_dom_set_vcpus(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    const char *name = virDomainGetName(dom);
    int flags = affect_flags(dom, cmd->flags, res);
    int max;

    (void)conn;
    if (flags < 0)
        return -1;
    if (cmd->num < 1) {
        vd_result_say(res, "set vCPUs of %s: the count must be at least 1", name);
        return -1;
    }
    max = virDomainGetVcpusFlags(dom, VIR_DOMAIN_VCPU_MAXIMUM |
                                 ((flags & VIR_DOMAIN_AFFECT_CONFIG) ?
                                  VIR_DOMAIN_AFFECT_CONFIG : VIR_DOMAIN_AFFECT_LIVE));
    if (max < 0)
        return -1;
    if (cmd->num > max) {
        vd_result_say(res, "set vCPUs of %s: %lld is above its maximum of %d vCPUs",
            name, cmd->num, max);
        return -1;
    }
    if (virDomainSetVcpusFlags(dom, (unsigned int)cmd->num, (unsigned int)flags) < 0)
        return -1;
    vd_result_say(res, "%s: %lld vCPUs (%s)", name, cmd->num, affect_words(flags));
    return 0;
}

/* Set the current memory (num KiB), checked against the maximum. */
int
vd_dom_set_memory(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    const char *name = virDomainGetName(dom);
    int flags = affect_flags(dom, cmd->flags, res);
    unsigned long max;

    (void)conn;
    if (flags < 0)
        return -1;
    if (cmd->num < 1024) {
        vd_result_say(res, "set memory of %s: %lld KiB is too small (at least 1 MiB)",
            name, cmd->num);
        return -1;
    }
    if (!(max = virDomainGetMaxMemory(dom)))
        return -1;
    if ((unsigned long long)cmd->num > max) {
        vd_result_say(res, "set memory of %s: %lld MiB is above its maximum of %lu MiB",
            name, cmd->num / 1024, max / 1024);
        return -1;
    }
    if (virDomainSetMemoryFlags(dom, (unsigned long)cmd->num, (unsigned int)flags) < 0)
        return -1;
    vd_result_say(res, "%s: memory %lld MiB (%s)", name, cmd->num / 1024, affect_words(flags));
    return 0;
}

/* The domain's XML as a parsed document: live when flags has LIVE,
 * else the persistent definition. NULL with libvirt's error. */
static xmlDocPtr
domain_doc(virDomainPtr dom, int flags)
{
    char *xml = virDomainGetXMLDesc(dom, (flags & VIR_DOMAIN_AFFECT_LIVE) ?
                                    0 : VIR_DOMAIN_XML_INACTIVE);
    xmlDocPtr doc = xml ? vd_xr_parse(xml) : NULL;

    free(xml);
    return doc;
}

/* The first node matching expr, or NULL. */
static xmlNodePtr
first_node(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr obj = xpath_nodes(doc, expr);
    xmlNodePtr node = NULL;

    if (obj && obj->nodesetval && obj->nodesetval->nodeNr > 0)
        node = obj->nodesetval->nodeTab[0];
    xmlXPathFreeObject(obj);
    return node;
}

/* XPath string literal check: values used inside '...' must not hold
 * quotes. */
static bool
xpath_safe(const char *s)
{
    return s && *s && !strchr(s, '\'') && !strchr(s, '"');
}

/* Insert (cmd->disk->path) or eject (no path) the media of a CD-ROM
 * drive (target cmd->str, default the first CD-ROM). */
int
vd_dom_cdrom(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
             vd_result *res)
{
    const char *name = virDomainGetName(dom);
    const char *target = cmd->str && *cmd->str ? cmd->str : NULL;
    const char *path = cmd->disk ? cmd->disk->path : NULL;
    int flags, ret = -1;
    xmlDocPtr doc = NULL;
    xmlNodePtr disk, src;
    char expr[256], *xml = NULL, *dev = NULL;

    (void)conn;
    if (path && !*path)
        path = NULL;
    if (path && path[0] != '/') {
        vd_result_say(res, "CD-ROM of %s: '%s' is not an absolute path", name, path);
        goto cleanup;
    }
    if ((flags = affect_flags(dom, 0, res)) < 0)
        goto cleanup;
    if (!(doc = domain_doc(dom, flags)))
        goto cleanup;
    if (target && !xpath_safe(target)) {
        vd_result_say(res, "CD-ROM of %s: bad target name", name);
        goto cleanup;
    }
    snprintf(expr, sizeof(expr), target ?
             "/domain/devices/disk[@device='cdrom'][target/@dev='%s']" :
             "/domain/devices/disk[@device='cdrom']%s", target ? target : "");
    if (!(disk = first_node(doc, expr))) {
        if (target)
            vd_result_say(res, "%s has no CD-ROM drive %s", name, target);
        else
            vd_result_say(res, "%s has no CD-ROM drive (attach one first)", name);
        goto cleanup;
    }
    dev = attr_dup(child_el(disk, "target"), "dev");
    if ((src = child_el(disk, "source"))) {
        xmlUnlinkNode(src);
        xmlFreeNode(src);
    }
    if (path) {
        bool block = strncmp(path, "/dev/", 5) == 0;
        xmlSetProp(disk, BAD_CAST "type", BAD_CAST (block ? "block" : "file"));
        if (!(src = xmlNewNode(NULL, BAD_CAST "source")) ||
            !xmlSetProp(src, BAD_CAST (block ? "dev" : "file"), BAD_CAST path))
            goto cleanup;
        /* <source> goes first, before <target>, as libvirt writes it */
        if (disk->children)
            xmlAddPrevSibling(disk->children, src);
        else
            xmlAddChild(disk, src);
    } else {
        xmlSetProp(disk, BAD_CAST "type", BAD_CAST "file");
    }
    if (!(xml = node_xml(doc, disk)))
        goto cleanup;
    if (virDomainUpdateDeviceFlags(dom, xml, (unsigned int)flags | VIR_DOMAIN_DEVICE_MODIFY_FORCE) < 0)
        goto cleanup;
    if (path)
        vd_result_say(res, "%s: %s now holds %s", name, dev ? dev : "CD-ROM", path);
    else
        vd_result_say(res, "%s: %s ejected", name, dev ? dev : "CD-ROM");
    ret = 0;

 cleanup:
    free(xml);
    free(dev);
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}

/* The first free target name with prefix ("vd", "sd") in the domain. */
static int
free_target(xmlDocPtr doc, const char *prefix, char *buf, size_t len)
{
    char expr[128];
    char c;

    for (c = 'a'; c <= 'z'; c++) {
        snprintf(buf, len, "%s%c", prefix, c);
        snprintf(expr, sizeof(expr), "/domain/devices/disk/target[@dev='%s']", buf);
        if (!first_node(doc, expr))
            return 0;
    }
    return -1;
}

/* Create the volume for a new disk as d says (pool, size_bytes,
 * format, volume: NULL gives DOMAIN-N.qcow2/.img). Returns its path
 * (caller frees) or NULL with res->message set; *made holds the volume. */
static char *
create_volume(virConnectPtr conn, const char *domname, const vd_disk_spec *d,
              vd_result *res, virStorageVolPtr *made)
{
    virStoragePoolPtr pool = NULL;
    vd_volume_spec spec = { 0 };
    bool raw = d->format == VD_FMT_RAW;
    char *xml = NULL, *path = NULL, defname[256], *err;
    const char *why = NULL, *vol_name = d->volume;

    if (d->size_bytes == 0 || d->size_bytes > 1024ULL * 1024 * VD_GIB) {
        vd_result_say(res, "attach disk to %s: the size must be above 0 and at most 1 PiB",
            domname);
        return NULL;
    }
    if (d->format != VD_FMT_UNSET && d->format != VD_FMT_QCOW2 && !raw) {
        vd_result_say(res, "attach disk to %s: format must be qcow2 or raw", domname);
        return NULL;
    }
    if (!(pool = virStoragePoolLookupByName(conn, d->pool))) {
        err = vd_err_take("not found");
        vd_result_say(res, "attach disk to %s: pool %s: %s", domname, d->pool, err);
        free(err);
        return NULL;
    }
    if (!vol_name || !*vol_name) {
        int i;
        for (i = 1; i < 100; i++) {
            virStorageVolPtr v;
            snprintf(defname, sizeof(defname), "%s-%d.%s", domname, i,
                     raw ? "img" : "qcow2");
            if (!(v = virStorageVolLookupByName(pool, defname)))
                break;
            virStorageVolFree(v);
        }
        virResetLastError();
        vol_name = defname;
    }
    spec.name = (char *)vol_name;
    spec.capacity = d->size_bytes;
    spec.format = raw ? VD_FMT_RAW : VD_FMT_QCOW2;
    if (!(xml = vd_volume_xml(&spec, &why))) {
        vd_result_say(res, "attach disk to %s: %s", domname, why ? why : "bad volume");
        goto cleanup;
    }
    if (!(*made = virStorageVolCreateXML(pool, xml, 0))) {
        err = vd_err_take("failed");
        vd_result_say(res, "attach disk to %s: creating volume %s in %s: %s", domname,
            vol_name, d->pool, err);
        free(err);
        goto cleanup;
    }
    if (!(path = virStorageVolGetPath(*made))) {
        virStorageVolDelete(*made, 0);
        virStorageVolFree(*made);
        *made = NULL;
    }

 cleanup:
    free(xml);
    virStoragePoolFree(pool);
    return path;
}

/* Attach the disk cmd->disk describes: an existing file or block
 * device (VD_DISK_PATH) or a new volume (VD_DISK_NEW_VOLUME) on bus
 * virtio, sata or scsi, as target cmd->str (NULL: the first free one).
 * Hot-plugged when running; a volume made for it is removed when the
 * attach fails. */
int
vd_dom_attach_disk(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    const char *name = virDomainGetName(dom);
    const vd_disk_spec *d = cmd->disk;
    const char *target = cmd->str && *cmd->str ? cmd->str : NULL;
    const char *bus, *format;
    virStorageVolPtr made = NULL;
    char *path = NULL, *xml = NULL, tbuf[16];
    xmlDocPtr doc = NULL;
    int flags, ret = -1;

    if (!d || (d->kind != VD_DISK_PATH && d->kind != VD_DISK_NEW_VOLUME) ||
        (d->kind == VD_DISK_PATH && (!d->path || !*d->path)) ||
        (d->kind == VD_DISK_NEW_VOLUME && (!d->pool || !*d->pool))) {
        vd_result_say(res, "attach disk to %s: give either an existing path or a pool for a new volume",
            name);
        goto cleanup;
    }
    if (d->bus != VD_BUS_VIRTIO && d->bus != VD_BUS_SATA && d->bus != VD_BUS_SCSI) {
        vd_result_say(res, "attach disk to %s: bus must be virtio, sata or scsi", name);
        goto cleanup;
    }
    bus = vd_disk_bus_name(d->bus);
    if (d->kind == VD_DISK_PATH && d->path[0] != '/') {
        vd_result_say(res, "attach disk to %s: '%s' is not an absolute path", name, d->path);
        goto cleanup;
    }
    if ((flags = affect_flags(dom, cmd->flags, res)) < 0)
        goto cleanup;
    if (!(doc = domain_doc(dom, flags)))
        goto cleanup;
    if (target) {
        char expr[128];
        if (!xpath_safe(target) || strlen(target) > 12) {
            vd_result_say(res, "attach disk to %s: bad target name", name);
            goto cleanup;
        }
        snprintf(expr, sizeof(expr), "/domain/devices/disk/target[@dev='%s']", target);
        if (first_node(doc, expr)) {
            vd_result_say(res, "attach disk to %s: target %s is taken", name, target);
            goto cleanup;
        }
    } else if (free_target(doc, d->bus == VD_BUS_VIRTIO ? "vd" : "sd",
                           tbuf, sizeof(tbuf)) < 0) {
        vd_result_say(res, "attach disk to %s: no free target name", name);
        goto cleanup;
    } else {
        target = tbuf;
    }
    if (d->kind == VD_DISK_NEW_VOLUME) {
        if (!(path = create_volume(conn, name, d, res, &made)))
            goto cleanup;
        format = d->format == VD_FMT_RAW ? "raw" : "qcow2";
    } else {
        format = d->format == VD_FMT_UNSET ? NULL : vd_disk_format_name(d->format);
    }
    if (!(xml = vd_xml_disk_device(path ? path : d->path, target, bus, format)))
        goto cleanup;
    if (virDomainAttachDeviceFlags(dom, xml, (unsigned int)flags) < 0)
        goto cleanup;
    vd_result_say(res, "%s: disk %s attached (%s)%s%s", name, target, affect_words(flags),
        path ? ", new volume " : "", path ? path : "");
    ret = 0;

 cleanup:
    if (ret < 0 && made) {
        /* the attach failed: word libvirt's error, then remove the
         * volume made for it */
        if (!res->message) {
            char *err = vd_err_take("failed");
            vd_result_say(res, "attach disk to %s: %s (the new volume was removed)", name, err);
            free(err);
        }
        virStorageVolDelete(made, 0);
        virResetLastError();
    }
    if (made)
        virStorageVolFree(made);
    if (doc)
        xmlFreeDoc(doc);
    free(path);
    free(xml);
    return ret;
}

/* Detach the device matching expr (a disk or an interface). */
static int
detach_matching(virDomainPtr dom, const vd_cmd *cmd, vd_result *res,
                const char *expr, const char *what)
{
    const char *name = virDomainGetName(dom);
    xmlDocPtr doc = NULL;
    xmlNodePtr node;
    char *xml = NULL;
    int flags, ret = -1;

    if ((flags = affect_flags(dom, cmd->flags, res)) < 0)
        return -1;
    if (!(doc = domain_doc(dom, flags)))
        return -1;
    if (!(node = first_node(doc, expr))) {
        vd_result_say(res, "%s has no %s", name, what);
        goto cleanup;
    }
    if (!(xml = node_xml(doc, node)))
        goto cleanup;
    if (virDomainDetachDeviceFlags(dom, xml, (unsigned int)flags) < 0)
        goto cleanup;
    if (flags & VIR_DOMAIN_AFFECT_LIVE)
        /* libvirt returns before a PCI device is gone: the guest's OS
         * has to release it (a SCSI disk goes at once) */
        vd_result_say(res, "%s: %s detached (%s; a running guest's OS may have to "
            "release it first)", name, what, affect_words(flags));
    else
        vd_result_say(res, "%s: %s detached (%s)", name, what, affect_words(flags));
    ret = 0;

 cleanup:
    free(xml);
    xmlFreeDoc(doc);
    return ret;
}

/* Detach the disk whose target is str. */
int
vd_dom_detach_disk(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    char expr[160], what[64];

    (void)conn;
    if (!xpath_safe(cmd->str) || strlen(cmd->str) > 16) {
        vd_result_say(res, "detach disk from %s: give the disk's target, e.g. vdb",
            virDomainGetName(dom));
        return -1;
    }
    snprintf(expr, sizeof(expr), "/domain/devices/disk[target/@dev='%s']", cmd->str);
    snprintf(what, sizeof(what), "disk %s", cmd->str);
    return detach_matching(dom, cmd, res, expr, what);
}

/* Attach the NIC cmd->nic describes: on a network or a host bridge
 * (source), with its model and MAC (NULL: libvirt's). */
int
vd_dom_attach_nic(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    const char *name = virDomainGetName(dom);
    const vd_net_spec *n = cmd->nic;
    bool network;
    char *xml = NULL;
    int flags, ret = -1;

    (void)conn;
    if (!n || (n->kind != VD_NET_NETWORK && n->kind != VD_NET_BRIDGE) ||
        !n->source || !*n->source) {
        vd_result_say(res, "attach NIC to %s: give a network or a bridge", name);
        return -1;
    }
    network = n->kind == VD_NET_NETWORK;
    if ((flags = affect_flags(dom, cmd->flags, res)) < 0)
        return -1;
    if (!(xml = vd_xml_nic_device(network ? n->source : NULL, network ? NULL : n->source,
                                  vd_nic_model_name(n->model),
                                  n->mac && *n->mac ? n->mac : NULL)))
        goto cleanup;
    if (virDomainAttachDeviceFlags(dom, xml, (unsigned int)flags) < 0)
        goto cleanup;
    vd_result_say(res, "%s: NIC on %s %s attached (%s)", name, network ? "network" : "bridge",
        n->source, affect_words(flags));
    ret = 0;

 cleanup:
    free(xml);
    return ret;
}

/* Detach the NIC whose MAC address is str. */
int
vd_dom_detach_nic(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    char expr[200], what[64];

    (void)conn;
    if (!xpath_safe(cmd->str) || strlen(cmd->str) != 17) {
        vd_result_say(res, "detach NIC from %s: give the NIC's MAC address, e.g. 52:54:00:12:34:56",
            virDomainGetName(dom));
        return -1;
    }
    snprintf(expr, sizeof(expr),
             "/domain/devices/interface[translate(mac/@address,'ABCDEF','abcdef')="
             "translate('%s','ABCDEF','abcdef')]", cmd->str);
    snprintf(what, sizeof(what), "NIC %s", cmd->str);
    return detach_matching(dom, cmd, res, expr, what);
}

