/*
 * keys.h: the key table, from key to action.
 *
 * Every key the main screen understands is one row of a const table
 * (keys.c): the key, its name as the help shows it, what it does, the
 * panes it applies to and its handler. The help overlay and the
 * function-key bar are generated from the same table.
 */
#ifndef VIRTDECK_UI_KEYS_H
#define VIRTDECK_UI_KEYS_H

#include "ui/ui_priv.h"

typedef struct vd_binding vd_binding;

typedef void (*vd_key_fn)(vd_app *app, const vd_binding *b);

struct vd_binding {
    int key;                    /* character, VD_KEY(KEY_x) or VD_CTRL(c) */
    const char *name;           /* as shown in help: "j", "Down", "F5" */
    const char *desc;           /* what it does, for help */
    const char *group;          /* help section */
    unsigned int panes;         /* VD_PANE_BIT()s it applies to */
    vd_key_fn fn;
    int arg;                    /* handler argument (a move's step, ...) */
    int bar;                    /* position on the function-key bar, 0: none */
    const char *bar_label;      /* text after the key name on the bar */
};

/* The whole table; *n gets its length. */
const vd_binding *vd_keys_table(size_t *n);

/* Run the binding of key for the focused pane. A key bound only in
 * other panes says so on the status line. Returns false when the key
 * is not bound at all. */
bool vd_keys_dispatch(vd_app *app, int key);

/* The panes a binding applies to, as text ("domains", "all panes"). */
const char *vd_keys_panes_text(unsigned int panes, char *buf, size_t len);

#endif
