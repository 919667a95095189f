/*
 * cli.h: the subcommands of the virtdeck command line besides the TUI.
 * Each lives in its own file and returns the process exit status.
 */
#ifndef VIRTDECK_CLI_H
#define VIRTDECK_CLI_H

#include <libvirt/libvirt.h>

#include "cli_opts.h"

/* One subcommand: its name, a line for --help, its entry point, which
 * gets argv with argv[0] being the subcommand's name, and its option
 * table (cli_args.h), from which its --help, man page and completion
 * are made. A subcommand converted to a table is listed with
 * VD_SUBCOMMAND(name), its summary then being the table's. */
typedef struct vd_subcommand {
    const char *name;
    const char *summary;        /* NULL: cmd->summary */
    int (*run)(int argc, char **argv);
    const vd_cli_cmd *cmd;      /* NULL: not converted to a table yet */
} vd_subcommand;

#define VD_SUBCOMMAND(name) \
    { #name, NULL, vd_cli_##name, &vd_cli_##name##_cmd }

/* The table of subcommands (src/subcommands.c), ended by a NULL name. */
extern const vd_subcommand vd_subcommands[];

/* `virtdeck create` (src/cli_create.c). */
int vd_cli_create(int argc, char **argv);

/* `virtdeck snapshot` (src/cli_snapshot.c). */
int vd_cli_snapshot(int argc, char **argv);

/* `virtdeck clone` (src/cli_clone.c). */
int vd_cli_clone(int argc, char **argv);

/* `virtdeck top` (src/cli_top.c). */
int vd_cli_top(int argc, char **argv);

/* Helpers of the snapshot and clone subcommands (src/cli_util.c). */
/* Open uri quietly (libvirt's errors not printed); NULL after printing
 * why, prefixed by prog. */
virConnectPtr vd_cli_connect(const char *prog, const char *uri);
/* The domain by name, UUID or id, or NULL. */
virDomainPtr vd_cli_find_domain(virConnectPtr conn, const char *what);

/* `virtdeck --complete WORD...` (src/cli_complete.c): print the
 * completions of the last word. Returns the exit status. */
int vd_cli_complete(int nwords, char **words);

/* What a subcommand's run() returns to have main() start the screen in
 * the top view instead, parsing the subcommand's argv with the screen's
 * options (`virtdeck top` without --batch). */
#define VD_CLI_RUN_TOP (-2)

#endif
