/*
 * test_stats.c: the rate maths on fixed samples (CPU %, memory, disk
 * and network rates; counter reset after a restart, a vanished guest,
 * a zero time delta), the history rings and the value packing.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/core.h"
#include "virtdeck/stats.h"
#include "core/snapshot_priv.h"
#include "core/stats_priv.h"
#include "core/stats_read.h"

/* A running 2-vCPU guest with 1 GiB, 300 MiB unused, at t ms with
 * cpu_ns of CPU time, and counters c (disk bytes = c, reqs = c/1000,
 * net bytes = 2c, packets = c/500). */
static vd_dom_sample
sample(long long t, unsigned long long cpu_ns, unsigned long long c, int id)
{
    vd_dom_sample s;

    memset(&s, 0, sizeof(s));
    s.taken_ms = t;
    s.id = id;
    s.running = true;
    s.vcpus = 2;
    s.has_cpu = true;
    s.cpu_ns = cpu_ns;
    s.bal_current = s.bal_maximum = 1048576;
    s.has_unused = true;
    s.bal_unused = 307200;
    s.has_rss = true;
    s.bal_rss = 900000;
    s.has_block = s.has_net = true;
    s.rd_bytes = c;
    s.wr_bytes = c / 2;
    s.rd_reqs = c / 1000;
    s.wr_reqs = c / 2000;
    s.rx_bytes = 2 * c;
    s.tx_bytes = c;
    s.rx_pkts = c / 500;
    s.tx_pkts = c / 1000;
    return s;
}

static void
test_rates(void **state)
{
    vd_dom_sample a = sample(10000, 5000000000ULL, 1000000, 3);
    /* 2 s later: 1 s of CPU time on 2 vCPUs = 25 %; 8 host CPUs: 6.25 % */
    vd_dom_sample b = sample(12000, 6000000000ULL, 3000000, 3);
    vd_dom_rates r;

    (void)state;
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_true(r.valid);
    assert_true(fabs(r.cpu_pct - 25.0) < 1e-9);
    assert_true(fabs(r.cpu_host_pct - 6.25) < 1e-9);
    assert_true(fabs(r.rd_bps - 1000000.0) < 1e-6);
    assert_true(fabs(r.wr_bps - 500000.0) < 1e-6);
    assert_true(fabs(r.rd_rps - 1000.0) < 1e-6);
    assert_true(fabs(r.wr_rps - 500.0) < 1e-6);
    assert_true(fabs(r.rx_bps - 2000000.0) < 1e-6);
    assert_true(fabs(r.tx_bps - 1000000.0) < 1e-6);
    assert_true(fabs(r.rx_pps - 2000.0) < 1e-6);
    assert_true(fabs(r.tx_pps - 1000.0) < 1e-6);
    /* memory: current - unused */
    assert_true(r.mem_valid);
    assert_true(r.mem_from_guest);
    assert_int_equal(r.mem_used_kib, 1048576 - 307200);
    assert_int_equal(r.mem_total_kib, 1048576);
    assert_true(fabs(r.mem_pct - 70.703125) < 1e-9);
}

static void
test_clamp_and_rss(void **state)
{
    vd_dom_sample a = sample(0 + 1, 0, 0, 1);
    /* 10 s of CPU in 1 s on 2 vCPUs: clamped to 100 % */
    vd_dom_sample b = sample(1001, 10000000000ULL, 0, 1);
    vd_dom_rates r;

    (void)state;
    b.has_unused = false;       /* the guest gives no stats: rss */
    vd_stats_dom_rates(&a, &b, 4, &r);
    assert_true(r.valid);
    assert_true(r.cpu_pct == 100.0);
    assert_true(r.cpu_host_pct == 100.0);
    assert_false(r.mem_from_guest);
    assert_int_equal(r.mem_used_kib, 900000);
    /* rss above the size is capped at it */
    b.bal_rss = 2000000;
    vd_stats_dom_rates(&a, &b, 4, &r);
    assert_int_equal(r.mem_used_kib, 1048576);
    assert_true(r.mem_pct == 100.0);
    /* neither: no memory figure */
    b.has_rss = false;
    vd_stats_dom_rates(&a, &b, 4, &r);
    assert_false(r.mem_valid);
}

static void
test_counter_reset(void **state)
{
    vd_dom_sample a = sample(10000, 90000000000ULL, 5000000, 3);
    /* restarted: a new id and small counters */
    vd_dom_sample b = sample(12000, 1000000000ULL, 1000, 4);
    vd_dom_rates r;

    (void)state;
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_false(r.valid);
    assert_true(r.cpu_pct == 0 && r.rd_bps == 0 && r.rx_bps == 0);
    assert_true(r.mem_valid);           /* memory needs no delta */
    /* same id but counters went back (driver reset) */
    b.id = 3;
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_false(r.valid);
    /* cpu fine but a disk went away: that counter gives 0, not junk */
    b = sample(12000, 91000000000ULL, 100, 3);
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_true(r.valid);
    assert_true(r.rd_bps == 0 && r.tx_pps == 0);
    assert_true(fabs(r.cpu_pct - 25.0) < 1e-9);
}

static void
test_zero_dt(void **state)
{
    vd_dom_sample a = sample(10000, 5000000000ULL, 1000, 3);
    vd_dom_sample b = sample(10000, 6000000000ULL, 2000, 3);
    vd_dom_rates r;

    (void)state;
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_false(r.valid);
    assert_true(isfinite(r.cpu_pct) && r.cpu_pct == 0);
    b.taken_ms = 9000;          /* clock went back: no rates either */
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_false(r.valid);
    vd_stats_dom_rates(NULL, &b, 8, &r);   /* first sample */
    assert_false(r.valid);
    assert_true(r.mem_valid);
}

static void
test_not_running(void **state)
{
    vd_dom_sample a = sample(10000, 5000000000ULL, 1000, 3);
    vd_dom_sample b = sample(12000, 5000000000ULL, 1000, -1);
    vd_dom_rates r;

    (void)state;
    b.running = false;
    vd_stats_dom_rates(&a, &b, 8, &r);
    assert_false(r.valid);
    assert_false(r.mem_valid);
}

/* A domain named n with uuid u and sample s. */
static vd_domain
dom(const char *u, vd_dom_sample s)
{
    vd_domain d;

    memset(&d, 0, sizeof(d));
    strcpy(d.uuid, u);
    d.sample = s;
    d.state = s.running ? VD_DOM_RUNNING : VD_DOM_SHUTOFF;
    return d;
}

static void
test_update_lists(void **state)
{
    /* prev: A, B (vanishes), C; cur: A, C, D (new) */
    vd_domain prev[3], cur[3];
    size_t i;

    (void)state;
    prev[0] = dom("a", sample(1000, 1000000000ULL, 0, 1));
    prev[1] = dom("b", sample(1000, 1000000000ULL, 0, 2));
    prev[2] = dom("c", sample(1000, 1000000000ULL, 0, 3));
    assert_int_equal(vd_stats_update_domains(NULL, 0, prev, 3, 4, 2000), 0);
    for (i = 0; i < 3; i++) {
        assert_false(prev[i].rates.valid);
        assert_non_null(prev[i].history);
    }
    cur[0] = dom("a", sample(3000, 2000000000ULL, 0, 1));
    cur[1] = dom("c", sample(3000, 1000000000ULL, 0, 9));  /* restarted */
    cur[2] = dom("d", sample(3000, 7000000000ULL, 0, 4));
    assert_int_equal(vd_stats_update_domains(prev, 3, cur, 3, 4, 2000), 0);
    assert_true(cur[0].rates.valid);
    assert_true(fabs(cur[0].rates.cpu_pct - 25.0) < 1e-9);
    assert_ptr_equal(cur[0].history, prev[0].history);   /* shared */
    assert_false(cur[1].rates.valid);                     /* reset */
    assert_ptr_equal(cur[1].history, prev[2].history);
    assert_false(cur[2].rates.valid);                     /* new */
    assert_non_null(cur[2].history);

    /* an event refresh 100 ms later keeps the tick's rates and base */
    {
        vd_domain ev = dom("a", sample(3100, 2050000000ULL, 0, 1));
        assert_int_equal(vd_stats_update_domains(cur, 1, &ev, 1, 4, 2000), 0);
        assert_true(ev.rates.valid);
        assert_true(fabs(ev.rates.cpu_pct - 25.0) < 1e-9);
        assert_int_equal(ev.sample.taken_ms, 3000);
        vd_history_unref(ev.history);
    }
    /* history of A: one gap (first) then 25 % */
    {
        double v[4];
        size_t k = vd_history_last(cur[0].history, VD_HIST_CPU, v, 4);
        assert_int_equal(k, 2);
        assert_true(isnan(v[0]));
        assert_true(fabs(v[1] - 25.0) < 0.01);
    }
    vd_domains_free(NULL, 0);
    for (i = 0; i < 3; i++) {
        vd_history_unref(prev[i].history);
        vd_history_unref(cur[i].history);
    }
}

/* A read that left out the block counters (NOWAIT while another client
 * holds the domain's job lock) keeps the last counters, marked stale,
 * gives no disk rate (not 0), leaves a gap in the history, and the next
 * full read's rate spans the real interval. Network and CPU go on. */
static void
test_absent_block(void **state)
{
    vd_domain a = dom("a", sample(1000, 1000000000ULL, 1000000, 7));
    vd_domain b = dom("a", sample(3000, 2000000000ULL, 9999999, 7));
    vd_domain c = dom("a", sample(5000, 3000000000ULL, 5000000, 7));
    double v[4];

    (void)state;
    /* b's record had no block.N.rd.bytes etc.: zeros and no flag */
    b.sample.has_block = false;
    b.sample.rd_bytes = b.sample.wr_bytes = 0;
    b.sample.rd_reqs = b.sample.wr_reqs = 0;
    assert_int_equal(vd_stats_update_domains(NULL, 0, &a, 1, 4, 2000), 0);
    assert_int_equal(vd_stats_update_domains(&a, 1, &b, 1, 4, 2000), 0);
    assert_true(b.rates.valid);
    assert_true(b.rates.cpu_valid && fabs(b.rates.cpu_pct - 25.0) < 1e-9);
    assert_true(b.rates.net_valid);
    assert_false(b.rates.disk_valid);           /* unknown, not 0 B/s */
    assert_true(b.rates.disk_stale);
    assert_true(b.sample.has_block && b.sample.block_stale);
    assert_int_equal(b.sample.rd_bytes, 1000000);   /* the last value */
    assert_int_equal(b.sample.block_ms, 1000);
    /* the next full read: 4 MB over the 4 s since the last block read,
     * neither 5 MB over 2 s (from a fake 0) nor (5 - 1) MB over 2 s */
    assert_int_equal(vd_stats_update_domains(&b, 1, &c, 1, 4, 2000), 0);
    assert_true(c.rates.disk_valid);
    assert_false(c.rates.disk_stale);
    assert_false(c.sample.block_stale);
    assert_true(fabs(c.rates.rd_bps - 1000000.0) < 1e-6);
    assert_true(fabs(c.rates.rd_rps - 1000.0) < 1e-6);
    /* the history shows a gap where the figure was unknown */
    assert_int_equal(vd_history_last(c.history, VD_HIST_DISK, v, 4), 3);
    assert_true(isnan(v[0]));                   /* first sample */
    assert_true(isnan(v[1]));                   /* absent */
    assert_true(fabs(v[2] - 1500000.0) / 1500000.0 < 0.001);
    vd_history_unref(a.history);
    vd_history_unref(b.history);
    vd_history_unref(c.history);
}

/* Two reads in a row without block counters: still the first values,
 * still their time; a restart drops them (a new run's counters). */
static void
test_absent_twice_and_restart(void **state)
{
    vd_domain a = dom("a", sample(1000, 1000000000ULL, 1000000, 7));
    vd_domain b = dom("a", sample(3000, 2000000000ULL, 0, 7));
    vd_domain c = dom("a", sample(5000, 3000000000ULL, 0, 7));
    vd_domain d = dom("a", sample(7000, 100000000ULL, 0, 8));

    (void)state;
    b.sample.has_block = c.sample.has_block = d.sample.has_block = false;
    b.sample.has_net = false;
    vd_stats_update_domains(NULL, 0, &a, 1, 4, 2000);
    vd_stats_update_domains(&a, 1, &b, 1, 4, 2000);
    vd_stats_update_domains(&b, 1, &c, 1, 4, 2000);
    assert_true(c.sample.block_stale);
    assert_int_equal(c.sample.rd_bytes, 1000000);
    assert_int_equal(c.sample.block_ms, 1000);
    assert_false(c.rates.disk_valid);
    /* net came back in c after b left it out: rate over 4 s */
    assert_true(b.sample.net_stale && !b.rates.net_valid);
    assert_true(c.rates.net_valid && !c.sample.net_stale);
    assert_true(fabs(c.rates.rx_bps - 0.0) < 1e-6);
    vd_stats_update_domains(&c, 1, &d, 1, 4, 2000);   /* restarted */
    assert_false(d.sample.has_block);
    assert_false(d.sample.block_stale);
    vd_history_unref(a.history);
    vd_history_unref(b.history);
    vd_history_unref(c.history);
    vd_history_unref(d.history);
}

/* A record with block.count = 0 (no disks) has true zero totals; one
 * that lists disks without their counters has none. */
static void
test_block_count(void **state)
{
    virTypedParameter p[3];
    vd_domain d;

    (void)state;
    memset(p, 0, sizeof(p));
    strcpy(p[0].field, "state.state");
    p[0].type = VIR_TYPED_PARAM_INT;
    p[0].value.i = 1;
    strcpy(p[1].field, "block.count");
    p[1].type = VIR_TYPED_PARAM_UINT;
    p[1].value.ui = 0;
    memset(&d, 0, sizeof(d));
    vd_stats_from_params(p, 2, &d);
    vd_stats_finish_sample(&d, 1000);
    assert_true(d.sample.has_block);
    assert_int_equal(d.sample.rd_bytes, 0);
    /* one disk listed, its counters left out (NOWAIT) */
    p[1].value.ui = 1;
    strcpy(p[2].field, "block.0.name");
    p[2].type = VIR_TYPED_PARAM_STRING;
    p[2].value.s = (char *)"vda";
    memset(&d, 0, sizeof(d));
    vd_stats_from_params(p, 3, &d);
    vd_stats_finish_sample(&d, 1000);
    assert_false(d.sample.has_block);
    /* and with them */
    strcpy(p[2].field, "block.0.rd.bytes");
    p[2].type = VIR_TYPED_PARAM_ULLONG;
    p[2].value.ul = 4096;
    memset(&d, 0, sizeof(d));
    vd_stats_from_params(p, 3, &d);
    vd_stats_finish_sample(&d, 1000);
    assert_true(d.sample.has_block);
    assert_int_equal(d.sample.block_ms, 1000);
    assert_int_equal(d.sample.rd_bytes, 4096);
}

static void
test_history_rings(void **state)
{
    vd_history *h = vd_history_new();
    vd_dom_rates r;
    double cols[60];
    long long t;
    size_t filled;

    (void)state;
    memset(&r, 0, sizeof(r));
    r.valid = r.mem_valid = r.cpu_valid = r.net_valid = true;
    /* 2 hours at a 2 s tick: CPU = minute of the hour / 60 * 100 */
    for (t = 0; t <= 7200000; t += 2000) {
        r.cpu_pct = (double)((t / 60000) % 60) * 100.0 / 60.0;
        r.rx_bps = 1e6;
        assert_true(vd_history_add(h, 1000 + t, &r, 2000));
    }
    /* too close to the last point: ignored */
    assert_false(vd_history_add(h, 1000 + t - 2000 + 10, &r, 2000));
    /* last hour in 60 columns: each column ~ its minute */
    filled = vd_history_series(h, VD_HIST_CPU, 1000 + 7200000, 3600000, cols, 60);
    assert_true(filled >= 58);
    assert_true(fabs(cols[30] - 30 * 100.0 / 60.0) < 3.0);
    /* last minute, from the fine ring: the last minute's value */
    filled = vd_history_series(h, VD_HIST_CPU, 1000 + 7200000, 60000, cols, 30);
    assert_int_equal(filled, 30);
    assert_true(fabs(cols[10] - 59 * 100.0 / 60.0) < 0.01);
    filled = vd_history_series(h, VD_HIST_NET, 1000 + 7200000, 60000, cols, 30);
    assert_true(fabs(cols[29] - 1e6) / 1e6 < 0.001);
    vd_history_unref(h);
}

/* The rings grow as they fill (history.c): every point stays in order
 * across each growth, and the oldest go once the fine ring is full. */
static void
test_history_growth(void **state)
{
    vd_history *h = vd_history_new();
    vd_dom_rates r;
    double v[VD_HIST_FINE];
    size_t i, k, n, fine = vd_history_fine_points(2000);

    (void)state;
    memset(&r, 0, sizeof(r));
    r.valid = r.cpu_valid = true;
    for (n = 1; n <= fine + 40; n++) {
        r.cpu_pct = (double)(n % 97);
        assert_true(vd_history_add(h, 1000 + (long long)n * 2000, &r, 2000));
        k = vd_history_last(h, VD_HIST_CPU, v, VD_HIST_FINE);
        assert_int_equal(k, n < fine ? n : fine);
        for (i = 0; i < k; i++)
            assert_true(fabs(v[i] - (double)((n - k + 1 + i) % 97)) < 0.01);
    }
    vd_history_unref(h);
}

/* The fine ring's size at a tick: the sparkline's points, the 1-minute
 * graph at every tick from 0.5 s to an hour, and the 5-minute graph
 * wherever VD_HIST_FINE points at that tick reach over it; 64 points at
 * the default 2 s tick. */
static void
test_history_fine_points(void **state)
{
    static const long long ticks[] = {
        500, 1000, 1500, 2000, 2300, 2400, 2500, 3000, 5000, 10000,
        60000, 3600000,
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(ticks) / sizeof(ticks[0]); i++) {
        long long t = ticks[i];
        long long n = (long long)vd_history_fine_points(t);

        assert_true(n >= VD_HIST_SPARK && n <= VD_HIST_FINE);
        assert_true((n - 1) * t >= 60000);
        if ((VD_HIST_FINE - 1) * t >= 300000)
            assert_true((n - 1) * t >= 300000);
    }
    assert_int_equal(vd_history_fine_points(2000), 64);
}

/* The value test_history_blocks puts in 10 s bucket b of series s, NaN
 * for a gap. */
static double
block_want(vd_hist_series s, long long b)
{
    if (s == VD_HIST_CPU)
        return b % 13 == 5 ? NAN : (double)(b % 101);
    return b % 17 == 3 ? NAN : (double)((b * 7919) % 1000 + 1) * 1e4;
}

/* The 10 s averages are kept in blocks, each point in 1/254 steps of
 * its block's largest value (history.c): two hours at a 2 s tick, every
 * bucket a different value, and the last hour read back one column per
 * bucket. Each is within 1/508 of the largest value of the buckets
 * around it (its block lies among them), and gaps stay gaps. */
static void
test_history_blocks(void **state)
{
    static const vd_hist_series series[] = { VD_HIST_CPU, VD_HIST_NET };
    vd_history *h = vd_history_new();
    vd_dom_rates r;
    double cols[360];
    long long t, b;
    size_t i, k;

    (void)state;
    memset(&r, 0, sizeof(r));
    r.valid = r.mem_valid = true;
    for (t = 0; t <= 7200000; t += 2000) {
        b = t / VD_HIST_COARSE_MS;
        r.cpu_valid = !isnan(block_want(VD_HIST_CPU, b));
        r.cpu_pct = r.cpu_valid ? block_want(VD_HIST_CPU, b) : 0;
        r.net_valid = !isnan(block_want(VD_HIST_NET, b));
        r.rx_bps = r.net_valid ? block_want(VD_HIST_NET, b) : 0;
        assert_true(vd_history_add(h, 1000 + t, &r, 2000));
    }
    for (k = 0; k < 2; k++) {
        vd_hist_series s = series[k];
        size_t filled = 0;

        for (b = 360; b < 720; b++)
            filled += !isnan(block_want(s, b));
        assert_int_equal(vd_history_series(h, s, 1000 + 7200000, 3600000,
                                           cols, 360), filled);
        for (i = 0; i < 360; i++) {
            double want, top = 0;

            b = 360 + (long long)i;
            want = block_want(s, b);
            if (isnan(want)) {
                assert_true(isnan(cols[i]));
                continue;
            }
            for (t = b - 15; t <= b + 15; t++)
                if (block_want(s, t) > top)
                    top = block_want(s, t);
            assert_false(isnan(cols[i]));
            assert_true(fabs(cols[i] - want) <= top / 508.0 + want / 1000.0 + 0.01);
        }
    }
    vd_history_unref(h);
}

static void
test_history_gaps(void **state)
{
    vd_history *h = vd_history_new();
    vd_dom_rates r, off;
    double cols[12];
    long long t;
    size_t filled;

    (void)state;
    memset(&r, 0, sizeof(r));
    memset(&off, 0, sizeof(off));
    r.valid = r.mem_valid = r.cpu_valid = true;
    r.cpu_pct = 40;
    /* 20 min running, 20 min shut off (gaps), 20 min running */
    for (t = 0; t < 3600000; t += 2000)
        vd_history_add(h, 1000 + t, (t / 1200000) % 2 ? &off : &r, 2000);
    assert_int_equal(vd_history_last_ms(h), 1000 + 3600000 - 2000);
    /* the hour in 12 columns of 5 min: 4 full, 4 empty, 4 full */
    filled = vd_history_series(h, VD_HIST_CPU, 1000 + 3600000, 3600000, cols, 12);
    assert_int_equal(filled, 8);
    assert_true(fabs(cols[0] - 40) < 0.01 && fabs(cols[11] - 40) < 0.01);
    assert_true(isnan(cols[5]) && isnan(cols[6]));
    /* a pause longer than the coarse ring (no points at all for 2 h):
     * the old averages are dropped, not shown at the wrong time */
    vd_history_add(h, 1000 + 3600000 + 7200000, &r, 2000);
    filled = vd_history_series(h, VD_HIST_CPU, 1000 + 3600000 + 7200000,
                               3600000, cols, 12);
    assert_int_equal(filled, 1);
    assert_true(fabs(cols[11] - 40) < 0.01);
    vd_history_unref(h);
}

static void
test_pack(void **state)
{
    static const double vals[] = { 0, 1, 2047, 2048, 4095, 4096, 123456.0,
                                   1e9, 3.3e12 };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        double back = vd_hist_unpack(vd_hist_pack(vals[i]));
        assert_true(fabs(back - vals[i]) <= vals[i] / 1000.0 + 0.5);
    }
    assert_int_equal(vd_hist_pack(-5), 0);
    assert_true(vd_hist_pack(1e15) != 0xffff);
}

static void
test_host_rates(void **state)
{
    vd_host_sample a, b;
    vd_host_rates r;

    (void)state;
    memset(&a, 0, sizeof(a));
    a.has_cpu = a.has_mem = true;
    a.cpu_busy_ns = 1000;
    a.cpu_total_ns = 10000;
    a.mem_total_kib = 1000;
    b = a;
    b.cpu_busy_ns = 4000;
    b.cpu_total_ns = 20000;
    b.mem_free_kib = 200;
    b.mem_cached_kib = 100;
    b.mem_buffers_kib = 100;
    vd_stats_host_rates(&a, &b, &r);
    assert_true(r.cpu_valid && fabs(r.cpu_pct - 30.0) < 1e-9);
    assert_true(r.mem_valid && r.mem_used_kib == 600);
    vd_stats_host_rates(&a, &a, &r);            /* zero delta */
    assert_false(r.cpu_valid);
    vd_stats_host_rates(NULL, &b, &r);
    assert_false(r.cpu_valid);
    assert_true(r.mem_valid);
}

static void
test_fmt(void **state)
{
    char buf[16];

    (void)state;
    assert_string_equal(vd_stats_fmt_bytes(0, buf, sizeof(buf)), "0");
    assert_string_equal(vd_stats_fmt_bytes(999, buf, sizeof(buf)), "999");
    assert_string_equal(vd_stats_fmt_bytes(1536, buf, sizeof(buf)), "1.5K");
    assert_string_equal(vd_stats_fmt_bytes(50.0 * 1048576, buf, sizeof(buf)), "50M");
}

/* Every host's worker ticks on the same multiples of the period, at
 * least half a period after now (vd_tick_next). */
static void
test_tick_next(void **state)
{
    (void)state;
    /* two hosts that connected at different moments read together */
    assert_int_equal(vd_tick_next(10300, 2000), 12000);
    assert_int_equal(vd_tick_next(11100, 2000), 14000);   /* 900 ms: too near */
    assert_int_equal(vd_tick_next(11000, 2000), 12000);   /* half: enough */
    /* steady state: a tick found a few ms late keeps the period */
    assert_int_equal(vd_tick_next(12004, 2000), 14000);
    assert_int_equal(vd_tick_next(12000, 2000), 14000);
    /* another period */
    assert_int_equal(vd_tick_next(1234567, 500), 1235000);
    assert_int_equal(vd_tick_next(1234800, 500), 1235500);
    assert_int_equal(vd_tick_next(77, 0), 77);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tick_next),
        cmocka_unit_test(test_rates),
        cmocka_unit_test(test_clamp_and_rss),
        cmocka_unit_test(test_counter_reset),
        cmocka_unit_test(test_zero_dt),
        cmocka_unit_test(test_not_running),
        cmocka_unit_test(test_update_lists),
        cmocka_unit_test(test_absent_block),
        cmocka_unit_test(test_absent_twice_and_restart),
        cmocka_unit_test(test_block_count),
        cmocka_unit_test(test_history_rings),
        cmocka_unit_test(test_history_growth),
        cmocka_unit_test(test_history_gaps),
        cmocka_unit_test(test_history_blocks),
        cmocka_unit_test(test_history_fine_points),
        cmocka_unit_test(test_pack),
        cmocka_unit_test(test_host_rates),
        cmocka_unit_test(test_fmt),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
