/*
 * term_image.c: pixels over the curses screen (see term_image.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/term_image.h"

/* Whether a thumbnail was drawn in the current frame and the last one,
 * and the number of frames done (UI thread only). */
static bool thumbs_now, thumbs_before;
static unsigned long frames_done = 1;

/* The colour mode of this terminal. */
vd_color_mode
vd_term_color_mode(void)
{
    vd_color_mode m = vd_render_mode_parse(getenv("VIRTDECK_CONSOLE_COLORS"));

    if (m != VD_COLOR_LAST)
        return m;
    return vd_render_detect_mode(getenv("COLORTERM"), getenv("TERM"),
                                 has_colors() ? COLORS : 0);
}

/* Write all of len bytes to the terminal. */
static void
write_all(const char *p, size_t len)
{
    while (len) {
        ssize_t n = write(STDOUT_FILENO, p, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        len -= (size_t)n;
    }
}

/* Flush curses, write buf, put cursor and attributes back. */
void
vd_term_overlay(const vd_buf *buf)
{
    char cup[32];
    int y, x, n;

    if (!buf->len)
        return;
    wnoutrefresh(stdscr);
    doupdate();
    fflush(stdout);
    write_all(buf->data, buf->len);
    /* the renderer ends with SGR 0; curses' cursor is where it left it */
    getyx(curscr, y, x);
    n = snprintf(cup, sizeof(cup), "\x1b[0m\x1b[%d;%dH", y + 1, x + 1);
    write_all(cup, (size_t)n);
    vidattr(A_NORMAL);
    fflush(stdout);
}

/* The framebuffer view of img and the target r in this terminal. */
static void
thumb_setup(const vd_image *img, const vd_rect *r, vd_fb *fb, vd_render_target *t)
{
    fb->pixels = img->pixels;
    fb->width = img->width;
    fb->height = img->height;
    fb->stride = img->stride;
    t->row = r->y;
    t->col = r->x;
    t->rows = r->h;
    t->cols = r->w;
    t->mode = vd_term_color_mode();
    t->utf8 = vd_draw_utf8() && t->mode != VD_COLOR_ASCII;
}

/* Draw a thumbnail of img into r. */
void
vd_ui_draw_image(vd_app *app, const vd_image *img, const vd_rect *r)
{
    vd_render_target t;
    vd_buf out = { 0 };
    vd_fb fb;

    (void)app;
    if (!img || r->h <= 0 || r->w <= 0)
        return;
    thumb_setup(img, r, &fb, &t);
    if (vd_render_thumbnail(&fb, &t, &out) > 0)
        vd_term_overlay(&out);
    vd_buf_free(&out);
    thumbs_now = true;
}

/* Draw a thumbnail of img into r, only what changed. */
void
vd_ui_draw_image_cached(vd_app *app, vd_render *rend, unsigned long *last_frame,
                        const vd_image *img, const vd_rect *r)
{
    vd_render_target t;
    vd_buf out = { 0 };
    vd_fb fb;

    (void)app;
    if (!img || r->h <= 0 || r->w <= 0)
        return;
    thumb_setup(img, r, &fb, &t);
    vd_render_set_stretch(rend, t.mode == VD_COLOR_16 || t.mode == VD_COLOR_ASCII);
    if (*last_frame + 1 != frames_done || is_cleared(curscr))
        vd_render_invalidate(rend);     /* its cells may be gone */
    if (vd_render_frame(rend, &fb, &t, &out) < 0)
        vd_render_invalidate(rend);
    vd_term_overlay(&out);
    vd_buf_free(&out);
    *last_frame = frames_done;
    thumbs_now = true;
}

/* End of a frame: a thumbnail that was on the terminal and was not
 * drawn again is wiped by a full repaint. */
void
vd_ui_images_frame_done(void)
{
    if (thumbs_before && !thumbs_now)
        clearok(curscr, TRUE);
    thumbs_before = thumbs_now;
    thumbs_now = false;
    frames_done++;
}
