/*
 * test_validate.c: the per-field validators and vd_check_spec: each
 * message as the user reads it, and what libvirt forbids in names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/domspec.h"

/* Assert that m is NULL (the value is fine). */
#define assert_ok(expr) do { \
        vd_check_msg *m_ = (expr); \
        if (m_) \
            fail_msg("%s: unexpected message '%s'", #expr, m_); \
    } while (0)

/* Assert that expr gives exactly the message want. */
#define assert_msg(expr, want) do { \
        vd_check_msg *m_ = (expr); \
        if (!m_) \
            fail_msg("%s: no message, wanted '%s'", #expr, want); \
        if (strcmp(m_, want) != 0) \
            fail_msg("%s: got '%s', wanted '%s'", #expr, m_, want); \
        vd_check_free(m_); \
    } while (0)

/* Names: what libvirt refuses, what it allows, names in use. */
static void
test_name(void **state)
{
    const char *taken[] = { "alpha", "beta" };

    (void)state;
    assert_ok(vd_check_name("CentOS-WebVirtMgr-Test", taken, 2));
    assert_msg(vd_check_name("alpha", taken, 2), "name is already used on this host");
    assert_ok(vd_check_name("Alpha", taken, 2));       /* names are case-sensitive */
    assert_msg(vd_check_name("", NULL, 0), "name is required");
    assert_msg(vd_check_name(NULL, NULL, 0), "name is required");
    /* libvirt refuses '/' and a newline */
    assert_msg(vd_check_name("a/b", NULL, 0), "name may not contain '/'");
    assert_msg(vd_check_name("a\nb", NULL, 0),
               "name may not contain control characters such as a newline or a tab");
    assert_msg(vd_check_name("a\tb", NULL, 0),
               "name may not contain control characters such as a newline or a tab");
    assert_msg(vd_check_name("\xff\xfe", NULL, 0), "name is not valid UTF-8");
    /* XML special characters, blanks and UTF-8 are fine: escaped */
    assert_ok(vd_check_name("a&b<c>'d\"e", NULL, 0));
    assert_ok(vd_check_name("with space", NULL, 0));
    assert_ok(vd_check_name("gäst", NULL, 0));
    assert_ok(vd_check_name(".hidden", NULL, 0));
}

/* vCPU counts and memory against the host. */
static void
test_vcpus_memory(void **state)
{
    (void)state;
    assert_ok(vd_check_vcpus(1, 0));
    assert_ok(vd_check_vcpus(255, 255));
    assert_msg(vd_check_vcpus(0, 8), "vCPUs must be at least 1");
    assert_msg(vd_check_vcpus(300, 255), "300 vCPUs is more than the 255 this host allows");
    assert_ok(vd_check_memory(1024, 16384));
    assert_ok(vd_check_memory(16384, 16384));
    assert_ok(vd_check_memory(99999999, 0));
    assert_msg(vd_check_memory(0, 16384), "memory must be at least 1 MiB");
    assert_msg(vd_check_memory(20480, 16384),
               "memory 20480 MiB is more than the host's 16384 MiB");
}

/* A new disk's size against the pool's free space. */
static void
test_disk_size(void **state)
{
    (void)state;
    assert_ok(vd_check_disk_size(20 * VD_GIB, "default", 97 * VD_GIB, true));
    assert_ok(vd_check_disk_size(20 * VD_GIB, "default", 20 * VD_GIB, true));
    assert_ok(vd_check_disk_size(20 * VD_GIB, "default", 0, false));
    assert_msg(vd_check_disk_size(0, "default", 97 * VD_GIB, true),
               "disk size must be more than 0 GiB");
    assert_msg(vd_check_disk_size(20 * VD_GIB, "default", 9 * VD_GIB + VD_GIB / 2, true),
               "20 GiB is more than the 9.5 GiB free in pool 'default'");
    assert_msg(vd_check_disk_size(VD_GIB / 4 + VD_GIB, "p", VD_GIB, true),
               "1.25 GiB is more than the 1 GiB free in pool 'p'");
}

/* Pools, volume names and host paths. */
static void
test_pool_volume_path(void **state)
{
    const char *pools[] = { "default", "iso" };
    const bool active[] = { true, false };

    (void)state;
    assert_ok(vd_check_pool("default", pools, active, 2));
    assert_msg(vd_check_pool("iso", pools, active, 2), "pool 'iso' is not active");
    assert_msg(vd_check_pool("nope", pools, active, 2), "there is no pool 'nope' on this host");
    assert_msg(vd_check_pool("", pools, active, 2), "choose a storage pool");
    assert_ok(vd_check_volume_name("new.qcow2", "default", false, false));
    assert_ok(vd_check_volume_name("cd.iso", "default", true, true));
    assert_msg(vd_check_volume_name("x.qcow2", "default", true, false),
               "pool 'default' already has a volume 'x.qcow2'");
    assert_msg(vd_check_volume_name("cd.iso", "default", false, true),
               "pool 'default' has no volume 'cd.iso'");
    assert_msg(vd_check_volume_name("a/b", "default", false, false),
               "volume name may not contain '/'");
    assert_msg(vd_check_volume_name("", "default", false, false), "volume name is required");
    assert_ok(vd_check_host_path("/srv/x.iso", true));
    assert_msg(vd_check_host_path("/x.iso", false), "no file at /x.iso");
    assert_msg(vd_check_host_path("x.iso", true),
               "path 'x.iso' is not absolute (it must start with '/')");
    assert_msg(vd_check_host_path(NULL, false), "path is required");
}

/* Networks, interface names and MAC addresses. */
static void
test_network(void **state)
{
    const char *nets[] = { "default", "foo" };
    const bool active[] = { true, false };

    (void)state;
    assert_ok(vd_check_network("default", nets, active, 2));
    assert_msg(vd_check_network("foo", nets, active, 2), "network 'foo' is not active");
    assert_msg(vd_check_network("bar", nets, active, 2), "there is no network 'bar' on this host");
    assert_msg(vd_check_network(NULL, nets, active, 2), "choose a network");
    assert_ok(vd_check_ifname("br0"));
    assert_ok(vd_check_ifname("enp0s31f6"));
    assert_msg(vd_check_ifname("a-very-long-bridge0"),
               "interface name 'a-very-long-bridge0' is longer than 15 characters");
    assert_msg(vd_check_ifname("br 0"), "interface name may not contain '/', ':' or blanks");
    assert_msg(vd_check_ifname(""), "interface name is required");
    assert_ok(vd_check_mac(NULL));
    assert_ok(vd_check_mac("52:54:00:ab:CD:ef"));
    assert_msg(vd_check_mac("52:54:00:ab:cd"), "MAC address '52:54:00:ab:cd' must look like 52:54:00:12:34:56");
    assert_msg(vd_check_mac("52-54-00-ab-cd-ef"), "MAC address '52-54-00-ab-cd-ef' must look like 52:54:00:12:34:56");
    assert_msg(vd_check_mac("01:00:5e:00:00:01"), "MAC address '01:00:5e:00:00:01' is a multicast address");
}

/* Listen addresses and passwords. */
static void
test_graphics(void **state)
{
    (void)state;
    assert_ok(vd_check_listen(NULL));
    assert_ok(vd_check_listen("127.0.0.1"));
    assert_ok(vd_check_listen("::"));
    assert_msg(vd_check_listen("localhost"), "listen address 'localhost' is not an IPv4 or IPv6 address");
    assert_msg(vd_check_listen("1.2.3.4.5"), "listen address '1.2.3.4.5' is not an IPv4 or IPv6 address");
    assert_ok(vd_check_password(NULL, VD_GFX_VNC));
    assert_ok(vd_check_password("&<>\"'x", VD_GFX_VNC));    /* escaped in XML */
    assert_ok(vd_check_password("a long spice password", VD_GFX_SPICE));
    assert_msg(vd_check_password("123456789", VD_GFX_VNC),
               "a VNC password can be at most 8 characters long");
    assert_msg(vd_check_password("a\nb", VD_GFX_VNC), "password may not contain control characters");
    assert_msg(vd_check_password("pw", VD_GFX_NONE), "a password needs VNC or SPICE graphics");
}

/* Install locations and UEFI against the host caps. */
static void
test_location_firmware(void **state)
{
    vd_host_caps caps = { 0 };

    (void)state;
    assert_ok(vd_check_location("http://deb.example/debian/"));
    assert_ok(vd_check_location("/srv/tree"));
    assert_msg(vd_check_location("deb.example/debian"),
               "install location 'deb.example/debian' must be an http://, https://, ftp:// "
               "or nfs: URL, or a directory on the host");
    assert_msg(vd_check_location(""), "install location is required");
    assert_ok(vd_check_firmware(VD_FW_UEFI, NULL));
    assert_ok(vd_check_firmware(VD_FW_BIOS, &caps));
    assert_msg(vd_check_firmware(VD_FW_UEFI, &caps),
               "this host offers no UEFI firmware for this machine");
    caps.has_uefi = true;
    assert_ok(vd_check_firmware(VD_FW_UEFI, &caps));
}

/* vd_check_spec on whole specs. */
static void
test_spec(void **state)
{
    vd_domain_spec s = { 0 };

    (void)state;
    assert_msg(vd_check_spec(&s), "name is required");
    vd_spec_set(&s.name, "x");
    assert_msg(vd_check_spec(&s), "vCPUs must be at least 1");
    s.vcpus = 1;
    assert_msg(vd_check_spec(&s), "memory must be at least 1 MiB");
    s.memory_mib = 64;
    assert_ok(vd_check_spec(&s));
    s.install.kind = VD_INSTALL_IMPORT;
    assert_msg(vd_check_spec(&s), "importing needs a disk");
    s.install.kind = VD_INSTALL_CDROM_VOLUME;
    assert_msg(vd_check_spec(&s), "the ISO volume needs a pool");
    s.install.kind = VD_INSTALL_LOCATION;
    assert_msg(vd_check_spec(&s), "a network install needs the kernel and the initrd on the host");
    s.install.kind = VD_INSTALL_NONE;
    s.disk.kind = VD_DISK_NEW_VOLUME;
    assert_msg(vd_check_spec(&s), "choose a storage pool for the new disk");
    vd_spec_set(&s.disk.pool, "default");
    assert_msg(vd_check_spec(&s), "disk size must be more than 0 GiB");
    s.disk.size_bytes = VD_GIB;
    assert_ok(vd_check_spec(&s));
    s.net.kind = VD_NET_NETWORK;
    assert_msg(vd_check_spec(&s), "choose a network");
    vd_spec_set(&s.net.source, "default");
    vd_spec_set(&s.net.mac, "zz");
    assert_msg(vd_check_spec(&s), "MAC address 'zz' must look like 52:54:00:12:34:56");
    vd_spec_set(&s.net.mac, NULL);
    s.gfx.kind = VD_GFX_VNC;
    vd_spec_set(&s.gfx.password, "toolongpw");
    assert_msg(vd_check_spec(&s), "a VNC password can be at most 8 characters long");
    vd_spec_set(&s.gfx.password, "ok");
    assert_ok(vd_check_spec(&s));
    vd_domain_spec_clear(&s);
}

/* The cloud-init page's checks (the wizard's and --cloud-init's). */
static void
test_cloudinit(void **state)
{
    vd_domain_spec s = { 0 };
    char *pool = NULL, *vol = NULL;

    (void)state;
    assert_ok(vd_check_hostname(""));
    assert_ok(vd_check_hostname("web-1.example.org"));
    assert_msg(vd_check_hostname("web_1"), "a hostname has only letters, digits, '-' and '.'");
    assert_msg(vd_check_hostname("a..b"), "a hostname has no empty part between dots");
    assert_msg(vd_check_hostname("-a"), "a hostname's part does not start with '-'");
    assert_msg(vd_check_hostname("a."), "a hostname does not end with '.'");
    assert_ok(vd_check_ssh_key("ssh-ed25519 AAAAC3Nz vd@test"));
    assert_ok(vd_check_ssh_key("ecdsa-sha2-nistp256 AAAAE2 x"));
    assert_msg(vd_check_ssh_key("hello world"),
               "not an SSH public key: it starts with ssh-, ecdsa- or sk-");
    assert_msg(vd_check_ssh_key("ssh-rsa"), "not an SSH public key: the key's type "
               "and data are separated by a space");
    assert_msg(vd_check_ssh_key(""), "not an SSH public key: it is empty");
    /* the seed goes into the pool of the first new disk, as a CD-ROM */
    vd_spec_set(&s.name, "g");
    s.disk.kind = VD_DISK_PATH;
    {
        vd_disk_spec d = { .kind = VD_DISK_NEW_VOLUME };

        vd_spec_set(&d.pool, "fast");
        assert_int_equal(vd_spec_add_disk(&s, &d), 0);
    }
    assert_int_equal(vd_cloudinit_attach(&s, &pool, &vol), 0);
    assert_string_equal(pool, "fast");
    assert_string_equal(vol, "g-cidata.iso");
    assert_int_equal(s.n_more_disks, 2);
    assert_string_equal(s.more_disks[1].device, "cdrom");
    assert_string_equal(s.more_disks[1].volume, "g-cidata.iso");
    free(pool);
    free(vol);
    vd_domain_spec_clear(&s);
    /* no new disk: pool default */
    vd_spec_set(&s.name, "h");
    assert_int_equal(vd_cloudinit_attach(&s, &pool, &vol), 0);
    assert_string_equal(pool, "default");
    free(pool);
    free(vol);
    vd_domain_spec_clear(&s);
}

/* Run the tests. */
int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name),
        cmocka_unit_test(test_vcpus_memory),
        cmocka_unit_test(test_disk_size),
        cmocka_unit_test(test_pool_volume_path),
        cmocka_unit_test(test_network),
        cmocka_unit_test(test_graphics),
        cmocka_unit_test(test_location_firmware),
        cmocka_unit_test(test_spec),
        cmocka_unit_test(test_cloudinit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
