/*
 * app.c: the UI's main loop and router.
 *
 * The loop waits in poll() on the terminal and the bus, never on a
 * host: keys and mouse events are routed at once (to the top view, or
 * the main screen's key table and panes), results are drained from the
 * bus to their view or the status line, each host's latest snapshot is
 * picked up on every wake, and every view's wake op runs. The state it
 * serves is app_state.c; the terminal and signals are app_term.c.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virtdeck/core.h"
#include "ui/panes/all_hosts.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/forms/hosts_edit.h"
#include "ui/app/app_term.h"
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
/* New figures that hosts publish within this long of each other are
 * drawn in one redraw (the workers tick on the same clock: host.c);
 * keys and changes of a connection's state are drawn at once. */
#define GATHER_MS 25

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

/* A mouse event on pane: to its list (rows, wheel, titles). Clicks
 * focus. */
static void
mouse_pane(vd_app *app, vd_pane_id pane, const MEVENT *ev)
{
    const vd_rect *r = &app->panes[pane];
    int first = r->y + 1 + vd_pane_get(pane)->header_rows;
    int nrows = r->y + r->h - 1 - first;

    if (ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
        vd_app_focus(app, pane);
    vd_list_mouse(app, vd_list_get(app, pane), ev, first, nrows);
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
    if ((ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) &&
        vd_rect_contains(&app->keybar, ev.y, ev.x)) {
        /* the bar's keys: the top view's or the main screen's */
        for (size_t i = 0; i < app->nhits; i++) {
            if (ev.x >= app->hits[i].x0 && ev.x < app->hits[i].x1) {
                handle_key(app, app->hits[i].key);
                return;
            }
        }
        return;
    }
    if (vd_view_top(app)) {
        vd_views_key(app, VD_KEY(KEY_MOUSE));  /* the rest is the view's */
        return;
    }
    pane = pane_at(app, ev.y, ev.x);
    if (pane != VD_PANE_LAST)
        mouse_pane(app, pane, &ev);
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
    vd_app_cancel_deferred(app);    /* a key came first */
    if (key == VD_KEY(KEY_MOUSE)) {
        handle_mouse(app);
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

/* What refresh_snapshots() found. */
typedef enum {
    SNAPS_SAME,                 /* nothing shown changed */
    SNAPS_FIGURES,              /* new figures of hosts already shown */
    SNAPS_STATE,                /* a connection's state, a countdown, an age */
} snaps_change;

/* Pick up every host's latest snapshot and say what changed. */
static snaps_change
refresh_snapshots(vd_app *app)
{
    snaps_change changed = SNAPS_SAME;

    for (size_t i = 0; i < app->nhosts; i++) {
        vd_ui_host *h = &app->hosts[i];
        vd_snapshot *snap = vd_host_snapshot(h->host);
        int retry;

        if (h->snap && (snap == h->snap || snap->seq == h->snap->seq)) {
            vd_snapshot_unref(snap);
        } else {
            /* a host's first picture, or one that connected, failed or
             * went away, is drawn at once; a tick's new figures wait
             * for the other hosts' */
            if (!h->snap || !snap || h->snap->conn != snap->conn ||
                h->snap->ndomains != snap->ndomains)
                changed = SNAPS_STATE;
            else if (changed == SNAPS_SAME)
                changed = SNAPS_FIGURES;
            vd_snapshot_unref(h->snap);
            h->snap = snap;     /* (the lists follow: listview.h) */
        }
        retry = vd_app_retry_s(h->snap);
        if (retry != h->shown_retry_s) {
            h->shown_retry_s = retry;
            changed = SNAPS_STATE;
        }
        /* a host without answer: its age grows on the screen */
        retry = vd_app_stale_s(h->snap);
        if (retry < 0)
            retry = vd_app_connecting_s(h->snap);
        if (retry != h->shown_wait_s) {
            h->shown_wait_s = retry;
            changed = SNAPS_STATE;
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

    if (app->draw_due_ms)       /* figures waiting to be drawn */
        best = app->draw_due_ms > now ? (int)(app->draw_due_ms - now) : 0;

    for (size_t i = 0; i < app->nhosts; i++) {
        const vd_snapshot *snap = app->hosts[i].snap;
        long long left, ms;

        if ((ms = vd_app_overdue_at_ms(snap))) {
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

/* Draw the whole screen; curses sends only what differs. */
static void
draw(vd_app *app)
{
    erase();
    app->cur_y = app->cur_x = -1;
    vd_frame_layout(app);
    vd_frame_draw(app);
    vd_views_draw(app);
    vd_ui_images_frame_done();  /* wipe thumbnails no longer drawn (issue 7) */
    /* A view that edits text shows the terminal's cursor there. */
    if (app->cur_y >= 0) {
        move(app->cur_y, app->cur_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    wnoutrefresh(stdscr);
    doupdate();
    app->dirty = false;
    app->draw_due_ms = 0;
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

    if (!(scr = vd_app_term_start(opts)))
        goto cleanup;
    winch = vd_app_term_watch(old_winch);
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
    vd_app_term_end_reset();
    while (!app.quit && !vd_app_term_end_signal()) {
        struct pollfd pfd[3] = {
            { .fd = STDIN_FILENO, .events = POLLIN },
            { .fd = vd_bus_fd(bus), .events = POLLIN },
            { .fd = vd_app_term_fd(), .events = POLLIN },  /* -1: ignored */
        };
        int n;

        if (app.dirty || (app.draw_due_ms && vd_now_ms() >= app.draw_due_ms))
            draw(&app);
        n = poll(pfd, 3, wait_ms(&app));
        if (n < 0 && errno != EINTR) {
            vd_app_message(&app, VD_MSG_ERROR, "poll: %s", strerror(errno));
            break;
        }
        if (n > 0 && (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) &&
            !(pfd[0].revents & POLLIN))
            break;              /* the terminal went away */
        if (vd_app_term_end_signal())
            break;              /* SIGTERM, SIGHUP: leave, jobs cancelled */
        if (n > 0 && (pfd[2].revents & POLLIN))
            vd_app_term_winch(&app);
        read_keys(&app);
        if (n > 0 && (pfd[1].revents & POLLIN))
            drain_bus(&app);
        vd_views_wake(&app);        /* console frames and output (issue 7) */
        vd_ui_journal_poll(&app);   /* new journal entries, its errors */
        switch (refresh_snapshots(&app)) {
        case SNAPS_SAME:
            break;
        case SNAPS_FIGURES:
            vd_views_snapshot(&app);
            if (!app.draw_due_ms)
                app.draw_due_ms = vd_now_ms() + GATHER_MS;
            break;
        case SNAPS_STATE:
            vd_views_snapshot(&app);
            app.dirty = true;
            break;
        }
        vd_app_run_deferred(&app);  /* a form waiting for its host's lists */
        vd_views_reap(&app);
    }
    ret = vd_app_term_end_signal() ? 128 + vd_app_term_end_signal() : 0;

 cleanup:
    vd_views_free(&app);
    vd_ui_journal_free();
    vd_ui_jobs_free();
    vd_lists_free(&app);
    if (winch)
        vd_app_term_unwatch(old_winch);
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
