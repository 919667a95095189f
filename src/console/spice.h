/*
 * spice.h: a SPICE client on its own thread, for the console view.
 *
 * spice-gtk's GLib client library (libspice-client-glib-2.0, no GTK)
 * runs on the console thread, which iterates GLib's default main
 * context (spice-gtk attaches its coroutines' sources there): only one
 * SPICE console per process at a time. Every channel of a SPICE session
 * is its own connection: the client is started on a socket for the main
 * channel, and each further channel (display, inputs) asks for another
 * one. The console never opens connections itself: the UI sees the
 * request (vd_spice_next_fd_request()), asks the host's worker for a
 * socket as it did for the first, and hands it over (vd_spice_give_fd()).
 *
 * The rest follows vnc.h: the same states (vd_vnc_state), a framebuffer
 * (RGBX) shared under a lock and fed by the display channel's primary
 * surface and its invalidated regions, keys as X keysyms (sent as XT
 * scancodes), pointer events in framebuffer pixels (absolute in the
 * server's client mouse mode, relative motion in server mode), the
 * password asked through the state (never logged). wake(opaque) is
 * called from the console thread on every change.
 *
 * No libvirt and no curses here.
 */
#ifndef VD_CONSOLE_SPICE_H
#define VD_CONSOLE_SPICE_H

#include <stdbool.h>
#include <stdint.h>

#include "console/render.h"
#include "console/vnc.h"

typedef struct vd_spice vd_spice;

/* Start a console thread on fd, a socket connected to a SPICE server
 * (its main channel; taken: closed by the client). Returns NULL on
 * failure (fd is closed then too). Stop and free with vd_spice_free(). */
vd_spice *vd_spice_start(int fd, void (*wake)(void *opaque), void *opaque);

/* Stop the thread and free everything: the input still queued is sent
 * and flushed first (up to 300 ms), then the session is closed. NULL
 * is fine. */
void vd_spice_free(vd_spice *s);

/* The current state; *message (if not NULL) gets an allocated copy of
 * the latest human-readable status, or NULL. VD_VNC_AUTH_FAILED: the
 * password given was refused (start again on a new socket to retry). */
vd_vnc_state vd_spice_get_state(vd_spice *s, char **message);

/* Answer a password request: password (copied), or NULL to give up. */
void vd_spice_answer(vd_spice *s, const char *password);

/* True when a channel waits for a socket that has not been handed out
 * yet (each request is reported once); *tls says whether it wants the
 * server's TLS port. */
bool vd_spice_next_fd_request(vd_spice *s, bool *tls);

/* Hand over the socket for the oldest channel waiting (taken), or -1
 * when none could be had (why: the message, copied; may be NULL). */
void vd_spice_give_fd(vd_spice *s, int fd, const char *why);

/* Queue presses of syms[0..n) (X keysyms) in order, then releases in
 * reverse, as XT scancodes (Shift added for shifted characters). */
void vd_spice_keys(vd_spice *s, const uint32_t *syms, int n);

/* Queue one key press or release (an X keysym). */
void vd_spice_key(vd_spice *s, uint32_t keysym, bool down);

/* Queue a pointer event at framebuffer pixel (x, y) with buttons held
 * (VD_VNC_BUTTON_* bits). */
void vd_spice_pointer(vd_spice *s, int x, int y, int buttons);

/* Copy the whole surface to the shared frame again (a repaint). */
void vd_spice_refresh(vd_spice *s);

/* The server's mouse mode: true for client (absolute) mode. */
bool vd_spice_mouse_absolute(vd_spice *s);

/* The shared framebuffer, as vd_vnc_frame(). */
vd_cframe *vd_spice_frame(vd_spice *s);

/* Wait up to timeout_ms for a state other than CONNECTING, or for a
 * socket request. For tests and tools, never for the UI thread. */
vd_vnc_state vd_spice_wait_state(vd_spice *s, int timeout_ms);

#endif
