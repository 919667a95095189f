/*
 * test_model_wizard.c: the create wizard's worker commands on libvirt's
 * test driver: the host facts (volumes, virt type), whether a path
 * exists, OS variants and their recommendations, and an atomic create
 * (a refused define leaves no volume behind; read-only refuses).
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

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/createfacts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/host.h"
#include "modeltest.h"
#include "virtdeck/osinfo.h"

/* Run kind with str on a fresh model host; returns the result. */
static vd_result *
run(vd_host *host, vd_bus *bus, vd_cmd_kind kind, const char *str,
    long long num, unsigned int flags)
{
    vd_cmd cmd = { .kind = kind, .num = num, .flags = flags };

    cmd.str = str ? strdup(str) : NULL;
    return vd_mt_wait_result(bus, vd_host_submit(host, &cmd), 20000);
}

/* A host on the model file, connected. */
static vd_host *
model_host(vd_bus *bus, bool readonly)
{
    vd_host_opts opts = { .uri = vd_mt_model_uri, .label = "model",
                          .readonly = readonly, .tick_ms = 60000 };
    vd_host *host = vd_host_new(&opts, 3, bus);
    long long deadline = vd_now_ms() + 10000;

    assert_non_null(host);
    for (;;) {
        vd_snapshot *snap = vd_host_snapshot(host);
        bool up = snap->conn == VD_CONN_CONNECTED;

        vd_snapshot_unref(snap);
        if (up)
            return host;
        if (vd_now_ms() > deadline)
            fail_msg("the model host did not connect");
        poll(NULL, 0, 20);
    }
}

/* Whether facts list pool/name. */
static const vd_create_vol *
find_vol(const vd_create_facts *f, const char *pool, const char *name)
{
    for (size_t i = 0; i < f->nvols; i++)
        if (strcmp(f->vols[i].pool, pool) == 0 && strcmp(f->vols[i].name, name) == 0)
            return &f->vols[i];
    return NULL;
}

static void
test_facts(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, false);
    vd_result *res = run(host, bus, VD_CMD_CREATE_FACTS, NULL, 0, 0);
    const vd_create_facts *f = res->data;
    const vd_create_vol *v;

    (void)state;
    assert_true(res->ok);
    assert_non_null(f);
    assert_int_equal(f->virt_type, VD_VIRT_TEST);
    assert_false(f->have_caps);
    assert_true(f->local);
    assert_non_null(v = find_vol(f, "pool-a", "delta.qcow2"));
    assert_int_equal(v->format, VD_FMT_QCOW2);
    assert_false(v->iso);
    assert_non_null(v = find_vol(f, "pool-a", "scratch.raw"));
    vd_result_free(res);
    vd_host_free(host, 5000);
    vd_bus_free(bus);
}

static void
test_path_exists(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, false);
    char path[4200];
    vd_result *res;

    (void)state;
    snprintf(path, sizeof(path), "%s/model-host.xml", VD_TEST_DATA);
    res = run(host, bus, VD_CMD_PATH_EXISTS, path, 0, 0);
    assert_true(res->ok);
    assert_string_equal(res->text, "1");
    assert_string_equal(res->message, path);
    vd_result_free(res);
    res = run(host, bus, VD_CMD_PATH_EXISTS, "/nonexistent/virtdeck.iso", 0, 0);
    assert_true(res->ok);
    assert_string_equal(res->text, "0");
    vd_result_free(res);
    res = run(host, bus, VD_CMD_PATH_EXISTS, "relative.iso", 0, 0);
    assert_false(res->ok);
    vd_result_free(res);
    vd_host_free(host, 5000);
    vd_bus_free(bus);
}

static void
test_os_variants(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, false);
    vd_result *res = run(host, bus, VD_CMD_OS_LIST, NULL, 0, 0);
    const vd_os_list *list = res->data;
    const vd_os_choice *c;
    bool win10 = false;

    (void)state;
    assert_true(res->ok);
    assert_non_null(list);
    assert_true(list->n > 100);
    for (size_t i = 0; i < list->n; i++)
        if (list->vars[i].short_id && strcmp(list->vars[i].short_id, "win10") == 0)
            win10 = true;
    assert_true(win10);
    vd_result_free(res);

    res = run(host, bus, VD_CMD_OS_RECOMMEND, "win10", 0, 0);
    c = res->data;
    assert_true(res->ok);
    assert_true(c->found);
    assert_string_equal(c->short_id, "win10");
    assert_non_null(c->id);
    assert_true(c->memory_mib >= 1024);
    vd_result_free(res);

    res = run(host, bus, VD_CMD_OS_RECOMMEND, "no-such-os-42", 0, 0);
    assert_false(res->ok);
    assert_false(((const vd_os_choice *)res->data)->found);
    vd_result_free(res);
    vd_host_free(host, 5000);
    vd_bus_free(bus);
}

/* The XML of a small domain with a new volume in pool-a. */
static char *
domain_xml(const char *name, const char *volume)
{
    vd_domain_spec spec;
    const char *err = NULL;
    char *xml;

    memset(&spec, 0, sizeof(spec));
    vd_spec_set(&spec.name, name);
    spec.virt_type = VD_VIRT_TEST;
    spec.vcpus = 1;
    spec.memory_mib = 256;
    spec.disk.kind = VD_DISK_NEW_VOLUME;
    vd_spec_set(&spec.disk.pool, "pool-a");
    vd_spec_set(&spec.disk.volume, volume);
    spec.disk.size_bytes = VD_GIB;
    spec.disk.format = VD_FMT_QCOW2;
    xml = vd_domain_xml(&spec, NULL, &err);
    vd_domain_spec_clear(&spec);
    assert_non_null(xml);
    return xml;
}

static void
test_create(void **state)
{
    vd_bus *bus = vd_bus_new();
    vd_host *host = model_host(bus, false);
    vd_host *ro;
    char *xml = domain_xml("wiz1", "wiz1.qcow2");
    vd_result *res;

    (void)state;
    res = run(host, bus, VD_CMD_DOM_CREATE, xml, (long long)VD_GIB, 0);
    assert_true(res->ok);
    assert_non_null(res->message);
    assert_non_null(strstr(res->message, "wiz1"));
    assert_int_equal(strlen(res->uuid), 36);
    vd_result_free(res);
    free(xml);

    res = run(host, bus, VD_CMD_CREATE_FACTS, NULL, 0, 0);
    assert_non_null(find_vol(res->data, "pool-a", "wiz1.qcow2"));
    vd_result_free(res);

    /* The same name again: the define fails and the new volume goes. */
    xml = domain_xml("wiz1", "wiz1-second.qcow2");
    res = run(host, bus, VD_CMD_DOM_CREATE, xml, (long long)VD_GIB, 0);
    assert_false(res->ok);
    assert_non_null(res->message);
    vd_result_free(res);
    res = run(host, bus, VD_CMD_CREATE_FACTS, NULL, 0, 0);
    assert_null(find_vol(res->data, "pool-a", "wiz1-second.qcow2"));
    vd_result_free(res);

    /* Read-only: refused before any call. */
    ro = model_host(bus, true);
    res = run(ro, bus, VD_CMD_DOM_CREATE, xml, (long long)VD_GIB, 0);
    assert_false(res->ok);
    assert_non_null(strstr(res->message, "read-only"));
    vd_result_free(res);
    free(xml);
    vd_host_free(ro, 5000);
    vd_host_free(host, 5000);
    vd_bus_free(bus);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_facts),
        cmocka_unit_test(test_path_exists),
        cmocka_unit_test(test_os_variants),
        cmocka_unit_test(test_create),
    };

    return vd_mt_main("model_wizard", tests, sizeof(tests) / sizeof(tests[0]));
}
