/*
 * subcommands.c: the table from subcommand name to entry point.
 * Each entry's code lives in its own src/cli_*.c file.
 */
#include <stddef.h>

#include "cli.h"

const vd_subcommand vd_subcommands[] = {
    { NULL, NULL, NULL },
};
