/*
 * watched_call.c: a blocking call on a helper thread, watched by its
 * caller (watched_call.h).
 */
#include <time.h>

#include "virtdeck/core.h"
#include "core/errors.h"
#include "core/watched_call.h"

/* The helper thread: the call, then say so. */
static void *
watched_main(void *opaque)
{
    vd_watched *w = opaque;

    vd_err_quiet_thread();
    w->fn(w->arg);
    pthread_mutex_lock(&w->lock);
    w->finished = true;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* Start the call. */
int
vd_watched_start(vd_watched *w, void (*fn)(void *arg), void *arg)
{
    w->finished = false;
    w->joined = false;
    w->fn = fn;
    w->arg = arg;
    if (pthread_mutex_init(&w->lock, NULL) != 0)
        return -1;
    if (pthread_cond_init(&w->cond, NULL) != 0) {
        pthread_mutex_destroy(&w->lock);
        return -1;
    }
    if (pthread_create(&w->thread, NULL, watched_main, w) != 0) {
        pthread_cond_destroy(&w->cond);
        pthread_mutex_destroy(&w->lock);
        return -1;
    }
    return 0;
}

/* Wait a while for the call. */
bool
vd_watched_wait(vd_watched *w, int ms)
{
    struct timespec ts;
    bool finished;

    if (w->joined)
        return true;
    vd_realtime_in(ms, &ts);
    pthread_mutex_lock(&w->lock);
    if (!w->finished)
        pthread_cond_timedwait(&w->cond, &w->lock, &ts);
    finished = w->finished;
    pthread_mutex_unlock(&w->lock);
    if (!finished)
        return false;
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->lock);
    w->joined = true;
    return true;
}
