/*
 * view_pool.c: the pools pane's actions and the pool details view:
 * type, target path, source, capacity / allocation / available with a
 * usage bar; start, stop, refresh, autostart, build, delete (confirm by
 * typing the name), undefine (asks first), XML, and the volumes view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/netstore.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/views/netpool_view.h"
#include "ui/views/netstore_ui.h"
#include "ui/app/view.h"

typedef struct pool_view {
    size_t hi;
    char uuid[VD_UUID_LEN];
    char name[128];
    bool show_xml;              /* show the XML once the details arrive */
    vd_pool_details *d;
    unsigned long long seq;     /* snapshot seq of the last reload */
    char err[512];
} pool_view;

static const vd_view_ops pool_ops;

/* Ask for the details (routed to v). */
static void
reload(vd_app *app, vd_view *v)
{
    pool_view *pv = v->data;
    vd_cmd cmd = { .kind = VD_CMD_POOL_DETAILS };

    memcpy(cmd.uuid, pv->uuid, VD_UUID_LEN);
    vd_view_submit(app, v, pv->hi, &cmd);
    if (pv->hi < app->nhosts)
        pv->seq = app->hosts[pv->hi].snap->seq;
}

/* Ask before delete (type the name) or undefine (y/N). */
static void
ask(vd_app *app, size_t hi, const char *uuid, const char *name, vd_cmd_kind kind)
{
    char text[512];

    if (kind == VD_CMD_POOL_DELETE) {
        snprintf(text, sizeof(text), "Delete the storage of pool %s? Its "
                 "directory or device content is removed for good (the pool "
                 "must be stopped). Type the pool's name to confirm.", name);
        vd_np_ask(app, hi, uuid, name, "pool", kind, "Delete pool", text, true, NULL);
    } else {
        snprintf(text, sizeof(text), "Undefine pool %s? An active pool is "
                 "stopped first; its volumes stay on disk.\n\ny: undefine, any "
                 "other key: keep it", name);
        vd_np_ask(app, hi, uuid, name, "pool", kind, "Undefine pool", text, false,
                  NULL);
    }
}

/* A result for this view. */
static void
pool_result(vd_app *app, vd_view *v, vd_result *res)
{
    pool_view *pv = v->data;

    if (!res->ok || !res->data) {
        snprintf(pv->err, sizeof(pv->err), "%s",
                 res->message ? res->message : "could not read the details");
        return;
    }
    pv->err[0] = '\0';
    vd_pool_details_free(pv->d);
    pv->d = res->data;
    res->data = NULL;
    if (pv->show_xml) {
        pv->show_xml = false;
        vd_textview_show(app, pv->name, pv->d->xml ? pv->d->xml : "");
    }
}

/* Re-read after the host's lists changed (a command, an event). */
static void
pool_snapshot(vd_app *app, vd_view *v)
{
    pool_view *pv = v->data;
    const vd_snapshot *s = pv->hi < app->nhosts ? app->hosts[pv->hi].snap : NULL;
    size_t i;

    if (!s || s->seq == pv->seq)
        return;
    for (i = 0; i < s->npools; i++) {
        const vd_pool *p = &s->pools[i];
        if (strcmp(p->uuid, pv->uuid) == 0 && pv->d &&
            (p->state != pv->d->state || p->autostart != pv->d->autostart ||
             p->allocation != pv->d->allocation))
            reload(app, v);
    }
    pv->seq = s->seq;
}

/* Draw the details. */
static void
pool_draw(vd_app *app, vd_view *v, const vd_rect *a)
{
    pool_view *pv = v->data;
    const vd_pool_details *d = pv->d;
    char buf[512], c[32], al[32], av[32];
    int y = a->y + 1;
    double frac;

    (void)app;
    vd_draw_clear(a, vd_role_attr(VD_ROLE_NORMAL));
    vd_draw_text(a->y, a->x + 1, a->w - 2, v->title,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    if (pv->err[0])
        y = vd_draw_wrap(a, y, pv->err, vd_role_attr(VD_ROLE_STATUS_ERROR)) + 1;
    if (!d) {
        vd_draw_text(y, a->x + 2, a->w - 4, "reading the pool's details...",
                     vd_role_attr(VD_ROLE_DIM));
        return;
    }
    y = vd_np_row(a, y, "Name", d->name);
    snprintf(buf, sizeof(buf), "%s, %s, %s", vd_pool_state_name(d->state),
             d->persistent ? "persistent" : "transient",
             d->autostart ? "autostart" : "no autostart");
    y = vd_np_row(a, y, "State", buf);
    y = vd_np_row(a, y, "UUID", d->uuid);
    y = vd_np_row(a, y, "Type", d->type);
    y = vd_np_row(a, y, "Target", d->target);
    if (d->source_host)
        y = vd_np_row(a, y, "Source host", d->source_host);
    if (d->source_dir)
        y = vd_np_row(a, y, "Source dir", d->source_dir);
    if (d->source_device)
        y = vd_np_row(a, y, "Source device", d->source_device);
    if (d->source_name)
        y = vd_np_row(a, y, "Source name", d->source_name);
    if (d->source_format)
        y = vd_np_row(a, y, "Format", d->source_format);
    snprintf(buf, sizeof(buf), "%s capacity, %s allocated, %s available",
             vd_fmt_size(d->capacity, c, sizeof(c)),
             vd_fmt_size(d->allocation, al, sizeof(al)),
             vd_fmt_size(d->available, av, sizeof(av)));
    y = vd_np_row(a, y, "Space", buf);
    if (y < a->y + a->h && d->capacity) {
        frac = (double)d->allocation / (double)d->capacity;
        vd_draw_bar(y, a->x + 17, a->w - 30 > 10 ? a->w - 30 : 10, frac,
                    vd_role_attr(frac >= 0.9 ? VD_ROLE_METER_HIGH : VD_ROLE_METER_LOW),
                    vd_role_attr(VD_ROLE_BAR_FREE));
        snprintf(buf, sizeof(buf), "%d%% used", (int)(frac * 100 + 0.5));
        vd_draw_text(y, a->x + a->w - 12, 11, buf, vd_role_attr(VD_ROLE_NORMAL));
    }
}

/* Run a pool action on (hi, uuid, name); d: the details when known. */
static void
pool_action(vd_app *app, int act, size_t hi, const char *uuid, const char *name,
            bool autostart)
{
    switch (act) {
    case VD_POOLACT_START:
        vd_np_send(app, hi, VD_CMD_POOL_START, uuid, 0);
        break;
    case VD_POOLACT_STOP:
        vd_np_send(app, hi, VD_CMD_POOL_STOP, uuid, 0);
        break;
    case VD_POOLACT_REFRESH:
        vd_np_send(app, hi, VD_CMD_POOL_REFRESH, uuid, 0);
        break;
    case VD_POOLACT_AUTOSTART:
        vd_np_send(app, hi, VD_CMD_POOL_AUTOSTART, uuid, !autostart);
        break;
    case VD_POOLACT_BUILD:
        vd_np_send(app, hi, VD_CMD_POOL_BUILD, uuid, 0);
        break;
    case VD_POOLACT_DELETE:
        ask(app, hi, uuid, name, VD_CMD_POOL_DELETE);
        break;
    case VD_POOLACT_UNDEFINE:
        ask(app, hi, uuid, name, VD_CMD_POOL_UNDEFINE);
        break;
    case VD_POOLACT_VOLUMES:
        vd_volumes_show(app, hi, uuid, name);
        break;
    default:
        break;
    }
}

/* Keys of the details view. */
static bool
pool_key(vd_app *app, vd_view *v, int key)
{
    static const struct { int key; int act; } map[] = {
        { 's', VD_POOLACT_START }, { 'd', VD_POOLACT_STOP },
        { 'r', VD_POOLACT_REFRESH }, { 'a', VD_POOLACT_AUTOSTART },
        { 'b', VD_POOLACT_BUILD }, { 'D', VD_POOLACT_DELETE },
        { 'u', VD_POOLACT_UNDEFINE }, { 'v', VD_POOLACT_VOLUMES },
    };
    pool_view *pv = v->data;
    size_t i;

    if (key == 'X') {
        if (pv->d)
            vd_textview_show(app, pv->name, pv->d->xml ? pv->d->xml : "");
        return true;
    }
    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
        if (map[i].key == key) {
            pool_action(app, map[i].act, pv->hi, pv->uuid, pv->name,
                        pv->d && pv->d->autostart);
            return true;
        }
    }
    return false;
}

/* Free. */
static void
pool_close(vd_app *app, vd_view *v)
{
    pool_view *pv = v->data;

    (void)app;
    vd_pool_details_free(pv->d);
    free(pv);
}

static const vd_binding pool_keys[] = {
    VD_NP_VIEW_KEYS("Pool", "pool"),
    { 'r', "r", "Refresh (rescan volumes)", "Pool", 0, NULL, 0, 0, NULL },
    { 'b', "b", "Build (mkdir, format...)", "Pool", 0, NULL, 0, 0, NULL },
    { 'D', "D", "Delete the pool's storage (type the name)", "Pool", 0, NULL, 0, 0, NULL },
    { 'v', "v", "Volumes", "Pool", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops pool_ops = {
    .name = "pool",
    .draw = pool_draw,
    .key = pool_key,
    .on_snapshot = pool_snapshot,
    .on_result = pool_result,
    .close = pool_close,
    .keys = pool_keys,
    .nkeys = sizeof(pool_keys) / sizeof(pool_keys[0]),
};

/* A pools-pane key: b->arg is a VD_POOLACT_*. */
void
vd_act_pool(vd_app *app, const vd_binding *b)
{
    const vd_pool *pool = vd_app_pool(app);
    pool_view *pv;
    vd_view *v;

    if (!pool) {
        vd_app_message(app, VD_MSG_INFO, "No pool selected");
        return;
    }
    if (b->arg != VD_POOLACT_DETAILS && b->arg != VD_POOLACT_XML) {
        pool_action(app, b->arg, app->host_sel.cursor, pool->uuid,
                    pool->name ? pool->name : "?", pool->autostart);
        return;
    }
    if (!(pv = calloc(1, sizeof(*pv))))
        return;
    pv->hi = app->host_sel.cursor;
    pv->show_xml = b->arg == VD_POOLACT_XML;
    memcpy(pv->uuid, pool->uuid, VD_UUID_LEN);
    snprintf(pv->name, sizeof(pv->name), "%s", pool->name ? pool->name : "?");
    if (!(v = vd_view_push(app, &pool_ops, pv, NULL)))
        return;
    vd_view_set_title(v, "Pool %s", pv->name);
    reload(app, v);
}
