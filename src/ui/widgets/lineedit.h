/*
 * lineedit.h: one line of UTF-8 text being edited (form fields,
 * prompts, search lines).
 *
 * The cursor is a byte offset that always sits on a character
 * boundary; it moves by character, and drawing measures characters
 * with wcwidth(), scrolling horizontally to keep the cursor visible.
 */
#ifndef VIRTDECK_UI_LINEEDIT_H
#define VIRTDECK_UI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui_priv.h"

typedef struct vd_line {
    char *buf;                  /* NUL-terminated, owned */
    size_t len;                 /* bytes */
    size_t cap;
    size_t cur;                 /* byte offset of the cursor */
    int scroll;                 /* first column shown */
} vd_line;

typedef enum {
    VD_LINE_IGNORED = 0,        /* not an editing key */
    VD_LINE_MOVED,              /* cursor moved, text unchanged */
    VD_LINE_CHANGED,            /* text changed */
} vd_line_res;

/* Start with text (NULL: empty), cursor at the end. */
void vd_line_init(vd_line *l, const char *text);
void vd_line_free(vd_line *l);
/* Replace the text; cursor at the end. */
void vd_line_set(vd_line *l, const char *text);
/* Insert one character (a code point, from wget_wch). false when it
 * cannot be encoded in the locale or is a control character. */
bool vd_line_insert(vd_line *l, int ch);
/* Apply an editing key: printable characters, Left/Right, Home/End,
 * ^A/^E, ^U, ^K, ^W, Backspace, Delete. */
vd_line_res vd_line_key(vd_line *l, int key);
/* Draw in w columns at (y, x); mask shows each character as '*'.
 * Returns the screen column of the cursor. */
int vd_line_draw(vd_line *l, int y, int x, int w, attr_t attr, bool mask);
/* Number of characters. */
size_t vd_line_chars(const vd_line *l);

#endif
