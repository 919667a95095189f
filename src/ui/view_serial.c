/*
 * view_serial.c: the guest's serial console in a view, with
 * scrollback and search.
 *
 * The worker hands over one end of a socketpair that carries the
 * console (VD_CMD_DOM_SERIAL). A reader thread moves what arrives into
 * a pending buffer and wakes the UI through the bus; the UI thread
 * parses it into lines (CR, LF, backspace, tabs; escape sequences are
 * dropped) on vd_console_poll(). Keys are written to the descriptor as
 * a terminal would send them. Ctrl+] leaves, Shift+PgUp/PgDn (or the
 * wheel) scroll, F8 opens a menu with search.
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

#include "ui/console_view.h"
#include "ui/dialog.h"
#include "ui/domain_actions.h"
#include "ui/draw.h"
#include "ui/view.h"

#define MAX_LINES 10000
#define LEAVE_KEY VD_CTRL(']')
#define MENU_KEY VD_KEY(KEY_F(8))

typedef struct serial_view {
    size_t host;
    char uuid[VD_UUID_LEN];
    char name[128];
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
    char **lines;               /* scrollback; the last one is being written */
    size_t nlines;
    size_t col;                 /* cursor column in the last line */
    int esc;                    /* 0 text, 1 after ESC, 2 in CSI */
    size_t scroll;              /* lines scrolled back from the end */
    int page;                   /* rows shown at the last draw */
    char search[128];
    bool eof_shown;
    char status[256];
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

/* Start a new line at the end of the scrollback. */
static void
new_line(serial_view *s)
{
    if (s->nlines == MAX_LINES) {
        free(s->lines[0]);
        memmove(s->lines, s->lines + 1, (MAX_LINES - 1) * sizeof(char *));
        s->nlines--;
    }
    s->lines[s->nlines++] = calloc(1, 1);
    s->col = 0;
}

/* Put byte c at the cursor of the last line. */
static void
put_byte(serial_view *s, char c)
{
    char *line = s->lines[s->nlines - 1];
    size_t len = line ? strlen(line) : 0;

    if (!line)
        return;
    if (s->col >= len) {
        char *more = realloc(line, s->col + 2);

        if (!more)
            return;
        memset(more + len, ' ', s->col - len);
        more[s->col] = c;
        more[s->col + 1] = '\0';
        s->lines[s->nlines - 1] = more;
    } else {
        line[s->col] = c;
    }
    s->col++;
}

/* Parse what the guest sent into the scrollback. */
static void
feed(serial_view *s, const char *data, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];

        if (s->esc == 1) {
            s->esc = c == '[' ? 2 : 0;
            continue;
        }
        if (s->esc == 2) {
            if (c >= 0x40 && c <= 0x7e)
                s->esc = 0;
            continue;
        }
        switch (c) {
        case 0x1b:
            s->esc = 1;
            break;
        case '\n':
            new_line(s);
            if (s->scroll)
                s->scroll++;    /* keep the view where the user put it */
            break;
        case '\r':
            s->col = 0;
            break;
        case '\b':
            if (s->col)
                s->col--;
            break;
        case '\t':
            do
                put_byte(s, ' ');
            while (s->col % 8);
            break;
        default:
            if (c >= 0x20 && c != 0x7f)
                put_byte(s, (char)c);
            break;
        }
    }
}

/* Pick up what the reader thread collected; see console_view.h. */
void
vd_serial_poll_view(vd_app *app, vd_view *v)
{
    serial_view *s;
    char *data;
    size_t len;
    bool eof;

    if (v->ops != &serial_ops || !(s = v->data) || s->fd < 0)
        return;
    pthread_mutex_lock(&s->lock);
    data = s->pending;
    len = s->npending;
    eof = s->eof;
    s->pending = NULL;
    s->npending = 0;
    pthread_mutex_unlock(&s->lock);
    if (len) {
        feed(s, data, len);
        app->dirty = true;
    }
    free(data);
    if (eof && !s->eof_shown) {
        s->eof_shown = true;
        snprintf(s->status, sizeof(s->status), "the console closed (the guest "
                 "stopped, or another client took it). Ctrl+] leaves");
        vd_app_message(app, VD_MSG_ERROR, "Serial %s: the console closed", s->name);
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
                   "Shift+PgUp/PgDn scroll, F8 menu (search)", s->name);
}

/* Draw: a title line, then the end of the scrollback (or the part the
 * user scrolled to), with the search text highlighted. */
static void
draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    serial_view *s = v->data;
    char line[320];
    int rows = area->h - 1, r;
    size_t first, end;

    (void)app;
    snprintf(line, sizeof(line), " Serial %s  Ctrl+] leave  Shift+PgUp/PgDn scroll  "
             "F8 menu%s", s->name, s->scroll ? "  [scrolled back]" : "");
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    vd_draw_text(area->y, area->x, area->w, line, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    if (rows <= 0)
        return;
    s->page = rows;
    if (s->status[0]) {
        vd_draw_text(area->y + area->h - 1, area->x, area->w, s->status,
                     vd_role_attr(VD_ROLE_STATUS_ERROR));
        rows--;
    }
    if (s->scroll > s->nlines)
        s->scroll = s->nlines;
    end = s->nlines - s->scroll;
    first = end > (size_t)rows ? end - (size_t)rows : 0;
    for (r = 0; first + (size_t)r < end && r < rows; r++) {
        const char *text = s->lines[first + (size_t)r];
        const char *hit;

        if (!text)
            continue;
        vd_draw_text(area->y + 1 + r, area->x, area->w, text,
                     vd_role_attr(VD_ROLE_NORMAL));
        if (s->search[0] && (hit = strstr(text, s->search)) &&
            hit - text < area->w) {
            char part[128];

            snprintf(part, sizeof(part), "%s", s->search);
            vd_draw_text(area->y + 1 + r, area->x + (int)(hit - text),
                         area->w - (int)(hit - text), part,
                         vd_role_attr(VD_ROLE_SELECTED));
        }
    }
}

/* Write bytes to the guest's console. */
static void
send_bytes(serial_view *s, const char *p, size_t len)
{
    while (s->fd >= 0 && len) {
        ssize_t n = write(s->fd, p, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        len -= (size_t)n;
    }
}

/* Scroll so that the newest line at or above `from` lines back that
 * contains the search text is shown; false when there is none. */
static bool
find(serial_view *s, size_t from)
{
    size_t i;

    for (i = from; i < s->nlines; i++) {
        const char *text = s->lines[s->nlines - 1 - i];

        if (text && strstr(text, s->search)) {
            /* show it in the middle of the page when it can be */
            size_t half = s->page > 1 ? (size_t)s->page / 2 : 0;

            s->scroll = i > half ? i - half : 0;
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

/* The F8 menu. */
static void
menu_chosen(vd_app *app, long index, void *ctx)
{
    vd_view *v = ctx;
    serial_view *s;
    size_t half;

    if (index < 0 || !vd_view_alive(app, v) || v->ops != &serial_ops)
        return;
    s = v->data;
    half = s->page > 1 ? (size_t)s->page / 2 : 0;
    switch (index) {
    case 0:
        vd_dialog_prompt(app, "Search the serial console", "Text:", s->search,
                         false, NULL, search_given, v);
        break;
    case 1:                     /* older match */
        if (s->search[0] && !find(s, s->scroll + half + 1))
            vd_app_message(app, VD_MSG_INFO, "No older match");
        break;
    case 2:                     /* newer match: search from the bottom up to here */
        if (s->search[0]) {
            size_t here = s->scroll + half, i, best = (size_t)-1;

            for (i = 0; i < here && i < s->nlines; i++) {
                const char *text = s->lines[s->nlines - 1 - i];

                if (text && strstr(text, s->search))
                    best = i;
            }
            if (best == (size_t)-1)
                vd_app_message(app, VD_MSG_INFO, "No newer match");
            else
                s->scroll = best > half ? best - half : 0;
        }
        break;
    case 3:
        s->scroll = 0;
        break;
    case 4:
        send_bytes(s, "\x1d", 1);
        break;
    default:
        vd_view_close(app, v);
        break;
    }
    app->dirty = true;
}

/* Terminal sequences for the keys that have one. */
static const struct {
    int key;
    const char *seq;
} key_seqs[] = {
    { VD_KEY(KEY_UP), "\x1b[A" }, { VD_KEY(KEY_DOWN), "\x1b[B" },
    { VD_KEY(KEY_RIGHT), "\x1b[C" }, { VD_KEY(KEY_LEFT), "\x1b[D" },
    { VD_KEY(KEY_HOME), "\x1b[H" }, { VD_KEY(KEY_END), "\x1b[F" },
    { VD_KEY(KEY_PPAGE), "\x1b[5~" }, { VD_KEY(KEY_NPAGE), "\x1b[6~" },
    { VD_KEY(KEY_IC), "\x1b[2~" }, { VD_KEY(KEY_DC), "\x1b[3~" },
    { VD_KEY(KEY_BACKSPACE), "\x7f" }, { VD_KEY(KEY_ENTER), "\r" },
    { VD_KEY(KEY_BTAB), "\x1b[Z" },
    { VD_KEY(KEY_F(1)), "\x1bOP" }, { VD_KEY(KEY_F(2)), "\x1bOQ" },
    { VD_KEY(KEY_F(3)), "\x1bOR" }, { VD_KEY(KEY_F(4)), "\x1bOS" },
    { VD_KEY(KEY_F(5)), "\x1b[15~" }, { VD_KEY(KEY_F(6)), "\x1b[17~" },
    { VD_KEY(KEY_F(7)), "\x1b[18~" }, { VD_KEY(KEY_F(9)), "\x1b[20~" },
    { VD_KEY(KEY_F(10)), "\x1b[21~" }, { VD_KEY(KEY_F(11)), "\x1b[23~" },
    { VD_KEY(KEY_F(12)), "\x1b[24~" },
    { '\n', "\r" },
};

/* Keys: to the guest, except leave, menu and scrolling. */
static bool
key(vd_app *app, vd_view *v, int k)
{
    serial_view *s = v->data;
    size_t page = s->page > 2 ? (size_t)s->page - 2 : 1;
    size_t i;

    if (k == LEAVE_KEY) {
        vd_view_close(app, v);
        return true;
    }
    if (k == MENU_KEY) {
        static const vd_menu_item items[] = {
            { '/', "Search the scrollback", NULL, false, NULL },
            { 'n', "Older match", NULL, false, NULL },
            { 'N', "Newer match", NULL, false, NULL },
            { 'G', "Back to the end", NULL, false, NULL },
            { ']', "Send Ctrl+]", NULL, false, NULL },
            { 'q', "Leave the console", "Ctrl+]", false, NULL },
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
    s->scroll = 0;
    for (i = 0; i < sizeof(key_seqs) / sizeof(key_seqs[0]); i++) {
        if (key_seqs[i].key == k) {
            send_bytes(s, key_seqs[i].seq, strlen(key_seqs[i].seq));
            return true;
        }
    }
    if (!(k & VD_KEYFN) && k >= 0 && k < 0x110000) {
        char utf8[4];
        size_t n;

        if (k < 0x80) {
            utf8[0] = (char)k;
            n = 1;
        } else if (k < 0x800) {
            utf8[0] = (char)(0xc0 | (k >> 6));
            utf8[1] = (char)(0x80 | (k & 0x3f));
            n = 2;
        } else if (k < 0x10000) {
            utf8[0] = (char)(0xe0 | (k >> 12));
            utf8[1] = (char)(0x80 | ((k >> 6) & 0x3f));
            utf8[2] = (char)(0x80 | (k & 0x3f));
            n = 3;
        } else {
            utf8[0] = (char)(0xf0 | (k >> 18));
            utf8[1] = (char)(0x80 | ((k >> 12) & 0x3f));
            utf8[2] = (char)(0x80 | ((k >> 6) & 0x3f));
            utf8[3] = (char)(0x80 | (k & 0x3f));
            n = 4;
        }
        send_bytes(s, utf8, n);
    }
    app->dirty = true;
    return true;
}

/* The view leaves the stack: stop the reader, close the console. */
static void
serial_close(vd_app *app, vd_view *v)
{
    serial_view *s = v->data;
    size_t i;

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
    for (i = 0; i < s->nlines; i++)
        free(s->lines[i]);
    free(s->lines);
    free(s->pending);
    free(s);
    v->data = NULL;
    noraw();
    cbreak();
    app->dirty = true;
}

static const vd_binding serial_keys[] = {
    { VD_CTRL(']'), "^]", "Leave the console", "Console", 0, NULL, 0, 1, "Leave" },
    { VD_KEY(KEY_F(8)), "F8", "Menu: search the scrollback, send Ctrl+]",
      "Console", 0, NULL, 0, 8, "Menu" },
    { VD_KEY(KEY_SPREVIOUS), "S-PgUp", "Scroll back", "Console", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_SNEXT), "S-PgDn", "Scroll forward", "Console", 0, NULL, 0, 0, NULL },
};

static const vd_view_ops serial_ops = {
    .name = "serial",
    .draw = draw,
    .key = key,
    .on_result = on_result,
    .close = serial_close,
    .flags = VD_VIEW_NO_Q | VD_VIEW_NO_HELP,
    .keys = serial_keys,
    .nkeys = sizeof(serial_keys) / sizeof(serial_keys[0]),
};

/* Open the serial console of a domain. */
void
vd_console_open_serial(vd_app *app, size_t hi, const char *uuid, const char *name)
{
    serial_view *s = calloc(1, sizeof(*s));
    vd_cmd cmd = { .kind = VD_CMD_DOM_SERIAL };
    vd_view *v;

    if (!s || !(s->lines = calloc(MAX_LINES, sizeof(char *)))) {
        free(s);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    s->host = hi;
    s->fd = -1;
    s->stop_pipe[0] = s->stop_pipe[1] = -1;
    s->bus = app->bus;
    pthread_mutex_init(&s->lock, NULL);
    snprintf(s->uuid, sizeof(s->uuid), "%s", uuid);
    snprintf(s->name, sizeof(s->name), "%s", name);
    snprintf(s->status, sizeof(s->status), "Opening the serial console of %s...", name);
    new_line(s);
    if (!(v = vd_view_push(app, &serial_ops, s, NULL)))
        return;
    vd_view_set_title(v, "Serial console: %s", name);
    raw();                      /* Ctrl+C and friends go to the guest */
    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", uuid);
    if (!vd_view_submit(app, v, hi, &cmd))
        snprintf(s->status, sizeof(s->status), "%.250s", app->msg);
}

/* C: the serial console of the selected domain. */
void
vd_act_dom_serial(vd_app *app, const vd_binding *b)
{
    vd_dom_target t;

    (void)b;
    if (vd_dom_target_selected(app, &t))
        vd_console_open_serial(app, t.host, t.uuid, t.name);
}
