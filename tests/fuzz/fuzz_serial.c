/*
 * fuzz_serial.c: the serial console's terminal emulator (the guest's
 * output, any bytes at all, through src/console/serial_term.c on
 * libvterm). The first bytes of the input choose the screen size, the
 * chunk size the stream is cut into and a resize half-way; the rest is
 * what the guest sends. Everything the view reads afterwards must be
 * in range: cursor, cells, scrollback lines and their text.
 */
#include "console/serial_term.h"
#include "fuzz.h"

/* Count the terminal's answers to the guest. */
static void
on_output(const char *bytes, size_t len, void *opaque)
{
    size_t *n = opaque;

    (void)bytes;
    *n += len;
}

/* Read every line and screen cell the way the serial view does. */
static void
read_back(vd_sterm *t)
{
    static vd_sterm_cell cells[VD_STERM_MAX_COLS];
    static char text[VD_STERM_MAX_COLS * 4 * VD_STERM_CELL_CHARS + 1];
    int rows, cols, row, col, r, c;
    bool visible;
    size_t lines = vd_sterm_lines(t), i, n, len;
    vd_sterm_cell cell;

    vd_sterm_size(t, &rows, &cols);
    VD_FUZZ_ASSERT(rows >= VD_STERM_MIN_ROWS && rows <= VD_STERM_MAX_ROWS);
    VD_FUZZ_ASSERT(cols >= VD_STERM_MIN_COLS && cols <= VD_STERM_MAX_COLS);
    VD_FUZZ_ASSERT(lines == vd_sterm_scrollback(t) + (size_t)rows);
    vd_sterm_cursor(t, &row, &col, &visible);
    VD_FUZZ_ASSERT(row >= 0 && row < rows && col >= 0 && col <= cols);
    for (i = 0; i <= lines; i++) {
        n = vd_sterm_line_cells(t, i, cells, VD_STERM_MAX_COLS);
        VD_FUZZ_ASSERT(n <= VD_STERM_MAX_COLS && (i < lines || n == 0));
        len = vd_sterm_line_text(t, i, text, sizeof(text));
        VD_FUZZ_ASSERT(len < sizeof(text) && strlen(text) == len);
    }
    (void)vd_sterm_line_find(t, 0, "e");
    (void)vd_sterm_line_find(t, lines - 1, "e");
    /* the edges of the screen and just outside it, and the cursor's row */
    for (r = -1; r <= rows; r++) {
        for (c = -1; c <= cols; c++) {
            if (r > 0 && r < rows - 1 && r != row && c > 0 && c < cols - 1)
                continue;
            vd_sterm_cell_at(t, r, c, &cell);
            VD_FUZZ_ASSERT(cell.width <= 2);
        }
    }
}

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t answered = 0, chunk, pos;
    vd_sterm *t;

    if (size < 4)
        return 0;
    t = vd_sterm_new(data[0] % 70, data[1], data[2] % 40, on_output, &answered);
    if (!t)
        return 0;
    chunk = 1 + data[3] % 97;
    data += 4;
    size -= 4;
    for (pos = 0; pos < size; pos += chunk) {
        size_t n = size - pos < chunk ? size - pos : chunk;

        vd_sterm_write(t, (const char *)data + pos, n);
        if (pos < size / 2 && pos + n >= size / 2) {
            read_back(t);
            vd_sterm_resize(t, 1 + data[pos] % 50, data[pos + n - 1]);
        }
    }
    read_back(t);
    vd_sterm_key_press(t, VD_STERM_KEY_UP, 0);
    vd_sterm_key_press(t, VD_STERM_KEY_F1 + (int)(size % 12), VD_STERM_MOD_CTRL);
    vd_sterm_char(t, size ? data[size - 1] : 'x', VD_STERM_MOD_ALT);
    vd_sterm_char(t, 0x20ac, 0);
    vd_sterm_free(t);
    return 0;
}
