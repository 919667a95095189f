/*
 * test_model_create_host.c: a new domain's spec against its host
 * (virtdeck/create_host.h) on libvirt's test driver
 * (tests/data/model-host.xml: domains alpha..delta, pool pool-a in
 * /var/lib/virtdeck-test/pool-a with delta.qcow2 and scratch.raw,
 * networks net-nat and net-iso, 16 GiB of memory, no node devices).
 * Each check is made to refuse what it must, with its message, and a
 * spec that fits the host passes with what the host resolves filled in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tdconn.h"
#include "virtdeck/create_host.h"

#define POOL_DIR "/var/lib/virtdeck-test/pool-a"

/* The model host's guest spec (tdconn.h). */
static void
make_spec(vd_domain_spec *s, const char *name)
{
    assert_int_equal(vd_td_guest_spec(s, name), 0);
}

/* Check s against the host; the message (or NULL when it passed).
 * Caller frees. */
static char *
check(virConnectPtr conn, vd_domain_spec *s, const vd_host_caps *caps,
      const bool *path_new, size_t n)
{
    char *err = NULL;
    int rc = vd_create_check_host(conn, s, caps, path_new, n, &err);

    if (rc == 0)
        assert_null(err);
    else
        assert_non_null(err);
    return err;
}

/* Assert that s is refused with a message holding want. */
static void
refused(virConnectPtr conn, vd_domain_spec *s, const vd_host_caps *caps,
        const bool *path_new, size_t n, const char *want)
{
    char *err = check(conn, s, caps, path_new, n);

    if (!err)
        fail_msg("passed, but should be refused with \"%s\"", want);
    if (!strstr(err, want))
        fail_msg("refused with \"%s\", expected \"%s\"", err, want);
    free(err);
}

/* A spec that fits passes, and nothing on the host changed. */
static void
test_fits(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;
    int before = virConnectNumOfDefinedDomains(conn);

    make_spec(&s, "newguest");
    assert_null(check(conn, &s, NULL, NULL, 0));
    assert_int_equal(s.disk.kind, VD_DISK_NEW_VOLUME);
    assert_int_equal(virConnectNumOfDefinedDomains(conn), before);
    vd_domain_spec_clear(&s);
}

/* Names in use, vCPUs over the host's maximum, memory over the host's. */
static void
test_name_vcpus_memory(void **state)
{
    virConnectPtr conn = *state;
    vd_host_caps caps = { .max_vcpus = 2, .has_uefi = false };
    vd_domain_spec s;

    make_spec(&s, "delta");
    refused(conn, &s, NULL, NULL, 0, "name is already used on this host");
    vd_spec_set(&s.name, "fresh");
    s.vcpus = 4;
    refused(conn, &s, &caps, NULL, 0, "4 vCPUs is more than the 2 this host allows");
    s.vcpus = 2;
    assert_null(check(conn, &s, &caps, NULL, 0));
    s.memory_mib = 32768;       /* the host has 16 GiB */
    refused(conn, &s, NULL, NULL, 0, "memory 32768 MiB is more than the host's 16384 MiB");
    vd_domain_spec_clear(&s);
}

/* Pools and volumes: a missing pool, a new volume whose name is taken,
 * an existing volume (its format read from the host), a new disk too
 * big for the pool (97 GiB free). */
static void
test_pools_volumes(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;

    make_spec(&s, "pooled");
    vd_spec_set(&s.disk.pool, "nopool");
    refused(conn, &s, NULL, NULL, 0, "there is no pool 'nopool' on this host");
    vd_spec_set(&s.disk.pool, "pool-a");
    vd_spec_set(&s.disk.volume, "delta.qcow2");
    refused(conn, &s, NULL, NULL, 0, "pool 'pool-a' already has a volume 'delta.qcow2'");
    vd_spec_set(&s.disk.volume, NULL);
    s.disk.size_bytes = 200 * VD_GIB;
    refused(conn, &s, NULL, NULL, 0, "free in pool 'pool-a'");

    s.disk.kind = VD_DISK_VOLUME;
    vd_spec_set(&s.disk.volume, "absent.qcow2");
    refused(conn, &s, NULL, NULL, 0, "pool 'pool-a' has no volume 'absent.qcow2'");
    vd_spec_set(&s.disk.volume, "scratch.raw");
    s.disk.format = VD_FMT_UNSET;
    assert_null(check(conn, &s, NULL, NULL, 0));
    assert_int_equal(s.disk.format, VD_FMT_RAW);
    vd_domain_spec_clear(&s);
}

/* Two new disks of one name in one pool. */
static void
test_two_new_disks(void **state)
{
    virConnectPtr conn = *state;
    vd_disk_spec more = { 0 };
    vd_domain_spec s;

    make_spec(&s, "twins");
    more.kind = VD_DISK_NEW_VOLUME;
    vd_spec_set(&more.pool, "pool-a");
    vd_spec_set(&more.volume, "twins.qcow2");   /* the main disk's name */
    more.size_bytes = VD_GIB;
    more.format = VD_FMT_QCOW2;
    assert_int_equal(vd_spec_add_disk(&s, &more), 0);
    refused(conn, &s, NULL, NULL, 0, "--disk: two new disks are called 'twins.qcow2' in pool 'pool-a'");
    /* without a name it is called after the domain and its index */
    vd_spec_set(&s.more_disks[0].volume, NULL);
    assert_null(check(conn, &s, NULL, NULL, 0));
    assert_string_equal(s.more_disks[0].volume, "twins-1.qcow2");
    vd_domain_spec_clear(&s);
}

/* path= of a new file: made a new volume of the pool that holds its
 * directory; refused when the file exists or no pool holds it. */
static void
test_path_new(void **state)
{
    virConnectPtr conn = *state;
    bool path_new[1] = { true };
    vd_domain_spec s;

    make_spec(&s, "bypath");
    vd_spec_set(&s.disk.pool, NULL);
    s.disk.kind = VD_DISK_PATH;
    s.disk.format = VD_FMT_UNSET;
    vd_spec_set(&s.disk.path, POOL_DIR "/delta.qcow2");
    refused(conn, &s, NULL, path_new, 1,
            "--disk: " POOL_DIR "/delta.qcow2 exists already: drop size= to use it as it is");
    vd_spec_set(&s.disk.path, "/nonexistent-virtdeck-dir/new.img");
    refused(conn, &s, NULL, path_new, 1,
            "--disk: no storage pool has the directory /nonexistent-virtdeck-dir");
    vd_spec_set(&s.disk.path, POOL_DIR "/bypath-disk.img");
    assert_null(check(conn, &s, NULL, path_new, 1));
    assert_int_equal(s.disk.kind, VD_DISK_NEW_VOLUME);
    assert_null(s.disk.path);
    assert_string_equal(s.disk.pool, "pool-a");
    assert_string_equal(s.disk.volume, "bypath-disk.img");
    assert_int_equal(s.disk.format, VD_FMT_QCOW2);
    vd_domain_spec_clear(&s);
}

/* path= of an existing file: a pool volume's path passes with its
 * format; a missing one is refused. */
static void
test_path_existing(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;

    make_spec(&s, "existing");
    s.disk.kind = VD_DISK_PATH;
    s.disk.format = VD_FMT_UNSET;
    vd_spec_set(&s.disk.path, POOL_DIR "/scratch.raw");
    assert_null(check(conn, &s, NULL, NULL, 0));
    assert_int_equal(s.disk.format, VD_FMT_RAW);
    vd_spec_set(&s.disk.path, "/nonexistent-virtdeck-dir/old.img");
    refused(conn, &s, NULL, NULL, 0, "no file at /nonexistent-virtdeck-dir/old.img");
    vd_domain_spec_clear(&s);
}

/* backing_store=: the volume's path, format and size go into the disk;
 * a missing one, or a new disk that is not qcow2, is refused. */
static void
test_backing(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;

    make_spec(&s, "overlay");
    s.disk.size_bytes = 0;
    vd_spec_set(&s.disk.backing, "absent.qcow2");
    refused(conn, &s, NULL, NULL, 0, "--disk: backing_store: pool 'pool-a' has no volume 'absent.qcow2'");
    vd_spec_set(&s.disk.backing, "delta.qcow2");
    assert_null(check(conn, &s, NULL, NULL, 0));
    assert_string_equal(s.disk.backing, POOL_DIR "/delta.qcow2");
    assert_int_equal(s.disk.backing_format, VD_FMT_QCOW2);
    assert_true(s.disk.size_bytes == 8 * VD_GIB);
    s.disk.format = VD_FMT_RAW;
    vd_spec_set(&s.disk.volume, "overlay.img");
    refused(conn, &s, NULL, NULL, 0, "--disk: backing_store= needs format=qcow2 for the new disk");
    vd_domain_spec_clear(&s);
}

/* Networks: missing, inactive, and a second NIC checked too. */
static void
test_networks(void **state)
{
    virConnectPtr conn = *state;
    virNetworkPtr iso = virNetworkLookupByName(conn, "net-iso");
    vd_net_spec more = { 0 };
    vd_domain_spec s;

    assert_non_null(iso);
    assert_int_equal(virNetworkDestroy(iso), 0);
    virNetworkFree(iso);
    make_spec(&s, "netted");
    vd_spec_set(&s.net.source, "nonet");
    refused(conn, &s, NULL, NULL, 0, "there is no network 'nonet' on this host");
    vd_spec_set(&s.net.source, "net-iso");
    refused(conn, &s, NULL, NULL, 0, "network 'net-iso' is not active");
    vd_spec_set(&s.net.source, "net-nat");
    more.kind = VD_NET_NETWORK;
    vd_spec_set(&more.source, "net-iso");
    assert_int_equal(vd_spec_add_net(&s, &more), 0);
    refused(conn, &s, NULL, NULL, 0, "network 'net-iso' is not active");
    vd_domain_spec_clear(&s);
}

/* Install sources: an ISO volume, a missing ISO file, an install tree
 * without kernel and initrd. */
static void
test_install(void **state)
{
    virConnectPtr conn = *state;
    vd_domain_spec s;

    make_spec(&s, "installer");
    s.install.kind = VD_INSTALL_CDROM_VOLUME;
    vd_spec_set(&s.install.pool, "pool-a");
    vd_spec_set(&s.install.volume, "missing.iso");
    refused(conn, &s, NULL, NULL, 0, "pool 'pool-a' has no volume 'missing.iso'");
    vd_spec_set(&s.install.volume, "scratch.raw");
    assert_null(check(conn, &s, NULL, NULL, 0));
    s.install.kind = VD_INSTALL_CDROM_PATH;
    vd_spec_set(&s.install.path, "/nonexistent-virtdeck-dir/os.iso");
    refused(conn, &s, NULL, NULL, 0, "no file at /nonexistent-virtdeck-dir/os.iso");
    s.install.kind = VD_INSTALL_LOCATION;
    vd_spec_set(&s.install.location, "/nonexistent-virtdeck-dir/tree");
    refused(conn, &s, NULL, NULL, 0, "--location: give kernel=PATH,initrd=PATH");
    /* relative kernel= and initrd= are inside the tree */
    vd_spec_set(&s.install.kernel, "vmlinuz");
    vd_spec_set(&s.install.initrd, "initrd.img");
    refused(conn, &s, NULL, NULL, 0, "no file at /nonexistent-virtdeck-dir/tree/vmlinuz");
    vd_domain_spec_clear(&s);
}

/* Host devices: one the host does not have; firmware the caps lack. */
static void
test_hostdev_firmware(void **state)
{
    virConnectPtr conn = *state;
    vd_host_caps caps = { .has_uefi = false };
    vd_domain_spec s;

    make_spec(&s, "devices");
    assert_int_equal(vd_spec_add_devopt(&s, "hostdev", "0000:00:19.0"), 0);
    refused(conn, &s, NULL, NULL, 0,
            "--host-device: the host has no device 0000:00:19.0 (virsh nodedev-list lists them)");
    vd_domain_spec_clear(&s);
    make_spec(&s, "devices");
    assert_int_equal(vd_spec_add_devopt(&s, "hostdev", "0x1d6b:0x0002"), 0);
    refused(conn, &s, NULL, NULL, 0, "--host-device: the host has no USB device 0x1d6b:0x0002");
    vd_domain_spec_clear(&s);
    make_spec(&s, "firmware");
    s.firmware = VD_FW_UEFI;
    refused(conn, &s, &caps, NULL, 0, "this host offers no UEFI firmware for this machine");
    caps.has_uefi = true;
    assert_null(check(conn, &s, &caps, NULL, 0));
    vd_domain_spec_clear(&s);
}

/* The facts the wizard's commands share: a path's state, a volume's
 * format, the capabilities (none on the test driver), a new volume. */
static void
test_facts(void **state)
{
    virConnectPtr conn = *state;
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "pool-a");
    virStorageVolPtr vol;
    vd_disk_format fmt = VD_FMT_UNSET;
    vd_virt_type vt = VD_VIRT_KVM;
    vd_host_caps caps = { 0 };
    char path[4200], *err = NULL, *word;

    assert_int_equal(vd_host_path_state(conn, true, POOL_DIR "/delta.qcow2", &fmt), 1);
    assert_int_equal(fmt, VD_FMT_QCOW2);
    snprintf(path, sizeof(path), "%s/model-host.xml", VD_TEST_DATA);
    assert_int_equal(vd_host_path_state(conn, true, path, NULL), 1);
    assert_int_equal(vd_host_path_state(conn, true, "/nonexistent-virtdeck-dir/x", NULL), 0);
    assert_int_equal(vd_host_path_state(conn, false, "/nonexistent-virtdeck-dir/x", NULL), -1);
    assert_int_equal(vd_host_path_state(conn, false, POOL_DIR "/scratch.raw", NULL), 1);

    assert_non_null(pool);
    assert_non_null(vol = virStorageVolLookupByName(pool, "scratch.raw"));
    assert_int_equal(vd_volume_format(vol), VD_FMT_RAW);
    assert_non_null(word = vd_volume_format_word(vol));
    assert_string_equal(word, "raw");
    free(word);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);

    assert_false(vd_create_caps_read(conn, NULL, NULL, false, &vt, &caps, &err));
    assert_int_equal(vt, VD_VIRT_TEST);
    assert_null(err);
    vt = VD_VIRT_QEMU;          /* given: kept */
    assert_false(vd_create_caps_read(conn, NULL, NULL, true, &vt, &caps, &err));
    assert_int_equal(vt, VD_VIRT_QEMU);

    assert_int_equal(vd_create_check_new_volume(conn, "pool-a", "seed.iso", &err), 0);
    assert_null(err);
    assert_int_equal(vd_create_check_new_volume(conn, "pool-a", "delta.qcow2", &err), -1);
    assert_string_equal(err, "pool 'pool-a' already has a volume 'delta.qcow2'");
    free(err);
    err = NULL;
    assert_int_equal(vd_create_check_new_volume(conn, "nopool", "seed.iso", &err), -1);
    assert_string_equal(err, "there is no pool 'nopool' on this host");
    free(err);
}

/* Run the tests. */
int
main(void)
{
    const struct CMUnitTest tests[] = {
        VD_TD_TEST(test_fits),
        VD_TD_TEST(test_name_vcpus_memory),
        VD_TD_TEST(test_pools_volumes),
        VD_TD_TEST(test_two_new_disks),
        VD_TD_TEST(test_path_new),
        VD_TD_TEST(test_path_existing),
        VD_TD_TEST(test_backing),
        VD_TD_TEST(test_networks),
        VD_TD_TEST(test_install),
        VD_TD_TEST(test_hostdev_firmware),
        VD_TD_TEST(test_facts),
    };

    vd_td_init(VD_TEST_DATA, "model-host.xml");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
