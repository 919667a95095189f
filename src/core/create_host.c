/*
 * create_host.c: a new domain's spec against its host (create_host.h):
 * capabilities, files and volumes, names in use, memory, pools,
 * networks, host devices (found among the node devices, not in use by
 * another domain), firmware.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/create.h"
#include "virtdeck/create_host.h"
#include "core/errors.h"
#include "core/uri.h"
#include "core/xml_read.h"

/* The host's pools: names and active flags. */
typedef struct pool_list {
    virStoragePoolPtr *pools;
    const char **names;
    bool *active;
    int n;
} pool_list;

/* *err = what (a printf format) followed by libvirt's last message. -1. */
static int __attribute__((format(printf, 2, 3)))
say_libvirt(char **err, const char *fmt, ...)
{
    char *what = NULL, *m = vd_err_take("unknown libvirt error");
    va_list ap;

    va_start(ap, fmt);
    if (vasprintf(&what, fmt, ap) < 0)
        what = NULL;
    va_end(ap);
    vd_err_say(err, "%s: %s", what ? what : "", m);
    free(what);
    free(m);
    return -1;
}

/* A validator's message (if any) into *err. -1 when there was one, 0
 * when the field is fine. */
static int
report(char **err, vd_check_msg *msg)
{
    if (!msg)
        return 0;
    free(*err);
    *err = msg;
    return -1;
}

/* See create_host.h. */
char *
vd_volume_format_word(virStorageVolPtr vol)
{
    char *xml = virStorageVolGetXMLDesc(vol, 0);
    char *out = xml ? vd_xr_doc_str(xml, "string(/volume/target/format/@type)")
                    : NULL;

    if (!xml)
        virResetLastError();
    free(xml);
    return out;
}

/* See create_host.h. */
vd_disk_format
vd_volume_format(virStorageVolPtr vol)
{
    char *type = vd_volume_format_word(vol);
    int v = type ? vd_disk_format_parse(type) : -1;

    free(type);
    return v > 0 ? (vd_disk_format)v : VD_FMT_UNSET;
}

/* See create_host.h. */
int
vd_host_path_state(virConnectPtr conn, bool local, const char *path,
                   vd_disk_format *format)
{
    virStorageVolPtr vol = virStorageVolLookupByPath(conn, path);
    struct stat st;

    if (vol) {
        vd_disk_format fmt = format ? vd_volume_format(vol) : VD_FMT_UNSET;
        if (fmt != VD_FMT_UNSET)
            *format = fmt;
        virStorageVolFree(vol);
        return 1;
    }
    virResetLastError();
    if (!local)
        return -1;
    return stat(path, &st) == 0 ? 1 : 0;
}

/* Whether the host has a file at path, taking "cannot tell" (remote) as
 * yes. */
static bool
host_has_file(virConnectPtr conn, bool local, const char *path,
              vd_disk_format *format)
{
    return vd_host_path_state(conn, local, path, format) != 0;
}

/* See create_host.h. */
bool
vd_create_caps_read(virConnectPtr conn, const char *arch, const char *machine,
                    bool virt_type_given, vd_virt_type *virt_type,
                    vd_host_caps *caps, char **err)
{
    const char *hv = virConnectGetType(conn);
    bool x86 = !arch || strcmp(arch, "x86_64") == 0 || strcmp(arch, "i686") == 0;
    char *why = NULL;

    if (!hv || strcasecmp(hv, "QEMU") != 0) {
        virResetLastError();
        if (!virt_type_given && hv && strcasecmp(hv, "TEST") == 0)
            *virt_type = VD_VIRT_TEST;
        return false;
    }
    /* Prefer q35 on x86, as virt-manager does; fall back to the default
     * machine where q35 is missing. */
    for (;;) {
        if (vd_domcaps_read(conn, vd_virt_type_name(*virt_type), arch,
                            machine ? machine : x86 ? "q35" : NULL,
                            caps, &why) == 0)
            break;
        if (!machine && x86) {
            free(why);
            why = NULL;
            if (vd_domcaps_read(conn, vd_virt_type_name(*virt_type), arch,
                                NULL, caps, &why) == 0)
                break;
        }
        if (!virt_type_given && *virt_type == VD_VIRT_KVM) {
            *virt_type = VD_VIRT_QEMU;  /* no KVM: plain emulation */
            free(why);
            why = NULL;
            continue;
        }
        if (err) {
            free(*err);
            *err = why;
        } else {
            free(why);
        }
        return false;
    }
    free(why);
    return true;
}

/* Read the pools. 0 or -1. */
static int
read_pools(virConnectPtr conn, pool_list *pl, char **err)
{
    int i;

    memset(pl, 0, sizeof(*pl));
    if ((pl->n = virConnectListAllStoragePools(conn, &pl->pools, 0)) < 0) {
        pl->n = 0;
        return say_libvirt(err, "cannot list the storage pools");
    }
    pl->names = calloc(pl->n + 1, sizeof(*pl->names));
    pl->active = calloc(pl->n + 1, sizeof(*pl->active));
    if (!pl->names || !pl->active)
        return vd_err_say(err, "out of memory");
    for (i = 0; i < pl->n; i++) {
        pl->names[i] = virStoragePoolGetName(pl->pools[i]);
        pl->active[i] = virStoragePoolIsActive(pl->pools[i]) == 1;
    }
    return 0;
}

/* Free the pool list. */
static void
free_pools(pool_list *pl)
{
    int i;

    for (i = 0; i < pl->n; i++)
        virStoragePoolFree(pl->pools[i]);
    free(pl->pools);
    free(pl->names);
    free(pl->active);
}

/* The pool called name in pl, or NULL. */
static virStoragePoolPtr
find_pool(const pool_list *pl, const char *name)
{
    int i;

    for (i = 0; name && i < pl->n; i++) {
        if (strcmp(pl->names[i], name) == 0)
            return pl->pools[i];
    }
    return NULL;
}

/* Check that pool holds (or, for a new volume, does not hold) volume;
 * the format of an existing one into *fmt (may be NULL). 0 or -1. */
static int
check_pool_volume(const pool_list *pl, const char *pool, const char *volume,
                  bool want_existing, vd_disk_format *fmt, char **err)
{
    virStoragePoolPtr p;
    virStorageVolPtr vol;
    int ret;

    if (report(err, vd_check_pool(pool, pl->names, pl->active, (size_t)pl->n)))
        return -1;
    p = find_pool(pl, pool);
    /* a pool may have changed behind libvirt's back */
    if (virStoragePoolRefresh(p, 0) < 0)
        virResetLastError();
    vol = virStorageVolLookupByName(p, volume);
    virResetLastError();
    if (vol && fmt)
        *fmt = vd_volume_format(vol);
    ret = report(err, vd_check_volume_name(volume, pool, vol != NULL,
                                           want_existing));
    if (vol)
        virStorageVolFree(vol);
    return ret;
}

/* See create_host.h. */
int
vd_create_check_new_volume(virConnectPtr conn, const char *pool,
                           const char *volume, char **err)
{
    pool_list pl = { 0 };
    int ret = -1;

    if (read_pools(conn, &pl, err) == 0)
        ret = check_pool_volume(&pl, pool, volume, false, NULL, err);
    free_pools(&pl);
    return ret;
}

/* The names of the host's domains (into *names, caller frees the
 * strings and the array). Returns the count or -1. */
static int
domain_names(virConnectPtr conn, char ***names)
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
static void
find_tree_kernel(vd_install_spec *in, bool local)
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
 * new volume of the pool whose directory holds it. 0 or -1. */
static int
path_to_pool_volume(const pool_list *pl, vd_disk_spec *d, char **err)
{
    const char *slash = strrchr(d->path, '/');
    char *dir = strndup(d->path, slash > d->path ? (size_t)(slash - d->path) : 1);
    const char *pool = NULL;
    int i;

    if (!dir)
        return vd_err_say(err, "out of memory");
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
        vd_err_say(err, "--disk: no storage pool has the directory %s, so %s "
                   "cannot be created there: define a pool for it (virsh "
                   "pool-define-as NAME dir --target %s) or use "
                   "pool=POOL,size=GiB", dir, d->path, dir);
        free(dir);
        return -1;
    }
    free(dir);
    if (!slash[1])
        return vd_err_say(err, "--disk: path %s names no file", d->path);
    if (d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;       /* as virt-install, whatever the name */
    if (vd_spec_set(&d->volume, slash + 1) < 0 || vd_spec_set(&d->pool, pool) < 0)
        return vd_err_say(err, "out of memory");
    free(d->path);
    d->path = NULL;
    d->kind = VD_DISK_NEW_VOLUME;
    return 0;
}

/* backing_store=VOLUME of a new disk: a volume of the same pool (or a
 * path of a volume); its path and format go into the disk, and its size
 * when size= is not given. 0 or -1. */
static int
resolve_backing(virConnectPtr conn, const pool_list *pl, vd_disk_spec *d,
                char **err)
{
    virStoragePoolPtr p = find_pool(pl, d->pool);
    virStorageVolPtr vol;
    virStorageVolInfo info;
    char *path;
    vd_disk_format fmt;

    vol = d->backing[0] == '/' ? virStorageVolLookupByPath(conn, d->backing)
        : p ? virStorageVolLookupByName(p, d->backing) : NULL;
    if (!vol) {
        virResetLastError();
        return vd_err_say(err, "--disk: backing_store: pool '%s' has no volume '%s'",
                          d->pool, d->backing);
    }
    path = virStorageVolGetPath(vol);
    fmt = vd_volume_format(vol);
    if (virStorageVolGetInfo(vol, &info) == 0 && d->size_bytes == 0)
        d->size_bytes = info.capacity;
    virStorageVolFree(vol);
    virResetLastError();
    if (!path)
        return vd_err_say(err, "--disk: backing_store: the path of '%s' is unknown",
                          d->backing);
    free(d->backing);
    d->backing = path;
    d->backing_format = fmt == VD_FMT_UNSET ? VD_FMT_RAW : fmt;
    if (d->format != VD_FMT_QCOW2)
        return vd_err_say(err, "--disk: backing_store= needs format=qcow2 for the new disk");
    return 0;
}

/* Whether a new disk before d (the main disk or an earlier further one)
 * is called volname in d's pool. */
static bool
new_name_taken(const vd_domain_spec *spec, const vd_disk_spec *d,
               const char *volname)
{
    char *main;
    bool same;
    size_t j;

    for (j = 0; j < spec->n_more_disks && &spec->more_disks[j] != d; j++) {
        const vd_disk_spec *e = &spec->more_disks[j];
        if (e->kind == VD_DISK_NEW_VOLUME && strcmp(e->pool, d->pool) == 0 &&
            e->volume && strcmp(e->volume, volname) == 0)
            return true;
    }
    if (spec->disk.kind != VD_DISK_NEW_VOLUME || strcmp(spec->disk.pool, d->pool) != 0)
        return false;
    main = vd_spec_new_volume_name(spec);
    same = main && strcmp(main, volname) == 0;
    free(main);
    return same;
}

/* A new volume disk (idx 0 is the main disk) against its pool. 0 or -1. */
static int
check_new_volume_disk(virConnectPtr conn, const pool_list *pl,
                      vd_domain_spec *spec, vd_disk_spec *d, int idx, char **err)
{
    virStoragePoolInfo info;
    char *volname = NULL;
    virStoragePoolPtr p;

    if (idx > 0 && !d->volume &&
        asprintf(&d->volume, "%s-%d.%s", spec->name, idx,
                 d->format == VD_FMT_RAW ? "img" : "qcow2") < 0) {
        d->volume = NULL;
        return vd_err_say(err, "out of memory");
    }
    volname = idx == 0 ? vd_spec_new_volume_name(spec) : strdup(d->volume);
    if (!volname)
        return vd_err_say(err, "out of memory");
    /* two new disks of one name in one pool */
    if (idx > 0 && new_name_taken(spec, d, volname)) {
        vd_err_say(err, "--disk: two new disks are called '%s' in pool '%s'",
                   volname, d->pool);
        free(volname);
        return -1;
    }
    if (check_pool_volume(pl, d->pool, volname, false, NULL, err)) {
        free(volname);
        return -1;
    }
    free(volname);
    if (d->backing && resolve_backing(conn, pl, d, err))
        return -1;
    p = find_pool(pl, d->pool);
    if (virStoragePoolGetInfo(p, &info) < 0)
        return say_libvirt(err, "pool '%s'", d->pool);
    /* a disk on a backing image starts (nearly) empty */
    if (!d->backing)
        return report(err, vd_check_disk_size(d->size_bytes, d->pool,
                                              info.available, true));
    return 0;
}

/* One disk against the host (idx 0 is the main disk). 0 or -1. */
static int
check_disk_host(virConnectPtr conn, bool local, const pool_list *pl,
                vd_domain_spec *spec, vd_disk_spec *d, int idx, bool path_new,
                char **err)
{
    if (d->kind == VD_DISK_PATH && path_new) {
        if (host_has_file(conn, local, d->path, NULL))
            return vd_err_say(err, "--disk: %s exists already: drop size= to "
                              "use it as it is", d->path);
        if (path_to_pool_volume(pl, d, err))
            return -1;
    }
    switch (d->kind) {
    case VD_DISK_NEW_VOLUME:
        return check_new_volume_disk(conn, pl, spec, d, idx, err);
    case VD_DISK_VOLUME:
        return check_pool_volume(pl, d->pool, d->volume, true, &d->format, err);
    case VD_DISK_PATH: {
        const char *dot = strrchr(d->path, '.');
        if (dot && (strcmp(dot, ".qcow2") == 0 || strcmp(dot, ".qcow") == 0))
            d->format = VD_FMT_QCOW2;
        return report(err, vd_check_host_path(d->path,
                                              host_has_file(conn, local, d->path,
                                                            &d->format)));
    }
    default:
        return 0;
    }
}

/* One NIC's network against the host. 0 or -1. */
static int
check_network_host(virConnectPtr conn, const vd_net_spec *net, char **err)
{
    virNetworkPtr *nets = NULL;
    const char **nnames;
    bool *active;
    int i, n, bad;

    if (net->kind != VD_NET_NETWORK)
        return 0;
    if ((n = virConnectListAllNetworks(conn, &nets, 0)) < 0)
        return say_libvirt(err, "cannot list the networks");
    nnames = calloc(n + 1, sizeof(*nnames));
    active = calloc(n + 1, sizeof(*active));
    for (i = 0; nnames && active && i < n; i++) {
        nnames[i] = virNetworkGetName(nets[i]);
        active[i] = virNetworkIsActive(nets[i]) == 1;
    }
    bad = nnames && active
        ? report(err, vd_check_network(net->source, nnames, active, (size_t)n))
        : vd_err_say(err, "out of memory");
    for (i = 0; i < n; i++)
        virNetworkFree(nets[i]);
    free(nets);
    free(nnames);
    free(active);
    return bad;
}

/* The USB node device v names: by vendor:product ("0x1d6b:0x0002") or
 * by bus.device ("1.2"), read into *nd; NULL when the host has none. */
static virNodeDevicePtr
find_usb_dev(virConnectPtr conn, const char *v, unsigned int a,
             unsigned int b, vd_nodedev *nd)
{
    bool by_id = v[0] == '0' && v[1] == 'x';
    virNodeDevicePtr *devs = NULL, dev = NULL;
    int i, n = virConnectListAllNodeDevices(conn, &devs,
                                            VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV);

    for (i = 0; i < n; i++) {
        if (!dev && vd_nodedev_read(devs[i], nd) == 0 &&
            (by_id ? nd->num[2] == (long)a && nd->num[3] == (long)b
                   : nd->num[0] == (long)a && nd->num[1] == (long)b)) {
            dev = devs[i];
            continue;
        }
        vd_nodedev_clear(nd);
        virNodeDeviceFree(devs[i]);
    }
    free(devs);
    virResetLastError();
    return dev;
}

/* One --host-device value: find it among the host's node devices and
 * write its canonical form ("0000:00:19.0" or "0x1d6b:0x0002") into
 * *canon (caller frees). 0 or -1. */
static int
resolve_hostdev(virConnectPtr conn, const char *v, char **canon, char **err)
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
        if (!(dev = find_usb_dev(conn, v, a, b, &nd)))
            return vd_err_say(err, "--host-device: the host has no USB device %s "
                              "(virsh nodedev-list --cap usb_device)", v);
        snprintf(name, sizeof(name), "%s", virNodeDeviceGetName(dev));
    } else {
        snprintf(name, sizeof(name), "%s", v);
    }
    if (!dev && !(dev = virNodeDeviceLookupByName(conn, name))) {
        virResetLastError();
        return vd_err_say(err, "--host-device: the host has no device %s (virsh "
                          "nodedev-list lists them)", v);
    }
    vd_nodedev_clear(&nd);
    if (vd_nodedev_read(dev, &nd) < 0) {
        virNodeDeviceFree(dev);
        return vd_err_say(err, "--host-device: %s is not a PCI or USB device", v);
    }
    virNodeDeviceFree(dev);
    who = vd_hostdev_user(conn, &nd);
    if (who) {
        vd_err_say(err, "--host-device: %s is in use: domain '%s' has it", v, who);
        free(who);
        vd_nodedev_clear(&nd);
        return -1;
    }
    *canon = nd.value;
    nd.value = NULL;
    vd_nodedev_clear(&nd);
    return 0;
}

/* Every --host-device of spec resolved on the host (see above). 0 or -1. */
static int
resolve_hostdevs(virConnectPtr conn, vd_domain_spec *spec, char **err)
{
    size_t i, j;

    for (i = 0; i < spec->n_devopts; i++) {
        char *canon = NULL, *opt = NULL;
        if (strncmp(spec->devopts[i], "hostdev:", 8) != 0)
            continue;
        if (resolve_hostdev(conn, spec->devopts[i] + 8, &canon, err))
            return -1;
        for (j = 0; j < i; j++) {
            if (strncmp(spec->devopts[j], "hostdev:", 8) == 0 &&
                strcmp(spec->devopts[j] + 8, canon) == 0) {
                vd_err_say(err, "--host-device: %s is given twice",
                           spec->devopts[i] + 8);
                free(canon);
                return -1;
            }
        }
        if (asprintf(&opt, "hostdev:%s", canon) < 0) {
            free(canon);
            return vd_err_say(err, "out of memory");
        }
        free(canon);
        free(spec->devopts[i]);
        spec->devopts[i] = opt;
    }
    return 0;
}

/* A file of the install source (what: the path) on the host. 0 or -1. */
static int
check_install_file(virConnectPtr conn, bool local, const char *path, char **err)
{
    return report(err, vd_check_host_path(path, host_has_file(conn, local, path,
                                                              NULL)));
}

/* The install source against the host. 0 or -1. */
static int
check_install_host(virConnectPtr conn, bool local, const pool_list *pl,
                   vd_install_spec *in, char **err)
{
    switch (in->kind) {
    case VD_INSTALL_CDROM_VOLUME:
        return check_pool_volume(pl, in->pool, in->volume, true, NULL, err);
    case VD_INSTALL_CDROM_PATH:
        return check_install_file(conn, local, in->path, err);
    case VD_INSTALL_LOCATION:
        if (report(err, vd_check_location(in->location)))
            return -1;
        find_tree_kernel(in, local);
        if (!in->kernel || !in->initrd)
            return vd_err_say(err, "--location: give kernel=PATH,initrd=PATH "
                              "(files on the host): virtdeck does not "
                              "download install trees");
        if (check_install_file(conn, local, in->kernel, err) ||
            check_install_file(conn, local, in->initrd, err))
            return -1;
        return 0;
    default:
        return 0;
    }
}

/* See create_host.h. */
int
vd_create_check_host(virConnectPtr conn, vd_domain_spec *spec,
                     const vd_host_caps *caps, const bool *path_new,
                     size_t npath_new, char **err)
{
    bool local = vd_conn_is_local(conn);
    pool_list pl = { 0 };
    char **names = NULL;
    int ndoms, i, ret = -1;
    virNodeInfo node;
    size_t j;

    if ((ndoms = domain_names(conn, &names)) < 0)
        return say_libvirt(err, "cannot list the domains");
    if (report(err, vd_check_name(spec->name, (const char *const *)names,
                                  (size_t)ndoms)) ||
        report(err, vd_check_vcpus(spec->vcpus, caps ? caps->max_vcpus : 0)))
        goto cleanup;
    if (virNodeGetInfo(conn, &node) < 0) {
        say_libvirt(err, "cannot read the host's memory");
        goto cleanup;
    }
    if (report(err, vd_check_memory(spec->memory_mib, node.memory / 1024)))
        goto cleanup;

    if (read_pools(conn, &pl, err) < 0 ||
        check_install_host(conn, local, &pl, &spec->install, err))
        goto cleanup;
    for (j = 0; j <= spec->n_more_disks; j++) {
        vd_disk_spec *d = j == 0 ? &spec->disk : &spec->more_disks[j - 1];
        if (check_disk_host(conn, local, &pl, spec, d, (int)j,
                            path_new && j < npath_new && path_new[j], err))
            goto cleanup;
    }
    for (j = 0; j <= spec->n_more_nets; j++) {
        if (check_network_host(conn, j == 0 ? &spec->net : &spec->more_nets[j - 1],
                               err))
            goto cleanup;
    }
    if (resolve_hostdevs(conn, spec, err) ||
        report(err, vd_check_firmware(spec->firmware, caps)))
        goto cleanup;
    ret = 0;

 cleanup:
    for (i = 0; names && i < ndoms; i++)
        free(names[i]);
    free(names);
    free_pools(&pl);
    return ret;
}
