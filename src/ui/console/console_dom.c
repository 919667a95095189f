/*
 * console_dom.c: the domain a console view shows (console_view.h),
 * shared by the VNC/SPICE and serial console views.
 */
#include <stdio.h>

#include "ui/console/console_view.h"

/* Fill dom; see console_view.h. */
void
vd_console_dom_set(vd_console_dom *dom, size_t hi, const char *uuid,
                   const char *name)
{
    dom->host = hi;
    snprintf(dom->uuid, sizeof(dom->uuid), "%s", uuid);
    snprintf(dom->name, sizeof(dom->name), "%s", name);
}

/* The console's domain is the target of the domain actions. */
void
vd_console_targets(vd_app *app, vd_view *v, vd_dom_targets *out)
{
    const vd_console_dom *dom = v->data;

    (void)app;
    vd_dom_targets_one(out, dom->host, dom->uuid, dom->name);
}
