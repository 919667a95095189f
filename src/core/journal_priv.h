/*
 * journal_priv.h: how the workers feed the journal (journal.h): their
 * commands (journal_cmd.c) and libvirt's events (journal_events.c).
 */
#ifndef VD_JOURNAL_PRIV_H
#define VD_JOURNAL_PRIV_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"
#include "virtdeck/journal.h"
#include "virtdeck/model.h"

/* Whether a command of kind is journaled: everything that changes
 * something, connecting and disconnecting, downloads and cancels; not
 * reads nor the console thumbnails' screenshots. */
bool vd_journal_cmd_wanted(vd_cmd_kind kind);

/* A new action entry for cmd on host (label, uri), its target named from
 * snap, its arguments without secrets (XML only by size). Caller
 * finishes it with vd_journal_action_done(). NULL when out of memory. */
vd_journal_entry *vd_journal_cmd_entry(const vd_snapshot *snap,
                                       const char *host, const char *uri,
                                       const vd_cmd *cmd);

/* Record a domain lifecycle event ("stopped: destroyed"). Event loop
 * thread; only queues. */
void vd_journal_dom_lifecycle(const char *host, const char *uri,
                              virDomainPtr dom, int event, int detail);

/* Record a network or pool lifecycle event. */
void vd_journal_net_lifecycle(const char *host, const char *uri,
                              virNetworkPtr net, int event, int detail);
void vd_journal_pool_lifecycle(const char *host, const char *uri,
                               virStoragePoolPtr pool, int event, int detail);

/* The other domain events the journal keeps (reboot, watchdog, I/O
 * error, block job, migration, agent, devices, tray), registered on
 * conn for host. ids (VD_JOURNAL_NEVENTS) get the callback ids, -1 where
 * registration failed. */
#define VD_JOURNAL_NEVENTS 10
void vd_journal_events_register(virConnectPtr conn, const char *host,
                                const char *uri, int *ids);
void vd_journal_events_deregister(virConnectPtr conn, int *ids);

/* Hand the action entry of the command about to run on this worker
 * thread to a job it may start (jobs.c takes it in vd_job_start and
 * records it when the job ends). start_ms: when the command began. */
void vd_jobs_journal_offer(vd_journal_entry *e, long long start_ms);

/* Take back an entry no job took (NULL when a job took it). */
vd_journal_entry *vd_jobs_journal_unclaimed(void);

#endif
