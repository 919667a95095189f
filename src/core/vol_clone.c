/*
 * vol_clone.c: cloning a volume (virStorageVolCreateXMLFrom) as a long
 * job with progress. The copy is one blocking libvirt call, so it runs
 * on a helper thread while the job thread watches the new volume grow
 * (its allocation against the source's size) and reports that. libvirt
 * removes a failed copy itself and offers no way to stop one, so a
 * clone cannot be cancelled.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/core.h"
#include "virtdeck/netstore.h"
#include "core/commands_priv.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/jobs_priv.h"
#include "core/leftovers.h"
#include "core/watched_call.h"
#include "core/xml_read.h"

typedef struct vol_clone {
    virStoragePoolPtr pool;
    virStorageVolPtr src;
    char *xml;                  /* the new volume */
    char *name;

    bool made;                  /* the helper's outcome */
    char *err;
} vol_clone;

/* Free a clone. */
static void
clone_free(void *p)
{
    vol_clone *c = p;

    if (!c)
        return;
    if (c->src)
        virStorageVolFree(c->src);
    if (c->pool)
        virStoragePoolFree(c->pool);
    free(c->xml);
    free(c->name);
    free(c->err);
    free(c);
}

/* On the helper thread (watched_call.h): the blocking copy. */
static void
clone_call(void *opaque)
{
    vol_clone *c = opaque;
    virStorageVolPtr vol = virStorageVolCreateXMLFrom(c->pool, c->xml, c->src, 0);

    c->made = vol != NULL;
    if (vol)
        virStorageVolFree(vol);
    else
        c->err = vd_err_take("the copy failed");
}

/* How much of the new volume exists so far (0 when unknown). */
static unsigned long long
copied(vol_clone *c)
{
    virStorageVolPtr vol = virStorageVolLookupByName(c->pool, c->name);
    virStorageVolInfo info;
    unsigned long long n = 0;

    /* allocation, not the physical size: the file may be truncated to
     * its full size before the copy fills it */
    if (vol && virStorageVolGetInfo(vol, &info) == 0)
        n = info.allocation;
    if (vol)
        virStorageVolFree(vol);
    virResetLastError();
    return n;
}

/* The job: start the copy, watch it, report. */
static int
clone_run(vd_job *j, char **err)
{
    vol_clone *c = j->priv;
    vd_watched w;

    if (vd_watched_start(&w, clone_call, c) < 0) {
        *err = strdup("could not start a thread");
        return -1;
    }
    while (!vd_watched_wait(&w, VD_PROGRESS_PERIOD_MS)) {
        unsigned long long n = copied(c);

        if (n > 0)
            vd_job_set_done(j, n < j->p.total ? n : j->p.total);
    }
    if (!c->made) {
        *err = c->err;
        c->err = NULL;
        return -1;
    }
    j->p.done = j->p.total;
    return 0;
}

/* After a failure: libvirt removes a failed copy itself, unless the
 * daemon died in the middle: then remove the new volume once back. */
static const char *
clone_undo(vd_job *j)
{
    vol_clone *c = j->priv;

    if (!vd_conn_lost(j->conn))
        return NULL;
    vd_leftover_volume(j->p.host_id, j->p.kind, virStoragePoolGetName(c->pool),
                       c->name, "the partial copy of the interrupted clone");
    return "the connection was lost: the partial copy will be deleted when "
           "the host is connected again";
}

static const vd_job_ops clone_ops = {
    .run = clone_run,
    .undo = clone_undo,
    .free = clone_free,
    .cancellable = false,
};

/* The name in a volume XML (malloc'ed) or NULL. */
static char *
xml_name(const char *xml)
{
    return vd_xr_doc_str(xml, "string(/volume/name)");
}

/* VD_CMD_VOL_CLONE: str = args2(source volume, new volume XML). */
int
vd_ns_vol_clone(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                vd_result *res)
{
    vol_clone *c = calloc(1, sizeof(*c));
    virStoragePoolInfo pinfo;
    virStorageVolInfo vinfo;
    virStorageVolPtr other;
    char *problem = NULL, *err;
    const char *src;
    vd_job *j = NULL;

    if (!c) {
        vd_result_say(res, "clone volume: out of memory");
        return vd_cmd_said(res, false);
    }
    if (!cmd->str || !*cmd->str) {
        vd_result_say(res, "clone volume: no volume given");
        goto fail;
    }
    src = cmd->str;
    if (!(c->xml = strdup(vd_cmd_arg2(cmd->str))) || !(c->name = xml_name(c->xml))) {
        vd_result_say(res, "clone volume: the new volume's XML has no name");
        goto fail;
    }
    if (!(c->pool = virStoragePoolLookupByUUIDString(conn, cmd->uuid))) {
        err = vd_err_take("no such pool");
        vd_result_say(res, "clone volume: %s", err);
        free(err);
        goto fail;
    }
    if (!(c->src = virStorageVolLookupByName(c->pool, src))) {
        virResetLastError();
        vd_result_say(res, "clone volume: pool %s has no volume '%s'",
                  virStoragePoolGetName(c->pool), src);
        goto fail;
    }
    if ((other = virStorageVolLookupByName(c->pool, c->name))) {
        virStorageVolFree(other);
        vd_result_say(res, "clone volume: pool %s already has a volume '%s'",
                  virStoragePoolGetName(c->pool), c->name);
        goto fail;
    }
    virResetLastError();
    if (virStoragePoolGetInfo(c->pool, &pinfo) < 0 ||
        virStorageVolGetInfo(c->src, &vinfo) < 0) {
        err = vd_err_take("failed");
        vd_result_say(res, "clone volume %s: %s", src, err);
        free(err);
        goto fail;
    }
    if ((problem = vd_check_volume_fits(vinfo.allocation ? vinfo.allocation : 1,
                                        virStoragePoolGetName(c->pool),
                                        pinfo.available))) {
        vd_result_say(res, "volume %s not created: the copy of %s needs %s", c->name,
                  src, problem);
        free(problem);
        goto fail;
    }
    if (!(j = vd_job_new(conn, &clone_ops, c))) {
        vd_result_say(res, "clone volume: out of memory");
        return vd_cmd_said(res, false);           /* c freed by vd_job_new */
    }
    j->p.total = vinfo.allocation;
    if (asprintf(&j->p.what, "clone %s/%s to %s", virStoragePoolGetName(c->pool),
                 src, c->name) < 0)
        j->p.what = NULL;
    vd_result_say(res, "%s: started", j->p.what ? j->p.what : "clone");
    if (vd_job_start(j, res) < 0) {
        vd_result_say(res, "clone volume: could not start a thread");
        vd_job_discard(j);
        return vd_cmd_said(res, false);
    }
    return vd_cmd_said(res, true);

 fail:
    clone_free(c);
    virResetLastError();
    return vd_cmd_said(res, false);
}
