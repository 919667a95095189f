/*
 * core.h: process-wide set-up of the core: libvirt's event loop thread
 * and error handling. Call vd_core_init() once, before any host.
 */
#ifndef VIRTDECK_CORE_H
#define VIRTDECK_CORE_H

/* Register libvirt's default event loop, start the thread that runs
 * it, and silence libvirt's printing to stderr. Returns 0 or -1 with a
 * message in *err (static). Idempotent. */
int vd_core_init(const char **err);

/* Stop the event loop thread. Hosts must have been freed first. */
void vd_core_shutdown(void);

/* The libvirt library version as "9.0.0" (static buffer). */
const char *vd_core_libvirt_version(void);

/* Monotonic clock in milliseconds. */
long long vd_now_ms(void);

/* When the tick after now_ms comes: the next multiple of tick_ms on the
 * monotonic clock at least half a period away, so that every host's
 * worker reads at the same moment and the screen redraws once a period
 * rather than once per host. */
long long vd_tick_next(long long now_ms, int tick_ms);

struct timespec;

/* The wall-clock time ms from now, for pthread_cond_timedwait() and
 * pthread_timedjoin_np() (which take CLOCK_REALTIME). */
void vd_realtime_in(int ms, struct timespec *ts);

#endif
