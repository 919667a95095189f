/*
 * domdetails.h: what the details view shows of one domain, read by the
 * worker (VD_CMD_DOM_DETAILS) and handed to the UI in vd_result.data.
 * Plain data: every string is owned by the struct and freed by
 * vd_dom_details_free(). NULL strings mean "not known" / "none".
 */
#ifndef VIRTDECK_DOMDETAILS_H
#define VIRTDECK_DOMDETAILS_H

#include <stdbool.h>
#include <stddef.h>

#define VD_DETAILS_MAX_BOOT 8

typedef struct vd_disk_info {
    char *target;               /* "vda" */
    char *device;               /* "disk", "cdrom" */
    char *bus;                  /* "virtio", "sata" */
    char *source;               /* path, pool/volume, or NULL (empty CD-ROM) */
    char *format;               /* driver type: "qcow2", "raw", or NULL */
    unsigned long long capacity;    /* bytes, 0 when unknown */
    unsigned long long allocation;  /* bytes, 0 when unknown */
    bool readonly;
} vd_disk_info;

typedef struct vd_nic_info {
    char *mac;
    char *type;                 /* "network", "bridge", "direct", "user" */
    char *source;               /* network or bridge name */
    char *model;                /* "virtio", "e1000", or NULL */
    char *target;               /* host-side device ("vnet0"), running only */
    char *addresses;            /* "192.168.122.10/24, fe80::1/64", or NULL */
    char *addr_source;          /* "lease", "agent", or NULL */
} vd_nic_info;

typedef struct vd_graphics_info {
    char *type;                 /* "vnc", "spice" */
    int port;                   /* -1: autoport not started, 0: none */
    char *listen;
} vd_graphics_info;

typedef struct vd_dom_details {
    char uuid[37];
    char *name;
    char *os_type;              /* "hvm" */
    char *arch;
    char *machine;
    char *state;                /* "running", "shut off", ... */
    char *reason;               /* "booted", "destroyed", ... as words */
    unsigned int vcpus;
    unsigned int max_vcpus;
    unsigned long long mem_kib;
    unsigned long long max_mem_kib;
    bool autostart;
    bool persistent;
    bool managed_save;          /* a managed save image exists */
    char *boot[VD_DETAILS_MAX_BOOT]; /* boot order: "hd", "cdrom", or "vda" */
    size_t nboot;
    vd_disk_info *disks;
    size_t ndisks;
    vd_nic_info *nics;
    size_t nnics;
    vd_graphics_info *graphics;
    size_t ngraphics;
} vd_dom_details;

/* Free details and everything it holds. NULL is fine. */
void vd_dom_details_free(vd_dom_details *d);

/* Words for libvirt's state reason of state (virDomainState numbers). */
const char *vd_dom_reason_name(int state, int reason);

/* Fill d from a domain XML document (no libvirt calls): everything but
 * state, reason, autostart, sizes and addresses. Returns 0, or -1 when
 * xml does not parse. Pure: used by the worker and by unit tests. */
int vd_dom_details_parse(vd_dom_details *d, const char *xml);

#endif
