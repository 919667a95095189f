/*
 * errors.h: libvirt's errors turned into what the user reads, and the
 * retry schedule of failed connections.
 */
#ifndef VD_ERRORS_H
#define VD_ERRORS_H

/* libvirt's last error message on this thread, or fallback; the caller
 * frees the returned string. Resets the error. */
char *vd_err_take(const char *fallback);

/* Replace *err (freed first; NULL or malloc'ed) with a message from a
 * printf format. Returns -1, for "return vd_err_say(...)". */
int vd_err_say(char **err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Replace *err with "what: libvirt's last message" (resetting it).
 * Returns -1. */
int vd_err_say_libvirt(char **err, const char *what);

/* Keep libxml2's warnings (which libvirt's drivers can trigger while
 * parsing) off the terminal for the calling thread: libxml2 keeps its
 * error handler per thread. */
void vd_err_quiet_thread(void);

/* A plain hint for a connection failure: which cause is likely and
 * what to check, given the URI and libvirt's message. Static string, or
 * NULL when nothing useful can be said. Pure. */
const char *vd_err_hint(const char *uri, const char *message);

/* Milliseconds to wait before connection attempt number attempts+1,
 * after `attempts` consecutive failures (1, 2, ...). Pure. */
int vd_retry_delay_ms(unsigned int attempts);

#endif
