/*
 * listview.h: the list component on the screen — the rows an object
 * pane or the top view shows, sorted, filtered and marked, with a
 * cursor kept by host + UUID.
 *
 * The model (rows, sort, filter, marks, cursor, moves) is list_model.h,
 * curses-free and unit-tested. This file connects it to the app: row
 * sources read the snapshots the app holds (by default the selected
 * host's objects of a pane; the all-hosts view and the top view plug in
 * vd_list_all_domains), the list is rebuilt — filtered and sorted once
 * — only when a snapshot, the selected host, the sort or the filter
 * changed, and keys, the wheel and clicks on the header move the cursor
 * or sort.
 *
 * Each object pane has one list in the app (vd_list_get(); its cursor
 * is the pane's per-host cursor, so each host keeps its own); a view
 * makes its own with vd_list_new() and refreshes it with
 * vd_list_refresh() (its cursor is the list's own).
 *
 * A list never formats rows: the pane or view draws only the visible
 * rows (vd_table_rows(), or vd_list_visible()).
 */
#ifndef VIRTDECK_UI_LISTVIEW_H
#define VIRTDECK_UI_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/widgets/list_model.h"
#include "ui/widgets/table.h"
#include "ui/ui_priv.h"

/* The widest name among the rows shown (terminal columns), at least lo
 * and at most hi: what a name column wants so that no name is cut
 * while the screen has room. Computed once per rebuild. */
int vd_list_name_width(vd_list *list, int lo, int hi);
/* The widest name of the source's rows, before the filter. */
int vd_list_source_name_width(vd_list *list);

/* ---- a pane's list ---- */

/* The rows of pane (rebuilt when anything they depend on changed),
 * its cursor the pane's cursor on the selected host (the hosts pane's:
 * its own, app->host_sel). */
vd_list *vd_list_get(vd_app *app, vd_pane_id pane);
/* Row i of pane, or NULL. */
const vd_row *vd_app_row(vd_app *app, vd_pane_id pane, size_t i);
/* Plug a row source into pane (NULL: the pane's own, vd_pane_ops). */
void vd_list_set_source(vd_app *app, vd_pane_id pane, vd_row_source_fn fn);
/* Force a rebuild (the source's own inputs changed). */
void vd_list_invalidate(vd_app *app, vd_pane_id pane);
/* Free every pane's list (at exit). */
void vd_lists_free(vd_app *app);

/* The row source of every connected host's domains (the all-hosts view
 * and the top view). */
void vd_list_all_domains(vd_app *app, vd_list *list);

/* ---- a view's list ---- */

/* Rebuild list when a snapshot, the sort or the filter changed; true
 * when it did. Call it before reading rows: they point into the
 * snapshots the app holds now. */
bool vd_list_refresh(vd_app *app, vd_list *list);

/* ---- on any list (the app is told to redraw) ---- */

/* Sort by column col (toggles the direction when it already is). */
void vd_list_sort_by(vd_app *app, vd_list *list, int col);
/* The next (dir 1) or previous sortable column. */
void vd_list_sort_cycle(vd_app *app, vd_list *list, int dir);
void vd_list_sort_reverse(vd_app *app, vd_list *list);
/* Say on the status line what list is sorted by. */
void vd_list_say_sort(vd_app *app, const vd_list *list);
/* Set the filter (list_model.h); "" clears it. */
void vd_list_set_filter(vd_app *app, vd_list *list, const char *filter);
/* Ask for list's filter with a prompt that applies it as it is typed;
 * Esc puts the old one back. When owner is given, the prompt acts only
 * while owner is alive (a view's list). */
void vd_list_filter_prompt(vd_app *app, vd_list *list,
                           const struct vd_view *owner);
void vd_list_toggle_mark(vd_app *app, vd_list *list, const vd_row *row);
void vd_list_clear_marks(vd_app *app, vd_list *list);
/* The marked rows of pane that are shown now (list_model.h). */
size_t vd_list_marked_rows(vd_app *app, vd_pane_id pane, const vd_row **out,
                           size_t max);

/* Move list's cursor (page: the rows PgDn moves); true when it moved.
 * The next draw scrolls it into view. */
bool vd_list_go(vd_app *app, vd_list *list, vd_list_move_kind how,
                size_t page);
/* The move a key means in a list (j k Up Down PgUp PgDn g G Home End);
 * false for other keys. */
bool vd_list_key_move(int key, vd_list_move_kind *how);

/* Draw t's header at y with the sort column marked (an arrow after its
 * title) and remember the titles' places for clicks. */
void vd_list_header(vd_list *list, const vd_table *t, int y, attr_t attr);
/* What vd_list_mouse() did. */
typedef enum {
    VD_LIST_MOUSE_NONE = 0,     /* not the list's */
    VD_LIST_MOUSE_MOVED,        /* the wheel or a click on a row */
    VD_LIST_MOUSE_SORTED,       /* a click on a title */
} vd_list_mouse_result;

/* A mouse event on list shown with its rows from screen row rows_y
 * (nrows of them): the wheel moves the cursor, a click on a title
 * sorts, a click on a row selects it. */
vd_list_mouse_result vd_list_mouse(vd_app *app, vd_list *list,
                                   const MEVENT *ev, int rows_y, int nrows);

#endif
