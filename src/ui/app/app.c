/*
 * app.c: the UI's main loop and its state.
 *
 * The loop waits in poll() on the terminal and the bus, never on a
 * host: keys are handled at once, results are drained from the bus to
 * the status line, and each host's latest snapshot is picked up on
 * every wake. Cursors are kept by UUID so that they follow their row
 * when a new snapshot reorders the lists.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "virtdeck/core.h"
#include "ui/console/console_view.h"
#include "ui/panes/all_hosts.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/forms/hosts_edit.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"
#include "ui/widgets/gallery.h"
#include "ui/widgets/listview.h"
#include "ui/views/monitor.h"
#include "ui/app/view.h"
#include "ui/views/journal_ui.h"
#include "ui/views/netstore_ui.h"
#include "ui/widgets/term_image.h"
#include "ui/widgets/term_picture.h"

#define TICK_MS 1000            /* longest wait without a wake */

/* SIGWINCH may reach any thread (the workers too), and ncurses only
 * notices it on the next key; its handler writes to this pipe so that
 * poll() wakes at once. */
static int winch_pipe[2] = { -1, -1 };

/* ---- rows of a snapshot ---- */

/* How many objects of pane's kind snap holds. */
static size_t
snap_rows(const vd_snapshot *snap, vd_pane_id pane)
{
    if (!snap || snap->conn != VD_CONN_CONNECTED)
        return 0;
    switch (pane) {
    case VD_PANE_DOMAINS:
        return snap->ndomains;
    case VD_PANE_NETWORKS:
        return snap->nnetworks;
    case VD_PANE_POOLS:
        return snap->npools;
    case VD_PANE_HOSTS:
    case VD_PANE_LAST:
        break;
    }
    return 0;
}

/* The UUID of row i of pane's kind in snap. */
static const char *
snap_uuid(const vd_snapshot *snap, vd_pane_id pane, size_t i)
{
    switch (pane) {
    case VD_PANE_DOMAINS:
        return snap->domains[i].uuid;
    case VD_PANE_NETWORKS:
        return snap->networks[i].uuid;
    case VD_PANE_POOLS:
        return snap->pools[i].uuid;
    case VD_PANE_HOSTS:
    case VD_PANE_LAST:
        break;
    }
    return "";
}

/* Put sel back on its UUID in a new snapshot, or clamp its row when
 * the object is gone (and then follow the row's new object). */
static void
track_sel(vd_sel *sel, const vd_snapshot *snap, vd_pane_id pane)
{
    size_t n = snap_rows(snap, pane);

    if (n == 0) {
        sel->cursor = 0;
        sel->top = 0;
        sel->uuid[0] = '\0';
        return;
    }
    if (sel->uuid[0]) {
        for (size_t i = 0; i < n; i++) {
            if (strcmp(snap_uuid(snap, pane, i), sel->uuid) == 0) {
                sel->cursor = i;
                return;
            }
        }
    }
    if (sel->cursor >= n)
        sel->cursor = n - 1;
    snprintf(sel->uuid, sizeof(sel->uuid), "%s",
             snap_uuid(snap, pane, sel->cursor));
}

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
    if (pane == VD_PANE_HOSTS)
        return app->nhosts;
    /* Object panes show their list (listview.h): sorted, filtered. */
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

/* Scroll sel so that its cursor is visible in page rows of count. */
void
vd_sel_fit(vd_sel *sel, size_t count, size_t page)
{
    if (page == 0)
        page = 1;
    if (count == 0) {
        sel->cursor = 0;
        sel->top = 0;
        return;
    }
    if (sel->cursor >= count)
        sel->cursor = count - 1;
    if (sel->cursor < sel->top)
        sel->top = sel->cursor;
    if (sel->cursor >= sel->top + page)
        sel->top = sel->cursor - page + 1;
    /* No blank rows at the bottom while there are rows above. */
    if (count >= page && sel->top > count - page)
        sel->top = count - page;
    else if (count < page)
        sel->top = 0;
}

/* Move pane's cursor to row (clamped) and remember its object. */
void
vd_app_select(vd_app *app, vd_pane_id pane, size_t row)
{
    vd_sel *sel = vd_app_sel(app, pane);
    size_t n = vd_app_rows(app, pane);

    app->dirty = true;
    if (n == 0) {
        sel->cursor = 0;
        sel->top = 0;
        return;
    }
    if (row >= n)
        row = n - 1;
    sel->cursor = row;
    if (pane != VD_PANE_HOSTS) {
        const vd_row *r = vd_app_row(app, pane, row);

        snprintf(sel->uuid, sizeof(sel->uuid), "%s", r->uuid);
        sel->host = r->host;
    }
    vd_sel_fit(sel, n, vd_app_page(app, pane));
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

/* The selected domain, or NULL. */
const vd_domain *
vd_app_domain(const vd_app *app)
{
    const vd_row *row;

    if (vd_app_rows(app, VD_PANE_DOMAINS) == 0)
        return NULL;
    row = vd_app_row((vd_app *)app, VD_PANE_DOMAINS,
                     app->hosts[app->host_sel.cursor].sel[VD_PANE_DOMAINS].cursor);
    return row ? row->obj : NULL;
}

/* The selected network, or NULL. */
const vd_network *
vd_app_network(const vd_app *app)
{
    const vd_row *row;

    if (vd_app_rows(app, VD_PANE_NETWORKS) == 0)
        return NULL;
    row = vd_app_row((vd_app *)app, VD_PANE_NETWORKS,
                     app->hosts[app->host_sel.cursor].sel[VD_PANE_NETWORKS].cursor);
    return row ? row->obj : NULL;
}

/* The selected pool, or NULL. */
const vd_pool *
vd_app_pool(const vd_app *app)
{
    const vd_row *row;

    if (vd_app_rows(app, VD_PANE_POOLS) == 0)
        return NULL;
    row = vd_app_row((vd_app *)app, VD_PANE_POOLS,
                     app->hosts[app->host_sel.cursor].sel[VD_PANE_POOLS].cursor);
    return row ? row->obj : NULL;
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

/* The width of the longest name in pane's list of the current host
 * (the domains pane in the all-hosts view: of every host), so that
 * names give way last (table.h, vd_table_layout_need). */
int
vd_app_widest_name(const vd_app *app, vd_pane_id pane)
{
    bool all = pane == VD_PANE_DOMAINS && vd_all_hosts_on(app);
    const vd_snapshot *cur = vd_app_snap(app);
    int w = 0;

    for (size_t h = 0; h < app->nhosts; h++) {
        const vd_snapshot *snap = app->hosts[h].snap;
        size_t n = snap ? snap_rows(snap, pane) : 0;

        if (!snap || (!all && snap != cur))
            continue;
        for (size_t i = 0; i < n; i++) {
            const char *name = pane == VD_PANE_DOMAINS ? snap->domains[i].name :
                               pane == VD_PANE_NETWORKS ? snap->networks[i].name :
                               pane == VD_PANE_POOLS ? snap->pools[i].name : NULL;
            int nw = vd_text_width(name ? name : "");

            if (nw > w)
                w = nw;
        }
    }
    return w;
}

/* When a connected host's poll is overdue: a quarter tick (at least
 * half a second) after the next tick was due, the worker is waiting on
 * the daemon. 0 when it has no tick. */
static long long
overdue_at_ms(const vd_snapshot *snap)
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
    long long due = overdue_at_ms(snap), now = vd_now_ms();

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
    app->msg_owner = app->views;    /* the message belongs to the top view */
    app->msg_hint = false;
    app->dirty = true;
}

/* Submit kind on uuid to host index hi, refusing early what the host
 * would refuse anyway. Returns true when submitted. */
static bool
submit_on(vd_app *app, size_t hi, vd_cmd_kind kind, const char *uuid,
          const char *name)
{
    vd_ui_host *h;
    const vd_cmd_info *info = vd_cmd_describe(kind);

    if (hi >= app->nhosts) {
        vd_app_message(app, VD_MSG_ERROR, "no host to send '%s' to",
                       info ? info->verb : "?");
        return false;
    }
    h = &app->hosts[hi];
    if (info && info->writes && h->snap->readonly) {
        vd_app_message(app, VD_MSG_ERROR, "read-only connection: %s refused",
                       info->verb);
        return false;
    }
    if (kind != VD_CMD_REFRESH && h->snap->conn != VD_CONN_CONNECTED) {
        vd_app_message(app, VD_MSG_ERROR, "%s is not connected: %s refused",
                       h->snap->label, info ? info->verb : "command");
        return false;
    }
    vd_host_submit_simple(h->host, kind, uuid && *uuid ? uuid : NULL);
    vd_app_message(app, VD_MSG_BUSY, "%s %s%s", vd_cmd_describe(kind)->busy, name,
                   vd_draw_utf8() ? "\u2026" : "...");
    return true;
}

/* Submit kind on the object uuid of the selected host (host-level
 * commands; domain actions go through the registry, registry.h). */
bool
vd_app_submit(vd_app *app, vd_cmd_kind kind, const char *uuid,
              const char *name)
{
    return submit_on(app, app->host_sel.cursor, kind, uuid, name);
}

/* The answer to a pending confirmation: y runs it, anything else not. */
static void
answer_confirm(vd_app *app, int key)
{
    vd_confirm c = app->confirm;
    const vd_cmd_info *info = vd_cmd_describe(c.kind);

    app->confirm.active = false;
    app->dirty = true;
    if (key == 'y' || key == 'Y')
        submit_on(app, c.host, c.kind, c.uuid, c.name);
    else
        vd_app_message(app, VD_MSG_INFO, "Cancelled: %s %s",
                       info ? info->verb : "command", c.name);
}

/* ---- events ---- */

static void handle_key(vd_app *app, int key);

/* The pane whose box contains (y, x), or VD_PANE_LAST. */
static vd_pane_id
pane_at(const vd_app *app, int y, int x)
{
    for (int p = 0; p < VD_PANE_LAST; p++)
        if (vd_rect_contains(&app->panes[p], y, x))
            return (vd_pane_id)p;
    return VD_PANE_LAST;
}

/* A click on screen row y of pane: focus it and select the row there. */
static void
click_pane(vd_app *app, vd_pane_id pane, int y)
{
    const vd_rect *r = &app->panes[pane];
    int first = r->y + 1 + vd_pane_get(pane)->header_rows;
    size_t row;

    vd_app_focus(app, pane);
    if (y < first || y >= r->y + r->h - 1)
        return;
    row = vd_app_sel(app, pane)->top + (size_t)(y - first);
    if (row < vd_app_rows(app, pane))
        vd_app_select(app, pane, row);
}

/* A mouse event: clicks select rows, focus panes and press bar keys;
 * the wheel moves the cursor of the pane under the pointer. */
static void
handle_mouse(vd_app *app)
{
    MEVENT ev;
    vd_pane_id pane;

    if (getmouse(&ev) != OK)
        return;
    app->mev = ev;
    if (app->help) {
        if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
            app->help = false;
            app->dirty = true;
        }
        return;
    }
    if (app->confirm.active) {
        if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
            answer_confirm(app, 0);
        return;
    }
    if (vd_view_top(app)) {
        /* A view on top: the bar's keys are its keys; the rest is its. */
        if ((ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) &&
            vd_rect_contains(&app->keybar, ev.y, ev.x)) {
            for (size_t i = 0; i < app->nhits; i++)
                if (ev.x >= app->hits[i].x0 && ev.x < app->hits[i].x1)
                    handle_key(app, app->hits[i].key);
            return;
        }
        vd_views_key(app, VD_KEY(KEY_MOUSE));
        return;
    }
    pane = pane_at(app, ev.y, ev.x);
#ifdef BUTTON5_PRESSED
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        size_t cur;

        if (pane == VD_PANE_LAST)
            return;
        cur = vd_app_sel(app, pane)->cursor;
        if (ev.bstate & BUTTON4_PRESSED)
            vd_app_select(app, pane, cur >= 3 ? cur - 3 : 0);
        else
            vd_app_select(app, pane, cur + 3);
        return;
    }
#endif
    if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return;
    if (vd_rect_contains(&app->keybar, ev.y, ev.x)) {
        for (size_t i = 0; i < app->nhits; i++) {
            if (ev.x >= app->hits[i].x0 && ev.x < app->hits[i].x1) {
                handle_key(app, app->hits[i].key);
                return;
            }
        }
        return;
    }
    if (pane != VD_PANE_LAST && vd_list_header_click(app, pane, ev.y, ev.x)) {
        vd_app_focus(app, pane);        /* a click on a title sorts */
        return;
    }
    if (pane != VD_PANE_LAST)
        click_pane(app, pane, ev.y);
}

/* One key (already in VD_KEY form) from the terminal or the bar. */
static void
handle_key(vd_app *app, int key)
{
    if (key == VD_KEY(KEY_RESIZE)) {
        clearok(curscr, TRUE);
        app->dirty = true;
        return;
    }
    if (key == VD_KEY(KEY_MOUSE)) {
        handle_mouse(app);
        return;
    }
    if (app->help) {
        if (vd_help_key(app, key))
            return;             /* another page of keys */
        app->help = false;
        app->dirty = true;
        return;
    }
    if (app->confirm.active) {
        answer_confirm(app, key);
        return;
    }
    if (key == '\r' || key == VD_KEY(KEY_ENTER))
        key = '\n';
    if (vd_views_key(app, key) || vd_gallery_key(app, key))
        return;
    if (key == 27) {            /* Esc: clear the status line */
        app->msg[0] = '\0';
        app->dirty = true;
        return;
    }
    if (!vd_keys_dispatch(app, key))
        vd_app_message(app, VD_MSG_INFO, "That key does nothing here; "
                       "press ? for the list of keys");
}

/* Read every key waiting on the terminal. */
static void
read_keys(vd_app *app)
{
    wint_t wch;
    int r;

    while (!app->quit && (r = wget_wch(stdscr, &wch)) != ERR) {
        int key = r == KEY_CODE_YES ? VD_KEY((int)wch) : (int)wch;

        handle_key(app, key);
    }
}

/* The ui host whose core id is id, or NULL. */
static vd_ui_host *
host_by_id(vd_app *app, int id)
{
    for (size_t i = 0; i < app->nhosts; i++)
        if (vd_host_id(app->hosts[i].host) == id)
            return &app->hosts[i];
    return NULL;
}

/* Move every queued result to the status line (the last one stays). */
static void
drain_bus(vd_app *app)
{
    vd_result *res;

    vd_bus_clear(app->bus);
    while ((res = vd_bus_pop(app->bus))) {
        const vd_cmd_info *info = vd_cmd_describe(res->kind);
        vd_ui_host *h = host_by_id(app, res->host_id);
        const char *text = res->message;

        if (vd_ui_jobs_note(app, res)) {    /* a job's running progress */
            vd_result_free(res);
            continue;
        }
        if (vd_views_result(app, res)) {
            vd_result_free(res);
            continue;
        }
        if (!h) {
            /* a host removed from the list (hosts_edit.c): its last
             * answers do not belong on the status line any more */
            vd_result_free(res);
            continue;
        }
        if (!text || !*text)
            text = res->ok ? "done" : "failed";
        if (app->nhosts > 1 && h) {
            char lbuf[128];

            /* the host's short label: the message is what matters */
            vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR, "%s: %s",
                           vd_all_hosts_label(app, (size_t)(h - app->hosts), lbuf,
                                              sizeof(lbuf)), text);
        }
        else if (!res->message && info)
            vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR,
                           "%s: %s", info->verb, text);
        else
            vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR,
                           "%s", text);
        vd_result_free(res);
    }
}

/* Pick up every host's latest snapshot; true when something shown
 * changed (a new publication or a retry countdown second). */
static bool
refresh_snapshots(vd_app *app)
{
    bool changed = false;

    for (size_t i = 0; i < app->nhosts; i++) {
        vd_ui_host *h = &app->hosts[i];
        vd_snapshot *snap = vd_host_snapshot(h->host);
        int retry;

        if (h->snap && (snap == h->snap || snap->seq == h->snap->seq)) {
            vd_snapshot_unref(snap);
        } else {
            vd_snapshot_unref(h->snap);
            h->snap = snap;
            if (snap->conn == VD_CONN_CONNECTED) {
                for (int p = VD_PANE_DOMAINS; p < VD_PANE_LAST; p++)
                    track_sel(&h->sel[p], snap, (vd_pane_id)p);
            }
            changed = true;
        }
        retry = vd_app_retry_s(h->snap);
        if (retry != h->shown_retry_s) {
            h->shown_retry_s = retry;
            changed = true;
        }
        /* a host without answer: its age grows on the screen */
        retry = vd_app_stale_s(h->snap);
        if (retry < 0)
            retry = vd_app_connecting_s(h->snap);
        if (retry != h->shown_wait_s) {
            h->shown_wait_s = retry;
            changed = true;
        }
    }
    return changed;
}

/* How long poll() may wait: until the next countdown second of a
 * failed host or the moment a connected host's poll is overdue, at most
 * TICK_MS. */
static int
wait_ms(const vd_app *app)
{
    long long now = vd_now_ms();
    int best = TICK_MS;

    for (size_t i = 0; i < app->nhosts; i++) {
        const vd_snapshot *snap = app->hosts[i].snap;
        long long left, ms;

        if ((ms = overdue_at_ms(snap))) {
            /* wake when its poll becomes overdue (vd_app_stale_s) */
            left = ms + 5 - now;
            if (left > 0 && left < best)
                best = (int)left;
            continue;
        }
        if (!snap || snap->conn != VD_CONN_FAILED || snap->retry_at_ms <= 0)
            continue;
        left = snap->retry_at_ms - now;
        if (left <= 0)
            continue;
        ms = left % 1000;
        if (ms == 0)
            ms = 1000;
        ms += 5;
        if (ms < best)
            best = (int)ms;
    }
    return best;
}

/* The signal that asks the interface to end (SIGTERM, SIGHUP), or 0. */
static volatile sig_atomic_t end_signal;

/* SIGTERM, SIGHUP: leave without asking, as soon as the main loop
 * wakes (async-signal-safe). */
static void
on_end(int sig)
{
    int saved = errno;

    end_signal = sig;
    if (winch_pipe[1] >= 0 && write(winch_pipe[1], "t", 1) < 0) {
        /* full pipe: a wake-up is pending anyway */
    }
    errno = saved;
}

/* SIGWINCH: wake the main loop (async-signal-safe). */
static void
on_winch(int sig)
{
    int saved = errno;

    (void)sig;
    if (winch_pipe[1] >= 0 && write(winch_pipe[1], "w", 1) < 0) {
        /* full pipe: a wake-up is pending anyway */
    }
    errno = saved;
}

/* Install on_winch (SIGWINCH) and on_end (SIGTERM, SIGHUP) with their
 * pipe; old[0..2] get the previous actions. Returns false when the
 * pipe cannot be made (no live resize then, but a key still brings
 * the new size; the end signals keep their default action). */
static bool
watch_winch(struct sigaction old[3])
{
    struct sigaction sa;

    if (pipe2(winch_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        winch_pipe[0] = winch_pipe[1] = -1;
        return false;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_winch;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, &old[0]);
    sa.sa_handler = on_end;
    sigaction(SIGTERM, &sa, &old[1]);
    sigaction(SIGHUP, &sa, &old[2]);
    return true;
}

/* Put back the previous actions and close the pipe. */
static void
unwatch_winch(const struct sigaction old[3])
{
    if (winch_pipe[0] < 0)
        return;
    sigaction(SIGWINCH, &old[0], NULL);
    sigaction(SIGTERM, &old[1], NULL);
    sigaction(SIGHUP, &old[2], NULL);
    close(winch_pipe[0]);
    close(winch_pipe[1]);
    winch_pipe[0] = winch_pipe[1] = -1;
}

/* The terminal changed size: tell curses, then redraw everything. */
static void
handle_winch(vd_app *app)
{
    char buf[64];
    struct winsize ws;

    while (read(winch_pipe[0], buf, sizeof(buf)) > 0)
        ;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
        ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
        resizeterm(ws.ws_row, ws.ws_col);     /* also queues KEY_RESIZE */
    clearok(curscr, TRUE);
    app->dirty = true;
}

/* Draw the whole screen; curses sends only what differs. */
static void
draw(vd_app *app)
{
    erase();
    app->cur_y = app->cur_x = -1;
    vd_frame_layout(app);
    vd_frame_draw(app);
    vd_views_draw(app);
    if (app->help)
        vd_help_draw(app);
    vd_ui_images_frame_done();  /* wipe thumbnails no longer drawn (issue 7) */
    /* A view that edits text shows the terminal's cursor there. */
    if (app->cur_y >= 0 && !app->help) {
        move(app->cur_y, app->cur_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    wnoutrefresh(stdscr);
    doupdate();
    app->dirty = false;
}

/* Teach curses the other common encodings of Home and End (tmux and
 * screen send \e[1~ and \e[4~ even under TERM=xterm-*; xterm itself
 * sends \e[H or \eOH depending on its cursor-key mode). */
static void
define_extra_keys(void)
{
    static const struct {
        const char *seq;
        int key;
    } extra[] = {
        { "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
        { "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
        { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
        { "\033[F", KEY_END }, { "\033OF", KEY_END },
    };

    for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
        if (key_defined(extra[i].seq) == 0)
            define_key(extra[i].seq, extra[i].key);
}

/* Set up the terminal for the interface; NULL on failure. */
static SCREEN *
start_terminal(const vd_ui_opts *opts)
{
    SCREEN *scr;
    const char *term = getenv("TERM");

    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "virtdeck: the interface needs a terminal "
                "(try 'virtdeck top --batch' for scripts)\n");
        return NULL;
    }
    if (!(scr = newterm(NULL, stdout, stdin))) {
        fprintf(stderr, "virtdeck: cannot use terminal type '%s'\n",
                term ? term : "(unset)");
        return NULL;
    }
    set_term(scr);
    {
        const char *cup = tigetstr((char *)"cup");

        if (!cup || cup == (char *)-1) {
            endwin();
            delscreen(scr);
            fprintf(stderr, "virtdeck: terminal type '%s' cannot move the "
                    "cursor; a full-screen interface needs one that can "
                    "(e.g. TERM=xterm-256color)\n", term ? term : "(unset)");
            return NULL;
        }
    }
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    define_extra_keys();
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (opts->mouse) {
        mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED;
#ifdef BUTTON5_PRESSED
        mask |= BUTTON4_PRESSED | BUTTON5_PRESSED;
#endif
        mousemask(mask, NULL);
        mouseinterval(0);
    }
    return scr;
}

/* Run the interface until the user quits. */
int
vd_ui_run(vd_host **hosts, size_t nhosts, vd_bus *bus, const vd_ui_opts *opts)
{
    static const vd_ui_opts defaults = { .mouse = true };
    vd_app app;
    SCREEN *scr = NULL;
    struct sigaction old_winch[3];
    bool winch = false;
    char theme_msg[512];
    int ret = 1;

    if (!opts)
        opts = &defaults;
    memset(&app, 0, sizeof(app));
    app.bus = bus;
    app.mouse = opts->mouse;
    vd_term_picture_set_default((vd_picture_mode)opts->picture);
    app.focus = VD_PANE_DOMAINS;
    app.last_left = VD_PANE_HOSTS;
    if (!(app.hosts = calloc(nhosts ? nhosts : 1, sizeof(*app.hosts)))) {
        fprintf(stderr, "virtdeck: out of memory\n");
        return 1;
    }
    app.nhosts = nhosts;
    for (size_t i = 0; i < nhosts; i++) {
        app.hosts[i].host = hosts[i];
        app.hosts[i].shown_retry_s = -1;
        app.hosts[i].shown_wait_s = -1;
    }
    refresh_snapshots(&app);
    vd_hosts_edit_init(&app, opts);

    if (!(scr = start_terminal(opts)))
        goto cleanup;
    winch = watch_winch(old_winch);
    vd_draw_setup(opts->ascii);
    vd_theme_setup(opts->theme, theme_msg, sizeof(theme_msg));
    /* Blank cells take the normal role's colours (themes with a
     * background of their own). */
    bkgdset(' ' | vd_role_attr(VD_ROLE_NORMAL));
    if (theme_msg[0])
        vd_app_message(&app, VD_MSG_ERROR, "%s", theme_msg);
    else if (opts->notice)
        vd_app_message(&app, VD_MSG_ERROR, "%s", opts->notice);
    else {
        vd_app_message(&app, VD_MSG_INFO, "virtdeck %s: ? help, Tab next "
                       "pane, Enter select, q quit", VD_VERSION);
        app.msg_hint = true;        /* the main screen's keys only */
    }

    /* The UI machinery's showcase, for screen tests (gallery.h). */
    if (vd_gallery_enabled())
        vd_gallery_show(&app);
    /* `virtdeck top`: straight into the top view (issue 4) */
    if (opts->top)
        vd_top_show(&app);
    vd_ui_journal_poll(&app);       /* start reading the journal */
    app.dirty = true;
    end_signal = 0;
    while (!app.quit && !end_signal) {
        struct pollfd pfd[3] = {
            { .fd = STDIN_FILENO, .events = POLLIN },
            { .fd = vd_bus_fd(bus), .events = POLLIN },
            { .fd = winch_pipe[0], .events = POLLIN },  /* -1: ignored */
        };
        int n;

        if (app.dirty)
            draw(&app);
        n = poll(pfd, 3, wait_ms(&app));
        if (n < 0 && errno != EINTR) {
            vd_app_message(&app, VD_MSG_ERROR, "poll: %s", strerror(errno));
            break;
        }
        if (n > 0 && (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) &&
            !(pfd[0].revents & POLLIN))
            break;              /* the terminal went away */
        if (end_signal)
            break;              /* SIGTERM, SIGHUP: leave, jobs cancelled */
        if (n > 0 && (pfd[2].revents & POLLIN))
            handle_winch(&app);
        read_keys(&app);
        if (n > 0 && (pfd[1].revents & POLLIN))
            drain_bus(&app);
        vd_console_poll(&app);      /* console frames and output (issue 7) */
        vd_ui_journal_poll(&app);   /* new journal entries, its errors */
        if (refresh_snapshots(&app)) {
            vd_views_snapshot(&app);
            app.dirty = true;
        }
        vd_views_reap(&app);
    }
    ret = end_signal ? 128 + end_signal : 0;

 cleanup:
    vd_views_free(&app);
    vd_ui_journal_free();
    vd_ui_jobs_free();
    vd_lists_free(&app);
    if (winch)
        unwatch_winch(old_winch);
    if (scr) {
        endwin();
        delscreen(scr);
    }
    for (size_t i = 0; i < app.nhosts; i++)
        vd_snapshot_unref(app.hosts[i].snap);
    vd_hosts_edit_fini(&app);
    free(app.hosts);
    return ret;
}
