/*
 * monitor_poll.c: the live monitor's poll cost per tick against the
 * bare libvirt bulk call, in the same run on the same connection.
 *
 * Each round does, in alternating order, (a) the bare call:
 * virConnectGetAllDomainStats with the monitor's groups and NOWAIT,
 * then freeing the records; (b) the worker's tick: the same call
 * through vd_lists_read_domains (parsing every record), the rates and
 * history update against the previous list, and the snapshot copy a
 * publication makes. Host CPU/memory (two more small RPCs) are timed
 * separately. Prints median wall ms and mean process CPU ms per tick.
 * Not a test: figures are never asserted.
 *
 *   build/bench/bench_monitor_poll URI [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/core.h"
#include "core/lists.h"
#include "core/snapshot_priv.h"
#include "core/stats_priv.h"
#include "core/stats_read.h"

/* Seconds on clock c. */
static double
clock_s(clockid_t c)
{
    struct timespec ts;

    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* qsort comparator for doubles. */
static int
dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* Median of n values (sorts them). */
static double
median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), dbl_cmp);
    return v[n / 2];
}

/* The bare bulk call. Returns the record count or -1. */
static int
bare_call(virConnectPtr conn)
{
    virDomainStatsRecordPtr *recs = NULL;
    unsigned int stats = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                         VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
                         VIR_DOMAIN_STATS_BLOCK | VIR_DOMAIN_STATS_INTERFACE;
    int n = virConnectGetAllDomainStats(conn, stats, &recs,
                                        VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT);

    if (n < 0) {
        virResetLastError();
        n = virConnectGetAllDomainStats(conn, stats, &recs, 0);
    }
    if (recs)
        virDomainStatsRecordListFree(recs);
    return n;
}

/* One worker tick's domain part; replaces *prev with the new picture. */
static int
monitor_tick(virConnectPtr conn, vd_list_caps *caps, vd_snapshot **prev)
{
    vd_snapshot *snap = vd_snapshot_clone_nodomains(*prev);
    vd_domain *doms = NULL;
    size_t n = 0;

    if (!snap || vd_lists_read_domains(conn, caps, false, *prev, &doms, &n) < 0) {
        vd_snapshot_unref(snap);
        return -1;
    }
    vd_stats_update_domains((*prev)->domains, (*prev)->ndomains, doms, n, 8, 1000);
    vd_stats_count_domains(doms, n, &snap->stats);
    vd_domains_free(snap->domains, snap->ndomains);
    snap->domains = doms;
    snap->ndomains = n;
    vd_snapshot_unref(*prev);
    *prev = snap;
    return (int)n;
}

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 ? argv[1] : NULL;
    int rounds = argc > 2 ? atoi(argv[2]) : 50;
    double *bw, *mw, *hw, bc = 0, mc = 0, hc = 0;
    vd_list_caps caps = { .snapshot_counts = true };   /* as the screen's hosts */
    vd_stats_host_caps hcaps = { 0 };
    vd_snapshot *prev;
    virConnectPtr conn;
    const char *err;
    int i, ndom = 0;

    if (!uri || rounds < 3) {
        fprintf(stderr, "usage: %s URI [ROUNDS>=3]\n", argv[0]);
        return 2;
    }
    if (vd_core_init(&err) < 0 || !(conn = virConnectOpen(uri))) {
        fprintf(stderr, "cannot connect to %s\n", uri);
        return 1;
    }
    bw = calloc((size_t)rounds, sizeof(double));
    mw = calloc((size_t)rounds, sizeof(double));
    hw = calloc((size_t)rounds, sizeof(double));
    prev = vd_snapshot_new(0, uri, NULL, false);
    if (!bw || !mw || !hw || !prev)
        return 1;
    /* warm up: the first read fills what the records lack */
    if (monitor_tick(conn, &caps, &prev) < 0 || bare_call(conn) < 0) {
        fprintf(stderr, "the first read failed\n");
        return 1;
    }
    for (i = 0; i < rounds; i++) {
        double w0, c0;
        vd_host_sample hs;
        int k;

        for (k = 0; k < 2; k++) {
            bool bare = (k == 0) == (i % 2 == 0);   /* alternate the order */

            w0 = clock_s(CLOCK_MONOTONIC);
            c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
            if (bare) {
                bare_call(conn);
                bw[i] = clock_s(CLOCK_MONOTONIC) - w0;
                bc += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
            } else {
                ndom = monitor_tick(conn, &caps, &prev);
                mw[i] = clock_s(CLOCK_MONOTONIC) - w0;
                mc += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
            }
        }
        w0 = clock_s(CLOCK_MONOTONIC);
        c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        vd_stats_read_host(conn, &hcaps, &hs, vd_now_ms());
        hw[i] = clock_s(CLOCK_MONOTONIC) - w0;
        hc += clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    }
    {
        double b = median(bw, rounds) * 1e3, m = median(mw, rounds) * 1e3;

        printf("domains=%d rounds=%d bare_wall_ms=%.3f monitor_wall_ms=%.3f "
               "ratio=%.2f bare_cpu_ms=%.3f monitor_cpu_ms=%.3f "
               "extra_cpu_ms=%.3f host_stats_wall_ms=%.3f host_stats_cpu_ms=%.3f\n",
               ndom, rounds, b, m, m / b, bc * 1e3 / rounds, mc * 1e3 / rounds,
               (mc - bc) * 1e3 / rounds, median(hw, rounds) * 1e3,
               hc * 1e3 / rounds);
    }
    vd_snapshot_unref(prev);
    vd_list_caps_clear(&caps);
    virConnectClose(conn);
    free(bw);
    free(mw);
    free(hw);
    vd_core_shutdown();
    return 0;
}
