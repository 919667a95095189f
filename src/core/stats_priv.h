/*
 * stats_priv.h: how a worker turns raw samples into the figures of a
 * snapshot. The update is pure (unit-tested on fixed samples); the
 * readers call libvirt and belong to the worker.
 */
#ifndef VD_STATS_PRIV_H
#define VD_STATS_PRIV_H

#include <stdbool.h>

#include "virtdeck/model.h"
#include "virtdeck/stats.h"

/* Fill the rates and history of cur (sorted by UUID, each holding its
 * fresh sample in ->sample and no history) from prev (the previous
 * list, sorted by UUID; may be NULL/0), read at a tick of tick_ms. A
 * refresh closer than half a tick to a domain's last rate keeps the previous rates and base sample (an
 * event, not a tick), so rates are never taken over a tiny interval.
 * Domains absent from cur (vanished) are simply not carried; their
 * history goes with the last snapshot that shows them. Running domains
 * get a history (shared with prev's). Returns 0, or -1 when out of
 * memory (the figures are then partly missing, never wrong). */
int vd_stats_update_domains(const vd_domain *prev, size_t nprev,
                            vd_domain *cur, size_t ncur,
                            unsigned int host_cpus, long long tick_ms);

/* Count running and total domains into st. */
void vd_stats_count_domains(const vd_domain *doms, size_t n, vd_host_stats *st);

#endif
