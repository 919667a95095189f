/*
 * table.c: column layout for the list panes.
 */
#include <stdio.h>

#include "ui/widgets/listview.h"
#include "ui/widgets/table.h"
#include "ui/widgets/draw.h"

#define GAP 1                   /* blank columns between two columns */

/* Sum of the minimum widths and gaps of the shown columns. */
static int
needed_width(const vd_table *t)
{
    int need = 0, n = 0;

    for (size_t i = 0; i < t->ncols; i++) {
        if (!t->shown[i])
            continue;
        need += t->cols[i].min;
        n++;
    }
    return need + (n > 1 ? (n - 1) * GAP : 0);
}

/* Hide the shown column that matters least; false when none may go. */
static bool
drop_one(vd_table *t)
{
    int worst = -1;

    for (size_t i = 0; i < t->ncols; i++) {
        if (!t->shown[i] || t->cols[i].prio == 0)
            continue;
        if (worst < 0 || t->cols[i].prio >= t->cols[worst].prio)
            worst = (int)i;
    }
    if (worst < 0)
        return false;
    t->shown[worst] = false;
    return true;
}

/* Lay out the columns in [x, x+width). */
void
vd_table_layout(vd_table *t, const vd_col *cols, size_t ncols, int x,
                int width)
{
    vd_table_layout_need(t, cols, ncols, x, width, (size_t)-1, 0);
}

/* Lay out the columns, giving column need_col need cells first. */
void
vd_table_layout_need(vd_table *t, const vd_col *cols, size_t ncols, int x,
                     int width, size_t need_col, int need)
{
    int extra, maxprio = 0, nflex = 0, pos;

    if (ncols > VD_TABLE_MAXCOLS)
        ncols = VD_TABLE_MAXCOLS;
    t->cols = cols;
    t->ncols = ncols;
    t->x = x;
    t->width = width > 0 ? width : 0;
    for (size_t i = 0; i < ncols; i++) {
        t->shown[i] = true;
        t->cw[i] = cols[i].min;
        if (cols[i].prio > maxprio)
            maxprio = cols[i].prio;
    }
    while (needed_width(t) > t->width && drop_one(t))
        ;
    /* the names give way last: other columns go (least important
     * first) before the widest name is cut */
    if (need_col < ncols && t->shown[need_col] && need > cols[need_col].min) {
        if (cols[need_col].max && need > cols[need_col].max)
            need = cols[need_col].max;
        while (needed_width(t) - cols[need_col].min + need > t->width &&
               drop_one(t))
            ;
        extra = t->width - needed_width(t);
        t->cw[need_col] += need - cols[need_col].min < extra
                           ? need - cols[need_col].min : extra;
    }
    extra = t->width - needed_width(t) - (need_col < ncols && t->shown[need_col]
                                          ? t->cw[need_col] - cols[need_col].min : 0);

    /* Towards the preferred widths, most important columns first. */
    for (int prio = 0; prio <= maxprio && extra > 0; prio++) {
        for (size_t i = 0; i < ncols && extra > 0; i++) {
            int grow;

            if (!t->shown[i] || cols[i].prio != prio)
                continue;
            grow = cols[i].want - t->cw[i];
            if (grow > extra)
                grow = extra;
            if (grow > 0) {
                t->cw[i] += grow;
                extra -= grow;
            }
        }
    }
    /* What is left goes to the flexible columns, up to their maximum;
     * anything beyond stays blank at the right. */
    for (;;) {
        int share, given = 0;

        nflex = 0;
        for (size_t i = 0; i < ncols; i++)
            if (t->shown[i] && cols[i].flex &&
                (cols[i].max == 0 || t->cw[i] < cols[i].max))
                nflex++;
        if (extra <= 0 || nflex == 0)
            break;
        share = (extra + nflex - 1) / nflex;
        for (size_t i = 0; i < ncols && extra > 0; i++) {
            int grow = share;

            if (!t->shown[i] || !cols[i].flex ||
                (cols[i].max && t->cw[i] >= cols[i].max))
                continue;
            if (cols[i].max && t->cw[i] + grow > cols[i].max)
                grow = cols[i].max - t->cw[i];
            if (grow > extra)
                grow = extra;
            t->cw[i] += grow;
            extra -= grow;
            given += grow;
        }
        if (given == 0)
            break;
    }

    pos = x;
    for (size_t i = 0; i < ncols; i++) {
        if (!t->shown[i])
            continue;
        t->cx[i] = pos;
        pos += t->cw[i] + GAP;
    }
}

/* The width of column col that lies inside the table. */
static int
visible_width(const vd_table *t, size_t col)
{
    int end = t->x + t->width;
    int w = t->cw[col];

    if (t->cx[col] + w > end)
        w = end - t->cx[col];
    return w;
}

/* Draw the column titles on row y. */
void
vd_table_header(const vd_table *t, int y, attr_t attr)
{
    vd_draw_fill(y, t->x, t->width, attr);
    for (size_t i = 0; i < t->ncols; i++) {
        const char *title = t->cols[i].title;
        int w;

        if (!t->shown[i])
            continue;
        w = visible_width(t, i);
        if (vd_text_width(title) > w && t->cols[i].short_title)
            title = t->cols[i].short_title;
        vd_table_cell(t, i, y, title, attr);
    }
}

/* Draw text in column col of row y. */
void
vd_table_cell(const vd_table *t, size_t col, int y, const char *text,
              attr_t attr)
{
    int w;

    if (col >= t->ncols || !t->shown[col] || !text)
        return;
    w = visible_width(t, col);
    if (w <= 0)
        return;
    if (t->cols[col].right)
        vd_draw_text_right(y, t->cx[col], w, text, attr);
    else
        vd_draw_text(y, t->cx[col], w, text, attr);
}

/* The attribute of a list row. */
attr_t
vd_row_attr(bool selected, bool focused, vd_role role)
{
    if (selected)
        return vd_role_attr(focused ? VD_ROLE_SELECTED
                                    : VD_ROLE_SELECTED_UNFOCUSED);
    return vd_role_attr(role);
}

/* The role that colours a domain state. */
vd_role
vd_dom_state_role(vd_dom_state state)
{
    switch (state) {
    case VD_DOM_RUNNING:
    case VD_DOM_BLOCKED:
        return VD_ROLE_STATE_RUNNING;
    case VD_DOM_PAUSED:
    case VD_DOM_PMSUSPENDED:
        return VD_ROLE_STATE_PAUSED;
    case VD_DOM_SHUTOFF:
        return VD_ROLE_STATE_SHUTOFF;
    case VD_DOM_CRASHED:
        return VD_ROLE_STATE_CRASHED;
    case VD_DOM_NOSTATE:
    case VD_DOM_SHUTDOWN:
    case VD_DOM_STATE_LAST:
        break;
    }
    return VD_ROLE_STATE_OTHER;
}

/* Draw the visible rows of a list. */
void
vd_table_rows(vd_app *app, const vd_table *t, vd_sel *sel, size_t count,
              int y, int nrows, bool focused, vd_row_fn row)
{
    if (nrows <= 0)
        return;
    vd_sel_fit(sel, count, (size_t)nrows);
    for (int r = 0; r < nrows; r++) {
        size_t i = sel->top + (size_t)r;
        bool selected;

        if (i >= count)
            break;
        selected = i == sel->cursor;
        if (selected)
            vd_draw_fill(y + r, t->x, t->width,
                         vd_row_attr(true, focused, VD_ROLE_NORMAL));
        row(app, t, i, y + r, selected, focused);
    }
}

/* Why an object pane is empty, when it is not simply empty. */
bool
vd_pane_note(vd_app *app, const vd_rect *inner, const char *empty)
{
    const vd_snapshot *snap = vd_app_snap(app);
    const char *text = NULL;
    attr_t attr = vd_role_attr(VD_ROLE_DIM);

    if (inner->h <= 0 || inner->w <= 0)
        return true;
    if (!snap)
        text = "no host";
    else if (snap->conn == VD_CONN_CONNECTING)
        text = "connecting";
    else if (snap->conn != VD_CONN_CONNECTED)
        text = "not connected";
    else if (empty)
        text = empty;
    if (!text)
        return false;
    vd_draw_text_center(inner->y + inner->h / 2, inner->x, inner->w, text, attr);
    return true;
}

/* An object pane's list as a table. */
void
vd_pane_table(vd_app *app, const vd_rect *inner, bool focused, vd_pane_id pane)
{
    const vd_pane_ops *ops = vd_pane_get(pane);
    vd_list *list = vd_list_get(app, pane);
    vd_table t;

    if (inner->h <= 0 || inner->w <= 0)
        return;
    if (!vd_app_connected(app)) {
        vd_pane_note(app, inner, NULL);
        return;
    }
    /* the names (the first column) give way last */
    vd_table_layout_need(&t, ops->columns, ops->ncols, inner->x + 1,
                         inner->w - 2, 0, vd_list_source_name_width(list));
    vd_list_header(list, &t, inner->y, vd_role_attr(VD_ROLE_COLUMN_HEADER));
    if (list->n == 0) {
        vd_rect body = { inner->y + 1, inner->x, inner->h - 1, inner->w };

        /* a connection's first picture has no networks or pools yet */
        vd_pane_note(app, &body, vd_app_snap(app)->partial ? "reading..." : ops->empty);
        return;
    }
    vd_table_rows(app, &t, list->cur, list->n, inner->y + 1, inner->h - 1,
                  focused, ops->draw_row);
}
