/*
 * test_uriinfo.c: the one "is this URI local" rule (issue 19: it used
 * to be three that disagreed on qemu://localhost/system) on a table of
 * URIs, and host labels that tell hosts apart (issue 12).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/uriinfo.h"

static const struct {
    const char *uri;
    vd_uri_locality want;
} locality_table[] = {
    { "qemu:///system", VD_URI_UNIX },
    { "qemu:///session", VD_URI_UNIX },
    { "test:///default", VD_URI_UNIX },
    { "test:///abs/path/host.xml", VD_URI_UNIX },
    { "qemu+unix:///system?socket=/tmp/s/libvirt-sock", VD_URI_UNIX },
    { "qemu+unix://localhost/system", VD_URI_UNIX },
    /* the case the three old rules disagreed on */
    { "qemu://localhost/system", VD_URI_SAME_MACHINE },
    { "qemu+tcp://localhost/system", VD_URI_SAME_MACHINE },
    { "qemu+tcp://127.0.0.1/system", VD_URI_SAME_MACHINE },
    { "qemu+tls://LOCALHOST/system", VD_URI_SAME_MACHINE },
    { "qemu+tcp://[::1]/system", VD_URI_SAME_MACHINE },
    { "qemu+ssh://root@127.0.0.1/system", VD_URI_SAME_MACHINE },
    { "qemu+tcp:///system", VD_URI_SAME_MACHINE },
    { "qemu+ssh://root@kvm1.example.com/system", VD_URI_REMOTE },
    { "qemu+libssh2://h/system", VD_URI_REMOTE },
    { "qemu+tcp://10.0.0.5/system", VD_URI_REMOTE },
    { "qemu://host/system", VD_URI_REMOTE },
    { "qemu://localhost.example.com/system", VD_URI_REMOTE },
    { "::not a uri", VD_URI_REMOTE },
    { "", VD_URI_REMOTE },
};

static void
test_locality_table(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(locality_table) / sizeof(locality_table[0]); i++) {
        vd_uri_locality got = vd_uri_locality_of(locality_table[i].uri);

        if (got != locality_table[i].want)
            fail_msg("%s: locality %d, wanted %d", locality_table[i].uri, got,
                     locality_table[i].want);
        assert_int_equal(vd_uri_is_local(locality_table[i].uri),
                         locality_table[i].want != VD_URI_REMOTE);
        assert_int_equal(vd_uri_passes_fds(locality_table[i].uri),
                         locality_table[i].want == VD_URI_UNIX);
    }
    assert_int_equal(vd_uri_locality_of(NULL), VD_URI_REMOTE);
}

/* Labels of n URIs compared with want (given labels optional). */
static void
check_labels(const char *const *uris, const char *const *given,
             const char *const *want, size_t n)
{
    char **got = vd_host_labels(uris, given, n);
    size_t i;

    assert_non_null(got);
    for (i = 0; i < n; i++)
        if (strcmp(got[i], want[i]) != 0)
            fail_msg("%s: label '%s', wanted '%s'", uris[i], got[i], want[i]);
    vd_host_labels_free(got, n);
}

static void
test_base_labels(void **state)
{
    static const char *const uris[] = {
        "qemu:///system", "qemu:///session", "test:///default",
        "test:///home/me/lab/host.xml", "qemu+ssh://root@kvm1.example.com/system",
        "qemu+tcp://10.0.0.5:16509/system",
    };
    static const char *const want[] = {
        "local", "session", "default", "host.xml", "kvm1.example.com", "10.0.0.5",
    };

    (void)state;
    check_labels(uris, NULL, want, 6);
}

/* user@ and the port only where two would read the same. */
static void
test_widened_labels(void **state)
{
    static const char *const uris[] = {
        "qemu+ssh://root@kvm1/system", "qemu+ssh://admin@kvm1/system",
        "qemu+tcp://kvm2:16509/system", "qemu+tcp://kvm2:16510/system",
        "qemu+ssh://kvm3/system", "qemu+tcp://kvm3/system",
        "qemu+unix:///system?socket=/tmp/h/run/libvirt/libvirt-sock",
        "qemu+unix:///system?socket=/tmp/h/peer/run/libvirt/libvirt-sock",
        "qemu+ssh://kvm4/system", "qemu+ssh://kvm4/system",
    };
    static const char *const want[] = {
        "root@kvm1", "admin@kvm1", "kvm2:16509", "kvm2:16510",
        "kvm3 (ssh)", "kvm3 (tcp)", "local qemu+unix", "local qemu+unix (peer)",
        "kvm4", "kvm4 #2",
    };

    (void)state;
    check_labels(uris, NULL, want, 10);
}

/* A label from hosts.conf wins and is never widened. */
static void
test_given_labels(void **state)
{
    static const char *const uris[] = {
        "qemu+ssh://root@kvm1.example.com/system", "qemu+ssh://root@kvm2.example.com/system",
    };
    static const char *const given[] = { "KVM one", NULL };
    static const char *const want[] = { "KVM one", "kvm2.example.com" };

    (void)state;
    check_labels(uris, given, want, 2);
}

/* The issue's case: four hosts that all read "qemu…stem" at 80x24. */
static void
test_issue_case(void **state)
{
    static const char *const uris[] = {
        "qemu+ssh://root@kvm1.example.com/system", "qemu+ssh://root@kvm2.example.com/system",
        "qemu+ssh://root@kvm3.example.com/system", "qemu+ssh://root@kvm4.example.com/system",
    };
    static const char *const want[] = {
        "kvm1.example.com", "kvm2.example.com", "kvm3.example.com", "kvm4.example.com",
    };

    (void)state;
    check_labels(uris, NULL, want, 4);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_locality_table),
        cmocka_unit_test(test_base_labels),
        cmocka_unit_test(test_widened_labels),
        cmocka_unit_test(test_given_labels),
        cmocka_unit_test(test_issue_case),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
