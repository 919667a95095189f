/*
 * cmd_domain.h: the domain commands of the command table: its life
 * (cmd_lifecycle.c: start ... resume, managed save, restore, autostart,
 * rename, undefine, XML, define) and its devices (cmd_devices.c: vCPUs,
 * memory, CD-ROM, disks, NICs), and its details (domdetails.c). Worker
 * only.
 */
#ifndef VD_CMD_DOMAIN_H
#define VD_CMD_DOMAIN_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

/* Handlers of the command table (vd_cmd_fn, commands_priv.h); dom is
 * the command's domain, looked up by the runner (VD_CMDF_DOMAIN; NULL
 * for define). */

/* cmd_lifecycle.c */
int vd_dom_start(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_destroy(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_shutdown(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_reboot(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_reset(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_suspend(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_resume(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_managed_save(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_restore(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_autostart(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_rename(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_undefine(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_get_xml(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* cmd_devices.c: the disk and NIC come typed (cmd->disk, cmd->nic) */
int vd_dom_set_vcpus(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_set_memory(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_cdrom(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_attach_disk(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_detach_disk(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_attach_nic(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_detach_nic(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

/* domdetails.c */
int vd_dom_read_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

#endif
