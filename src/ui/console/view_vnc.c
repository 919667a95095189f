/*
 * view_vnc.c: the guest's VNC or SPICE screen in the terminal.
 *
 * The view asks the worker for a socket (VD_CMD_DOM_GRAPHICS), starts
 * the console thread of the protocol the worker names on it
 * (src/console/vnc.h or spice.h; a SPICE session asks for one more
 * socket per channel, which the view gets the same way) and draws the shared
 * framebuffer with the renderer (src/console/render.h), writing only
 * changed cells, straight to the terminal after curses' own update.
 * Every key goes to the guest except Ctrl+] (leave) and F8 (a menu of
 * combinations: Ctrl+Alt+Del, ...). The terminal is in raw mode and
 * reports mouse motion while the view is open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console/console_frame.h"
#include "console/picture.h"
#include "console/render.h"
#include "console/spice.h"
#include "console/spice_module.h"
#include "console/symbols.h"
#include "console/vnc_module.h"
#include "ui/console/console_keys.h"
#include "ui/console/console_view.h"
#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/term_image.h"
#include "ui/widgets/term_picture.h"
#include "ui/app/view.h"

#define LEAVE_KEY VD_CTRL(']')
#define MENU_KEY VD_KEY(KEY_F(8))

typedef struct vnc_view {
    vd_console_dom dom;         /* first: see vd_console_targets() */
    vd_vnc *vnc;
    vd_spice *spice;            /* the client: one of the two, or none */
    bool is_spice;              /* the protocol of the last socket */
    int fd_asked;               /* SPICE channel sockets asked of the worker */
    int stale;                  /* answers still to come for a client stopped */
    vd_render *render;
    vd_picture_mode pic;        /* sixel, kitty, blocks or ascii */
    vd_picture *picture;        /* the sixel or kitty encoder, or NULL */
    vd_symbols *symbols;        /* libchafa's cells (symbols mode), or NULL */
    char pic_why[200];          /* why this picture mode (the F8 menu shows it) */
    vd_color_mode mode;
    bool utf8;
    vd_vnc_state state;         /* last state acted on */
    char status[256];           /* shown when there is no picture */
    unsigned long drawn_seq;
    bool prompting;             /* a password prompt is open */
    bool wrong;                 /* the last password was refused */
    bool covered;               /* another view was on top at the last draw */
    int buttons;
    char via[128];              /* the transport, e.g. "TCP 10.0.0.2:5900"; "" local */
    vd_rect img;                /* where the picture goes */
    int fb_w, fb_h;
    mmask_t old_mask;
} vnc_view;

static const vd_view_ops vnc_ops;

/* Mark the screen for a redraw. */
static void
dirty(vd_app *app)
{
    app->dirty = true;
}

/* The protocol's name for titles and messages. */
static const char *
proto(const vnc_view *s)
{
    return s->is_spice ? "SPICE" : "VNC";
}

/* Whether a client runs. */
static bool
running(const vnc_view *s)
{
    return s->vnc || s->spice;
}

/* Stop the client, whichever it is. */
static void
con_free(vnc_view *s)
{
    vd_vnc_free(s->vnc);
    vd_spice_free(s->spice);
    s->vnc = NULL;
    s->spice = NULL;
    s->stale += s->fd_asked;
    s->fd_asked = 0;
}

/* The client's state. */
static vd_vnc_state
con_state(vnc_view *s, char **msg)
{
    return s->spice ? vd_spice_get_state(s->spice, msg) : vd_vnc_get_state(s->vnc, msg);
}

/* The client's shared frame, NULL when none runs. */
static vd_cframe *
con_frame(vnc_view *s)
{
    return s->spice ? vd_spice_frame(s->spice)
        : s->vnc ? vd_vnc_frame(s->vnc) : NULL;
}

/* Lock the client's frame. */
static bool
con_lock(vnc_view *s, vd_fb *fb, unsigned long *seq)
{
    vd_cframe *cf = con_frame(s);

    return cf && vd_cframe_lock(cf, fb, seq);
}

/* Unlock it. */
static void
con_unlock(vnc_view *s)
{
    vd_cframe_unlock(con_frame(s));
}

/* Send a combination of keysyms. */
static void
con_keys(vnc_view *s, const uint32_t *syms, int n)
{
    if (s->spice)
        vd_spice_keys(s->spice, syms, n);
    else if (s->vnc)
        vd_vnc_keys(s->vnc, syms, n);
}

/* Send a pointer event. */
static void
con_pointer(vnc_view *s, int x, int y, int buttons)
{
    if (s->spice)
        vd_spice_pointer(s->spice, x, y, buttons);
    else if (s->vnc)
        con_pointer(s, x, y, buttons);
}

/* Remove what the picture encoder put on the screen (kitty's images
 * stay over the text until deleted) and forget it. */
static void
picture_off_screen(vnc_view *s)
{
    vd_buf out = { 0 };

    if (!s->picture)
        return;
    vd_picture_clear(s->picture, &out);
    vd_term_overlay(&out);
    vd_buf_free(&out);
}

/* Use picture mode requested (or what the terminal allows instead);
 * returns the sentence that says why, if any. */
static void
set_picture(vd_app *app, vnc_view *s, vd_picture_mode requested, bool say)
{
    char why[200];
    vd_picture_mode m = vd_term_picture_mode(requested, why, sizeof(why));

    picture_off_screen(s);
    vd_picture_free(s->picture);
    s->picture = NULL;
    vd_symbols_free(s->symbols);
    s->symbols = NULL;
    if (m == VD_PIC_SYMBOLS && !vd_draw_utf8()) {
        snprintf(why, sizeof(why), "symbols need a UTF-8 locale: ASCII instead");
        m = VD_PIC_ASCII;
    }
    s->pic = m;
    snprintf(s->pic_why, sizeof(s->pic_why), "now %s%s%.180s", vd_picture_mode_name(m),
             why[0] ? ": " : "", why);
    if (m == VD_PIC_SIXEL || m == VD_PIC_KITTY)
        s->picture = vd_picture_new(m);
    if (m == VD_PIC_SYMBOLS)
        s->symbols = vd_symbols_new();
    s->mode = m == VD_PIC_ASCII ? VD_COLOR_ASCII : vd_term_color_mode();
    s->utf8 = vd_draw_utf8() && s->mode != VD_COLOR_ASCII;
    if (s->pic == VD_PIC_SIXEL || s->pic == VD_PIC_KITTY)
        s->mode = VD_COLOR_TRUE;        /* for the title only */
    vd_render_invalidate(s->render);
    clearok(curscr, TRUE);
    if (why[0] && (say || requested != VD_PIC_AUTO))
        vd_app_message(app, requested != VD_PIC_AUTO && m != requested ? VD_MSG_ERROR
                       : VD_MSG_INFO, "Console picture: %s (%s)",
                       vd_picture_mode_name(m), why);
    else if (say)
        vd_app_message(app, VD_MSG_INFO, "Console picture: %s", vd_picture_mode_name(m));
}

/* The picture's name for the title: sixel, kitty, ascii, or
 * blocks/ and the colour mode of the half blocks. */
static const char *
picture_name(const vnc_view *s)
{
    static char name[32];

    if (s->picture)
        return vd_picture_mode_name(s->pic);
    if (s->symbols) {
        snprintf(name, sizeof(name), "symbols/%s", vd_render_mode_name(s->mode));
        return name;
    }
    if (s->mode == VD_COLOR_ASCII)
        return "ascii";
    snprintf(name, sizeof(name), "blocks/%s", vd_render_mode_name(s->mode));
    return name;
}

/* The console thread's wake-up: wake the UI's poll(). */
static void
wake(void *opaque)
{
    vd_bus_wake(opaque);
}

/* Ask the worker for a fresh VNC socket. */
static void
request_socket(vd_app *app, vd_view *v)
{
    vnc_view *s = v->data;
    vd_cmd cmd = { .kind = VD_CMD_DOM_GRAPHICS };

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", s->dom.uuid);
    s->state = VD_VNC_CONNECTING;
    /* the protocol is known once the worker answers (or from the last
     * connection, after a wrong password) */
    if (s->is_spice)
        snprintf(s->status, sizeof(s->status), "Connecting to the SPICE display of %s...",
                 s->dom.name);
    else
        snprintf(s->status, sizeof(s->status), "Connecting to the VNC display of %s, "
                 "or its SPICE display...", s->dom.name);
    if (!vd_view_submit(app, v, s->dom.host, &cmd))
        snprintf(s->status, sizeof(s->status), "%.250s", app->msg);
}

/* The answer to the password prompt. */
static void
password_given(vd_app *app, const char *text, void *ctx)
{
    vd_view *v = ctx;
    vnc_view *s;

    if (!vd_view_alive(app, v) || v->ops != &vnc_ops)
        return;
    s = v->data;
    s->prompting = false;
    if (s->spice)
        vd_spice_answer(s->spice, text);
    else if (s->vnc)
        vd_vnc_answer(s->vnc, text);
    dirty(app);
}

/* React to a new console state. */
static void
state_changed(vd_app *app, vd_view *v, vd_vnc_state st, const char *msg)
{
    vnc_view *s = v->data;
    char title[200], line[64];

    s->state = st;
    switch (st) {
    case VD_VNC_NEED_PASSWORD:
        if (s->prompting)
            break;
        s->prompting = true;
        snprintf(title, sizeof(title), "%s password for %s", proto(s), s->dom.name);
        snprintf(line, sizeof(line), "Wrong %s password; try again:", proto(s));
        vd_dialog_prompt(app, title, s->wrong ? line : "Password:", "", true, NULL,
                         password_given, v);
        snprintf(s->status, sizeof(s->status), "%s asks for a %s password", s->dom.name,
                 proto(s));
        break;
    case VD_VNC_AUTH_FAILED:
        /* the server closed the connection: get a new one and ask again */
        s->wrong = true;
        vd_app_message(app, VD_MSG_ERROR, "%s %s: wrong %s password", proto(s), s->dom.name,
                       proto(s));
        snprintf(line, sizeof(line), "Wrong %s password; reconnecting...", proto(s));
        con_free(s);
        request_socket(app, v);
        snprintf(s->status, sizeof(s->status), "%s", line);
        break;
    case VD_VNC_CONNECTED:
        s->wrong = false;
        vd_render_invalidate(s->render);
        vd_app_message(app, VD_MSG_OK, "%s %s: %s%s%s%s. Ctrl+] leaves, F8 menu",
                       proto(s), s->dom.name, msg ? msg : "connected", s->via[0] ? " (" : "",
                       s->via, s->via[0] ? ")" : "");
        break;
    case VD_VNC_CLOSED:
        snprintf(s->status, sizeof(s->status), "%s console closed: %s. Ctrl+] leaves.",
                 proto(s), msg ? msg : "");
        vd_app_message(app, VD_MSG_ERROR, "%s %s: %s", proto(s), s->dom.name,
                       msg ? msg : "closed");
        break;
    case VD_VNC_CONNECTING:
        snprintf(s->status, sizeof(s->status), "%s", msg ? msg : "Connecting...");
        break;
    }
    dirty(app);
}

/* Check the console thread of v for news. */
static void
poll_view(vd_app *app, vd_view *v)
{
    vnc_view *s = v->data;
    char *msg = NULL;
    vd_vnc_state st;
    unsigned long seq;
    vd_fb fb;

    if (!running(s))
        return;
    if (s->spice) {
        bool tls;

        /* a SPICE channel wants its own socket: ask the worker */
        while (vd_spice_next_fd_request(s->spice, &tls)) {
            vd_cmd cmd = { .kind = VD_CMD_DOM_GRAPHICS, .flags = tls ? VD_GRAPHICS_TLS : 0 };

            snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", s->dom.uuid);
            if (vd_view_submit(app, v, s->dom.host, &cmd))
                s->fd_asked++;
            else
                vd_spice_give_fd(s->spice, -1, app->msg);
        }
    }
    st = con_state(s, &msg);
    if (st != s->state)
        state_changed(app, v, st, msg);
    free(msg);
    if (running(s) && con_lock(s, &fb, &seq)) {
        con_unlock(s);
        if (seq != s->drawn_seq)
            dirty(app);
    }
}

/* The worker's answer: the socket, or why not. */
static void
on_result(vd_app *app, vd_view *v, vd_result *res)
{
    vnc_view *s = v->data;

    if (res->kind != VD_CMD_DOM_GRAPHICS)
        return;
    if (s->stale > 0) {         /* for a SPICE session stopped since: dropped */
        s->stale--;
        return;
    }
    if (s->spice && s->fd_asked > 0) {
        /* a socket for one of the SPICE session's channels */
        s->fd_asked--;
        vd_spice_give_fd(s->spice, res->ok ? res->fd : -1, res->message);
        res->fd = -1;
        return;
    }
    if (!res->ok || res->fd < 0) {
        s->state = VD_VNC_CLOSED;
        snprintf(s->status, sizeof(s->status), "%s. Ctrl+] leaves.",
                 res->message ? res->message : "cannot open the VNC console");
        vd_app_message(app, VD_MSG_ERROR, "%s", res->message ? res->message
                       : "cannot open the VNC console");
        return;
    }
    /* "VNC console of NAME (TCP HOST:PORT)": keep what is in brackets */
    s->via[0] = '\0';
    if (res->message) {
        const char *open = strrchr(res->message, '(');
        const char *close = open ? strchr(open, ')') : NULL;

        if (close && close > open + 1)
            snprintf(s->via, sizeof(s->via), "%.*s", (int)(close - open - 1), open + 1);
    }
    con_free(s);
    s->is_spice = res->text && !strcmp(res->text, "spice");
    if (s->is_spice)
        s->spice = vd_spice_start(res->fd, wake, app->bus);
    else
        s->vnc = vd_vnc_start(res->fd, wake, app->bus);
    res->fd = -1;
    s->drawn_seq = 0;
    vd_view_set_title(v, "%s console: %s", proto(s), s->dom.name);
    if (!running(s)) {
        s->state = VD_VNC_CLOSED;
        const char *why = s->is_spice ? vd_spice_load_error()
            : vd_vnc_load_error();

        if (why)
            snprintf(s->status, sizeof(s->status), "cannot start the %s "
                     "client: %s", proto(s), why);
        else
            snprintf(s->status, sizeof(s->status), "cannot start the %s client",
                     proto(s));
    }
}

/* Draw: a title line, then the picture (or the state in words). */
static void
draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    vnc_view *s = v->data;
    bool on_top = vd_view_top(app) == v;
    char line[320];
    vd_fb fb;
    unsigned long seq;

    if (s->fb_w)
        snprintf(line, sizeof(line), " %s %s %dx%d  %s  Ctrl+] leave  F8 menu ",
                 proto(s), s->dom.name, s->fb_w, s->fb_h, picture_name(s));
    else
        snprintf(line, sizeof(line), " %s %s  %s  Ctrl+] leave  F8 menu ",
                 proto(s), s->dom.name, picture_name(s));
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    vd_draw_text(area->y, area->x, area->w, line, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    s->img.y = area->y + 1;
    s->img.x = area->x;
    s->img.h = area->h - 1;
    s->img.w = area->w;
    if (s->img.h <= 0 || s->img.w <= 0)
        return;
    if (!running(s) || s->state != VD_VNC_CONNECTED || !con_lock(s, &fb, &seq)) {
        vd_rect msg = { s->img.y + s->img.h / 2, s->img.x + 2, 3, s->img.w - 4 };

        if (msg.y + msg.h > s->img.y + s->img.h)
            msg.h = s->img.y + s->img.h - msg.y;
        if (vd_text_width(s->status) <= msg.w)
            vd_draw_text_center(msg.y, s->img.x, s->img.w, s->status,
                                vd_role_attr(VD_ROLE_NORMAL));
        else                    /* a long reason: wrapped, all of it seen */
            vd_draw_wrap(&msg, msg.y, s->status, vd_role_attr(VD_ROLE_NORMAL));
        vd_render_invalidate(s->render);
        picture_off_screen(s);
        return;
    }
    s->fb_w = fb.width;
    s->fb_h = fb.height;
    if (!on_top) {
        /* a dialog is over us: curses owns the screen until it closes */
        con_unlock(s);
        if (!s->covered)
            picture_off_screen(s);
        s->covered = true;
        return;
    }
    {
        vd_render_target t = { s->img.y, s->img.x, s->img.h, s->img.w,
                               s->mode, s->utf8 };
        vd_buf out = { 0 };

        int cw, ch;

        if (s->covered || is_cleared(curscr)) {
            vd_render_invalidate(s->render);
            vd_picture_invalidate(s->picture);
            vd_symbols_invalidate(s->symbols);
        }
        s->covered = false;
        if (s->picture && vd_term_cell_pixels(&cw, &ch) &&
            vd_picture_frame(s->picture, &fb, t.row, t.col, t.rows, t.cols, cw, ch,
                             &out) >= 0) {
            /* sixel or kitty pixels */
        } else if (s->symbols) {
            if (vd_symbols_frame(s->symbols, &fb, &t, &out) < 0)
                vd_symbols_invalidate(s->symbols);
        } else if (vd_render_frame(s->render, &fb, &t, &out) < 0) {
            vd_render_invalidate(s->render);
        }
        s->drawn_seq = seq;
        con_unlock(s);
        vd_term_overlay(&out);
        vd_buf_free(&out);
    }
}

/* Send a combination of keysyms. */
static void
send_combo(vnc_view *s, const uint32_t *syms, int n)
{
    if (running(s) && s->state == VD_VNC_CONNECTED)
        con_keys(s, syms, n);
}

static const uint32_t combo_cad[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_DELETE };
static const uint32_t combo_cab[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_BACKSPACE };
static const uint32_t combo_caf1[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_F1 };
static const uint32_t combo_caf2[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_F1 + 1 };
static const uint32_t combo_caf7[] = { VD_XK_CONTROL_L, VD_XK_ALT_L, VD_XK_F1 + 6 };
static const uint32_t combo_alt_tab[] = { VD_XK_ALT_L, VD_XK_TAB };
static const uint32_t combo_alt_f4[] = { VD_XK_ALT_L, VD_XK_F1 + 3 };
static const uint32_t combo_sysrq[] = { VD_XK_ALT_L, VD_XK_SYS_REQ };
static const uint32_t combo_f8[] = { VD_XK_F1 + 7 };
static const uint32_t combo_ctrl_rb[] = { VD_XK_CONTROL_L, ']' };
static const uint32_t combo_super[] = { VD_XK_SUPER_L };

/* The F8 menu: combinations, colours, leave. */
static const struct {
    vd_menu_item item;
    const uint32_t *syms;
    int n;
} menu[] = {
    { { 'd', "Send Ctrl+Alt+Del", NULL, false, NULL }, combo_cad, 3 },
    { { 'b', "Send Ctrl+Alt+Backspace", NULL, false, NULL }, combo_cab, 3 },
    { { '1', "Send Ctrl+Alt+F1", NULL, false, NULL }, combo_caf1, 3 },
    { { '2', "Send Ctrl+Alt+F2", NULL, false, NULL }, combo_caf2, 3 },
    { { '7', "Send Ctrl+Alt+F7", NULL, false, NULL }, combo_caf7, 3 },
    { { 't', "Send Alt+Tab", NULL, false, NULL }, combo_alt_tab, 2 },
    { { '4', "Send Alt+F4", NULL, false, NULL }, combo_alt_f4, 2 },
    { { 's', "Send Alt+SysRq", NULL, false, NULL }, combo_sysrq, 2 },
    { { 'w', "Send the Super (Windows) key", NULL, false, NULL }, combo_super, 1 },
    { { '8', "Send F8", NULL, false, NULL }, combo_f8, 1 },
    { { ']', "Send Ctrl+]", NULL, false, NULL }, combo_ctrl_rb, 2 },
    { { 'c', "Colours: next mode", "truecolor, 256, 16, ascii", false, NULL }, NULL, 1 },
    { { 'p', "Picture: next mode", "blocks, sixel, kitty, symbols", false, NULL }, NULL, 4 },
    { { 'r', "Redraw the whole screen", NULL, false, NULL }, NULL, 2 },
    { { 'q', "Leave the console", "Ctrl+]", false, NULL }, NULL, 3 },
};

/* A menu entry was chosen. */
static void
menu_chosen(vd_app *app, long index, void *ctx)
{
    vd_view *v = ctx;
    vnc_view *s;

    if (index < 0 || !vd_view_alive(app, v) || v->ops != &vnc_ops)
        return;
    s = v->data;
    if (menu[index].syms) {
        send_combo(s, menu[index].syms, menu[index].n);
        vd_app_message(app, VD_MSG_OK, "Sent %s", menu[index].item.label + 5);
    } else if (menu[index].n == 1) {
        if (s->picture)         /* colours are the half blocks' (or symbols') */
            set_picture(app, s, VD_PIC_BLOCKS, false);
        s->mode = (vd_color_mode)((s->mode + 1) % VD_COLOR_LAST);
        vd_app_message(app, VD_MSG_INFO, "Console colours: %s",
                       vd_render_mode_name(s->mode));
    } else if (menu[index].n == 4) {
        vd_picture_mode next = s->pic == VD_PIC_SIXEL ? VD_PIC_KITTY
            : s->pic == VD_PIC_KITTY ? VD_PIC_SYMBOLS
            : s->pic == VD_PIC_SYMBOLS ? VD_PIC_BLOCKS : VD_PIC_SIXEL;

        set_picture(app, s, next, true);
    } else if (menu[index].n == 2) {
        clearok(curscr, TRUE);
        vd_render_invalidate(s->render);
        if (s->vnc)
            vd_vnc_refresh(s->vnc);
        if (s->spice)
            vd_spice_refresh(s->spice);
    } else {
        vd_view_close(app, v);
    }
    dirty(app);
}

/* Open the F8 menu. */
static void
open_menu(vd_app *app, vd_view *v)
{
    vd_menu_item items[sizeof(menu) / sizeof(menu[0])];
    vnc_view *s = v->data;
    size_t i;

    for (i = 0; i < sizeof(menu) / sizeof(menu[0]); i++) {
        items[i] = menu[i].item;
        if (menu[i].n == 4 && !menu[i].syms)
            items[i].hint = s->pic_why;
    }
    vd_dialog_menu(app, "Console", items, i, 0, false, menu_chosen, v);
}

/* A mouse event over the picture: a pointer event at the pixel. */
static void
mouse(vd_app *app, vnc_view *s)
{
    MEVENT *ev = &app->mev;
    int x, y, row = ev->y - s->img.y, col = ev->x - s->img.x;
    mmask_t b = ev->bstate;

    if (!running(s) || s->state != VD_VNC_CONNECTED || !s->fb_w ||
        row < 0 || col < 0 || row >= s->img.h || col >= s->img.w ||
        !vd_render_cell_to_pixel(s->fb_w, s->fb_h, s->img.h, s->img.w, row, col,
                                 &x, &y))
        return;
    if (b & (BUTTON1_PRESSED | BUTTON1_CLICKED))
        s->buttons |= VD_VNC_BUTTON_LEFT;
    if (b & (BUTTON2_PRESSED | BUTTON2_CLICKED))
        s->buttons |= VD_VNC_BUTTON_MIDDLE;
    if (b & (BUTTON3_PRESSED | BUTTON3_CLICKED))
        s->buttons |= VD_VNC_BUTTON_RIGHT;
    con_pointer(s, x, y, s->buttons);
#ifdef BUTTON5_PRESSED
    if (b & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        int wheel = (b & BUTTON4_PRESSED) ? VD_VNC_WHEEL_UP : VD_VNC_WHEEL_DOWN;

        con_pointer(s, x, y, s->buttons | wheel);
        con_pointer(s, x, y, s->buttons);
    }
#endif
    if (b & (BUTTON1_RELEASED | BUTTON1_CLICKED))
        s->buttons &= ~VD_VNC_BUTTON_LEFT;
    if (b & (BUTTON2_RELEASED | BUTTON2_CLICKED))
        s->buttons &= ~VD_VNC_BUTTON_MIDDLE;
    if (b & (BUTTON3_RELEASED | BUTTON3_CLICKED))
        s->buttons &= ~VD_VNC_BUTTON_RIGHT;
    if (b & (BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON2_RELEASED |
             BUTTON2_CLICKED | BUTTON3_RELEASED | BUTTON3_CLICKED))
        con_pointer(s, x, y, s->buttons);
}

/* An Esc came from the terminal: Alt+key when a key was waiting right
 * behind it (the terminal's Alt prefix), else Escape. A waiting key that
 * is not part of it (the leave or menu key, a mouse or resize event) is
 * put back for the main loop to read next. */
static vd_keysyms
esc_keysyms(void)
{
    vd_keysyms ks;
    wint_t wch;
    int r = wget_wch(stdscr, &wch), next;   /* nodelay: never waits */

    if (r == ERR) {
        vd_console_esc_keysyms(-1, &ks);
        return ks;
    }
    next = r == KEY_CODE_YES ? VD_KEY((int)wch) : (int)wch;
    if (next != LEAVE_KEY && next != MENU_KEY && vd_console_esc_keysyms(next, &ks))
        return ks;
    ks = vd_console_keysyms(27);
    if (r == KEY_CODE_YES)
        ungetch((int)wch);
    else
        unget_wch((wchar_t)wch);
    return ks;
}

/* Keys: everything to the guest but the leave and menu keys. */
static bool
key(vd_app *app, vd_view *v, int k)
{
    vnc_view *s = v->data;
    vd_keysyms ks;

    if (k == LEAVE_KEY) {
        vd_view_close(app, v);
        return true;
    }
    if (k == MENU_KEY) {
        open_menu(app, v);
        return true;
    }
    if (k == VD_KEY(KEY_RESIZE))
        return false;
    if (k == VD_KEY(KEY_MOUSE)) {
        mouse(app, s);
        return true;
    }
    if (k == 27)
        ks = esc_keysyms();
    else
        ks = vd_console_keysyms(k);
    if (ks.n && running(s) && s->state == VD_VNC_CONNECTED)
        con_keys(s, ks.syms, ks.n);
    return true;
}

/* Put the terminal back as the rest of the UI wants it. */
static void
restore_terminal(vd_app *app, vnc_view *s)
{
    noraw();
    cbreak();
    if (app->mouse) {
        static const char off[] = "\x1b[?1003l";

        mousemask(s->old_mask, NULL);
        fwrite(off, 1, sizeof(off) - 1, stdout);
        fflush(stdout);
    }
    clearok(curscr, TRUE);      /* repaint over the picture */
}

/* The view leaves the stack. */
static void
vnc_close(vd_app *app, vd_view *v)
{
    vnc_view *s = v->data;

    con_free(s);
    picture_off_screen(s);
    vd_picture_free(s->picture);
    vd_symbols_free(s->symbols);
    vd_render_free(s->render);
    restore_terminal(app, s);
    free(s);
    v->data = NULL;
    dirty(app);
}

static const vd_binding vnc_keys[] = {
    { VD_CTRL(']'), "^]", "Leave the console", "Console", 0, NULL, 0, 1, "Leave" },
    { VD_KEY(KEY_F(8)), "F8", "Menu: Ctrl+Alt+Del and other combinations, colours, "
      "picture mode (sixel, kitty, half blocks)",
      "Console", 0, NULL, 0, 8, "Menu" },
};

static const vd_view_ops vnc_ops = {
    .name = "vnc",
    .draw = draw,
    .key = key,
    .on_result = on_result,
    .close = vnc_close,
    .wake = poll_view,
    .flags = VD_VIEW_NO_Q | VD_VIEW_NO_HELP | VD_VIEW_OWN_BAR,
    .keys = vnc_keys,
    .nkeys = sizeof(vnc_keys) / sizeof(vnc_keys[0]),
    .targets = vd_console_targets,
    .place = VD_PLACE_CONSOLE,
};

/* Open the VNC or SPICE console of a domain. */
void
vd_console_open_vnc(vd_app *app, size_t hi, const char *uuid, const char *name)
{
    vnc_view *s = calloc(1, sizeof(*s));
    vd_view *v;

    if (!s || !(s->render = vd_render_new())) {
        free(s);
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return;
    }
    vd_console_dom_set(&s->dom, hi, uuid, name);
    s->mode = vd_term_color_mode();
    s->utf8 = vd_draw_utf8();
    if (s->mode == VD_COLOR_ASCII)
        s->utf8 = false;
    s->pic = VD_PIC_BLOCKS;
    if (!(v = vd_view_push(app, &vnc_ops, s, NULL)))
        return;
    vd_view_set_title(v, "Console: %s", name);
    raw();                      /* Ctrl+C, Ctrl+Z, Ctrl+\ go to the guest */
    if (app->mouse) {
        static const char on[] = "\x1b[?1003h";

        mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, &s->old_mask);
        fwrite(on, 1, sizeof(on) - 1, stdout);
        fflush(stdout);
    }
    set_picture(app, s, vd_term_picture_default(), false);
    request_socket(app, v);
}
