/*
 * modeltest.h: what the model tests of host workers share: waiting on
 * a host's snapshots and on results through the bus, and running a
 * cmocka group with the core set up on the model host file.
 */
#ifndef VD_MODELTEST_H
#define VD_MODELTEST_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/bus.h"
#include "virtdeck/host.h"

/* "test://…/tests/data/model-host.xml", set by vd_mt_main(). */
extern char vd_mt_model_uri[4096];

typedef bool (*vd_mt_pred)(const vd_snapshot *snap, const void *arg);

/* Wait on the bus until pred holds for host's snapshot, at most ms;
 * returns that snapshot (referenced: unref it) or fails the test,
 * naming what. Results on the bus stay queued. */
vd_snapshot *vd_mt_wait_snapshot(vd_host *host, vd_bus *bus, vd_mt_pred pred,
                                 const void *arg, int ms, const char *what);

/* The result with request id (0: the next result of any id), waiting
 * at most ms; results with other ids are dropped. The caller frees it.
 * Fails the test on time-out. */
vd_result *vd_mt_wait_result(vd_bus *bus, unsigned long long id, int ms);

/* Set up the core, run the n tests as one group, shut the core down;
 * returns main's exit status. */
int vd_mt_main(const char *group, const struct CMUnitTest *tests, size_t n);

#endif
