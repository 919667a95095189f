/*
 * picture.c: scaling, band damage and the terminal queries of the
 * picture modes (see picture.h); the encoders are sixel.c and kitty.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console/picture.h"

#define MAX_PIXELS 4096
#define KITTY_ID_BASE 0x56440000u  /* "VD" and the band */

struct vd_picture {
    vd_picture_mode mode;
    uint8_t *canvas;            /* the last frame sent, RGB */
    uint8_t *next;              /* the frame being made */
    bool *sent;                 /* per band: on the screen */
    int w, h, row, col, rows, cols, cell_h;
    bool valid;                 /* canvas matches the screen */
};

static const char *const mode_names[VD_PIC_LAST] = {
    [VD_PIC_AUTO] = "auto",
    [VD_PIC_SIXEL] = "sixel",
    [VD_PIC_KITTY] = "kitty",
    [VD_PIC_BLOCKS] = "blocks",
    [VD_PIC_ASCII] = "ascii",
    [VD_PIC_SYMBOLS] = "symbols",
};

/* See picture.h. */
vd_picture_mode
vd_picture_mode_parse(const char *name)
{
    int i;

    for (i = 0; i < VD_PIC_LAST; i++)
        if (name && !strcmp(name, mode_names[i]))
            return (vd_picture_mode)i;
    return VD_PIC_LAST;
}

/* See picture.h. */
const char *
vd_picture_mode_name(vd_picture_mode mode)
{
    return mode < VD_PIC_LAST ? mode_names[mode] : "?";
}

/* See picture.h. */
const char *
vd_picture_query(void)
{
    return "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[c";
}

/* Whether the DA1 answer's parameters p[0..n) list 4 (sixel). */
static bool
da1_has_sixel(const char *p, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t j = i;

        while (j < n && p[j] != ';')
            j++;
        if (j - i == 1 && p[i] == '4')
            return true;
        i = j + 1;
    }
    return false;
}

/* See picture.h. */
bool
vd_picture_parse_replies(const char *buf, size_t len, bool *sixel, bool *kitty,
                         size_t *used)
{
    size_t i = 0;

    *sixel = *kitty = false;
    if (used)
        *used = 0;
    while (i < len) {
        if (buf[i] == '\x1b' && i + 2 < len && buf[i + 1] == '_' && buf[i + 2] == 'G') {
            size_t j = i + 3;

            while (j + 1 < len && !(buf[j] == '\x1b' && buf[j + 1] == '\\'))
                j++;
            if (j + 1 >= len)
                return false;           /* not complete yet */
            if (memmem(buf + i, j - i, ";OK", 3))
                *kitty = true;
            i = j + 2;
            continue;
        }
        if (buf[i] == '\x1b' && i + 2 < len && buf[i + 1] == '[' && buf[i + 2] == '?') {
            size_t j = i + 3;

            while (j < len && ((buf[j] >= '0' && buf[j] <= '9') || buf[j] == ';'))
                j++;
            if (j >= len)
                return false;
            if (buf[j] == 'c') {
                *sixel = da1_has_sixel(buf + i + 3, j - i - 3);
                if (used)
                    *used = j + 1;
                return true;
            }
            i = j + 1;
            continue;
        }
        i++;                            /* something else: skipped */
    }
    return false;
}

/* See picture.h. */
bool
vd_picture_multiplexed(const char *tmux, const char *sty, const char *term)
{
    return (tmux && *tmux) || (sty && *sty) ||
        (term && (!strncmp(term, "screen", 6) || !strncmp(term, "tmux", 4)));
}

/* See picture.h. */
vd_picture *
vd_picture_new(vd_picture_mode mode)
{
    vd_picture *p;

    if (mode != VD_PIC_SIXEL && mode != VD_PIC_KITTY)
        return NULL;
    if (!(p = calloc(1, sizeof(*p))))
        return NULL;
    p->mode = mode;
    return p;
}

/* See picture.h. */
void
vd_picture_free(vd_picture *p)
{
    if (!p)
        return;
    free(p->canvas);
    free(p->next);
    free(p->sent);
    free(p);
}

/* See picture.h. */
void
vd_picture_invalidate(vd_picture *p)
{
    if (p)
        p->valid = false;
}

/* See picture.h. */
void
vd_picture_scale(const vd_fb *fb, uint8_t *rgb, int w, int h)
{
    int iw, ih, ox, oy, x, y;

    memset(rgb, 0, (size_t)w * h * 3);
    if (!fb || !fb->pixels || fb->width <= 0 || fb->height <= 0)
        return;
    iw = w;
    ih = (int)((long long)fb->height * w / fb->width);
    if (ih > h) {
        ih = h;
        iw = (int)((long long)fb->width * h / fb->height);
    }
    if (iw < 1 || ih < 1)
        return;
    ox = (w - iw) / 2;
    oy = (h - ih) / 2;
    for (y = 0; y < ih; y++) {
        int y0 = (int)((long long)y * fb->height / ih);
        int y1 = (int)((long long)(y + 1) * fb->height / ih);
        uint8_t *dst = rgb + ((size_t)(y + oy) * w + ox) * 3;

        if (y1 <= y0)
            y1 = y0 + 1;
        for (x = 0; x < iw; x++, dst += 3) {
            int x0 = (int)((long long)x * fb->width / iw);
            int x1 = (int)((long long)(x + 1) * fb->width / iw);
            unsigned int r = 0, g = 0, b = 0, n, sx, sy;

            if (x1 <= x0)
                x1 = x0 + 1;
            n = (unsigned int)((x1 - x0) * (y1 - y0));
            for (sy = (unsigned int)y0; sy < (unsigned int)y1; sy++) {
                const uint8_t *src = fb->pixels + sy * fb->stride + (size_t)x0 * 4;

                for (sx = (unsigned int)x0; sx < (unsigned int)x1; sx++, src += 4) {
                    r += src[0];
                    g += src[1];
                    b += src[2];
                }
            }
            dst[0] = (uint8_t)((r + n / 2) / n);
            dst[1] = (uint8_t)((g + n / 2) / n);
            dst[2] = (uint8_t)((b + n / 2) / n);
        }
    }
}

/* Set up the canvases for a geometry; false on out of memory. */
static bool
setup(vd_picture *p, int row, int col, int rows, int cols, int cell_w, int cell_h)
{
    int w = cols * cell_w, h = rows * cell_h;

    if (p->canvas && w == p->w && h == p->h && row == p->row && col == p->col &&
        rows == p->rows && cell_h == p->cell_h)
        return true;
    free(p->canvas);
    free(p->next);
    free(p->sent);
    p->canvas = malloc((size_t)w * h * 3);
    p->next = malloc((size_t)w * h * 3);
    p->sent = calloc((size_t)rows, sizeof(bool));
    if (!p->canvas || !p->next || !p->sent) {
        free(p->canvas);
        free(p->next);
        free(p->sent);
        p->canvas = p->next = NULL;
        p->sent = NULL;
        return false;
    }
    p->w = w;
    p->h = h;
    p->row = row;
    p->col = col;
    p->rows = rows;
    p->cols = cols;
    p->cell_h = cell_h;
    p->valid = false;
    return true;
}

/* Append a cursor move to the 0-based cell (r, c). */
static bool
put_cup(vd_buf *out, int r, int c)
{
    if (!vd_buf_reserve(out, 32))
        return false;
    out->len += (size_t)snprintf(out->data + out->len, 32, "\x1b[%d;%dH", r + 1, c + 1);
    return true;
}

/* See picture.h. */
int
vd_picture_frame(vd_picture *p, const vd_fb *fb, int row, int col, int rows, int cols,
                 int cell_w, int cell_h, vd_buf *out)
{
    size_t band_bytes;
    int b, sent = 0;
    uint8_t *tmp;

    if (rows < 1 || cols < 1 || cell_w < 1 || cell_h < 1 ||
        cols * cell_w > MAX_PIXELS || rows * cell_h > MAX_PIXELS)
        return -1;
    if (!setup(p, row, col, rows, cols, cell_w, cell_h))
        return -1;
    vd_picture_scale(fb, p->next, p->w, p->h);
    band_bytes = (size_t)p->w * cell_h * 3;
    for (b = 0; b < rows; b++) {
        const uint8_t *band = p->next + band_bytes * b;
        int rc;

        if (p->valid && !memcmp(band, p->canvas + band_bytes * b, band_bytes))
            continue;
        if (!put_cup(out, row + b, col))
            return -1;
        if (p->mode == VD_PIC_SIXEL)
            rc = vd_sixel_encode(band, p->w, cell_h, out);
        else
            rc = vd_kitty_encode(band, p->w, cell_h, KITTY_ID_BASE + (unsigned int)b, out);
        if (rc < 0) {
            p->valid = false;
            return -1;
        }
        p->sent[b] = true;
        sent++;
    }
    tmp = p->canvas;
    p->canvas = p->next;
    p->next = tmp;
    p->valid = true;
    return sent;
}

/* See picture.h. */
void
vd_picture_clear(vd_picture *p, vd_buf *out)
{
    int b;

    if (!p)
        return;
    if (p->mode == VD_PIC_KITTY && p->sent) {
        for (b = 0; b < p->rows; b++) {
            if (!p->sent[b] || !vd_buf_reserve(out, 48))
                continue;
            out->len += (size_t)snprintf(out->data + out->len, 48, "\x1b_Ga=d,d=I,i=%u,q=2\x1b\\",
                                         KITTY_ID_BASE + (unsigned int)b);
            p->sent[b] = false;
        }
    }
    p->valid = false;
}
