/*
 * jobs_priv.h: long jobs on their own thread (see virtdeck/job.h for
 * how their progress reaches the UI). A command's worker function
 * checks its arguments and prepares, then hands a vd_job to
 * vd_job_start() and returns; the job thread runs ops->run, which
 * reports with vd_job_progress() and looks at vd_job_cancelled().
 * Worker and job threads only.
 */
#ifndef VD_JOBS_PRIV_H
#define VD_JOBS_PRIV_H

#include <stdbool.h>

#include <libvirt/libvirt.h>

#include "virtdeck/command.h"
#include "virtdeck/job.h"

typedef struct vd_job vd_job;

typedef struct vd_job_ops {
    /* The work, on the job thread: 0 done, 1 cancelled, -1 failed with
     * a message in *err (malloc'ed). */
    int (*run)(vd_job *job, char **err);
    /* After a failure or a cancel: remove what the job made. Returns
     * what was removed ("the partial volume"), or NULL. Optional. */
    const char *(*undo)(vd_job *job);
    /* Free priv. Optional. */
    void (*free)(void *priv);
    bool cancellable;           /* false: a cancel is refused with a message */
} vd_job_ops;

struct vd_job {
    vd_job *next;               /* registry (jobs.c) */
    int cancel;                 /* atomic */
    int postcopy;               /* atomic: switch to post-copy asked */
    vd_bus *bus;
    char uuid[VD_UUID_LEN];
    long long t0, last_post;

    virConnectPtr conn;         /* the job's own reference */
    const vd_job_ops *ops;
    void *priv;
    vd_progress p;              /* p.what and p.total: set by the starter */
    char *summary;              /* set by run (malloc'ed): the last message's
                                 * text instead of the byte count */
    struct vd_journal_entry *journal; /* its command's entry, recorded at the end */
    long long journal_start_ms;
};

/* A new job on conn (takes a reference to it); NULL on out of memory
 * (priv is then freed with ops->free). */
vd_job *vd_job_new(virConnectPtr conn, const vd_job_ops *ops, void *priv);

/* Register the job and start its thread. res (the starting command's
 * result) gets ok and the first progress; its message is the caller's.
 * Returns 0, or -1 when no thread could start: the job is then still
 * the caller's (undo, vd_job_discard()). */
int vd_job_start(vd_job *job, vd_result *res);

/* Free a job that never started (its priv with ops->free). NULL is fine. */
void vd_job_discard(vd_job *job);

/* Whether the user asked the job to stop. */
bool vd_job_cancelled(vd_job *job);

/* Add n to the job's done count and post its progress when the last
 * post is VD_PROGRESS_PERIOD_MS old. */
void vd_job_progress(vd_job *job, unsigned long long n);

/* Set the done count (for jobs that poll a size). */
void vd_job_set_done(vd_job *job, unsigned long long done);

/* Post the job's progress as it stands (job->p filled by the caller,
 * rate included) when the last post is VD_PROGRESS_PERIOD_MS old. */
void vd_job_report(vd_job *job);

/* Whether the user asked the job to switch to post-copy since the last
 * call (a migration); clears the request. */
bool vd_job_postcopy_requested(vd_job *job);

#endif
