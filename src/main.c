/*
 * main.c: the command line. Parses options, starts the core and one
 * host worker per connection, and runs the terminal interface.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "virtdeck/hostsconf.h"
#include "virtdeck/job.h"
#include "ui/ui.h"
#include "cli.h"

#define MAX_HOSTS 64
#define QUIT_WAIT_MS 1500       /* how long quitting waits for jobs to clean up */
#define QUIT_HOSTS_MS 100       /* how long quitting waits for all the workers */

typedef struct options {
    const char *uris[MAX_HOSTS];
    size_t nuris;
    bool readonly;
    int tick_ms;
    int mem_period;             /* --mem-period: balloon stats period (s) */
    vd_ui_opts ui;
} options;

/* Print the usage text to out. */
static void
usage(FILE *out)
{
    fprintf(out,
"Usage: virtdeck [OPTION]...\n"
"       virtdeck COMMAND [OPTION]...\n"
"A full-screen terminal manager for libvirt virtual machines.\n"
"\n"
"  -c, --connect URI    connect to URI (repeat for several hosts), e.g.\n"
"                       qemu:///system, qemu+ssh://root@host/system,\n"
"                       qemu+tcp://host/system, test:///default\n"
"  -r, --readonly       open read-only connections; write actions are refused\n"
"  -d, --delay SECONDS  refresh period (default 2, 0.5 to 3600)\n"
"      --mem-period SECONDS  set the balloon stats period of running guests\n"
"                       that report no memory use, so it is shown (0: leave)\n"
"  -t, --theme NAME     colour theme: default, mono, light, high-contrast,\n"
"                       or a path to a .theme file\n"
"      --ascii          draw with ASCII only, even in a UTF-8 locale\n"
"      --no-mouse       do not take mouse clicks\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Without -c, virtdeck connects to $LIBVIRT_DEFAULT_URI, or qemu:///system.\n"
"Inside, press ? for every key. See virtdeck(1).\n");
    if (vd_subcommands[0].name) {
        const vd_subcommand *sub;

        fprintf(out, "\nCommands (virtdeck COMMAND --help for their options):\n");
        for (sub = vd_subcommands; sub->name; sub++)
            fprintf(out, "  %-20s %s\n", sub->name, sub->summary);
    }
}

/* Parse argv into opts. Returns -1 to exit with failure, 1 to exit
 * with success (help, version), 0 to run. */
static int
parse_args(int argc, char **argv, options *opts)
{
    enum { OPT_ASCII = 256, OPT_NO_MOUSE, OPT_MEM_PERIOD = 300 };
    static const struct option longopts[] = {
        { "connect", required_argument, NULL, 'c' },
        { "readonly", no_argument, NULL, 'r' },
        { "delay", required_argument, NULL, 'd' },
        { "theme", required_argument, NULL, 't' },
        { "ascii", no_argument, NULL, OPT_ASCII },
        { "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
        { "mem-period", required_argument, NULL, OPT_MEM_PERIOD },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    while ((c = getopt_long(argc, argv, "c:rd:t:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'c':
            if (opts->nuris == MAX_HOSTS) {
                fprintf(stderr, "virtdeck: at most %d connections\n", MAX_HOSTS);
                return -1;
            }
            if (!*optarg) {
                fprintf(stderr, "virtdeck: --connect needs a URI\n");
                return -1;
            }
            opts->uris[opts->nuris++] = optarg;
            break;
        case 'r':
            opts->readonly = true;
            break;
        case 'd': {
            char *end;
            double secs;

            errno = 0;
            secs = strtod(optarg, &end);
            if (errno || end == optarg || *end || secs < 0.5 || secs > 3600) {
                fprintf(stderr, "virtdeck: --delay: '%s' is not a number of "
                        "seconds from 0.5 to 3600\n", optarg);
                return -1;
            }
            opts->tick_ms = (int)(secs * 1000);
            break;
        }
        case 't':
            opts->ui.theme = optarg;
            break;
        case OPT_ASCII:
            opts->ui.ascii = true;
            break;
        case OPT_NO_MOUSE:
            opts->ui.mouse = false;
            break;
        case OPT_MEM_PERIOD: {
            char *end;
            long secs;

            errno = 0;
            secs = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || secs < 0 || secs > 3600) {
                fprintf(stderr, "virtdeck: --mem-period: '%s' is not a number "
                        "of seconds from 0 to 3600\n", optarg);
                return -1;
            }
            opts->mem_period = (int)secs;
            break;
        }
        case 'h':
            usage(stdout);
            return 1;
        case 'V':
            printf("virtdeck %s (libvirt %s)\n", VD_VERSION,
                   vd_core_libvirt_version());
            return 1;
        default:
            fprintf(stderr, "Try 'virtdeck --help' for more information.\n");
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "virtdeck: unexpected argument '%s'\n"
                "Try 'virtdeck --help' for more information.\n", argv[optind]);
        return -1;
    }
    return 0;
}

/* The hosts to open: those given with -c (this run only), else the
 * ones in hosts.conf, else $LIBVIRT_DEFAULT_URI or qemu:///system.
 * Problems with hosts.conf go to *notice (caller frees). 0 or -1. */
static int
load_hosts(const options *opts, vd_hosts_conf *conf, char **notice)
{
    const char *why = NULL;
    char *path;
    size_t i;

    *notice = NULL;
    for (i = 0; i < opts->nuris; i++) {
        if (vd_hosts_conf_add(conf, opts->uris[i], NULL, true, true, &why) < 0) {
            fprintf(stderr, "virtdeck: --connect %s: %s\n", opts->uris[i], why);
            return -1;
        }
    }
    if (opts->nuris)
        return 0;
    if ((path = vd_hosts_conf_path())) {
        vd_hosts_conf_load(conf, path);
        free(path);
    }
    if (conf->unreadable) {
        if (asprintf(notice, "hosts list not read: %s; it will not be "
                     "written over", conf->unreadable) < 0)
            *notice = NULL;
    } else if (conf->nerrors) {
        /* the first problem on the status line, the count with it */
        if (asprintf(notice, "%s %s", conf->nerrors > 1 ?
                     "lines skipped, the first:" : "line skipped:",
                     conf->errors[0]) < 0)
            *notice = NULL;
    }
    if (conf->nhosts == 0) {
        const char *env = getenv("LIBVIRT_DEFAULT_URI");
        if (vd_hosts_conf_add(conf, env && *env ? env : "qemu:///system", NULL,
                              true, true, &why) < 0) {
            fprintf(stderr, "virtdeck: LIBVIRT_DEFAULT_URI: %s\n", why);
            return -1;
        }
    }
    return 0;
}

int
main(int argc, char **argv)
{
    options opts = { .ui = { .mouse = true } };
    vd_host *hosts[MAX_HOSTS] = { NULL };
    vd_bus *bus = NULL;
    vd_hosts_conf conf = { 0 };
    char *notice = NULL;
    size_t nhosts = 0;
    const char *err = NULL;
    size_t i;
    bool all_ended = true;
    int rc, ui_status, ret = EXIT_FAILURE;

    setlocale(LC_ALL, "");
    signal(SIGPIPE, SIG_IGN);

    if (argc > 1 && argv[1][0] != '-') {
        const vd_subcommand *sub;

        for (sub = vd_subcommands; sub->name; sub++) {
            if (strcmp(sub->name, argv[1]) != 0)
                continue;
            if ((rc = sub->run(argc - 1, argv + 1)) != VD_CLI_RUN_TOP)
                return rc;
            /* `virtdeck top`: the screen, in the top view, with the
             * subcommand's options */
            opts.ui.top = true;
            argc--;
            argv++;
            optind = 0;         /* getopt starts over */
            break;
        }
    }

    if ((rc = parse_args(argc, argv, &opts)) != 0)
        return rc > 0 ? EXIT_SUCCESS : EXIT_FAILURE;

    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "virtdeck: %s\n", err);
        return EXIT_FAILURE;
    }
    if (!(bus = vd_bus_new())) {
        perror("virtdeck: event descriptor");
        goto cleanup;
    }
    if (load_hosts(&opts, &conf, &notice) < 0)
        goto cleanup;
    opts.ui.notice = notice;
    opts.ui.hosts_conf = &conf;
    opts.ui.readonly = opts.readonly;
    opts.ui.tick_ms = opts.tick_ms;
    for (i = 0; i < conf.nhosts && i < MAX_HOSTS; i++) {
        vd_host_opts hopts = {
            .uri = conf.hosts[i].uri,
            .label = conf.hosts[i].label,
            .readonly = opts.readonly,
            .tick_ms = opts.tick_ms,
            .balloon_period = opts.mem_period,
            .idle = !conf.hosts[i].autoconnect,
        };
        if (!(hosts[i] = vd_host_new(&hopts, (int)i, bus))) {
            fprintf(stderr, "virtdeck: could not start a worker for %s\n",
                    conf.hosts[i].uri);
            goto cleanup;
        }
        nhosts++;
    }

    ui_status = vd_ui_run(hosts, nhosts, bus, &opts.ui);
    if (ui_status == 0)
        ret = EXIT_SUCCESS;
    else if (ui_status > 128)
        ret = ui_status;        /* SIGTERM / SIGHUP: the shell's status */

 cleanup:
    /* every worker at once, then one short deadline for all: a hung
     * host's worker is not waited for (it ends with the process) */
    for (i = 0; i < nhosts; i++)
        vd_host_stop(hosts[i]);
    {
        long long deadline = vd_now_ms() + QUIT_HOSTS_MS;

        for (i = 0; i < nhosts; i++) {
            long long left = deadline - vd_now_ms();

            if (!vd_host_free(hosts[i], left > 0 ? (int)left : 0))
                all_ended = false;
        }
    }
    /* running jobs (uploads...) post to the bus: stop them first */
    if (!vd_jobs_shutdown(QUIT_WAIT_MS))
        all_ended = false;
    {
        /* what a lost connection kept us from removing: say so */
        char *left = vd_leftovers_pending();

        if (left)
            fprintf(stderr, "virtdeck: not removed, because the host was "
                    "not connected again before quitting:\n%s", left);
        free(left);
    }
    /* A worker stuck in a hung RPC still uses the bus and the event
     * loop: then leave both to the process exit rather than pull them
     * away under it. */
    if (all_ended) {
        vd_bus_free(bus);
        vd_core_shutdown();
    }
    vd_hosts_conf_clear(&conf);
    free(notice);
    return ret;
}
