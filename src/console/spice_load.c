/*
 * spice_load.c: the vd_spice_* API of spice.h in the program, by
 * loading the SPICE module (spice_module.h) on the first
 * vd_spice_start() (core/module.h says where it is looked for).
 */
#include <unistd.h>

#include "console/spice_module.h"
#include "core/module.h"

static vd_module module = VD_MODULE("virtdeck-spice.so", VD_SPICE_API_SYMBOL,
                                    VD_SPICE_API_VERSION, "SPICE", "src/console");

/* The module's table: set once a vd_spice exists. */
#define API ((const vd_spice_api *)module.api)

/* Why the module could not be loaded; see spice_module.h. */
const char *
vd_spice_load_error(void)
{
    return vd_module_error(&module);
}

/* Start the console: loads the module first. NULL (fd closed) when it
 * cannot be loaded (vd_spice_load_error() says why) or on failure. */
vd_spice *
vd_spice_start(int fd, void (*wake)(void *opaque), void *opaque)
{
    if (!vd_module_load(&module)) {
        close(fd);
        return NULL;
    }
    return API->start(fd, wake, opaque);
}

/* The rest forward to the module: a non-NULL vd_spice means it loaded. */

/* Stop and free (NULL: nothing). */
void
vd_spice_free(vd_spice *s)
{
    if (s)
        API->free(s);
}

/* The connection's state; see spice.h. */
vd_vnc_state
vd_spice_get_state(vd_spice *s, char **message)
{
    return API->get_state(s, message);
}

/* Answer a password question; see spice.h. */
void
vd_spice_answer(vd_spice *s, const char *password)
{
    API->answer(s, password);
}

/* Whether a channel waits for a socket; see spice.h. */
bool
vd_spice_next_fd_request(vd_spice *s, bool *tls)
{
    return API->next_fd_request(s, tls);
}

/* Give a channel its socket; see spice.h. */
void
vd_spice_give_fd(vd_spice *s, int fd, const char *why)
{
    API->give_fd(s, fd, why);
}

/* Type keys; see spice.h. */
void
vd_spice_keys(vd_spice *s, const uint32_t *syms, int n)
{
    API->keys(s, syms, n);
}

/* Press or release one key; see spice.h. */
void
vd_spice_key(vd_spice *s, uint32_t keysym, bool down)
{
    API->key(s, keysym, down);
}

/* Move the pointer; see spice.h. */
void
vd_spice_pointer(vd_spice *s, int x, int y, int buttons)
{
    API->pointer(s, x, y, buttons);
}

/* Ask for a full frame; see spice.h. */
void
vd_spice_refresh(vd_spice *s)
{
    API->refresh(s);
}

/* Whether the pointer is absolute; see spice.h. */
bool
vd_spice_mouse_absolute(vd_spice *s)
{
    return API->mouse_absolute(s);
}

/* The shared frame; see spice.h. */
vd_cframe *
vd_spice_frame(vd_spice *s)
{
    return API->frame(s);
}

/* Wait for the handshake; see spice.h. */
vd_vnc_state
vd_spice_wait_state(vd_spice *s, int timeout_ms)
{
    return API->wait_state(s, timeout_ms);
}
