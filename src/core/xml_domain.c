/*
 * xml_domain.c: domain XML from a vd_domain_spec, built with libxml2's
 * tree API. Pure: the host facts it needs come in a vd_host_caps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/domspec.h"
#include "core/xml_devopts.h"
#include "core/xml_priv.h"

#define LIBOSINFO_NS "http://libosinfo.org/xmlns/libvirt/domain/1.0"

/* Target device names handed out in order: vda.., sda.., hda... */
typedef struct dev_names {
    int vd, sd, hd, fd;
} dev_names;

/* The next free target name for bus ("vda", "sdb", ...) into buf. */
static void
next_dev(dev_names *names, vd_disk_bus bus, char *buf, size_t len)
{
    const char *prefix;
    int *counter;

    switch (bus) {
    case VD_BUS_VIRTIO:
        prefix = "vd";
        counter = &names->vd;
        break;
    case VD_BUS_IDE:
        prefix = "hd";
        counter = &names->hd;
        break;
    case VD_BUS_FDC:
        prefix = "fd";
        counter = &names->fd;
        break;
    default:                    /* sata, scsi and usb share the sd names */
        prefix = "sd";
        counter = &names->sd;
        break;
    }
    if (*counter < 26)
        snprintf(buf, len, "%s%c", prefix, 'a' + (*counter)++);
    else                        /* vdaa, vdab, ... as libvirt names them */
        snprintf(buf, len, "%s%c%c", prefix, 'a' + *counter / 26 - 1,
                 'a' + *counter % 26), (*counter)++;
}

/* Whether machine is the i440fx family ("pc", "pc-i440fx-7.2",
 * "pc-1.0"): no SATA without an extra controller, CD-ROMs on IDE. */
static bool
machine_is_i440fx(const char *machine)
{
    if (!machine)
        return true;            /* libvirt's default for x86 is "pc" */
    if (strcmp(machine, "pc") == 0 || strncmp(machine, "pc-i440fx", 9) == 0)
        return true;
    return strncmp(machine, "pc-", 3) == 0 &&
           machine[3] >= '0' && machine[3] <= '9';
}

/* Whether arch is an x86 one (ACPI, APIC, PC machine types). */
static bool
arch_is_x86(const char *arch)
{
    return strcmp(arch, "x86_64") == 0 || strcmp(arch, "i686") == 0;
}

/* <driver name='qemu' type=FORMAT cache=MODE/> under disk. */
static xmlNodePtr
add_driver(vd_xb *xb, xmlNodePtr disk, vd_disk_format fmt,
           vd_disk_cache cache)
{
    xmlNodePtr drv = vd_xb_el(xb, disk, "driver");

    vd_xb_attr(xb, drv, "name", "qemu");
    if (fmt != VD_FMT_UNSET)
        vd_xb_attr(xb, drv, "type", vd_disk_format_name(fmt));
    if (cache != VD_CACHE_DEFAULT)
        vd_xb_attr(xb, drv, "cache", vd_disk_cache_name(cache));
    return drv;
}

/* A <disk> on devices whose source is a pool volume, a file or a block
 * device (a path under /dev/). */
static xmlNodePtr
add_disk(vd_xb *xb, xmlNodePtr devices, const char *device,
         const char *pool, const char *path)
{
    xmlNodePtr disk = vd_xb_el(xb, devices, "disk");
    bool block = path && strncmp(path, "/dev/", 5) == 0;

    vd_xb_attr(xb, disk, "type", pool ? "volume" : block ? "block" : "file");
    vd_xb_attr(xb, disk, "device", device);
    return disk;
}

/* <source .../> for a disk made by add_disk (after <driver>: libvirt's
 * own order). */
static void
add_disk_source(vd_xb *xb, xmlNodePtr disk, const char *pool,
                const char *volume, const char *path)
{
    xmlNodePtr src = vd_xb_el(xb, disk, "source");

    if (pool) {
        vd_xb_attr(xb, src, "pool", pool);
        vd_xb_attr(xb, src, "volume", volume);
    } else if (strncmp(path, "/dev/", 5) == 0) {
        vd_xb_attr(xb, src, "dev", path);
    } else {
        vd_xb_attr(xb, src, "file", path);
    }
}

/* <target dev=.. bus=../> for a disk. */
static void
add_disk_target(vd_xb *xb, xmlNodePtr disk, dev_names *names,
                vd_disk_bus bus)
{
    xmlNodePtr tgt = vd_xb_el(xb, disk, "target");
    char dev[8];

    next_dev(names, bus, dev, sizeof(dev));
    vd_xb_attr(xb, tgt, "dev", dev);
    vd_xb_attr(xb, tgt, "bus", vd_disk_bus_name(bus));
}

/* <boot order='N'/> under a device. */
static void
add_boot_order(vd_xb *xb, xmlNodePtr dev, unsigned int order)
{
    xmlNodePtr node = vd_xb_el(xb, dev, "boot");
    char num[16];

    snprintf(num, sizeof(num), "%u", order);
    vd_xb_attr(xb, node, "order", num);
}

/* One disk of the spec (the main one or a further one). newvol: the
 * volume name of a NEW_VOLUME disk. cdrom_bus: the bus a CD-ROM gets
 * when the disk names none of its own (bus left at virtio). */
static void
add_spec_disk(vd_xb *xb, xmlNodePtr devices, const vd_disk_spec *d,
              const char *newvol, dev_names *names, vd_disk_bus cdrom_bus)
{
    const char *pool = NULL, *volume = NULL, *path = NULL;
    const char *device = d->device && *d->device ? d->device : "disk";
    vd_disk_format fmt = d->format;
    vd_disk_bus bus = d->bus;
    xmlNodePtr disk, drv;
    bool removable = strcmp(device, "cdrom") == 0 ||
                     strcmp(device, "floppy") == 0;

    switch (d->kind) {
    case VD_DISK_NEW_VOLUME:
        pool = d->pool;
        volume = newvol;
        if (fmt == VD_FMT_UNSET)
            fmt = VD_FMT_QCOW2;
        break;
    case VD_DISK_VOLUME:
        pool = d->pool;
        volume = d->volume;
        break;
    case VD_DISK_PATH:
        path = d->path;
        break;
    default:
        if (!removable)
            return;             /* an empty CD-ROM or floppy drive only */
        break;
    }
    if (strcmp(device, "cdrom") == 0 && bus == VD_BUS_VIRTIO)
        bus = cdrom_bus;
    if (strcmp(device, "floppy") == 0)
        bus = VD_BUS_FDC;
    disk = add_disk(xb, devices, device, pool, path);     /* empty: file */
    if (removable && fmt == VD_FMT_UNSET && (pool || path))
        fmt = VD_FMT_RAW;
    drv = add_driver(xb, disk, fmt, d->cache);
    if (d->io && *d->io)
        vd_xb_attr(xb, drv, "io", d->io);
    if (d->discard && *d->discard)
        vd_xb_attr(xb, drv, "discard", d->discard);
    if (pool || path)
        add_disk_source(xb, disk, pool, volume, path);
    add_disk_target(xb, disk, names, bus);
    if (d->boot_order)
        add_boot_order(xb, disk, d->boot_order);
    if (d->readonly || strcmp(device, "cdrom") == 0)
        vd_xb_el(xb, disk, "readonly");
    if (d->shareable)
        vd_xb_el(xb, disk, "shareable");
    if (d->serial && *d->serial)
        vd_xb_text(xb, disk, "serial", d->serial);
}

/* The main disk, if any. */
static void
add_main_disk(vd_xb *xb, xmlNodePtr devices, const vd_domain_spec *spec,
              const char *newvol, dev_names *names, vd_disk_bus cdrom_bus)
{
    add_spec_disk(xb, devices, &spec->disk, newvol, names, cdrom_bus);
}

/* The install CD-ROM, if the install source is one. */
static void
add_cdrom(vd_xb *xb, xmlNodePtr devices, const vd_domain_spec *spec,
          vd_disk_bus bus, dev_names *names)
{
    const vd_install_spec *in = &spec->install;
    const char *pool = NULL, *volume = NULL, *path = NULL;
    xmlNodePtr disk;

    if (in->kind == VD_INSTALL_CDROM_VOLUME) {
        pool = in->pool;
        volume = in->volume;
    } else if (in->kind == VD_INSTALL_CDROM_PATH) {
        path = in->path;
    } else {
        return;
    }
    disk = add_disk(xb, devices, "cdrom", pool, path);
    add_driver(xb, disk, VD_FMT_RAW, VD_CACHE_DEFAULT);
    add_disk_source(xb, disk, pool, volume, path);
    add_disk_target(xb, disk, names, bus);
    vd_xb_el(xb, disk, "readonly");
}

/* The network interface, if any. */
static void
add_interface(vd_xb *xb, xmlNodePtr devices, const vd_net_spec *net)
{
    static const char *const types[VD_NET_LAST] = {
        NULL, "network", "bridge", "direct", "user",
    };
    static const char *const source_attr[VD_NET_LAST] = {
        NULL, "network", "bridge", "dev", NULL,
    };
    xmlNodePtr iface, node = NULL;

    if (net->kind <= VD_NET_NONE || net->kind >= VD_NET_LAST)
        return;
    iface = vd_xb_el(xb, devices, "interface");
    vd_xb_attr(xb, iface, "type", types[net->kind]);
    if (net->mac && *net->mac) {
        node = vd_xb_el(xb, iface, "mac");
        vd_xb_attr(xb, node, "address", net->mac);
    }
    if (source_attr[net->kind]) {
        node = vd_xb_el(xb, iface, "source");
        vd_xb_attr(xb, node, source_attr[net->kind], net->source);
    }
    if (net->kind == VD_NET_MACVTAP)
        vd_xb_attr(xb, node, "mode", "bridge");
    node = vd_xb_el(xb, iface, "model");
    vd_xb_attr(xb, node, "type", vd_nic_model_name(net->model));
    if (net->link_state && *net->link_state) {
        node = vd_xb_el(xb, iface, "link");
        vd_xb_attr(xb, node, "state", net->link_state);
    }
    if (net->boot_order)
        add_boot_order(xb, iface, net->boot_order);
}

/* Graphics, its video card and a tablet for the pointer. */
static void
add_graphics(vd_xb *xb, xmlNodePtr devices, const vd_gfx_spec *gfx)
{
    vd_video_model video = gfx->video;
    xmlNodePtr node, model;

    if (gfx->kind == VD_GFX_VNC || gfx->kind == VD_GFX_SPICE) {
        bool listen = gfx->listen && *gfx->listen;

        if (gfx->kind == VD_GFX_SPICE) {
            xmlNodePtr chan = vd_xb_el(xb, devices, "channel");
            vd_xb_attr(xb, chan, "type", "spicevmc");
            node = vd_xb_el(xb, chan, "target");
            vd_xb_attr(xb, node, "type", "virtio");
            vd_xb_attr(xb, node, "name", "com.redhat.spice.0");
        }
        node = vd_xb_el(xb, devices, "input");
        vd_xb_attr(xb, node, "type", "tablet");
        vd_xb_attr(xb, node, "bus", "usb");

        node = vd_xb_el(xb, devices, "graphics");
        vd_xb_attr(xb, node, "type", vd_gfx_kind_name(gfx->kind));
        if (gfx->port > 0) {
            char num[16];
            snprintf(num, sizeof(num), "%d", gfx->port);
            vd_xb_attr(xb, node, "port", num);
            vd_xb_attr(xb, node, "autoport", "no");
        } else {
            vd_xb_attr(xb, node, "port", "-1");
            vd_xb_attr(xb, node, "autoport", "yes");
        }
        if (gfx->kind == VD_GFX_SPICE && gfx->tlsport > 0) {
            char num[16];
            snprintf(num, sizeof(num), "%d", gfx->tlsport);
            vd_xb_attr(xb, node, "tlsPort", num);
        }
        if (gfx->keymap && *gfx->keymap)
            vd_xb_attr(xb, node, "keymap", gfx->keymap);
        if (listen)
            vd_xb_attr(xb, node, "listen", gfx->listen);
        if (gfx->password && *gfx->password)
            vd_xb_attr(xb, node, "passwd", gfx->password);
        if (listen) {
            xmlNodePtr l = vd_xb_el(xb, node, "listen");
            vd_xb_attr(xb, l, "type", "address");
            vd_xb_attr(xb, l, "address", gfx->listen);
        }
        if (video == VD_VIDEO_DEFAULT)
            video = gfx->kind == VD_GFX_SPICE ? VD_VIDEO_QXL : VD_VIDEO_VGA;
    } else if (video == VD_VIDEO_DEFAULT) {
        return;
    }
    node = vd_xb_el(xb, devices, "video");
    model = vd_xb_el(xb, node, "model");
    vd_xb_attr(xb, model, "type", vd_video_model_name(video));
}

/* <os>: type, firmware, direct kernel boot, boot order. */
static void
add_os(vd_xb *xb, xmlNodePtr root, const vd_domain_spec *spec,
       const vd_host_caps *caps, const char *arch, const char *machine)
{
    xmlNodePtr os = vd_xb_el(xb, root, "os");
    xmlNodePtr node;
    vd_boot_dev order[VD_SPEC_MAX_BOOT];
    size_t i, n;
    bool loader = false;

    if (spec->firmware == VD_FW_UEFI) {
        /* Prefer libvirt's firmware auto-selection; name the loader only
         * when the host offers a loader but no auto-selection. */
        if (caps && !caps->efi_auto && caps->uefi_loader)
            loader = true;
        else
            vd_xb_attr(xb, os, "firmware", "efi");
    }
    node = vd_xb_text(xb, os, "type", "hvm");
    vd_xb_attr(xb, node, "arch", arch);
    vd_xb_attr(xb, node, "machine", machine);
    if (loader) {
        node = vd_xb_text(xb, os, "loader", caps->uefi_loader);
        vd_xb_attr(xb, node, "readonly", "yes");
        vd_xb_attr(xb, node, "type", "pflash");
    }
    if (spec->install.kind == VD_INSTALL_LOCATION) {
        vd_xb_text(xb, os, "kernel", spec->install.kernel);
        vd_xb_text(xb, os, "initrd", spec->install.initrd);
        if (spec->install.extra_args && *spec->install.extra_args)
            vd_xb_text(xb, os, "cmdline", spec->install.extra_args);
    }
    /* libvirt takes either per-device boot orders or <boot dev=...>. */
    n = vd_spec_has_boot_orders(spec) ? 0 : vd_spec_boot_order(spec, order);
    for (i = 0; i < n; i++) {
        node = vd_xb_el(xb, os, "boot");
        vd_xb_attr(xb, node, "dev", vd_boot_dev_name(order[i]));
    }
}

/* The domain XML. */
char *
vd_domain_xml(const vd_domain_spec *spec, const vd_host_caps *caps,
              const char **err)
{
    vd_xb xb = { 0 };
    xmlNodePtr root, node, devices;
    dev_names names = { 0 };
    const char *arch, *machine;
    char *newvol = NULL, *out = NULL;
    vd_disk_bus cdrom_bus;
    bool need_scsi;
    size_t i;

    *err = NULL;
    if (!spec->name || !*spec->name) {
        *err = "the domain has no name";
        return NULL;
    }
    if (spec->disk.kind == VD_DISK_NEW_VOLUME &&
        !(newvol = vd_spec_new_volume_name(spec))) {
        *err = "out of memory";
        return NULL;
    }
    arch = spec->arch ? spec->arch : caps && caps->arch ? caps->arch : "x86_64";
    machine = spec->machine ? spec->machine : caps ? caps->machine : NULL;
    /* The CD-ROM goes where the machine has a controller for it. */
    cdrom_bus = arch_is_x86(arch) && machine_is_i440fx(machine) ? VD_BUS_IDE
              : arch_is_x86(arch) ? VD_BUS_SATA : VD_BUS_SCSI;

    root = vd_xb_start(&xb, "domain");
    vd_xb_attr(&xb, root, "type", vd_virt_type_name(spec->virt_type));
    vd_xb_text(&xb, root, "name", spec->name);
    if (spec->uuid && *spec->uuid)
        vd_xb_text(&xb, root, "uuid", spec->uuid);
    if (spec->os_id && *spec->os_id) {
        xmlNodePtr meta = vd_xb_el(&xb, root, "metadata");
        xmlNodePtr osinfo = vd_xb_el(&xb, meta, "libosinfo");
        xmlNsPtr ns = osinfo ? xmlNewNs(osinfo, BAD_CAST LIBOSINFO_NS,
                                        BAD_CAST "libosinfo") : NULL;
        if (osinfo && !ns)
            xb.failed = true;
        xmlSetNs(osinfo, ns);
        node = vd_xb_el(&xb, osinfo, "os");
        xmlSetNs(node, ns);
        vd_xb_attr(&xb, node, "id", spec->os_id);
    }
    node = vd_xb_num(&xb, root, "memory", spec->memory_mib);
    vd_xb_attr(&xb, node, "unit", "MiB");
    node = vd_xb_num(&xb, root, "currentMemory", spec->memory_mib);
    vd_xb_attr(&xb, node, "unit", "MiB");
    node = vd_xb_num(&xb, root, "vcpu", spec->vcpus ? spec->vcpus : 1);
    vd_xb_attr(&xb, node, "placement", "static");
    add_os(&xb, root, spec, caps, arch, machine);
    if (arch_is_x86(arch)) {
        node = vd_xb_el(&xb, root, "features");
        vd_xb_el(&xb, node, "acpi");
        vd_xb_el(&xb, node, "apic");
    }
    if (spec->cpu_model && *spec->cpu_model) {
        node = vd_xb_el(&xb, root, "cpu");
        vd_xb_attr(&xb, node, "mode", "custom");
        vd_xb_attr(&xb, node, "match", "exact");
        vd_xb_text(&xb, node, "model", spec->cpu_model);
    } else if (spec->cpu_mode != VD_CPU_DEFAULT) {
        node = vd_xb_el(&xb, root, "cpu");
        vd_xb_attr(&xb, node, "mode", vd_cpu_mode_name(spec->cpu_mode));
    }
    node = vd_xb_el(&xb, root, "clock");
    vd_xb_attr(&xb, node, "offset", "utc");
    vd_xb_text(&xb, root, "on_poweroff", "destroy");
    /* A network install boots its kernel every time: stop at the
     * installer's reboot instead of installing again. */
    vd_xb_text(&xb, root, "on_reboot",
               spec->install.kind == VD_INSTALL_LOCATION ? "destroy" : "restart");
    vd_xb_text(&xb, root, "on_crash", "destroy");

    devices = vd_xb_el(&xb, root, "devices");
    if (caps && caps->emulator)
        vd_xb_text(&xb, devices, "emulator", caps->emulator);
    add_main_disk(&xb, devices, spec, newvol, &names, cdrom_bus);
    add_cdrom(&xb, devices, spec, cdrom_bus, &names);
    need_scsi = (spec->disk.kind != VD_DISK_NONE && spec->disk.bus == VD_BUS_SCSI) ||
        (cdrom_bus == VD_BUS_SCSI &&
         (spec->install.kind == VD_INSTALL_CDROM_VOLUME ||
          spec->install.kind == VD_INSTALL_CDROM_PATH));
    for (i = 0; i < spec->n_more_disks; i++) {
        const vd_disk_spec *d = &spec->more_disks[i];
        add_spec_disk(&xb, devices, d, d->volume, &names, cdrom_bus);
        if (d->bus == VD_BUS_SCSI ||
            (d->device && strcmp(d->device, "lun") == 0) ||
            (d->device && strcmp(d->device, "cdrom") == 0 &&
             d->bus == VD_BUS_VIRTIO && cdrom_bus == VD_BUS_SCSI))
            need_scsi = true;
    }
    if (need_scsi && !vd_devopts_has_scsi_controller(spec)) {
        node = vd_xb_el(&xb, devices, "controller");
        vd_xb_attr(&xb, node, "type", "scsi");
        vd_xb_attr(&xb, node, "model", "virtio-scsi");
    }
    add_interface(&xb, devices, &spec->net);
    for (i = 0; i < spec->n_more_nets; i++)
        add_interface(&xb, devices, &spec->more_nets[i]);
    if (!vd_spec_has_devopt(spec, "serial") &&
        !vd_spec_has_devopt(spec, "console")) {
        node = vd_xb_el(&xb, devices, "serial");
        vd_xb_attr(&xb, node, "type", "pty");
        node = vd_xb_el(&xb, devices, "console");
        vd_xb_attr(&xb, node, "type", "pty");
    }
    add_graphics(&xb, devices, &spec->gfx);
    if (spec->agent_channel) {
        xmlNodePtr chan = vd_xb_el(&xb, devices, "channel");
        vd_xb_attr(&xb, chan, "type", "unix");
        node = vd_xb_el(&xb, chan, "source");
        vd_xb_attr(&xb, node, "mode", "bind");
        node = vd_xb_el(&xb, chan, "target");
        vd_xb_attr(&xb, node, "type", "virtio");
        vd_xb_attr(&xb, node, "name", "org.qemu.guest_agent.0");
    }
    if (vd_devopts_xml(&xb, root, devices, spec, machine, err) < 0) {
        xmlFreeDoc(xb.doc);
        free(newvol);
        return NULL;
    }

    if (!(out = vd_xb_finish(&xb)))
        *err = "out of memory";
    free(newvol);
    return out;
}
