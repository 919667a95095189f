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
 * Everything is drawn from the snapshots the app holds: nothing here
 * waits on a worker. Only the visible rows are drawn; the rows are
 * re-sorted only when a snapshot, the sort or the filter changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/panes/all_hosts.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/widgets/table.h"
#include "ui/app/quit.h"
#include "ui/app/view.h"

/* The domains pane's filter terms (state:, host:, auto:), defined in
 * pane_domains.c: the top view filters the same way. */
extern const vd_list_kind vd_domains_list_kind;

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
    vd_list *list;
    vd_sel sel;                 /* cursor; sel.uuid with cur_host keeps it */
    size_t cur_host;
    int hdr_y;                  /* table title row of the last draw */
    int rows_y, nrows;          /* the rows of the last draw */
} top_view;

#define DOM(r) ((const vd_domain *)(r)->obj)
#define CMP3(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

/* ---- sorting ---- */

/* Live figures as sort keys: -1 when unknown, so they come last in the
 * descending order a monitor shows first. */
static double cpu_key(const vd_domain *d) { return d->rates.cpu_valid ? d->rates.cpu_pct : -1; }
static double mempct_key(const vd_domain *d) { return d->rates.mem_valid ? d->rates.mem_pct : -1; }
static double mem_key(const vd_domain *d) { return d->rates.mem_valid ? (double)d->rates.mem_used_kib : -1; }
static double disk_key(const vd_domain *d) { return d->rates.disk_valid ? d->rates.rd_bps + d->rates.wr_bps : -1; }
static double net_key(const vd_domain *d) { return d->rates.net_valid ? d->rates.rx_bps + d->rates.tx_bps : -1; }

/* Comparators by column: figures largest first (the monitor's order),
 * name and state ascending; listview breaks ties by name, then UUID. */
static int cmp_name(const vd_row *a, const vd_row *b) { (void)a; (void)b; return 0; }
static int cmp_host(const vd_row *a, const vd_row *b) { return CMP3(a->host, b->host); }
static int cmp_state(const vd_row *a, const vd_row *b) { return CMP3(vd_dom_state_rank(DOM(a)->state), vd_dom_state_rank(DOM(b)->state)); }
static int cmp_vcpus(const vd_row *a, const vd_row *b) { return CMP3(DOM(b)->vcpus, DOM(a)->vcpus); }
static int cmp_cpu(const vd_row *a, const vd_row *b) { return CMP3(cpu_key(DOM(b)), cpu_key(DOM(a))); }
static int cmp_mempct(const vd_row *a, const vd_row *b) { return CMP3(mempct_key(DOM(b)), mempct_key(DOM(a))); }
static int cmp_mem(const vd_row *a, const vd_row *b) { return CMP3(mem_key(DOM(b)), mem_key(DOM(a))); }
static int cmp_disk(const vd_row *a, const vd_row *b) { return CMP3(disk_key(DOM(b)), disk_key(DOM(a))); }
static int cmp_net(const vd_row *a, const vd_row *b) { return CMP3(net_key(DOM(b)), net_key(DOM(a))); }

/* A filter term key:value, as in the domains pane. */
static bool
match_term(const vd_app *app, const vd_row *row, const char *key,
           const char *value)
{
    return vd_domains_list_kind.match &&
           vd_domains_list_kind.match(app, row, key, value);
}

static const vd_list_kind top_kind = {
    .cmp = {
        [COL_NAME] = cmp_name, [COL_HOST] = cmp_host, [COL_STATE] = cmp_state,
        [COL_VCPUS] = cmp_vcpus, [COL_CPU] = cmp_cpu, [COL_MEMPCT] = cmp_mempct,
        [COL_MEM] = cmp_mem, [COL_DISK] = cmp_disk, [COL_NET] = cmp_net,
        [COL_SPARK] = cmp_cpu,
    },
    .names = {
        [COL_NAME] = "name", [COL_HOST] = "host", [COL_STATE] = "state",
        [COL_VCPUS] = "vCPUs", [COL_CPU] = "CPU %", [COL_MEMPCT] = "memory %",
        [COL_MEM] = "memory used", [COL_DISK] = "disk I/O",
        [COL_NET] = "network I/O", [COL_SPARK] = "CPU %",
    },
    .ncols = NCOLS,
    .default_col = COL_CPU,
    .match = match_term,
};

/* The rows: every domain of every connected host. */
static void
top_rows(vd_app *app, vd_pane_id pane, vd_list *list)
{
    (void)pane;
    for (size_t hi = 0; hi < app->nhosts; hi++) {
        const vd_snapshot *snap = app->hosts[hi].snap;

        if (!snap || snap->conn != VD_CONN_CONNECTED)
            continue;
        for (size_t i = 0; i < snap->ndomains; i++)
            vd_list_add(list, hi, &snap->domains[i], snap->domains[i].uuid,
                        snap->domains[i].name);
    }
}

/* ---- the cursor, kept by host + UUID ---- */

/* Remember the object under the cursor. */
static void
remember(top_view *tv)
{
    const vd_list *l = tv->list;

    if (tv->sel.cursor < l->n) {
        snprintf(tv->sel.uuid, sizeof(tv->sel.uuid), "%s",
                 l->rows[tv->sel.cursor].uuid);
        tv->cur_host = l->rows[tv->sel.cursor].host;
    }
}

/* Fresh rows; after a rebuild the cursor goes back to its domain (or
 * stays on its row number when the domain is gone). */
static vd_list *
rows(vd_app *app, top_view *tv)
{
    vd_list *l = tv->list;

    if (!vd_list_refresh(app, l))
        return l;
    if (tv->sel.uuid[0]) {
        for (size_t i = 0; i < l->n; i++) {
            if (l->rows[i].host == tv->cur_host &&
                strcmp(l->rows[i].uuid, tv->sel.uuid) == 0) {
                tv->sel.cursor = i;
                return l;
            }
        }
    }
    if (l->n && tv->sel.cursor >= l->n)
        tv->sel.cursor = l->n - 1;
    remember(tv);
    return l;
}

/* Move the cursor to row i (clamped). */
static void
select_row(vd_app *app, top_view *tv, size_t i)
{
    vd_list *l = rows(app, tv);

    if (l->n == 0)
        return;
    tv->sel.cursor = i < l->n ? i : l->n - 1;
    remember(tv);
    app->dirty = true;
}

/* The cursor's domain as an action target; false (said) when none. */
static bool
cursor_target(vd_app *app, top_view *tv, vd_dom_target *t)
{
    vd_list *l = rows(app, tv);
    const vd_row *r;

    if (tv->sel.cursor >= l->n) {
        vd_app_message(app, VD_MSG_ERROR, "No domain selected");
        return false;
    }
    r = &l->rows[tv->sel.cursor];
    t->host = r->host;
    snprintf(t->uuid, sizeof(t->uuid), "%s", r->uuid);
    snprintf(t->name, sizeof(t->name), "%s", r->name ? r->name : r->uuid);
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
            snprintf(tail, sizeof(tail), "  %u/%u up  tick %s%s",
                     snap->stats.running, snap->stats.total, tick,
                     snap->readonly ? "  read-only" : "");
        else if (form == 1)
            snprintf(tail, sizeof(tail), "  %u/%u up %s", snap->stats.running,
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
    snprintf(buf, sizeof(buf), "%u", dom->vcpus);
    vd_table_cell(t, COL_VCPUS, y, buf, normal);
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

/* The summary row under the meters. */
static void
draw_summary(vd_app *app, top_view *tv, int y, int x, int w)
{
    const vd_list *l = tv->list;
    size_t running = 0, paused = 0, off = 0, total = 0, up = 0;
    char buf[512];
    int used;

    for (size_t hi = 0; hi < app->nhosts; hi++) {
        const vd_snapshot *s = app->hosts[hi].snap;

        if (!s || s->conn != VD_CONN_CONNECTED)
            continue;
        up++;
        total += s->ndomains;
        for (size_t i = 0; i < s->ndomains; i++) {
            vd_dom_state st = s->domains[i].state;

            running += st == VD_DOM_RUNNING || st == VD_DOM_BLOCKED;
            paused += st == VD_DOM_PAUSED || st == VD_DOM_PMSUSPENDED;
            off += st == VD_DOM_SHUTOFF || st == VD_DOM_CRASHED;
        }
    }
    snprintf(buf, sizeof(buf), "Domains: %zu (%zu running, %zu paused, %zu off) "
             "on %zu of %zu hosts", total, running, paused, off, up, app->nhosts);
    used = vd_draw_text(y, x, w, buf, vd_role_attr(VD_ROLE_NORMAL) | A_BOLD);
    if (l->sort_col >= 0 && l->sort_col < NCOLS)
        snprintf(buf, sizeof(buf), "  sorted by %s%s", top_kind.names[l->sort_col],
                 l->reverse ? ", reversed" : "");
    else
        buf[0] = '\0';
    used += vd_draw_text(y, x + used, w - used, buf, vd_role_attr(VD_ROLE_DIM));
    if (l->filter[0]) {
        snprintf(buf, sizeof(buf), "  filter /%s: %zu of %zu", l->filter, l->n,
                 l->total);
        vd_draw_text(y, x + used, w - used, buf, vd_role_attr(VD_ROLE_STATUS_BUSY));
    }
}

/* Draw the view. */
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
    tv->hdr_y = -1;
    tv->nrows = 0;
    if (y >= area->y + area->h)
        return;
    /* no name cut while the screen has room for it */
    memcpy(cols, columns, sizeof(cols));
    cols[COL_NAME].want = cols[COL_NAME].max =
        vd_list_name_width(l, columns[COL_NAME].want, columns[COL_NAME].max);
    vd_table_layout(&t, cols, NCOLS, area->x + 1, area->w - 2);
    vd_draw_fill(y, area->x, area->w, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    vd_list_header_in(l, &t, y, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    tv->hdr_y = y++;
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
    vd_sel_fit(&tv->sel, l->n, (size_t)(nrows > 0 ? nrows : 1));
    for (int r = 0; r < nrows; r++) {
        size_t i = tv->sel.top + (size_t)r;

        if (i >= l->n)
            break;
        draw_row(app, &t, &l->rows[i], y + r, i == tv->sel.cursor,
                 vd_list_marked(l, &l->rows[i]));
    }
}

/* ---- keys ---- */

/* What the filter prompt edits. */
typedef struct filter_ctx {
    vd_app *app;
    vd_view *v;
    char old[256];
} filter_ctx;

/* The top view of the filter, NULL when it is gone. */
static top_view *
filter_view(vd_app *app, filter_ctx *f)
{
    return vd_view_alive(app, f->v) ? f->v->data : NULL;
}

/* Apply the filter as it is typed. */
static const char *
filter_live(const char *text, char *err, size_t errlen, void *ctx)
{
    filter_ctx *f = ctx;
    top_view *tv = filter_view(f->app, f);

    (void)err;
    (void)errlen;
    if (tv)
        vd_list_set_filter_in(f->app, tv->list, text);
    return NULL;
}

/* Enter keeps the filter; Esc puts the old one back. */
static void
filter_done(vd_app *app, const char *text, void *ctx)
{
    filter_ctx *f = ctx;
    top_view *tv = filter_view(app, f);

    if (tv)
        vd_list_set_filter_in(app, tv->list, text ? text : f->old);
    if (tv && text && *text)
        vd_app_message(app, VD_MSG_INFO, "Filter: %s (/ then ^U Enter clears it)",
                       text);
    else if (tv && text)
        vd_app_message(app, VD_MSG_INFO, "Filter cleared");
    free(f);
}

/* /: the filter prompt. */
static void
act_filter(vd_app *app, const vd_binding *b)
{
    vd_view *v = vd_view_top(app);
    top_view *tv = v->data;
    filter_ctx *f = calloc(1, sizeof(*f));

    (void)b;
    if (!f)
        return;
    f->app = app;
    f->v = v;
    snprintf(f->old, sizeof(f->old), "%s", tv->list->filter);
    vd_dialog_prompt(app, "Filter", "Name contains (terms: state:running "
                     "host:NAME auto:yes):", tv->list->filter, false,
                     filter_live, filter_done, f);
}

/* Say what the table is sorted by now. */
static void
say_sort(vd_app *app, const top_view *tv)
{
    const vd_list *l = tv->list;

    if (l->sort_col >= 0 && l->sort_col < NCOLS)
        vd_app_message(app, VD_MSG_INFO, "Sorted by %s%s",
                       top_kind.names[l->sort_col], l->reverse ? ", reversed" : "");
}

/* > < F6: the next or previous column; I: reverse. */
static void
act_sort(vd_app *app, const vd_binding *b)
{
    top_view *tv = vd_view_top(app)->data;

    if (b->arg == 0)
        vd_list_sort_reverse_in(app, tv->list);
    else
        vd_list_sort_cycle_in(app, tv->list, b->arg);
    say_sort(app, tv);
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

    if (b->arg == 0) {
        vd_list_clear_marks_in(app, l);
        vd_app_message(app, VD_MSG_INFO, "No rows marked");
        return;
    }
    if (tv->sel.cursor >= l->n) {
        vd_app_message(app, VD_MSG_INFO, "Nothing to mark");
        return;
    }
    vd_list_toggle_mark_in(app, l, &l->rows[tv->sel.cursor]);
    select_row(app, tv, tv->sel.cursor + 1);
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
    const vd_row *marked[VD_MAX_TARGETS];
    size_t n = vd_list_marked_rows_in(l, marked, VD_MAX_TARGETS);

    for (size_t i = 0; i < n && i < VD_MAX_TARGETS; i++)
        vd_dom_target_set(&out->marked[out->nmarked++], marked[i]->host,
                          marked[i]->uuid, marked[i]->name);
    if (tv->sel.cursor < l->n) {
        const vd_row *r = &l->rows[tv->sel.cursor];

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

/* A mouse event: a click on a title sorts, on a row selects; the
 * wheel scrolls. */
static void
top_mouse(vd_app *app, top_view *tv)
{
    const MEVENT *ev = &app->mev;
    vd_list *l = rows(app, tv);

#ifdef BUTTON5_PRESSED
    if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        size_t cur = tv->sel.cursor;

        if (ev->bstate & BUTTON4_PRESSED)
            select_row(app, tv, cur >= 3 ? cur - 3 : 0);
        else
            select_row(app, tv, cur + 3);
        return;
    }
#endif
    if (!(ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return;
    if (ev->y == tv->hdr_y) {
        if (vd_list_header_click_in(app, l, ev->y, ev->x))
            say_sort(app, tv);
        return;
    }
    if (ev->y >= tv->rows_y && ev->y < tv->rows_y + tv->nrows) {
        size_t i = tv->sel.top + (size_t)(ev->y - tv->rows_y);

        if (i < l->n)
            select_row(app, tv, i);
    }
}

/* Moves and the mouse; the rest goes to the key table. */
static bool
top_key(vd_app *app, vd_view *v, int key)
{
    top_view *tv = v->data;
    size_t page = tv->nrows > 1 ? (size_t)tv->nrows - 1 : 1;
    size_t cur = tv->sel.cursor, n = rows(app, tv)->n;

    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        select_row(app, tv, cur + 1);
        return true;
    case 'k':
    case VD_KEY(KEY_UP):
        select_row(app, tv, cur ? cur - 1 : 0);
        return true;
    case VD_KEY(KEY_NPAGE):
        select_row(app, tv, cur + page);
        return true;
    case VD_KEY(KEY_PPAGE):
        select_row(app, tv, cur > page ? cur - page : 0);
        return true;
    case 'g':
    case VD_KEY(KEY_HOME):
        select_row(app, tv, 0);
        return true;
    case 'G':
    case VD_KEY(KEY_END):
        select_row(app, tv, n ? n - 1 : 0);
        return true;
    case VD_KEY(KEY_MOUSE):
        top_mouse(app, tv);
        return true;
    default:
        return false;
    }
}

/* A new snapshot: redraw (the rows are rebuilt lazily). */
static void
top_snapshot(vd_app *app, vd_view *v)
{
    (void)v;
    app->dirty = true;
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
    .on_snapshot = top_snapshot,
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
        !(tv->list = vd_list_new(&top_kind, top_rows))) {
        free(tv);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    tv->hdr_y = -1;
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
