/*
 * stats_update.c: carrying rates and histories from one snapshot's
 * domain list to the next. Pure: no libvirt, no clock.
 */
#include <string.h>

#include "core/stats_priv.h"

/* Carry the block and interface counters that cur's record left out
 * from base (same run): the last known values, marked stale, with the
 * time they were read. Absent never becomes 0. */
static void
carry_absent(const vd_dom_sample *base, vd_dom_sample *cur)
{
    if (!cur->running || !base->running || base->id != cur->id)
        return;
    if (!cur->has_block && base->has_block) {
        cur->has_block = cur->block_stale = true;
        cur->block_ms = base->block_ms ? base->block_ms : base->taken_ms;
        cur->rd_bytes = base->rd_bytes;
        cur->wr_bytes = base->wr_bytes;
        cur->rd_reqs = base->rd_reqs;
        cur->wr_reqs = base->wr_reqs;
    }
    if (!cur->has_net && base->has_net) {
        cur->has_net = cur->net_stale = true;
        cur->net_ms = base->net_ms ? base->net_ms : base->taken_ms;
        cur->rx_bytes = base->rx_bytes;
        cur->tx_bytes = base->tx_bytes;
        cur->rx_pkts = base->rx_pkts;
        cur->tx_pkts = base->tx_pkts;
    }
}

/* Fill one domain from its previous self (old may be NULL). */
static int
update_one(const vd_domain *old, vd_domain *d, unsigned int host_cpus,
           long long tick_ms)
{
    long long min_ms = tick_ms / 2;
    const vd_dom_sample *base = old ? &old->sample : NULL;
    bool restarted = base && base->id != d->sample.id;

    if (old && old->history)
        d->history = vd_history_ref(old->history);
    if (old)
        carry_absent(base, &d->sample);
    if (old && !restarted && d->sample.running && base->running &&
        d->sample.taken_ms - base->taken_ms < min_ms &&
        d->sample.taken_ms >= base->taken_ms) {
        /* an event refresh right after a tick: keep the last rates
         * and their base; only memory is taken from the new sample */
        vd_dom_rates mem;
        int psid = d->sample.period_set_id ? d->sample.period_set_id
                                           : base->period_set_id;

        vd_stats_dom_rates(NULL, &d->sample, host_cpus, &mem);
        d->sample = *base;
        d->sample.period_set_id = psid;
        d->rates = old->rates;
        d->rates.mem_valid = mem.mem_valid;
        d->rates.mem_from_guest = mem.mem_from_guest;
        d->rates.mem_used_kib = mem.mem_used_kib;
        d->rates.mem_total_kib = mem.mem_total_kib;
        d->rates.mem_pct = mem.mem_pct;
        return 0;
    }
    if (old && !d->sample.period_set_id && !restarted)
        d->sample.period_set_id = base->period_set_id;
    vd_stats_dom_rates(base, &d->sample, host_cpus, &d->rates);
    if (!d->history && d->sample.running && !(d->history = vd_history_new()))
        return -1;
    if (d->history)
        vd_history_add(d->history, d->sample.taken_ms, &d->rates, tick_ms);
    return 0;
}

/* Merge prev into cur by UUID; see stats_priv.h. */
int
vd_stats_update_domains(const vd_domain *prev, size_t nprev, vd_domain *cur,
                        size_t ncur, unsigned int host_cpus, long long tick_ms)
{
    size_t i = 0, j = 0;
    int ret = 0;

    for (j = 0; j < ncur; j++) {
        const vd_domain *old = NULL;
        int c = 1;

        while (i < nprev && (c = strcmp(prev[i].uuid, cur[j].uuid)) < 0)
            i++;            /* prev[i] vanished */
        if (i < nprev && c == 0)
            old = &prev[i];
        if (update_one(old, &cur[j], host_cpus, tick_ms) < 0)
            ret = -1;
    }
    return ret;
}

/* Running and total counts. */
void
vd_stats_count_domains(const vd_domain *doms, size_t n, vd_host_stats *st)
{
    size_t i;

    st->running = 0;
    st->total = (unsigned int)n;
    for (i = 0; i < n; i++) {
        if (doms[i].state == VD_DOM_RUNNING || doms[i].state == VD_DOM_BLOCKED ||
            doms[i].state == VD_DOM_PAUSED)
            st->running++;
    }
}
