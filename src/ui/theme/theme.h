/*
 * theme.h: semantic colour roles and the themes that give them colours.
 *
 * The UI never names a colour: it draws with a role ("selected",
 * "state_running", ...) and the theme decides what that looks like.
 * Themes are text files, one role a line:
 *
 *     # comment
 *     role = fg bg [bold] [underline] [reverse] [dim] [italic] [standout]
 *
 * where fg and bg are "default", a colour name (black, red, green,
 * yellow, blue, magenta, cyan, white, their bright- forms, gray/grey)
 * or a number 0-255. Roles a file leaves out keep the built-in default.
 *
 * The parser half (vd_theme_parse & co, theme_parse.c) is pure: no
 * curses, no files, so unit tests link it alone. The curses half
 * (theme.c) loads files and turns styles into curses attributes.
 */
#ifndef VIRTDECK_UI_THEME_H
#define VIRTDECK_UI_THEME_H

#include <stdbool.h>
#include <stddef.h>

/* Keep in step with role_names[] in theme_parse.c. */
typedef enum {
    VD_ROLE_NORMAL = 0,
    VD_ROLE_HEADER,
    VD_ROLE_PANE_TITLE,
    VD_ROLE_PANE_TITLE_FOCUS,
    VD_ROLE_BORDER,
    VD_ROLE_BORDER_FOCUS,
    VD_ROLE_COLUMN_HEADER,
    VD_ROLE_SELECTED,
    VD_ROLE_SELECTED_UNFOCUSED,
    VD_ROLE_STATUS,
    VD_ROLE_STATUS_ERROR,
    VD_ROLE_STATUS_OK,
    VD_ROLE_STATUS_BUSY,
    VD_ROLE_CONFIRM,
    VD_ROLE_STATE_RUNNING,
    VD_ROLE_STATE_PAUSED,
    VD_ROLE_STATE_SHUTOFF,
    VD_ROLE_STATE_CRASHED,
    VD_ROLE_STATE_OTHER,
    VD_ROLE_CONN_OK,
    VD_ROLE_CONN_BUSY,
    VD_ROLE_CONN_FAILED,
    VD_ROLE_DIM,
    VD_ROLE_KEY_HINT,
    VD_ROLE_KEY_LABEL,
    VD_ROLE_BAR_USED,
    VD_ROLE_BAR_FREE,
    VD_ROLE_METER_LOW,
    VD_ROLE_METER_MID,
    VD_ROLE_METER_HIGH,
    VD_ROLE_HELP_TITLE,
    VD_ROLE_HELP_KEY,
    VD_ROLE_HELP_TEXT,
    VD_ROLE_LAST
} vd_role;

/* Style attributes, independent of curses. */
enum {
    VD_ATTR_BOLD = 1u << 0,
    VD_ATTR_UNDERLINE = 1u << 1,
    VD_ATTR_REVERSE = 1u << 2,
    VD_ATTR_DIM = 1u << 3,
    VD_ATTR_ITALIC = 1u << 4,
    VD_ATTR_STANDOUT = 1u << 5,
};

#define VD_COLOR_DEFAULT (-1)

typedef struct vd_style {
    short fg;                   /* VD_COLOR_DEFAULT or 0-255 */
    short bg;
    unsigned int attrs;         /* VD_ATTR_* */
} vd_style;

typedef struct vd_theme {
    vd_style roles[VD_ROLE_LAST];
} vd_theme;

/* What went wrong while parsing, for the status line. */
typedef struct vd_theme_diag {
    unsigned int nerrors;
    char first[256];            /* "file:line: message" of the first error */
} vd_theme_diag;

/* The role's name as written in theme files; NULL when out of range. */
const char *vd_theme_role_name(vd_role role);

/* The role named name, or -1. */
int vd_theme_role_from_name(const char *name);

/* Fill theme with the built-in colour theme, or the attribute-only one
 * when mono is true. */
void vd_theme_builtin(vd_theme *theme, bool mono);

/* Parse theme text over *theme: every well-formed line sets its role,
 * a malformed line is counted in diag (which may be NULL) and skipped.
 * filename only labels the messages. Returns the number of errors. */
unsigned int vd_theme_parse(vd_theme *theme, const char *text,
                            const char *filename, vd_theme_diag *diag);

/* ---- curses side (theme.c) ---- */

#define VD_THEME_PATH_MAX 4096
#define VD_THEME_MAX_DIRS 4

/* Fill dirs with the directories themes are looked up in, in order
 * (theme_dirs.c explains which). Returns how many. No curses. */
size_t vd_theme_dirs(char dirs[][VD_THEME_PATH_MAX], size_t max);

/* Call cb with the name (without ".theme") of each theme file in those
 * directories, each name once. No curses. */
void vd_theme_list(void (*cb)(const char *name, void *opaque), void *opaque);

/* Load the theme named name ("default", "mono", ...) or the file at a
 * path (NULL: "default"), start colours and compute every role's
 * attributes. Without colour support, or with $NO_COLOR set, the mono
 * theme is used. Problems (theme not found, malformed lines) are
 * written to msg (empty when none). Call after initscr(). */
void vd_theme_setup(const char *name, char *msg, size_t msglen);

#endif
