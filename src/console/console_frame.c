/*
 * console_frame.c: the state and frame a graphical console's client
 * thread shares with the UI (console_frame.h).
 */
#include <stdlib.h>
#include <string.h>

#include "console/console_frame.h"

/* Make the lock and condition. */
int
vd_cframe_init(vd_cframe *c, const char *message, void (*wake)(void *),
               void *opaque)
{
    c->wake = wake;
    c->opaque = opaque;
    c->state = VD_VNC_CONNECTING;
    c->message = message ? strdup(message) : NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0)
        return -1;
    if (pthread_cond_init(&c->cond, NULL) != 0) {
        pthread_mutex_destroy(&c->lock);
        return -1;
    }
    return 0;
}

/* Undo vd_cframe_init() and drop the frame. */
void
vd_cframe_destroy(vd_cframe *c)
{
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cond);
    free(c->frame);
    c->frame = NULL;
    free(c->message);
    c->message = NULL;
}

/* Wake the UI. */
void
vd_cframe_notify(vd_cframe *c)
{
    if (c->wake)
        c->wake(c->opaque);
}

/* Set the state and message (lock held). */
void
vd_cframe_set_state_locked(vd_cframe *c, vd_vnc_state state, const char *msg)
{
    c->state = state;
    free(c->message);
    c->message = msg ? strdup(msg) : NULL;
    pthread_cond_broadcast(&c->cond);
}

/* Set the state and message and wake the UI. */
void
vd_cframe_set_state(vd_cframe *c, vd_vnc_state state, const char *msg)
{
    pthread_mutex_lock(&c->lock);
    vd_cframe_set_state_locked(c, state, msg);
    pthread_mutex_unlock(&c->lock);
    vd_cframe_notify(c);
}

/* The state and a copy of the message. */
vd_vnc_state
vd_cframe_get_state(vd_cframe *c, char **message)
{
    vd_vnc_state st;

    pthread_mutex_lock(&c->lock);
    st = c->state;
    if (message)
        *message = c->message ? strdup(c->message) : NULL;
    pthread_mutex_unlock(&c->lock);
    return st;
}

/* Lock the shared frame. */
bool
vd_cframe_lock(vd_cframe *c, vd_fb *fb, unsigned long *seq)
{
    pthread_mutex_lock(&c->lock);
    if (!c->frame) {
        pthread_mutex_unlock(&c->lock);
        return false;
    }
    fb->pixels = c->frame;
    fb->width = c->fw;
    fb->height = c->fh;
    fb->stride = (size_t)c->fw * 4;
    if (seq)
        *seq = c->seq;
    return true;
}

/* Unlock the shared frame. */
void
vd_cframe_unlock(vd_cframe *c)
{
    pthread_mutex_unlock(&c->lock);
}

/* An absolute deadline timeout_ms from now on CLOCK_REALTIME (the
 * console library links without the core's vd_realtime_in()). */
static struct timespec
deadline(int timeout_ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += timeout_ms / 1000;
    ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

/* Wait for the frame counter to move past seq. */
bool
vd_cframe_wait_frame(vd_cframe *c, unsigned long seq, int timeout_ms)
{
    struct timespec ts = deadline(timeout_ms);
    bool moved;

    pthread_mutex_lock(&c->lock);
    while (c->seq == seq && c->state != VD_VNC_CLOSED && c->state != VD_VNC_AUTH_FAILED &&
           pthread_cond_timedwait(&c->cond, &c->lock, &ts) == 0)
        ;
    moved = c->seq != seq;
    pthread_mutex_unlock(&c->lock);
    return moved;
}

/* Wait for the handshake to get anywhere (or for *pending). */
vd_vnc_state
vd_cframe_wait_state(vd_cframe *c, const int *pending, int timeout_ms)
{
    struct timespec ts = deadline(timeout_ms);
    vd_vnc_state st;

    pthread_mutex_lock(&c->lock);
    while (c->state == VD_VNC_CONNECTING && (!pending || *pending == 0) &&
           pthread_cond_timedwait(&c->cond, &c->lock, &ts) == 0)
        ;
    st = c->state;
    pthread_mutex_unlock(&c->lock);
    return st;
}
