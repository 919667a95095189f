/*
 * cmd_netpool.h: what the network and the storage pool commands share
 * on the worker's side: the lookup by UUID, the error message, and the
 * commands that are the same for both kinds (start, stop, autostart,
 * undefine) plus the pool's one-call ones (refresh, build, delete).
 * Each kind describes its libvirt calls in a vd_np_kind (cmd_network.c,
 * cmd_pool.c); what differs (details, define) stays in the kind's file.
 */
#ifndef VD_CMD_NETPOOL_H
#define VD_CMD_NETPOOL_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/bus.h"
#include "virtdeck/command.h"

/* The libvirt calls of one kind, on its object handle as void *. */
typedef struct vd_np_kind {
    const char *noun;                       /* "network", "pool" */
    void *(*lookup)(virConnectPtr conn, const char *uuid);
    const char *(*name)(void *obj);
    int (*start)(void *obj);
    int (*stop)(void *obj);
    int (*set_autostart)(void *obj, int on);
    int (*is_active)(void *obj);
    int (*is_persistent)(void *obj);
    int (*undefine)(void *obj);
    /* A command of this kind only (pool refresh, build, delete). */
    int (*other)(void *obj, vd_cmd_kind kind);
    void (*free)(void *obj);
} vd_np_kind;

extern const vd_np_kind vd_np_network;
extern const vd_np_kind vd_np_pool;

/* Say "VERB NAME: libvirt's message" (or "VERB: ...") and fail. */
void vd_np_say_err(vd_result *res, const char *verb, const char *name);

/* The command's object of kind k, or NULL after saying why. Free it
 * with k->free. */
void *vd_np_lookup(const vd_np_kind *k, virConnectPtr conn, const vd_cmd *cmd,
                   vd_result *res, const char *verb);

/* The worker's handler of the shared commands (VD_CMD_NET_START...
 * VD_CMD_POOL_DELETE): run it on the command's object and say the
 * table's done word or libvirt's error (a vd_cmd_fn). */
int vd_np_command(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

#endif
