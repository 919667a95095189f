/*
 * bare_client.c: the floor for the monitor's memory (issue 18): a bare
 * libvirt client that opens the connection and polls the same bulk
 * stats call as virtdeck's tick, ROUNDS times at INTERVAL ms, keeping
 * nothing, then prints its peak and current RSS (kB). With ROUNDS 1
 * it is also the floor of the first frame: exec, open, one bulk call
 * (bench/monitor_pty.py floor). Not a test.
 *
 *   build/bench/bench_bare_client URI [ROUNDS] [INTERVAL_MS]
 *   build/bench/bench_bare_client --first URI...
 *
 * --first is the floor of the first frame with several hosts: one
 * thread per URI opens it and makes one bulk call, side by side in one
 * process as virtdeck's workers do; a line "first" is printed when the
 * first of them has its stats, a line "all" when the last has.
 */
#include <pthread.h>
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

static const unsigned int stats_groups =
    VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
    VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
    VIR_DOMAIN_STATS_BLOCK | VIR_DOMAIN_STATS_INTERFACE;

static pthread_mutex_t first_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t first_cond = PTHREAD_COND_INITIALIZER;
static int first_done;

/* One host of --first: open, one bulk call, count it done. */
static void *
first_stats(void *opaque)
{
    virConnectPtr conn = virConnectOpen(opaque);
    virDomainStatsRecordPtr *recs = NULL;

    if (conn && virConnectGetAllDomainStats(conn, stats_groups, &recs,
                    VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT) >= 0)
        virDomainStatsRecordListFree(recs);
    pthread_mutex_lock(&first_lock);
    first_done++;
    pthread_cond_signal(&first_cond);
    pthread_mutex_unlock(&first_lock);
    if (conn)
        virConnectClose(conn);
    return NULL;
}

/* --first URI...: see the head of the file. */
static int
first_of_many(int n, char **uris)
{
    pthread_t tids[64];
    int i, said = 0;

    if (n < 1 || n > 64) {
        fprintf(stderr, "--first takes 1 to 64 URIs\n");
        return 2;
    }
    for (i = 0; i < n; i++)
        pthread_create(&tids[i], NULL, first_stats, uris[i]);
    pthread_mutex_lock(&first_lock);
    while (first_done < n) {
        pthread_cond_wait(&first_cond, &first_lock);
        if (!said++) {
            printf("first\n");
            fflush(stdout);
        }
    }
    pthread_mutex_unlock(&first_lock);
    printf("all\n");
    fflush(stdout);
    for (i = 0; i < n; i++)
        pthread_join(tids[i], NULL);
    return 0;
}

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 ? argv[1] : NULL;
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    long interval_ms = argc > 3 ? atol(argv[3]) : 2000;
    unsigned int stats = stats_groups;
    struct timespec pause = { interval_ms / 1000, (interval_ms % 1000) * 1000000 };
    virConnectPtr conn;
    int i, n = 0;

    if (uri && strcmp(uri, "--first") == 0)
        return first_of_many(argc - 2, argv + 2);
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
    fflush(stdout);     /* at once: monitor_pty.py floor times this line */
    virConnectClose(conn);
    return 0;
}
