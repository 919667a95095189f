/*
 * test_model_create.c: atomic creation on libvirt's test driver
 * (tests/data/model-host.xml: pool pool-a, network net-nat): success
 * with and without start, a define the driver rejects after the volume
 * was made (the volume is removed again), a volume that cannot be made
 * (nothing is defined), XML special characters in the name, and the
 * worker command's entry point.
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

#include "tdconn.h"
#include "virtdeck/create.h"

/* The number of volumes in pool-a. */
static int
pool_a_volumes(virConnectPtr conn)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "pool-a");
    int n;

    assert_non_null(pool);
    n = virStoragePoolNumOfVolumes(pool);
    virStoragePoolFree(pool);
    return n;
}

/* Whether pool-a holds a volume called name. */
static bool
pool_a_has(virConnectPtr conn, const char *name)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "pool-a");
    virStorageVolPtr vol;

    assert_non_null(pool);
    vol = virStorageVolLookupByName(pool, name);
    virResetLastError();
    virStoragePoolFree(pool);
    if (vol)
        virStorageVolFree(vol);
    return vol != NULL;
}

/* The model host's guest spec (tdconn.h). */
static void
make_spec(vd_domain_spec *s, const char *name)
{
    assert_int_equal(vd_td_guest_spec(s, name), 0);
}

/* Defined, not started; the volume exists with the right size. */
static void
test_create(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    char uuid[VD_UUID_LEN] = "", *err = NULL, *xml;
    virDomainPtr dom;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo info;
    int st, reason;

    make_spec(&s, "newguest");
    if (vd_create(conn, &s, NULL, 0, uuid, &err) < 0)
        fail_msg("create failed: %s", err);
    assert_int_equal(strlen(uuid), 36);
    assert_non_null(dom = virDomainLookupByUUIDString(conn, uuid));
    assert_string_equal(virDomainGetName(dom), "newguest");
    assert_int_equal(virDomainGetState(dom, &st, &reason, 0), 0);
    assert_int_equal(st, VIR_DOMAIN_SHUTOFF);
    assert_int_equal(virDomainIsPersistent(dom), 1);
    xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    assert_non_null(strstr(xml, "volume='newguest.qcow2'"));
    assert_non_null(strstr(xml, "<source network='net-nat'/>"));
    assert_non_null(strstr(xml, "passwd='pw'"));
    free(xml);
    virDomainFree(dom);
    assert_non_null(pool = virStoragePoolLookupByName(conn, "pool-a"));
    assert_non_null(vol = virStorageVolLookupByName(pool, "newguest.qcow2"));
    assert_int_equal(virStorageVolGetInfo(vol, &info), 0);
    assert_true(info.capacity == VD_GIB);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    vd_domain_spec_clear(&s);
}

/* Created and started. */
static void
test_create_start(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    char uuid[VD_UUID_LEN], *err = NULL;
    virDomainPtr dom;
    int st, reason;

    make_spec(&s, "started");
    if (vd_create(conn, &s, NULL, VD_CREATE_START, uuid, &err) < 0)
        fail_msg("create failed: %s", err);
    assert_non_null(dom = virDomainLookupByName(conn, "started"));
    assert_int_equal(virDomainGetState(dom, &st, &reason, 0), 0);
    assert_int_equal(st, VIR_DOMAIN_RUNNING);
    virDomainFree(dom);
    vd_domain_spec_clear(&s);
}

/* The define fails after the volume was made (the name is taken): the
 * volume is removed again and the old domain is untouched. */
static void
test_define_fails_volume_removed(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    char *err = NULL;
    int before = pool_a_volumes(conn);
    virDomainPtr dom;

    make_spec(&s, "alpha");     /* alpha exists with another UUID */
    assert_int_equal(vd_create(conn, &s, NULL, VD_CREATE_START, NULL, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "could not define the domain: "));
    assert_non_null(strstr(err, "alpha"));              /* libvirt's message */
    assert_int_equal(pool_a_volumes(conn), before);
    assert_false(pool_a_has(conn, "alpha.qcow2"));
    assert_non_null(dom = virDomainLookupByName(conn, "alpha"));
    assert_string_equal(virDomainGetName(dom), "alpha");
    virDomainFree(dom);
    free(err);
    vd_domain_spec_clear(&s);
}

/* XML the driver rejects (validation): the volume goes again. */
static void
test_rejected_xml_volume_removed(void **state)
{
    virConnectPtr conn = *state;
    vd_volume_spec vol = { 0 };
    char *err = NULL;
    int before = pool_a_volumes(conn);

    vd_spec_set(&vol.name, "rejected.qcow2");
    vol.capacity = VD_GIB;
    vol.format = VD_FMT_QCOW2;
    assert_int_equal(vd_create_from_xml(conn,
            "<domain type='test'><name>rejected</name><memory>nonsense</memory>"
            "<os><type>hvm</type></os></domain>",
            "pool-a", &vol, 0, NULL, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "could not define the domain: "));
    assert_int_equal(pool_a_volumes(conn), before);
    assert_false(pool_a_has(conn, "rejected.qcow2"));
    assert_null(virDomainLookupByName(conn, "rejected"));
    virResetLastError();
    free(err);
    vd_volume_spec_clear(&vol);
}

/* The volume cannot be made: nothing is defined, the existing volume of
 * that name is left alone. */
static void
test_volume_fails_nothing_defined(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    char *err = NULL;

    make_spec(&s, "clash");
    vd_spec_set(&s.disk.volume, "scratch.raw");
    assert_int_equal(vd_create(conn, &s, NULL, 0, NULL, &err), -1);
    assert_non_null(strstr(err, "could not create the volume 'scratch.raw' in pool 'pool-a': "));
    assert_true(pool_a_has(conn, "scratch.raw"));
    assert_null(virDomainLookupByName(conn, "clash"));
    virResetLastError();
    free(err);
    err = NULL;
    vd_spec_set(&s.disk.volume, NULL);
    vd_spec_set(&s.disk.pool, "no-such-pool");
    assert_int_equal(vd_create(conn, &s, NULL, 0, NULL, &err), -1);
    assert_non_null(strstr(err, "pool 'no-such-pool': "));
    assert_null(virDomainLookupByName(conn, "clash"));
    virResetLastError();
    free(err);
    vd_domain_spec_clear(&s);
}

/* XML special characters in the name and password reach libvirt
 * intact: the builder escaped them. */
static void
test_special_characters(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    const char *name = "a&b<c>'d\"e";
    char *err = NULL, *xml;
    virDomainPtr dom;

    make_spec(&s, name);
    vd_spec_set(&s.gfx.password, "&<>\"'x");
    if (vd_create(conn, &s, NULL, 0, NULL, &err) < 0)
        fail_msg("create failed: %s", err);
    assert_non_null(dom = virDomainLookupByName(conn, name));
    assert_string_equal(virDomainGetName(dom), name);
    xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE);
    assert_non_null(strstr(xml, "passwd='&amp;&lt;&gt;&quot;&apos;x'"));
    free(xml);
    virDomainFree(dom);
    assert_true(pool_a_has(conn, "a&b<c>'d\"e.qcow2"));
    vd_domain_spec_clear(&s);

    /* and '/', which libvirt refuses, is refused before anything is made */
    make_spec(&s, "a/b");
    assert_int_equal(vd_create(conn, &s, NULL, 0, NULL, &err), -1);
    assert_string_equal(err, "name may not contain '/'");
    assert_false(pool_a_has(conn, "a/b.qcow2"));
    free(err);
    vd_domain_spec_clear(&s);
}

/* The worker command's entry point: XML in, volume size in num. */
static void
test_command(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    char uuid[VD_UUID_LEN] = "", *msg = NULL, *xml;
    const char *perr;
    int before = pool_a_volumes(conn);

    make_spec(&s, "by-command");
    assert_non_null(xml = vd_domain_xml(&s, NULL, &perr));
    assert_int_equal(vd_create_command(conn, xml, 2 * VD_GIB, VD_CREATE_START,
                                       uuid, &msg), 0);
    assert_string_equal(msg, "by-command created and started");
    assert_int_equal(strlen(uuid), 36);
    assert_true(pool_a_has(conn, "by-command.qcow2"));
    assert_int_equal(pool_a_volumes(conn), before + 1);
    free(msg);
    /* again: the name is taken now, the second volume does not stay */
    vd_spec_set(&s.disk.volume, "second.qcow2");
    free(xml);
    assert_non_null(xml = vd_domain_xml(&s, NULL, &perr));
    assert_int_equal(vd_create_command(conn, xml, VD_GIB, 0, uuid, &msg), -1);
    assert_non_null(strstr(msg, "create: could not define the domain: "));
    assert_false(pool_a_has(conn, "second.qcow2"));
    free(msg);
    /* num given but no volume disk in the XML */
    assert_int_equal(vd_create_command(conn, "<domain type='test'><name>x</name></domain>",
                                       VD_GIB, 0, uuid, &msg), -1);
    assert_string_equal(msg, "create: the domain XML has no volume disk to create");
    free(msg);
    free(xml);
    vd_domain_spec_clear(&s);
}

/* Run the tests. */
int
main(void)
{
    const struct CMUnitTest tests[] = {
        VD_TD_TEST(test_create),
        VD_TD_TEST(test_create_start),
        VD_TD_TEST(test_define_fails_volume_removed),
        VD_TD_TEST(test_rejected_xml_volume_removed),
        VD_TD_TEST(test_volume_fails_nothing_defined),
        VD_TD_TEST(test_special_characters),
        VD_TD_TEST(test_command),
    };

    vd_td_init(VD_TEST_DATA, "model-host.xml");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
