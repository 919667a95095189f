/*
 * cli_clone.c: `virtdeck clone`, a copy of a shut-off domain from the
 * command line with virt-clone's options. The checks and the work are
 * the core's (virtdeck/clone_ops.h), so the messages are the TUI's. An
 * interrupt (Ctrl-C) cancels: every volume made is deleted and no
 * domain is defined.
 */
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/clone_ops.h"
#include "cli.h"

#define PROG "virtdeck clone"

enum {
    OPT_ORIGINAL = 256,
    OPT_AUTO,
    OPT_LINKED,
    OPT_SKIP_COPY,
    OPT_LINK_DISK,
    OPT_MAC,
    OPT_PRINT_XML,
    OPT_QUIET,
};

static const struct option longopts[] = {
    { "connect", required_argument, NULL, 'c' },
    { "original", required_argument, NULL, 'o' },
    { "name", required_argument, NULL, 'n' },
    { "auto-clone", no_argument, NULL, OPT_AUTO },
    { "linked", no_argument, NULL, OPT_LINKED },
    { "skip-copy", required_argument, NULL, OPT_SKIP_COPY },
    { "link-disk", required_argument, NULL, OPT_LINK_DISK },
    { "mac", required_argument, NULL, 'm' },
    { "print-xml", no_argument, NULL, OPT_PRINT_XML },
    { "quiet", no_argument, NULL, OPT_QUIET },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Print the usage to out. */
static void
usage(FILE *out)
{
    fputs(
"Usage: virtdeck clone [-c URI] --original NAME (--name NEW | --auto-clone)\n"
"                      [--linked] [--skip-copy TARGET]... [--link-disk TARGET]...\n"
"                      [--mac MAC]... [--print-xml] [--quiet]\n"
"\n"
"Copy a shut off (or paused) domain, after virt-clone: a new name, UUID and\n"
"MAC addresses; every writable, non-shareable disk copied into its pool\n"
"through libvirt; read-only, shareable and CD-ROM disks shared; UEFI NVRAM\n"
"copied. On failure or Ctrl-C every new volume is deleted.\n"
"\n"
"Options:\n"
"  -c, --connect URI          the libvirt URI (default: libvirt's default)\n"
"  -o, --original NAME        the domain to copy (name or UUID)\n"
"  -n, --name NEW             the clone's name\n"
"      --auto-clone           name it NAME-clone (NAME-clone1, ... when taken)\n"
"      --linked               linked clone: a qcow2 overlay backed by each\n"
"                             original disk instead of a copy (the originals\n"
"                             must stay)\n"
"      --skip-copy TARGET     share disk TARGET (\"vdb\") instead of copying it\n"
"      --link-disk TARGET     only disk TARGET as a linked clone\n"
"  -m, --mac MAC              the MAC of the next interface (default: random)\n"
"      --print-xml            print the clone's XML; change nothing\n"
"      --quiet                no progress on stderr\n"
"  -h, --help                 show this help\n"
"\n"
"Exit status: 0 done, 1 refused, failed or interrupted, 2 usage error.\n", out);
}

static volatile sig_atomic_t interrupted;

/* SIGINT/SIGTERM: cancel. */
static void
on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* Whether the user interrupted. */
static bool
is_cancelled(void *opaque)
{
    (void)opaque;
    return interrupted != 0;
}

/* Progress on stderr when it is a terminal. */
static void
show_progress(void *opaque, unsigned long long done, unsigned long long total)
{
    (void)opaque;
    if (total > 0)
        fprintf(stderr, "\rcopying: %3llu%% (%llu of %llu MiB)", done * 100 / total,
                done >> 20, total >> 20);
}

/* Run `virtdeck clone`. */
int
vd_cli_clone(int argc, char **argv)
{
    const char *uri = NULL, *original = NULL;
    vd_clone_args args = { 0 };
    vd_clone_plan plan = { 0 };
    bool auto_clone = false, print_xml = false, quiet = false;
    virConnectPtr conn = NULL;
    virDomainPtr dom = NULL;
    struct sigaction sa;
    char *err = NULL;
    int c, rc = 2;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:o:n:m:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': uri = optarg; break;
        case 'o': original = optarg; break;
        case 'n':
            free(args.name);
            if (!(args.name = strdup(optarg)))
                goto oom;
            break;
        case OPT_AUTO: auto_clone = true; break;
        case OPT_LINKED: args.linked = true; break;
        case OPT_SKIP_COPY:
            if (vd_clone_args_disk(&args, optarg, VD_CLONE_SHARE) < 0)
                goto oom;
            break;
        case OPT_LINK_DISK:
            if (vd_clone_args_disk(&args, optarg, VD_CLONE_LINK) < 0)
                goto oom;
            break;
        case 'm': {
            char **v = realloc(args.macs, (args.nmacs + 1) * sizeof(*v));
            const char *bad = vd_clone_check_mac(optarg);

            if (bad) {
                rc = vd_cli_usage_error(PROG, "--mac %s: %s", optarg, bad);
                goto cleanup;
            }
            if (!v)
                goto oom;
            args.macs = v;
            if (!(v[args.nmacs] = strdup(optarg)))
                goto oom;
            args.nmacs++;
            break;
        }
        case OPT_PRINT_XML: print_xml = true; break;
        case OPT_QUIET: quiet = true; break;
        case 'h':
            usage(stdout);
            rc = 0;
            goto cleanup;
        case ':':
            rc = vd_cli_usage_error(PROG, "option '%s' needs a value", argv[optind - 1]);
            goto cleanup;
        default:
            rc = vd_cli_usage_error(PROG, "unknown option '%s'", argv[optind - 1]);
            goto cleanup;
        }
    }
    if (optind < argc) {
        rc = vd_cli_usage_error(PROG, "unexpected argument '%s'", argv[optind]);
        goto cleanup;
    }
    if (!original) {
        rc = vd_cli_usage_error(PROG, "--original NAME is needed");
        goto cleanup;
    }
    if (!args.name == !auto_clone) {
        rc = vd_cli_usage_error(PROG, "give either --name NEW or --auto-clone");
        goto cleanup;
    }
    rc = 1;
    if (!(conn = vd_cli_connect(PROG, uri)))
        goto cleanup;
    if (!(dom = vd_cli_find_domain(conn, original))) {
        fprintf(stderr, "%s: no domain '%s'\n", PROG, original);
        goto cleanup;
    }
    if (vd_clone_plan_make(dom, &args, &plan, &err) < 0) {
        fprintf(stderr, "%s: %s\n", PROG, err ? err : "failed");
        goto cleanup;
    }
    if (plan.warnings)
        fprintf(stderr, "%s: warning: %s", PROG, plan.warnings);
    if (print_xml) {
        char *xml = vd_clone_plan_xml(&plan);

        if (!xml)
            goto oom;
        fputs(xml, stdout);
        free(xml);
        rc = 0;
        goto cleanup;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    c = vd_clone_run(conn, &plan, quiet || !isatty(2) ? NULL : show_progress, NULL,
                     is_cancelled, &err);
    if (!quiet && isatty(2))
        fputc('\n', stderr);
    if (c != 0) {
        fprintf(stderr, "%s: %s\n", PROG, err ? err : "failed");
        goto cleanup;
    }
    printf("Clone '%s' created successfully (UUID %s).\n", plan.name, plan.uuid);
    rc = 0;
    goto cleanup;

 oom:
    fprintf(stderr, "%s: out of memory\n", PROG);
    rc = 1;
 cleanup:
    free(err);
    vd_clone_plan_clear(&plan);
    vd_clone_args_clear(&args);
    if (dom)
        virDomainFree(dom);
    if (conn)
        virConnectClose(conn);
    return rc;
}
