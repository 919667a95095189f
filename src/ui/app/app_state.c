/*
 * app_state.c: the state the main loop serves (app.c is the loop and
 * the router): what the panes and keys ask about the hosts and the
 * cursors, the status line, and the one path that submits a command
 * of the main screen (through vd_view_submit(), which refuses what the
 * host would refuse anyway).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "virtdeck/core.h"
#include "ui/app/binding.h"
#include "ui/app/view.h"
#include "ui/ui_priv.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"

/* ---- state queries (used by the panes and the keys) ---- */

/* The host selected in the hosts pane, or NULL when there are none. */
static vd_ui_host *
cur_host(vd_app *app)
{
    if (app->nhosts == 0)
        return NULL;
    return &app->hosts[app->host_sel.cursor];
}

/* The selected host's snapshot, or NULL. */
const vd_snapshot *
vd_app_snap(const vd_app *app)
{
    if (app->nhosts == 0)
        return NULL;
    return app->hosts[app->host_sel.cursor].snap;
}

/* Whether the selected host is connected. */
bool
vd_app_connected(const vd_app *app)
{
    const vd_snapshot *snap = vd_app_snap(app);

    return snap && snap->conn == VD_CONN_CONNECTED;
}

/* The cursor of pane (object panes: on the selected host). */
vd_sel *
vd_app_sel(vd_app *app, vd_pane_id pane)
{
    static vd_sel none;
    vd_ui_host *h;

    if (pane == VD_PANE_HOSTS)
        return &app->host_sel;
    if (!(h = cur_host(app)) || pane >= VD_PANE_LAST) {
        memset(&none, 0, sizeof(none));
        return &none;
    }
    return &h->sel[pane];
}

/* Number of rows pane shows. */
size_t
vd_app_rows(const vd_app *app, vd_pane_id pane)
{
    /* Every pane shows its list (listview.h): sorted, filtered. */
    return vd_list_get((vd_app *)app, pane)->n;
}

/* Rows pane can show at once, from the last layout (at least 1). */
size_t
vd_app_page(const vd_app *app, vd_pane_id pane)
{
    const vd_rect *r = &app->panes[pane];
    int rows = r->h - 2 - vd_pane_get(pane)->header_rows;

    return rows > 0 ? (size_t)rows : 1;
}

/* Move pane's cursor to row (clamped) and remember its object (the
 * list's cursor: host + UUID). */
void
vd_app_select(vd_app *app, vd_pane_id pane, size_t row)
{
    vd_sel *sel = vd_app_sel(app, pane);
    size_t n = vd_app_rows(app, pane);

    app->dirty = true;
    vd_list_select(vd_list_get(app, pane), row);
    vd_sel_fit(sel, n, vd_app_page(app, pane));
}

/* Move pane's cursor as the list moves. */
void
vd_app_move(vd_app *app, vd_pane_id pane, vd_list_move_kind how)
{
    size_t page = vd_app_page(app, pane);

    vd_list_go(app, vd_list_get(app, pane), how, page);
    vd_sel_fit(vd_app_sel(app, pane), vd_app_rows(app, pane), page);
}

/* Give pane the keyboard focus. */
void
vd_app_focus(vd_app *app, vd_pane_id pane)
{
    if (pane >= VD_PANE_LAST)
        return;
    app->focus = pane;
    if (pane != VD_PANE_DOMAINS)
        app->last_left = pane;
    app->dirty = true;
}

/* The object under pane's cursor, or NULL. */
static const void *
cursor_obj(const vd_app *app, vd_pane_id pane)
{
    const vd_row *row = vd_list_cursor_row(vd_list_get((vd_app *)app, pane));

    return row ? row->obj : NULL;
}

/* The selected domain, or NULL. */
const vd_domain *
vd_app_domain(const vd_app *app)
{
    return cursor_obj(app, VD_PANE_DOMAINS);
}

/* The selected network, or NULL. */
const vd_network *
vd_app_network(const vd_app *app)
{
    return cursor_obj(app, VD_PANE_NETWORKS);
}

/* The selected pool, or NULL. */
const vd_pool *
vd_app_pool(const vd_app *app)
{
    return cursor_obj(app, VD_PANE_POOLS);
}

/* Seconds until a failed host's next attempt, or -1 when not failed. */
int
vd_app_retry_s(const vd_snapshot *snap)
{
    long long left;

    if (!snap || snap->conn != VD_CONN_FAILED || snap->retry_at_ms <= 0)
        return -1;
    left = snap->retry_at_ms - vd_now_ms();
    if (left <= 0)
        return 0;
    return (int)((left + 999) / 1000);
}

/* When a connected host's poll is overdue: a quarter tick (at least
 * half a second) after the next tick was due, the worker is waiting on
 * the daemon. 0 when it has no tick. */
long long
vd_app_overdue_at_ms(const vd_snapshot *snap)
{
    long long grace;

    if (!snap || snap->conn != VD_CONN_CONNECTED || snap->taken_ms <= 0 ||
        snap->tick_ms <= 0)
        return 0;
    grace = snap->tick_ms / 4 < 500 ? 500 : snap->tick_ms / 4;
    return snap->taken_ms + snap->tick_ms + grace;
}

/* Seconds since the last answer of an overdue host. */
int
vd_app_stale_s(const vd_snapshot *snap)
{
    long long due = vd_app_overdue_at_ms(snap), now = vd_now_ms();

    if (!due || now <= due)
        return -1;
    return (int)((now - snap->taken_ms) / 1000);
}

/* Seconds of a first attempt. */
int
vd_app_connecting_s(const vd_snapshot *snap)
{
    long long age;

    if (!snap || snap->conn != VD_CONN_CONNECTING || snap->connect_ms <= 0)
        return -1;
    age = vd_now_ms() - snap->connect_ms;
    return age < 0 ? 0 : (int)(age / 1000);
}

/* ---- status line and commands ---- */

/* Replace the status line message. */
void
vd_app_message(vd_app *app, vd_msg_kind kind, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(app->msg, sizeof(app->msg), fmt, ap);
    va_end(ap);
    app->msg_kind = kind;
    /* the message belongs to the top view (not the help over it) */
    app->msg_owner = vd_views_owner(app);
    app->msg_hint = false;
    app->dirty = true;
}

/* ---- a form waiting for its host's lists ---- */

/* See ui_priv.h. */
bool
vd_app_host_reading(const vd_app *app, size_t hi)
{
    const vd_snapshot *s = hi < app->nhosts ? app->hosts[hi].snap : NULL;

    return s && s->conn == VD_CONN_CONNECTED && s->partial;
}

/* Drop the deferred form, freeing its context. */
static void
deferred_clear(vd_app *app)
{
    if (app->deferred_ctx_free)
        app->deferred_ctx_free(app->deferred_ctx);
    app->deferred_fn = NULL;
    app->deferred_ctx = NULL;
    app->deferred_ctx_free = NULL;
}

/* See ui_priv.h. */
void
vd_app_defer(vd_app *app, size_t hi, const char *what,
             void (*fn)(vd_app *app, void *ctx), void *ctx,
             void (*ctx_free)(void *ctx))
{
    deferred_clear(app);
    app->deferred_fn = fn;
    app->deferred_ctx = ctx;
    app->deferred_ctx_free = ctx_free;
    app->deferred_host = hi;
    snprintf(app->deferred_what, sizeof(app->deferred_what), "%s", what);
    vd_app_message(app, VD_MSG_BUSY, "%c%s opens once the host's networks and "
                   "pools are read (a key cancels)",
                   toupper((unsigned char)what[0]), what + (what[0] != '\0'));
}

/* A deferred key: its handler, again. */
static void
run_key(vd_app *app, void *ctx)
{
    const vd_binding *b = ctx;

    b->fn(app, b);
}

/* See ui_priv.h. */
bool
vd_app_defer_key(vd_app *app, size_t hi, const vd_binding *b, const char *what)
{
    if (!b || !vd_app_host_reading(app, hi))
        return false;
    vd_app_defer(app, hi, what, run_key, (void *)b, NULL);
    return true;
}

/* See ui_priv.h. */
void
vd_app_run_deferred(vd_app *app)
{
    void (*fn)(vd_app *, void *) = app->deferred_fn;
    void *ctx = app->deferred_ctx;
    void (*ctx_free)(void *) = app->deferred_ctx_free;

    if (!fn || vd_app_host_reading(app, app->deferred_host))
        return;
    app->deferred_ctx_free = NULL;      /* ctx lives until fn is done */
    deferred_clear(app);
    app->msg[0] = '\0';        /* the form's own message, if any, follows */
    app->dirty = true;
    fn(app, ctx);
    if (ctx_free)
        ctx_free(ctx);
}

/* See ui_priv.h. */
void
vd_app_cancel_deferred(vd_app *app)
{
    if (!app->deferred_fn)
        return;
    deferred_clear(app);
    vd_app_message(app, VD_MSG_INFO, "Cancelled: %s (a key came first)",
                   app->deferred_what);
}

/* Submit kind on the object uuid of the selected host (host-level
 * commands; domain actions go through the registry, registry.h): the
 * checks and the sending are vd_view_submit()'s, without a view (the
 * answer goes to the status line). True when submitted. */
bool
vd_app_submit(vd_app *app, vd_cmd_kind kind, const char *uuid,
              const char *name)
{
    vd_cmd cmd = { .kind = kind };

    if (uuid && *uuid)
        snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    if (!vd_view_submit(app, NULL, app->host_sel.cursor, &cmd))
        return false;
    vd_app_message(app, VD_MSG_BUSY, "%s %s%s", vd_cmd_describe(kind)->busy, name,
                   vd_draw_utf8() ? "\u2026" : "...");
    return true;
}
