/*
 * dsnap_ops.c: domain snapshots on a connection: read the tree, create,
 * revert, delete. Every refusal is decided from what was read before
 * any call that changes something, and says why and what would work.
 */
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/dsnap_ops.h"
#include "core/dom_disks.h"
#include "core/errors.h"
#include "core/xml_priv.h"
#include "core/xml_read.h"

/* An overlay needs at least this much free space in its pool. */
#define OVERLAY_MIN_FREE (1024ULL * 1024)

/* Read dom's snapshots. */
int
vd_dsnap_list_read(virDomainPtr dom, vd_dsnap_list *list, char **err)
{
    virDomainSnapshotPtr *snaps = NULL;
    int n, i, ret = -1;

    *err = NULL;
    vd_dsnap_list_clear(list);
    if (!(list->domain = strdup(virDomainGetName(dom))))
        return vd_err_say(err, "out of memory");
    if ((n = virDomainListAllSnapshots(dom, &snaps, 0)) < 0)
        return vd_err_say_libvirt(err, "list snapshots");
    if (n > 0 && !(list->items = calloc((size_t)n, sizeof(*list->items)))) {
        vd_err_say(err, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        char *xml = virDomainSnapshotGetXMLDesc(snaps[i], 0);
        vd_dsnap *s = &list->items[list->n];
        int cur;

        if (!xml) {
            /* deleted between the list and this call: skip it */
            virResetLastError();
            continue;
        }
        if (vd_dsnap_parse(xml, s) < 0) {
            free(xml);
            continue;
        }
        free(xml);
        cur = virDomainSnapshotIsCurrent(snaps[i], 0);
        s->current = cur == 1;
        list->n++;
    }
    virResetLastError();
    vd_dsnap_list_order(list);
    ret = 0;

 cleanup:
    for (i = 0; i < n; i++)
        virDomainSnapshotFree(snaps[i]);
    free(snaps);
    return ret;
}

/* The number of snapshots. */
int
vd_dsnap_count(virDomainPtr dom)
{
    int n = virDomainSnapshotNum(dom, 0);

    if (n < 0)
        virResetLastError();
    return n;
}

/* Whether the daemon can revert to external snapshots. */
bool
vd_dsnap_can_revert_external(virConnectPtr conn)
{
    unsigned long lib = 0;
    char *caps;
    bool ret = false;

    if (virConnectGetLibVersion(conn, &lib) < 0 || lib < 9009000) {
        virResetLastError();
        return false;
    }
    if ((caps = virConnectGetCapabilities(conn))) {
        ret = strstr(caps, "externalSnapshot") != NULL;
        free(caps);
    }
    if (!ret && (caps = virConnectGetDomainCapabilities(conn, NULL, NULL, NULL, NULL, 0))) {
        ret = strstr(caps, "externalSnapshot") != NULL;
        free(caps);
    }
    virResetLastError();
    return ret;
}

/* The daemon's libvirt version as "9.0.0" in buf. */
static const char *
lib_version(virConnectPtr conn, char *buf, size_t len)
{
    unsigned long lib = 0;

    if (virConnectGetLibVersion(conn, &lib) < 0) {
        virResetLastError();
        snprintf(buf, len, "?");
    } else {
        snprintf(buf, len, "%lu.%lu.%lu", lib / 1000000, lib / 1000 % 1000, lib % 1000);
    }
    return buf;
}

/* The target path of the dir pool named name (malloc'ed), or NULL with
 * *err. */
static char *
pool_dir(virConnectPtr conn, const char *name, virStoragePoolPtr *pool_out, char **err)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, name);
    char *xml = NULL, *ret = NULL;

    if (!pool) {
        virResetLastError();
        vd_err_say(err, "there is no storage pool '%s'", name);
        return NULL;
    }
    if (!(xml = virStoragePoolGetXMLDesc(pool, 0))) {
        vd_err_say_libvirt(err, "read pool");
        goto cleanup;
    }
    ret = vd_xr_doc_str(xml, "string(/pool[@type='dir' or @type='fs' or @type='netfs']/target/path)");
    if (!ret)
        vd_err_say(err, "pool %s is not a directory pool: overlays need a pool of type dir, fs or netfs", name);

 cleanup:
    free(xml);
    if (ret && pool_out)
        *pool_out = pool;
    else
        virStoragePoolFree(pool);
    return ret;
}

/* The overlay path for disk d of snapshot snap: in dir (or next to the
 * disk), named after the disk's file without its extension. */
static char *
overlay_path(const char *dir, const vd_ddisk *d, const char *snap)
{
    char *copy = strdup(d->source), *base, *dot, *ret = NULL, *dcopy = NULL;

    if (!copy)
        return NULL;
    base = basename(copy);
    if ((dot = strrchr(base, '.')) && dot != base)
        *dot = '\0';
    if (!dir) {
        if (!(dcopy = strdup(d->source))) {
            free(copy);
            return NULL;
        }
        dir = dirname(dcopy);
    }
    if (asprintf(&ret, "%s/%s-%s.qcow2", strcmp(dir, "/") == 0 ? "" : dir, base, snap) < 0)
        ret = NULL;
    free(copy);
    free(dcopy);
    return ret;
}

/* Free space of the pool holding path (or of pool when given), its name
 * in name (size len); -1 when the path is in no pool the daemon knows. */
static long long
free_space(virConnectPtr conn, virStoragePoolPtr pool, const char *path,
           char *name, size_t len)
{
    virStorageVolPtr vol = NULL;
    virStoragePoolPtr own = NULL;
    virStoragePoolInfo info;
    long long ret = -1;

    if (!pool) {
        if (!(vol = virStorageVolLookupByPath(conn, path)) ||
            !(own = virStoragePoolLookupByVolume(vol)))
            goto cleanup;
        pool = own;
    }
    virStoragePoolRefresh(pool, 0);
    if (virStoragePoolGetInfo(pool, &info) == 0)
        ret = (long long)info.available;
    snprintf(name, len, "%s", virStoragePoolGetName(pool));

 cleanup:
    virResetLastError();
    if (vol)
        virStorageVolFree(vol);
    if (own)
        virStoragePoolFree(own);
    return ret;
}

/* Whether a file exists at path as far as the daemon knows (a volume). */
static bool
volume_exists(virConnectPtr conn, const char *path)
{
    virStorageVolPtr vol = virStorageVolLookupByPath(conn, path);

    virResetLastError();
    if (vol)
        virStorageVolFree(vol);
    return vol != NULL;
}

/* Build the snapshot XML: internal, or external disk-only with the
 * overlays given per disk (NULL: the disk is not snapshotted). */
static char *
build_xml(const vd_dsnap_spec *spec, const char *name, const vd_ddisks *dd,
          char **overlays, bool internal)
{
    vd_xb xb = { 0 };
    xmlNodePtr root, disks, disk;
    size_t i;

    if (!(root = vd_xb_start(&xb, "domainsnapshot")))
        return NULL;
    vd_xb_text(&xb, root, "name", name);
    if (spec->description && *spec->description)
        vd_xb_text(&xb, root, "description", spec->description);
    if (!internal)
        vd_xb_attr(&xb, vd_xb_el(&xb, root, "memory"), "snapshot", "no");
    disks = vd_xb_el(&xb, root, "disks");
    for (i = 0; i < dd->n; i++) {
        if (!dd->d[i].target)
            continue;
        disk = vd_xb_el(&xb, disks, "disk");
        vd_xb_attr(&xb, disk, "name", dd->d[i].target);
        if (internal) {
            vd_xb_attr(&xb, disk, "snapshot",
                       vd_ddisk_writable(&dd->d[i]) ? "internal" : "no");
        } else if (overlays[i]) {
            vd_xb_attr(&xb, disk, "snapshot", "external");
            vd_xb_attr(&xb, vd_xb_el(&xb, disk, "driver"), "type", "qcow2");
            vd_xb_attr(&xb, vd_xb_el(&xb, disk, "source"), "file", overlays[i]);
        } else {
            vd_xb_attr(&xb, disk, "snapshot", "no");
        }
    }
    return vd_xb_finish(&xb);
}

/* The checks and XML of an external disk-only snapshot. */
static char *
prepare_external(virConnectPtr conn, const vd_dsnap_spec *spec, const char *name,
                 const vd_ddisks *dd, int state, char **err)
{
    virStoragePoolPtr pool = NULL;
    char *dir = NULL, **overlays = NULL, *xml = NULL;
    size_t i, count = 0;

    if (spec->quiesce && state != VIR_DOMAIN_RUNNING) {
        vd_err_say(err, "--quiesce needs a running guest (its guest agent freezes the filesystems); "
            "start the guest, or snapshot without --quiesce");
        return NULL;
    }
    if (spec->quiesce && !dd->agent) {
        vd_err_say(err, "--quiesce needs the QEMU guest agent, and the domain has no "
            "org.qemu.guest_agent.0 channel; snapshot without --quiesce");
        return NULL;
    }
    if (spec->pool && *spec->pool && !(dir = pool_dir(conn, spec->pool, &pool, err)))
        return NULL;
    if (!(overlays = calloc(dd->n + 1, sizeof(*overlays)))) {
        vd_err_say(err, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < dd->n; i++) {
        const vd_ddisk *d = &dd->d[i];
        long long avail;
        char pname[256];

        if (!vd_ddisk_writable(d) || (d->snapshot && strcmp(d->snapshot, "no") == 0))
            continue;
        if (d->type && strcmp(d->type, "network") == 0) {
            vd_err_say(err, "disk %s is a network disk: virtdeck makes overlays only for file "
                "disks; mark it snapshot='no' or take an internal snapshot", d->target);
            goto cleanup;
        }
        if (!d->source) {
            vd_err_say(err, "disk %s has no file path (type '%s'): an external snapshot needs "
                "one to put the overlay next to it", d->target, d->type ? d->type : "?");
            goto cleanup;
        }
        if (!(overlays[i] = overlay_path(dir, d, name))) {
            vd_err_say(err, "out of memory");
            goto cleanup;
        }
        if (volume_exists(conn, overlays[i])) {
            vd_err_say(err, "the overlay %s for disk %s exists already; choose another "
                "snapshot name or delete that volume", overlays[i], d->target);
            goto cleanup;
        }
        avail = free_space(conn, pool, pool ? overlays[i] : d->source, pname, sizeof(pname));
        if (avail >= 0 && (unsigned long long)avail < OVERLAY_MIN_FREE) {
            vd_err_say(err, "no free space for the overlay of disk %s in pool %s (%lld bytes "
                "free, an overlay needs at least 1 MiB): free space there, or put the "
                "overlays in another pool (--pool)", d->target, pname, avail);
            goto cleanup;
        }
        count++;
    }
    if (count == 0) {
        vd_err_say(err, "the domain has no writable disk to take a disk-only snapshot of");
        goto cleanup;
    }
    if (!(xml = build_xml(spec, name, dd, overlays, false)))
        vd_err_say(err, "out of memory");

 cleanup:
    for (i = 0; overlays && i < dd->n; i++)
        free(overlays[i]);
    free(overlays);
    free(dir);
    if (pool)
        virStoragePoolFree(pool);
    return xml;
}

/* The checks and XML of an internal snapshot. */
static char *
prepare_internal(virConnectPtr conn, const vd_dsnap_spec *spec, const char *name,
                 const vd_ddisks *dd, int state, char **err)
{
    bool live = state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED;
    size_t i, count = 0;
    char *xml, ver[32];
    unsigned long lib = 0;

    if (spec->quiesce) {
        vd_err_say(err, "--quiesce applies to disk-only snapshots: add --disk-only, or drop --quiesce");
        return NULL;
    }
    if (spec->pool && *spec->pool) {
        vd_err_say(err, "an internal snapshot lives inside the qcow2 disks, not in a pool: "
            "add --disk-only to put overlays in pool %s", spec->pool);
        return NULL;
    }
    if (live && spec->no_memory) {
        vd_err_say(err, "an internal snapshot of a running guest always saves its memory: "
            "take a disk-only snapshot (--disk-only), or shut the guest off first");
        return NULL;
    }
    if (live && dd->pflash) {
        if (virConnectGetLibVersion(conn, &lib) < 0)
            virResetLastError();
        if (lib < 10010000) {
            vd_err_say(err, "libvirt %s cannot take an internal snapshot of a running UEFI "
                "(pflash) guest: shut it off first, or take a disk-only snapshot "
                "(--disk-only)", lib_version(conn, ver, sizeof(ver)));
            return NULL;
        }
    }
    for (i = 0; i < dd->n; i++) {
        const vd_ddisk *d = &dd->d[i];

        if (!vd_ddisk_writable(d))
            continue;
        if (!d->format || strcmp(d->format, "qcow2") != 0) {
            vd_err_say(err, "disk %s (%s) is %s: an internal snapshot needs every writable "
                "disk in qcow2 format; take a disk-only snapshot (--disk-only) "
                "instead, or convert the disk to qcow2", d->target,
                d->source ? d->source : "no source", d->format ? d->format : "of unknown format");
            return NULL;
        }
        count++;
    }
    if (count == 0 && !live) {
        vd_err_say(err, "the domain has no writable disk: there is nothing to snapshot");
        return NULL;
    }
    if (!(xml = build_xml(spec, name, dd, NULL, true)))
        vd_err_say(err, "out of memory");
    return xml;
}

/* Check spec against dom and build the snapshot XML and flags. */
static int
prepare(virDomainPtr dom, const vd_dsnap_spec *spec, char **name_out, char **xml_out,
        unsigned int *flags_out, char **err)
{
    virConnectPtr conn = virDomainGetConnect(dom);
    virDomainSnapshotPtr snap;
    vd_ddisks dd = { 0 };
    char *name = NULL, *domxml = NULL, *xml = NULL;
    vd_check_msg *bad;
    unsigned int flags = VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC;
    int state = 0, reason, ret = -1;

    *err = NULL;
    if (spec->name && *spec->name)
        name = strdup(spec->name);
    else
        name = vd_dsnap_default_name(time(NULL));
    if (!name)
        return vd_err_say(err, "out of memory");
    if ((bad = vd_dsnap_check_name(name))) {
        vd_err_say(err, "%s", bad);
        vd_check_free(bad);
        goto cleanup;
    }
    if ((snap = virDomainSnapshotLookupByName(dom, name, 0))) {
        virDomainSnapshotFree(snap);
        vd_err_say(err, "domain %s already has a snapshot named '%s': choose another name",
            virDomainGetName(dom), name);
        goto cleanup;
    }
    virResetLastError();
    if (virDomainGetState(dom, &state, &reason, 0) < 0) {
        vd_err_say_libvirt(err, "read the domain's state");
        goto cleanup;
    }
    if (!(domxml = virDomainGetXMLDesc(dom, 0))) {
        vd_err_say_libvirt(err, "read the domain's XML");
        goto cleanup;
    }
    if (vd_ddisks_parse(domxml, &dd) < 0) {
        vd_err_say(err, "cannot read the domain's XML");
        goto cleanup;
    }
    if (spec->disk_only) {
        xml = prepare_external(conn, spec, name, &dd, state, err);
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
        if (spec->quiesce)
            flags |= VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE;
    } else {
        xml = prepare_internal(conn, spec, name, &dd, state, err);
    }
    if (!xml)
        goto cleanup;
    *name_out = name;
    *xml_out = xml;
    *flags_out = flags;
    name = xml = NULL;
    ret = 0;

 cleanup:
    vd_ddisks_clear(&dd);
    free(domxml);
    free(xml);
    free(name);
    return ret;
}

/* The XML a create would send. */
char *
vd_dsnap_create_xml(virDomainPtr dom, const vd_dsnap_spec *spec, char **err)
{
    char *name = NULL, *xml = NULL;
    unsigned int flags;

    if (prepare(dom, spec, &name, &xml, &flags, err) < 0)
        return NULL;
    free(name);
    return xml;
}

/* Create a snapshot. */
int
vd_dsnap_create(virDomainPtr dom, const vd_dsnap_spec *spec, char **name_out,
                char **err)
{
    virDomainSnapshotPtr snap;
    char *name = NULL, *xml = NULL;
    unsigned int flags;
    int ret = -1;

    if (prepare(dom, spec, &name, &xml, &flags, err) < 0)
        return -1;
    if (!(snap = virDomainSnapshotCreateXML(dom, xml, flags))) {
        vd_err_say_libvirt(err, "create snapshot");
        goto cleanup;
    }
    virDomainSnapshotFree(snap);
    if (name_out) {
        *name_out = name;
        name = NULL;
    }
    ret = 0;

 cleanup:
    free(xml);
    free(name);
    return ret;
}

/* Look up snapshot name and read it into s. */
static virDomainSnapshotPtr
lookup(virDomainPtr dom, const char *name, vd_dsnap *s, char **err)
{
    virDomainSnapshotPtr snap;
    char *xml;

    if (!name || !*name) {
        vd_err_say(err, "no snapshot named");
        return NULL;
    }
    if (!(snap = virDomainSnapshotLookupByName(dom, name, 0))) {
        virResetLastError();
        vd_err_say(err, "domain %s has no snapshot named '%s'", virDomainGetName(dom), name);
        return NULL;
    }
    xml = virDomainSnapshotGetXMLDesc(snap, 0);
    if (!xml || vd_dsnap_parse(xml, s) < 0) {
        free(xml);
        vd_err_say_libvirt(err, "read the snapshot");
        virDomainSnapshotFree(snap);
        return NULL;
    }
    free(xml);
    return snap;
}

/* Revert. */
int
vd_dsnap_revert(virDomainPtr dom, const char *name, unsigned int flags, char **err)
{
    virDomainSnapshotPtr snap;
    vd_dsnap s;
    unsigned int vflags = 0;
    char ver[32];
    int ret = -1;

    *err = NULL;
    if ((flags & VD_DSNAP_REVERT_RUNNING) && (flags & VD_DSNAP_REVERT_PAUSED))
        return vd_err_say(err, "revert ends either running or paused, not both");
    if (!(snap = lookup(dom, name, &s, err)))
        return -1;
    if (s.external && !vd_dsnap_can_revert_external(virDomainGetConnect(dom))) {
        vd_err_say(err, "snapshot '%s' is external (disk-only, overlays): libvirt %s on this "
            "host cannot revert to external snapshots (libvirt 9.9 and later can); "
            "revert to an internal snapshot, or keep the overlays and delete the "
            "snapshot to merge them", name,
            lib_version(virDomainGetConnect(dom), ver, sizeof(ver)));
        goto cleanup;
    }
    if (flags & VD_DSNAP_REVERT_RUNNING)
        vflags |= VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING;
    if (flags & VD_DSNAP_REVERT_PAUSED)
        vflags |= VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED;
    if (virDomainRevertToSnapshot(snap, vflags) < 0) {
        vd_err_say_libvirt(err, "revert");
        goto cleanup;
    }
    ret = 0;

 cleanup:
    vd_dsnap_clear(&s);
    virDomainSnapshotFree(snap);
    return ret;
}

/* Whether path is the current source of the domain's disk target, or
 * in its backing chain, per the domain XML. */
static bool
in_chain(const char *domxml, const char *target, const char *path)
{
    vd_xr x;
    xmlXPathObjectPtr disks = NULL, files = NULL;
    bool ret = false;
    int i, k;

    if (!vd_xr_open(&x, domxml))
        goto cleanup;
    disks = vd_xr_nodes(x.ctxt, NULL, "/domain/devices/disk");
    for (i = 0; !ret && i < vd_xr_count(disks); i++) {
        xmlNodePtr disk = vd_xr_node(disks, i);
        char *dev = vd_xr_str(x.ctxt, disk, "string(target/@dev)");
        bool match = dev && strcmp(dev, target) == 0;

        free(dev);
        if (!match)
            continue;
        files = vd_xr_nodes(x.ctxt, disk, ".//source/@file");
        for (k = 0; k < vd_xr_count(files); k++) {
            xmlChar *v = xmlNodeGetContent(vd_xr_node(files, k));

            if (v && strcmp((const char *)v, path) == 0)
                ret = true;
            xmlFree(v);
        }
        xmlXPathFreeObject(files);
        files = NULL;
    }

 cleanup:
    xmlXPathFreeObject(disks);
    vd_xr_close(&x);
    return ret;
}

/* Delete. */
int
vd_dsnap_delete(virDomainPtr dom, const char *name, unsigned int flags, char **err)
{
    virDomainSnapshotPtr snap;
    vd_dsnap_list all = { 0 };
    vd_dsnap s;
    unsigned int vflags = 0;
    char *domxml = NULL;
    bool metadata = flags & VD_DSNAP_DELETE_METADATA;
    int ret = -1, idx, nchildren;
    size_t i;

    *err = NULL;
    if (!(snap = lookup(dom, name, &s, err)))
        return -1;
    if (vd_dsnap_list_read(dom, &all, err) < 0 || (idx = vd_dsnap_find(&all, name)) < 0) {
        if (!*err)
            vd_err_say(err, "snapshot '%s' vanished", name);
        goto cleanup;
    }
    /* the subtree follows idx in tree order */
    for (i = (size_t)idx + 1; i < all.n && all.items[i].depth > all.items[idx].depth; i++)
        ;
    nchildren = (int)(i - (size_t)idx - 1);
    if (!metadata) {
        size_t j;
        bool ext_below = false;

        for (j = (size_t)idx + 1; j < i; j++)
            ext_below |= all.items[j].external;
        if ((flags & VD_DSNAP_DELETE_CHILDREN) && (s.external || ext_below)) {
            vd_err_say(err, "snapshot '%s' or one below it is external: libvirt deletes external "
                "snapshots one at a time, without --children; delete the leaves first, "
                "or remove only the metadata (--metadata)", name);
            goto cleanup;
        }
        if (s.external) {
            int p = vd_dsnap_find(&all, s.parent);

            if (nchildren > 0) {
                vd_err_say(err, "external snapshot '%s' has %d snapshot(s) below it: libvirt "
                    "deletes only the newest external snapshot of a chain; delete "
                    "those first, or remove only the metadata (--metadata)", name, nchildren);
                goto cleanup;
            }
            if (p >= 0 && !all.items[p].external) {
                vd_err_say(err, "external snapshot '%s' has an internal parent ('%s'): libvirt "
                    "cannot merge it; remove only its metadata (--metadata), which keeps "
                    "the overlay and the base image", name, s.parent);
                goto cleanup;
            }
            if (!(domxml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE))) {
                vd_err_say_libvirt(err, "read the domain's XML");
                goto cleanup;
            }
            for (j = 0; j < s.ndisks; j++) {
                if (!s.disks[j].mode || strcmp(s.disks[j].mode, "external") != 0 ||
                    !s.disks[j].file)
                    continue;
                if (!in_chain(domxml, s.disks[j].target, s.disks[j].file)) {
                    vd_err_say(err, "the domain no longer uses overlay %s of snapshot '%s' "
                        "(disk %s; it was reverted or changed since): deleting would "
                        "merge into an image the domain does not use and could destroy "
                        "a base image; remove only the metadata (--metadata)",
                        s.disks[j].file, name, s.disks[j].target);
                    goto cleanup;
                }
            }
        }
    }
    if (flags & VD_DSNAP_DELETE_CHILDREN)
        vflags |= VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN;
    if (metadata)
        vflags |= VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY;
    if (virDomainSnapshotDelete(snap, vflags) < 0) {
        vd_err_say_libvirt(err, "delete snapshot");
        goto cleanup;
    }
    ret = 0;

 cleanup:
    free(domxml);
    vd_dsnap_list_clear(&all);
    vd_dsnap_clear(&s);
    virDomainSnapshotFree(snap);
    return ret;
}

/* One snapshot's XML. */
char *
vd_dsnap_get_xml(virDomainPtr dom, const char *name, char **err)
{
    virDomainSnapshotPtr snap;
    char *xml;

    *err = NULL;
    if (!(snap = virDomainSnapshotLookupByName(dom, name, 0))) {
        virResetLastError();
        vd_err_say(err, "domain %s has no snapshot named '%s'", virDomainGetName(dom), name);
        return NULL;
    }
    if (!(xml = virDomainSnapshotGetXMLDesc(snap, 0)))
        vd_err_say_libvirt(err, "read the snapshot");
    virDomainSnapshotFree(snap);
    return xml;
}
