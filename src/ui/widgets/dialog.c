/*
 * dialog.c: questions, prompts, menus and the text viewer (dialog.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/lineedit.h"
#include "ui/widgets/table.h"

/* ---- a box in the middle of the body ---- */

/* Rows of text (split at '\n'). */
static int
text_rows(const char *text)
{
    int n = 1;

    for (const char *p = text; p && *p; p++)
        n += *p == '\n';
    return n;
}

/* The widest row of text. */
static int
text_cols(const char *text)
{
    int best = 0;
    const char *p = text ? text : "";

    for (;;) {
        const char *nl = strchr(p, '\n');
        char *row = strndup(p, nl ? (size_t)(nl - p) : strlen(p));
        int w = row ? vd_text_width(row) : 0;

        free(row);
        if (w > best)
            best = w;
        if (!nl)
            break;
        p = nl + 1;
    }
    return best;
}

/* Draw text's rows from (y, x) in w columns; returns the next row. */
static int
draw_rows(int y, int x, int w, const char *text, attr_t attr)
{
    const char *p = text ? text : "";

    for (;;) {
        const char *nl = strchr(p, '\n');
        char *row = strndup(p, nl ? (size_t)(nl - p) : strlen(p));

        if (row)
            vd_draw_text(y, x, w, row, attr);
        free(row);
        y++;
        if (!nl)
            break;
        p = nl + 1;
    }
    return y;
}

/* A framed box of inner size h x w centred in area; returns the inside. */
static vd_rect
dialog_box(const vd_rect *area, int h, int w, const char *title)
{
    vd_rect box, inner;
    char buf[256];

    if (w + 4 > area->w)
        w = area->w - 4;
    if (h + 2 > area->h)
        h = area->h - 2;
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    box.h = h + 2;
    box.w = w + 4;
    box.y = area->y + (area->h - box.h) / 2;
    box.x = area->x + (area->w - box.w) / 2;
    vd_draw_clear(&box, vd_role_attr(VD_ROLE_HELP_TEXT));
    vd_draw_box(&box, vd_role_attr(VD_ROLE_BORDER_FOCUS));
    if (title && *title) {
        snprintf(buf, sizeof(buf), " %s ", title);
        vd_draw_text_center(box.y, box.x + 1, box.w - 2, buf,
                            vd_role_attr(VD_ROLE_HELP_TITLE));
    }
    inner = (vd_rect){ box.y + 1, box.x + 2, h, w };
    return inner;
}

/* ---- yes/no and type-the-name ---- */

typedef struct confirm_data {
    char *title;
    char *text;
    char *name;                 /* confirm by name: what must be typed */
    vd_line line;
    char err[160];
    vd_confirm_fn fn;
    void *ctx;
    bool answered;
} confirm_data;

/* Answer once, after leaving the stack. */
static void
confirm_finish(vd_app *app, vd_view *v, bool yes)
{
    confirm_data *d = v->data;
    vd_confirm_fn fn = d->fn;
    void *ctx = d->ctx;

    d->answered = true;
    vd_view_close(app, v);
    if (fn)
        fn(app, yes, ctx);
}

/* Free; a dialog closed unanswered says no. */
static void
confirm_close(vd_app *app, vd_view *v)
{
    confirm_data *d = v->data;

    if (!d->answered && d->fn)
        d->fn(app, false, d->ctx);
    free(d->title);
    free(d->text);
    free(d->name);
    vd_line_free(&d->line);
    free(d);
}

/* y/N: y answers yes, anything else no (a click too). */
static bool
confirm_key(vd_app *app, vd_view *v, int key)
{
    if (key == VD_KEY(KEY_RESIZE))
        return true;
    if (key == VD_KEY(KEY_MOUSE) &&
        !(app->mev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return true;
    confirm_finish(app, v, key == 'y' || key == 'Y');
    return true;
}

/* Draw the question. */
static void
confirm_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    confirm_data *d = v->data;
    int w = text_cols(d->text);
    int h = text_rows(d->text);
    vd_rect in;

    (void)app;
    if (d->name) {
        char want[300];

        snprintf(want, sizeof(want), "Type %s and press Enter (Esc cancels):",
                 d->name);
        if (vd_text_width(want) > w)
            w = vd_text_width(want);
        h += 4;
        if (w < 40)
            w = 40;
        in = dialog_box(area, h, w, d->title);
        in.y = draw_rows(in.y, in.x, in.w, d->text, vd_role_attr(VD_ROLE_HELP_TEXT));
        in.y++;
        vd_draw_text(in.y++, in.x, in.w, want, vd_role_attr(VD_ROLE_HELP_TEXT));
        app->cur_x = vd_line_draw(&d->line, in.y, in.x, in.w,
                                  vd_role_attr(VD_ROLE_SELECTED), false);
        app->cur_y = in.y++;
        if (d->err[0])
            vd_draw_text(in.y, in.x, in.w, d->err,
                         vd_role_attr(VD_ROLE_STATUS_ERROR));
        return;
    }
    if (w < 30)
        w = 30;
    in = dialog_box(area, h, w, d->title);
    draw_rows(in.y, in.x, in.w, d->text, vd_role_attr(VD_ROLE_CONFIRM));
}

/* Type-the-name: edit, Enter checks. */
static bool
confirm_name_key(vd_app *app, vd_view *v, int key)
{
    confirm_data *d = v->data;

    if (key == VD_KEY(KEY_MOUSE) || key == VD_KEY(KEY_RESIZE))
        return true;
    if (key == 27) {
        confirm_finish(app, v, false);
        return true;
    }
    if (key == '\n') {
        if (strcmp(d->line.buf ? d->line.buf : "", d->name) == 0) {
            confirm_finish(app, v, true);
        } else {
            snprintf(d->err, sizeof(d->err), "That is not '%s'; nothing was done",
                     d->name);
            app->dirty = true;
        }
        return true;
    }
    if (vd_line_key(&d->line, key) == VD_LINE_CHANGED)
        d->err[0] = '\0';
    app->dirty = true;
    return true;
}

static const vd_view_ops confirm_ops = {
    .name = "confirm",
    .draw = confirm_draw,
    .key = confirm_key,
    .close = confirm_close,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_HELP,
};

static const vd_view_ops confirm_name_ops = {
    .name = "confirm-name",
    .draw = confirm_draw,
    .key = confirm_name_key,
    .close = confirm_close,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_HELP | VD_VIEW_NO_Q,
};

/* A new confirm_data; NULL (fn answered no) when out of memory. */
static confirm_data *
confirm_new(vd_app *app, const char *title, const char *text, const char *name,
            vd_confirm_fn fn, void *ctx)
{
    confirm_data *d = calloc(1, sizeof(*d));

    if (d) {
        d->title = strdup(title ? title : "");
        /* a y/N question says so, in every caller's words */
        if (!name && text && !strstr(text, "[y/N]")) {
            if (asprintf(&d->text, "%s [y/N]", text) < 0)
                d->text = NULL;
        } else {
            d->text = strdup(text ? text : "");
        }
        d->name = name ? strdup(name) : NULL;
        vd_line_init(&d->line, "");
        d->fn = fn;
        d->ctx = ctx;
    }
    if (!d || !d->title || !d->text || (name && !d->name)) {
        if (d) {
            d->fn = NULL;
            free(d->title);
            free(d->text);
            free(d->name);
            vd_line_free(&d->line);
            free(d);
        }
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        if (fn)
            fn(app, false, ctx);
        return NULL;
    }
    return d;
}

vd_view *
vd_dialog_confirm(vd_app *app, const char *title, const char *text,
                  vd_confirm_fn fn, void *ctx)
{
    confirm_data *d = confirm_new(app, title, text, NULL, fn, ctx);

    return d ? vd_view_push(app, &confirm_ops, d, title) : NULL;
}

vd_view *
vd_dialog_confirm_name(vd_app *app, const char *title, const char *text,
                       const char *name, vd_confirm_fn fn, void *ctx)
{
    confirm_data *d = confirm_new(app, title, text, name, fn, ctx);

    return d ? vd_view_push(app, &confirm_name_ops, d, title) : NULL;
}

/* ---- information box ---- */

/* Any key closes a message box. */
static bool
message_key(vd_app *app, vd_view *v, int key)
{
    if (key != VD_KEY(KEY_RESIZE) && key != VD_KEY(KEY_MOUSE))
        vd_view_close(app, v);
    return true;
}

static const vd_view_ops message_ops = {
    .name = "message",
    .draw = confirm_draw,
    .key = message_key,
    .close = confirm_close,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_HELP,
};

vd_view *
vd_dialog_message(vd_app *app, const char *title, const char *text)
{
    confirm_data *d = confirm_new(app, title, text, NULL, NULL, NULL);

    return d ? vd_view_push(app, &message_ops, d, title) : NULL;
}

/* ---- one line of text ---- */

typedef struct prompt_data {
    char *title;
    char *label;
    vd_line line;
    bool password;
    char err[256];
    const char *msg;            /* the check's message, or NULL */
    vd_prompt_check_fn check;
    vd_prompt_fn fn;
    void *ctx;
    bool answered;
} prompt_data;

/* Run the check on the current text. */
static void
prompt_check(prompt_data *d)
{
    d->err[0] = '\0';
    d->msg = d->check ? d->check(d->line.buf ? d->line.buf : "", d->err,
                                 sizeof(d->err), d->ctx) : NULL;
}

/* Free; an unanswered prompt says NULL. */
static void
prompt_close(vd_app *app, vd_view *v)
{
    prompt_data *d = v->data;

    if (!d->answered && d->fn)
        d->fn(app, NULL, d->ctx);
    free(d->title);
    free(d->label);
    vd_line_free(&d->line);
    free(d);
}

/* Edit; Enter answers when the check passes; Esc cancels. */
static bool
prompt_key(vd_app *app, vd_view *v, int key)
{
    prompt_data *d = v->data;

    app->dirty = true;
    if (key == VD_KEY(KEY_MOUSE) || key == VD_KEY(KEY_RESIZE))
        return true;
    if (key == 27) {
        vd_view_close(app, v);
        return true;
    }
    if (key == '\n') {
        char *text;
        vd_prompt_fn fn = d->fn;
        void *ctx = d->ctx;

        prompt_check(d);
        if (d->msg)
            return true;
        if (!(text = strdup(d->line.buf ? d->line.buf : "")))
            return true;
        d->answered = true;
        vd_view_close(app, v);
        if (fn)
            fn(app, text, ctx);
        free(text);
        return true;
    }
    if (vd_line_key(&d->line, key) == VD_LINE_CHANGED)
        prompt_check(d);
    return true;
}

/* Draw the prompt. */
static void
prompt_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    prompt_data *d = v->data;
    int w = vd_text_width(d->label) + 2;
    vd_rect in;

    if (w < 50)
        w = 50;
    in = dialog_box(area, 4, w, d->title);
    vd_draw_text(in.y, in.x, in.w, d->label, vd_role_attr(VD_ROLE_HELP_TEXT));
    app->cur_x = vd_line_draw(&d->line, in.y + 1, in.x, in.w,
                              vd_role_attr(VD_ROLE_SELECTED), d->password);
    app->cur_y = in.y + 1;
    if (d->msg)
        vd_draw_text(in.y + 2, in.x, in.w, d->msg,
                     vd_role_attr(VD_ROLE_STATUS_ERROR));
    vd_draw_text(in.y + 3, in.x, in.w, "Enter accepts, Esc cancels",
                 vd_role_attr(VD_ROLE_DIM));
}

static const vd_view_ops prompt_ops = {
    .name = "prompt",
    .draw = prompt_draw,
    .key = prompt_key,
    .close = prompt_close,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_HELP | VD_VIEW_NO_Q,
};

vd_view *
vd_dialog_prompt(vd_app *app, const char *title, const char *label,
                 const char *initial, bool password, vd_prompt_check_fn check,
                 vd_prompt_fn fn, void *ctx)
{
    prompt_data *d = calloc(1, sizeof(*d));

    if (!d || !(d->title = strdup(title ? title : "")) ||
        !(d->label = strdup(label ? label : ""))) {
        if (d) {
            free(d->title);
            free(d);
        }
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        if (fn)
            fn(app, NULL, ctx);
        return NULL;
    }
    vd_line_init(&d->line, initial);
    d->password = password;
    d->check = check;
    d->fn = fn;
    d->ctx = ctx;
    prompt_check(d);
    return vd_view_push(app, &prompt_ops, d, title);
}

/* ---- menus and pickers ---- */

/* The name an item's key is shown with. */
static const char *
item_key_name(const vd_menu_item *it)
{
    if (it->key_name)
        return it->key_name;
    if (it->key == ' ')
        return "Space";
    if (!it->key)
        return NULL;
    if (it->key & VD_KEYFN) {
        int k = it->key & ~VD_KEYFN;

        if (k >= KEY_F(1) && k <= KEY_F(12)) {
            static char buf[8];

            snprintf(buf, sizeof(buf), "F%d", k - KEY_F0);
            return buf;
        }
        return keyname(k);
    }
    return keyname(it->key);
}

typedef struct menu_data {
    char *title;
    vd_menu_item *items;        /* labels and hints owned */
    size_t n;
    size_t *shown;
    size_t nshown;
    size_t cur;                 /* index into shown */
    size_t top;
    bool search;
    vd_line line;
    vd_menu_fn fn;
    void *ctx;
    bool answered;
    int list_y, list_x, list_w; /* from the last draw, for clicks */
    /* vd_dialog_actions: the bindings behind the items */
    const vd_binding **actions;
} menu_data;

/* Recompute the shown items from the search line. */
static void
menu_filter(menu_data *d)
{
    const char *q = d->line.buf ? d->line.buf : "";

    d->nshown = 0;
    for (size_t i = 0; i < d->n; i++)
        if (!*q || strcasestr(d->items[i].label, q))
            d->shown[d->nshown++] = i;
    d->cur = 0;
    d->top = 0;
}

/* Answer with item index (or -1), after leaving the stack. */
static void
menu_finish(vd_app *app, vd_view *v, long index)
{
    menu_data *d = v->data;
    vd_menu_fn fn = d->fn;
    void *ctx = d->ctx;
    const vd_binding *action = NULL;

    if (index >= 0 && d->items[index].disabled) {
        vd_app_message(app, VD_MSG_ERROR, "%s: %s", d->items[index].label,
                       d->items[index].hint ? d->items[index].hint
                                            : "not available here");
        return;
    }
    if (index >= 0 && d->actions)
        action = d->actions[index];
    d->answered = true;
    vd_view_close(app, v);
    if (action)
        action->fn(app, action);
    else if (fn)
        fn(app, index, ctx);
}

/* Free; an unanswered menu says -1. */
static void
menu_close(vd_app *app, vd_view *v)
{
    menu_data *d = v->data;

    if (!d->answered && d->fn)
        d->fn(app, -1, d->ctx);
    for (size_t i = 0; i < d->n; i++) {
        free((char *)d->items[i].label);
        free((char *)d->items[i].hint);
        free((char *)d->items[i].key_name);
    }
    free(d->items);
    free(d->shown);
    free(d->actions);
    free(d->title);
    vd_line_free(&d->line);
    free(d);
}

/* Menu keys. */
static bool
menu_key(vd_app *app, vd_view *v, int key)
{
    menu_data *d = v->data;

    app->dirty = true;
    if (key == VD_KEY(KEY_RESIZE))
        return true;
    if (key == VD_KEY(KEY_MOUSE)) {
        const MEVENT *ev = &app->mev;

        if ((ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) &&
            ev->y >= d->list_y && ev->x >= d->list_x &&
            ev->x < d->list_x + d->list_w) {
            size_t row = d->top + (size_t)(ev->y - d->list_y);

            if (row < d->nshown)
                menu_finish(app, v, (long)d->shown[row]);
        }
        return true;
    }
    switch (key) {
    case 27:
        vd_view_close(app, v);
        return true;
    case '\n':
        if (d->nshown)
            menu_finish(app, v, (long)d->shown[d->cur]);
        return true;
    case VD_KEY(KEY_DOWN):
        if (d->cur + 1 < d->nshown)
            d->cur++;
        return true;
    case VD_KEY(KEY_UP):
        if (d->cur > 0)
            d->cur--;
        return true;
    case VD_KEY(KEY_NPAGE):
        d->cur = d->cur + 10 < d->nshown ? d->cur + 10 : (d->nshown ? d->nshown - 1 : 0);
        return true;
    case VD_KEY(KEY_PPAGE):
        d->cur = d->cur > 10 ? d->cur - 10 : 0;
        return true;
    default:
        break;
    }
    if (!d->search) {
        if (key == 'j' && d->cur + 1 < d->nshown) {
            d->cur++;
            return true;
        }
        if (key == 'k' && d->cur > 0) {
            d->cur--;
            return true;
        }
    }
    /* An item's own key picks it (not while typing a search, except
     * function keys). */
    if (!d->search || (key & VD_KEYFN)) {
        for (size_t i = 0; i < d->n; i++) {
            if (d->items[i].key && d->items[i].key == key) {
                menu_finish(app, v, (long)i);
                return true;
            }
        }
    }
    if (d->search && vd_line_key(&d->line, key) == VD_LINE_CHANGED)
        menu_filter(d);
    if (!d->search && key == 'q')
        vd_view_close(app, v);
    return true;
}

/* Draw the menu. */
static void
menu_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    menu_data *d = v->data;
    int w = 20, keyw = 0, h, rows;
    vd_rect in;

    for (size_t i = 0; i < d->n; i++) {
        int iw = vd_text_width(d->items[i].label) +
                 (d->items[i].hint ? 2 + vd_text_width(d->items[i].hint) : 0);

        if (iw > w)
            w = iw;
        if (d->items[i].key || d->items[i].key_name) {
            char kn[32];
            const char *name = item_key_name(&d->items[i]);

            snprintf(kn, sizeof(kn), "%s", name ? name : "?");
            if (vd_text_width(kn) > keyw)
                keyw = vd_text_width(kn);
        }
    }
    if (keyw)
        w += keyw + 2;
    rows = (int)d->n;
    h = rows + (d->search ? 2 : 0);
    if (h > area->h - 4)
        h = area->h - 4;
    in = dialog_box(area, h, w, d->title);
    if (d->search) {
        app->cur_x = vd_line_draw(&d->line, in.y, in.x, in.w,
                                  vd_role_attr(VD_ROLE_SELECTED_UNFOCUSED), false);
        app->cur_y = in.y;
        in.y += 2;
        in.h -= 2;
    }
    rows = in.h;
    if (d->cur < d->top)
        d->top = d->cur;
    if (rows > 0 && d->cur >= d->top + (size_t)rows)
        d->top = d->cur - (size_t)rows + 1;
    d->list_y = in.y;
    d->list_x = in.x;
    d->list_w = in.w;
    if (d->nshown == 0)
        vd_draw_text(in.y, in.x, in.w, "(no match)", vd_role_attr(VD_ROLE_DIM));
    for (int r = 0; r < rows; r++) {
        size_t si = d->top + (size_t)r;
        const vd_menu_item *it;
        bool sel;
        attr_t a;
        int x = in.x;

        if (si >= d->nshown)
            break;
        it = &d->items[d->shown[si]];
        sel = si == d->cur;
        a = sel ? vd_role_attr(VD_ROLE_SELECTED)
                : vd_role_attr(it->disabled ? VD_ROLE_DIM : VD_ROLE_HELP_TEXT);
        vd_draw_fill(in.y + r, in.x, in.w, a);
        if (keyw) {
            const char *name = item_key_name(it);

            vd_draw_text(in.y + r, x, keyw, name ? name : "",
                         sel ? a : vd_role_attr(VD_ROLE_HELP_KEY));
            x += keyw + 2;
        }
        x += vd_draw_text(in.y + r, x, in.x + in.w - x, it->label, a);
        if (it->hint)
            vd_draw_text(in.y + r, x + 2, in.x + in.w - x - 2, it->hint,
                         sel ? a : vd_role_attr(VD_ROLE_DIM));
    }
}

static const vd_view_ops menu_ops = {
    .name = "menu",
    .draw = menu_draw,
    .key = menu_key,
    .close = menu_close,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_HELP,
};

/* A new menu_data with copies of items; NULL when out of memory. */
static menu_data *
menu_new(const char *title, const vd_menu_item *items, size_t n, bool search)
{
    menu_data *d = calloc(1, sizeof(*d));

    if (!d)
        return NULL;
    d->items = calloc(n ? n : 1, sizeof(*d->items));
    d->shown = calloc(n ? n : 1, sizeof(*d->shown));
    d->title = strdup(title ? title : "");
    vd_line_init(&d->line, "");
    if (!d->items || !d->shown || !d->title)
        goto fail;
    d->n = n;
    for (size_t i = 0; i < n; i++) {
        d->items[i] = items[i];
        d->items[i].label = strdup(items[i].label ? items[i].label : "");
        d->items[i].hint = items[i].hint ? strdup(items[i].hint) : NULL;
        d->items[i].key_name = items[i].key_name ? strdup(items[i].key_name)
                                                 : NULL;
        if (!d->items[i].label)
            goto fail;
    }
    d->search = search;
    menu_filter(d);
    return d;

 fail:
    for (size_t i = 0; d->items && i < n; i++) {
        free((char *)d->items[i].label);
        free((char *)d->items[i].hint);
        free((char *)d->items[i].key_name);
    }
    free(d->items);
    free(d->shown);
    free(d->title);
    vd_line_free(&d->line);
    free(d);
    return NULL;
}

vd_view *
vd_dialog_menu(vd_app *app, const char *title, const vd_menu_item *items,
               size_t n, long initial, bool search, vd_menu_fn fn, void *ctx)
{
    menu_data *d = menu_new(title, items, n, search);

    if (!d) {
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        if (fn)
            fn(app, -1, ctx);
        return NULL;
    }
    d->fn = fn;
    d->ctx = ctx;
    if (initial >= 0 && (size_t)initial < d->nshown)
        d->cur = (size_t)initial;
    return vd_view_push(app, &menu_ops, d, title);
}

vd_view *
vd_dialog_actions(vd_app *app, const char *title, const vd_binding *table,
                  size_t n, unsigned int panes)
{
    vd_menu_item *items = calloc(n ? n : 1, sizeof(*items));
    const vd_binding **acts = calloc(n ? n : 1, sizeof(*acts));
    size_t m = 0;
    menu_data *d;

    if (!items || !acts) {
        free(items);
        free(acts);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        bool dup = false;

        /* Only the pane's own actions: keys of every pane (moving,
         * help, quit) are not actions on an object. */
        if (!(table[i].panes & panes) || table[i].panes == VD_PANES_ALL ||
            !table[i].fn || !table[i].desc)
            continue;
        for (size_t j = 0; j < m; j++)
            if (acts[j]->fn == table[i].fn && acts[j]->arg == table[i].arg &&
                strcmp(acts[j]->desc, table[i].desc) == 0)
                dup = true;
        if (dup)
            continue;
        items[m].key = table[i].key;
        items[m].key_name = table[i].name;
        items[m].label = table[i].desc;
        acts[m++] = &table[i];
    }
    if (m == 0) {
        free(items);
        free(acts);
        return NULL;
    }
    d = menu_new(title, items, m, false);
    free(items);
    if (!d) {
        free(acts);
        return NULL;
    }
    d->actions = acts;
    return vd_view_push(app, &menu_ops, d, title);
}

/* ---- the text viewer ---- */

typedef struct textview_data {
    char *text;
    char **lines;               /* point into text */
    size_t nlines;
    size_t top;
    int left;
    int page;                   /* rows of the last draw */
    bool searching;
    vd_line query;
    char *last;                 /* last searched text */
    long match;                 /* line of the current match, -1 none */
    char note[256];
} textview_data;

/* Split text into lines (in place). */
static bool
tv_split(textview_data *d, const char *text)
{
    size_t n = 1;
    char *p;

    free(d->text);
    free(d->lines);
    d->lines = NULL;
    d->nlines = 0;
    if (!(d->text = strdup(text ? text : "")))
        return false;
    for (p = d->text; *p; p++)
        n += *p == '\n';
    if (!(d->lines = calloc(n, sizeof(*d->lines))))
        return false;
    p = d->text;
    for (;;) {
        char *nl = strchr(p, '\n');

        d->lines[d->nlines++] = p;
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    /* A final newline does not make an empty last line. */
    if (d->nlines > 1 && d->lines[d->nlines - 1][0] == '\0')
        d->nlines--;
    return true;
}

/* Search for d->last from line start in direction dir. */
static void
tv_find(textview_data *d, size_t start, int dir)
{
    if (!d->last || !*d->last || d->nlines == 0)
        return;
    for (size_t k = 0; k < d->nlines; k++) {
        size_t i = dir > 0 ? (start + k) % d->nlines
                           : (start + d->nlines - k) % d->nlines;

        if (strcasestr(d->lines[i], d->last)) {
            d->match = (long)i;
            d->top = i > 2 ? i - 2 : 0;
            snprintf(d->note, sizeof(d->note), "/%s: line %zu", d->last, i + 1);
            if ((dir > 0 && i < start) || (dir < 0 && i > start))
                snprintf(d->note, sizeof(d->note), "/%s: line %zu (wrapped)",
                         d->last, i + 1);
            return;
        }
    }
    d->match = -1;
    snprintf(d->note, sizeof(d->note), "Not found: %s", d->last);
}

/* Viewer keys. */
static bool
tv_key(vd_app *app, vd_view *v, int key)
{
    textview_data *d = v->data;
    size_t page = d->page > 1 ? (size_t)d->page : 1;
    size_t maxtop = d->nlines > page ? d->nlines - page : 0;

    app->dirty = true;
    if (key == VD_KEY(KEY_MOUSE) || key == VD_KEY(KEY_RESIZE))
        return true;
    if (d->searching) {
        if (key == 27) {
            d->searching = false;
        } else if (key == '\n') {
            d->searching = false;
            free(d->last);
            d->last = strdup(d->query.buf ? d->query.buf : "");
            tv_find(d, d->match >= 0 ? (size_t)d->match + 1 : d->top, 1);
        } else {
            vd_line_key(&d->query, key);
        }
        return true;
    }
    switch (key) {
    case 'j':
    case VD_KEY(KEY_DOWN):
        if (d->top < maxtop)
            d->top++;
        return true;
    case 'k':
    case VD_KEY(KEY_UP):
        if (d->top > 0)
            d->top--;
        return true;
    case ' ':
    case VD_KEY(KEY_NPAGE):
        d->top = d->top + page < maxtop ? d->top + page : maxtop;
        return true;
    case 'b':
    case VD_KEY(KEY_PPAGE):
        d->top = d->top > page ? d->top - page : 0;
        return true;
    case 'g':
    case VD_KEY(KEY_HOME):
        d->top = 0;
        return true;
    case 'G':
    case VD_KEY(KEY_END):
        d->top = maxtop;
        return true;
    case 'h':
    case VD_KEY(KEY_LEFT):
        d->left = d->left > 8 ? d->left - 8 : 0;
        return true;
    case 'l':
    case VD_KEY(KEY_RIGHT):
        d->left += 8;
        return true;
    case '/':
        d->searching = true;
        vd_line_set(&d->query, "");
        return true;
    case 'n':
        tv_find(d, d->match >= 0 ? (size_t)d->match + 1 : d->top, 1);
        return true;
    case 'N':
        tv_find(d, d->match >= 0 ? (size_t)d->match + d->nlines - 1 : d->top, -1);
        return true;
    default:
        break;
    }
    return false;
}

/* Draw the viewer. */
static void
tv_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    textview_data *d = v->data;
    char buf[512];
    int rows = area->h - 2;

    if (area->h < 3)
        return;
    d->page = rows;
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    snprintf(buf, sizeof(buf), " %s ", v->title);
    vd_draw_text(area->y, area->x, area->w, buf,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    snprintf(buf, sizeof(buf), " lines %zu-%zu of %zu ", d->nlines ? d->top + 1 : 0,
             d->top + (size_t)rows < d->nlines ? d->top + (size_t)rows : d->nlines,
             d->nlines);
    vd_draw_text_right(area->y, area->x, area->w, buf,
                       vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    for (int r = 0; r < rows; r++) {
        size_t i = d->top + (size_t)r;
        const char *s;
        int col = 0;
        attr_t a;

        if (i >= d->nlines)
            break;
        s = d->lines[i];
        /* Skip d->left columns (tabs count as one column). */
        while (*s && col < d->left) {
            int cl = mblen(s, MB_CUR_MAX);

            s += cl > 0 ? cl : 1;
            col++;
        }
        a = (long)i == d->match ? vd_role_attr(VD_ROLE_SELECTED_UNFOCUSED)
                                : vd_role_attr(VD_ROLE_NORMAL);
        if ((long)i == d->match)
            vd_draw_fill(area->y + 1 + r, area->x, area->w, a);
        vd_draw_text(area->y + 1 + r, area->x + 1, area->w - 1, s, a);
    }
    if (d->searching) {
        vd_draw_text(area->y + area->h - 1, area->x, 1, "/",
                     vd_role_attr(VD_ROLE_STATUS));
        app->cur_x = vd_line_draw(&d->query, area->y + area->h - 1, area->x + 1,
                                  area->w - 1, vd_role_attr(VD_ROLE_STATUS), false);
        app->cur_y = area->y + area->h - 1;
    } else {
        vd_draw_text(area->y + area->h - 1, area->x, area->w,
                     d->note[0] ? d->note : "/ search, n/N next/previous, "
                     "arrows scroll, Esc closes", vd_role_attr(VD_ROLE_DIM));
    }
}

/* Free the viewer. */
static void
tv_close(vd_app *app, vd_view *v)
{
    textview_data *d = v->data;

    (void)app;
    free(d->text);
    free(d->lines);
    free(d->last);
    vd_line_free(&d->query);
    free(d);
}

static const vd_binding tv_keys[] = {
    { '/', "/", "Search", "Viewer", 0, NULL, 0, 3, "Search" },
    { 'n', "n", "Next match", "Viewer", 0, NULL, 0, 0, NULL },
    { 'N', "N", "Previous match", "Viewer", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_DOWN), "j, Down", "Scroll down", "Viewer", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_UP), "k, Up", "Scroll up", "Viewer", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_NPAGE), "PgDn, Space", "Page down", "Viewer", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_PPAGE), "PgUp, b", "Page up", "Viewer", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_HOME), "g, G", "Top / bottom", "Viewer", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_LEFT), "Left, Right", "Pan long lines", "Viewer", 0, NULL, 0, 0,
      NULL },
};

static const vd_view_ops textview_ops = {
    .name = "textview",
    .draw = tv_draw,
    .key = tv_key,
    .close = tv_close,
    .keys = tv_keys,
    .nkeys = sizeof(tv_keys) / sizeof(tv_keys[0]),
};

vd_view *
vd_textview_show(vd_app *app, const char *title, const char *text)
{
    textview_data *d = calloc(1, sizeof(*d));

    if (!d || !tv_split(d, text)) {
        if (d) {
            free(d->text);
            free(d->lines);
            free(d);
        }
        vd_app_message(app, VD_MSG_ERROR, "out of memory");
        return NULL;
    }
    d->match = -1;
    vd_line_init(&d->query, "");
    return vd_view_push(app, &textview_ops, d, title);
}

void
vd_textview_set_text(vd_view *v, const char *text)
{
    textview_data *d;

    if (!v || v->ops != &textview_ops)
        return;
    d = v->data;
    tv_split(d, text);
    if (d->top >= d->nlines)
        d->top = d->nlines ? d->nlines - 1 : 0;
    d->match = -1;
}
