/*
 * cmd_create.h: the worker side of the create wizard's commands
 * (VD_CMD_DOM_CREATE, VD_CMD_CREATE_FACTS, VD_CMD_PATH_EXISTS; see
 * virtdeck/createfacts.h). Same signature as the netstore handlers:
 * fill res, return true when the host's lists should be re-read.
 */
#ifndef VD_CMD_CREATE_H
#define VD_CMD_CREATE_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

bool vd_cc_create(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);
bool vd_cc_facts(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);
bool vd_cc_path_exists(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);
/* nodedev.c */
bool vd_cc_nodedev_list(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);
/* cmd_osinfo.c */
bool vd_cc_os_list(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);
bool vd_cc_os_recommend(virConnectPtr conn, const vd_cmd *cmd, vd_result *res);

#endif
