/*
 * cmd_dsnap.h: the worker functions of the snapshot and clone commands
 * (vd_cmd_fn, see commands_priv.h).
 */
#ifndef VD_CMD_DSNAP_H
#define VD_CMD_DSNAP_H

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

int vd_dsnap_cmd_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dsnap_cmd_create(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dsnap_cmd_revert(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dsnap_cmd_delete(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dsnap_cmd_xml(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* VD_CMD_DOM_CLONE (dom_clone.c): starts a clone job. */
int vd_clone_cmd(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

#endif
