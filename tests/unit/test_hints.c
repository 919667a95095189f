/*
 * test_hints.c: connection failure hints and the retry schedule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "core/errors.h"

/* assert that hint for (uri, msg) contains want. */
static void
expect_hint(const char *uri, const char *msg, const char *want)
{
    const char *hint = vd_err_hint(uri, msg);

    if (!hint || !strstr(hint, want))
        fail_msg("hint for '%s' / '%s' is '%s', wanted '%s'", uri, msg,
                 hint ? hint : "(null)", want);
}

static void
test_local_daemon_down(void **state)
{
    (void)state;
    expect_hint("qemu:///system",
                "Failed to connect socket to '/var/run/libvirt/libvirt-sock': "
                "No such file or directory", "libvirtd is not running");
    expect_hint("qemu:///system",
                "Failed to connect socket to '/var/run/libvirt/libvirt-sock': "
                "Connection refused", "libvirtd is not running");
}

static void
test_socket_permission(void **state)
{
    (void)state;
    expect_hint("qemu:///system",
                "Failed to connect socket to '/var/run/libvirt/libvirt-sock': "
                "Permission denied", "'libvirt' group");
}

static void
test_tcp_tls_ports(void **state)
{
    (void)state;
    expect_hint("qemu+tcp://10.0.0.5/system",
                "unable to connect to server at '10.0.0.5:16509': Connection refused",
                "16509");
    expect_hint("qemu+tls://host/system",
                "unable to connect to server at 'host:16514': Connection refused",
                "16514");
    expect_hint("qemu://host/system",
                "unable to connect to server at 'host:16514': Connection refused",
                "16514");
}

static void
test_ssh(void **state)
{
    (void)state;
    expect_hint("qemu+ssh://root@host/system",
                "Cannot recv data: root@host: Permission denied "
                "(publickey,password).: Connection reset by peer", "ssh-copy-id");
    expect_hint("qemu+ssh://root@host/system",
                "Cannot recv data: Host key verification failed.: Connection "
                "reset by peer", "host key");
    expect_hint("qemu+ssh://root@nowhere/system",
                "Cannot recv data: ssh: Could not resolve hostname nowhere",
                "not found");
}

static void
test_no_hint(void **state)
{
    (void)state;
    assert_null(vd_err_hint("qemu:///system", NULL));
    assert_null(vd_err_hint("qemu:///system", "something nobody has seen"));
}

static void
test_retry_schedule(void **state)
{
    (void)state;
    assert_int_equal(vd_retry_delay_ms(0), 0);
    assert_int_equal(vd_retry_delay_ms(1), 500);
    assert_int_equal(vd_retry_delay_ms(2), 1000);
    assert_int_equal(vd_retry_delay_ms(3), 2000);
    assert_int_equal(vd_retry_delay_ms(4), 4000);
    assert_int_equal(vd_retry_delay_ms(5), 8000);
    assert_int_equal(vd_retry_delay_ms(6), 8000);
    assert_int_equal(vd_retry_delay_ms(1000000), 8000);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_local_daemon_down),
        cmocka_unit_test(test_socket_permission),
        cmocka_unit_test(test_tcp_tls_ports),
        cmocka_unit_test(test_ssh),
        cmocka_unit_test(test_no_hint),
        cmocka_unit_test(test_retry_schedule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
