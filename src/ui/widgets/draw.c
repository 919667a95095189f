/*
 * draw.c: clipped text, boxes and bars on stdscr.
 *
 * Text is decoded from UTF-8 with mbrtowc() and measured with
 * wcwidth(); characters the terminal cannot show (controls, bytes that
 * are not valid in the locale, anything above ASCII in a non-UTF-8
 * locale) become '?', so a name from a guest never breaks the screen.
 */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "ui/widgets/draw.h"

#define MAX_TEXT 1024           /* characters decoded per call */

static const char *const glyphs_utf8[VD_GLYPH_LAST] = {
    [VD_GLYPH_HLINE] = "\u2500",        /* ─ */
    [VD_GLYPH_VLINE] = "\u2502",        /* │ */
    [VD_GLYPH_ULCORNER] = "\u250c",     /* ┌ */
    [VD_GLYPH_URCORNER] = "\u2510",     /* ┐ */
    [VD_GLYPH_LLCORNER] = "\u2514",     /* └ */
    [VD_GLYPH_LRCORNER] = "\u2518",     /* ┘ */
    [VD_GLYPH_BAR_FULL] = "\u2588",     /* █ */
    [VD_GLYPH_BAR_EMPTY] = "\u2591",    /* ░ */
    [VD_GLYPH_ELLIPSIS] = "\u2026",     /* … */
    [VD_GLYPH_MARK] = "\u25cf",         /* ● */
    [VD_GLYPH_DOT] = "\u25cf",          /* ● */
    [VD_GLYPH_SEP] = "\u2502",          /* │ */
};

static const char *const glyphs_ascii[VD_GLYPH_LAST] = {
    [VD_GLYPH_HLINE] = "-",
    [VD_GLYPH_VLINE] = "|",
    [VD_GLYPH_ULCORNER] = "+",
    [VD_GLYPH_URCORNER] = "+",
    [VD_GLYPH_LLCORNER] = "+",
    [VD_GLYPH_LRCORNER] = "+",
    [VD_GLYPH_BAR_FULL] = "#",
    [VD_GLYPH_BAR_EMPTY] = ".",
    [VD_GLYPH_ELLIPSIS] = "~",
    [VD_GLYPH_MARK] = "*",
    [VD_GLYPH_DOT] = "*",
    [VD_GLYPH_SEP] = "|",
};

/* Left eighth blocks for the fractional end of a UTF-8 bar. */
static const wchar_t eighths[8] = {
    L' ', 0x258f, 0x258e, 0x258d, 0x258c, 0x258b, 0x258a, 0x2589,
};

static bool locale_utf8;        /* the locale can show any character */
static bool glyph_utf8;         /* the UTF-8 glyph set is in use */

/* Choose the glyph set from the locale and the ascii option. */
void
vd_draw_setup(bool ascii)
{
    const char *cs = nl_langinfo(CODESET);

    locale_utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 ||
                         strcasecmp(cs, "utf8") == 0);
    glyph_utf8 = locale_utf8 && !ascii;
}

/* Whether the UTF-8 glyph set is in use. */
bool
vd_draw_utf8(void)
{
    return glyph_utf8;
}

/* The glyph's text in the current set. */
const char *
vd_glyph_str(vd_glyph g)
{
    if ((int)g < 0 || g >= VD_GLYPH_LAST)
        return "?";
    return glyph_utf8 ? glyphs_utf8[g] : glyphs_ascii[g];
}

/* Decode UTF-8 s into at most max characters with their widths.
 * *more is set when s had characters left over. */
static size_t
decode(const char *s, wchar_t *wcs, int *widths, size_t max, bool *more)
{
    mbstate_t st;
    size_t left = strlen(s);
    size_t n = 0;

    memset(&st, 0, sizeof(st));
    while (left > 0 && n < max) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, s, left, &st);
        int w;

        if (r == (size_t)-1 || r == (size_t)-2) {
            wc = L'?';
            r = 1;
            memset(&st, 0, sizeof(st));
        } else if (r == 0) {
            break;
        }
        if (!locale_utf8 && wc >= 0x80)
            wc = L'?';
        w = wcwidth(wc);
        if (w < 0) {
            wc = (wc == L'\t' || wc == L'\n') ? L' ' : L'?';
            w = 1;
        }
        wcs[n] = wc;
        widths[n] = w;
        n++;
        s += r;
        left -= r;
    }
    if (more)
        *more = left > 0;
    return n;
}

/* Display width of UTF-8 text. */
int
vd_text_width(const char *s)
{
    wchar_t wcs[MAX_TEXT];
    int widths[MAX_TEXT];
    size_t n;
    int total = 0;

    if (!s)
        return 0;
    n = decode(s, wcs, widths, MAX_TEXT, NULL);
    for (size_t i = 0; i < n; i++)
        total += widths[i];
    return total;
}

/* Put n decoded characters at (y, x); the caller made sure they fit. */
static void
put_wcs(int y, int x, const wchar_t *wcs, size_t n, attr_t attr)
{
    if (n == 0)
        return;
    attrset(attr);
    mvaddnwstr(y, x, wcs, (int)n);
    attrset(A_NORMAL);
}

/* Clip a row segment to the screen: adjusts *x and *w, false when
 * nothing is left. */
static bool
clip_row(int y, int *x, int *w)
{
    if (y < 0 || y >= LINES || *w <= 0)
        return false;
    if (*x < 0) {
        *w += *x;
        *x = 0;
    }
    if (*x + *w > COLS)
        *w = COLS - *x;
    return *w > 0;
}

/* Draw s in at most maxw columns with an ellipsis when cut. */
int
vd_draw_text(int y, int x, int maxw, const char *s, attr_t attr)
{
    wchar_t wcs[MAX_TEXT + 1];
    int widths[MAX_TEXT];
    wchar_t ell[4];
    int ellw[4];
    size_t n, nell, keep = 0;
    int total = 0, used = 0;
    bool more;

    if (!s || x < 0 || !clip_row(y, &x, &maxw))
        return 0;
    n = decode(s, wcs, widths, MAX_TEXT, &more);
    for (size_t i = 0; i < n; i++)
        total += widths[i];
    if (total <= maxw && !more) {
        put_wcs(y, x, wcs, n, attr);
        return total;
    }

    nell = decode(vd_glyph_str(VD_GLYPH_ELLIPSIS), ell, ellw, 3, NULL);
    if (ellw[0] > maxw)
        nell = 0;
    while (keep < n && used + widths[keep] + (nell ? ellw[0] : 0) <= maxw)
        used += widths[keep++];
    /* Zero-width characters combine with the last one kept. */
    while (keep < n && widths[keep] == 0)
        keep++;
    if (nell) {
        wcs[keep] = ell[0];
        used += ellw[0];
        keep++;
    }
    put_wcs(y, x, wcs, keep, attr);
    return used;
}

/* Draw s in at most maxw columns, eliding its middle when longer (for
 * URIs and paths, whose ends say the most). Returns the columns used. */
int
vd_draw_text_mid(int y, int x, int maxw, const char *s, attr_t attr)
{
    wchar_t wcs[MAX_TEXT], out[MAX_TEXT + 4];
    int widths[MAX_TEXT];
    wchar_t ell[4];
    int ellw[4];
    size_t n, head = 0, tail, k = 0;
    int total = 0, hw = 0, tw = 0, budget;
    bool more;

    if (!s || x < 0 || !clip_row(y, &x, &maxw))
        return 0;
    n = decode(s, wcs, widths, MAX_TEXT, &more);
    for (size_t i = 0; i < n; i++)
        total += widths[i];
    if ((total <= maxw && !more) || maxw < 5)
        return vd_draw_text(y, x, maxw, s, attr);
    decode(vd_glyph_str(VD_GLYPH_ELLIPSIS), ell, ellw, 3, NULL);
    budget = maxw - ellw[0];
    while (head < n && hw + widths[head] <= budget / 2)
        hw += widths[head++];
    tail = n;
    while (tail > head && tw + widths[tail - 1] <= budget - hw)
        tw += widths[--tail];
    for (size_t i = 0; i < head; i++)
        out[k++] = wcs[i];
    out[k++] = ell[0];
    for (size_t i = tail; i < n; i++)
        out[k++] = wcs[i];
    put_wcs(y, x, out, k, attr);
    return hw + ellw[0] + tw;
}

/* Draw s right-aligned in [x, x+w). */
int
vd_draw_text_right(int y, int x, int w, const char *s, attr_t attr)
{
    int tw = vd_text_width(s);

    if (tw > w)
        tw = w;
    return vd_draw_text(y, x + w - tw, tw, s, attr);
}

/* Draw s centred in [x, x+w). */
int
vd_draw_text_center(int y, int x, int w, const char *s, attr_t attr)
{
    int tw = vd_text_width(s);

    if (tw > w)
        tw = w;
    return vd_draw_text(y, x + (w - tw) / 2, tw, s, attr);
}

/* Fill w columns with blanks. */
void
vd_draw_fill(int y, int x, int w, attr_t attr)
{
    if (!clip_row(y, &x, &w))
        return;
    attrset(attr);
    mvhline(y, x, ' ', w);
    attrset(A_NORMAL);
}

/* Fill a rectangle with blanks. */
void
vd_draw_clear(const vd_rect *r, attr_t attr)
{
    for (int y = r->y; y < r->y + r->h; y++)
        vd_draw_fill(y, r->x, r->w, attr);
}

/* Repeat glyph g along a row segment. */
static void
glyph_row(int y, int x, int w, vd_glyph g, attr_t attr)
{
    wchar_t wc[2];
    int width;
    cchar_t cc;

    if (!clip_row(y, &x, &w))
        return;
    if (decode(vd_glyph_str(g), wc, &width, 1, NULL) != 1)
        return;
    wc[1] = L'\0';
    setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
    mvhline_set(y, x, &cc, w);
}

/* Put glyph g in one cell. */
static void
glyph_at(int y, int x, vd_glyph g, attr_t attr)
{
    glyph_row(y, x, 1, g, attr);
}

/* A box along the edge of r. */
void
vd_draw_box(const vd_rect *r, attr_t attr)
{
    if (r->h < 2 || r->w < 2)
        return;
    glyph_at(r->y, r->x, VD_GLYPH_ULCORNER, attr);
    glyph_row(r->y, r->x + 1, r->w - 2, VD_GLYPH_HLINE, attr);
    glyph_at(r->y, r->x + r->w - 1, VD_GLYPH_URCORNER, attr);
    for (int y = r->y + 1; y < r->y + r->h - 1; y++) {
        glyph_at(y, r->x, VD_GLYPH_VLINE, attr);
        glyph_at(y, r->x + r->w - 1, VD_GLYPH_VLINE, attr);
    }
    glyph_at(r->y + r->h - 1, r->x, VD_GLYPH_LLCORNER, attr);
    glyph_row(r->y + r->h - 1, r->x + 1, r->w - 2, VD_GLYPH_HLINE, attr);
    glyph_at(r->y + r->h - 1, r->x + r->w - 1, VD_GLYPH_LRCORNER, attr);
}

/* A bar of w columns with frac of it filled; UTF-8 bars end in an
 * eighth block for precision. */
void
vd_draw_bar(int y, int x, int w, double frac, attr_t used, attr_t unused)
{
    int full, part = 0;
    double cells;

    if (w <= 0)
        return;
    if (frac < 0 || frac != frac)
        frac = 0;
    if (frac > 1)
        frac = 1;
    cells = frac * w;
    full = (int)cells;
    if (glyph_utf8)
        part = (int)((cells - full) * 8);
    else if (cells - full >= 0.5)
        full++;
    if (full > w)
        full = w;

    glyph_row(y, x, full, VD_GLYPH_BAR_FULL, used);
    if (part > 0 && full < w) {
        wchar_t wc[2] = { eighths[part], L'\0' };
        cchar_t cc;
        int px = x + full, pw = 1;

        if (clip_row(y, &px, &pw)) {
            setcchar(&cc, wc, used & ~A_COLOR, (short)PAIR_NUMBER(used), NULL);
            mvadd_wch(y, px, &cc);
        }
        full++;
    }
    glyph_row(y, x + full, w - full, VD_GLYPH_BAR_EMPTY, unused);
}

/* Word-wrap s into r from row y; returns the next free row. */
int
vd_draw_wrap(const vd_rect *r, int y, const char *s, attr_t attr)
{
    wchar_t wcs[MAX_TEXT];
    int widths[MAX_TEXT];
    size_t n, i = 0;

    if (!s || r->w <= 0)
        return y;
    n = decode(s, wcs, widths, MAX_TEXT, NULL);
    while (i < n && y < r->y + r->h) {
        size_t start, end, brk = 0;
        int used = 0;

        while (i < n && wcs[i] == L' ')
            i++;
        start = i;
        end = i;
        while (end < n && used + widths[end] <= r->w) {
            if (wcs[end] == L' ')
                brk = end;
            used += widths[end++];
        }
        if (end < n && brk > start)
            end = brk;          /* break at the last blank */
        else if (end == start && end < n)
            end++;              /* a character wider than the row */
        if (y >= r->y) {
            int cx = r->x, cw = r->w;

            if (clip_row(y, &cx, &cw)) {
                int w = 0;
                size_t k = start;

                while (k < end && w + widths[k] <= cw)
                    w += widths[k++];
                put_wcs(y, cx, wcs + start, k - start, attr);
            }
        }
        y++;
        i = end;
    }
    return y;
}
