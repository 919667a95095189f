/*
 * cli.h: the subcommands of the virtdeck command line besides the TUI.
 * Each lives in its own file and returns the process exit status.
 */
#ifndef VIRTDECK_CLI_H
#define VIRTDECK_CLI_H

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

/* `virtdeck journal` (src/cli_journal.c). */
int vd_cli_journal(int argc, char **argv);

/* `virtdeck top` (src/cli_top.c). */
int vd_cli_top(int argc, char **argv);

/* What a subcommand's run() returns to have main() start the screen in
 * the top view instead, parsing the subcommand's argv with the screen's
 * options (`virtdeck top` without --batch). */
#define VD_CLI_RUN_TOP (-2)

#endif
