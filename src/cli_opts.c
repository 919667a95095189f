/*
 * cli_opts.c: --help text, getopt tables and man page sections made
 * from a command's option table (cli_opts.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_opts.h"

#define HELP_COL 27             /* where the help text starts in --help */

/* Whether key is a short option letter. */
static bool
has_short(int key)
{
    return key > 0 && key < 128 && isalnum(key);
}

/* Fill g from cmd's table. */
void
vd_cli_getopt_init(vd_cli_getopt *g, const vd_cli_cmd *cmd)
{
    const vd_cli_opt *o;
    size_t n = 0, s = 0;

    memset(g, 0, sizeof(*g));
    g->shortopts[s++] = ':';    /* a missing value returns ':' */
    for (o = cmd->opts; o->name; o++) {
        const char *const *alias;
        int has_arg = o->arg ? required_argument : no_argument;

        if (n < VD_CLI_MAX_OPTS)
            g->longopts[n++] = (struct option){ o->name, has_arg, NULL, o->key };
        for (alias = o->aliases; alias && *alias; alias++) {
            if (n < VD_CLI_MAX_OPTS)
                g->longopts[n++] = (struct option){ *alias, has_arg, NULL, o->key };
        }
        if (has_short(o->key)) {
            g->shortopts[s++] = (char)o->key;
            if (o->arg)
                g->shortopts[s++] = ':';
        }
    }
}

/* The next option of argv; see cli_opts.h. */
int
vd_cli_next(vd_cli_getopt *g, int argc, char **argv, const char **arg,
            char *err, size_t errlen)
{
    int c;

    if (!g->started) {
        optind = 0;             /* glibc: start over, from argv[1] */
        g->started = 1;
    }
    opterr = 0;
    optarg = NULL;
    c = getopt_long(argc, argv, g->shortopts, g->longopts, NULL);
    *arg = optarg;
    if (c == ':' || c == '?') {
        const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";

        if (strncmp(word, "--", 2) != 0 && optopt > 0 && optopt < 128 &&
            isalnum(optopt))
            vd_cli_errf(err, errlen, c == ':' ? "-%c needs a value" :
                        "unknown option '-%c'", optopt);
        else if (c == ':')
            vd_cli_errf(err, errlen, "%s needs a value", word);
        else
            vd_cli_errf(err, errlen, "unknown option '%s'", word);
        return '?';
    }
    return c;
}

/* The option loop of every command's parser; see cli_opts.h. */
int
vd_cli_parse(const vd_cli_cmd *cmd, int argc, char **argv,
             vd_cli_take_fn take, void *ctx, char *err, size_t errlen)
{
    vd_cli_getopt g;
    const char *arg;
    int c, status;

    vd_cli_getopt_init(&g, cmd);
    while ((c = vd_cli_next(&g, argc, argv, &arg, err, errlen)) != -1) {
        if (c == 'h')
            return VD_CLI_HELP;
        if (c == 'V')
            return VD_CLI_VERSION;
        if (c == '?')
            return VD_CLI_USAGE;
        if ((status = take(ctx, c, arg)) != VD_CLI_RUN)
            return status;
    }
    return VD_CLI_RUN;
}

/* vd_cli_parse() for a command without operands; see cli_opts.h. */
int
vd_cli_parse_options(const vd_cli_cmd *cmd, int argc, char **argv,
                     vd_cli_take_fn take, void *ctx, char *err, size_t errlen)
{
    int status = vd_cli_parse(cmd, argc, argv, take, ctx, err, errlen);

    if (status != VD_CLI_RUN)
        return status;
    return vd_cli_no_operands(argc, argv, err, errlen);
}

/* Refuse an operand left after the options. */
int
vd_cli_no_operands(int argc, char **argv, char *err, size_t errlen)
{
    if (optind < argc) {
        vd_cli_errf(err, errlen, "unexpected argument '%s'", argv[optind]);
        return VD_CLI_USAGE;
    }
    return VD_CLI_RUN;
}

/* Format a message into err. */
int
vd_cli_errf(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;

    if (err && errlen) {
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return VD_CLI_REFUSED;
}

/* The option of cmd named name, or with short letter key. */
const vd_cli_opt *
vd_cli_find(const vd_cli_cmd *cmd, const char *name, int key)
{
    const vd_cli_opt *o;

    for (o = cmd->opts; o->name; o++) {
        const char *const *alias;

        if (!name) {
            if (has_short(key) && o->key == key)
                return o;
            continue;
        }
        if (strcmp(o->name, name) == 0)
            return o;
        for (alias = o->aliases; alias && *alias; alias++) {
            if (strcmp(*alias, name) == 0)
                return o;
        }
    }
    return NULL;
}

/* Print text's lines to out, each after indent spaces (the first after
 * first spaces), and a newline after each. */
static void
print_lines(FILE *out, const char *text, int first, int indent)
{
    const char *p = text;
    int pad = first;

    while (*p) {
        size_t len = strcspn(p, "\n");
        fprintf(out, "%*s%.*s\n", pad, "", (int)len, p);
        p += len;
        if (*p)
            p++;
        pad = indent;
    }
}

/* Print cmd's --help text to out. */
void
vd_cli_help(const vd_cli_cmd *cmd, FILE *out)
{
    const vd_cli_opt *o;
    const char *p = cmd->synopsis;
    bool first = true;

    while (*p) {
        size_t len = strcspn(p, "\n");
        fprintf(out, "%s%.*s\n", first ? "Usage: " : "       ", (int)len, p);
        first = false;
        p += len;
        if (*p)
            p++;
    }
    print_lines(out, cmd->description, 0, 0);
    fputc('\n', out);
    for (o = cmd->opts; o->name; o++) {
        const char *const *alias;
        char left[160];
        int n;

        if (o->group)
            fprintf(out, "%s%s\n", o == cmd->opts ? "" : "\n", o->group);
        n = snprintf(left, sizeof(left), "  %s%c%s--%s%s%s",
                     has_short(o->key) ? "-" : " ",
                     has_short(o->key) ? o->key : ' ',
                     has_short(o->key) ? ", " : "  ", o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        if (n < 0 || (size_t)n >= sizeof(left))
            n = (int)strlen(left);
        if (n + 1 >= HELP_COL) {
            fprintf(out, "%s\n", left);
            print_lines(out, o->help, HELP_COL, HELP_COL);
        } else {
            fprintf(out, "%-*s", HELP_COL, left);
            print_lines(out, o->help, 0, HELP_COL);
        }
        for (alias = o->aliases; alias && *alias; alias++)
            fprintf(out, "%*s(also --%s)\n", HELP_COL, "", *alias);
    }
    if (cmd->epilog) {
        fputc('\n', out);
        print_lines(out, cmd->epilog, 0, 0);
    }
}

/* Write s to out with roff's special characters escaped: '-' as "\-",
 * '\' as "\e", and a leading '.' or '\'' guarded. */
static void
roff(FILE *out, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len && s[i]; i++) {
        if (i == 0 && (s[i] == '.' || s[i] == '\''))
            fputs("\\&", out);
        if (s[i] == '-')
            fputs("\\-", out);
        else if (s[i] == ',' || s[i] == '|' || s[i] == '/')
            fprintf(out, "%c\\:", s[i]);   /* a place to break a long value */
        else if (s[i] == '\\')
            fputs("\\e", out);
        else
            fputc(s[i], out);
    }
}

/* The SYNOPSIS section: each usage line with the command in bold. */
static void
man_synopsis(const vd_cli_cmd *cmd, FILE *out)
{
    const char *p = cmd->synopsis;
    char prog[64];
    size_t plen;

    if (strcmp(cmd->name, "virtdeck") == 0)
        snprintf(prog, sizeof(prog), "virtdeck");
    else
        snprintf(prog, sizeof(prog), "virtdeck %s", cmd->name);
    plen = strlen(prog);
    fputs(".SH SYNOPSIS\n", out);
    while (*p) {
        size_t len = strcspn(p, "\n");

        if (p != cmd->synopsis)
            fputs(".br\n", out);
        if (len >= plen && strncmp(p, prog, plen) == 0) {
            fprintf(out, ".B %s\n", prog);
            if (len > plen + 1) {
                roff(out, p + plen + 1, len - plen - 1);
                fputc('\n', out);
            }
        } else {
            roff(out, p, len);
            fputc('\n', out);
        }
        p += len;
        if (*p)
            p++;
    }
}

/* The OPTIONS section: a .TP paragraph per option, under its group. */
static void
man_options(const vd_cli_cmd *cmd, FILE *out)
{
    const vd_cli_opt *o;

    fputs(".SH OPTIONS\n.ad l\n", out);     /* long values: no justifying */
    for (o = cmd->opts; o->name; o++) {
        const char *const *alias;
        const char *p;

        if (o->group) {
            fputs(".SS ", out);
            roff(out, o->group, strcspn(o->group, ":"));
            fputc('\n', out);
        }
        fputs(".TP\n", out);
        if (has_short(o->key))
            fprintf(out, "\\fB\\-%c\\fR, ", o->key);
        fputs("\\fB\\-\\-", out);
        roff(out, o->name, strlen(o->name));
        fputs("\\fR", out);
        for (alias = o->aliases; alias && *alias; alias++) {
            fputs(", \\fB\\-\\-", out);
            roff(out, *alias, strlen(*alias));
            fputs("\\fR", out);
        }
        if (o->arg) {
            fputs(" \\fI", out);
            roff(out, o->arg, strlen(o->arg));
            fputs("\\fR", out);
        }
        fputc('\n', out);
        /* the help lines: a line that starts with blanks keeps its own
         * line (a form of the value), the others are joined */
        for (p = o->help; *p;) {
            size_t len = strcspn(p, "\n");
            if (p != o->help && (*p == ' ' || *p == '-'))
                fputs(".br\n", out);
            while (len && *p == ' ') {
                p++;
                len--;
            }
            roff(out, p, len);
            fputc('\n', out);
            p += len;
            if (*p)
                p++;
        }
    }
    fputs(".ad\n", out);
}

/* Write cmd's man page from the template tmpl. */
int
vd_cli_man(const vd_cli_cmd *cmd, const char *tmpl, const char *version,
           FILE *out)
{
    const char *p = tmpl;
    int seen = 0;

    while (*p) {
        size_t len = strcspn(p, "\n");

        if (len == 6 && strncmp(p, "@NAME@", 6) == 0) {
            fputs(".SH NAME\n", out);
            if (strcmp(cmd->name, "virtdeck") == 0)
                fputs("virtdeck", out);
            else
                fprintf(out, "virtdeck\\-%s", cmd->name);
            fputs(" \\- ", out);
            roff(out, cmd->summary, strlen(cmd->summary));
            fputc('\n', out);
            seen |= 1;
        } else if (len == 10 && strncmp(p, "@SYNOPSIS@", 10) == 0) {
            man_synopsis(cmd, out);
            seen |= 2;
        } else if (len == 9 && strncmp(p, "@OPTIONS@", 9) == 0) {
            man_options(cmd, out);
            seen |= 4;
        } else {
            const char *v = memmem(p, len, "@VERSION@", 9);
            if (v) {
                fwrite(p, 1, (size_t)(v - p), out);
                fputs(version, out);
                fwrite(v + 9, 1, len - (size_t)(v - p) - 9, out);
            } else {
                fwrite(p, 1, len, out);
            }
            fputc('\n', out);
        }
        p += len;
        if (*p)
            p++;
    }
    return seen == 7 ? 0 : -1;
}

/* Parse seconds in [lo, hi] into ms. */
int
vd_cli_parse_seconds(const char *s, double lo, double hi)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi))
        return -1;
    return (int)(v * 1000);
}

/* Parse a whole number in [lo, hi]. */
int
vd_cli_parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* --delay SECONDS of the screen and top; see cli_args.h. */
int
vd_cli_take_delay(const char *arg, int *tick_ms, char *err, size_t errlen)
{
    if ((*tick_ms = vd_cli_parse_seconds(arg, 0.5, 3600)) < 0) {
        vd_cli_errf(err, errlen, "--delay: '%s' is not a number of seconds "
                    "from 0.5 to 3600", arg);
        return -1;
    }
    return 0;
}

/* --mem-period SECONDS of the screen and top; see cli_args.h. */
int
vd_cli_take_mem_period(const char *arg, int *period, char *err, size_t errlen)
{
    long num;

    if (vd_cli_parse_long(arg, 0, 3600, &num) < 0) {
        vd_cli_errf(err, errlen, "--mem-period: '%s' is not a number of "
                    "seconds from 0 to 3600", arg);
        return -1;
    }
    *period = (int)num;
    return 0;
}

/* Say what a parser's status means, as a command's runner does, and
 * return the exit status (0 after --help, 1 refused, 2 usage). */
int
vd_cli_report(const vd_cli_cmd *cmd, int status, const char *err)
{
    const char *prog = strcmp(cmd->name, "virtdeck") == 0 ? "" : cmd->name;

    if (status == VD_CLI_HELP) {
        vd_cli_help(cmd, stdout);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (status >= 0)
        return 0;
    fprintf(stderr, "virtdeck%s%s: %s\n", *prog ? " " : "", prog,
            err && *err ? err : "out of memory");
    if (status == VD_CLI_USAGE)
        fprintf(stderr, "Try 'virtdeck%s%s --help' for more information.\n",
                *prog ? " " : "", prog);
    return status == VD_CLI_USAGE ? 2 : 1;
}
