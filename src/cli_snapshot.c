/*
 * cli_snapshot.c: `virtdeck snapshot`, a domain's snapshots from the
 * command line, after `virsh snapshot-*`: list (and --tree), create,
 * revert, delete, dumpxml. The work and every refusal are the core's
 * (virtdeck/dsnap_ops.h), so the messages are the TUI's.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/dsnap_ops.h"
#include "cli.h"
#include "cli_args.h"

#define PROG "virtdeck snapshot"

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
    vd_snapshot_args a = { 0 };
    vd_dsnap_spec spec = { 0 };
    const char *uri, *dname, *action, *sname;
    bool tree, print_xml;
    unsigned int rflags, dflags;
    virConnectPtr conn = NULL;
    virDomainPtr dom = NULL;
    char *err = NULL;
    int status, rc = 1;

    if ((status = vd_snapshot_args_parse(&a, argc, argv)) != VD_CLI_RUN)
        return vd_cli_report(&vd_cli_snapshot_cmd, status, a.err);
    uri = a.uri;
    dname = a.domain;
    action = a.action;
    sname = a.snapshot;
    tree = a.tree;
    print_xml = a.print_xml;
    rflags = a.revert_flags;
    dflags = a.delete_flags;
    spec.name = a.name;
    spec.description = a.description;
    spec.disk_only = a.disk_only;
    spec.quiesce = a.quiesce;
    spec.no_memory = a.no_memory;
    spec.pool = a.pool;

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
