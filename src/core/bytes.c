/*
 * bytes.c: byte counts as text (bytes.h), the one formatter the core,
 * the UI and the command line use.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "virtdeck/bytes.h"

/* One formatter, two styles: see bytes.h. */
char *
vd_fmt_bytes(double bytes, vd_bytes_style style, char *buf, size_t len)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
    static const char letters[] = "BKMGTP";
    const int last = (int)(sizeof(units) / sizeof(units[0])) - 1;
    bool compact = style == VD_BYTES_COMPACT;
    /* the compact style changes unit at 1000 so that it stays 4 wide */
    double step_at = compact ? 1000 : 1024;
    double decimal_below = compact ? 9.95 : 99.95;
    double v = bytes;
    int u = 0;

    if (!buf || len == 0)
        return buf;
    if (!(v >= 0) || !isfinite(v))
        v = 0;
    while (v >= step_at && u < last) {
        v /= 1024;
        u++;
    }
    if (u == 0 && compact)
        snprintf(buf, len, "%.0f", v);
    else if (u == 0)
        snprintf(buf, len, "%llu B", (unsigned long long)v);   /* whole bytes */
    else if (compact)
        snprintf(buf, len, v < decimal_below ? "%.1f%c" : "%.0f%c", v, letters[u]);
    else
        snprintf(buf, len, v < decimal_below ? "%.1f %s" : "%.0f %s", v, units[u]);
    return buf;
}
