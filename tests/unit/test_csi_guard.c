/*
 * test_csi_guard.c: the filter in front of libvterm
 * (src/console/csi_guard.c), alone and inside the serial console's
 * terminal. Both crashes were found by tests/fuzz/fuzz_serial (kept as
 * tests/fuzz/corpus/serial/regress-*).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "console/csi_guard.h"
#include "console/serial_term.h"

/* SGR 38 with 21 empty parameters, then text: libvterm 0.1.4 wrote
 * past its 16 arguments and later crashed. */
#define MANY_ARGS "\x1b[38;;;;;;;;;;;;;;;;;;;;;2m256"

/* Filter s in chunks of chunk bytes; returns the result (static). */
static const char *
filter(const char *s, size_t chunk)
{
    static char out[512];
    vd_csi_guard g = { 0 };
    size_t len = strlen(s), o = 0, i, n;

    for (i = 0; i < len; i += n) {
        n = len - i < chunk ? len - i : chunk;
        o += vd_csi_guard_filter(&g, s + i, n, out + o);
    }
    out[o] = '\0';
    return out;
}

/* Ordinary text and sequences pass unchanged, however they are split. */
static void
test_passes_ordinary(void **state)
{
    const char *s = "a;b\x1b[1;31mred\x1b[0m;\x1b]0;t;i;t;l;e\x07\x1b(B\r\n"
                    "\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16m";
    size_t chunk;

    (void)state;
    for (chunk = 1; chunk < 8; chunk++)
        assert_string_equal(filter(s, chunk), s);
}

/* Separators past the 15th of one CSI are dropped, in any split; the
 * count starts again with the next CSI, and CAN ends a sequence. */
static void
test_drops_extra_separators(void **state)
{
    size_t chunk;

    (void)state;
    for (chunk = 1; chunk < 8; chunk++) {
        assert_string_equal(filter(MANY_ARGS, chunk),
                            "\x1b[38;;;;;;;;;;;;;;;2m256");
        assert_string_equal(filter("\x1b[1::::::::::::::::::9m;;", chunk),
                            "\x1b[1:::::::::::::::9m;;");
        assert_string_equal(filter("\x1b[;;;;;;;;;;;;;;;;\x18;;", chunk),
                            "\x1b[;;;;;;;;;;;;;;;\x18;;");
        assert_string_equal(filter("\x1b[;;;;;;;;;;;;;;;;\n;H", chunk),
                            "\x1b[;;;;;;;;;;;;;;;\nH");
    }
}

/* Through the terminal: the guest's sequence is taken, the text shows,
 * and keys still work (libvterm crashed here before the guard). */
static void
test_terminal_survives(void **state)
{
    vd_sterm *t = vd_sterm_new(20, 60, 10, NULL, NULL);
    char line[256];

    (void)state;
    assert_non_null(t);
    vd_sterm_write(t, MANY_ARGS "\r\n", strlen(MANY_ARGS "\r\n"));
    vd_sterm_key_press(t, VD_STERM_KEY_UP, 0);
    vd_sterm_line_text(t, vd_sterm_scrollback(t), line, sizeof(line));
    assert_string_equal(line, "256");
    vd_sterm_free(t);
}

/* Feed s to a fresh guard in chunks of chunk bytes; returns the guard. */
static vd_csi_guard
track(const char *s, size_t chunk)
{
    vd_csi_guard g = { 0 };
    char out[256];
    size_t len = strlen(s), i, n;

    for (i = 0; i < len; i += n) {
        n = len - i < chunk ? len - i : chunk;
        vd_csi_guard_filter(&g, s + i, n, out);
    }
    return g;
}

/* The guard knows which scroll region the guest set last. */
static void
test_region_tracking(void **state)
{
    size_t chunk;
    vd_csi_guard g;

    (void)state;
    for (chunk = 1; chunk < 6; chunk++) {
        g = track("\x1b[30;50r", chunk);
        assert_true(vd_csi_guard_region_outside(&g, 24));
        assert_true(vd_csi_guard_region_outside(&g, 30));
        assert_false(vd_csi_guard_region_outside(&g, 50));
        g = track("\x1b[30;50r\x1b[r", chunk);        /* reset by the guest */
        assert_false(vd_csi_guard_region_outside(&g, 10));
        g = track("\x1b[5;10r\x1b" "c", chunk);       /* RIS */
        assert_false(vd_csi_guard_region_outside(&g, 2));
        g = track("\x1b [30;50r", chunk);    /* libvterm drops the SP */
        assert_true(vd_csi_guard_region_outside(&g, 24));
        g = track("\x1b[?5;10r", chunk);              /* not DECSTBM */
        assert_false(vd_csi_guard_region_outside(&g, 2));
        g = track("\x1b[5r", chunk);                  /* rows 5 to the bottom */
        assert_true(vd_csi_guard_region_outside(&g, 4));
        assert_false(vd_csi_guard_region_outside(&g, 24));
        vd_csi_guard_region_reset(&g);
        assert_false(vd_csi_guard_region_outside(&g, 2));
    }
}

/* Through the terminal: a scroll region low on a tall console, then
 * the window shrinks (libvterm moved -40 rows at the next line feed). */
static void
test_terminal_shrinks_below_region(void **state)
{
    vd_sterm *t = vd_sterm_new(60, 80, 10, NULL, NULL);
    const char *s = "\x1b[30;50r\x1b[40;1Hstatus";
    char line[256];
    int i, row, col;
    bool visible;

    (void)state;
    assert_non_null(t);
    vd_sterm_write(t, s, strlen(s));
    vd_sterm_resize(t, 24, 80);
    for (i = 0; i < 30; i++)
        vd_sterm_write(t, "\r\nline", 6);
    vd_sterm_cursor(t, &row, &col, &visible);
    assert_int_equal(row, 23);
    assert_int_equal(col, 4);
    vd_sterm_line_text(t, vd_sterm_lines(t) - 1, line, sizeof(line));
    assert_string_equal(line, "line");
    vd_sterm_free(t);
}

/* Through the terminal: text low on a tall console, the cursor at the
 * top, then the window shrinks (libvterm put the cursor on row -25 and
 * wrote outside the screen). */
static void
test_terminal_shrinks_cursor_above(void **state)
{
    vd_sterm *t = vd_sterm_new(50, 80, 10, NULL, NULL);
    const char *s = "\x1b[45;1Hstatus\x1b[1;1H";
    char line[256];
    int i, row, col;
    bool visible;

    (void)state;
    assert_non_null(t);
    vd_sterm_write(t, s, strlen(s));
    vd_sterm_resize(t, 20, 80);
    vd_sterm_cursor(t, &row, &col, &visible);
    assert_int_equal(row, 0);
    assert_int_equal(col, 0);
    for (i = 0; i < 30; i++)
        vd_sterm_write(t, "\r\nline", 6);
    vd_sterm_write(t, "\x1bM\x1bM\x1bM", 6);
    vd_sterm_cursor(t, &row, &col, &visible);
    assert_int_equal(row, 16);
    vd_sterm_line_text(t, vd_sterm_lines(t) - 1, line, sizeof(line));
    assert_string_equal(line, "line");
    vd_sterm_free(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_passes_ordinary),
        cmocka_unit_test(test_drops_extra_separators),
        cmocka_unit_test(test_terminal_survives),
        cmocka_unit_test(test_region_tracking),
        cmocka_unit_test(test_terminal_shrinks_below_region),
        cmocka_unit_test(test_terminal_shrinks_cursor_above),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
