/*
 * monitor_draw.c: threshold colours, sparklines, the host meters and
 * the tick keys of the live monitor.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/views/monitor.h"
#include "virtdeck/host.h"

/* The refresh periods "+" and "-" step through, in ms. */
static const int ticks[] = { 500, 1000, 2000, 5000, 10000, 30000, 60000 };

/* The period last asked for (UI thread only): keys pressed faster than
 * the workers publish step on from it, not from the snapshot. */
static int asked_ms;

/* Meter role of a percentage. */
vd_role
vd_monitor_role(double pct)
{
    if (pct >= 80)
        return VD_ROLE_METER_HIGH;
    if (pct >= 50)
        return VD_ROLE_METER_MID;
    return VD_ROLE_METER_LOW;
}

/* A sparkline of the last CPU points. */
char *
vd_monitor_sparkline(const vd_history *hist, int width, char *buf, size_t len)
{
    static const char *const blocks[8] = {
        "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588",
    };
    static const char ramp[] = "_.-=+*#@";
    double vals[VD_HIST_SPARK];
    size_t n, i, used = 0;
    bool utf8 = vd_draw_utf8();

    buf[0] = '\0';
    if (!hist || width <= 0)
        return buf;
    if (width > VD_HIST_SPARK)
        width = VD_HIST_SPARK;
    n = vd_history_last(hist, VD_HIST_CPU, vals, (size_t)width);
    /* right-aligned: the newest point in the last cell */
    for (i = n; i < (size_t)width && used + 1 < len; i++)
        buf[used++] = ' ';
    for (i = 0; i < n; i++) {
        const char *cell;
        char one[2] = { 0, 0 };
        int level;

        if (isnan(vals[i])) {
            cell = " ";
        } else {
            level = (int)(vals[i] / 100.0 * 8);
            level = level < 0 ? 0 : level > 7 ? 7 : level;
            if (utf8) {
                cell = blocks[level];
            } else {
                one[0] = ramp[level];
                cell = one;
            }
        }
        if (used + strlen(cell) + 1 > len)
            break;
        memcpy(buf + used, cell, strlen(cell));
        used += strlen(cell);
    }
    buf[used] = '\0';
    return buf;
}

/* One meter: "LABEL[bar]TEXT" at x; returns its width. */
static int
meter(int y, int x, const char *label, double pct, const char *text, int barw)
{
    int w = 0;

    w += vd_draw_text(y, x, 32, label, vd_role_attr(VD_ROLE_BORDER));
    vd_draw_bar(y, x + w, barw, pct / 100.0, vd_role_attr(vd_monitor_role(pct)),
                vd_role_attr(VD_ROLE_BAR_FREE));
    w += barw;
    w += vd_draw_text(y, x + w, 32, text, vd_role_attr(vd_monitor_role(pct)));
    return w;
}

/* See monitor.h. */
const char *
vd_monitor_demo_note(const vd_snapshot *snap, bool short_form)
{
    if (!snap || !snap->uri || strncmp(snap->uri, "test:", 5) != 0)
        return NULL;
    return short_form
        ? "Demo host: synthetic figures; add a real host (a) for live ones"
        : "Demo host (libvirt's test driver): synthetic CPU figures and no "
          "memory, disk or network use, so the meters stay flat or show -. "
          "For live figures, add a real host (a in the hosts pane, or "
          "virtdeck -c qemu:///system).";
}

/* The selected host's meters, right-aligned. */
int
vd_monitor_meters(vd_app *app, int y, int x, int w)
{
    const vd_snapshot *snap = vd_app_snap(app);
    const vd_host_stats *st;
    char cpu[16], mem[16], tail[64];
    int barw = 6, need, cx;

    if (!snap || snap->conn != VD_CONN_CONNECTED)
        return 0;
    st = &snap->stats;
    snprintf(cpu, sizeof(cpu), " %3.0f%% ", st->rates.cpu_valid ? st->rates.cpu_pct : 0);
    snprintf(mem, sizeof(mem), " %3.0f%% ", st->rates.mem_valid ? st->rates.mem_pct : 0);
    if (vd_app_stale_s(snap) >= 0)
        snprintf(tail, sizeof(tail), "%u/%u stale %ds ", st->running, st->total,
                 vd_app_stale_s(snap));
    else if (snap->tick_ms % 1000)
        snprintf(tail, sizeof(tail), "%u/%u active %.1fs ", st->running, st->total,
                 snap->tick_ms / 1000.0);
    else
        snprintf(tail, sizeof(tail), "%u/%u active %ds ", st->running, st->total,
                 snap->tick_ms / 1000);
    if (vd_monitor_demo_note(snap, true)) {
        /* the test driver's figures are synthetic: say so, not "-" */
        static const char demo[] = " demo host: no live figures (i) ";

        need = (int)strlen(demo) + (int)strlen(tail);
        if (need > w)
            return 0;
        cx = x + w - need;
        cx += vd_draw_text(y, cx, (int)strlen(demo), demo, vd_role_attr(VD_ROLE_DIM));
        vd_draw_text(y, cx, (int)strlen(tail), tail, vd_role_attr(VD_ROLE_BORDER));
        return need;
    }
    /* " CPU[bar] 12% Mem[bar] 40% 3/10 active 2s " */
    need = 1 + 4 + barw + (int)strlen(cpu) + 4 + barw + (int)strlen(mem) +
           (int)strlen(tail);
    if (need > w) {
        barw = 3;
        need -= 6;
    }
    if (need > w)
        return 0;
    cx = x + w - need;
    cx += vd_draw_text(y, cx, 1, " ", vd_role_attr(VD_ROLE_BORDER));
    if (st->rates.cpu_valid)
        cx += meter(y, cx, "CPU ", st->rates.cpu_pct, cpu, barw);
    else
        cx += vd_draw_text(y, cx, 4 + barw + (int)strlen(cpu), "CPU   -       ",
                           vd_role_attr(VD_ROLE_DIM));
    if (st->rates.mem_valid)
        cx += meter(y, cx, "Mem ", st->rates.mem_pct, mem, barw);
    else
        cx += vd_draw_text(y, cx, 4 + barw + (int)strlen(mem), "Mem   -       ",
                           vd_role_attr(VD_ROLE_DIM));
    vd_draw_text(y, cx, (int)strlen(tail), tail, vd_role_attr(VD_ROLE_BORDER));
    return need;
}

/* A shorter ("+") or longer ("-") refresh period for every host. */
void
vd_act_monitor_tick(vd_app *app, const vd_binding *b)
{
    const vd_snapshot *snap = vd_app_snap(app);
    int cur = asked_ms ? asked_ms : snap && snap->tick_ms ? snap->tick_ms : 2000;
    int n = (int)(sizeof(ticks) / sizeof(ticks[0]));
    int i, pick = -1;
    size_t h;

    if (b->key == '+') {
        for (i = n - 1; i >= 0 && pick < 0; i--)
            if (ticks[i] < cur)
                pick = ticks[i];
    } else {
        for (i = 0; i < n && pick < 0; i++)
            if (ticks[i] > cur)
                pick = ticks[i];
    }
    if (pick < 0) {
        vd_app_message(app, VD_MSG_INFO, "the refresh period is already %s",
                       b->key == '+' ? "the shortest (0.5 s)" : "the longest (60 s)");
        return;
    }
    asked_ms = pick;
    for (h = 0; h < app->nhosts; h++)
        vd_host_set_tick(app->hosts[h].host, pick);
    if (pick % 1000)
        vd_app_message(app, VD_MSG_OK, "refresh every %.1f s", pick / 1000.0);
    else
        vd_app_message(app, VD_MSG_OK, "refresh every %d s", pick / 1000);
}

/* Two rates as "a/b", or "-" when unknown. */
const char *
vd_monitor_pair(bool known, double a, double b, char *buf, size_t len)
{
    char x[16], y[16];

    if (!known)
        return "-";
    snprintf(buf, len, "%s/%s", vd_stats_fmt_bytes(a, x, sizeof(x)),
             vd_stats_fmt_bytes(b, y, sizeof(y)));
    return buf;
}
