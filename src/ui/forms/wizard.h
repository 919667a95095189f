/*
 * wizard.h: the create wizard (c / F7 in the domains pane).
 */
#ifndef VIRTDECK_UI_WIZARD_H
#define VIRTDECK_UI_WIZARD_H

#include <stddef.h>

#include "ui/ui_priv.h"

/* Open the wizard for a new machine on host index hi (app->hosts). */
void vd_wizard_open(vd_app *app, size_t hi);

/* Key handler: the wizard for the selected host. */
#include "ui/app/keys.h"
void vd_act_create(vd_app *app, const vd_binding *b);

#endif
