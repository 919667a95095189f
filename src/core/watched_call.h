/*
 * watched_call.h: one blocking libvirt call on a helper thread, watched
 * by the calling (job) thread: the pattern of a volume copy
 * (vol_clone.c, dom_clone.c) and a migration (migrate.c), whose single
 * call blocks for minutes while the job reports progress and looks for
 * a cancel. The watcher loops on vd_watched_wait() and does its own
 * looking between the waits.
 */
#ifndef VD_WATCHED_CALL_H
#define VD_WATCHED_CALL_H

#include <pthread.h>
#include <stdbool.h>

typedef struct vd_watched {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool finished;              /* under lock */
    bool joined;
    void (*fn)(void *arg);
    void *arg;
} vd_watched;

/* Run fn(arg) on a new thread (libvirt's error reporting quiet on it).
 * fn leaves its outcome in arg. 0, or -1 when no thread could start
 * (then nothing runs and there is nothing to wait for). */
int vd_watched_start(vd_watched *w, void (*fn)(void *arg), void *arg);

/* Wait up to ms milliseconds for fn to return. true when it has: the
 * thread is then joined and what fn wrote in arg may be read; false
 * when it is still running (look at progress or cancel, then wait
 * again). Call until it answers true. */
bool vd_watched_wait(vd_watched *w, int ms);

#endif
