/*
 * test_picture.c: the sixel and kitty encoders (src/console/picture.h)
 * checked by decoding what they write with independent decoders:
 * libsixel's sixel_decode_raw() for sixel, and for kitty a reader of
 * the escape framing written here with GLib's base64 decoder and zlib's
 * uncompress() (the payload is deflated, o=z). The
 * pixels that come back are compared one by one with what was meant:
 * the picture scaled to the cells, in the sixel palette's nearest
 * colours, exact RGB for kitty. Also the band damage (unchanged frame:
 * 0 bytes; one pixel changed: one band), the terminal answers' parser
 * and the multiplexer check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <glib.h>
#include <sixel.h>
#include <zlib.h>

#include "console/picture.h"

/* A w x h RGBX framebuffer with a pattern (seeded). */
static uint8_t *
make_fb(int w, int h, unsigned int seed, vd_fb *fb)
{
    uint8_t *px = malloc((size_t)w * h * 4);
    int x, y;

    for (y = 0; y < h; y++)
        for (x = 0; x < w; x++) {
            uint8_t *p = px + ((size_t)y * w + x) * 4;

            p[0] = (uint8_t)(x * 7 + seed);
            p[1] = (uint8_t)(y * 13 + seed * 3);
            p[2] = (uint8_t)((x ^ y) * 5);
            p[3] = 0;
        }
    fb->pixels = px;
    fb->width = w;
    fb->height = h;
    fb->stride = (size_t)w * 4;
    return px;
}

/* Decode one sixel image with libsixel into RGB (allocated). */
static uint8_t *
decode_sixel(const char *data, size_t len, int *w, int *h)
{
    sixel_allocator_t *alloc = NULL;
    unsigned char *pixels = NULL, *palette = NULL, *rgb;
    int ncolors = 0, i;

    assert_int_equal(sixel_allocator_new(&alloc, NULL, NULL, NULL, NULL), SIXEL_OK);
    assert_int_equal(sixel_decode_raw((unsigned char *)data, (int)len, &pixels, w, h,
                                      &palette, &ncolors, alloc), SIXEL_OK);
    rgb = malloc((size_t)*w * *h * 3);
    for (i = 0; i < *w * *h; i++) {
        assert_true(pixels[i] < ncolors);
        memcpy(rgb + (size_t)i * 3, palette + pixels[i] * 3, 3);
    }
    sixel_allocator_free(alloc, pixels);
    sixel_allocator_free(alloc, palette);
    sixel_allocator_unref(alloc);
    return rgb;
}

/* rgb in the sixel palette's colours, as a terminal shows them. */
static void
quantize(uint8_t *rgb, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        vd_sixel_palette_rgb(vd_sixel_nearest(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]),
                             rgb + 3 * i);
}

/* Palette colours come back exactly; arbitrary ones as their nearest
 * palette entry; a height that is not a multiple of 6. */
static void
test_sixel_roundtrip(void **state)
{
    int w = 37, h = 20, dw = 0, dh = 0, i;
    uint8_t *rgb = malloc((size_t)w * h * 3), *want = malloc((size_t)w * h * 3), *got;
    vd_buf out = { 0 };

    (void)state;
    for (i = 0; i < w * h; i++) {
        uint8_t c[3];

        vd_sixel_palette_rgb((i * 37 + i / w) % 256, c);
        memcpy(rgb + 3 * i, c, 3);
    }
    assert_int_equal(vd_sixel_encode(rgb, w, h, &out), 0);
    got = decode_sixel(out.data, out.len, &dw, &dh);
    assert_int_equal(dw, w);
    assert_int_equal(dh, h);
    assert_memory_equal(got, rgb, (size_t)w * h * 3);
    free(got);
    out.len = 0;

    /* any colours: the nearest entry, exactly */
    for (i = 0; i < w * h * 3; i++)
        rgb[i] = (uint8_t)(i * 97 + i / 7);
    memcpy(want, rgb, (size_t)w * h * 3);
    quantize(want, (size_t)w * h);
    assert_int_equal(vd_sixel_encode(rgb, w, h, &out), 0);
    got = decode_sixel(out.data, out.len, &dw, &dh);
    assert_int_equal(dw, w);
    assert_int_equal(dh, h);
    assert_memory_equal(got, want, (size_t)w * h * 3);
    free(got);
    free(rgb);
    free(want);
    vd_buf_free(&out);
}

/* The nearest entry is never worse than the cube's and greys are near. */
static void
test_sixel_palette(void **state)
{
    uint8_t c[3];

    (void)state;
    assert_int_equal(vd_sixel_nearest(0, 0, 0), 0);
    vd_sixel_palette_rgb(vd_sixel_nearest(255, 255, 255), c);
    assert_int_equal(c[0], 255);
    vd_sixel_palette_rgb(vd_sixel_nearest(128, 128, 128), c);
    assert_true(abs(c[0] - 128) <= 4 && c[0] == c[1] && c[1] == c[2]);
    vd_sixel_palette_rgb(vd_sixel_nearest(170, 0, 0), c);
    assert_int_equal(c[0], 153);
    assert_int_equal(c[1], 0);
}

/* The escapes of a frame: each band is "ESC [ r ; c H" + one image;
 * returns the number of bands and fills rows[] with their rows. */
static int
split_bands(const vd_buf *out, int *rows, const char **start, size_t *len, int max)
{
    int n = 0;
    size_t i = 0;

    while (i < out->len && n < max) {
        int r, c, used = 0;
        size_t j;

        assert_int_equal(sscanf(out->data + i, "\x1b[%d;%dH%n", &r, &c, &used), 2);
        i += (size_t)used;
        /* up to the next cursor move, or the end */
        for (j = i; j < out->len; j++)
            if (out->data[j] == '\x1b' && j + 1 < out->len && out->data[j + 1] == '[')
                break;
        rows[n] = r - 1;
        start[n] = out->data + i;
        len[n] = j - i;
        n++;
        i = j;
    }
    return n;
}

/* A whole frame in sixel: every band decodes to the scaled picture's
 * band, in palette colours; an unchanged frame writes nothing; one
 * changed pixel sends one band again. */
static void
test_sixel_frame(void **state)
{
    vd_fb fb;
    uint8_t *px = make_fb(320, 200, 5, &fb), *want, *got;
    vd_picture *p = vd_picture_new(VD_PIC_SIXEL);
    int rows = 6, cols = 20, cw = 8, ch = 16, w = cols * cw, h = rows * ch, n, b, dw, dh;
    int brow[16];
    const char *bstart[16];
    size_t blen[16];
    vd_buf out = { 0 };

    (void)state;
    want = malloc((size_t)w * h * 3);
    vd_picture_scale(&fb, want, w, h);
    quantize(want, (size_t)w * h);
    assert_int_equal(vd_picture_frame(p, &fb, 2, 3, rows, cols, cw, ch, &out), rows);
    n = split_bands(&out, brow, bstart, blen, 16);
    assert_int_equal(n, rows);
    for (b = 0; b < n; b++) {
        assert_int_equal(brow[b], 2 + b);
        got = decode_sixel(bstart[b], blen[b], &dw, &dh);
        assert_int_equal(dw, w);
        assert_int_equal(dh, ch);
        assert_memory_equal(got, want + (size_t)b * w * ch * 3, (size_t)w * ch * 3);
        free(got);
    }
    out.len = 0;
    assert_int_equal(vd_picture_frame(p, &fb, 2, 3, rows, cols, cw, ch, &out), 0);
    assert_int_equal(out.len, 0);
    /* the framebuffer's bottom-right pixel: the last band only */
    memset(px + ((size_t)199 * 320 + 319) * 4, 255, 3);
    assert_int_equal(vd_picture_frame(p, &fb, 2, 3, rows, cols, cw, ch, &out), 1);
    n = split_bands(&out, brow, bstart, blen, 16);
    assert_int_equal(n, 1);
    assert_int_equal(brow[0], 2 + rows - 1);
    out.len = 0;
    vd_picture_invalidate(p);
    assert_int_equal(vd_picture_frame(p, &fb, 2, 3, rows, cols, cw, ch, &out), rows);
    vd_buf_free(&out);
    vd_picture_free(p);
    free(want);
    free(px);
}

/* One kitty command: its keys and payload. */
typedef struct kcmd {
    char keys[128];
    const char *payload;
    size_t plen;
} kcmd;

/* Read the kitty commands ESC _ G keys ; payload ESC \ of s[0..len). */
static int
kitty_cmds(const char *s, size_t len, kcmd *cmds, int max)
{
    size_t i = 0;
    int n = 0;

    while (i + 3 <= len && n < max) {
        const char *end, *semi;
        size_t klen;

        if (memcmp(s + i, "\x1b_G", 3)) {
            i++;
            continue;
        }
        end = memmem(s + i, len - i, "\x1b\\", 2);
        assert_non_null(end);
        semi = memchr(s + i + 3, ';', (size_t)(end - s - i - 3));
        klen = (size_t)((semi ? semi : end) - (s + i + 3));
        assert_true(klen < sizeof(cmds[n].keys));
        memcpy(cmds[n].keys, s + i + 3, klen);
        cmds[n].keys[klen] = '\0';
        cmds[n].payload = semi ? semi + 1 : end;
        cmds[n].plen = (size_t)(end - cmds[n].payload);
        n++;
        i = (size_t)(end - s) + 2;
    }
    return n;
}

/* The value of key k in "a=T,f=24,..." or -1. */
static long
kval(const char *keys, const char *k)
{
    char pat[8];
    const char *p;

    snprintf(pat, sizeof(pat), "%s=", k);
    for (p = keys; (p = strstr(p, pat)); p++)
        if (p == keys || p[-1] == ',')
            return strtol(p + strlen(pat), NULL, 10);
    return -1;
}

/* Decode the images of a kitty stream: the RGB of each transmitted
 * image, in order. */
static int
kitty_decode(const char *s, size_t len, uint8_t **imgs, int *ws, int *hs, int max)
{
    kcmd cmds[512];
    int n = kitty_cmds(s, len, cmds, 512), i, nimg = 0;
    GString *b64 = NULL;

    for (i = 0; i < n; i++) {
        const char *a = strstr(cmds[i].keys, "a=");

        if (a && a[2] == 'd')
            continue;                   /* a delete */
        if (a && a[2] == 'T') {
            assert_int_equal(kval(cmds[i].keys, "f"), 24);
            assert_non_null(strstr(cmds[i].keys, ",o=z,"));
            assert_true(nimg < max);
            ws[nimg] = (int)kval(cmds[i].keys, "s");
            hs[nimg] = (int)kval(cmds[i].keys, "v");
            b64 = g_string_new(NULL);
        }
        assert_non_null(b64);
        g_string_append_len(b64, cmds[i].payload, (gssize)cmds[i].plen);
        if (kval(cmds[i].keys, "m") == 0) {
            gsize zlen = 0;
            guchar *z = g_base64_decode(b64->str, &zlen);
            uLongf dlen = (uLongf)ws[nimg] * hs[nimg] * 3;
            guchar *data = g_malloc(dlen + 1);

            assert_int_equal(uncompress(data, &dlen, z, (uLong)zlen), Z_OK);
            assert_int_equal(dlen, (uLongf)ws[nimg] * hs[nimg] * 3);
            g_free(z);
            imgs[nimg++] = data;
            g_string_free(b64, TRUE);
            b64 = NULL;
        }
    }
    assert_null(b64);
    return nimg;
}

/* Kitty: exact RGB back, chunked at 4096 characters, the old image of
 * the id deleted first; a frame's bands at their rows; damage. */
static void
test_kitty(void **state)
{
    int w = 150, h = 50, n, iw[64], ih[64], b, i;
    uint8_t *rgb = malloc((size_t)w * h * 3), *imgs[64];
    vd_buf out = { 0 };
    kcmd cmds[64];
    vd_fb fb;
    uint8_t *px = make_fb(640, 480, 9, &fb), *want;
    vd_picture *p = vd_picture_new(VD_PIC_KITTY);
    int rows = 5, cols = 16, cw = 9, ch = 18, fw = cols * cw;
    int brow[16];
    const char *bstart[16];
    size_t blen[16];

    (void)state;
    for (i = 0; i < w * h * 3; i++)
        rgb[i] = (uint8_t)(i * 31 + i / 5);
    assert_int_equal(vd_kitty_encode(rgb, w, h, 77, &out), 0);
    n = kitty_cmds(out.data, out.len, cmds, 64);
    assert_true(n >= 2);                /* delete, then the deflated pixels in chunks */
    assert_non_null(strstr(cmds[0].keys, "a=d"));
    assert_int_equal(kval(cmds[0].keys, "i"), 77);
    for (i = 1; i < n; i++)
        assert_true(cmds[i].plen <= 4096);
    assert_int_equal(kitty_decode(out.data, out.len, imgs, iw, ih, 64), 1);
    assert_int_equal(iw[0], w);
    assert_int_equal(ih[0], h);
    assert_memory_equal(imgs[0], rgb, (size_t)w * h * 3);
    g_free(imgs[0]);
    vd_buf_free(&out);

    want = malloc((size_t)fw * rows * ch * 3);
    vd_picture_scale(&fb, want, fw, rows * ch);
    assert_int_equal(vd_picture_frame(p, &fb, 1, 0, rows, cols, cw, ch, &out), rows);
    n = split_bands(&out, brow, bstart, blen, 16);
    assert_int_equal(n, rows);
    for (b = 0; b < n; b++) {
        assert_int_equal(brow[b], 1 + b);
        assert_int_equal(kitty_decode(bstart[b], blen[b], imgs, iw, ih, 64), 1);
        assert_int_equal(iw[0], fw);
        assert_int_equal(ih[0], ch);
        assert_memory_equal(imgs[0], want + (size_t)b * fw * ch * 3, (size_t)fw * ch * 3);
        g_free(imgs[0]);
    }
    out.len = 0;
    assert_int_equal(vd_picture_frame(p, &fb, 1, 0, rows, cols, cw, ch, &out), 0);
    assert_int_equal(out.len, 0);
    memset(px, 255, 3);                 /* top-left pixel: the first band */
    assert_int_equal(vd_picture_frame(p, &fb, 1, 0, rows, cols, cw, ch, &out), 1);
    out.len = 0;
    vd_picture_clear(p, &out);          /* deletes every band's image */
    n = kitty_cmds(out.data, out.len, cmds, 64);
    assert_int_equal(n, rows);
    for (b = 0; b < n; b++)
        assert_non_null(strstr(cmds[b].keys, "a=d,d=I"));
    vd_buf_free(&out);
    vd_picture_free(p);
    free(want);
    free(px);
    free(rgb);
}

/* The terminal's answers: DA1 with and without 4, kitty's OK, partial
 * answers, typing after them. */
static void
test_replies(void **state)
{
    bool sixel, kitty;
    size_t used;
    const char *xterm = "\x1b[?63;1;2;4;6;9;15;16;22;28c";
    const char *kit = "\x1b_Gi=31;OK\x1b\\\x1b[?62;c";
    const char *tmux = "\x1b[?1;2cxy";
    const char *vt = "\x1b[?64;1;2;6;9;15;18;21;22c";

    (void)state;
    assert_true(vd_picture_parse_replies(xterm, strlen(xterm), &sixel, &kitty, &used));
    assert_true(sixel);
    assert_false(kitty);
    assert_true(vd_picture_parse_replies(kit, strlen(kit), &sixel, &kitty, &used));
    assert_false(sixel);
    assert_true(kitty);
    assert_int_equal(used, strlen(kit));
    assert_true(vd_picture_parse_replies(tmux, strlen(tmux), &sixel, &kitty, &used));
    assert_false(sixel);
    assert_false(kitty);
    assert_int_equal(used, strlen(tmux) - 2);       /* "xy" was typed */
    assert_true(vd_picture_parse_replies(vt, strlen(vt), &sixel, &kitty, &used));
    assert_false(sixel);                            /* 4 only as a whole number */
    assert_false(vd_picture_parse_replies(kit, 10, &sixel, &kitty, &used));
    assert_false(vd_picture_parse_replies(xterm, 8, &sixel, &kitty, &used));
    assert_false(vd_picture_parse_replies("", 0, &sixel, &kitty, &used));

    assert_true(vd_picture_multiplexed("/tmp/tmux-0/default,1,0", NULL, "xterm"));
    assert_true(vd_picture_multiplexed(NULL, "123.pts", "xterm"));
    assert_true(vd_picture_multiplexed(NULL, NULL, "screen-256color"));
    assert_true(vd_picture_multiplexed("", "", "tmux-256color"));
    assert_false(vd_picture_multiplexed(NULL, NULL, "xterm-kitty"));
    assert_int_equal(vd_picture_mode_parse("sixel"), VD_PIC_SIXEL);
    assert_int_equal(vd_picture_mode_parse("blocks"), VD_PIC_BLOCKS);
    assert_int_equal(vd_picture_mode_parse("png"), VD_PIC_LAST);
    assert_null(vd_picture_new(VD_PIC_BLOCKS));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sixel_roundtrip),
        cmocka_unit_test(test_sixel_palette),
        cmocka_unit_test(test_sixel_frame),
        cmocka_unit_test(test_kitty),
        cmocka_unit_test(test_replies),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
