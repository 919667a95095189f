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
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/core.h"
#include "virtdeck/netstore.h"
#include "core/commands_priv.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/jobs_priv.h"
#include "core/leftovers.h"

typedef struct vol_clone {
    virStoragePoolPtr pool;
    virStorageVolPtr src;
    char *xml;                  /* the new volume */
    char *name;

    pthread_mutex_t lock;       /* the helper's outcome */
    pthread_cond_t cond;
    bool finished;
    bool made;
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
    pthread_cond_destroy(&c->cond);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

/* The helper thread: the blocking copy. */
static void *
clone_call(void *opaque)
{
    vol_clone *c = opaque;
    virStorageVolPtr vol;
    char *err = NULL;

    vd_err_quiet_thread();
    vol = virStorageVolCreateXMLFrom(c->pool, c->xml, c->src, 0);
    if (vol)
        virStorageVolFree(vol);
    else
        err = vd_err_take("the copy failed");
    pthread_mutex_lock(&c->lock);
    c->made = vol != NULL;
    c->err = err;
    c->finished = true;
    pthread_cond_broadcast(&c->cond);
    pthread_mutex_unlock(&c->lock);
    return NULL;
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
    pthread_t helper;
    bool finished = false;

    if (pthread_create(&helper, NULL, clone_call, c) != 0) {
        *err = strdup("could not start a thread");
        return -1;
    }
    while (!finished) {
        struct timespec ts;
        unsigned long long n;

        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += VD_PROGRESS_PERIOD_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&c->lock);
        if (!c->finished)
            pthread_cond_timedwait(&c->cond, &c->lock, &ts);
        finished = c->finished;
        pthread_mutex_unlock(&c->lock);
        if (!finished && (n = copied(c)) > 0)
            vd_job_set_done(j, n < j->p.total ? n : j->p.total);
    }
    pthread_join(helper, NULL);
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
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "vol.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    xmlXPathContextPtr ctxt = doc ? xmlXPathNewContext(doc) : NULL;
    xmlXPathObjectPtr obj = ctxt ? xmlXPathEvalExpression(BAD_CAST "string(/volume/name)",
                                                          ctxt) : NULL;
    char *ret = NULL;

    if (obj && obj->type == XPATH_STRING && obj->stringval && obj->stringval[0])
        ret = strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return ret;
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
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cond, NULL);
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
