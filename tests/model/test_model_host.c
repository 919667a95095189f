/*
 * test_model_host.c: a host worker on libvirt's test driver: the first
 * snapshot, commands through the queue, events, read-only refusal, a
 * failing connection and its retries.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
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

#define ALPHA "11111111-aaaa-4aaa-8aaa-000000000001"
#define BETA "22222222-bbbb-4bbb-8bbb-000000000002"
#define GAMMA "33333333-cccc-4ccc-8ccc-000000000003"
#define DELTA "44444444-dddd-4ddd-8ddd-000000000004"

static bool
is_connected(const vd_snapshot *snap, const void *arg)
{
    (void)arg;
    return snap->conn == VD_CONN_CONNECTED;
}

/* Connected and past the first picture (host.c): every list read. */
static bool
is_complete(const vd_snapshot *snap, const void *arg)
{
    (void)arg;
    return snap->conn == VD_CONN_CONNECTED && !snap->partial;
}

static bool
is_failed(const vd_snapshot *snap, const void *arg)
{
    unsigned int min_attempts = *(const unsigned int *)arg;
    return snap->conn == VD_CONN_FAILED && snap->attempts >= min_attempts;
}

typedef struct dom_state_arg {
    const char *uuid;
    vd_dom_state state;
} dom_state_arg;

static bool
dom_in_state(const vd_snapshot *snap, const void *opaque)
{
    const dom_state_arg *arg = opaque;
    const vd_domain *d = vd_snapshot_find_domain(snap, arg->uuid);
    return d && d->state == arg->state;
}

/* A fresh host on the model file. */
static vd_host *
model_host(vd_bus *bus, bool readonly)
{
    vd_host_opts opts = { .uri = vd_mt_model_uri, .label = "model",
                          .readonly = readonly, .tick_ms = 60000 };
    vd_host *host = vd_host_new(&opts, 7, bus);

    assert_non_null(host);
    return host;
}

static void
test_first_snapshot(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, false);
    vd_snapshot *snap;
    const vd_domain *d;
    size_t i;

    (void)state;
    /* the first picture holds the domains at once; what it has not read
     * yet it does not claim: no networks, no pools, no host facts */
    snap = vd_mt_wait_snapshot(host, bus, is_connected, NULL, 5000, "connected");
    assert_int_equal(snap->ndomains, 4);
    if (snap->partial) {
        assert_int_equal(snap->nnetworks, 0);
        assert_int_equal(snap->npools, 0);
        assert_null(snap->info.hv_type);
    }
    vd_snapshot_unref(snap);

    snap = vd_mt_wait_snapshot(host, bus, is_complete, NULL, 5000, "every list read");
    assert_int_equal(snap->host_id, 7);
    assert_string_equal(snap->label, "model");
    assert_null(snap->error);
    assert_int_equal(snap->ndomains, 4);
    for (i = 1; i < snap->ndomains; i++)   /* sorted by UUID */
        assert_true(strcmp(snap->domains[i - 1].uuid, snap->domains[i].uuid) < 0);

    d = vd_snapshot_find_domain(snap, ALPHA);
    assert_non_null(d);
    assert_string_equal(d->name, "alpha");
    assert_int_equal(d->state, VD_DOM_RUNNING);
    assert_int_equal(d->vcpus, 2);
    assert_int_equal(d->max_mem_kib, 1048576);
    assert_true(d->persistent);
    assert_true(d->id > 0);
    d = vd_snapshot_find_domain(snap, BETA);
    assert_int_equal(d->state, VD_DOM_SHUTOFF);
    assert_int_equal(d->id, -1);
    assert_int_equal(d->vcpus, 1);
    d = vd_snapshot_find_domain(snap, GAMMA);
    assert_int_equal(d->state, VD_DOM_PAUSED);
    assert_int_equal(d->vcpus, 4);
    d = vd_snapshot_find_domain(snap, DELTA);
    assert_int_equal(d->max_mem_kib, 786432);

    assert_int_equal(snap->nnetworks, 2);
    assert_string_equal(snap->networks[0].name, "net-iso");
    assert_string_equal(snap->networks[1].name, "net-nat");
    assert_string_equal(snap->networks[1].bridge, "virbr10");
    assert_true(snap->networks[1].active);
    assert_int_equal(snap->npools, 1);
    assert_string_equal(snap->pools[0].name, "pool-a");
    assert_int_equal(snap->pools[0].state, VD_POOL_RUNNING);
    assert_true(snap->pools[0].capacity > 0);

    assert_string_equal(snap->info.hv_type, "TEST");
    assert_int_equal(snap->info.cpus, 8);
    assert_int_equal(snap->info.mem_kib, 16777216);
    assert_true(snap->info.libvirt_version >= 6000000);
    vd_snapshot_unref(snap);
    vd_host_free(host, 2000);
    vd_bus_free(bus);
}

static void
test_commands_round_trip(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, false);
    dom_state_arg beta_running = { BETA, VD_DOM_RUNNING };
    dom_state_arg alpha_off = { ALPHA, VD_DOM_SHUTOFF };
    dom_state_arg gamma_running = { GAMMA, VD_DOM_RUNNING };
    vd_snapshot *snap;
    vd_result *res;
    unsigned long long id;
    long long t0;

    (void)state;
    vd_snapshot_unref(vd_mt_wait_snapshot(host, bus, is_connected, NULL, 5000, "connected"));

    /* start: the result comes back and the state follows without a tick
     * (the tick is 60 s here) */
    t0 = vd_now_ms();
    id = vd_host_submit_simple(host, VD_CMD_DOM_START, BETA);
    assert_true(id > 0);
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_int_equal(res->id, id);
    assert_true(res->ok);
    assert_string_equal(res->uuid, BETA);
    assert_string_equal(res->message, "beta started");
    vd_result_free(res);
    snap = vd_mt_wait_snapshot(host, bus, dom_in_state, &beta_running, 2000, "beta running");
    assert_true(vd_now_ms() - t0 < 2000);
    vd_snapshot_unref(snap);

    /* force off */
    id = vd_host_submit_simple(host, VD_CMD_DOM_DESTROY, ALPHA);
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_int_equal(res->id, id);
    assert_true(res->ok);
    assert_string_equal(res->message, "alpha forced off");
    vd_result_free(res);
    vd_snapshot_unref(vd_mt_wait_snapshot(host, bus, dom_in_state, &alpha_off, 2000, "alpha off"));

    /* libvirt's own error reaches the result: alpha is not running */
    vd_host_submit_simple(host, VD_CMD_DOM_DESTROY, ALPHA);
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_false(res->ok);
    assert_non_null(strstr(res->message, "force off alpha: "));
    assert_non_null(strstr(res->message, "not running"));
    vd_result_free(res);

    /* resume a paused domain */
    vd_host_submit_simple(host, VD_CMD_DOM_RESUME, GAMMA);
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_true(res->ok);
    vd_result_free(res);
    vd_snapshot_unref(vd_mt_wait_snapshot(host, bus, dom_in_state, &gamma_running, 2000, "gamma running"));

    /* an unknown UUID */
    vd_host_submit_simple(host, VD_CMD_DOM_START, "99999999-0000-4000-8000-000000000009");
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_false(res->ok);
    assert_non_null(strstr(res->message, "start: "));
    vd_result_free(res);

    vd_host_free(host, 2000);
    vd_bus_free(bus);
}

static void
test_readonly_refuses(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, true);
    vd_snapshot *snap;
    vd_result *res;

    (void)state;
    snap = vd_mt_wait_snapshot(host, bus, is_connected, NULL, 5000, "connected");
    assert_true(snap->readonly);
    vd_snapshot_unref(snap);
    vd_host_submit_simple(host, VD_CMD_DOM_START, BETA);
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_false(res->ok);
    assert_string_equal(res->message, "read-only connection: start refused");
    vd_result_free(res);
    /* and nothing changed */
    snap = vd_host_snapshot(host);
    assert_int_equal(vd_snapshot_find_domain(snap, BETA)->state, VD_DOM_SHUTOFF);
    vd_snapshot_unref(snap);
    /* reading is allowed */
    vd_host_submit_simple(host, VD_CMD_REFRESH, NULL);
    res = vd_mt_wait_result(bus, 0, 5000);
    assert_true(res->ok);
    vd_result_free(res);
    vd_host_free(host, 2000);
    vd_bus_free(bus);
}

static void
test_failed_connection_retries(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host_opts opts = { .uri = "test:///nonexistent/virtdeck/none.xml" };
    vd_host *host = vd_host_new(&opts, 1, bus);
    unsigned int one = 1, three = 3;
    vd_snapshot *snap;
    vd_result *res;
    long long t0 = vd_now_ms();

    (void)state;
    assert_non_null(host);
    snap = vd_mt_wait_snapshot(host, bus, is_failed, &one, 5000, "first failure");
    assert_non_null(snap->error);
    assert_non_null(strstr(snap->error, "none.xml"));
    assert_true(snap->retry_at_ms > snap->taken_ms);
    vd_snapshot_unref(snap);
    /* commands are answered, not lost, while disconnected */
    vd_host_submit_simple(host, VD_CMD_DOM_START, BETA);
    res = vd_mt_wait_result(bus, 0, 2000);
    assert_false(res->ok);
    assert_non_null(strstr(res->message, "is not connected"));
    vd_result_free(res);
    /* backoff: 0.5 s then 1 s before the third attempt */
    snap = vd_mt_wait_snapshot(host, bus, is_failed, &three, 5000, "third failure");
    assert_true(vd_now_ms() - t0 >= 1400);
    vd_snapshot_unref(snap);
    vd_host_free(host, 2000);
    vd_bus_free(bus);
}

static void
test_two_hosts_independent(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *good = model_host(bus, false);
    vd_host_opts opts = { .uri = "test:///nonexistent/x.xml" };
    vd_host *bad = vd_host_new(&opts, 2, bus);
    unsigned int one = 1;

    (void)state;
    vd_snapshot_unref(vd_mt_wait_snapshot(bad, bus, is_failed, &one, 5000, "bad failed"));
    vd_snapshot_unref(vd_mt_wait_snapshot(good, bus, is_connected, NULL, 5000, "good connected"));
    vd_host_free(bad, 2000);
    vd_host_free(good, 2000);
    vd_bus_free(bus);
}

/* A host whose first attempt never ends (a TCP listener that never
 * accepts: the open waits for an answer that never comes) holds the
 * other hosts' follow-up reads back for a moment at most (host.c,
 * FIRST_WAIT_MS): the good host's every list is read while the hung one
 * still connects. */
static void
test_hung_host_holds_nothing(void **state)
{
    vd_bus *bus = vd_bus_new();
    struct sockaddr_in addr = { .sin_family = AF_INET };
    socklen_t len = sizeof(addr);
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    char uri[64];
    vd_host_opts opts = { .uri = uri, .tick_ms = 60000 };
    vd_host *hung, *good;
    vd_snapshot *snap;

    (void)state;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_true(lfd >= 0);
    assert_int_equal(bind(lfd, (struct sockaddr *)&addr, sizeof(addr)), 0);
    assert_int_equal(listen(lfd, 4), 0);
    assert_int_equal(getsockname(lfd, (struct sockaddr *)&addr, &len), 0);
    snprintf(uri, sizeof(uri), "qemu+tcp://127.0.0.1:%d/system",
             ntohs(addr.sin_port));
    hung = vd_host_new(&opts, 3, bus);
    assert_non_null(hung);
    good = model_host(bus, false);
    vd_snapshot_unref(vd_mt_wait_snapshot(good, bus, is_complete, NULL, 5000,
                                          "every list read beside a hung host"));
    snap = vd_host_snapshot(hung);
    assert_int_equal(snap->conn, VD_CONN_CONNECTING);
    vd_snapshot_unref(snap);
    vd_host_free(good, 2000);
    close(lfd);                 /* the hung open ends: its worker can stop */
    assert_true(vd_host_free(hung, 5000));
    vd_bus_free(bus);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_snapshot),
        cmocka_unit_test(test_commands_round_trip),
        cmocka_unit_test(test_readonly_refuses),
        cmocka_unit_test(test_failed_connection_retries),
        cmocka_unit_test(test_two_hosts_independent),
        cmocka_unit_test(test_hung_host_holds_nothing),
    };

    return vd_mt_main("model_host", tests, sizeof(tests) / sizeof(tests[0]));
}
