/*
 * cli.h: the subcommands of the virtdeck command line besides the TUI.
 * Each lives in its own file and returns the process exit status.
 */
#ifndef VIRTDECK_CLI_H
#define VIRTDECK_CLI_H

#include <libvirt/libvirt.h>

/* One subcommand: its name, a line for --help, and its entry point,
 * which gets argv with argv[0] being the subcommand's name. */
typedef struct vd_subcommand {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} vd_subcommand;

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
/* "prog: message" and a pointer to --help on stderr; returns 2. */
int vd_cli_usage_error(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* What a subcommand's run() returns to have main() start the screen in
 * the top view instead, parsing the subcommand's argv with the screen's
 * options (`virtdeck top` without --batch). */
#define VD_CLI_RUN_TOP (-2)

#endif
