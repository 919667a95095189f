/*
 * form_clone.c: cloning a domain from the UI: the domain's disks are
 * read first (VD_CMD_DOM_DETAILS), then a form asks for the new name
 * (NAME-clone by default, checked as typed against the host's domains)
 * and, per writable disk, copy / share / linked clone. The clone runs as
 * a job (VD_CMD_DOM_CLONE): a small view shows its progress bar, rate
 * and C cancels it; every volume made is deleted on failure or cancel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/clone.h"
#include "virtdeck/domdetails.h"
#include "virtdeck/host.h"
#include "virtdeck/job.h"
#include "ui/views/dsnap_ui.h"
#include "ui/views/netstore_ui.h"
#include "ui/app/view.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"

#define MAX_DISKS 16

typedef struct clone_ctx {
    vd_dom_target t;
    vd_app *app;
    size_t ndisks;
    char targets[MAX_DISKS][32];
} clone_ctx;

/* Whether the host of c has a domain named name. */
static bool
name_taken(const clone_ctx *c, const char *name)
{
    const vd_snapshot *snap = c->t.host < c->app->nhosts ? c->app->hosts[c->t.host].snap : NULL;
    size_t i;

    for (i = 0; snap && i < snap->ndomains; i++)
        if (snap->domains[i].name && strcmp(snap->domains[i].name, name) == 0)
            return true;
    return false;
}

/* The new name as typed. */
static bool
check_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    const clone_ctx *c = ctx;

    (void)f;
    (void)fld;
    if (!vd_check_into(vd_check_name(value, NULL, 0), err, errlen))
        return false;
    if (name_taken(c, value)) {
        snprintf(err, errlen, "a domain named '%s' exists already on this host", value);
        return false;
    }
    return true;
}

/* ---- the progress view ---- */

typedef struct progress_view {
    vd_dom_target t;
    int host_id;
    unsigned long long job;
} progress_view;

static const vd_view_ops progress_ops;

/* The job's progress for this view, or NULL. */
static const vd_progress *
job_of(const progress_view *p)
{
    const vd_progress *pr = vd_ui_job_for(p->host_id, p->t.uuid);

    return pr && pr->job == p->job ? pr : NULL;
}

/* Draw the bar and what the job says. */
static void
progress_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    progress_view *p = v->data;
    const vd_progress *pr = job_of(p);
    int x = area->x + 2, w = area->w - 4;

    (void)app;
    vd_draw_text(area->y + 1, x, w, pr && pr->what ? pr->what : "clone",
                 vd_role_attr(VD_ROLE_HEADER));
    if (pr)
        vd_ui_draw_progress(area->y + 3, x, w, pr);
    vd_draw_text(area->y + 5, x, w, !pr || pr->state == VD_JOB_RUNNING
                 ? "C cancels (when the current copy ends: libvirt cannot stop one); "
                   "every new volume is then deleted. Esc hides this view."
                 : "Done here: Esc closes.", vd_role_attr(VD_ROLE_DIM));
}

/* C: cancel the job. */
static void
act_cancel(vd_app *app, const vd_binding *b)
{
    vd_view *v = vd_view_top(app);
    progress_view *p = v && v->ops == &progress_ops ? v->data : NULL;
    vd_cmd cmd = { .kind = VD_CMD_JOB_CANCEL };

    (void)b;
    if (!p)
        return;
    cmd.num = (long long)p->job;
    if (vd_view_submit(app, NULL, p->t.host, &cmd))
        vd_app_message(app, VD_MSG_BUSY, "Cancelling the clone of %s...", p->t.name);
}

static const vd_binding progress_keys[] = {
    { 'C', "C", "Cancel the clone (every new volume is deleted)", "Clone",
      VD_PANE_BIT(VD_PANE_DOMAINS), act_cancel, 0, 3, "Cancel" },
};

/* Free the view's data. */
static void
progress_close(vd_app *app, vd_view *v)
{
    (void)app;
    free(v->data);
}

static const vd_view_ops progress_ops = {
    .name = "clone progress",
    .draw = progress_draw,
    .close = progress_close,
    .keys = progress_keys,
    .nkeys = 1,
};

/* ---- the form ---- */

/* Submit the clone. */
static void
clone_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    clone_ctx *c = ctx;
    vd_clone_args args = { 0 };
    vd_cmd cmd = { .kind = VD_CMD_DOM_CLONE };
    size_t i;

    (void)button;
    args.name = strdup(vd_form_value(f, "name"));
    for (i = 0; i < c->ndisks; i++) {
        char id[48];
        const char *mode;

        snprintf(id, sizeof(id), "disk_%s", c->targets[i]);
        mode = vd_form_value(f, id);
        vd_clone_args_disk(&args, c->targets[i],
                           mode && strcmp(mode, "share") == 0 ? VD_CLONE_SHARE :
                           mode && strcmp(mode, "link") == 0 ? VD_CLONE_LINK : VD_CLONE_COPY);
    }
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", c->t.uuid);
    cmd.str = vd_clone_args_format(&args);
    vd_clone_args_clear(&args);
    if (!cmd.str) {
        vd_form_message(f, VD_MSG_ERROR, "out of memory");
        return;
    }
    if (vd_form_submit_cmd(app, f, c->t.host, &cmd)) {
        vd_form_set_busy(f, true);
        vd_form_message(f, VD_MSG_BUSY, "Checking and starting the clone...");
    }
}

/* The first answer: refused (the form stays) or started (progress). */
static void
clone_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    clone_ctx *c = ctx;
    progress_view *p;
    vd_view *v;

    vd_form_set_busy(f, false);
    if (!res->ok) {
        vd_form_message(f, VD_MSG_ERROR, "%s", res->message ? res->message : "failed");
        return;
    }
    vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "clone started");
    if (!(p = calloc(1, sizeof(*p)))) {
        vd_form_close(app, f);
        return;
    }
    p->t = c->t;
    p->job = res->id;
    p->host_id = c->t.host < app->nhosts ? vd_host_id(app->hosts[c->t.host].host) : -1;
    vd_form_close(app, f);      /* frees c: only p's copy from here on */
    if ((v = vd_view_push(app, &progress_ops, p, p->t.name)))
        vd_view_set_title(v, "Clone of %s", p->t.name);
    else
        free(p);
}

/* The disks are known: build the form. */
static void
got_details(vd_app *app, vd_result *res, void *ctx)
{
    static const char *const modes[] = {
        "Copy (a new volume in its pool)",
        "Share (keep using this disk: --skip-copy)",
        "Linked (qcow2 overlay; the original must stay)",
    };
    static const char *const modev[] = { "copy", "share", "link" };
    const vd_dom_target *t = ctx;
    const vd_dom_details *dd = res->data;
    clone_ctx *c;
    vd_form *f;
    vd_field *fld;
    char name[300], label[96], kept[1024] = "";
    size_t i;
    int n;

    if (!res->ok || !dd) {
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message : "cannot read the domain");
        return;
    }
    if (!(c = calloc(1, sizeof(*c))) || !(f = vd_form_new("Clone"))) {
        free(c);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    c->t = *t;
    c->app = app;
    vd_form_set_ctx(f, c, free);
    snprintf(name, sizeof(name), "%s-clone", t->name);
    for (n = 1; name_taken(c, name) && n < 1000; n++)
        snprintf(name, sizeof(name), "%s-clone%d", t->name, n);
    vd_form_label(f, "orig", "Original", t->name);
    fld = vd_form_text(f, "name", "New name", name);
    vd_field_validate(fld, check_name, c);
    vd_field_set_help(fld, "New UUID and MAC addresses are made; the original is not changed");
    for (i = 0; i < dd->ndisks; i++) {
        const vd_disk_info *d = &dd->disks[i];
        bool writable = d->source && !d->readonly && d->device && strcmp(d->device, "disk") == 0;

        if (!d->target)
            continue;
        if (!writable || c->ndisks == MAX_DISKS) {
            size_t len = strlen(kept);

            snprintf(kept + len, sizeof(kept) - len, "%s%s (%s)", len ? ", " : "", d->target,
                     !d->source ? "empty" : d->readonly ? "read-only" : d->device ? d->device : "?");
            continue;
        }
        snprintf(c->targets[c->ndisks], sizeof(c->targets[0]), "%s", d->target);
        snprintf(label, sizeof(label), "Disk %s", d->target);
        {
            char id[48];

            snprintf(id, sizeof(id), "disk_%s", d->target);
            fld = vd_form_choice(f, id, label, modes, modev, 3, 0);
            vd_field_set_help(fld, d->source);
        }
        c->ndisks++;
    }
    if (kept[0])
        vd_form_label(f, "kept", "Kept as they are", kept);
    vd_form_on_submit(f, clone_submit);
    vd_form_on_result(f, clone_result);
    vd_form_set_submit_label(f, "Clone");
    vd_form_show(app, f);
}

/* Open the clone form of t (after reading its disks). */
void
vd_clone_form_open(vd_app *app, const vd_dom_target *t)
{
    vd_dom_target *copy = malloc(sizeof(*copy));
    vd_cmd cmd = { .kind = VD_CMD_DOM_DETAILS };

    if (!copy) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    *copy = *t;
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", t->uuid);
    vd_wait_submit(app, t->host, &cmd, "Reading the domain's disks...", got_details, copy, free);
}
