/*
 * migrate.h: the migration engine on libvirt (core and command line;
 * never the UI). vd_migrate_check() says why a migration cannot work
 * before any migration call; vd_migrate_run() makes the blocking
 * migration call on a helper thread and polls virDomainGetJobStats
 * about every 0.5 s, aborting (virDomainAbortJob) or switching to
 * post-copy when asked.
 */
#ifndef VD_CORE_MIGRATE_H
#define VD_CORE_MIGRATE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/migrate.h"

#define VD_MIGRATE_POLL_MS 500

/* One look at a running migration. */
typedef struct vd_migrate_stats {
    const char *phase;          /* static: "setup", "storage", "memory", "post-copy" */
    unsigned long long processed, remaining, total; /* bytes */
    double rate;                /* bytes/s */
    double dirty_rate;          /* bytes/s */
    unsigned long long iteration;
    long long downtime_ms;      /* expected, -1 unknown */
    long long elapsed_ms;
    long long eta_ms;           /* -1 unknown */
} vd_migrate_stats;

/* How the caller watches and steers a running migration. */
typedef struct vd_migrate_ctl {
    /* called on the calling thread at every poll; optional */
    void (*progress)(const vd_migrate_stats *st, void *opaque);
    /* polled: true = abort now / switch to post-copy now; optional */
    bool (*cancelled)(void *opaque);
    bool (*postcopy)(void *opaque);
    void *opaque;
} vd_migrate_ctl;

/* Settle LIVE/OFFLINE from the domain's state when neither is given,
 * make OFFLINE persistent, and TUNNELLED peer-to-peer. */
void vd_migrate_opts_settle(vd_migrate_opts *o, bool active);

/* Why this migration cannot work, before any migration call: the
 * destination is the same host (host UUID), the guest is in the wrong
 * state for the mode, a network or pool it needs is missing or inactive
 * on the destination, a disk is not on storage the destination sees
 * and copy-storage is off, the destination has no pool to copy a disk
 * into, or already has a domain of that name. Returns a message
 * (malloc'ed) or NULL when it can go ahead. dst may be NULL for p2p when
 * the destination cannot be reached from here (then only the local
 * checks run). Settles o first (vd_migrate_opts_settle). */
char *vd_migrate_check(virConnectPtr src, virDomainPtr dom, virConnectPtr dst,
                       vd_migrate_opts *o);

/* After a failed migration of dom (on src; dst may be NULL): where the
 * guest is, as a sentence for the job's message (malloc'ed): running on
 * the destination, or still on the source (in which state), or, when
 * the source's daemon was lost, that its guest is to be found there
 * once it is back (libvirt then ends the migration it was in). */
char *vd_migrate_whereabouts(virConnectPtr src, virDomainPtr dom,
                             virConnectPtr dst);

/* Migrate dom (on src) as o says; dst is needed unless P2P. Blocks
 * until the migration ends. Returns 0 done, 1 cancelled (the guest
 * still runs on the source), -1 failed with *err (malloc'ed). */
int vd_migrate_run(virConnectPtr src, virDomainPtr dom, virConnectPtr dst,
                   const vd_migrate_opts *o, const vd_migrate_ctl *ctl,
                   char **err);

#endif
