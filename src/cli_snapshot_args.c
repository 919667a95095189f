/*
 * cli_snapshot_args.c: the command line of `virtdeck snapshot`: its
 * option table and its parser (src/cli_snapshot.c runs it).
 */
#include <getopt.h>
#include <stdbool.h>
#include <string.h>

#include "virtdeck/dsnap.h"
#include "cli_args.h"

/* A usage error with a message. */
#define USAGE(...) (vd_cli_errf(a->err, sizeof(a->err), __VA_ARGS__), VD_CLI_USAGE)

enum { OPT_TREE = 256, OPT_NAME, OPT_DESCRIPTION, OPT_DISK_ONLY, OPT_QUIESCE,
       OPT_NO_MEMORY, OPT_POOL, OPT_RUNNING, OPT_PAUSED, OPT_CHILDREN,
       OPT_METADATA, OPT_PRINT_XML };

static const vd_cli_opt snapshot_opts[] = {
    { .name = "connect", .key = 'c', .arg = "URI", .values = "@hosts",
      .help = "the libvirt URI (default: libvirt's default)" },
    { .name = "help", .key = 'h', .help = "show this help" },
    { .name = "tree", .key = OPT_TREE, .group = "list:",
      .help = "the tree, as `virsh snapshot-list --tree` prints it" },
    { .name = "name", .key = OPT_NAME, .arg = "N", .group = "create:",
      .help = "the snapshot's name (default: from the time)" },
    { .name = "description", .key = OPT_DESCRIPTION, .arg = "D",
      .help = "a description" },
    { .name = "disk-only", .key = OPT_DISK_ONLY,
      .help = "external, disk only: an overlay per disk (default: internal,\n"
              "with the memory when the guest runs; qcow2 disks only)" },
    { .name = "quiesce", .key = OPT_QUIESCE,
      .help = "freeze the guest's filesystems (guest agent; --disk-only)" },
    { .name = "pool", .key = OPT_POOL, .arg = "P",
      .help = "put the overlays in directory pool P (--disk-only)" },
    { .name = "no-memory", .key = OPT_NO_MEMORY,
      .help = "never save the memory (refused for an internal snapshot\n"
              "of a running guest)" },
    { .name = "print-xml", .key = OPT_PRINT_XML,
      .help = "print the snapshot XML after every check; create nothing" },
    { .name = "running", .key = OPT_RUNNING, .group = "revert:",
      .help = "end running" },
    { .name = "paused", .key = OPT_PAUSED, .help = "end paused" },
    { .name = "children", .key = OPT_CHILDREN, .group = "delete:",
      .help = "also every snapshot below it" },
    { .name = "metadata", .key = OPT_METADATA,
      .help = "only libvirt's record; keep the data" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_snapshot_cmd = {
    .name = "snapshot",
    .summary = "a domain's snapshots: list, create, revert, delete, dumpxml",
    .synopsis = "virtdeck snapshot [-c URI] DOMAIN list [--tree]\n"
                "virtdeck snapshot [-c URI] DOMAIN create [--name N] [--description D] "
                "[--disk-only [--quiesce] [--pool P]] [--no-memory] [--print-xml]\n"
                "virtdeck snapshot [-c URI] DOMAIN revert NAME [--running|--paused]\n"
                "virtdeck snapshot [-c URI] DOMAIN delete NAME [--children] [--metadata]\n"
                "virtdeck snapshot [-c URI] DOMAIN dumpxml NAME",
    .description = "A domain's snapshots, after virsh snapshot-*. DOMAIN is a name, UUID\n"
                   "or id. What cannot work is refused before anything changes, with\n"
                   "what would work (docs/snapshots.md).",
    .epilog = "Exit status: 0 done, 1 refused or failed, 2 usage error.",
    .opts = snapshot_opts,
};

/* The options that belong to one action. */
static const struct { int key; const char *action; } belongs[] = {
    { OPT_TREE, "list" },
    { OPT_NAME, "create" }, { OPT_DESCRIPTION, "create" }, { OPT_DISK_ONLY, "create" },
    { OPT_QUIESCE, "create" }, { OPT_POOL, "create" }, { OPT_NO_MEMORY, "create" },
    { OPT_PRINT_XML, "create" },
    { OPT_RUNNING, "revert" }, { OPT_PAUSED, "revert" },
    { OPT_CHILDREN, "delete" }, { OPT_METADATA, "delete" },
};

#define NBELONGS (sizeof(belongs) / sizeof(belongs[0]))

/* What snapshot's options fill: its args, and which options of
 * belongs[] were given. */
typedef struct snapshot_parse {
    vd_snapshot_args *a;
    bool given[NBELONGS];
} snapshot_parse;

/* Take one of snapshot's options into the snapshot_parse ctx. */
static int
snapshot_take(void *ctx, int key, const char *arg)
{
    snapshot_parse *p = ctx;
    vd_snapshot_args *a = p->a;
    size_t i;

    for (i = 0; i < NBELONGS; i++)
        if (belongs[i].key == key)
            p->given[i] = true;
    switch (key) {
    case 'c': a->uri = arg; break;
    case OPT_TREE: a->tree = true; break;
    case OPT_NAME: a->name = arg; break;
    case OPT_DESCRIPTION: a->description = arg; break;
    case OPT_DISK_ONLY: a->disk_only = true; break;
    case OPT_QUIESCE: a->quiesce = true; break;
    case OPT_POOL: a->pool = arg; break;
    case OPT_NO_MEMORY: a->no_memory = true; break;
    case OPT_PRINT_XML: a->print_xml = true; break;
    case OPT_RUNNING: a->revert_flags |= VD_DSNAP_REVERT_RUNNING; break;
    case OPT_PAUSED: a->revert_flags |= VD_DSNAP_REVERT_PAUSED; break;
    case OPT_CHILDREN: a->delete_flags |= VD_DSNAP_DELETE_CHILDREN; break;
    case OPT_METADATA: a->delete_flags |= VD_DSNAP_DELETE_METADATA; break;
    }
    return VD_CLI_RUN;
}

/* Parse `virtdeck snapshot`. */
vd_cli_status
vd_snapshot_args_parse(vd_snapshot_args *a, int argc, char **argv)
{
    snapshot_parse p = { .a = a };
    int status, nops;
    size_t i;

    status = vd_cli_parse(&vd_cli_snapshot_cmd, argc, argv, snapshot_take, &p,
                          a->err, sizeof(a->err));
    if (status != VD_CLI_RUN)
        return status;
    nops = argc - optind;
    if (nops < 2)
        return USAGE("a domain and an action are needed");
    a->domain = argv[optind];
    a->action = argv[optind + 1];
    if (!strcmp(a->action, "revert") || !strcmp(a->action, "delete") ||
        !strcmp(a->action, "dumpxml")) {
        if (nops != 3)
            return USAGE("%s needs exactly one snapshot name", a->action);
        a->snapshot = argv[optind + 2];
    } else if (!strcmp(a->action, "list") || !strcmp(a->action, "create")) {
        if (nops != 2)
            return USAGE("unexpected argument '%s'", argv[optind + 2]);
    } else {
        return USAGE("unknown action '%s' (list, create, revert, delete, dumpxml)",
                     a->action);
    }
    for (i = 0; i < NBELONGS; i++) {
        const vd_cli_opt *o = vd_cli_find(&vd_cli_snapshot_cmd, NULL, belongs[i].key);

        if (p.given[i] && strcmp(belongs[i].action, a->action) != 0)
            return USAGE("--%s is for '%s', not '%s'", o ? o->name : "?",
                         belongs[i].action, a->action);
    }
    if (a->revert_flags == (VD_DSNAP_REVERT_RUNNING | VD_DSNAP_REVERT_PAUSED))
        return USAGE("--running and --paused exclude each other");
    if ((a->quiesce || a->pool) && !a->disk_only)
        return USAGE("--quiesce and --pool need --disk-only");
    return VD_CLI_RUN;
}
