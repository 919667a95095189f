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
#include "core/cmd_netpool.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/uri.h"

/* The pool kind for the shared commands (cmd_netpool.h). */
static void *k_lookup(virConnectPtr c, const char *uuid) { return virStoragePoolLookupByUUIDString(c, uuid); }
static const char *k_name(void *o) { return virStoragePoolGetName(o); }
static int k_start(void *o) { return virStoragePoolCreate(o, 0); }
static int k_stop(void *o) { return virStoragePoolDestroy(o); }
static int k_auto(void *o, int on) { return virStoragePoolSetAutostart(o, on); }
static int k_active(void *o) { return virStoragePoolIsActive(o); }
static int k_persistent(void *o) { return virStoragePoolIsPersistent(o); }
static int k_undefine(void *o) { return virStoragePoolUndefine(o); }
static void k_free(void *o) { virStoragePoolFree(o); }

/* Refresh, build, delete: one call each. */
static int
k_other(void *o, vd_cmd_kind kind)
{
    switch (kind) {
    case VD_CMD_POOL_REFRESH:
        return virStoragePoolRefresh(o, 0);
    case VD_CMD_POOL_BUILD:
        return virStoragePoolBuild(o, 0);
    case VD_CMD_POOL_DELETE:
        return virStoragePoolDelete(o, 0);
    default:
        return -1;
    }
}

const vd_np_kind vd_np_pool = {
    "pool", k_lookup, k_name, k_start, k_stop, k_auto, k_active,
    k_persistent, k_undefine, k_other, k_free,
};

/* VD_CMD_POOL_DETAILS. */
int
vd_ns_pool_details(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    virStoragePoolPtr pool = vd_np_lookup(&vd_np_pool, conn, cmd, res, "pool details");
    vd_pool_details *d = NULL;
    virStoragePoolInfo info;
    int autostart = 0;

    if (!pool)
        return vd_cmd_said(res, true);
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
    return vd_cmd_said(res, false);

 fail:
    vd_np_say_err(res, "pool details", virStoragePoolGetName(pool));
    vd_pool_details_free(d);
    virStoragePoolFree(pool);
    return vd_cmd_said(res, false);
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
int
vd_ns_pool_define(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    virStoragePoolPtr pool;
    char *problem, *name, *err;
    const char *step;

    if (!cmd->str || !*cmd->str) {
        vd_result_say(res, "define pool: no XML given");
        return vd_cmd_said(res, false);
    }
    if ((problem = check_new(conn, cmd->str))) {
        vd_result_say(res, "pool not created: %s", problem);
        free(problem);
        return vd_cmd_said(res, false);
    }
    if (!(pool = virStoragePoolDefineXML(conn, cmd->str, 0))) {
        vd_np_say_err(res, "define pool", NULL);
        return vd_cmd_said(res, false);
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
    return vd_cmd_said(res, true);

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
    return vd_cmd_said(res, true);
}
