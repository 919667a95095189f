/*
 * pane_domains.c: the domains of the selected host, as a table; when
 * the host is not connected, why not and what to check.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/draw.h"
#include "ui/panes/all_hosts.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/widgets/table.h"
#include "ui/views/netstore_ui.h"
#include "ui/panes/dom_sort.h"
#include "ui/ui_priv.h"

enum { COL_NAME, COL_STATE, COL_VCPUS, COL_MEM, COL_AUTO, COL_PERS, COL_ID,
       /* snapshots (issue 11): the first to go on a narrow screen */
       COL_SNAPS,
       /* live monitor (issue 4): after the others, kept before them */
       COL_CPU, COL_SPARK, COL_USED, COL_DISK, COL_NET,
       /* all-hosts view (issue 3): last, so one host's table leaves it out */
       COL_HOST };

static const vd_col columns[] = {
    [COL_NAME] = { "Name", NULL, 13, 16, true, 40, 0, false },
    [COL_STATE] = { "State", NULL, 8, 11, false, 0, 0, false },
    [COL_VCPUS] = { "vCPU", NULL, 4, 4, false, 0, 2, true },
    [COL_MEM] = { "Memory", "Mem", 8, 9, false, 0, 1, true },
    [COL_AUTO] = { "Auto", "A", 1, 4, false, 0, 3, false },
    [COL_PERS] = { "Pers", "P", 1, 4, false, 0, 5, false },
    [COL_ID] = { "ID", NULL, 3, 4, false, 0, 4, true },
    [COL_SNAPS] = { "Snaps", "Sn", 2, 5, false, 0, 8, true },
    /* dropped before ID and Auto but kept before Pers: at 80 columns
     * the table keeps its identity columns and shows CPU % */
    [COL_CPU] = { "CPU%", NULL, 5, 5, false, 0, 4, true },
    [COL_SPARK] = { "CPU graph", "Graph", 6, 10, false, 0, 6, false },
    [COL_USED] = { "Mem used", "Used", 4, 14, false, 0, 5, false },
    [COL_DISK] = { "Disk r/w", NULL, 9, 13, false, 0, 7, false },
    [COL_NET] = { "Net rx/tx", NULL, 9, 13, false, 0, 7, false },
    [COL_HOST] = { "Host", NULL, 10, 16, false, 0, 0, false },
};

#define DOM(r) ((const vd_domain *)(r)->obj)

/* Filter terms of the domains pane: state:WORD (a prefix of a word of
 * the state's name: state:run, state:off, state:shut), host:NAME
 * (substring of the host's label or URI), auto:yes|no. */
bool
vd_dom_match(const void *ctx, const vd_row *row, const char *key,
             const char *value)
{
    const vd_app *app = ctx;
    const vd_snapshot *snap = row->host < app->nhosts ? app->hosts[row->host].snap
                                                      : NULL;

    if (strcasecmp(key, "state") == 0) {
        const char *name = vd_dom_state_name(DOM(row)->state);
        size_t vl = strlen(value);

        for (const char *w = name; w && *w; w = strchr(w, ' ') ? strchr(w, ' ') + 1 : NULL)
            if (vl && strncasecmp(w, value, vl) == 0)
                return true;
        return false;
    }
    if (strcasecmp(key, "host") == 0)
        return snap && ((snap->label && strcasestr(snap->label, value)) ||
                        (snap->uri && strcasestr(snap->uri, value)));
    if (strcasecmp(key, "auto") == 0 || strcasecmp(key, "autostart") == 0)
        return DOM(row)->autostart == (strcasecmp(value, "yes") == 0 ||
                                       strcmp(value, "1") == 0 ||
                                       strcasecmp(value, "on") == 0);
    return false;
}

const vd_list_kind vd_domains_list_kind = {
    .cmp = {
        [COL_NAME] = vd_dom_cmp_name, [COL_STATE] = vd_dom_cmp_state,
        [COL_VCPUS] = vd_dom_cmp_vcpus, [COL_MEM] = vd_dom_cmp_memory,
        [COL_AUTO] = vd_dom_cmp_autostart, [COL_PERS] = vd_dom_cmp_persistent,
        [COL_ID] = vd_dom_cmp_id, [COL_SNAPS] = vd_dom_cmp_snapshots,
        [COL_CPU] = vd_dom_cmp_cpu, [COL_SPARK] = vd_dom_cmp_cpu,
        [COL_USED] = vd_dom_cmp_mem_pct, [COL_DISK] = vd_dom_cmp_disk,
        [COL_NET] = vd_dom_cmp_net, [COL_HOST] = vd_dom_cmp_host,
    },
    /* yes first; figures and snapshots largest first */
    .desc = {
        [COL_AUTO] = true, [COL_PERS] = true, [COL_SNAPS] = true,
        [COL_CPU] = true, [COL_SPARK] = true, [COL_USED] = true,
        [COL_DISK] = true, [COL_NET] = true,
    },
    .names = {
        [COL_NAME] = "name", [COL_STATE] = "state", [COL_VCPUS] = "vCPUs",
        [COL_MEM] = "memory", [COL_AUTO] = "autostart", [COL_PERS] = "persistent",
        [COL_ID] = "ID",
        [COL_CPU] = "CPU %", [COL_SPARK] = "CPU %", [COL_USED] = "memory used",
        [COL_DISK] = "disk I/O", [COL_NET] = "network I/O",
        [COL_SNAPS] = "snapshots",
        [COL_HOST] = "host",
    },
    .ncols = sizeof(columns) / sizeof(columns[0]),
    .default_col = COL_NAME,
    .match = vd_dom_match,
};

/* The live monitor's cells of a row (issue 4): CPU %, a sparkline,
 * memory used, disk and network rates; "-" where there is no figure. */
static void
vd_monitor_cells(const vd_table *t, const vd_domain *dom, int y, bool selected,
                 bool focused)
{
    const vd_dom_rates *r = &dom->rates;
    attr_t dim = vd_row_attr(selected, focused, VD_ROLE_DIM);
    char buf[96], a[16], b[16];

    if (r->valid && r->cpu_valid) {
        snprintf(buf, sizeof(buf), "%.1f", r->cpu_pct);
        vd_table_cell(t, COL_CPU, y, buf,
                      vd_row_attr(selected, focused, vd_monitor_role(r->cpu_pct)));
    } else {
        vd_table_cell(t, COL_CPU, y, "-", dim);
    }
    if (t->shown[COL_SPARK])
        vd_table_cell(t, COL_SPARK, y,
                      vd_monitor_sparkline(dom->history, t->cw[COL_SPARK], buf,
                                           sizeof(buf)),
                      vd_row_attr(selected, focused, VD_ROLE_METER_LOW));
    if (r->mem_valid) {
        snprintf(buf, sizeof(buf), "%.0f%% %s/%s", r->mem_pct,
                 vd_stats_fmt_bytes((double)r->mem_used_kib * 1024, a, sizeof(a)),
                 vd_stats_fmt_bytes((double)r->mem_total_kib * 1024, b, sizeof(b)));
        vd_table_cell(t, COL_USED, y, buf,
                      vd_row_attr(selected, focused, vd_monitor_role(r->mem_pct)));
    } else {
        vd_table_cell(t, COL_USED, y, "-", dim);
    }
    vd_table_cell(t, COL_DISK, y,
                  vd_monitor_pair(r->valid && r->disk_valid, r->rd_bps, r->wr_bps,
                                  buf, sizeof(buf)),
                  r->valid && r->disk_valid
                      ? vd_row_attr(selected, focused, VD_ROLE_NORMAL) : dim);
    vd_table_cell(t, COL_NET, y,
                  vd_monitor_pair(r->valid && r->net_valid, r->rx_bps, r->tx_bps,
                                  buf, sizeof(buf)),
                  r->valid && r->net_valid
                      ? vd_row_attr(selected, focused, VD_ROLE_NORMAL) : dim);
}

/* One domain row. */
static void
draw_row(vd_app *app, const vd_table *t, size_t i, int y, bool selected,
         bool focused)
{
    const vd_row *r = vd_app_row(app, VD_PANE_DOMAINS, i);
    const vd_domain *dom = r->obj;
    attr_t normal = vd_row_attr(selected, focused, VD_ROLE_NORMAL);
    attr_t state = vd_row_attr(selected, focused, vd_dom_state_role(dom->state));
    const vd_progress *mig;
    char buf[64];

    /* A marked row: a star in the margin left of the table. */
    if (vd_list_marked(vd_list_get(app, VD_PANE_DOMAINS), r))
        vd_draw_text(y, t->x - 1, 1, "*", vd_role_attr(VD_ROLE_STATUS_BUSY) | A_BOLD);
    vd_table_cell(t, COL_NAME, y, dom->name ? dom->name : "?", normal);
    mig = r->host < app->nhosts
          ? vd_ui_job_migrating(vd_host_id(app->hosts[r->host].host), r->uuid) : NULL;
    if (mig) {
        /* a migration under way: its progress instead of the state */
        snprintf(buf, sizeof(buf), "migr %d%%", mig->total ? (int)(100.0 *
                 (double)(mig->total - (mig->remaining < mig->total ? mig->remaining
                                        : mig->total)) / (double)mig->total) : 0);
        vd_table_cell(t, COL_STATE, y, buf,
                      vd_row_attr(selected, focused, VD_ROLE_STATUS_BUSY));
    } else {
        vd_table_cell(t, COL_STATE, y, vd_dom_state_name(dom->state), state);
    }
    vd_table_cell(t, COL_VCPUS, y, vd_dom_vcpus_text(dom, buf, sizeof(buf)), normal);
    vd_table_cell(t, COL_MEM, y, vd_dom_mem_bytes(dom)
                  ? vd_fmt_size(vd_dom_mem_bytes(dom), buf, sizeof(buf)) : "-",
                  normal);
    vd_table_cell(t, COL_AUTO, y, dom->autostart ? vd_glyph_str(VD_GLYPH_MARK) : "",
                  normal);
    vd_table_cell(t, COL_PERS, y, dom->persistent ? vd_glyph_str(VD_GLYPH_MARK) : "",
                  normal);
    if (dom->id >= 0)
        snprintf(buf, sizeof(buf), "%d", dom->id);
    else
        snprintf(buf, sizeof(buf), "-");
    vd_table_cell(t, COL_ID, y, buf, normal);
    vd_monitor_cells(t, dom, y, selected, focused);
    if (dom->snapshots >= 0)
        snprintf(buf, sizeof(buf), "%d", dom->snapshots);
    else
        snprintf(buf, sizeof(buf), "-");
    vd_table_cell(t, COL_SNAPS, y, buf, normal);
    if (t->ncols > COL_HOST)
        vd_table_cell(t, COL_HOST, y, vd_all_hosts_label(app, r->host, buf,
                                                          sizeof(buf)), normal);
}

/* The body of the pane for a host that is not connected. */
static void
draw_unconnected(vd_app *app, const vd_rect *inner)
{
    const vd_snapshot *snap = vd_app_snap(app);
    vd_rect r = { inner->y, inner->x + 1, inner->h, inner->w - 2 };
    int y = r.y + 1;
    char buf[512];
    int retry;

    if (!snap) {
        vd_draw_wrap(&r, y, "No host. Give one with -c URI, e.g. "
                     "virtdeck -c qemu:///system", vd_role_attr(VD_ROLE_DIM));
        return;
    }
    switch (snap->conn) {
    case VD_CONN_CONNECTING:
        retry = vd_app_connecting_s(snap);
        if (retry < VD_APP_NO_ANSWER_S) {
            snprintf(buf, sizeof(buf), "Connecting to %s%s", snap->uri,
                     vd_draw_utf8() ? "\u2026" : "...");
            vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_CONN_BUSY));
            return;
        }
        /* the socket took the connection, the daemon says nothing */
        snprintf(buf, sizeof(buf), "The daemon does not answer "
                 "(waiting for %ds):", retry);
        y = vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_CONN_FAILED));
        y = vd_draw_wrap(&r, y, snap->uri, vd_role_attr(VD_ROLE_NORMAL)) + 1;
        y = vd_draw_wrap(&r, y, "What to check: is libvirtd (or virtqemud) "
                         "stopped, hung or overloaded? `systemctl status "
                         "libvirtd` on the host; a process in state T is "
                         "stopped (kill -CONT resumes it). For a remote URI, "
                         "the network or SSH may hang.",
                         vd_role_attr(VD_ROLE_DIM)) + 1;
        vd_draw_wrap(&r, y, "virtdeck keeps waiting and connects as soon as "
                     "it answers; q quits.", vd_role_attr(VD_ROLE_DIM));
        return;
    case VD_CONN_IDLE:
        snprintf(buf, sizeof(buf), "Not connected to %s.", snap->uri);
        vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_DIM));
        return;
    case VD_CONN_FAILED:
    case VD_CONN_CONNECTED:
    case VD_CONN_LAST:
        break;
    }
    snprintf(buf, sizeof(buf), "Cannot connect to %s", snap->uri);
    y = vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_CONN_FAILED)) + 1;
    if (snap->error)
        y = vd_draw_wrap(&r, y, snap->error, vd_role_attr(VD_ROLE_NORMAL)) + 1;
    if (snap->hint) {
        snprintf(buf, sizeof(buf), "What to check: %s", snap->hint);
        y = vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_DIM)) + 1;
    }
    retry = vd_app_retry_s(snap);
    if (retry > 0)
        snprintf(buf, sizeof(buf), "Retrying in %ds (failed attempts: %u).",
                 retry, snap->attempts);
    else
        snprintf(buf, sizeof(buf), "Retrying now (failed attempts: %u).",
                 snap->attempts);
    vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_STATUS_BUSY));
}

/* Draw the domains pane inside inner. */
static void
draw_domains(vd_app *app, const vd_rect *inner, bool focused)
{
    vd_list *list = vd_list_get(app, VD_PANE_DOMAINS);
    vd_table t;
    vd_col cols[sizeof(columns) / sizeof(columns[0])];

    if (inner->h <= 0 || inner->w <= 0)
        return;
    if (!vd_app_connected(app) && !vd_all_hosts_on(app)) {
        draw_unconnected(app, inner);
        return;
    }
    /* the name column wants its longest name, before the other columns
     * widen: names are cut only when the screen has no room */
    memcpy(cols, columns, sizeof(cols));
    cols[COL_NAME].want = cols[COL_NAME].max =
        vd_list_name_width(list, columns[COL_NAME].want, columns[COL_NAME].max);
    /* the host column only in the all-hosts view */
    vd_table_layout_need(&t, cols, sizeof(cols) / sizeof(cols[0]) -
                         (vd_all_hosts_on(app) ? 0 : 1), inner->x + 1,
                         inner->w - 2, COL_NAME, vd_list_source_name_width(list));
    vd_list_header(list, &t, inner->y, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    if (list->n == 0) {
        vd_rect body = { inner->y + 1, inner->x, inner->h - 1, inner->w };

        vd_pane_note(app, &body, list->filter[0]
                     ? "no domain matches the filter (/ changes it)"
                     : vd_pane_domains.empty);
        return;
    }
    vd_table_rows(app, &t, list->cur, list->n, inner->y + 1, inner->h - 1,
                  focused, draw_row);
}

/* One line about dom for the status line. */
void
vd_domain_summary(const vd_domain *dom, char *buf, size_t len)
{
    char mem[32], max[32], id[32] = "";

    vd_fmt_size(dom->mem_kib * 1024ULL, mem, sizeof(mem));
    vd_fmt_size(dom->max_mem_kib * 1024ULL, max, sizeof(max));
    if (dom->id >= 0)
        snprintf(id, sizeof(id), ", ID %d", dom->id);
    snprintf(buf, len, "%s: %s, %u/%u vCPUs, %s of %s%s, %s, %s, UUID %s",
             dom->name ? dom->name : "?", vd_dom_state_name(dom->state),
             dom->vcpus, dom->max_vcpus, mem, max, id,
             dom->autostart ? "autostart" : "no autostart",
             dom->persistent ? "persistent" : "transient", dom->uuid);
}

/* The summary of a row's domain. */
static void
summary_row(const vd_row *row, char *buf, size_t len)
{
    vd_domain_summary(row->obj, buf, len);
}

const vd_pane_ops vd_pane_domains = {
    .title = "Domains",
    .header_rows = 1,
    .draw = draw_domains,
    .kind = &vd_domains_list_kind,
    .columns = columns,
    .ncols = sizeof(columns) / sizeof(columns[0]),
    .empty = "no domains on this host",
    .draw_row = draw_row,
    .summary = summary_row,
};
