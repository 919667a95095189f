/*
 * test_render.c: the framebuffer renderer on synthetic framebuffers.
 *
 * The bytes the renderer emits are fed to a small terminal model (CUP,
 * SGR colours, glyphs), and the assertions are on the resulting screen:
 * what a terminal would show, not how the renderer got there.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "console/render.h"

#define SCR_ROWS 70
#define SCR_COLS 220

/* One terminal cell of the model: glyph (0 never written, ' ', 'H' for
 * the upper half block, or an ASCII char) and colours (-1 default; rgb
 * as 0xRRGGBB in truecolor, else the palette index). */
typedef struct tcell {
    char ch;
    long fg;
    long bg;
} tcell;

typedef struct term {
    tcell c[SCR_ROWS][SCR_COLS];
    int row, col;
    long fg, bg;
    int writes;                 /* glyphs written */
} term;

typedef struct fbuf {
    uint8_t *px;
    int w, h;
    vd_fb fb;
} fbuf;

/* A new w x h framebuffer filled with rgb. */
static fbuf *
fb_new(int w, int h, uint32_t rgb)
{
    fbuf *f = calloc(1, sizeof(*f));
    int i;

    assert_non_null(f);
    f->px = malloc((size_t)w * h * 4);
    assert_non_null(f->px);
    f->w = w;
    f->h = h;
    for (i = 0; i < w * h; i++) {
        f->px[4 * i] = (uint8_t)(rgb >> 16);
        f->px[4 * i + 1] = (uint8_t)(rgb >> 8);
        f->px[4 * i + 2] = (uint8_t)rgb;
        f->px[4 * i + 3] = 0;
    }
    f->fb.pixels = f->px;
    f->fb.width = w;
    f->fb.height = h;
    f->fb.stride = (size_t)w * 4;
    return f;
}

/* Set one pixel. */
static void
fb_set(fbuf *f, int x, int y, uint32_t rgb)
{
    uint8_t *p = f->px + ((size_t)y * f->w + x) * 4;

    p[0] = (uint8_t)(rgb >> 16);
    p[1] = (uint8_t)(rgb >> 8);
    p[2] = (uint8_t)rgb;
}

/* Free a framebuffer. */
static void
fb_free(fbuf *f)
{
    free(f->px);
    free(f);
}

/* Reset the terminal model. */
static void
term_init(term *t)
{
    memset(t, 0, sizeof(*t));
    t->fg = t->bg = -1;
}

/* Apply the SGR parameters in p[0..n). */
static void
term_sgr(term *t, const int *p, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        if (p[i] == 0) {
            t->fg = t->bg = -1;
        } else if ((p[i] == 38 || p[i] == 48) && i + 1 < n && p[i + 1] == 2) {
            long v;

            assert_true(i + 4 < n);
            v = (long)p[i + 2] << 16 | (long)p[i + 3] << 8 | p[i + 4];
            if (p[i] == 38)
                t->fg = v;
            else
                t->bg = v;
            i += 4;
        } else if ((p[i] == 38 || p[i] == 48) && i + 1 < n && p[i + 1] == 5) {
            assert_true(i + 2 < n);
            if (p[i] == 38)
                t->fg = p[i + 2];
            else
                t->bg = p[i + 2];
            i += 2;
        } else if (p[i] >= 30 && p[i] <= 37) {
            t->fg = p[i] - 30;
        } else if (p[i] >= 90 && p[i] <= 97) {
            t->fg = p[i] - 90 + 8;
        } else if (p[i] >= 40 && p[i] <= 47) {
            t->bg = p[i] - 40;
        } else if (p[i] >= 100 && p[i] <= 107) {
            t->bg = p[i] - 100 + 8;
        } else {
            fail_msg("unexpected SGR parameter %d", p[i]);
        }
    }
}

/* Feed len bytes of output to the terminal model. */
static void
term_feed(term *t, const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        unsigned char ch = (unsigned char)s[i];

        if (ch == 0x1b) {
            int p[32], n = 0, v = 0;
            bool have = false;

            assert_true(i + 1 < len && s[i + 1] == '[');
            i += 2;
            while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';')) {
                if (s[i] == ';') {
                    p[n++] = v;
                    v = 0;
                    have = false;
                } else {
                    v = v * 10 + (s[i] - '0');
                    have = true;
                }
                i++;
            }
            if (have || n)
                p[n++] = v;
            assert_true(i < len);
            if (s[i] == 'H') {
                assert_int_equal(n, 2);
                t->row = p[0] - 1;
                t->col = p[1] - 1;
            } else if (s[i] == 'm') {
                term_sgr(t, p, n);
            } else {
                fail_msg("unexpected escape final byte '%c'", s[i]);
            }
            i++;
            continue;
        }
        assert_true(t->row >= 0 && t->row < SCR_ROWS);
        assert_true(t->col >= 0 && t->col < SCR_COLS);
        if (ch == 0xe2) {
            assert_true(i + 2 < len);
            assert_int_equal((unsigned char)s[i + 1], 0x96);
            assert_int_equal((unsigned char)s[i + 2], 0x80);
            t->c[t->row][t->col].ch = 'H';
            i += 3;
        } else {
            assert_true(ch >= 0x20 && ch < 0x7f);
            t->c[t->row][t->col].ch = (char)ch;
            i++;
        }
        t->c[t->row][t->col].fg = t->fg;
        t->c[t->row][t->col].bg = t->bg;
        t->col++;
        t->writes++;
    }
}

/* Render fb through r into tgt and feed the output to t; returns the
 * number of bytes written. */
static size_t
draw(vd_render *r, const vd_fb *fb, const vd_render_target *tgt, term *t)
{
    vd_buf out = { 0 };
    size_t len;
    int n = vd_render_frame(r, fb, tgt, &out);

    assert_true(n >= 0);
    term_feed(t, out.data, out.len);
    len = out.len;
    vd_buf_free(&out);
    return len;
}

/* The colour a cell shows in its top half (truecolor). */
static long
top_of(const tcell *c)
{
    return c->ch == 'H' ? c->fg : c->bg;
}

static void
test_solid_truecolor(void **state)
{
    fbuf *f = fb_new(32, 32, 0xff0000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 2, 3, 8, 16, VD_COLOR_TRUE, true };
    term t;
    int row, col;

    (void)state;
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    /* 32x32 fits 16 cols x 16 sub-rows exactly: no letterbox */
    assert_int_equal(t.writes, 8 * 16);
    for (row = 0; row < SCR_ROWS; row++) {
        for (col = 0; col < SCR_COLS; col++) {
            bool inside = row >= 2 && row < 10 && col >= 3 && col < 19;

            if (!inside) {
                assert_int_equal(t.c[row][col].ch, 0);
                continue;
            }
            assert_int_equal(t.c[row][col].ch, ' ');
            assert_int_equal(t.c[row][col].bg, 0xff0000);
        }
    }
    vd_render_free(r);
    fb_free(f);
}

static void
test_unchanged_frame_zero_bytes(void **state)
{
    fbuf *f = fb_new(720, 400, 0x2040a0);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 24, 80, VD_COLOR_TRUE, true };
    term t;
    int x, y;

    (void)state;
    for (y = 100; y < 116; y++)
        for (x = 0; x < 720; x += 3)
            fb_set(f, x, y, 0xffffff);
    term_init(&t);
    assert_true(draw(r, &f->fb, &tgt, &t) > 0);
    assert_int_equal(draw(r, &f->fb, &tgt, &t), 0);
    assert_int_equal(draw(r, &f->fb, &tgt, &t), 0);
    /* after an invalidate, everything again */
    vd_render_invalidate(r);
    t.writes = 0;
    assert_true(draw(r, &f->fb, &tgt, &t) > 0);
    assert_int_equal(t.writes, 24 * 80);
    vd_render_free(r);
    fb_free(f);
}

static void
test_horizontal_stripes_half_blocks(void **state)
{
    fbuf *f = fb_new(16, 16, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 8, 16, VD_COLOR_TRUE, true };
    term t;
    int x, y, row, col;

    (void)state;
    for (y = 0; y < 16; y += 2)
        for (x = 0; x < 16; x++)
            fb_set(f, x, y, 0xffffff);
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    for (row = 0; row < 8; row++) {
        for (col = 0; col < 16; col++) {
            assert_int_equal(t.c[row][col].ch, 'H');
            assert_int_equal(t.c[row][col].fg, 0xffffff);
            assert_int_equal(t.c[row][col].bg, 0x000000);
        }
    }
    vd_render_free(r);
    fb_free(f);
}

static void
test_vertical_stripes_area_average(void **state)
{
    /* 1-pixel black/white columns, scaled 4:1: every cell is mid grey */
    fbuf *f = fb_new(64, 32, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 4, 16, VD_COLOR_TRUE, true };
    term t;
    int x, y, row, col;

    (void)state;
    for (y = 0; y < 32; y++)
        for (x = 1; x < 64; x += 2)
            fb_set(f, x, y, 0xffffff);
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    for (row = 0; row < 4; row++) {
        for (col = 0; col < 16; col++) {
            assert_int_equal(t.c[row][col].ch, ' ');
            assert_int_equal(t.c[row][col].bg, 0x808080);
        }
    }
    vd_render_free(r);
    fb_free(f);
}

static void
test_checkerboard(void **state)
{
    /* 8x8-pixel squares, 4 pixels per sub-pixel: each cell is one
     * colour; the colour alternates every 2 cells across and every
     * cell down (a cell is 2 sub-rows = 8 pixels). */
    fbuf *f = fb_new(64, 64, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 8, 16, VD_COLOR_TRUE, true };
    term t;
    int x, y, row, col;

    (void)state;
    for (y = 0; y < 64; y++)
        for (x = 0; x < 64; x++)
            if (((x / 8) + (y / 8)) % 2)
                fb_set(f, x, y, 0x00ff00);
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    for (row = 0; row < 8; row++) {
        for (col = 0; col < 16; col++) {
            long want = ((col / 2) + row) % 2 ? 0x00ff00 : 0x000000;

            assert_int_equal(t.c[row][col].ch, ' ');
            assert_int_equal(t.c[row][col].bg, want);
        }
    }
    vd_render_free(r);
    fb_free(f);
}

static void
test_aspect_letterbox(void **state)
{
    vd_render_geom g;
    fbuf *f = fb_new(720, 400, 0xffffff);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 24, 80, VD_COLOR_TRUE, true };
    term t;
    int col;

    (void)state;
    /* 720x400 in 80x48 sub-pixels: full width, 44 sub-rows, centred */
    vd_render_layout(720, 400, 24, 80, &g);
    assert_int_equal(g.img_cols, 80);
    assert_int_equal(g.img_sub_rows, 44);
    assert_int_equal(g.img_col, 0);
    assert_int_equal(g.img_sub_row, 2);
    /* a tall image in a wide target: full height, centred columns */
    vd_render_layout(100, 400, 10, 80, &g);
    assert_int_equal(g.img_sub_rows, 20);
    assert_int_equal(g.img_cols, 5);
    assert_int_equal(g.img_col, 37);

    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    for (col = 0; col < 80; col++) {
        /* rows 0 and 23 are black letterbox, row 1 white */
        assert_int_equal(t.c[0][col].bg, 0);
        assert_int_equal(top_of(&t.c[0][col]), 0);
        assert_int_equal(t.c[23][col].bg, 0);
        assert_int_equal(t.c[1][col].bg, 0xffffff);
        assert_int_equal(t.c[22][col].bg, 0xffffff);
    }
    vd_render_free(r);
    fb_free(f);
}

static void
test_damage_diff(void **state)
{
    fbuf *f = fb_new(160, 96, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 1, 0, 24, 80, VD_COLOR_TRUE, true };
    term t;
    int x, y;

    (void)state;
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    /* 2x2 pixels per sub-pixel: a 4x4 white block at (20,8) covers
     * columns 10-11 and sub-rows 4-5, i.e. cell row 2 (screen row 3) */
    for (y = 8; y < 12; y++)
        for (x = 20; x < 24; x++)
            fb_set(f, x, y, 0xffffff);
    t.writes = 0;
    draw(r, &f->fb, &tgt, &t);
    assert_int_equal(t.writes, 2);
    assert_int_equal(t.c[3][10].bg, 0xffffff);
    assert_int_equal(t.c[3][11].bg, 0xffffff);
    /* undo it: the same two cells go black again, nothing else */
    for (y = 8; y < 12; y++)
        for (x = 20; x < 24; x++)
            fb_set(f, x, y, 0x000000);
    t.writes = 0;
    draw(r, &f->fb, &tgt, &t);
    assert_int_equal(t.writes, 2);
    assert_int_equal(t.c[3][10].bg, 0);
    /* a new geometry redraws everything */
    tgt.cols = 40;
    t.writes = 0;
    draw(r, &f->fb, &tgt, &t);
    assert_int_equal(t.writes, 24 * 40);
    vd_render_free(r);
    fb_free(f);
}

static void
test_text_like(void **state)
{
    /* a VGA-text-like screen: black, with light grey 8x16 "glyphs"
     * (a 6x12 box inside each glyph cell) on the first text line */
    fbuf *f = fb_new(720, 400, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 50, 180, VD_COLOR_TRUE, true };
    term t;
    int x, y, g, col, lit = 0;

    (void)state;
    for (g = 0; g < 10; g++)
        for (y = 2; y < 14; y++)
            for (x = g * 9 + 1; x < g * 9 + 7; x++)
                fb_set(f, x, y, 0xaaaaaa);
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    /* 720x400 in 180x100: 4 pixels per sub-pixel; glyphs span x<90 ->
     * columns < 23, y 2..14 -> cell rows 0..1 */
    for (col = 0; col < 180; col++) {
        if (top_of(&t.c[0][col]) > 0 || t.c[0][col].bg > 0 || t.c[1][col].bg > 0)
            lit++;
        if (col >= 23) {
            assert_int_equal(t.c[0][col].bg, 0);
            assert_int_equal(top_of(&t.c[0][col]), 0);
        }
    }
    assert_true(lit >= 15);
    assert_int_equal(t.c[10][5].bg, 0);
    vd_render_free(r);
    fb_free(f);
}

static void
test_mode_256(void **state)
{
    fbuf *f = fb_new(32, 32, 0xff0000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 8, 16, VD_COLOR_256, true };
    term t;
    int x, y;

    (void)state;
    assert_int_equal(vd_render_to_256(255, 0, 0), 196);
    assert_int_equal(vd_render_to_256(0, 0, 0), 16);
    assert_int_equal(vd_render_to_256(255, 255, 255), 231);
    assert_int_equal(vd_render_to_256(128, 128, 128), 244);
    assert_int_equal(vd_render_to_256(0, 95, 135), 16 + 6 + 2);
    for (y = 16; y < 32; y++)
        for (x = 0; x < 32; x++)
            fb_set(f, x, y, 0x0000ff);
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    assert_int_equal(t.c[0][0].bg, 196);
    assert_int_equal(t.c[7][0].bg, 21);
    assert_int_equal(t.writes, 8 * 16);
    assert_int_equal(draw(r, &f->fb, &tgt, &t), 0);
    vd_render_free(r);
    fb_free(f);
}

static void
test_mode_16(void **state)
{
    fbuf *f = fb_new(32, 32, 0xcd0000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 8, 16, VD_COLOR_16, true };
    term t;
    int x;

    (void)state;
    assert_int_equal(vd_render_to_16(0, 0, 0), 0);
    assert_int_equal(vd_render_to_16(255, 255, 255), 15);
    assert_int_equal(vd_render_to_16(200, 10, 10), 1);
    assert_int_equal(vd_render_to_16(250, 250, 80), 11);
    /* the top pixel row of every sub-pixel pair: bright white on row 0 */
    for (x = 0; x < 32; x++) {
        fb_set(f, x, 0, 0xffffff);
        fb_set(f, x, 1, 0xffffff);
    }
    term_init(&t);
    draw(r, &f->fb, &tgt, &t);
    assert_int_equal(t.c[0][0].ch, 'H');
    assert_int_equal(t.c[0][0].fg, 15);
    assert_int_equal(t.c[0][0].bg, 1);
    assert_int_equal(t.c[5][5].bg, 1);
    vd_render_free(r);
    fb_free(f);
}

static void
test_mode_ascii(void **state)
{
    fbuf *f = fb_new(32, 32, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 8, 16, VD_COLOR_ASCII, false };
    vd_buf out = { 0 };
    term t;
    int x, y;

    (void)state;
    for (y = 0; y < 32; y++)
        for (x = 16; x < 32; x++)
            fb_set(f, x, y, 0xffffff);
    assert_true(vd_render_frame(r, &f->fb, &tgt, &out) > 0);
    assert_null(memmem(out.data, out.len, "38;", 3));
    assert_null(memmem(out.data, out.len, "48;", 3));
    assert_null(memmem(out.data, out.len, "\xe2", 1));
    term_init(&t);
    term_feed(&t, out.data, out.len);
    assert_int_equal(t.c[3][0].ch, ' ');
    assert_int_equal(t.c[3][15].ch, '@');
    assert_int_equal(t.c[3][15].fg, -1);
    vd_buf_free(&out);
    vd_render_free(r);
    fb_free(f);
}

static void
test_no_utf8(void **state)
{
    fbuf *f = fb_new(16, 16, 0x000000);
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 0, 0, 8, 16, VD_COLOR_TRUE, false };
    vd_buf out = { 0 };
    int x, y;

    (void)state;
    for (y = 0; y < 16; y += 2)
        for (x = 0; x < 16; x++)
            fb_set(f, x, y, 0xffffff);
    assert_true(vd_render_frame(r, &f->fb, &tgt, &out) > 0);
    assert_null(memmem(out.data, out.len, "\xe2", 1));
    assert_non_null(memmem(out.data, out.len, "48;2;128;128;128", 16));
    vd_buf_free(&out);
    vd_render_free(r);
    fb_free(f);
}

static void
test_empty_fb_and_thumbnail(void **state)
{
    vd_render *r = vd_render_new();
    vd_render_target tgt = { 5, 5, 3, 4, VD_COLOR_TRUE, true };
    fbuf *f = fb_new(8, 6, 0x123456);
    vd_buf out = { 0 };
    term t;

    (void)state;
    term_init(&t);
    draw(r, NULL, &tgt, &t);
    assert_int_equal(t.writes, 12);
    assert_int_equal(t.c[5][5].bg, 0);
    /* a thumbnail always draws in full */
    assert_int_equal(vd_render_thumbnail(&f->fb, &tgt, &out), 12);
    assert_int_equal(vd_render_thumbnail(&f->fb, &tgt, &out), 12);
    vd_buf_free(&out);
    vd_render_free(r);
    fb_free(f);
}

/* A thumbnail in 16 colours or ASCII stretches the levels: a faint
 * "text" pattern that averages to dark grey (black in 16 colours, ' '
 * in ASCII when drawn as a frame) shows; truecolor keeps the colours. */
static void
test_thumbnail_stretch(void **state)
{
    fbuf *f = fb_new(64, 64, 0x000000);
    vd_render_target t16 = { 0, 0, 4, 8, VD_COLOR_16, true };
    vd_render_target tascii = { 0, 0, 4, 8, VD_COLOR_ASCII, false };
    vd_render_target ttrue = { 0, 0, 4, 8, VD_COLOR_TRUE, true };
    vd_render *r = vd_render_new();
    vd_buf out = { 0 };
    term t;
    int x, y;

    (void)state;
    /* one lit pixel in 8: each cell averages to about 0x151515 */
    for (y = 0; y < 16; y += 2)
        for (x = 0; x < 64; x += 4)
            fb_set(f, x, y, 0xaaaaaa);
    term_init(&t);
    draw(r, &f->fb, &t16, &t);
    assert_int_equal(top_of(&t.c[0][0]), 0);        /* a frame: black */
    assert_true(vd_render_thumbnail(&f->fb, &t16, &out) > 0);
    term_init(&t);
    term_feed(&t, out.data, out.len);
    assert_int_not_equal(top_of(&t.c[0][0]), 0);    /* the thumbnail: lit */
    assert_int_equal(top_of(&t.c[3][0]), 0);        /* black stays black */
    vd_buf_free(&out);

    vd_render_invalidate(r);
    term_init(&t);
    draw(r, &f->fb, &tascii, &t);
    assert_int_equal(t.c[0][0].ch, ' ');
    assert_true(vd_render_thumbnail(&f->fb, &tascii, &out) > 0);
    term_init(&t);
    term_feed(&t, out.data, out.len);
    assert_int_not_equal(t.c[0][0].ch, ' ');
    assert_int_equal(t.c[3][0].ch, ' ');
    vd_buf_free(&out);

    assert_true(vd_render_thumbnail(&f->fb, &ttrue, &out) > 0);
    assert_null(memmem(out.data, out.len, "255;255;255", 11));
    vd_buf_free(&out);

    /* a renderer told to stretch: lit like the thumbnail, and an
     * unchanged frame costs 0 bytes */
    vd_render_set_stretch(r, true);
    term_init(&t);
    assert_true(draw(r, &f->fb, &t16, &t) > 0);
    assert_int_not_equal(top_of(&t.c[0][0]), 0);
    assert_int_equal(draw(r, &f->fb, &t16, &t), 0);
    vd_render_free(r);
    fb_free(f);
}

static void
test_cell_to_pixel(void **state)
{
    int x = -1, y = -1;

    (void)state;
    /* 720x400 in 24x80: 9 px per column, 400/44 px per sub-row,
     * image starts at sub-row 2 (cell row 1) */
    assert_false(vd_render_cell_to_pixel(720, 400, 24, 80, 0, 0, &x, &y));
    assert_true(vd_render_cell_to_pixel(720, 400, 24, 80, 1, 0, &x, &y));
    assert_int_equal(x, 4);
    assert_int_equal(y, 4);
    assert_true(vd_render_cell_to_pixel(720, 400, 24, 80, 22, 79, &x, &y));
    assert_int_equal(x, 715);
    assert_true(y > 380 && y < 400);
    assert_false(vd_render_cell_to_pixel(720, 400, 24, 80, 23, 79, &x, &y));
}

static void
test_mode_detect(void **state)
{
    (void)state;
    assert_int_equal(vd_render_detect_mode("truecolor", "xterm", 8), VD_COLOR_TRUE);
    assert_int_equal(vd_render_detect_mode("24bit", "screen", 8), VD_COLOR_TRUE);
    assert_int_equal(vd_render_detect_mode(NULL, "xterm-direct", 0), VD_COLOR_TRUE);
    assert_int_equal(vd_render_detect_mode(NULL, "xterm-256color", 256), VD_COLOR_256);
    assert_int_equal(vd_render_detect_mode("", "tmux-256color", 0), VD_COLOR_256);
    assert_int_equal(vd_render_detect_mode(NULL, "xterm", 8), VD_COLOR_16);
    assert_int_equal(vd_render_detect_mode(NULL, "vt100", 0), VD_COLOR_16);
    assert_int_equal(vd_render_detect_mode(NULL, "dumb", 0), VD_COLOR_ASCII);
    assert_int_equal(vd_render_detect_mode(NULL, NULL, 0), VD_COLOR_ASCII);
    assert_int_equal(vd_render_mode_parse("24bit"), VD_COLOR_TRUE);
    assert_int_equal(vd_render_mode_parse("256"), VD_COLOR_256);
    assert_int_equal(vd_render_mode_parse("ASCII"), VD_COLOR_ASCII);
    assert_int_equal(vd_render_mode_parse("sepia"), VD_COLOR_LAST);
    assert_string_equal(vd_render_mode_name(VD_COLOR_16), "16");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_solid_truecolor),
        cmocka_unit_test(test_unchanged_frame_zero_bytes),
        cmocka_unit_test(test_horizontal_stripes_half_blocks),
        cmocka_unit_test(test_vertical_stripes_area_average),
        cmocka_unit_test(test_checkerboard),
        cmocka_unit_test(test_aspect_letterbox),
        cmocka_unit_test(test_damage_diff),
        cmocka_unit_test(test_text_like),
        cmocka_unit_test(test_mode_256),
        cmocka_unit_test(test_mode_16),
        cmocka_unit_test(test_mode_ascii),
        cmocka_unit_test(test_no_utf8),
        cmocka_unit_test(test_empty_fb_and_thumbnail),
        cmocka_unit_test(test_thumbnail_stretch),
        cmocka_unit_test(test_cell_to_pixel),
        cmocka_unit_test(test_mode_detect),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
