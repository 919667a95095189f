/*
 * main.c: the command line. Parses options, starts the core and one
 * host worker per connection, and runs the terminal interface.
 */
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
#include "virtdeck/journal.h"
#include "ui/ui.h"
#include "cli.h"
#include "cli_args.h"

#define MAX_HOSTS VD_CLI_MAX_HOSTS
#define QUIT_WAIT_MS 1500       /* how long quitting waits for jobs to clean up */
#define QUIT_HOSTS_MS 50        /* how long quitting waits for all the workers
                                 * (a healthy one ends in a few ms; a hung one
                                 * is left to the exit) */

/* The bus, when a worker was left running at exit (see main). */
static vd_bus *volatile left_running_bus;

/* Print the screen's --help text, and the list of subcommands. */
static void
usage(FILE *out)
{
    const vd_subcommand *sub;

    vd_cli_help(&vd_cli_main_cmd, out);
    fprintf(out, "\nCommands (virtdeck COMMAND --help for their options):\n");
    for (sub = vd_subcommands; sub->name; sub++)
        fprintf(out, "  %-20s %s\n", sub->name,
                sub->summary ? sub->summary : sub->cmd->summary);
}

/* The hosts to open: those given with -c (this run only), else the
 * ones in hosts.conf, else $LIBVIRT_DEFAULT_URI or qemu:///system.
 * Problems with hosts.conf go to *notice (caller frees). 0 or -1. */
static int
load_hosts(const vd_main_args *opts, vd_hosts_conf *conf, char **notice)
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
    vd_main_args opts = { 0 };
    vd_ui_opts ui = { .mouse = true };
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

    if (argc > 1 && strcmp(argv[1], "--complete") == 0)
        return vd_cli_complete(argc - 2, argv + 2);
    if (argc > 1 && argv[1][0] != '-') {
        const vd_subcommand *sub;

        for (sub = vd_subcommands; sub->name; sub++) {
            if (strcmp(sub->name, argv[1]) != 0)
                continue;
            if ((rc = sub->run(argc - 1, argv + 1)) != VD_CLI_RUN_TOP)
                return rc;
            /* `virtdeck top`: the screen, in the top view, with the
             * subcommand's options */
            ui.top = true;
            argc--;
            argv++;
            break;
        }
    }

    switch ((rc = vd_main_args_parse(&opts, argc, argv))) {
    case VD_CLI_RUN:
        break;
    case VD_CLI_VERSION:
        printf("virtdeck %s (libvirt %s)\n", VD_VERSION,
               vd_core_libvirt_version());
        return EXIT_SUCCESS;
    case VD_CLI_HELP:
        usage(stdout);
        return EXIT_SUCCESS;
    default:
        return vd_cli_report(&vd_cli_main_cmd, rc, opts.err);
    }
    ui.theme = opts.theme;
    ui.ascii = opts.ascii;
    ui.mouse = !opts.no_mouse;
    ui.picture = opts.picture;

    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "virtdeck: %s\n", err);
        return EXIT_FAILURE;
    }
    /* a journal that cannot be opened is said on the status line */
    vd_journal_init("tui", &err);
    if (!(bus = vd_bus_new())) {
        perror("virtdeck: event descriptor");
        goto cleanup;
    }
    if (load_hosts(&opts, &conf, &notice) < 0)
        goto cleanup;
    ui.notice = notice;
    ui.hosts_conf = &conf;
    ui.readonly = opts.readonly;
    ui.tick_ms = opts.tick_ms;
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

    ui_status = vd_ui_run(hosts, nhosts, bus, &ui);
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
    vd_journal_shutdown(QUIT_WAIT_MS);     /* after the jobs' last entries */
    /* A worker stuck in a hung RPC still uses the bus and the event
     * loop: then leave both to the process exit rather than pull them
     * away under it. */
    if (all_ended) {
        vd_bus_free(bus);
        vd_core_shutdown();
    } else {
        /* a worker still runs and posts to it: the bus lives until the
         * process ends, on purpose (kept reachable from here) */
        left_running_bus = bus;
    }
    vd_hosts_conf_clear(&conf);
    free(notice);
    return ret;
}
