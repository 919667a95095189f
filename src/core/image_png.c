/*
 * image_png.c: PNG decoding for screenshots (QEMU >= 7.1 and libvirt
 * >= 8.x send PNG), with libpng's simplified API, and the format
 * dispatch of vd_image_parse().
 */
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "virtdeck/image.h"

#define VD_IMAGE_MAX_SIDE 16384

/* Decode a PNG image into RGBX. */
vd_image *
vd_image_parse_png(const unsigned char *data, size_t len, const char **err)
{
    png_image png;
    vd_image *img = NULL;

    *err = NULL;
    memset(&png, 0, sizeof(png));
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, data, len)) {
        *err = "not a readable PNG image";
        return NULL;
    }
    if (png.width < 1 || png.height < 1 || png.width > VD_IMAGE_MAX_SIDE ||
        png.height > VD_IMAGE_MAX_SIDE) {
        png_image_free(&png);
        *err = "PNG image size out of range";
        return NULL;
    }
    png.format = PNG_FORMAT_RGBA;
    if (!(img = calloc(1, sizeof(*img))) ||
        !(img->pixels = malloc((size_t)png.width * png.height * 4))) {
        png_image_free(&png);
        vd_image_free(img);
        *err = "out of memory";
        return NULL;
    }
    img->width = (int)png.width;
    img->height = (int)png.height;
    img->stride = (size_t)png.width * 4;
    if (!png_image_finish_read(&png, NULL, img->pixels, (png_int_32)img->stride, NULL)) {
        png_image_free(&png);
        vd_image_free(img);
        *err = "corrupt PNG image";
        return NULL;
    }
    return img;
}

/* Decode PPM or PNG by their signature. */
vd_image *
vd_image_parse(const unsigned char *data, size_t len, const char **err)
{
    static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    if (data && len >= 8 && !memcmp(data, png_sig, 8))
        return vd_image_parse_png(data, len, err);
    if (data && len >= 2 && data[0] == 'P' && data[1] == '6')
        return vd_image_parse_ppm(data, len, err);
    *err = "unknown image format (neither PPM nor PNG)";
    return NULL;
}
