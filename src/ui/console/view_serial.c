/*
 * view_serial.c: the guest's serial console in a view: a terminal
 * (libvterm through src/console/serial_term.h) with scrollback and
 * search.
 *
 * The worker hands over one end of a socketpair that carries the
 * console (VD_CMD_DOM_SERIAL). A reader thread moves what arrives into
 * a pending buffer and wakes the UI through the bus; the UI thread
 * feeds it to the emulator on its wake op (view.h) and draws the
 * emulator's cells with curses. Keys go to the guest as a terminal
 * sends them (the emulator encodes them, following the guest's cursor
 * key mode); the emulator's answers (cursor position reports...) go
 * back the same way. Ctrl+] leaves, Shift+PgUp/PgDn (or the wheel)
 * scroll, F8 opens a menu with search.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wchar.h>

#include "console/serial_term.h"
#include "ui/console/console_view.h"
#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/term_colors.h"
#include "ui/app/view.h"

#define LEAVE_KEY VD_CTRL(']')
#define MENU_KEY VD_KEY(KEY_F(8))
#define OUT_MAX (64 * 1024)     /* bytes kept for a guest that does not read */

typedef struct serial_view {
    vd_console_dom dom;         /* first: see vd_console_targets() */
    int fd;                     /* our end of the console, -1 before */
    vd_bus *bus;

    /* shared with the reader thread */
    pthread_t reader;
    bool reader_running;
    int stop_pipe[2];
    pthread_mutex_t lock;
    char *pending;
    size_t npending;
    bool eof;

    /* UI thread only */
    vd_sterm *term;             /* the emulator: screen + scrollback */
    vd_sterm_cell *cells;       /* one line, for drawing */
    size_t scroll;              /* lines scrolled back from the live screen */
    int page;                   /* rows shown at the last draw */
    char search[128];
    bool eof_shown;
    char status[256];
    char *out;                  /* bytes for the guest the socket did not take yet */
    size_t nout;
    size_t dropped;             /* bytes given up on (OUT_MAX exceeded) */
} serial_view;

static const vd_view_ops serial_ops;

/* The reader thread: copy the console into pending, wake the UI. */
static void *
reader_main(void *opaque)
{
    serial_view *s = opaque;
    char buf[4096];

    for (;;) {
        struct pollfd p[2] = { { s->fd, POLLIN, 0 }, { s->stop_pipe[0], POLLIN, 0 } };
        ssize_t n;

        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (p[1].revents)
            return NULL;
        n = read(s->fd, buf, sizeof(buf));
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        pthread_mutex_lock(&s->lock);
        if (n <= 0) {
            s->eof = true;
        } else {
            char *more = realloc(s->pending, s->npending + (size_t)n);

            if (more) {
                memcpy(more + s->npending, buf, (size_t)n);
                s->pending = more;
                s->npending += (size_t)n;
            }
        }
        pthread_mutex_unlock(&s->lock);
        vd_bus_wake(s->bus);
        if (n <= 0)
            break;
    }
    return NULL;
}

/* Write as much of p[0..len) as the socket takes now, without waiting
 * (the UI never waits on the worker's bridge); returns the bytes
 * written, or (size_t)-1 when the console is gone. */
static size_t
send_now(serial_view *s, const char *p, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = send(s->fd, p + done, len - done, MSG_DONTWAIT | MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0)
            return (size_t)-1;
        done += (size_t)n;
    }
    return done;
}

/* Send what is waiting in s->out. */
static void
flush_out(serial_view *s)
{
    size_t n;

    if (!s->nout || s->fd < 0)
        return;
    n = send_now(s, s->out, s->nout);
    if (n == (size_t)-1)
        n = s->nout;            /* the console is gone: nothing to keep */
    memmove(s->out, s->out + n, s->nout - n);
    s->nout -= n;
}

/* Bytes for the guest: sent now, or kept (up to OUT_MAX) until the
 * socket takes them; serial_wake() retries. */
static void
send_bytes(serial_view *s, const char *p, size_t len)
{
    size_t n = 0;
    char *more;

    if (s->fd < 0 || !len)
        return;
    flush_out(s);
    if (!s->nout && (n = send_now(s, p, len)) == (size_t)-1)
        return;
    p += n;
    len -= n;
    if (!len)
        return;
    if (s->nout + len > OUT_MAX || !(more = realloc(s->out, s->nout + len))) {
        s->dropped += len;
        return;
    }
    memcpy(more + s->nout, p, len);
    s->out = more;
    s->nout += len;
}

/* The emulator's output: answers to the guest's queries, typed keys. */
static void
term_output(const char *bytes, size_t len, void *opaque)
{
    send_bytes(opaque, bytes, len);
}

/* Pick up what the reader thread collected (the view's wake op). */
static void
serial_wake(vd_app *app, vd_view *v)
{
    serial_view *s;
    char *data;
    size_t len;
    bool eof;

    if (v->ops != &serial_ops || !(s = v->data) || s->fd < 0)
        return;
    flush_out(s);
    if (s->dropped) {
        vd_app_message(app, VD_MSG_ERROR, "Serial %s: the guest does not read its "
                       "console; %zu typed bytes were not sent", s->dom.name, s->dropped);
        s->dropped = 0;
    }
    pthread_mutex_lock(&s->lock);
    data = s->pending;
    len = s->npending;
    eof = s->eof;
    s->pending = NULL;
    s->npending = 0;
    pthread_mutex_unlock(&s->lock);
    if (len) {
        size_t before = vd_sterm_scrollback(s->term);

        vd_sterm_write(s->term, data, len);
        /* keep a scrolled-back view on the lines the user was reading */
        if (s->scroll && vd_sterm_scrollback(s->term) > before)
            s->scroll += vd_sterm_scrollback(s->term) - before;
        app->dirty = true;
    }
    free(data);
    if (eof && !s->eof_shown) {
        s->eof_shown = true;
        snprintf(s->status, sizeof(s->status), "the console closed (the guest "
                 "stopped, or another client took it). Ctrl+] leaves");
        vd_app_message(app, VD_MSG_ERROR, "Serial %s: the console closed", s->dom.name);
        app->dirty = true;
    }
}

/* The worker's answer: the console's descriptor, or why not. */
static void
on_result(vd_app *app, vd_view *v, vd_result *res)
{
    serial_view *s = v->data;

    if (res->kind != VD_CMD_DOM_SERIAL)
        return;
    if (!res->ok || res->fd < 0) {
        snprintf(s->status, sizeof(s->status), "%s. Ctrl+] leaves",
                 res->message ? res->message : "cannot open the serial console");
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message
                       : "cannot open the serial console");
        return;
    }
    s->fd = res->fd;
    res->fd = -1;
    if (pipe2(s->stop_pipe, O_CLOEXEC) < 0 ||
        pthread_create(&s->reader, NULL, reader_main, s) != 0) {
        snprintf(s->status, sizeof(s->status), "cannot start the console reader");
        return;
    }
    s->reader_running = true;
    s->status[0] = '\0';
    vd_app_message(app, VD_MSG_OK, "Serial console of %s: Ctrl+] leaves, "
                   "Shift+PgUp/PgDn scroll, F8 menu (search); other keys go "
                   "to the guest", s->dom.name);
}

/* Draw one emulator cell at (y, x); depth as vd_term_colors_depth(). */
static void
draw_cell(int y, int x, const vd_sterm_cell *c, int depth, bool utf8)
{
    wchar_t wc[VD_STERM_CELL_CHARS + 1] = { 0 };
    attr_t a = 0, extra;
    cchar_t cc;
    int pair, i;

    if (!c->ch[0]) {
        wc[0] = L' ';
    } else if (!utf8 && c->ch[0] >= 0x80) {
        wc[0] = L'?';
    } else {
        /* a combining mark only where the terminal shows UTF-8 */
        for (i = 0; i < (utf8 ? VD_STERM_CELL_CHARS : 1) && c->ch[i]; i++)
            wc[i] = (wchar_t)c->ch[i];
        if (wcwidth(wc[0]) < 0) {
            wc[0] = L'?';
            wc[1] = 0;
        }
    }
    if (c->attrs & VD_STERM_BOLD)
        a |= A_BOLD;
    if (c->attrs & VD_STERM_UNDERLINE)
        a |= A_UNDERLINE;
    if (c->attrs & VD_STERM_REVERSE)
        a |= A_REVERSE;
    if (c->attrs & VD_STERM_BLINK)
        a |= A_BLINK;
#ifdef A_ITALIC
    if (c->attrs & VD_STERM_ITALIC)
        a |= A_ITALIC;
#endif
    pair = vd_term_colors_pair(depth, &c->fg, &c->bg, &extra);
    a |= extra;
    if (!pair) {
        attr_t normal = vd_role_attr(VD_ROLE_NORMAL);

        pair = PAIR_NUMBER(normal);
        a |= normal & ~A_COLOR;
    }
    if (setcchar(&cc, wc, a, 0, &pair) == OK)
        mvadd_wch(y, x, &cc);
}

/* Draw: a title line, then the emulator's screen, or the part of the
 * scrollback the user scrolled to, with the search text highlighted.
 * The emulator takes the size of the pane. */
static void
draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    serial_view *s = v->data;
    char line[400], where[64] = "";
    int rows = area->h - 1, cols = area->w, trows, tcols, r, depth;
    bool utf8 = vd_draw_utf8();
    size_t sb, top;
    attr_t sel = vd_role_attr(VD_ROLE_SELECTED);
    int swidth = s->search[0] ? vd_text_width(s->search) : 0;

    if (s->status[0])
        rows--;
    if (rows > 0)
        vd_sterm_resize(s->term, rows, cols);
    vd_sterm_size(s->term, &trows, &tcols);
    sb = vd_sterm_scrollback(s->term);
    if (s->scroll > sb)
        s->scroll = sb;
    if (s->scroll)
        snprintf(where, sizeof(where), "  [%zu line%s back]", s->scroll,
                 s->scroll == 1 ? "" : "s");
    snprintf(line, sizeof(line), " Serial %s %dx%d%s  Ctrl+] leave  "
             "Shift+PgUp/PgDn scroll  F8 menu  other keys go to the guest",
             s->dom.name, tcols, trows, where);
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    vd_draw_text(area->y, area->x, area->w, line, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    if (rows <= 0)
        return;
    s->page = rows;
    if (s->status[0])
        vd_draw_text(area->y + area->h - 1, area->x, area->w, s->status,
                     vd_role_attr(VD_ROLE_STATUS_ERROR));
    depth = vd_term_colors_depth();
    top = sb - s->scroll;
    for (r = 0; r < rows && r < trows; r++) {
        int y = area->y + 1 + r, col;
        size_t n = vd_sterm_line_cells(s->term, top + (size_t)r, s->cells,
                                       VD_STERM_MAX_COLS), i;

        vd_draw_fill(y, area->x, area->w, vd_role_attr(VD_ROLE_NORMAL));
        for (i = 0; i < n && (int)i < cols; i++) {
            if (s->cells[i].width == 0)
                continue;
            if (s->cells[i].width == 2 && (int)i + 1 >= cols)
                break;          /* half a wide character: leave it blank */
            draw_cell(y, area->x + (int)i, &s->cells[i], depth, utf8);
            if (!utf8 && s->cells[i].width == 2)
                mvaddch(y, area->x + (int)i + 1, ' ');
        }
        if (swidth && (col = vd_sterm_line_find(s->term, top + (size_t)r,
                                                s->search)) >= 0 && col < cols)
            mvchgat(y, area->x + col, swidth < cols - col ? swidth : cols - col,
                    sel & ~A_COLOR, (short)PAIR_NUMBER(sel), NULL);
    }
    if (vd_view_top(app) == v && !s->scroll && s->fd >= 0) {
        int cy, cx;
        bool visible;

        vd_sterm_cursor(s->term, &cy, &cx, &visible);
        if (visible && cy < rows && cx < cols) {
            app->cur_y = area->y + 1 + cy;
            app->cur_x = area->x + cx;
        }
    }
}

/* Scroll so that the newest line at or above `from` lines back from the
 * bottom that contains the search text is shown; false when there is
 * none. Searches the scrollback and the screen. */
static bool
find(serial_view *s, size_t from)
{
    size_t total = vd_sterm_lines(s->term), sb = vd_sterm_scrollback(s->term), i;

    for (i = from; i < total; i++) {
        if (vd_sterm_line_find(s->term, total - 1 - i, s->search) >= 0) {
            /* show it in the middle of the page when it can be */
            size_t half = s->page > 1 ? (size_t)s->page / 2 : 0;

            s->scroll = i > half ? i - half : 0;
            if (s->scroll > sb)
                s->scroll = sb;
            return true;
        }
    }
    return false;
}

/* The answer of the search prompt. */
static void
search_given(vd_app *app, const char *text, void *ctx)
{
    vd_view *v = ctx;
    serial_view *s;

    if (!text || !vd_view_alive(app, v) || v->ops != &serial_ops)
        return;
    s = v->data;
    snprintf(s->search, sizeof(s->search), "%s", text);
    if (!text[0])
        return;
    if (!find(s, 0))
        vd_app_message(app, VD_MSG_ERROR, "'%s' is not in the scrollback", text);
    app->dirty = true;
}

/* The F8 menu's entries; menu_chosen() switches on their index. */
enum {
    MENU_SEARCH,
    MENU_OLDER,
    MENU_NEWER,
    MENU_END,
    MENU_SEND_LEAVE,
    MENU_SEND_F8,
    MENU_STTY,
    MENU_HELP,
    MENU_LEAVE,
};

/* The F8 menu. */
static void
menu_chosen(vd_app *app, long index, void *ctx)
{
    vd_view *v = ctx;
    serial_view *s;
    size_t half, lines;
    char stty[64];
    int rows, cols, n;

    if (index < 0 || !vd_view_alive(app, v) || v->ops != &serial_ops)
        return;
    s = v->data;
    half = s->page > 1 ? (size_t)s->page / 2 : 0;
    switch (index) {
    case MENU_SEARCH:
        vd_dialog_prompt(app, "Search the serial console", "Text:", s->search,
                         false, NULL, search_given, v);
        break;
    case MENU_OLDER:
        if (s->search[0] && !find(s, s->scroll + half + 1))
            vd_app_message(app, VD_MSG_INFO, "No older match");
        break;
    case MENU_NEWER:           /* search from the bottom up to here */
        if (s->search[0]) {
            size_t here = s->scroll + half, i, best = (size_t)-1;

            lines = vd_sterm_lines(s->term);
            for (i = 0; i < here && i < lines; i++)
                if (vd_sterm_line_find(s->term, lines - 1 - i, s->search) >= 0)
                    best = i;
            if (best == (size_t)-1)
                vd_app_message(app, VD_MSG_INFO, "No newer match");
            else
                s->scroll = best > half ? best - half : 0;
        }
        break;
    case MENU_END:
        s->scroll = 0;
        break;
    case MENU_SEND_LEAVE:
        vd_sterm_char(s->term, 0x1d, 0);
        break;
    case MENU_SEND_F8:
        vd_sterm_key_press(s->term, VD_STERM_KEY_F1 + 7, 0);
        break;
    case MENU_STTY:
        /* a serial line has no window size: type the command that sets it */
        vd_sterm_size(s->term, &rows, &cols);
        n = snprintf(stty, sizeof(stty), "stty rows %d cols %d\r", rows, cols);
        send_bytes(s, stty, (size_t)n);
        break;
    case MENU_HELP:
        vd_help_show(app);
        break;
    default:
        vd_view_close(app, v);
        break;
    }
    app->dirty = true;
}

/* curses keys that map to terminal keys, with the modifiers they carry. */
static const struct {
    int key;
    vd_sterm_key tkey;
    unsigned int mods;
} key_map[] = {
    { VD_KEY(KEY_UP), VD_STERM_KEY_UP, 0 },
    { VD_KEY(KEY_DOWN), VD_STERM_KEY_DOWN, 0 },
    { VD_KEY(KEY_RIGHT), VD_STERM_KEY_RIGHT, 0 },
    { VD_KEY(KEY_LEFT), VD_STERM_KEY_LEFT, 0 },
    { VD_KEY(KEY_SR), VD_STERM_KEY_UP, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_SF), VD_STERM_KEY_DOWN, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_SRIGHT), VD_STERM_KEY_RIGHT, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_SLEFT), VD_STERM_KEY_LEFT, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_HOME), VD_STERM_KEY_HOME, 0 },
    { VD_KEY(KEY_END), VD_STERM_KEY_END, 0 },
    { VD_KEY(KEY_SHOME), VD_STERM_KEY_HOME, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_SEND), VD_STERM_KEY_END, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_PPAGE), VD_STERM_KEY_PAGEUP, 0 },
    { VD_KEY(KEY_NPAGE), VD_STERM_KEY_PAGEDOWN, 0 },
    { VD_KEY(KEY_IC), VD_STERM_KEY_INS, 0 },
    { VD_KEY(KEY_DC), VD_STERM_KEY_DEL, 0 },
    { VD_KEY(KEY_SDC), VD_STERM_KEY_DEL, VD_STERM_MOD_SHIFT },
    { VD_KEY(KEY_BACKSPACE), VD_STERM_KEY_BACKSPACE, 0 },
    { VD_KEY(KEY_ENTER), VD_STERM_KEY_ENTER, 0 },
    { VD_KEY(KEY_BTAB), VD_STERM_KEY_TAB, VD_STERM_MOD_SHIFT },
    { '\n', VD_STERM_KEY_ENTER, 0 },
    { '\r', VD_STERM_KEY_ENTER, 0 },
};

/* Send a key to the guest as a terminal would; false when it has no
 * terminal form. */
static bool
send_key(serial_view *s, int k)
{
    size_t i;

    for (i = 0; i < sizeof(key_map) / sizeof(key_map[0]); i++) {
        if (key_map[i].key == k) {
            vd_sterm_key_press(s->term, key_map[i].tkey, key_map[i].mods);
            return true;
        }
    }
    /* F1..F12, and F13..F24 as curses reads Shift+F1..F12 */
    for (i = 1; i <= 24; i++) {
        if (k == VD_KEY(KEY_F((int)i))) {
            vd_sterm_key_press(s->term, VD_STERM_KEY_F1 + (int)((i - 1) % 12),
                               i > 12 ? VD_STERM_MOD_SHIFT : 0);
            return true;
        }
    }
    if (!(k & VD_KEYFN) && k >= 0 && k < 0x110000) {
        vd_sterm_char(s->term, (uint32_t)k, 0);
        return true;
    }
    return false;
}

/* Keys: to the guest, except leave, menu and scrolling. */
static bool
key(vd_app *app, vd_view *v, int k)
{
    serial_view *s = v->data;
    size_t page = s->page > 2 ? (size_t)s->page - 2 : 1;

    if (k == LEAVE_KEY) {
        vd_view_close(app, v);
        return true;
    }
    if (k == MENU_KEY) {
        static const vd_menu_item items[] = {
            [MENU_SEARCH] = { '/', "Search the scrollback", NULL, false, NULL },
            [MENU_OLDER] = { 'n', "Older match", NULL, false, NULL },
            [MENU_NEWER] = { 'N', "Newer match", NULL, false, NULL },
            [MENU_END] = { 'G', "Back to the end", NULL, false, NULL },
            [MENU_SEND_LEAVE] = { ']', "Send Ctrl+]", NULL, false, NULL },
            [MENU_SEND_F8] = { '8', "Send F8", NULL, false, NULL },
            [MENU_STTY] = { 's', "Type 'stty rows R cols C' (tell the guest the size)",
                            NULL, false, NULL },
            [MENU_HELP] = { '?', "Keys of the serial console", NULL, false, NULL },
            [MENU_LEAVE] = { 'q', "Leave the console", "Ctrl+]", false, NULL },
        };

        vd_dialog_menu(app, "Serial console", items,
                       sizeof(items) / sizeof(items[0]), 0, false, menu_chosen, v);
        return true;
    }
    if (k == VD_KEY(KEY_RESIZE))
        return false;
    if (k == VD_KEY(KEY_SPREVIOUS) || k == VD_KEY(KEY_SNEXT)) {
        if (k == VD_KEY(KEY_SPREVIOUS))
            s->scroll += page;
        else
            s->scroll = s->scroll > page ? s->scroll - page : 0;
        app->dirty = true;
        return true;
    }
    if (k == VD_KEY(KEY_MOUSE)) {
#ifdef BUTTON5_PRESSED
        if (app->mev.bstate & BUTTON4_PRESSED)
            s->scroll += 3;
        else if (app->mev.bstate & BUTTON5_PRESSED)
            s->scroll = s->scroll > 3 ? s->scroll - 3 : 0;
        app->dirty = true;
#endif
        return true;
    }
    if (send_key(s, k))
        s->scroll = 0;          /* typing goes back to the live screen */
    app->dirty = true;
    return true;
}

/* The view leaves the stack: stop the reader, close the console. */
static void
serial_close(vd_app *app, vd_view *v)
{
    serial_view *s = v->data;

    if (s->reader_running) {
        if (write(s->stop_pipe[1], "x", 1) < 0) {
            /* the reader also ends on EOF below */
        }
        shutdown(s->fd, SHUT_RDWR);
        pthread_join(s->reader, NULL);
    }
    if (s->stop_pipe[0] >= 0) {
        close(s->stop_pipe[0]);
        close(s->stop_pipe[1]);
    }
    if (s->fd >= 0)
        close(s->fd);
    pthread_mutex_destroy(&s->lock);
    vd_sterm_free(s->term);
    free(s->cells);
    free(s->pending);
    free(s->out);
    free(s);
    v->data = NULL;
    noraw();
    cbreak();
    app->dirty = true;
}

/* The keys as help and the key bar show them; rows without a handler
 * document what key() does. */
static const vd_binding serial_keys[] = {
    { VD_CTRL(']'), "^]", "Leave the console", "Console", 0, NULL, 0, 1, "Leave" },
    { VD_KEY(KEY_F(8)), "F8", "Menu: search the scrollback, send Ctrl+] or F8, "
      "tell the guest the size, these keys", "Console", 0, NULL, 0, 8, "Menu" },
    { VD_KEY(KEY_SPREVIOUS), "S-PgUp", "Scroll back (10 000 lines kept)",
      "Console", 0, NULL, 0, 9, "Scroll" },
    { VD_KEY(KEY_SNEXT), "S-PgDn", "Scroll forward; typing returns to the end",
      "Console", 0, NULL, 0, 0, NULL },
    { 0, "Wheel", "Scroll", "Console", 0, NULL, 0, 0, NULL },
    { 0, "Others", "Go to the guest as a terminal sends them: Esc, Tab, "
      "Ctrl+letters, arrows, F1-F12 (not F8), PgUp/PgDn", "Console", 0, NULL,
      0, 0, NULL },
};

static const vd_view_ops serial_ops = {
    .name = "serial",
    .draw = draw,
    .key = key,
    .on_result = on_result,
    .close = serial_close,
    .wake = serial_wake,
    .flags = VD_VIEW_NO_Q | VD_VIEW_NO_HELP | VD_VIEW_OWN_BAR,
    .keys = serial_keys,
    .nkeys = sizeof(serial_keys) / sizeof(serial_keys[0]),
    .targets = vd_console_targets,
    .place = VD_PLACE_CONSOLE,
};

/* Open the serial console of a domain. */
void
vd_console_open_serial(vd_app *app, size_t hi, const char *uuid, const char *name)
{
    serial_view *s = calloc(1, sizeof(*s));
    vd_cmd cmd = { .kind = VD_CMD_DOM_SERIAL };
    vd_view *v;

    if (!s || !(s->cells = calloc(VD_STERM_MAX_COLS, sizeof(*s->cells))) ||
        !(s->term = vd_sterm_new(LINES > 4 ? LINES - 4 : 24, COLS > 0 ? COLS : 80,
                                 VD_STERM_DEFAULT_SCROLLBACK, term_output, s))) {
        if (s)
            free(s->cells);
        free(s);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    vd_console_dom_set(&s->dom, hi, uuid, name);
    s->fd = -1;
    s->stop_pipe[0] = s->stop_pipe[1] = -1;
    s->bus = app->bus;
    pthread_mutex_init(&s->lock, NULL);
    snprintf(s->status, sizeof(s->status), "Opening the serial console of %s...", name);
    if (!(v = vd_view_push(app, &serial_ops, s, NULL)))
        return;
    vd_view_set_title(v, "Serial console: %s", name);
    raw();                      /* Ctrl+C and friends go to the guest */
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    if (!vd_view_submit(app, v, hi, &cmd))
        snprintf(s->status, sizeof(s->status), "%.250s", app->msg);
}
