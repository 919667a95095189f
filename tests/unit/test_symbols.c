/*
 * test_symbols.c: the libchafa symbol renderer (src/console/symbols.h).
 * Its output runs through a small terminal model (cursor moves,
 * truecolor SGR, UTF-8 glyphs): a cell split left/right shows a left or
 * right half block (a shape the half-block renderer cannot draw) in the
 * two colours; a solid colour shows that colour in every image cell;
 * an unchanged frame writes nothing, a change rewrites only its cells.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "console/symbols.h"

#define R 10
#define C 20

typedef struct mcell {
    uint32_t ch;
    long fg, bg;
} mcell;

/* Feed out to the model screen. */
static void
model(mcell scr[R][C], const vd_buf *out)
{
    size_t i = 0;
    int row = 0, col = 0;
    long fg = -1, bg = -1;

    while (i < out->len) {
        const unsigned char *p = (const unsigned char *)out->data + i;

        if (p[0] == 0x1b) {
            int a, b, r, g, bb, n = 0;

            if (sscanf((const char *)p, "\x1b[%d;%dH%n", &a, &b, &n) == 2 && n) {
                row = a - 1;
                col = b - 1;
            } else if (sscanf((const char *)p, "\x1b[38;2;%d;%d;%dm%n", &r, &g, &bb, &n) == 3 && n) {
                fg = (long)r << 16 | g << 8 | bb;
            } else if (sscanf((const char *)p, "\x1b[48;2;%d;%d;%dm%n", &r, &g, &bb, &n) == 3 && n) {
                bg = (long)r << 16 | g << 8 | bb;
            } else if (!strncmp((const char *)p, "\x1b[0m", 4)) {
                n = 4;
            } else {
                fail_msg("unknown escape at %zu", i);
            }
            i += (size_t)n;
            continue;
        }
        {
            uint32_t c;
            int len;

            if (p[0] < 0x80) {
                c = p[0];
                len = 1;
            } else if ((p[0] & 0xe0) == 0xc0) {
                c = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
                len = 2;
            } else if ((p[0] & 0xf0) == 0xe0) {
                c = (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
                len = 3;
            } else {
                c = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 |
                    (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
                len = 4;
            }
            assert_true(row >= 0 && row < R && col >= 0 && col < C);
            scr[row][col].ch = c;
            scr[row][col].fg = fg;
            scr[row][col].bg = bg;
            col++;
            i += (size_t)len;
        }
    }
}

/* A w x h RGBX framebuffer, the left half a, the right half b. */
static uint8_t *
split_fb(int w, int h, uint32_t a, uint32_t b, vd_fb *fb)
{
    uint8_t *px = calloc((size_t)w * h, 4);
    int x, y;

    for (y = 0; y < h; y++)
        for (x = 0; x < w; x++) {
            uint32_t c = x < w / 2 ? a : b;
            uint8_t *p = px + ((size_t)y * w + x) * 4;

            p[0] = (uint8_t)(c >> 16);
            p[1] = (uint8_t)(c >> 8);
            p[2] = (uint8_t)c;
        }
    fb->pixels = px;
    fb->width = w;
    fb->height = h;
    fb->stride = (size_t)w * 4;
    return px;
}

static void
test_split_cell(void **state)
{
    static mcell scr[R][C];
    vd_fb fb;
    uint8_t *px = split_fb(16, 32, 0xffffff, 0x000000, &fb);
    vd_render_target t = { 0, 0, 1, 1, VD_COLOR_TRUE, true };
    vd_symbols *s = vd_symbols_new();
    vd_buf out = { 0 };

    (void)state;
    memset(scr, 0, sizeof(scr));
    assert_int_equal(vd_symbols_frame(s, &fb, &t, &out), 1);
    model(scr, &out);
    if (scr[0][0].ch == 0x258c) {           /* ▌ left half in the foreground */
        assert_int_equal(scr[0][0].fg, 0xffffff);
        assert_int_equal(scr[0][0].bg, 0x000000);
    } else {
        assert_int_equal(scr[0][0].ch, 0x2590);     /* ▐ right half */
        assert_int_equal(scr[0][0].fg, 0x000000);
        assert_int_equal(scr[0][0].bg, 0xffffff);
    }
    vd_buf_free(&out);
    vd_symbols_free(s);
    free(px);
}

static void
test_solid_and_damage(void **state)
{
    static mcell scr[R][C];
    vd_fb fb;
    uint8_t *px = split_fb(160, 160, 0xc03020, 0xc03020, &fb);
    vd_render_target t = { 1, 2, 8, 16, VD_COLOR_TRUE, true };
    vd_symbols *s = vd_symbols_new();
    vd_buf out = { 0 };
    int r, c, n, lit = 0;

    (void)state;
    memset(scr, 0, sizeof(scr));
    n = vd_symbols_frame(s, &fb, &t, &out);
    assert_int_equal(n, 8 * 16);            /* every cell, letterbox too */
    model(scr, &out);
    for (r = 1; r < 9; r++)
        for (c = 2; c < 18; c++) {
            mcell *m = &scr[r][c];
            long shown = m->ch == ' ' ? m->bg : m->ch == 0x2588 ? m->fg : -2;

            assert_true(m->ch != 0);
            if (shown == 0xc03020)
                lit++;
            else                            /* the letterbox: black */
                assert_true(m->ch == ' ' && m->bg == 0);
        }
    assert_true(lit >= 8 * 8);              /* a square picture: at least half the cells */
    out.len = 0;
    assert_int_equal(vd_symbols_frame(s, &fb, &t, &out), 0);
    assert_int_equal(out.len, 0);
    /* the top-left quarter turns white: only some cells again */
    for (r = 0; r < 40; r++)
        for (c = 0; c < 40; c++)
            memset(px + ((size_t)r * 160 + c) * 4, 255, 3);
    n = vd_symbols_frame(s, &fb, &t, &out);
    assert_true(n > 0 && n < 8 * 8);
    vd_symbols_invalidate(s);
    out.len = 0;
    assert_int_equal(vd_symbols_frame(s, &fb, &t, &out), 8 * 16);
    vd_buf_free(&out);
    vd_symbols_free(s);
    free(px);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_cell),
        cmocka_unit_test(test_solid_and_damage),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
