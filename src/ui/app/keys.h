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

/* vd_binding, vd_key_fn and the lookup (curses-free) */
#include "ui/app/binding.h"

/* The whole table; *n gets its length. */
const vd_binding *vd_keys_table(size_t *n);

/* Run the binding of key for the focused pane. A key bound only in
 * other panes says so on the status line. Returns false when the key
 * is not bound at all. */
bool vd_keys_dispatch(vd_app *app, int key);

/* The panes a binding applies to, as text ("domains", "all panes"). */
const char *vd_keys_panes_text(unsigned int panes, char *buf, size_t len);

#endif
