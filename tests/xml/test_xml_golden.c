/*
 * test_xml_golden.c: the domain and volume XML builders against golden
 * files in tests/xml/data (byte for byte), and every document they
 * emit through virt-xml-validate. VD_UPDATE_GOLDEN=1 rewrites the
 * golden files from the builders' output (review the diff!).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "golden.h"
#include "xmltest.h"

typedef enum { CAPS_NONE, CAPS_Q35, CAPS_PC_NOAUTO } caps_kind;

typedef struct dom_case {
    const char *name;           /* golden file: data/dom-NAME.xml */
    caps_kind caps;
    void (*fill)(vd_domain_spec *s);
} dom_case;

typedef struct vol_case {
    const char *name;           /* golden file: data/vol-NAME.xml */
    void (*fill)(vd_volume_spec *v);
} vol_case;

/* Set a string field or fail the test. */
static void
set(char **field, const char *value)
{
    assert_int_equal(vd_spec_set(field, value), 0);
}

/* Name, vCPUs, memory; KVM. */
static void
base(vd_domain_spec *s, const char *name, unsigned int vcpus,
     unsigned long long mib)
{
    set(&s->name, name);
    s->vcpus = vcpus;
    s->memory_mib = mib;
}

/* No disk, no network, no graphics, no caps. */
static void
fill_minimal(vd_domain_spec *s)
{
    base(s, "minimal", 1, 512);
}

/* The guest: new qcow2 volume, ISO volume, network, VNC password. */
static void
fill_webvirtmgr(vd_domain_spec *s)
{
    base(s, "CentOS-WebVirtMgr-Test", 1, 1024);
    s->install.kind = VD_INSTALL_CDROM_VOLUME;
    set(&s->install.pool, "default");
    set(&s->install.volume, "CentOS-7-x86_64-Minimal.iso");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 20 * VD_GIB;
    s->disk.format = VD_FMT_QCOW2;
    s->disk.bus = VD_BUS_VIRTIO;
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
    s->gfx.kind = VD_GFX_VNC;
    set(&s->gfx.password, "s3cret");
}

/* ISO path, raw new volume on SATA with cache=none, bridge, SPICE. */
static void
fill_cdrom_path_sata_bridge_spice(vd_domain_spec *s)
{
    base(s, "sata-bridge", 2, 2048);
    s->install.kind = VD_INSTALL_CDROM_PATH;
    set(&s->install.path, "/srv/iso/debian-12.iso");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "images");
    s->disk.size_bytes = 8 * VD_GIB;
    s->disk.format = VD_FMT_RAW;
    s->disk.bus = VD_BUS_SATA;
    s->disk.cache = VD_CACHE_NONE;
    s->net.kind = VD_NET_BRIDGE;
    set(&s->net.source, "br0");
    s->gfx.kind = VD_GFX_SPICE;
}

/* Network install: kernel, initrd, command line. */
static void
fill_location(vd_domain_spec *s)
{
    base(s, "netinst", 2, 2048);
    s->install.kind = VD_INSTALL_LOCATION;
    set(&s->install.location, "http://mirror.example/debian/dists/bookworm/main/installer-amd64/");
    set(&s->install.kernel, "/var/lib/virtdeck/boot/netinst-linux");
    set(&s->install.initrd, "/var/lib/virtdeck/boot/netinst-initrd.gz");
    set(&s->install.extra_args, "console=ttyS0 priority=low");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 10 * VD_GIB;
    s->disk.format = VD_FMT_QCOW2;
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
}

/* Import an existing volume; e1000e; no graphics. */
static void
fill_import_volume(vd_domain_spec *s)
{
    base(s, "imported", 1, 768);
    s->install.kind = VD_INSTALL_IMPORT;
    s->disk.kind = VD_DISK_VOLUME;
    set(&s->disk.pool, "default");
    set(&s->disk.volume, "appliance.qcow2");
    s->disk.format = VD_FMT_QCOW2;
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
    s->net.model = VD_NIC_E1000E;
}

/* PXE boot, a block device as disk, macvtap. */
static void
fill_pxe_block_macvtap(vd_domain_spec *s)
{
    base(s, "pxe-node", 4, 4096);
    s->install.kind = VD_INSTALL_PXE;
    s->disk.kind = VD_DISK_PATH;
    set(&s->disk.path, "/dev/vg0/pxe-node");
    s->disk.format = VD_FMT_RAW;
    s->net.kind = VD_NET_MACVTAP;
    set(&s->net.source, "eth0");
    s->gfx.kind = VD_GFX_VNC;
    set(&s->gfx.listen, "0.0.0.0");
}

/* UEFI with firmware auto-selection; host-passthrough. */
static void
fill_uefi_auto(vd_domain_spec *s)
{
    base(s, "uefi-auto", 2, 2048);
    s->firmware = VD_FW_UEFI;
    s->cpu_mode = VD_CPU_HOST_PASSTHROUGH;
    s->install.kind = VD_INSTALL_CDROM_VOLUME;
    set(&s->install.pool, "iso");
    set(&s->install.volume, "win.iso");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 64 * VD_GIB;
    s->gfx.kind = VD_GFX_VNC;
}

/* UEFI on a host with a loader but no auto-selection (i440fx). */
static void
fill_uefi_loader(vd_domain_spec *s)
{
    base(s, "uefi-loader", 1, 1024);
    s->virt_type = VD_VIRT_QEMU;
    s->firmware = VD_FW_UEFI;
    s->install.kind = VD_INSTALL_CDROM_PATH;
    set(&s->install.path, "/srv/iso/fedora.iso");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 16 * VD_GIB;
    s->gfx.kind = VD_GFX_VNC;
}

/* SCSI disk (virtio-scsi controller), writeback, host-model. */
static void
fill_scsi(vd_domain_spec *s)
{
    base(s, "scsi-guest", 2, 1536);
    s->cpu_mode = VD_CPU_HOST_MODEL;
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 5 * VD_GIB;
    s->disk.bus = VD_BUS_SCSI;
    s->disk.cache = VD_CACHE_WRITEBACK;
    s->install.kind = VD_INSTALL_CDROM_VOLUME;
    set(&s->install.pool, "default");
    set(&s->install.volume, "alpine.iso");
}

/* XML special characters in the name, volume and password: escaped. */
static void
fill_specials(vd_domain_spec *s)
{
    base(s, "a&b<c>'d\"e", 1, 256);
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = VD_GIB;
    s->gfx.kind = VD_GFX_VNC;
    set(&s->gfx.password, "&<>\"'x");
    set(&s->gfx.listen, "127.0.0.1");
}

/* An explicit boot order: network, cdrom, hd. */
static void
fill_boot_order(vd_domain_spec *s)
{
    base(s, "boot-order", 1, 1024);
    s->install.kind = VD_INSTALL_CDROM_PATH;
    set(&s->install.path, "/srv/iso/rescue.iso");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 4 * VD_GIB;
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
    s->boot[0] = VD_BOOT_NETWORK;
    s->boot[1] = VD_BOOT_CDROM;
    s->boot[2] = VD_BOOT_HD;
    s->nboot = 3;
}

/* A fixed MAC, rtl8139, VNC on IPv6 loopback. */
static void
fill_mac_ipv6(vd_domain_spec *s)
{
    base(s, "mac-ipv6", 1, 512);
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "isolated");
    s->net.model = VD_NIC_RTL8139;
    set(&s->net.mac, "52:54:00:12:34:56");
    s->gfx.kind = VD_GFX_VNC;
    set(&s->gfx.listen, "::1");
}

/* TCG (type qemu), virtio video, no listen address. */
static void
fill_tcg_virtio_video(vd_domain_spec *s)
{
    base(s, "tcg-guest", 1, 256);
    s->virt_type = VD_VIRT_QEMU;
    s->gfx.kind = VD_GFX_VNC;
    s->gfx.video = VD_VIDEO_VIRTIO;
    s->disk.kind = VD_DISK_PATH;
    set(&s->disk.path, "/var/lib/libvirt/images/tcg.qcow2");
    s->disk.format = VD_FMT_QCOW2;
    s->install.kind = VD_INSTALL_IMPORT;
}

/* libosinfo metadata and a fixed UUID. */
static void
fill_osinfo_uuid(vd_domain_spec *s)
{
    base(s, "debian12", 2, 2048);
    set(&s->uuid, "8f1c7a52-5d8e-4d6e-9a67-2b3c4d5e6f70");
    set(&s->os_variant, "debian12");
    set(&s->os_id, "http://debian.org/debian/12");
    s->install.kind = VD_INSTALL_CDROM_VOLUME;
    set(&s->install.pool, "default");
    set(&s->install.volume, "debian-12.iso");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 20 * VD_GIB;
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
    s->gfx.kind = VD_GFX_VNC;
}

/* A qcow2 file disk with directsync, no network, no graphics. */
static void
fill_path_directsync(vd_domain_spec *s)
{
    base(s, "path-disk", 1, 1024);
    s->install.kind = VD_INSTALL_IMPORT;
    s->disk.kind = VD_DISK_PATH;
    set(&s->disk.path, "/var/lib/libvirt/images/path-disk.qcow2");
    s->disk.format = VD_FMT_QCOW2;
    s->disk.cache = VD_CACHE_DIRECTSYNC;
}

/* The test driver's type, as the model tests use it. */
static void
fill_test_driver(vd_domain_spec *s)
{
    base(s, "on-test-driver", 1, 128);
    s->virt_type = VD_VIRT_TEST;
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "pool-a");
    s->disk.size_bytes = VD_GIB;
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "net-nat");
}

/* SPICE with a listen address and a password; qxl by default. */
static void
fill_spice_password(vd_domain_spec *s)
{
    base(s, "spice-pw", 2, 2048);
    s->gfx.kind = VD_GFX_SPICE;
    set(&s->gfx.listen, "0.0.0.0");
    set(&s->gfx.password, "a long spice password");
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 12 * VD_GIB;
}

/* A new volume with its own name, raw, unsafe cache. */
static void
fill_named_volume(vd_domain_spec *s)
{
    base(s, "named-vol", 1, 1024);
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "fast");
    set(&s->disk.volume, "scratch-disk.img");
    s->disk.size_bytes = 3 * VD_GIB + VD_GIB / 2;
    s->disk.format = VD_FMT_RAW;
    s->disk.cache = VD_CACHE_UNSAFE;
    s->install.kind = VD_INSTALL_PXE;
    s->net.kind = VD_NET_BRIDGE;
    set(&s->net.source, "br-lab");
    s->net.model = VD_NIC_E1000;
}

/* A non-ASCII name and a video model but no graphics (serial only). */
static void
fill_utf8_headless(vd_domain_spec *s)
{
    base(s, "gäst-ü", 1, 256);
    s->gfx.kind = VD_GFX_NONE;
    s->gfx.video = VD_VIDEO_NONE;
}

/* A further disk of the given kind, moved into s. */
static void
more_disk(vd_domain_spec *s, vd_disk_spec *d)
{
    assert_int_equal(vd_spec_add_disk(s, d), 0);
}

/* A further NIC, moved into s. */
static void
more_net(vd_domain_spec *s, vd_net_spec *n)
{
    assert_int_equal(vd_spec_add_net(s, n), 0);
}

/* A device option, checked first. */
static void
devopt(vd_domain_spec *s, const char *kind, const char *value)
{
    vd_check_msg *m = vd_check_devopt(kind, value);

    if (m)
        fail_msg("%s %s: %s", kind, value, m);
    assert_int_equal(vd_spec_add_devopt(s, kind, value), 0);
}

/* Three disks and two NICs with the per-device sub-options. */
static void
fill_multi_disk_nic(vd_domain_spec *s)
{
    vd_disk_spec d = { 0 };
    vd_net_spec n = { 0 };

    base(s, "multi", 2, 2048);
    s->install.kind = VD_INSTALL_IMPORT;
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 10 * VD_GIB;
    s->disk.cache = VD_CACHE_NONE;
    set(&s->disk.io, "native");
    set(&s->disk.discard, "unmap");
    s->disk.boot_order = 1;
    d.kind = VD_DISK_NEW_VOLUME;
    set(&d.pool, "default");
    set(&d.volume, "multi-1.qcow2");
    d.size_bytes = 2 * VD_GIB;
    d.bus = VD_BUS_SCSI;
    set(&d.serial, "DATA-0001");
    d.shareable = true;
    more_disk(s, &d);
    d.kind = VD_DISK_PATH;
    set(&d.path, "/dev/sdz");
    set(&d.device, "lun");
    d.bus = VD_BUS_SCSI;
    more_disk(s, &d);
    d.kind = VD_DISK_PATH;
    set(&d.path, "/srv/iso/tools.iso");
    set(&d.device, "cdrom");
    d.readonly = true;
    d.boot_order = 2;
    more_disk(s, &d);
    set(&d.device, "floppy");
    more_disk(s, &d);           /* an empty floppy drive */
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
    set(&s->net.link_state, "down");
    n.kind = VD_NET_BRIDGE;
    set(&n.source, "br0");
    n.model = VD_NIC_E1000E;
    set(&n.mac, "52:54:00:00:00:02");
    n.boot_order = 3;
    more_net(s, &n);
    n.kind = VD_NET_USER;
    n.model = VD_NIC_RTL8139;
    more_net(s, &n);
}

/* The device options, each in its most common form. */
static void
fill_devices(vd_domain_spec *s)
{
    base(s, "devices", 1, 1024);
    s->gfx.kind = VD_GFX_SPICE;
    s->gfx.port = 5930;
    s->gfx.tlsport = 5931;
    set(&s->gfx.keymap, "de");
    s->agent_channel = true;
    set(&s->cpu_model, "Nehalem");
    devopt(s, "memballoon", "virtio");
    devopt(s, "clock", "offset=localtime");
    devopt(s, "controller", "usb3");
    devopt(s, "controller", "type=virtio-serial,index=0");
    devopt(s, "sound", "default");
    devopt(s, "rng", "/dev/urandom");
    devopt(s, "tpm", "emulator");
    devopt(s, "watchdog", "i6300esb,action=poweroff");
    devopt(s, "serial", "file,path=/var/log/guest-serial.log");
    devopt(s, "serial", "tcp,host=127.0.0.1:4555,mode=bind");
    devopt(s, "console", "pty,target_type=virtio");
    devopt(s, "input", "keyboard,bus=virtio");
    devopt(s, "hostdev", "0000:00:19.0");
    devopt(s, "hostdev", "0x1d6b:0x0002");
    devopt(s, "hostdev", "1.3");
}

/* virtiofs, its memory backing, hugepages; USB 2 and the older keys. */
static void
fill_virtiofs(vd_domain_spec *s)
{
    base(s, "virtiofs", 2, 4096);
    devopt(s, "filesystem", "/srv/share,share");
    devopt(s, "filesystem", "source=/srv/ro,target=ro,driver.type=path,accessmode=squash,readonly=on");
    devopt(s, "memorybacking", "hugepages=on,source_type=memfd,access_mode=shared");
    devopt(s, "controller", "usb2");
    devopt(s, "rng", "builtin");
    devopt(s, "tpm", "type=emulator,model=tpm-tis,version=1.2");
    devopt(s, "channel", "unix,target_type=virtio,name=org.qemu.guest_agent.0");
    devopt(s, "watchdog", "ib700");
    devopt(s, "sound", "ac97");
}

/* A disk on a cloud image and the cloud-init seed as a CD-ROM volume. */
static void
fill_cloud_image(vd_domain_spec *s)
{
    vd_disk_spec d = { 0 };

    base(s, "cloud", 1, 1024);
    s->install.kind = VD_INSTALL_IMPORT;
    s->disk.kind = VD_DISK_NEW_VOLUME;
    set(&s->disk.pool, "default");
    s->disk.size_bytes = 20 * VD_GIB;
    set(&s->disk.backing, "/var/lib/libvirt/images/debian-11-genericcloud-amd64.qcow2");
    s->disk.backing_format = VD_FMT_QCOW2;
    d.kind = VD_DISK_VOLUME;
    set(&d.pool, "default");
    set(&d.volume, "cloud-cidata.iso");
    set(&d.device, "cdrom");
    d.format = VD_FMT_RAW;
    more_disk(s, &d);
    s->net.kind = VD_NET_NETWORK;
    set(&s->net.source, "default");
    s->agent_channel = true;
}

static const dom_case dom_cases[] = {
    { "minimal", CAPS_NONE, fill_minimal },
    { "webvirtmgr", CAPS_Q35, fill_webvirtmgr },
    { "cdrom-path-sata-bridge-spice", CAPS_Q35, fill_cdrom_path_sata_bridge_spice },
    { "location", CAPS_Q35, fill_location },
    { "import-volume", CAPS_Q35, fill_import_volume },
    { "pxe-block-macvtap", CAPS_Q35, fill_pxe_block_macvtap },
    { "uefi-auto", CAPS_Q35, fill_uefi_auto },
    { "uefi-loader", CAPS_PC_NOAUTO, fill_uefi_loader },
    { "scsi", CAPS_Q35, fill_scsi },
    { "specials", CAPS_Q35, fill_specials },
    { "boot-order", CAPS_NONE, fill_boot_order },
    { "mac-ipv6", CAPS_Q35, fill_mac_ipv6 },
    { "tcg-virtio-video", CAPS_NONE, fill_tcg_virtio_video },
    { "osinfo-uuid", CAPS_Q35, fill_osinfo_uuid },
    { "path-directsync", CAPS_Q35, fill_path_directsync },
    { "test-driver", CAPS_NONE, fill_test_driver },
    { "spice-password", CAPS_Q35, fill_spice_password },
    { "named-volume", CAPS_PC_NOAUTO, fill_named_volume },
    { "utf8-headless", CAPS_NONE, fill_utf8_headless },
    { "multi-disk-nic", CAPS_Q35, fill_multi_disk_nic },
    { "devices", CAPS_Q35, fill_devices },
    { "virtiofs", CAPS_Q35, fill_virtiofs },
    { "cloud-image", CAPS_Q35, fill_cloud_image },
};

/* A sparse qcow2 volume of 20 GiB. */
static void
fill_vol_qcow2(vd_volume_spec *v)
{
    set(&v->name, "CentOS-WebVirtMgr-Test.qcow2");
    v->capacity = 20 * VD_GIB;
    v->format = VD_FMT_QCOW2;
}

/* A fully allocated raw volume. */
static void
fill_vol_raw(vd_volume_spec *v)
{
    set(&v->name, "disk.img");
    v->capacity = 2 * VD_GIB;
    v->allocation = 2 * VD_GIB;
    v->format = VD_FMT_RAW;
}

/* A qcow2 overlay on a backing image. */
static void
fill_vol_backing(vd_volume_spec *v)
{
    set(&v->name, "overlay.qcow2");
    v->capacity = 10 * VD_GIB;
    v->format = VD_FMT_QCOW2;
    set(&v->backing, "/var/lib/libvirt/images/base.qcow2");
    v->backing_format = VD_FMT_QCOW2;
}

/* A name with XML special characters; the pool's default format. */
static void
fill_vol_specials(vd_volume_spec *v)
{
    set(&v->name, "a&b<c>'d\".img");
    v->capacity = 512 * VD_MIB;
}

static const vol_case vol_cases[] = {
    { "qcow2", fill_vol_qcow2 },
    { "raw-allocated", fill_vol_raw },
    { "backing", fill_vol_backing },
    { "specials", fill_vol_specials },
};

static vd_host_caps caps_q35, caps_pc_noauto;

/* Compare text with the golden file (or rewrite it) and validate it. */
static void
check_golden(const char *file, const char *text, const char *schema)
{
    char *diff = vd_golden_check(VD_XML_DATA, file, text), *out = NULL;

    if (diff)
        fail_msg("%s", diff);
    if (!xt_validate(text, schema, &out))
        fail_msg("virt-xml-validate rejects %s:\n%s", file, out ? out : "");
    free(out);
}

/* One domain case. */
static void
test_dom_case(void **state)
{
    const dom_case *c = *state;
    vd_domain_spec spec = { 0 };
    const vd_host_caps *caps = c->caps == CAPS_Q35 ? &caps_q35
                             : c->caps == CAPS_PC_NOAUTO ? &caps_pc_noauto
                             : NULL;
    const char *err = NULL;
    vd_check_msg *problem;
    char file[256], *xml;

    c->fill(&spec);
    problem = vd_check_spec(&spec);
    if (problem)
        fail_msg("the case's spec does not pass vd_check_spec: %s", problem);
    xml = vd_domain_xml(&spec, caps, &err);
    if (!xml)
        fail_msg("builder failed: %s", err);
    snprintf(file, sizeof(file), "dom-%s.xml", c->name);
    check_golden(file, xml, "domain");
    free(xml);
    vd_domain_spec_clear(&spec);
}

/* One volume case. */
static void
test_vol_case(void **state)
{
    const vol_case *c = *state;
    vd_volume_spec vol = { 0 };
    const char *err = NULL;
    char file[256], *xml;

    c->fill(&vol);
    if (!(xml = vd_volume_xml(&vol, &err)))
        fail_msg("builder failed: %s", err);
    snprintf(file, sizeof(file), "vol-%s.xml", c->name);
    check_golden(file, xml, "storagevol");
    free(xml);
    vd_volume_spec_clear(&vol);
}

/* The volume a NEW_VOLUME spec asks for matches its disk. */
static void
test_spec_volume(void **state)
{
    vd_domain_spec spec = { 0 };
    vd_volume_spec vol = { 0 };

    (void)state;
    fill_webvirtmgr(&spec);
    assert_int_equal(vd_spec_volume(&spec, &vol), 0);
    assert_string_equal(vol.name, "CentOS-WebVirtMgr-Test.qcow2");
    assert_true(vol.capacity == 20 * VD_GIB);
    assert_int_equal(vol.format, VD_FMT_QCOW2);
    vd_volume_spec_clear(&vol);
    spec.disk.format = VD_FMT_RAW;
    assert_int_equal(vd_spec_volume(&spec, &vol), 0);
    assert_string_equal(vol.name, "CentOS-WebVirtMgr-Test.img");
    vd_volume_spec_clear(&vol);
    spec.disk.kind = VD_DISK_PATH;
    assert_int_equal(vd_spec_volume(&spec, &vol), -1);
    vd_domain_spec_clear(&spec);
}

/* What the builders refuse. */
static void
test_builder_errors(void **state)
{
    vd_domain_spec spec = { 0 };
    vd_volume_spec vol = { 0 };
    const char *err = NULL;

    (void)state;
    assert_null(vd_domain_xml(&spec, NULL, &err));
    assert_string_equal(err, "the domain has no name");
    assert_null(vd_volume_xml(&vol, &err));
    assert_string_equal(err, "the volume has no name");
    set(&vol.name, "x");
    assert_null(vd_volume_xml(&vol, &err));
    assert_string_equal(err, "the volume's size must be more than 0");
    vd_volume_spec_clear(&vol);
}

/* Deep copy keeps every string and shares none. */
static void
test_spec_copy(void **state)
{
    vd_domain_spec a = { 0 }, b = { 0 };
    char *xa, *xb;
    const char *err;

    (void)state;
    fill_location(&a);
    assert_int_equal(vd_domain_spec_copy(&b, &a), 0);
    assert_ptr_not_equal(a.name, b.name);
    assert_ptr_not_equal(a.install.kernel, b.install.kernel);
    xa = vd_domain_xml(&a, &caps_q35, &err);
    vd_domain_spec_clear(&a);
    xb = vd_domain_xml(&b, &caps_q35, &err);
    assert_non_null(xa);
    assert_non_null(xb);
    assert_string_equal(xa, xb);
    free(xa);
    free(xb);
    vd_domain_spec_clear(&b);
}

/* The enum words round-trip. */
static void
test_enum_words(void **state)
{
    (void)state;
    assert_string_equal(vd_disk_bus_name(VD_BUS_SATA), "sata");
    assert_int_equal(vd_disk_bus_parse("scsi"), VD_BUS_SCSI);
    assert_int_equal(vd_disk_cache_parse("none"), VD_CACHE_NONE);
    assert_int_equal(vd_disk_cache_parse("default"), VD_CACHE_DEFAULT);
    assert_int_equal(vd_disk_format_parse("qcow2"), VD_FMT_QCOW2);
    assert_int_equal(vd_disk_format_parse("vmdk"), -1);
    assert_int_equal(vd_cpu_mode_parse("host-passthrough"), VD_CPU_HOST_PASSTHROUGH);
    assert_int_equal(vd_gfx_kind_parse("spice"), VD_GFX_SPICE);
    assert_int_equal(vd_nic_model_parse("e1000e"), VD_NIC_E1000E);
    assert_int_equal(vd_boot_dev_parse("network"), VD_BOOT_NETWORK);
    assert_int_equal(vd_video_model_parse("qxl"), VD_VIDEO_QXL);
    assert_int_equal(vd_virt_type_parse("kvm"), VD_VIRT_KVM);
    assert_int_equal(vd_disk_bus_parse(NULL), -1);
}

/* Load a caps file into caps or fail. */
static void
load_caps(const char *file, vd_host_caps *caps)
{
    char path[4096], *xml;
    const char *err = NULL;

    snprintf(path, sizeof(path), "%s/%s", VD_XML_DATA, file);
    if (!(xml = xt_read_file(path)))
        fail_msg("cannot read %s", path);
    if (vd_domcaps_parse(xml, caps, &err) < 0)
        fail_msg("%s: %s", path, err);
    free(xml);
}

/* vd_domcaps_parse on the three host files. */
static void
test_domcaps(void **state)
{
    vd_host_caps c = { 0 };
    const char *err = NULL;

    (void)state;
    load_caps("domcaps-q35.xml", &c);
    assert_string_equal(c.emulator, "/usr/bin/qemu-system-x86_64");
    assert_string_equal(c.machine, "pc-q35-7.2");
    assert_string_equal(c.arch, "x86_64");
    assert_true(c.efi_auto);
    assert_true(c.has_uefi);
    assert_true(c.scsi_ok);
    assert_string_equal(c.uefi_loader, "/usr/share/OVMF/OVMF_CODE_4M.fd");
    assert_int_equal(c.max_vcpus, 255);
    load_caps("domcaps-pc-noauto.xml", &c);
    assert_false(c.efi_auto);
    assert_true(c.has_uefi);
    assert_false(c.scsi_ok);
    assert_string_equal(c.uefi_loader, "/usr/share/OVMF/OVMF_CODE.fd");
    assert_string_equal(c.machine, "pc-i440fx-2.11");
    load_caps("domcaps-nouefi.xml", &c);
    assert_false(c.has_uefi);
    assert_null(c.uefi_loader);
    assert_int_equal(c.max_vcpus, 4);
    assert_int_equal(vd_domcaps_parse("<notcaps/>", &c, &err), -1);
    assert_int_equal(vd_domcaps_parse("<broken", &c, &err), -1);
    assert_non_null(err);
    vd_host_caps_clear(&c);
}

/* Run the tests. */
int
main(void)
{
    size_t nd = sizeof(dom_cases) / sizeof(dom_cases[0]);
    size_t nv = sizeof(vol_cases) / sizeof(vol_cases[0]);
    struct CMUnitTest *tests = calloc(nd + nv + 8, sizeof(*tests));
    size_t i, n = 0;
    char (*names)[128] = calloc(nd + nv, sizeof(*names));
    int rc;

    load_caps("domcaps-q35.xml", &caps_q35);
    load_caps("domcaps-pc-noauto.xml", &caps_pc_noauto);
    for (i = 0; i < nd; i++, n++) {
        snprintf(names[n], sizeof(names[n]), "dom-%s", dom_cases[i].name);
        tests[n].name = names[n];
        tests[n].test_func = test_dom_case;
        tests[n].initial_state = (void *)&dom_cases[i];
    }
    for (i = 0; i < nv; i++, n++) {
        snprintf(names[n], sizeof(names[n]), "vol-%s", vol_cases[i].name);
        tests[n].name = names[n];
        tests[n].test_func = test_vol_case;
        tests[n].initial_state = (void *)&vol_cases[i];
    }
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_spec_volume);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_builder_errors);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_spec_copy);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_enum_words);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_domcaps);
    rc = _cmocka_run_group_tests("xml_golden", tests, n, NULL, NULL);
    vd_host_caps_clear(&caps_q35);
    vd_host_caps_clear(&caps_pc_noauto);
    free(tests);
    free(names);
    return rc;
}
