/*
 * lineedit.c: the editing keys of a line (line_model.c) and its drawing.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/lineedit.h"

/* Display width of the character at off. */
static int
char_width(const vd_line *l, size_t off)
{
    mbstate_t st;
    wchar_t wc;
    size_t r;
    int w;

    memset(&st, 0, sizeof(st));
    r = mbrtowc(&wc, l->buf + off, l->len - off, &st);
    if (r == (size_t)-1 || r == (size_t)-2 || r == 0)
        return 1;
    w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

/* Apply an editing key. */
vd_line_res
vd_line_key(vd_line *l, int key)
{
    switch (key) {
    case VD_KEY(KEY_LEFT):
        return vd_line_edit(l, VD_EDIT_LEFT);
    case VD_KEY(KEY_RIGHT):
        return vd_line_edit(l, VD_EDIT_RIGHT);
    case VD_KEY(KEY_HOME):
    case VD_CTRL('a'):
        return vd_line_edit(l, VD_EDIT_HOME);
    case VD_KEY(KEY_END):
    case VD_CTRL('e'):
        return vd_line_edit(l, VD_EDIT_END);
    case VD_KEY(KEY_BACKSPACE):
    case 127:
    case VD_CTRL('h'):
        return vd_line_edit(l, VD_EDIT_BACKSPACE);
    case VD_KEY(KEY_DC):
    case VD_CTRL('d'):
        return vd_line_edit(l, VD_EDIT_DELETE);
    case VD_CTRL('u'):
        return vd_line_edit(l, VD_EDIT_KILL_START);
    case VD_CTRL('k'):
        return vd_line_edit(l, VD_EDIT_KILL_END);
    case VD_CTRL('w'):
        return vd_line_edit(l, VD_EDIT_KILL_WORD);
    default:
        break;
    }
    if (!l->buf)
        vd_line_set(l, "");
    if (vd_line_insert(l, key))
        return VD_LINE_CHANGED;
    return VD_LINE_IGNORED;
}

/* Draw the visible part of the line. */
int
vd_line_draw(vd_line *l, int y, int x, int w, attr_t attr, bool mask)
{
    int curcol = 0, col = 0, used = 0;
    size_t p, start = 0;
    char *vis;
    size_t vlen = 0;

    if (!l->buf)
        vd_line_set(l, "");
    vd_draw_fill(y, x, w, attr);
    if (w <= 0)
        return x;
    /* The cursor's column in the whole text. */
    for (p = 0; p < l->cur && p < l->len; p = vd_line_next(l, p))
        curcol += mask ? 1 : char_width(l, p);
    if (curcol < l->scroll)
        l->scroll = curcol;
    if (curcol > l->scroll + w - 1)
        l->scroll = curcol - (w - 1);
    /* Skip the columns scrolled off at the left. */
    for (p = 0; p < l->len && col < l->scroll; p = vd_line_next(l, p))
        col += mask ? 1 : char_width(l, p);
    start = p;
    if (!(vis = malloc(l->len - start + 1 + (mask ? l->len : 0))))
        return x;
    for (p = start; p < l->len; p = vd_line_next(l, p)) {
        int cw = mask ? 1 : char_width(l, p);
        size_t cl = vd_line_next(l, p) - p;

        if (used + cw > w)
            break;
        if (mask) {
            vis[vlen++] = '*';
        } else {
            memcpy(vis + vlen, l->buf + p, cl);
            vlen += cl;
        }
        used += cw;
    }
    vis[vlen] = '\0';
    vd_draw_text(y, x, w, vis, attr);
    free(vis);
    return x + curcol - l->scroll;
}
