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

/* An operation on dom (NULL when the command names no domain). Returns
 * 0 when done (the lists may have changed), 1 when done and nothing
 * changed (a read), -1 on failure. It may set res->message itself;
 * otherwise the caller words it from verb/done and libvirt's error. */
typedef int (*vd_dom_ex_fn)(virConnectPtr conn, virDomainPtr dom,
                            const vd_cmd *cmd, vd_result *res);

/* Look up cmd's domain (when it names one), run fn and word the
 * result. Returns true when the host's lists should be re-read. */
bool vd_cmd_run_ex(virConnectPtr conn, const vd_cmd *cmd, vd_result *res,
                   const char *verb, const char *done, vd_dom_ex_fn fn);

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
