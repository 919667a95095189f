/*
 * netstore_ui.h: the screens of networks, storage pools and volumes
 * (issue 6): details views, create forms, the volumes view, and the
 * table of running jobs (uploads, downloads) that shows their progress.
 */
#ifndef VIRTDECK_UI_NETSTORE_H
#define VIRTDECK_UI_NETSTORE_H

#include <stdbool.h>

#include "virtdeck/job.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"
#include "ui/widgets/table.h"

/* ---- key handlers for the networks pane (view_network.c) ---- */

/* b->arg: one of the VD_NETACT_* below. */
enum {
    VD_NETACT_DETAILS = 0,
    VD_NETACT_START,
    VD_NETACT_STOP,
    VD_NETACT_AUTOSTART,
    VD_NETACT_UNDEFINE,
    VD_NETACT_XML,
    VD_NETACT_EDIT,
};
void vd_act_network(vd_app *app, const vd_binding *b);
/* n: the create-network form (form_network.c). */
void vd_act_network_new(vd_app *app, const vd_binding *b);

/* ---- key handlers for the pools pane (view_pool.c) ---- */

enum {
    VD_POOLACT_DETAILS = 0,
    VD_POOLACT_START,
    VD_POOLACT_STOP,
    VD_POOLACT_REFRESH,
    VD_POOLACT_AUTOSTART,
    VD_POOLACT_BUILD,
    VD_POOLACT_DELETE,
    VD_POOLACT_UNDEFINE,
    VD_POOLACT_XML,
    VD_POOLACT_VOLUMES,
};
void vd_act_pool(vd_app *app, const vd_binding *b);
/* n: the create-pool form (form_pool.c). */
void vd_act_pool_new(vd_app *app, const vd_binding *b);

/* The volumes view of pool uuid on host index hi (view_volumes.c). */
void vd_volumes_show(vd_app *app, size_t hi, const char *uuid,
                     const char *name);

/* ---- running jobs (jobs_ui.c) ---- */

/* Note a result: when it carries a job's progress, remember it. Returns
 * true when the result is only a running update (no message), or the
 * answer that started a job that has already ended: the caller frees it
 * without showing it anywhere else. */
bool vd_ui_jobs_note(vd_app *app, const vd_result *res);

/* The latest progress of the running or last ended job of host_id on
 * the pool pool_uuid, or NULL. Valid until the next vd_ui_jobs_note(). */
const vd_progress *vd_ui_job_for(int host_id, const char *pool_uuid);

/* The jobs still running, newest last: up to max of them go to out
 * (valid until the next vd_ui_jobs_note()). Returns how many run. */
size_t vd_ui_jobs_running(const vd_progress **out, size_t max);

/* Grows whenever a job ends (to reload what it changed). */
unsigned int vd_ui_jobs_ended(void);

/* The jobs in the table (running and ended, oldest first), and the i-th
 * with the UUID it is about (*uuid: a domain, a pool, or "" for a host);
 * NULL past the end. Valid until the next vd_ui_jobs_note(). */
size_t vd_ui_jobs_count(void);
const vd_progress *vd_ui_job_at(size_t i, const char **uuid);

/* The running migration of domain dom_uuid on host host_id, or NULL. */
const vd_progress *vd_ui_job_migrating(int host_id, const char *dom_uuid);

/* Draw a progress line at (y, x), w columns: what, a bar, percent,
 * done/total and rate. */
void vd_ui_draw_progress(int y, int x, int w, const vd_progress *p);

/* Free the table (at exit). */
void vd_ui_jobs_free(void);

/* ---- small shared helpers (view_network.c) ---- */

/* Whether host index hi's URI names no remote server (paths can be
 * checked with stat()). */
bool vd_ui_host_local(const vd_app *app, size_t hi);


#endif
