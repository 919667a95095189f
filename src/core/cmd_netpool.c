/*
 * cmd_netpool.c: the commands networks and storage pools share
 * (cmd_netpool.h), run through each kind's vd_np_kind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmd_netpool.h"
#include "core/commands_priv.h"
#include "core/errors.h"

/* Say "VERB NAME: libvirt's message" and fail. */
void
vd_np_say_err(vd_result *res, const char *verb, const char *name)
{
    char *err = vd_err_take("failed");

    res->ok = false;
    if (name)
        vd_result_say(res, "%s %s: %s", verb, name, err);
    else
        vd_result_say(res, "%s: %s", verb, err);
    free(err);
}

/* The command's object, or NULL after saying why. */
void *
vd_np_lookup(const vd_np_kind *k, virConnectPtr conn, const vd_cmd *cmd,
             vd_result *res, const char *verb)
{
    void *obj = k->lookup(conn, cmd->uuid);

    if (!obj)
        vd_np_say_err(res, verb, NULL);
    return obj;
}

typedef enum { NP_START, NP_STOP, NP_AUTOSTART, NP_UNDEFINE, NP_OTHER } np_op;

/* The shared commands: which kind, what to do (their words are in
 * the command table). */
static const struct {
    vd_cmd_kind cmd;
    const vd_np_kind *kind;
    np_op op;
} shared[] = {
    { VD_CMD_NET_START, &vd_np_network, NP_START },
    { VD_CMD_NET_STOP, &vd_np_network, NP_STOP },
    { VD_CMD_NET_AUTOSTART, &vd_np_network, NP_AUTOSTART },
    { VD_CMD_NET_UNDEFINE, &vd_np_network, NP_UNDEFINE },
    { VD_CMD_POOL_START, &vd_np_pool, NP_START },
    { VD_CMD_POOL_STOP, &vd_np_pool, NP_STOP },
    { VD_CMD_POOL_AUTOSTART, &vd_np_pool, NP_AUTOSTART },
    { VD_CMD_POOL_UNDEFINE, &vd_np_pool, NP_UNDEFINE },
    { VD_CMD_POOL_REFRESH, &vd_np_pool, NP_OTHER },
    { VD_CMD_POOL_BUILD, &vd_np_pool, NP_OTHER },
    { VD_CMD_POOL_DELETE, &vd_np_pool, NP_OTHER },
};

/* Run op on obj. Undefine stops an active object first (it would
 * otherwise stay as a transient one). */
static int
run_op(const vd_np_kind *k, np_op op, void *obj, const vd_cmd *cmd)
{
    switch (op) {
    case NP_START:
        return k->start(obj);
    case NP_STOP:
        return k->stop(obj);
    case NP_AUTOSTART:
        return k->set_autostart(obj, cmd->num != 0);
    case NP_UNDEFINE:
        if (k->is_active(obj) == 1 && k->stop(obj) < 0)
            return -1;
        return k->is_persistent(obj) == 1 ? k->undefine(obj) : 0;
    case NP_OTHER:
        return k->other ? k->other(obj, cmd->kind) : -1;
    }
    return -1;
}

/* Run a shared command. */
int
vd_np_command(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
              vd_result *res)
{
    const vd_cmd_info *info = vd_cmd_describe(cmd->kind);
    const char *verb = info->verb, *done;
    const vd_np_kind *k = NULL;
    np_op op = NP_START;
    char *name;
    void *obj;
    size_t i;
    int rc;

    for (i = 0; i < sizeof(shared) / sizeof(shared[0]); i++)
        if (shared[i].cmd == cmd->kind)
            break;
    if (i == sizeof(shared) / sizeof(shared[0])) {
        vd_result_say(res, "%s: not a network or pool command", verb);
        return VD_RC_REFUSED;
    }
    k = shared[i].kind;
    op = shared[i].op;
    done = info->done ? info->done : cmd->num ? "will start with the host"
                                              : "will not start with the host";
    if (!(obj = vd_np_lookup(k, conn, cmd, res, verb)))
        return VD_RC_FAILED;    /* our list may be stale: re-read it */
    name = strdup(k->name(obj));
    if ((rc = run_op(k, op, obj, cmd)) < 0)
        vd_np_say_err(res, verb, name);
    else
        vd_result_say(res, "%s %s %s", k->noun, name, done);
    free(name);
    k->free(obj);
    return rc < 0 ? VD_RC_FAILED : VD_RC_DONE;
}
