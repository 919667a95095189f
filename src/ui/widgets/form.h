/*
 * form.h: forms over ncursesw — fields, validation as you type, pages.
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
 * Validation: after every edit every shown field is checked (its type's
 * own rule, then its validator), so checks that look at other fields
 * stay current. A message appears under a field once it was edited, or
 * for every field after a refused Next/submit. Next and submit are
 * refused while a shown field of the page (submit: of any page) is
 * invalid; the focus jumps to the first bad one. Nothing typed is ever
 * cleared by the form itself.
 *
 * Pages: vd_form_page() starts a new page; fields added after it belong
 * to it. A form without vd_form_page() calls has one page.
 */
#ifndef VIRTDECK_UI_FORM_H
#define VIRTDECK_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"
#include "ui/app/view.h"

typedef struct vd_form vd_form;
typedef struct vd_field vd_field;

typedef enum {
    VD_FIELD_TEXT = 0,
    VD_FIELD_NUMBER,
    VD_FIELD_PASSWORD,
    VD_FIELD_CHOICE,
    VD_FIELD_CHECK,
    VD_FIELD_LABEL,
    VD_FIELD_LIST,
    VD_FIELD_BUTTON,
} vd_field_type;

/* A validator: value is the field's current value (vd_field_value()).
 * Return true when it is fine; otherwise write a plain message into
 * err (errlen bytes) and return false. Called on the UI thread after
 * every edit of any field of the form: keep it quick (no I/O besides a
 * stat()). */
typedef bool (*vd_field_check_fn)(const vd_form *form, const vd_field *field,
                                  const char *value, char *err, size_t errlen,
                                  void *ctx);

/* Called after the user changed field (typed, toggled, chose). Use it
 * to show/hide fields or fill in defaults. */
typedef void (*vd_form_change_fn)(vd_app *app, vd_form *form, vd_field *field,
                                  void *ctx);

/* Called when page (0-based) is entered (also the first one, when the
 * form is shown). */
typedef void (*vd_form_page_fn)(vd_app *app, vd_form *form, int page,
                                void *ctx);

/* Called when the form is submitted with every field valid. button is
 * the id of the button pressed, or NULL for Enter / the implicit submit
 * button. The form stays open: close it with vd_form_close(), or keep
 * it (e.g. until a command's result arrives, see vd_form_set_busy()). */
typedef void (*vd_form_submit_fn)(vd_app *app, vd_form *form,
                                  const char *button, void *ctx);

/* Called when the user cancels (Esc); the form closes right after. */
typedef void (*vd_form_cancel_fn)(vd_app *app, vd_form *form, void *ctx);

/* The result of a command the form submitted with vd_form_submit_cmd(). */
typedef void (*vd_form_result_fn)(vd_app *app, vd_form *form, vd_result *res,
                                  void *ctx);

/* ---- building ---- */

/* A new empty form; NULL when out of memory. Free with vd_form_free()
 * unless it was given to vd_form_show(). */
vd_form *vd_form_new(const char *title);
void vd_form_free(vd_form *form);

/* Start a new page titled title ("Name and OS"); returns its index. */
int vd_form_page(vd_form *form, const char *title);

/* Add fields to the current (last) page. The returned pointer lives as
 * long as the form; NULL only when out of memory. ids are unique
 * within a form. */
vd_field *vd_form_text(vd_form *form, const char *id, const char *label,
                       const char *initial);
vd_field *vd_form_password(vd_form *form, const char *id, const char *label,
                           const char *initial);
vd_field *vd_form_number(vd_form *form, const char *id, const char *label,
                         long long initial, const char *unit);
/* choices: labels shown; values: what vd_field_value() returns for each
 * (NULL: the labels). Both copied. */
vd_field *vd_form_choice(vd_form *form, const char *id, const char *label,
                         const char *const *choices,
                         const char *const *values, size_t n, size_t initial);
vd_field *vd_form_check(vd_form *form, const char *id, const char *label,
                        bool initial);
/* A read-only text; '\n' starts another row. label may be NULL (the
 * text then spans the whole width). */
vd_field *vd_form_label(vd_form *form, const char *id, const char *label,
                        const char *text);
/* A searchable list showing rows entries at a time; fill it with
 * vd_field_set_items(). Nothing is chosen until the user or
 * vd_field_set_value() picks an entry. */
vd_field *vd_form_list(vd_form *form, const char *id, const char *label,
                       int rows);
/* A button; pressing it submits the form with button = id. */
vd_field *vd_form_button(vd_form *form, const char *id, const char *label);

/* Callbacks; ctx is given to all of them. ctx_free (may be NULL) frees
 * ctx when the form is freed. */
void vd_form_set_ctx(vd_form *form, void *ctx, void (*ctx_free)(void *ctx));
/* The ctx given to vd_form_set_ctx(). */
void *vd_form_ctx(const vd_form *form);
void vd_form_on_change(vd_form *form, vd_form_change_fn fn);
void vd_form_on_page(vd_form *form, vd_form_page_fn fn);
void vd_form_on_submit(vd_form *form, vd_form_submit_fn fn);
void vd_form_on_cancel(vd_form *form, vd_form_cancel_fn fn);
void vd_form_on_result(vd_form *form, vd_form_result_fn fn);

/* Esc goes back a page on every page but the first (wizards); on the
 * first it cancels as usual. Default: Esc always cancels. */
void vd_form_set_esc_back(vd_form *form, bool back);

/* The label of the implicit button of the last page ("Submit" by
 * default); it is not shown when the last page has buttons of its own. */
void vd_form_set_submit_label(vd_form *form, const char *label);

/* ---- fields ---- */

/* Attach a validator (replaces an earlier one). */
void vd_field_validate(vd_field *field, vd_field_check_fn fn, void *ctx);
/* A button's own action: pressing it calls fn instead of submitting
 * the form (no validation: e.g. "Add disk" opening a sub-form). */
typedef void (*vd_field_press_fn)(vd_app *app, vd_form *form,
                                  vd_field *field, void *ctx);
void vd_field_on_press(vd_field *field, vd_field_press_fn fn, void *ctx);

/* A number field's allowed range (inclusive), checked before the
 * validator, with a message naming the range. */
void vd_field_range(vd_field *field, long long min, long long max);
/* A dim hint shown under the field while it has the focus. */
void vd_field_set_help(vd_field *field, const char *help);
/* Hidden fields are not shown, not focused and not validated. */
void vd_field_set_hidden(vd_field *field, bool hidden);
bool vd_field_hidden(const vd_field *field);
/* Replace the value: text/number/password text, the choice or list
 * entry whose value is value (unchanged when none), a checkbox from
 * "1"/"0", a label's text. The cursor goes to the end. */
void vd_field_set_value(vd_field *field, const char *value);
void vd_field_set_number(vd_field *field, long long value);
void vd_field_set_checked(vd_field *field, bool checked);
/* Replace a choice's or a list's entries (copied). The current value is
 * kept when it is still among them. */
void vd_field_set_items(vd_field *field, const char *const *labels,
                        const char *const *values, size_t n);
/* Set an error from outside (the daemon refused the name): shown at
 * once under the field, cleared by the next edit of that field. */
void vd_field_set_error(vd_field *field, const char *msg);

/* The current value: the text (text, number, password), the chosen
 * entry's value (choice, list: "" when none), "1"/"0" (checkbox), the
 * text (label), the label (button). Never NULL; valid until the next
 * change of the field. */
const char *vd_field_value(const vd_field *field);
/* A number field's value (0 when it is not a number). */
long long vd_field_number(const vd_field *field);
bool vd_field_checked(const vd_field *field);
/* The chosen index of a choice or list; -1 when none. */
long vd_field_index(const vd_field *field);
const char *vd_field_id(const vd_field *field);
vd_field_type vd_field_get_type(const vd_field *field);
/* Whether the user changed the field (typed, chose, toggled). */
bool vd_field_touched(const vd_field *field);
/* The field's current error message, or NULL when it is valid. */
const char *vd_field_error(const vd_field *field);

/* Look fields up by id (NULL when absent), and shortcuts for values
 * ("" / 0 / false when absent). */
vd_field *vd_form_field(const vd_form *form, const char *id);
const char *vd_form_value(const vd_form *form, const char *id);
long long vd_form_number_value(const vd_form *form, const char *id);
bool vd_form_checked(const vd_form *form, const char *id);

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
 * snapshot). */
void vd_form_revalidate(vd_form *form);
/* Whether every shown field of every page is valid. */
bool vd_form_valid(vd_form *form);
/* Go to page (0-based), without validating. */
void vd_form_goto_page(vd_app *app, vd_form *form, int page);
int vd_form_current_page(const vd_form *form);
int vd_form_npages(const vd_form *form);
/* Move the focus to field (going to its page). */
void vd_form_focus(vd_app *app, vd_form *form, vd_field *field);

#endif
