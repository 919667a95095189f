/*
 * view_vnc.c: the guest's VNC screen in the terminal.
 *
 * The view asks the worker for a socket (VD_CMD_DOM_GRAPHICS), starts
 * the console thread on it (src/console/vnc.h) and draws the shared
 * framebuffer with the renderer (src/console/render.h), writing only
 * changed cells, straight to the terminal after curses' own update.
 * Every key goes to the guest except Ctrl+] (leave) and F8 (a menu of
 * combinations: Ctrl+Alt+Del, ...). The terminal is in raw mode and
 * reports mouse motion while the view is open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console/render.h"
#include "console/vnc.h"
#include "ui/console/console_keys.h"
#include "ui/console/console_view.h"
#include "ui/widgets/dialog.h"
#include "ui/actions/domain_actions.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/term_image.h"
#include "ui/app/view.h"

#define LEAVE_KEY VD_CTRL(']')
#define MENU_KEY VD_KEY(KEY_F(8))

typedef struct vnc_view {
    size_t host;
    char uuid[VD_UUID_LEN];
    char name[128];
    vd_vnc *vnc;
    vd_render *render;
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

    snprintf(cmd.uuid, sizeof(cmd.uuid), "%s", s->uuid);
    s->state = VD_VNC_CONNECTING;
    snprintf(s->status, sizeof(s->status), "Connecting to the VNC display of %s...",
             s->name);
    if (!vd_view_submit(app, v, s->host, &cmd))
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
    if (s->vnc)
        vd_vnc_answer(s->vnc, text);
    dirty(app);
}

/* React to a new console state. */
static void
state_changed(vd_app *app, vd_view *v, vd_vnc_state st, const char *msg)
{
    vnc_view *s = v->data;
    char title[200];

    s->state = st;
    switch (st) {
    case VD_VNC_NEED_PASSWORD:
        if (s->prompting)
            break;
        s->prompting = true;
        snprintf(title, sizeof(title), "VNC password for %s", s->name);
        vd_dialog_prompt(app, title, s->wrong ? "Wrong VNC password; try again:"
                         : "Password:", "", true, NULL, password_given, v);
        snprintf(s->status, sizeof(s->status), "%s asks for a VNC password", s->name);
        break;
    case VD_VNC_AUTH_FAILED:
        /* the server closed the connection: get a new one and ask again */
        s->wrong = true;
        vd_app_message(app, VD_MSG_ERROR, "VNC %s: wrong VNC password", s->name);
        vd_vnc_free(s->vnc);
        s->vnc = NULL;
        request_socket(app, v);
        snprintf(s->status, sizeof(s->status), "Wrong VNC password; reconnecting...");
        break;
    case VD_VNC_CONNECTED:
        s->wrong = false;
        vd_render_invalidate(s->render);
        vd_app_message(app, VD_MSG_OK, "VNC %s: %s%s%s%s. Ctrl+] leaves, F8 menu",
                       s->name, msg ? msg : "connected", s->via[0] ? " (" : "",
                       s->via, s->via[0] ? ")" : "");
        break;
    case VD_VNC_CLOSED:
        snprintf(s->status, sizeof(s->status), "VNC console closed: %s. Ctrl+] leaves.",
                 msg ? msg : "");
        vd_app_message(app, VD_MSG_ERROR, "VNC %s: %s", s->name, msg ? msg : "closed");
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

    if (!s->vnc)
        return;
    st = vd_vnc_get_state(s->vnc, &msg);
    if (st != s->state)
        state_changed(app, v, st, msg);
    free(msg);
    if (s->vnc && vd_vnc_lock_frame(s->vnc, &fb, &seq)) {
        vd_vnc_unlock_frame(s->vnc);
        if (seq != s->drawn_seq)
            dirty(app);
    }
}

/* Every live console view gets its news. */
void
vd_console_poll(vd_app *app)
{
    for (vd_view *v = app->views; v; v = v->below) {
        if (v->closed)
            continue;
        if (v->ops == &vnc_ops)
            poll_view(app, v);
        else
            vd_serial_poll_view(app, v);
    }
}

/* The worker's answer: the socket, or why not. */
static void
on_result(vd_app *app, vd_view *v, vd_result *res)
{
    vnc_view *s = v->data;

    if (res->kind != VD_CMD_DOM_GRAPHICS)
        return;
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
    vd_vnc_free(s->vnc);
    s->vnc = vd_vnc_start(res->fd, wake, app->bus);
    res->fd = -1;
    s->drawn_seq = 0;
    if (!s->vnc) {
        s->state = VD_VNC_CLOSED;
        snprintf(s->status, sizeof(s->status), "cannot start the VNC client");
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
        snprintf(line, sizeof(line), " VNC %s %dx%d  %s  Ctrl+] leave  F8 menu ",
                 s->name, s->fb_w, s->fb_h, vd_render_mode_name(s->mode));
    else
        snprintf(line, sizeof(line), " VNC %s  %s  Ctrl+] leave  F8 menu ",
                 s->name, vd_render_mode_name(s->mode));
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    vd_draw_text(area->y, area->x, area->w, line, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    s->img.y = area->y + 1;
    s->img.x = area->x;
    s->img.h = area->h - 1;
    s->img.w = area->w;
    if (s->img.h <= 0 || s->img.w <= 0)
        return;
    if (!s->vnc || s->state != VD_VNC_CONNECTED ||
        !vd_vnc_lock_frame(s->vnc, &fb, &seq)) {
        vd_rect msg = { s->img.y + s->img.h / 2, s->img.x + 2, 3, s->img.w - 4 };

        if (msg.y + msg.h > s->img.y + s->img.h)
            msg.h = s->img.y + s->img.h - msg.y;
        if (vd_text_width(s->status) <= msg.w)
            vd_draw_text_center(msg.y, s->img.x, s->img.w, s->status,
                                vd_role_attr(VD_ROLE_NORMAL));
        else                    /* a long reason: wrapped, all of it seen */
            vd_draw_wrap(&msg, msg.y, s->status, vd_role_attr(VD_ROLE_NORMAL));
        vd_render_invalidate(s->render);
        return;
    }
    s->fb_w = fb.width;
    s->fb_h = fb.height;
    if (!on_top) {
        /* a dialog is over us: curses owns the screen until it closes */
        vd_vnc_unlock_frame(s->vnc);
        s->covered = true;
        return;
    }
    {
        vd_render_target t = { s->img.y, s->img.x, s->img.h, s->img.w,
                               s->mode, s->utf8 };
        vd_buf out = { 0 };

        if (s->covered || is_cleared(curscr))
            vd_render_invalidate(s->render);
        s->covered = false;
        if (vd_render_frame(s->render, &fb, &t, &out) < 0)
            vd_render_invalidate(s->render);
        s->drawn_seq = seq;
        vd_vnc_unlock_frame(s->vnc);
        vd_term_overlay(&out);
        vd_buf_free(&out);
    }
}

/* Send a combination of keysyms. */
static void
send_combo(vnc_view *s, const uint32_t *syms, int n)
{
    if (s->vnc && s->state == VD_VNC_CONNECTED)
        vd_vnc_keys(s->vnc, syms, n);
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
        s->mode = (vd_color_mode)((s->mode + 1) % VD_COLOR_LAST);
        vd_app_message(app, VD_MSG_INFO, "Console colours: %s",
                       vd_render_mode_name(s->mode));
    } else if (menu[index].n == 2) {
        clearok(curscr, TRUE);
        vd_render_invalidate(s->render);
        if (s->vnc)
            vd_vnc_refresh(s->vnc);
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
    size_t i;

    for (i = 0; i < sizeof(menu) / sizeof(menu[0]); i++)
        items[i] = menu[i].item;
    vd_dialog_menu(app, "Console", items, i, 0, false, menu_chosen, v);
}

/* A mouse event over the picture: a pointer event at the pixel. */
static void
mouse(vd_app *app, vnc_view *s)
{
    MEVENT *ev = &app->mev;
    int x, y, row = ev->y - s->img.y, col = ev->x - s->img.x;
    mmask_t b = ev->bstate;

    if (!s->vnc || s->state != VD_VNC_CONNECTED || !s->fb_w ||
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
    vd_vnc_pointer(s->vnc, x, y, s->buttons);
#ifdef BUTTON5_PRESSED
    if (b & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        int wheel = (b & BUTTON4_PRESSED) ? VD_VNC_WHEEL_UP : VD_VNC_WHEEL_DOWN;

        vd_vnc_pointer(s->vnc, x, y, s->buttons | wheel);
        vd_vnc_pointer(s->vnc, x, y, s->buttons);
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
        vd_vnc_pointer(s->vnc, x, y, s->buttons);
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
    if (ks.n && s->vnc && s->state == VD_VNC_CONNECTED)
        vd_vnc_keys(s->vnc, ks.syms, ks.n);
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

    vd_vnc_free(s->vnc);
    vd_render_free(s->render);
    restore_terminal(app, s);
    free(s);
    v->data = NULL;
    dirty(app);
}

static const vd_binding vnc_keys[] = {
    { VD_CTRL(']'), "^]", "Leave the console", "Console", 0, NULL, 0, 1, "Leave" },
    { VD_KEY(KEY_F(8)), "F8", "Menu: Ctrl+Alt+Del and other combinations, colours",
      "Console", 0, NULL, 0, 8, "Menu" },
};

/* The console's domain is the target of the domain actions. */
static void
console_targets(vd_app *app, vd_view *v, vd_dom_targets *out)
{
    const vnc_view *s = v->data;

    (void)app;
    vd_dom_targets_one(out, s->host, s->uuid, s->name);
}

static const vd_view_ops vnc_ops = {
    .name = "vnc",
    .draw = draw,
    .key = key,
    .on_result = on_result,
    .close = vnc_close,
    .flags = VD_VIEW_NO_Q | VD_VIEW_NO_HELP | VD_VIEW_OWN_BAR,
    .keys = vnc_keys,
    .nkeys = sizeof(vnc_keys) / sizeof(vnc_keys[0]),
    .targets = console_targets,
    .place = VD_PLACE_CONSOLE,
};

/* Open the VNC console of a domain. */
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
    s->host = hi;
    snprintf(s->uuid, sizeof(s->uuid), "%s", uuid);
    snprintf(s->name, sizeof(s->name), "%s", name);
    s->mode = vd_term_color_mode();
    s->utf8 = vd_draw_utf8();
    if (s->mode == VD_COLOR_ASCII)
        s->utf8 = false;
    if (!(v = vd_view_push(app, &vnc_ops, s, NULL)))
        return;
    vd_view_set_title(v, "VNC console: %s", name);
    raw();                      /* Ctrl+C, Ctrl+Z, Ctrl+\ go to the guest */
    if (app->mouse) {
        static const char on[] = "\x1b[?1003h";

        mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, &s->old_mask);
        fwrite(on, 1, sizeof(on) - 1, stdout);
        fflush(stdout);
    }
    request_socket(app, v);
}
