/*
 * symbols.h: the guest's screen as terminal cells drawn with libchafa's
 * symbol selection (block elements, quadrants, sextants, borders: more
 * shapes than the half block, so small pictures keep more detail).
 *
 * Pure code: no curses, no libvirt, no I/O. The image is placed as the
 * half-block renderer places it (render.h: aspect kept, letterboxed in
 * black); libchafa picks a symbol and two colours per cell (truecolor,
 * 256 or 16 colours); a vd_symbols remembers the cells it last emitted
 * and writes only the ones that changed: an unchanged frame costs 0
 * bytes. Needs a UTF-8 terminal.
 */
#ifndef VD_CONSOLE_SYMBOLS_H
#define VD_CONSOLE_SYMBOLS_H

#include "console/render.h"

typedef struct vd_symbols vd_symbols;

/* A renderer with nothing drawn yet; NULL on out of memory. */
vd_symbols *vd_symbols_new(void);

/* Free s (NULL is fine). */
void vd_symbols_free(vd_symbols *s);

/* Forget what is on the screen: the next frame is written in full. */
void vd_symbols_invalidate(vd_symbols *s);

/* Append to out what makes the target show fb (tgt->mode: truecolor,
 * 256 or 16; ASCII is drawn as 16), only the cells that changed since
 * the last frame in the same geometry and mode. Returns the number of
 * cells written, or -1 on out of memory. */
int vd_symbols_frame(vd_symbols *s, const vd_fb *fb, const vd_render_target *tgt,
                     vd_buf *out);

#endif
