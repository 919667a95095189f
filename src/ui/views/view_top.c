/*
 * view_top.c: the top view, htop-like: one meter row per host (CPU and
 * memory bars, domains running/total, the tick; or why the host is not
 * connected), then one table of every domain of every connected host
 * with its live figures. Any column sorts (< > F6, I, a click on its
 * title; CPU % busiest first at the start), / filters, rows are kept by
 * host + UUID so the cursor stays on its domain as the order changes.
 * Enter opens the domain's details; Space marks rows, and the domain
 * actions of the registry (registry.h) act on the marked rows, else on
 * the cursor's.
 *
 * The table is the list component (listview.h) on a list of its own,
 * with the domain comparators (dom_sort.h): it owns the cursor, the
 * moves, the wheel, the header clicks, the sort, the filter and the
 * marks. Everything is drawn from the snapshots the app holds: nothing
 * here waits on a worker. Only the visible rows are drawn; the rows are
 * re-sorted, and the states counted, only when a snapshot, the sort or
 * the filter changed — a key that moves the cursor does neither.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/panes/all_hosts.h"
#include "ui/widgets/listview.h"
#include "ui/panes/dom_sort.h"
#include "ui/views/monitor.h"
#include "ui/widgets/table.h"
#include "ui/app/quit.h"
#include "ui/app/view.h"

enum { COL_NAME, COL_HOST, COL_STATE, COL_VCPUS, COL_CPU, COL_MEMPCT,
       COL_MEM, COL_DISK, COL_NET, COL_SPARK, NCOLS };

/* At 80 columns: name, host, state, vCPUs, CPU %, memory and disk;
 * network and the sparkline join on wider terminals. */
static const vd_col columns[NCOLS] = {
    [COL_NAME] = { "Name", NULL, 12, 14, true, 32, 0, false },
    [COL_HOST] = { "Host", NULL, 8, 20, false, 0, 2, false },
    [COL_STATE] = { "State", NULL, 8, 8, false, 0, 0, false },
    [COL_VCPUS] = { "vCPU", NULL, 4, 4, false, 0, 3, true },
    [COL_CPU] = { "CPU%", NULL, 5, 6, false, 0, 0, true },
    [COL_MEMPCT] = { "Mem%", NULL, 4, 4, false, 0, 1, true },
    [COL_MEM] = { "Mem used/total", "Used/Total", 11, 12, true, 14, 1, true },
    [COL_DISK] = { "Disk rd/wr", "Disk", 11, 14, false, 0, 4, true },
    [COL_NET] = { "Net rx/tx", "Net", 11, 14, false, 0, 5, true },
    [COL_SPARK] = { "CPU graph", "Graph", 6, 16, true, 30, 6, false },
};

typedef struct top_view {
    vd_list *list;              /* its own cursor, kept by host + UUID */
    int rows_y, nrows;          /* the rows of the last draw */
    unsigned int counted;       /* list->builds the counts are of */
    size_t running, paused, off, total, up;
} top_view;

/* ---- sorting: the domain comparators (dom_sort.h) ---- */

static const vd_list_kind top_kind = {
    .cmp = {
        [COL_NAME] = vd_dom_cmp_name, [COL_HOST] = vd_dom_cmp_host,
        [COL_STATE] = vd_dom_cmp_state, [COL_VCPUS] = vd_dom_cmp_vcpus,
        [COL_CPU] = vd_dom_cmp_cpu, [COL_MEMPCT] = vd_dom_cmp_mem_pct,
        [COL_MEM] = vd_dom_cmp_mem_used, [COL_DISK] = vd_dom_cmp_disk,
        [COL_NET] = vd_dom_cmp_net, [COL_SPARK] = vd_dom_cmp_cpu,
    },
    /* figures largest first (the monitor's order), name and state
     * ascending */
    .desc = {
        [COL_VCPUS] = true, [COL_CPU] = true, [COL_MEMPCT] = true,
        [COL_MEM] = true, [COL_DISK] = true, [COL_NET] = true,
        [COL_SPARK] = true,
    },
    .names = {
        [COL_NAME] = "name", [COL_HOST] = "host", [COL_STATE] = "state",
        [COL_VCPUS] = "vCPUs", [COL_CPU] = "CPU %", [COL_MEMPCT] = "memory %",
        [COL_MEM] = "memory used", [COL_DISK] = "disk I/O",
        [COL_NET] = "network I/O", [COL_SPARK] = "CPU %",
    },
    .ncols = NCOLS,
    .default_col = COL_CPU,
    /* the domains pane's filter terms (state:, host:, auto:) */
    .match = vd_dom_match,
};

/* Fresh rows (rebuilt, filtered and sorted only when a snapshot, the
 * sort or the filter changed; the cursor stays on its domain). */
static vd_list *
rows(vd_app *app, top_view *tv)
{
    vd_list_refresh(app, tv->list);
    return tv->list;
}

/* The cursor's domain as an action target; false (said) when none. */
static bool
cursor_target(vd_app *app, top_view *tv, vd_dom_target *t)
{
    const vd_row *r = vd_list_cursor_row(rows(app, tv));

    if (!r) {
        vd_app_message(app, VD_MSG_ERROR, "No domain selected");
        return false;
    }
    vd_dom_target_set(t, r->host, r->uuid, r->name);
    return true;
}

/* ---- drawing ---- */

/* The tick of snap as "2s" / "0.5s". */
static void
fmt_tick(const vd_snapshot *snap, char *buf, size_t len)
{
    if (vd_app_stale_s(snap) >= 0)
        snprintf(buf, len, "stale %ds", vd_app_stale_s(snap));
    else if (snap->tick_ms % 1000)
        snprintf(buf, len, "%.1fs", snap->tick_ms / 1000.0);
    else
        snprintf(buf, len, "%ds", snap->tick_ms / 1000);
}

/* The label of host hi for the meter rows. */
static const char *
host_label(vd_app *app, size_t hi, char *buf, size_t len)
{
    const char *l = vd_all_hosts_label(app, hi, buf, len);
    const vd_snapshot *snap = app->hosts[hi].snap;

    if (!*l)
        l = snap && snap->uri ? snap->uri : "?";
    return l;
}

/* One meter "CPU[bar] 12%" at x, the bar barw wide; returns the width. */
static int
meter(int y, int x, const char *label, bool valid, double pct,
      const char *text, int barw)
{
    int w = vd_draw_text(y, x, 8, label, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    attr_t attr = vd_role_attr(valid ? vd_monitor_role(pct) : VD_ROLE_DIM);

    w += vd_draw_text(y, x + w, 1, "[", vd_role_attr(VD_ROLE_BORDER));
    vd_draw_bar(y, x + w, barw, valid ? pct / 100.0 : 0, attr,
                vd_role_attr(VD_ROLE_BAR_FREE));
    w += barw;
    w += vd_draw_text(y, x + w, 1, "]", vd_role_attr(VD_ROLE_BORDER));
    w += vd_draw_text(y, x + w, 32, text, attr);
    return w;
}

/* The meter row of host hi in [x, x + w) of row y, its label lw wide
 * (so that the bars of all rows line up). */
static void
draw_host_row(vd_app *app, size_t hi, int y, int x, int w, int lw)
{
    const vd_snapshot *snap = app->hosts[hi].snap;
    const vd_host_rates *hr;
    char label[64], cpu[16], mem[40], mtext[36], tail[64], tick[16], a[16], b[16];
    char msg[512];
    int fixed, barw, cx;

    vd_draw_text(y, x, lw, host_label(app, hi, label, sizeof(label)),
                 vd_role_attr(VD_ROLE_HEADER) | A_BOLD);
    cx = x + lw + 1;
    w -= lw + 1;
    if (!snap) {
        vd_draw_text(y, cx, w, "starting", vd_role_attr(VD_ROLE_CONN_BUSY));
        return;
    }
    switch (snap->conn) {
    case VD_CONN_CONNECTING:
        if (vd_app_connecting_s(snap) >= VD_APP_NO_ANSWER_S)
            snprintf(msg, sizeof(msg), "no answer for %ds: is the daemon stopped or hung?",
                     vd_app_connecting_s(snap));
        else
            snprintf(msg, sizeof(msg), "connecting%s", vd_draw_utf8() ? "\u2026" : "...");
        vd_draw_text(y, cx, w, msg, vd_role_attr(VD_ROLE_CONN_BUSY));
        return;
    case VD_CONN_IDLE:
        vd_draw_text(y, cx, w, "not connected (c in the hosts pane connects)",
                     vd_role_attr(VD_ROLE_DIM));
        return;
    case VD_CONN_FAILED: {
        int retry = vd_app_retry_s(snap);

        snprintf(msg, sizeof(msg), "failed, retry %s%ds: %s",
                 retry > 0 ? "in " : "now ", retry > 0 ? retry : 0,
                 snap->error ? snap->error : "no answer");
        msg[strcspn(msg, "\n")] = '\0';
        vd_draw_text(y, cx, w, msg, vd_role_attr(VD_ROLE_CONN_FAILED));
        return;
    }
    case VD_CONN_CONNECTED:
    case VD_CONN_LAST:
        break;
    }
    hr = &snap->stats.rates;
    fmt_tick(snap, tick, sizeof(tick));
    snprintf(cpu, sizeof(cpu), " %3.0f%%", hr->cpu_valid ? hr->cpu_pct : 0);
    if (hr->mem_valid)
        snprintf(mtext, sizeof(mtext), "%s/%s",
                 vd_stats_fmt_bytes((double)hr->mem_used_kib * 1024, a, sizeof(a)),
                 vd_stats_fmt_bytes((double)hr->mem_total_kib * 1024, b, sizeof(b)));
    else
        snprintf(mtext, sizeof(mtext), "-");
    snprintf(mem, sizeof(mem), " %-11s", mtext);
    if (!hr->cpu_valid)
        snprintf(cpu, sizeof(cpu), "    -");
    /* The tail in the longest form that leaves bars of 8; each form
     * counts as a fixed width so that the bars of all rows line up. */
    for (int form = 0; form < 3; form++) {
        static const int reserve[3] = { 28, 16, 8 };
        int tw;

        if (form == 0)
            snprintf(tail, sizeof(tail), "  %u/%u active  tick %s%s",
                     snap->stats.running, snap->stats.total, tick,
                     snap->readonly ? "  read-only" : "");
        else if (form == 1)
            snprintf(tail, sizeof(tail), "  %u/%u active %s", snap->stats.running,
                     snap->stats.total, tick);
        else
            snprintf(tail, sizeof(tail), " %u/%u", snap->stats.running,
                     snap->stats.total);
        tw = vd_text_width(tail);
        /* "CPU[" "] 100%" " Mem[" "] 1.2G/4.0G " tail */
        fixed = 4 + 1 + (int)strlen(cpu) + 5 + 1 + (int)strlen(mem) +
                (tw > reserve[form] ? tw : reserve[form]);
        barw = (w - fixed) / 2;
        if (barw >= 8)
            break;
    }
    if (barw > 30)
        barw = 30;
    if (barw < 1)
        barw = 1;
    cx += meter(y, cx, "CPU", hr->cpu_valid, hr->cpu_pct, cpu, barw);
    cx += vd_draw_text(y, cx, 1, " ", vd_role_attr(VD_ROLE_NORMAL));
    cx += meter(y, cx, "Mem", hr->mem_valid, hr->mem_pct, mem, barw);
    vd_draw_text(y, cx, x + lw + 1 + w - cx, tail, vd_role_attr(VD_ROLE_NORMAL));
}

/* The width of the meter rows' labels: the longest shown, at most a
 * fifth of a row (and 24). */
static int
label_width(vd_app *app, size_t shown, int roww)
{
    char label[64];
    int lw = 4;

    for (size_t hi = 0; hi < shown; hi++) {
        int w = vd_text_width(host_label(app, hi, label, sizeof(label)));

        if (w > lw)
            lw = w;
    }
    if (lw > roww / 5)
        lw = roww / 5 > 6 ? roww / 5 : 6;
    return lw > 24 ? 24 : lw;
}

/* The meter rows: one per host, two per row on wide screens, at most
 * about a quarter of the body (then "+N more" says what is left out).
 * Returns the rows used. */
static int
draw_hosts(vd_app *app, const vd_rect *area)
{
    size_t per = area->w >= 160 && app->nhosts > 1 ? 2 : 1;
    size_t need = (app->nhosts + per - 1) / per, cap, shown, hi;
    int colw = area->w / (int)per, lw;

    cap = (size_t)(area->h / 4 > 1 ? area->h / 4 : 1);
    if (app->nhosts == 0) {
        vd_draw_text(area->y, area->x + 1, area->w - 2, "No host. Give one with "
                     "-c URI.", vd_role_attr(VD_ROLE_DIM));
        return 1;
    }
    shown = need <= cap ? app->nhosts : (cap - 1) * per;
    lw = label_width(app, shown, colw - 2);
    for (hi = 0; hi < shown; hi++) {
        int y = area->y + (int)(hi / per);
        int x = area->x + 1 + (int)(hi % per) * colw;

        draw_host_row(app, hi, y, x, colw - 2, lw);
    }
    if (shown < app->nhosts) {
        size_t up = 0, failed = 0;
        char buf[160];

        for (hi = shown; hi < app->nhosts; hi++) {
            const vd_snapshot *s = app->hosts[hi].snap;

            up += s && s->conn == VD_CONN_CONNECTED;
            failed += s && s->conn == VD_CONN_FAILED;
        }
        snprintf(buf, sizeof(buf), "+%zu more hosts: %zu connected, %zu failed "
                 "(the hosts pane has them all)", app->nhosts - shown, up, failed);
        vd_draw_text(area->y + (int)cap - 1, area->x + 1, area->w - 2, buf,
                     vd_role_attr(failed ? VD_ROLE_CONN_FAILED : VD_ROLE_DIM));
        return (int)cap;
    }
    return (int)need;
}

/* One domain row. */
static void
draw_row(vd_app *app, const vd_table *t, const vd_row *r, int y, bool selected,
         bool marked)
{
    const vd_domain *dom = r->obj;
    const vd_dom_rates *rt = &dom->rates;
    attr_t normal = vd_row_attr(selected, true, VD_ROLE_NORMAL);
    attr_t dim = vd_row_attr(selected, true, VD_ROLE_DIM);
    char buf[96], a[16], b[16];

    if (selected)
        vd_draw_fill(y, t->x, t->width, normal);
    /* A marked row: a star in the margin left of the table. */
    if (marked)
        vd_draw_text(y, t->x - 1, 1, "*", vd_role_attr(VD_ROLE_STATUS_BUSY) | A_BOLD);
    vd_table_cell(t, COL_NAME, y, dom->name ? dom->name : "?", normal);
    vd_table_cell(t, COL_HOST, y, vd_all_hosts_label(app, r->host, buf, sizeof(buf)),
                  normal);
    vd_table_cell(t, COL_STATE, y, vd_dom_state_name(dom->state),
                  vd_row_attr(selected, true, vd_dom_state_role(dom->state)));
    vd_table_cell(t, COL_VCPUS, y, vd_dom_vcpus_text(dom, buf, sizeof(buf)), normal);
    if (rt->valid && rt->cpu_valid) {
        snprintf(buf, sizeof(buf), "%.1f", rt->cpu_pct);
        vd_table_cell(t, COL_CPU, y, buf,
                      vd_row_attr(selected, true, vd_monitor_role(rt->cpu_pct)));
    } else {
        vd_table_cell(t, COL_CPU, y, "-", dim);
    }
    if (rt->mem_valid) {
        attr_t ma = vd_row_attr(selected, true, vd_monitor_role(rt->mem_pct));

        snprintf(buf, sizeof(buf), "%.0f", rt->mem_pct);
        vd_table_cell(t, COL_MEMPCT, y, buf, ma);
        snprintf(buf, sizeof(buf), "%s/%s",
                 vd_stats_fmt_bytes((double)rt->mem_used_kib * 1024, a, sizeof(a)),
                 vd_stats_fmt_bytes((double)rt->mem_total_kib * 1024, b, sizeof(b)));
        vd_table_cell(t, COL_MEM, y, buf, normal);
    } else {
        vd_table_cell(t, COL_MEMPCT, y, "-", dim);
        /* what it was given, at least */
        snprintf(buf, sizeof(buf), "-/%s",
                 vd_stats_fmt_bytes((double)(dom->mem_kib ? dom->mem_kib
                                                          : dom->max_mem_kib) * 1024,
                                    b, sizeof(b)));
        vd_table_cell(t, COL_MEM, y, buf, dim);
    }
    vd_table_cell(t, COL_DISK, y,
                  vd_monitor_pair(rt->valid && rt->disk_valid, rt->rd_bps,
                                  rt->wr_bps, buf, sizeof(buf)),
                  rt->valid && rt->disk_valid ? normal : dim);
    vd_table_cell(t, COL_NET, y,
                  vd_monitor_pair(rt->valid && rt->net_valid, rt->rx_bps,
                                  rt->tx_bps, buf, sizeof(buf)),
                  rt->valid && rt->net_valid ? normal : dim);
    if (t->shown[COL_SPARK])
        vd_table_cell(t, COL_SPARK, y,
                      vd_monitor_sparkline(dom->history, t->cw[COL_SPARK], buf,
                                           sizeof(buf)),
                      vd_row_attr(selected, true, VD_ROLE_METER_LOW));
}

/* Count the domains by state, once per rebuild of the rows (the key
 * that moves the cursor counts nothing). */
static void
count_domains(vd_app *app, top_view *tv)
{
    if (tv->counted == tv->list->builds && tv->counted)
        return;
    tv->counted = tv->list->builds;
    tv->running = tv->paused = tv->off = tv->total = tv->up = 0;
    for (size_t hi = 0; hi < app->nhosts; hi++) {
        const vd_snapshot *s = app->hosts[hi].snap;

        if (!s || s->conn != VD_CONN_CONNECTED)
            continue;
        tv->up++;
        tv->total += s->ndomains;
        for (size_t i = 0; i < s->ndomains; i++) {
            vd_dom_state st = s->domains[i].state;

            tv->running += st == VD_DOM_RUNNING || st == VD_DOM_BLOCKED;
            tv->paused += st == VD_DOM_PAUSED || st == VD_DOM_PMSUSPENDED;
            tv->off += st == VD_DOM_SHUTOFF || st == VD_DOM_CRASHED;
        }
    }
}

/* The summary row under the meters. */
static void
draw_summary(vd_app *app, top_view *tv, int y, int x, int w)
{
    const vd_list *l = tv->list;
    char buf[512], sort[128];
    int used;

    count_domains(app, tv);
    snprintf(buf, sizeof(buf), "Domains: %zu (%zu running, %zu paused, %zu off) "
             "on %zu of %zu hosts", tv->total, tv->running, tv->paused, tv->off,
             tv->up, app->nhosts);
    used = vd_draw_text(y, x, w, buf, vd_role_attr(VD_ROLE_NORMAL) | A_BOLD);
    if (*vd_list_sort_text(l, sort, sizeof(sort)))
        snprintf(buf, sizeof(buf), "  sorted by %s", sort);
    else
        buf[0] = '\0';
    used += vd_draw_text(y, x + used, w - used, buf, vd_role_attr(VD_ROLE_DIM));
    if (l->filter[0]) {
        snprintf(buf, sizeof(buf), "  filter /%s: %zu of %zu", l->filter, l->n,
                 l->total);
        vd_draw_text(y, x + used, w - used, buf, vd_role_attr(VD_ROLE_STATUS_BUSY));
    }
}

/* Draw the view: only the visible rows are formatted. */
static void
top_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    top_view *tv = v->data;
    vd_list *l = rows(app, tv);
    vd_table t;
    vd_col cols[NCOLS];
    int y = area->y, hrows, nrows;

    if (area->h <= 0 || area->w <= 0)
        return;
    hrows = draw_hosts(app, area);
    y += hrows;
    if (y < area->y + area->h)
        draw_summary(app, tv, y++, area->x + 1, area->w - 2);
    l->hdr_y = -1;
    tv->nrows = 0;
    if (y >= area->y + area->h)
        return;
    /* no name cut while the screen has room for it */
    memcpy(cols, columns, sizeof(cols));
    cols[COL_NAME].want = cols[COL_NAME].max =
        vd_list_name_width(l, columns[COL_NAME].want, columns[COL_NAME].max);
    vd_table_layout(&t, cols, NCOLS, area->x + 1, area->w - 2);
    vd_draw_fill(y, area->x, area->w, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    vd_list_header(l, &t, y++, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    nrows = area->y + area->h - y;
    tv->rows_y = y;
    tv->nrows = nrows;
    if (l->n == 0) {
        const char *why = l->filter[0] ? "no domain matches the filter (/ changes it)"
                                       : "no domains on the connected hosts";

        vd_draw_text_center(y + nrows / 2, area->x, area->w, why,
                            vd_role_attr(VD_ROLE_DIM));
        return;
    }
    vd_sel_fit(l->cur, l->n, (size_t)(nrows > 0 ? nrows : 1));
    for (int r = 0; r < nrows; r++) {
        size_t i = l->cur->top + (size_t)r;

        if (i >= l->n)
            break;
        draw_row(app, &t, &l->rows[i], y + r, i == l->cur->cursor,
                 vd_list_marked(l, &l->rows[i]));
    }
}

/* ---- keys ---- */

/* /: the filter prompt. */
static void
act_filter(vd_app *app, const vd_binding *b)
{
    vd_view *v = vd_view_top(app);
    top_view *tv = v->data;

    (void)b;
    vd_list_filter_prompt(app, tv->list, v);
}

/* > < F6: the next or previous column; I: reverse. */
static void
act_sort(vd_app *app, const vd_binding *b)
{
    top_view *tv = vd_view_top(app)->data;

    if (b->arg == 0)
        vd_list_sort_reverse(app, tv->list);
    else
        vd_list_sort_cycle(app, tv->list, b->arg);
    vd_list_say_sort(app, tv->list);
}

/* Enter: the domain's details. */
static void
act_details(vd_app *app, const vd_binding *b)
{
    top_view *tv = vd_view_top(app)->data;
    vd_dom_target t;

    (void)b;
    if (cursor_target(app, tv, &t))
        vd_dom_do_details(app, &t);
}

/* Space: mark the cursor's row (and go down); U: unmark every row. */
static void
act_mark(vd_app *app, const vd_binding *b)
{
    top_view *tv = vd_view_top(app)->data;
    vd_list *l = rows(app, tv);
    const vd_row *r = vd_list_cursor_row(l);

    if (b->arg == 0) {
        vd_list_clear_marks(app, l);
        vd_app_message(app, VD_MSG_INFO, "No rows marked");
        return;
    }
    if (!r) {
        vd_app_message(app, VD_MSG_INFO, "Nothing to mark");
        return;
    }
    vd_list_toggle_mark(app, l, r);
    vd_list_go(app, l, VD_MOVE_DOWN, 1);
}

/* m, F2: the menu of the domain actions. */
static void
act_menu(vd_app *app, const vd_binding *b)
{
    const vd_binding *table;
    size_t n;

    (void)b;
    table = vd_view_keys(vd_view_top(app), &n);
    vd_dialog_actions(app, "Domain actions", table, n,
                      VD_PANE_BIT(VD_PANE_DOMAINS));
}

/* The domains the registry's actions act on: the marked rows, else
 * the cursor's. */
static void
top_targets(vd_app *app, vd_view *v, vd_dom_targets *out)
{
    top_view *tv = v->data;
    vd_list *l = rows(app, tv);
    const vd_row *marked[VD_MAX_TARGETS], *r = vd_list_cursor_row(l);
    size_t n = vd_list_marked_rows_in(l, marked, VD_MAX_TARGETS);

    for (size_t i = 0; i < n && i < VD_MAX_TARGETS; i++)
        vd_dom_target_set(&out->marked[out->nmarked++], marked[i]->host,
                          marked[i]->uuid, marked[i]->name);
    if (r) {
        out->has_cursor = true;
        vd_dom_target_set(&out->cursor, r->host, r->uuid, r->name);
    }
}

/* F10: leave virtdeck. */
static void
act_quit(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_app_quit_request(app);       /* asks first while jobs run */
}

/* Moves and the mouse (the list's); the rest goes to the key table. */
static bool
top_key(vd_app *app, vd_view *v, int key)
{
    top_view *tv = v->data;
    vd_list *l = rows(app, tv);
    vd_list_move_kind how;

    if (key == VD_KEY(KEY_MOUSE)) {
        if (vd_list_mouse(app, l, &app->mev, tv->rows_y, tv->nrows) ==
            VD_LIST_MOUSE_SORTED)
            vd_list_say_sort(app, l);
        return true;
    }
    if (!vd_list_key_move(key, &how))
        return false;
    vd_list_go(app, l, how, tv->nrows > 1 ? (size_t)tv->nrows - 1 : 1);
    return true;
}

/* Free the state. */
static void
top_close(vd_app *app, vd_view *v)
{
    top_view *tv = v->data;

    (void)app;
    vd_list_free(tv->list);
    free(tv);
}

#define TOP "Top view"
#define VP VD_PANES_ALL         /* (ignored for a view; keeps the help's
                                 * headings free of pane names) */

static const vd_binding top_keys[] = {
    { 'j', "j, Down", "Move down", TOP, VP, NULL, 0, 0, NULL },
    { 'k', "k, Up", "Move up", TOP, VP, NULL, 0, 0, NULL },
    { VD_KEY(KEY_NPAGE), "PgDn, PgUp", "Page down / up", TOP, VP, NULL, 0, 0, NULL },
    { 'g', "g, G", "First / last row", TOP, VP, NULL, 0, 0, NULL },
    { '>', ">", "Sort by the next column", TOP, VP, act_sort, 1, 0, NULL },
    { VD_KEY(KEY_F(6)), "F6", "Sort by the next column", TOP, VP, act_sort, 1,
      6, "SortBy" },
    { '<', "<", "Sort by the previous column", TOP, VP, act_sort, -1, 0, NULL },
    { 'I', "I", "Reverse the sort order", TOP, VP, act_sort, 0, 0, NULL },
    { '/', "/", "Filter: name, state:running, host:NAME", TOP, VP, act_filter, 0,
      3, "Filter" },
    { '\n', "Enter", "Details of the domain", TOP, VP, act_details, 0, 0, NULL },
    { '+', "+", "Refresh more / less often", TOP, VP, vd_act_monitor_tick, 0,
      0, NULL },
    { '-', "-", "Refresh more / less often", TOP, VP, vd_act_monitor_tick, 0,
      0, NULL },
    { VD_KEY(KEY_F(10)), "F10", "Quit virtdeck (q, Esc: back to the panes)", TOP,
      VP, act_quit, 0, 10, "Quit" },
    { ' ', "Space", "Mark the row (actions go to every marked row)", TOP, VP,
      act_mark, 1, 0, NULL },
    { 'U', "U", "Unmark every row", TOP, VP, act_mark, 0, 0, NULL },
    { 'm', "m", "Menu of the domain actions", TOP, VP, act_menu, 0, 0, NULL },
    { VD_KEY(KEY_F(2)), "F2", "Menu of the domain actions", TOP, VP, act_menu, 0,
      2, "Menu" },
};

static const vd_view_ops top_ops = {
    .name = "top",
    .draw = top_draw,
    .key = top_key,
    .close = top_close,
    .keys = top_keys,
    .nkeys = sizeof(top_keys) / sizeof(top_keys[0]),
    .targets = top_targets,
    .place = VD_PLACE_TOP,
};

/* Open the top view (or bring the open one back on top). */
void
vd_top_show(vd_app *app)
{
    top_view *tv;
    vd_view *old = vd_view_find(app, &top_ops);

    if (old && old == vd_view_top(app))
        return;
    if (old)
        vd_view_close(app, old);
    if (!(tv = calloc(1, sizeof(*tv))) ||
        !(tv->list = vd_list_new(&top_kind, vd_list_all_domains))) {
        free(tv);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    vd_view_push(app, &top_ops, tv, "Top");
    if (app->msg_kind != VD_MSG_ERROR || !app->msg[0])   /* keep a start-up notice */
        vd_app_message(app, VD_MSG_INFO, "Top: every domain of every host; "
                       "< > F6 sort, / filter, Enter details, q back");
    app->dirty = true;
}

/* t: the top view. */
void
vd_act_top(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_top_show(app);
}
