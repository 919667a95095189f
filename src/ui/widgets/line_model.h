/*
 * line_model.h: one line of UTF-8 text being edited (form fields,
 * prompts, search lines) — the text and its cursor, without curses.
 *
 * The cursor is a byte offset that always sits on a character
 * boundary and moves by character. Built into the UI-model library
 * (tests/unit/test_form_model.c types through it); lineedit.h maps
 * curses keys onto vd_line_edit() and draws the line.
 */
#ifndef VIRTDECK_UI_LINE_MODEL_H
#define VIRTDECK_UI_LINE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vd_line {
    char *buf;                  /* NUL-terminated, owned */
    size_t len;                 /* bytes */
    size_t cap;
    size_t cur;                 /* byte offset of the cursor */
    int scroll;                 /* first column shown (lineedit.c's) */
} vd_line;

typedef enum {
    VD_LINE_IGNORED = 0,        /* not an editing key */
    VD_LINE_MOVED,              /* cursor moved, text unchanged */
    VD_LINE_CHANGED,            /* text changed */
} vd_line_res;

/* The editing operations (lineedit.c binds keys to them). */
typedef enum {
    VD_EDIT_LEFT,               /* one character left */
    VD_EDIT_RIGHT,
    VD_EDIT_HOME,               /* to the start */
    VD_EDIT_END,
    VD_EDIT_BACKSPACE,          /* delete the character before the cursor */
    VD_EDIT_DELETE,             /* delete the character under the cursor */
    VD_EDIT_KILL_START,         /* delete to the start */
    VD_EDIT_KILL_END,           /* delete to the end */
    VD_EDIT_KILL_WORD,          /* delete the word before the cursor */
} vd_line_op;

/* Start with text (NULL: empty), cursor at the end. */
void vd_line_init(vd_line *l, const char *text);
void vd_line_free(vd_line *l);
/* Replace the text; cursor at the end. */
void vd_line_set(vd_line *l, const char *text);
/* Insert one character (a code point) at the cursor. false when it
 * cannot be encoded in the locale, is a control character or a key
 * code (VD_KEY()). */
bool vd_line_insert(vd_line *l, int ch);
/* Apply an editing operation. */
vd_line_res vd_line_edit(vd_line *l, vd_line_op op);
/* The offset of the character boundary after off. */
size_t vd_line_next(const vd_line *l, size_t off);
/* Number of characters. */
size_t vd_line_chars(const vd_line *l);

#endif
