/*
 * test_hostsconf.c: hosts.conf parsing, formatting, atomic saving, and
 * the URI the worker opens (no_tty for ssh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "virtdeck/hostsconf.h"
#include "virtdeck/uriinfo.h"
#include "core/uri.h"

static void
test_parse_good(void **state)
{
    vd_hosts_conf conf = { 0 };
    const char *text =
        "# a comment\n"
        "\n"
        "qemu:///system\n"
        "  qemu+ssh://root@kvm1/system label=\"KVM \\\"one\\\"\" autoconnect=no  # tail\n"
        "test:///default label=demo autoconnect=yes\r\n";

    (void)state;
    assert_int_equal(vd_hosts_conf_parse(&conf, text, "hosts.conf"), 0);
    assert_int_equal(conf.nhosts, 3);
    assert_int_equal(conf.nerrors, 0);
    assert_string_equal(conf.hosts[0].uri, "qemu:///system");
    assert_null(conf.hosts[0].label);
    assert_true(conf.hosts[0].autoconnect);
    assert_string_equal(conf.hosts[1].uri, "qemu+ssh://root@kvm1/system");
    assert_string_equal(conf.hosts[1].label, "KVM \"one\"");
    assert_false(conf.hosts[1].autoconnect);
    assert_string_equal(conf.hosts[2].label, "demo");
    assert_true(conf.hosts[2].autoconnect);
    vd_hosts_conf_clear(&conf);
}

static void
test_parse_malformed(void **state)
{
    vd_hosts_conf conf = { 0 };
    const char *text =
        "qemu:///system\n"
        "not a uri at all\n"
        "test:///default label=\"unterminated\n"
        "qemu+tcp://h/system colour=red\n"
        "qemu+tcp://h2/system autoconnect=maybe\n"
        "test:///default label=ok\n";

    (void)state;
    assert_int_equal(vd_hosts_conf_parse(&conf, text, "hosts.conf"), 4);
    assert_int_equal(conf.nhosts, 2);
    assert_string_equal(conf.hosts[0].uri, "qemu:///system");
    assert_string_equal(conf.hosts[1].label, "ok");
    assert_int_equal(conf.nerrors, 4);
    assert_non_null(strstr(conf.errors[0], "hosts.conf:2: not a libvirt URI"));
    assert_non_null(strstr(conf.errors[1], "hosts.conf:3: unterminated quote"));
    assert_non_null(strstr(conf.errors[2], "hosts.conf:4: unknown key"));
    assert_non_null(strstr(conf.errors[2], "'colour'"));
    assert_non_null(strstr(conf.errors[3], "hosts.conf:5: autoconnect takes yes or no"));
    /* saving never loses a line the user wrote: malformed ones come
     * back commented out, in their places */
    {
        char *out = vd_hosts_conf_format(&conf);
        assert_non_null(out);
        assert_non_null(strstr(out, "qemu:///system autoconnect=yes\n"
                                    "# not read: not a uri at all\n"));
        assert_non_null(strstr(out, "# not read: qemu+tcp://h/system colour=red\n"
                                    "# not read: qemu+tcp://h2/system autoconnect=maybe\n"
                                    "test:///default label=ok autoconnect=yes\n"));
        free(out);
    }
    vd_hosts_conf_clear(&conf);
}

static void
test_roundtrip_and_save(void **state)
{
    vd_hosts_conf conf = { 0 }, back = { 0 };
    char dir[] = "/tmp/vd-hostsconf-XXXXXX";
    char path[256], *err = NULL;
    const char *why = NULL;
    struct stat st;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/sub/virtdeck/hosts.conf", dir);
    assert_int_equal(vd_hosts_conf_add(&conf, "qemu:///system", NULL, true, false, &why), 0);
    assert_int_equal(vd_hosts_conf_add(&conf, "test:///default", "with \"quote\" and \\ #", false, false, &why), 1);
    assert_int_equal(vd_hosts_conf_add(&conf, "qemu+tcp://x/system", NULL, true, true, &why), 2);
    assert_int_equal(vd_hosts_conf_add(&conf, "bad uri", NULL, true, false, &why), -1);
    assert_non_null(strstr(why, "spaces"));
    assert_int_equal(vd_hosts_conf_save(&conf, path, &err), 0);
    assert_null(err);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(vd_hosts_conf_load(&back, path), 0);
    assert_int_equal(back.nhosts, 2);           /* the transient one is not saved */
    assert_string_equal(back.hosts[1].label, "with \"quote\" and \\ #");
    assert_false(back.hosts[1].autoconnect);
    vd_hosts_conf_remove(&back, 0);
    assert_int_equal(back.nhosts, 1);
    assert_string_equal(back.hosts[0].uri, "test:///default");
    vd_hosts_conf_clear(&back);

    /* a missing file is an empty list */
    snprintf(path, sizeof(path), "%s/none.conf", dir);
    assert_int_equal(vd_hosts_conf_load(&back, path), 0);
    assert_int_equal(back.nhosts, 0);
    vd_hosts_conf_clear(&back);

    /* an unwritable place gives a message, not a crash */
    assert_int_equal(vd_hosts_conf_save(&conf, "/proc/virtdeck-nope/hosts.conf", &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, "cannot write"));
    free(err);
    vd_hosts_conf_clear(&conf);
    {
        char p1[256], p2[256], p3[256];
        snprintf(p1, sizeof(p1), "%s/sub/virtdeck/hosts.conf", dir);
        snprintf(p2, sizeof(p2), "%s/sub/virtdeck", dir);
        snprintf(p3, sizeof(p3), "%s/sub", dir);
        unlink(p1);
        rmdir(p2);
        rmdir(p3);
        rmdir(dir);
    }
}

static void
test_path(void **state)
{
    char *p;

    (void)state;
    setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    p = vd_hosts_conf_path();
    assert_string_equal(p, "/x/cfg/virtdeck/hosts.conf");
    free(p);
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/u", 1);
    p = vd_hosts_conf_path();
    assert_string_equal(p, "/home/u/.config/virtdeck/hosts.conf");
    free(p);
}

/* vd_uri_for_connect(uri) is want. */
static void
connect_uri_is(const char *uri, const char *want)
{
    char *u = vd_uri_for_connect(uri);

    assert_non_null(u);
    assert_string_equal(u, want);
    free(u);
}

static void
test_uri_no_tty(void **state)
{
    (void)state;
    connect_uri_is("qemu+ssh://root@h/system", "qemu+ssh://root@h/system?no_tty=1");
    connect_uri_is("qemu+ssh://root@h/system?keyfile=/k", "qemu+ssh://root@h/system?keyfile=/k&no_tty=1");
    connect_uri_is("qemu+ssh://h/system?no_tty=0", "qemu+ssh://h/system?no_tty=0");
    connect_uri_is("qemu+tcp://h/system", "qemu+tcp://h/system");
    connect_uri_is("qemu+libssh2://h/system", "qemu+libssh2://h/system");
    assert_false(vd_uri_is_ssh("test:///default"));
}

/* Which URIs reach a daemon on this machine through a UNIX socket:
 * paths and descriptors mean the same on both sides only for those
 * (the locality rule itself: test_uriinfo.c). */
static void
test_uri_is_local(void **state)
{
    (void)state;
    assert_true(vd_uri_passes_fds("qemu:///system"));
    assert_true(vd_uri_passes_fds("qemu:///session"));
    assert_true(vd_uri_passes_fds("test:///default"));
    assert_true(vd_uri_passes_fds("test:///abs/path/host.xml"));
    assert_true(vd_uri_passes_fds("qemu+unix:///system?socket=/tmp/s/libvirt-sock"));
    assert_false(vd_uri_passes_fds("qemu+ssh://root@127.0.0.1/system"));
    assert_false(vd_uri_passes_fds("qemu+libssh2://h/system"));
    assert_false(vd_uri_passes_fds("qemu+tcp://10.0.0.5/system"));
    assert_false(vd_uri_passes_fds("qemu+tls://host/system"));
    assert_false(vd_uri_passes_fds("qemu://host/system"));
    assert_false(vd_uri_passes_fds(NULL));
    assert_false(vd_uri_passes_fds("::not a uri"));
}

/* Found by fuzzing (tests/fuzz/corpus/uri/regress-*): only a real
 * scheme names the transport, and no_tty goes into the query even when
 * the URI has a fragment (libvirt ignores what a fragment holds). */
static void
test_uri_ssh_edges(void **state)
{
    (void)state;
    assert_true(vd_uri_is_ssh("qemu+ssh://h/system"));
    assert_false(vd_uri_is_ssh("xe/h/mu+ssh://ron+ssh://h/mu+ssh://ro"));
    assert_false(vd_uri_is_ssh("qemu+sshx://h/system"));
    connect_uri_is("qemu+ssh://root@kvm1/system#frag", "qemu+ssh://root@kvm1/system?no_tty=1#frag");
    connect_uri_is("qemu+ssh://kvm1/system?a=1#x?no_tty=0", "qemu+ssh://kvm1/system?a=1&no_tty=1#x?no_tty=0");
    /* libxml2 (libvirt's URI parser) takes all up to ']' as the host:
     * '?' and '#' in there begin neither the query nor the fragment */
    connect_uri_is("qemu+ssh://[::1#x]/system", "qemu+ssh://[::1#x]/system?no_tty=1");
    connect_uri_is("qemu+ssh://[::1?&#]/system?a=1#f", "qemu+ssh://[::1?&#]/system?a=1&no_tty=1#f");
    connect_uri_is("qemu+ssh://h/system?", "qemu+ssh://h/system?&no_tty=1");
    /* what libxml2 cannot parse, libvirt refuses in its own words; the
     * hosts form and hosts.conf refuse it first */
    connect_uri_is("qemu+ssh://[::1/system", "qemu+ssh://[::1/system");
    assert_non_null(strstr(vd_hosts_conf_check_uri("qemu+ssh://[::1/system"),
                           "libvirt cannot parse this URI"));
    assert_non_null(vd_hosts_conf_check_uri("qemu:///system?x=%zz"));
    assert_null(vd_hosts_conf_check_uri("qemu+ssh://[::1]/system"));
    assert_null(vd_hosts_conf_check_uri("qemu+ssh://[::1#x]/system?a=%20"));
}

/* Comments, blank lines, a comment after a host and unreadable lines
 * survive a save, a second save, and removing the host they stood by. */
static void
test_comments_kept(void **state)
{
    vd_hosts_conf conf = { 0 }, again = { 0 };
    const char *text =
        "# virtdeck hosts: URI [label=\"NAME\"] [autoconnect=yes|no]\n"
        "# my lab\n"
        "\n"
        "qemu:///system   # the box under the desk\n"
        "  # the rack\n"
        "qemu+tcp://rack1/system label=\"Rack 1\" autoconnect=no\n"
        "bogus line\n"
        "# end of file\n";
    const char *want =
        "# virtdeck hosts: URI [label=\"NAME\"] [autoconnect=yes|no]\n"
        "# my lab\n"
        "\n"
        "qemu:///system autoconnect=yes  # the box under the desk\n"
        "  # the rack\n"
        "qemu+tcp://rack1/system label=\"Rack 1\" autoconnect=no\n"
        "# not read: bogus line\n"
        "# end of file\n";
    char *out, *out2;

    (void)state;
    assert_int_equal(vd_hosts_conf_parse(&conf, text, "hosts.conf"), 1);
    assert_int_equal(conf.nhosts, 2);
    assert_string_equal(conf.hosts[0].note, "# the box under the desk");
    out = vd_hosts_conf_format(&conf);
    assert_string_equal(out, want);
    /* read back and saved again: the same text, no second header */
    assert_int_equal(vd_hosts_conf_parse(&again, out, "hosts.conf"), 0);
    out2 = vd_hosts_conf_format(&again);
    assert_string_equal(out2, want);
    free(out2);
    /* removing a host keeps what was written above and beside it */
    vd_hosts_conf_remove(&again, 0);
    out2 = vd_hosts_conf_format(&again);
    assert_non_null(strstr(out2, "# my lab\n\n# the box under the desk\n  # the rack\n"
                                 "qemu+tcp://rack1/system"));
    free(out2);
    vd_hosts_conf_remove(&again, 0);
    out2 = vd_hosts_conf_format(&again);
    assert_non_null(strstr(out2, "  # the rack\n# not read: bogus line\n# end of file\n"));
    free(out2);
    free(out);
    vd_hosts_conf_clear(&again);
    vd_hosts_conf_clear(&conf);
}

/* Write len bytes of data to path. */
static void
write_bytes(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "w");

    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* A file with a NUL byte: the other lines load, and the first save
 * keeps the original byte for byte beside the new file; a file that
 * could not be read at all is never written over. */
static void
test_unreadable_kept(void **state)
{
    static const char data[] = "test:///default label=one\n"
                               "qemu:///sys\0tem label=nul\n"
                               "qemu+tcp://h/system label=two\n";
    vd_hosts_conf conf = { 0 };
    char dir[] = "/tmp/vd-hostsconf-XXXXXX";
    char path[256], *err = NULL, *back = NULL;
    const char *why = NULL;
    size_t blen = 0;
    FILE *f;
    int rc;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/hosts.conf", dir);
    write_bytes(path, data, sizeof(data) - 1);
    rc = vd_hosts_conf_load(&conf, path);
    assert_int_equal(rc, 1);
    assert_int_equal(conf.nhosts, 2);
    assert_string_equal(conf.hosts[1].label, "two");
    assert_non_null(strstr(conf.errors[0], "hosts.conf:2: a NUL byte"));
    assert_true(conf.keep_aside);
    assert_null(conf.unreadable);

    assert_int_equal(vd_hosts_conf_add(&conf, "test:///default", "added", true, false, &why), 2);
    assert_int_equal(vd_hosts_conf_save(&conf, path, &err), 0);
    assert_null(err);
    assert_non_null(conf.kept_aside);
    assert_non_null(strstr(conf.kept_aside, "/hosts.conf.unreadable-"));
    /* the original, byte for byte */
    assert_non_null(f = fopen(conf.kept_aside, "r"));
    back = malloc(sizeof(data));
    blen = fread(back, 1, sizeof(data), f);
    fclose(f);
    assert_int_equal(blen, sizeof(data) - 1);
    assert_memory_equal(back, data, blen);
    free(back);
    unlink(conf.kept_aside);
    /* a second save has nothing left to keep aside */
    assert_int_equal(vd_hosts_conf_save(&conf, path, &err), 0);
    assert_null(conf.kept_aside);
    vd_hosts_conf_clear(&conf);
    assert_int_equal(vd_hosts_conf_load(&conf, path), 0);
    assert_int_equal(conf.nhosts, 3);
    vd_hosts_conf_clear(&conf);

    /* a file larger than the limit is not read and never written over */
    {
        size_t big = 1024 * 1024 + 10;
        char *huge = malloc(big);
        struct stat st;

        memset(huge, '#', big);
        huge[big - 1] = '\n';
        write_bytes(path, huge, big);
        free(huge);
        assert_int_equal(vd_hosts_conf_load(&conf, path), -1);
        assert_non_null(conf.unreadable);
        assert_int_equal(vd_hosts_conf_add(&conf, "test:///default", NULL, true, false, &why), 0);
        assert_int_equal(vd_hosts_conf_save(&conf, path, &err), -1);
        assert_non_null(err);
        assert_non_null(strstr(err, "not written over"));
        free(err);
        err = NULL;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal((size_t)st.st_size, big);
        vd_hosts_conf_clear(&conf);
    }
    unlink(path);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_parse_malformed),
        cmocka_unit_test(test_roundtrip_and_save),
        cmocka_unit_test(test_comments_kept),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_uri_no_tty),
        cmocka_unit_test(test_uri_is_local),
        cmocka_unit_test(test_uri_ssh_edges),
        cmocka_unit_test(test_unreadable_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
