/*
 * term_colors.c: curses pairs for guest colours (see term_colors.h).
 */
#include <stdlib.h>
#include <string.h>

#include "console/render.h"
#include "ui/widgets/term_colors.h"
#include "ui/widgets/term_image.h"
#include "ui/theme/theme.h"

#define CACHE_SIZE 4096         /* a power of two, > the pairs we use */
#define FIRST_PAIR (VD_ROLE_LAST + 16)

typedef struct pair_slot {
    int fg, bg;                 /* curses colour numbers */
    int pair;                   /* 0: free */
} pair_slot;

static pair_slot cache[CACHE_SIZE];
static int next_pair = FIRST_PAIR;

/* The depth guest colours are drawn with. */
int
vd_term_colors_depth(void)
{
    const char *no_color = getenv("NO_COLOR");
    vd_color_mode m;

    if (!has_colors() || (no_color && *no_color) || COLORS < 8 ||
        COLOR_PAIRS <= FIRST_PAIR + 8)
        return 0;
    m = vd_term_color_mode();
    if (m == VD_COLOR_ASCII)
        return 0;
    if (m == VD_COLOR_TRUE && COLORS >= VD_TERM_DIRECT)
        return VD_TERM_DIRECT;
    if ((m == VD_COLOR_TRUE || m == VD_COLOR_256) && COLORS >= 256)
        return 256;
    return COLORS >= 16 ? 16 : 8;
}

/* A 16-colour index at depth 8 or 16. */
static int
fit16(int depth, int idx, bool *bright)
{
    if (depth >= 16)
        return idx;
    *bright = idx >= 8;
    return idx & 7;
}

/* A colour's curses number; see term_colors.h. */
int
vd_term_colors_number(int depth, const vd_sterm_color *c, bool *bright)
{
    *bright = false;
    switch (c->kind) {
    case VD_STERM_COLOR_INDEXED:
        if (depth == VD_TERM_DIRECT)
            return c->idx < 8 ? c->idx : (c->r << 16) | (c->g << 8) | c->b;
        if (c->idx < 16)
            return fit16(depth, c->idx, bright);
        if (depth >= 256)
            return c->idx;
        return fit16(depth, vd_render_to_16(c->r, c->g, c->b), bright);
    case VD_STERM_COLOR_RGB:
        if (depth == VD_TERM_DIRECT)
            return (c->r << 16) | (c->g << 8) | c->b;
        if (depth >= 256)
            return vd_render_to_256(c->r, c->g, c->b);
        return fit16(depth, vd_render_to_16(c->r, c->g, c->b), bright);
    default:
        return -1;
    }
}

/* The theme's colours of normal text (-1: the terminal's default). */
static void
theme_defaults(int *fg, int *bg)
{
    int pair = PAIR_NUMBER(vd_role_attr(VD_ROLE_NORMAL));

    *fg = *bg = -1;
    if (pair > 0 && extended_pair_content(pair, fg, bg) != OK)
        *fg = *bg = -1;
}

/* A pair for fg/bg; see term_colors.h. */
int
vd_term_colors_pair(int depth, const vd_sterm_color *fg,
                    const vd_sterm_color *bg, attr_t *extra)
{
    int f, b, dfg, dbg, limit;
    bool bf, bb;
    unsigned int h, i;

    *extra = 0;
    if (!depth)
        return 0;
    f = vd_term_colors_number(depth, fg, &bf);
    b = vd_term_colors_number(depth, bg, &bb);
    if (bf)
        *extra |= A_BOLD;       /* a bright background cannot be had at 8 */
    (void)bb;
    if (f < 0 || b < 0) {
        theme_defaults(&dfg, &dbg);
        if (f < 0)
            f = dfg;
        if (b < 0)
            b = dbg;
    }
    h = ((unsigned int)f * 2654435761u) ^ ((unsigned int)b * 40503u);
    for (i = 0; i < CACHE_SIZE; i++) {
        pair_slot *s = &cache[(h + i) & (CACHE_SIZE - 1)];

        if (s->pair && s->fg == f && s->bg == b)
            return s->pair;
        if (!s->pair)
            break;
    }
    limit = COLOR_PAIRS < FIRST_PAIR + CACHE_SIZE / 2 ? COLOR_PAIRS
        : FIRST_PAIR + CACHE_SIZE / 2;
    if (next_pair >= limit) {
        /* used up: start over */
        memset(cache, 0, sizeof(cache));
        next_pair = FIRST_PAIR;
    }
    if (init_extended_pair(next_pair, f, b) != OK)
        return 0;
    for (i = 0; i < CACHE_SIZE; i++) {
        pair_slot *s = &cache[(h + i) & (CACHE_SIZE - 1)];

        if (!s->pair) {
            s->fg = f;
            s->bg = b;
            s->pair = next_pair;
            break;
        }
    }
    return next_pair++;
}
