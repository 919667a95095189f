/*
 * test_theme.c: the theme file parser (src/ui/theme/theme_parse.c), which is
 * pure and links without curses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ui/theme/theme.h"

#ifndef VD_SRC_THEMEDIR
# define VD_SRC_THEMEDIR "themes"
#endif

/* Read a whole file into a new string, or NULL. */
static char *
slurp(const char *path)
{
    FILE *fp = fopen(path, "r");
    char *buf = NULL;
    long len;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 &&
        fseek(fp, 0, SEEK_SET) == 0 && (buf = malloc(len + 1))) {
        size_t got = fread(buf, 1, len, fp);
        buf[got] = '\0';
    }
    fclose(fp);
    return buf;
}

/* Role names and lookups agree both ways, '-' works as '_'. */
static void
test_role_names(void **state)
{
    (void)state;
    for (int i = 0; i < VD_ROLE_LAST; i++) {
        const char *name = vd_theme_role_name((vd_role)i);

        assert_non_null(name);
        assert_int_equal(vd_theme_role_from_name(name), i);
    }
    assert_int_equal(vd_theme_role_from_name("pane-title-focus"),
                     VD_ROLE_PANE_TITLE_FOCUS);
    assert_int_equal(vd_theme_role_from_name("STATUS_ERROR"), VD_ROLE_STATUS_ERROR);
    assert_int_equal(vd_theme_role_from_name("nope"), -1);
    assert_int_equal(vd_theme_role_from_name(""), -1);
    assert_int_equal(vd_theme_role_from_name("normalx"), -1);
    assert_null(vd_theme_role_name(VD_ROLE_LAST));
}

/* Names, numbers, "default", attributes, comments and blanks. */
static void
test_parse_good(void **state)
{
    vd_theme t;
    vd_theme_diag diag;
    const char *text =
        "# a comment\n"
        "\n"
        "   normal = default default   # trailing comment\n"
        "selected=black cyan bold\n"
        "header = 15 17 bold underline reverse dim italic standout\n"
        "dim = bright-black colour240\n"
        "status_error = color196 grey|bold\n"
        "bar_used=GREEN Default BOLD\r\n"
        "key_label = white blue";       /* no final newline */

    (void)state;
    vd_theme_builtin(&t, false);
    assert_int_equal(vd_theme_parse(&t, text, "t.theme", &diag), 0);
    assert_int_equal(diag.nerrors, 0);
    assert_string_equal(diag.first, "");

    assert_int_equal(t.roles[VD_ROLE_NORMAL].fg, VD_COLOR_DEFAULT);
    assert_int_equal(t.roles[VD_ROLE_NORMAL].bg, VD_COLOR_DEFAULT);
    assert_int_equal(t.roles[VD_ROLE_NORMAL].attrs, 0);

    assert_int_equal(t.roles[VD_ROLE_SELECTED].fg, 0);
    assert_int_equal(t.roles[VD_ROLE_SELECTED].bg, 6);
    assert_int_equal(t.roles[VD_ROLE_SELECTED].attrs, VD_ATTR_BOLD);

    assert_int_equal(t.roles[VD_ROLE_HEADER].fg, 15);
    assert_int_equal(t.roles[VD_ROLE_HEADER].bg, 17);
    assert_int_equal(t.roles[VD_ROLE_HEADER].attrs,
                     VD_ATTR_BOLD | VD_ATTR_UNDERLINE | VD_ATTR_REVERSE |
                     VD_ATTR_DIM | VD_ATTR_ITALIC | VD_ATTR_STANDOUT);

    assert_int_equal(t.roles[VD_ROLE_DIM].fg, 8);
    assert_int_equal(t.roles[VD_ROLE_DIM].bg, 240);
    assert_int_equal(t.roles[VD_ROLE_STATUS_ERROR].fg, 196);
    assert_int_equal(t.roles[VD_ROLE_STATUS_ERROR].bg, 8);
    assert_int_equal(t.roles[VD_ROLE_STATUS_ERROR].attrs, VD_ATTR_BOLD);
    assert_int_equal(t.roles[VD_ROLE_BAR_USED].fg, 2);
    assert_int_equal(t.roles[VD_ROLE_BAR_USED].bg, VD_COLOR_DEFAULT);
    assert_int_equal(t.roles[VD_ROLE_KEY_LABEL].fg, 7);
    assert_int_equal(t.roles[VD_ROLE_KEY_LABEL].bg, 4);
}

/* Each kind of malformed line is reported with file:line, skipped, and
 * does not stop the lines after it. */
static void
test_parse_errors(void **state)
{
    static const struct {
        const char *line;
        const char *message;
    } cases[] = {
        { "selected black cyan", "t.theme:2: expected 'role = fg bg [attributes]'" },
        { "= black cyan", "t.theme:2: missing role name before '='" },
        { "colour = red blue", "t.theme:2: unknown role 'colour'" },
        { "selected = red", "t.theme:2: 'selected' needs a foreground and a background colour" },
        { "selected =", "t.theme:2: 'selected' needs a foreground and a background colour" },
        { "selected = redd blue", "t.theme:2: unknown colour 'redd'" },
        { "selected = red 256", "t.theme:2: unknown colour '256'" },
        { "selected = red -1", "t.theme:2: unknown colour '-1'" },
        { "selected = red 12x", "t.theme:2: unknown colour '12x'" },
        { "selected = red blue blink", "t.theme:2: unknown attribute 'blink'" },
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        vd_theme t, before;
        vd_theme_diag diag;
        char text[256];

        snprintf(text, sizeof(text), "normal = red default\n%s\nheader = 1 2\n",
                 cases[i].line);
        vd_theme_builtin(&t, false);
        before = t;
        assert_int_equal(vd_theme_parse(&t, text, "t.theme", &diag), 1);
        assert_int_equal(diag.nerrors, 1);
        assert_string_equal(diag.first, cases[i].message);
        /* The good lines around it applied, the bad one did not. */
        assert_int_equal(t.roles[VD_ROLE_NORMAL].fg, 1);
        assert_int_equal(t.roles[VD_ROLE_HEADER].fg, 1);
        assert_int_equal(t.roles[VD_ROLE_HEADER].bg, 2);
        assert_memory_equal(&t.roles[VD_ROLE_SELECTED],
                            &before.roles[VD_ROLE_SELECTED], sizeof(vd_style));
    }
}

/* Several errors: all counted, the first one kept; a NULL diag is fine;
 * a NULL file name reads "theme". */
static void
test_parse_many_errors(void **state)
{
    vd_theme t;
    vd_theme_diag diag;
    char longline[700];

    (void)state;
    vd_theme_builtin(&t, true);
    assert_int_equal(vd_theme_parse(&t, "a = b c\n\n\nx\ny = 1 2\n", NULL, &diag), 3);
    assert_int_equal(diag.nerrors, 3);
    assert_string_equal(diag.first, "theme:1: unknown role 'a'");
    assert_int_equal(vd_theme_parse(&t, "a = b c\n", "f", NULL), 1);

    memset(longline, 'x', sizeof(longline) - 1);
    longline[sizeof(longline) - 1] = '\0';
    assert_int_equal(vd_theme_parse(&t, longline, "f", &diag), 1);
    assert_string_equal(diag.first, "f:1: line too long");
    assert_int_equal(vd_theme_parse(&t, "", "f", &diag), 0);
}

/* The built-in themes are complete and differ where they should. */
static void
test_builtin(void **state)
{
    vd_theme color, mono;

    (void)state;
    vd_theme_builtin(&color, false);
    vd_theme_builtin(&mono, true);
    for (int i = 0; i < VD_ROLE_LAST; i++) {
        /* mono never names a colour */
        assert_int_equal(mono.roles[i].fg, VD_COLOR_DEFAULT);
        assert_int_equal(mono.roles[i].bg, VD_COLOR_DEFAULT);
    }
    /* the selection must be visible without colour */
    assert_true(mono.roles[VD_ROLE_SELECTED].attrs & VD_ATTR_REVERSE);
    assert_int_not_equal(color.roles[VD_ROLE_SELECTED].bg, VD_COLOR_DEFAULT);
    assert_int_not_equal(color.roles[VD_ROLE_STATE_RUNNING].fg,
                         color.roles[VD_ROLE_STATE_SHUTOFF].fg);
}

/* Every shipped theme file parses cleanly and sets every role; the
 * default and mono files say what the built-in themes say. */
static void
test_shipped_files(void **state)
{
    static const char *const names[] = { "default", "mono", "light", "high-contrast" };

    (void)state;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        char path[4096];
        char *text;
        vd_theme t, builtin;
        vd_theme_diag diag;

        snprintf(path, sizeof(path), "%s/%s.theme", VD_SRC_THEMEDIR, names[i]);
        text = slurp(path);
        if (!text)
            fail_msg("cannot read %s", path);
        /* Start from impossible values to see that every role is set. */
        for (int r = 0; r < VD_ROLE_LAST; r++) {
            t.roles[r].fg = 999;
            t.roles[r].bg = 999;
            t.roles[r].attrs = 0;
        }
        if (vd_theme_parse(&t, text, path, &diag) != 0)
            fail_msg("%s", diag.first);
        for (int r = 0; r < VD_ROLE_LAST; r++)
            if (t.roles[r].fg == 999)
                fail_msg("%s does not set %s", path, vd_theme_role_name(r));
        if (i < 2) {
            vd_theme_builtin(&builtin, i == 1);
            assert_memory_equal(&t, &builtin, sizeof(t));
        }
        free(text);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_names),
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_many_errors),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_shipped_files),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
