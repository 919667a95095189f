/*
 * test_console_keys.c: terminal keys -> X keysyms for the VNC console.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/console/console_keys.h"
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

/* assert that ks holds exactly the keysyms of want (n of them). */
static void
expect_syms(vd_keysyms ks, int n, const uint32_t *want)
{
    assert_int_equal(ks.n, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(ks.syms[i], want[i]);
}

/* Esc then a key at once: Alt held around the key. */
static void
test_alt(void **state)
{
    vd_keysyms ks;
    const uint32_t alt_x[] = { VD_XK_ALT_L, 'x' };
    const uint32_t alt_shift_q[] = { VD_XK_ALT_L, 'Q' };
    const uint32_t alt_ctrl_c[] = { VD_XK_ALT_L, VD_XK_CONTROL_L, 'c' };
    const uint32_t alt_tab[] = { VD_XK_ALT_L, VD_XK_TAB };
    const uint32_t alt_enter[] = { VD_XK_ALT_L, VD_XK_RETURN };
    const uint32_t alt_f4[] = { VD_XK_ALT_L, VD_XK_F1 + 3 };
    const uint32_t alt_up[] = { VD_XK_ALT_L, VD_XK_UP };
    const uint32_t alt_esc[] = { VD_XK_ALT_L, VD_XK_ESCAPE };
    const uint32_t alt_btab[] = { VD_XK_ALT_L, VD_XK_SHIFT_L, VD_XK_TAB };
    const uint32_t esc[] = { VD_XK_ESCAPE };

    (void)state;
    assert_true(vd_console_esc_keysyms('x', &ks));
    expect_syms(ks, 2, alt_x);
    assert_true(vd_console_esc_keysyms('Q', &ks));
    expect_syms(ks, 2, alt_shift_q);
    assert_true(vd_console_esc_keysyms(VD_CTRL('c'), &ks));
    expect_syms(ks, 3, alt_ctrl_c);
    assert_true(vd_console_esc_keysyms('\t', &ks));
    expect_syms(ks, 2, alt_tab);
    assert_true(vd_console_esc_keysyms('\r', &ks));
    expect_syms(ks, 2, alt_enter);
    assert_true(vd_console_esc_keysyms(VD_KEY(KEY_F(4)), &ks));
    expect_syms(ks, 2, alt_f4);
    assert_true(vd_console_esc_keysyms(VD_KEY(KEY_UP), &ks));
    expect_syms(ks, 2, alt_up);
    assert_true(vd_console_esc_keysyms(27, &ks));
    expect_syms(ks, 2, alt_esc);
    assert_true(vd_console_esc_keysyms(VD_KEY(KEY_BTAB), &ks));
    expect_syms(ks, 3, alt_btab);
    /* xterm's Alt+F4 (kf52) already holds Alt: not twice */
    expect_syms(vd_console_alt_keysyms(VD_KEY(KEY_F(52))), 2, alt_f4);

    /* a lone Esc stays Escape */
    assert_false(vd_console_esc_keysyms(-1, &ks));
    expect_syms(ks, 1, esc);
    /* mouse, resize, keys without keysyms: Escape, the key is the caller's */
    assert_false(vd_console_esc_keysyms(VD_KEY(KEY_MOUSE), &ks));
    expect_syms(ks, 1, esc);
    assert_false(vd_console_esc_keysyms(VD_KEY(KEY_RESIZE), &ks));
    expect_syms(ks, 1, esc);
    assert_false(vd_console_esc_keysyms(0x110000, &ks));
    expect_syms(ks, 1, esc);
    assert_int_equal(vd_console_alt_keysyms(VD_KEY(KEY_MOUSE)).n, 0);
}

/* Modified keys curses knows by their terminfo name, and the xterm
 * function-key ranges with modifiers. */
static void
test_named(void **state)
{
    const uint32_t alt_up[] = { VD_XK_ALT_L, VD_XK_UP };
    const uint32_t ctrl_left[] = { VD_XK_CONTROL_L, VD_XK_LEFT };
    const uint32_t shift_end[] = { VD_XK_SHIFT_L, VD_XK_END };
    const uint32_t ctrl_alt_del[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_DELETE };
    const uint32_t all_pgdn[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_SHIFT_L,
                                  VD_XK_PAGE_DOWN };
    const uint32_t cs_f2[] = { VD_XK_CONTROL_L, VD_XK_SHIFT_L, VD_XK_F1 + 1 };
    const uint32_t alt_f12[] = { VD_XK_ALT_L, VD_XK_F1 + 11 };

    (void)state;
    expect_syms(vd_console_named_keysyms("kUP3"), 2, alt_up);
    expect_syms(vd_console_named_keysyms("kLFT5"), 2, ctrl_left);
    expect_syms(vd_console_named_keysyms("kEND2"), 2, shift_end);
    expect_syms(vd_console_named_keysyms("kDC7"), 3, ctrl_alt_del);
    expect_syms(vd_console_named_keysyms("kNXT8"), 4, all_pgdn);
    assert_int_equal(vd_console_named_keysyms("kUP").n, 0);
    assert_int_equal(vd_console_named_keysyms("kUP9").n, 0);
    assert_int_equal(vd_console_named_keysyms("kUP33").n, 0);
    assert_int_equal(vd_console_named_keysyms("kxIN").n, 0);
    assert_int_equal(vd_console_named_keysyms(NULL).n, 0);
    expect_syms(vd_console_keysyms(VD_KEY(KEY_F(38))), 3, cs_f2);
    expect_syms(vd_console_keysyms(VD_KEY(KEY_F(60))), 2, alt_f12);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_printable),
        cmocka_unit_test(test_editing_keys),
        cmocka_unit_test(test_function_keys),
        cmocka_unit_test(test_control),
        cmocka_unit_test(test_alt),
        cmocka_unit_test(test_named),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
