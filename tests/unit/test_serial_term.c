/*
 * test_serial_term.c: the serial console's terminal emulator
 * (src/console/serial_term.c) fed with byte strings, read back as
 * cells, lines, the cursor and the bytes it answers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "console/serial_term.h"

/* What the terminal sent back to the guest. */
typedef struct answer {
    char buf[256];
    size_t len;
} answer;

/* Output callback: collect the bytes. */
static void
collect(const char *bytes, size_t len, void *opaque)
{
    answer *a = opaque;

    if (a->len + len < sizeof(a->buf)) {
        memcpy(a->buf + a->len, bytes, len);
        a->len += len;
        a->buf[a->len] = '\0';
    }
}

/* Feed a C string. */
static void
put(vd_sterm *t, const char *s)
{
    vd_sterm_write(t, s, strlen(s));
}

/* The text of screen row `row` (a static buffer). */
static const char *
row_text(const vd_sterm *t, int row)
{
    static char buf[4096];

    vd_sterm_line_text(t, vd_sterm_scrollback(t) + (size_t)row, buf, sizeof(buf));
    return buf;
}

/* The cell at (row, col). */
static vd_sterm_cell
cell(const vd_sterm *t, int row, int col)
{
    vd_sterm_cell c;

    vd_sterm_cell_at(t, row, col, &c);
    return c;
}

/* Plain text lands on row 0 with the cursor after it. */
static void
test_plain_text(void **state)
{
    vd_sterm *t = vd_sterm_new(24, 80, 100, NULL, NULL);
    int r, c;
    bool vis;

    (void)state;
    assert_non_null(t);
    put(t, "SeaBIOS (version 1.16)");
    assert_string_equal(row_text(t, 0), "SeaBIOS (version 1.16)");
    assert_string_equal(row_text(t, 1), "");
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_int_equal(r, 0);
    assert_int_equal(c, 22);
    assert_true(vis);
    assert_int_equal(cell(t, 0, 0).ch[0], 'S');
    assert_int_equal(cell(t, 0, 0).width, 1);
    assert_int_equal(cell(t, 0, 0).fg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(cell(t, 0, 0).bg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(cell(t, 0, 0).attrs, 0);
    assert_int_equal(vd_sterm_lines(t), 24);
    vd_sterm_free(t);
}

/* CR returns to column 0 and overwrites; LF moves down (no CR: the
 * column stays, as on a real terminal); CR LF starts a new line. */
static void
test_cr_lf(void **state)
{
    vd_sterm *t = vd_sterm_new(24, 80, 100, NULL, NULL);
    int r, c;
    bool vis;

    (void)state;
    put(t, "hello\rJ");
    assert_string_equal(row_text(t, 0), "Jello");
    put(t, "\r\nsecond\r\n");
    assert_string_equal(row_text(t, 1), "second");
    put(t, "ab\ncd");
    assert_string_equal(row_text(t, 2), "ab");
    assert_string_equal(row_text(t, 3), "  cd");
    put(t, "\b\bX\tY");
    assert_string_equal(row_text(t, 3), "  Xd    Y");
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_int_equal(r, 3);
    assert_int_equal(c, 9);
    vd_sterm_free(t);
}

/* A line longer than the screen wraps to the next row. */
static void
test_wrap(void **state)
{
    vd_sterm *t = vd_sterm_new(5, 10, 100, NULL, NULL);

    (void)state;
    put(t, "0123456789abcde");
    assert_string_equal(row_text(t, 0), "0123456789");
    assert_string_equal(row_text(t, 1), "abcde");
    vd_sterm_free(t);
}

/* ESC[2J clears the screen; ESC[H homes the cursor. */
static void
test_clear(void **state)
{
    vd_sterm *t = vd_sterm_new(5, 20, 100, NULL, NULL);
    int r, c, i;
    bool vis;

    (void)state;
    put(t, "one\r\ntwo\r\nthree");
    put(t, "\x1b[H\x1b[2J");
    for (i = 0; i < 5; i++)
        assert_string_equal(row_text(t, i), "");
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_int_equal(r, 0);
    assert_int_equal(c, 0);
    put(t, "after");
    assert_string_equal(row_text(t, 0), "after");
    vd_sterm_free(t);
}

/* CUP, relative moves, erase to end of line; cursor hiding. */
static void
test_cursor_position(void **state)
{
    vd_sterm *t = vd_sterm_new(10, 40, 100, NULL, NULL);
    int r, c;
    bool vis;

    (void)state;
    put(t, "\x1b[5;10HX");
    assert_int_equal(cell(t, 4, 9).ch[0], 'X');
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_int_equal(r, 4);
    assert_int_equal(c, 10);
    put(t, "\x1b[2AUp\x1b[3DL");   /* up 2 to (2,10), Up, left 3 to col 9 */
    assert_string_equal(row_text(t, 2), "         LUp");
    put(t, "\x1b[1;1Habcdef\x1b[1;3H\x1b[K");
    assert_string_equal(row_text(t, 0), "ab");
    put(t, "\x1b[?25l");
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_false(vis);
    put(t, "\x1b[?25h");
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_true(vis);
    vd_sterm_free(t);
}

/* SGR: 16 colours, 256 colours, truecolor, default, attributes. */
static void
test_sgr_colors(void **state)
{
    vd_sterm *t = vd_sterm_new(5, 40, 100, NULL, NULL);
    vd_sterm_cell x;

    (void)state;
    put(t, "\x1b[31;44mA\x1b[0mB\x1b[1;4;7mC\x1b[0m");
    put(t, "\x1b[38;5;208;48;5;17mD\x1b[38;2;10;20;30;48;2;200;150;100mE");
    put(t, "\x1b[39;49mF\x1b[92mG");

    x = cell(t, 0, 0);
    assert_int_equal(x.ch[0], 'A');
    assert_int_equal(x.fg.kind, VD_STERM_COLOR_INDEXED);
    assert_int_equal(x.fg.idx, 1);
    assert_int_equal(x.bg.kind, VD_STERM_COLOR_INDEXED);
    assert_int_equal(x.bg.idx, 4);

    x = cell(t, 0, 1);
    assert_int_equal(x.fg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(x.bg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(x.attrs, 0);

    x = cell(t, 0, 2);
    assert_int_equal(x.attrs, VD_STERM_BOLD | VD_STERM_UNDERLINE | VD_STERM_REVERSE);

    x = cell(t, 0, 3);
    assert_int_equal(x.fg.kind, VD_STERM_COLOR_INDEXED);
    assert_int_equal(x.fg.idx, 208);
    /* the cube: 208 = 16 + 36*5 + 6*2 + 0 -> levels (5, 2, 0); libvterm's
     * palette steps by 0x33 */
    assert_int_equal(x.fg.r, 0xff);
    assert_int_equal(x.fg.g, 0x66);
    assert_int_equal(x.fg.b, 0);
    assert_int_equal(x.bg.idx, 17);

    x = cell(t, 0, 4);
    assert_int_equal(x.fg.kind, VD_STERM_COLOR_RGB);
    assert_int_equal(x.fg.r, 10);
    assert_int_equal(x.fg.g, 20);
    assert_int_equal(x.fg.b, 30);
    assert_int_equal(x.bg.kind, VD_STERM_COLOR_RGB);
    assert_int_equal(x.bg.r, 200);
    assert_int_equal(x.bg.g, 150);
    assert_int_equal(x.bg.b, 100);

    x = cell(t, 0, 5);
    assert_int_equal(x.fg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(x.bg.kind, VD_STERM_COLOR_DEFAULT);

    x = cell(t, 0, 6);
    assert_int_equal(x.fg.kind, VD_STERM_COLOR_INDEXED);
    assert_int_equal(x.fg.idx, 10);
    vd_sterm_free(t);
}

/* A multi-byte character split across two writes, and a wide one;
 * an escape sequence split too. */
static void
test_utf8_split(void **state)
{
    vd_sterm *t = vd_sterm_new(5, 40, 100, NULL, NULL);
    const char *s = "h\xc3\xa9llo \xe2\x82\xac \xe6\x97\xa5!";   /* héllo € 日! */
    size_t len = strlen(s), cut;

    (void)state;
    /* cut in the middle of é, then of €, then of 日 */
    vd_sterm_write(t, s, 2);
    vd_sterm_write(t, s + 2, 6);
    cut = 8;
    vd_sterm_write(t, s + cut, 1);
    vd_sterm_write(t, s + cut + 1, 4);
    vd_sterm_write(t, s + cut + 5, len - cut - 5);
    assert_string_equal(row_text(t, 0), s);
    assert_int_equal(cell(t, 0, 1).ch[0], 0xe9);
    assert_int_equal(cell(t, 0, 6).ch[0], 0x20ac);
    assert_int_equal(cell(t, 0, 8).ch[0], 0x65e5);
    assert_int_equal(cell(t, 0, 8).width, 2);
    assert_int_equal(cell(t, 0, 9).width, 0);    /* its right half */
    assert_int_equal(cell(t, 0, 9).ch[0], 0);
    assert_int_equal(cell(t, 0, 10).ch[0], '!');
    assert_int_equal(vd_sterm_line_find(t, 0, "!"), 10);
    assert_int_equal(vd_sterm_line_find(t, 0, "\xe2\x82\xac"), 6);

    /* DEC line drawing (ESC ( 0) becomes box characters */
    put(t, "\r\n\x1b(0lqk\x1b(B");
    assert_string_equal(row_text(t, 1), "\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90");
    put(t, "\x1b[2K\r");
    put(t, "\x1b[3");
    put(t, "2mZ");
    assert_int_equal(cell(t, 1, 0).ch[0], 'Z');
    assert_int_equal(cell(t, 1, 0).fg.idx, 2);
    vd_sterm_free(t);

    /* every cut, and byte by byte */
    for (cut = 0; cut <= len; cut++) {
        t = vd_sterm_new(5, 40, 100, NULL, NULL);
        vd_sterm_write(t, s, cut);
        vd_sterm_write(t, s + cut, len - cut);
        assert_string_equal(row_text(t, 0), s);
        vd_sterm_free(t);
    }
    t = vd_sterm_new(5, 40, 100, NULL, NULL);
    for (cut = 0; cut < len; cut++)
        vd_sterm_write(t, s + cut, 1);
    assert_string_equal(row_text(t, 0), s);
    /* an invalid sequence is shown as one replacement, then text goes on */
    put(t, "\r\n\xe2\x82");
    put(t, "ok");
    assert_string_equal(row_text(t, 1) + strlen(row_text(t, 1)) - 2, "ok");
    vd_sterm_free(t);
}

/* Lines scrolled off the top go to the scrollback, oldest first, at
 * most max of them; colours are kept there. */
static void
test_scrollback(void **state)
{
    vd_sterm *t = vd_sterm_new(3, 20, 5, NULL, NULL);
    vd_sterm_cell cells[20];
    char buf[64];
    int i;

    (void)state;
    for (i = 0; i < 4; i++) {
        snprintf(buf, sizeof(buf), "%sline %d\r\n", i == 0 ? "\x1b[33m" : "\x1b[0m", i);
        put(t, buf);
    }
    /* 4 lines + the empty one the cursor is on: 2 scrolled off */
    assert_int_equal(vd_sterm_scrollback(t), 2);
    assert_int_equal(vd_sterm_lines(t), 5);
    vd_sterm_line_text(t, 0, buf, sizeof(buf));
    assert_string_equal(buf, "line 0");
    vd_sterm_line_text(t, 1, buf, sizeof(buf));
    assert_string_equal(buf, "line 1");
    assert_string_equal(row_text(t, 0), "line 2");
    assert_int_equal(vd_sterm_line_cells(t, 0, cells, 20), 6); /* trimmed */
    assert_int_equal(cells[0].fg.kind, VD_STERM_COLOR_INDEXED);
    assert_int_equal(cells[0].fg.idx, 3);
    assert_int_equal(vd_sterm_line_find(t, 1, "1"), 5);

    /* the bound: 20 more lines keep only the newest 5 */
    for (i = 4; i < 24; i++) {
        snprintf(buf, sizeof(buf), "line %d\r\n", i);
        put(t, buf);
    }
    assert_int_equal(vd_sterm_scrollback(t), 5);
    vd_sterm_line_text(t, 0, buf, sizeof(buf));
    assert_string_equal(buf, "line 17");
    vd_sterm_line_text(t, 4, buf, sizeof(buf));
    assert_string_equal(buf, "line 21");
    assert_int_equal(vd_sterm_line_cells(t, 99, cells, 20), 0);
    vd_sterm_free(t);

    /* styles change along a line; a wide character and a combining
     * mark: all kept in the scrollback, and back on the screen */
    t = vd_sterm_new(2, 20, 10, NULL, NULL);
    put(t, "a\x1b[1;31mb\x1b[0;44mc\x1b[0m \xe6\x97\xa5" "e\xcc\x81!\r\n\r\n");
    assert_int_equal(vd_sterm_scrollback(t), 1);
    assert_int_equal(vd_sterm_line_cells(t, 0, cells, 20), 8);
    assert_int_equal(cells[0].ch[0], 'a');
    assert_int_equal(cells[0].fg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(cells[1].attrs, VD_STERM_BOLD);
    assert_int_equal(cells[1].fg.idx, 1);
    assert_int_equal(cells[2].attrs, 0);
    assert_int_equal(cells[2].fg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(cells[2].bg.idx, 4);
    assert_int_equal(cells[3].bg.kind, VD_STERM_COLOR_DEFAULT);
    assert_int_equal(cells[4].ch[0], 0x65e5);
    assert_int_equal(cells[4].width, 2);
    assert_int_equal(cells[5].width, 0);
    assert_int_equal(cells[6].ch[0], 'e');
    assert_int_equal(cells[6].ch[1], 0x301);
    vd_sterm_line_text(t, 0, buf, sizeof(buf));
    assert_string_equal(buf, "abc \xe6\x97\xa5" "e\xcc\x81!");
    vd_sterm_resize(t, 3, 20);  /* back on the screen */
    assert_int_equal(vd_sterm_scrollback(t), 0);
    assert_string_equal(row_text(t, 0), "abc \xe6\x97\xa5" "e\xcc\x81!");
    assert_int_equal(cell(t, 0, 1).fg.idx, 1);
    assert_int_equal(cell(t, 0, 1).attrs, VD_STERM_BOLD);
    assert_int_equal(cell(t, 0, 2).bg.idx, 4);
    assert_int_equal(cell(t, 0, 4).width, 2);
    assert_int_equal(cell(t, 0, 5).width, 0);
    assert_int_equal(cell(t, 0, 6).ch[1], 0x301);
    vd_sterm_free(t);

    /* no scrollback at all */
    t = vd_sterm_new(3, 20, 0, NULL, NULL);
    put(t, "a\r\nb\r\nc\r\nd\r\n");
    assert_int_equal(vd_sterm_scrollback(t), 0);
    assert_string_equal(row_text(t, 0), "c");
    vd_sterm_free(t);
}

/* Resizing keeps the text: fewer rows push the top ones to the
 * scrollback, more rows bring them back; narrower keeps the left part. */
static void
test_resize(void **state)
{
    vd_sterm *t = vd_sterm_new(6, 30, 100, NULL, NULL);
    char buf[64];
    int rows, cols, r, c;
    bool vis;

    (void)state;
    put(t, "first\r\nsecond\r\nthird\r\nfourth");
    vd_sterm_resize(t, 2, 30);
    vd_sterm_size(t, &rows, &cols);
    assert_int_equal(rows, 2);
    assert_int_equal(cols, 30);
    assert_string_equal(row_text(t, 0), "third");
    assert_string_equal(row_text(t, 1), "fourth");
    assert_int_equal(vd_sterm_scrollback(t), 2);
    vd_sterm_line_text(t, 0, buf, sizeof(buf));
    assert_string_equal(buf, "first");
    vd_sterm_cursor(t, &r, &c, &vis);
    assert_int_equal(r, 1);
    assert_int_equal(c, 6);

    vd_sterm_resize(t, 6, 30);
    assert_int_equal(vd_sterm_scrollback(t), 0);
    assert_string_equal(row_text(t, 0), "first");
    assert_string_equal(row_text(t, 3), "fourth");

    vd_sterm_resize(t, 6, 12);
    assert_string_equal(row_text(t, 1), "second");
    put(t, "\r\n0123456789abcdef");
    assert_string_equal(row_text(t, 4), "0123456789ab");
    assert_string_equal(row_text(t, 5), "cdef");

    /* a wide character in the last column comes back from the scrollback
     * into a narrower screen: it no longer fits and is left out */
    vd_sterm_free(t);
    t = vd_sterm_new(2, 11, 100, NULL, NULL);
    put(t, "123456789\xe6\x97\xa5\r\n\xe6\x97\xa5x\r\nz");
    assert_int_equal(vd_sterm_scrollback(t), 1);
    vd_sterm_resize(t, 4, 10);
    assert_int_equal(vd_sterm_scrollback(t), 0);
    assert_string_equal(row_text(t, 0), "123456789");
    assert_string_equal(row_text(t, 1), "\xe6\x97\xa5x");
    assert_int_equal(cell(t, 1, 0).width, 2);
    assert_int_equal(cell(t, 1, 1).width, 0);
    assert_string_equal(row_text(t, 2), "z");

    /* a minimum size */
    vd_sterm_resize(t, 0, 1);
    vd_sterm_size(t, &rows, &cols);
    assert_int_equal(rows, VD_STERM_MIN_ROWS);
    assert_int_equal(cols, VD_STERM_MIN_COLS);
    vd_sterm_free(t);
}

/* Device status report, cursor position report, device attributes:
 * the answers go to the output callback. */
static void
test_dsr_answer(void **state)
{
    answer a = { .len = 0 };
    vd_sterm *t = vd_sterm_new(24, 80, 100, collect, &a);

    (void)state;
    put(t, "\x1b[5n");
    assert_int_equal(a.len, 4);
    assert_memory_equal(a.buf, "\x1b[0n", 4);
    a.len = 0;
    put(t, "\x1b[7;12H\x1b[6n");
    assert_string_equal(a.buf, "\x1b[7;12R");
    a.len = 0;
    put(t, "\x1b[c");
    assert_true(a.len > 3);
    assert_memory_equal(a.buf, "\x1b[?", 3);
    assert_int_equal(a.buf[a.len - 1], 'c');
    vd_sterm_free(t);
}

/* Keys come out as a terminal sends them, following DECCKM. */
static void
test_keys(void **state)
{
    answer a = { .len = 0 };
    vd_sterm *t = vd_sterm_new(24, 80, 100, collect, &a);

    (void)state;
    vd_sterm_key_press(t, VD_STERM_KEY_UP, 0);
    assert_string_equal(a.buf, "\x1b[A");
    a.len = 0;
    put(t, "\x1b[?1h");         /* application cursor keys */
    vd_sterm_key_press(t, VD_STERM_KEY_UP, 0);
    assert_string_equal(a.buf, "\x1bOA");
    a.len = 0;
    put(t, "\x1b[?1l");
    vd_sterm_key_press(t, VD_STERM_KEY_ENTER, 0);
    vd_sterm_key_press(t, VD_STERM_KEY_BACKSPACE, 0);
    vd_sterm_key_press(t, VD_STERM_KEY_F1, 0);
    vd_sterm_key_press(t, VD_STERM_KEY_F1 + 4, 0);
    vd_sterm_key_press(t, VD_STERM_KEY_PAGEUP, 0);
    assert_string_equal(a.buf, "\r\x7f\x1bOP\x1b[15~\x1b[5~");
    a.len = 0;
    vd_sterm_char(t, 'a', 0);
    vd_sterm_char(t, 0xe9, 0);
    vd_sterm_char(t, 3, 0);     /* Ctrl+C as read */
    vd_sterm_char(t, 'x', VD_STERM_MOD_ALT);
    assert_string_equal(a.buf, "a\xc3\xa9\x03\x1bx");
    vd_sterm_free(t);
}

/* The alternate screen (vi, top) leaves the scrollback alone and gives
 * the old screen back on exit. */
static void
test_altscreen(void **state)
{
    vd_sterm *t = vd_sterm_new(3, 20, 100, NULL, NULL);
    uint64_t g;

    (void)state;
    put(t, "shell$ ");
    g = vd_sterm_generation(t);
    put(t, "\x1b[?1049h\x1b[H\x1b[2Jfull screen\r\n1\r\n2\r\n3\r\n");
    assert_true(vd_sterm_generation(t) != g);
    assert_int_equal(vd_sterm_scrollback(t), 0);
    put(t, "\x1b[?1049l");
    assert_string_equal(row_text(t, 0), "shell$");
    vd_sterm_free(t);
}

/* Guest output that libvterm 0.1.4 mishandles (found by fuzz_serial):
 * REP with no character before it loops forever there; a byte >= 0x80
 * after ESC leaves it in the escape state, so a CSI with too many
 * separators may follow. */
static void
test_libvterm_traps(void **state)
{
    vd_sterm *t = vd_sterm_new(5, 40, 10, NULL, NULL);
    char seq[128];
    int i, n;

    (void)state;
    put(t, "\x1b[5b");          /* REP first: ignored */
    put(t, "A\x1b[3bB");        /* REP after a character: AAAA */
    assert_string_equal(row_text(t, 0), "AAAAB");
    put(t, "\x1b" "c\x1b[2b");  /* after a full reset: ignored again */
    put(t, "x");
    assert_string_equal(row_text(t, 0), "x");
    put(t, "\x1b" "c\x1b]0;title\x07\x1bP1$r\x1b\\\x1b[3b");  /* strings print nothing */
    put(t, "x");
    assert_string_equal(row_text(t, 0), "x");
    put(t, "\xc3\xa9\x1b[2bz");  /* after a non-ASCII one: ignored */
    assert_string_equal(row_text(t, 0), "x\xc3\xa9z");
    n = snprintf(seq, sizeof(seq), "\x1b\xd4[1");
    for (i = 0; i < 40; i++)
        seq[n++] = ';';
    seq[n++] = 'm';
    seq[n] = '\0';
    put(t, "\r\n");
    put(t, seq);
    put(t, "after");
    assert_non_null(strstr(row_text(t, 1), "after"));

    /* C1 controls in UTF-8 are dropped (libvterm gives them width -1 and
     * moves the cursor left); stray bytes become U+FFFD; a sequence cut
     * by ESC too, and the escape sequence still works */
    put(t, "\r\n\x1b[2Kab\xc2\x8a\xc2");
    put(t, "\x9b" "cd");
    assert_string_equal(row_text(t, 2), "abcd");
    {
        int r, c;
        bool vis;

        vd_sterm_cursor(t, &r, &c, &vis);
        assert_int_equal(c, 4);
    }
    put(t, "\r\n\x1b[2K\x8a" "x\xc3\x1b[31mZ\xed\xa0\x80");
    assert_string_equal(row_text(t, 3), "\xef\xbf\xbdx\xef\xbf\xbdZ\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    assert_int_equal(cell(t, 3, 3).fg.idx, 1);     /* Z */
    vd_sterm_free(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text),
        cmocka_unit_test(test_cr_lf),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_clear),
        cmocka_unit_test(test_cursor_position),
        cmocka_unit_test(test_sgr_colors),
        cmocka_unit_test(test_utf8_split),
        cmocka_unit_test(test_scrollback),
        cmocka_unit_test(test_resize),
        cmocka_unit_test(test_dsr_answer),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_altscreen),
        cmocka_unit_test(test_libvterm_traps),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
