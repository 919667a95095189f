/*
 * stats.h: live figures of domains and hosts: raw counter samples, the
 * rates computed from two consecutive samples, and a per-domain history.
 *
 * A worker reads one sample per domain per tick (one bulk call for all
 * domains) and one host sample; the rate functions here are pure and
 * know nothing about libvirt or curses. A domain's history is a small
 * refcounted object shared by every snapshot that shows the domain, so
 * publishing a snapshot never copies history.
 */
#ifndef VIRTDECK_STATS_H
#define VIRTDECK_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "virtdeck/bytes.h"

/* The raw counters of one domain at one moment. Totals are summed over
 * all its disks and interfaces. Memory in KiB, times in ns. */
typedef struct vd_dom_sample {
    long long taken_ms;             /* monotonic ms of the bulk call; 0: none */
    int id;                         /* domain id then: a new id = restarted */
    bool running;                   /* running or blocked (counters move) */
    unsigned int vcpus;
    bool has_cpu;
    unsigned long long cpu_ns;      /* cpu.time */
    bool has_unused;                /* the guest reports balloon.unused */
    bool has_rss;
    unsigned long long bal_current; /* balloon.current */
    unsigned long long bal_maximum; /* balloon.maximum */
    unsigned long long bal_unused;  /* balloon.unused */
    unsigned long long bal_rss;     /* balloon.rss (host side) */
    /* Block and interface counters may be left out of a record (the bulk
     * call's NOWAIT flag skips block stats while another client holds the
     * domain's job lock). Absent is unknown, never 0: the worker carries
     * the last counters read, marks them stale and keeps the time they
     * were read, so a rate across the gap uses the real interval. */
    bool has_block;                 /* counters known (fresh or carried) */
    bool block_stale;               /* carried: left out of this record */
    long long block_ms;             /* monotonic ms they were read; 0: taken_ms */
    bool block_counted;             /* block.count was in the record */
    unsigned int nblock;            /* block.count */
    unsigned long long rd_bytes, wr_bytes, rd_reqs, wr_reqs;
    bool has_net;
    bool net_stale;
    long long net_ms;
    bool net_counted;
    unsigned int nnet;              /* net.count */
    unsigned long long rx_bytes, tx_bytes, rx_pkts, tx_pkts;
    int period_set_id;              /* id whose stats period we set, or 0 */
} vd_dom_sample;

/* What a domain is doing now. The rates need two samples; memory only
 * the latest. */
typedef struct vd_dom_rates {
    bool valid;                     /* false: no rates (first sample, restart,
                                     * zero time delta, not running) */
    bool cpu_valid;                 /* each figure on its own: false when */
    bool disk_valid;                /* its counters were absent from either */
    bool net_valid;                 /* sample (unknown, shown as "-") */
    bool disk_stale;                /* the disk counters are the last known */
    bool net_stale;                 /* ones, carried over an absent read */
    double cpu_pct;                 /* of its own vCPUs, 0-100 */
    double cpu_host_pct;            /* of all the host's CPUs, 0-100 */
    double rd_bps, wr_bps;          /* disk bytes/s */
    double rd_rps, wr_rps;          /* disk requests/s */
    double rx_bps, tx_bps;          /* network bytes/s */
    double rx_pps, tx_pps;          /* network packets/s */
    bool mem_valid;
    bool mem_from_guest;            /* current - unused; false: rss */
    unsigned long long mem_used_kib;
    unsigned long long mem_total_kib;
    double mem_pct;                 /* used / total, 0-100 */
} vd_dom_rates;

/* A host's counters at one moment (virNodeGetCPUStats/MemoryStats). */
typedef struct vd_host_sample {
    long long taken_ms;
    bool has_cpu;
    unsigned long long cpu_busy_ns; /* kernel + user (+ iowait not counted) */
    unsigned long long cpu_total_ns;/* busy + idle + iowait */
    bool has_mem;
    unsigned long long mem_total_kib;
    unsigned long long mem_free_kib;
    unsigned long long mem_buffers_kib;
    unsigned long long mem_cached_kib;
} vd_host_sample;

typedef struct vd_host_rates {
    bool cpu_valid;
    double cpu_pct;                 /* busy share of all CPUs, 0-100 */
    bool mem_valid;
    unsigned long long mem_used_kib;/* total - free - buffers - cached */
    unsigned long long mem_total_kib;
    double mem_pct;
} vd_host_rates;

/* Host figures published with a snapshot. */
typedef struct vd_host_stats {
    vd_host_sample sample;          /* base of the rates */
    vd_host_rates rates;
    unsigned int running;           /* domains running (or blocked/paused) */
    unsigned int total;             /* all domains */
} vd_host_stats;

/* Rates of a domain from prev to cur. host_cpus (0: unknown) gives the
 * share of the host. Never fails: out->valid says whether there are
 * rates, out->cpu_valid/disk_valid/net_valid which figures are known
 * (a stale group in cur has no rate; a stale group in prev gives the
 * rate over the interval between the two reads); out->mem_* come from
 * cur alone. prev may be NULL. */
void vd_stats_dom_rates(const vd_dom_sample *prev, const vd_dom_sample *cur,
                        unsigned int host_cpus, vd_dom_rates *out);

/* Host CPU and memory from prev (may be NULL) to cur. */
void vd_stats_host_rates(const vd_host_sample *prev, const vd_host_sample *cur,
                         vd_host_rates *out);

/* Human-readable bytes ("1.5M", "980K", "0") into buf; returns buf.
 * vd_fmt_bytes()'s compact style under its older name. */
static inline char *
vd_stats_fmt_bytes(double bytes, char *buf, size_t len)
{
    return vd_fmt_bytes(bytes, VD_BYTES_COMPACT, buf, len);
}

/* ---- history ---------------------------------------------------------- */

/* The series a history keeps. */
typedef enum {
    VD_HIST_CPU = 0,                /* % of its vCPUs */
    VD_HIST_MEM,                    /* % of its memory */
    VD_HIST_DISK,                   /* disk bytes/s, read + write */
    VD_HIST_NET,                    /* network bytes/s, rx + tx */
    VD_HIST_NSERIES
} vd_hist_series;

/* Sizes: 12 bytes a fine point, 4.5 a coarse one (in blocks, within
 * 0.2 % of the block's largest value): about 2.7 KiB a domain once an
 * hour is held at a 2 s tick (the rings grow as they fill: history.c). */
#define VD_HIST_FINE 128            /* the most points at the tick kept */
#define VD_HIST_SPARK 64            /* the fewest: the widest sparkline */
#define VD_HIST_COARSE 368          /* 10 s averages kept: an hour and a bit (23 blocks) */
#define VD_HIST_COARSE_MS 10000

typedef struct vd_history vd_history;

/* A new empty history with one reference; NULL on out of memory. */
vd_history *vd_history_new(void);

/* Take a reference (NULL passes through). Thread-safe. */
vd_history *vd_history_ref(vd_history *hist);

/* Drop a reference; the last one frees. Thread-safe. */
void vd_history_unref(vd_history *hist);

/* Append the rates at monotonic time t_ms (worker only), taken at a
 * tick of tick_ms. Invalid rates are stored as gaps. Points closer than
 * half a tick to the last one are ignored. Returns true when the point
 * was added. */
bool vd_history_add(vd_history *hist, long long t_ms, const vd_dom_rates *r,
                    long long tick_ms);

/* How many points at the tick the fine ring keeps at a tick of tick_ms:
 * enough for the 5-minute graph where that fits in VD_HIST_FINE, else
 * for the 1-minute graph, and never fewer than VD_HIST_SPARK. */
size_t vd_history_fine_points(long long tick_ms);

/* Monotonic ms of the newest point, 0 when empty. */
long long vd_history_last_ms(const vd_history *hist);

/* Resample the span_ms before end_ms into ncols columns (oldest first):
 * each column the average of the points in it, NaN where there are none.
 * Uses the fine ring when it covers the span, else the 10 s averages.
 * Returns how many columns hold a value. Any thread. */
size_t vd_history_series(const vd_history *hist, vd_hist_series series,
                         long long end_ms, long long span_ms,
                         double *out, size_t ncols);

/* The last n fine points of a series (oldest first, NaN for gaps) into
 * out; returns how many were written (<= n). Any thread. */
size_t vd_history_last(const vd_history *hist, vd_hist_series series,
                       double *out, size_t n);

/* Pack a non-negative rate into 16 bits (5-bit exponent, 11-bit
 * mantissa: ~0.05 % error, up to 4e12) and back. Exposed for tests. */
uint16_t vd_hist_pack(double v);
double vd_hist_unpack(uint16_t p);

#endif
