/*
 * xt_keys.h: X keysyms (what the console's key mapping produces) turned
 * into PC XT (set 1) scancodes, as SPICE's inputs channel takes them.
 * Pure table code.
 */
#ifndef VD_CONSOLE_XT_KEYS_H
#define VD_CONSOLE_XT_KEYS_H

#include <stdbool.h>
#include <stdint.h>

/* Scancodes of the modifiers the mapping may add. */
enum {
    VD_XT_LSHIFT = 0x2a,
};

/* The scancode of keysym (0xe0-prefixed keys as 0x100 | code, the form
 * spice_inputs_channel_key_press() takes), and in *shift whether Shift
 * must be held to get it on a US layout ('A', '!', ...). Returns 0 for
 * a keysym without a key. */
unsigned int vd_xt_from_keysym(uint32_t keysym, bool *shift);

#endif
