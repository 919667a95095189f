/*
 * lists.h: reading a host's domains, networks, pools and facts through
 * its connection. Called only by that host's worker.
 */
#ifndef VD_LISTS_H
#define VD_LISTS_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/model.h"

/* What the worker learned about the daemon's support, kept across
 * calls so an unsupported flag is tried once, not every tick. */
typedef struct vd_list_caps {
    bool no_nowait;             /* the stats call rejects ..._NOWAIT */
    bool no_bulk;               /* no virConnectGetAllDomainStats at all */
    bool inproc;                /* the driver runs in this process (test:///):
                                 * per-domain calls cost no RPC */
    int balloon_period;         /* > 0: set this balloon stats period (s) on
                                 * running guests without memory figures */
    bool no_snapshots;          /* the driver has no snapshot count */
    bool snapshot_counts;       /* read snapshot counts (the panes show
                                 * them; batch mode does not) */
    size_t snap_cursor;         /* where the next tick's snapshot counts start */
    char snap_first[VD_UUID_LEN]; /* count this domain at the next read
                                   * (a snapshot command touched it) */
    size_t *order;              /* hint: record i of the last read went to
                                 * order[i] of its sorted result; owned */
    size_t norder;
} vd_list_caps;

/* Free what caps holds (not caps itself) and forget it. */
void vd_list_caps_clear(vd_list_caps *caps);

/* Fill info with the host's name, versions, CPUs and memory.
 * Returns 0, or -1 with libvirt's error set. */
int vd_lists_read_info(virConnectPtr conn, vd_host_info *info);

/* Read all domains with one bulk stats call. With full, also re-read
 * the persistent and autostart flags (two more calls); otherwise they
 * are carried over from prev (may be NULL). The result is sorted by
 * UUID; the caller owns it (vd_domains_free). Returns 0 or -1. */
int vd_lists_read_domains(virConnectPtr conn, vd_list_caps *caps, bool full,
                          const vd_snapshot *prev,
                          vd_domain **doms, size_t *ndoms);

/* Read all networks, sorted by name. Returns 0 or -1. */
int vd_lists_read_networks(virConnectPtr conn, vd_network **nets,
                           size_t *nnets);

/* Read all storage pools with their sizes, sorted by name. 0 or -1. */
int vd_lists_read_pools(virConnectPtr conn, vd_pool **pools, size_t *npools);

#endif
