/*
 * console_keys.c: terminal keys -> X keysyms (see console_keys.h).
 */
#include <curses.h>

#include "ui/console_keys.h"
#include "ui/ui_priv.h"

/* Function keys of curses and their keysyms. */
static const struct {
    int key;                    /* curses KEY_* */
    uint32_t sym;
    uint32_t mod;               /* modifier to hold, or 0 */
} special[] = {
    { KEY_UP, VD_XK_UP, 0 },
    { KEY_DOWN, VD_XK_DOWN, 0 },
    { KEY_LEFT, VD_XK_LEFT, 0 },
    { KEY_RIGHT, VD_XK_RIGHT, 0 },
    { KEY_HOME, VD_XK_HOME, 0 },
    { KEY_END, VD_XK_END, 0 },
    { KEY_PPAGE, VD_XK_PAGE_UP, 0 },
    { KEY_NPAGE, VD_XK_PAGE_DOWN, 0 },
    { KEY_IC, VD_XK_INSERT, 0 },
    { KEY_DC, VD_XK_DELETE, 0 },
    { KEY_BACKSPACE, VD_XK_BACKSPACE, 0 },
    { KEY_ENTER, VD_XK_RETURN, 0 },
    { KEY_BTAB, VD_XK_TAB, VD_XK_SHIFT_L },
    { KEY_SLEFT, VD_XK_LEFT, VD_XK_SHIFT_L },
    { KEY_SRIGHT, VD_XK_RIGHT, VD_XK_SHIFT_L },
    { KEY_SR, VD_XK_UP, VD_XK_SHIFT_L },
    { KEY_SF, VD_XK_DOWN, VD_XK_SHIFT_L },
    { KEY_SHOME, VD_XK_HOME, VD_XK_SHIFT_L },
    { KEY_SEND, VD_XK_END, VD_XK_SHIFT_L },
    { KEY_SDC, VD_XK_DELETE, VD_XK_SHIFT_L },
};

/* Control characters with a key of their own. */
static const struct {
    int ch;
    uint32_t sym;
} controls[] = {
    { '\r', VD_XK_RETURN },
    { '\n', VD_XK_RETURN },
    { '\t', VD_XK_TAB },
    { 0x08, VD_XK_BACKSPACE },
    { 0x7f, VD_XK_BACKSPACE },
    { 0x1b, VD_XK_ESCAPE },
};

/* The keysyms for key. */
vd_keysyms
vd_console_keysyms(int key)
{
    vd_keysyms k = { { 0 }, 0 };
    size_t i;

    if (key & VD_KEYFN) {
        int code = key & ~VD_KEYFN;

        if (code >= KEY_F(1) && code <= KEY_F(12)) {
            k.syms[k.n++] = VD_XK_F1 + (uint32_t)(code - KEY_F(1));
            return k;
        }
        if (code >= KEY_F(13) && code <= KEY_F(24)) {   /* Shift+F1..F12 */
            k.syms[k.n++] = VD_XK_SHIFT_L;
            k.syms[k.n++] = VD_XK_F1 + (uint32_t)(code - KEY_F(13));
            return k;
        }
        if (code >= KEY_F(25) && code <= KEY_F(36)) {   /* Ctrl+F1..F12 */
            k.syms[k.n++] = VD_XK_CONTROL_L;
            k.syms[k.n++] = VD_XK_F1 + (uint32_t)(code - KEY_F(25));
            return k;
        }
        for (i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
            if (special[i].key == code) {
                if (special[i].mod)
                    k.syms[k.n++] = special[i].mod;
                k.syms[k.n++] = special[i].sym;
                return k;
            }
        }
        return k;
    }
    for (i = 0; i < sizeof(controls) / sizeof(controls[0]); i++) {
        if (controls[i].ch == key) {
            k.syms[k.n++] = controls[i].sym;
            return k;
        }
    }
    if (key == 0) {                                     /* Ctrl+Space */
        k.syms[k.n++] = VD_XK_CONTROL_L;
        k.syms[k.n++] = ' ';
    } else if (key >= 1 && key <= 26) {                 /* Ctrl+letter */
        k.syms[k.n++] = VD_XK_CONTROL_L;
        k.syms[k.n++] = (uint32_t)('a' + key - 1);
    } else if (key >= 27 && key <= 31) {                /* Ctrl+[ \ ] ^ _ */
        k.syms[k.n++] = VD_XK_CONTROL_L;
        k.syms[k.n++] = (uint32_t)("[\\]^_"[key - 27]);
    } else if (key >= 0x20 && key < 0x7f) {
        k.syms[k.n++] = (uint32_t)key;
    } else if (key >= 0xa0 && key <= 0xff) {
        k.syms[k.n++] = (uint32_t)key;                  /* Latin-1 */
    } else if (key > 0xff && key < 0x110000) {
        k.syms[k.n++] = 0x01000000u | (uint32_t)key;    /* Unicode keysym */
    }
    return k;
}
