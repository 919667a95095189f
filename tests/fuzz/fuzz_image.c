/*
 * fuzz_image.c: the screenshot decoders (virDomainScreenshot: PNG from
 * QEMU 7.1 on, PPM before; the bytes come from the daemon and the guest
 * chooses the screen's size). A decoded image must hold exactly
 * width x height pixels.
 */
#include "virtdeck/image.h"
#include "fuzz.h"

/* Check an image the decoders returned, touch every pixel, free it. */
static void
check(vd_image *img, const char *err)
{
    size_t i, n, sum = 0;

    if (!img) {
        VD_FUZZ_ASSERT(err != NULL);
        return;
    }
    VD_FUZZ_ASSERT(img->width > 0 && img->height > 0);
    VD_FUZZ_ASSERT(img->stride == (size_t)img->width * 4);
    VD_FUZZ_ASSERT(img->pixels != NULL);
    n = img->stride * (size_t)img->height;
    for (i = 0; i < n; i += 61)
        sum += img->pixels[i];
    sum += img->pixels[n - 1];
    (void)sum;
    vd_image_free(img);
}

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *err = NULL;

    check(vd_image_parse(data, size, &err), err);
    err = NULL;
    check(vd_image_parse_ppm(data, size, &err), err);
    err = NULL;
    check(vd_image_parse_png(data, size, &err), err);
    return 0;
}
