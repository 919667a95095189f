/*
 * cmd_domain.h: domain operations that need the connection or fill a
 * result payload (issue 3): managed save, rename, undefine, vCPUs,
 * memory, CD-ROM, disks, NICs, XML and details. Worker only.
 */
#ifndef VD_CMD_DOMAIN_H
#define VD_CMD_DOMAIN_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"

/* Handlers of the command table (vd_cmd_fn, commands_priv.h); dom is
 * the command's domain, looked up by the runner (VD_CMDF_DOMAIN). */
int vd_dom_managed_save(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_restore(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_autostart(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_rename(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_undefine(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_set_vcpus(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_set_memory(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_cdrom(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_attach_disk(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_detach_disk(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_attach_nic(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_detach_nic(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_get_xml(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
int vd_dom_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);
/* In domdetails.c. */
int vd_dom_read_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res);

#endif
