/*
 * subcommands.c: the table from subcommand name to entry point.
 * Each entry's code lives in its own src/cli_*.c file.
 */
#include <stddef.h>

#include "cli.h"

const vd_subcommand vd_subcommands[] = {
    { "create", "define a new virtual machine (virt-install's options)",
      vd_cli_create },
    { "snapshot", "a domain's snapshots: list, create, revert, delete, dumpxml",
      vd_cli_snapshot },
    { "clone", "copy a shut-off domain with its disks (virt-clone's options)",
      vd_cli_clone },
    { "top", "live top view of every domain (--batch: rows, CSV, JSON)",
      vd_cli_top },
    { NULL, NULL, NULL },
};
