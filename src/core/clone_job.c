/*
 * clone_job.c: VD_CMD_DOM_CLONE, a domain clone as a long job. The
 * worker makes the plan (every check, nothing changed yet) and starts
 * the job; the job thread runs it, reporting the bytes copied, and
 * honours a cancel when the current copy ends (libvirt cannot stop one).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>

#include "virtdeck/bus.h"
#include "virtdeck/clone_ops.h"
#include "core/cmd_dsnap.h"
#include "core/commands_priv.h"
#include "core/jobs_priv.h"
#include "core/leftovers.h"

/* Free a plan (the job's priv). */
static void
plan_free(void *p)
{
    if (p)
        vd_clone_plan_clear(p);
    free(p);
}

/* Progress from vd_clone_run. */
static void
on_progress(void *opaque, unsigned long long done, unsigned long long total)
{
    vd_job *j = opaque;

    (void)total;
    vd_job_set_done(j, done < j->p.total ? done : j->p.total);
}

/* Whether the user cancelled. */
static bool
on_cancelled(void *opaque)
{
    return vd_job_cancelled(opaque);
}

/* The job. */
static int
clone_job_run(vd_job *j, char **err)
{
    vd_clone_plan *plan = j->priv;
    int rc;

    vd_leftovers_bind(j->p.host_id, j->p.kind);  /* what a lost link leaves */
    rc = vd_clone_run(j->conn, plan, on_progress, j, on_cancelled, err);
    vd_leftovers_bind(-1, j->p.kind);
    if (rc == 0)
        j->p.done = j->p.total;
    return rc;
}

/* After a cancel: vd_clone_run has removed what it made. After a
 * failure, its message says what became of each volume. */
static const char *
clone_job_undo(vd_job *j)
{
    return j->p.state == VD_JOB_CANCELLED
        ? "every volume it made was deleted, no domain defined" : NULL;
}

static const vd_job_ops clone_job_ops = {
    .run = clone_job_run,
    .undo = clone_job_undo,
    .free = plan_free,
    .cancellable = true,
};

/* VD_CMD_DOM_CLONE: plan, then start the job. */
int
vd_clone_cmd(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd, vd_result *res)
{
    vd_clone_args args = { 0 };
    vd_clone_plan *plan = calloc(1, sizeof(*plan));
    char *err = NULL;
    vd_job *j;

    if (!plan || vd_clone_args_parse(cmd->str ? cmd->str : "", &args) < 0) {
        free(plan);
        vd_result_say(res, "clone %s: bad arguments", virDomainGetName(dom));
        return -1;
    }
    if (vd_clone_plan_make(dom, &args, plan, &err) < 0) {
        vd_result_say(res, "clone %s: %s", virDomainGetName(dom), err ? err : "failed");
        free(err);
        free(plan);
        vd_clone_args_clear(&args);
        return -1;
    }
    vd_clone_args_clear(&args);
    if (!(j = vd_job_new(conn, &clone_job_ops, plan))) {
        vd_result_say(res, "clone: out of memory");
        return -1;
    }
    j->p.total = plan->total ? plan->total : 1;
    if (asprintf(&j->p.what, "clone %s to %s", plan->original, plan->name) < 0)
        j->p.what = NULL;
    vd_result_say(res, "%s: started%s%s", j->p.what ? j->p.what : "clone",
                  plan->warnings ? "; " : "", plan->warnings ? plan->warnings : "");
    if (res->message && res->message[0] && res->message[strlen(res->message) - 1] == '\n')
        res->message[strlen(res->message) - 1] = '\0';
    if (vd_job_start(j, res) < 0) {
        vd_result_say(res, "clone: could not start a thread");
        vd_job_discard(j);
        return -1;
    }
    return 0;
}
