/*
 * cmd_migrate.h: the worker's side of VD_CMD_DOM_MIGRATE and
 * VD_CMD_HOST_EVACUATE (virtdeck/migrate.h): each starts a job whose
 * thread opens its own connections, so the blocking migration call
 * holds up no host's worker. Worker only.
 */
#ifndef VD_CMD_MIGRATE_H
#define VD_CMD_MIGRATE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

bool vd_mig_migrate(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);
bool vd_mig_evacuate(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);

#endif
