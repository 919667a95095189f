/*
 * cli_migrate_args.c: the command line of `virtdeck migrate`: its
 * option table and its parser (src/cli_migrate.c runs it).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"

enum {
    OPT_LIVE = 256, OPT_OFFLINE, OPT_PERSISTENT, OPT_UNDEFINE, OPT_COPY_ALL,
    OPT_COPY_INC, OPT_BANDWIDTH, OPT_DOWNTIME, OPT_AUTO_CONVERGE, OPT_POSTCOPY,
    OPT_P2P, OPT_TUNNELLED, OPT_UNSAFE, OPT_MIGRATE_URI, OPT_VERBOSE,
};

static const vd_cli_opt migrate_opts[] = {
    { .name = "connect", .key = 'c', .arg = "SRC", .values = "@hosts",
      .help = "the source host (default: $LIBVIRT_DEFAULT_URI or libvirt's default)" },
    { .name = "live", .key = OPT_LIVE, .group = "Mode:",
      .help = "live migration of a running or paused guest\n"
              "(the default for a running guest)" },
    { .name = "offline", .key = OPT_OFFLINE,
      .help = "move a shut off guest's definition (the default for a\n"
              "shut off guest; implies --persistent)" },
    { .name = "persistent", .key = OPT_PERSISTENT,
      .help = "define the guest on the destination" },
    { .name = "undefinesource", .key = OPT_UNDEFINE,
      .help = "undefine the guest on the source afterwards" },
    { .name = "copy-storage-all", .key = OPT_COPY_ALL, .group = "Storage:",
      .help = "copy the disks the destination does not see, whole" },
    { .name = "copy-storage-inc", .key = OPT_COPY_INC,
      .help = "copy them incrementally (the top layer)" },
    { .name = "unsafe", .key = OPT_UNSAFE,
      .help = "skip libvirt's check that storage is shared" },
    { .name = "bandwidth", .key = OPT_BANDWIDTH, .arg = "MiB/s", .group = "Tuning:",
      .help = "limit the migration's bandwidth (the disks' copy too)" },
    { .name = "downtime", .key = OPT_DOWNTIME, .arg = "MS",
      .help = "maximum downtime at the switch-over" },
    { .name = "auto-converge", .key = OPT_AUTO_CONVERGE,
      .help = "slow the guest's vCPUs if it does not converge" },
    { .name = "postcopy", .key = OPT_POSTCOPY,
      .help = "allow post-copy (Ctrl-\\ switches to it while it runs)" },
    { .name = "p2p", .key = OPT_P2P, .group = "Transport:",
      .help = "peer-to-peer: the source daemon connects to DEST_URI\n"
              "itself (DEST_URI as the source host reaches it)" },
    { .name = "tunnelled", .key = OPT_TUNNELLED,
      .help = "send the data through the daemons (implies --p2p)" },
    { .name = "migrate-uri", .key = OPT_MIGRATE_URI, .arg = "URI",
      .help = "where the data goes, e.g. tcp://10.0.0.2 (the\n"
              "destination's address on a migration link)" },
    { .name = "verbose", .key = OPT_VERBOSE, .group = "Output:",
      .help = "progress lines also when not on a terminal" },
    { .name = "help", .key = 'h', .help = "show this help" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_migrate_cmd = {
    .name = "migrate",
    .summary = "move a domain to another host (virsh migrate's options)",
    .synopsis = "virtdeck migrate [-c SRC] DOMAIN DEST_URI [OPTION]...",
    .description = "Move DOMAIN from the host SRC to the host DEST_URI, as virsh migrate\n"
                   "does, through the same checks and engine as the screen's migrate\n"
                   "dialog: what cannot work is refused before any migration call, with\n"
                   "the reason. A progress line on a terminal, plain lines otherwise\n"
                   "(--verbose).",
    .epilog = "Ctrl-C aborts the migration: the guest keeps running on the source.\n"
              "Exit status: 0 migrated, 1 refused, failed or cancelled, 2 usage error.",
    .opts = migrate_opts,
};

/* Take one of migrate's options into the vd_migrate_args ctx. */
static int
migrate_take(void *ctx, int key, const char *arg)
{
    vd_migrate_args *a = ctx;
    long num;

    switch (key) {
    case 'c': a->uri = arg; break;
    case OPT_LIVE: a->live = true; break;
    case OPT_OFFLINE: a->offline = true; break;
    case OPT_PERSISTENT: a->persistent = true; break;
    case OPT_UNDEFINE: a->undefinesource = true; break;
    case OPT_COPY_ALL: a->copy_all = true; break;
    case OPT_COPY_INC: a->copy_inc = true; break;
    case OPT_AUTO_CONVERGE: a->auto_converge = true; break;
    case OPT_POSTCOPY: a->postcopy = true; break;
    case OPT_P2P: a->p2p = true; break;
    case OPT_TUNNELLED: a->tunnelled = true; break;
    case OPT_UNSAFE: a->unsafe = true; break;
    case OPT_VERBOSE: a->verbose = true; break;
    case OPT_MIGRATE_URI: a->migrate_uri = arg; break;
    case OPT_BANDWIDTH:
        if (vd_cli_parse_long(arg, 1, 1L << 30, &num) < 0) {
            vd_cli_errf(a->err, sizeof(a->err), "--bandwidth needs a positive "
                        "number of MiB/s, not '%s'", arg);
            return VD_CLI_USAGE;
        }
        a->bandwidth = (unsigned long long)num;
        break;
    case OPT_DOWNTIME:
        if (vd_cli_parse_long(arg, 1, 1L << 30, &num) < 0) {
            vd_cli_errf(a->err, sizeof(a->err), "--downtime needs a positive "
                        "number of milliseconds, not '%s'", arg);
            return VD_CLI_USAGE;
        }
        a->downtime_ms = num;
        break;
    }
    return VD_CLI_RUN;
}

/* Parse the command line of `virtdeck migrate`. */
vd_cli_status
vd_migrate_args_parse(vd_migrate_args *a, int argc, char **argv)
{
    int status = vd_cli_parse(&vd_cli_migrate_cmd, argc, argv, migrate_take, a,
                              a->err, sizeof(a->err));

    if (status != VD_CLI_RUN)
        return status;
    if (argc - optind != 2) {
        vd_cli_errf(a->err, sizeof(a->err), "needs DOMAIN and DEST_URI");
        return VD_CLI_USAGE;
    }
    a->domain = argv[optind];
    a->dest_uri = argv[optind + 1];
    return VD_CLI_RUN;
}
