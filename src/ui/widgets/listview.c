/*
 * listview.c: the list component on the screen (listview.h); the
 * model is list_model.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app/view.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"

_Static_assert(VD_LIST_MAXCOLS == VD_TABLE_MAXCOLS,
               "a list sorts by any table column");

/* The list of pane, made on first use with the pane's kind and source;
 * NULL when out of memory. */
static vd_list *
list_of(vd_app *app, vd_pane_id pane)
{
    const vd_pane_ops *ops;

    if (pane >= VD_PANE_LAST)
        return NULL;
    if (!app->lists[pane]) {
        ops = vd_pane_get(pane);
        if (!(app->lists[pane] = vd_list_new(ops->kind, ops->source)))
            return NULL;
        app->lists[pane]->pane = pane;
    }
    return app->lists[pane];
}

/* The default source: the selected host's objects of the list's pane. */
static void
source_selected(vd_app *app, vd_list *list)
{
    size_t hi = app->host_sel.cursor;
    const vd_snapshot *snap;

    if (hi >= app->nhosts || !(snap = app->hosts[hi].snap) ||
        snap->conn != VD_CONN_CONNECTED)
        return;
    switch ((vd_pane_id)list->pane) {
    case VD_PANE_DOMAINS:
        for (size_t i = 0; i < snap->ndomains; i++)
            vd_list_add(list, hi, &snap->domains[i], snap->domains[i].uuid,
                        snap->domains[i].name);
        break;
    case VD_PANE_NETWORKS:
        for (size_t i = 0; i < snap->nnetworks; i++)
            vd_list_add(list, hi, &snap->networks[i], snap->networks[i].uuid,
                        snap->networks[i].name);
        break;
    case VD_PANE_POOLS:
        for (size_t i = 0; i < snap->npools; i++)
            vd_list_add(list, hi, &snap->pools[i], snap->pools[i].uuid,
                        snap->pools[i].name);
        break;
    case VD_PANE_HOSTS:
    case VD_PANE_LAST:
        break;
    }
}

/* The domains of every connected host. */
void
vd_list_all_domains(vd_app *app, vd_list *list)
{
    for (size_t hi = 0; hi < app->nhosts; hi++) {
        const vd_snapshot *snap = app->hosts[hi].snap;

        if (!snap || snap->conn != VD_CONN_CONNECTED)
            continue;
        for (size_t i = 0; i < snap->ndomains; i++)
            vd_list_add(list, hi, &snap->domains[i], snap->domains[i].uuid,
                        snap->domains[i].name);
    }
}

/* What the rows depend on besides sort/filter: the selected host and
 * every host's snapshot. */
static unsigned long long
inputs_key(const vd_app *app)
{
    unsigned long long k = 1469598103934665603ULL;

    k = (k ^ app->host_sel.cursor) * 1099511628211ULL;
    for (size_t i = 0; i < app->nhosts; i++) {
        k = (k ^ (unsigned long long)(uintptr_t)app->hosts[i].snap) * 1099511628211ULL;
        k = (k ^ (app->hosts[i].snap ? app->hosts[i].snap->seq : 0)) *
            1099511628211ULL;
    }
    return k;
}

/* The widest name of rows [0, n). */
static int
widest(const vd_row *rows, size_t n)
{
    int w = 0;

    for (size_t i = 0; i < n; i++) {
        int tw = vd_text_width(rows[i].name);

        if (tw > w)
            w = tw;
    }
    return w;
}

/* Rebuild list when its inputs changed: the source's rows, then the
 * model filters and sorts them once. True when it did. */
static bool
rebuild_if_needed(vd_app *app, vd_list *list)
{
    unsigned long long key = inputs_key(app);

    if (list->built && list->key == key && list->built_gen == list->gen)
        return false;
    vd_list_begin(list);
    if (list->source)
        list->source(app, list);
    else
        source_selected(app, list);
    /* the widths are measured when a draw asks (once per rebuild); the
     * source's must be taken before a filter drops rows */
    list->name_w = list->filter[0] ? widest(list->rows, list->n) : -1;
    vd_list_finish(list, app);
    list->name_w_shown = -1;
    list->key = key;
    list->built_gen = list->gen;
    list->built = true;
    return true;
}

/* The rows of pane, fresh. */
vd_list *
vd_list_get(vd_app *app, vd_pane_id pane)
{
    static vd_list empty;
    static vd_list_cursor none;
    vd_list *list = list_of(app, pane);

    if (!list) {
        memset(&empty, 0, sizeof(empty));
        memset(&none, 0, sizeof(none));
        empty.cur = &none;
        empty.hdr_y = -1;
        return &empty;
    }
    /* the pane's cursor on the selected host */
    list->cur = vd_app_sel(app, pane);
    rebuild_if_needed(app, list);
    return list;
}

/* Rebuild a view's list when needed. */
bool
vd_list_refresh(vd_app *app, vd_list *list)
{
    return rebuild_if_needed(app, list);
}

/* Row i of pane. */
const vd_row *
vd_app_row(vd_app *app, vd_pane_id pane, size_t i)
{
    vd_list *list = vd_list_get(app, pane);

    return i < list->n ? &list->rows[i] : NULL;
}

/* Plug a row source into pane. */
void
vd_list_set_source(vd_app *app, vd_pane_id pane, vd_row_source_fn fn)
{
    vd_list *list = list_of(app, pane);

    if (!list)
        return;
    list->source = fn;
    list->gen++;
    app->dirty = true;
}

/* Force pane's list to be rebuilt. */
void
vd_list_invalidate(vd_app *app, vd_pane_id pane)
{
    vd_list *list = list_of(app, pane);

    if (list)
        list->gen++;
    app->dirty = true;
}

/* Free the panes' lists. */
void
vd_lists_free(vd_app *app)
{
    for (int p = 0; p < VD_PANE_LAST; p++) {
        vd_list_free(app->lists[p]);
        app->lists[p] = NULL;
    }
}

/* The widest name shown, bounded. */
int
vd_list_name_width(vd_list *list, int lo, int hi)
{
    int w = 0;

    if (list && list->built) {
        if (list->name_w_shown < 0)
            list->name_w_shown = widest(list->rows, list->n);
        w = list->name_w_shown;
    }
    if (w < lo)
        w = lo;
    return w < hi ? w : hi;
}

/* The widest name of the source (without a filter: the rows shown). */
int
vd_list_source_name_width(vd_list *list)
{
    if (!list || !list->built)
        return 0;
    if (list->name_w < 0)
        list->name_w = vd_list_name_width(list, 0, 1 << 20);
    return list->name_w;
}

/* ---- changes: the model's, then a redraw ---- */

/* Sort by col (again: reversed). */
void
vd_list_sort_by(vd_app *app, vd_list *list, int col)
{
    if (list && vd_list_sort_col(list, col))
        app->dirty = true;
}

/* The next / previous sortable column. */
void
vd_list_sort_cycle(vd_app *app, vd_list *list, int dir)
{
    if (list && vd_list_sort_next(list, dir))
        app->dirty = true;
}

/* Reverse the order. */
void
vd_list_sort_reverse(vd_app *app, vd_list *list)
{
    if (!list)
        return;
    vd_list_sort_flip(list);
    app->dirty = true;
}

/* "Sorted by ..." on the status line. */
void
vd_list_say_sort(vd_app *app, const vd_list *list)
{
    char buf[128];

    if (*vd_list_sort_text(list, buf, sizeof(buf)))
        vd_app_message(app, VD_MSG_INFO, "Sorted by %s", buf);
}

/* Set the filter. */
void
vd_list_set_filter(vd_app *app, vd_list *list, const char *filter)
{
    if (!list)
        return;
    vd_list_filter_set(list, filter);
    app->dirty = true;
}

/* Mark or unmark row. */
void
vd_list_toggle_mark(vd_app *app, vd_list *list, const vd_row *row)
{
    if (list && vd_list_mark_toggle(list, row))
        app->dirty = true;
}

/* Unmark every row. */
void
vd_list_clear_marks(vd_app *app, vd_list *list)
{
    if (!list)
        return;
    vd_list_marks_clear(list);
    app->dirty = true;
}

/* The marked rows of pane. */
size_t
vd_list_marked_rows(vd_app *app, vd_pane_id pane, const vd_row **out,
                    size_t max)
{
    return vd_list_marked_rows_in(vd_list_get(app, pane), out, max);
}

/* ---- the filter prompt ---- */

/* What the filter prompt edits. */
typedef struct filter_ctx {
    vd_app *app;
    vd_list *list;
    const vd_view *owner;       /* NULL: a pane's list (lives until exit) */
    char old[256];
} filter_ctx;

/* The list the prompt edits, NULL when its view is gone. */
static vd_list *
filter_list(vd_app *app, const filter_ctx *f)
{
    return !f->owner || vd_view_alive(app, f->owner) ? f->list : NULL;
}

/* Apply the filter as it is typed (the prompt's check). */
static const char *
filter_live(const char *text, char *err, size_t errlen, void *ctx)
{
    filter_ctx *f = ctx;

    (void)err;
    (void)errlen;
    vd_list_set_filter(f->app, filter_list(f->app, f), text);
    return NULL;
}

/* Enter keeps the filter; Esc puts the old one back. */
static void
filter_done(vd_app *app, const char *text, void *ctx)
{
    filter_ctx *f = ctx;
    vd_list *list = filter_list(app, f);

    vd_list_set_filter(app, list, text ? text : f->old);
    if (list && text && *text)
        vd_app_message(app, VD_MSG_INFO, "Filter: %s (/ then ^U Enter clears it)",
                       text);
    else if (list && text)
        vd_app_message(app, VD_MSG_INFO, "Filter cleared");
    free(f);
}

/* Ask for list's filter. */
void
vd_list_filter_prompt(vd_app *app, vd_list *list, const vd_view *owner)
{
    filter_ctx *f = calloc(1, sizeof(*f));

    if (!f)
        return;
    f->app = app;
    f->list = list;
    f->owner = owner;
    snprintf(f->old, sizeof(f->old), "%s", list->filter);
    vd_dialog_prompt(app, "Filter", "Name contains (terms: state:running "
                     "host:NAME auto:yes):", list->filter, false, filter_live,
                     filter_done, f);
}

/* ---- cursor, keys, mouse ---- */

/* Move the cursor. */
bool
vd_list_go(vd_app *app, vd_list *list, vd_list_move_kind how, size_t page)
{
    bool moved = vd_list_move(list, how, page);

    /* (the draw scrolls the cursor into view: vd_sel_fit) */
    app->dirty = true;
    return moved;
}

/* The move of a key. */
bool
vd_list_key_move(int key, vd_list_move_kind *how)
{
    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        *how = VD_MOVE_DOWN;
        return true;
    case 'k':
    case VD_KEY(KEY_UP):
        *how = VD_MOVE_UP;
        return true;
    case VD_KEY(KEY_NPAGE):
        *how = VD_MOVE_PAGE_DOWN;
        return true;
    case VD_KEY(KEY_PPAGE):
        *how = VD_MOVE_PAGE_UP;
        return true;
    case 'g':
    case VD_KEY(KEY_HOME):
        *how = VD_MOVE_HOME;
        return true;
    case 'G':
    case VD_KEY(KEY_END):
        *how = VD_MOVE_END;
        return true;
    default:
        return false;
    }
}

/* Draw t's header for list, the sort column marked. */
void
vd_list_header(vd_list *list, const vd_table *t, int y, attr_t attr)
{
    int x0[VD_TABLE_MAXCOLS], x1[VD_TABLE_MAXCOLS];

    vd_table_header(t, y, attr);
    if (!list)
        return;
    for (size_t i = 0; i < t->ncols; i++) {
        x0[i] = t->shown[i] ? t->cx[i] : -1;
        x1[i] = t->shown[i] ? t->cx[i] + t->cw[i] : -1;
    }
    vd_list_header_place(list, y, t->ncols, x0, x1);
    if (vd_list_sortable(list, list->sort_col) && t->shown[list->sort_col]) {
        const char *arrow = vd_draw_utf8() ? (list->reverse ? "\u25bc" : "\u25b2")
                                           : (list->reverse ? "v" : "^");
        const char *title = t->cols[list->sort_col].title;
        int c = list->sort_col;
        int w = vd_text_width(title);
        int x;

        /* The title as vd_table_header() drew it. */
        if (w > t->cw[c] && t->cols[c].short_title)
            w = vd_text_width(t->cols[c].short_title);
        if (w > t->cw[c])
            w = t->cw[c];
        /* The arrow goes in the blank next to the title: after it, or
         * before a right-aligned one (the gap between columns at worst). */
        x = t->cols[c].right ? t->cx[c] + t->cw[c] - w - 1 : t->cx[c] + w;
        if (x >= t->x && x < t->x + t->width)
            vd_draw_text(y, x, 1, arrow, attr | A_BOLD);
    }
}

/* A mouse event on list. */
vd_list_mouse_result
vd_list_mouse(vd_app *app, vd_list *list, const MEVENT *ev, int rows_y,
              int nrows)
{
    size_t page = nrows > 1 ? (size_t)nrows : 1;
    int col;

#ifdef BUTTON5_PRESSED
    if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        vd_list_go(app, list, ev->bstate & BUTTON4_PRESSED ? VD_MOVE_WHEEL_UP
                                                          : VD_MOVE_WHEEL_DOWN,
                   page);
        return VD_LIST_MOUSE_MOVED;
    }
#endif
    if (!(ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return VD_LIST_MOUSE_NONE;
    if ((col = vd_list_header_col(list, ev->y, ev->x)) >= 0) {
        vd_list_sort_by(app, list, col);
        return VD_LIST_MOUSE_SORTED;
    }
    if (ev->y >= rows_y && ev->y < rows_y + nrows) {
        size_t i = list->cur->top + (size_t)(ev->y - rows_y);

        if (i < list->n) {
            vd_list_select(list, i);
            app->dirty = true;
        }
        return VD_LIST_MOUSE_MOVED;
    }
    return VD_LIST_MOUSE_NONE;
}
