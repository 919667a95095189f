/*
 * cli_snapshot.c: `virtdeck snapshot`, a domain's snapshots from the
 * command line, after `virsh snapshot-*`: list (and --tree), create,
 * revert, delete, dumpxml. The work and every refusal are the core's
 * (virtdeck/dsnap_ops.h), so the messages are the TUI's.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/dsnap_ops.h"
#include "cli.h"

#define PROG "virtdeck snapshot"

enum {
    OPT_TREE = 256,
    OPT_NAME,
    OPT_DESCRIPTION,
    OPT_DISK_ONLY,
    OPT_QUIESCE,
    OPT_NO_MEMORY,
    OPT_POOL,
    OPT_RUNNING,
    OPT_PAUSED,
    OPT_CHILDREN,
    OPT_METADATA,
    OPT_PRINT_XML,
};

static const struct option longopts[] = {
    { "connect", required_argument, NULL, 'c' },
    { "tree", no_argument, NULL, OPT_TREE },
    { "name", required_argument, NULL, OPT_NAME },
    { "description", required_argument, NULL, OPT_DESCRIPTION },
    { "disk-only", no_argument, NULL, OPT_DISK_ONLY },
    { "quiesce", no_argument, NULL, OPT_QUIESCE },
    { "no-memory", no_argument, NULL, OPT_NO_MEMORY },
    { "pool", required_argument, NULL, OPT_POOL },
    { "running", no_argument, NULL, OPT_RUNNING },
    { "paused", no_argument, NULL, OPT_PAUSED },
    { "children", no_argument, NULL, OPT_CHILDREN },
    { "metadata", no_argument, NULL, OPT_METADATA },
    { "print-xml", no_argument, NULL, OPT_PRINT_XML },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Print the usage to out. */
static void
usage(FILE *out)
{
    fputs(
"Usage: virtdeck snapshot [-c URI] DOMAIN ACTION [OPTIONS]\n"
"\n"
"A domain's snapshots, after virsh snapshot-*.\n"
"\n"
"Actions:\n"
"  list [--tree]              the snapshots (a table, or the tree as\n"
"                             `virsh snapshot-list --tree` prints it)\n"
"  create [--name N] [--description D] [--disk-only [--quiesce] [--pool P]]\n"
"         [--no-memory] [--print-xml]\n"
"                             a new snapshot: internal (qcow2 disks, with memory\n"
"                             when the guest runs) or external disk-only (overlays)\n"
"  revert NAME [--running|--paused]\n"
"                             back to a snapshot, ending as captured, running or paused\n"
"  delete NAME [--children] [--metadata]\n"
"                             delete one snapshot, it and its children, or only\n"
"                             libvirt's metadata\n"
"  dumpxml NAME               the snapshot's XML\n"
"\n"
"Options:\n"
"  -c, --connect URI          the libvirt URI (default: libvirt's default)\n"
"      --tree                 list: draw the tree\n"
"      --name N               create: the name (default: from the time)\n"
"      --description D        create: a description\n"
"      --disk-only            create: external, disk only (an overlay per disk)\n"
"      --quiesce              create: freeze the guest's filesystems (guest agent)\n"
"      --no-memory            create: never save the memory (refused for an\n"
"                             internal snapshot of a running guest)\n"
"      --pool P               create: put the overlays in dir pool P\n"
"      --print-xml            create: print the snapshot XML after every check;\n"
"                             create nothing\n"
"      --running              revert: end running\n"
"      --paused               revert: end paused\n"
"      --children             delete: also every snapshot below it\n"
"      --metadata             delete: only libvirt's record, keep the data\n"
"  -h, --help                 show this help\n"
"\n"
"Exit status: 0 done, 1 refused or failed, 2 usage error.\n", out);
}

/* A failure: message, status 1. */
static int
failed(const char *msg)
{
    fprintf(stderr, "%s: %s\n", PROG, msg ? msg : "failed");
    return 1;
}

/* The table `virsh snapshot-list` prints. */
static void
print_table(const vd_dsnap_list *l)
{
    size_t i, wn = 4, wt = 13;
    char (*times)[64] = calloc(l->n ? l->n : 1, sizeof(*times));

    if (!times)
        return;
    for (i = 0; i < l->n; i++) {
        time_t t = (time_t)l->items[i].created;
        struct tm tm;

        if (localtime_r(&t, &tm))
            strftime(times[i], sizeof(times[i]), "%Y-%m-%d %H:%M:%S %z", &tm);
        if (strlen(l->items[i].name) > wn)
            wn = strlen(l->items[i].name);
        if (strlen(times[i]) > wt)
            wt = strlen(times[i]);
    }
    printf(" %-*s   %-*s   %-13s   %-8s   %s\n", (int)wn, "Name", (int)wt, "Creation Time",
           "State", "Kind", "Current");
    for (i = 0; i < wn + wt + 48; i++)
        putchar('-');
    putchar('\n');
    for (i = 0; i < l->n; i++) {
        const vd_dsnap *s = &l->items[i];

        printf(" %-*s   %-*s   %-13s   %-8s   %s\n", (int)wn, s->name, (int)wt, times[i],
               s->state ? s->state : "?", s->external ? "external" : "internal",
               s->current ? "yes" : "");
    }
    putchar('\n');
    free(times);
}

/* Run `virtdeck snapshot`. */
int
vd_cli_snapshot(int argc, char **argv)
{
    const char *uri = NULL, *dname, *action, *sname = NULL;
    vd_dsnap_spec spec = { 0 };
    bool tree = false, print_xml = false;
    unsigned int rflags = 0, dflags = 0;
    bool create_opt = false, list_opt = false, revert_opt = false, delete_opt = false;
    virConnectPtr conn = NULL;
    virDomainPtr dom = NULL;
    char *err = NULL;
    int c, rc = 1;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': uri = optarg; break;
        case OPT_TREE: tree = true; list_opt = true; break;
        case OPT_NAME: spec.name = optarg; create_opt = true; break;
        case OPT_DESCRIPTION: spec.description = optarg; create_opt = true; break;
        case OPT_DISK_ONLY: spec.disk_only = true; create_opt = true; break;
        case OPT_QUIESCE: spec.quiesce = true; create_opt = true; break;
        case OPT_NO_MEMORY: spec.no_memory = true; create_opt = true; break;
        case OPT_POOL: spec.pool = optarg; create_opt = true; break;
        case OPT_PRINT_XML: print_xml = true; create_opt = true; break;
        case OPT_RUNNING: rflags |= VD_DSNAP_REVERT_RUNNING; revert_opt = true; break;
        case OPT_PAUSED: rflags |= VD_DSNAP_REVERT_PAUSED; revert_opt = true; break;
        case OPT_CHILDREN: dflags |= VD_DSNAP_DELETE_CHILDREN; delete_opt = true; break;
        case OPT_METADATA: dflags |= VD_DSNAP_DELETE_METADATA; delete_opt = true; break;
        case 'h':
            usage(stdout);
            return 0;
        case ':':
            return vd_cli_usage_error(PROG, "option '%s' needs a value", argv[optind - 1]);
        default:
            return vd_cli_usage_error(PROG, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind < 2)
        return vd_cli_usage_error(PROG, "a domain and an action are needed");
    dname = argv[optind];
    action = argv[optind + 1];
    if (strcmp(action, "revert") == 0 || strcmp(action, "delete") == 0 ||
        strcmp(action, "dumpxml") == 0) {
        if (argc - optind != 3)
            return vd_cli_usage_error(PROG, "%s needs exactly one snapshot name", action);
        sname = argv[optind + 2];
    } else if (strcmp(action, "list") == 0 || strcmp(action, "create") == 0) {
        if (argc - optind != 2)
            return vd_cli_usage_error(PROG, "unexpected argument '%s'", argv[optind + 2]);
    } else {
        return vd_cli_usage_error(PROG, "unknown action '%s' (list, create, revert, delete, dumpxml)", action);
    }
    if ((list_opt && strcmp(action, "list") != 0) ||
        (create_opt && strcmp(action, "create") != 0) ||
        (revert_opt && strcmp(action, "revert") != 0) ||
        (delete_opt && strcmp(action, "delete") != 0))
        return vd_cli_usage_error(PROG, "an option given does not apply to '%s'", action);
    if (rflags == (VD_DSNAP_REVERT_RUNNING | VD_DSNAP_REVERT_PAUSED))
        return vd_cli_usage_error(PROG, "--running and --paused exclude each other");
    if ((spec.quiesce || spec.pool) && !spec.disk_only)
        return vd_cli_usage_error(PROG, "--quiesce and --pool need --disk-only");

    if (!(conn = vd_cli_connect(PROG, uri)))
        return 1;
    if (!(dom = vd_cli_find_domain(conn, dname))) {
        fprintf(stderr, "%s: no domain '%s'\n", PROG, dname);
        goto cleanup;
    }
    if (strcmp(action, "list") == 0) {
        vd_dsnap_list l = { 0 };

        if (vd_dsnap_list_read(dom, &l, &err) < 0) {
            failed(err);
            goto cleanup;
        }
        if (tree) {
            char *t = vd_dsnap_tree_text(&l);

            /* and the blank line virsh ends its output with */
            printf("%s\n", t ? t : "");
            free(t);
        } else {
            print_table(&l);
        }
        vd_dsnap_list_clear(&l);
        rc = 0;
    } else if (strcmp(action, "create") == 0) {
        char *made = NULL;

        if (print_xml) {
            if (!(made = vd_dsnap_create_xml(dom, &spec, &err))) {
                failed(err);
                goto cleanup;
            }
            fputs(made, stdout);
            free(made);
            rc = 0;
            goto cleanup;
        }
        if (vd_dsnap_create(dom, &spec, &made, &err) < 0) {
            failed(err);
            goto cleanup;
        }
        printf("Domain snapshot %s created\n", made);
        free(made);
        rc = 0;
    } else if (strcmp(action, "revert") == 0) {
        if (vd_dsnap_revert(dom, sname, rflags, &err) < 0) {
            failed(err);
            goto cleanup;
        }
        printf("Domain %s reverted to snapshot %s\n", virDomainGetName(dom), sname);
        rc = 0;
    } else if (strcmp(action, "delete") == 0) {
        if (vd_dsnap_delete(dom, sname, dflags, &err) < 0) {
            failed(err);
            goto cleanup;
        }
        if (dflags & VD_DSNAP_DELETE_CHILDREN)
            printf("Domain snapshot %s and its children deleted%s\n", sname,
                   dflags & VD_DSNAP_DELETE_METADATA ? " (metadata only)" : "");
        else
            printf("Domain snapshot %s deleted%s\n", sname,
                   dflags & VD_DSNAP_DELETE_METADATA ? " (metadata only)" : "");
        rc = 0;
    } else {
        char *xml = vd_dsnap_get_xml(dom, sname, &err);

        if (!xml) {
            failed(err);
            goto cleanup;
        }
        fputs(xml, stdout);
        free(xml);
        rc = 0;
    }

 cleanup:
    free(err);
    if (dom)
        virDomainFree(dom);
    virConnectClose(conn);
    return rc;
}
