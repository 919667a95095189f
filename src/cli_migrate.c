/*
 * cli_migrate.c: `virtdeck migrate`, after `virsh migrate`: one domain
 * to another host, through the same checks and engine as the UI's
 * migration job (src/core/migrate.h). A progress line on a terminal,
 * plain lines otherwise (--verbose); Ctrl-C aborts the migration and
 * the guest keeps running on the source.
 */
#include <errno.h>
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

#include "virtdeck/migrate.h"
#include "core/migrate.h"
#include "cli.h"

#define PROG "virtdeck migrate"

enum {
    OPT_LIVE = 256, OPT_OFFLINE, OPT_PERSISTENT, OPT_UNDEFINE, OPT_COPY_ALL,
    OPT_COPY_INC, OPT_BANDWIDTH, OPT_DOWNTIME, OPT_AUTO_CONVERGE, OPT_POSTCOPY,
    OPT_P2P, OPT_TUNNELLED, OPT_UNSAFE, OPT_MIGRATE_URI, OPT_VERBOSE,
};

static const struct option longopts[] = {
    { "connect", required_argument, NULL, 'c' },
    { "live", no_argument, NULL, OPT_LIVE },
    { "offline", no_argument, NULL, OPT_OFFLINE },
    { "persistent", no_argument, NULL, OPT_PERSISTENT },
    { "undefinesource", no_argument, NULL, OPT_UNDEFINE },
    { "copy-storage-all", no_argument, NULL, OPT_COPY_ALL },
    { "copy-storage-inc", no_argument, NULL, OPT_COPY_INC },
    { "bandwidth", required_argument, NULL, OPT_BANDWIDTH },
    { "downtime", required_argument, NULL, OPT_DOWNTIME },
    { "auto-converge", no_argument, NULL, OPT_AUTO_CONVERGE },
    { "postcopy", no_argument, NULL, OPT_POSTCOPY },
    { "p2p", no_argument, NULL, OPT_P2P },
    { "tunnelled", no_argument, NULL, OPT_TUNNELLED },
    { "unsafe", no_argument, NULL, OPT_UNSAFE },
    { "migrate-uri", required_argument, NULL, OPT_MIGRATE_URI },
    { "verbose", no_argument, NULL, OPT_VERBOSE },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Print the help text. */
static void
usage(FILE *out)
{
    fputs(
"usage: virtdeck migrate [-c SRC] DOMAIN DEST_URI [options]\n"
"Move DOMAIN from the host SRC to the host DEST_URI (as virsh migrate).\n"
"\n"
"  -c, --connect SRC        the source host (default: $LIBVIRT_DEFAULT_URI\n"
"                           or libvirt's default)\n"
"      --live               live migration of a running or paused guest\n"
"                           (the default for a running guest)\n"
"      --offline            move a shut off guest's definition (the default\n"
"                           for a shut off guest; implies --persistent)\n"
"      --persistent         define the guest on the destination\n"
"      --undefinesource     undefine the guest on the source afterwards\n"
"      --copy-storage-all   copy disks the destination does not see, whole\n"
"      --copy-storage-inc   copy them incrementally (the top layer)\n"
"      --bandwidth MiB/s    limit the migration's bandwidth\n"
"      --downtime MS        maximum downtime at the switch-over\n"
"      --auto-converge      slow the guest's vCPUs if it does not converge\n"
"      --postcopy           allow post-copy (press Ctrl-\\ to switch to it)\n"
"      --p2p                peer-to-peer: the source daemon connects to\n"
"                           DEST_URI itself (DEST_URI as the source host\n"
"                           reaches it)\n"
"      --tunnelled          send the data through the daemons (implies --p2p)\n"
"      --unsafe             skip libvirt's check that storage is shared\n"
"      --migrate-uri URI    where the data goes, e.g. tcp://10.0.0.2\n"
"                           (the destination's address on a migration link)\n"
"      --verbose            progress lines also when not on a terminal\n"
"  -h, --help               show this help and exit\n"
"\n"
"Ctrl-C aborts the migration: the guest keeps running on the source.\n"
"Exit status: 0 migrated, 1 refused, failed or cancelled, 2 usage error.\n",
          out);
}

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

/* Parse a non-negative number option; -1 when bad. */
static long long
number(const char *s)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < 0)
        return -1;
    return v;
}

/* `virtdeck migrate`. */
int
vd_cli_migrate(int argc, char **argv)
{
    vd_migrate_opts o = { 0 };
    vd_migrate_ctl ctl = { progress, cancelled, postcopy, &out.postcopy_said };
    virConnectPtr src = NULL, dst = NULL;
    virDomainPtr dom = NULL;
    const char *uri = NULL, *name;
    char *why = NULL, *err = NULL, *desc = NULL;
    struct sigaction sa;
    long long v;
    int c, rc = 1;

    memset(&out, 0, sizeof(out));
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': uri = optarg; break;
        case OPT_LIVE: o.flags |= VD_MIG_LIVE; break;
        case OPT_OFFLINE: o.flags |= VD_MIG_OFFLINE; break;
        case OPT_PERSISTENT: o.flags |= VD_MIG_PERSIST; break;
        case OPT_UNDEFINE: o.flags |= VD_MIG_UNDEFINE_SOURCE; break;
        case OPT_COPY_ALL: o.flags |= VD_MIG_COPY_ALL; break;
        case OPT_COPY_INC: o.flags |= VD_MIG_COPY_INC; break;
        case OPT_AUTO_CONVERGE: o.flags |= VD_MIG_AUTO_CONVERGE; break;
        case OPT_POSTCOPY: o.flags |= VD_MIG_POSTCOPY; break;
        case OPT_P2P: o.flags |= VD_MIG_P2P; break;
        case OPT_TUNNELLED: o.flags |= VD_MIG_TUNNELLED; break;
        case OPT_UNSAFE: o.flags |= VD_MIG_UNSAFE; break;
        case OPT_VERBOSE: out.verbose = true; break;
        case OPT_BANDWIDTH:
            if ((v = number(optarg)) <= 0) {
                fail("--bandwidth needs a positive number of MiB/s, not '%s'", optarg);
                return 2;
            }
            o.bandwidth = (unsigned long long)v;
            break;
        case OPT_DOWNTIME:
            if ((v = number(optarg)) <= 0) {
                fail("--downtime needs a positive number of milliseconds, not '%s'", optarg);
                return 2;
            }
            o.downtime_ms = v;
            break;
        case OPT_MIGRATE_URI:
            free(o.migrate_uri);
            o.migrate_uri = strdup(optarg);
            break;
        case 'h':
            usage(stdout);
            vd_migrate_opts_clear(&o);
            return 0;
        default:
            usage(stderr);
            vd_migrate_opts_clear(&o);
            return 2;
        }
    }
    if (argc - optind != 2) {
        fail("needs DOMAIN and DEST_URI (see --help)");
        vd_migrate_opts_clear(&o);
        return 2;
    }
    name = argv[optind];
    o.dest_uri = strdup(argv[optind + 1]);
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
        fail("migration of %s failed: %s", name, err ? err : "unknown error");
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
