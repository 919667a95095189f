/*
 * pane_hosts.c: one row per connection with its state, and below the
 * rows, when there is room, what is known about the selected host.
 *
 * The rows are a vd_list (listview.h) in the order of the hosts list,
 * unsorted and unfiltered, so a row's index is its host's index; a row
 * is known by its worker's id ("host:ID", hosts have no UUID), so the
 * cursor stays on its host when hosts are added or removed.
 */
#include <stdio.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/widgets/table.h"
#include "ui/ui_priv.h"
#include "ui/panes/all_hosts.h"

/* The role of a host's connection state. */
static vd_role
conn_role(const vd_snapshot *snap)
{
    switch (snap->conn) {
    case VD_CONN_CONNECTED:
        return vd_app_stale_s(snap) >= 0 ? VD_ROLE_CONN_BUSY : VD_ROLE_CONN_OK;
    case VD_CONN_CONNECTING:
        return VD_ROLE_CONN_BUSY;
    case VD_CONN_FAILED:
        return VD_ROLE_CONN_FAILED;
    case VD_CONN_IDLE:
    case VD_CONN_LAST:
        break;
    }
    return VD_ROLE_DIM;
}

/* The state text of a host row, from the longest form (0) to the
 * shortest (3): "connected, 2/4 VMs running", "2/4 VMs running",
 * "2/4 running", "2/4"; "failed, retry in 5s". */
static void
host_state_text(const vd_snapshot *snap, int form, char *buf, size_t len)
{
    vd_dom_counts dc;
    int retry, wait;
    bool wide = form == 0;

    switch (snap->conn) {
    case VD_CONN_CONNECTED:
        if ((wait = vd_app_stale_s(snap)) >= 0) {
            /* the figures below are that old: the daemon is silent */
            snprintf(buf, len, "%sno answer %ds", wide ? "stale: " : "", wait);
            return;
        }
        vd_dom_count(snap->domains, snap->ndomains, &dc);
        snprintf(buf, len, "%s%zu/%zu%s", wide ? "connected, " : "",
                 dc.running, dc.total, form <= 1 ? " VMs running" :
                 form == 2 ? " running" : "");
        return;
    case VD_CONN_CONNECTING:
        wait = vd_app_connecting_s(snap);
        if (wait >= VD_APP_NO_ANSWER_S)
            snprintf(buf, len, "no answer %ds", wait);
        else
            snprintf(buf, len, "connecting%s", vd_draw_utf8() ? "\u2026" : "...");
        return;
    case VD_CONN_FAILED:
        retry = vd_app_retry_s(snap);
        if (retry > 0)
            snprintf(buf, len, "failed, retry %s%ds", wide ? "in " : "", retry);
        else
            snprintf(buf, len, "failed, retrying");
        return;
    case VD_CONN_IDLE:
    case VD_CONN_LAST:
        break;
    }
    snprintf(buf, len, "%s", vd_conn_state_name(snap->conn));
}

/* The state of a host row in a few columns: "1/4" up, "fail", "off". */
static void
compact_state_text(const vd_snapshot *snap, char *buf, size_t len)
{
    size_t up = 0;

    switch (snap->conn) {
    case VD_CONN_CONNECTED:
        for (size_t i = 0; i < snap->ndomains; i++)
            up += snap->domains[i].state == VD_DOM_RUNNING ||
                  snap->domains[i].state == VD_DOM_BLOCKED;
        snprintf(buf, len, "%zu/%zu", up, snap->ndomains);
        return;
    case VD_CONN_CONNECTING:
        snprintf(buf, len, "%s", vd_draw_utf8() ? "\u2026" : "...");
        return;
    case VD_CONN_FAILED:
        snprintf(buf, len, "fail");
        return;
    case VD_CONN_IDLE:
    case VD_CONN_LAST:
        break;
    }
    snprintf(buf, len, "off");
}

/* Whether the host's state is an alarm that wins over its label on a
 * narrow row: a failure, a daemon that does not answer at start, a
 * connected host gone silent (stale). */
static bool
alarm(const vd_snapshot *snap)
{
    return snap->conn == VD_CONN_FAILED ||
           (snap->conn == VD_CONN_CONNECTING &&
            vd_app_connecting_s(snap) >= VD_APP_NO_ANSWER_S) ||
           (snap->conn == VD_CONN_CONNECTED && vd_app_stale_s(snap) >= 0);
}

/* One host row. */
static void
draw_host_row(vd_app *app, size_t i, int y, int x, int w, bool selected,
              bool focused)
{
    const vd_snapshot *snap = app->hosts[i].snap;
    attr_t normal = vd_row_attr(selected, focused, VD_ROLE_NORMAL);
    attr_t state = vd_row_attr(selected, focused, conn_role(snap));
    char text[64], buf[128];
    const char *label = vd_all_hosts_label(app, i, buf, sizeof(buf));
    int sw, lw = vd_text_width(label);

    if (selected)
        vd_draw_fill(y, x, w, normal);
    /* the host's name gives way last: the longest form that keeps it
     * whole; when none does, "1/4 running" while 12 cells of the name
     * stay, else "1/4" */
    {
        int form;

        for (form = w >= 44 ? 0 : 1; form <= 3; form++) {
            host_state_text(snap, form, text, sizeof(text));
            if (3 + lw + 2 + vd_text_width(text) + 1 <= w)
                break;
        }
        if (form > 3) {
            host_state_text(snap, 2, text, sizeof(text));
            if (3 + 12 + 2 + vd_text_width(text) + 1 > w)
                host_state_text(snap, 3, text, sizeof(text));
        }
    }
    sw = vd_text_width(text);
    /* the label tells hosts apart: it goes whole before the state, which
     * shrinks to its figures ("1/4") or goes (the dot's colour stays);
     * only an alarm (a failure and its retry countdown, no answer, stale)
     * wins over the label */
    if (lw + 1 + sw > w - 3 - 1 && !alarm(snap)) {
        compact_state_text(snap, text, sizeof(text));
        sw = vd_text_width(text);
        if (lw + 1 + sw > w - 3 - 1)
            sw = 0;
    }
    if (sw > w - 3 - 8 - 1)
        sw = w - 3 - 8 - 1;
    if (sw < 0)
        sw = 0;
    vd_draw_text(y, x + 1, 1, vd_glyph_str(VD_GLYPH_DOT), state);
    /* cut at its end if need be (never in the middle, where two URIs
     * differ) */
    vd_draw_text(y, x + 3, w - 3 - sw - (sw ? 2 : 1), label, normal);
    vd_draw_text_right(y, x + w - sw - 1, sw, text, state);
}

/* A meter line: "CPU [|||     ] 12%". */
static void
draw_meter(int y, int x, int w, const char *name, bool valid, double pct)
{
    char buf[16];
    attr_t role = vd_role_attr(pct >= 90 ? VD_ROLE_METER_HIGH :
                               pct >= 60 ? VD_ROLE_METER_MID : VD_ROLE_METER_LOW);

    vd_draw_text(y, x, 4, name, vd_role_attr(VD_ROLE_NORMAL));
    if (!valid) {
        vd_draw_text(y, x + 4, w - 4, "-", vd_role_attr(VD_ROLE_DIM));
        return;
    }
    snprintf(buf, sizeof(buf), "%5.1f%%", pct);
    if (w > 4 + 7 + 3)
        vd_draw_bar(y, x + 4, w - 4 - 7, pct / 100.0, role,
                    vd_role_attr(VD_ROLE_BAR_FREE));
    vd_draw_text_right(y, x + w - 6, 6, buf, vd_role_attr(VD_ROLE_NORMAL));
}

/* The host overview below the facts (issue 3): CPU model and topology,
 * KVM, VM counts, and the host's CPU and memory meters. */
static void
draw_overview(const vd_snapshot *snap, const vd_rect *r, int y)
{
    const vd_host_info *info = &snap->info;
    const vd_host_rates *rates = &snap->stats.rates;
    int end = r->y + r->h;
    vd_dom_counts dc;
    char buf[256];

    if (y < end && (info->cpu_name || info->sockets)) {
        snprintf(buf, sizeof(buf), "%s%s%s%s", info->cpu_vendor ? info->cpu_vendor : "",
                 info->cpu_vendor ? " " : "", info->cpu_name ? info->cpu_name : "CPU",
                 "");
        if (info->sockets)
            snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
                     ", %u socket%s x %u cores x %u threads", info->sockets,
                     info->sockets == 1 ? "" : "s", info->cores, info->threads);
        vd_draw_text(y++, r->x, r->w, buf, vd_role_attr(VD_ROLE_NORMAL));
    }
    vd_dom_count(snap->domains, snap->ndomains, &dc);
    if (y < end) {
        snprintf(buf, sizeof(buf), "KVM: %s   VMs: %zu running, %zu paused, %zu off",
                 info->kvm > 0 ? "yes" : info->kvm < 0 ? "no (TCG only)" : "n/a",
                 dc.running, dc.paused, dc.off);
        vd_draw_text(y++, r->x, r->w, buf, vd_role_attr(VD_ROLE_NORMAL));
    }
    if (y < end)
        draw_meter(y++, r->x, r->w, "CPU", rates->cpu_valid, rates->cpu_pct);
    if (y < end)
        draw_meter(y++, r->x, r->w, "Mem", rates->mem_valid, rates->mem_pct);
    if (y < end && vd_monitor_demo_note(snap, true)) {
        vd_rect rest = { y, r->x, end - y, r->w };
        vd_draw_wrap(&rest, y, vd_monitor_demo_note(snap, true),
                     vd_role_attr(VD_ROLE_DIM));
    }
}

/* Details of the selected host in r, one fact a line. */
static void
draw_details(vd_app *app, const vd_rect *r)
{
    const vd_snapshot *snap = vd_app_snap(app);
    const vd_host_info *info;
    attr_t normal = vd_role_attr(VD_ROLE_NORMAL);
    char buf[256], v1[32], v2[32], mem[32], lbuf[128];
    int y = r->y;
    int end = r->y + r->h;

    if (!snap || r->h <= 0)
        return;
    info = &snap->info;
    /* the whole URI under the short label it is shown by */
    if (strcmp(snap->uri, vd_all_hosts_label(app, app->host_sel.cursor, lbuf,
                                             sizeof(lbuf))) != 0)
        vd_draw_text(y++, r->x, r->w, snap->uri, vd_role_attr(VD_ROLE_DIM));
    if (snap->conn == VD_CONN_FAILED && snap->error) {
        vd_rect rest = { y, r->x, end - y, r->w };

        vd_draw_wrap(&rest, y, snap->error, vd_role_attr(VD_ROLE_CONN_FAILED));
        return;
    }
    if (snap->conn != VD_CONN_CONNECTED || y >= end)
        return;
    if (snap->partial) {        /* the host's facts: on the next read */
        vd_draw_text(y, r->x, r->w, "reading the host's facts...", normal);
        return;
    }
    snprintf(buf, sizeof(buf), "%s: %s %s, libvirt %s%s",
             info->hostname ? info->hostname : "?",
             info->hv_type ? info->hv_type : "?",
             vd_version_string(info->hv_version, v1, sizeof(v1)),
             vd_version_string(info->libvirt_version, v2, sizeof(v2)),
             snap->readonly ? ", read-only" : "");
    vd_draw_text(y++, r->x, r->w, buf, normal);
    if (y >= end)
        return;
    snprintf(buf, sizeof(buf), "%u CPUs%s%s, %s RAM", info->cpus,
             info->cpu_model ? " " : "", info->cpu_model ? info->cpu_model : "",
             vd_fmt_size(info->mem_kib * 1024ULL, mem, sizeof(mem)));
    vd_draw_text(y++, r->x, r->w, buf, normal);
    draw_overview(snap, r, y);
}

/* The hosts pane's rows: every host, in the hosts list's order. */
static void
source_hosts(vd_app *app, vd_list *list)
{
    for (size_t i = 0; i < app->nhosts; i++) {
        vd_ui_host *h = &app->hosts[i];

        snprintf(h->key, sizeof(h->key), "host:%d", vd_host_id(h->host));
        vd_list_add(list, i, h, h->key, h->snap ? h->snap->label : NULL);
    }
}

/* Draw the hosts pane inside inner. */
static void
draw_hosts(vd_app *app, const vd_rect *inner, bool focused)
{
    vd_list *list = vd_list_get(app, VD_PANE_HOSTS);
    int rows;
    vd_rect details;

    if (inner->h <= 0 || inner->w <= 0)
        return;
    if (list->n == 0) {
        vd_draw_text(inner->y, inner->x + 1, inner->w - 1, "no hosts",
                     vd_role_attr(VD_ROLE_DIM));
        return;
    }
    rows = inner->h;
    if ((size_t)rows > list->n)
        rows = (int)list->n;
    vd_sel_fit(list->cur, list->n, (size_t)rows);
    for (int r = 0; r < rows; r++) {
        size_t i = list->cur->top + (size_t)r;

        if (i >= list->n)
            break;
        draw_host_row(app, list->rows[i].host, inner->y + r, inner->x,
                      inner->w, i == list->cur->cursor, focused);
    }
    details = (vd_rect){ inner->y + rows + 1, inner->x + 1,
                         inner->h - rows - 1, inner->w - 2 };
    draw_details(app, &details);
}

const vd_pane_ops vd_pane_hosts = {
    .title = "Hosts",
    .header_rows = 0,
    .draw = draw_hosts,
    .source = source_hosts,
};
