/*
 * list_model.h: the list component's model — rows kept by host + UUID,
 * sorted, filtered and marked, with a cursor that stays on its object.
 *
 * This part knows nothing of curses or of the app: it is built into the
 * UI-model library (no curses, no libvirt; tests/unit/test_list_model.c
 * drives it). listview.h puts it on the screen: row sources from the
 * snapshots, the header with its sort arrow, the panes' and the top
 * view's lists.
 *
 * A list's life: vd_list_begin(), vd_list_add() for every row of the
 * source, vd_list_finish() — which filters, sorts once and puts the
 * cursor back on its host + UUID. Sorting and filtering happen only
 * there, once per change of the data, the sort or the filter, never per
 * key: a key that moves the cursor touches only the cursor.
 */
#ifndef VIRTDECK_UI_LIST_MODEL_H
#define VIRTDECK_UI_LIST_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/model.h"

#define VD_LIST_MAXCOLS 16

struct vd_app;
typedef struct vd_list vd_list;

/* One row: an object of one host. obj, uuid and name are borrowed from
 * whatever the source read them from (a snapshot the app holds). uuid
 * is the row's identity: the object's UUID, or for objects that have
 * none another key unique in the list and shorter than VD_UUID_LEN (a
 * row of the hosts pane: "host:ID", its host being the row's own). */
typedef struct vd_row {
    size_t host;                /* index into the app's hosts */
    const void *obj;            /* vd_domain, vd_network, vd_pool, vd_ui_host */
    const char *uuid;
    const char *name;
} vd_row;

/* A cursor: the row, the first visible row, and the object (host and
 * UUID, or key) so that it survives reordering. */
typedef struct vd_list_cursor {
    size_t cursor;
    size_t top;
    char uuid[VD_UUID_LEN];
    size_t host;
} vd_list_cursor;

/* A comparator of one column: <0, 0, >0 as a sorts before b. */
typedef int (*vd_row_cmp_fn)(const vd_row *a, const vd_row *b);

/* How a list's rows sort and filter. */
typedef struct vd_list_kind {
    /* cmp[c]: order by column c (NULL: c does not sort). Ties are
     * broken by name, then UUID. */
    vd_row_cmp_fn cmp[VD_LIST_MAXCOLS];
    /* desc[c]: column c sorts largest first (the comparators of a set
     * order ascending; a monitor wants its figures largest first). */
    bool desc[VD_LIST_MAXCOLS];
    const char *names[VD_LIST_MAXCOLS]; /* column names for messages */
    size_t ncols;
    int default_col;            /* sort column at start */
    /* Whether row matches one filter term "key:value" (key is never
     * empty); false for unknown keys. ctx: what vd_list_finish() got
     * (the app). NULL: only plain terms. */
    bool (*match)(const void *ctx, const vd_row *row, const char *key,
                  const char *value);
} vd_list_kind;

/* A row source (listview.c calls it between begin and finish). */
typedef void (*vd_row_source_fn)(struct vd_app *app, vd_list *list);

/* Cursor moves. */
typedef enum {
    VD_MOVE_UP, VD_MOVE_DOWN, VD_MOVE_PAGE_UP, VD_MOVE_PAGE_DOWN,
    VD_MOVE_HOME, VD_MOVE_END, VD_MOVE_WHEEL_UP, VD_MOVE_WHEEL_DOWN,
} vd_list_move_kind;

#define VD_LIST_WHEEL_ROWS 3

struct vd_list {
    vd_row *rows;               /* the rows shown: filtered, sorted */
    size_t n, cap;
    size_t total;               /* rows before the filter */
    const vd_list_kind *kind;   /* NULL: no sorting, source order */
    int sort_col;
    bool reverse;
    char filter[256];
    char **marks;               /* marked rows: "HOST UUID" */
    size_t nmarks;
    vd_list_cursor own;         /* the cursor of a list of its own */
    vd_list_cursor *cur;        /* the cursor in use (own, or a pane's
                                 * per-host cursor); never NULL */
    unsigned int gen;           /* bumped by sort/filter changes */
    unsigned int builds;        /* bumped by every vd_list_finish() */
    /* Header titles of the last draw (for clicks). */
    int hdr_y;
    int hx0[VD_LIST_MAXCOLS], hx1[VD_LIST_MAXCOLS];
    size_t nh;
    /* ---- listview.c's ---- */
    vd_row_source_fn source;    /* NULL: the selected host's objects */
    int pane;                   /* the pane (vd_pane_id) of a pane's list */
    unsigned long long key;     /* what the rows were built from */
    unsigned int built_gen;
    bool built;
    int name_w;                 /* widest name of the source (-1: not
                                 * measured yet) */
    int name_w_shown;           /* widest name of the rows shown (-1) */
};

/* A new list sorting by kind->default_col (kind may be NULL); NULL
 * when out of memory. Free it with vd_list_free(). */
vd_list *vd_list_new(const vd_list_kind *kind, vd_row_source_fn source);
/* Free list and its rows and marks (NULL is fine). */
void vd_list_free(vd_list *list);

/* Rebuilding: forget the rows, add the source's, then filter and sort
 * them once and put the cursor back on its object (ctx goes to the
 * kind's match). */
void vd_list_begin(vd_list *list);
void vd_list_add(vd_list *list, size_t host, const void *obj,
                 const char *uuid, const char *name);
void vd_list_finish(vd_list *list, const void *ctx);

/* Give list a kind (sort column: its default when none was chosen);
 * true when it changed. */
bool vd_list_kind_set(vd_list *list, const vd_list_kind *kind);

/* Whether column c sorts. */
bool vd_list_sortable(const vd_list *list, int c);
/* Sort by column col (again: reverse); false when col does not sort. */
bool vd_list_sort_col(vd_list *list, int col);
/* The next (dir > 0) or previous sortable column; false when none. */
bool vd_list_sort_next(vd_list *list, int dir);
/* Reverse the order. */
void vd_list_sort_flip(vd_list *list);
/* "name" or "name, reversed" (the kind's name of the sort column) in
 * buf; "" when the list does not sort. */
const char *vd_list_sort_text(const vd_list *list, char *buf, size_t len);

/* The filter: blank-separated terms that must all match; a plain term
 * matches the name (case-insensitive substring), "key:value" goes to
 * kind->match. "" (or NULL) clears it. */
void vd_list_filter_set(vd_list *list, const char *filter);
/* Whether row passes the filter. */
bool vd_list_filter_matches(const vd_list *list, const void *ctx,
                            const vd_row *row);

/* Marks, by host and UUID (two hosts may hold one UUID). */
bool vd_list_marked(const vd_list *list, const vd_row *row);
/* Toggle row's mark; false when out of memory or row has no UUID. */
bool vd_list_mark_toggle(vd_list *list, const vd_row *row);
void vd_list_marks_clear(vd_list *list);
/* The marked rows that are shown, in row order: fills out (up to max)
 * and returns how many there are. */
size_t vd_list_marked_rows_in(const vd_list *list, const vd_row **out,
                              size_t max);

/* The cursor's row, or NULL when the list is empty. */
const vd_row *vd_list_cursor_row(const vd_list *list);
/* Put the cursor on row i (clamped) and remember its object. */
void vd_list_select(vd_list *list, size_t i);
/* Move the cursor (page: rows a page moves); true when it moved. */
bool vd_list_move(vd_list *list, vd_list_move_kind how, size_t page);
/* The row index a move leads to from cursor in count rows. */
size_t vd_list_move_index(size_t cursor, size_t count, vd_list_move_kind how,
                          size_t page);
/* Put the cursor back on its host + UUID after the rows changed (else
 * on the same UUID on another host, else the same row number). */
void vd_list_retrack(vd_list *list);
/* Scroll sel so that its cursor is visible in page rows of count. */
void vd_sel_fit(vd_list_cursor *sel, size_t count, size_t page);

/* The header: the titles' columns [x0[i], x1[i]) at row y (x0 -1: not
 * shown), from the last draw. */
void vd_list_header_place(vd_list *list, int y, size_t ncols, const int *x0,
                          const int *x1);
/* The sortable column whose title is at (y, x), or -1. */
int vd_list_header_col(const vd_list *list, int y, int x);

#endif
