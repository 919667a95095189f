/*
 * test_snapshot.c: snapshot copying, references and look-ups.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/model.h"
#include "core/snapshot_priv.h"

/* A snapshot with three domains sorted by UUID and one network/pool. */
static vd_snapshot *
sample(void)
{
    static const char *const uuids[] = {
        "11111111-0000-4000-8000-000000000001",
        "22222222-0000-4000-8000-000000000002",
        "33333333-0000-4000-8000-000000000003",
    };
    static const char *const names[] = { "web", "db", "cache" };
    vd_snapshot *snap = vd_snapshot_new(3, "test:///default", "lab", true);
    size_t i;

    assert_non_null(snap);
    snap->domains = calloc(3, sizeof(vd_domain));
    snap->ndomains = 3;
    for (i = 0; i < 3; i++) {
        strcpy(snap->domains[i].uuid, uuids[i]);
        snap->domains[i].name = strdup(names[i]);
        snap->domains[i].state = VD_DOM_RUNNING;
        snap->domains[i].vcpus = (unsigned)i + 1;
    }
    snap->networks = calloc(1, sizeof(vd_network));
    snap->nnetworks = 1;
    snap->networks[0].name = strdup("default");
    snap->networks[0].bridge = strdup("virbr0");
    snap->pools = calloc(1, sizeof(vd_pool));
    snap->npools = 1;
    snap->pools[0].name = strdup("images");
    snap->error = strdup("boom");
    snap->info.hostname = strdup("kvm1");
    return snap;
}

static void
test_new_defaults(void **state)
{
    vd_snapshot *snap = vd_snapshot_new(1, "qemu:///system", NULL, false);

    (void)state;
    assert_non_null(snap);
    assert_string_equal(snap->label, "qemu:///system");
    assert_int_equal(snap->host_id, 1);
    assert_int_equal(snap->conn, VD_CONN_IDLE);
    assert_int_equal(snap->ndomains, 0);
    vd_snapshot_unref(snap);
}

static void
test_clone_is_deep(void **state)
{
    vd_snapshot *a = sample();
    vd_snapshot *b = vd_snapshot_clone(a);

    (void)state;
    assert_non_null(b);
    assert_int_equal(b->seq, a->seq + 1);
    assert_int_equal(b->ndomains, 3);
    assert_ptr_not_equal(b->domains, a->domains);
    assert_ptr_not_equal(b->domains[0].name, a->domains[0].name);
    assert_string_equal(b->domains[1].name, "db");
    assert_string_equal(b->networks[0].bridge, "virbr0");
    assert_string_equal(b->error, "boom");
    assert_string_equal(b->info.hostname, "kvm1");
    assert_true(b->readonly);
    vd_snapshot_unref(a);       /* b must stay valid on its own */
    assert_string_equal(b->domains[2].name, "cache");
    vd_snapshot_unref(b);
}

static void
test_refcount(void **state)
{
    vd_snapshot *a = sample();

    (void)state;
    assert_ptr_equal(vd_snapshot_ref(a), a);
    assert_int_equal(a->refs, 2);
    vd_snapshot_unref(a);
    assert_int_equal(a->refs, 1);
    vd_snapshot_unref(a);
    assert_null(vd_snapshot_ref(NULL));
    vd_snapshot_unref(NULL);
}

static void
test_find_domain(void **state)
{
    vd_snapshot *a = sample();
    const vd_domain *d;

    (void)state;
    d = vd_snapshot_find_domain(a, "22222222-0000-4000-8000-000000000002");
    assert_non_null(d);
    assert_string_equal(d->name, "db");
    assert_non_null(vd_snapshot_find_domain(a, "11111111-0000-4000-8000-000000000001"));
    assert_non_null(vd_snapshot_find_domain(a, "33333333-0000-4000-8000-000000000003"));
    assert_null(vd_snapshot_find_domain(a, "44444444-0000-4000-8000-000000000004"));
    assert_null(vd_snapshot_find_domain(a, NULL));
    assert_null(vd_snapshot_find_domain(NULL, "x"));
    vd_snapshot_unref(a);
}

static void
test_names(void **state)
{
    char buf[32];

    (void)state;
    assert_string_equal(vd_dom_state_name(VD_DOM_RUNNING), "running");
    assert_string_equal(vd_dom_state_name(VD_DOM_SHUTOFF), "shut off");
    assert_string_equal(vd_dom_state_name(VD_DOM_PAUSED), "paused");
    assert_string_equal(vd_dom_state_name((vd_dom_state)99), "unknown");
    assert_string_equal(vd_conn_state_name(VD_CONN_FAILED), "failed");
    assert_string_equal(vd_pool_state_name(VD_POOL_RUNNING), "active");
    assert_string_equal(vd_version_string(9000000, buf, sizeof(buf)), "9.0.0");
    assert_string_equal(vd_version_string(7002001, buf, sizeof(buf)), "7.2.1");
}

static void
test_strset(void **state)
{
    char *s = NULL;

    (void)state;
    assert_int_equal(vd_strset(&s, "abc"), 0);
    assert_string_equal(s, "abc");
    assert_int_equal(vd_strset(&s, NULL), 0);
    assert_null(s);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_defaults),
        cmocka_unit_test(test_clone_is_deep),
        cmocka_unit_test(test_refcount),
        cmocka_unit_test(test_find_domain),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_strset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
