/*
 * test_migrate_opts.c: migration options as text and back, the checks
 * that need no host, and the evacuation request (virtdeck/migrate.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/migrate.h"

static void
test_round_trip(void **state)
{
    vd_migrate_opts o = { 0 }, back;
    char *text;

    (void)state;
    o.flags = VD_MIG_LIVE | VD_MIG_PERSIST | VD_MIG_COPY_ALL | VD_MIG_POSTCOPY;
    o.bandwidth = 100;
    o.downtime_ms = 250;
    o.src_uri = strdup("qemu+unix:///system?socket=/a/b=c");
    o.dest_uri = strdup("qemu+ssh://root@kvm2/system");
    o.migrate_uri = strdup("tcp://10.0.0.2");
    text = vd_migrate_opts_format(&o);
    assert_non_null(text);
    assert_int_equal(vd_migrate_opts_parse(text, &back), 0);
    assert_int_equal(back.flags, o.flags);
    assert_int_equal(back.bandwidth, 100);
    assert_int_equal(back.downtime_ms, 250);
    assert_string_equal(back.src_uri, o.src_uri);
    assert_string_equal(back.dest_uri, o.dest_uri);
    assert_string_equal(back.migrate_uri, o.migrate_uri);
    assert_null(back.peer_uri);
    free(text);
    vd_migrate_opts_clear(&back);
    vd_migrate_opts_clear(&o);
    assert_int_equal(vd_migrate_opts_parse("live=1\nnonsense\n", &back), -1);
    assert_int_equal(vd_migrate_opts_parse("bogus=1\n", &back), -1);
    assert_int_equal(vd_migrate_opts_parse("bandwidth=-3\n", &back), -1);
}

/* Each conflict is named; a good set passes. */
static void
test_checks(void **state)
{
    static const struct {
        unsigned int flags;
        const char *migrate_uri;
        const char *want;       /* a part of the message, NULL: fine */
    } table[] = {
        { VD_MIG_LIVE | VD_MIG_PERSIST, NULL, NULL },
        { VD_MIG_LIVE | VD_MIG_OFFLINE, NULL, "exclude" },
        { VD_MIG_COPY_ALL | VD_MIG_COPY_INC, NULL, "exclude" },
        { VD_MIG_OFFLINE | VD_MIG_COPY_ALL, NULL, "copies no storage" },
        { VD_MIG_OFFLINE | VD_MIG_POSTCOPY, NULL, "post-copy" },
        { VD_MIG_TUNNELLED, "tcp://10.0.0.2", "tunnelled" },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        vd_migrate_opts o = { .flags = table[i].flags,
                              .dest_uri = (char *)"qemu+ssh://h/system",
                              .migrate_uri = (char *)table[i].migrate_uri };
        char *m = vd_migrate_opts_check(&o);

        if (!table[i].want) {
            assert_null(m);
        } else {
            assert_non_null(m);
            if (!strstr(m, table[i].want))
                fail_msg("flags %#x: '%s' lacks '%s'", table[i].flags, m, table[i].want);
        }
        free(m);
    }
    {
        vd_migrate_opts o = { .src_uri = (char *)"qemu:///system",
                              .dest_uri = (char *)"qemu:///system" };
        char *m = vd_migrate_opts_check(&o);

        assert_non_null(m);
        free(m);
        o.dest_uri = NULL;
        m = vd_migrate_opts_check(&o);
        assert_non_null(m);
        assert_non_null(strstr(m, "no destination"));
        free(m);
    }
}

static void
test_evacuate(void **state)
{
    vd_evacuate e = { 0 }, back;
    char *text;

    (void)state;
    e.opts.flags = VD_MIG_PERSIST | VD_MIG_UNDEFINE_SOURCE;
    e.opts.src_uri = strdup("qemu:///system");
    e.parallel = 3;
    e.stop_on_failure = true;
    e.items = calloc(2, sizeof(*e.items));
    strcpy(e.items[0].uuid, "11111111-2222-3333-4444-555555555555");
    e.items[0].dest_uri = strdup("qemu+ssh://a/system");
    strcpy(e.items[1].uuid, "66666666-2222-3333-4444-555555555555");
    e.items[1].dest_uri = strdup("qemu+ssh://b/system?x=1 y");
    e.n_items = 2;
    text = vd_evacuate_format(&e);
    assert_non_null(text);
    assert_int_equal(vd_evacuate_parse(text, &back), 0);
    assert_int_equal(back.n_items, 2);
    assert_int_equal(back.parallel, 3);
    assert_true(back.stop_on_failure);
    assert_int_equal(back.opts.flags, e.opts.flags);
    assert_string_equal(back.items[1].uuid, e.items[1].uuid);
    assert_string_equal(back.items[1].dest_uri, e.items[1].dest_uri);
    free(text);
    vd_evacuate_clear(&back);
    vd_evacuate_clear(&e);
    assert_int_equal(vd_evacuate_parse("parallel=0\n", &back), -1);
    assert_int_equal(vd_evacuate_parse("domain=nospace\n", &back), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_checks),
        cmocka_unit_test(test_evacuate),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
