/*
 * core.c: process-wide set-up: libvirt's default event loop on its own
 * thread, and libvirt's errors kept off the terminal.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>

#include "virtdeck/core.h"

static pthread_mutex_t core_lock = PTHREAD_MUTEX_INITIALIZER;
static bool core_ready;
static bool loop_quit;
static pthread_t loop_thread;

/* libvirt would print every error to stderr, over the screen: the core
 * reads errors with virGetLastError() instead. */
static void
silent_error(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* Runs libvirt's event loop until vd_core_shutdown(). */
static void *
event_loop_main(void *opaque)
{
    (void)opaque;
    while (!__atomic_load_n(&loop_quit, __ATOMIC_ACQUIRE)) {
        if (virEventRunDefaultImpl() < 0)
            break;
    }
    return NULL;
}

/* A one-shot timer that only wakes the loop so it sees loop_quit. */
static void
wake_timeout(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
}

/* Set up libvirt and start the event loop thread. */
int
vd_core_init(const char **err)
{
    int ret = -1;

    pthread_mutex_lock(&core_lock);
    if (core_ready) {
        ret = 0;
        goto cleanup;
    }
    /* libxml2 sets up its global lock lazily, racing when several
     * workers parse their first XML at once: set it up here, before
     * any worker starts. */
    xmlInitParser();
    if (virInitialize() < 0) {
        *err = "libvirt could not be initialised";
        goto cleanup;
    }
    virSetErrorFunc(NULL, silent_error);
    if (virEventRegisterDefaultImpl() < 0) {
        *err = "libvirt's event loop could not be registered";
        goto cleanup;
    }
    loop_quit = false;
    if (pthread_create(&loop_thread, NULL, event_loop_main, NULL) != 0) {
        *err = "the event loop thread could not be started";
        goto cleanup;
    }
    core_ready = true;
    ret = 0;

 cleanup:
    pthread_mutex_unlock(&core_lock);
    return ret;
}

/* Stop and join the event loop thread. */
void
vd_core_shutdown(void)
{
    pthread_mutex_lock(&core_lock);
    if (core_ready) {
        __atomic_store_n(&loop_quit, true, __ATOMIC_RELEASE);
        virEventAddTimeout(0, wake_timeout, NULL, NULL);
        pthread_join(loop_thread, NULL);
        core_ready = false;
    }
    pthread_mutex_unlock(&core_lock);
}

/* The libvirt library's version. */
const char *
vd_core_libvirt_version(void)
{
    static char buf[32];
    unsigned long ver = 0;

    if (virGetVersion(&ver, NULL, NULL) < 0)
        return "unknown";
    snprintf(buf, sizeof(buf), "%lu.%lu.%lu", ver / 1000000,
             (ver / 1000) % 1000, ver % 1000);
    return buf;
}

/* See core.h. */
void
vd_realtime_in(int ms, struct timespec *ts)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Monotonic milliseconds. */
long long
vd_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The next shared tick; see core.h. */
long long
vd_tick_next(long long now_ms, int tick_ms)
{
    long long t;

    if (tick_ms <= 0)
        return now_ms;
    t = (now_ms / tick_ms + 1) * tick_ms;
    if (t - now_ms < tick_ms / 2)
        t += tick_ms;
    return t;
}
