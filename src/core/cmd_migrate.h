/*
 * cmd_migrate.h: the worker's side of VD_CMD_DOM_MIGRATE and
 * VD_CMD_HOST_EVACUATE (virtdeck/migrate.h): each starts a job whose
 * thread opens its own connections, so the blocking migration call
 * holds up no host's worker. Handlers of the command table (vd_cmd_fn,
 * commands_priv.h). Worker only.
 */
#ifndef VD_CMD_MIGRATE_H
#define VD_CMD_MIGRATE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

int vd_mig_migrate(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_mig_evacuate(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

#endif
