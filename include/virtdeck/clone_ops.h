/*
 * clone_ops.h: cloning a domain on a libvirt connection (see clone.h).
 * These functions call libvirt and may block: a host worker's job
 * (VD_CMD_DOM_CLONE) or the command line, never the UI thread.
 */
#ifndef VIRTDECK_CLONE_OPS_H
#define VIRTDECK_CLONE_OPS_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/clone.h"

/* One disk of a plan. */
typedef struct vd_clone_vol {
    char *target;
    vd_clone_mode mode;         /* COPY, SHARE or LINK after planning */
    char *why;                  /* why it is shared (read-only, CD-ROM...), or NULL */
    char *src_path;             /* the original's path */
    char *pool;                 /* the pool of the original (COPY, LINK) */
    char *new_name;             /* the new volume's name (COPY, LINK) */
    char *new_path;             /* its path (predicted, then the real one) */
    unsigned long long bytes;   /* what the copy writes (allocation) */
    char *vol_xml;              /* the new volume's XML */
    bool nvram;                 /* this is the UEFI NVRAM, not a disk */
    int node;                   /* index of its disk in the domain XML, -1 NVRAM */
} vd_clone_vol;

/* A checked clone, ready to run. */
typedef struct vd_clone_plan {
    char *original;
    char *name;
    char uuid[37];
    vd_clone_vol *vols;
    size_t nvols;
    char *warnings;             /* lines for the user (linked clones...), or NULL */
    void *doc;                  /* the new domain XML (xmlDocPtr) */
    unsigned long long total;   /* bytes to copy */
} vd_clone_plan;

/* Check everything and make the plan; nothing on the host changes.
 * Returns 0, or -1 with a message saying why and what would work in
 * *err (caller frees). */
int vd_clone_plan_make(virDomainPtr orig, const vd_clone_args *args,
                       vd_clone_plan *plan, char **err);

/* The new domain's XML as it would be defined (caller frees). */
char *vd_clone_plan_xml(const vd_clone_plan *plan);

/* Free what plan holds. */
void vd_clone_plan_clear(vd_clone_plan *plan);

/* Progress: done of total bytes. */
typedef void (*vd_clone_progress_fn)(void *opaque, unsigned long long done,
                                     unsigned long long total);

/* Run the plan on conn: make the volumes, define the domain. cancelled
 * is polled (never NULL); libvirt cannot stop a copy once started, so a
 * cancel takes effect when the current copy ends. On failure or cancel
 * every volume made is deleted: returns -1 (failed, *err) or 1
 * (cancelled, *err says what was removed). 0 when the clone is defined;
 * its UUID is plan->uuid. */
int vd_clone_run(virConnectPtr conn, vd_clone_plan *plan,
                 vd_clone_progress_fn progress, void *opaque,
                 bool (*cancelled)(void *opaque), char **err);

#endif
