/*
 * jobs_ui.c: the UI's table of long jobs (job.h). Every result with a
 * vd_progress updates it; running updates stop here, the first and last
 * results go on to their view or the status line. Views draw progress
 * from the table, so a job's bar survives the view that started it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/views/netstore_ui.h"

typedef struct ui_job {
    vd_progress p;              /* what.. owned */
    char uuid[VD_UUID_LEN];     /* the pool */
} ui_job;

#define MAX_JOBS 32

static ui_job jobs[MAX_JOBS];
static size_t njobs;
static unsigned int ended;

/* Note a result; see netstore_ui.h. */
bool
vd_ui_jobs_note(vd_app *app, const vd_result *res)
{
    const vd_progress *p;
    ui_job *j = NULL;
    size_t i;

    if (!vd_result_is_progress(res))
        return false;
    p = res->data;
    for (i = 0; i < njobs; i++)
        if (jobs[i].p.job == p->job && jobs[i].p.host_id == p->host_id)
            j = &jobs[i];
    /* a job as quick as its own start may end before the answer that
     * started it arrives: never go back from an end to running */
    if (j && j->p.state != VD_JOB_RUNNING && p->state == VD_JOB_RUNNING)
        return true;
    if (!j) {
        if (njobs == MAX_JOBS) {        /* forget the oldest */
            free(jobs[0].p.what);
            memmove(&jobs[0], &jobs[1], (MAX_JOBS - 1) * sizeof(jobs[0]));
            njobs--;
        }
        j = &jobs[njobs++];
        memset(j, 0, sizeof(*j));
    }
    free(j->p.what);
    j->p = *p;
    j->p.what = p->what ? strdup(p->what) : NULL;
    memcpy(j->uuid, res->uuid, VD_UUID_LEN);
    if (p->state != VD_JOB_RUNNING)
        ended++;
    app->dirty = true;
    return p->state == VD_JOB_RUNNING && !res->message;
}

/* The latest job on a pool. */
const vd_progress *
vd_ui_job_for(int host_id, const char *pool_uuid)
{
    size_t i;

    for (i = njobs; i-- > 0;)
        if (jobs[i].p.host_id == host_id && strcmp(jobs[i].uuid, pool_uuid) == 0)
            return &jobs[i].p;
    return NULL;
}

/* See netstore_ui.h. */
size_t
vd_ui_jobs_count(void)
{
    return njobs;
}

/* See netstore_ui.h. */
const vd_progress *
vd_ui_job_at(size_t i, const char **uuid)
{
    if (i >= njobs)
        return NULL;
    if (uuid)
        *uuid = jobs[i].uuid;
    return &jobs[i].p;
}

/* See netstore_ui.h. */
const vd_progress *
vd_ui_job_migrating(int host_id, const char *dom_uuid)
{
    size_t i;

    for (i = njobs; i-- > 0;)
        if (jobs[i].p.host_id == host_id && jobs[i].p.migration &&
            jobs[i].p.state == VD_JOB_RUNNING && strcmp(jobs[i].uuid, dom_uuid) == 0)
            return &jobs[i].p;
    return NULL;
}

/* The running jobs; see netstore_ui.h. */
size_t
vd_ui_jobs_running(const vd_progress **out, size_t max)
{
    size_t i, n = 0;

    for (i = 0; i < njobs; i++) {
        if (jobs[i].p.state != VD_JOB_RUNNING)
            continue;
        if (n < max)
            out[n] = &jobs[i].p;
        n++;
    }
    return n;
}

/* Grows when a job ends. */
unsigned int
vd_ui_jobs_ended(void)
{
    return ended;
}

/* A progress line. */
void
vd_ui_draw_progress(int y, int x, int w, const vd_progress *p)
{
    char right[96], done[32], total[32];
    double frac = p->total ? (double)p->done / (double)p->total : 0;
    int rw, bw;

    if (frac > 1)
        frac = 1;
    snprintf(right, sizeof(right), " %3d%% %s/%s %.1f MiB/s %s",
             (int)(frac * 100), vd_fmt_size(p->done, done, sizeof(done)),
             vd_fmt_size(p->total, total, sizeof(total)), p->rate / 1048576.0,
             p->state == VD_JOB_RUNNING ? "(C cancels)" : vd_job_state_name(p->state));
    rw = vd_text_width(right);
    bw = w / 3;
    if (bw < 10)
        bw = 10;
    vd_draw_fill(y, x, w, vd_role_attr(VD_ROLE_NORMAL));
    vd_draw_text(y, x, w - bw - rw - 1, p->what ? p->what : "job",
                 vd_role_attr(VD_ROLE_NORMAL));
    vd_draw_bar(y, x + w - bw - rw, bw, frac, vd_role_attr(VD_ROLE_METER_LOW),
                vd_role_attr(VD_ROLE_BAR_FREE));
    vd_draw_text(y, x + w - rw, rw, right, vd_role_attr(VD_ROLE_NORMAL));
}

/* Free the table. */
void
vd_ui_jobs_free(void)
{
    size_t i;

    for (i = 0; i < njobs; i++)
        free(jobs[i].p.what);
    njobs = 0;
}
