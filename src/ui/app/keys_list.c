/*
 * keys_list.c: sort, filter and mark keys, and the action menu.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/dialog.h"
#include "ui/app/keys_list.h"
#include "ui/widgets/listview.h"

/* Whether the focused pane sorts and filters; says so when not. */
static bool
need_list(vd_app *app)
{
    vd_list *list;

    if (app->focus == VD_PANE_HOSTS) {
        vd_app_message(app, VD_MSG_INFO, "The hosts pane does not sort or filter");
        return false;
    }
    list = vd_list_get(app, app->focus);
    if (!list->kind) {
        vd_app_message(app, VD_MSG_INFO, "This pane does not sort or filter yet");
        return false;
    }
    return true;
}

void
vd_act_sort_cycle(vd_app *app, const vd_binding *b)
{
    vd_list *list;

    if (!need_list(app))
        return;
    vd_list_sort_cycle(app, app->focus, b->arg);
    list = vd_list_get(app, app->focus);
    if (list->kind && list->sort_col >= 0)
        vd_app_message(app, VD_MSG_INFO, "Sorted by %s%s",
                       list->kind->names[list->sort_col]
                       ? list->kind->names[list->sort_col] : "?",
                       list->reverse ? ", reversed" : "");
}

void
vd_act_sort_reverse(vd_app *app, const vd_binding *b)
{
    (void)b;
    if (need_list(app))
        vd_list_sort_reverse(app, app->focus);
}

/* What the filter prompt edits. */
typedef struct filter_ctx {
    vd_app *app;
    vd_pane_id pane;
    char old[256];
} filter_ctx;

/* Apply the filter as it is typed (the prompt's check). */
static const char *
filter_live(const char *text, char *err, size_t errlen, void *ctx)
{
    filter_ctx *f = ctx;

    (void)err;
    (void)errlen;
    vd_list_set_filter(f->app, f->pane, text);
    return NULL;
}

/* Enter keeps the filter; Esc puts the old one back. */
static void
filter_done(vd_app *app, const char *text, void *ctx)
{
    filter_ctx *f = ctx;

    vd_list_set_filter(app, f->pane, text ? text : f->old);
    if (text && *text)
        vd_app_message(app, VD_MSG_INFO, "Filter: %s (/ then ^U Enter clears it)",
                       text);
    else if (text)
        vd_app_message(app, VD_MSG_INFO, "Filter cleared");
    free(f);
}

void
vd_act_filter(vd_app *app, const vd_binding *b)
{
    filter_ctx *f;
    vd_list *list;

    (void)b;
    if (!need_list(app) || !(f = calloc(1, sizeof(*f))))
        return;
    list = vd_list_get(app, app->focus);
    f->app = app;
    f->pane = app->focus;
    snprintf(f->old, sizeof(f->old), "%s", list->filter);
    vd_dialog_prompt(app, "Filter", "Name contains (terms: state:running "
                     "host:NAME auto:yes):", list->filter, false, filter_live,
                     filter_done, f);
}

void
vd_act_mark(vd_app *app, const vd_binding *b)
{
    const vd_row *row;
    vd_sel *sel;

    (void)b;
    if (!need_list(app))
        return;
    sel = vd_app_sel(app, app->focus);
    if (!(row = vd_app_row(app, app->focus, sel->cursor))) {
        vd_app_message(app, VD_MSG_INFO, "Nothing to mark");
        return;
    }
    vd_list_toggle_mark(app, app->focus, row);
    vd_app_select(app, app->focus, sel->cursor + 1);
}

void
vd_act_unmark_all(vd_app *app, const vd_binding *b)
{
    (void)b;
    if (!need_list(app))
        return;
    vd_list_clear_marks(app, app->focus);
    vd_app_message(app, VD_MSG_INFO, "No rows marked");
}

void
vd_act_menu(vd_app *app, const vd_binding *b)
{
    static const char *const titles[VD_PANE_LAST] = {
        [VD_PANE_HOSTS] = "Host actions", [VD_PANE_DOMAINS] = "Domain actions",
        [VD_PANE_NETWORKS] = "Network actions", [VD_PANE_POOLS] = "Pool actions",
    };
    const vd_binding *table;
    size_t n;

    (void)b;
    table = vd_keys_table(&n);
    if (!vd_dialog_actions(app, titles[app->focus], table, n,
                           VD_PANE_BIT(app->focus)))
        vd_app_message(app, VD_MSG_INFO, "No actions here");
}
