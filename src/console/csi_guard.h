/*
 * csi_guard.h: a filter in front of libvterm for the guest's serial
 * output, against three bugs of libvterm 0.1.4 (Debian 12), all found by
 * tests/fuzz/fuzz_serial:
 *
 * - it stores a CSI sequence's parameters in a fixed array of 16
 *   without checking the count: "ESC [ 38 ; ; ; ... m" with more than
 *   15 separators writes past it and corrupts the parser. The guard
 *   drops every separator (';' or ':') past the 15th, which is what
 *   later libvterm versions do; nothing else in the stream changes.
 * - it keeps the scroll region (DECSTBM, "ESC [ top ; bottom r") when
 *   the screen shrinks below it, and then scrolls rows that no longer
 *   exist. The guard remembers the last region the guest set, so that
 *   the terminal can reset it before shrinking the screen (serial_term.c).
 * - REP ("ESC [ n b", repeat the last character) loops forever when no
 *   character of positive width came before it. The guard turns a REP
 *   that does not follow a printable ASCII character into CAN, which
 *   cancels the sequence (xterm ignores such a REP too). Strings (OSC,
 *   DCS, ... up to ST or BEL) print nothing and are followed as such.
 *
 * Sequences may be split anywhere between calls. Pure: no libvterm, no
 * allocation.
 */
#ifndef VD_CONSOLE_CSI_GUARD_H
#define VD_CONSOLE_CSI_GUARD_H

#include <stdbool.h>
#include <stddef.h>

/* Separators libvterm 0.1.4 takes safely: its array holds 16 arguments. */
#define VD_CSI_GUARD_MAX_SEPS 15

typedef struct vd_csi_guard {
    /* all private; a zeroed guard is the start of a stream */
    int state;                  /* text, after ESC, in a CSI */
    unsigned int seps;          /* separators of this CSI so far */
    unsigned long arg[2];       /* its first two numbers (0: missing) */
    bool other;                 /* it has a leader or intermediate bytes */
    unsigned long region_top;   /* the last DECSTBM set (0: none) */
    unsigned long region_bottom;    /* its bottom row, 0: the screen's */
    bool rep_ok;                /* the last character printed was ASCII */
} vd_csi_guard;

/* Copy in[0..len) to out (which may be in itself), dropping separators
 * past the limit; returns the bytes written (at most len). */
size_t vd_csi_guard_filter(vd_csi_guard *g, const char *in, size_t len,
                           char *out);

/* True when the scroll region the guest set does not fit in a screen of
 * rows rows: reset it ("ESC [ r") before shrinking the screen. */
bool vd_csi_guard_region_outside(const vd_csi_guard *g, int rows);

/* Forget the scroll region (after resetting it). */
void vd_csi_guard_region_reset(vd_csi_guard *g);

#endif
