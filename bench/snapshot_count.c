/*
 * snapshot_count.c: what the per-tick snapshot counts cost (issue 11):
 * libvirt has no snapshot event and the bulk stats carry no count, so
 * the worker calls virDomainSnapshotNum for up to 256 domains a tick.
 * Each round times, on one connection, (a) the tick's bulk stats call
 * (virConnectGetAllDomainStats with the monitor's groups) and (b) one
 * virDomainSnapshotNum per domain. Prints the median wall ms of each
 * and per count call. Not a test: figures are never asserted.
 *
 *   build/bench/bench_snapshot_count URI [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* Seconds on the monotonic clock. */
static double
now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* qsort comparator for doubles. */
static int
dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* Errors are counted, not printed. */
static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

int
main(int argc, char **argv)
{
    unsigned int groups = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                          VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
                          VIR_DOMAIN_STATS_BLOCK | VIR_DOMAIN_STATS_INTERFACE;
    int rounds = argc > 2 ? atoi(argv[2]) : 50, r, i, n, snaps = 0;
    virDomainPtr *doms = NULL;
    virConnectPtr conn;
    double *bulk, *count;

    if (argc < 2 || rounds < 1) {
        fprintf(stderr, "usage: %s URI [ROUNDS]\n", argv[0]);
        return 2;
    }
    virSetErrorFunc(NULL, quiet);
    if (!(conn = virConnectOpen(argv[1])) ||
        (n = virConnectListAllDomains(conn, &doms, 0)) < 0) {
        fprintf(stderr, "cannot list the domains of %s\n", argv[1]);
        return 1;
    }
    bulk = calloc((size_t)rounds, sizeof(*bulk));
    count = calloc((size_t)rounds, sizeof(*count));
    if (!bulk || !count)
        return 1;
    for (r = 0; r < rounds; r++) {
        virDomainStatsRecordPtr *recs = NULL;
        double t0 = now_s();

        if (virConnectGetAllDomainStats(conn, groups, &recs, 0) >= 0)
            virDomainStatsRecordListFree(recs);
        bulk[r] = (now_s() - t0) * 1000;
        t0 = now_s();
        snaps = 0;
        for (i = 0; i < n; i++) {
            int k = virDomainSnapshotNum(doms[i], 0);

            snaps += k > 0 ? k : 0;
        }
        count[r] = (now_s() - t0) * 1000;
    }
    qsort(bulk, (size_t)rounds, sizeof(*bulk), dbl_cmp);
    qsort(count, (size_t)rounds, sizeof(*count), dbl_cmp);
    printf("%d domains (%d snapshots), %d rounds\n", n, snaps, rounds);
    printf("bulk stats call:         %.3f ms (median)\n", bulk[rounds / 2]);
    printf("snapshot counts, all:    %.3f ms (median), %.1f us per domain\n",
           count[rounds / 2], n ? count[rounds / 2] * 1000 / n : 0.0);
    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    free(bulk);
    free(count);
    virConnectClose(conn);
    return 0;
}
