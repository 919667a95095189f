/*
 * term_colors.h: curses colours and colour pairs for arbitrary guest
 * colours (the serial console's cells, serial_term.h).
 *
 * The theme owns pairs 1..VD_ROLE_LAST (theme.c); the pairs here come
 * from a range above them and are cached by (fg, bg). When the range
 * is used up the cache starts over (the screen is redrawn in full each
 * frame, so only a frame with more distinct pairs than the range can
 * show a wrong colour).
 */
#ifndef VD_UI_TERM_COLORS_H
#define VD_UI_TERM_COLORS_H

#include "console/serial_term.h"
#include "ui/ui_priv.h"

/* The depth guest colours are drawn with: 0 (no colour: attributes
 * only), 8, 16, 256, or VD_TERM_DIRECT (24-bit colour numbers, a
 * terminfo with direct colour such as xterm-direct). From curses,
 * NO_COLOR and VIRTDECK_CONSOLE_COLORS (ascii, 16, 256, truecolor). */
#define VD_TERM_DIRECT 0x1000000
int vd_term_colors_depth(void);

/* The colour pair for fg on bg at the given depth, and in *extra the
 * attributes it needs (A_BOLD for a bright colour on an 8-colour
 * terminal). Default colours are the theme's normal text. Returns 0
 * (the terminal's default pair) when depth is 0 or no pair is left. */
int vd_term_colors_pair(int depth, const vd_sterm_color *fg,
                        const vd_sterm_color *bg, attr_t *extra);

/* A curses colour number (-1: default) for c; exposed for tests and
 * the key bar's sample. bright gets whether A_BOLD stands in for a
 * bright colour (depth 8). */
int vd_term_colors_number(int depth, const vd_sterm_color *c, bool *bright);

#endif
