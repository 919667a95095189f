/*
 * stats_read.h: reading live counters through a connection (worker only).
 */
#ifndef VD_STATS_READ_H
#define VD_STATS_READ_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/model.h"

/* Node calls the driver lacks, learned once. */
typedef struct vd_stats_host_caps {
    bool no_cpu;
    bool no_mem;
    int ncpu_params;            /* the counts the driver wants (it checks */
    int nmem_params;            /* them exactly); 0: not asked yet */
} vd_stats_host_caps;

/* Fill d's state, vCPUs, memory and d->sample's counters from one bulk
 * stats record's parameters (a single pass; sums disks and NICs). */
void vd_stats_from_params(const virTypedParameter *params, int n, vd_domain *d);

/* Stamp d->sample with the time, id and running flag, and fill its gaps
 * from d's fields (after a virDomainGetInfo fallback). */
void vd_stats_finish_sample(vd_domain *d, long long taken_ms);

/* Read the host's CPU and memory counters into s (one call each; a
 * driver without them is remembered in caps and not asked again). */
void vd_stats_read_host(virConnectPtr conn, vd_stats_host_caps *caps,
                        vd_host_sample *s, long long taken_ms);

#endif
