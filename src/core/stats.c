/*
 * stats.c: rates from two samples (pure functions) and formatting of
 * sizes. See include/virtdeck/stats.h.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "virtdeck/stats.h"

/* Clamp v to [lo, hi]. */
static double
clamp(double v, double lo, double hi)
{
    if (v < lo)
        return lo;
    if (v > hi)
        return hi;
    return v;
}

/* Per-second rate of a counter that went from a to b in secs; a counter
 * that went down (a disk unplugged, a reset) counts as 0. */
static double
per_sec(unsigned long long a, unsigned long long b, double secs)
{
    if (b < a)
        return 0;
    return (double)(b - a) / secs;
}

/* When a group's counters were read: their own stamp, else the sample's. */
static long long
read_ms(long long group_ms, const vd_dom_sample *s)
{
    return group_ms ? group_ms : s->taken_ms;
}

/* Per-second rates of four counters read at t0 (a) and t1 (b) ms into
 * r; false when the interval is not positive. */
static bool
group_rates(long long t0, long long t1, const unsigned long long a[4],
            const unsigned long long b[4], double r[4])
{
    int i;

    if (t1 <= t0)
        return false;
    for (i = 0; i < 4; i++)
        r[i] = per_sec(a[i], b[i], (double)(t1 - t0) / 1000.0);
    return true;
}

/* Memory figures of one sample. */
static void
dom_memory(const vd_dom_sample *cur, vd_dom_rates *out)
{
    unsigned long long total = cur->bal_current ? cur->bal_current
                                                : cur->bal_maximum;

    out->mem_total_kib = total;
    out->mem_valid = false;
    out->mem_from_guest = false;
    out->mem_used_kib = 0;
    out->mem_pct = 0;
    if (!cur->running || !total)
        return;
    if (cur->has_unused && cur->bal_unused <= cur->bal_current) {
        out->mem_used_kib = cur->bal_current - cur->bal_unused;
        out->mem_from_guest = true;
        out->mem_valid = true;
    } else if (cur->has_rss) {
        /* QEMU's own footprint can exceed the guest's size a little */
        out->mem_used_kib = cur->bal_rss < total ? cur->bal_rss : total;
        out->mem_valid = true;
    }
    if (out->mem_valid)
        out->mem_pct = clamp(100.0 * (double)out->mem_used_kib / (double)total,
                             0, 100);
}

/* Rates of a domain between two samples. */
void
vd_stats_dom_rates(const vd_dom_sample *prev, const vd_dom_sample *cur,
                   unsigned int host_cpus, vd_dom_rates *out)
{
    double secs;

    memset(out, 0, sizeof(*out));
    dom_memory(cur, out);
    if (!prev || !prev->taken_ms || !cur->running || !prev->running)
        return;
    if (cur->taken_ms <= prev->taken_ms)
        return;                 /* zero or negative time delta */
    if (prev->id != cur->id)
        return;                 /* restarted between the samples */
    if (cur->has_cpu && prev->has_cpu && cur->cpu_ns < prev->cpu_ns)
        return;                 /* counters reset without a new id */
    secs = (double)(cur->taken_ms - prev->taken_ms) / 1000.0;
    out->valid = true;
    if (cur->has_cpu && prev->has_cpu) {
        double used = (double)(cur->cpu_ns - prev->cpu_ns) / 1e9 / secs;
        unsigned int vcpus = cur->vcpus ? cur->vcpus : 1;

        out->cpu_pct = clamp(100.0 * used / vcpus, 0, 100);
        out->cpu_host_pct = host_cpus ? clamp(100.0 * used / host_cpus, 0, 100)
                                      : 0;
        out->cpu_valid = true;
    }
    /* a group left out of cur has no rate; one left out of prev was
     * carried from an older read, so the interval is the real one */
    out->disk_stale = cur->has_block && cur->block_stale;
    out->net_stale = cur->has_net && cur->net_stale;
    if (cur->has_block && !cur->block_stale && prev->has_block) {
        double r[4];
        const unsigned long long a[4] = { prev->rd_bytes, prev->wr_bytes,
                                          prev->rd_reqs, prev->wr_reqs };
        const unsigned long long b[4] = { cur->rd_bytes, cur->wr_bytes,
                                          cur->rd_reqs, cur->wr_reqs };

        if ((out->disk_valid = group_rates(read_ms(prev->block_ms, prev),
                                           read_ms(cur->block_ms, cur),
                                           a, b, r))) {
            out->rd_bps = r[0];
            out->wr_bps = r[1];
            out->rd_rps = r[2];
            out->wr_rps = r[3];
        }
    }
    if (cur->has_net && !cur->net_stale && prev->has_net) {
        double r[4];
        const unsigned long long a[4] = { prev->rx_bytes, prev->tx_bytes,
                                          prev->rx_pkts, prev->tx_pkts };
        const unsigned long long b[4] = { cur->rx_bytes, cur->tx_bytes,
                                          cur->rx_pkts, cur->tx_pkts };

        if ((out->net_valid = group_rates(read_ms(prev->net_ms, prev),
                                          read_ms(cur->net_ms, cur), a, b, r))) {
            out->rx_bps = r[0];
            out->tx_bps = r[1];
            out->rx_pps = r[2];
            out->tx_pps = r[3];
        }
    }
}

/* Host CPU and memory. */
void
vd_stats_host_rates(const vd_host_sample *prev, const vd_host_sample *cur,
                    vd_host_rates *out)
{
    memset(out, 0, sizeof(*out));
    if (cur->has_mem && cur->mem_total_kib) {
        unsigned long long avail = cur->mem_free_kib + cur->mem_buffers_kib +
                                   cur->mem_cached_kib;

        out->mem_total_kib = cur->mem_total_kib;
        out->mem_used_kib = avail < cur->mem_total_kib
                            ? cur->mem_total_kib - avail : 0;
        out->mem_pct = 100.0 * (double)out->mem_used_kib /
                       (double)cur->mem_total_kib;
        out->mem_valid = true;
    }
    if (prev && prev->has_cpu && cur->has_cpu &&
        cur->cpu_total_ns > prev->cpu_total_ns &&
        cur->cpu_busy_ns >= prev->cpu_busy_ns) {
        double busy = (double)(cur->cpu_busy_ns - prev->cpu_busy_ns);
        double total = (double)(cur->cpu_total_ns - prev->cpu_total_ns);

        out->cpu_pct = clamp(100.0 * busy / total, 0, 100);
        out->cpu_valid = true;
    }
}

