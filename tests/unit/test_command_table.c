/*
 * test_command_table.c: the one command table (src/core/commands.c):
 * every kind has its words, the UI's busy words are the table's, a
 * read-only connection refuses every writing command before libvirt
 * is called, and vd_cmd_clear() frees the typed arguments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/command.h"
#include "core/commands_priv.h"

/* Every kind has a verb and a busy word; an unknown kind has both too. */
static void
test_words(void **state)
{
    int k;

    (void)state;
    for (k = 0; k < VD_CMD_LAST; k++) {
        const vd_cmd_info *info = vd_cmd_describe((vd_cmd_kind)k);
        assert_non_null(info);
        if (!info->verb || !*info->verb || !info->busy || !*info->busy)
            fail_msg("command %d has no verb or busy word", k);
        assert_string_not_equal(info->verb, "unknown command");
    }
    assert_string_equal(vd_cmd_describe(VD_CMD_LAST)->verb, "unknown command");
    assert_non_null(vd_cmd_describe(VD_CMD_LAST)->busy);
    assert_string_equal(vd_cmd_describe(VD_CMD_DOM_START)->busy, "Starting");
    assert_string_equal(vd_cmd_describe(VD_CMD_DOM_START)->done, "started");
    assert_string_equal(vd_cmd_describe(VD_CMD_DOM_DESTROY)->busy, "Forcing off");
    assert_string_equal(vd_cmd_describe(VD_CMD_VOL_WIPE)->done, "wiped (all zeros)");
}

/* A read-only connection refuses each writing command by its verb,
 * without a connection being touched (conn is NULL here). */
static void
test_readonly_refuses(void **state)
{
    int k;

    (void)state;
    for (k = 0; k < VD_CMD_LAST; k++) {
        const vd_cmd_info *info = vd_cmd_describe((vd_cmd_kind)k);
        vd_cmd cmd = { .kind = (vd_cmd_kind)k };
        vd_result *res;

        if (!info->writes)
            continue;
        res = vd_result_new(&cmd, 7, 3);
        assert_non_null(res);
        assert_false(vd_cmd_run(NULL, true, &cmd, res));
        assert_false(res->ok);
        assert_non_null(res->message);
        assert_non_null(strstr(res->message, "read-only connection"));
        assert_non_null(strstr(res->message, info->verb));
        assert_int_equal(res->id, 7);
        assert_int_equal(res->host_id, 3);
        assert_int_equal(res->fd, -1);
        vd_result_free(res);
    }
}

/* vd_cmd_clear() frees str and the typed arguments and leaves NULLs
 * (ASan/LSan would report a leak). */
static void
test_cmd_clear(void **state)
{
    vd_cmd cmd = { .kind = VD_CMD_DOM_ATTACH_DISK };

    (void)state;
    cmd.str = strdup("vdb");
    cmd.disk = calloc(1, sizeof(*cmd.disk));
    cmd.nic = calloc(1, sizeof(*cmd.nic));
    assert_non_null(cmd.disk);
    assert_non_null(cmd.nic);
    assert_int_equal(vd_spec_set(&cmd.disk->path, "/srv/a,b.img"), 0);
    assert_int_equal(vd_spec_set(&cmd.nic->source, "default"), 0);
    vd_cmd_clear(&cmd);
    assert_null(cmd.str);
    assert_null(cmd.disk);
    assert_null(cmd.nic);
    assert_int_equal(cmd.kind, VD_CMD_DOM_ATTACH_DISK);
    vd_cmd_clear(&cmd);         /* twice is fine */
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_readonly_refuses),
        cmocka_unit_test(test_cmd_clear),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
