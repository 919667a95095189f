/*
 * ui.h: the full-screen terminal interface. It reaches libvirt only
 * through the core (hosts, snapshots, the bus) and owns all of curses.
 */
#ifndef VIRTDECK_UI_H
#define VIRTDECK_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "virtdeck/bus.h"
#include "virtdeck/host.h"

typedef struct vd_ui_opts {
    const char *theme;          /* theme name ("default", "mono", ...) or a path; NULL: default */
    bool ascii;                 /* force the ASCII fallback even in a UTF-8 locale */
    bool mouse;                 /* enable mouse clicks (default true) */
    int picture;                /* the console's picture mode (vd_picture_mode,
                                 * console/picture.h); 0: auto */
    const char *notice;         /* shown on the status line at start (an error), or NULL */
    struct vd_hosts_conf *hosts_conf; /* the hosts list the hosts pane edits and
                                 * saves, or NULL; hosts[i] is entry i */
    bool readonly;              /* hosts added in the UI: read-only too */
    int tick_ms;                /* hosts added in the UI: refresh period (0: 2000) */
    bool top;                   /* start in the top view (`virtdeck top`) */
} vd_ui_opts;

/* Run the interface until the user quits. hosts[i] stay owned by the
 * caller and outlive the call. Returns 0, 1 when the terminal could
 * not be set up (message already printed to stderr), or 128 + the
 * signal when SIGTERM or SIGHUP ended it (the terminal is restored;
 * the caller then cancels the running jobs, as on q). */
int vd_ui_run(vd_host **hosts, size_t nhosts, vd_bus *bus,
              const vd_ui_opts *opts);

#endif
