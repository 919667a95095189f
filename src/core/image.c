/*
 * image.c: PPM (P6) decoding for screenshots: QEMU's screendump format.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/image.h"

#define VD_IMAGE_MAX_SIDE 16384

/* Free an image. */
void
vd_image_free(void *image)
{
    vd_image *img = image;

    if (!img)
        return;
    free(img->pixels);
    free(img->mime);
    free(img);
}

/* Skip whitespace and '#' comments at *pos. */
static void
skip_space(const unsigned char *d, size_t len, size_t *pos)
{
    while (*pos < len) {
        if (d[*pos] == '#') {
            while (*pos < len && d[*pos] != '\n')
                (*pos)++;
        } else if (d[*pos] == ' ' || d[*pos] == '\t' || d[*pos] == '\n' ||
                   d[*pos] == '\r' || d[*pos] == '\v' || d[*pos] == '\f') {
            (*pos)++;
        } else {
            break;
        }
    }
}

/* Read a decimal header number at *pos (after whitespace) into *out,
 * capped at max; false when there is none or it is too large. */
static bool
read_number(const unsigned char *d, size_t len, size_t *pos, int max, int *out)
{
    long v = 0;
    bool any = false;

    skip_space(d, len, pos);
    while (*pos < len && d[*pos] >= '0' && d[*pos] <= '9') {
        v = v * 10 + (d[*pos] - '0');
        if (v > max)
            return false;
        (*pos)++;
        any = true;
    }
    *out = (int)v;
    return any;
}

/* Decode a P6 PPM. */
vd_image *
vd_image_parse_ppm(const unsigned char *d, size_t len, const char **err)
{
    vd_image *img = NULL;
    size_t pos = 2, need, bpp, i, npix;
    int w, h, maxval;

    *err = NULL;
    if (!d || len < 2 || d[0] != 'P' || d[1] != '6') {
        *err = "not a binary PPM image (no P6 header)";
        return NULL;
    }
    if (!read_number(d, len, &pos, VD_IMAGE_MAX_SIDE, &w) ||
        !read_number(d, len, &pos, VD_IMAGE_MAX_SIDE, &h) ||
        !read_number(d, len, &pos, 65535, &maxval) || w < 1 || h < 1 || maxval < 1) {
        *err = "bad PPM header (width, height or maximum value)";
        return NULL;
    }
    if (pos >= len) {
        *err = "PPM image has no pixel data";
        return NULL;
    }
    pos++;                      /* the single whitespace after maxval */
    bpp = maxval > 255 ? 6 : 3;
    npix = (size_t)w * (size_t)h;
    need = npix * bpp;
    if (len - pos < need) {
        *err = "PPM image is truncated";
        return NULL;
    }
    if (!(img = calloc(1, sizeof(*img))) ||
        !(img->pixels = malloc(npix * 4))) {
        vd_image_free(img);
        *err = "out of memory";
        return NULL;
    }
    img->width = w;
    img->height = h;
    img->stride = (size_t)w * 4;
    for (i = 0; i < npix; i++) {
        const unsigned char *p = d + pos + i * bpp;
        uint8_t *q = img->pixels + i * 4;
        int c;

        for (c = 0; c < 3; c++) {
            unsigned int v = bpp == 6 ? (unsigned int)(p[2 * c] << 8 | p[2 * c + 1]) : p[c];

            if (v > (unsigned int)maxval)
                v = (unsigned int)maxval;
            q[c] = (uint8_t)(maxval == 255 ? v : (v * 255u + (unsigned int)maxval / 2) / (unsigned int)maxval);
        }
        q[3] = 0;
    }
    return img;
}
