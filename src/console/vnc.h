/*
 * vnc.h: a VNC client on its own thread, for the console view.
 *
 * The console thread owns the rfbClient (libvncclient is not safe to
 * call from two threads): it runs the handshake on a socket it is given
 * (no connect of its own), reads updates into a framebuffer shared with
 * the UI under a lock, and sends the key and pointer events the UI
 * queues. It never blocks the UI: when the server asks for a password
 * the state becomes VD_VNC_NEED_PASSWORD and the thread waits for
 * vd_vnc_answer(). Whenever something changes (frame, state) it calls
 * the wake function given at start, from the console thread (use
 * something async-safe, such as vd_bus_wake()).
 *
 * No libvirt and no curses here.
 */
#ifndef VD_CONSOLE_VNC_H
#define VD_CONSOLE_VNC_H

#include <stdbool.h>
#include <stdint.h>

#include "console/render.h"

typedef enum {
    VD_VNC_CONNECTING = 0,      /* handshake running */
    VD_VNC_NEED_PASSWORD,       /* waiting for vd_vnc_answer() */
    VD_VNC_CONNECTED,           /* frames arrive */
    VD_VNC_AUTH_FAILED,         /* the server refused the password: the
                                 * connection is closed; reconnect to retry */
    VD_VNC_CLOSED,              /* ended (message says why) */
} vd_vnc_state;

typedef struct vd_vnc vd_vnc;
typedef struct vd_cframe vd_cframe;     /* console_frame.h */

/* Pointer button bits for vd_vnc_pointer(). */
enum {
    VD_VNC_BUTTON_LEFT = 1,
    VD_VNC_BUTTON_MIDDLE = 2,
    VD_VNC_BUTTON_RIGHT = 4,
    VD_VNC_WHEEL_UP = 8,
    VD_VNC_WHEEL_DOWN = 16,
};

/* Start a console thread on fd, a socket connected to a VNC server
 * (taken: closed by the client). wake(opaque) is called from that
 * thread on every change; may be NULL. Returns NULL on failure (fd is
 * closed then too). Stop and free with vd_vnc_free(). */
vd_vnc *vd_vnc_start(int fd, void (*wake)(void *opaque), void *opaque);

/* Stop the thread (closing the connection) and free everything. A
 * connected client first sends the input still queued and closes
 * gracefully, waiting up to 300 ms for the server to hang up (QEMU drops
 * input it has not read when it sees the connection closed); a server
 * stuck in the middle of a message is cut off after 1 s. Otherwise never
 * waits for the server. NULL is fine. */
void vd_vnc_free(vd_vnc *v);

/* The current state; *message (if not NULL) gets an allocated copy of
 * the latest human-readable status, or NULL. */
vd_vnc_state vd_vnc_get_state(vd_vnc *v, char **message);

/* Answer a password request: password (copied), or NULL to give up. */
void vd_vnc_answer(vd_vnc *v, const char *password);

/* Queue a key press or release (an X keysym). */
void vd_vnc_key(vd_vnc *v, uint32_t keysym, bool down);

/* Queue presses of syms[0..n) in order, then releases in reverse:
 * a tap of one key or a combination such as Ctrl+Alt+Del. */
void vd_vnc_keys(vd_vnc *v, const uint32_t *syms, int n);

/* Queue a pointer event at framebuffer pixel (x, y) with buttons held. */
void vd_vnc_pointer(vd_vnc *v, int x, int y, int buttons);

/* Ask the server for a full frame (after a resize, or a repaint). */
void vd_vnc_refresh(vd_vnc *v);

/* The shared framebuffer (valid until vd_vnc_free()): lock it with
 * vd_cframe_lock() (console_frame.h), which describes it and gives the
 * frame counter (it changes whenever the pixels or the size change),
 * and release it with vd_cframe_unlock(); tests and tools may wait for
 * a new frame with vd_cframe_wait_frame(), never the UI thread. */
vd_cframe *vd_vnc_frame(vd_vnc *v);

/* Wait up to timeout_ms for a state other than CONNECTING; returns the
 * state. For tests and tools, never for the UI thread. */
vd_vnc_state vd_vnc_wait_state(vd_vnc *v, int timeout_ms);

#endif
