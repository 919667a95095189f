/*
 * test_binding.c: the key lookup of the key tables (binding.h), from
 * the UI-model library: a key runs the binding of the focused pane, a
 * key bound only in other panes is found as "other" (the status line
 * then says where it works), rows without a handler only document a
 * key, and a view's table (mask 0) ignores the panes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/app/binding.h"

enum { HOSTS = 1, DOMAINS = 2, NETWORKS = 4, POOLS = 8 };

static void fn_a(struct vd_app *app, const vd_binding *b) { (void)app; (void)b; }
static void fn_b(struct vd_app *app, const vd_binding *b) { (void)app; (void)b; }

static const vd_binding table[] = {
    { 'j', "j", "Move down", "Move", 0, NULL, 0, 0, NULL },     /* doc only */
    { 'j', "j", "Move down", "Move", HOSTS | DOMAINS | NETWORKS | POOLS, fn_a,
      1, 0, NULL },
    { 'r', "r", "Refresh the pool", "Pools", POOLS, fn_a, 2, 0, NULL },
    { 'r', "r", "Reboot", "Domains", DOMAINS, fn_b, 3, 0, NULL },
    { 'e', "e", "Edit the host", "Hosts", HOSTS, fn_b, 4, 0, NULL },
    { 'D', "D", "Delete", "Networks", NETWORKS, fn_a, 5, 0, NULL },
    { 'D', "D", "Delete", "Pools", POOLS, fn_b, 6, 0, NULL },
    { 'x', "x", "Only documented", "Views", HOSTS, NULL, 7, 0, NULL },
};

#define N (sizeof(table) / sizeof(table[0]))

/* The focused pane's binding wins; the same key means another action
 * in another pane. */
static void
test_pane(void **state)
{
    const vd_binding *b, *other;

    (void)state;
    b = vd_binding_find(table, N, 'r', DOMAINS, &other);
    assert_non_null(b);
    assert_int_equal(b->arg, 3);
    b = vd_binding_find(table, N, 'r', POOLS, &other);
    assert_int_equal(b->arg, 2);
    assert_null(other);
    /* a row without a handler is skipped for the one with it */
    b = vd_binding_find(table, N, 'j', NETWORKS, NULL);
    assert_int_equal(b->arg, 1);
    b = vd_binding_find(table, N, 'D', POOLS, NULL);
    assert_int_equal(b->arg, 6);
}

/* A key bound only elsewhere: NULL, and other names where. */
static void
test_other(void **state)
{
    const vd_binding *b, *other;

    (void)state;
    b = vd_binding_find(table, N, 'e', DOMAINS, &other);
    assert_null(b);
    assert_non_null(other);
    assert_int_equal(other->panes, HOSTS);
    b = vd_binding_find(table, N, 'r', HOSTS, &other);
    assert_null(b);
    assert_int_equal(other->arg, 2);      /* the first that applies elsewhere */
    /* unbound, or only documented: nothing at all */
    assert_null(vd_binding_find(table, N, 'z', DOMAINS, &other));
    assert_null(other);
    assert_null(vd_binding_find(table, N, 'x', HOSTS, &other));
    assert_null(other);
    assert_null(vd_binding_find(table, 0, 'j', HOSTS, &other));
}

/* A view's table: mask 0 takes the first handled row, whatever its
 * panes. */
static void
test_view(void **state)
{
    const vd_binding *b;

    (void)state;
    b = vd_binding_find(table, N, 'r', 0, NULL);
    assert_int_equal(b->arg, 2);
    b = vd_binding_find(table, N, 'e', 0, NULL);
    assert_int_equal(b->arg, 4);
    assert_null(vd_binding_find(table, N, 'x', 0, NULL));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pane),
        cmocka_unit_test(test_other),
        cmocka_unit_test(test_view),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
