/*
 * ui_priv.h: state shared by the files of the terminal interface.
 *
 * One vd_app lives for the duration of vd_ui_run(). It holds our
 * reference to each host's latest snapshot, the cursors of the panes
 * (kept by UUID, per host), the status line and the view stack (view.h:
 * every view, dialog and the help). Only the UI thread touches it.
 */
#ifndef VIRTDECK_UI_PRIV_H
#define VIRTDECK_UI_PRIV_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/bus.h"
#include "virtdeck/command.h"
#include "virtdeck/host.h"
#include "virtdeck/model.h"
#include "ui/ui.h"
#include "ui/theme/theme.h"
#include "ui/widgets/list_model.h"

typedef enum {
    VD_PANE_HOSTS = 0,
    VD_PANE_DOMAINS,
    VD_PANE_NETWORKS,
    VD_PANE_POOLS,
    VD_PANE_LAST
} vd_pane_id;

#define VD_PANE_BIT(p) (1u << (p))
#define VD_PANES_ALL ((1u << VD_PANE_LAST) - 1)

/* A screen rectangle; h or w may be 0 on tiny terminals. */
typedef struct vd_rect {
    int y, x, h, w;
} vd_rect;

/* The cursor of one list: the row, the first visible row, and the
 * host + UUID of the selected object so it survives reordering
 * (list_model.h). */
typedef vd_list_cursor vd_sel;

/* One host as the UI sees it. */
typedef struct vd_ui_host {
    vd_host *host;
    vd_snapshot *snap;              /* our reference to its latest snapshot */
    vd_sel sel[VD_PANE_LAST];       /* object panes' cursors on this host */
    int shown_retry_s;              /* retry countdown last drawn, -1 none */
    int shown_wait_s;               /* no-answer seconds last drawn, -1 none */
    char key[16];                   /* "host:ID": its row's identity in the
                                     * hosts pane's list (pane_hosts.c) */
} vd_ui_host;

typedef enum {
    VD_MSG_INFO = 0,
    VD_MSG_OK,
    VD_MSG_BUSY,
    VD_MSG_ERROR,
} vd_msg_kind;

/* A clickable item of the function-key bar. */
typedef struct vd_hit {
    int x0, x1;                     /* columns [x0, x1) */
    int key;
} vd_hit;

#define VD_MAX_HITS 24

struct vd_binding;

typedef struct vd_app {
    vd_ui_host *hosts;
    size_t nhosts;
    vd_bus *bus;
    bool mouse;

    vd_sel host_sel;                /* cursor of the hosts pane */
    vd_pane_id focus;
    vd_pane_id last_left;           /* left-column pane that h/Left returns to */

    vd_rect header, body, status, keybar;
    vd_rect panes[VD_PANE_LAST];    /* outer boxes from the last layout */
    vd_hit hits[VD_MAX_HITS];
    size_t nhits;

    bool quit;
    bool dirty;                     /* redraw before the next wait */
    long long draw_due_ms;          /* hosts' new figures wait to be drawn
                                     * together until then; 0: none (app.c) */

    char msg[512];
    vd_msg_kind msg_kind;
    bool msg_hint;                      /* msg is the main screen's key hint
                                         * ("Tab next pane, q quit"): not
                                         * shown while a view is on top */
    const struct vd_view *msg_owner;    /* the view on top when msg was set
                                         * (NULL: the main screen): its
                                         * closing brings back the one before */

    /* The view stack (view.h): top first; closed views wait in dead
     * until the event that closed them is over; routes map request
     * ids to the views that submitted them. */
    struct vd_view *views;
    struct vd_view *dead;
    struct vd_route *routes;
    size_t nroutes, aroutes;
    MEVENT mev;                     /* the last mouse event (views read it
                                     * on VD_KEY(KEY_MOUSE)) */
    int cur_y, cur_x;               /* where a view wants the terminal's
                                     * cursor after drawing; -1: hidden */
    struct vd_list *lists[VD_PANE_LAST]; /* rows of the object panes
                                     * (listview.h), made on first use */

    /* A form waiting for a host's networks and pools (vd_app_defer):
     * it opens once they are read; the next key or click cancels it.
     * deferred_fn NULL: none. */
    void (*deferred_fn)(struct vd_app *app, void *ctx);
    void *deferred_ctx;
    void (*deferred_ctx_free)(void *ctx);
    size_t deferred_host;
    char deferred_what[48];
} vd_app;

/* Key codes: characters are their code point; curses KEY_* codes carry
 * this bit so they cannot clash with characters above U+00FF. */
#define VD_KEYFN 0x1000000
#define VD_KEY(k) ((k) | VD_KEYFN)
#define VD_CTRL(c) ((c) & 0x1f)

/* ---- app_state.c: state, selection, status line, commands ---- */

const vd_snapshot *vd_app_snap(const vd_app *app);
bool vd_app_connected(const vd_app *app);
vd_sel *vd_app_sel(vd_app *app, vd_pane_id pane);
size_t vd_app_rows(const vd_app *app, vd_pane_id pane);
size_t vd_app_page(const vd_app *app, vd_pane_id pane);
void vd_app_select(vd_app *app, vd_pane_id pane, size_t row);
/* Move pane's cursor (j k PgDn Home ... and the wheel). */
void vd_app_move(vd_app *app, vd_pane_id pane, vd_list_move_kind how);
void vd_app_focus(vd_app *app, vd_pane_id pane);
const vd_domain *vd_app_domain(const vd_app *app);
const vd_network *vd_app_network(const vd_app *app);
const vd_pool *vd_app_pool(const vd_app *app);
int vd_app_retry_s(const vd_snapshot *snap);
/* A connected host whose poll is overdue (its worker waits on the daemon):
 * seconds since its last answer; -1 when it is not overdue. */
int vd_app_stale_s(const vd_snapshot *snap);
/* When a connected host's poll becomes overdue (ms clock); 0: never. */
long long vd_app_overdue_at_ms(const vd_snapshot *snap);
/* A first connection attempt under way: its seconds so far, -1 when
 * not connecting. */
int vd_app_connecting_s(const vd_snapshot *snap);
/* How long a first attempt may go unanswered before the screen says
 * that the daemon does not answer. */
#define VD_APP_NO_ANSWER_S 3
void vd_app_message(vd_app *app, vd_msg_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
bool vd_app_submit(vd_app *app, vd_cmd_kind kind, const char *uuid,
                   const char *name);
/* True when host hi is connected but its first picture still lacks the
 * networks and pools (snap->partial): a form whose checks need them
 * defers itself then. */
bool vd_app_host_reading(const vd_app *app, size_t hi);
/* Call fn(app, ctx) once host hi's networks and pools are read (or it
 * is no longer connected); the status line says so, naming what ("the
 * new machine wizard"). ctx_free (NULL: none) frees ctx after the call
 * or when the deferral is cancelled or replaced. */
void vd_app_defer(vd_app *app, size_t hi, const char *what,
                  void (*fn)(vd_app *app, void *ctx), void *ctx,
                  void (*ctx_free)(void *ctx));
/* vd_app_defer() of key binding b's handler, when host hi's lists are
 * still being read: true when deferred (the handler returns then). */
bool vd_app_defer_key(vd_app *app, size_t hi, const struct vd_binding *b,
                      const char *what);
/* The main loop's part: run the deferred key when its host is ready. */
void vd_app_run_deferred(vd_app *app);
/* A key or click came first: forget the deferred key, saying so. */
void vd_app_cancel_deferred(vd_app *app);

/* ---- frame.c: layout and the fixed parts of the screen ---- */

void vd_frame_layout(vd_app *app);
void vd_frame_draw(vd_app *app);
bool vd_rect_contains(const vd_rect *r, int y, int x);

/* ---- panes (pane_*.c) ---- */

struct vd_col;
struct vd_table;

/* A pane of the main screen. The object panes (domains, networks,
 * pools) are lists (listview.h): their rows come from source, sort and
 * filter by kind, and are drawn as a table of columns, one visible row
 * at a time by draw_row; Enter puts summary() on the status line. */
typedef struct vd_pane_ops {
    const char *title;
    int header_rows;                /* column header lines inside the box */
    void (*draw)(vd_app *app, const vd_rect *inner, bool focused);
    /* ---- object panes ---- */
    const vd_list_kind *kind;       /* sort columns and filter terms */
    const struct vd_col *columns;   /* the table's columns */
    size_t ncols;
    const char *empty;              /* said when the host has none */
    /* Draw row i of the pane's list at screen row y (vd_row_fn). */
    void (*draw_row)(vd_app *app, const struct vd_table *t, size_t i, int y,
                     bool selected, bool focused);
    /* One line about row's object for the status line. */
    void (*summary)(const vd_row *row, char *buf, size_t len);
    vd_row_source_fn source;        /* NULL: the selected host's objects */
} vd_pane_ops;

extern const vd_pane_ops vd_pane_hosts;
extern const vd_pane_ops vd_pane_domains;

/* The domains pane's sort columns and filter terms (state:, host:,
 * auto:); the top view filters the same way. */
extern const vd_list_kind vd_domains_list_kind;
bool vd_dom_match(const void *app, const vd_row *row, const char *key,
                  const char *value);
extern const vd_pane_ops vd_pane_networks;
extern const vd_pane_ops vd_pane_pools;

const vd_pane_ops *vd_pane_get(vd_pane_id pane);

/* Summaries for Enter, in the status line (pane_*.c). */
void vd_domain_summary(const vd_domain *dom, char *buf, size_t len);
void vd_network_summary(const vd_network *net, char *buf, size_t len);
void vd_pool_summary(const vd_pool *pool, char *buf, size_t len);

/* ---- help.c ---- */

/* Show the help over the top view (or the main screen): a view of its
 * own (view.h), listing the keys of what it covers; any key but the
 * ones that turn its pages closes it. */
void vd_help_show(vd_app *app);

/* ---- theme.c ---- */

attr_t vd_role_attr(vd_role role);

#endif
