/*
 * commands.c: the one table of operations a worker runs for the UI:
 * each kind's words (verb, busy, done), whether it writes, whether it
 * works on a domain, and its handler (vd_cmd_fn); and the runner that
 * looks the domain up, calls the handler and words the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/commands_priv.h"
#include "core/errors.h"
#include "core/cmd_domain.h"
#include "core/cmd_netpool.h"
#include "core/cmd_netstore.h"
#include "core/cmd_migrate.h"
#include "core/cmd_console.h"
#include "core/cmd_create.h"
#include "core/cmd_dsnap.h"

/* cmd_entry.flags: look up cmd->uuid as a domain before the
 * handler runs (it gets dom; no such domain refuses the command). */
#define VD_CMDF_DOMAIN (1u << 0)

/* One row of the table: the description, how to run it. */
typedef struct cmd_entry {
    vd_cmd_info info;
    unsigned int flags;         /* VD_CMDF_* */
    vd_cmd_fn run;              /* NULL: nothing to run here (the worker
                                 * itself does it), say info.done */
} cmd_entry;

#define DOM VD_CMDF_DOMAIN
/* kind: verb, busy word (the target's name follows), done word (after
 * the name), writes; flags, handler. */
#define CMD(kind, verb, busy, done, writes, flags, fn) \
    [kind] = { { verb, busy, done, writes }, flags, fn }

static const cmd_entry commands[VD_CMD_LAST] = {
    CMD(VD_CMD_DOM_START, "start", "Starting", "started", true, DOM, vd_dom_start),
    CMD(VD_CMD_DOM_DESTROY, "force off", "Forcing off", "forced off", true, DOM, vd_dom_destroy),
    CMD(VD_CMD_DOM_SHUTDOWN, "shut down", "Shutting down",
        "is shutting down (ACPI power button sent)", true, DOM, vd_dom_shutdown),
    CMD(VD_CMD_DOM_REBOOT, "reboot", "Rebooting", "is rebooting", true, DOM, vd_dom_reboot),
    CMD(VD_CMD_DOM_RESET, "reset", "Resetting", "was reset", true, DOM, vd_dom_reset),
    CMD(VD_CMD_DOM_SUSPEND, "pause", "Pausing", "paused", true, DOM, vd_dom_suspend),
    CMD(VD_CMD_DOM_RESUME, "resume", "Resuming", "resumed", true, DOM, vd_dom_resume),
    CMD(VD_CMD_REFRESH, "refresh", "Refreshing", "refreshed", false, 0, NULL),
    CMD(VD_CMD_HOST_CONNECT, "connect", "Connecting", "connecting", false, 0, NULL),
    CMD(VD_CMD_HOST_DISCONNECT, "disconnect", "Disconnecting", "disconnected", false, 0, NULL),
    CMD(VD_CMD_DOM_MANAGED_SAVE, "managed save", "Saving", "saved and stopped", true, DOM,
        vd_dom_managed_save),
    CMD(VD_CMD_DOM_RESTORE, "restore", "Restoring", "restored", true, DOM, vd_dom_restore),
    CMD(VD_CMD_DOM_AUTOSTART, "autostart", "Setting autostart of", NULL, true, DOM,
        vd_dom_autostart),
    CMD(VD_CMD_DOM_RENAME, "rename", "Renaming", "renamed", true, DOM, vd_dom_rename),
    CMD(VD_CMD_DOM_UNDEFINE, "undefine", "Undefining", "undefined", true, DOM, vd_dom_undefine),
    CMD(VD_CMD_DOM_SET_VCPUS, "set vCPUs", "Changing", NULL, true, DOM, vd_dom_set_vcpus),
    CMD(VD_CMD_DOM_SET_MEMORY, "set memory", "Changing", NULL, true, DOM, vd_dom_set_memory),
    CMD(VD_CMD_DOM_CDROM, "change CD-ROM", "Changing", NULL, true, DOM, vd_dom_cdrom),
    CMD(VD_CMD_DOM_ATTACH_DISK, "attach disk", "Changing", NULL, true, DOM, vd_dom_attach_disk),
    CMD(VD_CMD_DOM_DETACH_DISK, "detach disk", "Changing", NULL, true, DOM, vd_dom_detach_disk),
    CMD(VD_CMD_DOM_ATTACH_NIC, "attach NIC", "Changing", NULL, true, DOM, vd_dom_attach_nic),
    CMD(VD_CMD_DOM_DETACH_NIC, "detach NIC", "Changing", NULL, true, DOM, vd_dom_detach_nic),
    CMD(VD_CMD_DOM_XML, "get XML", "Reading", NULL, false, DOM, vd_dom_get_xml),
    CMD(VD_CMD_DOM_DEFINE, "define", "Defining", "defined", true, 0, vd_dom_define),
    CMD(VD_CMD_DOM_DETAILS, "details", "Reading", NULL, false, DOM, vd_dom_read_details),
    CMD(VD_CMD_NET_DETAILS, "network details", "Reading", NULL, false, 0, vd_ns_net_details),
    CMD(VD_CMD_IFACE_KIND, "check interface", "Reading", NULL, false, 0, vd_ns_iface_kind),
    CMD(VD_CMD_NET_START, "start network", "Starting", "started", true, 0, vd_np_command),
    CMD(VD_CMD_NET_STOP, "stop network", "Stopping", "stopped", true, 0, vd_np_command),
    CMD(VD_CMD_NET_AUTOSTART, "network autostart", "Setting autostart of", NULL, true, 0,
        vd_np_command),
    CMD(VD_CMD_NET_UNDEFINE, "undefine network", "Undefining", "undefined", true, 0,
        vd_np_command),
    CMD(VD_CMD_NET_DEFINE, "define network", "Defining", "defined", true, 0, vd_ns_net_define),
    CMD(VD_CMD_POOL_DETAILS, "pool details", "Reading", NULL, false, 0, vd_ns_pool_details),
    CMD(VD_CMD_POOL_START, "start pool", "Starting", "started", true, 0, vd_np_command),
    CMD(VD_CMD_POOL_STOP, "stop pool", "Stopping", "stopped", true, 0, vd_np_command),
    CMD(VD_CMD_POOL_REFRESH, "refresh pool", "Refreshing", "refreshed", false, 0, vd_np_command),
    CMD(VD_CMD_POOL_AUTOSTART, "pool autostart", "Setting autostart of", NULL, true, 0,
        vd_np_command),
    CMD(VD_CMD_POOL_BUILD, "build pool", "Building", "built", true, 0, vd_np_command),
    CMD(VD_CMD_POOL_DELETE, "delete pool", "Deleting", "deleted (its storage is gone)", true, 0,
        vd_np_command),
    CMD(VD_CMD_POOL_UNDEFINE, "undefine pool", "Undefining", "undefined", true, 0,
        vd_np_command),
    CMD(VD_CMD_POOL_DEFINE, "define pool", "Defining", "defined", true, 0, vd_ns_pool_define),
    CMD(VD_CMD_VOL_LIST, "list volumes", "Reading", NULL, false, 0, vd_ns_vol_list),
    CMD(VD_CMD_VOL_CREATE, "create volume", "Creating", "created", true, 0, vd_ns_vol_create),
    CMD(VD_CMD_VOL_DELETE, "delete volume", "Deleting", "deleted", true, 0, vd_ns_vol_op),
    CMD(VD_CMD_VOL_WIPE, "wipe volume", "Wiping", "wiped (all zeros)", true, 0, vd_ns_vol_op),
    CMD(VD_CMD_VOL_RESIZE, "resize volume", "Resizing", "resized", true, 0, vd_ns_vol_op),
    CMD(VD_CMD_VOL_CLONE, "clone volume", "Cloning", NULL, true, 0, vd_ns_vol_clone),
    CMD(VD_CMD_VOL_UPLOAD, "upload", "Uploading", NULL, true, 0, vd_ns_vol_upload),
    CMD(VD_CMD_VOL_DOWNLOAD, "download", "Downloading", NULL, false, 0, vd_ns_vol_download),
    CMD(VD_CMD_JOB_CANCEL, "cancel", "Cancelling", NULL, false, 0, vd_ns_job_cancel),
    CMD(VD_CMD_DOM_GRAPHICS, "VNC console", "Opening the console of", NULL, true, DOM,
        vd_dom_graphics),
    CMD(VD_CMD_DOM_SERIAL, "serial console", "Opening the console of", NULL, true, DOM,
        vd_dom_serial),
    CMD(VD_CMD_DOM_SCREENSHOT, "screenshot", "Taking a screenshot of", NULL, true, DOM,
        vd_dom_screenshot),
    CMD(VD_CMD_DOM_CREATE, "create", "Creating", NULL, true, 0, vd_cc_create),
    CMD(VD_CMD_CREATE_FACTS, "read host facts", "Reading", NULL, false, 0, vd_cc_facts),
    CMD(VD_CMD_PATH_EXISTS, "check path", "Reading", NULL, false, 0, vd_cc_path_exists),
    CMD(VD_CMD_NODEDEV_LIST, "list host devices", "Reading", NULL, false, 0,
        vd_cc_nodedev_list),
    CMD(VD_CMD_OS_LIST, "list OS variants", "Reading", NULL, false, 0, vd_cc_os_list),
    CMD(VD_CMD_OS_RECOMMEND, "OS recommendations", "Reading", NULL, false, 0,
        vd_cc_os_recommend),
    CMD(VD_CMD_DOM_MIGRATE, "migrate", "Migrating", NULL, true, DOM, vd_mig_migrate),
    CMD(VD_CMD_JOB_POSTCOPY, "switch to post-copy", "Switching to post-copy", NULL, true, 0,
        vd_ns_job_postcopy),
    CMD(VD_CMD_HOST_EVACUATE, "evacuate", "Evacuating", NULL, true, 0, vd_mig_evacuate),
    CMD(VD_CMD_DSNAP_LIST, "list snapshots", "Reading", NULL, false, DOM, vd_dsnap_cmd_list),
    CMD(VD_CMD_DSNAP_CREATE, "create snapshot", "Taking a snapshot of", NULL, true, DOM,
        vd_dsnap_cmd_create),
    CMD(VD_CMD_DSNAP_REVERT, "revert to snapshot", "Reverting", NULL, true, DOM,
        vd_dsnap_cmd_revert),
    CMD(VD_CMD_DSNAP_DELETE, "delete snapshot", "Deleting a snapshot of", NULL, true, DOM,
        vd_dsnap_cmd_delete),
    CMD(VD_CMD_DSNAP_XML, "snapshot XML", "Reading", NULL, false, DOM, vd_dsnap_cmd_xml),
    CMD(VD_CMD_DOM_CLONE, "clone", "Cloning", NULL, true, DOM, vd_clone_cmd),
};

/* The static description of kind. */
const vd_cmd_info *
vd_cmd_describe(vd_cmd_kind kind)
{
    static const vd_cmd_info unknown = { "unknown command", "Working on", NULL, true };

    if ((int)kind < 0 || kind >= VD_CMD_LAST)
        return &unknown;
    return &commands[kind].info;
}

/* Free what cmd owns; see command.h. */
void
vd_cmd_clear(vd_cmd *cmd)
{
    if (!cmd)
        return;
    free(cmd->str);
    cmd->str = NULL;
    vd_disk_spec_clear(cmd->disk);
    free(cmd->disk);
    cmd->disk = NULL;
    vd_net_spec_clear(cmd->nic);
    free(cmd->nic);
    cmd->nic = NULL;
    if (cmd->data && cmd->data_free)
        cmd->data_free(cmd->data);
    cmd->data = NULL;
    cmd->data_free = NULL;
}

/* Run cmd; see commands_priv.h. */
bool
vd_cmd_run(virConnectPtr conn, bool readonly, const vd_cmd *cmd,
           vd_result *res)
{
    const cmd_entry *entry;
    virDomainPtr dom = NULL;
    const char *name = NULL, *done;
    char *err = NULL;
    int rc;

    if ((int)cmd->kind < 0 || cmd->kind >= VD_CMD_LAST) {
        vd_result_say(res, "unknown command %d", (int)cmd->kind);
        return false;
    }
    entry = &commands[cmd->kind];
    if (readonly && entry->info.writes) {
        vd_result_say(res, "read-only connection: %s refused", entry->info.verb);
        return false;
    }
    if (!entry->run) {
        res->ok = true;
        vd_result_say(res, "%s", entry->info.done);
        return true;
    }
    if (entry->flags & VD_CMDF_DOMAIN) {
        if (!(dom = virDomainLookupByUUIDString(conn, cmd->uuid))) {
            err = vd_err_take("no such domain");
            vd_result_say(res, "%s: %s", entry->info.verb, err);
            free(err);
            return true;        /* our list is stale: re-read it */
        }
        name = virDomainGetName(dom);
    }
    virResetLastError();
    rc = entry->run(conn, dom, cmd, res);
    res->ok = rc >= 0;
    if (!res->message && rc < 0) {
        err = vd_err_take("failed");
        if (name)
            vd_result_say(res, "%s %s: %s", entry->info.verb, name, err);
        else
            vd_result_say(res, "%s: %s", entry->info.verb, err);
    } else if (!res->message) {
        done = entry->info.done ? entry->info.done : "done";
        if (name)
            vd_result_say(res, "%s %s", name, done);
        else
            vd_result_say(res, "%s", done);
    }
    free(err);
    virResetLastError();
    if (dom)
        virDomainFree(dom);
    return rc == VD_RC_DONE || rc == VD_RC_FAILED;
}
