/*
 * test_term_colors.c: guest colours (serial_term.h) to curses colour
 * numbers at each depth (src/ui/widgets/term_colors.c): direct colour, 256,
 * 16, and 8 with bold standing in for the bright colours.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ui/widgets/term_colors.h"
#include "ui/widgets/term_image.h"

/* Stubs: the pair functions (not tested here) use the theme and the
 * terminal's colour mode. */
attr_t
vd_role_attr(vd_role role)
{
    (void)role;
    return 0;
}

vd_color_mode
vd_term_color_mode(void)
{
    return VD_COLOR_256;
}

/* A colour of the given kind. */
static vd_sterm_color
color(int kind, int idx, int r, int g, int b)
{
    vd_sterm_color c = { (uint8_t)kind, (uint8_t)idx, (uint8_t)r, (uint8_t)g, (uint8_t)b };

    return c;
}

/* The default colour is -1 at every depth. */
static void
test_default(void **state)
{
    vd_sterm_color c = color(VD_STERM_COLOR_DEFAULT, 0, 0, 0, 0);
    bool bright;

    (void)state;
    assert_int_equal(vd_term_colors_number(VD_TERM_DIRECT, &c, &bright), -1);
    assert_int_equal(vd_term_colors_number(256, &c, &bright), -1);
    assert_int_equal(vd_term_colors_number(8, &c, &bright), -1);
    assert_false(bright);
}

/* The 16 ANSI colours: themselves from 16 colours up; at 8, the low 8
 * with bold for the bright ones. */
static void
test_ansi16(void **state)
{
    vd_sterm_color red = color(VD_STERM_COLOR_INDEXED, 1, 224, 0, 0);
    vd_sterm_color bred = color(VD_STERM_COLOR_INDEXED, 9, 255, 64, 64);
    bool bright;

    (void)state;
    assert_int_equal(vd_term_colors_number(256, &red, &bright), 1);
    assert_int_equal(vd_term_colors_number(16, &bred, &bright), 9);
    assert_false(bright);
    assert_int_equal(vd_term_colors_number(8, &bred, &bright), 1);
    assert_true(bright);
    assert_int_equal(vd_term_colors_number(8, &red, &bright), 1);
    assert_false(bright);
    assert_int_equal(vd_term_colors_number(VD_TERM_DIRECT, &red, &bright), 1);
}

/* Palette colours 16-255: themselves at 256, their RGB in direct
 * colour, the nearest ANSI colour below. */
static void
test_palette256(void **state)
{
    vd_sterm_color orange = color(VD_STERM_COLOR_INDEXED, 208, 255, 102, 0);
    vd_sterm_color grey = color(VD_STERM_COLOR_INDEXED, 244, 128, 128, 128);
    bool bright;

    (void)state;
    assert_int_equal(vd_term_colors_number(256, &orange, &bright), 208);
    assert_int_equal(vd_term_colors_number(VD_TERM_DIRECT, &orange, &bright), 0xff6600);
    /* nearest of the 16: bright red (255, 0, 0) */
    assert_int_equal(vd_term_colors_number(16, &orange, &bright), 9);
    assert_int_equal(vd_term_colors_number(8, &orange, &bright), 1);
    assert_true(bright);
    assert_int_equal(vd_term_colors_number(16, &grey, &bright), 8);
}

/* Truecolor: itself in direct colour, the cube or grey ramp at 256,
 * the nearest ANSI colour at 16. */
static void
test_truecolor(void **state)
{
    vd_sterm_color green = color(VD_STERM_COLOR_RGB, 0, 0, 128, 0);
    vd_sterm_color white = color(VD_STERM_COLOR_RGB, 0, 250, 250, 250);
    bool bright;

    (void)state;
    assert_int_equal(vd_term_colors_number(VD_TERM_DIRECT, &green, &bright), 0x008000);
    assert_int_equal(vd_term_colors_number(256, &green, &bright), 16 + 6 * 2); /* (0,135,0) */
    assert_int_equal(vd_term_colors_number(16, &green, &bright), 2);
    assert_int_equal(vd_term_colors_number(256, &white, &bright), 231);
    assert_int_equal(vd_term_colors_number(16, &white, &bright), 15);
    assert_int_equal(vd_term_colors_number(8, &white, &bright), 7);
    assert_true(bright);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default),
        cmocka_unit_test(test_ansi16),
        cmocka_unit_test(test_palette256),
        cmocka_unit_test(test_truecolor),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
