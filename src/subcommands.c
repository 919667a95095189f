/*
 * subcommands.c: the table from subcommand name to entry point.
 * Each entry's code lives in its own src/cli_*.c file.
 */
#include <stddef.h>

#include "cli.h"
#include "cli_args.h"

const vd_subcommand vd_subcommands[] = {
    VD_SUBCOMMAND(create),
    VD_SUBCOMMAND(top),
    VD_SUBCOMMAND(snapshot),
    VD_SUBCOMMAND(clone),
    { NULL, NULL, NULL, NULL },
};
