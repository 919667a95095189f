/*
 * pane_networks.c: the virtual networks of the selected host.
 */
#include <stdio.h>

#include "ui/draw.h"
#include "ui/table.h"
#include "ui/ui_priv.h"

enum { COL_NAME, COL_STATE, COL_AUTO, COL_BRIDGE };

static const vd_col columns[] = {
    [COL_NAME] = { "Name", NULL, 6, 12, true, 24, 0, false },
    [COL_STATE] = { "State", NULL, 8, 8, false, 0, 0, false },
    [COL_AUTO] = { "Auto", "A", 1, 4, false, 0, 2, false },
    [COL_BRIDGE] = { "Bridge", NULL, 7, 10, true, 16, 1, false },
};

/* One network row. */
static void
draw_row(vd_app *app, const vd_table *t, size_t i, int y, bool selected,
         bool focused)
{
    const vd_network *net = &vd_app_snap(app)->networks[i];
    attr_t normal = vd_row_attr(selected, focused, VD_ROLE_NORMAL);
    attr_t state = vd_row_attr(selected, focused,
                               net->active ? VD_ROLE_STATE_RUNNING
                                           : VD_ROLE_STATE_SHUTOFF);

    vd_table_cell(t, COL_NAME, y, net->name ? net->name : "?", normal);
    vd_table_cell(t, COL_STATE, y, net->active ? "active" : "inactive", state);
    vd_table_cell(t, COL_AUTO, y, net->autostart ? vd_glyph_str(VD_GLYPH_MARK) : "",
                  normal);
    vd_table_cell(t, COL_BRIDGE, y, net->bridge ? net->bridge : "-", normal);
}

/* Draw the networks pane inside inner. */
static void
draw_networks(vd_app *app, const vd_rect *inner, bool focused)
{
    size_t n = vd_app_rows(app, VD_PANE_NETWORKS);
    vd_table t;

    if (inner->h <= 0 || inner->w <= 0)
        return;
    if (!vd_app_connected(app)) {
        vd_pane_note(app, inner, NULL);
        return;
    }
    vd_table_layout(&t, columns, sizeof(columns) / sizeof(columns[0]),
                    inner->x + 1, inner->w - 2);
    vd_table_header(&t, inner->y, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    if (n == 0) {
        vd_rect body = { inner->y + 1, inner->x, inner->h - 1, inner->w };

        vd_pane_note(app, &body, "no networks");
        return;
    }
    vd_table_rows(app, &t, vd_app_sel(app, VD_PANE_NETWORKS), n, inner->y + 1,
                  inner->h - 1, focused, draw_row);
}

/* One line about net for the status line. */
void
vd_network_summary(const vd_network *net, char *buf, size_t len)
{
    snprintf(buf, len, "%s: %s, bridge %s, %s, %s, UUID %s",
             net->name ? net->name : "?", net->active ? "active" : "inactive",
             net->bridge ? net->bridge : "none",
             net->autostart ? "autostart" : "no autostart",
             net->persistent ? "persistent" : "transient", net->uuid);
}

const vd_pane_ops vd_pane_networks = {
    .title = "Networks",
    .header_rows = 1,
    .draw = draw_networks,
};
