/*
 * validate.c: one checker per field of a new domain, each returning a
 * plain message for the user or NULL. Pure: host facts are arguments.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "virtdeck/check.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"

/* Whether s is NULL or "". */
static bool
empty(const char *s)
{
    return !s || !*s;
}

/* Whether s holds an ASCII control character (tab and newline too). */
static bool
has_control(const char *s)
{
    for (; *s; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    }
    return false;
}

/* bytes as GiB for a message: "20", "9.5", "0.25". */
static void
fmt_gib(unsigned long long bytes, char *buf, size_t len)
{
    size_t n;

    if (bytes % VD_GIB == 0) {
        snprintf(buf, len, "%llu", bytes / VD_GIB);
        return;
    }
    snprintf(buf, len, "%.2f", (double)bytes / (double)VD_GIB);
    n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
}

/* The vCPU count. */
vd_check_msg *
vd_check_vcpus(unsigned int vcpus, unsigned int max)
{
    if (vcpus < 1)
        return vd_check_msgf("vCPUs must be at least 1");
    if (max && vcpus > max)
        return vd_check_msgf("%u vCPUs is more than the %u this host allows", vcpus, max);
    return NULL;
}

/* Memory in MiB. */
vd_check_msg *
vd_check_memory(unsigned long long mib, unsigned long long host_mib)
{
    if (mib < 1)
        return vd_check_msgf("memory must be at least 1 MiB");
    if (host_mib && mib > host_mib)
        return vd_check_msgf("memory %llu MiB is more than the host's %llu MiB",
                   mib, host_mib);
    return NULL;
}

/* A new disk's size. */
vd_check_msg *
vd_check_disk_size(unsigned long long bytes, const char *pool,
                   unsigned long long avail, bool avail_known)
{
    char want[32], have[32];

    if (bytes == 0)
        return vd_check_msgf("disk size must be more than 0 GiB");
    if (avail_known && bytes > avail) {
        fmt_gib(bytes, want, sizeof(want));
        fmt_gib(avail, have, sizeof(have));
        return vd_check_msgf("%s GiB is more than the %s GiB free in pool '%s'",
                   want, have, pool ? pool : "");
    }
    return NULL;
}

/* A pool name. */
vd_check_msg *
vd_check_pool(const char *pool, const char *const *names, const bool *active,
              size_t n)
{
    size_t i;

    if (empty(pool))
        return vd_check_msgf("choose a storage pool");
    for (i = 0; i < n; i++) {
        if (names[i] && strcmp(names[i], pool) == 0) {
            if (active && !active[i])
                return vd_check_msgf("pool '%s' is not active", pool);
            return NULL;
        }
    }
    return vd_check_msgf("there is no pool '%s' on this host", pool);
}

/* A volume name in a pool. */
vd_check_msg *
vd_check_volume_name(const char *name, const char *pool, bool exists,
                     bool want_existing)
{
    if (empty(name))
        return vd_check_msgf("volume name is required");
    if (strchr(name, '/'))
        return vd_check_msgf("volume name may not contain '/'");
    if (has_control(name))
        return vd_check_msgf("volume name may not contain control characters");
    if (exists && !want_existing)
        return vd_check_msgf("pool '%s' already has a volume '%s'", pool ? pool : "",
                   name);
    if (!exists && want_existing)
        return vd_check_msgf("pool '%s' has no volume '%s'", pool ? pool : "", name);
    return NULL;
}

/* A path on the host. */
vd_check_msg *
vd_check_host_path(const char *path, bool exists)
{
    if (empty(path))
        return vd_check_msgf("path is required");
    if (path[0] != '/')
        return vd_check_msgf("path '%s' is not absolute (it must start with '/')", path);
    if (has_control(path))
        return vd_check_msgf("path may not contain control characters");
    if (!exists)
        return vd_check_msgf("no file at %s", path);
    return NULL;
}

/* A virtual network. */
vd_check_msg *
vd_check_network(const char *net, const char *const *names,
                 const bool *active, size_t n)
{
    size_t i;

    if (empty(net))
        return vd_check_msgf("choose a network");
    for (i = 0; i < n; i++) {
        if (names[i] && strcmp(names[i], net) == 0) {
            if (active && !active[i])
                return vd_check_msgf("network '%s' is not active", net);
            return NULL;
        }
    }
    return vd_check_msgf("there is no network '%s' on this host", net);
}

/* A host interface or bridge name. */
vd_check_msg *
vd_check_ifname(const char *ifname)
{
    const char *p;

    if (empty(ifname))
        return vd_check_msgf("interface name is required");
    if (strlen(ifname) > 15)
        return vd_check_msgf("interface name '%s' is longer than 15 characters", ifname);
    for (p = ifname; *p; p++) {
        if (*p == '/' || *p == ':' || isspace((unsigned char)*p) ||
            (unsigned char)*p < 0x20)
            return vd_check_msgf("interface name may not contain '/', ':' or blanks");
    }
    return NULL;
}

/* A MAC address. */
vd_check_msg *
vd_check_mac(const char *mac)
{
    unsigned int b[6];
    char tail;
    int i;

    if (empty(mac))
        return NULL;
    if (strlen(mac) != 17 ||
        sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
               &b[4], &b[5], &tail) != 6)
        return vd_check_msgf("MAC address '%s' must look like 52:54:00:12:34:56", mac);
    for (i = 0; i < 17; i++) {
        if (i % 3 == 2 ? mac[i] != ':' : !isxdigit((unsigned char)mac[i]))
            return vd_check_msgf("MAC address '%s' must look like 52:54:00:12:34:56",
                       mac);
    }
    if (b[0] & 1)
        return vd_check_msgf("MAC address '%s' is a multicast address", mac);
    return NULL;
}

/* A disk's serial; see domspec.h. */
vd_check_msg *
vd_check_disk_serial(const char *serial)
{
    static const char ok[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.+-";

    if (empty(serial))
        return NULL;
    if (strlen(serial) > 20 || strspn(serial, ok) != strlen(serial))
        return vd_check_msgf("serial '%s' must be 1 to 20 letters, digits, "
                             "'_', '.', '+' or '-'", serial);
    return NULL;
}

/* A boot order; see domspec.h. */
vd_check_msg *
vd_check_boot_order(const char *text, unsigned int *order)
{
    char *end;
    long num;

    *order = 0;
    if (empty(text))
        return NULL;
    num = strtol(text, &end, 10);
    if (*end || num < 1 || num > 99 || !isdigit((unsigned char)text[0]))
        return vd_check_msgf("boot order '%s' is not a number from 1 to 99", text);
    *order = (unsigned int)num;
    return NULL;
}

/* A listen address. */
vd_check_msg *
vd_check_listen(const char *addr)
{
    unsigned char buf[16];

    if (empty(addr))
        return NULL;
    if (inet_pton(AF_INET, addr, buf) == 1 || inet_pton(AF_INET6, addr, buf) == 1)
        return NULL;
    return vd_check_msgf("listen address '%s' is not an IPv4 or IPv6 address", addr);
}

/* A graphics password. */
vd_check_msg *
vd_check_password(const char *pw, vd_gfx_kind kind)
{
    if (empty(pw))
        return NULL;
    if (kind == VD_GFX_NONE)
        return vd_check_msgf("a password needs VNC or SPICE graphics");
    if (has_control(pw))
        return vd_check_msgf("password may not contain control characters");
    if (kind == VD_GFX_VNC && strlen(pw) > 8)
        return vd_check_msgf("a VNC password can be at most 8 characters long");
    return NULL;
}

/* A network install location. */
vd_check_msg *
vd_check_location(const char *loc)
{
    if (empty(loc))
        return vd_check_msgf("install location is required");
    if (has_control(loc) || strchr(loc, ' '))
        return vd_check_msgf("install location may not contain blanks");
    if (loc[0] == '/' || strncmp(loc, "http://", 7) == 0 ||
        strncmp(loc, "https://", 8) == 0 || strncmp(loc, "ftp://", 6) == 0 ||
        strncmp(loc, "nfs:", 4) == 0)
        return NULL;
    return vd_check_msgf("install location '%s' must be an http://, https://, ftp:// "
               "or nfs: URL, or a directory on the host", loc);
}

/* Firmware against what the host offers. */
vd_check_msg *
vd_check_firmware(vd_firmware fw, const vd_host_caps *caps)
{
    if (fw == VD_FW_UEFI && caps && !caps->has_uefi)
        return vd_check_msgf("this host offers no UEFI firmware for this machine");
    return NULL;
}

/* The install source's own fields. */
static vd_check_msg *
check_install(const vd_domain_spec *spec)
{
    const vd_install_spec *in = &spec->install;

    switch (in->kind) {
    case VD_INSTALL_CDROM_VOLUME:
        if (empty(in->pool))
            return vd_check_msgf("the ISO volume needs a pool");
        return vd_check_volume_name(in->volume, in->pool, true, true);
    case VD_INSTALL_CDROM_PATH:
        return vd_check_host_path(in->path, true);
    case VD_INSTALL_LOCATION:
        if (empty(in->kernel) || empty(in->initrd))
            return vd_check_msgf("a network install needs the kernel and the initrd "
                       "on the host");
        if (in->kernel[0] != '/' || in->initrd[0] != '/')
            return vd_check_msgf("the kernel and initrd paths must be absolute");
        return NULL;
    case VD_INSTALL_IMPORT:
        /* a new disk too: on a cloud image (backing store), or left for
         * another tool to fill, as virt-install allows */
        if (spec->disk.kind == VD_DISK_NONE)
            return vd_check_msgf("importing needs a disk");
        return NULL;
    case VD_INSTALL_NONE:
    case VD_INSTALL_PXE:
        return NULL;
    default:
        return vd_check_msgf("unknown install source");
    }
}

/* The disk's own fields. */
static vd_check_msg *
check_disk(const vd_disk_spec *d)
{
    if ((int)d->bus < 0 || d->bus >= VD_BUS_LAST ||
        (int)d->cache < 0 || d->cache >= VD_CACHE_LAST ||
        (int)d->format < 0 || d->format >= VD_FMT_LAST)
        return vd_check_msgf("unknown disk bus, cache mode or format");
    if (d->device && strcmp(d->device, "disk") != 0 &&
        strcmp(d->device, "cdrom") != 0 && strcmp(d->device, "floppy") != 0 &&
        strcmp(d->device, "lun") != 0)
        return vd_check_msgf("disk device '%s' is not disk, cdrom, floppy or lun", d->device);
    if (d->io && strcmp(d->io, "native") != 0 && strcmp(d->io, "threads") != 0 &&
        strcmp(d->io, "io_uring") != 0)
        return vd_check_msgf("disk io '%s' is not native, threads or io_uring", d->io);
    if (d->discard && strcmp(d->discard, "unmap") != 0 &&
        strcmp(d->discard, "ignore") != 0)
        return vd_check_msgf("disk discard '%s' is not unmap or ignore", d->discard);
    if (d->device && strcmp(d->device, "lun") == 0 &&
        (d->kind != VD_DISK_PATH || strncmp(d->path, "/dev/", 5) != 0))
        return vd_check_msgf("a lun disk needs a block device (path=/dev/...)");
    switch (d->kind) {
    case VD_DISK_NONE:
        return NULL;
    case VD_DISK_NEW_VOLUME:
        if (empty(d->pool))
            return vd_check_msgf("choose a storage pool for the new disk");
        if (d->volume && (strchr(d->volume, '/') || has_control(d->volume)))
            return vd_check_volume_name(d->volume, d->pool, false, false);
        return vd_check_disk_size(d->size_bytes, d->pool, 0, false);
    case VD_DISK_VOLUME:
        if (empty(d->pool))
            return vd_check_msgf("the disk volume needs a pool");
        return vd_check_volume_name(d->volume, d->pool, true, true);
    case VD_DISK_PATH:
        return vd_check_host_path(d->path, true);
    default:
        return vd_check_msgf("unknown disk kind");
    }
}

/* A NIC's own fields. */
static vd_check_msg *
check_net(const vd_net_spec *n)
{
    vd_check_msg *m;

    switch (n->kind) {
    case VD_NET_NONE:
        return NULL;
    case VD_NET_NETWORK:
        if (empty(n->source))
            return vd_check_msgf("choose a network");
        break;
    case VD_NET_BRIDGE:
    case VD_NET_MACVTAP:
        if ((m = vd_check_ifname(n->source)))
            return m;
        break;
    case VD_NET_USER:
        break;
    default:
        return vd_check_msgf("unknown network kind");
    }
    if ((int)n->model < 0 || n->model >= VD_NIC_LAST)
        return vd_check_msgf("unknown NIC model");
    if (n->link_state && strcmp(n->link_state, "up") != 0 &&
        strcmp(n->link_state, "down") != 0)
        return vd_check_msgf("link state '%s' is not up or down", n->link_state);
    return vd_check_mac(n->mac);
}

/* The whole spec, without host facts. */
vd_check_msg *
vd_check_spec(const vd_domain_spec *spec)
{
    vd_check_msg *m;
    size_t i;

    if ((m = vd_check_name(spec->name, NULL, 0)) ||
        (m = vd_check_vcpus(spec->vcpus, 0)) ||
        (m = vd_check_memory(spec->memory_mib, 0)) ||
        (m = check_install(spec)) ||
        (m = check_disk(&spec->disk)))
        return m;
    for (i = 0; i < spec->n_more_disks; i++) {
        if ((m = check_disk(&spec->more_disks[i])))
            return m;
    }
    if ((m = check_net(&spec->net)))
        return m;
    for (i = 0; i < spec->n_more_nets; i++) {
        if ((m = check_net(&spec->more_nets[i])))
            return m;
    }
    for (i = 0; i < spec->n_devopts; i++) {
        const char *opt = spec->devopts[i], *colon = strchr(opt, ':');
        char kind[32];

        if (!colon || (size_t)(colon - opt) >= sizeof(kind))
            return vd_check_msgf("a device option is malformed");
        memcpy(kind, opt, (size_t)(colon - opt));
        kind[colon - opt] = '\0';
        if ((m = vd_check_devopt(kind, colon + 1)))
            return m;
    }
    if ((int)spec->gfx.kind < 0 || spec->gfx.kind >= VD_GFX_LAST)
        return vd_check_msgf("unknown graphics kind");
    if ((m = vd_check_listen(spec->gfx.listen)) ||
        (m = vd_check_password(spec->gfx.password, spec->gfx.kind)))
        return m;
    if (spec->nboot > VD_SPEC_MAX_BOOT)
        return vd_check_msgf("at most %d boot devices", VD_SPEC_MAX_BOOT);
    for (i = 0; i < spec->nboot; i++) {
        if ((int)spec->boot[i] < 0 || spec->boot[i] >= VD_BOOT_LAST)
            return vd_check_msgf("unknown boot device");
    }
    return NULL;
}
