/*
 * view_graphs.c: the graphs of one domain: CPU, memory, disk and
 * network over the last minute, five minutes or hour, drawn with block
 * characters (eighths of a cell; '#' and '.' in ASCII). Pushed from the
 * domains pane; follows its domain by UUID through new snapshots and
 * says so when the domain is gone.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/panes/dom_sort.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/app/view.h"
#include "virtdeck/core.h"

#define MAX_COLS 512

typedef struct graphs {
    size_t host;                /* index into app->hosts */
    char uuid[VD_UUID_LEN];
    int span;                   /* index into spans[] */
} graphs;

static const struct {
    long long ms;
    const char *name;
} spans[] = {
    { 60000, "1 min" },
    { 300000, "5 min" },
    { 3600000, "1 h" },
};

/* The domain shown, or NULL when it is gone. */
static const vd_domain *
graphs_domain(vd_app *app, const graphs *g, const vd_snapshot **snapp)
{
    const vd_snapshot *snap = g->host < app->nhosts ? app->hosts[g->host].snap
                                                    : NULL;

    *snapp = snap;
    return snap ? vd_snapshot_find_domain(snap, g->uuid) : NULL;
}

/* A value of series s as text. */
static void
fmt_value(vd_hist_series s, double v, char *buf, size_t len)
{
    char b[16];

    if (isnan(v))
        snprintf(buf, len, "-");
    else if (s == VD_HIST_CPU || s == VD_HIST_MEM)
        snprintf(buf, len, "%.1f%%", v);
    else
        snprintf(buf, len, "%s/s", vd_stats_fmt_bytes(v, b, sizeof(b)));
}

/* One graph: a title row, then h rows of columns scaled to top. */
static void
draw_graph(const vd_history *hist, vd_hist_series s, const char *title,
           const char *now, long long span_ms, int tick_ms, int y, int x,
           int w, int h)
{
    static const char *const eighths[9] = {
        " ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586",
        "\u2587", "\u2588",
    };
    double cols[MAX_COLS], top = 0, peak = 0;
    char head[160], pk[32];
    bool utf8 = vd_draw_utf8();
    size_t n;
    int i, r;

    if (w > MAX_COLS)
        w = MAX_COLS;
    if (w <= 0 || h <= 0)
        return;
    n = hist ? vd_history_series(hist, s, vd_now_ms(), span_ms, cols, (size_t)w) : 0;
    /* More columns than points: a point holds until the next one, so
     * the graph is a step line, not a comb (gaps of a missed tick or
     * more stay gaps). */
    if (n && tick_ms > 0) {
        int hold = (int)((long long)w * tick_ms * 3 / 2 / span_ms) + 1;
        int last = -1;

        for (i = 0; i < w; i++) {
            if (!isnan(cols[i])) {
                last = i;
            } else if (last >= 0 && i - last <= hold) {
                int j = i;

                while (j < w && isnan(cols[j]) && j - last <= hold)
                    j++;
                if (j < w && !isnan(cols[j]))
                    for (; i < j; i++)
                        cols[i] = cols[last];
                i = j - 1;
            }
        }
    }
    for (i = 0; i < w && n; i++)
        if (!isnan(cols[i]) && cols[i] > peak)
            peak = cols[i];
    if (s == VD_HIST_CPU || s == VD_HIST_MEM) {
        top = 100;
    } else {
        /* a round-ish scale above the peak */
        top = 1024;
        while (top < peak)
            top *= 2;
    }
    fmt_value(s, n ? peak : NAN, pk, sizeof(pk));
    snprintf(head, sizeof(head), "%s  now %s  peak %s", title, now, pk);
    vd_draw_text(y, x, w, head, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    for (r = 0; r < h; r++)
        vd_draw_fill(y + 1 + r, x, w, vd_role_attr(VD_ROLE_NORMAL));
    if (!n) {
        vd_draw_text(y + 1 + h / 2, x + 1, w - 1,
                     "no figures in this span (they come with the ticks while it runs)",
                     vd_role_attr(VD_ROLE_DIM));
        return;
    }
    for (i = 0; i < w; i++) {
        double v = cols[i];
        int units;                  /* eighths of a cell, all rows */
        attr_t attr;

        if (isnan(v))
            continue;
        units = (int)(v / top * h * 8 + 0.5);
        if (units < 1 && v > 0)
            units = 1;
        attr = vd_role_attr(s == VD_HIST_CPU || s == VD_HIST_MEM
                            ? vd_monitor_role(v) : VD_ROLE_METER_LOW);
        for (r = 0; r < h && units > 0; r++, units -= 8) {
            int cell = units >= 8 ? 8 : units;
            const char *ch = utf8 ? eighths[cell] : (cell >= 8 ? "#" : cell >= 4 ? ":" : ".");

            vd_draw_text(y + h - r, x + i, 1, ch, attr);
        }
    }
}

/* Draw the view. */
static void
graphs_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    graphs *g = v->data;
    const vd_snapshot *snap;
    const vd_domain *d = graphs_domain(app, g, &snap);
    const vd_dom_rates *rt;
    char line[256], a[32], b[32];
    int y = area->y, x = area->x + 1, w = area->w - 2, gh, rows;

    vd_draw_clear(area, vd_role_attr(VD_ROLE_NORMAL));
    if (area->h < 4 || w < 20)
        return;
    if (!d) {
        vd_draw_text(y + 1, x, w, "The domain is gone from this host.",
                     vd_role_attr(VD_ROLE_STATUS_ERROR));
        return;
    }
    rt = &d->rates;
    snprintf(line, sizeof(line), "Graphs: %s, span %s (1, 5, H)  %s, %s vCPU%s, on %s",
             d->name ? d->name : "?", spans[g->span].name,
             vd_dom_state_name(d->state), vd_dom_vcpus_text(d, a, sizeof(a)),
             d->vcpus == 1 ? "" : "s", snap->label);
    vd_draw_text(y, x, w, line, vd_role_attr(VD_ROLE_HEADER) | A_BOLD);
    if (rt->valid && rt->disk_valid)
        snprintf(line, sizeof(line),
                 "disk read %s/s write %s/s (%.0f / %.0f req/s)   ",
                 vd_stats_fmt_bytes(rt->rd_bps, a, sizeof(a)),
                 vd_stats_fmt_bytes(rt->wr_bps, b, sizeof(b)), rt->rd_rps, rt->wr_rps);
    else if (rt->valid)
        snprintf(line, sizeof(line), "disk - (%s)   ",
                 rt->disk_stale ? "stale: the last read left it out" : "unknown");
    else
        snprintf(line, sizeof(line), "no rates now (%s)   ",
                 d->sample.running ? "waiting for the next tick" : "not running");
    {
        int used = vd_draw_text(y + 1, x, w, line, vd_role_attr(VD_ROLE_DIM));

        if (rt->valid && rt->net_valid) {
            snprintf(line, sizeof(line), "net rx %s/s tx %s/s (%.0f / %.0f pkt/s)",
                     vd_stats_fmt_bytes(rt->rx_bps, a, sizeof(a)),
                     vd_stats_fmt_bytes(rt->tx_bps, b, sizeof(b)), rt->rx_pps,
                     rt->tx_pps);
            vd_draw_text(y + 1, x + used, w - used, line, vd_role_attr(VD_ROLE_DIM));
        }
    }
    if (vd_monitor_demo_note(snap, false)) {
        /* say why the graphs are flat, instead of the rates */
        vd_rect r = { y + 1, x, 3, w };
        vd_draw_fill(y + 1, x, w, vd_role_attr(VD_ROLE_NORMAL));
        vd_draw_wrap(&r, y + 1, vd_monitor_demo_note(snap, false),
                     vd_role_attr(VD_ROLE_STATUS_BUSY));
        y += 2;
    }
    rows = area->y + area->h - (y + 2);
    gh = rows / 4 - 1;              /* each graph: a title and gh rows */
    if (gh < 1)
        gh = 1;
    y += 2;
    {
        static const vd_hist_series order[4] = {
            VD_HIST_CPU, VD_HIST_MEM, VD_HIST_DISK, VD_HIST_NET,
        };
        static const char *const titles[4] = {
            "CPU % of its vCPUs", "Memory % used", "Disk read+write", "Network rx+tx",
        };
        double now[4];
        int k;

        now[0] = rt->valid && rt->cpu_valid ? rt->cpu_pct : NAN;
        now[1] = rt->mem_valid ? rt->mem_pct : NAN;
        now[2] = rt->valid && rt->disk_valid ? rt->rd_bps + rt->wr_bps : NAN;
        now[3] = rt->valid && rt->net_valid ? rt->rx_bps + rt->tx_bps : NAN;
        for (k = 0; k < 4 && y + 1 < area->y + area->h; k++) {
            int hh = gh;

            if (y + 1 + hh > area->y + area->h)
                hh = area->y + area->h - y - 1;
            fmt_value(order[k], now[k], a, sizeof(a));
            draw_graph(d->history, order[k], titles[k], a, spans[g->span].ms,
                       snap->tick_ms, y, x, w, hh);
            y += 1 + hh;
        }
    }
}

/* 1, 5, H: the span. */
static bool
graphs_key(vd_app *app, vd_view *v, int key)
{
    graphs *g = v->data;

    (void)app;
    switch (key) {
    case '1':
        g->span = 0;
        return true;
    case '5':
        g->span = 1;
        return true;
    case 'H':
        g->span = 2;
        return true;
    default:
        return false;
    }
}

/* Free the state. */
static void
graphs_close(vd_app *app, vd_view *v)
{
    (void)app;
    free(v->data);
}

static const vd_binding graphs_keys[] = {
    { '1', "1", "Last minute", "Graphs", 0, NULL, 0, 0, NULL },
    { '5', "5", "Last 5 minutes", "Graphs", 0, NULL, 0, 0, NULL },
    { 'H', "H", "Last hour", "Graphs", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops graphs_ops = {
    .name = "graphs",
    .draw = graphs_draw,
    .key = graphs_key,
    .close = graphs_close,
    .keys = graphs_keys,
    .nkeys = sizeof(graphs_keys) / sizeof(graphs_keys[0]),
};

/* Open the graphs of domain uuid of host index host. */
void
vd_monitor_graphs_open(vd_app *app, size_t host, const char *uuid,
                       const char *name)
{
    graphs *g;
    char title[160];

    if (!(g = calloc(1, sizeof(*g))))
        return;
    g->host = host;
    snprintf(g->uuid, sizeof(g->uuid), "%s", uuid);
    snprintf(title, sizeof(title), "Graphs: %s", name ? name : "?");
    vd_view_push(app, &graphs_ops, g, title);
}
