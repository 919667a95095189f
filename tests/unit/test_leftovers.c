/*
 * test_leftovers.c: what a lost connection left on a host, removed when
 * it is back (core/leftovers.c), against libvirt's test driver: items
 * are swept in the order they were remembered and only for their host;
 * a volume made for a domain is never removed while that domain is
 * still defined; a domain is undefined by uuid or by name; each item
 * gets one result on the bus.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/leftovers.h"
#include "virtdeck/bus.h"
#include "virtdeck/job.h"

#define POOL "default-pool"

static virConnectPtr conn;

/* Silence libvirt's default error printing. */
static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* Make volume name in POOL. */
static void
make_volume(const char *name)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, POOL);
    char xml[512];
    virStorageVolPtr vol;

    assert_non_null(pool);
    snprintf(xml, sizeof(xml), "<volume><name>%s</name><capacity>1048576</capacity>"
             "</volume>", name);
    vol = virStorageVolCreateXML(pool, xml, 0);
    assert_non_null(vol);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
}

/* Whether volume name is in POOL. */
static bool
has_volume(const char *name)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, POOL);
    virStorageVolPtr vol = pool ? virStorageVolLookupByName(pool, name) : NULL;

    virResetLastError();
    if (vol)
        virStorageVolFree(vol);
    if (pool)
        virStoragePoolFree(pool);
    return vol != NULL;
}

/* Define a shut off domain name; its uuid in uuid. */
static void
define(const char *name, char uuid[VIR_UUID_STRING_BUFLEN])
{
    char xml[512];
    virDomainPtr dom;

    snprintf(xml, sizeof(xml), "<domain type='test'><name>%s</name>"
             "<memory>1024</memory><os><type>hvm</type></os></domain>", name);
    dom = virDomainDefineXML(conn, xml);
    assert_non_null(dom);
    assert_int_equal(virDomainGetUUIDString(dom, uuid), 0);
    virDomainFree(dom);
}

/* Whether a domain name is defined. */
static bool
has_domain(const char *name)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);

    virResetLastError();
    if (dom)
        virDomainFree(dom);
    return dom != NULL;
}

/* The next result's message (checked: for host_id, ok as given);
 * caller frees. */
static char *
next_message(vd_bus *bus, int host_id, bool ok)
{
    vd_result *res = vd_bus_pop(bus);
    char *msg;

    assert_non_null(res);
    if (res->ok != ok)
        print_error("unexpected %s: %s\n", res->ok ? "success" : "failure",
                    res->message ? res->message : "");
    assert_int_equal(res->host_id, host_id);
    assert_int_equal(res->ok, ok);
    assert_non_null(res->message);
    msg = strdup(res->message);
    vd_result_free(res);
    return msg;
}

/* In order, per host; a volume waits for its domain; by name too. */
static void
test_sweep_order_and_owner(void **state)
{
    vd_bus *bus = vd_bus_new();
    char uuid[VIR_UUID_STRING_BUFLEN], uuid2[VIR_UUID_STRING_BUFLEN], *m;

    (void)state;
    assert_non_null(bus);
    make_volume("lo-plain.img");
    make_volume("lo-owned.img");
    make_volume("lo-kept.img");
    make_volume("lo-other.img");
    define("lo-dom", uuid);
    define("lo-stays", uuid2);

    /* host 7: the domain first, then its volume, then a plain one;
     * a volume whose domain is not remembered (still defined): kept */
    vd_leftover_domain(7, VD_CMD_DOM_CREATE, uuid, "lo-dom", "the domain of X");
    vd_leftover_volume_of(7, VD_CMD_DOM_CREATE, POOL, "lo-owned.img", uuid,
                          "the new volume of X");
    vd_leftover_volume(7, VD_CMD_VOL_UPLOAD, POOL, "lo-plain.img",
                       "the partial volume of Y");
    vd_leftover_volume_of(7, VD_CMD_DOM_CREATE, POOL, "lo-kept.img", "lo-stays",
                          "the volume of Z");
    vd_leftover_volume(7, VD_CMD_VOL_UPLOAD, POOL, "lo-gone.img", "the volume of W");
    /* another host's item is not touched */
    vd_leftover_volume(8, VD_CMD_VOL_UPLOAD, POOL, "lo-other.img", "the volume of V");

    vd_leftovers_sweep(7, "h7", "test:///default", conn, bus);
    m = next_message(bus, 7, true);
    assert_non_null(strstr(m, "removed the domain of X, domain lo-dom"));
    free(m);
    m = next_message(bus, 7, true);
    assert_non_null(strstr(m, "removed the new volume of X, volume " POOL "/lo-owned.img"));
    free(m);
    m = next_message(bus, 7, true);
    assert_non_null(strstr(m, "removed the partial volume of Y"));
    free(m);
    m = next_message(bus, 7, false);
    assert_non_null(strstr(m, "the domain it was made for is still defined: left alone"));
    free(m);
    m = next_message(bus, 7, true);
    assert_non_null(strstr(m, "the volume of W (volume " POOL "/lo-gone.img) is already gone"));
    free(m);
    assert_null(vd_bus_pop(bus));
    assert_false(has_domain("lo-dom"));
    assert_false(has_volume("lo-owned.img"));
    assert_false(has_volume("lo-plain.img"));
    assert_true(has_volume("lo-kept.img"));     /* under lo-stays */
    assert_true(has_domain("lo-stays"));
    assert_true(has_volume("lo-other.img"));

    /* the other host's item waits for its own sweep; a domain by name */
    vd_leftover_domain(8, VD_CMD_DOM_CREATE, NULL, "lo-stays", "the domain of Z");
    vd_leftover_volume_of(8, VD_CMD_DOM_CREATE, POOL, "lo-kept.img", "lo-stays",
                          "the volume of Z");
    vd_leftovers_sweep(8, "h8", "test:///default", conn, bus);
    m = next_message(bus, 8, true);
    assert_non_null(strstr(m, "removed the volume of V"));
    free(m);
    m = next_message(bus, 8, true);
    assert_non_null(strstr(m, "removed the domain of Z, domain lo-stays"));
    free(m);
    m = next_message(bus, 8, true);
    assert_non_null(strstr(m, "removed the volume of Z"));
    free(m);
    assert_null(vd_bus_pop(bus));
    assert_false(has_domain("lo-stays"));
    assert_false(has_volume("lo-kept.img"));
    assert_false(has_volume("lo-other.img"));
    assert_null(vd_leftovers_pending());
    vd_bus_free(bus);
}

/* A running domain is left alone; its volume then too. */
static void
test_running_domain_left_alone(void **state)
{
    vd_bus *bus = vd_bus_new();
    char uuid[VIR_UUID_STRING_BUFLEN], *m;
    virDomainPtr dom;

    (void)state;
    make_volume("lo-run.img");
    define("lo-run", uuid);
    dom = virDomainLookupByName(conn, "lo-run");
    assert_non_null(dom);
    assert_int_equal(virDomainCreate(dom), 0);
    vd_leftover_domain(9, VD_CMD_DOM_CREATE, uuid, "lo-run", "the domain of R");
    vd_leftover_volume_of(9, VD_CMD_DOM_CREATE, POOL, "lo-run.img", uuid,
                          "the volume of R");
    vd_leftovers_sweep(9, "h9", "test:///default", conn, bus);
    m = next_message(bus, 9, false);
    assert_non_null(strstr(m, "it is running now: left alone"));
    free(m);
    m = next_message(bus, 9, false);
    assert_non_null(strstr(m, "still defined: left alone"));
    free(m);
    assert_true(has_domain("lo-run"));
    assert_true(has_volume("lo-run.img"));
    virDomainDestroy(dom);
    virDomainUndefine(dom);
    virDomainFree(dom);
    vd_bus_free(bus);
}

/* Nothing is remembered on a thread not bound to a host, nor on a
 * connection that is alive. */
static void
test_here_needs_binding_and_lost_link(void **state)
{
    (void)state;
    assert_false(vd_leftover_here_volume(conn, POOL, "x.img", NULL, "x"));
    vd_leftovers_bind(3, VD_CMD_DOM_CREATE);
    assert_false(vd_leftover_here_volume(conn, POOL, "x.img", NULL, "x"));
    assert_false(vd_leftover_here_domain(conn, NULL, "x", "x"));
    vd_leftovers_bind(-1, VD_CMD_DOM_CREATE);
    assert_null(vd_leftovers_pending());
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sweep_order_and_owner),
        cmocka_unit_test(test_running_domain_left_alone),
        cmocka_unit_test(test_here_needs_binding_and_lost_link),
    };
    int rc;

    virSetErrorFunc(NULL, quiet);
    if (!(conn = virConnectOpen("test:///default")))
        return 1;
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    vd_leftovers_free();
    virConnectClose(conn);
    return rc;
}
