/*
 * cmd_dsnap.c: the worker's side of the snapshot commands
 * (VD_CMD_DSNAP_*): each calls the core's dsnap_ops and words the
 * result for the status line.
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>

#include "virtdeck/dsnap_ops.h"
#include "virtdeck/netstore.h"
#include "core/cmd_domain.h"
#include "core/cmd_dsnap.h"
#include "core/commands_priv.h"

/* Put err in res as "verb NAME: err"; returns -1. */
static int
refused(vd_result *res, const char *verb, virDomainPtr dom, char *err)
{
    vd_result_say(res, "%s %s: %s", verb, virDomainGetName(dom), err ? err : "failed");
    free(err);
    return -1;
}

/* VD_CMD_DSNAP_LIST. */
int
vd_dsnap_cmd_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    vd_dsnap_list *l = calloc(1, sizeof(*l));
    char *err = NULL;

    (void)conn;
    (void)cmd;
    if (!l)
        return refused(res, "list snapshots of", dom, NULL);
    if (vd_dsnap_list_read(dom, l, &err) < 0) {
        vd_dsnap_list_free(l);
        return refused(res, "list snapshots of", dom, err);
    }
    res->data = l;
    res->data_free = vd_dsnap_list_free;
    vd_result_say(res, "%s: %zu snapshot(s)", virDomainGetName(dom), l->n);
    return 1;                   /* nothing changed */
}

/* VD_CMD_DSNAP_CREATE. */
int
vd_dsnap_cmd_create(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                    vd_result *res)
{
    vd_dsnap_spec spec = { 0 };
    char *err = NULL, *made = NULL;

    (void)conn;
    if (cmd->str) {
        spec.name = cmd->str;
        spec.description = vd_cmd_arg2(cmd->str);
    }
    spec.disk_only = cmd->flags & VD_DSNAP_CREATE_DISK_ONLY;
    spec.quiesce = cmd->flags & VD_DSNAP_CREATE_QUIESCE;
    spec.no_memory = cmd->flags & VD_DSNAP_CREATE_NO_MEMORY;
    if (vd_dsnap_create(dom, &spec, &made, &err) < 0)
        return refused(res, "snapshot", dom, err);
    vd_result_say(res, "%s: snapshot %s created", virDomainGetName(dom), made);
    res->text = made;
    return 0;
}

/* VD_CMD_DSNAP_REVERT. */
int
vd_dsnap_cmd_revert(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                    vd_result *res)
{
    char *err = NULL;

    (void)conn;
    if (vd_dsnap_revert(dom, cmd->str, cmd->flags, &err) < 0)
        return refused(res, "revert", dom, err);
    vd_result_say(res, "%s reverted to snapshot %s", virDomainGetName(dom), cmd->str);
    return 0;
}

/* VD_CMD_DSNAP_DELETE. */
int
vd_dsnap_cmd_delete(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                    vd_result *res)
{
    char *err = NULL;

    (void)conn;
    if (vd_dsnap_delete(dom, cmd->str, cmd->flags, &err) < 0)
        return refused(res, "delete snapshot of", dom, err);
    vd_result_say(res, "%s: snapshot %s%s deleted%s", virDomainGetName(dom), cmd->str,
                  cmd->flags & VD_DSNAP_DELETE_CHILDREN ? " and its children" : "",
                  cmd->flags & VD_DSNAP_DELETE_METADATA ? " (metadata only)" : "");
    return 0;
}

/* VD_CMD_DSNAP_XML. */
int
vd_dsnap_cmd_xml(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    char *err = NULL;

    (void)conn;
    if (!(res->text = vd_dsnap_get_xml(dom, cmd->str ? cmd->str : "", &err)))
        return refused(res, "snapshot XML of", dom, err);
    vd_result_say(res, "%s: snapshot %s", virDomainGetName(dom), cmd->str);
    return 1;
}
