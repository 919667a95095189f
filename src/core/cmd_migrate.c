/*
 * cmd_migrate.c: migration and evacuation as jobs (cmd_migrate.h). The
 * worker only reads the options and the domain's name and starts the
 * job; the job thread opens its own connections to the source and the
 * destination, checks (vd_migrate_check), then migrates
 * (vd_migrate_run) and reports. An evacuation runs up to N such
 * migrations at once on threads of its own.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/migrate.h"
#include "virtdeck/uriinfo.h"
#include "core/cmd_migrate.h"
#include "core/commands_priv.h"
#include "core/errors.h"
#include "core/jobs_priv.h"
#include "core/migrate.h"

/* ---- one migration, with its own connections ------------------------------- */

typedef struct one {
    vd_migrate_opts o;
    char uuid[VD_UUID_LEN];
    /* steering, read by vd_migrate_run's callbacks */
    vd_job *job;                /* a single migration's job, or NULL */
    int *cancel;                /* an evacuation's flag, or NULL */
    /* what the evacuation shows */
    vd_migrate_stats last;
    pthread_mutex_t *lock;      /* guards last when shared */
} one;

/* Callbacks of vd_migrate_run for a job. */
static void
one_progress(const vd_migrate_stats *st, void *opaque)
{
    one *m = opaque;
    vd_job *j = m->job;

    if (m->lock) {
        pthread_mutex_lock(m->lock);
        m->last = *st;
        pthread_mutex_unlock(m->lock);
    }
    if (!j)
        return;
    j->p.done = st->processed;
    j->p.total = st->total;
    j->p.remaining = st->remaining;
    j->p.rate = st->rate;
    j->p.dirty_rate = st->dirty_rate;
    j->p.iteration = st->iteration;
    j->p.downtime_ms = st->downtime_ms;
    j->p.eta_ms = st->eta_ms;
    snprintf(j->p.phase, sizeof(j->p.phase), "%s", st->phase);
    vd_job_report(j);
}

static bool
one_cancelled(void *opaque)
{
    one *m = opaque;

    if (m->job)
        return vd_job_cancelled(m->job);
    return m->cancel && __atomic_load_n(m->cancel, __ATOMIC_ACQUIRE);
}

static bool
one_postcopy(void *opaque)
{
    one *m = opaque;

    return m->job && vd_job_postcopy_requested(m->job);
}

/* Open, check, migrate. 0 done, 1 cancelled, -1 failed (*err). *name
 * gets the domain's name when found (malloc'ed). */
static int
one_run(one *m, char **name, char **err)
{
    virConnectPtr src = NULL, dst = NULL;
    virDomainPtr dom = NULL;
    vd_migrate_ctl ctl = { one_progress, one_cancelled, one_postcopy, m };
    char *why = NULL;
    int rc = -1;

    if (!(src = virConnectOpen(m->o.src_uri))) {
        char *e = vd_err_take("cannot connect");
        if (asprintf(err, "source %s: %s", m->o.src_uri, e) < 0)
            *err = NULL;
        free(e);
        goto cleanup;
    }
    if (!(dom = virDomainLookupByUUIDString(src, m->uuid))) {
        *err = vd_err_take("no such domain on the source");
        goto cleanup;
    }
    if (name && !*name)
        *name = strdup(virDomainGetName(dom));
    if (!(dst = virConnectOpen(m->o.dest_uri)) && !(m->o.flags & VD_MIG_P2P)) {
        char *e = vd_err_take("cannot connect");
        if (asprintf(err, "destination %s: %s", m->o.dest_uri, e) < 0)
            *err = NULL;
        free(e);
        goto cleanup;
    }
    virResetLastError();
    if ((why = vd_migrate_check(src, dom, dst, &m->o))) {
        if (asprintf(err, "refused: %s", why) < 0)
            *err = NULL;
        goto cleanup;
    }
    if (one_cancelled(m)) {
        rc = 1;
        goto cleanup;
    }
    rc = vd_migrate_run(src, dom, dst, &m->o, &ctl, err);
    if (rc < 0) {               /* say what became of the guest */
        char *where = vd_migrate_whereabouts(src, dom, dst), *joined = NULL;

        if (where && asprintf(&joined, "%s; %s", *err ? *err : "failed", where) >= 0) {
            free(*err);
            *err = joined;
        }
        free(where);
    }

 cleanup:
    free(why);
    if (dom)
        virDomainFree(dom);
    if (dst)
        virConnectClose(dst);
    if (src)
        virConnectClose(src);
    virResetLastError();
    return rc;
}

/* Free a single migration. */
static void
one_free(void *p)
{
    one *m = p;

    if (!m)
        return;
    vd_migrate_opts_clear(&m->o);
    free(m);
}

/* The job of VD_CMD_DOM_MIGRATE. */
static int
migrate_run(vd_job *j, char **err)
{
    one *m = j->priv;
    int rc;

    m->job = j;
    snprintf(j->p.phase, sizeof(j->p.phase), "checking");
    rc = one_run(m, NULL, err);
    if (rc == 0) {
        snprintf(j->p.phase, sizeof(j->p.phase), "done");
        j->p.remaining = 0;
        j->p.eta_ms = 0;
    }
    return rc;
}

static const vd_job_ops migrate_ops = {
    .run = migrate_run,
    .free = one_free,
    .cancellable = true,
};

/* The source URI: the options' or the worker's connection's. */
static int
fill_src_uri(virConnectPtr conn, vd_migrate_opts *o)
{
    char *uri;

    if (o->src_uri && *o->src_uri)
        return 0;
    if (!(uri = virConnectGetURI(conn))) {
        virResetLastError();
        return -1;
    }
    free(o->src_uri);
    o->src_uri = uri;
    return 0;
}

/* VD_CMD_DOM_MIGRATE: dom = the domain (VD_CMDF_DOMAIN), str = the
 * options. */
int
vd_mig_migrate(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
               vd_result *res)
{
    one *m = calloc(1, sizeof(*m));
    char *problem = NULL, *dest_label;
    vd_job *j;

    if (!m) {
        vd_result_say(res, "migrate: out of memory");
        return vd_cmd_said(res, false);
    }
    if (vd_migrate_opts_parse(cmd->str, &m->o) < 0) {
        vd_result_say(res, "migrate: malformed options");
        goto fail;
    }
    if (fill_src_uri(conn, &m->o) < 0) {
        vd_result_say(res, "migrate: cannot tell the source's URI");
        goto fail;
    }
    if ((problem = vd_migrate_opts_check(&m->o))) {
        vd_result_say(res, "migrate: %s", problem);
        goto fail;
    }
    snprintf(m->uuid, sizeof(m->uuid), "%s", cmd->uuid);
    if (!(j = vd_job_new(conn, &migrate_ops, m))) {
        vd_result_say(res, "migrate: out of memory");
        return vd_cmd_said(res, false);           /* m freed by vd_job_new */
    }
    j->p.migration = true;
    j->p.postcopy_allowed = (m->o.flags & VD_MIG_POSTCOPY) && !(m->o.flags & VD_MIG_OFFLINE);
    j->p.downtime_ms = -1;
    j->p.eta_ms = -1;
    snprintf(j->p.phase, sizeof(j->p.phase), "starting");
    /* the destination's short label (the host name), not its whole URI */
    dest_label = vd_uri_label(m->o.dest_uri);
    if (asprintf(&j->p.what, "migrate %s to %s", virDomainGetName(dom),
                 dest_label ? dest_label : m->o.dest_uri) < 0)
        j->p.what = NULL;
    free(dest_label);
    vd_result_say(res, "%s: started", j->p.what ? j->p.what : "migrate");
    if (vd_job_start(j, res) < 0) {
        vd_result_say(res, "migrate: could not start a thread");
        vd_job_discard(j);
        return vd_cmd_said(res, false);
    }
    return vd_cmd_said(res, false);

 fail:
    free(problem);
    one_free(m);
    virResetLastError();
    return vd_cmd_said(res, false);
}

/* ---- evacuation -------------------------------------------------------------- */

typedef struct evac {
    vd_evacuate e;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int cancel;                 /* atomic: abort the running ones */
    int next;                   /* next item to start */
    int running, finished, moved;
    bool failed;                /* a migration failed */
    one *ones;                  /* per item */
    char **names;               /* per item, when known */
    char **results;             /* per item: "moved" or the error */
} evac;

/* Free an evacuation. */
static void
evac_free(void *p)
{
    evac *v = p;
    int i;

    if (!v)
        return;
    for (i = 0; v->ones && i < v->e.n_items; i++) {
        vd_migrate_opts_clear(&v->ones[i].o);
        free(v->names[i]);
        free(v->results[i]);
    }
    free(v->ones);
    free(v->names);
    free(v->results);
    vd_evacuate_clear(&v->e);
    pthread_cond_destroy(&v->cond);
    pthread_mutex_destroy(&v->lock);
    free(v);
}

typedef struct evac_arg {
    evac *v;
    int i;
} evac_arg;

/* One item's thread. */
static void *
evac_item(void *opaque)
{
    evac_arg *a = opaque;
    evac *v = a->v;
    int i = a->i, rc;
    char *err = NULL, *name = NULL, *result = NULL;

    free(a);
    vd_err_quiet_thread();
    rc = one_run(&v->ones[i], &name, &err);
    if (rc == 0)
        result = strdup("moved");
    else if (rc > 0)
        result = strdup("cancelled");
    else
        result = err ? strdup(err) : strdup("failed");
    free(err);
    pthread_mutex_lock(&v->lock);
    if (!v->names[i])
        v->names[i] = name;
    else
        free(name);
    v->results[i] = result;
    v->running--;
    v->finished++;
    if (rc == 0)
        v->moved++;
    else
        v->failed = true;
    pthread_cond_broadcast(&v->cond);
    pthread_mutex_unlock(&v->lock);
    return NULL;
}

/* Start as many items as allowed (lock held). */
static void
evac_launch(evac *v)
{
    while (v->running < v->e.parallel && v->next < v->e.n_items &&
           !(v->failed && v->e.stop_on_failure) &&
           !__atomic_load_n(&v->cancel, __ATOMIC_ACQUIRE)) {
        evac_arg *a = malloc(sizeof(*a));
        pthread_attr_t attr;
        pthread_t t;
        int i = v->next++;

        if (!a) {
            v->results[i] = strdup("out of memory");
            v->finished++;
            v->failed = true;
            continue;
        }
        a->v = v;
        a->i = i;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, &attr, evac_item, a) != 0) {
            free(a);
            v->results[i] = strdup("could not start a thread");
            v->finished++;
            v->failed = true;
        } else {
            v->running++;
        }
        pthread_attr_destroy(&attr);
    }
}

/* The summary: "2 of 3 moved; a: moved; b: refused: ...". */
static char *
evac_summary(evac *v)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int i;

    if (!f)
        return NULL;
    fprintf(f, "%d of %d moved", v->moved, v->e.n_items);
    for (i = 0; i < v->e.n_items; i++)
        fprintf(f, "; %s: %s", v->names[i] ? v->names[i] : v->e.items[i].uuid,
                v->results[i] ? v->results[i]
                              : "not started: it stays on the source");
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* The job of VD_CMD_HOST_EVACUATE. */
static int
evac_run(vd_job *j, char **err)
{
    evac *v = j->priv;
    bool cancelled = false;
    int i;

    pthread_mutex_lock(&v->lock);
    for (;;) {
        struct timespec ts;
        unsigned long long processed = 0, total = 0;
        double rate = 0;

        if (!cancelled && vd_job_cancelled(j)) {
            cancelled = true;
            __atomic_store_n(&v->cancel, 1, __ATOMIC_RELEASE);
        }
        evac_launch(v);
        if (v->running == 0)
            break;
        for (i = 0; i < v->e.n_items; i++) {
            processed += v->ones[i].last.processed;
            total += v->ones[i].last.total;
            rate += v->ones[i].last.rate;
        }
        j->p.done = (unsigned long long)v->finished;
        j->p.total = (unsigned long long)v->e.n_items;
        j->p.rate = rate;
        j->p.remaining = total > processed ? total - processed : 0;
        snprintf(j->p.phase, sizeof(j->p.phase), "%d/%d done, %d running",
                 v->finished, v->e.n_items, v->running);
        pthread_mutex_unlock(&v->lock);
        vd_job_report(j);
        pthread_mutex_lock(&v->lock);
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += VD_PROGRESS_PERIOD_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&v->cond, &v->lock, &ts);
    }
    j->p.done = (unsigned long long)v->finished;
    snprintf(j->p.phase, sizeof(j->p.phase), "%d/%d moved", v->moved, v->e.n_items);
    j->summary = evac_summary(v);
    pthread_mutex_unlock(&v->lock);
    if (cancelled)
        return 1;
    if (v->moved < v->e.n_items) {
        *err = j->summary ? strdup(j->summary) : strdup("some guests were not moved");
        return -1;
    }
    /* the job's progress counts guests, not bytes: say so in the end */
    j->p.done = 0;
    return 0;
}

static const vd_job_ops evac_ops = {
    .run = evac_run,
    .free = evac_free,
    .cancellable = true,
};

/* VD_CMD_HOST_EVACUATE: str = vd_evacuate_format(). */
int
vd_mig_evacuate(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                vd_result *res)
{
    evac *v = calloc(1, sizeof(*v));
    char *problem = NULL;
    vd_job *j;
    int i;

    if (!v) {
        vd_result_say(res, "evacuate: out of memory");
        return vd_cmd_said(res, false);
    }
    pthread_mutex_init(&v->lock, NULL);
    pthread_cond_init(&v->cond, NULL);
    if (vd_evacuate_parse(cmd->str, &v->e) < 0) {
        vd_result_say(res, "evacuate: malformed request");
        goto fail;
    }
    if (v->e.n_items == 0) {
        vd_result_say(res, "evacuate: no guest to move");
        goto fail;
    }
    if (fill_src_uri(conn, &v->e.opts) < 0) {
        vd_result_say(res, "evacuate: cannot tell the source's URI");
        goto fail;
    }
    if (!(v->ones = calloc((size_t)v->e.n_items, sizeof(*v->ones))) ||
        !(v->names = calloc((size_t)v->e.n_items, sizeof(char *))) ||
        !(v->results = calloc((size_t)v->e.n_items, sizeof(char *)))) {
        vd_result_say(res, "evacuate: out of memory");
        goto fail;
    }
    for (i = 0; i < v->e.n_items; i++) {
        one *m = &v->ones[i];
        const vd_migrate_opts *o = &v->e.opts;

        m->o.flags = o->flags;
        m->o.bandwidth = o->bandwidth;
        m->o.downtime_ms = o->downtime_ms;
        m->o.src_uri = strdup(o->src_uri);
        m->o.dest_uri = strdup(v->e.items[i].dest_uri);
        m->o.peer_uri = o->peer_uri ? strdup(o->peer_uri) : NULL;
        m->o.migrate_uri = o->migrate_uri ? strdup(o->migrate_uri) : NULL;
        snprintf(m->uuid, sizeof(m->uuid), "%s", v->e.items[i].uuid);
        {   /* its name, for the summary even if it never starts */
            virDomainPtr d = virDomainLookupByUUIDString(conn, m->uuid);

            if (d) {
                v->names[i] = strdup(virDomainGetName(d));
                virDomainFree(d);
            }
            virResetLastError();
        }
        m->cancel = &v->cancel;
        m->lock = &v->lock;
        if (!m->o.src_uri || !m->o.dest_uri) {
            vd_result_say(res, "evacuate: out of memory");
            goto fail;
        }
        if ((problem = vd_migrate_opts_check(&m->o))) {
            vd_result_say(res, "evacuate: %s", problem);
            goto fail;
        }
    }
    if (!(j = vd_job_new(conn, &evac_ops, v))) {
        vd_result_say(res, "evacuate: out of memory");
        return vd_cmd_said(res, false);
    }
    j->p.migration = true;
    j->p.total = (unsigned long long)v->e.n_items;
    j->p.downtime_ms = -1;
    j->p.eta_ms = -1;
    snprintf(j->p.phase, sizeof(j->p.phase), "starting");
    if (asprintf(&j->p.what, "evacuate %d guest%s, %d at a time", v->e.n_items,
                 v->e.n_items == 1 ? "" : "s", v->e.parallel) < 0)
        j->p.what = NULL;
    vd_result_say(res, "%s: started", j->p.what ? j->p.what : "evacuate");
    if (vd_job_start(j, res) < 0) {
        vd_result_say(res, "evacuate: could not start a thread");
        vd_job_discard(j);
    }
    return vd_cmd_said(res, false);

 fail:
    free(problem);
    evac_free(v);
    return vd_cmd_said(res, false);
}
