/*
 * console_keys.h: terminal keys (as the UI reads them: characters,
 * VD_KEY(KEY_x), control characters) turned into X keysyms for the VNC
 * console, with the modifiers to hold. Pure table code.
 */
#ifndef VD_UI_CONSOLE_KEYS_H
#define VD_UI_CONSOLE_KEYS_H

#include <stdbool.h>
#include <stdint.h>

/* X keysyms used by the console. */
enum {
    VD_XK_BACKSPACE = 0xff08,
    VD_XK_TAB = 0xff09,
    VD_XK_RETURN = 0xff0d,
    VD_XK_ESCAPE = 0xff1b,
    VD_XK_HOME = 0xff50,
    VD_XK_LEFT = 0xff51,
    VD_XK_UP = 0xff52,
    VD_XK_RIGHT = 0xff53,
    VD_XK_DOWN = 0xff54,
    VD_XK_PAGE_UP = 0xff55,
    VD_XK_PAGE_DOWN = 0xff56,
    VD_XK_END = 0xff57,
    VD_XK_INSERT = 0xff63,
    VD_XK_F1 = 0xffbe,          /* F1..F12 follow */
    VD_XK_SHIFT_L = 0xffe1,
    VD_XK_CONTROL_L = 0xffe3,
    VD_XK_ALT_L = 0xffe9,
    VD_XK_SUPER_L = 0xffeb,
    VD_XK_DELETE = 0xffff,
    VD_XK_SYS_REQ = 0xff15,
};

/* Up to 3 modifiers and the key, pressed in order, released in reverse. */
typedef struct vd_keysyms {
    uint32_t syms[4];
    int n;                      /* 0: no mapping */
} vd_keysyms;

/* The keysyms for a UI key code; n == 0 when it has none. Function
 * keys with modifiers that curses only knows by their terminfo name
 * (xterm's kUP3 = Alt+Up, ...) are mapped by that name. */
vd_keysyms vd_console_keysyms(int key);

/* Alt+key: Alt_L held around key's own keysyms; n == 0 when key has
 * none. */
vd_keysyms vd_console_alt_keysyms(int key);

/* What an Esc read from the terminal means. A terminal sends Alt+key
 * as Esc then key, and curses hands the two over separately, the second
 * at once (within ESCDELAY); a lone Esc has nothing right behind it.
 * next is the key that was waiting right after the Esc, or -1 when none
 * was. Sets *out to Alt_L + next's keysyms and returns true (next is
 * used up), or to Escape and returns false: a lone Esc, or next is a
 * mouse or resize event or has no keysym, and the caller handles next
 * on its own. */
bool vd_console_esc_keysyms(int next, vd_keysyms *out);

/* A modified cursor or editing key by its terminfo name, as curses'
 * keyname() gives it for keys beyond KEY_MAX: "kUP3" is Alt+Up (the
 * digit is xterm's modifier code: 2 Shift, 3 Alt, 5 Ctrl, and their
 * sums + 1). n == 0 for any other name. */
vd_keysyms vd_console_named_keysyms(const char *name);

#endif
