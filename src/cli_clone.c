/*
 * cli_clone.c: `virtdeck clone`, a copy of a shut-off domain from the
 * command line with virt-clone's options. The checks and the work are
 * the core's (virtdeck/clone_ops.h), so the messages are the TUI's. An
 * interrupt (Ctrl-C) cancels: every volume made is deleted and no
 * domain is defined.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/clone_ops.h"
#include "cli.h"
#include "cli_args.h"

#define PROG "virtdeck clone"

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
    vd_clone_cli_args o = { 0 };
    vd_clone_args args = { 0 };
    vd_clone_plan plan = { 0 };
    const char *uri, *original;
    bool print_xml, quiet;
    virConnectPtr conn = NULL;
    virDomainPtr dom = NULL;
    struct sigaction sa;
    char *err = NULL;
    size_t i;
    int c, rc = 2;

    if ((c = vd_clone_cli_args_parse(&o, argc, argv)) != VD_CLI_RUN)
        return vd_cli_report(&vd_cli_clone_cmd, c, o.err);
    for (i = 0; i < o.nmacs; i++) {
        vd_check_msg *bad = vd_clone_check_mac(o.macs[i]);

        if (bad) {
            snprintf(o.err, sizeof(o.err), "--mac %s: %s", o.macs[i], bad);
            vd_check_free(bad);
            return vd_cli_report(&vd_cli_clone_cmd, VD_CLI_USAGE, o.err);
        }
    }
    uri = o.uri;
    original = o.original;
    print_xml = o.print_xml;
    quiet = o.quiet;
    args.linked = o.linked;
    if (o.name && !(args.name = strdup(o.name)))
        goto oom;
    for (i = 0; i < o.nskip; i++)
        if (vd_clone_args_disk(&args, o.skip[i], VD_CLONE_SHARE) < 0)
            goto oom;
    for (i = 0; i < o.nlink; i++)
        if (vd_clone_args_disk(&args, o.link[i], VD_CLONE_LINK) < 0)
            goto oom;
    if (o.nmacs && !(args.macs = calloc(o.nmacs, sizeof(*args.macs))))
        goto oom;
    for (i = 0; i < o.nmacs; i++) {
        if (!(args.macs[i] = strdup(o.macs[i])))
            goto oom;
        args.nmacs++;
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
