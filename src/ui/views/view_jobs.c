/*
 * view_jobs.c: the jobs view (J): every long job this session started
 * (migrations, evacuations, volume transfers and clones), newest first,
 * with its progress bar; for a migration also the phase, data left,
 * dirty rate, pass, expected downtime, elapsed time and ETA. C cancels
 * the job under the cursor, P switches a migration to post-copy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app/view.h"
#include "ui/views/jobs_view.h"
#include "ui/views/netstore_ui.h"
#include "ui/widgets/draw.h"

typedef struct jobs_view {
    size_t cursor;              /* index from the newest */
} jobs_view;

static const vd_view_ops jobs_ops;

/* The host index of host_id, or (size_t)-1. */
static size_t
host_index(const vd_app *app, int host_id)
{
    size_t i;

    for (i = 0; i < app->nhosts; i++)
        if (vd_host_id(app->hosts[i].host) == host_id)
            return i;
    return (size_t)-1;
}

/* See jobs_view.h. */
void
vd_ui_migration_line(const vd_progress *p, char *buf, size_t len)
{
    char left[32], dirty[32], eta[32] = "?", down[32] = "?";

    if (p->eta_ms >= 0)
        snprintf(eta, sizeof(eta), "%.0f s", (double)p->eta_ms / 1000.0);
    if (p->downtime_ms >= 0)
        snprintf(down, sizeof(down), "%lld ms", p->downtime_ms);
    snprintf(buf, len, "%s, pass %llu, %s left, dirty %s/s, downtime %s, %.1f s, ETA %s%s",
             p->phase[0] ? p->phase : "?", p->iteration,
             vd_fmt_size(p->remaining, left, sizeof(left)),
             vd_fmt_size((unsigned long long)p->dirty_rate, dirty, sizeof(dirty)),
             down, (double)p->elapsed_ms / 1000.0, eta,
             p->postcopy_allowed && p->state == VD_JOB_RUNNING ? " (P: post-copy)" : "");
}

/* Draw the list. */
static void
jobs_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    jobs_view *jv = v->data;
    size_t n = vd_ui_jobs_count(), k;
    int y = area->y;
    char line[256];

    (void)app;
    vd_draw_clear(area, vd_role_attr(VD_ROLE_NORMAL));
    if (n == 0) {
        vd_draw_text(y + 1, area->x + 2, area->w - 4,
                     "No jobs yet: migrations (T on a domain), evacuations (V on a "
                     "host) and volume transfers show here.", vd_role_attr(VD_ROLE_DIM));
        return;
    }
    if (jv->cursor >= n)
        jv->cursor = n - 1;
    for (k = 0; k < n && y + 1 < area->y + area->h; k++) {
        const vd_progress *p = vd_ui_job_at(n - 1 - k, NULL);
        attr_t mark = k == jv->cursor ? vd_role_attr(VD_ROLE_SELECTED)
                                      : vd_role_attr(VD_ROLE_NORMAL);

        vd_draw_text(y, area->x, 2, k == jv->cursor ? ">" : " ", mark);
        vd_ui_draw_progress(y, area->x + 2, area->w - 3, p);
        y++;
        if (p->migration) {
            vd_ui_migration_line(p, line, sizeof(line));
            vd_draw_text(y, area->x + 4, area->w - 5, line, vd_role_attr(VD_ROLE_DIM));
            y++;
        }
    }
}

/* The job under the cursor, or NULL. */
static const vd_progress *
current(jobs_view *jv)
{
    size_t n = vd_ui_jobs_count();

    return jv->cursor < n ? vd_ui_job_at(n - 1 - jv->cursor, NULL) : NULL;
}

/* See jobs_view.h. */
bool
vd_ui_job_send(vd_app *app, const vd_progress *p, vd_cmd_kind kind)
{
    vd_cmd cmd = { .kind = kind, .num = (long long)p->job };
    size_t hi = host_index(app, p->host_id);

    if (p->state != VD_JOB_RUNNING) {
        vd_app_message(app, VD_MSG_INFO, "%s: already %s", p->what ? p->what : "job",
                       vd_job_state_name(p->state));
        return false;
    }
    if (hi == (size_t)-1) {
        vd_app_message(app, VD_MSG_ERROR, "the job's host is gone");
        return false;
    }
    return vd_view_submit(app, NULL, hi, &cmd) != 0;
}

/* Keys. */
static bool
jobs_key(vd_app *app, vd_view *v, int key)
{
    jobs_view *jv = v->data;
    const vd_progress *p;

    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        if (jv->cursor + 1 < vd_ui_jobs_count())
            jv->cursor++;
        app->dirty = true;
        return true;
    case 'k':
    case VD_KEY(KEY_UP):
        if (jv->cursor > 0)
            jv->cursor--;
        app->dirty = true;
        return true;
    case 'C':
        if ((p = current(jv)))
            vd_ui_job_send(app, p, VD_CMD_JOB_CANCEL);
        return true;
    case 'P':
        if ((p = current(jv)))
            vd_ui_job_send(app, p, VD_CMD_JOB_POSTCOPY);
        return true;
    default:
        return false;
    }
}

/* Free the view's state. */
static void
jobs_close(vd_app *app, vd_view *v)
{
    (void)app;
    free(v->data);
}

static const vd_binding jobs_keys[] = {
    { 'C', "C", "Cancel the job (a migration: the guest stays on the source)",
      "Jobs", 0, NULL, 0, 1, "Cancel" },
    { 'P', "P", "Switch the migration to post-copy", "Jobs", 0, NULL, 0, 2,
      "PostCopy" },
    { 'j', "j, k", "Next / previous job", "Jobs", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops jobs_ops = {
    .name = "jobs",
    .draw = jobs_draw,
    .key = jobs_key,
    .close = jobs_close,
    .keys = jobs_keys,
    .nkeys = sizeof(jobs_keys) / sizeof(jobs_keys[0]),
};

/* See jobs_view.h. */
void
vd_act_jobs(vd_app *app, const vd_binding *b)
{
    jobs_view *jv;

    (void)b;
    if (vd_view_find(app, &jobs_ops))
        return;
    if (!(jv = calloc(1, sizeof(*jv))))
        return;
    vd_view_push(app, &jobs_ops, jv, "Jobs: migrations, evacuations, transfers");
}
