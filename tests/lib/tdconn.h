/*
 * tdconn.h: the C tests' connection to libvirt's test driver on a host
 * file of tests/data: a fresh connection per cmocka test (every open of
 * a test:///FILE URI is a new copy of the host), libvirt's errors kept
 * off stderr (the tests read them with virGetLastError()), and a
 * guest spec that fits the model host.
 */
#ifndef VD_TEST_TDCONN_H
#define VD_TEST_TDCONN_H

#include "virtdeck/domspec.h"

/* "test:///DATA_DIR/FILE", set by vd_td_init(). */
extern char vd_td_uri[4096];

/* Point the connections at data_dir/file and silence libvirt's error
 * printing. Call once in main() before the tests run. */
void vd_td_init(const char *data_dir, const char *file);

/* cmocka setup and teardown: *state is a new virConnectPtr on
 * vd_td_uri (setup fails the test when it cannot be opened), closed
 * again after the test. */
int vd_td_setup(void **state);
int vd_td_teardown(void **state);

/* A test-driver guest that fits model-host.xml (s is overwritten):
 * name, 1 vCPU, 128 MiB, a new 1 GiB qcow2 volume in pool-a (named
 * after the domain), a NIC on net-nat, VNC with the password "pw".
 * 0, or -1 when out of memory. */
int vd_td_guest_spec(vd_domain_spec *s, const char *name);

/* A cmocka test run with them (include cmocka.h first). */
#define VD_TD_TEST(f) cmocka_unit_test_setup_teardown(f, vd_td_setup, vd_td_teardown)

#endif
