/*
 * sixel.c: RGB pixels as a sixel image (see picture.h). A fixed
 * palette of 256 registers: the 6x6x6 cube at 0, 20, 40, 60, 80 and
 * 100 % and 40 greys; registers are defined in percent (as DEC defined
 * them), so each entry's value is chosen to come back exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console/picture.h"

#define NGREY 40

/* A grey register's level in percent. */
static int
grey_pct(int i)
{
    return ((i + 1) * 100 + 20) / (NGREY + 1);
}

/* A percentage as the terminal turns it back into 0..255. */
static uint8_t
pct_to_byte(int pct)
{
    return (uint8_t)((pct * 255 + 50) / 100);
}

/* See picture.h. */
void
vd_sixel_palette_rgb(int index, uint8_t rgb[3])
{
    if (index < 216) {
        rgb[0] = pct_to_byte(index / 36 * 20);
        rgb[1] = pct_to_byte(index / 6 % 6 * 20);
        rgb[2] = pct_to_byte(index % 6 * 20);
    } else {
        rgb[0] = rgb[1] = rgb[2] = pct_to_byte(grey_pct(index - 216));
    }
}

/* The register's percentages. */
static void
palette_pct(int index, int pct[3])
{
    if (index < 216) {
        pct[0] = index / 36 * 20;
        pct[1] = index / 6 % 6 * 20;
        pct[2] = index % 6 * 20;
    } else {
        pct[0] = pct[1] = pct[2] = grey_pct(index - 216);
    }
}

/* See picture.h. */
int
vd_sixel_nearest(uint8_t r, uint8_t g, uint8_t b)
{
    int ri = (r * 5 + 127) / 255, gi = (g * 5 + 127) / 255, bi = (b * 5 + 127) / 255;
    int cube = ri * 36 + gi * 6 + bi, best = cube, i, d, bestd;
    uint8_t c[3];

    vd_sixel_palette_rgb(cube, c);
    bestd = (c[0] - r) * (c[0] - r) + (c[1] - g) * (c[1] - g) + (c[2] - b) * (c[2] - b);
    for (i = 0; i < NGREY && bestd; i++) {
        vd_sixel_palette_rgb(216 + i, c);
        d = (c[0] - r) * (c[0] - r) + (c[1] - g) * (c[1] - g) + (c[2] - b) * (c[2] - b);
        if (d < bestd) {
            bestd = d;
            best = 216 + i;
        }
    }
    return best;
}

/* Append a run of n sixel characters ch (RLE from 4 on). */
static void
put_run(vd_buf *out, char ch, int n)
{
    if (n >= 4) {
        out->len += (size_t)snprintf(out->data + out->len, 16, "!%d%c", n, ch);
        return;
    }
    while (n--)
        out->data[out->len++] = ch;
}

/* See picture.h. */
int
vd_sixel_encode(const uint8_t *rgb, int w, int h, vd_buf *out)
{
    uint8_t *idx = malloc((size_t)w * h);
    bool used[256] = { false }, strip_used[256];
    int x, y, i, y0, rc = -1;
    uint8_t cache_rgb[3] = { 0, 0, 0 };
    int cache_idx = -1;

    if (!idx)
        return -1;
    for (i = 0; i < w * h; i++) {
        const uint8_t *px = rgb + (size_t)i * 3;

        if (cache_idx < 0 || memcmp(px, cache_rgb, 3)) {
            memcpy(cache_rgb, px, 3);
            cache_idx = vd_sixel_nearest(px[0], px[1], px[2]);
        }
        idx[i] = (uint8_t)cache_idx;
        used[cache_idx] = true;
    }
    /* DCS P1=0 (aspect 2:1 default, overridden by the raster attributes),
     * P2=1 (pixels not set stay as they are), then 1:1 pixels, w x h */
    if (!vd_buf_reserve(out, 64 + 256 * 24))
        goto cleanup;
    out->len += (size_t)snprintf(out->data + out->len, 64, "\x1bP0;1;0q\"1;1;%d;%d", w, h);
    for (i = 0; i < 256; i++) {
        int pct[3];

        if (!used[i])
            continue;
        palette_pct(i, pct);
        out->len += (size_t)snprintf(out->data + out->len, 24, "#%d;2;%d;%d;%d", i, pct[0],
                                     pct[1], pct[2]);
    }
    for (y0 = 0; y0 < h; y0 += 6) {
        int rows = h - y0 < 6 ? h - y0 : 6;
        bool first = true;

        memset(strip_used, 0, sizeof(strip_used));
        for (y = y0; y < y0 + rows; y++)
            for (x = 0; x < w; x++)
                strip_used[idx[(size_t)y * w + x]] = true;
        for (i = 0; i < 256; i++) {
            char run_ch = 0;
            int run = 0;

            if (!strip_used[i])
                continue;
            /* worst case: every column its own character, plus the header */
            if (!vd_buf_reserve(out, (size_t)w + 16))
                goto cleanup;
            if (!first)
                out->data[out->len++] = '$';
            first = false;
            out->len += (size_t)snprintf(out->data + out->len, 8, "#%d", i);
            for (x = 0; x < w; x++) {
                int bits = 0, k;
                char ch;

                for (k = 0; k < rows; k++)
                    if (idx[(size_t)(y0 + k) * w + x] == i)
                        bits |= 1 << k;
                ch = (char)(63 + bits);
                if (ch == run_ch) {
                    run++;
                    continue;
                }
                if (run)
                    put_run(out, run_ch, run);
                run_ch = ch;
                run = 1;
            }
            if (run && run_ch != '?')       /* trailing empty columns: dropped */
                put_run(out, run_ch, run);
        }
        if (!vd_buf_reserve(out, 4))
            goto cleanup;
        if (y0 + 6 < h)
            out->data[out->len++] = '-';
    }
    if (!vd_buf_reserve(out, 4))
        goto cleanup;
    memcpy(out->data + out->len, "\x1b\\", 2);
    out->len += 2;
    rc = 0;

 cleanup:
    free(idx);
    return rc;
}
