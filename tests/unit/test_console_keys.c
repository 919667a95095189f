/*
 * test_console_keys.c: terminal keys -> X keysyms for the VNC console.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/console_keys.h"
#include "ui/ui_priv.h"

/* assert that key maps to the n keysyms given. */
static void
expect(int key, int n, uint32_t a, uint32_t b)
{
    vd_keysyms k = vd_console_keysyms(key);

    assert_int_equal(k.n, n);
    if (n > 0)
        assert_int_equal(k.syms[0], a);
    if (n > 1)
        assert_int_equal(k.syms[1], b);
}

static void
test_printable(void **state)
{
    (void)state;
    expect('a', 1, 'a', 0);
    expect('Z', 1, 'Z', 0);
    expect(' ', 1, ' ', 0);
    expect('~', 1, '~', 0);
    expect(0xe9, 1, 0xe9, 0);                   /* é, Latin-1 */
    expect(0x20ac, 1, 0x010020ac, 0);           /* €, Unicode keysym */
}

static void
test_editing_keys(void **state)
{
    (void)state;
    expect('\r', 1, VD_XK_RETURN, 0);
    expect('\n', 1, VD_XK_RETURN, 0);
    expect('\t', 1, VD_XK_TAB, 0);
    expect(0x7f, 1, VD_XK_BACKSPACE, 0);
    expect(VD_KEY(KEY_BACKSPACE), 1, VD_XK_BACKSPACE, 0);
    expect(27, 1, VD_XK_ESCAPE, 0);
    expect(VD_KEY(KEY_UP), 1, VD_XK_UP, 0);
    expect(VD_KEY(KEY_LEFT), 1, VD_XK_LEFT, 0);
    expect(VD_KEY(KEY_DC), 1, VD_XK_DELETE, 0);
    expect(VD_KEY(KEY_NPAGE), 1, VD_XK_PAGE_DOWN, 0);
    expect(VD_KEY(KEY_BTAB), 2, VD_XK_SHIFT_L, VD_XK_TAB);
}

static void
test_function_keys(void **state)
{
    (void)state;
    expect(VD_KEY(KEY_F(1)), 1, VD_XK_F1, 0);
    expect(VD_KEY(KEY_F(12)), 1, VD_XK_F1 + 11, 0);
    expect(VD_KEY(KEY_F(13)), 2, VD_XK_SHIFT_L, VD_XK_F1);
    expect(VD_KEY(KEY_F(26)), 2, VD_XK_CONTROL_L, VD_XK_F1 + 1);
}

static void
test_control(void **state)
{
    (void)state;
    expect(VD_CTRL('c'), 2, VD_XK_CONTROL_L, 'c');
    expect(VD_CTRL('a'), 2, VD_XK_CONTROL_L, 'a');
    expect(VD_CTRL('z'), 2, VD_XK_CONTROL_L, 'z');
    expect(0x1c, 2, VD_XK_CONTROL_L, '\\');
    expect(0, 2, VD_XK_CONTROL_L, ' ');
    expect(VD_KEY(KEY_MOUSE), 0, 0, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_printable),
        cmocka_unit_test(test_editing_keys),
        cmocka_unit_test(test_function_keys),
        cmocka_unit_test(test_control),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
