/*
 * clone.h: cloning a domain after virt-clone: a new name, UUID (also the
 * SMBIOS system UUID) and MAC addresses, interface target names cleared,
 * graphics back to autoport; every writable, non-shareable disk copied
 * into its own pool with virStorageVolCreateXMLFrom (or shared, or a
 * linked qcow2 overlay backed by the original); UEFI NVRAM copied. All
 * through the libvirt connection, so it works on remote hosts.
 *
 * Atomic: when a copy fails or the clone is cancelled, every volume made
 * so far is deleted and no domain is defined. The original is only read.
 *
 * The types and the argument format are pure (the UI uses them); the
 * functions on a libvirt connection are in clone_ops.h.
 */
#ifndef VIRTDECK_CLONE_H
#define VIRTDECK_CLONE_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/check.h"

/* What to do with one disk. */
typedef enum {
    VD_CLONE_DEFAULT = 0,       /* copy when writable and not shareable, else share */
    VD_CLONE_COPY,
    VD_CLONE_SHARE,             /* keep using the original (virt-clone --skip-copy) */
    VD_CLONE_LINK,              /* a qcow2 overlay backed by the original */
} vd_clone_mode;

/* A per-disk choice. */
typedef struct vd_clone_choice {
    char *target;               /* "vda" */
    vd_clone_mode mode;
} vd_clone_choice;

/* What the user asked for. */
typedef struct vd_clone_args {
    char *name;                 /* NULL or "": NAME-clone, NAME-clone1, ... */
    bool linked;                /* every copied disk as a linked clone */
    vd_clone_choice *disks;
    size_t ndisks;
    char **macs;                /* for the interfaces in order; the rest random */
    size_t nmacs;
} vd_clone_args;

/* Free what args holds. */
void vd_clone_args_clear(vd_clone_args *args);

/* Add a per-disk choice (replacing one for the same target). 0 or -1. */
int vd_clone_args_disk(vd_clone_args *args, const char *target, vd_clone_mode mode);

/* The args as one string for VD_CMD_DOM_CLONE's str (caller frees), and
 * back (0, or -1 when malformed). Pure. */
char *vd_clone_args_format(const vd_clone_args *args);
int vd_clone_args_parse(const char *str, vd_clone_args *args);

/* Check a MAC address given for the clone, "52:54:00:12:34:56"
 * (check.h): vd_check_mac()'s rule, and it may not be empty. Pure. The
 * clone's name follows vd_check_name() (check.h). */
vd_check_msg *vd_clone_check_mac(const char *mac);

#endif

