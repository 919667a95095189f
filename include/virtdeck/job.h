/*
 * job.h: long jobs (volume upload and download today; clone, migrate
 * and volume creation can use the same mechanism) and how their
 * progress reaches the UI.
 *
 * A job is started by a command (e.g. VD_CMD_VOL_UPLOAD). The host's
 * worker checks the arguments and prepares (opens the file, creates the
 * volume), then hands the work to a job thread of its own and goes
 * back to its queue: a transfer never holds up the host's other
 * commands. The job keeps a reference to the worker's connection
 * (libvirt connections are thread-safe), so it survives a reconnect of
 * the worker.
 *
 * Every answer about a job is a vd_result with the id and kind of the
 * command that started it and a vd_progress in data (data_free set):
 *  - the first when the job starts (state RUNNING, ok true, a message),
 *  - then at most every VD_PROGRESS_PERIOD_MS while it runs (state
 *    RUNNING, message NULL: nothing for the status line),
 *  - the last when it ends (state DONE, FAILED or CANCELLED, ok true only
 *    for DONE, message saying what happened).
 * A command refused before the job starts gets an ordinary result
 * (ok false, data NULL). VD_CMD_JOB_CANCEL with num = the job's id
 * asks the job to stop; a cancelled or failed upload deletes the
 * volume it was writing.
 */
#ifndef VIRTDECK_JOB_H
#define VIRTDECK_JOB_H

#include <stdbool.h>

#include "virtdeck/command.h"

#define VD_PROGRESS_PERIOD_MS 200

typedef enum {
    VD_JOB_RUNNING = 0,
    VD_JOB_DONE,
    VD_JOB_FAILED,
    VD_JOB_CANCELLED,
} vd_job_state;

typedef struct vd_progress {
    unsigned long long job;     /* the id of the command that started it */
    int host_id;
    vd_cmd_kind kind;           /* that command's kind */
    vd_job_state state;
    unsigned long long done;    /* bytes (or units) done */
    unsigned long long total;   /* bytes in all; 0 when unknown */
    double rate;                /* bytes per second, averaged so far */
    long long elapsed_ms;
    char *what;                 /* "upload disk.iso to pool vdpool" (owned) */
} vd_progress;

/* A copy of p (deep); NULL on out of memory. */
vd_progress *vd_progress_copy(const vd_progress *p);

/* Free a progress; the data_free of job results. NULL is fine. */
void vd_progress_free(void *p);

/* Whether a result is about a job (its data is a vd_progress). */
bool vd_result_is_progress(const vd_result *res);

/* Ask every running job to stop and wait up to wait_ms for them to
 * end. Call at exit after the hosts are freed and before the bus is:
 * jobs post to the bus. Returns true when none is left. */
bool vd_jobs_shutdown(int wait_ms);

/* What jobs made and could not remove because their connection was
 * lost, on hosts not connected again since (they are removed when
 * their host connects again): one line each, for a message at exit.
 * Caller frees; NULL when none. */
char *vd_leftovers_pending(void);

/* Word for a job state ("running", "done", ...). Static. */
const char *vd_job_state_name(vd_job_state state);

#endif
