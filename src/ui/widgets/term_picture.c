/*
 * term_picture.c: the terminal's picture abilities (see term_picture.h).
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "ui/ui_priv.h"
#include "ui/widgets/term_picture.h"

#define QUERY_MS 500

static vd_picture_mode default_mode = VD_PIC_AUTO;
static bool asked, has_sixel, has_kitty, answered;

/* See term_picture.h. */
void
vd_term_picture_set_default(vd_picture_mode mode)
{
    default_mode = mode;
}

/* See term_picture.h. */
vd_picture_mode
vd_term_picture_default(void)
{
    return default_mode;
}

/* See term_picture.h. */
bool
vd_term_cell_pixels(int *w, int *h)
{
    struct winsize ws;

    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) < 0 || !ws.ws_col || !ws.ws_row ||
        !ws.ws_xpixel || !ws.ws_ypixel)
        return false;
    *w = ws.ws_xpixel / ws.ws_col;
    *h = ws.ws_ypixel / ws.ws_row;
    return *w > 0 && *h > 0;
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Ask the terminal once: kitty's query and DA1; what the user typed
 * meanwhile goes back to curses' input. */
static void
ask_terminal(void)
{
    const char *q = vd_picture_query();
    char buf[512];
    size_t len = 0, used = 0;
    long long end;

    asked = true;
    fflush(stdout);
    if (write(STDOUT_FILENO, q, strlen(q)) < 0)
        return;
    end = now_ms() + QUERY_MS;
    while (len < sizeof(buf)) {
        struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
        long long left = end - now_ms();
        ssize_t n;

        if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
            break;
        n = read(STDIN_FILENO, buf + len, sizeof(buf) - len);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
        if (vd_picture_parse_replies(buf, len, &has_sixel, &has_kitty, &used)) {
            answered = true;
            break;
        }
    }
    if (!answered)
        used = 0;       /* no answer at all: every byte was typed */
    /* what follows the answers was typed: back to curses, in order */
    while (len > used)
        ungetch((unsigned char)buf[--len]);
}

/* See term_picture.h. */
vd_picture_mode
vd_term_picture_mode(vd_picture_mode requested, char *why, size_t size)
{
    int cw, ch;

    why[0] = '\0';
    if (requested == VD_PIC_BLOCKS || requested == VD_PIC_ASCII ||
        requested == VD_PIC_SYMBOLS || requested >= VD_PIC_LAST)
        return requested >= VD_PIC_LAST ? VD_PIC_BLOCKS : requested;
    if (vd_picture_multiplexed(getenv("TMUX"), getenv("STY"), getenv("TERM"))) {
        if (requested != VD_PIC_AUTO)
            snprintf(why, size, "%s pictures do not pass through tmux or screen: "
                     "half blocks instead", vd_picture_mode_name(requested));
        else
            snprintf(why, size, "inside tmux or screen: half blocks");
        return VD_PIC_BLOCKS;
    }
    if (requested != VD_PIC_AUTO) {
        if (vd_term_cell_pixels(&cw, &ch))
            return requested;   /* asked for by name: trusted */
        snprintf(why, size, "the terminal does not tell its cell size in pixels: "
                 "half blocks instead of %s", vd_picture_mode_name(requested));
        return VD_PIC_BLOCKS;
    }
    if (!asked)
        ask_terminal();
    if ((has_kitty || has_sixel) && !vd_term_cell_pixels(&cw, &ch)) {
        snprintf(why, size, "the terminal shows %s pictures but does not tell its "
                 "cell size in pixels: half blocks", has_kitty ? "kitty" : "sixel");
        return VD_PIC_BLOCKS;
    }
    if (has_kitty) {
        snprintf(why, size, "the terminal speaks the kitty graphics protocol");
        return VD_PIC_KITTY;
    }
    if (has_sixel) {
        snprintf(why, size, "the terminal shows sixel pictures");
        return VD_PIC_SIXEL;
    }
    snprintf(why, size, answered ? "the terminal announces no sixel or kitty "
             "pictures: half blocks" : "the terminal did not answer: half blocks");
    return VD_PIC_BLOCKS;
}
