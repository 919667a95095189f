/*
 * console_stream.c: a domain's serial console (a non-blocking
 * virStream) bridged to a socketpair, so the UI reads and writes a
 * plain descriptor. Everything after set-up runs in callbacks on
 * libvirt's event loop thread: stream readable -> buffer -> socket,
 * socket readable -> buffer -> stream. Either side ending ends both:
 * the UI sees EOF when the guest's console closes, and closing the UI's
 * end aborts the stream.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/cmd_console.h"

#define BRIDGE_BUF 65536

typedef struct bridge {
    pthread_mutex_t lock;
    int refs;                   /* the bridge's life (dropped by whoever shuts
                                 * it down, after unlocking) and set-up's */
    virStreamPtr st;
    int fd;                     /* our end of the socketpair */
    int watch;                  /* virEventAddHandle id, or -1 */
    bool st_cb;                 /* stream callback registered */
    bool done;
    char to_fd[BRIDGE_BUF];     /* guest -> UI */
    size_t to_fd_len;
    char to_st[BRIDGE_BUF];     /* UI -> guest */
    size_t to_st_len;
} bridge;

/* Drop one reference; the last frees the bridge. The registrations
 * hold none (their ff is NULL): libvirt runs a handle's ff from an idle
 * source that may not come before exit, and a stream callback's ff is
 * not run when it is removed from outside its own dispatch. Neither is
 * needed: every callback runs on the event loop thread, and once both
 * are removed (by bridge_shutdown, on that thread) neither is called
 * again, so the callback that shut the bridge down frees it on its way
 * out. */
static void
bridge_unref(void *opaque)
{
    bridge *b = opaque;
    bool last;

    pthread_mutex_lock(&b->lock);
    last = --b->refs == 0;
    pthread_mutex_unlock(&b->lock);
    if (!last)
        return;
    if (b->st)
        virStreamFree(b->st);
    if (b->fd >= 0)
        close(b->fd);
    pthread_mutex_destroy(&b->lock);
    free(b);
}

/* End both directions (lock held). Returns true when this call did it:
 * then the caller drops the life reference after unlocking. */
static bool
bridge_shutdown(bridge *b)
{
    if (b->done)
        return false;
    b->done = true;
    if (b->st_cb) {
        virStreamEventRemoveCallback(b->st);
        b->st_cb = false;
    }
    virStreamAbort(b->st);
    virResetLastError();
    if (b->watch >= 0) {
        virEventRemoveHandle(b->watch);
        b->watch = -1;
    }
    /* the UI sees EOF now */
    shutdown(b->fd, SHUT_RDWR);
    return true;
}

/* Set both registrations' event masks from the buffers (lock held). */
static void
bridge_update(bridge *b)
{
    int fd_ev = 0, st_ev = 0;

    if (b->done)
        return;
    if (b->to_st_len < BRIDGE_BUF)
        fd_ev |= VIR_EVENT_HANDLE_READABLE;
    if (b->to_fd_len)
        fd_ev |= VIR_EVENT_HANDLE_WRITABLE;
    if (b->to_fd_len < BRIDGE_BUF)
        st_ev |= VIR_STREAM_EVENT_READABLE;
    if (b->to_st_len)
        st_ev |= VIR_STREAM_EVENT_WRITABLE;
    virEventUpdateHandle(b->watch, fd_ev);
    virStreamEventUpdateCallback(b->st, st_ev);
}

/* Write what is buffered for the UI; false when the UI is gone. */
static bool
flush_to_fd(bridge *b)
{
    while (b->to_fd_len) {
        ssize_t n = write(b->fd, b->to_fd, b->to_fd_len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
        memmove(b->to_fd, b->to_fd + n, b->to_fd_len - (size_t)n);
        b->to_fd_len -= (size_t)n;
    }
    return true;
}

/* Send what the UI typed to the guest; false on a stream error. */
static bool
flush_to_st(bridge *b)
{
    while (b->to_st_len) {
        int n = virStreamSend(b->st, b->to_st, b->to_st_len);

        if (n == -2)
            return true;
        if (n < 0)
            return false;
        memmove(b->to_st, b->to_st + n, b->to_st_len - (size_t)n);
        b->to_st_len -= (size_t)n;
    }
    return true;
}

/* The stream has data, room, or ended. */
static void
on_stream(virStreamPtr st, int events, void *opaque)
{
    bridge *b = opaque;
    bool ok = true, ended = false;

    (void)st;
    pthread_mutex_lock(&b->lock);
    if (b->done)
        goto out;
    if (events & VIR_STREAM_EVENT_READABLE) {
        while (ok && b->to_fd_len < BRIDGE_BUF) {
            int n = virStreamRecv(b->st, b->to_fd + b->to_fd_len,
                                  BRIDGE_BUF - b->to_fd_len);

            if (n == -2)
                break;
            if (n <= 0) {
                ok = false;     /* EOF or error: the console closed */
                break;
            }
            b->to_fd_len += (size_t)n;
        }
        if (!flush_to_fd(b))
            ok = false;
    }
    if (ok && (events & VIR_STREAM_EVENT_WRITABLE) && !flush_to_st(b))
        ok = false;
    if (events & (VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP))
        ok = false;
    if (!ok) {
        /* give the UI what arrived before the end */
        flush_to_fd(b);
        ended = bridge_shutdown(b);
    } else {
        bridge_update(b);
    }
 out:
    pthread_mutex_unlock(&b->lock);
    if (ended)
        bridge_unref(b);
}

/* The UI's end sent keys, has room, or closed. */
static void
on_fd(int watch, int fd, int events, void *opaque)
{
    bridge *b = opaque;
    bool ok = true, ended = false;

    (void)watch;
    (void)fd;
    pthread_mutex_lock(&b->lock);
    if (b->done)
        goto out;
    if (events & VIR_EVENT_HANDLE_READABLE) {
        while (b->to_st_len < BRIDGE_BUF) {
            ssize_t n = read(b->fd, b->to_st + b->to_st_len,
                             BRIDGE_BUF - b->to_st_len);

            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            if (n <= 0) {
                ok = false;     /* the UI closed the console */
                break;
            }
            b->to_st_len += (size_t)n;
        }
        if (ok && !flush_to_st(b))
            ok = false;
    }
    if (ok && (events & VIR_EVENT_HANDLE_WRITABLE) && !flush_to_fd(b))
        ok = false;
    if (events & (VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP) &&
        !(events & VIR_EVENT_HANDLE_READABLE))
        ok = false;
    if (!ok)
        ended = bridge_shutdown(b);
    else
        bridge_update(b);
 out:
    pthread_mutex_unlock(&b->lock);
    if (ended)
        bridge_unref(b);
}

/* Bridge st to a new socketpair; see cmd_console.h. */
int
vd_console_bridge(virStreamPtr st)
{
    bridge *b = NULL;
    pthread_mutexattr_t attr;
    int sv[2] = { -1, -1 };

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        virStreamAbort(st);
        virStreamFree(st);
        return -1;
    }
    if (!(b = calloc(1, sizeof(*b)))) {
        virStreamAbort(st);
        virStreamFree(st);
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    /* recursive: callbacks call libvirt, which may call back */
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&b->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    b->st = st;
    b->fd = sv[1];
    b->watch = -1;
    b->refs = 2;                /* set-up's and the bridge's life */
    fcntl(b->fd, F_SETFL, fcntl(b->fd, F_GETFL) | O_NONBLOCK);

    pthread_mutex_lock(&b->lock);
    if (virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE |
                                  VIR_STREAM_EVENT_ERROR | VIR_STREAM_EVENT_HANGUP,
                                  on_stream, b, NULL) < 0)
        goto error;
    b->st_cb = true;
    if ((b->watch = virEventAddHandle(b->fd, VIR_EVENT_HANDLE_READABLE,
                                      on_fd, b, NULL)) < 0)
        goto error;
    pthread_mutex_unlock(&b->lock);
    bridge_unref(b);
    return sv[0];

 error:
    if (bridge_shutdown(b)) {
        pthread_mutex_unlock(&b->lock);
        bridge_unref(b);
    } else {
        pthread_mutex_unlock(&b->lock);
    }
    bridge_unref(b);
    close(sv[0]);
    return -1;
}
