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
    list = vd_list_get(app, app->focus);
    vd_list_sort_cycle(app, list, b->arg);
    vd_list_say_sort(app, list);
}

void
vd_act_sort_reverse(vd_app *app, const vd_binding *b)
{
    (void)b;
    if (need_list(app))
        vd_list_sort_reverse(app, vd_list_get(app, app->focus));
}

void
vd_act_filter(vd_app *app, const vd_binding *b)
{
    (void)b;
    if (need_list(app))
        vd_list_filter_prompt(app, vd_list_get(app, app->focus), NULL);
}

void
vd_act_mark(vd_app *app, const vd_binding *b)
{
    vd_list *list;
    const vd_row *row;

    (void)b;
    if (!need_list(app))
        return;
    list = vd_list_get(app, app->focus);
    if (!(row = vd_list_cursor_row(list))) {
        vd_app_message(app, VD_MSG_INFO, "Nothing to mark");
        return;
    }
    vd_list_toggle_mark(app, list, row);
    vd_list_go(app, list, VD_MOVE_DOWN, 1);
}

void
vd_act_unmark_all(vd_app *app, const vd_binding *b)
{
    (void)b;
    if (!need_list(app))
        return;
    vd_list_clear_marks(app, vd_list_get(app, app->focus));
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
