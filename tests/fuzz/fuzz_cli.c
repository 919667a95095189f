/*
 * fuzz_cli.c: the command-line parsers of every command converted to an
 * option table (cli_args.h): the screen's options, `create` (with its
 * --disk/--network/--graphics/--boot/--location sub-options split in
 * place) and `top`. The first byte picks the command, the rest is split
 * at NUL bytes into argv. The parsers must never print, exit or crash,
 * must return a known status, and must say why whenever they refuse.
 */
#include <stdbool.h>
#include <stdio.h>

#include "cli_args.h"
#include "fuzz.h"

#define MAX_ARGS 24

/* Whether status is one of vd_cli_status's values. */
static bool
known(int status)
{
    return status == VD_CLI_RUN || status == VD_CLI_HELP ||
           status == VD_CLI_VERSION || status == VD_CLI_SCREEN ||
           status == VD_CLI_REFUSED || status == VD_CLI_USAGE;
}

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *words[MAX_ARGS];
    char *argv[MAX_ARGS + 2];
    char *buf;
    int argc = 1, which, status;
    size_t i, nwords;

    if (size < 1)
        return 0;
    which = data[0] % 5;
    if (!(buf = vd_fuzz_split(data + 1, size - 1, words, MAX_ARGS)))
        return 0;
    argv[0] = which == 0 ? "virtdeck" : which == 1 ? "create" : which == 2 ? "top" :
              which == 3 ? "snapshot" : "clone";
    /* as many words as the input has (NUL-separated), up to MAX_ARGS;
     * each a writable string of buf (create splits values in place) */
    nwords = size > 1 ? 1 : 0;
    for (i = 1; i < size; i++)
        nwords += data[i] == '\0';
    for (i = 0; i < nwords && i < MAX_ARGS; i++)
        argv[argc++] = (char *)words[i];
    argv[argc] = NULL;

    if (which == 0) {
        vd_main_args a = { 0 };
        status = vd_main_args_parse(&a, argc, argv);
        VD_FUZZ_ASSERT(known(status) && status != VD_CLI_SCREEN);
        VD_FUZZ_ASSERT(status >= 0 || a.err[0]);
        VD_FUZZ_ASSERT(a.nuris <= VD_CLI_MAX_HOSTS);
        VD_FUZZ_ASSERT(status != VD_CLI_RUN || a.tick_ms == 0 ||
                       (a.tick_ms >= 500 && a.tick_ms <= 3600000));
    } else if (which == 1) {
        vd_create_args a = { 0 };
        status = vd_create_args_parse(&a, argc, argv);
        VD_FUZZ_ASSERT(known(status) && status != VD_CLI_SCREEN &&
                       status != VD_CLI_VERSION);
        VD_FUZZ_ASSERT(status >= 0 || a.err[0]);
        VD_FUZZ_ASSERT(status != VD_CLI_RUN || a.installs <= 1);
        vd_create_args_clear(&a);
    } else if (which == 3) {
        vd_snapshot_args a = { 0 };
        status = vd_snapshot_args_parse(&a, argc, argv);
        VD_FUZZ_ASSERT(known(status) && status != VD_CLI_SCREEN &&
                       status != VD_CLI_VERSION);
        VD_FUZZ_ASSERT(status >= 0 || a.err[0]);
        VD_FUZZ_ASSERT(status != VD_CLI_RUN || (a.domain && a.action));
        VD_FUZZ_ASSERT(status != VD_CLI_RUN || a.revert_flags != 3);
    } else if (which == 4) {
        vd_clone_cli_args a = { 0 };
        status = vd_clone_cli_args_parse(&a, argc, argv);
        VD_FUZZ_ASSERT(known(status) && status != VD_CLI_SCREEN &&
                       status != VD_CLI_VERSION);
        VD_FUZZ_ASSERT(status >= 0 || a.err[0]);
        VD_FUZZ_ASSERT(status != VD_CLI_RUN || (a.original && (!a.name != !a.auto_clone)));
    } else {
        vd_top_args a = { 0 };
        status = vd_top_args_parse(&a, argc, argv);
        VD_FUZZ_ASSERT(known(status) && status != VD_CLI_VERSION);
        VD_FUZZ_ASSERT(status >= 0 || a.err[0]);
        /* batch-only and screen-only options never pass the wrong mode */
        VD_FUZZ_ASSERT(status != VD_CLI_SCREEN || !a.batch_opt);
        VD_FUZZ_ASSERT(status != VD_CLI_RUN || (a.batch && !a.screen_opt));
    }
    free(buf);
    return 0;
}
