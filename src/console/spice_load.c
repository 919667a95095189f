/*
 * spice_load.c: the vd_spice_* API of spice.h in the program, by
 * loading the SPICE module (spice_module.h) on the first
 * vd_spice_start(). Looked for, in order:
 *   1. next to the running executable's install tree
 *      (BINDIR/VD_REL_MODULEDIR: ../lib/ARCH/virtdeck), so a tree
 *      installed under any prefix or unpacked anywhere finds its own
 *   2. the build tree (VD_BUILD_SPICE_MODULE, running from a build
 *      directory; left out of packaged builds)
 *   3. the configured VD_MODULEDIR
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console/spice_module.h"

#ifndef VD_MODULEDIR
# define VD_MODULEDIR "/usr/lib/virtdeck"
#endif
#ifndef VD_REL_MODULEDIR
# define VD_REL_MODULEDIR "../lib/virtdeck"
#endif
#define MODULE_NAME "virtdeck-spice.so"

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const vd_spice_api *api;
static char load_error[512];

/* Try to load the module at path; true when its table was taken. */
static bool
try_load(const char *path)
{
    const vd_spice_api *table;
    void *handle;

    if (access(path, R_OK) != 0)
        return false;
    if (!(handle = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
        snprintf(load_error, sizeof(load_error), "%s", dlerror());
        return false;
    }
    table = dlsym(handle, VD_SPICE_API_SYMBOL);
    if (!table || table->version != VD_SPICE_API_VERSION) {
        snprintf(load_error, sizeof(load_error), "%s: not virtdeck's SPICE "
                 "module of this version", path);
        dlclose(handle);
        return false;
    }
    api = table;                /* kept loaded until the process ends */
    return true;
}

/* Find and load the module once. */
static void
load(void)
{
    char exe[4096], path[4200];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    char *slash;

    if (len > 0) {
        exe[len] = '\0';
        if ((slash = strrchr(exe, '/'))) {
            *slash = '\0';
            snprintf(path, sizeof(path), "%s/%s/%s", exe, VD_REL_MODULEDIR,
                     MODULE_NAME);
            if (try_load(path))
                return;
        }
    }
#ifdef VD_BUILD_SPICE_MODULE
    if (try_load(VD_BUILD_SPICE_MODULE))
        return;
#endif
    if (try_load(VD_MODULEDIR "/" MODULE_NAME))
        return;
    if (!load_error[0])
        snprintf(load_error, sizeof(load_error), "the SPICE module %s is not "
                 "installed (looked in %s)", MODULE_NAME, VD_MODULEDIR);
}

/* Why the module could not be loaded; see spice_module.h. */
const char *
vd_spice_load_error(void)
{
    return api || !load_error[0] ? NULL : load_error;
}

/* Start the console: loads the module first. NULL (fd closed) when it
 * cannot be loaded (vd_spice_load_error() says why) or on failure. */
vd_spice *
vd_spice_start(int fd, void (*wake)(void *opaque), void *opaque)
{
    pthread_once(&load_once, load);
    if (!api) {
        close(fd);
        return NULL;
    }
    return api->start(fd, wake, opaque);
}

/* The rest forward to the module: a non-NULL vd_spice means it loaded. */

/* Stop and free (NULL: nothing). */
void
vd_spice_free(vd_spice *s)
{
    if (s)
        api->free(s);
}

/* The connection's state; see spice.h. */
vd_vnc_state
vd_spice_get_state(vd_spice *s, char **message)
{
    return api->get_state(s, message);
}

/* Answer a password question; see spice.h. */
void
vd_spice_answer(vd_spice *s, const char *password)
{
    api->answer(s, password);
}

/* Whether a channel waits for a socket; see spice.h. */
bool
vd_spice_next_fd_request(vd_spice *s, bool *tls)
{
    return api->next_fd_request(s, tls);
}

/* Give a channel its socket; see spice.h. */
void
vd_spice_give_fd(vd_spice *s, int fd, const char *why)
{
    api->give_fd(s, fd, why);
}

/* Type keys; see spice.h. */
void
vd_spice_keys(vd_spice *s, const uint32_t *syms, int n)
{
    api->keys(s, syms, n);
}

/* Press or release one key; see spice.h. */
void
vd_spice_key(vd_spice *s, uint32_t keysym, bool down)
{
    api->key(s, keysym, down);
}

/* Move the pointer; see spice.h. */
void
vd_spice_pointer(vd_spice *s, int x, int y, int buttons)
{
    api->pointer(s, x, y, buttons);
}

/* Ask for a full frame; see spice.h. */
void
vd_spice_refresh(vd_spice *s)
{
    api->refresh(s);
}

/* Whether the pointer is absolute; see spice.h. */
bool
vd_spice_mouse_absolute(vd_spice *s)
{
    return api->mouse_absolute(s);
}

/* Lock the frame; see spice.h. */
bool
vd_spice_lock_frame(vd_spice *s, vd_fb *fb, unsigned long *seq)
{
    return api->lock_frame(s, fb, seq);
}

/* Unlock the frame; see spice.h. */
void
vd_spice_unlock_frame(vd_spice *s)
{
    api->unlock_frame(s);
}

/* Wait for a frame newer than seq; see spice.h. */
bool
vd_spice_wait_frame(vd_spice *s, unsigned long seq, int timeout_ms)
{
    return api->wait_frame(s, seq, timeout_ms);
}

/* Wait for the handshake; see spice.h. */
vd_vnc_state
vd_spice_wait_state(vd_spice *s, int timeout_ms)
{
    return api->wait_state(s, timeout_ms);
}
