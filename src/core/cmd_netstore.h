/*
 * cmd_netstore.h: the worker's side of the network, pool and volume
 * commands (issue 6), and the long jobs (upload, download) they start.
 * Worker only: each runs on the host's worker thread with its
 * connection.
 */
#ifndef VD_CMD_NETSTORE_H
#define VD_CMD_NETSTORE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/bus.h"
#include "virtdeck/command.h"

/* Handlers of the command table (vd_cmd_fn, commands_priv.h); dom is
 * unused (these name a network, pool or volume). */
/* (start, stop, autostart, undefine, refresh, build, delete: the
 * shared vd_np_command() of cmd_netpool.h) */
int vd_ns_net_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_net_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_iface_kind(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

int vd_ns_pool_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_pool_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

int vd_ns_vol_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_vol_create(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
/* delete, wipe, resize: one libvirt call on the volume named by str */
int vd_ns_vol_op(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_vol_clone(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_vol_upload(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_vol_download(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_job_cancel(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_ns_job_postcopy(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* Tell the job machinery which bus the calling worker thread posts to;
 * job threads it starts post their progress there. Called once by each
 * worker when it starts. */
void vd_jobs_bind_worker(vd_bus *bus);

#endif
