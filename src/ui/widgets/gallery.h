/*
 * gallery.h: a showcase of the UI machinery for screen tests
 * (VIRTDECK_UI_GALLERY=1 opens it at start; F12 reopens it).
 */
#ifndef VIRTDECK_UI_GALLERY_H
#define VIRTDECK_UI_GALLERY_H

#include "ui/ui_priv.h"

/* Open the gallery menu on top of the stack. */
void vd_gallery_show(vd_app *app);

/* Whether VIRTDECK_UI_GALLERY=1. */
bool vd_gallery_enabled(void);

/* F12 reopens the gallery when it is enabled; true when key was that. */
bool vd_gallery_key(vd_app *app, int key);

#endif
