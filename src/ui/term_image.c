/*
 * term_image.c: pixels over the curses screen (see term_image.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ui/draw.h"
#include "ui/term_image.h"

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
    fb.pixels = img->pixels;
    fb.width = img->width;
    fb.height = img->height;
    fb.stride = img->stride;
    t.row = r->y;
    t.col = r->x;
    t.rows = r->h;
    t.cols = r->w;
    t.mode = vd_term_color_mode();
    t.utf8 = vd_draw_utf8();
    if (vd_render_thumbnail(&fb, &t, &out) > 0)
        vd_term_overlay(&out);
    vd_buf_free(&out);
}
