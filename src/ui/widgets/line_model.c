/*
 * line_model.c: UTF-8 line editing with a character cursor (no curses).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/widgets/line_model.h"

/* Make room for extra more bytes; false when out of memory. */
static bool
grow(vd_line *l, size_t extra)
{
    size_t need = l->len + extra + 1;
    char *nb;

    if (need <= l->cap)
        return true;
    if (need < l->cap * 2)
        need = l->cap * 2;
    if (need < 32)
        need = 32;
    if (!(nb = realloc(l->buf, need)))
        return false;
    l->buf = nb;
    l->cap = need;
    return true;
}

/* Start with text. */
void
vd_line_init(vd_line *l, const char *text)
{
    memset(l, 0, sizeof(*l));
    vd_line_set(l, text);
}

/* Free the buffer. */
void
vd_line_free(vd_line *l)
{
    free(l->buf);
    memset(l, 0, sizeof(*l));
}

/* Replace the text. */
void
vd_line_set(vd_line *l, const char *text)
{
    size_t n = text ? strlen(text) : 0;

    l->len = 0;
    if (!grow(l, n)) {
        l->cur = 0;
        return;
    }
    if (n)
        memcpy(l->buf, text, n);
    l->len = n;
    l->buf[n] = '\0';
    l->cur = n;
    l->scroll = 0;
}

/* Length in bytes of the character at p (1 for invalid bytes). */
static size_t
char_len(const char *p, size_t left)
{
    mbstate_t st;
    size_t r;

    if (left == 0)
        return 0;
    memset(&st, 0, sizeof(st));
    r = mbrlen(p, left, &st);
    if (r == (size_t)-1 || r == (size_t)-2 || r == 0)
        return 1;
    return r;
}

/* Offset of the character boundary after off. */
size_t
vd_line_next(const vd_line *l, size_t off)
{
    if (off >= l->len)
        return l->len;
    return off + char_len(l->buf + off, l->len - off);
}

/* Offset of the character boundary before off. */
static size_t
prev_char(const vd_line *l, size_t off)
{
    size_t p = 0, last = 0;

    while (p < off) {
        last = p;
        p = vd_line_next(l, p);
    }
    return last;
}

/* Insert a character. */
bool
vd_line_insert(vd_line *l, int ch)
{
    char enc[MB_LEN_MAX];
    mbstate_t st;
    size_t n;

    /* a key code (VD_KEY()) lies above the last code point */
    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch > 0x10ffff)
        return false;
    memset(&st, 0, sizeof(st));
    n = wcrtomb(enc, (wchar_t)ch, &st);
    if (n == (size_t)-1 || n == 0)
        return false;
    if (!grow(l, n))
        return false;
    memmove(l->buf + l->cur + n, l->buf + l->cur, l->len - l->cur + 1);
    memcpy(l->buf + l->cur, enc, n);
    l->len += n;
    l->cur += n;
    return true;
}

/* Delete bytes [from, to). */
static void
cut(vd_line *l, size_t from, size_t to)
{
    if (to <= from)
        return;
    memmove(l->buf + from, l->buf + to, l->len - to + 1);
    l->len -= to - from;
    l->cur = from;
}

/* Apply an editing operation. */
vd_line_res
vd_line_edit(vd_line *l, vd_line_op op)
{
    size_t p;

    if (!l->buf)
        vd_line_set(l, "");
    switch (op) {
    case VD_EDIT_LEFT:
        l->cur = prev_char(l, l->cur);
        return VD_LINE_MOVED;
    case VD_EDIT_RIGHT:
        l->cur = vd_line_next(l, l->cur);
        return VD_LINE_MOVED;
    case VD_EDIT_HOME:
        l->cur = 0;
        return VD_LINE_MOVED;
    case VD_EDIT_END:
        l->cur = l->len;
        return VD_LINE_MOVED;
    case VD_EDIT_BACKSPACE:
        if (l->cur == 0)
            return VD_LINE_MOVED;
        cut(l, prev_char(l, l->cur), l->cur);
        return VD_LINE_CHANGED;
    case VD_EDIT_DELETE:
        if (l->cur >= l->len)
            return VD_LINE_MOVED;
        cut(l, l->cur, vd_line_next(l, l->cur));
        return VD_LINE_CHANGED;
    case VD_EDIT_KILL_START:
        if (l->cur == 0)
            return VD_LINE_MOVED;
        cut(l, 0, l->cur);
        return VD_LINE_CHANGED;
    case VD_EDIT_KILL_END:
        if (l->cur >= l->len)
            return VD_LINE_MOVED;
        l->buf[l->cur] = '\0';
        l->len = l->cur;
        return VD_LINE_CHANGED;
    case VD_EDIT_KILL_WORD:
        /* The word before the cursor, and the blanks after it. */
        p = l->cur;
        while (p > 0 && l->buf[p - 1] == ' ')
            p--;
        while (p > 0 && l->buf[p - 1] != ' ')
            p = prev_char(l, p);
        if (p == l->cur)
            return VD_LINE_MOVED;
        cut(l, p, l->cur);
        return VD_LINE_CHANGED;
    }
    return VD_LINE_IGNORED;
}

/* Number of characters. */
size_t
vd_line_chars(const vd_line *l)
{
    size_t n = 0;

    for (size_t p = 0; p < l->len; p = vd_line_next(l, p))
        n++;
    return n;
}
