/*
 * form.h: forms over ncursesw — a form's view: drawing, keys, mouse.
 *
 * Build a form, add fields (each gets an id), attach validators and
 * callbacks, and show it as a view with vd_form_show(); the view owns
 * the form from then on and frees it when it is closed.
 *
 *   vd_form *f = vd_form_new("New network");
 *   vd_field *name = vd_form_text(f, "name", "Name", "");
 *   vd_field_validate(name, check_name, NULL);
 *   vd_form_number(f, "mtu", "MTU", 1500, "bytes");
 *   vd_form_on_submit(f, submit_network);
 *   vd_form_show(app, f);
 *
 * Field types: text, number (integer, with a unit shown after it and an
 * optional range), password (shown as *), choice (one of a few: Left /
 * Right cycle, Space opens a picker), checkbox (Space toggles), a
 * read-only label (several lines with '\n'), a list with a search line
 * (many entries: type to filter, Up/Down choose), and buttons.
 *
 * Keys: Tab / Down next field, Shift-Tab / Up previous; Enter goes to
 * the next page, or submits on the last one (on a button: presses it);
 * PgDn / PgUp next / previous page; Esc cancels (asking first when
 * something was typed). Text editing: Left/Right by character
 * (UTF-8, wcwidth-aware), Home/End, ^A/^E, ^U (to start), ^K (to end),
 * Backspace, Delete.
 *
 * Building, values and validation are the model's (form_model.h, no
 * curses): this header adds showing the form, its keys and callbacks.
 *
 * Pages: a wizard's steps, Next / Back between them (form_model.h).
 */
#ifndef VIRTDECK_UI_FORM_H
#define VIRTDECK_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"
#include "ui/app/view.h"
#include "ui/widgets/form_model.h"

/* The callbacks of a shown form (types: form_model.h).
 *
 * on_change: the user changed a field (typed, toggled, chose); use it
 * to show/hide fields or fill in defaults.
 * on_page: page (0-based) is entered (also the first one, when the
 * form is shown).
 * on_submit: the form is submitted with every field valid; button is
 * the id of the button pressed, or NULL for Enter / the implicit
 * submit button. The form stays open: close it with vd_form_close(),
 * or keep it (e.g. until a command's result arrives, see
 * vd_form_set_busy()).
 * on_cancel: the user cancels (Esc); the form closes right after.
 * on_result: the result of a command the form submitted with
 * vd_form_submit_cmd(). */
void vd_form_on_change(vd_form *form, vd_form_change_fn fn);
void vd_form_on_page(vd_form *form, vd_form_page_fn fn);
void vd_form_on_submit(vd_form *form, vd_form_submit_fn fn);
void vd_form_on_cancel(vd_form *form, vd_form_cancel_fn fn);
void vd_form_on_result(vd_form *form, vd_form_result_fn fn);

/* Esc goes back a page on every page but the first (wizards); on the
 * first it cancels as usual. Default: Esc always cancels. */
void vd_form_set_esc_back(vd_form *form, bool back);

/* A button's own action: pressing it calls fn instead of submitting
 * the form (no validation: e.g. "Add disk" opening a sub-form). */
void vd_field_on_press(vd_field *field, vd_field_press_fn fn, void *ctx);

/* ---- running ---- */

/* Show the form as a view on top of the stack; the view owns the form.
 * Returns the view, or NULL (form freed) when out of memory. */
vd_view *vd_form_show(vd_app *app, vd_form *form);
/* The form's view (NULL before vd_form_show()). */
vd_view *vd_form_view(const vd_form *form);
/* Close the form's view (frees the form after the current event). */
void vd_form_close(vd_app *app, vd_form *form);
/* The form shown by view v, or NULL when v is not a form. */
vd_form *vd_form_of(const vd_view *v);

/* A message for the whole form, shown above the buttons (the daemon's
 * error after a refused create). NULL clears it. */
void vd_form_message(vd_form *form, vd_msg_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* While busy, submitting again is refused ("still working"). */
void vd_form_set_busy(vd_form *form, bool busy);
bool vd_form_busy(const vd_form *form);

/* Submit cmd to host index hi for the form: the result comes to the
 * form's on_result callback (see vd_view_submit()). Returns the request
 * id, 0 when refused. */
unsigned long long vd_form_submit_cmd(vd_app *app, vd_form *form, size_t hi,
                                      vd_cmd *cmd);

/* Re-run every validator (after facts they use changed, e.g. a new
 * snapshot) and redraw. */
void vd_form_revalidate(vd_form *form);
/* Go to page (0-based), without validating. */
void vd_form_goto_page(vd_app *app, vd_form *form, int page);
/* Move the focus to field (going to its page). */
void vd_form_focus(vd_app *app, vd_form *form, vd_field *field);

#endif
