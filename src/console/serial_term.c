/*
 * serial_term.c: the serial console's terminal emulator on libvterm
 * (see serial_term.h).
 *
 * libvterm parses the guest's output and keeps the screen; we take its
 * cells as they are asked for, and keep the lines its screen layer
 * pushes off the top (sb_pushline) in a ring of at most max_sb lines,
 * trimmed of trailing blanks. When the screen grows, libvterm pulls
 * lines back (sb_popline). Its output callback (answers to DSR/DA,
 * the bytes of keys) goes to the caller's callback.
 *
 * libvterm 0.1.4 (Debian 12) has bugs the guest's output can reach
 * (found by tests/fuzz/fuzz_serial): the guest's bytes go through
 * csi_guard.h's filter and utf8_clean() before libvterm sees them, and
 * resize() and cb_sb_popline() work around the rest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vterm.h>

#include "console/csi_guard.h"
#include "console/serial_term.h"

/* A scrollback line, compact: a code point per cell and runs of equal
 * attributes and colours (a boot log line is one run), about 4 bytes a
 * cell instead of sizeof(vd_sterm_cell). */
#define SB_WIDE_RIGHT 0xffffffffu /* chars[]: the right half of a wide one */

typedef struct sb_run {
    uint16_t start;             /* its first cell */
    uint8_t attrs;
    vd_sterm_color fg, bg;
} sb_run;

typedef struct sb_line {
    uint32_t *chars;            /* n code points (0: blank); NULL when n == 0 */
    uint32_t *marks;            /* NULL, or a combining mark per cell (0: none) */
    sb_run *runs;               /* nruns, the first starting at 0 */
    uint16_t n, nruns;
} sb_line;

struct vd_sterm {
    VTerm *vt;
    VTermScreen *screen;
    int rows, cols;
    vd_sterm_output_fn out;
    void *opaque;

    sb_line *sb;                /* ring of max_sb lines */
    size_t max_sb;
    size_t sb_first;            /* index of the oldest line */
    size_t sb_count;

    bool cursor_visible;
    uint64_t generation;

    /* the UTF-8 sequence being read (utf8_clean()) */
    unsigned char partial[4];
    size_t npartial;

    /* drops what libvterm 0.1.4 would overflow on (csi_guard.h) */
    vd_csi_guard guard;
};

/* Clamp v into [lo, hi]. */
static int
clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Encode c as UTF-8; see serial_term.h. */
size_t
vd_sterm_utf8(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c >= 0xd800 && c < 0xe000)
        return 0;
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    if (c < 0x110000) {
        out[0] = (char)(0xf0 | (c >> 18));
        out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[3] = (char)(0x80 | (c & 0x3f));
        return 4;
    }
    return 0;
}

/* A blank cell in the default colours. */
static void
blank_cell(vd_sterm_cell *c)
{
    memset(c, 0, sizeof(*c));
    c->width = 1;
}

/* libvterm's colour to ours. */
static vd_sterm_color
conv_color(const vd_sterm *t, const VTermColor *in, bool fg)
{
    vd_sterm_color c = { 0 };
    VTermColor rgb = *in;

    if (fg ? VTERM_COLOR_IS_DEFAULT_FG(in) : VTERM_COLOR_IS_DEFAULT_BG(in))
        return c;
    vterm_screen_convert_color_to_rgb(t->screen, &rgb);
    c.r = rgb.rgb.red;
    c.g = rgb.rgb.green;
    c.b = rgb.rgb.blue;
    if (VTERM_COLOR_IS_INDEXED(in)) {
        c.kind = VD_STERM_COLOR_INDEXED;
        c.idx = in->indexed.idx;
    } else {
        c.kind = VD_STERM_COLOR_RGB;
    }
    return c;
}

/* libvterm's cell to ours. */
static void
conv_cell(const vd_sterm *t, const VTermScreenCell *in, vd_sterm_cell *out)
{
    int i;

    memset(out, 0, sizeof(*out));
    if (in->chars[0] == (uint32_t)-1) {
        /* libvterm's mark for the right half of a wide character */
        out->bg = conv_color(t, &in->bg, false);
        return;
    }
    for (i = 0; i < VD_STERM_CELL_CHARS && i < VTERM_MAX_CHARS_PER_CELL &&
         in->chars[i]; i++)
        out->ch[i] = in->chars[i];
    out->width = in->width < 0 ? 0 : (uint8_t)in->width;
    out->attrs = (in->attrs.bold ? VD_STERM_BOLD : 0) |
        (in->attrs.underline ? VD_STERM_UNDERLINE : 0) |
        (in->attrs.reverse ? VD_STERM_REVERSE : 0) |
        (in->attrs.italic ? VD_STERM_ITALIC : 0) |
        (in->attrs.blink ? VD_STERM_BLINK : 0) |
        (in->attrs.strike ? VD_STERM_STRIKE : 0);
    out->fg = conv_color(t, &in->fg, true);
    out->bg = conv_color(t, &in->bg, false);
}

/* Whether a cell shows nothing (may be trimmed at the end of a line). */
static bool
cell_blank(const vd_sterm_cell *c)
{
    return (c->ch[0] == 0 || c->ch[0] == ' ') && c->width == 1 &&
        c->bg.kind == VD_STERM_COLOR_DEFAULT &&
        !(c->attrs & (VD_STERM_REVERSE | VD_STERM_UNDERLINE | VD_STERM_STRIKE));
}

/* Our cell back to libvterm's (for lines coming back from the scrollback). */
static void
unconv_cell(const vd_sterm *t, const vd_sterm_cell *in, VTermScreenCell *out)
{
    VTermColor dfg, dbg;
    VTermState *st = vterm_obtain_state(t->vt);
    int i;

    memset(out, 0, sizeof(*out));
    for (i = 0; i < VD_STERM_CELL_CHARS && in->ch[i]; i++)
        out->chars[i] = in->ch[i];
    out->width = (char)in->width;
    out->attrs.bold = !!(in->attrs & VD_STERM_BOLD);
    out->attrs.underline = (in->attrs & VD_STERM_UNDERLINE) ? 1 : 0;
    out->attrs.reverse = !!(in->attrs & VD_STERM_REVERSE);
    out->attrs.italic = !!(in->attrs & VD_STERM_ITALIC);
    out->attrs.blink = !!(in->attrs & VD_STERM_BLINK);
    out->attrs.strike = !!(in->attrs & VD_STERM_STRIKE);
    vterm_state_get_default_colors(st, &dfg, &dbg);
    if (in->fg.kind == VD_STERM_COLOR_INDEXED)
        vterm_color_indexed(&out->fg, in->fg.idx);
    else if (in->fg.kind == VD_STERM_COLOR_RGB)
        vterm_color_rgb(&out->fg, in->fg.r, in->fg.g, in->fg.b);
    else
        out->fg = dfg;
    if (in->bg.kind == VD_STERM_COLOR_INDEXED)
        vterm_color_indexed(&out->bg, in->bg.idx);
    else if (in->bg.kind == VD_STERM_COLOR_RGB)
        vterm_color_rgb(&out->bg, in->bg.r, in->bg.g, in->bg.b);
    else
        out->bg = dbg;
}

/* The scrollback line i (0: oldest). */
static sb_line *
sb_at(const vd_sterm *t, size_t i)
{
    return &t->sb[(t->sb_first + i) % t->max_sb];
}

/* Free a scrollback line's arrays and empty it. */
static void
sb_clear(sb_line *l)
{
    free(l->chars);
    free(l->marks);
    free(l->runs);
    memset(l, 0, sizeof(*l));
}

/* Whether two colours are the same. */
static bool
color_eq(const vd_sterm_color *a, const vd_sterm_color *b)
{
    return a->kind == b->kind && a->idx == b->idx && a->r == b->r &&
        a->g == b->g && a->b == b->b;
}

/* Store cells[0..n) (n > 0) compactly in l; false when out of memory. */
static bool
sb_pack(sb_line *l, const vd_sterm_cell *cells, size_t n)
{
    size_t i, nruns = 1;
    bool marks = false;

    for (i = 1; i < n; i++)
        if (cells[i].attrs != cells[i - 1].attrs ||
            !color_eq(&cells[i].fg, &cells[i - 1].fg) ||
            !color_eq(&cells[i].bg, &cells[i - 1].bg))
            nruns++;
    for (i = 0; i < n; i++)
        marks = marks || cells[i].ch[1];
    l->chars = malloc(n * sizeof(*l->chars));
    l->runs = malloc(nruns * sizeof(*l->runs));
    l->marks = marks ? calloc(n, sizeof(*l->marks)) : NULL;
    if (!l->chars || !l->runs || (marks && !l->marks)) {
        sb_clear(l);
        return false;
    }
    l->n = (uint16_t)n;
    l->nruns = 0;
    for (i = 0; i < n; i++) {
        l->chars[i] = cells[i].width == 0 ? SB_WIDE_RIGHT : cells[i].ch[0];
        if (marks)
            l->marks[i] = cells[i].ch[1];
        if (i == 0 || cells[i].attrs != cells[i - 1].attrs ||
            !color_eq(&cells[i].fg, &cells[i - 1].fg) ||
            !color_eq(&cells[i].bg, &cells[i - 1].bg)) {
            sb_run *r = &l->runs[l->nruns++];

            r->start = (uint16_t)i;
            r->attrs = cells[i].attrs;
            r->fg = cells[i].fg;
            r->bg = cells[i].bg;
        }
    }
    return true;
}

/* Expand up to max cells of l into cells; returns how many. */
static size_t
sb_unpack(const sb_line *l, vd_sterm_cell *cells, size_t max)
{
    size_t i, n = l->n < max ? l->n : max, r = 0;

    for (i = 0; i < n; i++) {
        vd_sterm_cell *c = &cells[i];

        while (r + 1 < l->nruns && l->runs[r + 1].start <= i)
            r++;
        memset(c, 0, sizeof(*c));
        if (l->chars[i] == SB_WIDE_RIGHT) {
            c->width = 0;
        } else {
            c->ch[0] = l->chars[i];
            c->ch[1] = l->marks && c->ch[0] ? l->marks[i] : 0;
            c->width = i + 1 < l->n && l->chars[i + 1] == SB_WIDE_RIGHT ? 2 : 1;
        }
        c->attrs = l->runs[r].attrs;
        c->fg = l->runs[r].fg;
        c->bg = l->runs[r].bg;
    }
    return n;
}

/* libvterm: a line left the top of the screen. */
static int
cb_sb_pushline(int cols, const VTermScreenCell *cells, void *user)
{
    vd_sterm *t = user;
    vd_sterm_cell *copy = NULL;
    sb_line line = { 0 }, *slot;
    size_t n = cols > 0 ? (size_t)cols : 0, i;

    if (!t->max_sb)
        return 1;
    if (n) {
        if (!(copy = malloc(n * sizeof(*copy))))
            return 1;           /* the line is lost; the screen goes on */
        for (i = 0; i < n; i++)
            conv_cell(t, &cells[i], &copy[i]);
        while (n && cell_blank(&copy[n - 1]))
            n--;
        if (n && !sb_pack(&line, copy, n)) {
            free(copy);
            return 1;
        }
        free(copy);
    }
    if (t->sb_count == t->max_sb) {
        sb_clear(sb_at(t, 0));
        t->sb_first = (t->sb_first + 1) % t->max_sb;
        t->sb_count--;
    }
    slot = sb_at(t, t->sb_count);
    *slot = line;
    t->sb_count++;
    t->generation++;
    return 1;
}

/* libvterm: the screen grew; give it back the newest scrollback line. */
static int
cb_sb_popline(int cols, VTermScreenCell *cells, void *user)
{
    vd_sterm *t = user;
    vd_sterm_cell *line = NULL, blank;
    size_t n = 0;
    int i;

    if (!t->sb_count)
        return 0;
    if (cols > 0 && !(line = malloc((size_t)cols * sizeof(*line))))
        return 0;
    if (line)
        n = sb_unpack(sb_at(t, t->sb_count - 1), line, (size_t)cols);
    blank_cell(&blank);
    /* libvterm steps through the row by each cell's width: a width-0
     * cell must follow a wide one, and a wide one needs its right half
     * on the row, else it loops or writes past the row */
    for (i = 0; i < cols; i++) {
        const vd_sterm_cell *c = (size_t)i < n ? &line[i] : &blank;

        if (c->width == 0 || (c->width == 2 && i + 1 >= cols))
            c = &blank;
        unconv_cell(t, c, &cells[i]);
        if (c->width == 2) {
            i++;
            unconv_cell(t, &line[i], &cells[i]);
            cells[i].width = 0;
        }
    }
    free(line);
    sb_clear(sb_at(t, t->sb_count - 1));
    t->sb_count--;
    t->generation++;
    return 1;
}

/* libvterm: part of the screen changed. */
static int
cb_damage(VTermRect rect, void *user)
{
    vd_sterm *t = user;

    (void)rect;
    t->generation++;
    return 1;
}

/* libvterm: a region moved (scrolling). */
static int
cb_moverect(VTermRect dest, VTermRect src, void *user)
{
    vd_sterm *t = user;

    (void)dest;
    (void)src;
    t->generation++;
    return 1;
}

/* libvterm: the cursor moved. */
static int
cb_movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
{
    vd_sterm *t = user;

    (void)pos;
    (void)oldpos;
    (void)visible;
    t->generation++;
    return 1;
}

/* libvterm: a terminal property changed; we keep cursor visibility. */
static int
cb_settermprop(VTermProp prop, VTermValue *val, void *user)
{
    vd_sterm *t = user;

    if (prop == VTERM_PROP_CURSORVISIBLE)
        t->cursor_visible = val->boolean;
    t->generation++;
    return 1;
}

/* libvterm: the terminal's answer for the guest. */
static void
cb_output(const char *s, size_t len, void *user)
{
    vd_sterm *t = user;

    if (t->out && len)
        t->out(s, len, t->opaque);
}

static const VTermScreenCallbacks screen_cbs = {
    .damage = cb_damage,
    .moverect = cb_moverect,
    .movecursor = cb_movecursor,
    .settermprop = cb_settermprop,
    .sb_pushline = cb_sb_pushline,
    .sb_popline = cb_sb_popline,
};

/* Create a terminal; see serial_term.h. */
vd_sterm *
vd_sterm_new(int rows, int cols, size_t max_scrollback,
             vd_sterm_output_fn out, void *opaque)
{
    vd_sterm *t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    t->rows = clamp(rows, VD_STERM_MIN_ROWS, VD_STERM_MAX_ROWS);
    t->cols = clamp(cols, VD_STERM_MIN_COLS, VD_STERM_MAX_COLS);
    t->out = out;
    t->opaque = opaque;
    t->max_sb = max_scrollback;
    t->cursor_visible = true;
    if (max_scrollback && !(t->sb = calloc(max_scrollback, sizeof(*t->sb))))
        goto error;
    if (!(t->vt = vterm_new(t->rows, t->cols)))
        goto error;
    vterm_set_utf8(t->vt, 1);
    vterm_output_set_callback(t->vt, cb_output, t);
    t->screen = vterm_obtain_screen(t->vt);
    vterm_screen_set_callbacks(t->screen, &screen_cbs, t);
    vterm_screen_enable_altscreen(t->screen, 1);
    vterm_screen_reset(t->screen, 1);
    return t;

 error:
    free(t->sb);
    free(t);
    return NULL;
}

/* Free a terminal and its scrollback. */
void
vd_sterm_free(vd_sterm *t)
{
    size_t i;

    if (!t)
        return;
    vterm_free(t->vt);
    for (i = 0; i < t->sb_count; i++)
        sb_clear(sb_at(t, i));
    free(t->sb);
    free(t);
}

/* The length of the UTF-8 sequence lead byte c starts; 0 if c is none. */
static size_t
utf8_need(unsigned char c)
{
    if (c >= 0xc2 && c <= 0xdf)
        return 2;
    if (c >= 0xe0 && c <= 0xef)
        return 3;
    if (c >= 0xf0 && c <= 0xf4)
        return 4;
    return 0;
}

/* Whether c may be the second byte after lead (no overlong forms, no
 * surrogates, nothing past U+10FFFF). */
static bool
utf8_second_ok(unsigned char lead, unsigned char c)
{
    if ((c & 0xc0) != 0x80)
        return false;
    switch (lead) {
    case 0xe0: return c >= 0xa0;
    case 0xed: return c <= 0x9f;
    case 0xf0: return c >= 0x90;
    case 0xf4: return c <= 0x8f;
    default: return true;
    }
}

#define UTF8_REPLACEMENT "\xef\xbf\xbd"  /* U+FFFD */

/* Copy in[0..len) to out (room for 3 * len + 3 bytes) as valid UTF-8:
 * an incomplete sequence at the end is kept in t->partial for the next
 * call, an invalid one becomes U+FFFD, and the C1 controls U+0080-U+009F
 * are dropped. libvterm 0.1.4 needs this: its decoder keeps a broken
 * sequence's state across writes and across escape sequences, some
 * sequences split between writes are lost, and it gives C1 controls a
 * width of -1, moving the cursor left of the screen (found by
 * tests/fuzz/fuzz_serial). Returns the bytes written. */
static size_t
utf8_clean(vd_sterm *t, const char *in, size_t len, char *out)
{
    size_t i = 0, o = 0;

    while (i < len) {
        unsigned char c = (unsigned char)in[i++];

        if (t->npartial) {
            size_t need = utf8_need(t->partial[0]);
            bool ok = t->npartial == 1 ? utf8_second_ok(t->partial[0], c)
                                       : (c & 0xc0) == 0x80;

            if (!ok) {
                memcpy(out + o, UTF8_REPLACEMENT, 3);
                o += 3;
                t->npartial = 0;
                i--;            /* c starts afresh (i >= 1 here) */
                continue;
            }
            t->partial[t->npartial++] = c;
            if (t->npartial < need)
                continue;
            if (!(t->partial[0] == 0xc2 && t->partial[1] <= 0x9f)) {
                memcpy(out + o, t->partial, need);
                o += need;
            }
            t->npartial = 0;
        } else if (c < 0x80) {
            out[o++] = (char)c;
        } else if (utf8_need(c)) {
            t->partial[t->npartial++] = c;
        } else {
            memcpy(out + o, UTF8_REPLACEMENT, 3);
            o += 3;
        }
    }
    return o;
}

/* Feed bytes that went through the guard to libvterm, as valid UTF-8. */
static void
write_guarded(vd_sterm *t, const char *bytes, size_t len)
{
    char clean[3 * 4096 + 3];
    size_t i, n;

    for (i = 0; i < len; i += 4096) {
        n = len - i < 4096 ? len - i : 4096;
        n = utf8_clean(t, bytes + i, n, clean);
        if (n)
            vterm_input_write(t->vt, clean, n);
    }
    vterm_screen_flush_damage(t->screen);
}

/* Feed the guest's output, through the guard. */
void
vd_sterm_write(vd_sterm *t, const char *bytes, size_t len)
{
    char buf[4096];

    while (len) {
        size_t n = len < sizeof(buf) ? len : sizeof(buf);

        write_guarded(t, buf, vd_csi_guard_filter(&t->guard, bytes, n, buf));
        bytes += n;
        len -= n;
    }
}

/* Put the cursor at (row, col) of the screen (0-based). */
static void
put_cursor(vd_sterm *t, int row, int col)
{
    char cup[32];
    int n = snprintf(cup, sizeof(cup), "\x1b[%d;%dH", row + 1, col + 1);

    if (n > 0 && (size_t)n < sizeof(cup))
        vterm_input_write(t->vt, cup, (size_t)n);
}

/* libvterm 0.1.4 keeps a scroll region the screen shrinks below and
 * then scrolls rows that no longer exist (found by tests/fuzz/fuzz_serial):
 * reset the region to the whole screen first (csi_guard.h knows the one
 * the guest set), leaving the cursor where it was. */
static void
reset_region(vd_sterm *t)
{
    VTermPos pos;

    vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
    vterm_input_write(t->vt, "\x1b[r", 3);
    put_cursor(t, pos.row, pos.col);
    vd_csi_guard_region_reset(&t->guard);
}

/* When the screen shrinks below text with the cursor above it,
 * libvterm 0.1.4 moves the screen up to keep the text and the cursor
 * up as much, past row 0; the next character or line feed then writes
 * outside the screen (found by tests/fuzz/fuzz_serial). Put such a
 * cursor back on the top row, in its column. */
static void
fix_cursor_row(vd_sterm *t)
{
    VTermPos pos;

    vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
    if (pos.row < 0)
        put_cursor(t, 0, pos.col);
}

/* Resize, keeping the content. */
void
vd_sterm_resize(vd_sterm *t, int rows, int cols)
{
    rows = clamp(rows, VD_STERM_MIN_ROWS, VD_STERM_MAX_ROWS);
    cols = clamp(cols, VD_STERM_MIN_COLS, VD_STERM_MAX_COLS);
    if (rows == t->rows && cols == t->cols)
        return;
    if (vd_csi_guard_region_outside(&t->guard, rows))
        reset_region(t);
    vterm_set_size(t->vt, rows, cols);
    fix_cursor_row(t);
    vterm_screen_flush_damage(t->screen);
    t->rows = rows;
    t->cols = cols;
    t->generation++;
}

/* The size. */
void
vd_sterm_size(const vd_sterm *t, int *rows, int *cols)
{
    *rows = t->rows;
    *cols = t->cols;
}

/* The cursor. */
void
vd_sterm_cursor(const vd_sterm *t, int *row, int *col, bool *visible)
{
    VTermPos pos;

    vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
    *row = pos.row;
    *col = pos.col;
    *visible = t->cursor_visible;
}

/* One cell of the screen. */
void
vd_sterm_cell_at(const vd_sterm *t, int row, int col, vd_sterm_cell *cell)
{
    VTermScreenCell vc;
    VTermPos pos = { row, col };

    if (row < 0 || row >= t->rows || col < 0 || col >= t->cols ||
        !vterm_screen_get_cell(t->screen, pos, &vc)) {
        blank_cell(cell);
        return;
    }
    conv_cell(t, &vc, cell);
}

/* Lines in the scrollback. */
size_t
vd_sterm_scrollback(const vd_sterm *t)
{
    return t->sb_count;
}

/* Lines in scrollback and screen. */
size_t
vd_sterm_lines(const vd_sterm *t)
{
    return t->sb_count + (size_t)t->rows;
}

/* Copy a line's cells; see serial_term.h. */
size_t
vd_sterm_line_cells(const vd_sterm *t, size_t line, vd_sterm_cell *cells, size_t max)
{
    size_t i, n;

    if (line < t->sb_count) {
        return sb_unpack(sb_at(t, line), cells, max);
    }
    if (line >= vd_sterm_lines(t))
        return 0;
    n = (size_t)t->cols < max ? (size_t)t->cols : max;
    for (i = 0; i < n; i++)
        vd_sterm_cell_at(t, (int)(line - t->sb_count), (int)i, &cells[i]);
    return n;
}

/* Build a line's text; colmap[byte] (optional, of len entries) gets the
 * column each byte belongs to. Returns the text's length. */
static size_t
line_text(const vd_sterm *t, size_t line, char *buf, size_t len, int *colmap)
{
    vd_sterm_cell cells[VD_STERM_MAX_COLS];
    size_t n = vd_sterm_line_cells(t, line, cells, VD_STERM_MAX_COLS), i, o = 0;
    size_t keep = 0;

    if (!len)
        return 0;
    for (i = 0; i < n; i++) {
        char u[4 * VD_STERM_CELL_CHARS];
        size_t k = 0, j;

        if (cells[i].width == 0)
            continue;           /* right half of a wide character */
        if (!cells[i].ch[0]) {
            u[k++] = ' ';
        } else {
            for (j = 0; j < VD_STERM_CELL_CHARS && cells[i].ch[j]; j++)
                k += vd_sterm_utf8(cells[i].ch[j], u + k);
        }
        if (o + k >= len)
            break;
        memcpy(buf + o, u, k);
        if (colmap)
            for (j = 0; j < k; j++)
                colmap[o + j] = (int)i;
        o += k;
        if (!(k == 1 && u[0] == ' '))
            keep = o;
    }
    buf[keep] = '\0';
    return keep;
}

/* A line's text; see serial_term.h. */
size_t
vd_sterm_line_text(const vd_sterm *t, size_t line, char *buf, size_t len)
{
    return line_text(t, line, buf, len, NULL);
}

/* Find needle in a line; see serial_term.h. */
int
vd_sterm_line_find(const vd_sterm *t, size_t line, const char *needle)
{
    size_t cap = VD_STERM_MAX_COLS * 4 * VD_STERM_CELL_CHARS + 1;
    char *buf;
    int *colmap;
    const char *hit;
    int col = -1;

    if (!needle || !needle[0])
        return -1;
    buf = malloc(cap);
    colmap = malloc(cap * sizeof(*colmap));
    if (buf && colmap) {
        line_text(t, line, buf, cap, colmap);
        if ((hit = strstr(buf, needle)))
            col = colmap[hit - buf];
    }
    free(buf);
    free(colmap);
    return col;
}

/* The change counter. */
uint64_t
vd_sterm_generation(const vd_sterm *t)
{
    return t->generation;
}

/* Our modifiers to libvterm's. */
static VTermModifier
conv_mods(unsigned int mods)
{
    int m = VTERM_MOD_NONE;

    if (mods & VD_STERM_MOD_SHIFT)
        m |= VTERM_MOD_SHIFT;
    if (mods & VD_STERM_MOD_ALT)
        m |= VTERM_MOD_ALT;
    if (mods & VD_STERM_MOD_CTRL)
        m |= VTERM_MOD_CTRL;
    return (VTermModifier)m;
}

/* A key typed. */
void
vd_sterm_key_press(vd_sterm *t, vd_sterm_key key, unsigned int mods)
{
    static const VTermKey keys[] = {
        [VD_STERM_KEY_ENTER] = VTERM_KEY_ENTER,
        [VD_STERM_KEY_TAB] = VTERM_KEY_TAB,
        [VD_STERM_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
        [VD_STERM_KEY_ESCAPE] = VTERM_KEY_ESCAPE,
        [VD_STERM_KEY_UP] = VTERM_KEY_UP,
        [VD_STERM_KEY_DOWN] = VTERM_KEY_DOWN,
        [VD_STERM_KEY_LEFT] = VTERM_KEY_LEFT,
        [VD_STERM_KEY_RIGHT] = VTERM_KEY_RIGHT,
        [VD_STERM_KEY_INS] = VTERM_KEY_INS,
        [VD_STERM_KEY_DEL] = VTERM_KEY_DEL,
        [VD_STERM_KEY_HOME] = VTERM_KEY_HOME,
        [VD_STERM_KEY_END] = VTERM_KEY_END,
        [VD_STERM_KEY_PAGEUP] = VTERM_KEY_PAGEUP,
        [VD_STERM_KEY_PAGEDOWN] = VTERM_KEY_PAGEDOWN,
    };

    if (key >= VD_STERM_KEY_F1 && key <= VD_STERM_KEY_F12)
        vterm_keyboard_key(t->vt, VTERM_KEY_FUNCTION(key - VD_STERM_KEY_F1 + 1),
                           conv_mods(mods));
    else if (key > 0 && (size_t)key < sizeof(keys) / sizeof(keys[0]))
        vterm_keyboard_key(t->vt, keys[key], conv_mods(mods));
}

/* A character typed. */
void
vd_sterm_char(vd_sterm *t, uint32_t c, unsigned int mods)
{
    char u[4];

    if (c < 0x20 || c == 0x7f) {
        /* a control character as the terminal read it: send it as is
         * (libvterm would turn Ctrl+letter into CSI u sequences) */
        u[0] = (char)c;
        if (mods & VD_STERM_MOD_ALT)
            cb_output("\x1b", 1, t);
        cb_output(u, 1, t);
        return;
    }
    if (!vd_sterm_utf8(c, u))
        return;
    vterm_keyboard_unichar(t->vt, c, conv_mods(mods));
}
