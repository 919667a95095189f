/*
 * snapshot_priv.h: building snapshots inside the core. Only workers
 * create snapshots; everybody else just reads and references them.
 */
#ifndef VD_SNAPSHOT_PRIV_H
#define VD_SNAPSHOT_PRIV_H

#include "virtdeck/model.h"

/* A new empty snapshot with one reference; NULL on out of memory. */
vd_snapshot *vd_snapshot_new(int host_id, const char *uri, const char *label,
                             bool readonly);

/* A new snapshot with one reference holding deep copies of everything
 * in src except what the caller will replace; seq is src->seq + 1. */
vd_snapshot *vd_snapshot_clone(const vd_snapshot *src);

/* The same with no domains, for a refresh that re-reads them: copying
 * a thousand domains only to free them is most of a tick's own cost. */
vd_snapshot *vd_snapshot_clone_nodomains(const vd_snapshot *src);

/* Free the contents of the lists (used while building). */
void vd_domains_free(vd_domain *doms, size_t n);
void vd_networks_free(vd_network *nets, size_t n);
void vd_pools_free(vd_pool *pools, size_t n);
void vd_host_info_clear(vd_host_info *info);

/* Replace *dst with a copy of src (NULL allowed); returns 0 or -1. */
int vd_strset(char **dst, const char *src);

#endif
