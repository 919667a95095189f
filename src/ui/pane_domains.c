/*
 * pane_domains.c: the domains of the selected host, as a table; when
 * the host is not connected, why not and what to check.
 */
#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/table.h"
#include "ui/ui_priv.h"

enum { COL_NAME, COL_STATE, COL_VCPUS, COL_MEM, COL_AUTO, COL_PERS, COL_ID };

static const vd_col columns[] = {
    [COL_NAME] = { "Name", NULL, 8, 16, true, 40, 0, false },
    [COL_STATE] = { "State", NULL, 8, 11, false, 0, 0, false },
    [COL_VCPUS] = { "vCPU", NULL, 4, 4, false, 0, 2, true },
    [COL_MEM] = { "Memory", "Mem", 7, 9, false, 0, 1, true },
    [COL_AUTO] = { "Auto", "A", 1, 4, false, 0, 3, false },
    [COL_PERS] = { "Pers", "P", 1, 4, false, 0, 5, false },
    [COL_ID] = { "ID", NULL, 3, 4, false, 0, 4, true },
};

/* Memory to show for dom: the current amount, else the maximum. */
static unsigned long long
dom_mem_bytes(const vd_domain *dom)
{
    return (dom->mem_kib ? dom->mem_kib : dom->max_mem_kib) * 1024ULL;
}

/* One domain row. */
static void
draw_row(vd_app *app, const vd_table *t, size_t i, int y, bool selected,
         bool focused)
{
    const vd_domain *dom = &vd_app_snap(app)->domains[i];
    attr_t normal = vd_row_attr(selected, focused, VD_ROLE_NORMAL);
    attr_t state = vd_row_attr(selected, focused, vd_dom_state_role(dom->state));
    char buf[64];

    vd_table_cell(t, COL_NAME, y, dom->name ? dom->name : "?", normal);
    vd_table_cell(t, COL_STATE, y, vd_dom_state_name(dom->state), state);
    snprintf(buf, sizeof(buf), "%u", dom->vcpus);
    vd_table_cell(t, COL_VCPUS, y, buf, normal);
    vd_table_cell(t, COL_MEM, y, vd_fmt_size(dom_mem_bytes(dom), buf, sizeof(buf)),
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
        snprintf(buf, sizeof(buf), "Connecting to %s%s", snap->uri,
                 vd_draw_utf8() ? "\u2026" : "...");
        vd_draw_wrap(&r, y, buf, vd_role_attr(VD_ROLE_CONN_BUSY));
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
    size_t n = vd_app_rows(app, VD_PANE_DOMAINS);
    vd_table t;

    if (inner->h <= 0 || inner->w <= 0)
        return;
    if (!vd_app_connected(app)) {
        draw_unconnected(app, inner);
        return;
    }
    vd_table_layout(&t, columns, sizeof(columns) / sizeof(columns[0]),
                    inner->x + 1, inner->w - 2);
    vd_table_header(&t, inner->y, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    if (n == 0) {
        vd_rect body = { inner->y + 1, inner->x, inner->h - 1, inner->w };

        vd_pane_note(app, &body, "no domains on this host");
        return;
    }
    vd_table_rows(app, &t, vd_app_sel(app, VD_PANE_DOMAINS), n, inner->y + 1,
                  inner->h - 1, focused, draw_row);
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

const vd_pane_ops vd_pane_domains = {
    .title = "Domains",
    .header_rows = 1,
    .draw = draw_domains,
};
