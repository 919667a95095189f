/*
 * draw.h: the only way the UI puts things on the screen.
 *
 * Everything here clips to the terminal, so callers may pass any
 * rectangle (a tiny terminal gives empty or negative sizes). Text is
 * UTF-8; it is measured in display columns (wcwidth) and cut with an
 * ellipsis. Glyphs (box lines, bar blocks, marks) come in a UTF-8 and
 * an ASCII set; which one is chosen once by vd_draw_setup().
 */
#ifndef VIRTDECK_UI_DRAW_H
#define VIRTDECK_UI_DRAW_H

#include <stdbool.h>

#include "ui/ui_priv.h"

typedef enum {
    VD_GLYPH_HLINE = 0,
    VD_GLYPH_VLINE,
    VD_GLYPH_ULCORNER,
    VD_GLYPH_URCORNER,
    VD_GLYPH_LLCORNER,
    VD_GLYPH_LRCORNER,
    VD_GLYPH_BAR_FULL,
    VD_GLYPH_BAR_EMPTY,
    VD_GLYPH_ELLIPSIS,
    VD_GLYPH_MARK,              /* a yes mark in a flag column */
    VD_GLYPH_DOT,               /* status dot before a host */
    VD_GLYPH_SEP,               /* separator in the header */
    VD_GLYPH_LAST
} vd_glyph;

/* Choose the glyph set: UTF-8 when the locale's codeset is UTF-8 and
 * ascii is false. Text outside ASCII is replaced by '?' when the
 * locale cannot show it. */
void vd_draw_setup(bool ascii);

/* Whether the UTF-8 glyph set is in use. */
bool vd_draw_utf8(void);

/* The glyph's text (UTF-8 or ASCII). */
const char *vd_glyph_str(vd_glyph g);

/* Display width of UTF-8 text. */
int vd_text_width(const char *s);

/* Draw s at (y, x) in at most maxw columns, cut with an ellipsis when
 * longer. Returns the columns used. */
int vd_draw_text(int y, int x, int maxw, const char *s, attr_t attr);

/* Same, but the ellipsis replaces the middle (URIs, paths). */
int vd_draw_text_mid(int y, int x, int maxw, const char *s, attr_t attr);

/* Same, right-aligned in a field of w columns starting at x. */
int vd_draw_text_right(int y, int x, int w, const char *s, attr_t attr);

/* Same, centred in a field of w columns starting at x. */
int vd_draw_text_center(int y, int x, int w, const char *s, attr_t attr);

/* Fill w columns from (y, x) with blanks in attr. */
void vd_draw_fill(int y, int x, int w, attr_t attr);

/* Fill a rectangle with blanks in attr. */
void vd_draw_clear(const vd_rect *r, attr_t attr);

/* A box along the edge of r. */
void vd_draw_box(const vd_rect *r, attr_t attr);

/* A horizontal bar of w columns, frac (0..1) of it used. */
void vd_draw_bar(int y, int x, int w, double frac, attr_t used,
                 attr_t unused);

/* Word-wrap s into the rows of r starting at row y (absolute); returns
 * the next free row. */
int vd_draw_wrap(const vd_rect *r, int y, const char *s, attr_t attr);

#endif
