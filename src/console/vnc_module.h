/*
 * vnc_module.h: the VNC client as a module loaded on first use.
 *
 * libvncclient brings libgcrypt, libjpeg, liblzo2 and their relocations
 * to every start, for a console most sessions never open. So vnc.c is
 * built as its own shared module (virtdeck-vnc.so, every symbol hidden
 * but this table) and vnc_load.c, linked into the program, gives the
 * vd_vnc_* API of vnc.h by loading it on the first vd_vnc_start()
 * (core/module.h).
 */
#ifndef VD_CONSOLE_VNC_MODULE_H
#define VD_CONSOLE_VNC_MODULE_H

#include "console/vnc.h"

/* The module's functions, one per vd_vnc_* of vnc.h. */
typedef struct vd_vnc_api {
    unsigned int version;       /* VD_VNC_API_VERSION */
    vd_vnc *(*start)(int fd, void (*wake)(void *opaque), void *opaque);
    void (*free)(vd_vnc *v);
    vd_vnc_state (*get_state)(vd_vnc *v, char **message);
    void (*answer)(vd_vnc *v, const char *password);
    void (*key)(vd_vnc *v, uint32_t keysym, bool down);
    void (*keys)(vd_vnc *v, const uint32_t *syms, int n);
    void (*pointer)(vd_vnc *v, int x, int y, int buttons);
    void (*refresh)(vd_vnc *v);
    vd_cframe *(*frame)(vd_vnc *v);
    vd_vnc_state (*wait_state)(vd_vnc *v, int timeout_ms);
} vd_vnc_api;

/* Bumped whenever vd_vnc_api changes: a stale module is refused. */
#define VD_VNC_API_VERSION 1

/* The name of the table the module exports. */
#define VD_VNC_API_SYMBOL "vd_vnc_module_api"

/* Why the module could not be loaded, or NULL (it is, or was never
 * asked for). Valid until the process ends. */
const char *vd_vnc_load_error(void);

#endif
