/*
 * image.h: a decoded guest screen image (a screenshot), as plain data
 * for the UI. Pixels are 4 bytes each in memory order R, G, B, unused,
 * the layout the console renderer (src/console/render.h) reads.
 */
#ifndef VIRTDECK_IMAGE_H
#define VIRTDECK_IMAGE_H

#include <stddef.h>
#include <stdint.h>

typedef struct vd_image {
    int width;
    int height;
    size_t stride;              /* bytes per row: 4 * width */
    uint8_t *pixels;            /* owned */
    char *mime;                 /* the type the daemon sent ("image/png", "image/x-portable-pixmap"); owned */
} vd_image;

/* Decode a binary PPM (P6, maxval 1..65535) of len bytes. Returns a
 * new image (free with vd_image_free()) or NULL with a static reason
 * in *err. Pure: safe on any input. */
vd_image *vd_image_parse_ppm(const unsigned char *data, size_t len,
                             const char **err);

/* Decode a PNG image (libpng); same contract as vd_image_parse_ppm(). */
vd_image *vd_image_parse_png(const unsigned char *data, size_t len,
                             const char **err);

/* Decode PPM or PNG, recognised by their signature. */
vd_image *vd_image_parse(const unsigned char *data, size_t len,
                         const char **err);

/* Free an image; NULL is fine. Also usable as vd_result.data_free. */
void vd_image_free(void *image);

#endif
