/*
 * bare_client.c: the floor for the monitor's memory (issue 18): a bare
 * libvirt client that opens the connection and polls the same bulk
 * stats call as virtdeck's tick, ROUNDS times at INTERVAL ms, keeping
 * nothing, then prints its peak and current RSS (kB). Not a test.
 *
 *   build/bench/bench_bare_client URI [ROUNDS] [INTERVAL_MS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>

/* The value of field (e.g. "VmRSS:") in /proc/self/status, in kB. */
static long
status_kib(const char *field)
{
    char line[256];
    long v = -1;
    FILE *f = fopen("/proc/self/status", "r");

    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f)) {
        if (strncmp(line, field, strlen(field)) == 0) {
            v = strtol(line + strlen(field), NULL, 10);
            break;
        }
    }
    fclose(f);
    return v;
}

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 ? argv[1] : NULL;
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    long interval_ms = argc > 3 ? atol(argv[3]) : 2000;
    unsigned int stats = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                         VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
                         VIR_DOMAIN_STATS_BLOCK | VIR_DOMAIN_STATS_INTERFACE;
    struct timespec pause = { interval_ms / 1000, (interval_ms % 1000) * 1000000 };
    virConnectPtr conn;
    int i, n = 0;

    if (!uri || rounds < 1) {
        fprintf(stderr, "usage: %s URI [ROUNDS] [INTERVAL_MS]\n", argv[0]);
        return 2;
    }
    if (!(conn = virConnectOpen(uri)))
        return 1;
    for (i = 0; i < rounds; i++) {
        virDomainStatsRecordPtr *recs = NULL;

        n = virConnectGetAllDomainStats(conn, stats, &recs,
                                        VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT);
        if (recs)
            virDomainStatsRecordListFree(recs);
        if (i + 1 < rounds)
            nanosleep(&pause, NULL);
    }
    printf("domains=%d rounds=%d rss_kib=%ld peak_rss_kib=%ld anon_kib=%ld\n", n,
           rounds, status_kib("VmRSS:"), status_kib("VmHWM:"),
           status_kib("RssAnon:"));
    virConnectClose(conn);
    return 0;
}
