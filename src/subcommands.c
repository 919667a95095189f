/*
 * subcommands.c: the table from subcommand name to entry point.
 * Each entry's code lives in its own src/cli_*.c file.
 */
#include <stddef.h>

#include "cli.h"

const vd_subcommand vd_subcommands[] = {
    { "create", "define a new virtual machine (virt-install's options)",
      vd_cli_create },
    { "journal", "what virtdeck did and saw (--follow, --since, --json)",
      vd_cli_journal },
    { "top", "live top view of every domain (--batch: rows, CSV, JSON)",
      vd_cli_top },
    { NULL, NULL, NULL },
};
