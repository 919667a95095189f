/*
 * osinfo.h: operating system variants from libosinfo's database: search
 * by id or name, and the memory, vCPUs, disk size and device models it
 * recommends for a new domain. No glib types leak out of this header.
 *
 * Loading the database reads a few thousand files: open it once (on a
 * worker or at start-up) and keep it. A vd_osdb may be used from one
 * thread at a time.
 */
#ifndef VIRTDECK_OSINFO_H
#define VIRTDECK_OSINFO_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/domspec.h"

typedef struct vd_osdb vd_osdb;

/* One operating system variant. Strings owned by the struct. */
typedef struct vd_os_variant {
    char *id;                   /* "http://debian.org/debian/12" */
    char *short_id;             /* "debian12" */
    char *name;                 /* "Debian 12" */
    char *family;               /* "linux", "winnt", ... or NULL */
    bool eol;                   /* past its end of life */
} vd_os_variant;

/* What libosinfo recommends for a variant; each value 0 when it says
 * nothing (the *_known flags say which device facts were found). */
typedef struct vd_os_recommend {
    unsigned long long memory_mib;
    unsigned int vcpus;
    unsigned long long disk_bytes;
    vd_disk_bus disk_bus;       /* virtio when supported, else sata/ide */
    bool disk_bus_known;
    vd_nic_model nic_model;     /* virtio when supported, else e1000e/... */
    bool nic_model_known;
    bool uefi_only;             /* the OS needs UEFI (no BIOS support) */
    bool agent;                 /* the OS has virtio-serial: a QEMU guest
                                 * agent channel is useful */
} vd_os_recommend;

/* Load the database from libosinfo's default paths (the osinfo-db
 * package). Returns NULL with a message in *err (caller frees) when it
 * cannot be loaded or is empty. Free with vd_osdb_free(). */
vd_osdb *vd_osdb_open(char **err);

/* Free the database. NULL is fine. */
void vd_osdb_free(vd_osdb *db);

/* Variants whose short id or name contains every blank-separated word
 * of query (case-insensitive; an empty query matches all). An exact
 * short-id match comes first, then the rest by name; at most max (0: no
 * limit). *out is an array the caller frees with vd_os_variants_free().
 * Returns the count, or -1 when out of memory. */
int vd_osdb_search(vd_osdb *db, const char *query, size_t max,
                   vd_os_variant **out);

/* Find a variant by short id ("debian12") or full id. Fills v (clear it
 * with vd_os_variant_clear()) and rec (either may be NULL) for arch
 * (NULL: "x86_64"). Returns 0, or -1 when there is no such variant. */
int vd_osdb_lookup(vd_osdb *db, const char *id, const char *arch,
                   vd_os_variant *v, vd_os_recommend *rec);

/* The short ids closest to id (edit distance, a shared prefix counts
 * most), at most max of them, as "a, b, c" (caller frees), or NULL. */
char *vd_osdb_suggest(vd_osdb *db, const char *id, size_t max);

/* Free one variant's strings / an array from vd_osdb_search(). */
void vd_os_variant_clear(vd_os_variant *v);
void vd_os_variants_free(vd_os_variant *v, size_t n);

/* Put the recommendations into spec as defaults: memory, vCPUs, disk
 * size, disk bus, NIC model and (for UEFI-only systems) firmware, each
 * one unless its VD_OSREC_* bit is in set_by_user (what the user chose
 * already) or libosinfo has no value for it. Also sets spec->os_id and
 * os_variant from v (v may be NULL). Returns 0, or -1 when out of
 * memory. Pure. */
enum {
    VD_OSREC_MEMORY = 1 << 0,
    VD_OSREC_VCPUS = 1 << 1,
    VD_OSREC_DISK_SIZE = 1 << 2,
    VD_OSREC_DISK_BUS = 1 << 3,
    VD_OSREC_NIC_MODEL = 1 << 4,
    VD_OSREC_FIRMWARE = 1 << 5,
};
int vd_os_apply(const vd_os_variant *v, const vd_os_recommend *rec,
                unsigned int set_by_user, vd_domain_spec *spec);

#endif
