/*
 * jobs.c: the registry and threads of long jobs (jobs_priv.h, job.h):
 * starting, progress posts at most every VD_PROGRESS_PERIOD_MS, the
 * last answer with how it went, cancel, and stopping them at exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/virterror.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "core/commands_priv.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/jobs_priv.h"
#include "core/journal_priv.h"

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t jobs_cond = PTHREAD_COND_INITIALIZER;
static vd_job *jobs;            /* running jobs, guarded by jobs_lock */
static __thread vd_bus *worker_bus;
/* the journal entry of the command running on this worker thread */
static __thread vd_journal_entry *offered_entry;
static __thread long long offered_start_ms;

/* See journal_priv.h. */
void
vd_jobs_journal_offer(vd_journal_entry *e, long long start_ms)
{
    offered_entry = e;
    offered_start_ms = start_ms;
}

/* See journal_priv.h. */
vd_journal_entry *
vd_jobs_journal_unclaimed(void)
{
    vd_journal_entry *e = offered_entry;

    offered_entry = NULL;
    return e;
}

/* See cmd_netstore.h. */
void
vd_jobs_bind_worker(vd_bus *bus)
{
    worker_bus = bus;
}

/* A deep copy of a progress. */
vd_progress *
vd_progress_copy(const vd_progress *p)
{
    vd_progress *c = malloc(sizeof(*c));

    if (!c)
        return NULL;
    *c = *p;
    c->what = p->what ? strdup(p->what) : NULL;
    return c;
}

/* Free a progress. */
void
vd_progress_free(void *p)
{
    vd_progress *pr = p;

    if (!pr)
        return;
    free(pr->what);
    free(pr);
}

/* Whether res carries a vd_progress. */
bool
vd_result_is_progress(const vd_result *res)
{
    return res && res->data && res->data_free == vd_progress_free;
}

/* The word for a job state. */
const char *
vd_job_state_name(vd_job_state state)
{
    switch (state) {
    case VD_JOB_RUNNING: return "running";
    case VD_JOB_DONE: return "done";
    case VD_JOB_FAILED: return "failed";
    case VD_JOB_CANCELLED: return "cancelled";
    }
    return "?";
}

/* Post the job's progress (message: NULL while running). */
static void
post(vd_job *j, const char *message)
{
    vd_result *res = calloc(1, sizeof(*res));

    if (!res)
        return;
    res->id = j->p.job;
    res->host_id = j->p.host_id;
    res->kind = j->p.kind;
    res->fd = -1;
    memcpy(res->uuid, j->uuid, VD_UUID_LEN);
    res->ok = j->p.state == VD_JOB_DONE || j->p.state == VD_JOB_RUNNING;
    res->message = message ? strdup(message) : NULL;
    if ((res->data = vd_progress_copy(&j->p)))
        res->data_free = vd_progress_free;
    j->last_post = vd_now_ms();
    vd_bus_post(j->bus, res);
}

/* Update the rate and post when it is time. */
static void
tick(vd_job *j)
{
    long long now = vd_now_ms();

    j->p.elapsed_ms = now - j->t0;
    if (j->p.elapsed_ms > 0)
        j->p.rate = (double)j->p.done * 1000.0 / (double)j->p.elapsed_ms;
    if (now - j->last_post >= VD_PROGRESS_PERIOD_MS)
        post(j, NULL);
}

/* See jobs_priv.h. */
void
vd_job_progress(vd_job *j, unsigned long long n)
{
    j->p.done += n;
    tick(j);
}

/* See jobs_priv.h. */
void
vd_job_set_done(vd_job *j, unsigned long long done)
{
    j->p.done = done;
    tick(j);
}

/* See jobs_priv.h. */
void
vd_job_report(vd_job *j)
{
    long long now = vd_now_ms();

    j->p.elapsed_ms = now - j->t0;
    if (now - j->last_post >= VD_PROGRESS_PERIOD_MS)
        post(j, NULL);
}

/* See jobs_priv.h. */
bool
vd_job_postcopy_requested(vd_job *j)
{
    return __atomic_exchange_n(&j->postcopy, 0, __ATOMIC_ACQ_REL) != 0;
}

/* See jobs_priv.h. */
bool
vd_job_cancelled(vd_job *j)
{
    return __atomic_load_n(&j->cancel, __ATOMIC_ACQUIRE) != 0;
}

/* See jobs_priv.h. */
vd_job *
vd_job_new(virConnectPtr conn, const vd_job_ops *ops, void *priv)
{
    vd_job *j = calloc(1, sizeof(*j));

    if (!j || virConnectRef(conn) < 0) {
        free(j);
        if (ops->free)
            ops->free(priv);
        virResetLastError();
        return NULL;
    }
    j->conn = conn;
    j->ops = ops;
    j->priv = priv;
    return j;
}

/* See jobs_priv.h. */
void
vd_job_discard(vd_job *j)
{
    if (!j)
        return;
    if (j->ops->free)
        j->ops->free(j->priv);
    virConnectClose(j->conn);
    free(j->summary);
    if (j->journal) {
        vd_journal_entry_clear(j->journal);
        free(j->journal);
    }
    free(j->p.what);
    free(j);
}

/* Take j out of the registry and free it. */
static void
job_end(vd_job *j)
{
    vd_job **pp;

    pthread_mutex_lock(&jobs_lock);
    for (pp = &jobs; *pp; pp = &(*pp)->next) {
        if (*pp == j) {
            *pp = j->next;
            break;
        }
    }
    pthread_cond_broadcast(&jobs_cond);
    pthread_mutex_unlock(&jobs_lock);
    vd_job_discard(j);
}

/* The job thread: run, undo on failure, say how it went. */
static void *
job_main(void *opaque)
{
    vd_job *j = opaque;
    const char *removed = NULL;
    char *err = NULL, *msg = NULL;
    int rc;

    vd_err_quiet_thread();
    j->t0 = j->last_post = vd_now_ms();
    rc = j->ops->run(j, &err);
    j->p.elapsed_ms = vd_now_ms() - j->t0;
    if (j->p.elapsed_ms > 0)
        j->p.rate = (double)j->p.done * 1000.0 / (double)j->p.elapsed_ms;
    if (rc == 0 && j->summary) {
        j->p.state = VD_JOB_DONE;
        if (asprintf(&msg, "%s: %s", j->p.what ? j->p.what : "job", j->summary) < 0)
            msg = NULL;
    } else if (rc == 0) {
        j->p.state = VD_JOB_DONE;
        if (asprintf(&msg, "%s: done, %.1f MiB in %.1f s (%.1f MiB/s)",
                     j->p.what ? j->p.what : "job",
                     (double)j->p.done / 1048576.0,
                     (double)j->p.elapsed_ms / 1000.0,
                     j->p.rate / 1048576.0) < 0)
            msg = NULL;
    } else {
        j->p.state = rc > 0 ? VD_JOB_CANCELLED : VD_JOB_FAILED;
        if (j->ops->undo)
            removed = j->ops->undo(j);
        virResetLastError();
        if (asprintf(&msg, "%s: %s%s%s%s", j->p.what ? j->p.what : "job",
                     rc > 0 ? "cancelled" : "failed: ",
                     rc > 0 ? "" : (err ? err : "unknown error"),
                     removed ? "; " : "", removed ? removed : "") < 0)
            msg = NULL;
    }
    post(j, msg);
    /* the one place jobs reach the journal: where they end */
    vd_journal_action_done(j->journal, j->journal_start_ms,
                           j->p.state == VD_JOB_DONE, msg);
    j->journal = NULL;
    free(msg);
    free(err);
    job_end(j);
    return NULL;
}

/* See jobs_priv.h. */
int
vd_job_start(vd_job *j, vd_result *res)
{
    pthread_t thread;
    pthread_attr_t attr;
    vd_progress *first;
    int rc;

    j->p.job = res->id;
    j->p.host_id = res->host_id;
    j->p.kind = res->kind;
    j->p.state = VD_JOB_RUNNING;
    memcpy(j->uuid, res->uuid, VD_UUID_LEN);
    j->bus = worker_bus;
    if (!j->bus)
        return -1;              /* not on a worker: nobody would hear it */
    j->journal = offered_entry;         /* recorded when it ends */
    j->journal_start_ms = offered_start_ms;
    /* the first progress, copied before the thread may touch j */
    if (!(first = vd_progress_copy(&j->p)))
        return -1;

    pthread_mutex_lock(&jobs_lock);
    j->next = jobs;
    jobs = j;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    rc = pthread_create(&thread, &attr, job_main, j);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        jobs = j->next;
    pthread_mutex_unlock(&jobs_lock);
    if (rc != 0) {
        j->journal = NULL;              /* still the worker's */
        vd_progress_free(first);
        return -1;
    }
    offered_entry = NULL;               /* the job's now */
    res->ok = true;
    res->data = first;
    res->data_free = vd_progress_free;
    return 0;
}

/* The running job cmd->num of res's host (jobs_lock held), or NULL. */
static vd_job *
find_locked(const vd_cmd *cmd, const vd_result *res)
{
    vd_job *j;

    for (j = jobs; j; j = j->next)
        if (j->p.host_id == res->host_id && j->p.job == (unsigned long long)cmd->num)
            return j;
    return NULL;
}

/* VD_CMD_JOB_CANCEL: num = the job's id on this host. */
int
vd_ns_job_cancel(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    vd_job *j;

    (void)conn;
    pthread_mutex_lock(&jobs_lock);
    if (!(j = find_locked(cmd, res))) {
        vd_result_say(res, "cancel: no such job running (it may have ended)");
    } else if (!j->ops->cancellable) {
        vd_result_say(res, "%s cannot be cancelled: libvirt offers no way to "
                      "stop it", j->p.what ? j->p.what : "this job");
    } else {
        __atomic_store_n(&j->cancel, 1, __ATOMIC_RELEASE);
        res->ok = true;
        vd_result_say(res, "cancelling %s", j->p.what ? j->p.what : "the job");
    }
    pthread_mutex_unlock(&jobs_lock);
    return vd_cmd_said(res, false);
}

/* VD_CMD_JOB_POSTCOPY: num = the id of a migration job on this host. */
int
vd_ns_job_postcopy(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    vd_job *j;

    (void)conn;
    pthread_mutex_lock(&jobs_lock);
    if (!(j = find_locked(cmd, res))) {
        vd_result_say(res, "post-copy: no such job running (it may have ended)");
    } else if (!j->p.migration || !j->p.postcopy_allowed) {
        vd_result_say(res, "%s: post-copy was not allowed when it started",
                      j->p.what ? j->p.what : "this job");
    } else {
        __atomic_store_n(&j->postcopy, 1, __ATOMIC_RELEASE);
        res->ok = true;
        vd_result_say(res, "%s: switching to post-copy", j->p.what ? j->p.what : "the job");
    }
    pthread_mutex_unlock(&jobs_lock);
    return vd_cmd_said(res, false);
}

/* See job.h. */
bool
vd_jobs_shutdown(int wait_ms)
{
    long long deadline = vd_now_ms() + wait_ms;
    struct timespec ts;
    vd_job *j;
    bool empty;

    vd_realtime_in(wait_ms, &ts);
    pthread_mutex_lock(&jobs_lock);
    for (j = jobs; j; j = j->next)
        __atomic_store_n(&j->cancel, 1, __ATOMIC_RELEASE);
    while (jobs && vd_now_ms() < deadline &&
           pthread_cond_timedwait(&jobs_cond, &jobs_lock, &ts) == 0)
        ;
    empty = jobs == NULL;
    pthread_mutex_unlock(&jobs_lock);
    return empty;
}
