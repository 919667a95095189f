/*
 * quit.h: leaving the interface while long jobs run (quit.c).
 */
#ifndef VIRTDECK_UI_QUIT_H
#define VIRTDECK_UI_QUIT_H

#include "ui/ui_priv.h"

/* The user asked to quit (q, F10): quit at once when no job runs;
 * otherwise ask, naming each running job and what quitting does to
 * it. */
void vd_app_quit_request(vd_app *app);

#endif
