/*
 * dsnap.h: libvirt domain snapshots ("dsnap", since vd_snapshot is the
 * published picture of a host): the tree of a domain's snapshots, and
 * creating, reverting and deleting them with every refusal made before
 * any RPC that changes something.
 *
 * This header holds the types and the pure functions (the UI uses
 * them); the libvirt calls are in dsnap_ops.h. The UI gets a
 * vd_dsnap_list as the data of a VD_CMD_DSNAP_LIST result.
 */
#ifndef VIRTDECK_DSNAP_H
#define VIRTDECK_DSNAP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "virtdeck/check.h"

/* One disk of a snapshot. */
typedef struct vd_dsnap_disk {
    char *target;               /* "vda" */
    char *mode;                 /* "internal", "external", "no" */
    char *file;                 /* the overlay of an external snapshot, or NULL */
} vd_dsnap_disk;

/* One snapshot, as its XML describes it. */
typedef struct vd_dsnap {
    char *name;
    char *parent;               /* NULL for a root */
    char *description;          /* NULL when none */
    char *state;                /* captured: "running", "paused", "shutoff",
                                 * "disk-snapshot", ... */
    long long created;          /* creationTime, seconds since the epoch */
    bool current;
    bool external;              /* any disk or the memory is external */
    bool memory;                /* the guest's memory was saved */
    int depth;                  /* 0 for roots (tree order, see below) */
    bool last;                  /* the last child of its parent */
    vd_dsnap_disk *disks;
    size_t ndisks;
    char *xml;                  /* the snapshot's XML */
} vd_dsnap;

/* A domain's snapshots in tree order: depth first, roots and siblings
 * sorted by name as `virsh snapshot-list --tree` prints them. */
typedef struct vd_dsnap_list {
    char *domain;               /* the domain's name */
    vd_dsnap *items;
    size_t n;
} vd_dsnap_list;

/* What to create. Strings may be NULL. */
typedef struct vd_dsnap_spec {
    const char *name;           /* NULL or "": vd_dsnap_default_name() */
    const char *description;
    bool disk_only;             /* external, disk only (overlays) */
    bool quiesce;               /* freeze the guest's filesystems (agent) */
    bool no_memory;             /* refuse rather than include memory */
    const char *pool;           /* overlays in this (dir) pool, else next to the disks */
} vd_dsnap_spec;

/* vd_cmd.flags of VD_CMD_DSNAP_CREATE (str = vd_cmd_args2(name,
 * description), an empty name for the default). */
enum {
    VD_DSNAP_CREATE_DISK_ONLY = 1 << 0,
    VD_DSNAP_CREATE_QUIESCE = 1 << 1,
    VD_DSNAP_CREATE_NO_MEMORY = 1 << 2,
};

/* Revert flags: the state to end in (none: as captured). */
enum {
    VD_DSNAP_REVERT_RUNNING = 1 << 0,
    VD_DSNAP_REVERT_PAUSED = 1 << 1,
};

/* Delete flags. */
enum {
    VD_DSNAP_DELETE_CHILDREN = 1 << 0,  /* it and all its descendants */
    VD_DSNAP_DELETE_METADATA = 1 << 1,  /* only libvirt's record of it */
};


/* Free what list holds and empty it. NULL is fine. */
void vd_dsnap_list_clear(vd_dsnap_list *list);

/* Free a list made with malloc (the data_free of VD_CMD_DSNAP_LIST). */
void vd_dsnap_list_free(void *list);

/* The index of snapshot name in list, or -1. Pure. */
int vd_dsnap_find(const vd_dsnap_list *list, const char *name);

/* Sort items into tree order and set depth and last (items keep their
 * contents). Pure. */
void vd_dsnap_list_order(vd_dsnap_list *list);

/* The tree as `virsh snapshot-list --tree` prints it (caller frees),
 * NULL on out of memory. Pure. */
char *vd_dsnap_tree_text(const vd_dsnap_list *list);

/* A default name for a snapshot taken at t (local time), as
 * virt-manager makes one: "snapshot-YYYYMMDD-HHMMSS"... (caller frees). */
char *vd_dsnap_default_name(time_t t);

/* Check a snapshot name (check.h): vd_check_label()'s rule, and no
 * leading '.'. Pure. */
vd_check_msg *vd_dsnap_check_name(const char *name);

/* Parse one snapshot's XML into s (cleared first). Returns 0 or -1.
 * Pure. */
int vd_dsnap_parse(const char *xml, vd_dsnap *s);

/* Free what s holds. */
void vd_dsnap_clear(vd_dsnap *s);

#endif
