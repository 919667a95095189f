/*
 * term_image.h: drawing a guest's pixels over the curses screen.
 *
 * curses cannot express 24-bit colour, so the console renderer's
 * escape sequences go to the terminal directly, right after curses has
 * flushed its own drawing; the cells under the image are blank as far
 * as curses knows, so it leaves them alone until a full repaint (then
 * the caller redraws in full). Afterwards the terminal's cursor and
 * attributes are put back to what curses believes.
 */
#ifndef VD_UI_TERM_IMAGE_H
#define VD_UI_TERM_IMAGE_H

#include "console/render.h"
#include "ui/ui_priv.h"
#include "virtdeck/image.h"

/* The colour mode of this terminal ($VIRTDECK_CONSOLE_COLORS, else
 * $COLORTERM, $TERM and curses' colour count). */
vd_color_mode vd_term_color_mode(void);

/* Flush curses, write buf's bytes, and restore the terminal's cursor
 * and attributes for curses. Nothing is written when buf is empty. */
void vd_term_overlay(const vd_buf *buf);

/* Draw img scaled into r (a thumbnail, e.g. of a screenshot in the
 * details view): call it at the end of a view's draw(). It flushes
 * curses itself. NULL img: nothing. */
void vd_ui_draw_image(vd_app *app, const vd_image *img, const vd_rect *r);

/* Draw img into r like vd_ui_draw_image(), through rend, writing only
 * the cells that changed since rend's last frame: an unchanged thumbnail
 * costs 0 bytes. rend is invalidated here when it was not drawn in the
 * previous frame (*last_frame, kept by the caller, starts at 0) or curses
 * repaints the screen; a caller that moves the picture calls
 * clearok(curscr) first. */
void vd_ui_draw_image_cached(vd_app *app, vd_render *rend, unsigned long *last_frame,
                             const vd_image *img, const vd_rect *r);

/* Called by the main loop after a frame is drawn, before its update:
 * when a thumbnail drawn in the previous frame was not drawn in this
 * one (its view closed or was covered), the next update repaints the
 * whole screen so no stale pixels stay behind. A view that moves its
 * thumbnail must clearok(curscr) itself before drawing it again. */
void vd_ui_images_frame_done(void);

#endif
