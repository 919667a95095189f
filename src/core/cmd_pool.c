/*
 * cmd_pool.c: storage pool commands run by a host worker: details,
 * start, stop, refresh, autostart, build, delete, undefine, and define
 * from XML (checked first; a failing build or start undefines it again).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/uri.h>

#include "virtdeck/netstore.h"
#include "core/commands_priv.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/uri.h"

/* Say "VERB NAME: libvirt's message" and fail. */
static void
say_err(vd_result *res, const char *verb, const char *name)
{
    char *err = vd_err_take("failed");

    res->ok = false;
    if (name)
        vd_result_say(res, "%s %s: %s", verb, name, err);
    else
        vd_result_say(res, "%s: %s", verb, err);
    free(err);
}

/* The command's pool, or NULL after saying why. */
static virStoragePoolPtr
lookup(virConnectPtr conn, const vd_cmd *cmd, vd_result *res, const char *verb)
{
    virStoragePoolPtr pool = virStoragePoolLookupByUUIDString(conn, cmd->uuid);

    if (!pool)
        say_err(res, verb, NULL);
    return pool;
}

/* VD_CMD_POOL_DETAILS. */
bool
vd_ns_pool_details(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    virStoragePoolPtr pool = lookup(conn, cmd, res, "pool details");
    vd_pool_details *d = NULL;
    virStoragePoolInfo info;
    int autostart = 0;

    if (!pool)
        return true;
    if (!(d = calloc(1, sizeof(*d))))
        goto fail;
    virStoragePoolGetUUIDString(pool, d->uuid);
    d->name = strdup(virStoragePoolGetName(pool));
    d->persistent = virStoragePoolIsPersistent(pool) == 1;
    if (virStoragePoolGetAutostart(pool, &autostart) == 0)
        d->autostart = autostart;
    if (virStoragePoolGetInfo(pool, &info) < 0)
        goto fail;
    d->state = (vd_pool_state)info.state;
    d->capacity = info.capacity;
    d->allocation = info.allocation;
    d->available = info.available;
    if (!(d->xml = virStoragePoolGetXMLDesc(pool, 0)) ||
        vd_pool_details_parse(d->xml, d) < 0)
        goto fail;
    res->ok = true;
    res->data = d;
    res->data_free = (void (*)(void *))vd_pool_details_free;
    vd_result_say(res, "pool %s: %s, target %s", d->name, d->type ? d->type : "?",
              d->target ? d->target : "-");
    virStoragePoolFree(pool);
    return false;

 fail:
    say_err(res, "pool details", virStoragePoolGetName(pool));
    vd_pool_details_free(d);
    virStoragePoolFree(pool);
    return false;
}

typedef int (*pool_op)(virStoragePoolPtr pool, const vd_cmd *cmd);

/* Run op on the command's pool and say done or libvirt's error. */
static bool
simple(virConnectPtr conn, const vd_cmd *cmd, vd_result *res, pool_op op,
       const char *verb, const char *done)
{
    virStoragePoolPtr pool = lookup(conn, cmd, res, verb);
    char *name;

    if (!pool)
        return true;
    name = strdup(virStoragePoolGetName(pool));
    if (op(pool, cmd) < 0) {
        say_err(res, verb, name);
    } else {
        res->ok = true;
        vd_result_say(res, "pool %s %s", name, done);
    }
    free(name);
    virStoragePoolFree(pool);
    return true;
}

static int op_start(virStoragePoolPtr p, const vd_cmd *c) { (void)c; return virStoragePoolCreate(p, 0); }
static int op_stop(virStoragePoolPtr p, const vd_cmd *c) { (void)c; return virStoragePoolDestroy(p); }
static int op_refresh(virStoragePoolPtr p, const vd_cmd *c) { (void)c; return virStoragePoolRefresh(p, 0); }
static int op_auto(virStoragePoolPtr p, const vd_cmd *c) { return virStoragePoolSetAutostart(p, c->num != 0); }
static int op_build(virStoragePoolPtr p, const vd_cmd *c) { (void)c; return virStoragePoolBuild(p, 0); }
static int op_delete(virStoragePoolPtr p, const vd_cmd *c) { (void)c; return virStoragePoolDelete(p, 0); }

/* Undefine; an active pool is stopped first (it would otherwise stay
 * as a transient one). */
static int
op_undefine(virStoragePoolPtr p, const vd_cmd *c)
{
    (void)c;
    if (virStoragePoolIsActive(p) == 1 && virStoragePoolDestroy(p) < 0)
        return -1;
    if (virStoragePoolIsPersistent(p) == 1)
        return virStoragePoolUndefine(p);
    return 0;
}

/* VD_CMD_POOL_START. */
bool
vd_ns_pool_start(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_start, "start pool", "started");
}

/* VD_CMD_POOL_STOP. */
bool
vd_ns_pool_stop(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_stop, "stop pool", "stopped");
}

/* VD_CMD_POOL_REFRESH. */
bool
vd_ns_pool_refresh(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_refresh, "refresh pool", "refreshed");
}

/* VD_CMD_POOL_AUTOSTART. */
bool
vd_ns_pool_autostart(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_auto, "pool autostart",
                  cmd->num ? "will start with the host" : "will not start with the host");
}

/* VD_CMD_POOL_BUILD. */
bool
vd_ns_pool_build(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_build, "build pool", "built");
}

/* VD_CMD_POOL_DELETE. */
bool
vd_ns_pool_delete(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_delete, "delete pool",
                  "deleted (its storage is gone)");
}

/* VD_CMD_POOL_UNDEFINE. */
bool
vd_ns_pool_undefine(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    return simple(conn, cmd, res, op_undefine, "undefine pool", "undefined");
}

/* The checks of a new pool's XML; NULL when fine, else a message. */
static char *
check_new(virConnectPtr conn, const char *xml)
{
    vd_pool_details *d = calloc(1, sizeof(*d));
    virStoragePoolPtr other;
    char *problem = NULL;
    struct stat st;
    bool known = false, exists = false, is_dir = false;
    int type;

    if (!d)
        return strdup("out of memory");
    if (vd_pool_details_parse(xml, d) < 0 || !d->name) {
        vd_pool_details_free(d);
        return strdup("the text is not a storage pool XML document");
    }
    if ((other = virStoragePoolLookupByName(conn, d->name))) {
        virStoragePoolFree(other);
        if (asprintf(&problem, "a pool named '%s' already exists", d->name) < 0)
            problem = NULL;
        goto cleanup;
    }
    virResetLastError();
    type = vd_pool_type_parse(d->type);
    if (type == VD_POOLTYPE_DIR || type == VD_POOLTYPE_FS ||
        type == VD_POOLTYPE_NETFS) {
        if (d->target && vd_conn_is_local(conn)) {
            known = true;
            exists = stat(d->target, &st) == 0;
            is_dir = exists && S_ISDIR(st.st_mode);
        }
        problem = vd_check_pool_target((vd_pool_type)type, d->target, known,
                                       exists, is_dir);
    }

 cleanup:
    vd_pool_details_free(d);
    return problem;
}

/* VD_CMD_POOL_DEFINE: check, define, build, start, autostart; a failing
 * step undefines the pool again. */
bool
vd_ns_pool_define(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    virStoragePoolPtr pool;
    char *problem, *name, *err;
    const char *step;

    if (!cmd->str || !*cmd->str) {
        vd_result_say(res, "define pool: no XML given");
        return false;
    }
    if ((problem = check_new(conn, cmd->str))) {
        vd_result_say(res, "pool not created: %s", problem);
        free(problem);
        return false;
    }
    if (!(pool = virStoragePoolDefineXML(conn, cmd->str, 0))) {
        say_err(res, "define pool", NULL);
        return false;
    }
    name = strdup(virStoragePoolGetName(pool));
    step = "build pool";
    if ((cmd->flags & VD_POOLDEF_BUILD) && virStoragePoolBuild(pool, 0) < 0)
        goto undo;
    step = "start pool";
    if ((cmd->flags & VD_POOLDEF_START) && virStoragePoolCreate(pool, 0) < 0)
        goto undo;
    step = "pool autostart";
    if ((cmd->flags & VD_POOLDEF_AUTOSTART) &&
        virStoragePoolSetAutostart(pool, 1) < 0)
        goto undo;
    res->ok = true;
    vd_result_say(res, "pool %s %s", name ? name : "",
              (cmd->flags & VD_POOLDEF_START) ? "defined and started" : "defined");
    virStoragePoolGetUUIDString(pool, res->uuid);
    free(name);
    virStoragePoolFree(pool);
    return true;

 undo:
    err = vd_err_take("failed");
    if (virStoragePoolIsActive(pool) == 1)
        virStoragePoolDestroy(pool);
    virStoragePoolUndefine(pool);
    virResetLastError();
    vd_result_say(res, "%s %s: %s (the pool was removed again)", step,
              name ? name : "", err);
    free(err);
    free(name);
    virStoragePoolFree(pool);
    return true;
}
