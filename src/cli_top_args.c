/*
 * cli_top_args.c: the command line of `virtdeck top`: its option table
 * and its parser. src/cli_top.c runs --batch; without it the screen
 * starts in the top view (main() parses argv with the screen's table).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"

/* A bad value is a usage error here (exit 2), as it always was. */
#define ERR(...) (vd_cli_errf(o->err, sizeof(o->err), __VA_ARGS__), VD_CLI_USAGE)

enum { OPT_CSV = 256, OPT_JSON, OPT_MEM_PERIOD, OPT_ASCII, OPT_NO_MOUSE };

static const vd_cli_opt top_opts[] = {
    { .name = "batch", .key = 'b',
      .help = "batch mode: no screen, rows on standard output" },
    { .name = "connect", .key = 'c', .arg = "URI", .values = "@hosts",
      .help = "host to watch (repeat for several hosts)" },
    { .name = "delay", .key = 'd', .arg = "SECONDS",
      .help = "time between refreshes (default 2, 0.5 to 3600)" },
    { .name = "readonly", .key = 'r', .help = "open read-only connections" },
    { .name = "mem-period", .key = OPT_MEM_PERIOD, .arg = "SECS",
      .help = "set the balloon stats period of running guests\n"
              "that report no memory use (0: leave it)" },
    { .name = "help", .key = 'h', .help = "show this help" },
    { .name = "iterations", .key = 'n', .arg = "N", .group = "Batch mode only:",
      .help = "stop after N iterations (default: run until killed)" },
    { .name = "csv", .key = OPT_CSV, .arg = "FILE|-", .values = "@file",
      .help = "write CSV to FILE, or standard output with -" },
    { .name = "json", .key = OPT_JSON,
      .help = "write one JSON object per line" },
    { .name = "theme", .key = 't', .arg = "NAME", .values = "@themes",
      .group = "Screen only:",
      .help = "colour theme (default, mono, light, high-contrast)" },
    { .name = "ascii", .key = OPT_ASCII, .help = "draw with ASCII only" },
    { .name = "no-mouse", .key = OPT_NO_MOUSE,
      .help = "do not take mouse clicks" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_top_cmd = {
    .name = "top",
    .summary = "live top view of every domain (--batch: rows, CSV, JSON)",
    .synopsis = "virtdeck top [-c URI]... [-d SECONDS] [-r] [SCREEN OPTION]...\n"
                "virtdeck top --batch [OPTION]...",
    .description = "Live statistics of every domain of every host.\n"
                   "\n"
                   "Without --batch: the full-screen top view (htop-like: a meter row per\n"
                   "host, every domain in one sortable table; q or Esc goes on to the\n"
                   "panes, F10 quits). Without -c, the hosts of hosts.conf, as virtdeck.\n"
                   "With --batch: one row per domain per iteration on standard output.",
    .epilog = "Rates (CPU %, disk and network per second) cover the time since the\n"
              "previous iteration. Exit status of --batch: 0, or 1 when no host could\n"
              "be reached.",
    .opts = top_opts,
};

/* Take one of top's options into the vd_top_args ctx. */
static int
top_take(void *ctx, int key, const char *arg)
{
    vd_top_args *o = ctx;
    long num;

    switch (key) {
    case 'b':
        o->batch = true;
        break;
    case 'c':
        if (o->nuris == VD_CLI_MAX_HOSTS)
            return ERR("at most %d hosts", VD_CLI_MAX_HOSTS);
        o->uris[o->nuris++] = arg;
        break;
    case 'n':
        o->batch_opt = "--iterations";
        if (vd_cli_parse_long(arg, 1, 1L << 40, &num) < 0)
            return ERR("--iterations: '%s' is not a whole number from 1", arg);
        o->iterations = num;
        break;
    case 'd':
        if (vd_cli_take_delay(arg, &o->tick_ms, o->err, sizeof(o->err)) < 0)
            return VD_CLI_USAGE;
        break;
    case OPT_CSV:
        if (o->format == VD_TOP_JSON)
            return ERR("--csv and --json exclude each other");
        o->format = VD_TOP_CSV;
        o->csv_file = arg;
        o->batch_opt = "--csv";
        break;
    case OPT_JSON:
        if (o->format == VD_TOP_CSV)
            return ERR("--csv and --json exclude each other");
        o->format = VD_TOP_JSON;
        o->batch_opt = "--json";
        break;
    case 't':
        o->screen_opt = "--theme";
        break;
    case OPT_ASCII:
        o->screen_opt = "--ascii";
        break;
    case OPT_NO_MOUSE:
        o->screen_opt = "--no-mouse";
        break;
    case OPT_MEM_PERIOD:
        if (vd_cli_take_mem_period(arg, &o->mem_period, o->err, sizeof(o->err)) < 0)
            return VD_CLI_USAGE;
        break;
    case 'r':
        o->readonly = true;
        break;
    }
    return VD_CLI_RUN;
}

/* Parse the command line of `virtdeck top`. */
vd_cli_status
vd_top_args_parse(vd_top_args *o, int argc, char **argv)
{
    int status = vd_cli_parse_options(&vd_cli_top_cmd, argc, argv, top_take, o,
                                      o->err, sizeof(o->err));

    if (status != VD_CLI_RUN)
        return status;
    if (!o->batch) {
        if (o->batch_opt)
            return ERR("%s is for batch mode: add --batch", o->batch_opt);
        return VD_CLI_SCREEN;
    }
    if (o->screen_opt)
        return ERR("%s is for the screen, not --batch", o->screen_opt);
    return VD_CLI_RUN;
}
