/*
 * form_model.h: a form's model — fields and their values, pages,
 * validation as typed, which field is in error and why, whether the
 * form may go on or be submitted, and the focus among a page's fields.
 *
 * Built into the UI-model library (no curses, no libvirt;
 * tests/unit/test_form_model.c drives it). form.h shows a form as a
 * view: drawing, keys, the mouse and the callbacks that get the app.
 * The example of form.h builds a form; the rules:
 *
 * Validation: after every edit every shown field is checked (its type's
 * own rule, then its validator), so checks that look at other fields
 * stay current. A field's message is shown once it was edited, or for
 * every field of a page after a refused Next/submit. Next and submit
 * are refused while a shown field of the page (submit: of any page) is
 * invalid; the focus goes to the first bad one. Nothing typed is ever
 * cleared by the form itself: a refused value stays as typed.
 *
 * Pages: vd_form_page() starts a new page; fields added after it belong
 * to it. A form without vd_form_page() calls has one page.
 */
#ifndef VIRTDECK_UI_FORM_MODEL_H
#define VIRTDECK_UI_FORM_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/widgets/line_model.h"

struct vd_app;
struct vd_view;
struct vd_result;
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

/* The callbacks of a shown form (form.h says when each is called). */
typedef void (*vd_form_change_fn)(struct vd_app *app, vd_form *form,
                                  vd_field *field, void *ctx);
typedef void (*vd_form_page_fn)(struct vd_app *app, vd_form *form, int page,
                                void *ctx);
typedef void (*vd_form_submit_fn)(struct vd_app *app, vd_form *form,
                                  const char *button, void *ctx);
typedef void (*vd_form_cancel_fn)(struct vd_app *app, vd_form *form, void *ctx);
typedef void (*vd_form_result_fn)(struct vd_app *app, vd_form *form,
                                  struct vd_result *res, void *ctx);
typedef void (*vd_field_press_fn)(struct vd_app *app, vd_form *form,
                                  vd_field *field, void *ctx);

struct vd_field {
    vd_form *form;
    vd_field_type type;
    char *id;
    char *label;
    char *unit;
    char *help;
    int page;
    vd_line line;               /* text, number, password; list: search */
    char **items;               /* choice, list: labels */
    char **values;              /* choice, list: values */
    size_t nitems;
    long index;                 /* chosen item, -1 none */
    size_t *shown;              /* list: items matching the search, best first */
    size_t nshown;
    size_t ltop;                /* list: first shown row */
    int rows;                   /* list: rows shown */
    bool checked;
    bool hidden;
    bool touched;               /* edited by the user */
    bool ranged;
    long long min, max;
    vd_field_check_fn check;
    void *check_ctx;
    char err[256];              /* "" when valid */
    char ext_err[256];          /* error set from outside */
    /* ---- form.c's ---- */
    vd_field_press_fn press;    /* button: its own action (no submit) */
    void *press_ctx;
    int draw_y;                 /* screen row of the last draw, -1 hidden */
    int list_y;                 /* screen row of the list's first entry */
};

/* Focus targets besides fields: the page's implicit buttons. */
enum { VD_FORM_BTN_NONE = 0, VD_FORM_BTN_BACK, VD_FORM_BTN_NEXT,
       VD_FORM_BTN_SUBMIT };

#define VD_FORM_MAX_HITS 32
#define VD_FORM_MAX_PAGES 64    /* pages whose errors can all be shown */

/* A click target of the last draw (form.c's). */
typedef struct vd_form_hit {
    int y, x0, x1;
    long code;                  /* focus target code (vd_form_targets()) */
} vd_form_hit;

struct vd_form {
    char *title;
    vd_field **fields;
    size_t nfields;
    char **pages;
    int npages;
    int page;                   /* the current page */
    vd_field *focus;            /* focused field, or NULL for a button */
    int focus_btn;              /* VD_FORM_BTN_* when focus is NULL */
    bool show_errors[VD_FORM_MAX_PAGES]; /* per page: show every error */
    char *submit_label;
    void *ctx;
    void (*ctx_free)(void *ctx);
    bool dirty;                 /* the user changed something */
    /* Called when the model changed from outside the keys (an error
     * set on a field); form.c redraws. NULL: nothing. */
    void (*redraw)(vd_form *form);
    /* ---- form.c's ---- */
    int scroll;                 /* first layout row shown */
    vd_form_change_fn on_change;
    vd_form_page_fn on_page;
    vd_form_submit_fn on_submit;
    vd_form_cancel_fn on_cancel;
    vd_form_result_fn on_result;
    char msg[1024];
    int msg_kind;               /* vd_msg_kind */
    bool busy;
    bool esc_back;              /* Esc: previous page (not on the first) */
    struct vd_view *view;
    struct vd_app *app;         /* set while shown */
    vd_form_hit hits[VD_FORM_MAX_HITS]; /* buttons of the last draw */
    size_t nhits;
};

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

/* The form's context, given to its validators' form and its callbacks;
 * ctx_free (may be NULL) frees ctx when the form is freed. */
void vd_form_set_ctx(vd_form *form, void *ctx, void (*ctx_free)(void *ctx));
/* The ctx given to vd_form_set_ctx(). */
void *vd_form_ctx(const vd_form *form);

/* The label of the implicit button of the last page ("Submit" by
 * default); it is not shown when the last page has buttons of its own. */
void vd_form_set_submit_label(vd_form *form, const char *label);

/* ---- fields ---- */

/* Attach a validator (replaces an earlier one). */
void vd_field_validate(vd_field *field, vd_field_check_fn fn, void *ctx);
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
 * once under the field, kept until the next edit of that field. */
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
/* What messages call the field: its label, else its id. */
const char *vd_field_title(const vd_field *field);
vd_field_type vd_field_get_type(const vd_field *field);
/* Whether the user changed the field (typed, chose, toggled). */
bool vd_field_touched(const vd_field *field);
/* The field's current error message, or NULL when it is valid. */
const char *vd_field_error(const vd_field *field);
/* Whether the field's error is shown: it has one and it was edited,
 * set from outside, or its page showed every error after a refusal. */
bool vd_field_error_shown(const vd_form *form, const vd_field *field);

/* Look fields up by id (NULL when absent), and shortcuts for values
 * ("" / 0 / false when absent). */
vd_field *vd_form_field(const vd_form *form, const char *id);
const char *vd_form_value(const vd_form *form, const char *id);
long long vd_form_number_value(const vd_form *form, const char *id);
bool vd_form_checked(const vd_form *form, const char *id);

/* ---- input ---- */

/* The user changed field (after vd_line_insert()/vd_line_edit() on its
 * line or one of the moves below): marks it and the form as edited,
 * drops an error set from outside, and filters a list by its search
 * line. The caller then re-checks (vd_form_check_all()). */
void vd_field_edited(vd_field *field);
/* A choice: the next (dir > 0) or previous entry, wrapping. */
void vd_field_choice_step(vd_field *field, int dir);
/* A choice: the next entry after the current one whose label starts
 * with the ASCII character ch (case ignored); false when none. */
bool vd_field_choice_jump(vd_field *field, int ch);
/* A list: the next (dir > 0) or previous entry among those shown;
 * false at the end (the focus then leaves the list). */
bool vd_field_list_step(vd_field *field, int dir);
/* A choice or list: choose entry index (of all the entries); false
 * when there is none such. */
bool vd_field_pick(vd_field *field, long index);

/* ---- validation ---- */

/* Check every field; the first invalid one on page (page < 0: any
 * page), or NULL. */
vd_field *vd_form_check_all(vd_form *form, int page);
/* Whether every shown field of every page is valid. */
bool vd_form_valid(vd_form *form);
/* Before Next (all false: the current page) or submit (all true):
 * the first invalid field, with every error of its page and of the
 * current one shown from now on; NULL when the form may go on. */
vd_field *vd_form_gate(vd_form *form, bool all);

/* ---- pages and focus ---- */

int vd_form_current_page(const vd_form *form);
int vd_form_npages(const vd_form *form);
/* Whether field can take the focus (shown, not a label). */
bool vd_field_focusable(const vd_field *field);
/* The focus targets of the current page, in order: fields, then the
 * implicit buttons (Back, Next or the submit button). A target is a
 * field's index + 1, or -VD_FORM_BTN_x. Fills out (up to max) and
 * returns how many. */
size_t vd_form_targets(const vd_form *form, long *out, size_t max);
/* The focus as a target, and focusing a target. */
long vd_form_focus_code(const vd_form *form);
void vd_form_set_focus_code(vd_form *form, long code);
/* Put the focus on the first target when it is on none of the current
 * page's. */
void vd_form_fix_focus(vd_form *form);
/* Move the focus to the next (dir > 0) or previous target, wrapping. */
void vd_form_move_focus(vd_form *form, int dir);
/* Make page (0-based) the current one, with no focus yet
 * (vd_form_fix_focus() puts it on its first target); form.c's
 * vd_form_goto_page() also tells the form's owner. */
void vd_form_set_page(vd_form *form, int page);

#endif
