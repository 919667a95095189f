/*
 * test_image.c: screenshot decoding (PPM and PNG) on crafted input,
 * including malformed and truncated images.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/image.h"

/* A 2x2 PNG (RGB: red, green / blue, white), made with Python's zlib. */
static const unsigned char png_2x2[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02,
    0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00,
    0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xc0,
    0x00, 0xc2, 0x0c, 0xff, 0x81, 0x00, 0x00, 0x1f, 0xee, 0x05, 0xfb, 0x0b,
    0xd9, 0x68, 0x8b, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
};

static void
test_ppm_8bit(void **state)
{
    static const unsigned char ppm[] =
        "P6\n# a comment\n2 1\n255\n\xff\x00\x10\x01\x02\x03";
    const char *err = NULL;
    vd_image *img = vd_image_parse(ppm, sizeof(ppm) - 1, &err);

    (void)state;
    assert_non_null(img);
    assert_int_equal(img->width, 2);
    assert_int_equal(img->height, 1);
    assert_int_equal(img->stride, 8);
    assert_memory_equal(img->pixels, "\xff\x00\x10\x00\x01\x02\x03\x00", 8);
    vd_image_free(img);
}

static void
test_ppm_16bit_and_maxval(void **state)
{
    static const unsigned char ppm16[] = "P6 1 1 65535 \xff\xff\x80\x00\x00\x00";
    static const unsigned char ppm15[] = "P6 1 1 15 \x0f\x00\x63";
    const char *err = NULL;
    vd_image *img = vd_image_parse_ppm(ppm16, sizeof(ppm16) - 1, &err);

    (void)state;
    assert_non_null(img);
    assert_int_equal(img->pixels[0], 255);
    assert_int_equal(img->pixels[1], 128);
    assert_int_equal(img->pixels[2], 0);
    vd_image_free(img);
    /* maxval 15, and a sample above it clamped */
    img = vd_image_parse_ppm(ppm15, sizeof(ppm15) - 1, &err);
    assert_non_null(img);
    assert_int_equal(img->pixels[0], 255);
    assert_int_equal(img->pixels[1], 0);
    assert_int_equal(img->pixels[2], 255);
    vd_image_free(img);
}

static void
test_ppm_bad(void **state)
{
    static const char *const bad[] = {
        "", "P5 1 1 255 x", "P6", "P6 0 1 255 ", "P6 1 1 0 ", "P6 1 1 255 \x01\x02",
        "P6 99999 1 255 ", "P6 1 1 255", "P6 a b c ",
    };
    const char *err;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        err = NULL;
        assert_null(vd_image_parse((const unsigned char *)bad[i], strlen(bad[i]), &err));
        assert_non_null(err);
    }
}

static void
test_png(void **state)
{
    const char *err = NULL;
    vd_image *img = vd_image_parse(png_2x2, sizeof(png_2x2), &err);

    (void)state;
    if (!img)
        fail_msg("PNG not decoded: %s", err);
    assert_int_equal(img->width, 2);
    assert_int_equal(img->height, 2);
    assert_memory_equal(img->pixels, "\xff\x00\x00", 3);
    assert_memory_equal(img->pixels + 4, "\x00\xff\x00", 3);
    assert_memory_equal(img->pixels + 8, "\x00\x00\xff", 3);
    assert_memory_equal(img->pixels + 12, "\xff\xff\xff", 3);
    vd_image_free(img);
    /* truncated: refused, no crash */
    err = NULL;
    assert_null(vd_image_parse(png_2x2, sizeof(png_2x2) - 20, &err));
    assert_non_null(err);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ppm_8bit),
        cmocka_unit_test(test_ppm_16bit_and_maxval),
        cmocka_unit_test(test_ppm_bad),
        cmocka_unit_test(test_png),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
