/*
 * binding.h: a key binding and the lookup of a key in a table of them.
 *
 * Curses-free (the UI-model library, tests/unit/test_binding.c): the
 * key codes are plain ints here (characters, VD_KEY(KEY_x), VD_CTRL(c)
 * as ui_priv.h makes them).
 */
#ifndef VIRTDECK_UI_BINDING_H
#define VIRTDECK_UI_BINDING_H

#include <stdbool.h>
#include <stddef.h>

struct vd_app;
typedef struct vd_binding vd_binding;

typedef void (*vd_key_fn)(struct vd_app *app, const vd_binding *b);

struct vd_binding {
    int key;                    /* character, VD_KEY(KEY_x) or VD_CTRL(c) */
    const char *name;           /* as shown in help: "j", "Down", "F5" */
    const char *desc;           /* what it does, for help */
    const char *group;          /* help section */
    unsigned int panes;         /* VD_PANE_BIT()s it applies to */
    vd_key_fn fn;               /* NULL: a row that only documents a key */
    int arg;                    /* handler argument (a move's kind, ...) */
    int bar;                    /* position on the function-key bar, 0: none */
    const char *bar_label;      /* text after the key name on the bar */
};

/* The first binding of key in table[0, n) that has a handler and
 * applies to one of the panes in mask (mask 0: to any, as in a view's
 * table); NULL when none. When other is given it gets the first
 * binding of key with a handler that applies elsewhere only (NULL when
 * none), for "works in the Hosts pane". */
const vd_binding *vd_binding_find(const vd_binding *table, size_t n, int key,
                                  unsigned int mask, const vd_binding **other);

#endif
