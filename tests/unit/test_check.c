/*
 * test_check.c: the validators' one convention and the one domain-name
 * rule (issue 19: names were checked in three places that disagreed:
 * create took a leading space and any length, clone took invalid
 * UTF-8, the rename prompt took a tab), on a table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/check.h"

static const struct {
    const char *name;
    const char *want;           /* NULL: accepted */
} names[] = {
    { "web", NULL },
    { "CentOS-WebVirtMgr-Test", NULL },
    { "with space", NULL },
    { "gäst", NULL },
    { ".hidden", NULL },
    { "a&b<c>'d\"e", NULL },             /* escaped by the XML builder */
    { "", "name is required" },
    { NULL, "name is required" },
    { "a/b", "name may not contain '/'" },
    { "a\nb", "name may not contain control characters such as a newline or a tab" },
    { "a\tb", "name may not contain control characters such as a newline or a tab" },
    { "a\x7f" "b", "name may not contain control characters such as a newline or a tab" },
    { "\xff\xfe", "name is not valid UTF-8" },
    { " lead", "name may not start or end with a space" },
    { "trail ", "name may not start or end with a space" },
    { "taken", "name is already used on this host" },
    { "Taken", NULL },                    /* names are case-sensitive */
};

/* Every row of the table. */
static void
test_names(void **state)
{
    const char *taken[] = { "other", "taken" };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        vd_check_msg *m = vd_check_name(names[i].name, taken, 2);

        if (!names[i].want) {
            if (m)
                fail_msg("'%s' refused: %s", names[i].name, m);
        } else {
            assert_non_null(m);
            assert_string_equal(m, names[i].want);
        }
        vd_check_free(m);
    }
}

/* The length limit: 200 bytes pass, 201 do not. */
static void
test_length(void **state)
{
    char buf[202];
    vd_check_msg *m;

    (void)state;
    memset(buf, 'a', 200);
    buf[200] = '\0';
    assert_null(vd_check_name(buf, NULL, 0));
    buf[200] = 'a';
    buf[201] = '\0';
    m = vd_check_name(buf, NULL, 0);
    assert_non_null(m);
    assert_string_equal(m, "name may have at most 200 bytes");
    vd_check_free(m);
}

/* The rule under another noun (a snapshot's name). */
static void
test_label(void **state)
{
    vd_check_msg *m = vd_check_label("snapshot name", "a/b");

    (void)state;
    assert_string_equal(m, "snapshot name may not contain '/'");
    vd_check_free(m);
    assert_null(vd_check_label("snapshot name", "before-upgrade"));
}

/* vd_check_into: fine is true and leaves err; a message is copied
 * (truncated to fit), released, and false. */
static void
test_into(void **state)
{
    char err[8] = "keep";

    (void)state;
    assert_true(vd_check_into(NULL, err, sizeof(err)));
    assert_string_equal(err, "keep");
    assert_false(vd_check_into(vd_check_msgf("%s %d", "too long", 12345), err, sizeof(err)));
    assert_string_equal(err, "too lon");
    assert_false(vd_check_into(vd_check_msgf("x"), NULL, 0));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_label),
        cmocka_unit_test(test_into),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
