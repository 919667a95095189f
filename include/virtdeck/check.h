/*
 * check.h: the one convention of validators (issue 19). A checker of a
 * value the user typed returns NULL when it is fine, or a message for
 * the user ("name may not contain '/'"), allocated, which the caller
 * releases with vd_check_free() (or free(): the message is always on
 * the heap). A checker never prints and never changes anything.
 * A form field shows the message with vd_check_into().
 * Pure: no libvirt, no curses.
 */
#ifndef VIRTDECK_CHECK_H
#define VIRTDECK_CHECK_H

#include <stdbool.h>
#include <stddef.h>

typedef char vd_check_msg;

/* A message from a printf format, on the heap. Out of memory it aborts
 * (as libvirt's own allocations do) rather than let a refused value
 * through as "no message". */
vd_check_msg *vd_check_msgf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), returns_nonnull));

/* Release a message (NULL is fine). */
void vd_check_free(vd_check_msg *msg);

/* For a form's error line: true when msg is NULL (the value is fine);
 * otherwise msg goes into err (errlen bytes, truncated), is released,
 * and the answer is false. */
bool vd_check_into(vd_check_msg *msg, char *err, size_t errlen);

/* A name a user gives a libvirt object (a domain, a snapshot): what
 * names it in the message ("name", "snapshot name"). Non-empty, at most
 * 200 bytes, valid UTF-8, no '/', no control characters, no space at
 * either end. */
vd_check_msg *vd_check_label(const char *what, const char *name);

/* A domain name, the one rule for every place that names a domain (the
 * create wizard and `virtdeck create`, clone, rename): non-empty, at
 * most 200 bytes, valid UTF-8, no '/' (libvirt refuses it), no control
 * characters (libvirt refuses a newline; a tab cannot be typed back in
 * a shell or a form), no space at either end (invisible in a list).
 * XML special characters such as & < > ' " are fine: the builder
 * escapes them. taken: the names already on the host (may be NULL). */
vd_check_msg *vd_check_name(const char *name, const char *const *taken,
                            size_t ntaken);

#endif
