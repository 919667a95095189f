/*
 * cli_clone_args.c: the command line of `virtdeck clone` (virt-clone's
 * options): its option table and its parser (src/cli_clone.c runs it).
 */
#include <stdbool.h>
#include <string.h>

#include "cli_args.h"

/* A usage error with a message. */
#define USAGE(...) (vd_cli_errf(a->err, sizeof(a->err), __VA_ARGS__), VD_CLI_USAGE)

enum { OPT_AUTO = 256, OPT_LINKED, OPT_SKIP_COPY, OPT_LINK_DISK, OPT_PRINT_XML,
       OPT_QUIET };

static const vd_cli_opt clone_opts[] = {
    { .name = "connect", .key = 'c', .arg = "URI", .values = "@hosts",
      .help = "the libvirt URI (default: libvirt's default)" },
    { .name = "original", .key = 'o', .arg = "NAME",
      .help = "the domain to copy (name or UUID; shut off or paused)" },
    { .name = "name", .key = 'n', .arg = "NEW", .help = "the clone's name" },
    { .name = "auto-clone", .key = OPT_AUTO,
      .help = "name it NAME-clone (NAME-clone1, ... when taken)" },
    { .name = "linked", .key = OPT_LINKED,
      .help = "linked clone: a qcow2 overlay backed by each original disk\n"
              "instead of a copy (the originals must stay)" },
    { .name = "skip-copy", .key = OPT_SKIP_COPY, .arg = "TARGET",
      .help = "share disk TARGET (\"vdb\") instead of copying it (repeatable)" },
    { .name = "link-disk", .key = OPT_LINK_DISK, .arg = "TARGET",
      .help = "only disk TARGET as a linked clone (repeatable)" },
    { .name = "mac", .key = 'm', .arg = "MAC",
      .help = "the MAC of the next interface (repeatable; default: random)" },
    { .name = "print-xml", .key = OPT_PRINT_XML,
      .help = "print the clone's XML; change nothing" },
    { .name = "quiet", .key = OPT_QUIET, .help = "no progress on standard error" },
    { .name = "help", .key = 'h', .help = "show this help" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_clone_cmd = {
    .name = "clone",
    .summary = "copy a shut off domain with its disks (virt-clone's options)",
    .synopsis = "virtdeck clone [-c URI] --original NAME (--name NEW | --auto-clone) "
                "[--linked] [--skip-copy TARGET]... [--link-disk TARGET]... [--mac MAC]... "
                "[--print-xml] [--quiet]",
    .description = "Copy a shut off (or paused) domain, after virt-clone: a new name, UUID\n"
                   "and MAC addresses; every writable, non-shareable disk copied into its\n"
                   "pool through libvirt; read-only, shareable and CD-ROM disks shared;\n"
                   "UEFI NVRAM copied. On failure or Ctrl-C every new volume is deleted\n"
                   "and no domain is defined (docs/clone.md).",
    .epilog = "Exit status: 0 done, 1 refused, failed or interrupted, 2 usage error.",
    .opts = clone_opts,
};

/* Take one of clone's options into the vd_clone_cli_args ctx. */
static int
clone_take(void *ctx, int key, const char *arg)
{
    vd_clone_cli_args *a = ctx;

    switch (key) {
    case 'c': a->uri = arg; break;
    case 'o': a->original = arg; break;
    case 'n': a->name = arg; break;
    case OPT_AUTO: a->auto_clone = true; break;
    case OPT_LINKED: a->linked = true; break;
    case OPT_SKIP_COPY:
        if (a->nskip == VD_CLI_MAX_DISKS)
            return USAGE("at most %d --skip-copy", VD_CLI_MAX_DISKS);
        a->skip[a->nskip++] = arg;
        break;
    case OPT_LINK_DISK:
        if (a->nlink == VD_CLI_MAX_DISKS)
            return USAGE("at most %d --link-disk", VD_CLI_MAX_DISKS);
        a->link[a->nlink++] = arg;
        break;
    case 'm':
        if (a->nmacs == VD_CLI_MAX_DISKS)
            return USAGE("at most %d --mac", VD_CLI_MAX_DISKS);
        a->macs[a->nmacs++] = arg;
        break;
    case OPT_PRINT_XML: a->print_xml = true; break;
    case OPT_QUIET: a->quiet = true; break;
    }
    return VD_CLI_RUN;
}

/* Parse `virtdeck clone`. */
vd_cli_status
vd_clone_cli_args_parse(vd_clone_cli_args *a, int argc, char **argv)
{
    int status = vd_cli_parse_options(&vd_cli_clone_cmd, argc, argv, clone_take, a,
                                      a->err, sizeof(a->err));

    if (status != VD_CLI_RUN)
        return status;
    if (!a->original)
        return USAGE("--original NAME is needed");
    if (!a->name == !a->auto_clone)
        return USAGE("give either --name NEW or --auto-clone");
    return VD_CLI_RUN;
}
