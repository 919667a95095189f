/*
 * test_model_netstore.c: the network, pool and volume commands through
 * a host worker on libvirt's test driver (test:///default, whose state
 * this test also reads directly): bad input is refused with a message
 * and creates nothing, good input creates what virsh would show.
 */
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "virtdeck/job.h"
#include "virtdeck/netstore.h"
#include "virtdeck/domspec.h"

#define URI "test:///default"

static vd_bus *bus;
static vd_host *host;
static virConnectPtr direct;    /* the same driver state, read directly */

/* Submit cmd and wait for its final result (a job's last progress). */
static vd_result *
run(vd_cmd *cmd)
{
    unsigned long long id = vd_host_submit(host, cmd);
    long long deadline = vd_now_ms() + 10000;

    for (;;) {
        vd_result *res;
        while ((res = vd_bus_pop(bus))) {
            if (res->id == id && !(vd_result_is_progress(res) &&
                ((vd_progress *)res->data)->state == VD_JOB_RUNNING)) {
                return res;
            }
            vd_result_free(res);
        }
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
        long long left = deadline - vd_now_ms();
        if (left <= 0)
            fail_msg("no answer to command %d", (int)cmd->kind);
        poll(&p, 1, (int)left);
        vd_bus_clear(bus);
    }
}

/* Run a command with a string argument on uuid; the result. */
static vd_result *
run_str(vd_cmd_kind kind, const char *uuid, char *str, long long num,
        unsigned int flags)
{
    vd_cmd cmd = { .kind = kind, .str = str, .num = num, .flags = flags };

    if (uuid)
        snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    return run(&cmd);
}

/* Expect a refusal whose message contains want. */
static void
expect_refused(vd_result *res, const char *want)
{
    assert_non_null(res);
    if (res->ok || !res->message || !strstr(res->message, want))
        fail_msg("expected a refusal with '%s', got ok=%d '%s'", want, res->ok,
                 res->message ? res->message : "(null)");
    vd_result_free(res);
}

/* Expect success; returns the result for more checks. */
static vd_result *
expect_ok(vd_result *res)
{
    assert_non_null(res);
    if (!res->ok)
        fail_msg("command failed: %s", res->message ? res->message : "(null)");
    return res;
}

/* The XML of a new network. */
static char *
net_xml(const char *name, const char *bridge, const char *ip,
        const char *start, const char *end)
{
    vd_network_spec s = { .name = (char *)name, .mode = VD_NETMODE_NAT,
                          .bridge = (char *)bridge, .ipv4 = (char *)ip,
                          .prefix = 24, .dhcp_start = (char *)start,
                          .dhcp_end = (char *)end };
    const char *err;
    char *xml = vd_network_xml(&s, &err);

    assert_non_null(xml);
    return xml;
}

/* Whether the driver has a network called name. */
static bool
has_network(const char *name)
{
    virNetworkPtr n = virNetworkLookupByName(direct, name);

    if (n)
        virNetworkFree(n);
    virResetLastError();
    return n != NULL;
}

static int
setup(void **state)
{
    const char *err;
    long long deadline = vd_now_ms() + 5000;
    vd_host_opts opts = { .uri = URI, .label = "test", .tick_ms = 60000 };

    (void)state;
    if (vd_core_init(&err) < 0)
        return -1;
    bus = vd_bus_new();
    host = vd_host_new(&opts, 3, bus);
    direct = virConnectOpen(URI);
    for (;;) {
        vd_snapshot *snap = vd_host_snapshot(host);
        bool up = snap->conn == VD_CONN_CONNECTED;
        vd_snapshot_unref(snap);
        if (up)
            break;
        if (vd_now_ms() > deadline)
            return -1;
        usleep(10000);
    }
    return host && direct ? 0 : -1;
}

static int
teardown(void **state)
{
    (void)state;
    vd_host_free(host, 5000);
    vd_jobs_shutdown(5000);
    vd_bus_free(bus);
    virConnectClose(direct);
    return 0;
}

/* Bad networks are refused and nothing is created. */
static void
test_network_bad_input(void **state)
{
    (void)state;
    /* "default" exists: 192.168.122.0/24 on virbr0, active */
    expect_refused(run_str(VD_CMD_NET_DEFINE, NULL,
                           net_xml("default", "vdx0", "192.168.200.1", NULL, NULL), 0, 0),
                   "a network named 'default' already exists");
    expect_refused(run_str(VD_CMD_NET_DEFINE, NULL,
                           net_xml("ns-bad1", "virbr0", "192.168.200.1", NULL, NULL), 0, 0),
                   "bridge 'virbr0' is already used by network 'default'");
    expect_refused(run_str(VD_CMD_NET_DEFINE, NULL,
                           net_xml("ns-bad2", "vdx0", "192.168.200.1",
                                   "192.168.201.10", "192.168.201.20"), 0, 0),
                   "DHCP start 192.168.201.10 is outside the subnet");
    expect_refused(run_str(VD_CMD_NET_DEFINE, NULL,
                           net_xml("ns-bad3", "vdx0", "192.168.122.129", NULL, NULL), 0, 0),
                   "overlaps the subnet 192.168.122.1/24 of the active network 'default'");
    assert_false(has_network("ns-bad1"));
    assert_false(has_network("ns-bad2"));
    assert_false(has_network("ns-bad3"));
}

/* A good network: defined, started, details, autostart, undefined. */
static void
test_network_lifecycle(void **state)
{
    vd_result *res;
    vd_network_details *d;
    char uuid[VD_UUID_LEN];
    virNetworkPtr n;

    (void)state;
    res = expect_ok(run_str(VD_CMD_NET_DEFINE, NULL,
                            net_xml("ns-good", "vdgood0", "192.168.210.1",
                                    "192.168.210.100", "192.168.210.200"),
                            0, VD_NETDEF_START | VD_NETDEF_AUTOSTART));
    snprintf(uuid, sizeof(uuid), "%s", res->uuid);
    vd_result_free(res);
    assert_non_null(n = virNetworkLookupByName(direct, "ns-good"));
    assert_int_equal(virNetworkIsActive(n), 1);
    virNetworkFree(n);

    res = expect_ok(run_str(VD_CMD_NET_DETAILS, uuid, NULL, 0, 0));
    d = res->data;
    assert_non_null(d);
    assert_string_equal(d->name, "ns-good");
    assert_true(d->active);
    assert_true(d->autostart);
    assert_string_equal(d->bridge, "vdgood0");
    assert_string_equal(d->forward_mode, "nat");
    assert_int_equal(d->nips, 1);
    assert_string_equal(d->ips[0].dhcp_start, "192.168.210.100");
    vd_result_free(res);

    vd_result_free(expect_ok(run_str(VD_CMD_NET_STOP, uuid, NULL, 0, 0)));
    vd_result_free(expect_ok(run_str(VD_CMD_NET_UNDEFINE, uuid, NULL, 0, 0)));
    assert_false(has_network("ns-good"));
}

/* Pools: a target that is a file is refused; a dir pool is made. */
static void
test_pool_define(void **state)
{
    vd_pool_spec s = { .name = (char *)"ns-pool", .type = VD_POOLTYPE_DIR };
    char file[] = "/tmp/vd-ns-target.XXXXXX";
    const char *err;
    vd_result *res;
    virStoragePoolPtr p;
    int fd = mkstemp(file);

    (void)state;
    assert_true(fd >= 0);
    close(fd);
    s.target = file;
    expect_refused(run_str(VD_CMD_POOL_DEFINE, NULL, vd_pool_xml(&s, &err), 0,
                           VD_POOLDEF_START),
                   "exists and is not a directory");
    unlink(file);
    p = virStoragePoolLookupByName(direct, "ns-pool");
    assert_null(p);
    virResetLastError();
    s.name = (char *)"default-pool";
    s.target = (char *)"/tmp";
    expect_refused(run_str(VD_CMD_POOL_DEFINE, NULL, vd_pool_xml(&s, &err), 0, 0),
                   "a pool named 'default-pool' already exists");
    s.name = (char *)"ns-pool";
    res = expect_ok(run_str(VD_CMD_POOL_DEFINE, NULL, vd_pool_xml(&s, &err), 0,
                            VD_POOLDEF_START));
    vd_result_free(res);
    assert_non_null(p = virStoragePoolLookupByName(direct, "ns-pool"));
    assert_int_equal(virStoragePoolIsActive(p), 1);
    virStoragePoolDestroy(p);
    virStoragePoolUndefine(p);
    virStoragePoolFree(p);
}

/* Volumes in the test driver's default pool. */
static void
test_volumes(void **state)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(direct, "default-pool");
    vd_volume_spec v = { .name = (char *)"ns-a.qcow2", .capacity = 1ULL << 30,
                         .format = VD_FMT_QCOW2 };
    char uuid[VD_UUID_LEN];
    const char *err;
    vd_result *res;
    vd_volume_list *l;
    virStorageVolPtr vol;
    virStorageVolInfo info;
    size_t i;
    bool seen = false;

    (void)state;
    assert_non_null(pool);
    virStoragePoolGetUUIDString(pool, uuid);
    vd_result_free(expect_ok(run_str(VD_CMD_VOL_CREATE, uuid,
                                     vd_volume_xml(&v, &err), 0, 0)));
    /* larger than the pool's free space */
    v.name = (char *)"ns-huge.raw";
    v.capacity = 1ULL << 50;
    v.format = VD_FMT_RAW;
    expect_refused(run_str(VD_CMD_VOL_CREATE, uuid, vd_volume_xml(&v, &err), 0, 0),
                   "free in pool 'default-pool'");
    assert_null(virStorageVolLookupByName(pool, "ns-huge.raw"));
    virResetLastError();

    /* the test driver cannot resize: libvirt's message reaches the user
     * (the live test resizes for real) */
    expect_refused(run_str(VD_CMD_VOL_RESIZE, uuid, strdup("ns-a.qcow2"),
                           2LL << 30, 0), "resize volume ns-a.qcow2: ");
    assert_non_null(vol = virStorageVolLookupByName(pool, "ns-a.qcow2"));
    assert_int_equal(virStorageVolGetInfo(vol, &info), 0);
    assert_int_equal(info.capacity, 1ULL << 30);
    virStorageVolFree(vol);

    res = run_str(VD_CMD_VOL_CLONE, uuid,
                  vd_cmd_args2("ns-a.qcow2", "<volume><name>ns-b.qcow2</name>"
                               "<capacity>0</capacity><target/></volume>"), 0, 0);
    vd_result_free(expect_ok(res));

    res = expect_ok(run_str(VD_CMD_VOL_LIST, uuid, NULL, 0, 0));
    l = res->data;
    assert_non_null(l);
    for (i = 0; i < l->nvols; i++)
        if (strcmp(l->vols[i].name, "ns-b.qcow2") == 0)
            seen = true;
    assert_true(seen);
    vd_result_free(res);

    /* an upload of a missing file creates nothing */
    expect_refused(run_str(VD_CMD_VOL_UPLOAD, uuid,
                           vd_cmd_args2("ns-up.img", "/nonexistent/file.iso"), 0, 0),
                   "cannot open /nonexistent/file.iso");
    assert_null(virStorageVolLookupByName(pool, "ns-up.img"));
    virResetLastError();

    vd_result_free(expect_ok(run_str(VD_CMD_VOL_DELETE, uuid, strdup("ns-a.qcow2"), 0, 0)));
    vd_result_free(expect_ok(run_str(VD_CMD_VOL_DELETE, uuid, strdup("ns-b.qcow2"), 0, 0)));
    expect_refused(run_str(VD_CMD_VOL_DELETE, uuid, strdup("ns-a.qcow2"), 0, 0),
                   "has no volume 'ns-a.qcow2'");
    virStoragePoolFree(pool);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_network_bad_input),
        cmocka_unit_test(test_network_lifecycle),
        cmocka_unit_test(test_pool_define),
        cmocka_unit_test(test_volumes),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
