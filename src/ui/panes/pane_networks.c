/*
 * pane_networks.c: the virtual networks of the selected host.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"
#include "ui/widgets/table.h"
#include "ui/ui_priv.h"

enum { COL_NAME, COL_STATE, COL_AUTO, COL_BRIDGE };

static const vd_col columns[] = {
    [COL_NAME] = { "Name", NULL, 6, 12, true, 24, 0, false },
    [COL_STATE] = { "State", NULL, 8, 8, false, 0, 0, false },
    [COL_AUTO] = { "Auto", "A", 1, 4, false, 0, 2, false },
    [COL_BRIDGE] = { "Bridge", NULL, 7, 10, true, 16, 1, false },
};

/* ---- sorting and filtering (listview.h) ---- */

#define NET(r) ((const vd_network *)(r)->obj)

static int cmp_name(const vd_row *a, const vd_row *b) { (void)a; (void)b; return 0; }
static int cmp_state(const vd_row *a, const vd_row *b) { return (int)NET(b)->active - (int)NET(a)->active; }
static int cmp_auto(const vd_row *a, const vd_row *b) { return (int)NET(b)->autostart - (int)NET(a)->autostart; }

/* Bridge names, missing ones last. */
static int
cmp_bridge(const vd_row *a, const vd_row *b)
{
    const char *x = NET(a)->bridge, *y = NET(b)->bridge;

    if (!x || !y)
        return !x - !y;
    return strcmp(x, y);
}

/* Filter terms: state:active|inactive, bridge:NAME. */
static bool
match_network(const void *ctx, const vd_row *row, const char *key,
              const char *value)
{
    (void)ctx;
    if (strcasecmp(key, "state") == 0)
        return strncasecmp(NET(row)->active ? "active" : "inactive", value,
                           strlen(value)) == 0;
    if (strcasecmp(key, "bridge") == 0)
        return NET(row)->bridge && strcasestr(NET(row)->bridge, value);
    return false;
}

static const vd_list_kind networks_kind = {
    .cmp = { [COL_NAME] = cmp_name, [COL_STATE] = cmp_state,
             [COL_AUTO] = cmp_auto, [COL_BRIDGE] = cmp_bridge },
    .names = { [COL_NAME] = "name", [COL_STATE] = "state",
               [COL_AUTO] = "autostart", [COL_BRIDGE] = "bridge" },
    .ncols = sizeof(columns) / sizeof(columns[0]),
    .default_col = COL_NAME,
    .match = match_network,
};

/* One network row. */
static void
draw_row(vd_app *app, const vd_table *t, size_t i, int y, bool selected,
         bool focused)
{
    const vd_network *net = vd_app_row(app, VD_PANE_NETWORKS, i)->obj;
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
    vd_pane_table(app, inner, focused, VD_PANE_NETWORKS);
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

/* The summary of a row's object. */
static void
summary_row(const vd_row *row, char *buf, size_t len)
{
    vd_network_summary(row->obj, buf, len);
}

const vd_pane_ops vd_pane_networks = {
    .title = "Networks",
    .header_rows = 1,
    .draw = draw_networks,
    .kind = &networks_kind,
    .columns = columns,
    .ncols = sizeof(columns) / sizeof(columns[0]),
    .empty = "no networks",
    .draw_row = draw_row,
    .summary = summary_row,
};
