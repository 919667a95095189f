/*
 * view.c: the view stack over the main screen, and the routing of
 * results to the view that asked for them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/app/view.h"

/* One command in flight on behalf of a view. */
struct vd_route {
    unsigned long long id;
    int host_id;
    vd_view *view;
};

/* Common keys of every view (shown in help and on the bar after the
 * view's own). Their handlers live here. */
static void common_back(vd_app *app, const vd_binding *b);
static void common_help(vd_app *app, const vd_binding *b);

static const vd_binding common_keys[] = {
    { 27, "Esc", "Back / close", "General", VD_PANES_ALL, common_back, 0,
      10, "Close" },
    { '?', "?", "This help", "General", VD_PANES_ALL, common_help, 0, 0, NULL },
    { VD_KEY(KEY_F(1)), "F1", "This help", "General", VD_PANES_ALL,
      common_help, 0, 1, "Help" },
};

/* Esc: pop the top view. */
static void
common_back(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_view_pop(app);
}

/* ?/F1: the help over the top view. */
static void
common_help(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_help_show(app);
}

/* Push a view. */
vd_view *
vd_view_push(vd_app *app, const vd_view_ops *ops, void *data,
             const char *title)
{
    vd_view *v = calloc(1, sizeof(*v));

    if (!v) {
        if (ops->close) {
            vd_view tmp = { .ops = ops, .data = data };

            ops->close(app, &tmp);
        }
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return NULL;
    }
    v->ops = ops;
    v->data = data;
    snprintf(v->title, sizeof(v->title), "%s", title ? title : ops->name);
    v->below = app->views;
    memcpy(v->saved_msg, app->msg, sizeof(v->saved_msg));
    v->saved_kind = (int)app->msg_kind;
    v->saved_owner = app->msg_owner;
    v->saved_hint = app->msg_hint;
    app->views = v;
    if (app->msg_hint && !(ops->flags & VD_VIEW_TRANSPARENT)) {
        /* "Tab next pane, q quit" is not true in a view: back at close */
        app->msg[0] = '\0';
        app->msg_hint = false;
        app->msg_owner = v;
    }
    app->dirty = true;
    return v;
}

/* The top view. */
vd_view *
vd_view_top(const vd_app *app)
{
    return app->views;
}

/* The top view that is not transparent. */
vd_view *
vd_views_owner(const vd_app *app)
{
    vd_view *v = app->views;

    while (v && (v->ops->flags & VD_VIEW_TRANSPARENT))
        v = v->below;
    return v;
}

/* Whether v is on the stack. */
bool
vd_view_alive(const vd_app *app, const vd_view *v)
{
    for (const vd_view *w = app->views; w; w = w->below)
        if (w == v)
            return true;
    return false;
}

/* Forget the routes of v: their results go to the status line. */
static void
drop_routes(vd_app *app, const vd_view *v)
{
    size_t j = 0;

    for (size_t i = 0; i < app->nroutes; i++)
        if (app->routes[i].view != v)
            app->routes[j++] = app->routes[i];
    app->nroutes = j;
}

/* Remove v from the stack, run its close(), queue it for freeing. */
void
vd_view_close(vd_app *app, vd_view *v)
{
    vd_view **pp;

    if (!v || v->closed)
        return;
    for (pp = &app->views; *pp; pp = &(*pp)->below) {
        if (*pp == v) {
            *pp = v->below;
            break;
        }
    }
    v->closed = true;
    drop_routes(app, v);
    if (app->msg_owner == v && app->msg_kind == VD_MSG_INFO) {
        /* its hint goes with it: back to what was said before */
        memcpy(app->msg, v->saved_msg, sizeof(app->msg));
        app->msg_kind = (vd_msg_kind)v->saved_kind;
        app->msg_hint = v->saved_hint;
        app->msg_owner = v->saved_owner && vd_view_alive(app, v->saved_owner)
                         ? v->saved_owner : NULL;
        app->dirty = true;
    } else if (app->msg_owner == v) {
        /* an outcome (done, failed) stays: it is news, not a hint */
        app->msg_owner = vd_views_owner(app);
    }
    if (v->ops->close)
        v->ops->close(app, v);
    v->data = NULL;
    v->below = app->dead;
    app->dead = v;
    app->dirty = true;
}

/* Pop the top view. */
void
vd_view_pop(vd_app *app)
{
    if (app->views)
        vd_view_close(app, app->views);
}

/* The view of ops nearest the top. */
vd_view *
vd_view_find(const vd_app *app, const vd_view_ops *ops)
{
    for (vd_view *w = app->views; w; w = w->below)
        if (w->ops == ops)
            return w;
    return NULL;
}

/* Set the view's title. */
void
vd_view_set_title(vd_view *v, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(v->title, sizeof(v->title), fmt, ap);
    va_end(ap);
}

/* Submit cmd for v. */
unsigned long long
vd_view_submit(vd_app *app, vd_view *v, size_t hi, vd_cmd *cmd)
{
    const vd_cmd_info *info = vd_cmd_describe(cmd->kind);
    vd_ui_host *h;
    unsigned long long id;

    if (hi >= app->nhosts || !app->hosts[hi].snap) {
        vd_app_message(app, VD_MSG_ERROR, "no host to send '%s' to",
                       info->verb);
        goto refuse;
    }
    h = &app->hosts[hi];
    if (info->writes && h->snap->readonly) {
        vd_app_message(app, VD_MSG_ERROR, "read-only connection: %s refused",
                       info->verb);
        goto refuse;
    }
    if (cmd->kind != VD_CMD_REFRESH && h->snap->conn != VD_CONN_CONNECTED) {
        vd_app_message(app, VD_MSG_ERROR, "%s is not connected: %s refused",
                       h->snap->label, info->verb);
        goto refuse;
    }
    if (app->nroutes == app->aroutes) {
        size_t na = app->aroutes ? app->aroutes * 2 : 16;
        struct vd_route *r = realloc(app->routes, na * sizeof(*r));

        if (!r) {
            vd_app_message(app, VD_MSG_ERROR, "out of memory");
            goto refuse;
        }
        app->routes = r;
        app->aroutes = na;
    }
    id = vd_host_submit(h->host, cmd);
    if (v && !v->closed) {
        app->routes[app->nroutes].id = id;
        app->routes[app->nroutes].host_id = vd_host_id(h->host);
        app->routes[app->nroutes].view = v;
        app->nroutes++;
    }
    return id;

 refuse:
    vd_cmd_clear(cmd);
    return 0;
}

/* A view's key table: its own keys, then (for a place that shows
 * domains) the registry's actions. */
const vd_binding *
vd_view_keys(const vd_view *v, size_t *n)
{
    const vd_binding *t;

    *n = v->ops->nkeys;
    if (!v->ops->targets)
        return v->ops->keys;
    t = vd_dom_actions_table(v->ops->keys, v->ops->nkeys, v->ops->place,
                             VD_PANE_BIT(VD_PANE_DOMAINS), n);
    if (!t) {
        *n = v->ops->nkeys;
        return v->ops->keys;
    }
    return t;
}

/* The key table of the top view. */
const vd_binding *
vd_views_keys(const vd_app *app, size_t *n)
{
    vd_view *owner = vd_views_owner(app);

    *n = 0;
    if (!owner)
        return NULL;
    return vd_view_keys(owner, n);
}

/* The common keys of views (Esc, help). */
const vd_binding *
vd_views_common_keys(size_t *n)
{
    *n = sizeof(common_keys) / sizeof(common_keys[0]);
    return common_keys;
}

/* Route a key to the top view. */
bool
vd_views_key(vd_app *app, int key)
{
    vd_view *v = app->views;
    const vd_binding *table, *b;
    size_t n, nt;

    if (!v)
        return false;
    if (v->ops->key && v->ops->key(app, v, key))
        return true;
    if (v->closed)
        return true;
    table = vd_view_keys(v, &nt);
    if ((b = vd_binding_find(table, nt, key, 0, NULL))) {
        b->fn(app, b);
        return true;
    }
    if (key == 27 || (key == 'q' && !(v->ops->flags & VD_VIEW_NO_Q))) {
        vd_view_pop(app);
        return true;
    }
    if (v->ops->flags & VD_VIEW_NO_HELP)
        return true;
    vd_views_common_keys(&n);
    if ((b = vd_binding_find(common_keys, n, key, 0, NULL))) {
        b->fn(app, b);
        return true;
    }
    if (key != VD_KEY(KEY_MOUSE))
        vd_app_message(app, VD_MSG_INFO, "That key does nothing here; press ? "
                       "for the keys, Esc to go back");
    return true;
}

/* Route a result to its view. */
bool
vd_views_result(vd_app *app, vd_result *res)
{
    for (size_t i = 0; i < app->nroutes; i++) {
        vd_view *v;

        if (app->routes[i].id != res->id || app->routes[i].host_id != res->host_id)
            continue;
        v = app->routes[i].view;
        memmove(&app->routes[i], &app->routes[i + 1],
                (app->nroutes - i - 1) * sizeof(app->routes[0]));
        app->nroutes--;
        if (v->closed || !v->ops->on_result)
            return false;
        v->ops->on_result(app, v, res);
        app->dirty = true;
        return true;
    }
    return false;
}

/* Tell every view about a new snapshot, bottom first. */
void
vd_views_snapshot(vd_app *app)
{
    vd_view *stack[64];
    size_t n = 0;

    for (vd_view *w = app->views; w && n < 64; w = w->below)
        stack[n++] = w;
    while (n-- > 0)
        if (!stack[n]->closed && stack[n]->ops->on_snapshot)
            stack[n]->ops->on_snapshot(app, stack[n]);
}

/* Every live view's wake op. */
void
vd_views_wake(vd_app *app)
{
    for (vd_view *v = app->views; v; v = v->below)
        if (!v->closed && v->ops->wake)
            v->ops->wake(app, v);
}

/* Whether a full view covers the main panes. */
bool
vd_views_cover(const vd_app *app)
{
    for (const vd_view *w = app->views; w; w = w->below)
        if (!(w->ops->flags & VD_VIEW_OVERLAY))
            return true;
    return false;
}

/* Draw from the lowest view that covers the body up to the top. */
void
vd_views_draw(vd_app *app)
{
    vd_view *stack[64];
    size_t n = 0;

    for (vd_view *w = app->views; w && n < 64; w = w->below) {
        stack[n++] = w;
        if (!(w->ops->flags & VD_VIEW_OVERLAY))
            break;
    }
    while (n-- > 0) {
        vd_rect area = app->body;

        if (!(stack[n]->ops->flags & VD_VIEW_OVERLAY))
            vd_draw_clear(&area, vd_role_attr(VD_ROLE_NORMAL));
        stack[n]->ops->draw(app, stack[n], &area);
    }
}

/* Free the views closed during the last event. */
void
vd_views_reap(vd_app *app)
{
    while (app->dead) {
        vd_view *v = app->dead;

        app->dead = v->below;
        free(v);
    }
}

/* Close every view. */
void
vd_views_free(vd_app *app)
{
    while (app->views)
        vd_view_pop(app);
    vd_views_reap(app);
    free(app->routes);
    app->routes = NULL;
    app->nroutes = app->aroutes = 0;
}
