/*
 * xt_keys.c: keysyms -> XT scancodes (see xt_keys.h). US layout: the
 * guest turns scancodes into characters with its own keymap.
 */
#include <stddef.h>

#include "console/xt_keys.h"

/* Printable ASCII 0x20..0x7e: scancode, and 1 when Shift is needed. */
static const unsigned char ascii_codes[95][2] = {
    { 0x39, 0 }, { 0x02, 1 }, { 0x28, 1 }, { 0x04, 1 },     /* space ! " # */
    { 0x05, 1 }, { 0x06, 1 }, { 0x08, 1 }, { 0x28, 0 },     /* $ % & ' */
    { 0x0a, 1 }, { 0x0b, 1 }, { 0x09, 1 }, { 0x0d, 1 },     /* ( ) * + */
    { 0x33, 0 }, { 0x0c, 0 }, { 0x34, 0 }, { 0x35, 0 },     /* , - . / */
    { 0x0b, 0 }, { 0x02, 0 }, { 0x03, 0 }, { 0x04, 0 },     /* 0 1 2 3 */
    { 0x05, 0 }, { 0x06, 0 }, { 0x07, 0 }, { 0x08, 0 },     /* 4 5 6 7 */
    { 0x09, 0 }, { 0x0a, 0 }, { 0x27, 1 }, { 0x27, 0 },     /* 8 9 : ; */
    { 0x33, 1 }, { 0x0d, 0 }, { 0x34, 1 }, { 0x35, 1 },     /* < = > ? */
    { 0x03, 1 },                                            /* @ */
    { 0x1e, 1 }, { 0x30, 1 }, { 0x2e, 1 }, { 0x20, 1 },     /* A B C D */
    { 0x12, 1 }, { 0x21, 1 }, { 0x22, 1 }, { 0x23, 1 },     /* E F G H */
    { 0x17, 1 }, { 0x24, 1 }, { 0x25, 1 }, { 0x26, 1 },     /* I J K L */
    { 0x32, 1 }, { 0x31, 1 }, { 0x18, 1 }, { 0x19, 1 },     /* M N O P */
    { 0x10, 1 }, { 0x13, 1 }, { 0x1f, 1 }, { 0x14, 1 },     /* Q R S T */
    { 0x16, 1 }, { 0x2f, 1 }, { 0x11, 1 }, { 0x2d, 1 },     /* U V W X */
    { 0x15, 1 }, { 0x2c, 1 },                               /* Y Z */
    { 0x1a, 0 }, { 0x2b, 0 }, { 0x1b, 0 }, { 0x07, 1 },     /* [ \ ] ^ */
    { 0x0c, 1 }, { 0x29, 0 },                               /* _ ` */
    { 0x1e, 0 }, { 0x30, 0 }, { 0x2e, 0 }, { 0x20, 0 },     /* a b c d */
    { 0x12, 0 }, { 0x21, 0 }, { 0x22, 0 }, { 0x23, 0 },     /* e f g h */
    { 0x17, 0 }, { 0x24, 0 }, { 0x25, 0 }, { 0x26, 0 },     /* i j k l */
    { 0x32, 0 }, { 0x31, 0 }, { 0x18, 0 }, { 0x19, 0 },     /* m n o p */
    { 0x10, 0 }, { 0x13, 0 }, { 0x1f, 0 }, { 0x14, 0 },     /* q r s t */
    { 0x16, 0 }, { 0x2f, 0 }, { 0x11, 0 }, { 0x2d, 0 },     /* u v w x */
    { 0x15, 0 }, { 0x2c, 0 },                               /* y z */
    { 0x1a, 1 }, { 0x2b, 1 }, { 0x1b, 1 }, { 0x29, 1 },     /* { | } ~ */
};

/* Function and editing keysyms (0xff00..0xffff). */
static const struct {
    uint32_t sym;
    unsigned int code;
} special[] = {
    { 0xff08, 0x0e },           /* BackSpace */
    { 0xff09, 0x0f },           /* Tab */
    { 0xff0d, 0x1c },           /* Return */
    { 0xff13, 0x45 },           /* Pause (its make code without the E1 part) */
    { 0xff14, 0x46 },           /* Scroll_Lock */
    { 0xff15, 0x54 },           /* Sys_Req (Alt+Print) */
    { 0xff1b, 0x01 },           /* Escape */
    { 0xff50, 0x147 },          /* Home */
    { 0xff51, 0x14b },          /* Left */
    { 0xff52, 0x148 },          /* Up */
    { 0xff53, 0x14d },          /* Right */
    { 0xff54, 0x150 },          /* Down */
    { 0xff55, 0x149 },          /* Page_Up */
    { 0xff56, 0x151 },          /* Page_Down */
    { 0xff57, 0x14f },          /* End */
    { 0xff61, 0x137 },          /* Print */
    { 0xff63, 0x152 },          /* Insert */
    { 0xff67, 0x15d },          /* Menu */
    { 0xff7f, 0x45 },           /* Num_Lock */
    { 0xff8d, 0x11c },          /* KP_Enter */
    { 0xffe1, 0x2a },           /* Shift_L */
    { 0xffe2, 0x36 },           /* Shift_R */
    { 0xffe3, 0x1d },           /* Control_L */
    { 0xffe4, 0x11d },          /* Control_R */
    { 0xffe5, 0x3a },           /* Caps_Lock */
    { 0xffe9, 0x38 },           /* Alt_L */
    { 0xffea, 0x138 },          /* Alt_R */
    { 0xffeb, 0x15b },          /* Super_L */
    { 0xffec, 0x15c },          /* Super_R */
    { 0xffff, 0x153 },          /* Delete */
};

/* See xt_keys.h. */
unsigned int
vd_xt_from_keysym(uint32_t keysym, bool *shift)
{
    size_t i;

    *shift = false;
    if (keysym >= 0x20 && keysym <= 0x7e) {
        *shift = ascii_codes[keysym - 0x20][1];
        return ascii_codes[keysym - 0x20][0];
    }
    if (keysym >= 0xffbe && keysym <= 0xffc7)       /* F1..F10 */
        return 0x3b + (keysym - 0xffbe);
    if (keysym == 0xffc8 || keysym == 0xffc9)       /* F11, F12 */
        return 0x57 + (keysym - 0xffc8);
    for (i = 0; i < sizeof(special) / sizeof(special[0]); i++)
        if (special[i].sym == keysym)
            return special[i].code;
    return 0;
}
