/*
 * kitty.c: RGB pixels as a kitty graphics protocol image (see
 * picture.h): transmitted and placed at the cursor in one command
 * (a=T, f=24, quiet, cursor not moved), the pixels deflated with zlib
 * (o=z: a text screen shrinks a hundredfold), base64 in chunks of 4096.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "console/picture.h"

#define CHUNK 4096              /* base64 characters per escape */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of n bytes (n a multiple of 3 but for the last call) into dst;
 * returns the characters written. */
static size_t
base64(const uint8_t *src, size_t n, char *dst)
{
    size_t i, o = 0;

    for (i = 0; i + 2 < n; i += 3) {
        unsigned int v = (unsigned int)src[i] << 16 | (unsigned int)src[i + 1] << 8 | src[i + 2];

        dst[o++] = b64[v >> 18];
        dst[o++] = b64[(v >> 12) & 63];
        dst[o++] = b64[(v >> 6) & 63];
        dst[o++] = b64[v & 63];
    }
    if (i < n) {
        unsigned int v = (unsigned int)src[i] << 16 | (i + 1 < n ? (unsigned int)src[i + 1] << 8 : 0);

        dst[o++] = b64[v >> 18];
        dst[o++] = b64[(v >> 12) & 63];
        dst[o++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
        dst[o++] = '=';
    }
    return o;
}

/* See picture.h. */
int
vd_kitty_encode(const uint8_t *rgb, int w, int h, unsigned int id, vd_buf *out)
{
    size_t raw = (size_t)w * h * 3, done = 0;
    size_t per = CHUNK / 4 * 3;     /* payload bytes per chunk */
    uLongf total = compressBound((uLong)raw);
    Bytef *z = malloc(total);
    bool first = true;

    if (!z || compress2(z, &total, rgb, (uLong)raw, 1) != Z_OK) {
        free(z);
        return -1;
    }
    /* the old image of this id (and its placement) goes first */
    if (!vd_buf_reserve(out, 48)) {
        free(z);
        return -1;
    }
    out->len += (size_t)snprintf(out->data + out->len, 48, "\x1b_Ga=d,d=I,i=%u,q=2\x1b\\", id);
    while (done < total || first) {
        size_t n = total - done < per ? total - done : per;
        bool last = done + n >= total;

        if (!vd_buf_reserve(out, CHUNK + 96)) {
            free(z);
            return -1;
        }
        if (first)
            out->len += (size_t)snprintf(out->data + out->len, 96,
                                         "\x1b_Ga=T,f=24,o=z,s=%d,v=%d,i=%u,q=2,C=1,m=%d;",
                                         w, h, id, last ? 0 : 1);
        else
            out->len += (size_t)snprintf(out->data + out->len, 16, "\x1b_Gm=%d;", last ? 0 : 1);
        out->len += base64(z + done, n, out->data + out->len);
        memcpy(out->data + out->len, "\x1b\\", 2);
        out->len += 2;
        done += n;
        first = false;
    }
    free(z);
    return 0;
}
