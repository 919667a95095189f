/*
 * migrate.h: moving a domain to another host (live or offline), and
 * evacuating a host, as the UI and the command line describe them. No
 * libvirt types here: the engine that talks to libvirt is
 * src/core/migrate.h (core and command line only).
 *
 * In the UI a migration is a job (virtdeck/job.h): VD_CMD_DOM_MIGRATE
 * with uuid = the domain and str = vd_migrate_opts_format(opts); the job
 * opens its own connections to both hosts, checks (refusals come back
 * as the job's failure, before any migration call), migrates, and posts
 * a vd_progress whose migration fields (phase, remaining, dirty rate,
 * iteration, expected downtime, ETA) are filled about every 0.5 s.
 * VD_CMD_JOB_CANCEL aborts it (virDomainAbortJob: the guest keeps
 * running on the source); VD_CMD_JOB_POSTCOPY switches it to post-copy.
 * VD_CMD_HOST_EVACUATE (str = vd_evacuate_format()) migrates many
 * domains off the host, N at a time, as one job.
 */
#ifndef VIRTDECK_MIGRATE_H
#define VIRTDECK_MIGRATE_H

#include <stdbool.h>

#include "virtdeck/model.h"

/* vd_migrate_opts.flags */
#define VD_MIG_LIVE            (1u << 0)   /* running or paused guest */
#define VD_MIG_OFFLINE         (1u << 1)   /* shut off: define on the destination */
#define VD_MIG_PERSIST         (1u << 2)   /* persistent on the destination */
#define VD_MIG_UNDEFINE_SOURCE (1u << 3)
#define VD_MIG_COPY_ALL        (1u << 4)   /* copy non-shared disks, whole */
#define VD_MIG_COPY_INC        (1u << 5)   /* copy non-shared disks, top layer */
#define VD_MIG_AUTO_CONVERGE   (1u << 6)
#define VD_MIG_POSTCOPY        (1u << 7)   /* allow a switch to post-copy */
#define VD_MIG_P2P             (1u << 8)   /* the source daemon drives it */
#define VD_MIG_TUNNELLED       (1u << 9)   /* data through the daemons (p2p) */
#define VD_MIG_UNSAFE          (1u << 10)  /* skip libvirt's storage safety check */

typedef struct vd_migrate_opts {
    unsigned int flags;         /* VD_MIG_*; neither LIVE nor OFFLINE: by state */
    unsigned long long bandwidth; /* MiB/s, 0 = unlimited */
    long long downtime_ms;      /* maximum downtime, 0 = libvirt's default */
    char *src_uri;              /* the source as this program reaches it */
    char *dest_uri;             /* the destination as this program reaches it */
    char *peer_uri;             /* p2p: as the source daemon reaches it (NULL: dest_uri) */
    char *migrate_uri;          /* data link, e.g. tcp://10.0.0.2 (NULL: libvirt picks) */
} vd_migrate_opts;

/* The defaults of virt-manager's migrate dialog: live (when running),
 * persistent on the destination, undefine on the source, direct. */
#define VD_MIG_DEFAULT_FLAGS (VD_MIG_PERSIST | VD_MIG_UNDEFINE_SOURCE)

/* Free the strings of o (not o itself). NULL is fine. */
void vd_migrate_opts_clear(vd_migrate_opts *o);

/* A check of the options alone (no host asked): a message (malloc'ed)
 * naming the conflict, or NULL when they go together. Pure. */
char *vd_migrate_opts_check(const vd_migrate_opts *o);

/* The options as text for a command's str ("key=value" lines);
 * malloc'ed, NULL on out of memory. */
char *vd_migrate_opts_format(const vd_migrate_opts *o);

/* Parse what vd_migrate_opts_format() wrote into *o (cleared first).
 * Returns 0, or -1 on a malformed line (*o then cleared). */
int vd_migrate_opts_parse(const char *text, vd_migrate_opts *o);

/* A short description of the mode ("live, persistent, copy all
 * storage"); malloc'ed. */
char *vd_migrate_opts_describe(const vd_migrate_opts *o);

/* Evacuation: each domain (by UUID) to a destination URI. */
typedef struct vd_evacuate_item {
    char uuid[VD_UUID_LEN];
    char *dest_uri;
} vd_evacuate_item;

typedef struct vd_evacuate {
    vd_migrate_opts opts;       /* dest_uri unused: each item has its own */
    vd_evacuate_item *items;
    int n_items;
    int parallel;               /* at most this many at a time (>= 1) */
    bool stop_on_failure;       /* start no new migration after a failure */
} vd_evacuate;

/* Text for VD_CMD_HOST_EVACUATE's str; malloc'ed. */
char *vd_evacuate_format(const vd_evacuate *e);

/* Parse it into *e; 0 or -1. Free with vd_evacuate_clear(). */
int vd_evacuate_parse(const char *text, vd_evacuate *e);

/* Free what e holds (not e). */
void vd_evacuate_clear(vd_evacuate *e);

#endif
