/*
 * test_xt_keys.c: X keysyms to PC XT (set 1) scancodes for the SPICE
 * console (src/console/xt_keys.h): the US layout's letters, digits and
 * shifted symbols, the editing keys with their 0xe0 prefix (0x100 |
 * code), function keys, modifiers; unknown keysyms give 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "console/xt_keys.h"

/* code and shift of sym. */
static void
check(uint32_t sym, unsigned int code, bool shift)
{
    bool sh = !shift;

    assert_int_equal(vd_xt_from_keysym(sym, &sh), code);
    assert_int_equal(sh, shift);
}

static void
test_printable(void **state)
{
    const char *row1 = "qwertyuiop", *row2 = "asdfghjkl", *row3 = "zxcvbnm";
    int i;

    (void)state;
    for (i = 0; row1[i]; i++) {
        check((uint32_t)row1[i], 0x10 + (unsigned int)i, false);
        check((uint32_t)row1[i] - 32, 0x10 + (unsigned int)i, true);
    }
    for (i = 0; row2[i]; i++)
        check((uint32_t)row2[i], 0x1e + (unsigned int)i, false);
    for (i = 0; row3[i]; i++)
        check((uint32_t)row3[i], 0x2c + (unsigned int)i, false);
    for (i = 1; i <= 9; i++)
        check('0' + (uint32_t)i, 0x01 + (unsigned int)i, false);
    check('0', 0x0b, false);
    check(' ', 0x39, false);
    check('!', 0x02, true);
    check('@', 0x03, true);
    check(')', 0x0b, true);
    check('_', 0x0c, true);
    check('=', 0x0d, false);
    check('[', 0x1a, false);
    check('}', 0x1b, true);
    check(';', 0x27, false);
    check('"', 0x28, true);
    check('`', 0x29, false);
    check('|', 0x2b, true);
    check('<', 0x33, true);
    check('?', 0x35, true);
    check('~', 0x29, true);
}

static void
test_special(void **state)
{
    (void)state;
    check(0xff1b, 0x01, false);         /* Escape */
    check(0xff0d, 0x1c, false);         /* Return */
    check(0xff08, 0x0e, false);         /* BackSpace */
    check(0xff09, 0x0f, false);         /* Tab */
    check(0xffbe, 0x3b, false);         /* F1 */
    check(0xffc7, 0x44, false);         /* F10 */
    check(0xffc8, 0x57, false);         /* F11 */
    check(0xffc9, 0x58, false);         /* F12 */
    check(0xff52, 0x148, false);        /* Up */
    check(0xff54, 0x150, false);        /* Down */
    check(0xff51, 0x14b, false);        /* Left */
    check(0xff53, 0x14d, false);        /* Right */
    check(0xffff, 0x153, false);        /* Delete */
    check(0xff63, 0x152, false);        /* Insert */
    check(0xff50, 0x147, false);        /* Home */
    check(0xff57, 0x14f, false);        /* End */
    check(0xffe3, 0x1d, false);         /* Control_L */
    check(0xffe9, 0x38, false);         /* Alt_L */
    check(0xffe1, 0x2a, false);         /* Shift_L */
    check(0xffeb, 0x15b, false);        /* Super_L */
    check(0xff15, 0x54, false);         /* Sys_Req */
    check(0x20ac, 0, false);            /* the euro sign: no key */
    check(0x1f, 0, false);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_printable),
        cmocka_unit_test(test_special),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
