/*
 * dialog.h: small modal views — questions, prompts, pickers, and a
 * scrollable text viewer.
 *
 * Every dialog is a view pushed on the stack (view.h). The callback of
 * a question is called exactly once: with the answer, or as a "no" /
 * NULL when the dialog is dismissed (Esc) or the program ends. So a
 * caller that allocates ctx frees it in its callback. Callbacks run
 * after the dialog left the stack: they may push another view.
 */
#ifndef VIRTDECK_UI_DIALOG_H
#define VIRTDECK_UI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"
#include "ui/app/view.h"

/* The answer to a yes/no question. */
typedef void (*vd_confirm_fn)(vd_app *app, bool yes, void *ctx);

/* Ask a y/N question in a box over the screen: y or Y answers yes;
 * n, Enter, Esc or anything else no. text may hold several lines. */
vd_view *vd_dialog_confirm(vd_app *app, const char *title, const char *text,
                           vd_confirm_fn fn, void *ctx);

/* Ask the user to type name to confirm a destructive action: yes only
 * when Enter is pressed and the typed text equals name exactly. */
vd_view *vd_dialog_confirm_name(vd_app *app, const char *title,
                                const char *text, const char *name,
                                vd_confirm_fn fn, void *ctx);

/* The text typed into a prompt, or NULL when it was cancelled. */
typedef void (*vd_prompt_fn)(vd_app *app, const char *text, void *ctx);
/* A validator for a prompt: NULL when fine, else a message (static or
 * in err). */
typedef const char *(*vd_prompt_check_fn)(const char *text, char *err,
                                          size_t errlen, void *ctx);

/* Ask for one line of text (UTF-8 editing as in forms). check (may be
 * NULL) runs as the text is typed; Enter is refused while it fails.
 * password: shown as *. */
vd_view *vd_dialog_prompt(vd_app *app, const char *title, const char *label,
                          const char *initial, bool password,
                          vd_prompt_check_fn check, vd_prompt_fn fn,
                          void *ctx);

/* One entry of a menu. key (a character or VD_KEY(KEY_F(n)), 0 for
 * none) picks it directly; disabled entries are shown dim with why. */
typedef struct vd_menu_item {
    int key;
    const char *label;
    const char *hint;           /* dim text after the label, or NULL */
    bool disabled;
    const char *key_name;       /* the key as shown ("F9"); NULL: from key */
} vd_menu_item;

/* The index of the chosen item, or -1 when the menu was dismissed. */
typedef void (*vd_menu_fn)(vd_app *app, long index, void *ctx);

/* A menu / picker: Up/Down (or j/k) and Enter, the item's key, or a
 * click. With more items than fit it scrolls; typing filters it when
 * search is true (for long lists). Items are copied. */
vd_view *vd_dialog_menu(vd_app *app, const char *title,
                        const vd_menu_item *items, size_t n, long initial,
                        bool search, vd_menu_fn fn, void *ctx);

/* An action menu built from a key table (keys.h) for panes: every
 * binding of those panes (not the keys of all panes: moving, help,
 * quit), once per action, with its key; choosing one runs its handler
 * as if the key were pressed. table must be static (the menu keeps
 * pointers into it). NULL when there is no action. */
vd_view *vd_dialog_actions(vd_app *app, const char *title,
                           const vd_binding *table, size_t n,
                           unsigned int panes);

/* A full-screen scrollable text viewer (XML, logs): Up/Down/PgUp/PgDn/
 * Home/End scroll, Left/Right pan long lines, / searches (Enter jumps
 * to the first match below), n / N the next / previous match. text is
 * copied. */
vd_view *vd_textview_show(vd_app *app, const char *title, const char *text);
/* Replace the viewer's text (it keeps its position when it can). */
void vd_textview_set_text(vd_view *v, const char *text);

/* An information box that any key closes. */
vd_view *vd_dialog_message(vd_app *app, const char *title, const char *text);

#endif
