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

typedef int (*dom_fn)(virDomainPtr dom, const vd_cmd *cmd);

typedef struct cmd_entry {
    vd_cmd_info info;
    dom_fn on_domain;           /* operation on the target domain */
    const char *done;           /* said after the domain name on success */
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

/* Set res->message from a printf format. */
static void
set_message(vd_result *res, const char *fmt, ...)
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
        set_message(res, "unknown command %d", (int)cmd->kind);
        return false;
    }
    entry = &commands[cmd->kind];
    if (readonly && entry->info.writes) {
        set_message(res, "read-only connection: %s refused", entry->info.verb);
        return false;
    }
    if (!entry->on_domain) {
        res->ok = true;
        set_message(res, "%s", entry->done);
        return true;
    }
    if (!(dom = virDomainLookupByUUIDString(conn, cmd->uuid))) {
        err = vd_err_take("no such domain");
        set_message(res, "%s: %s", entry->info.verb, err);
        changed = true;         /* our list is stale: re-read it */
        goto cleanup;
    }
    name = virDomainGetName(dom);
    if (entry->on_domain(dom, cmd) < 0) {
        err = vd_err_take("failed");
        set_message(res, "%s %s: %s", entry->info.verb, name, err);
    } else {
        res->ok = true;
        set_message(res, "%s %s", name, entry->done);
    }
    changed = true;

 cleanup:
    free(err);
    if (dom)
        virDomainFree(dom);
    return changed;
}
