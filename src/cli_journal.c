/*
 * cli_journal.c: `virtdeck journal`: the journal (journal.h) as human
 * lines or JSON lines, filtered, optionally followed as it grows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "virtdeck/journal.h"
#include "cli.h"
#include "cli_args.h"

#define PROG "virtdeck journal"

typedef struct {
    vd_journal_filter f;
    bool json;
    unsigned long shown;
} print_ctx;

/* Print e when it passes the filter. */
static void
print_entry(const vd_journal_entry *e, void *opaque)
{
    print_ctx *c = opaque;
    char line[4096];

    if (!vd_journal_match(e, &c->f))
        return;
    if (c->json) {
        char *s = vd_journal_format(e);
        if (s)
            fputs(s, stdout);
        free(s);
    } else {
        puts(vd_journal_human(e, line, sizeof(line)));
    }
    c->shown++;
}

/* --note TEXT: one note line, written before exiting. */
static int
add_note(const char *text)
{
    vd_journal_entry e = { .kind = VD_JOURNAL_NOTE, .duration_ms = -1, .ok = -1 };
    const char *err = NULL;
    char *msg;

    if (vd_journal_init("journal", &err) < 0) {
        fprintf(stderr, "%s: %s\n", PROG, err);
        return 1;
    }
    e.type = strdup("note");
    e.message = strdup(text);
    vd_journal_record(&e);
    vd_journal_shutdown(5000);
    if ((msg = vd_journal_take_error())) {
        fprintf(stderr, "%s: %s\n", PROG, msg);
        free(msg);
        return 1;
    }
    return 0;
}

/* virtdeck journal. */
int
vd_cli_journal(int argc, char **argv)
{
    vd_journal_args a;
    print_ctx ctx = { .f = { .kind = -1 } };
    vd_journal_tail *t = NULL;
    char path[4096];
    int rc, n, ret = 1;

    memset(&a, 0, sizeof(a));
    if ((rc = vd_journal_args_parse(&a, argc, argv)) != VD_CLI_RUN)
        return vd_cli_report(&vd_cli_journal_cmd, rc, a.err);
    if (a.since && vd_journal_parse_since(a.since, vd_journal_now_ms(),
                                          &ctx.f.since_ms) < 0) {
        snprintf(a.err, sizeof(a.err), "--since: '%s' is neither a time "
                 "(2026-12-04T05:10) nor a span (30m, 1h, 2d)", a.since);
        return vd_cli_report(&vd_cli_journal_cmd, VD_CLI_USAGE, a.err);
    }
    ctx.f.host = a.host;
    ctx.f.object = a.domain;
    ctx.f.failed = a.failed;
    ctx.json = a.json;
    if (a.note)
        return add_note(a.note);
    if (!vd_journal_default_path(path, sizeof(path))) {
        fprintf(stderr, "%s: neither XDG_STATE_HOME nor HOME is set\n", PROG);
        return 1;
    }
    if (a.path) {
        puts(path);
        return 0;
    }
    if (!(t = vd_journal_tail_new(path, true))) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        return 1;
    }
    if (!ctx.json && isatty(STDOUT_FILENO))
        printf("# %s: what virtdeck did and saw while it ran; "
               "events from before it started are not known\n", path);
    for (;;) {
        if ((n = vd_journal_tail_read(t, print_entry, &ctx)) < 0) {
            fprintf(stderr, "%s: cannot read %s: %m\n", PROG, path);
            goto cleanup;
        }
        if (fflush(stdout) != 0)
            goto cleanup;
        if (!a.follow)
            break;
        {
            struct timespec ts = { 0, 250 * 1000000L };
            nanosleep(&ts, NULL);
        }
    }
    ret = 0;

 cleanup:
    vd_journal_tail_free(t);
    return ret;
}
