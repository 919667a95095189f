/*
 * dom_disks.h: the disks of a domain's XML, as snapshots and clones need
 * to judge them (format, source, read-only, shareable).
 */
#ifndef VD_DOM_DISKS_H
#define VD_DOM_DISKS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vd_ddisk {
    char *target;               /* "vda" */
    char *device;               /* "disk", "cdrom", "floppy", "lun" */
    char *type;                 /* "file", "block", "volume", "network" */
    char *format;               /* driver type, or NULL */
    char *source;               /* file or dev path, or NULL */
    char *pool, *volume;        /* type='volume' */
    char *snapshot;             /* the disk's snapshot attribute, or NULL */
    bool readonly;
    bool shareable;
} vd_ddisk;

typedef struct vd_ddisks {
    vd_ddisk *d;
    size_t n;
    bool pflash;                /* <loader type='pflash'> (UEFI) */
    bool agent;                 /* a guest agent channel */
    char *nvram;                /* the NVRAM file, or NULL */
} vd_ddisks;

/* Read the disks of a domain XML. Returns 0, or -1 when the XML cannot
 * be read. Pure. */
int vd_ddisks_parse(const char *xml, vd_ddisks *out);

/* Free what out holds. */
void vd_ddisks_clear(vd_ddisks *out);

/* Whether the disk holds data the guest writes: a disk or LUN that is
 * neither read-only nor a CD-ROM/floppy and has a source. */
bool vd_ddisk_writable(const vd_ddisk *d);

#endif
