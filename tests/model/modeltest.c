/*
 * modeltest.c: shared waits and set-up of the host model tests.
 */
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "virtdeck/core.h"
#include "modeltest.h"

char vd_mt_model_uri[4096];

/* Sleep in poll() on the bus until it is woken or deadline passes;
 * false when the deadline has passed. */
static bool
wait_bus(vd_bus *bus, long long deadline)
{
    struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
    long long left = deadline - vd_now_ms();

    if (left <= 0)
        return false;
    poll(&p, 1, (int)left);
    vd_bus_clear(bus);
    return true;
}

/* Wait until pred holds for host's snapshot. */
vd_snapshot *
vd_mt_wait_snapshot(vd_host *host, vd_bus *bus, vd_mt_pred pred,
                    const void *arg, int ms, const char *what)
{
    long long deadline = vd_now_ms() + ms;

    for (;;) {
        vd_snapshot *snap = vd_host_snapshot(host);

        if (pred(snap, arg))
            return snap;
        vd_snapshot_unref(snap);
        if (!wait_bus(bus, deadline))
            fail_msg("timed out after %d ms waiting for: %s", ms, what);
    }
}

/* Wait for the result of id (0: any). */
vd_result *
vd_mt_wait_result(vd_bus *bus, unsigned long long id, int ms)
{
    long long deadline = vd_now_ms() + ms;
    vd_result *res;

    for (;;) {
        while ((res = vd_bus_pop(bus))) {
            if (id == 0 || res->id == id)
                return res;
            vd_result_free(res);
        }
        if (!wait_bus(bus, deadline))
            fail_msg("no result within %d ms", ms);
    }
}

/* Core up, group run, core down. */
int
vd_mt_main(const char *group, const struct CMUnitTest *tests, size_t n)
{
    const char *err = NULL;
    int rc;

    snprintf(vd_mt_model_uri, sizeof(vd_mt_model_uri),
             "test://%s/model-host.xml", VD_TEST_DATA);
    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    rc = _cmocka_run_group_tests(group, tests, n, NULL, NULL);
    vd_core_shutdown();
    return rc;
}
