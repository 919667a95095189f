/*
 * help.c: the help, a view over the others (view.h), generated from
 * the key table of what it covers so that it always lists every key.
 * It covers the panes area; sections flow into
 * as many columns as the height needs, and on more pages (PgDn) when
 * the columns would get too narrow to read. Any other key closes it.
 */
#include <stdio.h>
#include <string.h>

#include "ui/widgets/draw.h"
#include "ui/app/keys.h"
#include "ui/ui_priv.h"
#include "ui/app/view.h"

#define MAX_LINES 96
#define COL_GAP 3
#define MIN_DESC 18             /* narrowest description worth showing */

/* Paging when the columns would be too narrow to read: the page shown
 * and how many there were at the last draw. One help per process. */
static int help_page;
static int help_pages = 1;

typedef struct help_line {
    char heading[64];           /* a section title, or "" for a key line */
    char keys[48];              /* "j, Down" */
    const char *desc;
    char panes[64];             /* "(Hosts)", or "" */
    int col, row;               /* where it goes */
} help_line;

/* Whether bindings a and b are the same action (one help line). */
static bool
same_action(const vd_binding *a, const vd_binding *b)
{
    return a->fn == b->fn && a->arg == b->arg && a->panes == b->panes &&
           strcmp(a->desc, b->desc) == 0;
}

/* The panes every binding of the run of group that starts at table
 * index first applies to when they all agree, else VD_PANES_ALL (the
 * section's heading names them; a binding of the same group further on
 * that differs names its own). */
static unsigned int
group_panes(const vd_binding *b, size_t nb, size_t first)
{
    unsigned int mask = b[first].panes;

    for (size_t i = first; i < nb && strcmp(b[i].group, b[first].group) == 0; i++)
        if (b[i].panes != mask)
            return VD_PANES_ALL;
    return mask;
}

/* Whether b[i]'s group already came earlier in the table. */
static bool
group_seen(const vd_binding *b, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(b[j].group, b[i].group) == 0)
            return true;
    return false;
}

/* Turn the key table into help lines; returns how many. Each group is
 * one section, where its first binding stands, with every binding of
 * that group (a table composed of several, like the top view's and the
 * domain actions', may list a group in more than one place). */
static size_t
collect(const vd_binding *b, size_t nb, help_line *lines, size_t max,
        bool pane_names)
{
    size_t n = 0;
    char buf[48];

    for (size_t g = 0; g < nb && n < max; g++) {
        const vd_binding *prev = NULL;
        unsigned int gmask;
        help_line *l;

        if (group_seen(b, g))
            continue;
        gmask = pane_names ? group_panes(b, nb, g) : VD_PANES_ALL;
        l = &lines[n++];
        memset(l, 0, sizeof(*l));
        if ((gmask & VD_PANES_ALL) == VD_PANES_ALL)
            snprintf(l->heading, sizeof(l->heading), "%s", b[g].group);
        else
            snprintf(l->heading, sizeof(l->heading), "%s (%s pane)", b[g].group,
                     vd_keys_panes_text(gmask, buf, sizeof(buf)));
        for (size_t i = g; i < nb && n < max; i++) {
            if (strcmp(b[i].group, b[g].group) != 0)
                continue;
            if (prev && same_action(prev, &b[i])) {
                l = &lines[n - 1];
                strncat(l->keys, ", ", sizeof(l->keys) - strlen(l->keys) - 1);
                strncat(l->keys, b[i].name, sizeof(l->keys) - strlen(l->keys) - 1);
                continue;
            }
            prev = &b[i];
            l = &lines[n++];
            memset(l, 0, sizeof(*l));
            snprintf(l->keys, sizeof(l->keys), "%s", b[i].name);
            l->desc = b[i].desc;
            if (pane_names && b[i].panes != gmask)
                snprintf(l->panes, sizeof(l->panes), "(%s)",
                         vd_keys_panes_text(b[i].panes, buf, sizeof(buf)));
        }
    }
    return n;
}

/* Place the lines in columns of rows lines, keeping a section in one
 * column when it fits in a fresh one. Returns the number of columns. */
static int
pack(help_line *lines, size_t n, int rows)
{
    int col = 0, row = 0;

    for (size_t i = 0; i < n; i++) {
        if (lines[i].heading[0]) {
            int len = 1;

            while (i + len < n && !lines[i + len].heading[0])
                len++;
            /* A blank line before each section but the column's first. */
            if (row > 0)
                row++;
            /* a section that fits a fresh column starts one; a longer
             * one starts one too when its heading would stand alone at
             * the bottom */
            if (row > 0 && ((row + len > rows && len <= rows) || row + 2 > rows)) {
                col++;
                row = 0;
            }
        }
        if (row >= rows) {
            col++;
            row = 0;
        }
        lines[i].col = col;
        lines[i].row = row++;
    }
    return col + 1;
}

/* One help line in a column of width w at (y, x); keyw is the width of
 * the keys field. */
static void
draw_line(const help_line *l, int y, int x, int w, int keyw)
{
    int used;

    if (l->heading[0]) {
        vd_draw_text(y, x, w, l->heading, vd_role_attr(VD_ROLE_PANE_TITLE));
        return;
    }
    vd_draw_text(y, x + 1, keyw, l->keys, vd_role_attr(VD_ROLE_HELP_KEY));
    used = 1 + keyw + 2;
    if (used >= w)
        return;
    used += vd_draw_text(y, x + used, w - used, l->desc,
                         vd_role_attr(VD_ROLE_HELP_TEXT));
    if (l->panes[0] && used + 1 + vd_text_width(l->panes) <= w)
        vd_draw_text(y, x + used + 1, w - used - 1, l->panes,
                     vd_role_attr(VD_ROLE_DIM));
}

/* A key while the help is shown: true when it turned a page (the help
 * stays), false when the help should close. */
static bool
help_page_key(vd_app *app, int key)
{
    if ((key == VD_KEY(KEY_NPAGE) || key == ' ') && help_page + 1 < help_pages) {
        help_page++;
        app->dirty = true;
        return true;
    }
    if (key == VD_KEY(KEY_PPAGE) && help_page > 0) {
        help_page--;
        app->dirty = true;
        return true;
    }
    help_page = 0;
    return false;
}

/* Draw the help over what it covers. */
static void
help_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    help_line lines[MAX_LINES];
    vd_binding table[MAX_LINES];
    size_t nb = 0, n;
    const vd_binding *src;
    size_t nsrc;
    const char *footer[4];
    char pagebuf[128];
    bool pane_note = false;
    size_t nfooter = 0;
    int keyw = 0, linew = 0, footw = 0, ncols, rows, colw;
    vd_rect box, inner;

    (void)v;
    (void)area;
    /* no text cursor of a form below shows through */
    app->cur_y = app->cur_x = -1;
    /* The covered view's keys and the common ones, or the main screen's. */
    if (vd_views_owner(app)) {
        src = vd_views_keys(app, &nsrc);
        for (size_t i = 0; i < nsrc && nb < MAX_LINES; i++)
            table[nb++] = src[i];
        src = vd_views_common_keys(&nsrc);
        for (size_t i = 0; i < nsrc && nb < MAX_LINES; i++)
            table[nb++] = src[i];
        src = table;
    } else {
        /* The focused pane's keys and those of every pane: the whole
         * table no longer fits an 80x24 screen. */
        src = vd_keys_table(&nsrc);
        for (size_t i = 0; i < nsrc && nb < MAX_LINES; i++)
            if (src[i].panes & VD_PANE_BIT(app->focus))
                table[nb++] = src[i];
        src = table;
        pane_note = true;
    }
    /* (a view's keys are its own: no pane names in its help) */
    n = collect(src, nb, lines, MAX_LINES, pane_note);

    if (app->mouse)
        footer[nfooter++] = "Mouse: a click selects a row and its pane; "
                            "the wheel scrolls.";
    footer[nfooter++] = "Rows are kept by UUID: the cursor follows its VM "
                        "when lists change.";
    if (pane_note)
        footer[nfooter++] = "Each pane has its own keys: Tab to it, then ?.";

    for (size_t i = 0; i < n; i++) {
        int kw;

        if (lines[i].heading[0])
            continue;
        kw = vd_text_width(lines[i].keys);
        if (kw > keyw)
            keyw = kw;
    }
    for (size_t i = 0; i < n; i++) {
        int lw;

        if (lines[i].heading[0])
            lw = vd_text_width(lines[i].heading);
        else
            lw = 1 + keyw + 2 + vd_text_width(lines[i].desc) +
                 (lines[i].panes[0] ? 1 + vd_text_width(lines[i].panes) : 0);
        if (lw > linew)
            linew = lw;
    }

    /* The body area, or the whole screen when it has no body. */
    box = app->body;
    if (box.h < 3)
        box = (vd_rect){ 0, 0, LINES, COLS };
    if (box.h < 3 || box.w < 8)
        return;
    /* Room for: border, blank, lines, blank, footers (and the paging
     * line), border. */
    rows = box.h - 4 - (int)nfooter - 1;
    if (rows < 1)
        rows = 1;
    ncols = pack(lines, n, rows);
    /* The shortest columns that need no more of them. */
    while (rows > 1 && pack(lines, n, rows - 1) <= ncols)
        rows--;
    pack(lines, n, rows);
    {
        /* As many columns as stay readable; the rest on more pages. */
        int minw = 1 + keyw + 2 + MIN_DESC;
        int fit = (box.w - 4 + COL_GAP) / (minw + COL_GAP);

        if (fit < 1)
            fit = 1;
        help_pages = (ncols + fit - 1) / fit;
        if (help_page >= help_pages)
            help_page = help_pages - 1;
        if (help_pages > 1) {
            int first = help_page * fit;

            for (size_t i = 0; i < n; i++)
                lines[i].col -= first;  /* other pages' columns go off range */
            ncols = fit;
            snprintf(pagebuf, sizeof(pagebuf), "Page %d of %d: %s; any other "
                     "key closes this help.", help_page + 1, help_pages,
                     help_page + 1 < help_pages ? "PgDn or Space for more keys" :
                     "PgUp for the keys before");
            footer[nfooter++] = pagebuf;
        }
    }
    for (size_t i = 0; i < nfooter; i++)
        if (vd_text_width(footer[i]) > footw)
            footw = vd_text_width(footer[i]);
    if (ncols * (linew + COL_GAP) + 1 > footw)
        footw = ncols * (linew + COL_GAP) + 1;
    if (box.w > footw + 4)
        box.w = footw + 4;
    if (box.h > rows + 4 + (int)nfooter)
        box.h = rows + 4 + (int)nfooter;
    box.y += ((app->body.h >= 3 ? app->body.h : LINES) - box.h) / 2;
    box.x = (COLS - box.w) / 2;
    inner = (vd_rect){ box.y + 1, box.x + 2, box.h - 2, box.w - 4 };
    colw = (inner.w - (ncols - 1) * COL_GAP) / ncols;

    vd_draw_clear(&box, vd_role_attr(VD_ROLE_HELP_TEXT));
    vd_draw_box(&box, vd_role_attr(VD_ROLE_BORDER_FOCUS));
    vd_draw_text_center(box.y, box.x + 1, box.w - 2, " virtdeck keys ",
                        vd_role_attr(VD_ROLE_HELP_TITLE));
    /* on several pages the footer line says which keys turn them */
    vd_draw_text_center(box.y + box.h - 1, box.x + 1, box.w - 2,
                        help_page + 1 < help_pages ? " PgDn or Space: more keys "
                        : help_pages > 1 ? " PgUp: the keys before "
                                         : " any key closes this help ",
                        vd_role_attr(VD_ROLE_HELP_TITLE));

    for (size_t i = 0; i < n; i++) {
        int y = inner.y + 1 + lines[i].row;

        if (lines[i].row >= rows || lines[i].col < 0 || lines[i].col >= ncols)
            continue;
        draw_line(&lines[i], y, inner.x + lines[i].col * (colw + COL_GAP), colw,
                  keyw);
    }
    for (size_t i = 0; i < nfooter; i++)
        vd_draw_text(inner.y + inner.h - (int)nfooter + (int)i, inner.x, inner.w,
                     footer[i], vd_role_attr(VD_ROLE_DIM));
}

/* Any key closes the help but those that turn its pages; a click
 * closes it too (the wheel does nothing). */
static bool
help_key(vd_app *app, vd_view *v, int key)
{
    (void)v;
    if (key == VD_KEY(KEY_MOUSE) &&
        !(app->mev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return true;
    if (key != VD_KEY(KEY_MOUSE) && help_page_key(app, key))
        return true;
    help_page = 0;
    vd_view_pop(app);
    return true;
}

static const vd_view_ops help_ops = {
    .name = "help",
    .draw = help_draw,
    .key = help_key,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_Q | VD_VIEW_NO_HELP |
             VD_VIEW_TRANSPARENT,
};

/* Push the help. */
void
vd_help_show(vd_app *app)
{
    if (vd_view_find(app, &help_ops))
        return;
    help_page = 0;
    vd_view_push(app, &help_ops, NULL, "Help");
}
