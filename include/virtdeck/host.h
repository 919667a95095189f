/*
 * host.h: one libvirt connection and the worker thread that owns it.
 *
 * Only the worker touches the connection. It connects (retrying with
 * backoff), reads the lists, runs queued commands, and publishes a new
 * vd_snapshot after each change. Every function here is safe to call
 * from the UI thread and never blocks on libvirt.
 */
#ifndef VIRTDECK_HOST_H
#define VIRTDECK_HOST_H

#include <stdbool.h>

#include "virtdeck/bus.h"
#include "virtdeck/command.h"
#include "virtdeck/model.h"

typedef struct vd_host vd_host;

typedef struct vd_host_opts {
    const char *uri;            /* libvirt URI (copied) */
    const char *label;          /* display name (copied); NULL: the URI */
    bool readonly;              /* open with VIR_CONNECT_RO; refuse writes */
    int tick_ms;                /* list refresh period; 0: 2000 */
    int balloon_period;         /* > 0: set this balloon stats period (s)
                                 * on running guests lacking memory stats */
    bool idle;                  /* start disconnected (autoconnect off);
                                 * VD_CMD_HOST_CONNECT connects */
    bool domains_only;          /* read only the domains' figures: no
                                 * snapshot counts, autostart/persistent
                                 * flags, networks or pools (batch mode
                                 * prints none of them) */
} vd_host_opts;

/* Create a host and start its worker, which connects at once.
 * Returns NULL on failure. Requires vd_core_init() first.
 * Release with vd_host_free(). */
vd_host *vd_host_new(const vd_host_opts *opts, int host_id, vd_bus *bus);

/* Ask the worker to disconnect and end, without waiting (then
 * vd_host_free() each host with what is left of one deadline, so
 * quitting never waits for the hosts one after the other). */
void vd_host_stop(vd_host *host);

/* Ask the worker to disconnect and end, wait up to wait_ms for it, and
 * release the host. A worker stuck in a hung RPC is left to finish on
 * its own and frees itself then; this call never waits longer. Returns
 * true when the worker has ended (NULL host: true), false when it was
 * left running — then the bus must outlive it. */
bool vd_host_free(vd_host *host, int wait_ms);

/* The latest snapshot, with a reference the caller must drop with
 * vd_snapshot_unref(). Never NULL. */
vd_snapshot *vd_host_snapshot(vd_host *host);

/* Queue a command; the cmd's contents are moved into the queue (its
 * str, disk and nic are taken and set to NULL). Returns the request id
 * that the vd_result will carry. */
unsigned long long vd_host_submit(vd_host *host, vd_cmd *cmd);

/* Convenience: queue kind on the object uuid (may be NULL). */
unsigned long long vd_host_submit_simple(vd_host *host, vd_cmd_kind kind,
                                         const char *uuid);

/* Change the refresh period (ms, at least 100); the worker takes it at
 * once and refreshes. Never blocks on libvirt. */
void vd_host_set_tick(vd_host *host, int tick_ms);

/* The id given at creation. */
int vd_host_id(const vd_host *host);

#endif
