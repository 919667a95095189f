/*
 * test_osinfo.c: the libosinfo wrapper on the installed osinfo-db:
 * search, lookup by short and full id, recommendations, and applying
 * them to a spec without overriding what the user chose.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/osinfo.h"

static vd_osdb *db;

/* Search by id and by words of the name. */
static void
test_search(void **state)
{
    vd_os_variant *v = NULL;
    int n, i;
    bool found = false;

    (void)state;
    n = vd_osdb_search(db, "debian11", 0, &v);
    assert_true(n >= 1);
    assert_string_equal(v[0].short_id, "debian11");     /* exact id first */
    assert_string_equal(v[0].id, "http://debian.org/debian/11");
    vd_os_variants_free(v, n);
    n = vd_osdb_search(db, "CentOS 7", 0, &v);
    for (i = 0; i < n; i++)
        found |= strcmp(v[i].short_id, "centos7.0") == 0;
    assert_true(found);
    vd_os_variants_free(v, n);
    n = vd_osdb_search(db, "", 5, &v);
    assert_int_equal(n, 5);
    vd_os_variants_free(v, n);
    n = vd_osdb_search(db, "no-such-os-xyz", 0, &v);
    assert_int_equal(n, 0);
    vd_os_variants_free(v, n);
}

/* Lookup by short and full id, with recommendations. */
static void
test_lookup(void **state)
{
    vd_os_variant v;
    vd_os_recommend rec;

    (void)state;
    assert_int_equal(vd_osdb_lookup(db, "debian11", NULL, &v, &rec), 0);
    assert_string_equal(v.name, "Debian 11");
    assert_string_equal(v.family, "linux");
    assert_true(rec.memory_mib >= 512);
    assert_true(rec.disk_bytes >= 1024ULL * 1024 * 1024);
    assert_true(rec.vcpus >= 1);
    assert_true(rec.disk_bus_known);
    assert_int_equal(rec.disk_bus, VD_BUS_VIRTIO);
    assert_true(rec.nic_model_known);
    assert_int_equal(rec.nic_model, VD_NIC_VIRTIO);
    assert_false(rec.uefi_only);
    vd_os_variant_clear(&v);
    /* by full id too */
    assert_int_equal(vd_osdb_lookup(db, "http://centos.org/centos/7.0", NULL, &v, NULL), 0);
    assert_string_equal(v.short_id, "centos7.0");
    vd_os_variant_clear(&v);
    assert_int_equal(vd_osdb_lookup(db, "nosuchos", NULL, &v, &rec), -1);
}

/* Recommendations fill the spec but keep the user's choices. */
static void
test_apply(void **state)
{
    vd_domain_spec s = { .vcpus = 1, .memory_mib = 300 };
    vd_os_variant v;
    vd_os_recommend rec;

    (void)state;
    assert_int_equal(vd_osdb_lookup(db, "debian11", NULL, &v, &rec), 0);
    s.disk.bus = VD_BUS_SATA;
    s.net.model = VD_NIC_E1000;
    assert_int_equal(vd_os_apply(&v, &rec, VD_OSREC_MEMORY | VD_OSREC_DISK_BUS, &s), 0);
    assert_string_equal(s.os_id, "http://debian.org/debian/11");
    assert_string_equal(s.os_variant, "debian11");
    assert_true(s.memory_mib == 300);                   /* the user's */
    assert_int_equal(s.disk.bus, VD_BUS_SATA);          /* the user's */
    assert_int_equal(s.net.model, VD_NIC_VIRTIO);       /* recommended */
    assert_true(s.disk.size_bytes == rec.disk_bytes);
    assert_int_equal(vd_os_apply(NULL, &rec, 0, &s), 0);
    assert_true(s.memory_mib == rec.memory_mib);
    vd_os_variant_clear(&v);
    vd_domain_spec_clear(&s);
}

/* Run the tests. */
int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_apply),
    };
    char *err = NULL;
    int rc;

    if (!(db = vd_osdb_open(&err))) {
        fprintf(stderr, "cannot open the osinfo database: %s\n", err);
        free(err);
        return 1;
    }
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    vd_osdb_free(db);
    return rc;
}
