/*
 * test_netstore_xml.c: the network and pool XML builders against golden
 * files in tests/netstore/data (byte for byte), every document they
 * emit through virt-xml-validate, and the details parsers reading them
 * back. VD_UPDATE_GOLDEN=1 rewrites the golden files (review the diff!).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/netstore.h"
#include "golden.h"
#include "xmltest.h"

typedef struct net_case {
    const char *name;           /* data/net-NAME.xml */
    vd_network_spec spec;
} net_case;

typedef struct pool_case {
    const char *name;           /* data/pool-NAME.xml */
    vd_pool_spec spec;
} pool_case;

#define S(x) ((char *)(x))

static const net_case net_cases[] = {
    { "nat", { .name = S("labnet"), .mode = VD_NETMODE_NAT, .bridge = S("vdbr7"),
               .ipv4 = S("192.168.170.1"), .prefix = 24,
               .dhcp_start = S("192.168.170.100"), .dhcp_end = S("192.168.170.200") } },
    { "nat-full", { .name = S("lab & <co>"), .mode = VD_NETMODE_NAT, .bridge = S("vdbr8"),
                    .dev = S("eth0"), .ipv4 = S("10.8.0.1"), .prefix = 16,
                    .dhcp_start = S("10.8.1.1"), .dhcp_end = S("10.8.1.254"),
                    .ipv6 = S("fd00:8::1"), .prefix6 = 64, .domain = S("lab.test") } },
    { "routed", { .name = S("routed"), .mode = VD_NETMODE_ROUTE, .dev = S("eth1"),
                  .ipv4 = S("172.20.0.1"), .prefix = 24 } },
    { "isolated", { .name = S("iso"), .mode = VD_NETMODE_ISOLATED,
                    .ipv4 = S("192.168.171.1"), .prefix = 24,
                    .dhcp_start = S("192.168.171.10"), .dhcp_end = S("192.168.171.20") } },
    { "open", { .name = S("open"), .mode = VD_NETMODE_OPEN, .bridge = S("vdopen0"),
                .ipv4 = S("192.168.172.1"), .prefix = 25 } },
    { "bridge", { .name = S("hostbr"), .mode = VD_NETMODE_BRIDGE, .bridge = S("br0") } },
    { "direct", { .name = S("macvtap"), .mode = VD_NETMODE_DIRECT, .dev = S("enp1s0") } },
};

static const pool_case pool_cases[] = {
    { "dir", { .name = S("images"), .type = VD_POOLTYPE_DIR,
               .target = S("/var/lib/libvirt/images") } },
    { "fs", { .name = S("usb"), .type = VD_POOLTYPE_FS, .devices = S("/dev/sdb1"),
              .target = S("/mnt/usb"), .format = S("ext4") } },
    { "netfs", { .name = S("nfs"), .type = VD_POOLTYPE_NETFS, .host = S("nas.example"),
                 .source_dir = S("/export/vm"), .target = S("/mnt/nfs") } },
    { "logical", { .name = S("vg"), .type = VD_POOLTYPE_LOGICAL,
                   .source_name = S("vgdata"), .devices = S("/dev/sdc, /dev/sdd") } },
    { "iscsi", { .name = S("san"), .type = VD_POOLTYPE_ISCSI, .host = S("san.example"),
                 .iqn = S("iqn.2024-01.example:storage.lun1"),
                 .initiator = S("iqn.2024-01.example:client") } },
    { "disk", { .name = S("wholedisk"), .type = VD_POOLTYPE_DISK, .devices = S("/dev/sde") } },
};

/* Compare text with data/FILE byte for byte, then validate it. */
static void
check_golden(const char *file, const char *text, const char *schema)
{
    char *diff = vd_golden_check(VD_NETSTORE_DATA, file, text), *out = NULL;

    if (diff)
        fail_msg("%s", diff);
    if (!xt_validate(text, schema, &out))
        fail_msg("virt-xml-validate rejects %s:\n%s", file, out ? out : "");
    free(out);
}

/* Every network case: golden, valid, and parsed back. */
static void
test_networks(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(net_cases) / sizeof(net_cases[0]); i++) {
        const net_case *c = &net_cases[i];
        const char *err = NULL;
        char file[128], *xml = vd_network_xml(&c->spec, &err);
        vd_network_details *d = calloc(1, sizeof(*d));

        if (!xml)
            fail_msg("case %s: %s", c->name, err);
        snprintf(file, sizeof(file), "net-%s.xml", c->name);
        check_golden(file, xml, "network");
        assert_int_equal(vd_network_details_parse(xml, d), 0);
        assert_string_equal(d->name, c->spec.name);
        if (c->spec.ipv4) {
            assert_true(d->nips >= 1);
            assert_string_equal(d->ips[0].address, c->spec.ipv4);
            assert_int_equal(d->ips[0].prefix, c->spec.prefix);
            if (c->spec.dhcp_start) {
                assert_string_equal(d->ips[0].dhcp_start, c->spec.dhcp_start);
                assert_string_equal(d->ips[0].dhcp_end, c->spec.dhcp_end);
            }
        }
        if (c->spec.mode == VD_NETMODE_ISOLATED)
            assert_null(d->forward_mode);
        if (c->spec.mode == VD_NETMODE_DIRECT)
            assert_string_equal(d->forward_dev, c->spec.dev);
        vd_network_details_free(d);
        free(xml);
    }
}

/* Every pool case: golden, valid, parsed back. */
static void
test_pools(void **state)
{
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(pool_cases) / sizeof(pool_cases[0]); i++) {
        const pool_case *c = &pool_cases[i];
        const char *err = NULL;
        char file[128], *xml = vd_pool_xml(&c->spec, &err);
        vd_pool_details *d = calloc(1, sizeof(*d));

        if (!xml)
            fail_msg("case %s: %s", c->name, err);
        snprintf(file, sizeof(file), "pool-%s.xml", c->name);
        check_golden(file, xml, "storagepool");
        assert_int_equal(vd_pool_details_parse(xml, d), 0);
        assert_string_equal(d->name, c->spec.name);
        assert_string_equal(d->type, vd_pool_type_name(c->spec.type));
        assert_non_null(d->target);
        vd_pool_details_free(d);
        free(xml);
    }
}

/* Specs that cannot be expressed get a message, not XML. */
static void
test_refused(void **state)
{
    vd_network_spec n = { .name = S("x"), .mode = VD_NETMODE_DIRECT };
    vd_pool_spec p = { .name = S("p"), .type = VD_POOLTYPE_NETFS, .host = S("h") };
    const char *err = NULL;

    (void)state;
    assert_null(vd_network_xml(&n, &err));
    assert_string_equal(err, "a macvtap network needs a host interface");
    n.mode = VD_NETMODE_BRIDGE;
    assert_null(vd_network_xml(&n, &err));
    assert_non_null(err);
    n = (vd_network_spec){ .mode = VD_NETMODE_NAT };
    assert_null(vd_network_xml(&n, &err));
    assert_string_equal(err, "the network has no name");
    assert_null(vd_pool_xml(&p, &err));
    assert_string_equal(err, "an NFS pool needs the server and the export path");
    p = (vd_pool_spec){ .name = S("d"), .type = VD_POOLTYPE_DIR };
    assert_null(vd_pool_xml(&p, &err));
    assert_string_equal(err, "a directory pool needs a target path");
}

/* A domain's networks and disks, for "attached" and "used by". */
static void
test_domain_uses(void **state)
{
    const char *xml =
        "<domain type='kvm'><name>g</name><devices>"
        "<disk type='file' device='disk'><source file='/p/a.qcow2'/></disk>"
        "<disk type='volume' device='disk'><source pool='vdpool' volume='b.img'/></disk>"
        "<interface type='network'><mac address='52:54:00:00:00:01'/>"
        "<source network='labnet'/></interface>"
        "<interface type='bridge'><source bridge='br0'/></interface>"
        "</devices></domain>";
    char **nets, **macs, **paths;
    size_t nnets, npaths;

    (void)state;
    assert_int_equal(vd_domain_xml_uses(xml, &nets, &macs, &nnets, &paths,
                                        &npaths), 0);
    assert_int_equal(nnets, 1);
    assert_string_equal(nets[0], "labnet");
    assert_string_equal(macs[0], "52:54:00:00:00:01");
    assert_int_equal(npaths, 2);
    assert_string_equal(paths[0], "/p/a.qcow2");
    assert_string_equal(paths[1], "vdpool/b.img");
    vd_strv_free(nets, nnets);
    vd_strv_free(macs, nnets);
    vd_strv_free(paths, npaths);
    assert_int_equal(vd_domain_xml_uses("<network/>", &nets, &macs, &nnets,
                                        &paths, &npaths), -1);
}

/* A network as libvirt returns it: netmask instead of prefix, static
 * DHCP hosts, <forward/> without a mode (NAT), IPv6. */
static void
test_parse_libvirt_network(void **state)
{
    const char *xml =
        "<network connections='1'><name>default</name>"
        "<uuid>7a1b5b8e-1111-2222-3333-444455556666</uuid>"
        "<forward/><bridge name='virbr0' stp='on' delay='0'/>"
        "<mac address='52:54:00:0a:0b:0c'/><domain name='lab'/>"
        "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>"
        "<range start='192.168.122.2' end='192.168.122.254'/>"
        "<host mac='52:54:00:00:00:01' name='web' ip='192.168.122.10'/>"
        "<host mac='52:54:00:00:00:02' ip='192.168.122.11'/>"
        "</dhcp></ip>"
        "<ip family='ipv6' address='fd00::1' prefix='64'/></network>";
    vd_network_details *d = calloc(1, sizeof(*d));

    (void)state;
    assert_int_equal(vd_network_details_parse(xml, d), 0);
    assert_string_equal(d->name, "default");
    assert_string_equal(d->forward_mode, "nat");
    assert_null(d->forward_dev);
    assert_string_equal(d->bridge, "virbr0");
    assert_string_equal(d->domain, "lab");
    assert_int_equal(d->nips, 2);
    assert_string_equal(d->ips[0].family, "ipv4");
    assert_int_equal(d->ips[0].prefix, 24);
    assert_int_equal(d->ips[0].nhosts, 2);
    assert_string_equal(d->ips[0].hosts[0].mac, "52:54:00:00:00:01");
    assert_string_equal(d->ips[0].hosts[0].name, "web");
    assert_string_equal(d->ips[0].hosts[0].ip, "192.168.122.10");
    assert_null(d->ips[0].hosts[1].name);
    assert_string_equal(d->ips[1].family, "ipv6");
    assert_int_equal(d->ips[1].prefix, 64);
    vd_network_details_free(d);

    d = calloc(1, sizeof(*d));
    assert_int_equal(vd_network_details_parse("<pool type='dir'/>", d), -1);
    assert_int_equal(vd_network_details_parse("not xml", d), -1);
    vd_network_details_free(d);
}

/* Two strings in one command argument. */
static void
test_args2(void **state)
{
    char *s = vd_cmd_args2("disk.iso", "/tmp/a b/c.iso");

    (void)state;
    assert_string_equal(s, "disk.iso");
    assert_string_equal(vd_cmd_arg2(s), "/tmp/a b/c.iso");
    free(s);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_networks),
        cmocka_unit_test(test_pools),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_domain_uses),
        cmocka_unit_test(test_parse_libvirt_network),
        cmocka_unit_test(test_args2),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
