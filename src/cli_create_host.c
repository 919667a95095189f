/*
 * cli_create_host.c: `virtdeck create`'s checks against the host: names
 * in use, memory, pools and volumes (a new path= made a volume of its
 * pool, a backing store found), networks, host devices (found among the
 * node devices, not in use by another domain), firmware.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/create.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/osinfo.h"
#include "cli.h"
#include "virtdeck/uriinfo.h"
#include "cli_create.h"
#include "core/xml_read.h"

/* Whether the URI names this machine (no host part), so that a path
 * can be checked with stat(). */
bool
cc_uri_is_local(const char *uri)
{
    /* the core's one rule (virtdeck/uriinfo.h); no URI is libvirt's
     * default, a local daemon */
    return !uri || vd_uri_is_local(uri);
}

/* The format of an existing volume from its XML (target/format/@type). */
vd_disk_format
cc_volume_format(virStorageVolPtr vol)
{
    char *xml = virStorageVolGetXMLDesc(vol, 0);
    vd_disk_format fmt = VD_FMT_UNSET;
    char *type;

    if (!xml)
        return VD_FMT_UNSET;
    if ((type = vd_xr_doc_str(xml, "string(/volume/target/format/@type)"))) {
        int v = vd_disk_format_parse(type);
        if (v > 0)
            fmt = v;
        free(type);
    }
    free(xml);
    return fmt;
}

/* Whether the host has a file at path: a volume in a pool, or (for a
 * local connection) a file. Sets *format from the volume when known. */
bool
cc_host_has_file(virConnectPtr conn, bool local, const char *path,
              vd_disk_format *format)
{
    virStorageVolPtr vol = virStorageVolLookupByPath(conn, path);
    struct stat st;

    if (vol) {
        vd_disk_format fmt = cc_volume_format(vol);
        if (format && fmt != VD_FMT_UNSET)
            *format = fmt;
        virStorageVolFree(vol);
        return true;
    }
    virResetLastError();
    return local ? stat(path, &st) == 0 : true;   /* remote: cannot tell */
}


/* Read the pools. 0 or -1 (message printed). */
int
cc_read_pools(virConnectPtr conn, pool_list *pl)
{
    int i;

    memset(pl, 0, sizeof(*pl));
    if ((pl->n = virConnectListAllStoragePools(conn, &pl->pools, 0)) < 0) {
        pl->n = 0;
        return cc_fail("cannot list the storage pools: %s", cc_virt_error()), -1;
    }
    pl->names = calloc(pl->n + 1, sizeof(*pl->names));
    pl->active = calloc(pl->n + 1, sizeof(*pl->active));
    if (!pl->names || !pl->active)
        return cc_fail("out of memory"), -1;
    for (i = 0; i < pl->n; i++) {
        pl->names[i] = virStoragePoolGetName(pl->pools[i]);
        pl->active[i] = virStoragePoolIsActive(pl->pools[i]) == 1;
    }
    return 0;
}

/* Free the pool list. */
void
cc_free_pools(pool_list *pl)
{
    int i;

    for (i = 0; i < pl->n; i++)
        virStoragePoolFree(pl->pools[i]);
    free(pl->pools);
    free(pl->names);
    free(pl->active);
}

/* The pool called name in pl, or NULL. */
virStoragePoolPtr
cc_find_pool(const pool_list *pl, const char *name)
{
    int i;

    for (i = 0; i < pl->n; i++) {
        if (strcmp(pl->names[i], name) == 0)
            return pl->pools[i];
    }
    return NULL;
}

/* Check that pool holds (or, for a new volume, does not hold) volume;
 * returns the volume's format in *fmt for an existing one. 0 or 1. */
int
cc_check_pool_volume(const pool_list *pl, const char *pool, const char *volume,
                  bool want_existing, vd_disk_format *fmt)
{
    virStoragePoolPtr p;
    virStorageVolPtr vol;

    if (cc_report(vd_check_pool(pool, pl->names, pl->active, (size_t)pl->n)))
        return 1;
    p = cc_find_pool(pl, pool);
    /* a pool may have changed behind libvirt's back */
    if (virStoragePoolRefresh(p, 0) < 0)
        virResetLastError();
    vol = virStorageVolLookupByName(p, volume);
    virResetLastError();
    if (vol && fmt)
        *fmt = cc_volume_format(vol);
    if (cc_report(vd_check_volume_name(volume, pool, vol != NULL, want_existing))) {
        if (vol)
            virStorageVolFree(vol);
        return 1;
    }
    if (vol)
        virStorageVolFree(vol);
    return 0;
}

/* The names of the host's domains (into *names, caller frees the
 * strings and the array). Returns the count or -1. */
int
cc_domain_names(virConnectPtr conn, char ***names)
{
    virDomainPtr *doms = NULL;
    int i, n;

    *names = NULL;
    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0)
        return -1;
    *names = calloc(n + 1, sizeof(**names));
    for (i = 0; i < n; i++) {
        if (*names)
            (*names)[i] = strdup(virDomainGetName(doms[i]));
        virDomainFree(doms[i]);
    }
    free(doms);
    return *names ? n : -1;
}

/* Fill kernel and initrd of a --location that is a local directory
 * from the usual layouts of install trees. */
void
cc_find_tree_kernel(vd_install_spec *in, bool local)
{
    static const char *const layouts[][2] = {
        { "images/pxeboot/vmlinuz", "images/pxeboot/initrd.img" },   /* Fedora, RHEL */
        { "install.amd/vmlinuz", "install.amd/initrd.gz" },          /* Debian */
        { "casper/vmlinuz", "casper/initrd" },                        /* Ubuntu */
        { "boot/x86_64/loader/linux", "boot/x86_64/loader/initrd" },  /* openSUSE */
        { "linux", "initrd.gz" },                                     /* netboot dir */
    };
    char *k = NULL, *i = NULL;
    struct stat st;
    size_t n;

    if (!in->location || in->location[0] != '/')
        return;
    /* relative kernel=/initrd= are inside the tree */
    if (in->kernel && in->kernel[0] != '/' && asprintf(&k, "%s/%s", in->location, in->kernel) >= 0) {
        free(in->kernel);
        in->kernel = k;
        k = NULL;
    }
    if (in->initrd && in->initrd[0] != '/' && asprintf(&i, "%s/%s", in->location, in->initrd) >= 0) {
        free(in->initrd);
        in->initrd = i;
        i = NULL;
    }
    if ((in->kernel && in->initrd) || !local)
        return;
    for (n = 0; n < sizeof(layouts) / sizeof(layouts[0]); n++) {
        if (asprintf(&k, "%s/%s", in->location, layouts[n][0]) < 0)
            return;
        if (asprintf(&i, "%s/%s", in->location, layouts[n][1]) < 0) {
            free(k);
            return;
        }
        if (stat(k, &st) == 0 && stat(i, &st) == 0) {
            if (!in->kernel) {
                in->kernel = k;
                k = NULL;
            }
            if (!in->initrd) {
                in->initrd = i;
                i = NULL;
            }
        }
        free(k);
        free(i);
        k = i = NULL;
        if (in->kernel && in->initrd)
            return;
    }
}

/* The target directory of a pool (from its XML), or NULL. Caller frees. */
static char *
pool_dir(virStoragePoolPtr pool)
{
    char *xml = virStoragePoolGetXMLDesc(pool, 0), *dir = NULL;

    if (!xml) {
        virResetLastError();
        return NULL;
    }
    dir = vd_xr_doc_str(xml, "string(/pool[@type='dir' or @type='fs' or @type='netfs']"
                             "/target/path)");
    free(xml);
    return dir;
}

/* A disk path= of a file that does not exist yet, with size=: make it a
 * new volume of the pool whose directory holds it. 0 or 1. */
static int
path_to_pool_volume(const pool_list *pl, vd_disk_spec *d)
{
    const char *slash = strrchr(d->path, '/');
    char *dir = strndup(d->path, slash > d->path ? (size_t)(slash - d->path) : 1);
    const char *pool = NULL;
    int i;

    if (!dir)
        return cc_fail("out of memory");
    for (i = 0; i < pl->n && !pool; i++) {
        char *pdir = pool_dir(pl->pools[i]);
        size_t len = pdir ? strlen(pdir) : 0;
        while (len > 1 && pdir[len - 1] == '/')
            pdir[--len] = '\0';
        if (pdir && strcmp(pdir, dir) == 0)
            pool = pl->names[i];
        free(pdir);
    }
    if (!pool) {
        cc_fail("--disk: no storage pool has the directory %s, so %s cannot be "
             "created there: define a pool for it (virsh pool-define-as NAME "
             "dir --target %s) or use pool=POOL,size=GiB", dir, d->path, dir);
        free(dir);
        return 1;
    }
    free(dir);
    if (!slash[1])
        return cc_fail("--disk: path %s names no file", d->path);
    if (d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;       /* as virt-install, whatever the name */
    if (vd_spec_set(&d->volume, slash + 1) < 0 || vd_spec_set(&d->pool, pool) < 0)
        return cc_fail("out of memory");
    free(d->path);
    d->path = NULL;
    d->kind = VD_DISK_NEW_VOLUME;
    return 0;
}

/* backing_store=VOLUME of a new disk: a volume of the same pool (or a
 * path of a volume); its path and format go into the disk, and its size
 * when size= is not given. 0 or 1. */
static int
resolve_backing(virConnectPtr conn, const pool_list *pl, vd_disk_spec *d)
{
    virStoragePoolPtr p = cc_find_pool(pl, d->pool);
    virStorageVolPtr vol;
    virStorageVolInfo info;
    char *path;
    int fmt;

    vol = d->backing[0] == '/' ? virStorageVolLookupByPath(conn, d->backing)
        : p ? virStorageVolLookupByName(p, d->backing) : NULL;
    if (!vol) {
        virResetLastError();
        return cc_fail("--disk: backing_store: pool '%s' has no volume '%s'",
                    d->pool, d->backing);
    }
    path = virStorageVolGetPath(vol);
    fmt = cc_volume_format(vol);
    if (virStorageVolGetInfo(vol, &info) == 0 && d->size_bytes == 0)
        d->size_bytes = info.capacity;
    virStorageVolFree(vol);
    virResetLastError();
    if (!path)
        return cc_fail("--disk: backing_store: the path of '%s' is unknown", d->backing);
    free(d->backing);
    d->backing = path;
    d->backing_format = fmt == VD_FMT_UNSET ? VD_FMT_RAW : fmt;
    if (d->format != VD_FMT_QCOW2)
        return cc_fail("--disk: backing_store= needs format=qcow2 for the new disk");
    return 0;
}

/* One disk against the host (idx 0 is the main disk). 0 or 1. */
static int
check_disk_host(virConnectPtr conn, bool local, const pool_list *pl,
                vd_domain_spec *spec, vd_disk_spec *d, int idx,
                const create_opts *o)
{
    if (d->kind == VD_DISK_PATH && idx < MAX_DEVS && o->path_new[idx]) {
        if (cc_host_has_file(conn, local, d->path, NULL))
            return cc_fail("--disk: %s exists already: drop size= to use it as "
                        "it is", d->path);
        if (path_to_pool_volume(pl, d))
            return 1;
    }
    switch (d->kind) {
    case VD_DISK_NEW_VOLUME: {
        virStoragePoolInfo info;
        char *volname = NULL;
        virStoragePoolPtr p;
        size_t j;

        if (idx > 0 && !d->volume &&
            asprintf(&d->volume, "%s-%d.%s", spec->name, idx,
                     d->format == VD_FMT_RAW ? "img" : "qcow2") < 0) {
            d->volume = NULL;
            return cc_fail("out of memory");
        }
        volname = idx == 0 ? vd_spec_new_volume_name(spec) : strdup(d->volume);
        if (!volname)
            return cc_fail("out of memory");
        /* two new disks of one name in one pool */
        for (j = 0; idx > 0 && j < spec->n_more_disks &&
                    &spec->more_disks[j] != d; j++) {
            const vd_disk_spec *e = &spec->more_disks[j];
            if (e->kind == VD_DISK_NEW_VOLUME && strcmp(e->pool, d->pool) == 0 &&
                e->volume && strcmp(e->volume, volname) == 0) {
                cc_fail("--disk: two new disks are called '%s' in pool '%s'",
                     volname, d->pool);
                free(volname);
                return 1;
            }
        }
        if (idx > 0 && spec->disk.kind == VD_DISK_NEW_VOLUME &&
            strcmp(spec->disk.pool, d->pool) == 0) {
            char *main = vd_spec_new_volume_name(spec);
            bool same = main && strcmp(main, volname) == 0;
            free(main);
            if (same) {
                cc_fail("--disk: two new disks are called '%s' in pool '%s'",
                     volname, d->pool);
                free(volname);
                return 1;
            }
        }
        if (cc_check_pool_volume(pl, d->pool, volname, false, NULL)) {
            free(volname);
            return 1;
        }
        free(volname);
        if (d->backing && resolve_backing(conn, pl, d))
            return 1;
        p = cc_find_pool(pl, d->pool);
        if (virStoragePoolGetInfo(p, &info) < 0)
            return cc_fail("pool '%s': %s", d->pool, cc_virt_error());
        /* a disk on a backing image starts (nearly) empty */
        if (!d->backing && cc_report(vd_check_disk_size(d->size_bytes, d->pool,
                                                     info.available, true)))
            return 1;
        return 0;
    }
    case VD_DISK_VOLUME:
        return cc_check_pool_volume(pl, d->pool, d->volume, true, &d->format);
    case VD_DISK_PATH: {
        const char *dot = strrchr(d->path, '.');
        if (dot && (strcmp(dot, ".qcow2") == 0 || strcmp(dot, ".qcow") == 0))
            d->format = VD_FMT_QCOW2;
        return cc_report(vd_check_host_path(d->path,
                                         cc_host_has_file(conn, local, d->path,
                                                       &d->format)));
    }
    default:
        return 0;
    }
}

/* One NIC's network against the host. 0 or 1. */
static int
check_network_host(virConnectPtr conn, const vd_net_spec *net)
{
    virNetworkPtr *nets = NULL;
    const char **nnames;
    bool *active;
    int i, n, bad;

    if (net->kind != VD_NET_NETWORK)
        return 0;
    if ((n = virConnectListAllNetworks(conn, &nets, 0)) < 0)
        return cc_fail("cannot list the networks: %s", cc_virt_error());
    nnames = calloc(n + 1, sizeof(*nnames));
    active = calloc(n + 1, sizeof(*active));
    for (i = 0; nnames && active && i < n; i++) {
        nnames[i] = virNetworkGetName(nets[i]);
        active[i] = virNetworkIsActive(nets[i]) == 1;
    }
    bad = nnames && active
        ? cc_report(vd_check_network(net->source, nnames, active, (size_t)n))
        : cc_fail("out of memory");
    for (i = 0; i < n; i++)
        virNetworkFree(nets[i]);
    free(nets);
    free(nnames);
    free(active);
    return bad;
}

/* One --host-device value: find it among the host's node devices and
 * write its canonical form ("0000:00:19.0" or "0x1d6b:0x0002") into
 * *canon (caller frees). 0 or 1. */
static int
resolve_hostdev(virConnectPtr conn, const char *v, char **canon)
{
    unsigned int a = 0, b, c, e;
    char name[64], tail, *who;
    virNodeDevicePtr dev = NULL;
    vd_nodedev nd = { 0 };

    *canon = NULL;
    if (sscanf(v, "%x:%x:%x.%x%c", &a, &b, &c, &e, &tail) == 4 ||
        (a = 0, sscanf(v, "%x:%x.%x%c", &b, &c, &e, &tail) == 3)) {
        snprintf(name, sizeof(name), "pci_%04x_%02x_%02x_%x", a, b, c, e);
    } else if (sscanf(v, "0x%x:0x%x%c", &a, &b, &tail) == 2 ||
               sscanf(v, "%u.%u%c", &a, &b, &tail) == 2) {
        bool by_id = v[0] == '0' && v[1] == 'x';
        virNodeDevicePtr *devs = NULL;
        int i, n = virConnectListAllNodeDevices(conn, &devs,
                                                VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV);
        for (i = 0; i < n; i++) {
            if (!dev && vd_nodedev_read(devs[i], &nd) == 0 &&
                (by_id ? nd.num[2] == (long)a && nd.num[3] == (long)b
                       : nd.num[0] == (long)a && nd.num[1] == (long)b)) {
                dev = devs[i];
                continue;
            }
            vd_nodedev_clear(&nd);
            virNodeDeviceFree(devs[i]);
        }
        free(devs);
        virResetLastError();
        if (!dev)
            return cc_fail("--host-device: the host has no USB device %s "
                        "(virsh nodedev-list --cap usb_device)", v);
        snprintf(name, sizeof(name), "%s", virNodeDeviceGetName(dev));
    } else {
        snprintf(name, sizeof(name), "%s", v);
    }
    if (!dev && !(dev = virNodeDeviceLookupByName(conn, name))) {
        virResetLastError();
        return cc_fail("--host-device: the host has no device %s (virsh "
                    "nodedev-list lists them)", v);
    }
    vd_nodedev_clear(&nd);
    if (vd_nodedev_read(dev, &nd) < 0) {
        virNodeDeviceFree(dev);
        return cc_fail("--host-device: %s is not a PCI or USB device", v);
    }
    virNodeDeviceFree(dev);
    who = vd_hostdev_user(conn, &nd);
    if (who) {
        cc_fail("--host-device: %s is in use: domain '%s' has it", v, who);
        free(who);
        vd_nodedev_clear(&nd);
        return 1;
    }
    *canon = nd.value;
    nd.value = NULL;
    vd_nodedev_clear(&nd);
    return 0;
}

/* Every --host-device of spec resolved on the host (see above). 0 or 1. */
static int
resolve_hostdevs(virConnectPtr conn, vd_domain_spec *spec)
{
    size_t i, j;

    for (i = 0; i < spec->n_devopts; i++) {
        char *canon = NULL, *opt = NULL;
        if (strncmp(spec->devopts[i], "hostdev:", 8) != 0)
            continue;
        if (resolve_hostdev(conn, spec->devopts[i] + 8, &canon))
            return 1;
        for (j = 0; j < i; j++) {
            if (strncmp(spec->devopts[j], "hostdev:", 8) == 0 &&
                strcmp(spec->devopts[j] + 8, canon) == 0) {
                cc_fail("--host-device: %s is given twice", spec->devopts[i] + 8);
                free(canon);
                return 1;
            }
        }
        if (asprintf(&opt, "hostdev:%s", canon) < 0) {
            free(canon);
            return cc_fail("out of memory");
        }
        free(canon);
        free(spec->devopts[i]);
        spec->devopts[i] = opt;
    }
    return 0;
}

/* Check every field against the host. 0 or 1 (message printed). */
int
cc_check_against_host(virConnectPtr conn, const char *uri, vd_domain_spec *spec,
                   const vd_host_caps *caps, create_opts *o)
{
    size_t j;
    bool local = cc_uri_is_local(uri);
    pool_list pl = { 0 };
    char **names = NULL;
    int ndoms, i, ret = 1;
    virNodeInfo node;

    if ((ndoms = cc_domain_names(conn, &names)) < 0)
        return cc_fail("cannot list the domains: %s", cc_virt_error());
    if (cc_report(vd_check_name(spec->name, (const char *const *)names,
                             (size_t)ndoms)))
        goto cleanup;
    if (cc_report(vd_check_vcpus(spec->vcpus, caps ? caps->max_vcpus : 0)))
        goto cleanup;
    if (virNodeGetInfo(conn, &node) < 0) {
        cc_fail("cannot read the host's memory: %s", cc_virt_error());
        goto cleanup;
    }
    if (cc_report(vd_check_memory(spec->memory_mib, node.memory / 1024)))
        goto cleanup;

    if (cc_read_pools(conn, &pl) < 0)
        goto cleanup;
    switch (spec->install.kind) {
    case VD_INSTALL_CDROM_VOLUME:
        if (cc_check_pool_volume(&pl, spec->install.pool, spec->install.volume,
                              true, NULL))
            goto cleanup;
        break;
    case VD_INSTALL_CDROM_PATH:
        if (cc_report(vd_check_host_path(spec->install.path,
                                      cc_host_has_file(conn, local,
                                                    spec->install.path, NULL))))
            goto cleanup;
        break;
    case VD_INSTALL_LOCATION:
        if (cc_report(vd_check_location(spec->install.location)))
            goto cleanup;
        cc_find_tree_kernel(&spec->install, local);
        if (!spec->install.kernel || !spec->install.initrd) {
            cc_fail("--location: give kernel=PATH,initrd=PATH (files on the host): "
                 "virtdeck does not download install trees");
            goto cleanup;
        }
        if (cc_report(vd_check_host_path(spec->install.kernel,
                                      cc_host_has_file(conn, local, spec->install.kernel, NULL))) ||
            cc_report(vd_check_host_path(spec->install.initrd,
                                      cc_host_has_file(conn, local, spec->install.initrd, NULL))))
            goto cleanup;
        break;
    default:
        break;
    }

    if (check_disk_host(conn, local, &pl, spec, &spec->disk, 0, o))
        goto cleanup;
    for (j = 0; j < spec->n_more_disks; j++) {
        if (check_disk_host(conn, local, &pl, spec, &spec->more_disks[j],
                            (int)j + 1, o))
            goto cleanup;
    }
    if (check_network_host(conn, &spec->net))
        goto cleanup;
    for (j = 0; j < spec->n_more_nets; j++) {
        if (check_network_host(conn, &spec->more_nets[j]))
            goto cleanup;
    }
    if (resolve_hostdevs(conn, spec))
        goto cleanup;
    if (cc_report(vd_check_firmware(spec->firmware, caps)))
        goto cleanup;
    ret = 0;

 cleanup:
    for (i = 0; names && i < ndoms; i++)
        free(names[i]);
    free(names);
    cc_free_pools(&pl);
    return ret;
}
