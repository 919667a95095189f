/*
 * app_term.c: the terminal of the interface (app_term.h): curses set
 * up, and the signals that reach the main loop through a pipe.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ui/app/app_term.h"

/* SIGWINCH may reach any thread (the workers too), and ncurses only
 * notices it on the next key; its handler writes to this pipe so that
 * poll() wakes at once. */
static int winch_pipe[2] = { -1, -1 };

/* The signal that asks the interface to end (SIGTERM, SIGHUP), or 0. */
static volatile sig_atomic_t end_signal;

/* SIGTERM, SIGHUP: leave without asking, as soon as the main loop
 * wakes (async-signal-safe). */
static void
on_end(int sig)
{
    int saved = errno;

    end_signal = sig;
    if (winch_pipe[1] >= 0 && write(winch_pipe[1], "t", 1) < 0) {
        /* full pipe: a wake-up is pending anyway */
    }
    errno = saved;
}

/* SIGWINCH: wake the main loop (async-signal-safe). */
static void
on_winch(int sig)
{
    int saved = errno;

    (void)sig;
    if (winch_pipe[1] >= 0 && write(winch_pipe[1], "w", 1) < 0) {
        /* full pipe: a wake-up is pending anyway */
    }
    errno = saved;
}

/* Install on_winch (SIGWINCH) and on_end (SIGTERM, SIGHUP) with their
 * pipe; old[0..2] get the previous actions. Returns false when the
 * pipe cannot be made (no live resize then, but a key still brings
 * the new size; the end signals keep their default action). */
bool
vd_app_term_watch(struct sigaction old[3])
{
    struct sigaction sa;

    if (pipe2(winch_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        winch_pipe[0] = winch_pipe[1] = -1;
        return false;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_winch;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, &old[0]);
    sa.sa_handler = on_end;
    sigaction(SIGTERM, &sa, &old[1]);
    sigaction(SIGHUP, &sa, &old[2]);
    return true;
}

/* Put back the previous actions and close the pipe. */
void
vd_app_term_unwatch(const struct sigaction old[3])
{
    if (winch_pipe[0] < 0)
        return;
    sigaction(SIGWINCH, &old[0], NULL);
    sigaction(SIGTERM, &old[1], NULL);
    sigaction(SIGHUP, &old[2], NULL);
    close(winch_pipe[0]);
    close(winch_pipe[1]);
    winch_pipe[0] = winch_pipe[1] = -1;
}

/* The terminal changed size: tell curses, then redraw everything. */
void
vd_app_term_winch(vd_app *app)
{
    char buf[64];
    struct winsize ws;

    while (read(winch_pipe[0], buf, sizeof(buf)) > 0)
        ;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
        ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
        resizeterm(ws.ws_row, ws.ws_col);     /* also queues KEY_RESIZE */
    clearok(curscr, TRUE);
    app->dirty = true;
}

/* The pipe's end poll() watches, -1 when there is none. */
int
vd_app_term_fd(void)
{
    return winch_pipe[0];
}

/* The end signal caught, 0 when none. */
int
vd_app_term_end_signal(void)
{
    return end_signal;
}

/* Forget an end signal. */
void
vd_app_term_end_reset(void)
{
    end_signal = 0;
}

/* Teach curses the other common encodings of Home and End (tmux and
 * screen send \e[1~ and \e[4~ even under TERM=xterm-*; xterm itself
 * sends \e[H or \eOH depending on its cursor-key mode). */
static void
define_extra_keys(void)
{
    static const struct {
        const char *seq;
        int key;
    } extra[] = {
        { "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
        { "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
        { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
        { "\033[F", KEY_END }, { "\033OF", KEY_END },
    };

    for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
        if (key_defined(extra[i].seq) == 0)
            define_key(extra[i].seq, extra[i].key);
}

/* Set up the terminal for the interface; NULL on failure. */
SCREEN *
vd_app_term_start(const vd_ui_opts *opts)
{
    SCREEN *scr;
    const char *term = getenv("TERM");

    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "virtdeck: the interface needs a terminal "
                "(try 'virtdeck top --batch' for scripts)\n");
        return NULL;
    }
    if (!(scr = newterm(NULL, stdout, stdin))) {
        fprintf(stderr, "virtdeck: cannot use terminal type '%s'\n",
                term ? term : "(unset)");
        return NULL;
    }
    set_term(scr);
    {
        const char *cup = tigetstr((char *)"cup");

        if (!cup || cup == (char *)-1) {
            endwin();
            delscreen(scr);
            fprintf(stderr, "virtdeck: terminal type '%s' cannot move the "
                    "cursor; a full-screen interface needs one that can "
                    "(e.g. TERM=xterm-256color)\n", term ? term : "(unset)");
            return NULL;
        }
    }
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    define_extra_keys();
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (opts->mouse) {
        mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED;
#ifdef BUTTON5_PRESSED
        mask |= BUTTON4_PRESSED | BUTTON5_PRESSED;
#endif
        mousemask(mask, NULL);
        mouseinterval(0);
    }
    /* ncurses (6.4) writes out its buffer at every cursor move until
     * the screen has been left once: a frame went out in a hundred or
     * more write() calls, each a wake-up of the terminal (or an SSH
     * packet). Leaving it here, before anything is drawn, makes the
     * first doupdate() come back into it the way a return from a shell
     * does, and from then on a frame is one or two writes (issue 18;
     * docs/PERFORMANCE.md). */
    endwin();
    return scr;
}

