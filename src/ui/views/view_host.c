/*
 * view_host.c: the overview of one host (i in the hosts pane): name,
 * versions, CPU model and topology, memory, KVM, VM counts, the host's
 * CPU and memory meters, and for a failing host libvirt's error with
 * what to check. Drawn from the host's latest snapshot on every frame,
 * so it follows the worker by itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/forms/hosts_edit.h"
#include "ui/widgets/table.h"
#include "ui/app/view.h"
#include "ui/views/monitor.h"

typedef struct host_view {
    int host_id;                /* vd_host_id(): survives index changes */
} host_view;

/* The snapshot of the host with core id id, or NULL. */
static const vd_snapshot *
snap_of(const vd_app *app, int id)
{
    for (size_t i = 0; i < app->nhosts; i++)
        if (vd_host_id(app->hosts[i].host) == id)
            return app->hosts[i].snap;
    return NULL;
}

/* A labelled meter line. */
static void
meter(int y, int x, int w, const char *name, bool valid, double pct,
      const char *detail, bool demo)
{
    char buf[64];
    int bw = w - 12 - 8 - (int)strlen(detail) - 2;

    vd_draw_text(y, x, 12, name, vd_role_attr(VD_ROLE_NORMAL));
    if (!valid) {
        vd_draw_text(y, x + 12, w - 12, demo ? "- (the test driver gives none)"
                     : "- (no figures yet)", vd_role_attr(VD_ROLE_DIM));
        return;
    }
    if (bw > 40)
        bw = 40;
    if (bw > 3)
        vd_draw_bar(y, x + 12, bw, pct / 100.0,
                    vd_role_attr(pct >= 90 ? VD_ROLE_METER_HIGH : pct >= 60 ?
                                 VD_ROLE_METER_MID : VD_ROLE_METER_LOW),
                    vd_role_attr(VD_ROLE_BAR_FREE));
    snprintf(buf, sizeof(buf), "%5.1f%%  %s", pct, detail);
    vd_draw_text(y, x + 12 + (bw > 3 ? bw + 1 : 0), w - 12 - bw - 1, buf,
                 vd_role_attr(VD_ROLE_NORMAL));
}

/* Draw the overview. */
static void
host_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    host_view *hv = v->data;
    const vd_snapshot *snap = snap_of(app, hv->host_id);
    const vd_host_info *info;
    attr_t norm = vd_role_attr(VD_ROLE_NORMAL), head = vd_role_attr(VD_ROLE_COLUMN_HEADER);
    int x = area->x + 2, w = area->w - 4, y = area->y + 1;
    char buf[512], v1[32], v2[32], a[32], b[32];
    vd_dom_counts dc;

    if (!snap) {
        vd_draw_text(y, x, w, "This host was removed.", vd_role_attr(VD_ROLE_DIM));
        return;
    }
    info = &snap->info;
    snprintf(buf, sizeof(buf), "%s  (%s)", snap->label, vd_conn_state_name(snap->conn));
    vd_draw_text(y++, x, w, buf, head);
    vd_draw_text(y++, x, w, snap->uri, vd_role_attr(VD_ROLE_DIM));
    y++;
    if (snap->conn != VD_CONN_CONNECTED) {
        vd_rect r = { y, x, area->y + area->h - y, w };
        if (snap->error) {
            y = vd_draw_wrap(&r, y, snap->error, vd_role_attr(VD_ROLE_CONN_FAILED)) + 1;
            if (snap->hint) {
                snprintf(buf, sizeof(buf), "What to check: %s", snap->hint);
                r.y = y;
                vd_draw_wrap(&r, y, buf, norm);
            }
        } else if (snap->conn == VD_CONN_IDLE) {
            vd_draw_text(y, x, w, "Not connected: c connects (in the hosts pane).", norm);
        }
        return;
    }
    snprintf(buf, sizeof(buf), "Hostname     %s", info->hostname ? info->hostname : "?");
    vd_draw_text(y++, x, w, buf, norm);
    snprintf(buf, sizeof(buf), "Hypervisor   %s %s", info->hv_type ? info->hv_type : "?",
             vd_version_string(info->hv_version, v1, sizeof(v1)));
    vd_draw_text(y++, x, w, buf, norm);
    snprintf(buf, sizeof(buf), "libvirt      %s (daemon)%s",
             vd_version_string(info->libvirt_version, v2, sizeof(v2)),
             snap->readonly ? ", read-only connection" : "");
    vd_draw_text(y++, x, w, buf, norm);
    snprintf(buf, sizeof(buf), "CPU          %s%s%s (%s)", info->cpu_vendor ? info->cpu_vendor : "",
             info->cpu_vendor ? " " : "", info->cpu_name ? info->cpu_name : "?",
             info->cpu_model ? info->cpu_model : "?");
    vd_draw_text(y++, x, w, buf, norm);
    if (info->sockets)
        snprintf(buf, sizeof(buf), "Cores        %u CPUs: %u socket%s x %u cores x %u threads",
                 info->cpus, info->sockets, info->sockets == 1 ? "" : "s", info->cores,
                 info->threads);
    else
        snprintf(buf, sizeof(buf), "Cores        %u CPUs", info->cpus);
    vd_draw_text(y++, x, w, buf, norm);
    snprintf(buf, sizeof(buf), "Memory       %s", vd_fmt_size(info->mem_kib * 1024ULL, a, sizeof(a)));
    vd_draw_text(y++, x, w, buf, norm);
    snprintf(buf, sizeof(buf), "KVM          %s", info->kvm > 0 ? "available" :
             info->kvm < 0 ? "not available (guests run with TCG emulation)" :
             "not applicable (not a QEMU host)");
    vd_draw_text(y++, x, w, buf, norm);
    vd_dom_count(snap->domains, snap->ndomains, &dc);
    snprintf(buf, sizeof(buf), "VMs          %zu running, %zu paused, %zu off "
             "(%zu active of %zu)", dc.running, dc.paused, dc.off, dc.active,
             dc.total);
    vd_draw_text(y++, x, w, buf, norm);
    y++;
    meter(y++, x, w, "Host CPU", snap->stats.rates.cpu_valid, snap->stats.rates.cpu_pct, "",
          vd_monitor_demo_note(snap, true) != NULL);
    snprintf(buf, sizeof(buf), "%s of %s",
             vd_fmt_size(snap->stats.rates.mem_used_kib * 1024ULL, a, sizeof(a)),
             vd_fmt_size(snap->stats.rates.mem_total_kib * 1024ULL, b, sizeof(b)));
    meter(y++, x, w, "Host memory", snap->stats.rates.mem_valid, snap->stats.rates.mem_pct, buf,
          vd_monitor_demo_note(snap, true) != NULL);
    if (vd_monitor_demo_note(snap, false)) {
        vd_rect r = { y + 1, x, area->y + area->h - y - 1, w };
        vd_draw_wrap(&r, y + 1, vd_monitor_demo_note(snap, false),
                     vd_role_attr(VD_ROLE_STATUS_BUSY));
    }
}

/* Leave. */
static void
host_close(vd_app *app, vd_view *v)
{
    (void)app;
    free(v->data);
}

static const vd_view_ops host_ops = {
    .name = "host",
    .draw = host_draw,
    .close = host_close,
};

/* i in the hosts pane: the selected host's overview. */
void
vd_act_host_overview(vd_app *app, const vd_binding *b)
{
    host_view *hv;
    const vd_snapshot *snap = vd_app_snap(app);

    (void)b;
    if (!snap || !(hv = calloc(1, sizeof(*hv))))
        return;
    hv->host_id = vd_host_id(app->hosts[app->host_sel.cursor].host);
    vd_view_push(app, &host_ops, hv, snap->label);
}
