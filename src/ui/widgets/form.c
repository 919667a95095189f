/*
 * form.c: a form as a view (see form.h): drawing, scrolling, keys, the
 * mouse and the callbacks; the fields, their values and validation are
 * the model's (form_model.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"
#include "ui/widgets/lineedit.h"
#include "ui/widgets/table.h"

#define LABEL_MAX 24            /* widest label column */
#define VALUE_MAX 60            /* widest value column */

void vd_form_on_change(vd_form *form, vd_form_change_fn fn) { form->on_change = fn; }
void vd_form_on_page(vd_form *form, vd_form_page_fn fn) { form->on_page = fn; }
void vd_form_on_submit(vd_form *form, vd_form_submit_fn fn) { form->on_submit = fn; }
void vd_form_on_cancel(vd_form *form, vd_form_cancel_fn fn) { form->on_cancel = fn; }
void vd_form_on_result(vd_form *form, vd_form_result_fn fn) { form->on_result = fn; }

void
vd_form_set_esc_back(vd_form *form, bool back)
{
    form->esc_back = back;
}

void
vd_field_on_press(vd_field *fld, vd_field_press_fn fn, void *ctx)
{
    fld->press = fn;
    fld->press_ctx = ctx;
}

void
vd_form_revalidate(vd_form *form)
{
    vd_form_check_all(form, -1);
    if (form->app)
        form->app->dirty = true;
}

/* Enter page and tell the caller. */
static void
enter_page(vd_app *app, vd_form *form, int page)
{
    if (page < 0 || page >= form->npages)
        return;
    vd_form_set_page(form, page);
    form->scroll = 0;
    if (form->on_page)
        form->on_page(app, form, page, form->ctx);
    vd_form_check_all(form, -1);
    vd_form_fix_focus(form);
    app->dirty = true;
}

void
vd_form_goto_page(vd_app *app, vd_form *form, int page)
{
    enter_page(app, form, page);
}

void
vd_form_focus(vd_app *app, vd_form *form, vd_field *fld)
{
    if (fld->page != form->page)
        enter_page(app, form, fld->page);
    if (fld->page == form->page && vd_field_focusable(fld)) {
        form->focus = fld;
        form->focus_btn = VD_FORM_BTN_NONE;
    }
    app->dirty = true;
}

/* ---- messages, busy, commands ---- */

void
vd_form_message(vd_form *form, vd_msg_kind kind, const char *fmt, ...)
{
    va_list ap;

    form->msg[0] = '\0';
    form->msg_kind = kind;
    if (fmt) {
        va_start(ap, fmt);
        vsnprintf(form->msg, sizeof(form->msg), fmt, ap);
        va_end(ap);
    }
    if (form->app)
        form->app->dirty = true;
}

void vd_form_set_busy(vd_form *form, bool busy) { form->busy = busy; }
bool vd_form_busy(const vd_form *form) { return form->busy; }
vd_view *vd_form_view(const vd_form *form) { return form->view; }

unsigned long long
vd_form_submit_cmd(vd_app *app, vd_form *form, size_t hi, vd_cmd *cmd)
{
    return vd_view_submit(app, form->view, hi, cmd);
}

/* ---- actions ---- */

/* Validate page (or all pages when all) and show the errors; false,
 * focusing the first bad field, when one is invalid. */
static bool
gate(vd_app *app, vd_form *form, bool all)
{
    vd_field *bad = vd_form_gate(form, all);

    if (!bad)
        return true;
    vd_form_focus(app, form, bad);
    vd_form_message(form, VD_MSG_ERROR, "Fix the marked field first: %s",
                    vd_field_title(bad));
    return false;
}

/* Submit with button id (NULL: the default). */
static void
submit(vd_app *app, vd_form *form, const char *button)
{
    if (form->busy) {
        vd_form_message(form, VD_MSG_BUSY, "Still working; wait for the answer");
        return;
    }
    if (!gate(app, form, true))
        return;
    vd_form_message(form, VD_MSG_INFO, NULL);
    if (form->on_submit)
        form->on_submit(app, form, button, form->ctx);
    else
        vd_form_close(app, form);
}

/* A button was pressed: its own action, else submit with its id. */
static void
press(vd_app *app, vd_form *form, vd_field *fld)
{
    if (fld->press) {
        vd_form_message(form, VD_MSG_INFO, NULL);
        fld->press(app, form, fld, fld->press_ctx);
        app->dirty = true;
        return;
    }
    submit(app, form, fld->id);
}

/* Next page after validating this one, or submit on the last. */
static void
advance(vd_app *app, vd_form *form)
{
    if (form->page < form->npages - 1) {
        if (gate(app, form, false)) {
            vd_form_message(form, VD_MSG_INFO, NULL);
            enter_page(app, form, form->page + 1);
        }
        return;
    }
    submit(app, form, NULL);
}

/* The user changed fld. */
static void
changed(vd_app *app, vd_form *form, vd_field *fld)
{
    vd_field_edited(fld);
    if (form->on_change)
        form->on_change(app, form, fld, form->ctx);
    vd_form_check_all(form, -1);
    vd_form_fix_focus(form);
    app->dirty = true;
}

/* The picker of a choice answered. */
static void
picked(vd_app *app, long index, void *ctx)
{
    vd_form *form = ctx;
    vd_field *fld = form->focus;

    if (!fld || fld->type != VD_FIELD_CHOICE || !vd_field_pick(fld, index))
        return;
    changed(app, form, fld);
}

/* Open the picker of the focused choice. */
static void
open_picker(vd_app *app, vd_form *form, vd_field *fld)
{
    vd_menu_item *items = calloc(fld->nitems ? fld->nitems : 1, sizeof(*items));

    if (!items)
        return;
    for (size_t i = 0; i < fld->nitems; i++)
        items[i].label = fld->items[i];
    vd_dialog_menu(app, vd_field_title(fld), items, fld->nitems,
                   fld->index, fld->nitems > 12, picked, form);
    free(items);
}

/* Cancel after the user said yes to losing the input. */
static void
cancel_answer(vd_app *app, bool yes, void *ctx)
{
    vd_form *form = ctx;

    if (!yes || !form->view || !vd_view_alive(app, form->view))
        return;
    if (form->on_cancel)
        form->on_cancel(app, form, form->ctx);
    vd_form_close(app, form);
}

/* Esc: close, asking first when the user typed something. */
static void
cancel(vd_app *app, vd_form *form)
{
    if (form->dirty) {
        vd_dialog_confirm(app, "Discard?", "Close this form and lose what "
                          "you entered? [y/N]", cancel_answer, form);
        return;
    }
    cancel_answer(app, true, form);
}

/* Up/Down in a list field; true when handled (false: the focus
 * leaves the list). */
static bool
list_key(vd_app *app, vd_form *form, vd_field *fld, int key)
{
    if ((key != VD_KEY(KEY_DOWN) && key != VD_KEY(KEY_UP)) ||
        !vd_field_list_step(fld, key == VD_KEY(KEY_DOWN) ? 1 : -1))
        return false;
    changed(app, form, fld);
    return true;
}

static bool form_key(vd_app *app, vd_view *v, int key);

/* A click: focus the field under it, press a button, choose a list
 * entry. */
static void
form_click(vd_app *app, vd_form *form)
{
    const MEVENT *ev = &app->mev;

    if (!(ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return;
    for (size_t i = 0; i < form->nhits; i++) {
        const vd_form_hit *h = &form->hits[i];

        if (ev->y == h->y && ev->x >= h->x0 && ev->x < h->x1) {
            vd_form_set_focus_code(form, h->code);
            form_key(app, form->view, '\n');
            return;
        }
    }
    for (size_t i = 0; i < form->nfields; i++) {
        vd_field *fld = form->fields[i];

        if (fld->page != form->page || !vd_field_focusable(fld) || fld->draw_y < 0)
            continue;
        if (fld->type == VD_FIELD_LIST && ev->y >= fld->list_y &&
            ev->y < fld->list_y + fld->rows) {
            size_t row = fld->ltop + (size_t)(ev->y - fld->list_y);

            form->focus = fld;
            form->focus_btn = VD_FORM_BTN_NONE;
            if (row < fld->nshown && vd_field_pick(fld, (long)fld->shown[row]))
                changed(app, form, fld);
            return;
        }
        if (ev->y == fld->draw_y) {
            form->focus = fld;
            form->focus_btn = VD_FORM_BTN_NONE;
            app->dirty = true;
            return;
        }
    }
}

/* The form view's key handler. */
static bool
form_key(vd_app *app, vd_view *v, int key)
{
    vd_form *form = v->data;
    vd_field *fld;

    vd_form_fix_focus(form);
    fld = form->focus;
    app->dirty = true;
    if (key == VD_KEY(KEY_MOUSE)) {
        form_click(app, form);
        return true;
    }
    if (key == 27) {
        if (form->esc_back && form->page > 0)
            enter_page(app, form, form->page - 1);
        else
            cancel(app, form);
        return true;
    }
    if (key == '\t') {
        vd_form_move_focus(form, 1);
        return true;
    }
    if (key == VD_KEY(KEY_BTAB)) {
        vd_form_move_focus(form, -1);
        return true;
    }
    if (fld && fld->type == VD_FIELD_LIST && list_key(app, form, fld, key))
        return true;
    if (key == VD_KEY(KEY_DOWN)) {
        /* down from the last field goes to the button that goes on,
         * never to "< Back" (Enter would then undo the page) */
        vd_form_move_focus(form, 1);
        if (fld && !form->focus && form->focus_btn == VD_FORM_BTN_BACK)
            vd_form_move_focus(form, 1);
        return true;
    }
    if (key == VD_KEY(KEY_UP)) {
        vd_form_move_focus(form, -1);
        return true;
    }
    if (key == VD_KEY(KEY_NPAGE)) {
        advance(app, form);
        return true;
    }
    if (key == VD_KEY(KEY_PPAGE)) {
        if (form->page > 0)
            enter_page(app, form, form->page - 1);
        return true;
    }
    if (key == '\n') {
        if (!fld) {
            switch (form->focus_btn) {
            case VD_FORM_BTN_BACK:
                enter_page(app, form, form->page - 1);
                break;
            case VD_FORM_BTN_NEXT:
                advance(app, form);
                break;
            default:
                submit(app, form, NULL);
                break;
            }
        } else if (fld->type == VD_FIELD_BUTTON) {
            press(app, form, fld);
        } else {
            advance(app, form);
        }
        return true;
    }
    if (!fld)
        return key != 'q' && key != '?' && key != VD_KEY(KEY_F(1)) ? true : false;
    switch (fld->type) {
    case VD_FIELD_CHOICE:
        if (key == VD_KEY(KEY_LEFT) || key == VD_KEY(KEY_RIGHT)) {
            if (fld->nitems) {
                vd_field_choice_step(fld, key == VD_KEY(KEY_RIGHT) ? 1 : -1);
                changed(app, form, fld);
            }
            return true;
        }
        if (key == ' ' || key == VD_KEY(KEY_F(4))) {
            open_picker(app, form, fld);
            return true;
        }
        /* A letter jumps to the next choice starting with it. */
        if (vd_field_choice_jump(fld, key)) {
            changed(app, form, fld);
            return true;
        }
        return key != '?' && key != VD_KEY(KEY_F(1));
    case VD_FIELD_CHECK:
        if (key == ' ' || key == 'x' || key == VD_KEY(KEY_LEFT) ||
            key == VD_KEY(KEY_RIGHT)) {
            fld->checked = !fld->checked;
            changed(app, form, fld);
        }
        return key != '?' && key != VD_KEY(KEY_F(1));
    case VD_FIELD_BUTTON:
        if (key == ' ')
            press(app, form, fld);
        return key != '?' && key != VD_KEY(KEY_F(1));
    case VD_FIELD_TEXT:
    case VD_FIELD_NUMBER:
    case VD_FIELD_PASSWORD:
    case VD_FIELD_LIST:
        switch (vd_line_key(&fld->line, key)) {
        case VD_LINE_CHANGED:
            changed(app, form, fld);
            return true;
        case VD_LINE_MOVED:
            return true;
        case VD_LINE_IGNORED:
            break;
        }
        return false;
    case VD_FIELD_LABEL:
        break;
    }
    return false;
}

/* ---- drawing ---- */

/* Rows a field takes (without its error and help lines). */
static int
field_rows(const vd_field *fld)
{
    int n = 1;

    if (fld->type == VD_FIELD_LIST)
        return 1 + fld->rows;
    if (fld->type == VD_FIELD_LABEL && fld->line.buf)
        for (const char *p = fld->line.buf; *p; p++)
            n += *p == '\n';
    return n;
}


/* Rows fld takes with its error and help lines. */
static int
field_height(const vd_form *form, const vd_field *fld)
{
    int n = field_rows(fld);

    if (vd_field_error_shown(form, fld))
        n++;
    if (fld->help && form->focus == fld)
        n++;
    return n;
}

/* Draw a label field's lines from row y. */
static void
draw_label_text(const vd_field *fld, int y, int x, int w, int maxy)
{
    const char *p = fld->line.buf ? fld->line.buf : "";

    while (y < maxy) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *row = strndup(p, len);

        if (row) {
            vd_draw_text(y, x, w, row, vd_role_attr(VD_ROLE_NORMAL));
            free(row);
        }
        if (!nl)
            break;
        p = nl + 1;
        y++;
    }
}

/* Draw a list field's entries. */
static void
draw_list(vd_form *form, vd_field *fld, int y, int x, int w, int miny, int maxy)
{
    bool focused = form->focus == fld;
    size_t pos = 0;

    for (size_t i = 0; i < fld->nshown; i++)
        if ((long)fld->shown[i] == fld->index)
            pos = i;
    if (pos < fld->ltop)
        fld->ltop = pos;
    if (pos >= fld->ltop + (size_t)fld->rows)
        fld->ltop = pos - (size_t)fld->rows + 1;
    fld->list_y = y;
    for (int r = 0; r < fld->rows; r++) {
        size_t i = fld->ltop + (size_t)r;
        bool chosen;
        attr_t a;

        if (y + r < miny || y + r >= maxy)
            continue;
        if (i >= fld->nshown) {
            if (r == 0)
                vd_draw_text(y, x + 2, w - 2, fld->nitems ? "(no match)" : "(empty)",
                             vd_role_attr(VD_ROLE_DIM));
            continue;
        }
        chosen = (long)fld->shown[i] == fld->index;
        a = chosen ? vd_row_attr(true, focused, VD_ROLE_NORMAL) : vd_role_attr(VD_ROLE_NORMAL);
        vd_draw_fill(y + r, x, w, a);
        vd_draw_text(y + r, x, 2, chosen ? vd_glyph_str(VD_GLYPH_MARK) : " ", a);
        vd_draw_text(y + r, x + 2, w - 2, fld->items[fld->shown[i]], a);
    }
}

/* Draw one field at row y (rows outside [miny, maxy) are not drawn). */
static void
draw_field(vd_app *app, vd_form *form, vd_field *fld, int y, int lx, int lw,
           int vx, int vw, int miny, int maxy)
{
    bool focused = form->focus == fld;
    attr_t la = vd_role_attr(focused ? VD_ROLE_PANE_TITLE_FOCUS : VD_ROLE_NORMAL);
    attr_t fa = vd_role_attr(focused ? VD_ROLE_SELECTED : VD_ROLE_SELECTED_UNFOCUSED);
    int rows = field_rows(fld);
    char buf[512];
    int cx;

    fld->draw_y = y >= miny && y < maxy ? y : -1;
    if (y >= miny && y < maxy && fld->label) {
        snprintf(buf, sizeof(buf), "%s", fld->label);
        vd_draw_text(y, lx, lw, buf, la);
    }
    if (fld->type == VD_FIELD_LABEL && !fld->label) {
        draw_label_text(fld, y, lx, vx + vw - lx, maxy);
    } else if (y >= miny && y < maxy) {
        switch (fld->type) {
        case VD_FIELD_TEXT:
        case VD_FIELD_PASSWORD:
        case VD_FIELD_NUMBER: {
            int w = vw - 2;

            if (fld->type == VD_FIELD_NUMBER) {
                w = 14 < vw - 2 ? 14 : vw - 2;
            }
            vd_draw_text(y, vx, 1, "[", vd_role_attr(VD_ROLE_DIM));
            cx = vd_line_draw(&fld->line, y, vx + 1, w, fa,
                              fld->type == VD_FIELD_PASSWORD);
            vd_draw_text(y, vx + 1 + w, 1, "]", vd_role_attr(VD_ROLE_DIM));
            if (fld->unit)
                vd_draw_text(y, vx + w + 3, vw - w - 3, fld->unit,
                             vd_role_attr(VD_ROLE_NORMAL));
            if (focused) {
                app->cur_y = y;
                app->cur_x = cx;
            }
            break;
        }
        case VD_FIELD_CHOICE:
            snprintf(buf, sizeof(buf), "< %s >",
                     fld->index >= 0 ? fld->items[fld->index] : "");
            vd_draw_text(y, vx, vw, buf, fa);
            break;
        case VD_FIELD_CHECK:
            vd_draw_text(y, vx, vw, fld->checked ? "[x]" : "[ ]", fa);
            break;
        case VD_FIELD_LABEL:
            draw_label_text(fld, y, vx, vw, maxy);
            break;
        case VD_FIELD_LIST: {
            int w = vw - 2 > 30 ? 30 : vw - 2;

            vd_draw_text(y, vx, 1, "[", vd_role_attr(VD_ROLE_DIM));
            cx = vd_line_draw(&fld->line, y, vx + 1, w, fa, false);
            vd_draw_text(y, vx + 1 + w, 1, "]", vd_role_attr(VD_ROLE_DIM));
            snprintf(buf, sizeof(buf), " %zu of %zu, type to search", fld->nshown,
                     fld->nitems);
            vd_draw_text(y, vx + w + 2, vw - w - 2, buf, vd_role_attr(VD_ROLE_DIM));
            if (focused) {
                app->cur_y = y;
                app->cur_x = cx;
            }
            break;
        }
        case VD_FIELD_BUTTON:
            break;
        }
    }
    if (fld->type == VD_FIELD_LIST)
        draw_list(form, fld, y + 1, vx, vw, miny, maxy);
    y += rows;
    if (vd_field_error_shown(form, fld)) {
        if (y >= miny && y < maxy) {
            snprintf(buf, sizeof(buf), "%s %s", vd_draw_utf8() ? "\u2717" : "!",
                     fld->err);
            /* the value column is capped for looks; a message may use
             * the whole row, so it is read in full on wide screens */
            vd_draw_text(y, vx, COLS - vx - 1 > vw ? COLS - vx - 1 : vw, buf,
                         vd_role_attr(VD_ROLE_STATUS_ERROR));
        }
        y++;
    }
    if (fld->help && focused && y >= miny && y < maxy)
        vd_draw_text(y, vx, vw, fld->help, vd_role_attr(VD_ROLE_DIM));
}

/* Draw the button row at y. */
static void
draw_buttons(vd_form *form, int y, int x, int w)
{
    long t[256];
    size_t n = vd_form_targets(form, t, 256);
    long cur = vd_form_focus_code(form);
    int pos = x;

    form->nhits = 0;
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        const char *label;
        int bw;

        if (t[i] > 0) {
            const vd_field *fld = form->fields[t[i] - 1];

            if (fld->type != VD_FIELD_BUTTON)
                continue;
            label = fld->label ? fld->label : fld->id;
        } else if (t[i] == -VD_FORM_BTN_BACK) {
            label = "< Back";
        } else if (t[i] == -VD_FORM_BTN_NEXT) {
            label = "Next >";
        } else {
            label = form->submit_label;
        }
        snprintf(buf, sizeof(buf), "[ %s ]", label);
        bw = vd_text_width(buf);
        if (pos + bw > x + w)
            break;
        vd_draw_text(y, pos, bw, buf, vd_role_attr(t[i] == cur ? VD_ROLE_SELECTED
                                                     : VD_ROLE_KEY_LABEL));
        if (form->nhits < VD_FORM_MAX_HITS) {
            form->hits[form->nhits].y = y;
            form->hits[form->nhits].x0 = pos;
            form->hits[form->nhits].x1 = pos + bw;
            form->hits[form->nhits].code = t[i];
            form->nhits++;
        }
        pos += bw + 2;
    }
}

/* The form view's draw. */
static void
form_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    vd_form *form = v->data;
    int lw = 0, vx, vw, top, bottom, y, total = 0, fy = -1, fh = 0, mrows;
    char buf[512];
    vd_role mrole = VD_ROLE_NORMAL;

    if (area->h < 4 || area->w < 20)
        return;
    vd_form_fix_focus(form);
    /* Title: the form's, and the step. */
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    if (form->npages > 1)
        snprintf(buf, sizeof(buf), " %s %s Step %d of %d: %s ", form->title,
                 vd_glyph_str(VD_GLYPH_SEP), form->page + 1, form->npages,
                 form->pages[form->page]);
    else
        snprintf(buf, sizeof(buf), " %s ", form->title);
    vd_draw_text(area->y, area->x, area->w, buf,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));

    for (size_t i = 0; i < form->nfields; i++) {
        const vd_field *fld = form->fields[i];
        int w;

        form->fields[i]->draw_y = -1;
        if (fld->page != form->page || fld->hidden || !fld->label ||
            fld->type == VD_FIELD_BUTTON)
            continue;
        w = vd_text_width(fld->label);
        if (w > lw)
            lw = w;
    }
    if (lw > LABEL_MAX)
        lw = LABEL_MAX;
    if (lw > area->w / 3)
        lw = area->w / 3;
    vx = area->x + 2 + lw + 2;
    vw = area->x + area->w - 2 - vx;
    if (vw > VALUE_MAX + 20)
        vw = VALUE_MAX + 20;

    /* Scroll so that the focused field is inside [top, bottom). */
    top = area->y + 2;
    /* A long message (libvirt's words) takes up to 3 rows. */
    mrows = 1;
    if (form->msg[0] && area->w > 8) {
        int tw = vd_text_width(form->msg);

        mrows = (tw + area->w - 5) / (area->w - 4);
        if (tw > area->w - 4)
            mrows++;            /* word breaks waste some of each row */
        if (mrows < 1)
            mrows = 1;
        if (mrows > 3)
            mrows = 3;
    }
    bottom = area->y + area->h - 2 - mrows;
    for (size_t i = 0; i < form->nfields; i++) {
        const vd_field *fld = form->fields[i];

        if (fld->page != form->page || fld->hidden || fld->type == VD_FIELD_BUTTON)
            continue;
        if (fld == form->focus) {
            fy = total;
            fh = field_height(form, fld);
        }
        total += field_height(form, fld);
    }
    if (fy >= 0) {
        if (fy < form->scroll)
            form->scroll = fy;
        if (fy + fh > form->scroll + (bottom - top))
            form->scroll = fy + fh - (bottom - top);
    }
    if (form->scroll > total - (bottom - top))
        form->scroll = total - (bottom - top);
    if (form->scroll < 0)
        form->scroll = 0;

    y = top - form->scroll;
    for (size_t i = 0; i < form->nfields; i++) {
        vd_field *fld = form->fields[i];

        if (fld->page != form->page || fld->hidden || fld->type == VD_FIELD_BUTTON)
            continue;
        draw_field(app, form, fld, y, area->x + 2, lw, vx, vw, top, bottom);
        y += field_height(form, fld);
    }
    if (form->scroll > 0)
        vd_draw_text_right(top - 1, area->x, area->w - 2, "more above",
                           vd_role_attr(VD_ROLE_DIM));
    if (y > bottom)
        vd_draw_text_right(bottom, area->x, area->w - 2, "more below",
                           vd_role_attr(VD_ROLE_DIM));

    switch ((vd_msg_kind)form->msg_kind) {
    case VD_MSG_ERROR:
        mrole = VD_ROLE_STATUS_ERROR;
        break;
    case VD_MSG_OK:
        mrole = VD_ROLE_STATUS_OK;
        break;
    case VD_MSG_BUSY:
        mrole = VD_ROLE_STATUS_BUSY;
        break;
    case VD_MSG_INFO:
        break;
    }
    if (form->msg[0]) {
        vd_rect mr = { area->y + area->h - 1 - mrows, area->x + 2, mrows,
                       area->w - 4 };

        vd_draw_wrap(&mr, mr.y, form->msg, vd_role_attr(mrole));
    }
    draw_buttons(form, area->y + area->h - 1, area->x + 2, area->w - 4);
}

/* The view of a form: free it with the view. */
static void
form_close(vd_app *app, vd_view *v)
{
    vd_form *form = v->data;

    (void)app;
    form->view = NULL;
    form->app = NULL;
    vd_form_free(form);
}

/* A result for the form. */
static void
form_result(vd_app *app, vd_view *v, vd_result *res)
{
    vd_form *form = v->data;

    if (form->on_result)
        form->on_result(app, form, res, form->ctx);
    else
        vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR, "%s",
                       res->message ? res->message : (res->ok ? "done" : "failed"));
}

/* Snapshots may change what validators see. */
static void
form_snapshot(vd_app *app, vd_view *v)
{
    (void)app;
    vd_form_check_all(v->data, -1);
}

static void key_next(vd_app *app, const vd_binding *b) { (void)b; form_key(app, vd_view_top(app), VD_KEY(KEY_NPAGE)); }
static void key_prev(vd_app *app, const vd_binding *b) { (void)b; form_key(app, vd_view_top(app), VD_KEY(KEY_PPAGE)); }

static const vd_binding form_keys[] = {
    { '\t', "Tab", "Next field (also Down)", "Form", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_BTAB), "S-Tab", "Previous field (also Up)", "Form", 0, NULL, 0,
      0, NULL },
    { '\n', "Enter", "Next page; submit on the last; press a button", "Form",
      0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_NPAGE), "PgDn", "Next page", "Form", 0, key_next, 0, 5, "Next" },
    { VD_KEY(KEY_PPAGE), "PgUp", "Previous page", "Form", 0, key_prev, 0, 4,
      "Prev" },
    { ' ', "Space", "Toggle a checkbox, open a choice's picker", "Form", 0,
      NULL, 0, 0, NULL },
    { VD_KEY(KEY_LEFT), "Left/Right", "Change a choice; move in text", "Form",
      0, NULL, 0, 0, NULL },
    { VD_CTRL('a'), "^A/^E", "Start / end of the text (also Home/End)",
      "Editing", 0, NULL, 0, 0, NULL },
    { VD_CTRL('u'), "^U", "Delete to the start of the text", "Editing", 0,
      NULL, 0, 0, NULL },
    { VD_CTRL('k'), "^K", "Delete to the end of the text", "Editing", 0, NULL,
      0, 0, NULL },
};

static const vd_view_ops form_ops = {
    .name = "form",
    .draw = form_draw,
    .key = form_key,
    .on_snapshot = form_snapshot,
    .on_result = form_result,
    .close = form_close,
    .flags = VD_VIEW_NO_Q,
    .keys = form_keys,
    .nkeys = sizeof(form_keys) / sizeof(form_keys[0]),
};

/* The model changed outside the keys (an error set on a field). */
static void
form_redraw(vd_form *form)
{
    if (form->app)
        form->app->dirty = true;
}

/* Show the form. */
vd_view *
vd_form_show(vd_app *app, vd_form *form)
{
    vd_view *v;

    form->app = app;
    form->redraw = form_redraw;
    if (!(v = vd_view_push(app, &form_ops, form, form->title)))
        return NULL;
    form->view = v;
    enter_page(app, form, 0);
    return v;
}

/* Close the form's view. */
void
vd_form_close(vd_app *app, vd_form *form)
{
    if (form->view)
        vd_view_close(app, form->view);
}

/* The form of a view. */
vd_form *
vd_form_of(const vd_view *v)
{
    return v && v->ops == &form_ops ? v->data : NULL;
}
