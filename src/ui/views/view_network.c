/*
 * view_network.c: the networks pane's actions and the network details
 * view: bridge, forward mode, addresses, DHCP range and static hosts,
 * current leases, attached domains; start, stop, autostart, undefine
 * (asking first, warning about running domains), XML view and edit in
 * $EDITOR (a refused edit is offered again, never lost).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "virtdeck/core.h"
#include "virtdeck/netstore.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/editor.h"
#include "virtdeck/uriinfo.h"
#include "ui/views/netpool_view.h"
#include "ui/views/netstore_ui.h"
#include "ui/app/view.h"

#define RELOAD_MS 3000          /* re-read the details this often */

typedef struct net_view {
    size_t hi;                  /* host index */
    char uuid[VD_UUID_LEN];
    char name[128];
    int pending;                /* VD_NETACT_* to run once details arrive */
    vd_network_details *d;
    unsigned long long req;     /* details request in flight */
    long long asked_ms;
    char err[512];
    vd_edit *edit;              /* an edit the daemon is checking */
} net_view;

static const vd_view_ops net_ops;

/* Whether the host's URI names no server. */
bool
vd_ui_host_local(const vd_app *app, size_t hi)
{
    if (hi >= app->nhosts || !app->hosts[hi].snap)
        return false;
    return vd_uri_is_local(app->hosts[hi].snap->uri);
}

/* Ask for the details again (routed to v). */
static void
reload(vd_app *app, vd_view *v)
{
    net_view *nv = v->data;
    vd_cmd cmd = { .kind = VD_CMD_NET_DETAILS };

    memcpy(cmd.uuid, nv->uuid, VD_UUID_LEN);
    nv->req = vd_view_submit(app, v, nv->hi, &cmd);
    nv->asked_ms = vd_now_ms();
}

/* After a yes to "undefine?": close the views of that network. */
static void
undefined(vd_app *app, const char *uuid)
{
    vd_view *v;

    while ((v = vd_view_find(app, &net_ops)) &&
           strcmp(((net_view *)v->data)->uuid, uuid) == 0)
        vd_view_close(app, v);
}

/* Ask before undefining, naming running domains that use it. */
static void
ask_undefine(vd_app *app, net_view *nv)
{
    const vd_network_details *d = nv->d;
    char text[1024], users[512] = "";
    size_t i, len = 0;

    for (i = 0; i < d->nattached && len < sizeof(users) - 1; i++)
        if (d->attached[i].running)
            len += (size_t)snprintf(users + len, sizeof(users) - len, "%s%s",
                                    len ? ", " : "", d->attached[i].domain);
    snprintf(text, sizeof(text), "Undefine network %s?%s%s%s%s\n\ny: undefine, "
             "any other key: keep it", nv->name,
             d->active ? "\nIt is active: it will be stopped first." : "",
             len ? "\nWARNING: running domains use it and lose their "
                   "network: " : "", users, len ? "." : "");
    vd_np_ask(app, nv->hi, nv->uuid, nv->name, "network", VD_CMD_NET_UNDEFINE,
              "Undefine network", text, false, undefined);
}

static void edit_again(vd_app *app, vd_edit *e, void *ctx);

/* Send an edited XML to the daemon; its answer comes to v. */
static void
submit_edit(vd_app *app, vd_view *v, vd_edit *e)
{
    net_view *nv = v->data;
    vd_cmd cmd = { .kind = VD_CMD_NET_DEFINE, .flags = VD_NETDEF_REDEFINE };

    if (!(cmd.str = strdup(vd_edit_text(e)))) {
        vd_edit_retry(app, e, "out of memory", edit_again, NULL);
        return;
    }
    vd_edit_free(nv->edit, true);
    nv->edit = e;
    if (!vd_view_submit(app, v, nv->hi, &cmd)) {
        nv->edit = NULL;
        vd_edit_retry(app, e, "the host refused the command", edit_again, NULL);
    }
}

/* The user edited again after a refusal: find (or open) the view of
 * that network and submit. ctx is unused: the XML names its network. */
static void
edit_again(vd_app *app, vd_edit *e, void *ctx)
{
    vd_view *v = vd_view_find(app, &net_ops);

    (void)ctx;
    if (!v) {
        vd_edit_retry(app, e, "the network's view was closed", edit_again, NULL);
        return;
    }
    submit_edit(app, v, e);
}

/* Run $EDITOR on the network's XML. */
static void
start_edit(vd_app *app, vd_view *v)
{
    net_view *nv = v->data;
    char err[512];
    vd_edit *e;

    if (!nv->d || !nv->d->xml)
        return;
    if (!(e = vd_edit_new(nv->d->xml, ".xml", err, sizeof(err)))) {
        vd_app_message(app, VD_MSG_ERROR, "%s", err);
        return;
    }
    if (vd_edit_run(app, e, err, sizeof(err)) < 0) {
        vd_edit_retry(app, e, err, edit_again, NULL);
        return;
    }
    if (!vd_edit_changed(e)) {
        vd_edit_free(e, false);
        vd_app_message(app, VD_MSG_INFO, "network %s: XML not changed", nv->name);
        return;
    }
    submit_edit(app, v, e);
}

/* Run what waited for the details. */
static void
run_pending(vd_app *app, vd_view *v)
{
    net_view *nv = v->data;
    int what = nv->pending;

    nv->pending = VD_NETACT_DETAILS;
    switch (what) {
    case VD_NETACT_XML:
        vd_textview_show(app, nv->name, nv->d->xml ? nv->d->xml : "");
        break;
    case VD_NETACT_EDIT:
        start_edit(app, v);
        break;
    case VD_NETACT_UNDEFINE:
        ask_undefine(app, nv);
        break;
    default:
        break;
    }
}

/* A result for this view. */
static void
net_result(vd_app *app, vd_view *v, vd_result *res)
{
    net_view *nv = v->data;

    if (res->kind == VD_CMD_NET_DEFINE) {
        vd_edit *e = nv->edit;

        nv->edit = NULL;
        if (res->ok) {
            vd_edit_free(e, false);
            vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "saved");
            reload(app, v);
        } else if (e) {
            vd_edit_retry(app, e, res->message ? res->message : "refused",
                          edit_again, NULL);
        }
        return;
    }
    if (res->kind != VD_CMD_NET_DETAILS)
        return;
    if (res->id == nv->req)
        nv->req = 0;
    if (!res->ok || !res->data) {
        snprintf(nv->err, sizeof(nv->err), "%s",
                 res->message ? res->message : "could not read the details");
        nv->pending = VD_NETACT_DETAILS;
        return;
    }
    nv->err[0] = '\0';
    vd_network_details_free(nv->d);
    nv->d = res->data;
    res->data = NULL;
    snprintf(nv->name, sizeof(nv->name), "%s", nv->d->name ? nv->d->name : "?");
    vd_view_set_title(v, "Network %s", nv->name);
    run_pending(app, v);
}

/* Re-read now and then while shown (leases come and go). */
static void
net_snapshot(vd_app *app, vd_view *v)
{
    net_view *nv = v->data;

    if (!nv->req && !nv->edit && vd_now_ms() - nv->asked_ms >= RELOAD_MS &&
        vd_view_top(app) == v)
        reload(app, v);
}

/* Draw the details. */
static void
net_draw(vd_app *app, vd_view *v, const vd_rect *a)
{
    net_view *nv = v->data;
    const vd_network_details *d = nv->d;
    char buf[512];
    int y = a->y + 1;
    size_t i, j;

    (void)app;
    vd_draw_clear(a, vd_role_attr(VD_ROLE_NORMAL));
    vd_draw_text(a->y, a->x + 1, a->w - 2, v->title,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    if (nv->err[0])
        y = vd_draw_wrap(a, y, nv->err, vd_role_attr(VD_ROLE_STATUS_ERROR)) + 1;
    if (!d) {
        vd_draw_text(y, a->x + 2, a->w - 4, "reading the network's details...",
                     vd_role_attr(VD_ROLE_DIM));
        return;
    }
    y = vd_np_row(a, y, "Name", d->name);
    snprintf(buf, sizeof(buf), "%s, %s, %s", d->active ? "active" : "inactive",
             d->persistent ? "persistent" : "transient",
             d->autostart ? "autostart" : "no autostart");
    y = vd_np_row(a, y, "State", buf);
    y = vd_np_row(a, y, "UUID", d->uuid);
    y = vd_np_row(a, y, "Bridge", d->bridge);
    snprintf(buf, sizeof(buf), "%s%s%s", d->forward_mode ? d->forward_mode : "isolated",
             d->forward_dev ? " via " : "", d->forward_dev ? d->forward_dev : "");
    y = vd_np_row(a, y, "Forward", buf);
    if (d->domain)
        y = vd_np_row(a, y, "DNS domain", d->domain);
    for (i = 0; i < d->nips; i++) {
        const vd_net_ip *ip = &d->ips[i];
        snprintf(buf, sizeof(buf), "%s/%u", ip->address ? ip->address : "?", ip->prefix);
        y = vd_np_row(a, y, strcmp(ip->family, "ipv6") == 0 ? "IPv6" : "IPv4", buf);
        if (ip->dhcp_start) {
            snprintf(buf, sizeof(buf), "%s - %s", ip->dhcp_start,
                     ip->dhcp_end ? ip->dhcp_end : "?");
            y = vd_np_row(a, y, "DHCP range", buf);
        }
        for (j = 0; j < ip->nhosts; j++) {
            snprintf(buf, sizeof(buf), "%s %s %s", ip->hosts[j].mac ? ip->hosts[j].mac : "",
                     ip->hosts[j].ip ? ip->hosts[j].ip : "",
                     ip->hosts[j].name ? ip->hosts[j].name : "");
            y = vd_np_row(a, y, "Static host", buf);
        }
    }
    y++;
    if (y < a->y + a->h) {
        snprintf(buf, sizeof(buf), "DHCP leases (%zu)", d->nleases);
        vd_draw_text(y++, a->x + 2, a->w - 4, buf, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    }
    for (i = 0; i < d->nleases && y < a->y + a->h; i++) {
        const vd_lease *l = &d->leases[i];
        char exp[32] = "never";
        if (l->expiry > 0) {
            time_t t = (time_t)l->expiry;
            struct tm tm;
            strftime(exp, sizeof(exp), "%H:%M:%S", localtime_r(&t, &tm));
        }
        snprintf(buf, sizeof(buf), "%-17s  %-18s  %-16s  expires %s",
                 l->mac ? l->mac : "?", l->ip ? l->ip : "?",
                 l->hostname ? l->hostname : "-", exp);
        vd_draw_text(y++, a->x + 4, a->w - 6, buf, vd_role_attr(VD_ROLE_NORMAL));
    }
    y++;
    if (y < a->y + a->h) {
        snprintf(buf, sizeof(buf), "Domains attached (%zu)", d->nattached);
        vd_draw_text(y++, a->x + 2, a->w - 4, buf, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    }
    for (i = 0; i < d->nattached && y < a->y + a->h; i++) {
        snprintf(buf, sizeof(buf), "%-24s  %-17s  %s", d->attached[i].domain,
                 d->attached[i].mac, d->attached[i].running ? "running" : "off");
        vd_draw_text(y++, a->x + 4, a->w - 6, buf,
                     vd_role_attr(d->attached[i].running ? VD_ROLE_STATE_RUNNING
                                                         : VD_ROLE_NORMAL));
    }
}

/* Keys of the details view. */
static bool
net_key(vd_app *app, vd_view *v, int key)
{
    net_view *nv = v->data;

    switch (key) {
    case 's':
        vd_np_send(app, nv->hi, VD_CMD_NET_START, nv->uuid, 0);
        break;
    case 'd':
        vd_np_send(app, nv->hi, VD_CMD_NET_STOP, nv->uuid, 0);
        break;
    case 'a':
        vd_np_send(app, nv->hi, VD_CMD_NET_AUTOSTART, nv->uuid,
             nv->d ? !nv->d->autostart : 1);
        break;
    case 'u':
        if (nv->d)
            ask_undefine(app, nv);
        break;
    case 'X':
        if (nv->d)
            vd_textview_show(app, nv->name, nv->d->xml ? nv->d->xml : "");
        break;
    case 'E':
        start_edit(app, v);
        break;
    case 'r':
        reload(app, v);
        break;
    default:
        return false;
    }
    return true;
}

/* Free. */
static void
net_close(vd_app *app, vd_view *v)
{
    net_view *nv = v->data;

    (void)app;
    vd_network_details_free(nv->d);
    vd_edit_free(nv->edit, true);
    free(nv);
}

static const vd_binding net_keys[] = {
    VD_NP_VIEW_KEYS("Network", "network"),
    { 'E', "E", "Edit the XML in $EDITOR", "Network", 0, NULL, 0, 0, NULL },
    { 'r', "r", "Re-read the details", "Network", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops net_ops = {
    .name = "network",
    .draw = net_draw,
    .key = net_key,
    .on_snapshot = net_snapshot,
    .on_result = net_result,
    .close = net_close,
    .keys = net_keys,
    .nkeys = sizeof(net_keys) / sizeof(net_keys[0]),
};

/* Open the details view of the selected network, with what to do once
 * its details arrive. */
static void
open_view(vd_app *app, const vd_network *net, int pending)
{
    net_view *nv = calloc(1, sizeof(*nv));
    vd_view *v;

    if (!nv)
        return;
    nv->hi = app->host_sel.cursor;
    nv->pending = pending;
    memcpy(nv->uuid, net->uuid, VD_UUID_LEN);
    snprintf(nv->name, sizeof(nv->name), "%s", net->name ? net->name : "?");
    if (!(v = vd_view_push(app, &net_ops, nv, NULL)))
        return;
    vd_view_set_title(v, "Network %s", nv->name);
    reload(app, v);
}

/* A networks-pane key: b->arg is a VD_NETACT_*. */
void
vd_act_network(vd_app *app, const vd_binding *b)
{
    const vd_network *net = vd_app_network(app);
    size_t hi = app->host_sel.cursor;

    if (!net) {
        vd_app_message(app, VD_MSG_INFO, "No network selected");
        return;
    }
    switch (b->arg) {
    case VD_NETACT_START:
        vd_np_send(app, hi, VD_CMD_NET_START, net->uuid, 0);
        break;
    case VD_NETACT_STOP:
        vd_np_send(app, hi, VD_CMD_NET_STOP, net->uuid, 0);
        break;
    case VD_NETACT_AUTOSTART:
        vd_np_send(app, hi, VD_CMD_NET_AUTOSTART, net->uuid, !net->autostart);
        break;
    default:
        open_view(app, net, b->arg);
        break;
    }
}
