/*
 * bytes.h: the one formatter of byte counts, shared by the core, the UI
 * and the command line. Binary units (1024). Pure: no libvirt, no curses.
 */
#ifndef VIRTDECK_BYTES_H
#define VIRTDECK_BYTES_H

#include <stddef.h>

typedef enum {
    VD_BYTES_LONG = 0,          /* "512 B", "1.5 GiB", "100 GiB": messages, details */
    VD_BYTES_COMPACT,           /* "512", "1.5K", "12M": narrow columns, rates */
} vd_bytes_style;

/* bytes as text in style into buf (len bytes, truncated to fit); returns
 * buf. LONG: bytes below 1 KiB as an integer with " B", then one decimal
 * below 100 of a unit ("1.0 GiB", "99.5 MiB") and none above ("512 MiB"),
 * up to PiB. COMPACT: below 1000 an integer without a unit, then one
 * decimal below 10 ("1.5K") and none above ("12M"), up to P. A negative
 * or non-finite count is 0. */
char *vd_fmt_bytes(double bytes, vd_bytes_style style, char *buf, size_t len);

#endif
