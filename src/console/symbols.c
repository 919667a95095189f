/*
 * symbols.c: libchafa's symbol cells with damage tracking (see
 * symbols.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <chafa.h>

#include "console/symbols.h"

typedef struct scell {
    uint32_t ch;                /* 0: never written */
    int32_t fg, bg;             /* 0xRRGGBB or a palette index */
} scell;

struct vd_symbols {
    scell *cells;               /* what the terminal shows, rows x cols */
    int rows, cols, fb_w, fb_h;
    vd_color_mode mode;
    ChafaCanvas *canvas;
    ChafaCanvasConfig *config;
    ChafaSymbolMap *map;
    int cw, chh;                /* the canvas' size in cells */
    uint8_t *rgba;              /* the frame with opaque alpha, for libchafa */
    size_t rgba_size;
};

/* See symbols.h. */
vd_symbols *
vd_symbols_new(void)
{
    return calloc(1, sizeof(vd_symbols));
}

/* Drop the canvas and its configuration. */
static void
drop_canvas(vd_symbols *s)
{
    if (s->canvas)
        chafa_canvas_unref(s->canvas);
    if (s->config)
        chafa_canvas_config_unref(s->config);
    if (s->map)
        chafa_symbol_map_unref(s->map);
    s->canvas = NULL;
    s->config = NULL;
    s->map = NULL;
}

/* See symbols.h. */
void
vd_symbols_free(vd_symbols *s)
{
    if (!s)
        return;
    drop_canvas(s);
    free(s->cells);
    free(s->rgba);
    free(s);
}

/* See symbols.h. */
void
vd_symbols_invalidate(vd_symbols *s)
{
    if (s && s->cells)
        memset(s->cells, 0, (size_t)s->rows * s->cols * sizeof(scell));
}

/* A canvas of cw x ch cells for mode. */
static bool
make_canvas(vd_symbols *s, int cw, int ch, vd_color_mode mode)
{
    drop_canvas(s);
    s->config = chafa_canvas_config_new();
    s->map = chafa_symbol_map_new();
    if (!s->config || !s->map)
        return false;
    chafa_symbol_map_add_by_tags(s->map, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE |
                                 CHAFA_SYMBOL_TAG_HALF | CHAFA_SYMBOL_TAG_QUAD |
                                 CHAFA_SYMBOL_TAG_SEXTANT | CHAFA_SYMBOL_TAG_BORDER);
    chafa_canvas_config_set_symbol_map(s->config, s->map);
    chafa_canvas_config_set_geometry(s->config, cw, ch);
    chafa_canvas_config_set_canvas_mode(s->config, mode == VD_COLOR_TRUE
                                        ? CHAFA_CANVAS_MODE_TRUECOLOR
                                        : mode == VD_COLOR_256 ? CHAFA_CANVAS_MODE_INDEXED_240
                                        : CHAFA_CANVAS_MODE_INDEXED_16);
    chafa_canvas_config_set_work_factor(s->config, 0.5f);
    s->canvas = chafa_canvas_new(s->config);
    s->cw = cw;
    s->chh = ch;
    return s->canvas != NULL;
}

/* Append an SGR colour (foreground or background). */
static void
put_color(vd_buf *out, vd_color_mode mode, bool fg, int32_t v)
{
    if (mode == VD_COLOR_TRUE)
        out->len += (size_t)snprintf(out->data + out->len, 32, "\x1b[%d;2;%d;%d;%dm",
                                     fg ? 38 : 48, (int)((v >> 16) & 255),
                                     (int)((v >> 8) & 255), (int)(v & 255));
    else if (mode == VD_COLOR_256)
        out->len += (size_t)snprintf(out->data + out->len, 32, "\x1b[%d;5;%dm",
                                     fg ? 38 : 48, (int)v);
    else                        /* 16: 30-37 / 90-97 and 40-47 / 100-107 */
        out->len += (size_t)snprintf(out->data + out->len, 32, "\x1b[%dm",
                                     (v < 8 ? (fg ? 30 : 40) : (fg ? 90 : 100)) + (int)(v & 7));
}

/* Append a code point as UTF-8. */
static void
put_utf8(vd_buf *out, uint32_t c)
{
    char *p = out->data + out->len;

    if (c < 0x80) {
        *p = (char)c;
        out->len += 1;
    } else if (c < 0x800) {
        p[0] = (char)(0xc0 | c >> 6);
        p[1] = (char)(0x80 | (c & 0x3f));
        out->len += 2;
    } else if (c < 0x10000) {
        p[0] = (char)(0xe0 | c >> 12);
        p[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        p[2] = (char)(0x80 | (c & 0x3f));
        out->len += 3;
    } else {
        p[0] = (char)(0xf0 | c >> 18);
        p[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        p[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        p[3] = (char)(0x80 | (c & 0x3f));
        out->len += 4;
    }
}

/* See symbols.h. */
int
vd_symbols_frame(vd_symbols *s, const vd_fb *fb, const vd_render_target *t, vd_buf *out)
{
    vd_color_mode mode = t->mode == VD_COLOR_ASCII ? VD_COLOR_16 : t->mode;
    vd_render_geom g;
    int r, c, written = 0, img_row, img_rows, last_r = -1, last_c = -1;
    int32_t cur_fg = -2, cur_bg = -2;

    if (t->rows < 1 || t->cols < 1)
        return 0;
    if (!s->cells || s->rows != t->rows || s->cols != t->cols || s->mode != mode ||
        s->fb_w != fb->width || s->fb_h != fb->height) {
        free(s->cells);
        if (!(s->cells = calloc((size_t)t->rows * t->cols, sizeof(scell))))
            return -1;
        s->rows = t->rows;
        s->cols = t->cols;
        s->mode = mode;
        s->fb_w = fb->width;
        s->fb_h = fb->height;
        drop_canvas(s);
    }
    vd_render_layout(fb->width, fb->height, t->rows, t->cols, &g);
    img_row = g.img_sub_row / 2;
    img_rows = (g.img_sub_rows + 1) / 2;
    if (img_rows < 1 || g.img_cols < 1)
        return 0;
    if ((!s->canvas || s->cw != g.img_cols || s->chh != img_rows) &&
        !make_canvas(s, g.img_cols, img_rows, mode))
        return -1;
    if (fb->pixels && fb->width > 0 && fb->height > 0) {
        /* RGBX's fourth byte is 0, which libchafa reads as transparent:
         * an opaque copy */
        size_t need = (size_t)fb->width * fb->height * 4;
        int y, x;

        if (s->rgba_size < need) {
            uint8_t *p = realloc(s->rgba, need);

            if (!p)
                return -1;
            s->rgba = p;
            s->rgba_size = need;
        }
        for (y = 0; y < fb->height; y++) {
            const uint8_t *src = fb->pixels + (size_t)y * fb->stride;
            uint8_t *dst = s->rgba + (size_t)y * fb->width * 4;

            for (x = 0; x < fb->width; x++, src += 4, dst += 4) {
                dst[0] = src[0];
                dst[1] = src[1];
                dst[2] = src[2];
                dst[3] = 255;
            }
        }
        chafa_canvas_draw_all_pixels(s->canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, s->rgba,
                                     fb->width, fb->height, fb->width * 4);
    }
    for (r = 0; r < t->rows; r++) {
        for (c = 0; c < t->cols; c++) {
            scell want = { ' ', 0, 0 }, *have = &s->cells[(size_t)r * t->cols + c];
            int ir = r - img_row, ic = c - g.img_col;

            if (ir >= 0 && ir < img_rows && ic >= 0 && ic < g.img_cols) {
                gint fg = 0, bg = 0;

                want.ch = chafa_canvas_get_char_at(s->canvas, ic, ir);
                chafa_canvas_get_raw_colors_at(s->canvas, ic, ir, &fg, &bg);
                want.fg = fg < 0 ? 0 : fg;
                want.bg = bg < 0 ? 0 : bg;
            }
            if (have->ch == want.ch && have->fg == want.fg && have->bg == want.bg)
                continue;
            if (!vd_buf_reserve(out, 96))
                return -1;
            if (r != last_r || c != last_c)
                out->len += (size_t)snprintf(out->data + out->len, 24, "\x1b[%d;%dH",
                                             t->row + r + 1, t->col + c + 1);
            if (want.fg != cur_fg)
                put_color(out, mode, true, want.fg);
            if (want.bg != cur_bg)
                put_color(out, mode, false, want.bg);
            cur_fg = want.fg;
            cur_bg = want.bg;
            put_utf8(out, want.ch);
            *have = want;
            last_r = r;
            last_c = c + 1;
            written++;
        }
    }
    if (written) {
        if (!vd_buf_reserve(out, 8))
            return -1;
        memcpy(out->data + out->len, "\x1b[0m", 4);
        out->len += 4;
    }
    return written;
}
