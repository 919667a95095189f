/*
 * vnc_load.c: the vd_vnc_* API of vnc.h in the program, by loading the
 * VNC module (vnc_module.h) on the first vd_vnc_start() (core/module.h
 * says where it is looked for).
 */
#include <unistd.h>

#include "console/vnc_module.h"
#include "core/module.h"

static vd_module module = VD_MODULE("virtdeck-vnc.so", VD_VNC_API_SYMBOL,
                                    VD_VNC_API_VERSION, "VNC", "src/console");

/* The module's table: set once a vd_vnc exists. */
#define API ((const vd_vnc_api *)module.api)

/* Why the module could not be loaded; see vnc_module.h. */
const char *
vd_vnc_load_error(void)
{
    return vd_module_error(&module);
}

/* Start the console: loads the module first. NULL (fd closed) when it
 * cannot be loaded (vd_vnc_load_error() says why) or on failure. */
vd_vnc *
vd_vnc_start(int fd, void (*wake)(void *opaque), void *opaque)
{
    if (!vd_module_load(&module)) {
        close(fd);
        return NULL;
    }
    return API->start(fd, wake, opaque);
}

/* The rest forward to the module: a non-NULL vd_vnc means it loaded. */

/* Stop and free (NULL: nothing). */
void
vd_vnc_free(vd_vnc *v)
{
    if (v)
        API->free(v);
}

/* The connection's state; see vnc.h. */
vd_vnc_state
vd_vnc_get_state(vd_vnc *v, char **message)
{
    return API->get_state(v, message);
}

/* Answer a password question; see vnc.h. */
void
vd_vnc_answer(vd_vnc *v, const char *password)
{
    API->answer(v, password);
}

/* Press or release one key; see vnc.h. */
void
vd_vnc_key(vd_vnc *v, uint32_t keysym, bool down)
{
    API->key(v, keysym, down);
}

/* Type keys; see vnc.h. */
void
vd_vnc_keys(vd_vnc *v, const uint32_t *syms, int n)
{
    API->keys(v, syms, n);
}

/* Move the pointer; see vnc.h. */
void
vd_vnc_pointer(vd_vnc *v, int x, int y, int buttons)
{
    API->pointer(v, x, y, buttons);
}

/* Ask for a full frame; see vnc.h. */
void
vd_vnc_refresh(vd_vnc *v)
{
    API->refresh(v);
}

/* The shared frame; see vnc.h. */
vd_cframe *
vd_vnc_frame(vd_vnc *v)
{
    return API->frame(v);
}

/* Wait for the handshake; see vnc.h. */
vd_vnc_state
vd_vnc_wait_state(vd_vnc *v, int timeout_ms)
{
    return API->wait_state(v, timeout_ms);
}
