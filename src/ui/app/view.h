/*
 * view.h: the view stack.
 *
 * The four-pane main screen is the base of the stack and is always
 * there. Anything else (details, XML viewer, console, top, wizard,
 * dialogs) is a vd_view pushed on top of it: the top view gets every
 * key, draws itself in the body area (the rows between the header and
 * the status line), and names the keys of the function-key bar and the
 * help overlay through its own key table. Esc (and q, unless the view
 * takes it) pops it again.
 *
 * Commands a view submits with vd_view_submit() are remembered by their
 * request id: their vd_result goes to that view's on_result instead of
 * the status line. Results of views that were closed meanwhile, and of
 * everything else, go to the status line as before.
 *
 * Lifetime: vd_view_push() returns a view owned by the stack. When it is
 * popped (by Esc, vd_view_pop(), vd_view_close() or at exit) its
 * close() runs, which frees what data points to; the struct itself is
 * freed after the current key or result has been handled, so a handler
 * may close its own view and return safely.
 */
#ifndef VIRTDECK_UI_VIEW_H
#define VIRTDECK_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/actions/registry.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"

typedef struct vd_view vd_view;

typedef struct vd_view_ops {
    const char *name;           /* short name, for logs and tests */

    /* Draw into area (the body rows; or the whole screen for
     * VD_VIEW_FULLSCREEN views). Required. */
    void (*draw)(vd_app *app, vd_view *v, const vd_rect *area);

    /* A key (character, VD_KEY(KEY_x) or VD_CTRL(c)); return true when
     * handled. Unhandled keys go to the view's key table, then to the
     * common keys (Esc/q pop, ?/F1 help). Optional. */
    bool (*key)(vd_app *app, vd_view *v, int key);

    /* A host published a new snapshot (the app already holds it:
     * vd_app_snap() and app->hosts[i].snap are the new ones). Optional. */
    void (*on_snapshot)(vd_app *app, vd_view *v);

    /* The answer to a command this view submitted with vd_view_submit().
     * The view may take res->text, res->data (with data_free) and
     * res->fd by setting them to NULL / -1; the app frees the rest.
     * Optional: without it the result goes to the status line. */
    void (*on_result)(vd_app *app, vd_view *v, vd_result *res);

    /* The view leaves the stack: free v->data. Optional. */
    void (*close)(vd_app *app, vd_view *v);

    unsigned int flags;         /* VD_VIEW_* */

    /* Keys of this view for the F-key bar and the help overlay, in the
     * format of keys.h (panes is ignored; the handler finds its view
     * with vd_view_top()). Rows with a NULL fn only document keys that
     * key() handles. NULL: none. */
    const vd_binding *keys;
    size_t nkeys;

    /* A place that shows domains: which domains the registry's actions
     * act on now (registry.h; the marked rows, else the cursor's). With
     * it the view's key table, help, menu and bar also hold the
     * registry's actions offered at place. NULL: no domain actions. */
    vd_dom_targets_fn targets;
    vd_place place;

    /* The main loop woke (a key, the bus, a signal or its timeout):
     * pick up what the view's own threads left since (console frames,
     * serial output) and set app->dirty when the screen must change.
     * Runs for every view on the stack, top first. Optional. */
    void (*wake)(vd_app *app, vd_view *v);
} vd_view_ops;

enum {
    /* Drawn over the view below it (dialogs, menus): the one below is
     * drawn first. */
    VD_VIEW_OVERLAY = 1u << 0,
    /* q does not pop (the view types text). Esc always pops unless the
     * view's key() takes it. */
    VD_VIEW_NO_Q = 1u << 1,
    /* No common keys at all besides what key() and the table handle
     * (Esc still pops when key() returns false). */
    VD_VIEW_NO_HELP = 1u << 2,
    /* The key bar shows only the view's own keys, not the common Esc /
     * F1 ones (consoles, where those keys go to the guest). */
    VD_VIEW_OWN_BAR = 1u << 3,
    /* An overlay that leaves the key bar, the status line's ownership
     * and the keys the help lists to the view below it (the help). */
    VD_VIEW_TRANSPARENT = 1u << 4,
};

struct vd_view {
    const vd_view_ops *ops;
    void *data;                 /* the view's own state, freed by close() */
    char title[160];            /* shown by the frame of full-screen views */
    bool closed;                /* popped; freed after the current event */
    vd_view *below;             /* next view down the stack, NULL: base */
    /* the status line when the view was pushed: back when it closes, if
     * the message then is its own hint (an information, not an outcome
     * such as "done" or an error, which stays) */
    char saved_msg[512];
    int saved_kind;
    const vd_view *saved_owner;
    bool saved_hint;
};

/* Push a new view with ops and data on top. title may be NULL. The
 * stack owns the view; ops must be static. Returns NULL only when out
 * of memory (then ops->close has been called for data). */
vd_view *vd_view_push(vd_app *app, const vd_view_ops *ops, void *data,
                      const char *title);

/* The top view, or NULL when the main screen is on top. */
vd_view *vd_view_top(const vd_app *app);

/* The top view that is not VD_VIEW_TRANSPARENT: whose keys the bar and
 * the help show and who owns the status line; NULL: the main screen. */
vd_view *vd_views_owner(const vd_app *app);

/* Whether v is still on the stack (not closed). */
bool vd_view_alive(const vd_app *app, const vd_view *v);

/* Pop the top view (nothing when the main screen is on top). */
void vd_view_pop(vd_app *app);

/* Remove v from wherever it is in the stack (views above it stay). */
void vd_view_close(vd_app *app, vd_view *v);

/* The view of the given ops nearest the top, or NULL. */
vd_view *vd_view_find(const vd_app *app, const vd_view_ops *ops);

/* Submit cmd to host index hi (into app->hosts) on behalf of v: its
 * result goes to v->ops->on_result. cmd's str is taken (as with
 * vd_host_submit). Refuses (and says why on the status line, returning
 * 0) a write on a read-only host or any command but a refresh on a
 * host that is not connected. Returns the request id. */
unsigned long long vd_view_submit(vd_app *app, vd_view *v, size_t hi,
                                  vd_cmd *cmd);

/* v's key table: its own keys and, when it shows domains, the
 * registry's actions (see targets above). The table lives as long as
 * the process. */
const vd_binding *vd_view_keys(const vd_view *v, size_t *n);

/* Set the view's title (printf format). */
void vd_view_set_title(vd_view *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- for app.c, frame.c and help.c ---- */

/* Route a key to the top view; false when the stack is empty. */
bool vd_views_key(vd_app *app, int key);

/* Route a result to the view that asked for it; false when none did
 * (then the caller shows it on the status line). Frees nothing. */
bool vd_views_result(vd_app *app, vd_result *res);

/* Let every view pick up its news after a wake-up (top to bottom). */
void vd_views_wake(vd_app *app);

/* Tell every view about a new snapshot (bottom to top). */
void vd_views_snapshot(vd_app *app);

/* Draw the stack over the main screen; true when a view covered the
 * body (the main panes need not be drawn). */
void vd_views_draw(vd_app *app);

/* Whether a non-overlay view covers the main screen. */
bool vd_views_cover(const vd_app *app);

/* Free views closed during the last event. */
void vd_views_reap(vd_app *app);

/* The keys every view has (Esc back, ? and F1 help). */
const vd_binding *vd_views_common_keys(size_t *n);

/* Close every view (at exit). */
void vd_views_free(vd_app *app);

/* The key table the bar and help show: the owner's (vd_views_owner),
 * or *n = 0 when the main screen's table applies. */
const vd_binding *vd_views_keys(const vd_app *app, size_t *n);

#endif
