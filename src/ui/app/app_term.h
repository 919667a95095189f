/*
 * app_term.h: the terminal of the interface — curses set up for it,
 * and SIGWINCH, SIGTERM and SIGHUP turned into wake-ups of the main
 * loop (a pipe its poll() watches). UI thread only, one per process.
 */
#ifndef VIRTDECK_UI_APP_TERM_H
#define VIRTDECK_UI_APP_TERM_H

#include <signal.h>
#include <stdbool.h>

#include "ui/ui_priv.h"

/* Set up the terminal (keys, mouse per opts); NULL, said on stderr,
 * when it cannot serve a full-screen interface. */
SCREEN *vd_app_term_start(const vd_ui_opts *opts);

/* Watch SIGWINCH (redraw at the new size) and SIGTERM/SIGHUP (leave);
 * old[0..2] get the previous actions. False when the pipe cannot be
 * made (then a key still brings the new size). */
bool vd_app_term_watch(struct sigaction old[3]);
/* Put the previous actions back and close the pipe. */
void vd_app_term_unwatch(const struct sigaction old[3]);
/* The pipe end for poll(), -1 when none. */
int vd_app_term_fd(void);
/* The pipe woke poll(): take the new size, redraw everything. */
void vd_app_term_winch(vd_app *app);
/* SIGTERM or SIGHUP caught since the reset, else 0. */
int vd_app_term_end_signal(void);
void vd_app_term_end_reset(void);

#endif
