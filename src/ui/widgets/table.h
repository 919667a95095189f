/*
 * table.h: columns that fit the width they are given.
 *
 * A pane describes its columns once (title, narrowest and preferred
 * width, priority); vd_table_layout() drops the least important columns
 * that do not fit, widens the others towards their preferred width and
 * gives what is left to the flexible ones. Cells are then drawn by
 * column index, clipped and aligned.
 */
#ifndef VIRTDECK_UI_TABLE_H
#define VIRTDECK_UI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"
#include "virtdeck/bytes.h"

#define VD_TABLE_MAXCOLS 16

typedef struct vd_col {
    const char *title;          /* full title */
    const char *short_title;    /* when the column is narrower; NULL: title */
    int min;                    /* narrowest useful width */
    int want;                   /* preferred width */
    bool flex;                  /* takes a share of what is left over */
    int max;                    /* widest a flexible column grows; 0: no limit */
    int prio;                   /* 0 never dropped; higher drops first */
    bool right;                 /* right-aligned */
} vd_col;

typedef struct vd_table {
    const vd_col *cols;
    size_t ncols;
    int x;                      /* left edge on screen */
    int width;
    bool shown[VD_TABLE_MAXCOLS];
    int cx[VD_TABLE_MAXCOLS];   /* column start, screen coordinates */
    int cw[VD_TABLE_MAXCOLS];   /* column width */
} vd_table;

/* Lay out ncols columns in [x, x+width). */
void vd_table_layout(vd_table *t, const vd_col *cols, size_t ncols,
                     int x, int width);

/* The same, where column need_col (the names) needs need cells (the
 * widest name; bounded by its max): the other columns are dropped,
 * least important first, before a name is cut. */
void vd_table_layout_need(vd_table *t, const vd_col *cols, size_t ncols,
                          int x, int width, size_t need_col, int need);

/* Draw the column titles on row y, the whole row in attr. */
void vd_table_header(const vd_table *t, int y, attr_t attr);

/* Draw text in column col of row y (nothing when the column is hidden). */
void vd_table_cell(const vd_table *t, size_t col, int y, const char *text,
                   attr_t attr);

/* ---- helpers shared by the list panes ---- */

/* A size in bytes as "512 MiB", "1.0 GiB": vd_fmt_bytes()'s long style
 * under the name the panes use. */
static inline char *
vd_fmt_size(unsigned long long bytes, char *buf, size_t len)
{
    return vd_fmt_bytes((double)bytes, VD_BYTES_LONG, buf, len);
}

/* The attribute of a row: the selection when selected (dimmer when the
 * pane has no focus), role otherwise. */
attr_t vd_row_attr(bool selected, bool focused, vd_role role);

/* The role that colours a domain state. */
vd_role vd_dom_state_role(vd_dom_state state);

/* Draw a list's rows: for each visible row of sel (count rows in total)
 * from screen row y, fill it when selected and call row(). */
typedef void (*vd_row_fn)(vd_app *app, const vd_table *t, size_t i, int y,
                          bool selected, bool focused);
void vd_table_rows(vd_app *app, const vd_table *t, vd_sel *sel, size_t count,
                   int y, int nrows, bool focused, vd_row_fn row);

/* In an object pane, say why there is nothing to list (no host, not
 * connected); true when the pane body is taken by such a note. */
bool vd_pane_note(vd_app *app, const vd_rect *inner, const char *empty);

/* An object pane's list (listview.h) as the table its vd_pane_ops
 * describe: the note of vd_pane_note() when the host is not connected,
 * the header, its empty text when there are no rows, else draw_row()
 * for each visible row (and only those). */
void vd_pane_table(vd_app *app, const vd_rect *inner, bool focused,
                   vd_pane_id pane);

#endif
