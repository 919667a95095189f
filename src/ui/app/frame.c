/*
 * frame.c: the screen's layout and its fixed parts: the header line,
 * the pane boxes and titles, the status line and the function-key bar.
 *
 *   header                                  (1 row)
 *   +- Hosts ----+ +- Domains -------------+
 *   +- Networks -+ |                       |
 *   +- Pools ----+ +-----------------------+
 *   status line                             (1 row)
 *   F1Help F5Refresh ...                    (1 row)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/app/view.h"
#include "ui/panes/all_hosts.h"

/* Whether (y, x) lies in r. */
bool
vd_rect_contains(const vd_rect *r, int y, int x)
{
    return r->h > 0 && r->w > 0 && y >= r->y && y < r->y + r->h &&
           x >= r->x && x < r->x + r->w;
}

/* v limited to [lo, hi] (hi wins when lo > hi). */
static int
clamp(int v, int lo, int hi)
{
    if (v < lo)
        v = lo;
    if (v > hi)
        v = hi;
    return v;
}

/* Compute every rectangle from the terminal size. */
void
vd_frame_layout(vd_app *app)
{
    int rows = LINES, cols = COLS;
    int body_h = rows - 3;
    int left_w, hosts_h, nets_h, rest;

    if (body_h < 0)
        body_h = 0;
    app->header = (vd_rect){ 0, 0, rows > 0 ? 1 : 0, cols };
    app->body = (vd_rect){ 1, 0, body_h, cols };
    app->status = (vd_rect){ rows - 2, 0, rows >= 2 ? 1 : 0, cols };
    app->keybar = (vd_rect){ rows - 1, 0, rows >= 3 ? 1 : 0, cols };

    /* Left column: about 30% of the width, 32 to 64 columns, never
     * more than half. */
    left_w = clamp(cols * 3 / 10, 32, 64);
    left_w = clamp(left_w, 0, cols / 2);

    /* Hosts: one row each and a few lines of the selected host's
     * details, at most a third of the height. */
    hosts_h = clamp((int)app->nhosts + 2 + 4, 4, body_h / 3);
    hosts_h = clamp(hosts_h, 0, body_h);
    rest = body_h - hosts_h;
    nets_h = rest / 2;

    app->panes[VD_PANE_HOSTS] = (vd_rect){ 1, 0, hosts_h, left_w };
    app->panes[VD_PANE_NETWORKS] = (vd_rect){ 1 + hosts_h, 0, nets_h, left_w };
    app->panes[VD_PANE_POOLS] =
        (vd_rect){ 1 + hosts_h + nets_h, 0, rest - nets_h, left_w };
    app->panes[VD_PANE_DOMAINS] = (vd_rect){ 1, left_w, body_h, cols - left_w };
}

/* The header: product, selected host, its state and counts. */
static void
draw_header(vd_app *app)
{
    const vd_rect *r = &app->header;
    attr_t attr = vd_role_attr(VD_ROLE_HEADER);
    const vd_snapshot *snap = vd_app_snap(app);
    char buf[512], label[128];
    int x = r->x;
    int end = r->x + r->w;

    if (r->h <= 0)
        return;
    vd_draw_fill(r->y, r->x, r->w, attr);
    x += vd_draw_text(r->y, x, end - x, " virtdeck ", attr | A_BOLD);
    if (!snap)
        return;
    x += vd_draw_text(r->y, x, end - x, vd_glyph_str(VD_GLYPH_SEP), attr);
    /* A long label (a test:/// path) must leave room for the counts. */
    x += vd_draw_text(r->y, x + 1, clamp(end - x - 1, 0, r->w > 48 ? r->w / 4 : 12),
                      vd_all_hosts_label(app, app->host_sel.cursor, label, sizeof(label)),
                      attr | A_BOLD) + 1;
    snprintf(buf, sizeof(buf), ": %s%s ", vd_conn_state_name(snap->conn),
             snap->readonly ? " (read-only)" : "");
    if (vd_app_stale_s(snap) >= 0)
        snprintf(buf, sizeof(buf), ": connected%s, stale: no answer for %ds ",
                 snap->readonly ? " (read-only)" : "", vd_app_stale_s(snap));
    else if (vd_app_connecting_s(snap) >= 0)
        snprintf(buf, sizeof(buf), ": connecting for %ds ",
                 vd_app_connecting_s(snap));
    x += vd_draw_text(r->y, x, end - x, buf, attr);
    if (snap->conn == VD_CONN_CONNECTED) {
        vd_dom_counts dc;
        size_t active_nets = 0, active_pools = 0;

        vd_dom_count(snap->domains, snap->ndomains, &dc);
        for (size_t i = 0; i < snap->nnetworks; i++)
            active_nets += snap->networks[i].active;
        for (size_t i = 0; i < snap->npools; i++)
            active_pools += snap->pools[i].state == VD_POOL_RUNNING;
        x += vd_draw_text(r->y, x, end - x, vd_glyph_str(VD_GLYPH_SEP), attr);
        snprintf(buf, sizeof(buf), " %zu VMs: %zu running, %zu paused, %zu off ",
                 dc.total, dc.running, dc.paused, dc.off);
        x += vd_draw_text(r->y, x, end - x, buf, attr);
        if (snap->partial)      /* networks and pools: on the next read */
            return;
        x += vd_draw_text(r->y, x, end - x, vd_glyph_str(VD_GLYPH_SEP), attr);
        snprintf(buf, sizeof(buf), " %zu/%zu nets %zu/%zu pools up ",
                 active_nets, snap->nnetworks, active_pools, snap->npools);
        vd_draw_text(r->y, x, end - x, buf, attr);
    }
}

/* A pane's box and its title; returns the inside rectangle. */
static vd_rect
draw_pane_frame(vd_app *app, vd_pane_id pane)
{
    const vd_rect *r = &app->panes[pane];
    bool focused = app->focus == pane;
    vd_rect inner = { r->y + 1, r->x + 1, r->h - 2, r->w - 2 };
    char title[400];
    size_t n = vd_app_rows(app, pane);

    vd_draw_box(r, vd_role_attr(focused ? VD_ROLE_BORDER_FOCUS
                                        : VD_ROLE_BORDER));
    if (pane != VD_PANE_HOSTS && vd_app_connected(app)) {
        /* Object panes: how many match the filter, how many are marked. */
        const vd_list *list = vd_list_get(app, pane);
        char marks[32] = "";

        if (list->nmarks)
            snprintf(marks, sizeof(marks), ", %zu marked", list->nmarks);
        if (list->filter[0])
            snprintf(title, sizeof(title), " %s (%zu of %zu%s) /%s ",
                     vd_pane_get(pane)->title, n, list->total, marks, list->filter);
        else
            snprintf(title, sizeof(title), " %s (%zu%s) ",
                     vd_pane_get(pane)->title, n, marks);
    } else if (pane == VD_PANE_HOSTS || vd_app_connected(app))
        snprintf(title, sizeof(title), " %s (%zu) ", vd_pane_get(pane)->title, n);
    else
        snprintf(title, sizeof(title), " %s ", vd_pane_get(pane)->title);
    if (r->h >= 1 && r->w > 4) {
        int tw = vd_draw_text(r->y, r->x + 2, r->w - 4, title,
                              vd_role_attr(focused ? VD_ROLE_PANE_TITLE_FOCUS
                                                   : VD_ROLE_PANE_TITLE));
        /* the live monitor's host meters on the rest of the top border */
        if (pane == VD_PANE_DOMAINS)
            vd_monitor_meters(app, r->y, r->x + 3 + tw, r->w - 5 - tw);
    }
    /* Where the cursor is when the list does not fit. */
    if (pane != VD_PANE_HOSTS && n > vd_app_page(app, pane) && r->w > 16) {
        char pos[48];

        snprintf(pos, sizeof(pos), " %zu/%zu ", vd_app_sel(app, pane)->cursor + 1, n);
        vd_draw_text_right(r->y + r->h - 1, r->x + 1, r->w - 3, pos,
                           vd_role_attr(focused ? VD_ROLE_BORDER_FOCUS
                                                : VD_ROLE_BORDER));
    }
    if (inner.h < 0)
        inner.h = 0;
    if (inner.w < 0)
        inner.w = 0;
    return inner;
}

/* The status line: the last message. */
static void
draw_status(vd_app *app)
{
    const vd_rect *r = &app->status;
    vd_role role = VD_ROLE_STATUS;

    if (r->h <= 0)
        return;
    switch (app->msg_kind) {
    case VD_MSG_OK:
        role = VD_ROLE_STATUS_OK;
        break;
    case VD_MSG_BUSY:
        role = VD_ROLE_STATUS_BUSY;
        break;
    case VD_MSG_ERROR:
        role = VD_ROLE_STATUS_ERROR;
        break;
    case VD_MSG_INFO:
        break;
    }
    vd_draw_fill(r->y, r->x, r->w, vd_role_attr(VD_ROLE_STATUS));
    if (app->msg[0]) {
        char buf[sizeof(app->msg) + 2];

        snprintf(buf, sizeof(buf), " %s ", app->msg);
        vd_draw_text(r->y, r->x, r->w, buf, vd_role_attr(role));
    }
}

/* Compare two bar bindings by their position on the bar. */
static int
bar_cmp(const void *a, const void *b)
{
    const vd_binding *const *x = a;
    const vd_binding *const *y = b;

    return (*x)->bar - (*y)->bar;
}

/* The htop-like bar: "F1Help  F5Refresh ..." from the key table; each
 * item is also a click target. */
static void
draw_keybar(vd_app *app)
{
    const vd_rect *r = &app->keybar;
    const vd_binding *items[VD_MAX_HITS];
    const vd_binding *table;
    size_t n, nitems = 0;
    int x = r->x, end = r->x + r->w;

    app->nhits = 0;
    if (r->h <= 0)
        return;
    vd_draw_fill(r->y, r->x, r->w, vd_role_attr(VD_ROLE_KEY_LABEL));
    table = vd_views_keys(app, &n);
    if (vd_views_owner(app)) {
        const vd_binding *common;
        size_t nc;

        /* A view's bar: its own keys, then the common ones (help, back). */
        for (size_t i = 0; i < n && nitems < VD_MAX_HITS; i++)
            if (table[i].bar > 0)
                items[nitems++] = &table[i];
        common = vd_views_common_keys(&nc);
        if (vd_views_owner(app)->ops->flags & VD_VIEW_OWN_BAR)
            nc = 0;             /* Esc and F1 are not ours to show */
        for (size_t i = 0; i < nc && nitems < VD_MAX_HITS; i++)
            if (common[i].bar > 0)
                items[nitems++] = &common[i];
        n = 0;
    } else {
        table = vd_keys_table(&n);
    }
    /* The main screen's bar: the keys of the focused pane (r refreshes
     * a pool, it does not reboot anything there). */
    for (size_t i = 0; i < n && nitems < VD_MAX_HITS; i++)
        if (table[i].bar > 0 &&
            (vd_views_owner(app) || (table[i].panes & VD_PANE_BIT(app->focus))))
            items[nitems++] = &table[i];
    qsort(items, nitems, sizeof(items[0]), bar_cmp);

    for (size_t i = 0; i < nitems && x < end; i++) {
        char label[32];
        int x0 = x;

        snprintf(label, sizeof(label), "%-6s", items[i]->bar_label);
        x += vd_draw_text(r->y, x, end - x, items[i]->name,
                          vd_role_attr(VD_ROLE_KEY_HINT));
        x += vd_draw_text(r->y, x, end - x, label,
                          vd_role_attr(VD_ROLE_KEY_LABEL));
        if (x < end)
            x++;
        app->hits[app->nhits].x0 = x0;
        app->hits[app->nhits].x1 = x;
        app->hits[app->nhits].key = items[i]->key;
        app->nhits++;
    }
}

/* Draw everything but the overlays. */
void
vd_frame_draw(vd_app *app)
{
    draw_header(app);
    for (int p = 0; p < VD_PANE_LAST && !vd_views_cover(app); p++) {
        const vd_rect *r = &app->panes[p];
        vd_rect inner;

        if (r->h < 2 || r->w < 2)
            continue;
        inner = draw_pane_frame(app, (vd_pane_id)p);
        vd_pane_get((vd_pane_id)p)->draw(app, &inner, app->focus == (vd_pane_id)p);
    }
    draw_status(app);
    draw_keybar(app);
}

/* The ops of pane. */
const vd_pane_ops *
vd_pane_get(vd_pane_id pane)
{
    switch (pane) {
    case VD_PANE_HOSTS:
        return &vd_pane_hosts;
    case VD_PANE_DOMAINS:
        return &vd_pane_domains;
    case VD_PANE_NETWORKS:
        return &vd_pane_networks;
    case VD_PANE_POOLS:
    case VD_PANE_LAST:
        break;
    }
    return &vd_pane_pools;
}
