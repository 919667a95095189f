/*
 * jobs_view.h: the jobs view (view_jobs.c) and what the domain rows
 * and keys share with it about a running job.
 */
#ifndef VD_UI_JOBS_VIEW_H
#define VD_UI_JOBS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/job.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

/* J: open the jobs view. */
void vd_act_jobs(vd_app *app, const vd_binding *b);

/* A migration's figures in one line ("memory, pass 2, 12 MiB left,
 * ..."). */
void vd_ui_migration_line(const vd_progress *p, char *buf, size_t len);

/* Send kind (VD_CMD_JOB_CANCEL, VD_CMD_JOB_POSTCOPY) about job p to its
 * host; the answer goes to the status line. False when not sent (said
 * on the status line). */
bool vd_ui_job_send(vd_app *app, const vd_progress *p, vd_cmd_kind kind);

#endif
