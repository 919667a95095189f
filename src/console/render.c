/*
 * render.c: framebuffer -> terminal cells (see render.h).
 *
 * Each frame: area-average the framebuffer into a grid of cols x 2*rows
 * "sub-pixels" (two per cell, stacked), quantize each cell's pair to the
 * colour mode, compare with the cell drawn last time and emit escape
 * sequences only for the cells that differ, repositioning the cursor
 * only where a run of changed cells breaks.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "console/render.h"

/* What one cell shows, after quantization: compared between frames. */
typedef struct cell {
    uint32_t fg;                /* rgb (truecolor) or palette index */
    uint32_t bg;
    uint32_t ch;                /* 0: space, 1: upper half block, else an ASCII char */
} cell;

enum { CH_SPACE = 0, CH_HALF = 1 };

struct vd_render {
    /* geometry the cached state belongs to */
    vd_render_target tgt;
    int fb_w, fb_h;
    bool valid;                 /* cells[] is what the terminal shows */
    bool stretch;               /* stretch the levels (vd_render_set_stretch) */
    cell *cells;                /* rows * cols */
    uint32_t *sub;              /* cols * 2*rows averaged colours (0xRRGGBB) */
    int *bx;                    /* img_cols + 1 source column bounds */
    int *by;                    /* img_sub_rows + 1 source row bounds */
    uint32_t *acc;              /* 3 * img_cols accumulators */
    vd_render_geom geom;
};

static const char ascii_ramp[] = " .:-=+*#%@";

/* The xterm default 16-colour palette. */
static const uint8_t pal16[16][3] = {
    { 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
    { 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
    { 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
    { 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
};

static const uint8_t cube_levels[6] = { 0, 95, 135, 175, 215, 255 };

static const char *const mode_names[VD_COLOR_LAST] = {
    [VD_COLOR_TRUE] = "truecolor",
    [VD_COLOR_256] = "256",
    [VD_COLOR_16] = "16",
    [VD_COLOR_ASCII] = "ascii",
};

/* Release buf's memory. */
void
vd_buf_free(vd_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

/* Make room for n more bytes in buf; false on out of memory. */
bool
vd_buf_reserve(vd_buf *buf, size_t n)
{
    size_t cap;
    char *data;

    if (buf->len + n <= buf->cap)
        return true;
    cap = buf->cap ? buf->cap : 4096;
    while (cap < buf->len + n)
        cap *= 2;
    if (!(data = realloc(buf->data, cap)))
        return false;
    buf->data = data;
    buf->cap = cap;
    return true;
}

/* Append a string literal of known length (room already reserved). */
static inline void
put_mem(vd_buf *buf, const char *s, size_t n)
{
    memcpy(buf->data + buf->len, s, n);
    buf->len += n;
}

/* Append a small unsigned number in decimal (room already reserved). */
static inline void
put_uint(vd_buf *buf, unsigned int v)
{
    char tmp[10];
    int n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        buf->data[buf->len++] = tmp[--n];
}

/* Squared distance between two colours. */
static inline int
dist2(int r1, int g1, int b1, int r2, int g2, int b2)
{
    return (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2);
}

/* Index of the cube level nearest to v. */
static inline int
cube_index(int v)
{
    if (v < 48)
        return 0;
    if (v < 115)
        return 1;
    return (v - 35) / 40;
}

/* The xterm-256 index nearest to (r, g, b): cube or grey ramp. */
int
vd_render_to_256(uint8_t r, uint8_t g, uint8_t b)
{
    int ri = cube_index(r), gi = cube_index(g), bi = cube_index(b);
    int cube_d = dist2(r, g, b, cube_levels[ri], cube_levels[gi], cube_levels[bi]);
    int avg = (r + g + b) / 3;
    int gray_i = avg > 238 ? 23 : (avg < 8 ? 0 : (avg - 3) / 10);
    int gv = 8 + 10 * gray_i;
    int gray_d = dist2(r, g, b, gv, gv, gv);

    if (gray_d < cube_d)
        return 232 + gray_i;
    return 16 + 36 * ri + 6 * gi + bi;
}

/* The nearest of the 16 ANSI colours to (r, g, b). */
int
vd_render_to_16(uint8_t r, uint8_t g, uint8_t b)
{
    int best = 0, best_d = -1, i;

    for (i = 0; i < 16; i++) {
        int d = dist2(r, g, b, pal16[i][0], pal16[i][1], pal16[i][2]);

        if (best_d < 0 || d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

/* A new renderer. */
vd_render *
vd_render_new(void)
{
    return calloc(1, sizeof(vd_render));
}

/* Free the per-geometry arrays. */
static void
render_drop_arrays(vd_render *r)
{
    free(r->cells);
    free(r->sub);
    free(r->bx);
    free(r->by);
    free(r->acc);
    r->cells = NULL;
    r->sub = NULL;
    r->bx = r->by = NULL;
    r->acc = NULL;
}

/* Free a renderer. */
void
vd_render_free(vd_render *r)
{
    if (!r)
        return;
    render_drop_arrays(r);
    free(r);
}

/* Force a full redraw next time. */
void
vd_render_invalidate(vd_render *r)
{
    if (r)
        r->valid = false;
}

/* Where an fb_w x fb_h image goes in a rows x cols target. */
void
vd_render_layout(int fb_w, int fb_h, int rows, int cols, vd_render_geom *g)
{
    int sub_rows = rows * 2;

    memset(g, 0, sizeof(*g));
    if (fb_w <= 0 || fb_h <= 0 || rows <= 0 || cols <= 0)
        return;
    if ((long long)fb_w * sub_rows >= (long long)fb_h * cols) {
        /* wider than the target: full width */
        g->img_cols = cols;
        g->img_sub_rows = (int)(((long long)fb_h * cols + fb_w / 2) / fb_w);
    } else {
        g->img_sub_rows = sub_rows;
        g->img_cols = (int)(((long long)fb_w * sub_rows + fb_h / 2) / fb_h);
    }
    if (g->img_cols < 1)
        g->img_cols = 1;
    if (g->img_sub_rows < 1)
        g->img_sub_rows = 1;
    if (g->img_cols > cols)
        g->img_cols = cols;
    if (g->img_sub_rows > sub_rows)
        g->img_sub_rows = sub_rows;
    g->img_col = (cols - g->img_cols) / 2;
    g->img_sub_row = (sub_rows - g->img_sub_rows) / 2;
}

/* Map a cell to the framebuffer pixel under its top half. */
bool
vd_render_cell_to_pixel(int fb_w, int fb_h, int rows, int cols,
                        int cell_row, int cell_col, int *x, int *y)
{
    vd_render_geom g;
    int sub = cell_row * 2, c = cell_col;

    vd_render_layout(fb_w, fb_h, rows, cols, &g);
    if (!g.img_cols || !g.img_sub_rows)
        return false;
    if (sub + 1 == g.img_sub_row)
        sub++;                  /* only the cell's bottom half shows the image */
    if (c < g.img_col || c >= g.img_col + g.img_cols ||
        sub < g.img_sub_row || sub >= g.img_sub_row + g.img_sub_rows)
        return false;
    *x = (int)(((long long)(c - g.img_col) * 2 + 1) * fb_w / (2LL * g.img_cols));
    *y = (int)(((long long)(sub - g.img_sub_row) * 2 + 1) * fb_h / (2LL * g.img_sub_rows));
    if (*x >= fb_w)
        *x = fb_w - 1;
    if (*y >= fb_h)
        *y = fb_h - 1;
    return true;
}

/* Source bounds for n output samples over a length of len: bounds[i]
 * .. bounds[i+1] (half-open), each at least one wide. */
static void
make_bounds(int *bounds, int n, int len)
{
    int i;

    for (i = 0; i <= n; i++)
        bounds[i] = (int)((long long)i * len / n);
}

/* (Re)build the arrays when the geometry, mode or source size changed. */
static bool
render_setup(vd_render *r, int fb_w, int fb_h, const vd_render_target *t)
{
    size_t ncells = (size_t)t->rows * t->cols;

    if (r->cells && r->fb_w == fb_w && r->fb_h == fb_h &&
        r->tgt.row == t->row && r->tgt.col == t->col &&
        r->tgt.rows == t->rows && r->tgt.cols == t->cols &&
        r->tgt.mode == t->mode && r->tgt.utf8 == t->utf8)
        return true;
    render_drop_arrays(r);
    r->valid = false;
    r->tgt = *t;
    r->fb_w = fb_w;
    r->fb_h = fb_h;
    vd_render_layout(fb_w, fb_h, t->rows, t->cols, &r->geom);
    r->cells = calloc(ncells ? ncells : 1, sizeof(cell));
    r->sub = calloc(ncells * 2 + 1, sizeof(uint32_t));
    r->bx = calloc((size_t)r->geom.img_cols + 1, sizeof(int));
    r->by = calloc((size_t)r->geom.img_sub_rows + 1, sizeof(int));
    r->acc = calloc((size_t)r->geom.img_cols * 3 + 1, sizeof(uint32_t));
    if (!r->cells || !r->sub || !r->bx || !r->by || !r->acc) {
        render_drop_arrays(r);
        return false;
    }
    if (r->geom.img_cols) {
        make_bounds(r->bx, r->geom.img_cols, fb_w);
        make_bounds(r->by, r->geom.img_sub_rows, fb_h);
    }
    return true;
}

/* Average fb into r->sub (cols x 2*rows, black outside the image). */
static void
render_scale(vd_render *r, const vd_fb *fb)
{
    const vd_render_geom *g = &r->geom;
    int cols = r->tgt.cols, j, i, y, x;

    memset(r->sub, 0, sizeof(uint32_t) * (size_t)cols * r->tgt.rows * 2);
    if (!g->img_cols)
        return;
    for (j = 0; j < g->img_sub_rows; j++) {
        int y0 = r->by[j], y1 = r->by[j + 1];
        uint32_t *out = r->sub + (size_t)(g->img_sub_row + j) * cols + g->img_col;

        if (y1 <= y0)
            y1 = y0 + 1;        /* upscaling: repeat the row */
        memset(r->acc, 0, sizeof(uint32_t) * 3 * (size_t)g->img_cols);
        for (y = y0; y < y1; y++) {
            const uint8_t *row = fb->pixels + (size_t)y * fb->stride;

            for (i = 0; i < g->img_cols; i++) {
                int x0 = r->bx[i], x1 = r->bx[i + 1];
                uint32_t sr = 0, sg = 0, sb = 0;
                const uint8_t *p;

                if (x1 <= x0)
                    x1 = x0 + 1;
                p = row + (size_t)x0 * 4;
                for (x = x0; x < x1; x++, p += 4) {
                    sr += p[0];
                    sg += p[1];
                    sb += p[2];
                }
                r->acc[3 * i] += sr;
                r->acc[3 * i + 1] += sg;
                r->acc[3 * i + 2] += sb;
            }
        }
        for (i = 0; i < g->img_cols; i++) {
            int x0 = r->bx[i], x1 = r->bx[i + 1];
            uint32_t n, half;

            if (x1 <= x0)
                x1 = x0 + 1;
            n = (uint32_t)(x1 - x0) * (uint32_t)(y1 - y0);
            half = n / 2;
            out[i] = ((r->acc[3 * i] + half) / n) << 16 |
                     ((r->acc[3 * i + 1] + half) / n) << 8 |
                     ((r->acc[3 * i + 2] + half) / n);
        }
    }
}

#define R_OF(c) ((uint8_t)((c) >> 16))
#define G_OF(c) ((uint8_t)((c) >> 8))
#define B_OF(c) ((uint8_t)(c))

/* Quantize one colour to the mode. */
static inline uint32_t
quantize(uint32_t c, vd_color_mode mode)
{
    switch (mode) {
    case VD_COLOR_256:
        return (uint32_t)vd_render_to_256(R_OF(c), G_OF(c), B_OF(c));
    case VD_COLOR_16:
        return (uint32_t)vd_render_to_16(R_OF(c), G_OF(c), B_OF(c));
    case VD_COLOR_TRUE:
    case VD_COLOR_ASCII:
    case VD_COLOR_LAST:
        break;
    }
    return c;
}

/* Average of two 0xRRGGBB colours. */
static inline uint32_t
mix(uint32_t a, uint32_t b)
{
    return ((uint32_t)((R_OF(a) + R_OF(b) + 1) / 2) << 16) |
           ((uint32_t)((G_OF(a) + G_OF(b) + 1) / 2) << 8) |
           (uint32_t)((B_OF(a) + B_OF(b) + 1) / 2);
}

/* The cell showing top over bottom in the target's mode. */
static inline cell
make_cell(uint32_t top, uint32_t bottom, const vd_render_target *t)
{
    cell c;

    if (t->mode == VD_COLOR_ASCII) {
        uint32_t m = mix(top, bottom);
        int lum = (299 * R_OF(m) + 587 * G_OF(m) + 114 * B_OF(m)) / 1000;

        c.fg = c.bg = 0;
        c.ch = (uint32_t)(unsigned char)ascii_ramp[lum * 10 / 256];
        return c;
    }
    if (!t->utf8) {
        c.bg = c.fg = quantize(mix(top, bottom), t->mode);
        c.ch = CH_SPACE;
        return c;
    }
    c.fg = quantize(top, t->mode);
    c.bg = quantize(bottom, t->mode);
    if (c.fg == c.bg)
        c.ch = CH_SPACE;
    else
        c.ch = CH_HALF;
    return c;
}

/* Append the SGR colour parameters for colour v (fg or bg) in mode. */
static void
put_color(vd_buf *out, vd_color_mode mode, bool fg, uint32_t v)
{
    switch (mode) {
    case VD_COLOR_TRUE:
        put_mem(out, fg ? "38;2;" : "48;2;", 5);
        put_uint(out, R_OF(v));
        put_mem(out, ";", 1);
        put_uint(out, G_OF(v));
        put_mem(out, ";", 1);
        put_uint(out, B_OF(v));
        break;
    case VD_COLOR_256:
        put_mem(out, fg ? "38;5;" : "48;5;", 5);
        put_uint(out, v);
        break;
    case VD_COLOR_16:
        put_uint(out, (fg ? 30 : 40) + (v < 8 ? v : 60 + v - 8));
        break;
    case VD_COLOR_ASCII:
    case VD_COLOR_LAST:
        put_mem(out, "0", 1);
        break;
    }
}

/* Stretch the levels of n scaled colours so that the brightest channel
 * is full intensity: faint detail (a text screen averaged into a few
 * cells) stays visible in the 16-colour and ASCII modes. */
static void
stretch_levels(uint32_t *c, size_t n)
{
    unsigned int max = 0, k;
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned int m = R_OF(c[i]);

        if (G_OF(c[i]) > m)
            m = G_OF(c[i]);
        if (B_OF(c[i]) > m)
            m = B_OF(c[i]);
        if (m > max)
            max = m;
    }
    if (max == 0 || max >= 255)
        return;
    for (i = 0; i < n; i++) {
        k = (R_OF(c[i]) * 255u + max / 2) / max;
        c[i] = (k << 16) | ((G_OF(c[i]) * 255u + max / 2) / max) << 8 |
               ((B_OF(c[i]) * 255u + max / 2) / max);
    }
}

/* Draw fb into the target, emitting only changed cells. */
int
vd_render_frame(vd_render *r, const vd_fb *fb, const vd_render_target *t,
                vd_buf *out)
{
    vd_fb empty = { NULL, 0, 0, 0 };
    long long cur_fg = -1, cur_bg = -1;
    int next_row = -1, next_col = -1, written = 0, row, col;
    bool started = false;

    if (!fb || !fb->pixels || fb->width <= 0 || fb->height <= 0)
        fb = &empty;
    if (t->rows <= 0 || t->cols <= 0)
        return 0;
    if (!render_setup(r, fb->width, fb->height, t))
        return -1;
    render_scale(r, fb);
    if (r->stretch)
        stretch_levels(r->sub, (size_t)2 * t->rows * t->cols);

    for (row = 0; row < t->rows; row++) {
        const uint32_t *top = r->sub + (size_t)(2 * row) * t->cols;
        const uint32_t *bot = top + t->cols;
        cell *prev = r->cells + (size_t)row * t->cols;

        for (col = 0; col < t->cols; col++) {
            cell c = make_cell(top[col], bot[col], t);

            if (r->valid && c.fg == prev[col].fg && c.bg == prev[col].bg &&
                c.ch == prev[col].ch)
                continue;
            prev[col] = c;
            /* worst case: CUP 16 + two colours 40 + glyph 3 */
            if (!vd_buf_reserve(out, 64)) {
                r->valid = false;
                return -1;
            }
            if (!started) {
                put_mem(out, "\x1b[0m", 4);
                started = true;
            }
            if (row != next_row || col != next_col) {
                put_mem(out, "\x1b[", 2);
                put_uint(out, (unsigned int)(t->row + row + 1));
                put_mem(out, ";", 1);
                put_uint(out, (unsigned int)(t->col + col + 1));
                put_mem(out, "H", 1);
            }
            if (t->mode != VD_COLOR_ASCII) {
                bool need_fg = c.ch == CH_HALF && (long long)c.fg != cur_fg;
                bool need_bg = (long long)c.bg != cur_bg;

                if (need_fg || need_bg) {
                    put_mem(out, "\x1b[", 2);
                    if (need_fg) {
                        put_color(out, t->mode, true, c.fg);
                        cur_fg = c.fg;
                    }
                    if (need_bg) {
                        if (need_fg)
                            put_mem(out, ";", 1);
                        put_color(out, t->mode, false, c.bg);
                        cur_bg = c.bg;
                    }
                    put_mem(out, "m", 1);
                }
            }
            if (c.ch == CH_HALF)
                put_mem(out, "\xe2\x96\x80", 3);
            else if (c.ch == CH_SPACE)
                put_mem(out, " ", 1);
            else {
                char ch = (char)c.ch;

                put_mem(out, &ch, 1);
            }
            next_row = row;
            next_col = col + 1;
            written++;
        }
    }
    if (started) {
        if (!vd_buf_reserve(out, 4)) {
            r->valid = false;
            return -1;
        }
        put_mem(out, "\x1b[0m", 4);
    }
    r->valid = true;
    return written;
}

/* Stretch the levels of r's frames, or not. */
void
vd_render_set_stretch(vd_render *r, bool stretch)
{
    if (r->stretch != stretch)
        r->valid = false;
    r->stretch = stretch;
}

/* Draw a thumbnail of fb in full. */
int
vd_render_thumbnail(const vd_fb *fb, const vd_render_target *tgt, vd_buf *out)
{
    vd_render *r = vd_render_new();
    int n;

    if (!r)
        return -1;
    vd_render_set_stretch(r, tgt->mode == VD_COLOR_16 || tgt->mode == VD_COLOR_ASCII);
    n = vd_render_frame(r, fb, tgt, out);
    vd_render_free(r);
    return n;
}

/* The colour mode for this terminal. */
vd_color_mode
vd_render_detect_mode(const char *colorterm, const char *term, int colors)
{
    if (colorterm && (!strcasecmp(colorterm, "truecolor") ||
                      !strcasecmp(colorterm, "24bit")))
        return VD_COLOR_TRUE;
    if (term && (strstr(term, "direct") || strstr(term, "truecolor")))
        return VD_COLOR_TRUE;
    if (colors >= 256 || (colors == 0 && term && strstr(term, "256")))
        return VD_COLOR_256;
    if (colors >= 8 || (colors == 0 && term && *term && strcmp(term, "dumb") != 0))
        return VD_COLOR_16;
    return VD_COLOR_ASCII;
}

/* Parse a colour mode name. */
vd_color_mode
vd_render_mode_parse(const char *name)
{
    int i;

    if (!name)
        return VD_COLOR_LAST;
    if (!strcasecmp(name, "24bit") || !strcasecmp(name, "true"))
        return VD_COLOR_TRUE;
    for (i = 0; i < VD_COLOR_LAST; i++) {
        if (!strcasecmp(name, mode_names[i]))
            return (vd_color_mode)i;
    }
    return VD_COLOR_LAST;
}

/* A mode's name. */
const char *
vd_render_mode_name(vd_color_mode mode)
{
    if ((int)mode < 0 || mode >= VD_COLOR_LAST)
        return "?";
    return mode_names[mode];
}
