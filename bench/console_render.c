/*
 * console_render.c: the console renderer's cost per frame.
 *
 * For each source size (720x400: VGA text; 1024x768) and terminal size
 * (80x24, 200x60) and colour mode: CPU time per full frame (everything
 * redrawn), bytes per full frame, and bytes for an unchanged frame.
 * The same for the sixel and kitty picture encoders (console/picture.h)
 * with cells of 10x20 pixels (a 200x60 terminal is 2000x1200 pixels),
 * plus the CPU time of an unchanged frame (scaling and comparing), and
 * libchafa's symbols (console/symbols.h) in truecolor.
 * Prints one line per case; not a test (figures are never asserted).
 *
 *   build/bench/bench_console_render [ITERATIONS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "console/picture.h"
#include "console/render.h"
#include "console/symbols.h"

/* CPU seconds used by this process so far. */
static double
cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Fill px (w x h, RGBX) with a text-like screen: coloured "glyphs" on
 * a dark background with a gradient, so most cells differ. */
static void
fill(uint8_t *px, int w, int h)
{
    int x, y;

    for (y = 0; y < h; y++) {
        for (x = 0; x < w; x++) {
            uint8_t *p = px + ((size_t)y * w + x) * 4;
            int glyph = ((x / 9) * 7 + (y / 16) * 13) % 5 != 0 &&
                        (x % 9) > 1 && (x % 9) < 7 && (y % 16) > 2 && (y % 16) < 13 &&
                        ((x * 3 + y * 5) % 7) < 4;

            p[0] = glyph ? 0xaa : (uint8_t)(x * 64 / w);
            p[1] = glyph ? 0xaa : (uint8_t)(y * 64 / h);
            p[2] = glyph ? 0xaa : 0x40;
            p[3] = 0;
        }
    }
}

/* The symbols renderer's line for one source and terminal size. */
static int
bench_symbols(const vd_fb *fb, int rows, int cols, int iters)
{
    vd_render_target tgt = { 0, 0, rows, cols, VD_COLOR_TRUE, true };
    vd_symbols *s = vd_symbols_new();
    vd_buf out = { 0 };
    size_t full, unchanged;
    double t0, per;
    int k;
    char src[16], trm[16];

    if (!s)
        return -1;
    vd_symbols_frame(s, fb, &tgt, &out);
    full = out.len;
    out.len = 0;
    vd_symbols_frame(s, fb, &tgt, &out);
    unchanged = out.len;
    t0 = cpu_now();
    for (k = 0; k < iters; k++) {
        out.len = 0;
        vd_symbols_invalidate(s);
        vd_symbols_frame(s, fb, &tgt, &out);
    }
    per = (cpu_now() - t0) / iters;
    snprintf(src, sizeof(src), "%dx%d", fb->width, fb->height);
    snprintf(trm, sizeof(trm), "%dx%d", cols, rows);
    printf("%-10s %-7s %-9s %10.3f %8.0f %12zu %14zu\n", src, trm, "symbols",
           per * 1e3, per > 0 ? 1.0 / per : 0.0, full, unchanged);
    vd_buf_free(&out);
    vd_symbols_free(s);
    return 0;
}

/* The picture encoders' lines for one source and terminal size. */
static int
bench_pictures(const vd_fb *fb, int rows, int cols, int iters)
{
    static const vd_picture_mode modes[] = { VD_PIC_SIXEL, VD_PIC_KITTY };
    size_t i;

    for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        vd_picture *p = vd_picture_new(modes[i]);
        vd_buf out = { 0 };
        size_t full, unchanged;
        double t0, per, per_same;
        int k;
        char src[16], trm[16];

        if (!p)
            return -1;
        vd_picture_frame(p, fb, 0, 0, rows, cols, 10, 20, &out);
        full = out.len;
        out.len = 0;
        vd_picture_frame(p, fb, 0, 0, rows, cols, 10, 20, &out);
        unchanged = out.len;
        t0 = cpu_now();
        for (k = 0; k < iters; k++) {
            out.len = 0;
            vd_picture_invalidate(p);
            vd_picture_frame(p, fb, 0, 0, rows, cols, 10, 20, &out);
        }
        per = (cpu_now() - t0) / iters;
        t0 = cpu_now();
        for (k = 0; k < iters; k++) {
            out.len = 0;
            vd_picture_frame(p, fb, 0, 0, rows, cols, 10, 20, &out);
        }
        per_same = (cpu_now() - t0) / iters;
        snprintf(src, sizeof(src), "%dx%d", fb->width, fb->height);
        snprintf(trm, sizeof(trm), "%dx%d", cols, rows);
        printf("%-10s %-7s %-9s %10.3f %8.0f %12zu %14zu  (unchanged: %.3f ms)\n", src,
               trm, vd_picture_mode_name(modes[i]), per * 1e3, per > 0 ? 1.0 / per : 0.0,
               full, unchanged, per_same * 1e3);
        vd_buf_free(&out);
        vd_picture_free(p);
    }
    return 0;
}

int
main(int argc, char **argv)
{
    static const int sources[][2] = { { 720, 400 }, { 1024, 768 } };
    static const int terms[][2] = { { 24, 80 }, { 60, 200 } };
    int iters = argc > 1 ? atoi(argv[1]) : 200;
    size_t s, t;
    int m;

    if (iters < 1)
        iters = 1;
    printf("%-10s %-7s %-9s %10s %8s %12s %14s\n", "source", "term", "mode",
           "ms/frame", "fps", "bytes/full", "bytes/unchanged");
    for (s = 0; s < sizeof(sources) / sizeof(sources[0]); s++) {
        int w = sources[s][0], h = sources[s][1];
        uint8_t *px = malloc((size_t)w * h * 4);
        vd_fb fb = { px, w, h, (size_t)w * 4 };

        if (!px)
            return 1;
        fill(px, w, h);
        for (t = 0; t < sizeof(terms) / sizeof(terms[0]); t++) {
            for (m = 0; m < VD_COLOR_LAST; m++) {
                vd_render_target tgt = { 0, 0, terms[t][0], terms[t][1],
                                         (vd_color_mode)m, m != VD_COLOR_ASCII };
                vd_render *r = vd_render_new();
                vd_buf out = { 0 };
                size_t full, unchanged;
                double t0, per;
                int i;
                char src[16], trm[16];

                if (!r)
                    return 1;
                vd_render_frame(r, &fb, &tgt, &out);
                full = out.len;
                out.len = 0;
                vd_render_frame(r, &fb, &tgt, &out);
                unchanged = out.len;
                t0 = cpu_now();
                for (i = 0; i < iters; i++) {
                    out.len = 0;
                    vd_render_invalidate(r);
                    vd_render_frame(r, &fb, &tgt, &out);
                }
                per = (cpu_now() - t0) / iters;
                snprintf(src, sizeof(src), "%dx%d", w, h);
                snprintf(trm, sizeof(trm), "%dx%d", terms[t][1], terms[t][0]);
                printf("%-10s %-7s %-9s %10.3f %8.0f %12zu %14zu\n", src, trm,
                       vd_render_mode_name((vd_color_mode)m), per * 1e3,
                       per > 0 ? 1.0 / per : 0.0, full, unchanged);
                vd_buf_free(&out);
                vd_render_free(r);
            }
            if (bench_pictures(&fb, terms[t][0], terms[t][1], iters / 20 + 1) < 0 ||
                bench_symbols(&fb, terms[t][0], terms[t][1], iters / 20 + 1) < 0)
                return 1;
        }
        free(px);
    }
    return 0;
}
