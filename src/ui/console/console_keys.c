/*
 * console_keys.c: terminal keys -> X keysyms (see console_keys.h).
 */
#include <curses.h>
#include <string.h>

#include "ui/console/console_keys.h"
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

/* Cursor and editing keys by the stem of their terminfo name. */
static const struct {
    const char *stem;
    uint32_t sym;
} named[] = {
    { "kUP", VD_XK_UP },
    { "kDN", VD_XK_DOWN },
    { "kLFT", VD_XK_LEFT },
    { "kRIT", VD_XK_RIGHT },
    { "kHOM", VD_XK_HOME },
    { "kEND", VD_XK_END },
    { "kPRV", VD_XK_PAGE_UP },
    { "kNXT", VD_XK_PAGE_DOWN },
    { "kDC", VD_XK_DELETE },
    { "kIC", VD_XK_INSERT },
};

/* Append the modifiers of xterm's modifier code mod (2..8) to k. */
static void
add_modifiers(vd_keysyms *k, int mod)
{
    int bits = mod - 1;

    if (bits & 4)
        k->syms[k->n++] = VD_XK_CONTROL_L;
    if (bits & 2)
        k->syms[k->n++] = VD_XK_ALT_L;
    if (bits & 1)
        k->syms[k->n++] = VD_XK_SHIFT_L;
}

/* A modified key by its terminfo name. */
vd_keysyms
vd_console_named_keysyms(const char *name)
{
    vd_keysyms k = { { 0 }, 0 };
    size_t i, len;

    if (!name)
        return k;
    for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
        len = strlen(named[i].stem);
        if (strncmp(name, named[i].stem, len) != 0)
            continue;
        if (name[len] < '2' || name[len] > '8' || name[len + 1] != '\0')
            return k;
        add_modifiers(&k, name[len] - '0');
        k.syms[k.n++] = named[i].sym;
        return k;
    }
    return k;
}

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
        if (code >= KEY_F(37) && code <= KEY_F(48)) {   /* Ctrl+Shift+F1..F12 */
            add_modifiers(&k, 6);
            k.syms[k.n++] = VD_XK_F1 + (uint32_t)(code - KEY_F(37));
            return k;
        }
        if (code >= KEY_F(49) && code <= KEY_F(60)) {   /* Alt+F1..F12 (xterm) */
            k.syms[k.n++] = VD_XK_ALT_L;
            k.syms[k.n++] = VD_XK_F1 + (uint32_t)(code - KEY_F(49));
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
        if (code > KEY_MAX)             /* kUP3 and friends */
            return vd_console_named_keysyms(keyname(code));
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

/* Alt+key. */
vd_keysyms
vd_console_alt_keysyms(int key)
{
    vd_keysyms k = vd_console_keysyms(key), a = { { 0 }, 0 };
    int i;

    if (!k.n || k.n >= 4)
        return a;
    if (k.syms[0] == VD_XK_ALT_L || (k.n > 1 && k.syms[1] == VD_XK_ALT_L))
        return k;                       /* already held (Alt+F4 as kf52) */
    a.syms[a.n++] = VD_XK_ALT_L;
    for (i = 0; i < k.n; i++)
        a.syms[a.n++] = k.syms[i];
    return a;
}

/* Esc, then next (or -1). */
bool
vd_console_esc_keysyms(int next, vd_keysyms *out)
{
    if (next >= 0 && next != VD_KEY(KEY_MOUSE) && next != VD_KEY(KEY_RESIZE)) {
        *out = vd_console_alt_keysyms(next);
        if (out->n)
            return true;
    }
    *out = vd_console_keysyms(27);
    return false;
}
