/*
 * serial_term.h: the serial console's terminal emulator (issue 7).
 *
 * A thin layer over libvterm: the guest's output goes in with
 * vd_sterm_write(), a grid of cells comes out (characters, colours,
 * bold/underline/reverse...), with the cursor and a bounded ring of
 * the lines that scrolled off the top. What the terminal answers the
 * guest (device status reports, the bytes of the keys typed) is handed
 * to the output callback, which sends it back through the stream.
 *
 * Pure: no curses, no libvirt, no threads; one owner calls it.
 *
 * Lines are numbered over scrollback and screen together: 0 is the
 * oldest line kept in the scrollback, vd_sterm_scrollback() the top
 * row of the screen, vd_sterm_lines() - 1 its bottom row.
 */
#ifndef VD_CONSOLE_SERIAL_TERM_H
#define VD_CONSOLE_SERIAL_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VD_STERM_DEFAULT_SCROLLBACK 10000
#define VD_STERM_MIN_ROWS 2
#define VD_STERM_MIN_COLS 10
#define VD_STERM_MAX_ROWS 1000
#define VD_STERM_MAX_COLS 1000

typedef struct vd_sterm vd_sterm;

/* A colour: the terminal's default, a palette index (0-15 the ANSI
 * colours, 16-255 xterm's cube and greys) or 24-bit RGB. */
typedef enum {
    VD_STERM_COLOR_DEFAULT = 0,
    VD_STERM_COLOR_INDEXED,
    VD_STERM_COLOR_RGB,
} vd_sterm_color_kind;

typedef struct vd_sterm_color {
    uint8_t kind;               /* vd_sterm_color_kind */
    uint8_t idx;                /* INDEXED */
    uint8_t r, g, b;            /* RGB; for INDEXED, the palette's RGB */
} vd_sterm_color;

enum {
    VD_STERM_BOLD = 1u << 0,
    VD_STERM_UNDERLINE = 1u << 1,
    VD_STERM_REVERSE = 1u << 2,
    VD_STERM_ITALIC = 1u << 3,
    VD_STERM_BLINK = 1u << 4,
    VD_STERM_STRIKE = 1u << 5,
};

#define VD_STERM_CELL_CHARS 2   /* a character and one combining mark */

typedef struct vd_sterm_cell {
    uint32_t ch[VD_STERM_CELL_CHARS]; /* code points, 0-terminated when fewer
                                       * than VD_STERM_CELL_CHARS; ch[0] == 0:
                                       * blank, or the right half of a wide
                                       * character (width 0) */
    uint8_t width;              /* 1, 2 (wide), 0 (right half of a wide one) */
    uint8_t attrs;              /* VD_STERM_* */
    vd_sterm_color fg, bg;
} vd_sterm_cell;

/* Receives the bytes the terminal sends to the guest. */
typedef void (*vd_sterm_output_fn)(const char *bytes, size_t len, void *opaque);

/* A terminal of rows x cols (clamped to the MIN/MAX above) keeping at
 * most max_scrollback lines (0: none). out may be NULL (answers are
 * dropped). NULL when out of memory. Free with vd_sterm_free(). */
vd_sterm *vd_sterm_new(int rows, int cols, size_t max_scrollback,
                       vd_sterm_output_fn out, void *opaque);
void vd_sterm_free(vd_sterm *t);

/* Feed the guest's output; sequences and UTF-8 may be split anywhere
 * between calls. */
void vd_sterm_write(vd_sterm *t, const char *bytes, size_t len);

/* New size (clamped). The screen's content is kept: rows that no
 * longer fit go to the scrollback, rows gained come back from it. */
void vd_sterm_resize(vd_sterm *t, int rows, int cols);
void vd_sterm_size(const vd_sterm *t, int *rows, int *cols);

/* The cursor's position on the screen and whether it is shown. */
void vd_sterm_cursor(const vd_sterm *t, int *row, int *col, bool *visible);

/* The cell at (row, col) of the screen; a blank cell outside it. */
void vd_sterm_cell_at(const vd_sterm *t, int row, int col, vd_sterm_cell *cell);

/* Lines in the scrollback, and in scrollback + screen. */
size_t vd_sterm_scrollback(const vd_sterm *t);
size_t vd_sterm_lines(const vd_sterm *t);

/* Copy line `line` (numbered as above) into cells[0..max): returns the
 * cells it has (a scrollback line may be shorter or longer than the
 * screen is wide now; trailing blanks are not kept); 0 when out of range. */
size_t vd_sterm_line_cells(const vd_sterm *t, size_t line,
                           vd_sterm_cell *cells, size_t max);

/* The text of a line as UTF-8 (trailing blanks dropped), NUL-terminated
 * in buf[len]. Returns its length in bytes. */
size_t vd_sterm_line_text(const vd_sterm *t, size_t line, char *buf, size_t len);

/* The column where needle first occurs in line, or -1 (also for an
 * empty needle). Case-sensitive; whole characters. */
int vd_sterm_line_find(const vd_sterm *t, size_t line, const char *needle);

/* Counts changes of the screen or scrollback: a new value means redraw. */
uint64_t vd_sterm_generation(const vd_sterm *t);

/* Keys typed: written to the output callback as the terminal sends them
 * (respecting the guest's application cursor/keypad modes). */
typedef enum {
    VD_STERM_KEY_ENTER = 1,
    VD_STERM_KEY_TAB,
    VD_STERM_KEY_BACKSPACE,
    VD_STERM_KEY_ESCAPE,
    VD_STERM_KEY_UP,
    VD_STERM_KEY_DOWN,
    VD_STERM_KEY_LEFT,
    VD_STERM_KEY_RIGHT,
    VD_STERM_KEY_INS,
    VD_STERM_KEY_DEL,
    VD_STERM_KEY_HOME,
    VD_STERM_KEY_END,
    VD_STERM_KEY_PAGEUP,
    VD_STERM_KEY_PAGEDOWN,
    VD_STERM_KEY_F1,            /* F1..F12 follow */
    VD_STERM_KEY_F12 = VD_STERM_KEY_F1 + 11,
} vd_sterm_key;

enum {
    VD_STERM_MOD_SHIFT = 1u << 0,
    VD_STERM_MOD_ALT = 1u << 1,
    VD_STERM_MOD_CTRL = 1u << 2,
};

void vd_sterm_key_press(vd_sterm *t, vd_sterm_key key, unsigned int mods);

/* A character typed (a code point; control characters are sent as they are). */
void vd_sterm_char(vd_sterm *t, uint32_t c, unsigned int mods);

/* Encode code point c as UTF-8 into out[4]; returns the bytes (0 for
 * an invalid one). */
size_t vd_sterm_utf8(uint32_t c, char *out);

#endif
