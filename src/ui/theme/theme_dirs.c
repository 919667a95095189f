/*
 * theme_dirs.c: where theme files are looked up, in order, and the
 * names of the themes found there (for shell completion). No curses.
 *
 *   1. $XDG_CONFIG_HOME/virtdeck/themes (or ~/.config/virtdeck/themes)
 *   2. the installed data dir found from the running executable
 *      (BINDIR/VD_REL_THEMEDIR: ../share/virtdeck/themes), so a tree
 *      installed under any prefix or unpacked anywhere finds its own
 *   3. the source tree's themes/ (VD_SRC_THEMEDIR, for running from a
 *      build directory; left out of packaged builds)
 *   4. the configured VD_THEMEDIR
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/theme/theme.h"

#ifndef VD_THEMEDIR
# define VD_THEMEDIR "/usr/share/virtdeck/themes"
#endif
#ifndef VD_REL_THEMEDIR
# define VD_REL_THEMEDIR "../share/virtdeck/themes"
#endif

/* The theme directories, in lookup order. */
size_t
vd_theme_dirs(char dirs[][VD_THEME_PATH_MAX], size_t max)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char exe[VD_THEME_PATH_MAX - 64];
    ssize_t len;
    size_t n = 0;

    if (n < max && xdg && *xdg)
        snprintf(dirs[n++], VD_THEME_PATH_MAX, "%s/virtdeck/themes", xdg);
    else if (n < max && home && *home)
        snprintf(dirs[n++], VD_THEME_PATH_MAX, "%s/.config/virtdeck/themes", home);
    len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (len > 0 && n < max) {
        char *slash;

        exe[len] = '\0';
        if ((slash = strrchr(exe, '/'))) {
            *slash = '\0';
            snprintf(dirs[n++], VD_THEME_PATH_MAX, "%s/%s", exe, VD_REL_THEMEDIR);
        }
    }
#ifdef VD_SRC_THEMEDIR
    if (n < max)
        snprintf(dirs[n++], VD_THEME_PATH_MAX, "%s", VD_SRC_THEMEDIR);
#endif
    if (n < max)
        snprintf(dirs[n++], VD_THEME_PATH_MAX, "%s", VD_THEMEDIR);
    return n;
}

/* Call cb with the name of each theme file found, once per name. */
void
vd_theme_list(void (*cb)(const char *name, void *opaque), void *opaque)
{
    char dirs[VD_THEME_MAX_DIRS][VD_THEME_PATH_MAX];
    char seen[4096] = " ";
    size_t n = vd_theme_dirs(dirs, VD_THEME_MAX_DIRS), i;

    for (i = 0; i < n; i++) {
        DIR *d = opendir(dirs[i]);
        struct dirent *e;

        while (d && (e = readdir(d))) {
            size_t len = strlen(e->d_name);
            char key[300];

            if (len <= 6 || strcmp(e->d_name + len - 6, ".theme") != 0 ||
                len - 6 > 256)
                continue;
            snprintf(key, sizeof(key), " %.*s ", (int)(len - 6), e->d_name);
            if (strstr(seen, key))
                continue;
            if (strlen(seen) + strlen(key) < sizeof(seen))
                strcat(seen, key + 1);
            key[strlen(key) - 1] = '\0';
            cb(key + 1, opaque);
        }
        if (d)
            closedir(d);
    }
}
