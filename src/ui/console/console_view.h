/*
 * console_view.h: the console views (issue 7): the guest's VNC screen
 * drawn in the terminal, and the serial console with scrollback.
 *
 * Both are views on the stack (view.h). Their descriptors come from the
 * host's worker (VD_CMD_DOM_GRAPHICS / VD_CMD_DOM_SERIAL); the VNC
 * client runs on its own thread (src/console/vnc.h) and the serial
 * console has a reader thread; both wake the UI through the bus, and
 * the main loop then runs every view's wake op (view.h), where they
 * pick up new frames, console states and serial output.
 */
#ifndef VD_UI_CONSOLE_VIEW_H
#define VD_UI_CONSOLE_VIEW_H

#include <stdbool.h>

#include "ui/actions/registry.h"
#include "ui/app/keys.h"
#include "ui/app/view.h"
#include "ui/ui_priv.h"

/* The domain a console shows. The data of each console view starts
 * with one, so that vd_console_targets() serves both views. */
typedef struct vd_console_dom {
    size_t host;                /* index into app->hosts */
    char uuid[VD_UUID_LEN];
    char name[128];
} vd_console_dom;

/* Fill dom with host index hi and copies of uuid and name (cut to
 * fit). */
void vd_console_dom_set(vd_console_dom *dom, size_t hi, const char *uuid,
                        const char *name);

/* The targets op of the console views: the console's domain is the
 * target of the domain actions. v->data starts with a vd_console_dom. */
void vd_console_targets(vd_app *app, vd_view *v, vd_dom_targets *out);

/* Open a console of the domain uuid (named name) on host index hi. */
void vd_console_open_vnc(vd_app *app, size_t hi, const char *uuid,
                         const char *name);
void vd_console_open_serial(vd_app *app, size_t hi, const char *uuid,
                            const char *name);

#endif
