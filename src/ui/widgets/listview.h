/*
 * listview.h: the rows an object pane shows — sorted, filtered and
 * marked — kept by UUID.
 *
 * Each object pane (domains, networks, pools) has one vd_list in the
 * app. Its rows are built from the snapshots by a row source (by
 * default: the objects of the selected host; a pane may plug in another
 * one, e.g. every host's domains), then filtered and sorted. The list
 * is rebuilt lazily whenever a snapshot, the selected host, the sort or
 * the filter changed, so a pane just asks vd_list_get() / vd_app_row()
 * while drawing. Cursors and marks are kept by UUID, so they follow
 * their object through re-sorts and new snapshots.
 *
 * A pane that wants sorting describes its sortable columns with a
 * vd_list_kind (one comparator per table column index, NULL for a
 * column that does not sort) and draws its header with
 * vd_list_header(), which marks the sort column and remembers where
 * the titles are for mouse clicks.
 */
#ifndef VIRTDECK_UI_LISTVIEW_H
#define VIRTDECK_UI_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/widgets/table.h"
#include "ui/ui_priv.h"

/* One row: an object of one host's snapshot. obj and uuid point into
 * app->hosts[host].snap and live as long as that snapshot is held
 * (until the next vd_list_get()). */
typedef struct vd_row {
    size_t host;                /* index into app->hosts */
    const void *obj;            /* vd_domain, vd_network or vd_pool */
    const char *uuid;
    const char *name;
} vd_row;

typedef struct vd_list vd_list;

/* A row source: add the rows with vd_list_add(). */
typedef void (*vd_row_source_fn)(vd_app *app, vd_pane_id pane, vd_list *list);

/* How a pane's rows sort and filter. */
typedef struct vd_list_kind {
    /* cmp[c]: order by table column c (NULL: c does not sort). Ties are
     * broken by name, then UUID. */
    int (*cmp[VD_TABLE_MAXCOLS])(const vd_row *a, const vd_row *b);
    const char *names[VD_TABLE_MAXCOLS]; /* column names for messages */
    size_t ncols;
    int default_col;            /* sort column at start */
    /* Whether row matches one filter term "key:value" (key is never
     * empty here); false for unknown keys. NULL: only plain terms. */
    bool (*match)(const vd_app *app, const vd_row *row, const char *key,
                  const char *value);
} vd_list_kind;

/* The widest name among list's rows (terminal columns), at least lo and
 * at most hi: what a name column wants so that no name is cut while
 * the screen has room. */
int vd_list_name_width(const vd_list *list, int lo, int hi);

struct vd_list {
    vd_row *rows;
    size_t n, cap;
    size_t total;               /* rows before the filter */
    const vd_list_kind *kind;   /* NULL: no sorting, snapshot order */
    vd_row_source_fn source;    /* NULL: the selected host's objects */
    int sort_col;
    bool reverse;
    char filter[256];
    char **marks;               /* marked UUIDs */
    size_t nmarks;
    unsigned long long key;     /* what the rows were built from */
    unsigned int gen;           /* bumped by sort/filter changes */
    unsigned int built_gen;
    bool built;
    /* Header titles of the last draw (for clicks). */
    int hdr_y;
    int hx0[VD_TABLE_MAXCOLS], hx1[VD_TABLE_MAXCOLS];
    size_t nh;
};

/* The rows of pane, rebuilt when anything they depend on changed. */
vd_list *vd_list_get(vd_app *app, vd_pane_id pane);
/* Row i of pane, or NULL. */
const vd_row *vd_app_row(vd_app *app, vd_pane_id pane, size_t i);

/* For row sources: add a row. */
void vd_list_add(vd_list *list, size_t host, const void *obj,
                 const char *uuid, const char *name);

/* Give pane a sort/filter description (done once by the pane). */
void vd_list_set_kind(vd_app *app, vd_pane_id pane, const vd_list_kind *kind);
/* Plug a row source into pane (NULL: back to the selected host). */
void vd_list_set_source(vd_app *app, vd_pane_id pane, vd_row_source_fn fn);
/* Force a rebuild (the source's own inputs changed). */
void vd_list_invalidate(vd_app *app, vd_pane_id pane);

/* Sort by column col (toggles the direction when it already is). */
void vd_list_sort_by(vd_app *app, vd_pane_id pane, int col);
/* The next (dir 1) or previous sortable column. */
void vd_list_sort_cycle(vd_app *app, vd_pane_id pane, int dir);
void vd_list_sort_reverse(vd_app *app, vd_pane_id pane);
/* Set the filter: blank-separated terms that must all match; a plain
 * term matches the name (case-insensitive substring), "key:value" goes
 * to kind->match (domains: state:, host:). "" clears it. */
void vd_list_set_filter(vd_app *app, vd_pane_id pane, const char *filter);

/* Marks, by host and UUID (a row of the all-hosts or top view is one
 * host's domain even when another host has one of the same UUID). */
bool vd_list_marked(const vd_list *list, const vd_row *row);
void vd_list_toggle_mark(vd_app *app, vd_pane_id pane, const vd_row *row);
void vd_list_clear_marks(vd_app *app, vd_pane_id pane);
/* The marked rows that are shown now, in row order: fills out (up to
 * max) and returns how many there are. */
size_t vd_list_marked_rows(vd_app *app, vd_pane_id pane, const vd_row **out,
                           size_t max);

/* Draw t's header at y with the sort column marked (an arrow after its
 * title) and remember the titles' places for vd_list_header_click(). */
void vd_list_header(vd_app *app, vd_pane_id pane, const vd_table *t, int y,
                    attr_t attr);
/* A click at (y, x): when it is on a title of pane's header, sort by
 * that column and return true. */
bool vd_list_header_click(vd_app *app, vd_pane_id pane, int y, int x);

/* Free every list's memory (at exit). */
void vd_lists_free(vd_app *app);

/* ---- lists owned by a view (the top view) instead of a pane ----
 * The same rows, sorting, filter and header clicks, on a list the view
 * made and frees. Its source must be given. The view keeps its own
 * cursor: after vd_list_refresh() returned true the rows were rebuilt
 * and the cursor should be put back on its object. */

/* A new list sorting by kind->default_col; NULL when out of memory. */
vd_list *vd_list_new(const vd_list_kind *kind, vd_row_source_fn source);
/* Free it (NULL is fine). */
void vd_list_free(vd_list *list);
/* Rebuild the rows when a snapshot, the sort or the filter changed;
 * true when they were rebuilt. Call it before reading rows: they point
 * into the snapshots the app holds now. */
bool vd_list_refresh(vd_app *app, vd_list *list);
/* As the pane functions above, on such a list (marked rows: of the
 * rows as last refreshed). */
void vd_list_toggle_mark_in(vd_app *app, vd_list *list, const vd_row *row);
void vd_list_clear_marks_in(vd_app *app, vd_list *list);
size_t vd_list_marked_rows_in(const vd_list *list, const vd_row **out,
                              size_t max);
void vd_list_sort_by_in(vd_app *app, vd_list *list, int col);
void vd_list_sort_cycle_in(vd_app *app, vd_list *list, int dir);
void vd_list_sort_reverse_in(vd_app *app, vd_list *list);
void vd_list_set_filter_in(vd_app *app, vd_list *list, const char *filter);
void vd_list_header_in(vd_list *list, const vd_table *t, int y, attr_t attr);
bool vd_list_header_click_in(vd_app *app, vd_list *list, int y, int x);

#endif
