/*
 * test_dsnap.c: the pure side of snapshots and clones: snapshot XML
 * parsed, a list put in tree order and printed as virsh prints it, name
 * checks, and the clone arguments' one-string form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/clone.h"
#include "virtdeck/dsnap.h"

/* A snapshot XML with name, parent (or NULL), state. */
static char *
snap_xml(const char *name, const char *parent, const char *extra)
{
    char *xml = NULL;

    assert_true(asprintf(&xml, "<domainsnapshot><name>%s</name>%s%s%s"
                         "<state>shutoff</state><creationTime>1700000000</creationTime>%s"
                         "</domainsnapshot>", name, parent ? "<parent><name>" : "",
                         parent ? parent : "", parent ? "</name></parent>" : "",
                         extra ? extra : "") > 0);
    return xml;
}

/* A list from (name, parent) pairs, in the order given. */
static void
make_list(vd_dsnap_list *l, const char *const pairs[][2], size_t n)
{
    size_t i;

    memset(l, 0, sizeof(*l));
    l->items = calloc(n, sizeof(*l->items));
    assert_non_null(l->items);
    for (i = 0; i < n; i++) {
        char *xml = snap_xml(pairs[i][0], pairs[i][1], NULL);

        assert_int_equal(vd_dsnap_parse(xml, &l->items[l->n++]), 0);
        free(xml);
    }
    vd_dsnap_list_order(l);
}

/* Four levels with siblings, as `virsh snapshot-list --tree` prints
 * them (checked against virsh 9.0 by tests/live/dsnap_tree.sh). */
static void
test_tree_text(void **state)
{
    static const char *const pairs[][2] = {
        { "tuned", "updates" }, { "b2", "base" }, { "alt", "Installed" },
        { "base", NULL }, { "updates", "Installed" }, { "Installed", "base" },
    };
    vd_dsnap_list l;
    char *t;

    (void)state;
    make_list(&l, pairs, 6);
    t = vd_dsnap_tree_text(&l);
    assert_string_equal(t,
        "base\n"
        "  |\n"
        "  +- b2\n"
        "  +- Installed\n"
        "      |\n"
        "      +- alt\n"
        "      +- updates\n"
        "          |\n"
        "          +- tuned\n"
        "            \n");
    assert_string_equal(l.items[0].name, "base");
    assert_int_equal(l.items[5].depth, 3);
    assert_true(l.items[5].last);
    assert_false(l.items[1].last);
    free(t);
    vd_dsnap_list_clear(&l);
}

/* Two roots, one leaf: each root ends with a blank line. */
static void
test_tree_roots(void **state)
{
    static const char *const pairs[][2] = { { "r2", NULL }, { "r1", NULL }, { "c", "r2" } };
    vd_dsnap_list l;
    char *t;

    (void)state;
    make_list(&l, pairs, 3);
    t = vd_dsnap_tree_text(&l);
    assert_string_equal(t, "r1\n\nr2\n  |\n  +- c\n    \n");
    free(t);
    vd_dsnap_list_clear(&l);
}

/* External disks and memory are read from the XML. */
static void
test_parse_external(void **state)
{
    vd_dsnap s;
    char *xml = snap_xml("e", NULL, "<memory snapshot='no'/><disks>"
                         "<disk name='vda' snapshot='external'><source file='/p/vda-e.qcow2'/></disk>"
                         "<disk name='hdc' snapshot='no'/></disks><description>d</description>");

    (void)state;
    assert_int_equal(vd_dsnap_parse(xml, &s), 0);
    assert_true(s.external);
    assert_false(s.memory);
    assert_int_equal(s.ndisks, 2);
    assert_string_equal(s.disks[0].file, "/p/vda-e.qcow2");
    assert_string_equal(s.disks[1].mode, "no");
    assert_string_equal(s.description, "d");
    assert_int_equal(s.created, 1700000000);
    vd_dsnap_clear(&s);
    free(xml);
    assert_int_equal(vd_dsnap_parse("<domainsnapshot/>", &s), -1);
    assert_int_equal(vd_dsnap_parse("not xml", &s), -1);
}

/* Names. */
/* A checker's refusal: a message, released. */
static void
refused(vd_check_msg *m)
{
    assert_non_null(m);
    vd_check_free(m);
}

static void
test_names(void **state)
{
    char *n = vd_dsnap_default_name(0);

    (void)state;
    assert_non_null(n);
    assert_null(vd_dsnap_check_name(n));
    free(n);
    refused(vd_dsnap_check_name(""));
    refused(vd_dsnap_check_name("a/b"));
    refused(vd_dsnap_check_name(" lead"));
    refused(vd_dsnap_check_name("tab\there"));
    refused(vd_dsnap_check_name(".dot"));
    assert_null(vd_check_name("web-clone", NULL, 0));
    refused(vd_check_name("", NULL, 0));
    refused(vd_check_name("a/b", NULL, 0));
    assert_null(vd_clone_check_mac("52:54:00:aa:bb:0c"));
    refused(vd_clone_check_mac("01:54:00:aa:bb:0c"));   /* multicast */
    refused(vd_clone_check_mac("52:54:00:aa:bb"));
    refused(vd_clone_check_mac("52-54-00-aa-bb-0c"));
    refused(vd_clone_check_mac(""));
}

/* The clone arguments survive their one-string form. */
static void
test_clone_args(void **state)
{
    vd_clone_args a = { 0 }, b;
    char *s;

    (void)state;
    a.name = strdup("new=name");
    a.linked = true;
    assert_int_equal(vd_clone_args_disk(&a, "vda", VD_CLONE_SHARE), 0);
    assert_int_equal(vd_clone_args_disk(&a, "vdb", VD_CLONE_LINK), 0);
    assert_int_equal(vd_clone_args_disk(&a, "vda", VD_CLONE_COPY), 0);   /* replaces */
    a.macs = calloc(1, sizeof(*a.macs));
    a.macs[0] = strdup("52:54:00:00:00:01");
    a.nmacs = 1;
    s = vd_clone_args_format(&a);
    assert_non_null(s);
    assert_int_equal(vd_clone_args_parse(s, &b), 0);
    assert_string_equal(b.name, "new=name");
    assert_true(b.linked);
    assert_int_equal(b.ndisks, 2);
    assert_int_equal(b.disks[0].mode, VD_CLONE_COPY);
    assert_int_equal(b.disks[1].mode, VD_CLONE_LINK);
    assert_string_equal(b.macs[0], "52:54:00:00:00:01");
    free(s);
    vd_clone_args_clear(&b);
    free(a.name);
    a.name = strdup("two\nlines");
    assert_null(vd_clone_args_format(&a));
    vd_clone_args_clear(&a);
    assert_int_equal(vd_clone_args_parse("bogus=1\n", &b), -1);
    assert_int_equal(vd_clone_args_parse("disk=frob:vda\n", &b), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tree_text),
        cmocka_unit_test(test_tree_roots),
        cmocka_unit_test(test_parse_external),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_clone_args),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
