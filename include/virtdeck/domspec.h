/*
 * domspec.h: what a new virtual machine should be, as plain data, and
 * the pure functions that check it field by field and turn it into
 * libvirt XML.
 *
 * A vd_domain_spec is filled field by field (by the create wizard's
 * forms or by `virtdeck create`), each field checked as it is set with
 * one of the vd_check_* functions, and finally turned into domain XML by
 * vd_domain_xml() and, for a new disk, volume XML by vd_volume_xml().
 * vd_create() (create.h) does the rest on a connection.
 *
 * Strings in the specs are owned by the spec (malloc'ed; set them with
 * vd_spec_set()) and released by vd_domain_spec_clear() /
 * vd_volume_spec_clear(). NULL and "" both mean "not given".
 *
 * Nothing here calls libvirt, touches a host or depends on curses.
 */
#ifndef VIRTDECK_DOMSPEC_H
#define VIRTDECK_DOMSPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/check.h"

#define VD_GIB (1024ULL * 1024 * 1024)
#define VD_MIB (1024ULL * 1024)
#define VD_SPEC_MAX_BOOT 4      /* entries in a boot order */

typedef enum {
    VD_VIRT_KVM = 0,
    VD_VIRT_QEMU,               /* TCG: no hardware acceleration */
    VD_VIRT_TEST,               /* libvirt's test driver (tests only) */
    VD_VIRT_LAST
} vd_virt_type;

typedef enum {
    VD_CPU_DEFAULT = 0,         /* no <cpu> element: the hypervisor's default */
    VD_CPU_HOST_PASSTHROUGH,
    VD_CPU_HOST_MODEL,
    VD_CPU_LAST
} vd_cpu_mode;

typedef enum {
    VD_INSTALL_NONE = 0,        /* boot whatever the disk has */
    VD_INSTALL_CDROM_VOLUME,    /* an ISO volume in a pool */
    VD_INSTALL_CDROM_PATH,      /* an ISO file on the host */
    VD_INSTALL_LOCATION,        /* network install tree: kernel + initrd */
    VD_INSTALL_IMPORT,          /* the disk already holds an installed OS */
    VD_INSTALL_PXE,             /* boot from the network */
    VD_INSTALL_LAST
} vd_install_kind;

typedef enum {
    VD_DISK_NONE = 0,
    VD_DISK_NEW_VOLUME,         /* create a volume in a pool */
    VD_DISK_VOLUME,             /* an existing volume pool/name */
    VD_DISK_PATH,               /* a file or block device on the host */
    VD_DISK_LAST
} vd_disk_kind;

typedef enum {
    VD_FMT_UNSET = 0,           /* not known: no driver type is written */
    VD_FMT_QCOW2,
    VD_FMT_RAW,
    VD_FMT_LAST
} vd_disk_format;

typedef enum {
    VD_BUS_VIRTIO = 0,
    VD_BUS_SATA,
    VD_BUS_SCSI,                /* adds a virtio-scsi controller */
    VD_BUS_IDE,                 /* only what libosinfo may recommend; i440fx */
    VD_BUS_USB,
    VD_BUS_FDC,                 /* floppies */
    VD_BUS_LAST
} vd_disk_bus;

typedef enum {
    VD_CACHE_DEFAULT = 0,       /* no cache attribute */
    VD_CACHE_NONE,
    VD_CACHE_WRITETHROUGH,
    VD_CACHE_WRITEBACK,
    VD_CACHE_DIRECTSYNC,
    VD_CACHE_UNSAFE,
    VD_CACHE_LAST
} vd_disk_cache;

typedef enum {
    VD_NET_NONE = 0,
    VD_NET_NETWORK,             /* a libvirt virtual network */
    VD_NET_BRIDGE,              /* a host bridge */
    VD_NET_MACVTAP,             /* macvtap (direct) on a host interface */
    VD_NET_USER,                /* user-mode networking (no source) */
    VD_NET_LAST
} vd_net_kind;

typedef enum {
    VD_NIC_VIRTIO = 0,
    VD_NIC_E1000E,
    VD_NIC_E1000,
    VD_NIC_RTL8139,
    VD_NIC_VMXNET3,
    VD_NIC_NE2K_PCI,
    VD_NIC_PCNET,
    VD_NIC_LAST
} vd_nic_model;

typedef enum {
    VD_GFX_NONE = 0,
    VD_GFX_VNC,
    VD_GFX_SPICE,
    VD_GFX_LAST
} vd_gfx_kind;

typedef enum {
    VD_VIDEO_DEFAULT = 0,       /* vga with VNC, qxl with SPICE, none without */
    VD_VIDEO_VGA,
    VD_VIDEO_VIRTIO,
    VD_VIDEO_QXL,
    VD_VIDEO_BOCHS,
    VD_VIDEO_CIRRUS,
    VD_VIDEO_NONE,
    VD_VIDEO_LAST
} vd_video_model;

typedef enum {
    VD_FW_BIOS = 0,
    VD_FW_UEFI,
    VD_FW_LAST
} vd_firmware;

typedef enum {
    VD_BOOT_HD = 0,
    VD_BOOT_CDROM,
    VD_BOOT_NETWORK,
    VD_BOOT_LAST
} vd_boot_dev;

/* The install medium. Which fields count depends on kind. */
typedef struct vd_install_spec {
    vd_install_kind kind;
    char *pool;                 /* CDROM_VOLUME: the pool of the ISO */
    char *volume;               /* CDROM_VOLUME: the ISO volume's name */
    char *path;                 /* CDROM_PATH: the ISO on the host */
    char *location;             /* LOCATION: the install tree's URL or directory */
    char *kernel;               /* LOCATION: kernel path on the host */
    char *initrd;               /* LOCATION: initrd path on the host */
    char *extra_args;           /* LOCATION: kernel command line, or NULL */
} vd_install_spec;

/* The main disk. */
typedef struct vd_disk_spec {
    vd_disk_kind kind;
    char *pool;                 /* NEW_VOLUME, VOLUME */
    char *volume;               /* NEW_VOLUME: NULL gives NAME.qcow2 or NAME.img;
                                 * VOLUME: the volume's name */
    char *path;                 /* PATH */
    unsigned long long size_bytes;  /* NEW_VOLUME: capacity */
    vd_disk_format format;      /* NEW_VOLUME: QCOW2 or RAW; others: as known */
    vd_disk_bus bus;
    vd_disk_cache cache;
    char *device;               /* "cdrom", "floppy", "lun"; NULL: "disk" */
    char *io;                   /* native, threads, io_uring; or NULL */
    char *discard;              /* unmap, ignore; or NULL */
    char *serial;               /* the disk's serial, or NULL */
    bool readonly;
    bool shareable;
    unsigned int boot_order;    /* <boot order=N/>; 0: none */
    char *backing;              /* NEW_VOLUME: path of a backing image */
    vd_disk_format backing_format;
} vd_disk_spec;

/* The network interface. */
typedef struct vd_net_spec {
    vd_net_kind kind;
    char *source;               /* network name, bridge name or host interface */
    vd_nic_model model;
    char *mac;                  /* "52:54:00:xx:xx:xx", or NULL for libvirt's */
    char *link_state;           /* "up", "down", or NULL */
    unsigned int boot_order;    /* <boot order=N/>; 0: none */
} vd_net_spec;

/* The display. */
typedef struct vd_gfx_spec {
    vd_gfx_kind kind;
    char *listen;               /* address, or NULL for the daemon's default */
    char *password;             /* or NULL */
    vd_video_model video;
    int port;                   /* 0: automatic */
    int tlsport;                /* SPICE TLS port; 0: none */
    char *keymap;               /* "de", "en-us", ... or NULL */
} vd_gfx_spec;

/* Everything a new domain needs. Zero-initialised it means KVM, BIOS,
 * no disk, no network, no graphics, no install medium; a name, vCPUs
 * and memory make it complete. */
typedef struct vd_domain_spec {
    char *name;
    char *uuid;                 /* NULL: libvirt makes one */
    vd_virt_type virt_type;
    char *arch;                 /* NULL: "x86_64" */
    char *machine;              /* NULL: the host caps' machine, or none */
    unsigned int vcpus;
    vd_cpu_mode cpu_mode;
    unsigned long long memory_mib;
    char *os_variant;           /* libosinfo short id ("debian12") or NULL */
    char *os_id;                /* libosinfo full id (URL) or NULL */
    vd_install_spec install;
    vd_disk_spec disk;
    vd_net_spec net;
    vd_gfx_spec gfx;
    vd_firmware firmware;
    vd_boot_dev boot[VD_SPEC_MAX_BOOT];
    size_t nboot;               /* 0: the default order for the install kind */
    char *cpu_model;            /* a named CPU model (mode custom), or NULL */
    /* Disks and NICs after the first (disk and net above). */
    vd_disk_spec *more_disks;
    size_t n_more_disks;
    vd_net_spec *more_nets;
    size_t n_more_nets;
    /* Further devices and settings as "KIND:VALUE" strings in
     * virt-install's syntax ("rng:/dev/urandom", "tpm:emulator",
     * "clock:offset=localtime"), checked by vd_check_devopt() and built by
     * vd_domain_xml(); see devopts.h. */
    char **devopts;
    size_t n_devopts;
    bool agent_channel;         /* add the QEMU guest agent channel */
} vd_domain_spec;

/* A storage volume to create. */
typedef struct vd_volume_spec {
    char *name;
    unsigned long long capacity;    /* bytes */
    unsigned long long allocation;  /* bytes; 0 for a sparse volume */
    vd_disk_format format;          /* UNSET: the pool's default */
    char *backing;                  /* path of a backing image, or NULL */
    vd_disk_format backing_format;
} vd_volume_spec;

/* What the builder needs to know about the host, as libvirt's domain
 * capabilities give it (see vd_domcaps_read() in create.h). Strings are
 * owned by the struct; vd_host_caps_clear() frees them. All optional. */
typedef struct vd_host_caps {
    char *emulator;             /* "/usr/bin/qemu-system-x86_64" */
    char *machine;              /* canonical machine type, "pc-q35-7.2" */
    char *arch;                 /* "x86_64" */
    bool efi_auto;              /* <os firmware='efi'> is supported */
    char *uefi_loader;          /* a UEFI loader path, when efi_auto is false */
    bool has_uefi;              /* UEFI is offered at all */
    bool scsi_ok;               /* virtio-scsi (only checked where given) */
    unsigned int max_vcpus;     /* 0: unknown */
} vd_host_caps;

/* ---- strings and enums ---------------------------------------------- */

/* Replace *field with a copy of value (NULL or "" clears it). Returns 0,
 * or -1 when out of memory (the field is left unchanged). */
int vd_spec_set(char **field, const char *value);

/* Free what spec holds and zero it. NULL is fine. */
void vd_domain_spec_clear(vd_domain_spec *spec);
void vd_volume_spec_clear(vd_volume_spec *spec);
void vd_host_caps_clear(vd_host_caps *caps);

/* Append a copy of d / n / "KIND:VALUE" to spec's lists. 0 or -1. The
 * disk and NIC are moved (their strings now belong to spec; d and n are
 * zeroed). */
int vd_spec_add_disk(vd_domain_spec *spec, vd_disk_spec *d);
int vd_spec_add_net(vd_domain_spec *spec, vd_net_spec *n);
int vd_spec_add_devopt(vd_domain_spec *spec, const char *kind,
                       const char *value);

/* Free one disk's / NIC's strings and zero it. */
void vd_disk_spec_clear(vd_disk_spec *d);
void vd_net_spec_clear(vd_net_spec *n);

/* Copy src into dst (deep); dst is overwritten without being cleared.
 * Returns 0 or -1 (dst then holds nothing). */
int vd_domain_spec_copy(vd_domain_spec *dst, const vd_domain_spec *src);

/* The words used in XML and on the command line ("qcow2", "virtio",
 * "host-passthrough", ...). Static strings; "" for an UNSET/DEFAULT
 * value that has no word. */
const char *vd_virt_type_name(vd_virt_type t);
const char *vd_cpu_mode_name(vd_cpu_mode m);
const char *vd_disk_format_name(vd_disk_format f);
const char *vd_disk_bus_name(vd_disk_bus b);
const char *vd_disk_cache_name(vd_disk_cache c);
const char *vd_nic_model_name(vd_nic_model m);
const char *vd_gfx_kind_name(vd_gfx_kind k);
const char *vd_video_model_name(vd_video_model v);
const char *vd_boot_dev_name(vd_boot_dev d);

/* The reverse: the enum value for word, or -1 when word names none.
 * "default" is accepted for the DEFAULT/UNSET members. */
int vd_virt_type_parse(const char *word);
int vd_cpu_mode_parse(const char *word);
int vd_disk_format_parse(const char *word);
int vd_disk_bus_parse(const char *word);
int vd_disk_cache_parse(const char *word);
int vd_nic_model_parse(const char *word);
int vd_gfx_kind_parse(const char *word);
int vd_video_model_parse(const char *word);
int vd_boot_dev_parse(const char *word);

/* ---- derived values -------------------------------------------------- */

/* The name of the volume a NEW_VOLUME disk gets: spec->disk.volume, or
 * NAME.qcow2 / NAME.img. Caller frees; NULL when there is no name. */
char *vd_spec_new_volume_name(const vd_domain_spec *spec);

/* The boot order in effect: spec->boot, or the default for the install
 * kind (cdrom,hd / network,hd / hd; without a disk, cdrom or network
 * alone). Fills out (VD_SPEC_MAX_BOOT entries) and returns the count. */
size_t vd_spec_boot_order(const vd_domain_spec *spec, vd_boot_dev *out);

/* Fill vol with the volume a NEW_VOLUME disk needs. Returns 0, or -1
 * when the spec has no new volume or memory ran out. Clear vol after. */
int vd_spec_volume(const vd_domain_spec *spec, vd_volume_spec *vol);

/* ---- XML (pure; built with libxml2's tree API) ---------------------- */

/* The domain XML for spec; caps may be NULL. Returns a malloc'ed,
 * NUL-terminated document (free() it), or NULL with a plain message in
 * *err (static) when the spec cannot be expressed (e.g. a new volume
 * without a name). The spec is not validated beyond that: run the
 * vd_check_* functions first. */
char *vd_domain_xml(const vd_domain_spec *spec, const vd_host_caps *caps,
                    const char **err);

/* The storage volume XML for vol. Same contract as vd_domain_xml(). */
char *vd_volume_xml(const vd_volume_spec *vol, const char **err);

/* Read the host facts the builder needs from the XML of libvirt's
 * virConnectGetDomainCapabilities() (pure: XPath over the text). caps is
 * cleared first. Returns 0, or -1 with a static message in *err. */
int vd_domcaps_parse(const char *xml, vd_host_caps *caps, const char **err);

/* ---- validation: one field at a time --------------------------------
 *
 * Each follows check.h: NULL when the value is fine, or a plain message
 * for the user ("memory must be at least 1 MiB"), which the caller
 * releases with vd_check_free(). Pure: the host facts they compare with
 * are passed in. The domain name's rule, vd_check_name(), is in check.h. */

/* vCPUs from 1 to max (max 0: no upper bound known). */
vd_check_msg *vd_check_vcpus(unsigned int vcpus, unsigned int max);

/* Memory in MiB: at least 1, at most host_mib (0: unknown). */
vd_check_msg *vd_check_memory(unsigned long long mib,
                              unsigned long long host_mib);

/* A new disk's size against the pool's free bytes (avail_known false:
 * not checked). pool names the pool in the message. */
vd_check_msg *vd_check_disk_size(unsigned long long bytes, const char *pool,
                                 unsigned long long avail, bool avail_known);

/* A pool name: given, in names[] (the host's pools), and active. */
vd_check_msg *vd_check_pool(const char *pool, const char *const *names,
                            const bool *active, size_t n);

/* A volume name in a pool: given and free of '/'. exists: whether the
 * pool already holds a volume of that name; want_existing: the caller
 * needs one that exists (an existing disk or ISO) rather than a new one. */
vd_check_msg *vd_check_volume_name(const char *name, const char *pool,
                                   bool exists, bool want_existing);

/* A path on the host: absolute, and exists says whether the host has a
 * file there ("no file at /x.iso" when not). */
vd_check_msg *vd_check_host_path(const char *path, bool exists);

/* A network: given, in names[], and active (active[i]). */
vd_check_msg *vd_check_network(const char *net, const char *const *names,
                               const bool *active, size_t n);

/* A bridge or host interface name: given, at most 15 bytes, no '/',
 * blank or ':' (the kernel's rules for interface names). */
vd_check_msg *vd_check_ifname(const char *ifname);

/* A MAC address "xx:xx:xx:xx:xx:xx", unicast (even first byte). NULL or
 * "" is fine (libvirt picks one). */
vd_check_msg *vd_check_mac(const char *mac);

/* A disk's serial: 1 to 20 letters, digits, '_', '.', '+' or '-' (what
 * QEMU passes through unchanged). NULL or "" is fine (none). */
vd_check_msg *vd_check_disk_serial(const char *serial);

/* A device's boot order as typed: a number from 1 to 99. NULL or "" is
 * fine (none); *order gets the number, 0 for none. */
vd_check_msg *vd_check_boot_order(const char *text, unsigned int *order);

/* A listen address for VNC/SPICE: an IPv4 or IPv6 address. NULL or "" is
 * fine. */
vd_check_msg *vd_check_listen(const char *addr);

/* A graphics password: no control characters; for VNC at most 8 bytes
 * (the protocol uses no more). NULL or "" is fine. */
vd_check_msg *vd_check_password(const char *pw, vd_gfx_kind kind);

/* A network install location: an http://, https:// or ftp:// URL, or an
 * absolute directory on the host. */
vd_check_msg *vd_check_location(const char *loc);

/* Firmware against what the host offers (caps NULL: not checked). */
vd_check_msg *vd_check_firmware(vd_firmware fw, const vd_host_caps *caps);

/* The spec as a whole, without host facts: the fields each kind needs
 * are present and well-formed. Returns the first problem, as above. */
vd_check_msg *vd_check_spec(const vd_domain_spec *spec);

#endif
