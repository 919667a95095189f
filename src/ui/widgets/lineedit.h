/*
 * lineedit.h: the keys and the drawing of a line being edited (the
 * text and its cursor: line_model.h).
 *
 * Drawing measures characters with wcwidth(), scrolling horizontally
 * to keep the cursor visible.
 */
#ifndef VIRTDECK_UI_LINEEDIT_H
#define VIRTDECK_UI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"
#include "ui/widgets/line_model.h"

/* Apply an editing key: printable characters, Left/Right, Home/End,
 * ^A/^E, ^U, ^K, ^W, Backspace, Delete. */
vd_line_res vd_line_key(vd_line *l, int key);
/* Draw in w columns at (y, x); mask shows each character as '*'.
 * Returns the screen column of the cursor. */
int vd_line_draw(vd_line *l, int y, int x, int w, attr_t attr, bool mask);

#endif
