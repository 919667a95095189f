/*
 * spice_module.h: the SPICE client as a module loaded on first use.
 *
 * spice-gtk's GLib library brings GStreamer, libsoup, pixman, NSS and
 * more: 5 MB of resident pages and tens of milliseconds of relocation
 * at every start, for a console most sessions never open. So spice.c is
 * built as its own shared module (virtdeck-spice.so, every symbol
 * hidden but this table) and spice_load.c, linked into the program,
 * gives the vd_spice_* API of spice.h by loading it on the first
 * vd_spice_start().
 */
#ifndef VD_CONSOLE_SPICE_MODULE_H
#define VD_CONSOLE_SPICE_MODULE_H

#include "console/spice.h"

/* The module's functions, one per vd_spice_* of spice.h. */
typedef struct vd_spice_api {
    unsigned int version;       /* VD_SPICE_API_VERSION */
    vd_spice *(*start)(int fd, void (*wake)(void *opaque), void *opaque);
    void (*free)(vd_spice *s);
    vd_vnc_state (*get_state)(vd_spice *s, char **message);
    void (*answer)(vd_spice *s, const char *password);
    bool (*next_fd_request)(vd_spice *s, bool *tls);
    void (*give_fd)(vd_spice *s, int fd, const char *why);
    void (*keys)(vd_spice *s, const uint32_t *syms, int n);
    void (*key)(vd_spice *s, uint32_t keysym, bool down);
    void (*pointer)(vd_spice *s, int x, int y, int buttons);
    void (*refresh)(vd_spice *s);
    bool (*mouse_absolute)(vd_spice *s);
    vd_cframe *(*frame)(vd_spice *s);
    vd_vnc_state (*wait_state)(vd_spice *s, int timeout_ms);
} vd_spice_api;

/* Bumped whenever vd_spice_api changes: a stale module is refused. */
#define VD_SPICE_API_VERSION 2

/* The name of the table the module exports. */
#define VD_SPICE_API_SYMBOL "vd_spice_module_api"

/* Why the module could not be loaded, or NULL (it is, or was never
 * asked for). Static storage; valid until the process ends. */
const char *vd_spice_load_error(void);

#endif
