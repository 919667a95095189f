/*
 * console_frame.h: what a graphical console's client thread shares with
 * the UI, common to the VNC (vnc.c) and SPICE (spice.c) clients: the
 * lock and condition, the connection state, and the shared copy of the
 * guest's screen with its frame counter. No curses, no libvirt.
 */
#ifndef VD_CONSOLE_FRAME_H
#define VD_CONSOLE_FRAME_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "console/render.h"
#include "console/vnc.h"

typedef struct vd_cframe {
    void (*wake)(void *);       /* tells the UI something changed (any thread) */
    void *opaque;               /* wake's argument */
    pthread_mutex_t lock;       /* guards this and the client's shared fields */
    pthread_cond_t cond;        /* broadcast on a new frame or state */
    vd_vnc_state state;
    char *message;              /* the latest status for the user (owned) */
    uint8_t *frame;             /* shared copy, RGBX (owned) */
    int fw, fh;
    unsigned long seq;          /* moves with every new frame or size */
} vd_cframe;

/* Initialise c (zero-filled by the caller's calloc): CONNECTING with
 * the message message, wake(opaque) to call on changes. 0, or -1 when
 * a primitive could not be made. */
int vd_cframe_init(vd_cframe *c, const char *message, void (*wake)(void *),
                   void *opaque);

/* Destroy the lock and condition, free the frame and the message. */
void vd_cframe_destroy(vd_cframe *c);

/* Call the UI's wake function (lock not needed). */
void vd_cframe_notify(vd_cframe *c);

/* Set the state and message (msg may be NULL) and wake waiters; the
 * _locked form with c->lock held, the other takes it and then calls
 * vd_cframe_notify(). */
void vd_cframe_set_state_locked(vd_cframe *c, vd_vnc_state state, const char *msg);
void vd_cframe_set_state(vd_cframe *c, vd_vnc_state state, const char *msg);

/* The state, and a copy of the message into *message (may be NULL;
 * caller frees). */
vd_vnc_state vd_cframe_get_state(vd_cframe *c, char **message);

/* Lock c and describe its frame in *fb (valid until vd_cframe_unlock());
 * *seq (may be NULL) gets the counter. false, unlocked, when there is
 * no frame yet. */
bool vd_cframe_lock(vd_cframe *c, vd_fb *fb, unsigned long *seq);

/* Release the lock vd_cframe_lock() took. */
void vd_cframe_unlock(vd_cframe *c);

/* Wait up to timeout_ms for the counter to differ from seq (or the
 * connection to end); true when it moved. */
bool vd_cframe_wait_frame(vd_cframe *c, unsigned long seq, int timeout_ms);

/* Wait up to timeout_ms while the state is CONNECTING and *pending
 * (may be NULL: not waited on) is 0; returns the state. */
vd_vnc_state vd_cframe_wait_state(vd_cframe *c, const int *pending, int timeout_ms);

#endif
