/*
 * test_model_domain.c: the domain commands of issue 3 on libvirt's test
 * driver (tests/data/model-dom.xml), each checked by asking libvirt
 * afterwards, and the host connect/disconnect commands on a worker.
 */
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/domdetails.h"
#include "virtdeck/host.h"
#include "core/commands_priv.h"
#include "core/hostinfo.h"

#define WEB "77777777-aaaa-4aaa-8aaa-000000000001"
#define DB "77777777-bbbb-4bbb-8bbb-000000000002"

static char uri[4096];

/* Silence libvirt's default error printing. */
static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* A fresh test-driver connection (every open is a new copy). */
static int
setup(void **state)
{
    virConnectPtr conn = virConnectOpen(uri);

    if (!conn)
        return -1;
    *state = conn;
    return 0;
}

static int
teardown(void **state)
{
    virConnectClose(*state);
    return 0;
}

/* Run cmd on uuid with str (copied); returns the result (caller frees). */
static vd_result *
run_cmd(virConnectPtr conn, vd_cmd *cmd, const char *uuid, const char *str)
{
    vd_result *res;

    snprintf(cmd->uuid, sizeof(cmd->uuid), "%s", uuid ? uuid : "");
    cmd->str = str ? strdup(str) : NULL;
    res = vd_result_new(cmd, 1, 0);
    assert_non_null(res);
    vd_cmd_run(conn, false, cmd, res);
    free(cmd->str);
    assert_non_null(res->message);
    return res;
}

/* Run kind on uuid with str/num/flags; returns the result (caller frees). */
static vd_result *
run(virConnectPtr conn, vd_cmd_kind kind, const char *uuid, const char *str,
    long long num, unsigned int flags)
{
    vd_cmd cmd = { .kind = kind, .num = num, .flags = flags };

    return run_cmd(conn, &cmd, uuid, str);
}

/* Run a device command (attach disk/NIC, CD-ROM) with its typed
 * argument d or n (borrowed) and target (may be NULL). */
static vd_result *
run_dev(virConnectPtr conn, vd_cmd_kind kind, const char *uuid, const char *target,
        const vd_disk_spec *d, const vd_net_spec *n)
{
    vd_cmd cmd = { .kind = kind, .disk = (vd_disk_spec *)d, .nic = (vd_net_spec *)n };

    return run_cmd(conn, &cmd, uuid, target);
}

/* A disk argument of kind on path or in pool; a NIC argument. */
#define DISK(k, ...) (&(vd_disk_spec){ .kind = (k), __VA_ARGS__ })
#define NIC(k, ...) (&(vd_net_spec){ .kind = (k), __VA_ARGS__ })

/* Expect ok/failure and a message containing want. */
static void
expect(vd_result *res, bool ok, const char *want)
{
    if (res->ok != ok || !strstr(res->message, want))
        fail_msg("got %s '%s', wanted %s with '%s'", res->ok ? "ok" : "failure",
                 res->message, ok ? "ok" : "failure", want);
    vd_result_free(res);
}

static virDomainPtr
dom(virConnectPtr conn, const char *uuid)
{
    virDomainPtr d = virDomainLookupByUUIDString(conn, uuid);

    assert_non_null(d);
    return d;
}

/* The inactive XML of uuid (caller frees). */
static char *
xml_of(virConnectPtr conn, const char *uuid, unsigned int flags)
{
    virDomainPtr d = dom(conn, uuid);
    char *xml = virDomainGetXMLDesc(d, flags);

    virDomainFree(d);
    assert_non_null(xml);
    return xml;
}

static void
test_autostart(void **state)
{
    virConnectPtr conn = *state;
    virDomainPtr d;
    int on = -1;

    expect(run(conn, VD_CMD_DOM_AUTOSTART, WEB, NULL, 1, 0), true, "autostart on");
    d = dom(conn, WEB);
    assert_int_equal(virDomainGetAutostart(d, &on), 0);
    assert_int_equal(on, 1);
    expect(run(conn, VD_CMD_DOM_AUTOSTART, WEB, NULL, 0, 0), true, "autostart off");
    assert_int_equal(virDomainGetAutostart(d, &on), 0);
    assert_int_equal(on, 0);
    virDomainFree(d);
}

static void
test_rename(void **state)
{
    virConnectPtr conn = *state;
    virDomainPtr d;

    /* to a name taken: refused, nothing changed */
    expect(run(conn, VD_CMD_DOM_RENAME, WEB, "db", 0, 0), false,
           "a domain named 'db' already exists");
    expect(run(conn, VD_CMD_DOM_RENAME, WEB, "", 0, 0), false, "name is required");
    expect(run(conn, VD_CMD_DOM_RENAME, WEB, "a/b", 0, 0), false, "'/'");
    /* a running domain: refused */
    expect(run(conn, VD_CMD_DOM_RENAME, DB, "db2", 0, 0), false, "only a shut off");
    d = dom(conn, WEB);
    assert_string_equal(virDomainGetName(d), "web");
    virDomainFree(d);
    expect(run(conn, VD_CMD_DOM_RENAME, WEB, "web-2", 0, 0), true, "web renamed to web-2");
    d = virDomainLookupByName(conn, "web-2");
    assert_non_null(d);
    virDomainFree(d);
}

static void
test_vcpus_memory(void **state)
{
    virConnectPtr conn = *state;
    virDomainPtr d = dom(conn, WEB);
    char *xml;

    expect(run(conn, VD_CMD_DOM_SET_VCPUS, WEB, NULL, 9, VD_APPLY_CONFIG), false,
           "above its maximum of 4 vCPUs");
    expect(run(conn, VD_CMD_DOM_SET_VCPUS, WEB, NULL, 0, VD_APPLY_CONFIG), false,
           "at least 1");
    expect(run(conn, VD_CMD_DOM_SET_VCPUS, WEB, NULL, 2, VD_APPLY_LIVE), false,
           "not running");
    assert_int_equal(virDomainGetVcpusFlags(d, VIR_DOMAIN_AFFECT_CONFIG), 2);
    expect(run(conn, VD_CMD_DOM_SET_VCPUS, WEB, NULL, 3, 0), true, "3 vCPUs");
    assert_int_equal(virDomainGetVcpusFlags(d, VIR_DOMAIN_AFFECT_CONFIG), 3);

    expect(run(conn, VD_CMD_DOM_SET_MEMORY, WEB, NULL, 4096LL * 1024, 0), false,
           "above its maximum of 2048 MiB");
    expect(run(conn, VD_CMD_DOM_SET_MEMORY, WEB, NULL, 12, 0), false, "too small");
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_non_null(strstr(xml, "<currentMemory unit='KiB'>1048576</currentMemory>"));
    free(xml);
    expect(run(conn, VD_CMD_DOM_SET_MEMORY, WEB, NULL, 1536LL * 1024, VD_APPLY_CONFIG),
           true, "memory 1536 MiB");
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_non_null(strstr(xml, "<currentMemory unit='KiB'>1572864</currentMemory>"));
    free(xml);
    virDomainFree(d);
}

static void
test_cdrom(void **state)
{
    virConnectPtr conn = *state;
    char *xml;

    expect(run_dev(conn, VD_CMD_DOM_CDROM, WEB, NULL,
                   DISK(VD_DISK_PATH, .path = "relative.iso"), NULL), false,
           "not an absolute path");
    expect(run_dev(conn, VD_CMD_DOM_CDROM, WEB, "hdz",
                   DISK(VD_DISK_PATH, .path = "/x.iso"), NULL), false,
           "no CD-ROM drive hdz");
    expect(run_dev(conn, VD_CMD_DOM_CDROM, DB, NULL,
                   DISK(VD_DISK_PATH, .path = "/x.iso"), NULL), false,
           "has no CD-ROM drive");
    /* the test driver has no device updates: the error is libvirt's and
     * nothing changed (the real change is tested live) */
    expect(run_dev(conn, VD_CMD_DOM_CDROM, WEB, NULL,
               DISK(VD_DISK_PATH, .path = "/var/lib/virtdeck-test/pool-a/install.iso"),
               NULL), false,
           "not supported");
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_null(strstr(xml, "install.iso"));
    free(xml);
}

static void
test_devices(void **state)
{
    virConnectPtr conn = *state;
    char *xml;

    expect(run_dev(conn, VD_CMD_DOM_ATTACH_NIC, WEB, NULL, NULL,
                   NIC(VD_NET_NONE, .model = VD_NIC_E1000)), false,
           "give a network or a bridge");
    expect(run(conn, VD_CMD_DOM_DETACH_NIC, WEB, "52:54:00:00:00:99", 0, 0), false,
           "has no NIC 52:54:00:00:00:99");
    expect(run(conn, VD_CMD_DOM_DETACH_NIC, WEB, "nonsense", 0, 0), false,
           "give the NIC's MAC address");
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, NULL,
                   DISK(VD_DISK_PATH, .path = "/srv/extra.img", .bus = VD_BUS_IDE), NULL),
           false, "bus must be");
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, "vda",
                   DISK(VD_DISK_PATH, .path = "/srv/extra.img"), NULL),
           false, "target vda is taken");
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, NULL,
                   DISK(VD_DISK_PATH, .path = "relative.img"), NULL),
           false, "not an absolute path");
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, NULL,
                   DISK(VD_DISK_NONE, .bus = VD_BUS_VIRTIO), NULL),
           false, "give either an existing path or a pool");
    expect(run(conn, VD_CMD_DOM_DETACH_DISK, WEB, "vdq", 0, 0), false, "has no disk vdq");
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_null(strstr(xml, "extra.img"));
    free(xml);
}

static void
test_attach_new_volume(void **state)
{
    virConnectPtr conn = *state;
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "pool-a");
    virStorageVolPtr vol;
    char *xml;

    assert_non_null(pool);
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, NULL,
                   DISK(VD_DISK_NEW_VOLUME, .pool = "nope", .size_bytes = VD_GIB), NULL), false,
           "pool nope");
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, NULL,
                   DISK(VD_DISK_NEW_VOLUME, .pool = "pool-a", .size_bytes = 0), NULL),
           false, "the size must be above 0");
    /* the test driver cannot attach: the volume made for the disk is
     * removed again (atomic), and the domain is unchanged */
    expect(run_dev(conn, VD_CMD_DOM_ATTACH_DISK, WEB, NULL,
                   DISK(VD_DISK_NEW_VOLUME, .pool = "pool-a", .size_bytes = VD_GIB,
                        .volume = "data.qcow2"), NULL),
           false, "the new volume was removed");
    vol = virStorageVolLookupByName(pool, "data.qcow2");
    assert_null(vol);
    virResetLastError();
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_null(strstr(xml, "data.qcow2"));
    free(xml);
    virStoragePoolFree(pool);
}

static void
test_xml_define(void **state)
{
    virConnectPtr conn = *state;
    vd_result *res = run(conn, VD_CMD_DOM_XML, WEB, NULL, 0, 0);
    char *text, *p, *xml;

    assert_true(res->ok);
    assert_non_null(res->text);
    assert_non_null(strstr(res->text, "<name>web</name>"));
    text = strdup(res->text);
    vd_result_free(res);

    /* a syntax error: rejected with libvirt's words, nothing changed */
    expect(run(conn, VD_CMD_DOM_DEFINE, WEB, "<domain type='test'><name>web</name", 0, 0),
           false, "define rejected, nothing changed");
    /* a schema error (validated) */
    p = strstr(text, "<vcpu");
    assert_non_null(p);
    {
        char *bad = NULL;
        assert_true(asprintf(&bad, "%.*s<bogus/>%s", (int)(p - text), text, p) > 0);
        expect(run(conn, VD_CMD_DOM_DEFINE, WEB, bad, 0, 0), false, "rejected");
        free(bad);
    }
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_null(strstr(xml, "bogus"));
    free(xml);
    /* a good edit */
    p = strstr(text, "</name>");
    {
        char *good = NULL;
        assert_true(asprintf(&good, "%.*s</name>\n  <description>edited</description>%s",
                             (int)(p - text), text, p + 7) > 0);
        expect(run(conn, VD_CMD_DOM_DEFINE, WEB, good, 0, 0), true, "web defined");
        free(good);
    }
    xml = xml_of(conn, WEB, VIR_DOMAIN_XML_INACTIVE);
    assert_non_null(strstr(xml, "<description>edited</description>"));
    free(xml);
    free(text);
}

static void
test_details(void **state)
{
    virConnectPtr conn = *state;
    vd_result *res = run(conn, VD_CMD_DOM_DETAILS, WEB, NULL, 0, 0);
    const vd_dom_details *d;

    assert_true(res->ok);
    assert_non_null(res->data);
    d = res->data;
    assert_string_equal(d->uuid, WEB);
    assert_string_equal(d->name, "web");
    assert_string_equal(d->os_type, "hvm");
    assert_string_equal(d->state, "shut off");
    assert_int_equal(d->max_vcpus, 4);
    assert_int_equal(d->vcpus, 2);
    assert_int_equal(d->mem_kib, 1024 * 1024);
    assert_int_equal(d->max_mem_kib, 2048 * 1024);
    assert_true(d->persistent);
    assert_int_equal(d->ndisks, 2);
    assert_string_equal(d->disks[0].target, "vda");
    assert_string_equal(d->disks[0].bus, "virtio");
    assert_string_equal(d->disks[0].source, "/var/lib/virtdeck-test/pool-a/web.qcow2");
    assert_string_equal(d->disks[1].device, "cdrom");
    assert_null(d->disks[1].source);
    assert_int_equal(d->nnics, 1);
    assert_string_equal(d->nics[0].mac, "52:54:00:de:17:a1");
    assert_string_equal(d->nics[0].source, "net-nat");
    assert_string_equal(d->nics[0].model, "virtio");
    assert_int_equal(d->ngraphics, 1);
    assert_string_equal(d->graphics[0].type, "vnc");
    assert_string_equal(d->graphics[0].listen, "127.0.0.1");
    assert_int_equal(d->nboot, 2);
    assert_string_equal(d->boot[0], "sda");     /* order 1 first */
    assert_string_equal(d->boot[1], "vda");
    vd_result_free(res);

    res = run(conn, VD_CMD_DOM_DETAILS, DB, NULL, 0, 0);
    d = res->data;
    assert_string_equal(d->state, "running");
    assert_int_equal(d->nboot, 1);
    assert_string_equal(d->boot[0], "hd");
    vd_result_free(res);
    assert_string_equal(vd_dom_reason_name(5, 2), "destroyed (forced off)");
}

static void
test_managed_save(void **state)
{
    virConnectPtr conn = *state;
    virDomainPtr d = dom(conn, DB);
    int st = 0, reason = 0;

    expect(run(conn, VD_CMD_DOM_RESTORE, WEB, NULL, 0, 0), false,
           "has no managed save image");
    expect(run(conn, VD_CMD_DOM_MANAGED_SAVE, DB, NULL, 0, 0), true, "saved");
    assert_int_equal(virDomainGetState(d, &st, &reason, 0), 0);
    assert_int_equal(st, VIR_DOMAIN_SHUTOFF);
    assert_int_equal(virDomainHasManagedSaveImage(d, 0), 1);
    expect(run(conn, VD_CMD_DOM_RESTORE, DB, NULL, 0, 0), true, "restored");
    assert_int_equal(virDomainGetState(d, &st, &reason, 0), 0);
    assert_int_equal(st, VIR_DOMAIN_RUNNING);
    virDomainFree(d);
}

static void
test_undefine(void **state)
{
    virConnectPtr conn = *state;
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "pool-a");
    virStorageVolPtr vol;
    virDomainPtr d;

    expect(run(conn, VD_CMD_DOM_UNDEFINE, DB, NULL, 0, VD_UNDEFINE_STORAGE), false,
           "force it off before deleting its storage");
    expect(run(conn, VD_CMD_DOM_UNDEFINE, WEB, NULL, 0, VD_UNDEFINE_STORAGE), true,
           "web undefined; 1 volume deleted");
    assert_null(d = virDomainLookupByUUIDString(conn, WEB));
    vol = virStorageVolLookupByName(pool, "web.qcow2");
    assert_null(vol);
    /* the CD-ROM's ISO is not the domain's storage */
    vol = virStorageVolLookupByName(pool, "install.iso");
    assert_non_null(vol);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virResetLastError();
}

static void
test_readonly(void **state)
{
    virConnectPtr conn = *state;
    vd_cmd cmd = { .kind = VD_CMD_DOM_RENAME, .uuid = WEB, .str = (char *)"x" };
    vd_result *res = vd_result_new(&cmd, 1, 0);

    vd_cmd_run(conn, true, &cmd, res);
    assert_false(res->ok);
    assert_non_null(strstr(res->message, "read-only connection: rename refused"));
    vd_result_free(res);
}

/* Wait for a snapshot whose state is want, at most ms. */
static void
wait_conn(vd_host *host, vd_bus *bus, vd_conn_state want, int ms)
{
    long long deadline = vd_now_ms() + ms;

    for (;;) {
        vd_snapshot *snap = vd_host_snapshot(host);
        vd_conn_state st = snap->conn;
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
        vd_result *res;

        vd_snapshot_unref(snap);
        if (st == want)
            return;
        if (vd_now_ms() > deadline)
            fail_msg("host state %s, wanted %s", vd_conn_state_name(st),
                     vd_conn_state_name(want));
        poll(&p, 1, 100);
        vd_bus_clear(bus);
        while ((res = vd_bus_pop(bus)))
            vd_result_free(res);
    }
}

static void
test_host_connect_disconnect(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host_opts opts = { .uri = uri, .label = "model", .idle = true };
    vd_host *host;
    vd_snapshot *snap;

    (void)state;
    assert_non_null(bus);
    host = vd_host_new(&opts, 0, bus);
    assert_non_null(host);
    snap = vd_host_snapshot(host);
    assert_int_equal(snap->conn, VD_CONN_IDLE);     /* autoconnect off */
    vd_snapshot_unref(snap);
    vd_host_submit_simple(host, VD_CMD_HOST_CONNECT, NULL);
    wait_conn(host, bus, VD_CONN_CONNECTED, 5000);
    snap = vd_host_snapshot(host);
    assert_int_equal(snap->ndomains, 2);
    vd_snapshot_unref(snap);
    vd_host_submit_simple(host, VD_CMD_HOST_DISCONNECT, NULL);
    wait_conn(host, bus, VD_CONN_IDLE, 5000);
    vd_host_submit_simple(host, VD_CMD_HOST_CONNECT, NULL);
    wait_conn(host, bus, VD_CONN_CONNECTED, 5000);
    assert_true(vd_host_free(host, 2000));
    vd_bus_free(bus);
}

static void
test_host_caps(void **state)
{
    vd_host_info info = { 0 };
    char *xml = NULL;
    size_t len = 0;
    FILE *f = fopen(VD_TEST_DATA "/../xml/data/capabilities-kvm.xml", "r");

    (void)state;
    assert_non_null(f);
    assert_true(getdelim(&xml, &len, '\0', f) > 0);
    fclose(f);
    assert_int_equal(vd_hostinfo_parse_caps(xml, &info), 0);
    assert_string_equal(info.cpu_name, "Skylake-Client-IBRS");
    assert_string_equal(info.cpu_vendor, "Intel");
    assert_int_equal(info.sockets, 1);
    assert_int_equal(info.cores, 4);
    assert_int_equal(info.threads, 2);
    assert_int_equal(vd_hostinfo_parse_caps("<capabilities", &info), -1);
    free(xml);
    free(info.cpu_name);
    free(info.cpu_vendor);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_autostart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vcpus_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cdrom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_devices, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attach_new_volume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_xml_define, setup, teardown),
        cmocka_unit_test_setup_teardown(test_details, setup, teardown),
        cmocka_unit_test_setup_teardown(test_managed_save, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undefine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly, setup, teardown),
        cmocka_unit_test(test_host_connect_disconnect),
        cmocka_unit_test(test_host_caps),
    };
    const char *err = NULL;

    snprintf(uri, sizeof(uri), "test://%s/model-dom.xml", VD_TEST_DATA);
    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    virSetErrorFunc(NULL, quiet);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
