/*
 * cmd_create.h: the worker side of the create wizard's commands
 * (VD_CMD_DOM_CREATE, VD_CMD_CREATE_FACTS, VD_CMD_PATH_EXISTS; see
 * virtdeck/createfacts.h): handlers of the command table (vd_cmd_fn,
 * commands_priv.h).
 */
#ifndef VD_CMD_CREATE_H
#define VD_CMD_CREATE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

int vd_cc_create(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_cc_facts(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_cc_path_exists(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
/* nodedev.c */
int vd_cc_nodedev_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                       vd_result *res);
/* cmd_osinfo.c */
int vd_cc_os_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_cc_os_recommend(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

#endif
