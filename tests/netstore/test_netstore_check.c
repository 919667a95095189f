/*
 * test_netstore_check.c: the validators of new networks, pools and
 * volumes: each bad value gets its plain message, good values none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/netstore.h"

/* Assert that m is a message equal to want (want NULL: no message). */
static void
expect(char *m, const char *want)
{
    if (!want) {
        if (m)
            fail_msg("unexpected message: %s", m);
        return;
    }
    if (!m)
        fail_msg("no message, expected: %s", want);
    assert_string_equal(m, want);
    free(m);
}

static void
test_net_name(void **state)
{
    const char *taken[] = { "default", "vdnet" };

    (void)state;
    expect(vd_check_net_name("vdnet", taken, 2),
           "a network named 'vdnet' already exists");
    expect(vd_check_net_name("", taken, 2), "network name is required");
    expect(vd_check_net_name("a/b", taken, 2), "network name may not contain '/'");
    expect(vd_check_net_name("lab", taken, 2), NULL);
}

static void
test_bridge(void **state)
{
    const char *bridges[] = { "virbr0", "vdbr0" };
    const char *owners[] = { "default", "vdnet" };

    (void)state;
    expect(vd_check_bridge_name("vdbr0", false, bridges, owners, 2),
           "bridge 'vdbr0' is already used by network 'vdnet'");
    expect(vd_check_bridge_name("averyveryverylongname", false, bridges, owners, 2),
           "bridge name 'averyveryverylongname' is longer than 15 characters");
    expect(vd_check_bridge_name("a b", false, bridges, owners, 2),
           "bridge name 'a b' is not a valid interface name");
    expect(vd_check_bridge_name(NULL, false, bridges, owners, 2), NULL);
    expect(vd_check_bridge_name(NULL, true, bridges, owners, 2),
           "bridge name is required");
    expect(vd_check_bridge_name("vdbr0", true, bridges, owners, 2), NULL);
    expect(vd_check_bridge_name("vdbr9", false, bridges, owners, 2), NULL);
}

static void
test_ipv4(void **state)
{
    (void)state;
    expect(vd_check_ipv4("192.168.1.1", 24), NULL);
    expect(vd_check_ipv4("192.168.1", 24), "'192.168.1' is not an IPv4 address");
    expect(vd_check_ipv4("192.168.1.1", 31),
           "prefix length must be between 1 and 30, not 31");
    expect(vd_check_ipv4("192.168.1.0", 24),
           "192.168.1.0 is the network address of 192.168.1.0/24: use a host "
           "address such as the first one");
    expect(vd_check_ipv4("192.168.1.255", 24),
           "192.168.1.255 is the broadcast address of its /24 subnet");
}

/* A prefix typed as a length or a netmask (issue 20). */
static void
test_prefix(void **state)
{
    unsigned int p = 99;

    (void)state;
    expect(vd_parse_prefix("24", &p), NULL);
    assert_int_equal(p, 24);
    expect(vd_parse_prefix("/16", &p), NULL);
    assert_int_equal(p, 16);
    expect(vd_parse_prefix("255.255.255.0", &p), NULL);
    assert_int_equal(p, 24);
    expect(vd_parse_prefix("255.255.254.0", &p), NULL);
    assert_int_equal(p, 23);
    expect(vd_parse_prefix("255.255.255.252", &p), NULL);
    assert_int_equal(p, 30);
    expect(vd_parse_prefix("255.0.255.0", &p),
           "255.0.255.0 is not a netmask: its ones must come first (255.255.255.0)");
    assert_int_equal(p, 0);
    expect(vd_parse_prefix("255.255.255.255", &p),
           "prefix length must be between 1 and 30, not 32");
    expect(vd_parse_prefix("31", &p), "prefix length must be between 1 and 30, not 31");
    expect(vd_parse_prefix("0", &p), "prefix length must be between 1 and 30, not 0");
    expect(vd_parse_prefix("24x", &p), "'24x' is neither a prefix length nor a netmask");
    expect(vd_parse_prefix("255.255.0", &p),
           "'255.255.0' is neither a prefix length nor a netmask");
    expect(vd_parse_prefix("", &p),
           "a prefix length (24) or a netmask (255.255.255.0) is required");
}

static void
test_dhcp(void **state)
{
    (void)state;
    expect(vd_check_dhcp_range("192.168.1.1", 24, "192.168.1.100", "192.168.1.200"), NULL);
    expect(vd_check_dhcp_range("192.168.1.1", 24, NULL, NULL), NULL);
    expect(vd_check_dhcp_range("192.168.1.1", 24, "192.168.2.100", "192.168.2.200"),
           "DHCP start 192.168.2.100 is outside the subnet 192.168.1.1/24 "
           "(use 192.168.1.1 to 192.168.1.254)");
    expect(vd_check_dhcp_range("192.168.1.1", 24, "192.168.1.100", "192.168.1.255"),
           "DHCP end 192.168.1.255 is outside the subnet 192.168.1.1/24 "
           "(use 192.168.1.1 to 192.168.1.254)");
    expect(vd_check_dhcp_range("192.168.1.1", 24, "192.168.1.1", "192.168.1.50"),
           "the DHCP range 192.168.1.1-192.168.1.50 includes the gateway 192.168.1.1");
    expect(vd_check_dhcp_range("192.168.1.1", 24, "192.168.1.50", "192.168.1.10"),
           "DHCP start 192.168.1.50 comes after the end 192.168.1.10");
    expect(vd_check_dhcp_range("192.168.1.1", 24, "192.168.1.50", ""),
           "a DHCP range needs both a start and an end address");
    /* one end alone, named as the form's field is */
    expect(vd_check_dhcp_end("192.168.1.1", 24, "192.168.1.254", "end"), NULL);
    expect(vd_check_dhcp_end("192.168.1.1", 24, "192.168.1.0", "start"),
           "DHCP start 192.168.1.0 is outside the subnet 192.168.1.1/24 "
           "(use 192.168.1.1 to 192.168.1.254)");
    expect(vd_check_dhcp_end("192.168.1.1", 24, "10.0.0.300", "end"),
           "DHCP end '10.0.0.300' is not an IPv4 address");
    expect(vd_check_dhcp_end("192.168.1.1", 31, "192.168.1.1", "end"),
           "a DHCP range needs a valid IPv4 address and prefix first");
}

static void
test_overlap(void **state)
{
    const vd_subnet active[] = {
        { "vdnet", "192.168.150.1", 24 },
        { "big", "10.0.0.1", 8 },
    };

    (void)state;
    expect(vd_check_subnet_overlap("192.168.150.129", 25, active, 2),
           "192.168.150.129/25 overlaps the subnet 192.168.150.1/24 of the "
           "active network 'vdnet'");
    expect(vd_check_subnet_overlap("10.20.0.1", 16, active, 2),
           "10.20.0.1/16 overlaps the subnet 10.0.0.1/8 of the active network 'big'");
    expect(vd_check_subnet_overlap("192.168.0.1", 16, active, 2),
           "192.168.0.1/16 overlaps the subnet 192.168.150.1/24 of the active "
           "network 'vdnet'");
    expect(vd_check_subnet_overlap("192.168.151.1", 24, active, 2), NULL);
}

static void
test_pool_target(void **state)
{
    (void)state;
    expect(vd_check_pool_target(VD_POOLTYPE_DIR, "/tmp/file", true, true, false),
           "target /tmp/file exists and is not a directory");
    expect(vd_check_pool_target(VD_POOLTYPE_DIR, "/tmp/dir", true, true, true), NULL);
    expect(vd_check_pool_target(VD_POOLTYPE_DIR, "/tmp/new", true, false, false), NULL);
    expect(vd_check_pool_target(VD_POOLTYPE_DIR, "/tmp/file", false, false, false), NULL);
    expect(vd_check_pool_target(VD_POOLTYPE_DIR, "rel", true, false, false),
           "target path 'rel' is not absolute (it must start with '/')");
    expect(vd_check_pool_target(VD_POOLTYPE_DIR, "", true, false, false),
           "target path is required");
    expect(vd_check_pool_target(VD_POOLTYPE_ISCSI, NULL, false, false, false), NULL);
}

static void
test_volume_fits(void **state)
{
    (void)state;
    expect(vd_check_volume_fits(2ULL << 30, "vdpool", 1ULL << 30),
           "2.0 GiB is more than the 1.0 GiB free in pool 'vdpool'");
    expect(vd_check_volume_fits(1ULL << 20, "vdpool", 1ULL << 30), NULL);
    expect(vd_check_volume_fits(0, "vdpool", 1ULL << 30), "volume size must be more than 0");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_net_name),
        cmocka_unit_test(test_bridge),
        cmocka_unit_test(test_ipv4),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_dhcp),
        cmocka_unit_test(test_overlap),
        cmocka_unit_test(test_pool_target),
        cmocka_unit_test(test_volume_fits),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
