/*
 * test_model_stats.c: the live figures of a host worker on libvirt's
 * test driver: rates after two ticks, no rates for a guest that is off,
 * the history shared between snapshots and growing one point a tick,
 * domain counts, a driver without node memory stats, and changing the
 * tick. (The test driver's stats give only the state group; vCPUs,
 * memory and CPU time come from virDomainGetInfo, whose CPU time runs
 * with the wall clock: a 2-vCPU guest shows 50 %.)
 */
#include <math.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "modeltest.h"

#define ALPHA "11111111-aaaa-4aaa-8aaa-000000000001"    /* running, 2 vCPUs */
#define BETA "22222222-bbbb-4bbb-8bbb-000000000002"     /* shut off */

/* alpha has rates. */
static bool
alpha_has_rates(const vd_snapshot *snap, const void *arg)
{
    const vd_domain *d = vd_snapshot_find_domain(snap, ALPHA);

    (void)arg;
    return d && d->rates.valid;
}

/* A host sample newer than *arg (ms). */
static bool
tick_after(const vd_snapshot *snap, const void *arg)
{
    return snap->stats.sample.taken_ms > *(const long long *)arg;
}

/* The snapshot's tick is *arg ms. */
static bool
tick_is(const vd_snapshot *snap, const void *arg)
{
    return snap->tick_ms == *(const int *)arg;
}

static void
test_rates_and_history(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host_opts opts = { .uri = vd_mt_model_uri, .tick_ms = 200 };
    vd_host *host = vd_host_new(&opts, 1, bus);
    vd_snapshot *snap, *later;
    const vd_domain *a, *b, *a2;
    long long t;
    double pts[8];
    size_t n1, n2;

    (void)state;
    assert_non_null(host);
    snap = vd_mt_wait_snapshot(host, bus, alpha_has_rates, NULL, 5000, "alpha rates");
    assert_int_equal(snap->conn, VD_CONN_CONNECTED);
    assert_null(snap->error);
    assert_int_equal(snap->tick_ms, 200);
    assert_int_equal(snap->stats.total, 4);
    assert_int_equal(snap->stats.running, 2);     /* alpha, gamma (paused) */
    assert_false(snap->stats.rates.mem_valid);    /* the driver has none */

    a = vd_snapshot_find_domain(snap, ALPHA);
    assert_true(a->sample.running);
    assert_int_equal(a->sample.vcpus, 2);
    assert_true(fabs(a->rates.cpu_pct - 50.0) < 10.0);
    assert_true(fabs(a->rates.cpu_host_pct - 12.5) < 2.5);   /* 8 host CPUs */
    assert_int_equal(a->rates.mem_total_kib, 1048576);
    assert_false(a->rates.mem_valid);             /* no balloon stats, no rss */
    assert_non_null(a->history);

    b = vd_snapshot_find_domain(snap, BETA);
    assert_false(b->rates.valid);
    assert_null(b->history);                      /* never ran */

    /* the next tick: the same history object, one point more */
    n1 = vd_history_last(a->history, VD_HIST_CPU, pts, 8);
    t = snap->stats.sample.taken_ms;
    later = vd_mt_wait_snapshot(host, bus, tick_after, &t, 5000, "next tick");
    a2 = vd_snapshot_find_domain(later, ALPHA);
    assert_ptr_equal(a2->history, a->history);
    n2 = vd_history_last(a2->history, VD_HIST_CPU, pts, 8);
    assert_true(n2 > n1 || n1 == 8);
    assert_true(fabs(pts[n2 - 1] - 50.0) < 10.0);
    vd_snapshot_unref(later);
    vd_snapshot_unref(snap);    /* the old snapshot outlives nothing */
    vd_host_free(host, 5000);
    vd_bus_free(bus);
}

static void
test_set_tick(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host_opts opts = { .uri = vd_mt_model_uri, .tick_ms = 60000 };
    vd_host *host = vd_host_new(&opts, 2, bus);
    vd_snapshot *snap;
    int want = 60000;
    long long t;

    (void)state;
    snap = vd_mt_wait_snapshot(host, bus, tick_is, &want, 5000, "tick 60 s");
    t = snap->stats.sample.taken_ms;
    vd_snapshot_unref(snap);
    want = 150;
    vd_host_set_tick(host, want);
    /* the new tick applies at once: a new sample well before 60 s */
    snap = vd_mt_wait_snapshot(host, bus, tick_is, &want, 2000, "tick 150 ms");
    vd_snapshot_unref(snap);
    snap = vd_mt_wait_snapshot(host, bus, tick_after, &t, 2000, "a tick at 150 ms");
    t = snap->stats.sample.taken_ms;
    vd_snapshot_unref(snap);
    snap = vd_mt_wait_snapshot(host, bus, alpha_has_rates, NULL, 2000, "rates");
    vd_snapshot_unref(snap);
    vd_host_free(host, 5000);
    vd_bus_free(bus);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rates_and_history),
        cmocka_unit_test(test_set_tick),
    };

    return vd_mt_main("model_stats", tests, sizeof(tests) / sizeof(tests[0]));
}
