/*
 * cli_migrate.c: `virtdeck migrate`, after `virsh migrate`: one domain
 * to another host, through the same checks and engine as the UI's
 * migration job (src/core/migrate.h). A progress line on a terminal,
 * plain lines otherwise (--verbose); Ctrl-C aborts the migration and
 * the guest keeps running on the source.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/migrate.h"
#include "core/migrate.h"
#include "cli.h"
#include "cli_args.h"

#define PROG "virtdeck migrate"

/* Print a message prefixed with the command's name; returns 1. */
static int
fail(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

static volatile sig_atomic_t got_int, got_quit;

/* SIGINT: abort; SIGQUIT (Ctrl-\): switch to post-copy. */
static void
on_signal(int sig)
{
    if (sig == SIGINT || sig == SIGTERM)
        got_int = 1;
    else
        got_quit = 1;
}

static bool
cancelled(void *opaque)
{
    (void)opaque;
    return got_int != 0;
}

static bool
postcopy(void *opaque)
{
    bool *said = opaque;

    if (!got_quit)
        return false;
    got_quit = 0;
    *said = true;
    return true;
}

typedef struct shown {
    bool tty, verbose;
    bool postcopy_said;
    int width;                  /* of the last progress line */
} shown;

static shown out;

/* Print one look at the migration. */
static void
progress(const vd_migrate_stats *st, void *opaque)
{
    char line[256];
    int pct = st->total ? (int)(100.0 * (double)(st->total - st->remaining) /
                                (double)st->total) : 0;
    char downtime[24] = "?";
    int n;

    (void)opaque;
    if (!out.tty && !out.verbose)
        return;
    if (st->downtime_ms >= 0)
        snprintf(downtime, sizeof(downtime), "%lld", st->downtime_ms);
    n = snprintf(line, sizeof(line),
                 "%s %3d%% %.1f/%.1f MiB, %.1f MiB left, %.1f MiB/s, dirty %.1f MiB/s, "
                 "pass %llu, downtime %s ms, %.1f s",
                 st->phase, pct, (double)st->processed / 1048576.0,
                 (double)st->total / 1048576.0, (double)st->remaining / 1048576.0,
                 st->rate / 1048576.0, st->dirty_rate / 1048576.0, st->iteration,
                 downtime,
                 (double)st->elapsed_ms / 1000.0);
    if (st->eta_ms >= 0 && n > 0 && (size_t)n < sizeof(line))
        snprintf(line + n, sizeof(line) - (size_t)n, ", ETA %.0f s",
                 (double)st->eta_ms / 1000.0);
    if (out.tty) {
        fprintf(stderr, "\r%-*s", out.width, line);
        out.width = (int)strlen(line);
    } else {
        fprintf(stdout, "progress: %s\n", line);
    }
    fflush(out.tty ? stderr : stdout);
}

/* libvirt's errors are reported by this command, not printed by libvirt. */
static void
silent_error(void *opaque, virErrorPtr e)
{
    (void)opaque;
    (void)e;
}

/* `virtdeck migrate`. */
int
vd_cli_migrate(int argc, char **argv)
{
    vd_migrate_args a = { 0 };
    vd_migrate_opts o = { 0 };
    vd_migrate_ctl ctl = { progress, cancelled, postcopy, &out.postcopy_said };
    virConnectPtr src = NULL, dst = NULL;
    virDomainPtr dom = NULL;
    const char *uri = NULL, *name;
    char *why = NULL, *err = NULL, *desc = NULL;
    struct sigaction sa;
    int status, rc = 1;

    memset(&out, 0, sizeof(out));
    if ((status = vd_migrate_args_parse(&a, argc, argv)) != VD_CLI_RUN)
        return vd_cli_report(&vd_cli_migrate_cmd, status, a.err);
    uri = a.uri;
    name = a.domain;
    o.flags = (a.live ? VD_MIG_LIVE : 0) | (a.offline ? VD_MIG_OFFLINE : 0) |
              (a.persistent ? VD_MIG_PERSIST : 0) |
              (a.undefinesource ? VD_MIG_UNDEFINE_SOURCE : 0) |
              (a.copy_all ? VD_MIG_COPY_ALL : 0) | (a.copy_inc ? VD_MIG_COPY_INC : 0) |
              (a.auto_converge ? VD_MIG_AUTO_CONVERGE : 0) |
              (a.postcopy ? VD_MIG_POSTCOPY : 0) | (a.p2p ? VD_MIG_P2P : 0) |
              (a.tunnelled ? VD_MIG_TUNNELLED : 0) | (a.unsafe ? VD_MIG_UNSAFE : 0);
    o.bandwidth = a.bandwidth;
    o.downtime_ms = a.downtime_ms;
    out.verbose = a.verbose;
    if (a.migrate_uri)
        o.migrate_uri = strdup(a.migrate_uri);
    o.dest_uri = strdup(a.dest_uri);
    if (uri)
        o.src_uri = strdup(uri);
    if ((why = vd_migrate_opts_check(&o))) {
        fail("%s", why);
        rc = 2;
        goto cleanup;
    }
    out.tty = isatty(STDERR_FILENO);
    virSetErrorFunc(NULL, silent_error);

    if (!(src = virConnectOpen(uri))) {
        fail("cannot connect to the source %s: %s", uri ? uri : "(default)",
             virGetLastErrorMessage());
        goto cleanup;
    }
    if (!(dom = virDomainLookupByName(src, name))) {
        fail("no domain '%s' on the source", name);
        goto cleanup;
    }
    /* p2p: DEST_URI is how the source daemon reaches the destination,
     * not necessarily this program: it is not opened from here, and only
     * the source's side is checked before the migration. */
    if (o.flags & (VD_MIG_P2P | VD_MIG_TUNNELLED)) {
        if (out.verbose)
            printf("note: peer-to-peer: the source daemon connects to %s; "
                   "the destination is not checked from here\n", o.dest_uri);
    } else if (!(dst = virConnectOpen(o.dest_uri))) {
        fail("cannot connect to the destination %s: %s", o.dest_uri,
             virGetLastErrorMessage());
        goto cleanup;
    }
    if ((why = vd_migrate_check(src, dom, dst, &o))) {
        fail("refused: %s", why);
        goto cleanup;
    }
    desc = vd_migrate_opts_describe(&o);
    if (out.verbose)
        printf("migrating %s to %s (%s)\n", name, o.dest_uri, desc ? desc : "");
    fflush(stdout);

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    if (o.flags & VD_MIG_POSTCOPY)
        sigaction(SIGQUIT, &sa, NULL);
    rc = vd_migrate_run(src, dom, dst, &o, &ctl, &err);
    if (out.tty && out.width)
        fputc('\n', stderr);
    if (out.postcopy_said)
        printf("switched to post-copy\n");
    if (rc == 0) {
        printf("migrated %s to %s\n", name, o.dest_uri);
    } else if (rc > 0) {
        fail("cancelled: %s keeps running on the source", name);
        rc = 1;
    } else {
        char *where = vd_migrate_whereabouts(src, dom, dst);

        fail("migration of %s failed: %s%s%s", name, err ? err : "unknown error",
             where ? "; " : "", where ? where : "");
        free(where);
        rc = 1;
    }

 cleanup:
    free(why);
    free(err);
    free(desc);
    if (dom)
        virDomainFree(dom);
    if (dst)
        virConnectClose(dst);
    if (src)
        virConnectClose(src);
    vd_migrate_opts_clear(&o);
    return rc;
}
