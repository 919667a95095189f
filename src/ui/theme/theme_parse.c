/*
 * theme_parse.c: the theme file format, parsed without curses.
 *
 * Pure functions only (text in, styles out) so that the unit tests can
 * link this file alone. See theme.h for the format.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/theme/theme.h"

static const char *const role_names[VD_ROLE_LAST] = {
    [VD_ROLE_NORMAL] = "normal",
    [VD_ROLE_HEADER] = "header",
    [VD_ROLE_PANE_TITLE] = "pane_title",
    [VD_ROLE_PANE_TITLE_FOCUS] = "pane_title_focus",
    [VD_ROLE_BORDER] = "border",
    [VD_ROLE_BORDER_FOCUS] = "border_focus",
    [VD_ROLE_COLUMN_HEADER] = "column_header",
    [VD_ROLE_SELECTED] = "selected",
    [VD_ROLE_SELECTED_UNFOCUSED] = "selected_unfocused",
    [VD_ROLE_STATUS] = "status",
    [VD_ROLE_STATUS_ERROR] = "status_error",
    [VD_ROLE_STATUS_OK] = "status_ok",
    [VD_ROLE_STATUS_BUSY] = "status_busy",
    [VD_ROLE_CONFIRM] = "confirm",
    [VD_ROLE_STATE_RUNNING] = "state_running",
    [VD_ROLE_STATE_PAUSED] = "state_paused",
    [VD_ROLE_STATE_SHUTOFF] = "state_shutoff",
    [VD_ROLE_STATE_CRASHED] = "state_crashed",
    [VD_ROLE_STATE_OTHER] = "state_other",
    [VD_ROLE_CONN_OK] = "conn_ok",
    [VD_ROLE_CONN_BUSY] = "conn_busy",
    [VD_ROLE_CONN_FAILED] = "conn_failed",
    [VD_ROLE_DIM] = "dim",
    [VD_ROLE_KEY_HINT] = "key_hint",
    [VD_ROLE_KEY_LABEL] = "key_label",
    [VD_ROLE_BAR_USED] = "bar_used",
    [VD_ROLE_BAR_FREE] = "bar_free",
    [VD_ROLE_METER_LOW] = "meter_low",
    [VD_ROLE_METER_MID] = "meter_mid",
    [VD_ROLE_METER_HIGH] = "meter_high",
    [VD_ROLE_HELP_TITLE] = "help_title",
    [VD_ROLE_HELP_KEY] = "help_key",
    [VD_ROLE_HELP_TEXT] = "help_text",
};

static const struct {
    const char *name;
    short color;
} color_names[] = {
    { "black", 0 }, { "red", 1 }, { "green", 2 }, { "yellow", 3 },
    { "blue", 4 }, { "magenta", 5 }, { "cyan", 6 }, { "white", 7 },
    { "bright-black", 8 }, { "gray", 8 }, { "grey", 8 },
    { "bright-red", 9 }, { "bright-green", 10 }, { "bright-yellow", 11 },
    { "bright-blue", 12 }, { "bright-magenta", 13 }, { "bright-cyan", 14 },
    { "bright-white", 15 },
};

static const struct {
    const char *name;
    unsigned int attr;
} attr_names[] = {
    { "bold", VD_ATTR_BOLD },
    { "underline", VD_ATTR_UNDERLINE },
    { "reverse", VD_ATTR_REVERSE },
    { "dim", VD_ATTR_DIM },
    { "italic", VD_ATTR_ITALIC },
    { "standout", VD_ATTR_STANDOUT },
};

/* The built-in colour theme; themes/default.theme says the same. */
static const char builtin_color[] =
    "normal = default default\n"
    "header = bright-white blue bold\n"
    "pane_title = cyan default bold\n"
    "pane_title_focus = black cyan bold\n"
    "border = blue default\n"
    "border_focus = cyan default bold\n"
    "column_header = black green\n"
    "selected = black cyan\n"
    "selected_unfocused = black white\n"
    "status = default default\n"
    "status_error = bright-white red bold\n"
    "status_ok = green default\n"
    "status_busy = yellow default\n"
    "confirm = black yellow bold\n"
    "state_running = green default bold\n"
    "state_paused = yellow default\n"
    "state_shutoff = bright-black default\n"
    "state_crashed = red default bold\n"
    "state_other = magenta default\n"
    "conn_ok = green default\n"
    "conn_busy = yellow default\n"
    "conn_failed = red default bold\n"
    "dim = bright-black default\n"
    "key_hint = default default bold\n"
    "key_label = black cyan\n"
    "bar_used = green default\n"
    "bar_free = bright-black default\n"
    "meter_low = green default\n"
    "meter_mid = yellow default\n"
    "meter_high = red default bold\n"
    "help_title = black cyan bold\n"
    "help_key = cyan default bold\n"
    "help_text = default default\n";

/* The built-in attribute-only theme; themes/mono.theme says the same. */
static const char builtin_mono[] =
    "normal = default default\n"
    "header = default default reverse\n"
    "pane_title = default default bold\n"
    "pane_title_focus = default default reverse bold\n"
    "border = default default\n"
    "border_focus = default default bold\n"
    "column_header = default default underline\n"
    "selected = default default reverse\n"
    "selected_unfocused = default default underline\n"
    "status = default default\n"
    "status_error = default default reverse bold\n"
    "status_ok = default default bold\n"
    "status_busy = default default\n"
    "confirm = default default reverse bold\n"
    "state_running = default default bold\n"
    "state_paused = default default underline\n"
    "state_shutoff = default default\n"
    "state_crashed = default default bold underline\n"
    "state_other = default default\n"
    "conn_ok = default default bold\n"
    "conn_busy = default default\n"
    "conn_failed = default default bold underline\n"
    "dim = default default dim\n"
    "key_hint = default default bold\n"
    "key_label = default default reverse\n"
    "bar_used = default default bold\n"
    "bar_free = default default dim\n"
    "meter_low = default default\n"
    "meter_mid = default default bold\n"
    "meter_high = default default bold reverse\n"
    "help_title = default default reverse bold\n"
    "help_key = default default bold\n"
    "help_text = default default\n";

/* The role's name as written in theme files. */
const char *
vd_theme_role_name(vd_role role)
{
    if ((int)role < 0 || role >= VD_ROLE_LAST)
        return NULL;
    return role_names[role];
}

/* The role named name ('-' and '_' are the same), or -1. */
int
vd_theme_role_from_name(const char *name)
{
    for (int i = 0; i < VD_ROLE_LAST; i++) {
        const char *a = role_names[i];
        const char *b = name;

        while (*a && *b &&
               (tolower((unsigned char)*b) == *a ||
                (*a == '_' && *b == '-'))) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return i;
    }
    return -1;
}

/* Fill theme with one of the built-in themes. */
void
vd_theme_builtin(vd_theme *theme, bool mono)
{
    for (int i = 0; i < VD_ROLE_LAST; i++) {
        theme->roles[i].fg = VD_COLOR_DEFAULT;
        theme->roles[i].bg = VD_COLOR_DEFAULT;
        theme->roles[i].attrs = 0;
    }
    vd_theme_parse(theme, mono ? builtin_mono : builtin_color, "builtin", NULL);
}

/* Record an error; only the first message is kept. */
static void __attribute__((format(printf, 4, 5)))
theme_error(vd_theme_diag *diag, const char *filename, unsigned int line,
            const char *fmt, ...)
{
    va_list ap;
    int n;

    if (!diag)
        return;
    if (diag->nerrors++ > 0)
        return;
    n = snprintf(diag->first, sizeof(diag->first), "%s:%u: ",
                 filename ? filename : "theme", line);
    if (n < 0 || (size_t)n >= sizeof(diag->first))
        return;
    va_start(ap, fmt);
    vsnprintf(diag->first + n, sizeof(diag->first) - n, fmt, ap);
    va_end(ap);
}

/* Parse a colour word: "default", a name, N or colorN (0-255).
 * Returns 0 and sets *out, or -1. */
static int
parse_color(const char *word, short *out)
{
    const char *num = word;
    char *end;
    long v;

    if (strcasecmp(word, "default") == 0 || strcasecmp(word, "none") == 0) {
        *out = VD_COLOR_DEFAULT;
        return 0;
    }
    for (size_t i = 0; i < sizeof(color_names) / sizeof(color_names[0]); i++) {
        if (strcasecmp(word, color_names[i].name) == 0) {
            *out = color_names[i].color;
            return 0;
        }
    }
    if (strncasecmp(num, "colour", 6) == 0)
        num += 6;
    else if (strncasecmp(num, "color", 5) == 0)
        num += 5;
    if (!isdigit((unsigned char)*num))
        return -1;
    v = strtol(num, &end, 10);
    if (*end || v < 0 || v > 255)
        return -1;
    *out = (short)v;
    return 0;
}

/* Parse one attribute word into *out; -1 when unknown. */
static int
parse_attr(const char *word, unsigned int *out)
{
    for (size_t i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++) {
        if (strcasecmp(word, attr_names[i].name) == 0) {
            *out |= attr_names[i].attr;
            return 0;
        }
    }
    return -1;
}

/* Split s in place into words separated by blanks, ',' or '|'.
 * Returns the number of words (at most max). */
static size_t
split_words(char *s, char **words, size_t max)
{
    size_t n = 0;
    char *save = NULL;

    for (char *w = strtok_r(s, " \t,|", &save); w;
         w = strtok_r(NULL, " \t,|", &save)) {
        if (n == max)
            return max + 1;
        words[n++] = w;
    }
    return n;
}

/* Trim blanks at both ends of s in place; returns the new start. */
static char *
trim(char *s)
{
    char *end;

    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        *--end = '\0';
    return s;
}

/* Parse one line (comment already removed) into theme.
 * Returns 0, or -1 after reporting the error. */
static int
parse_line(vd_theme *theme, char *line, const char *filename,
           unsigned int lineno, vd_theme_diag *diag)
{
    char *eq = strchr(line, '=');
    char *name;
    char *words[12];
    size_t nwords;
    vd_style style = { VD_COLOR_DEFAULT, VD_COLOR_DEFAULT, 0 };
    int role;

    if (!eq) {
        theme_error(diag, filename, lineno,
                    "expected 'role = fg bg [attributes]'");
        return -1;
    }
    *eq = '\0';
    name = trim(line);
    if (!*name) {
        theme_error(diag, filename, lineno, "missing role name before '='");
        return -1;
    }
    if ((role = vd_theme_role_from_name(name)) < 0) {
        theme_error(diag, filename, lineno, "unknown role '%.40s'", name);
        return -1;
    }
    nwords = split_words(eq + 1, words, sizeof(words) / sizeof(words[0]));
    if (nwords > sizeof(words) / sizeof(words[0])) {
        theme_error(diag, filename, lineno, "too many words for '%s'", name);
        return -1;
    }
    if (nwords < 2) {
        theme_error(diag, filename, lineno,
                    "'%s' needs a foreground and a background colour", name);
        return -1;
    }
    if (parse_color(words[0], &style.fg) < 0) {
        theme_error(diag, filename, lineno, "unknown colour '%.40s'", words[0]);
        return -1;
    }
    if (parse_color(words[1], &style.bg) < 0) {
        theme_error(diag, filename, lineno, "unknown colour '%.40s'", words[1]);
        return -1;
    }
    for (size_t i = 2; i < nwords; i++) {
        if (parse_attr(words[i], &style.attrs) < 0) {
            theme_error(diag, filename, lineno,
                        "unknown attribute '%.40s'", words[i]);
            return -1;
        }
    }
    theme->roles[role] = style;
    return 0;
}

/* Parse theme text over *theme, line by line. */
unsigned int
vd_theme_parse(vd_theme *theme, const char *text, const char *filename,
               vd_theme_diag *diag)
{
    vd_theme_diag local = { 0 };
    unsigned int lineno = 0;
    const char *p = text;

    if (!diag)
        diag = &local;
    diag->nerrors = 0;
    diag->first[0] = '\0';

    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char buf[512];
        char *hash;
        char *line;

        lineno++;
        if (len >= sizeof(buf)) {
            theme_error(diag, filename, lineno, "line too long");
        } else {
            memcpy(buf, p, len);
            buf[len] = '\0';
            if ((hash = strchr(buf, '#')))
                *hash = '\0';
            line = trim(buf);
            if (*line)
                parse_line(theme, line, filename, lineno, diag);
        }
        p = nl ? nl + 1 : NULL;
    }
    return diag->nerrors;
}
