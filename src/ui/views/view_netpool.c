/*
 * view_netpool.c: the parts of the network and pool details views that
 * are the same for both (netpool_view.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui/app/view.h"
#include "ui/views/netpool_view.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"

/* Send a command on the object. */
void
vd_np_send(vd_app *app, size_t hi, vd_cmd_kind kind, const char *uuid,
           long long num)
{
    vd_cmd cmd = { .kind = kind, .num = num };

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    if (vd_view_submit(app, NULL, hi, &cmd))
        vd_app_message(app, VD_MSG_BUSY, "%s...", vd_cmd_describe(kind)->verb);
}

/* What a question carries to its answer. */
typedef struct np_ref {
    size_t hi;
    char uuid[VD_UUID_LEN];
    char name[128];
    const char *noun;
    vd_cmd_kind kind;
    void (*after_yes)(vd_app *app, const char *uuid);
} np_ref;

/* The answer. */
static void
answered(vd_app *app, bool yes, void *ctx)
{
    np_ref *r = ctx;

    if (yes) {
        vd_np_send(app, r->hi, r->kind, r->uuid, 0);
        if (r->after_yes)
            r->after_yes(app, r->uuid);
    } else {
        vd_app_message(app, VD_MSG_INFO, "%s %s kept", r->noun, r->name);
    }
    free(r);
}

/* Ask first. */
void
vd_np_ask(vd_app *app, size_t hi, const char *uuid, const char *name,
          const char *noun, vd_cmd_kind kind, const char *title,
          const char *text, bool by_name,
          void (*after_yes)(vd_app *app, const char *uuid))
{
    np_ref *r = calloc(1, sizeof(*r));

    if (!r)
        return;
    r->hi = hi;
    r->kind = kind;
    r->noun = noun;
    r->after_yes = after_yes;
    snprintf(r->uuid, sizeof(r->uuid), "%s", uuid);
    snprintf(r->name, sizeof(r->name), "%s", name);
    if (by_name)
        vd_dialog_confirm_name(app, title, text, name, answered, r);
    else
        vd_dialog_confirm(app, title, text, answered, r);
}

/* "Label: value". */
int
vd_np_row(const vd_rect *a, int y, const char *label, const char *value)
{
    if (y >= a->y + a->h)
        return y;
    vd_draw_text(y, a->x + 2, 14, label, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    vd_draw_text(y, a->x + 17, a->w - 19, value ? value : "-",
                 vd_role_attr(VD_ROLE_NORMAL));
    return y + 1;
}
