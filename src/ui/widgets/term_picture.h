/*
 * term_picture.h: which picture mode this terminal gets (sixel, kitty,
 * half blocks, ASCII) and the pixel size of its cells. The terminal is
 * asked once per run (kitty's graphics query and DA1, see
 * console/picture.h) when a mode depends on its answer; inside tmux or
 * screen sixel and kitty are refused (they do not pass them through).
 */
#ifndef VD_UI_TERM_PICTURE_H
#define VD_UI_TERM_PICTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "console/picture.h"

/* The mode to use when requested is asked for (VD_PIC_AUTO: the best
 * the terminal announces). *why gets a sentence for the status line
 * when the mode differs from the request or was chosen automatically
 * ("" otherwise). Asks the terminal (up to 500 ms) on the first call
 * that needs it; call with the terminal in raw or cbreak mode. */
vd_picture_mode vd_term_picture_mode(vd_picture_mode requested, char *why, size_t size);

/* The pixel size of one cell (TIOCGWINSZ); false when the terminal
 * does not say. */
bool vd_term_cell_pixels(int *w, int *h);

/* The picture mode given on the command line (--picture), VD_PIC_AUTO
 * by default. */
void vd_term_picture_set_default(vd_picture_mode mode);
vd_picture_mode vd_term_picture_default(void);

#endif
