/*
 * commands.c: the table of operations a worker runs for the UI, one
 * small function per operation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

typedef int (*dom_fn)(virDomainPtr dom, const vd_cmd *cmd);

typedef struct cmd_entry {
    vd_cmd_info info;
    dom_fn on_domain;           /* operation on the target domain */
    const char *done;           /* said after the domain name on success */
    vd_dom_ex_fn on_domain_ex;  /* operation needing conn/result (cmd_domain.c) */
    vd_ns_fn on_netstore;       /* network/pool/volume operation (cmd_netstore.c) */
} cmd_entry;

/* Each domain operation, as the libvirt call behind it. */
static int do_start(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainCreate(d); }
static int do_destroy(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainDestroy(d); }
static int do_shutdown(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainShutdown(d); }
static int do_reboot(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainReboot(d, 0); }
static int do_reset(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainReset(d, 0); }
static int do_suspend(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainSuspend(d); }
static int do_resume(virDomainPtr d, const vd_cmd *c) { (void)c; return virDomainResume(d); }

static const cmd_entry commands[VD_CMD_LAST] = {
    [VD_CMD_DOM_START] = { { "start", true }, do_start, "started" },
    [VD_CMD_DOM_DESTROY] = { { "force off", true }, do_destroy, "forced off" },
    [VD_CMD_DOM_SHUTDOWN] = { { "shut down", true }, do_shutdown,
                              "is shutting down (ACPI power button sent)" },
    [VD_CMD_DOM_REBOOT] = { { "reboot", true }, do_reboot, "is rebooting" },
    [VD_CMD_DOM_RESET] = { { "reset", true }, do_reset, "was reset" },
    [VD_CMD_DOM_SUSPEND] = { { "pause", true }, do_suspend, "paused" },
    [VD_CMD_DOM_RESUME] = { { "resume", true }, do_resume, "resumed" },
    [VD_CMD_REFRESH] = { { "refresh", false }, NULL, "refreshed" },
    [VD_CMD_HOST_CONNECT] = { { "connect", false }, NULL, "connecting" },
    [VD_CMD_HOST_DISCONNECT] = { { "disconnect", false }, NULL, "disconnected" },
    [VD_CMD_DOM_MANAGED_SAVE] = { { "managed save", true }, NULL, "saved and stopped", vd_dom_managed_save },
    [VD_CMD_DOM_RESTORE] = { { "restore", true }, NULL, "restored", vd_dom_restore },
    [VD_CMD_DOM_AUTOSTART] = { { "autostart", true }, NULL, NULL, vd_dom_autostart },
    [VD_CMD_DOM_RENAME] = { { "rename", true }, NULL, NULL, vd_dom_rename },
    [VD_CMD_DOM_UNDEFINE] = { { "undefine", true }, NULL, NULL, vd_dom_undefine },
    [VD_CMD_DOM_SET_VCPUS] = { { "set vCPUs", true }, NULL, NULL, vd_dom_set_vcpus },
    [VD_CMD_DOM_SET_MEMORY] = { { "set memory", true }, NULL, NULL, vd_dom_set_memory },
    [VD_CMD_DOM_CDROM] = { { "change CD-ROM", true }, NULL, NULL, vd_dom_cdrom },
    [VD_CMD_DOM_ATTACH_DISK] = { { "attach disk", true }, NULL, NULL, vd_dom_attach_disk },
    [VD_CMD_DOM_DETACH_DISK] = { { "detach disk", true }, NULL, NULL, vd_dom_detach_disk },
    [VD_CMD_DOM_ATTACH_NIC] = { { "attach NIC", true }, NULL, NULL, vd_dom_attach_nic },
    [VD_CMD_DOM_DETACH_NIC] = { { "detach NIC", true }, NULL, NULL, vd_dom_detach_nic },
    [VD_CMD_DOM_XML] = { { "get XML", false }, NULL, NULL, vd_dom_get_xml },
    [VD_CMD_DOM_DEFINE] = { { "define", true }, NULL, NULL, vd_dom_define },
    [VD_CMD_DOM_DETAILS] = { { "details", false }, NULL, NULL, vd_dom_read_details },
    [VD_CMD_NET_DETAILS] = { { "network details", false }, .on_netstore = vd_ns_net_details },
    [VD_CMD_IFACE_KIND] = { { "check interface", false }, .on_netstore = vd_ns_iface_kind },
    [VD_CMD_NET_START] = { { "start network", true }, .on_netstore = vd_np_command },
    [VD_CMD_NET_STOP] = { { "stop network", true }, .on_netstore = vd_np_command },
    [VD_CMD_NET_AUTOSTART] = { { "network autostart", true }, .on_netstore = vd_np_command },
    [VD_CMD_NET_UNDEFINE] = { { "undefine network", true }, .on_netstore = vd_np_command },
    [VD_CMD_NET_DEFINE] = { { "define network", true }, .on_netstore = vd_ns_net_define },
    [VD_CMD_POOL_DETAILS] = { { "pool details", false }, .on_netstore = vd_ns_pool_details },
    [VD_CMD_POOL_START] = { { "start pool", true }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_STOP] = { { "stop pool", true }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_REFRESH] = { { "refresh pool", false }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_AUTOSTART] = { { "pool autostart", true }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_BUILD] = { { "build pool", true }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_DELETE] = { { "delete pool", true }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_UNDEFINE] = { { "undefine pool", true }, .on_netstore = vd_np_command },
    [VD_CMD_POOL_DEFINE] = { { "define pool", true }, .on_netstore = vd_ns_pool_define },
    [VD_CMD_VOL_LIST] = { { "list volumes", false }, .on_netstore = vd_ns_vol_list },
    [VD_CMD_VOL_CREATE] = { { "create volume", true }, .on_netstore = vd_ns_vol_create },
    [VD_CMD_VOL_DELETE] = { { "delete volume", true }, .on_netstore = vd_ns_vol_delete },
    [VD_CMD_VOL_WIPE] = { { "wipe volume", true }, .on_netstore = vd_ns_vol_wipe },
    [VD_CMD_VOL_RESIZE] = { { "resize volume", true }, .on_netstore = vd_ns_vol_resize },
    [VD_CMD_VOL_CLONE] = { { "clone volume", true }, .on_netstore = vd_ns_vol_clone },
    [VD_CMD_VOL_UPLOAD] = { { "upload", true }, .on_netstore = vd_ns_vol_upload },
    [VD_CMD_VOL_DOWNLOAD] = { { "download", false }, .on_netstore = vd_ns_vol_download },
    [VD_CMD_JOB_CANCEL] = { { "cancel", false }, .on_netstore = vd_ns_job_cancel },
    [VD_CMD_DOM_GRAPHICS] = { { "VNC console", true }, NULL, NULL, vd_dom_graphics },
    [VD_CMD_DOM_SERIAL] = { { "serial console", true }, NULL, NULL, vd_dom_serial },
    [VD_CMD_DOM_SCREENSHOT] = { { "screenshot", true }, NULL, NULL, vd_dom_screenshot },
    [VD_CMD_DOM_CREATE] = { { "create", true }, .on_netstore = vd_cc_create },
    [VD_CMD_CREATE_FACTS] = { { "read host facts", false }, .on_netstore = vd_cc_facts },
    [VD_CMD_PATH_EXISTS] = { { "check path", false }, .on_netstore = vd_cc_path_exists },
    [VD_CMD_OS_LIST] = { { "list OS variants", false }, .on_netstore = vd_cc_os_list },
    [VD_CMD_OS_RECOMMEND] = { { "OS recommendations", false }, .on_netstore = vd_cc_os_recommend },
    [VD_CMD_DOM_MIGRATE] = { { "migrate", true }, .on_netstore = vd_mig_migrate },
    [VD_CMD_JOB_POSTCOPY] = { { "switch to post-copy", true }, .on_netstore = vd_ns_job_postcopy },
    [VD_CMD_HOST_EVACUATE] = { { "evacuate", true }, .on_netstore = vd_mig_evacuate },
    [VD_CMD_DSNAP_LIST] = { { "list snapshots", false }, NULL, NULL, vd_dsnap_cmd_list },
    [VD_CMD_DSNAP_CREATE] = { { "create snapshot", true }, NULL, NULL, vd_dsnap_cmd_create },
    [VD_CMD_DSNAP_REVERT] = { { "revert to snapshot", true }, NULL, NULL, vd_dsnap_cmd_revert },
    [VD_CMD_DSNAP_DELETE] = { { "delete snapshot", true }, NULL, NULL, vd_dsnap_cmd_delete },
    [VD_CMD_DSNAP_XML] = { { "snapshot XML", false }, NULL, NULL, vd_dsnap_cmd_xml },
    [VD_CMD_DOM_CLONE] = { { "clone", true }, NULL, NULL, vd_clone_cmd },
};

/* The static description of kind. */
const vd_cmd_info *
vd_cmd_describe(vd_cmd_kind kind)
{
    static const vd_cmd_info unknown = { "unknown command", true };

    if ((int)kind < 0 || kind >= VD_CMD_LAST)
        return &unknown;
    return &commands[kind].info;
}

/* Free what cmd owns; see command.h. */
void
vd_cmd_clear(vd_cmd *cmd)
{
    free(cmd->str);
    cmd->str = NULL;
    vd_disk_spec_clear(cmd->disk);
    free(cmd->disk);
    cmd->disk = NULL;
    vd_net_spec_clear(cmd->nic);
    free(cmd->nic);
    cmd->nic = NULL;
}

/* Free a result. */
void
vd_result_free(vd_result *res)
{
    if (!res)
        return;
    free(res->message);
    free(res->text);
    if (res->data && res->data_free)
        res->data_free(res->data);
    if (res->fd >= 0)
        close(res->fd);
    free(res);
}

/* A blank result answering cmd. */
vd_result *
vd_result_new(const vd_cmd *cmd, unsigned long long id, int host_id)
{
    vd_result *res = calloc(1, sizeof(*res));

    if (!res)
        return NULL;
    res->id = id;
    res->fd = -1;
    res->host_id = host_id;
    res->kind = cmd->kind;
    memcpy(res->uuid, cmd->uuid, sizeof(res->uuid));
    res->uuid[VD_UUID_LEN - 1] = '\0';
    return res;
}

/* Set res->message from a printf format, replacing any. */
void
vd_result_say(vd_result *res, const char *fmt, ...)
{
    va_list ap;

    free(res->message);
    res->message = NULL;
    va_start(ap, fmt);
    if (vasprintf(&res->message, fmt, ap) < 0)
        res->message = NULL;
    va_end(ap);
}

/* Run cmd; see commands_priv.h. */
bool
vd_cmd_run(virConnectPtr conn, bool readonly, const vd_cmd *cmd,
           vd_result *res)
{
    const cmd_entry *entry;
    virDomainPtr dom = NULL;
    const char *name;
    char *err = NULL;
    bool changed = false;

    if ((int)cmd->kind < 0 || cmd->kind >= VD_CMD_LAST) {
        vd_result_say(res, "unknown command %d", (int)cmd->kind);
        return false;
    }
    entry = &commands[cmd->kind];
    if (readonly && entry->info.writes) {
        vd_result_say(res, "read-only connection: %s refused", entry->info.verb);
        return false;
    }
    if (entry->on_netstore)
        return entry->on_netstore(conn, cmd, res);
    if (entry->on_domain_ex)
        return vd_cmd_run_ex(conn, cmd, res, entry->info.verb,
                             entry->done, entry->on_domain_ex);
    if (!entry->on_domain) {
        res->ok = true;
        vd_result_say(res, "%s", entry->done);
        return true;
    }
    if (!(dom = virDomainLookupByUUIDString(conn, cmd->uuid))) {
        err = vd_err_take("no such domain");
        vd_result_say(res, "%s: %s", entry->info.verb, err);
        changed = true;         /* our list is stale: re-read it */
        goto cleanup;
    }
    name = virDomainGetName(dom);
    if (entry->on_domain(dom, cmd) < 0) {
        err = vd_err_take("failed");
        vd_result_say(res, "%s %s: %s", entry->info.verb, name, err);
    } else {
        res->ok = true;
        vd_result_say(res, "%s %s", name, entry->done);
    }
    changed = true;

 cleanup:
    free(err);
    if (dom)
        virDomainFree(dom);
    return changed;
}
