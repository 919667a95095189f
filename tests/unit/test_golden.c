/*
 * test_golden.c: the golden-file helper of the C tests (tests/lib/
 * golden.c): same text passes, a difference names the first differing
 * line, a missing file fails, and VD_UPDATE_GOLDEN=1 (only a non-empty
 * value other than 0) rewrites the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "golden.h"

static char dir[] = "/tmp/vd-golden-XXXXXX";

/* Compare, update, and the failures. */
static void
test_golden(void **state)
{
    char path[256], *m, *back;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/g.txt", dir);
    unsetenv("VD_UPDATE_GOLDEN");
    m = vd_golden_check(dir, "g.txt", "one\n");
    assert_non_null(m);
    assert_non_null(strstr(m, "missing golden file"));
    free(m);
    assert_int_equal(vd_test_write_file(path, "one\ntwo\nthree\n"), 0);
    assert_null(vd_golden_check(dir, "g.txt", "one\ntwo\nthree\n"));
    m = vd_golden_check(dir, "g.txt", "one\ntwo\nTHREE\n");
    assert_non_null(m);
    assert_non_null(strstr(m, "from line 3 on"));
    free(m);
    setenv("VD_UPDATE_GOLDEN", "0", 1);
    assert_false(vd_golden_updating());
    m = vd_golden_check(dir, "g.txt", "changed\n");
    assert_non_null(m);
    free(m);
    setenv("VD_UPDATE_GOLDEN", "1", 1);
    assert_true(vd_golden_updating());
    assert_null(vd_golden_check(dir, "g.txt", "changed\n"));
    unsetenv("VD_UPDATE_GOLDEN");
    back = vd_test_read_file(path);
    assert_string_equal(back, "changed\n");
    free(back);
    unlink(path);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
