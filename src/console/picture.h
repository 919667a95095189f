/*
 * picture.h: the guest's screen as real pixels in terminals that can
 * show them: sixel (DEC, xterm -ti vt340, foot, WezTerm, mlterm...) and
 * the kitty graphics protocol (kitty, WezTerm, Konsole, ghostty).
 *
 * Pure code: no curses, no libvirt, no I/O. The framebuffer is scaled
 * (area average, aspect kept, letterboxed in black) to the pixel size of
 * the target cells and cut in bands of one cell row; a vd_picture
 * remembers the bands it sent and sends again only those whose pixels
 * changed, each placed at its cell row: an unchanged frame costs 0
 * bytes. Sixel colours come from a fixed 256-entry palette (6x6x6 cube
 * at 0, 20 ... 100 % and 40 greys); kitty gets 24-bit RGB (f=24).
 */
#ifndef VD_CONSOLE_PICTURE_H
#define VD_CONSOLE_PICTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console/render.h"

/* How the console's picture reaches the terminal. */
typedef enum {
    VD_PIC_AUTO = 0,            /* kitty or sixel where the terminal says so, else blocks */
    VD_PIC_SIXEL,
    VD_PIC_KITTY,
    VD_PIC_BLOCKS,              /* half blocks (render.h), the fallback */
    VD_PIC_ASCII,               /* render.h's ASCII mode: no colour, no UTF-8 */
    VD_PIC_SYMBOLS,             /* libchafa's symbols (symbols.h) */
    VD_PIC_LAST
} vd_picture_mode;

/* Parse "auto", "sixel", "kitty", "blocks", "ascii", "symbols";
 * VD_PIC_LAST when unknown. */
vd_picture_mode vd_picture_mode_parse(const char *name);

/* The mode's name. */
const char *vd_picture_mode_name(vd_picture_mode mode);

/* The queries to write to the terminal to learn what it shows: kitty's
 * graphics query (a=q) then DA1 (ESC [ c), which every terminal answers,
 * so its answer ends the wait. Static string. */
const char *vd_picture_query(void);

/* What the answers read so far say: *sixel when DA1 lists attribute 4,
 * *kitty when the graphics query got "OK". Returns true once the DA1
 * answer is complete. *used (may be NULL) gets the number of bytes that
 * belong to the answers (what follows is the user's typing). */
bool vd_picture_parse_replies(const char *buf, size_t len, bool *sixel,
                              bool *kitty, size_t *used);

/* Whether sixel / kitty pictures can be used under the terminal
 * multiplexer named by $TMUX / $STY / $TERM: false inside tmux and
 * screen (they neither pass the pictures through by default nor keep
 * them in their own screen). */
bool vd_picture_multiplexed(const char *tmux, const char *sty, const char *term);

typedef struct vd_picture vd_picture;

/* An encoder for mode (VD_PIC_SIXEL or VD_PIC_KITTY); NULL otherwise or
 * on out of memory. Free with vd_picture_free(). */
vd_picture *vd_picture_new(vd_picture_mode mode);

/* Free p (NULL is fine). */
void vd_picture_free(vd_picture *p);

/* Forget what the terminal shows: the next frame is sent in full. */
void vd_picture_invalidate(vd_picture *p);

/* Append to out what makes the cells rows x cols at (row, col) (0-based)
 * show fb, each cell cell_w x cell_h pixels, sending only the cell rows
 * whose pixels differ from the last frame sent in the same geometry.
 * Returns the number of cell rows sent (0: nothing written), -1 on out
 * of memory or a geometry too large (4096 x 4096 pixels at most). */
int vd_picture_frame(vd_picture *p, const vd_fb *fb, int row, int col, int rows,
                     int cols, int cell_w, int cell_h, vd_buf *out);

/* Append what removes the pictures sent (kitty keeps them in a layer
 * of their own that text does not cover; sixel pixels belong to the
 * cells, nothing to do). */
void vd_picture_clear(vd_picture *p, vd_buf *out);

/* Scale fb to a w x h RGB canvas (3 bytes per pixel), aspect kept,
 * letterboxed in black, area-averaged. Exposed for the tests. */
void vd_picture_scale(const vd_fb *fb, uint8_t *rgb, int w, int h);

/* The sixel palette entry nearest to (r, g, b), and an entry's colour
 * as the terminal gets it (percentages) turned back into 0..255.
 * Exposed for the tests. */
int vd_sixel_nearest(uint8_t r, uint8_t g, uint8_t b);
void vd_sixel_palette_rgb(int index, uint8_t rgb[3]);

/* Append one sixel image of the w x h RGB pixels (a DCS string). */
int vd_sixel_encode(const uint8_t *rgb, int w, int h, vd_buf *out);

/* Append one kitty image (transmit and place at the cursor, cursor not
 * moved, id id, replacing an image of the same id) of w x h RGB pixels. */
int vd_kitty_encode(const uint8_t *rgb, int w, int h, unsigned int id, vd_buf *out);

#endif
