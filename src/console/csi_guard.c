/*
 * csi_guard.c: keep libvterm 0.1.4 away from the guest output that
 * corrupts its memory (see csi_guard.h).
 */
#include "console/csi_guard.h"

#define ARG_CAP 100000ul        /* larger numbers stay at this */

enum {
    GUARD_TEXT = 0,
    GUARD_ESC,                  /* after ESC (and any intermediates) */
    GUARD_CSI,                  /* after ESC [, before the final byte */
    GUARD_STRING,               /* in an OSC, DCS, APC, PM or SOS string */
};

/* A CSI sequence ended with final byte c: note a scroll region. */
static void
csi_done(vd_csi_guard *g, unsigned char c)
{
    if (c != 'r' || g->other)
        return;
    g->region_top = g->arg[0] ? g->arg[0] : 1;
    g->region_bottom = g->arg[1];
    if (g->region_top == 1 && g->region_bottom == 0)
        g->region_top = 0;      /* "ESC [ r": the whole screen again */
}

/* Filter a chunk of the stream; see csi_guard.h. */
size_t
vd_csi_guard_filter(vd_csi_guard *g, const char *in, size_t len, char *out)
{
    size_t i, o = 0;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];

        /* C0 controls act inside sequences without ending them, as in
         * libvterm; ESC starts a new one, CAN and SUB cancel it */
        if (c == 0x1b) {
            g->state = GUARD_ESC;
            g->other = false;
        } else if (c == 0x18 || c == 0x1a) {
            g->state = GUARD_TEXT;
        } else if (c == 0x07 && g->state == GUARD_STRING) {
            g->state = GUARD_TEXT;      /* BEL ends an OSC */
        } else if (c < 0x20) {
            /* no change */
        } else if (g->state == GUARD_ESC) {
            if (c >= 0x7f) {
                /* libvterm ignores these after ESC and stays there */
            } else if (c == '[') {
                /* libvterm drops intermediates before '[': "ESC SP [5r"
                 * is DECSTBM too (found by fuzz_serial) */
                g->state = GUARD_CSI;
                g->seps = 0;
                g->arg[0] = g->arg[1] = 0;
                g->other = false;
            } else if (c <= 0x2f) {
                g->other = true;        /* an intermediate byte */
            } else if (!g->other && (c == ']' || c == 'P' || c == '_' ||
                                     c == '^' || c == 'X')) {
                /* a string up to ST (ESC \) or BEL: not printed, so no
                 * character for a REP to repeat */
                g->state = GUARD_STRING;
            } else {
                if (c == 'c' && !g->other) {
                    vd_csi_guard_region_reset(g);   /* RIS: full reset */
                    g->rep_ok = false;
                }
                g->state = GUARD_TEXT;
            }
        } else if (g->state == GUARD_CSI) {
            if (c == ';' || c == ':') {
                if (g->seps >= VD_CSI_GUARD_MAX_SEPS)
                    continue;           /* the one libvterm would overflow on */
                g->seps++;
            } else if (c >= '0' && c <= '9') {
                if (g->seps < 2) {
                    unsigned long *a = &g->arg[g->seps];

                    *a = *a * 10 + (c - '0');
                    if (*a > ARG_CAP)
                        *a = ARG_CAP;
                }
            } else if (c >= 0x40 && c <= 0x7e) {
                g->state = GUARD_TEXT;  /* the final byte */
                csi_done(g, c);
                if (c == 'b' && !g->rep_ok)
                    c = 0x18;           /* REP with nothing to repeat: CAN */
            } else {
                g->other = true;        /* a leader or intermediate byte */
            }
        } else if (g->state == GUARD_TEXT) {
            g->rep_ok = c < 0x7f;       /* text: ASCII, or part of UTF-8 */
        }
        out[o++] = (char)c;
    }
    return o;
}

/* Whether the region does not fit; see csi_guard.h. */
bool
vd_csi_guard_region_outside(const vd_csi_guard *g, int rows)
{
    if (!g->region_top)
        return false;
    return rows < 1 || g->region_top >= (unsigned long)rows ||
           g->region_bottom > (unsigned long)rows;
}

/* Forget the region. */
void
vd_csi_guard_region_reset(vd_csi_guard *g)
{
    g->region_top = 0;
    g->region_bottom = 0;
}
