/*
 * form_netpool.c: the parts the create-network and create-pool forms
 * share (form_netpool.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui/forms/form_netpool.h"

/* A new form on the selected host, when it can take a new object; b,
 * the key that asked, is deferred while the host's lists are read. */
vd_form *
vd_np_form_new(vd_app *app, const vd_binding *b, const vd_np_form_kind *k,
               void **ctx)
{
    const char *noun = k->noun;
    const vd_snapshot *snap = vd_app_snap(app);
    vd_np_form_base *base;
    vd_form *f;
    char what[48];

    if (!snap || snap->conn != VD_CONN_CONNECTED) {
        vd_app_message(app, VD_MSG_ERROR, "new %s: the host is not connected", noun);
        return NULL;
    }
    snprintf(what, sizeof(what), "the new %s form", noun);
    if (vd_app_defer_key(app, app->host_sel.cursor, b, what))
        return NULL;
    if (snap->partial) {        /* its checks need the lists */
        vd_app_message(app, VD_MSG_ERROR, "new %s: still reading the host's "
                       "networks and pools; try again in a moment", noun);
        return NULL;
    }
    if (snap->readonly) {
        vd_app_message(app, VD_MSG_ERROR, "read-only connection: new %s refused",
                       noun);
        return NULL;
    }
    if (!(f = vd_form_new(k->title)))
        return NULL;
    if (!(base = calloc(1, k->size))) {
        vd_form_free(f);
        return NULL;
    }
    base->app = app;
    base->hi = app->host_sel.cursor;
    vd_form_set_ctx(f, base, k->ctx_free);
    vd_field_validate(vd_form_text(f, "name", "Name", ""), k->check_name, base);
    vd_form_choice(f, k->choice_id, k->choice_label, k->choice_labels,
                   k->choice_values, k->nchoices, 0);
    *ctx = base;
    return f;
}

/* The form's host's snapshot. */
const vd_snapshot *
vd_np_form_snap(const vd_np_form_base *b)
{
    return b->hi < b->app->nhosts ? b->app->hosts[b->hi].snap : NULL;
}

/* The last fields, the button and the callbacks. */
void
vd_np_form_finish(vd_app *app, vd_form *f, vd_form_change_fn change,
                  vd_form_submit_fn submit, vd_form_result_fn result, void *ctx)
{
    vd_form_check(f, "start", "Start now", true);
    vd_form_check(f, "autostart", "Autostart", false);
    vd_form_set_submit_label(f, "Create");
    vd_form_on_change(f, change);
    vd_form_on_submit(f, submit);
    vd_form_on_result(f, result);
    change(app, f, NULL, ctx);
}

/* Submit the create command. */
void
vd_np_form_submit(vd_app *app, vd_form *f, const vd_np_form_base *b,
                  const char *noun, const char *name, vd_cmd *cmd,
                  unsigned int start_flag, unsigned int autostart_flag)
{
    if (vd_form_checked(f, "start"))
        cmd->flags |= start_flag;
    if (vd_form_checked(f, "autostart"))
        cmd->flags |= autostart_flag;
    if (vd_form_submit_cmd(app, f, b->hi, cmd)) {
        vd_form_set_busy(f, true);
        vd_form_message(f, VD_MSG_BUSY, "creating %s %s...", noun, name);
    }
}

/* The create command's answer. */
void
vd_np_form_created(vd_app *app, vd_form *f, vd_result *res)
{
    vd_form_set_busy(f, false);
    if (res->ok) {
        vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "created");
        vd_form_close(app, f);
        return;
    }
    vd_form_message(f, VD_MSG_ERROR, "%s", res->message ? res->message : "refused");
}

/* A checked text field; see form_netpool.h. */
vd_field *
vd_np_text(vd_form *f, const char *id, const char *label, const char *def,
           vd_field_check_fn check, void *ctx, const char *help)
{
    vd_field *fld = vd_form_text(f, id, label, def);

    if (check)
        vd_field_validate(fld, check, ctx);
    if (help)
        vd_field_set_help(fld, help);
    return fld;
}
