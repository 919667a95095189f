/*
 * theme.c: find and load a theme file, and turn its styles into curses
 * attributes (one colour pair per role).
 *
 * A theme name is looked up as NAME.theme in the directories of
 * vd_theme_dirs() (theme_dirs.c: the user's, the installed data dir
 * beside the executable, the source tree's, the configured one). A
 * name with a '/', or an existing file named *.theme, is a path.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ui/theme/theme.h"
#include "ui/ui_priv.h"

#define MAX_THEME_SIZE (64 * 1024)

static attr_t role_attrs[VD_ROLE_LAST];

/* The curses attributes of role. */
attr_t
vd_role_attr(vd_role role)
{
    if ((int)role < 0 || role >= VD_ROLE_LAST)
        return A_NORMAL;
    return role_attrs[role];
}

/* Read a whole (small) file; NULL with errno set on failure. */
static char *
read_file(const char *path)
{
    FILE *fp = NULL;
    char *buf = NULL;
    size_t len;

    if (!(fp = fopen(path, "r")))
        return NULL;
    if (!(buf = malloc(MAX_THEME_SIZE + 1)))
        goto cleanup;
    len = fread(buf, 1, MAX_THEME_SIZE, fp);
    if (ferror(fp)) {
        free(buf);
        buf = NULL;
        errno = EIO;
        goto cleanup;
    }
    buf[len] = '\0';

 cleanup:
    fclose(fp);
    return buf;
}

/* Whether path names a regular file. */
static bool
is_file(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Find the file of theme name into path; false when there is none. */
static bool
find_theme(const char *name, char *path, size_t len)
{
    char dirs[VD_THEME_MAX_DIRS][VD_THEME_PATH_MAX];
    size_t n = strlen(name), ndirs, i;

    /* A path: it has a '/', or it is an existing NAME.theme file. */
    if (strchr(name, '/') ||
        (n > 6 && strcmp(name + n - 6, ".theme") == 0 && is_file(name))) {
        snprintf(path, len, "%s", name);
        return is_file(path);
    }
    ndirs = vd_theme_dirs(dirs, VD_THEME_MAX_DIRS);
    for (i = 0; i < ndirs; i++) {
        snprintf(path, len, "%s/%s.theme", dirs[i], name);
        if (is_file(path))
            return true;
    }
    return false;
}

/* Load theme name over *theme; problems go to msg. */
static void
load_theme(vd_theme *theme, const char *name, char *msg, size_t msglen)
{
    char path[4096];
    char *text = NULL;
    vd_theme_diag diag;

    if (!find_theme(name, path, sizeof(path))) {
        /* The built-in themes need no file. */
        if (strcmp(name, "default") != 0 && strcmp(name, "mono") != 0)
            snprintf(msg, msglen, "theme '%s' not found; using the built-in one",
                     name);
        return;
    }
    if (!(text = read_file(path))) {
        snprintf(msg, msglen, "cannot read theme %s: %s", path, strerror(errno));
        return;
    }
    if (vd_theme_parse(theme, text, path, &diag) > 0) {
        if (diag.nerrors > 1)
            snprintf(msg, msglen, "%s (and %u more errors)", diag.first,
                     diag.nerrors - 1);
        else
            snprintf(msg, msglen, "%s", diag.first);
    }
    free(text);
}

/* xterm's palette entry n as 0xRRGGBB. */
static int
xterm_rgb(int n)
{
    static const int base[16] = {
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
        0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
        0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    };

    if (n < 16)
        return base[n];
    if (n < 232) {
        static const int level[6] = { 0, 95, 135, 175, 215, 255 };
        n -= 16;
        return level[n / 36] << 16 | level[(n / 6) % 6] << 8 | level[n % 6];
    }
    n = 8 + (n - 232) * 10;
    return n << 16 | n << 8 | n;
}

/* Map colour c onto a terminal with ncolors colours: the nearest of the
 * first ncolors palette entries. Sets *bright when a bright colour of
 * an 8-colour terminal should be shown bold instead. */
static short
fit_color(short c, int ncolors, bool *bright)
{
    int rgb, best = 0;
    long bestd = -1;
    int limit = ncolors >= 16 ? 16 : 8;

    *bright = false;
    if (c < 0 || c < ncolors)
        return c;
    if (c < 16) {
        *bright = c >= 8;
        return c - 8;
    }
    rgb = xterm_rgb(c);
    for (int i = 0; i < limit; i++) {
        int o = xterm_rgb(i);
        long dr = ((rgb >> 16) & 0xff) - ((o >> 16) & 0xff);
        long dg = ((rgb >> 8) & 0xff) - ((o >> 8) & 0xff);
        long db = (rgb & 0xff) - (o & 0xff);
        long d = dr * dr + dg * dg + db * db;

        if (bestd < 0 || d < bestd) {
            bestd = d;
            best = i;
        }
    }
    if (best >= ncolors) {
        *bright = true;
        best -= 8;
    }
    return (short)best;
}

/* Curses attributes for style attrs. */
static attr_t
curses_attrs(unsigned int attrs)
{
    attr_t a = A_NORMAL;

    if (attrs & VD_ATTR_BOLD)
        a |= A_BOLD;
    if (attrs & VD_ATTR_UNDERLINE)
        a |= A_UNDERLINE;
    if (attrs & VD_ATTR_REVERSE)
        a |= A_REVERSE;
    if (attrs & VD_ATTR_DIM)
        a |= A_DIM;
#ifdef A_ITALIC
    if (attrs & VD_ATTR_ITALIC)
        a |= A_ITALIC;
#endif
    if (attrs & VD_ATTR_STANDOUT)
        a |= A_STANDOUT;
    return a;
}

/* Set up colour pairs for theme and fill role_attrs. */
static void
apply_theme(const vd_theme *theme, bool colors)
{
    bool defaults = colors && use_default_colors() == OK;

    for (int i = 0; i < VD_ROLE_LAST; i++) {
        const vd_style *st = &theme->roles[i];
        attr_t a = curses_attrs(st->attrs);

        if (colors && i + 1 < COLOR_PAIRS) {
            bool bright_fg, bright_bg;
            short fg = fit_color(st->fg, COLORS, &bright_fg);
            short bg = fit_color(st->bg, COLORS, &bright_bg);

            if (!defaults) {
                if (fg < 0)
                    fg = COLOR_WHITE;
                if (bg < 0)
                    bg = COLOR_BLACK;
            }
            if (bright_fg)
                a |= A_BOLD;
            init_pair((short)(i + 1), fg, bg);
            a |= COLOR_PAIR(i + 1);
        }
        role_attrs[i] = a;
    }
}

/* Load the theme and compute the attributes of every role. */
void
vd_theme_setup(const char *name, char *msg, size_t msglen)
{
    vd_theme theme;
    const char *no_color = getenv("NO_COLOR");
    bool colors = has_colors() && !(no_color && *no_color);

    msg[0] = '\0';
    if (!name || !*name)
        name = "default";
    if (colors && start_color() != OK)
        colors = false;

    if (colors) {
        vd_theme_builtin(&theme, strcmp(name, "mono") == 0);
        load_theme(&theme, name, msg, msglen);
    } else {
        /* Colour themes would lose their meaning as attributes alone. */
        vd_theme_builtin(&theme, true);
        load_theme(&theme, "mono", msg, msglen);
    }
    apply_theme(&theme, colors);
}
