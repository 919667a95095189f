/*
 * cli_opts.h: one description of a command's options, from which its
 * --help text, getopt's tables, its man page and shell completion are
 * made, so that none of them can drift from the others.
 *
 * A command (the screen, or a subcommand such as `create`) is a
 * vd_cli_cmd with a table of vd_cli_opt ended by a NULL name. Its
 * parser calls vd_cli_parse(), the option loop every command shares,
 * with a take function that fills its own args struct; it never
 * prints or exits (errors go into a buffer), so it can be fuzzed.
 * docs/HACKING.md, "Add a subcommand", shows the steps.
 */
#ifndef VIRTDECK_CLI_OPTS_H
#define VIRTDECK_CLI_OPTS_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#define VD_CLI_MAX_OPTS 128     /* options of one command, aliases included */
#define VD_CLI_ERRLEN 512       /* room for a parser's message */

/* One option. */
typedef struct vd_cli_opt {
    const char *name;           /* long name, without "--" */
    int key;                    /* its short letter, or a code >= 256 */
    const char *const *aliases; /* other long names (NULL-ended), or NULL */
    const char *arg;            /* the argument's name; NULL: no argument */
    /* the values completion offers: blank-separated words, or one of
     * "@hosts" (hosts.conf's URIs), "@themes", "@osinfo" (libosinfo's
     * short ids), "@file"; NULL: nothing to offer */
    const char *values;
    const char *help;           /* help lines, '\n'-separated */
    const char *group;          /* a heading printed before it, or NULL */
} vd_cli_opt;

/* One command. Strings are plain text (the man page escapes them). */
typedef struct vd_cli_cmd {
    const char *name;           /* "virtdeck", or the subcommand's name */
    const char *summary;        /* one line, for NAME and command lists */
    const char *synopsis;       /* usage lines, '\n'-separated, each from
                                 * "virtdeck" on */
    const char *description;    /* the paragraph after the usage */
    const char *epilog;         /* text after the options, or NULL */
    const vd_cli_opt *opts;     /* ended by an entry with a NULL name */
} vd_cli_cmd;

/* What a command's parser returns. */
typedef enum vd_cli_status {
    VD_CLI_RUN = 0,             /* parsed: run it */
    VD_CLI_HELP = 1,            /* --help: print vd_cli_help(), exit 0 */
    VD_CLI_VERSION = 2,         /* --version: print it, exit 0 */
    VD_CLI_SCREEN = 3,          /* run the screen with this argv instead */
    VD_CLI_REFUSED = -1,        /* a value refused: message, exit 1 */
    VD_CLI_USAGE = -2,          /* a usage error: message, exit 2 */
} vd_cli_status;

/* getopt's tables for one command, made from its vd_cli_cmd. */
typedef struct vd_cli_getopt {
    struct option longopts[VD_CLI_MAX_OPTS + 1];
    char shortopts[3 * VD_CLI_MAX_OPTS + 2];
    int started;
} vd_cli_getopt;

/* Fill g from cmd's table. */
void vd_cli_getopt_init(vd_cli_getopt *g, const vd_cli_cmd *cmd);

/* The next option of argv (getopt_long, from argv[1] on the first
 * call; it never prints). Returns the option's key, -1 at the end of
 * the options, or '?' with a message in err for an unknown option or
 * a missing value. *arg is the option's argument or NULL. */
int vd_cli_next(vd_cli_getopt *g, int argc, char **argv, const char **arg,
                char *err, size_t errlen);

/* What a command's parser does with one option of its table: key and
 * arg as vd_cli_next() gives them, ctx the parser's own (its args
 * struct). Returns VD_CLI_RUN to go on, or the status to stop with
 * (its message in the parser's err). */
typedef int (*vd_cli_take_fn)(void *ctx, int key, const char *arg);

/* The option loop of every command's parser: getopt's tables made from
 * cmd's table, and each option of argv handed to take (which may step
 * optind over a word it takes as a value). The keys 'h' and 'V' are
 * --help and --version in every table: they end the loop with
 * VD_CLI_HELP and VD_CLI_VERSION; an unknown option or a missing value
 * ends it with VD_CLI_USAGE and a message in err. Returns VD_CLI_RUN
 * when every option was taken (optind is then at the first operand),
 * else the status that ended the loop. */
int vd_cli_parse(const vd_cli_cmd *cmd, int argc, char **argv,
                 vd_cli_take_fn take, void *ctx, char *err, size_t errlen);

/* vd_cli_parse() for a command that takes no operands: a word left
 * after the options ends it with VD_CLI_USAGE ("unexpected argument"
 * in err). */
int vd_cli_parse_options(const vd_cli_cmd *cmd, int argc, char **argv,
                         vd_cli_take_fn take, void *ctx, char *err,
                         size_t errlen);

/* After vd_cli_next() returned -1: VD_CLI_USAGE with a message in err
 * when an operand is left ("unexpected argument"), else VD_CLI_RUN. */
int vd_cli_no_operands(int argc, char **argv, char *err, size_t errlen);

/* Format a message into err; returns VD_CLI_REFUSED, for
 * `return vd_cli_errf(...)` in a parser. */
int vd_cli_errf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Say what a parser's status means, for a command's runner: the help
 * text on stdout for VD_CLI_HELP, else err (and for VD_CLI_USAGE a
 * pointer to --help) on stderr. Returns the exit status: 0 after
 * --help, 1 for a refused value, 2 for a usage error. */
int vd_cli_report(const vd_cli_cmd *cmd, int status, const char *err);

/* Print cmd's --help text to out. */
void vd_cli_help(const vd_cli_cmd *cmd, FILE *out);

/* The option of cmd named name (long name or alias, without "--") or
 * with short letter key (name NULL); NULL when there is none. */
const vd_cli_opt *vd_cli_find(const vd_cli_cmd *cmd, const char *name, int key);

/* Write cmd's man page to out from the roff template tmpl (the text of
 * docs/man/NAME.1.in): the lines @NAME@, @SYNOPSIS@ and @OPTIONS@ are
 * replaced by sections made from the table, @VERSION@ by version.
 * Returns 0, or -1 when a placeholder is missing. */
int vd_cli_man(const vd_cli_cmd *cmd, const char *tmpl, const char *version,
               FILE *out);

#endif
